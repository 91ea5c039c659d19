"""The base of Trede's table models: a flat list of plain row objects, reset as a whole."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.ui.i18n import tr

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")
SUPERSEDED_COLOUR = "#7b8690"


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """Subclasses give `headers` (Dutch source texts) and answer `data` per row."""

    headers: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal_text = (
            role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
        )
        if horizontal_text and 0 <= section < len(self.headers):
            return tr(self.headers[section])
        return None

    def valid_row(self, index: Index) -> Row | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]


class ColumnsModel(RowTableModel[Row]):
    """A list shown through `columns`: (header, the text of a row) per column. Records that
    a correction replaced are struck out and greyed; UserRole gives the row's id."""

    columns: tuple[tuple[str, Callable[[Any], str]], ...] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.headers = tuple(header for header, _text in cls.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.valid_row(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[index.column()][1](row)
        if role == Qt.ItemDataRole.UserRole:
            return getattr(row, "id", None)
        if getattr(row, "is_superseded", False):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(SUPERSEDED_COLOUR))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setStrikeOut(True)
                return font
        return self.styled(row, index.column(), role)

    def styled(self, row: Row, column: int, role: int) -> Any:
        """Other roles (colour, alignment) for a subclass to answer."""
        return None
