"""The main window: the caseload with instant search, and the status bar with counts."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.names import matches
from app.services.caseload import CaseloadRow, Scope, caseload_rows
from app.services.context import Actor, owner_actor
from app.storage.store import Store
from app.ui import messages
from app.ui.caseload_model import COLUMNS, CaseloadModel

COLUMN_WIDTHS = (240, 70, 110, 55, 220, 170, 230, 200)


class MainWindow(QMainWindow):
    def __init__(self, store: Store, *, demo: bool = False) -> None:
        super().__init__()
        self.store = store
        with store.session() as session:
            self.actor: Actor = owner_actor(session)
        self.scope = Scope.TEAM if self.actor.is_team_lead else Scope.OWN
        self._all_rows: list[CaseloadRow] = []
        title = "Trede – demo (gegenereerde klanten)" if demo else "Trede"
        self.setWindowTitle(f"{title} – {self.actor.display_name}")

        self.model = CaseloadModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName("Caseload")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS[: len(COLUMNS)]):
            self.table.setColumnWidth(column, width)

        self.search = QLineEdit()
        self.search.setPlaceholderText("Zoek op naam, BSN of postcode (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Zoeken")
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(60)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        self.setCentralWidget(central)
        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)

        self._create_actions()
        self._connect_signals()
        geometry = QSettings().value("geometry/MainWindow")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)
        self.reload()

    def _create_actions(self) -> None:
        self.find_action = self._action("Zoeken", QKeySequence.StandardKey.Find)
        self.reload_action = self._action("Vernieuwen", QKeySequence.StandardKey.Refresh)
        self.quit_action = self._action("Afsluiten", QKeySequence.StandardKey.Quit)
        toolbar = QToolBar("Werkbalk")
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.reload_action)
        self.addToolBar(toolbar)
        for action in (self.find_action, self.reload_action, self.quit_action):
            self.addAction(action)

    def _action(self, text: str, key: QKeySequence.StandardKey) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        return action

    def _connect_signals(self) -> None:
        self.find_action.triggered.connect(self._focus_search)
        self.reload_action.triggered.connect(self.reload)
        self.quit_action.triggered.connect(self.close)
        self.search.textChanged.connect(self._search_timer.start)
        self._search_timer.timeout.connect(self.apply_search)
        messages.bridge.error.connect(self._show_error)

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _show_error(self, text: str) -> None:
        QMessageBox.warning(self, "Trede", text)

    def reload(self) -> None:
        with self.store.session(self.actor.caseworker_id) as session:
            self._all_rows = caseload_rows(session, self.actor, scope=self.scope)
        self.apply_search()

    def apply_search(self) -> None:
        query = self.search.text().strip()
        rows = (
            [r for r in self._all_rows if matches(query, r.search_text)]
            if query
            else self._all_rows
        )
        self.model.today = dt.date.today()
        self.model.set_rows(rows)
        self.count_label.setText(f"{len(rows)} van {len(self._all_rows)} klanten")

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue("geometry/MainWindow", self.saveGeometry())
        super().closeEvent(event)
