"""Start-up of the GUI: the application object, style, first run or unlock, main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog

from app import APP_NAME, __version__
from app.storage.store import Store, StorePaths
from app.ui.dialogs import NewStoreDialog, UnlockDialog


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setStyle("Fusion")
    return app


def obtain_store(data_dir: Path, *, demo: bool) -> Store | None:
    """Unlock the existing store, or (first run) make one. None when the user cancels."""
    if demo and not StorePaths(data_dir).exists():
        from app.cli import ensure_demo_store

        ensure_demo_store(data_dir, 1000)
    if StorePaths(data_dir).exists():
        from app.services.demo import DEMO_PASSPHRASE

        hint = f"Demo: het wachtwoord is {DEMO_PASSPHRASE}" if demo else ""
        dialog: UnlockDialog | NewStoreDialog = UnlockDialog(data_dir, hint=hint)
    else:
        dialog = NewStoreDialog(data_dir)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.store


def run_gui(data_dir: Path, *, demo: bool) -> int:
    app = make_application()
    store = obtain_store(data_dir, demo=demo)
    if store is None:
        return 0
    from app.ui.main_window import MainWindow

    window = MainWindow(store, demo=demo)
    window.show()
    try:
        return app.exec()
    finally:
        store.close()
