"""One worker helper for long work on the QThreadPool; results come back as signals on the
GUI thread. The job gets a progress callback and a cancel check (plain Python)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


def _expected() -> tuple[type[Exception], ...]:
    from app.services.errors import ServiceError
    from app.storage.errors import StoreError
    from app.sync.errors import SyncError

    return (ServiceError, StoreError, SyncError)


Job = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class Worker(QRunnable):
    """Runs `job(progress, is_cancelled)` off the GUI thread. Connect to `signals`."""

    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job
        self.signals = _Signals()
        self._cancelled = False
        self._done = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancelled = True

    def is_cancelled(self) -> bool:
        return self._cancelled

    def wait(self, timeout: float = 10.0) -> bool:
        """Block until the job has run (for closing while it writes); False on timeout."""
        return self._done.wait(timeout)

    def run(self) -> None:
        try:
            result = self.job(self.signals.progress.emit, self.is_cancelled)
        except Exception as exc:  # reported to the GUI thread, which shows a message
            if isinstance(exc, _expected()):
                # an offline laptop, a refused input: said to the caseworker, no fault here
                log.info("background job stopped: %s", type(exc).__name__)
            else:
                log.exception("background job failed")
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)
        finally:
            self._done.set()


def start(worker: Worker) -> Worker:
    QThreadPool.globalInstance().start(worker)
    return worker
