"""The main window's own dialogs (figures, lists, settings, login, conflicts), each opened
beside the window on the workspace, and what the window does when they are done."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.ui import messages, settings
from app.ui.i18n import tr

if TYPE_CHECKING:
    from app.ui.conflicts_dialog import ConflictsDialog
    from app.ui.due_list import DueListDialog
    from app.ui.ladder_figures import LadderFiguresDialog
    from app.ui.main_window import MainWindow
    from app.ui.settings_dialog import ChangePassphraseDialog, SettingsDialog
    from app.ui.statement_dialog import StatementDialog
    from app.ui.sync_dialogs import LoginDialog


def _beside(dialog: QDialog) -> None:
    """Shown next to the window (not modal), and gone when closed."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()


class WindowDialogs:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def ladder_figures(self) -> LadderFiguresDialog:
        from app.ui.ladder_figures import LadderFiguresDialog

        dialog = LadderFiguresDialog(self.window.workspace, parent=self.window)
        _beside(dialog)
        return dialog

    def due_list(self) -> DueListDialog:
        from app.ui.due_list import DueListDialog

        window = self.window
        dialog = DueListDialog(
            window.workspace, window.open_client, scope=window.scope, parent=window
        )
        _beside(dialog)
        return dialog

    def subsidy_statement(self) -> StatementDialog:
        from app.ui.statement_dialog import StatementDialog

        window = self.window
        dialog = StatementDialog(window.workspace, scope=window.scope, parent=window)
        _beside(dialog)
        return dialog

    def settings(self) -> SettingsDialog:
        from app.ui.settings_dialog import SettingsDialog

        window = self.window
        dialog = SettingsDialog(
            window, server_url=window.sync.status().server_url, on_server=self.login
        )
        dialog.accepted.connect(lambda: window.idle.set_minutes(settings.idle_minutes()))
        dialog.accepted.connect(lambda: window.sync.set_interval(settings.sync_minutes()))
        dialog.open()
        return dialog

    def change_passphrase(self) -> ChangePassphraseDialog:
        from app.ui.settings_dialog import ChangePassphraseDialog

        dialog = ChangePassphraseDialog(self.window.workspace.data_dir, self.window)
        dialog.accepted.connect(lambda: messages.info(tr("Het wachtwoord is gewijzigd.")))
        dialog.open()
        return dialog

    def login(self) -> LoginDialog:
        from app.ui.sync_dialogs import LoginDialog

        window = self.window
        dialog = LoginDialog(window.workspace, window)
        dialog.accepted.connect(lambda: window.sync.sync_now(manual=True))
        dialog.open()
        return dialog

    def conflicts(self) -> ConflictsDialog:
        from app.ui.conflicts_dialog import ConflictsDialog

        window = self.window
        dialog = ConflictsDialog(window.workspace, window)
        dialog.resolved.connect(window.synced_data_changed)
        dialog.resolved.connect(window.sync.refresh_status)
        dialog.finished.connect(lambda _r: window.sync.sync_now(manual=False))
        _beside(dialog)
        return dialog
