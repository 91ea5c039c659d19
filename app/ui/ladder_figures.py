"""Ladder movement for a caseload, a team or a municipality over a period: the treden at
the start and the end, the steps moved, and the two policy targets, per priority group."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain import validation as v
from app.domain.dates import add_months
from app.domain.formatting import format_date
from app.domain.ladder import TREDE_NAMES
from app.domain.ladder_movement import (
    NOT_ASSESSED,
    STEP_BUCKETS,
    Movement,
    TargetResult,
    lowest_steps_months,
    regular_work_months,
    target_share,
)
from app.domain.region import region
from app.domain.vocab import PriorityGroup
from app.services.caseload import Scope
from app.ui import worker
from app.ui.dialogs import BaseDialog
from app.ui.forms import error_label
from app.ui.i18n import QT_TR_NOOP, tr, vocab_label
from app.ui.row_model import Index, RowTableModel
from app.ui.style import DANGER

if TYPE_CHECKING:
    from app.workspace import Workspace

GOOD = "#2e7d5b"
STEP_LABELS = {"omlaag": QT_TR_NOOP("Gedaald")}


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%".replace(".", ",") if whole else "–"


def share_text(result: TargetResult) -> str:
    return "–" if result.share is None else percent(result.met, result.cohort)


class FigureModel(RowTableModel[tuple[str, ...]]):
    """A small table of figures; rows are tuples of display texts."""

    def __init__(self, headers: tuple[str, ...], parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = headers

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.valid_row(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def distribution_rows(figures: Movement) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for trede in (*range(1, 7), NOT_ASSESSED):
        name = (
            tr("Nog te bepalen")
            if trede == NOT_ASSESSED
            else tr("Trede {0}: {1}").format(trede, tr(TREDE_NAMES[trede]))
        )
        begin, end = figures.start_distribution[trede], figures.end_distribution[trede]
        rows.append(
            (
                name,
                str(begin),
                percent(begin, figures.clients),
                str(end),
                percent(end, figures.clients),
            )
        )
    return rows


def step_rows(figures: Movement) -> list[tuple[str, ...]]:
    counted = sum(figures.steps.values())
    rows: list[tuple[str, ...]] = []
    for bucket in STEP_BUCKETS:
        if bucket in STEP_LABELS:
            name = tr(STEP_LABELS[bucket])
        elif bucket == "1":
            name = tr("1 trede")
        else:
            name = tr("{0} treden").format(bucket)
        rows.append((name, str(figures.steps[bucket]), percent(figures.steps[bucket], counted)))
    return rows


def group_rows(figures: dict[str | None, Movement]) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for key, group in figures.items():
        name = tr("Alle klanten") if key is None else vocab_label(PriorityGroup(key))
        counted = sum(group.steps.values())
        up = counted - group.steps["omlaag"] - group.steps["0"]
        rows.append(
            (
                name,
                str(group.clients),
                percent(up, counted),
                share_text(group.lowest_steps),
                share_text(group.regular_work),
            )
        )
    return rows


class LadderFiguresDialog(BaseDialog):
    def __init__(
        self,
        workspace: Workspace,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.actor = workspace.actor
        self.today = today or dt.date.today()
        self.figures: dict[str | None, Movement] = {}
        self._job: worker.Worker | None = None
        self.setWindowTitle(tr("Beweging op de participatieladder"))

        self.scope = QComboBox()
        self.scope.setAccessibleName(tr("Wiens klanten"))
        self.scope.addItem(tr("Eigen caseload"), Scope.OWN.value)
        if self.actor.is_team_lead:
            self.scope.addItem(tr("Team"), Scope.TEAM.value)
            self.scope.setCurrentIndex(1)
        self.municipality = QComboBox()
        self.municipality.setAccessibleName(tr("Gemeente"))
        self.municipality.addItem(tr("Alle gemeenten"), "")
        for code, name in region().choices():
            self.municipality.addItem(name, code)
        self.start = QLineEdit(format_date(add_months(self.today, -12)))
        self.start.setAccessibleName(tr("Begin van de periode"))
        self.end = QLineEdit(format_date(self.today))
        self.end.setAccessibleName(tr("Einde van de periode"))
        for edit in (self.start, self.end):
            edit.setPlaceholderText(tr("dd-mm-jjjj"))
            edit.setFixedWidth(edit.fontMetrics().horizontalAdvance("00-00-00000") + 24)
            edit.returnPressed.connect(self.compute)
        self.group = QComboBox()
        self.group.setAccessibleName(tr("Doelgroep"))
        self.group.addItem(tr("Alle klanten"), "")
        for group in PriorityGroup:
            self.group.addItem(vocab_label(group), group.value)
        self.compute_button = QPushButton(tr("Berekenen"))
        self.compute_button.setProperty("primary", True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(120)
        self.progress.hide()
        self.error = error_label()
        controls = QHBoxLayout()
        for caption, widget in (
            (tr("Klanten"), self.scope),
            (tr("Gemeente"), self.municipality),
            (tr("Van"), self.start),
            (tr("tot en met"), self.end),
            (tr("Doelgroep"), self.group),
        ):
            controls.addWidget(QLabel(caption))
            controls.addWidget(widget)
        controls.addWidget(self.compute_button)
        controls.addWidget(self.progress)
        controls.addStretch()

        self.distribution = FigureModel(
            (
                QT_TR_NOOP("Trede"),
                QT_TR_NOOP("Begin"),
                QT_TR_NOOP("% begin"),
                QT_TR_NOOP("Einde"),
                QT_TR_NOOP("% einde"),
            ),
            self,
        )
        self.steps = FigureModel(
            (QT_TR_NOOP("Beweging"), QT_TR_NOOP("Klanten"), QT_TR_NOOP("%")), self
        )
        self.groups = FigureModel(
            (
                QT_TR_NOOP("Doelgroep"),
                QT_TR_NOOP("Klanten"),
                QT_TR_NOOP("Gestegen"),
                QT_TR_NOOP("Doel treden 1-2"),
                QT_TR_NOOP("Doel regulier werk"),
            ),
            self,
        )
        self.lowest_target = QLabel()
        self.work_target = QLabel()
        for label in (self.lowest_target, self.work_target):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
        self.summary = QLabel()
        self.summary.setProperty("role", "muted")

        grid = QGridLayout()
        grid.addWidget(
            self._boxed(tr("Verdeling over de treden"), self._table(self.distribution)), 0, 0
        )
        grid.addWidget(
            self._boxed(tr("Beweging tussen begin en einde"), self._table(self.steps)), 0, 1
        )
        targets = QWidget()
        targets_layout = QVBoxLayout(targets)
        targets_layout.addWidget(self.lowest_target)
        targets_layout.addWidget(self.work_target)
        grid.addWidget(self._boxed(tr("Beleidsdoelen"), targets), 1, 0, 1, 2)
        grid.addWidget(self._boxed(tr("Per doelgroep"), self._table(self.groups)), 2, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.error)
        layout.addWidget(self.summary)
        layout.addLayout(grid, 1)

        self.compute_button.clicked.connect(self.compute)
        self.scope.currentIndexChanged.connect(self.compute)
        self.municipality.currentIndexChanged.connect(self.compute)
        self.group.currentIndexChanged.connect(self._show)
        self.resize(1000, 760)
        self.compute()

    def _table(self, model: FigureModel) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        table.setSelectionMode(QTableView.SelectionMode.NoSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return table

    def _boxed(self, title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        QVBoxLayout(box).addWidget(widget)
        return box

    def is_computing(self) -> bool:
        return self._job is not None

    def compute(self, *_args: object) -> None:
        start, end = v.parse_date(self.start.text()), v.parse_date(self.end.text())
        problem = None
        if start is None or end is None:
            problem = tr("Typ de periode als dd-mm-jjjj, bijvoorbeeld 01-01-2026.")
        elif end < start:
            problem = tr("Het einde van de periode ligt voor het begin.")
        elif end > self.today:
            problem = tr("Het einde van de periode ligt in de toekomst.")
        self.error.setText(problem or "")
        self.error.setVisible(problem is not None)
        if problem is not None or self._job is not None:
            return
        assert start is not None and end is not None
        workspace = self.workspace
        scope = Scope(self.scope.currentData())
        municipality = self.municipality.currentData() or None

        def job(_progress: Any, _cancelled: Any) -> dict[str | None, Movement]:
            return workspace.ladder_figures(
                start=start, end=end, scope=scope, municipality=municipality
            )

        self._job = worker.Worker(job)
        self._job.signals.finished.connect(self._computed)
        self._job.signals.failed.connect(self._failed)
        self.progress.show()
        self.compute_button.setEnabled(False)
        worker.start(self._job)

    def _computed(self, figures: dict[str | None, Movement]) -> None:
        self._job = None
        self.progress.hide()
        self.compute_button.setEnabled(True)
        self.figures = figures
        self.groups.set_rows(group_rows(figures))
        self._show()

    def _failed(self, error: Exception) -> None:
        self._job = None
        self.progress.hide()
        self.compute_button.setEnabled(True)
        self.error.setText(tr("De cijfers konden niet worden berekend: {0}").format(error))
        self.error.show()

    def _show(self, *_args: object) -> None:
        figures = self.figures.get(self.group.currentData() or None)
        if figures is None:
            return
        self.distribution.set_rows(distribution_rows(figures))
        self.steps.set_rows(step_rows(figures))
        self.summary.setText(
            tr("{0} klanten van {1} tot en met {2}").format(
                figures.clients, format_date(figures.start), format_date(figures.end)
            )
        )
        self.lowest_target.setText(
            self._target_text(
                figures.lowest_steps,
                tr(
                    "Binnen {0} maanden (tot {1}): van de {2} klanten die op trede 1-2 "
                    "stonden, is <b>{3}</b> gestegen of niet teruggevallen ({4} gestegen)."
                ).format(
                    lowest_steps_months(figures.end),
                    format_date(figures.end),
                    figures.lowest_steps.cohort,
                    share_text(figures.lowest_steps),
                    figures.lowest_steps.moved_up,
                ),
            )
        )
        self.work_target.setText(
            self._target_text(
                figures.regular_work,
                tr(
                    "Binnen {0} maanden (tot {1}): van de {2} klanten op trede 5-6 is "
                    "<b>{3}</b> naar regulier werk gegaan."
                ).format(
                    regular_work_months(figures.end),
                    format_date(figures.end),
                    figures.regular_work.cohort,
                    share_text(figures.regular_work),
                ),
            )
        )

    def _target_text(self, result: TargetResult, text: str) -> str:
        wanted = target_share(self.today)
        goal = tr("Doel: {0}.").format(f"{wanted:.0%}")
        if result.share is None:
            return f"{text} {goal}"
        colour = GOOD if result.share >= wanted else DANGER
        verdict = tr("gehaald") if result.share >= wanted else tr("niet gehaald")
        return f'{text} {goal} <span style="color:{colour}"><b>{verdict}</b></span>'
