"""The subsidy statement dialog: what the municipality pays in loonkostensubsidie per month
and quarter, summed per municipality, team or caseworker, and its export (XLSX or CSV)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.formatting import format_money, format_month
from app.domain.region import municipality_name
from app.services.caseload import Scope
from app.services.subsidy_statement import Statement, StatementLine
from app.ui import messages, worker
from app.ui.dialogs import BaseDialog
from app.ui.file_actions import documents_folder
from app.ui.forms import error_label
from app.ui.i18n import QT_TR_NOOP, tr
from app.ui.row_model import Index, RowTableModel
from app.ui.tables import list_view

if TYPE_CHECKING:
    from app.workspace import Workspace

_MONTH = re.compile(r"^\s*(\d{1,2})[-./](\d{4})\s*$")
GROUPS: tuple[tuple[str, Callable[[StatementLine], str]], ...] = (
    (QT_TR_NOOP("Gemeente"), lambda line: municipality_name(line.municipality)),
    (QT_TR_NOOP("Team"), lambda line: line.team_name),
    (QT_TR_NOOP("Medewerker"), lambda line: line.caseworker_name),
)


def parse_month(text: str) -> dt.date | None:
    """'03-2026' (or 3-2026, 03/2026) as the first day of that month; None if it is not."""
    match = _MONTH.match(text)
    if match is None or not 1 <= int(match.group(1)) <= 12:
        return None
    return dt.date(int(match.group(2)), int(match.group(1)), 1)


class SumsModel(RowTableModel[tuple[str, ...]]):
    """Rows of texts whose first text names the row (the vertical header, so it stays in view
    while the months scroll), with headers set per statement (its months and quarters)."""

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else max(0, len(self.headers) - 1)

    def set_headers(self, headers: tuple[str, ...]) -> None:
        self.beginResetModel()
        self.headers = headers
        self._rows = []
        self.endResetModel()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        # month names and quarters are data, not texts to translate
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section + 1] if 0 <= section < len(self.headers) - 1 else None
        return self._rows[section][0] if 0 <= section < len(self._rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.valid_row(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row[index.column() + 1]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def sum_rows(
    statement: Statement, group: Callable[[StatementLine], str]
) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    headers = ("", *(format_month(m) for m in statement.months), *statement.quarters)
    rows = [
        (name or "–", *(format_money(amount) for amount in amounts))
        for name, amounts in [*statement.sums(group), (tr("Totaal"), statement.totals())]
    ]
    return (*headers, tr("Totaal")), rows


class StatementDialog(BaseDialog):
    """Months to choose, the sums shown, an export button."""

    def __init__(
        self,
        workspace: Workspace,
        *,
        scope: Scope = Scope.OWN,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace, self.actor = workspace, workspace.actor
        self.today = today or dt.date.today()
        self.statement: Statement | None = None
        self._job: worker.Worker | None = None
        self.setWindowTitle(tr("Loonkostensubsidie per maand"))
        self.scope = QComboBox()
        self.scope.setAccessibleName(tr("Wiens klanten"))
        self.scope.addItem(tr("Eigen caseload"), Scope.OWN.value)
        if self.actor.is_team_lead:
            self.scope.addItem(tr("Team"), Scope.TEAM.value)
            self.scope.setCurrentIndex(self.scope.findData(scope.value))
        year_start = self.today.replace(month=1, day=1)
        self.first = QLineEdit(year_start.strftime("%m-%Y"))
        self.first.setAccessibleName(tr("Eerste maand"))
        self.last = QLineEdit(self.today.strftime("%m-%Y"))
        self.last.setAccessibleName(tr("Laatste maand"))
        for edit in (self.first, self.last):
            edit.setPlaceholderText(tr("mm-jjjj"))
            edit.setFixedWidth(edit.fontMetrics().horizontalAdvance("00-00000") + 24)
            edit.returnPressed.connect(self.compute)
        self.group = QComboBox()
        self.group.setAccessibleName(tr("Optellen per"))
        for label, _group in GROUPS:
            self.group.addItem(tr(label))
        self.compute_button = QPushButton(tr("Berekenen"))
        self.compute_button.setProperty("primary", True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(120)
        self.progress.hide()
        self.error = error_label()
        self.summary = QLabel()
        self.summary.setProperty("role", "muted")
        self.model = SumsModel(self)
        self.table = list_view(self.model, tr("Loonkostensubsidie per maand"), fit_columns=False)
        self.table.verticalHeader().show()  # the names, in view while the months scroll
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = buttons.addButton(
            tr("Exporteren…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.setEnabled(False)
        controls = QHBoxLayout()
        for caption, widget in (
            (tr("Klanten"), self.scope),
            (tr("Van"), self.first),
            (tr("tot en met"), self.last),
            (tr("Optellen per"), self.group),
        ):
            controls.addWidget(QLabel(caption))
            controls.addWidget(widget)
        controls.addWidget(self.compute_button)
        controls.addWidget(self.progress)
        controls.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.error)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.ask_export)
        self.compute_button.clicked.connect(self.compute)
        self.scope.currentIndexChanged.connect(self.compute)
        self.group.currentIndexChanged.connect(self._show)
        self.resize(1100, 560)
        self.compute()

    def is_computing(self) -> bool:
        return self._job is not None

    def _period(self) -> tuple[dt.date, dt.date] | None:
        first, last = parse_month(self.first.text()), parse_month(self.last.text())
        problem = None
        if first is None or last is None:
            typed = [t for t in (self.first.text(), self.last.text()) if _MONTH.match(t)]
            problem = (
                tr("Een maand loopt van 01 tot en met 12; typ bijvoorbeeld 01-2026.")
                if typed
                else tr("Typ de maanden als mm-jjjj, bijvoorbeeld 01-2026.")
            )
        elif last < first:
            problem = tr("De laatste maand ligt voor de eerste.")
        self.error.setText(problem or "")
        self.error.setVisible(problem is not None)
        if problem is not None or first is None or last is None:
            # what is shown must be what Exporteren writes: nothing, until the months are right
            self.statement = None
            self.model.set_headers(())
            self.export_button.setEnabled(False)
            self.summary.clear()
            return None
        return first, last

    def compute(self, *_args: object) -> None:
        period = self._period()
        if period is None or self._job is not None:
            return
        first, last = period
        workspace, scope = self.workspace, Scope(self.scope.currentData())

        def job(_progress: Any, _cancelled: Any) -> Statement:
            return workspace.subsidy_statement(first=first, last=last, scope=scope)

        self._job = worker.Worker(job)
        self._job.signals.finished.connect(self._computed)
        self._job.signals.failed.connect(self._failed)
        self.progress.show()
        self.compute_button.setEnabled(False)
        worker.start(self._job)

    def _computed(self, statement: Statement) -> None:
        self._job = None
        self.progress.hide()
        self.compute_button.setEnabled(True)
        self.statement = statement
        self.export_button.setEnabled(True)
        self._show()

    def _failed(self, error: Exception) -> None:
        self._job = None
        self.progress.hide()
        self.compute_button.setEnabled(True)
        self.error.setText(tr("De bedragen konden niet worden berekend: {0}").format(error))
        self.error.show()

    def _show(self, *_args: object) -> None:
        if self.statement is None:
            return
        _label, group = GROUPS[self.group.currentIndex()]
        headers, rows = sum_rows(self.statement, group)
        self.model.set_headers(headers)
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        placements = len({line.placement_id for line in self.statement.lines})
        self.summary.setText(
            tr("{0} plaatsingen, samen {1} van {2} tot en met {3}").format(
                placements,
                format_money(self.statement.total),
                format_month(self.statement.first_month),
                format_month(self.statement.last_month),
            )
        )

    def ask_export(self) -> None:
        if self.statement is None:
            return
        first, last = self.statement.first_month, self.statement.last_month
        name = f"loonkostensubsidie-{first:%Y-%m}-{last:%Y-%m}.xlsx"
        path, _chosen = QFileDialog.getSaveFileName(
            self,
            tr("Loonkostensubsidie exporteren"),
            str(documents_folder() / name),
            "Excel (*.xlsx);;CSV (*.csv)",
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> worker.Worker:
        from app.services.statement_export import StatementFormat

        assert self.statement is not None
        first, last = self.statement.first_month, self.statement.last_month
        workspace, scope = self.workspace, Scope(self.scope.currentData())
        export_format = (
            StatementFormat.CSV if path.suffix.lower() == ".csv" else StatementFormat.XLSX
        )
        if path.suffix.lower() not in (".csv", ".xlsx"):
            path = path.with_suffix(".xlsx")

        def job(_progress: Any, _cancelled: Any) -> int:
            statement = workspace.export_statement(
                path, export_format, first=first, last=last, scope=scope
            )
            return len(statement.lines)

        running = worker.Worker(job)
        running.signals.finished.connect(
            lambda count: self.summary.setText(
                tr("{0} regels geëxporteerd naar {1}").format(count, str(path))
            )
        )
        running.signals.failed.connect(lambda error: messages.error(str(error)))
        worker.start(running)
        self._export_job = running
        return running
