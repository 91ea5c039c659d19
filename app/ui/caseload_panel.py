"""The caseload panel: instant search, filters and the sortable table of clients."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.ladder import TREDE_NAMES
from app.domain.region import region
from app.domain.vocab import ClientStatus, PriorityGroup
from app.services.caseload_rows import CaseloadFilter, CaseloadRow, filter_rows
from app.ui.caseload_model import COLUMNS, CaseloadModel
from app.ui.i18n import tr, vocab_label

COLUMN_WIDTHS = (230, 70, 110, 60, 120, 230, 170, 250, 210)
SEARCH_DELAY_MS = 40


class CaseloadPanel(QWidget):
    open_requested = Signal(str)
    counts_changed = Signal(int, int, int)  # shown, total, overdue among shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all_rows: list[CaseloadRow] = []
        self._shown: list[CaseloadRow] = []
        self._last_filter = CaseloadFilter()
        self.today = dt.date.today()

        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Zoek op naam, BSN of postcode  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(tr("Zoeken in de caseload"))
        self.trede = QComboBox()
        self.trede.setAccessibleName(tr("Filter op trede"))
        self.trede.addItem(tr("Alle treden"), None)
        for number, name in TREDE_NAMES.items():
            self.trede.addItem(tr("Trede {0} – {1}").format(number, tr(name)), number)
        self.trede.addItem(tr("Nog niet beoordeeld"), 0)
        self.group = QComboBox()
        self.group.setAccessibleName(tr("Filter op doelgroep"))
        self.group.addItem(tr("Alle doelgroepen"), None)
        for group in PriorityGroup:
            self.group.addItem(vocab_label(group), group.value)
        self.municipality = QComboBox()
        self.municipality.setAccessibleName(tr("Filter op gemeente"))
        self.municipality.addItem(tr("Alle gemeenten"), None)
        for code, name in region().choices():
            self.municipality.addItem(name, code)
        self.status = QComboBox()
        self.status.setAccessibleName(tr("Filter op status"))
        self.status.addItem(tr("Actieve klanten"), ClientStatus.ACTIVE.value)
        self.status.addItem(tr("Afgesloten klanten"), ClientStatus.CLOSED.value)
        self.status.addItem(tr("Alle klanten"), None)
        self.overdue = QCheckBox(tr("Alleen te laat"))
        self.overdue.setAccessibleName(tr("Alleen klanten met een actie die te laat is"))
        self.review_overdue = QCheckBox(tr("Herbeoordeling te laat"))
        self.review_overdue.setAccessibleName(
            tr("Alleen klanten van wie de herbeoordeling op de ladder te laat is")
        )

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for widget in (self.trede, self.group, self.municipality, self.status):
            filters.addWidget(widget, 1)
        filters.addWidget(self.overdue)
        filters.addWidget(self.review_overdue)

        self.model = CaseloadModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.setAccessibleName(tr("Caseload"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        for column, width in enumerate(COLUMN_WIDTHS[: len(COLUMNS)]):
            self.table.setColumnWidth(column, width)

        self.empty = QLabel(tr("Geen klanten gevonden. Pas de zoekterm of de filters aan."))
        self.empty.setProperty("role", "muted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._connect_signals()
        self.setTabOrder(self.search, self.trede)
        self.setTabOrder(self.overdue, self.review_overdue)
        self.setTabOrder(self.review_overdue, self.table)

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self._timer.start)
        self._timer.timeout.connect(self.apply)
        for combo in (self.trede, self.group, self.municipality, self.status):
            combo.currentIndexChanged.connect(self.apply)
        self.overdue.toggled.connect(self.apply)
        self.review_overdue.toggled.connect(self.apply)
        self.table.activated.connect(self._activated)
        self.search.returnPressed.connect(self._search_entered)
        self.search.installEventFilter(self)

    # ------------------------------------------------------------ data
    def set_rows(self, rows: list[CaseloadRow]) -> None:
        self._all_rows = rows
        self._last_filter = CaseloadFilter(text="\0")  # nothing narrows from here
        self.apply()

    def current_filter(self) -> CaseloadFilter:
        group = self.group.currentData()
        status = self.status.currentData()
        return CaseloadFilter(
            text=self.search.text(),
            trede=self.trede.currentData(),
            group=PriorityGroup(group) if group else None,
            municipality=self.municipality.currentData(),
            status=ClientStatus(status) if status else None,
            overdue_only=self.overdue.isChecked(),
            review_overdue_only=self.review_overdue.isChecked(),
        )

    def apply(self) -> None:
        """Filter in Python (fast on 100k rows), keep the sort, reset the model."""
        self._timer.stop()
        criteria = self.current_filter()
        # Typing more letters only narrows: filter the rows already shown.
        source = self._shown if self._last_filter.narrows(criteria) else self._all_rows
        rows = filter_rows(source, criteria, self.today)
        self._last_filter = criteria
        self._shown = rows
        header = self.table.horizontalHeader()
        self.model.today = self.today
        self.model.set_rows(
            rows, sort_column=header.sortIndicatorSection(), order=header.sortIndicatorOrder()
        )
        self.empty.setVisible(not rows and bool(self._all_rows))
        overdue = sum(1 for r in rows if r.is_overdue(self.today))
        self.counts_changed.emit(len(rows), len(self._all_rows), overdue)

    def clear_filters(self) -> None:
        for combo in (self.trede, self.group, self.municipality):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.status.blockSignals(True)
        self.status.setCurrentIndex(0)
        self.status.blockSignals(False)
        for box in (self.overdue, self.review_overdue):
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
        self.search.clear()
        self.apply()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def selected_client_id(self) -> str | None:
        index = self.table.currentIndex()
        if index.isValid():
            return self.model.row_at(index.row()).client_id
        if self.model.rowCount() == 1:
            return self.model.row_at(0).client_id
        return None

    def _search_entered(self) -> None:
        """Enter in the search box: the one client found opens; with more, the list gets
        the focus on the first of them (Enter again opens it)."""
        self.apply()  # what was typed last, without waiting for the pause
        if self.model.rowCount() == 1:
            self.open_requested.emit(self.model.row_at(0).client_id)
        elif self.model.rowCount() > 1:
            self._into_list()

    def _into_list(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.table.selectRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down in the search box moves into the list."""
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount()
        ):
            self._into_list()
            return True
        return super().eventFilter(watched, event)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.model.row_at(index.row()).client_id)
