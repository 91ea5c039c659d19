"""Every action of the main window, created in one place with its shortcut."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence


def _tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


class Actions:
    def __init__(self, parent: QObject) -> None:
        def make(text: str, shortcut: str | QKeySequence.StandardKey, tip: str = "") -> QAction:
            action = QAction(text, parent)
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{tip or text} ({action.shortcut().toString()})")
            return action

        self.new_client = make(_tr("Nieuwe klant"), "Ctrl+N")
        self.open_client = make(_tr("Dossier openen"), "Ctrl+O")
        self.edit_client = make(_tr("Bewerken"), "Ctrl+E", _tr("Klantgegevens bewerken"))
        self.add_journal = make(_tr("Journaalbericht"), "Ctrl+J", _tr("Nieuw journaalbericht"))
        self.back = make(_tr("Caseload"), "Alt+Left", _tr("Terug naar de caseload"))
        self.find = make(_tr("Zoeken"), QKeySequence.StandardKey.Find)
        self.refresh = make(_tr("Vernieuwen"), "F5")
        self.toggle_team = make(_tr("Teamcaseload"), "Ctrl+T", _tr("Eigen caseload of team"))
        self.toggle_team.setCheckable(True)
        self.clear_filters = make(_tr("Filters wissen"), "Ctrl+Shift+F")
        self.lock = make(_tr("Vergrendelen"), "Ctrl+L")
        self.change_passphrase = make(_tr("Wachtwoord wijzigen…"), "Ctrl+Shift+P")
        self.settings = make(_tr("Instellingen…"), "Ctrl+,")
        self.quit = make(_tr("Afsluiten"), "Ctrl+Q")

    def all(self) -> list[QAction]:
        return [value for value in vars(self).values() if isinstance(value, QAction)]

    def client_actions(self) -> list[QAction]:
        """Actions that need an open client file."""
        return [self.edit_client, self.add_journal]
