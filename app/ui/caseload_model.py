"""The caseload table model over plain CaseloadRow objects; sorting happens on the row list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from app.domain.formatting import format_date
from app.domain.region import municipality_name
from app.domain.vocab import ClientStatus, WorkObligation
from app.services.caseload_rows import CaseloadRow
from app.ui.i18n import QT_TR_NOOP, tr, vocab_label
from app.ui.row_model import (
    Index,
    RowTableModel,
)

OVERDUE = QColor("#b3261e")


def _action_text(row: CaseloadRow) -> str:
    if row.next_action is None:
        return ""
    return f"{tr(row.next_action.label)} {format_date(row.next_action.due_on)}"


NEXT_ACTION = QT_TR_NOOP("Volgende actie")
REVIEW = QT_TR_NOOP("Herbeoordeling")

# (header, display text, sort key)
COLUMNS: tuple[tuple[str, Callable[[CaseloadRow], str], Callable[[CaseloadRow], Any]], ...] = (
    (QT_TR_NOOP("Naam"), lambda r: r.listing_name, lambda r: r.sort_key),
    (QT_TR_NOOP("Leeftijd"), lambda r: str(r.age), lambda r: r.age),
    (
        QT_TR_NOOP("Gemeente"),
        lambda r: municipality_name(r.municipality),
        lambda r: r.municipality,
    ),
    (QT_TR_NOOP("Trede"), lambda r: str(r.trede) if r.trede else "–", lambda r: r.trede or 0),
    (
        REVIEW,
        lambda r: format_date(r.review_on) if r.review_on else "–",
        lambda r: r.review_on or dt.date.max,
    ),
    (
        QT_TR_NOOP("Doelgroepen"),
        lambda r: ", ".join(vocab_label(g) for g in r.priority_groups),
        lambda r: len(r.priority_groups),
    ),
    (
        QT_TR_NOOP("Arbeidsplicht"),
        lambda r: vocab_label(WorkObligation(r.work_obligation)),
        lambda r: r.work_obligation,
    ),
    (
        NEXT_ACTION,
        _action_text,
        lambda r: r.next_action.due_on if r.next_action else dt.date.max,
    ),
    (QT_TR_NOOP("Medewerker"), lambda r: r.caseworker_name, lambda r: r.caseworker_name),
)


class CaseloadModel(RowTableModel[CaseloadRow]):
    headers = tuple(column[0] for column in COLUMNS)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
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
        super().set_rows(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.valid_row(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[column][1](row)
        if role == Qt.ItemDataRole.ForegroundRole:
            if COLUMNS[column][0] == NEXT_ACTION and row.is_overdue(self.today):
                return QBrush(OVERDUE)
            if COLUMNS[column][0] == REVIEW and row.is_review_overdue(self.today):
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
        super().set_rows(sorted(self._rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder))
