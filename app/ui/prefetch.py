"""Imports modules on a background thread before the GUI thread needs them: the database
layer and the panels that use it while the unlock screen waits for the passphrase, the client
file while the caseworker looks at the caseload.

At start-up the import waits a moment (a passphrase takes longer to type than the import
takes), and it can be paused between steps: the window that shows the last caseload after an
instant Enter paints without sharing the interpreter with it."""

from __future__ import annotations

import importlib
import logging
import threading

log = logging.getLogger(__name__)

MAIN_WINDOW = "app.ui.window_parts"
# Each step takes at most about a tenth of a second; a pause waits for the current one.
_STEPS = {
    MAIN_WINDOW: (
        "sqlalchemy.util",
        "sqlalchemy.sql",
        "sqlalchemy.engine",
        "sqlalchemy.orm",
        "app.models.base",
        "app.models",
        "app.storage.store",
        "app.services.context",
        "app.services.caseload",
        "app.services.sync",
        "app.ui.file_actions",
        "app.ui.sync_panel",
        "app.ui.settings_dialog",
    ),
}
_threads: dict[str, threading.Thread] = {}
_running = threading.Event()
_running.set()
_needed = threading.Event()  # cuts a start delay short


def _import(module: str, delay: float) -> None:
    _needed.wait(delay)
    try:
        for step in (*_STEPS.get(module, ()), module):
            _running.wait()
            importlib.import_module(step)
    except Exception:  # the GUI thread imports again and reports the error itself
        log.exception("prefetching %s failed", module)


def start(module: str = MAIN_WINDOW, *, delay: float = 0.0) -> None:
    """Import `module` in the background, after `delay` seconds unless it is needed sooner."""
    if module not in _threads:
        thread = threading.Thread(
            target=_import, args=(module, delay), name="trede-prefetch", daemon=True
        )
        _threads[module] = thread
        thread.start()


def pause() -> None:
    """Hold the background imports after their current step (until `resume` or `wait`)."""
    _running.clear()


def resume() -> None:
    _running.set()


def wait(module: str = MAIN_WINDOW) -> None:
    """Called before the GUI thread needs the module; a no-op when nothing was started."""
    resume()
    _needed.set()
    thread = _threads.get(module)
    if thread is not None:
        thread.join()
