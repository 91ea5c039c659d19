"""Every action of the main window, created in one place with its shortcut."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from app.ui.i18n import tr


class Actions:
    def __init__(self, parent: QObject) -> None:
        def make(text: str, shortcut: str | QKeySequence.StandardKey, tip: str = "") -> QAction:
            action = QAction(text, parent)
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{tip or text} ({action.shortcut().toString()})")
            return action

        self.new_client = make(tr("Nieuwe klant"), "Ctrl+N")
        self.open_client = make(tr("Dossier openen"), "Ctrl+O")
        self.edit_client = make(tr("Bewerken"), "Ctrl+E", tr("Klantgegevens bewerken"))
        self.add_journal = make(tr("Journaalbericht"), "Ctrl+J", tr("Nieuw journaalbericht"))
        self.assess = make(tr("Ladderbeoordeling"), "Ctrl+B", tr("Nieuwe ladderbeoordeling"))
        self.ladder_figures = make(
            tr("Ladderbeweging"), "Ctrl+Shift+M", tr("Beweging op de participatieladder")
        )
        self.due_list = make(
            tr("Wat staat er open…"), "Ctrl+D", tr("Alle openstaande acties en termijnen")
        )
        self.back = make(tr("Caseload"), "Alt+Left", tr("Terug naar de caseload"))
        self.find = make(tr("Zoeken"), QKeySequence.StandardKey.Find)
        self.refresh = make(tr("Vernieuwen"), "F5")
        self.toggle_team = make(tr("Teamcaseload"), "Ctrl+T", tr("Eigen caseload of team"))
        self.toggle_team.setCheckable(True)
        self.clear_filters = make(tr("Filters wissen"), "Ctrl+Shift+F")
        self.lock = make(tr("Vergrendelen"), "Ctrl+L")
        # also from a dialog beside the window (the due list, the figures): locking must never
        # depend on which window has the focus
        self.lock.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.change_passphrase = make(tr("Wachtwoord wijzigen…"), "Ctrl+Shift+P")
        self.backup = make(
            tr("Reservekopie maken"),
            "Ctrl+Shift+B",
            tr("Nu een versleutelde reservekopie maken (Trede doet dit ook elke dag)"),
        )
        self.settings = make(tr("Instellingen…"), "Ctrl+,")
        self.quit = make(tr("Afsluiten"), "Ctrl+Q")
        self.export = make(tr("Caseload exporteren…"), "Ctrl+Shift+E")
        self.caseload_overview = make(tr("Caseloadoverzicht (PDF)…"), "Ctrl+Shift+O")
        self.quarter_report = make(tr("Kwartaalrapportage (PDF)…"), "Ctrl+Shift+K")
        self.subsidy_statement = make(
            tr("Loonkostensubsidie per maand…"),
            "Ctrl+Shift+U",
            tr("Wat de gemeente per maand en kwartaal aan loonkostensubsidie betaalt"),
        )
        self.plans = make(tr("Plannen van de caseload (PDF's)…"), "Ctrl+Shift+L")
        self.transfer = make(
            tr("Overdrachtsbestand maken…"),
            "Ctrl+Shift+T",
            tr("Klantdossier overdragen zonder verbinding"),
        )
        self.import_transfer = make(tr("Overdrachtsbestand inlezen…"), "Ctrl+Shift+I")
        self.sync = make(tr("Synchroniseren"), "F9", tr("Nu synchroniseren met de centrale server"))
        self.login = make(tr("Aanmelden bij centrale server…"), "Ctrl+Shift+A")
        self.conflicts = make(tr("Conflicten oplossen…"), "Ctrl+Shift+C")

    def all(self) -> list[QAction]:
        return [value for value in vars(self).values() if isinstance(value, QAction)]

    def client_actions(self) -> list[QAction]:
        """Actions that need an open client file."""
        return [self.edit_client, self.add_journal, self.assess, self.transfer]
