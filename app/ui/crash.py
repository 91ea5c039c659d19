"""The one crash hook: an error nobody caught (in a Qt slot, on the GUI thread or on another
thread) is logged with its traceback, redacted, and reaches the caseworker as one calm
message through the message bridge; the window stays and nothing saved is lost."""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QThread
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.ui import messages
from app.ui.i18n import tr

log = logging.getLogger(__name__)

# Widgets with this object name show the bridge's messages themselves.
MESSAGE_OWNER = "trede-main-window"


def unexpected_error_message() -> str:
    return tr(
        "Er ging iets onverwachts mis. Wat u al had opgeslagen, is bewaard; wat u in dit "
        "venster nog niet had opgeslagen, kunt u opnieuw proberen. Blijft het gebeuren, geef "
        "dan het logbestand (trede.log) aan de beheerder."
    )


def handle_exception(
    kind: type[BaseException], value: BaseException, traceback: TracebackType | None
) -> None:
    if issubclass(kind, KeyboardInterrupt):
        QCoreApplication.quit()
        return
    from app.ui.worker import UnexpectedFailure, expected_errors

    if isinstance(value, UnexpectedFailure):  # logged where it happened, on the worker
        messages.error(str(value))
        return
    if isinstance(value, expected_errors()):
        # a typed error with a Dutch message that a caller forgot to catch: still a fault
        log.error("uncaught %s", kind.__name__, exc_info=(kind, value, traceback))
        messages.error(str(value))
        return
    log.critical("unexpected error", exc_info=(kind, value, traceback))
    messages.error(unexpected_error_message())


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        handle_exception(args.exc_type, args.exc_value, args.exc_traceback)


def _show_without_window(text: str) -> None:
    """Before the main window exists (unlock, first run) the bridge shows a plain box."""
    app = QApplication.instance()
    if not isinstance(app, QApplication) or QThread.currentThread() is not app.thread():
        return
    owners = [w for w in app.topLevelWidgets() if w.objectName() == MESSAGE_OWNER]
    if any(w.isVisible() for w in owners):
        return
    parent: QWidget | None = app.activeModalWidget() or app.activeWindow()
    QMessageBox.warning(parent, "Trede", text)


def install() -> None:
    sys.excepthook = handle_exception
    threading.excepthook = _thread_hook
    messages.bridge.error.connect(_show_without_window)
