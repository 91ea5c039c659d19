"""Start-up of the GUI: application object, style, translations, first run or unlock, and
the main window."""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog

from app import APP_NAME, __version__
from app.paths import DEMO_PASSPHRASE, default_data_dir
from app.resources import resource_path
from app.storage.secrets import use_demo_fallback_if_no_secure_backend
from app.storage.unlocking import StorePaths
from app.ui import crash, messages, prefetch, settings, worker
from app.ui.dialogs import NewStoreDialog, UnlockDialog
from app.ui.i18n import install_translators, tr
from app.ui.style import apply_style

if TYPE_CHECKING:
    from app.services.actor import Actor
    from app.services.caseload_rows import CaseloadRow, Scope
    from app.storage.unlocking import UnlockedKey
    from app.ui.main_window import MainWindow
    from app.workspace.opening import Store

log = logging.getLogger(__name__)

DEMO_CLIENTS = 1000
FIRST_PAINT_MS = 60
# The database layer is imported this long after the unlock screen shows: typing a passphrase
# takes longer than the import, and an instant Enter then finds the processor free.
PREFETCH_DELAY_S = 0.7


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
    if "PYTEST_CURRENT_TEST" not in os.environ:  # pytest-qt captures both itself
        qInstallMessageHandler(_qt_message)
        crash.install()
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setWindowIcon(QIcon(str(resource_path("images", "trede.png"))))
    apply_style(app)
    install_translators(app, settings.language())
    return app


def make_demo_store(data_dir: Path) -> None:
    """Generate the demo store in the background, with a progress dialog."""
    from app.workspace.opening import ensure_demo_store

    worker.run_with_progress(
        lambda progress, _cancelled: ensure_demo_store(
            data_dir, DEMO_CLIENTS, DEMO_PASSPHRASE, progress
        ),
        tr("Demodatabase maken met gegenereerde klanten…"),
    )


@dataclass
class Start:
    """What unlocking gave: an open store, or the key and the last caseload to show first."""

    demo: bool
    store: Store | None = None
    key: UnlockedKey | None = None
    snapshot: tuple[Actor, Scope, list[CaseloadRow]] | None = None


def obtain_start(data_dir: Path, *, demo: bool) -> Start | None:
    """Unlock the store, or on first run make one (or the demo). None when cancelled."""
    from app.workspace.opening import key_from_backup

    # a lost or garbled key file beside its database comes back from the newest backup,
    # instead of the first-run screen offering to make a new store over it
    key_from_backup(StorePaths(data_dir))
    while not demo and not StorePaths(data_dir).exists():
        first_run = NewStoreDialog(data_dir)
        result = first_run.exec()
        if result == QDialog.DialogCode.Accepted:
            return Start(False, store=first_run.store)
        if result == NewStoreDialog.SERVER_CHOSEN:
            prefetch.start()
            prefetch.wait()
            from app.ui.sync_dialogs import FirstConnectDialog

            connect = FirstConnectDialog(data_dir)
            if connect.exec() == QDialog.DialogCode.Accepted:
                return Start(False, store=connect.store)
            continue  # cancelled: back to the first screen, not out of Trede
        if result != NewStoreDialog.DEMO_CHOSEN:
            return None
        demo, data_dir = True, default_data_dir(demo=True)
        use_demo_fallback_if_no_secure_backend()
    if demo and not StorePaths(data_dir).exists():
        make_demo_store(data_dir)
    hint = tr("Demo: het wachtwoord is {0}").format(DEMO_PASSPHRASE) if demo else ""
    dialog = UnlockDialog(data_dir, hint=hint, quick_start=True)
    prefetch.start(delay=PREFETCH_DELAY_S)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return Start(demo, store=dialog.store, key=dialog.key, snapshot=dialog.snapshot)


def open_main_window(start: Start) -> MainWindow:
    """The main window, shown. With a snapshot it shows the last caseload at once, while the
    database layer is imported and the store opened behind it on a worker."""
    from app.ui.main_window import MainWindow

    if start.store is not None:
        prefetch.wait()
        window = MainWindow(start.store, demo=start.demo)
        window.show()
        return window
    key = start.key
    assert key is not None and start.snapshot is not None
    window = MainWindow(None, demo=start.demo, data_dir=key.paths.data_dir, snapshot=start.snapshot)
    window.show()

    def job(_progress: object, _cancelled: object) -> Store:
        prefetch.wait()
        from app.workspace.opening import open_store

        return open_store(key)

    def failed(error: Exception) -> None:
        from app.storage.errors import StoreCorrupted

        if isinstance(error, StoreCorrupted):
            from app.ui.recovery_dialog import recovered_store

            repaired = recovered_store(key, window)
            if repaired is not None:
                window.attach(repaired)
                return
        else:
            messages.error(str(error))  # a store error is a Dutch message fit for the caseworker
        window.close()

    opener = worker.Worker(job)
    opener.signals.finished.connect(window.attach)
    opener.signals.failed.connect(failed)
    window.opener = opener  # kept alive with the window
    # after the first paint: until then the window has the processor to itself
    QTimer.singleShot(FIRST_PAINT_MS, lambda: worker.start(opener))
    return window


def run_gui(data_dir: Path, *, demo: bool) -> int:
    app = make_application()
    start = obtain_start(data_dir, demo=demo)
    if start is None:
        return 0
    window = open_main_window(start)
    try:
        return app.exec()
    finally:
        if not worker.finish_all():
            log.warning("a background job was still running at quit")
        if window.store is not None:
            window.store.close()
