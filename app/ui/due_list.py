"""The due list dialog: every deadline and signal of the caseload, overdue ones in red;
Enter or a double-click opens the client's file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.formatting import format_date
from app.domain.names import fold, matches
from app.services.caseload import Scope
from app.services.due_list import DueItem
from app.ui import worker
from app.ui.dialogs import BaseDialog
from app.ui.forms import error_label
from app.ui.i18n import QT_TR_NOOP, tr
from app.ui.row_model import Index, RowTableModel
from app.ui.style import DANGER
from app.ui.tables import list_view

if TYPE_CHECKING:
    from app.workspace import Workspace

COLUMNS: tuple[tuple[str, Callable[[DueItem], str]], ...] = (
    (QT_TR_NOOP("Datum"), lambda item: format_date(item.due_on)),
    (QT_TR_NOOP("Klant"), lambda item: item.client_name),
    (QT_TR_NOOP("Actie"), lambda item: tr(item.label)),
    (QT_TR_NOOP("Medewerker"), lambda item: item.caseworker_name),
)


class DueListModel(RowTableModel[DueItem]):
    headers = tuple(header for header, _text in COLUMNS)

    def __init__(self, today: dt.date, parent: Any = None) -> None:
        super().__init__(parent)
        self.today = today

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.valid_row(index)
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[index.column()][1](item)
        if role == Qt.ItemDataRole.ForegroundRole and item.is_overdue(self.today):
            return QBrush(QColor(DANGER))
        if role == Qt.ItemDataRole.ToolTipRole and item.is_overdue(self.today):
            return tr("Te laat")
        if role == Qt.ItemDataRole.UserRole:
            return item.client_id
        return None


class DueListDialog(BaseDialog):
    """What is due for the caseload, read off the GUI thread."""

    def __init__(
        self,
        workspace: Workspace,
        open_client: Callable[[str], None],
        *,
        scope: Scope = Scope.OWN,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace, self.actor, self.open_client = workspace, workspace.actor, open_client
        self.today = today or dt.date.today()
        self.items: list[DueItem] = []
        self._job: worker.Worker | None = None
        self.setWindowTitle(tr("Wat staat er open"))
        self.scope = QComboBox()
        self.scope.setAccessibleName(tr("Wiens klanten"))
        self.scope.addItem(tr("Eigen caseload"), Scope.OWN.value)
        if self.actor.is_team_lead:
            self.scope.addItem(tr("Team"), Scope.TEAM.value)
            self.scope.setCurrentIndex(self.scope.findData(scope.value))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("Zoek op klant of actie"))
        self.filter.setAccessibleName(tr("Zoek in de lijst"))
        self.filter.setClearButtonEnabled(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(120)
        self.progress.hide()
        self.summary = QLabel()
        self.summary.setProperty("role", "muted")
        self.error = error_label()
        self.model = DueListModel(self.today, self)
        self.table = list_view(self.model, tr("Openstaande acties"), fit_columns=False)
        self.table.setColumnWidth(0, 100)
        self.table.setColumnWidth(1, 240)
        self.table.setColumnWidth(2, 380)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = buttons.addButton(
            tr("Dossier openen"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.setEnabled(False)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(tr("Klanten")))
        controls.addWidget(self.scope)
        controls.addWidget(self.filter, 1)
        controls.addWidget(self.progress)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.error)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

        buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self._open_selected)
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.scope.currentIndexChanged.connect(self.load)
        self.filter.textChanged.connect(self._show)
        self.filter.returnPressed.connect(self._open_first)
        self.resize(960, 600)
        self.load()

    def is_loading(self) -> bool:
        return self._job is not None

    def load(self, *_args: object) -> None:
        if self._job is not None:
            return
        workspace, today = self.workspace, self.today
        scope = Scope(self.scope.currentData())

        def job(_progress: Any, _cancelled: Any) -> list[DueItem]:
            return workspace.due_list(scope=scope, today=today)

        self._job = worker.Worker(job)
        self._job.signals.finished.connect(self._loaded)
        self._job.signals.failed.connect(self._failed)
        self.progress.show()
        worker.start(self._job)

    def _loaded(self, items: list[DueItem]) -> None:
        self._job = None
        self.progress.hide()
        self.error.hide()
        self.items = items
        self._show()

    def _failed(self, error: Exception) -> None:
        self._job = None
        self.progress.hide()
        self.error.setText(tr("De lijst kon niet worden geladen: {0}").format(error))
        self.error.show()

    def _show(self, *_args: object) -> None:
        query = self.filter.text()
        shown = [
            item
            for item in self.items
            if matches(query, fold(f"{item.client_name} {tr(item.label)}"))
        ]
        self.model.set_rows(shown)
        late = sum(1 for item in shown if item.is_overdue(self.today))
        self.summary.setText(
            tr("{0} acties, waarvan {1} te laat · {2}").format(
                len(shown), late, format_date(self.today)
            )
        )
        self.open_button.setEnabled(False)

    def _selection_changed(self, *_args: object) -> None:
        self.open_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def _open_first(self) -> None:
        """Enter in the search field opens the top item (what the search narrowed to)."""
        if self.model.rowCount():
            self._open_index(self.model.index(0, 0))

    def _open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._open_index(rows[0])

    def _open_index(self, index: QModelIndex) -> None:
        client_id = self.model.data(index, Qt.ItemDataRole.UserRole)
        if client_id:
            self.open_client(str(client_id))
            self.accept()
