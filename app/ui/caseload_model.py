"""The caseload table model over plain CaseloadRow objects; sorting happens on the row list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app.domain.validation import format_date
from app.domain.vocab import ClientStatus, Municipality, WorkObligation
from app.services.caseload import CaseloadRow

Index = QModelIndex | QPersistentModelIndex
OVERDUE = QColor("#b3261e")


def _action_text(row: CaseloadRow) -> str:
    if row.next_action is None:
        return ""
    return f"{row.next_action.label} {format_date(row.next_action.due_on)}"


# (header, display text, sort key)
def tr(text: str) -> str:
    return QCoreApplication.translate("Caseload", text)


COLUMNS: tuple[tuple[str, Callable[[CaseloadRow], str], Callable[[CaseloadRow], Any]], ...] = (
    ("Naam", lambda r: r.listing_name, lambda r: r.sort_key),
    ("Leeftijd", lambda r: str(r.age), lambda r: r.age),
    ("Gemeente", lambda r: Municipality(r.municipality).label, lambda r: r.municipality),
    ("Trede", lambda r: str(r.trede) if r.trede else "–", lambda r: r.trede or 0),
    (
        "Doelgroepen",
        lambda r: ", ".join(g.label for g in r.priority_groups),
        lambda r: len(r.priority_groups),
    ),
    (
        "Arbeidsplicht",
        lambda r: WorkObligation(r.work_obligation).label,
        lambda r: r.work_obligation,
    ),
    (
        "Volgende actie",
        _action_text,
        lambda r: r.next_action.due_on if r.next_action else dt.date.max,
    ),
    ("Medewerker", lambda r: r.caseworker_name, lambda r: r.caseworker_name),
)


class CaseloadModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseloadRow] = []
        self.today = dt.date.today()

    def set_rows(
        self,
        rows: Sequence[CaseloadRow],
        *,
        sort_column: int = -1,
        order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
    ) -> None:
        """Replace the rows, sorted by `sort_column` (rows come sorted by name already)."""
        rows = list(rows)
        if 0 < sort_column < len(COLUMNS) or order == Qt.SortOrder.DescendingOrder:
            key = COLUMNS[max(sort_column, 0)][2]
            rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> CaseloadRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        horizontal_text = (
            role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
        )
        if horizontal_text and 0 <= section < len(COLUMNS):
            return tr(COLUMNS[section][0])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[column][1](row)
        if role == Qt.ItemDataRole.ForegroundRole:
            if COLUMNS[column][0] == "Volgende actie" and row.is_overdue(self.today):
                return QBrush(OVERDUE)
            if row.status is ClientStatus.CLOSED:
                return QBrush(QColor("#6b6b6b"))
        if role == Qt.ItemDataRole.UserRole:
            return row.client_id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column][2]
        self.beginResetModel()
        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.endResetModel()
