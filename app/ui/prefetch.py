"""Imports modules on a background thread before the GUI thread needs them: the database
layer while the unlock screen waits for the passphrase, the client file's services while the
caseworker looks at the caseload.

Only modules without Qt classes: PySide6 does not allow defining Qt classes on one thread
while another builds widgets (that crashed a test run). At start-up the import waits a
moment (a passphrase takes longer to type than the import takes), and it can be paused
between steps, so the window shown after an instant Enter paints without sharing the
interpreter with it."""

from __future__ import annotations

import importlib
import logging
import threading

log = logging.getLogger(__name__)

DATABASE_LAYER = "database layer"
CLIENT_FILE = "client file"
# In steps of at most a few tenths of a second; a pause waits for the current one.
_GROUPS = {
    DATABASE_LAYER: (
        "sqlalchemy.orm",
        "app.models",
        "app.storage.store",
        "app.services.opening",
        "app.services.context",
        "app.services.caseload",
        "app.services.sync",
        "app.sync.client",
        "app.workspace",  # every use case: the window talks to the store through it
    ),
    CLIENT_FILE: (
        "app.services.clients",
        "app.services.journal",
        "app.services.ladder",
        "app.services.placements",
        "app.services.placement_view",
        "app.services.subsidy_decisions",
        "app.services.wage_value",
        "app.services.job_coaching",
        "app.services.plans",
    ),
}
_threads: dict[str, threading.Thread] = {}
_running = threading.Event()
_running.set()
_needed = threading.Event()  # cuts a start delay short


def _import(group: str, delay: float) -> None:
    _needed.wait(delay)
    try:
        for module in _GROUPS[group]:
            _running.wait()
            importlib.import_module(module)
    except Exception:  # the GUI thread imports again and reports the error itself
        log.exception("prefetching the %s failed", group)


def start(group: str = DATABASE_LAYER, *, delay: float = 0.0) -> None:
    """Import the group's modules in the background, after `delay` seconds unless they are
    needed sooner."""
    if group not in _threads:
        thread = threading.Thread(
            target=_import, args=(group, delay), name="trede-prefetch", daemon=True
        )
        _threads[group] = thread
        thread.start()


def pause() -> None:
    """Hold the background imports after their current step (until `resume` or `wait`)."""
    _running.clear()


def resume() -> None:
    _running.set()


def wait(group: str = DATABASE_LAYER) -> None:
    """Called before the GUI thread needs the modules; a no-op when nothing was started."""
    resume()
    _needed.set()
    thread = _threads.get(group)
    if thread is not None:
        thread.join()
