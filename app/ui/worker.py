"""One worker helper for long work on the QThreadPool; results come back as signals on the
GUI thread. The job gets a progress callback and a cancel check (plain Python)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


def expected_errors() -> tuple[type[Exception], ...]:
    """The typed errors whose message is a Dutch sentence for the caseworker."""
    from app.services.errors import ServiceError
    from app.storage.errors import StoreError
    from app.sync.errors import SyncError

    return (ServiceError, StoreError, SyncError)


class UnexpectedFailure(Exception):
    """What a job's unexpected error becomes on its way to the GUI: the calm message of the
    crash hook (the error itself, with its traceback, is in the log)."""


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

    def _progress(self, done: int, total: int) -> None:
        self._tell(self.signals.progress, done, total)

    @staticmethod
    def _tell(signal: Any, *values: object) -> None:
        try:
            signal.emit(*values)
        except RuntimeError:  # "Signal source has been deleted": Trede is closing
            log.info("a background job's news went nowhere: the application is closing")

    def wait(self, timeout: float = 10.0) -> bool:
        """Block until the job has run (for closing while it writes); False on timeout."""
        return self._done.wait(timeout)

    def run(self) -> None:
        try:
            result = self.job(self._progress, self.is_cancelled)
        except BaseException as exc:  # reported to the GUI thread, which shows a message
            if isinstance(exc, expected_errors()):
                # an offline laptop, a refused input: said to the caseworker, no fault here
                log.info("background job stopped: %s", type(exc).__name__)
                self._tell(self.signals.failed, exc)
            else:
                log.exception("background job failed")
                from app.ui.crash import unexpected_error_message

                failure = UnexpectedFailure(unexpected_error_message())
                failure.__cause__ = exc
                self._tell(self.signals.failed, failure)
        else:
            self._tell(self.signals.finished, result)
        finally:
            self._done.set()
            with _running_lock:
                _running.discard(self)


# Every started worker, until it has run: its signals must outlive the window or controller
# that started it (that may close while the job runs; the result then goes nowhere).
_running: set[Worker] = set()
_running_lock = threading.Lock()


def start(worker: Worker) -> Worker:
    with _running_lock:
        _running.add(worker)
    QThreadPool.globalInstance().start(worker)
    return worker


def finish_all(timeout_s: float = 10.0) -> bool:
    """At quit, before the store closes: cancel every running job and wait for them, so that
    none still reads or writes the store (or reports to a window) as it goes. False when one
    did not finish in time."""
    with _running_lock:
        running = list(_running)
    for job in running:
        job.cancel()
    return QThreadPool.globalInstance().waitForDone(int(timeout_s * 1000))


def run_with_progress(
    job: Job, text: str, parent: QWidget | None = None, *, cancel_text: str | None = None
) -> Any:
    """Run `job` on the worker behind a modal progress dialog and return its result (or
    raise its error). The window keeps painting meanwhile. With `cancel_text` the dialog has
    that button: it asks the job to stop and waits, saying so, until the job has stopped
    (a request already sent must come back or time out first)."""
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QProgressDialog

    class _Progress(QProgressDialog):
        """Stays until the job has ended: Escape or the window's close button cancel (when
        the job can be cancelled) or do nothing, so the window behind stays blocked."""

        def __init__(self) -> None:
            super().__init__(text, cancel_text or "", 0, 0, parent)
            self.ended = False

        def reject(self) -> None:
            if cancel_text is not None and not self.ended:
                cancel()

        def closeEvent(self, event: QCloseEvent) -> None:
            if self.ended:
                super().closeEvent(event)
                return
            event.ignore()
            self.reject()

    dialog = _Progress()
    if cancel_text is None:
        dialog.setCancelButton(None)
    dialog.setWindowTitle("Trede")
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    job_worker = Worker(job)
    outcome: list[Any] = []
    loop = QEventLoop()

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    def done(result: Any) -> None:
        outcome.append(result)
        loop.quit()

    def cancel() -> None:
        if job_worker.is_cancelled():
            return
        job_worker.cancel()
        from app.ui.i18n import tr

        dialog.setLabelText(tr("Afbreken… Trede wacht tot het lopende verzoek klaar is."))
        dialog.show()  # QProgressDialog hides itself on cancel; the wait is shown

    job_worker.signals.progress.connect(progress)
    job_worker.signals.finished.connect(done)
    job_worker.signals.failed.connect(done)
    dialog.canceled.connect(cancel)
    dialog.show()
    start(job_worker)
    loop.exec()
    dialog.ended = True
    dialog.close()
    dialog.deleteLater()
    if isinstance(outcome[0], Exception):
        raise outcome[0]
    return outcome[0]
