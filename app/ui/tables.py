"""Small lists in the client file: one look for their table views, and the status text of a
record that was corrected or is a correction."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHeaderView, QTableView

from app.ui.i18n import tr


def list_view(model: Any, accessible_name: str, *, fit_columns: bool = True) -> QTableView:
    """A read-only table of one selectable row at a time; columns sized to their contents."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    if fit_columns:  # only for short lists: sizing reads every row
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    table.setAccessibleName(accessible_name)
    return table


def correction_status(row: Any) -> str:
    """'Gecorrigeerd' for a record a correction replaced, 'Correctie' for the correction."""
    if getattr(row, "is_superseded", False):
        return tr("Gecorrigeerd")
    return tr("Correctie") if getattr(row, "corrects_id", None) else ""
