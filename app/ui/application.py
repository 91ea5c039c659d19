"""Start-up of the GUI: application object, style, translations, first run or unlock, and
the main window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog

from app import APP_NAME, __version__
from app.paths import DEMO_PASSPHRASE, default_data_dir
from app.resources import resource_path
from app.storage.secrets import use_demo_fallback_if_no_secure_backend
from app.storage.unlocking import StorePaths
from app.ui import prefetch, settings, worker
from app.ui.dialogs import NewStoreDialog, UnlockDialog
from app.ui.i18n import install_translators, tr
from app.ui.style import apply_style

if TYPE_CHECKING:
    from app.storage.store import Store

DEMO_CLIENTS = 1000


_QT_NOISE = ("This plugin does not support propagateSizeHints",)


def _qt_message(kind: QtMsgType, _context: object, text: str) -> None:
    if text.startswith(_QT_NOISE):
        return
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(kind, logging.ERROR)
    logging.getLogger("qt").log(level, "%s", text)


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    QApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    if "PYTEST_CURRENT_TEST" not in os.environ:  # pytest-qt captures Qt messages itself
        qInstallMessageHandler(_qt_message)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setWindowIcon(QIcon(str(resource_path("images", "trede.png"))))
    apply_style(app)
    install_translators(app, settings.language())
    return app


def make_demo_store(data_dir: Path) -> None:
    """Generate the demo store in the background, with a progress dialog."""
    from app.services.demo import ensure_demo_store

    dialog = QProgressDialog(
        tr("Demodatabase maken met gegenereerde klanten…"), "", 0, DEMO_CLIENTS
    )
    dialog.setCancelButton(None)
    dialog.setWindowTitle("Trede")
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    job = worker.Worker(
        lambda progress, _cancelled: ensure_demo_store(
            data_dir, DEMO_CLIENTS, DEMO_PASSPHRASE, progress
        )
    )
    failures: list[Exception] = []
    job.signals.progress.connect(lambda done, _total: dialog.setValue(done))
    job.signals.finished.connect(lambda _r: dialog.accept())

    def failed(error: Exception) -> None:
        failures.append(error)
        dialog.accept()

    job.signals.failed.connect(failed)
    worker.start(job)
    dialog.exec()
    if failures:
        raise failures[0]


def obtain_store(data_dir: Path, *, demo: bool) -> tuple[Store | None, bool]:
    """Unlock the store, or on first run make one (or the demo). (None, _) when cancelled."""
    if not demo and not StorePaths(data_dir).exists():
        first_run = NewStoreDialog(data_dir)
        result = first_run.exec()
        if result == QDialog.DialogCode.Accepted:
            return first_run.store, False
        if result == NewStoreDialog.SERVER_CHOSEN:
            prefetch.start()
            prefetch.wait()
            from app.ui.sync_panel import FirstConnectDialog

            connect = FirstConnectDialog(data_dir)
            if connect.exec() == QDialog.DialogCode.Accepted:
                return connect.store, False
            return None, False
        if result != NewStoreDialog.DEMO_CHOSEN:
            return None, False
        demo, data_dir = True, default_data_dir(demo=True)
        use_demo_fallback_if_no_secure_backend()
    if demo and not StorePaths(data_dir).exists():
        make_demo_store(data_dir)
    hint = tr("Demo: het wachtwoord is {0}").format(DEMO_PASSPHRASE) if demo else ""
    dialog = UnlockDialog(data_dir, hint=hint)
    prefetch.start()
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None, demo
    return dialog.store, demo


def run_gui(data_dir: Path, *, demo: bool) -> int:
    app = make_application()
    store, demo = obtain_store(data_dir, demo=demo)
    if store is None:
        return 0
    prefetch.wait()
    from app.ui.main_window import MainWindow

    window = MainWindow(store, demo=demo)
    window.show()
    try:
        return app.exec()
    finally:
        store.close()
