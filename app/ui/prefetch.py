"""Imports modules on a background thread before the GUI thread needs them: the main window
(SQLAlchemy, models, services) while the unlock screen waits for the passphrase, the client
file while the caseworker looks at the caseload."""

from __future__ import annotations

import importlib
import logging
import threading

log = logging.getLogger(__name__)

MAIN_WINDOW = "app.ui.main_window"
_threads: dict[str, threading.Thread] = {}


def _import(module: str) -> None:
    try:
        importlib.import_module(module)
    except Exception:  # the GUI thread imports again and reports the error itself
        log.exception("prefetching %s failed", module)


def start(module: str = MAIN_WINDOW) -> None:
    if module not in _threads:
        thread = threading.Thread(
            target=_import, args=(module,), name="trede-prefetch", daemon=True
        )
        _threads[module] = thread
        thread.start()


def wait(module: str = MAIN_WINDOW) -> None:
    """Called before the GUI thread needs the module; a no-op when nothing was started."""
    thread = _threads.get(module)
    if thread is not None:
        thread.join()
