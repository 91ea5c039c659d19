"""Imports the main window's modules (SQLAlchemy, models, services) on a background thread
while the unlock screen waits for the passphrase, so the caseload follows the passphrase
without the import pause."""

from __future__ import annotations

import importlib
import logging
import threading

log = logging.getLogger(__name__)

_MODULE = "app.ui.main_window"
_thread: threading.Thread | None = None


def _import() -> None:
    try:
        importlib.import_module(_MODULE)
    except Exception:  # the GUI thread imports again and reports the error itself
        log.exception("prefetching the main window failed")


def start() -> None:
    global _thread
    if _thread is None:
        _thread = threading.Thread(target=_import, name="trede-prefetch", daemon=True)
        _thread.start()


def wait() -> None:
    """Called before the GUI thread needs the modules; a no-op when nothing was started."""
    if _thread is not None:
        _thread.join()
