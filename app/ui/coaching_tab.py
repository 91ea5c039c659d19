"""The Jobcoaching tab: a quick-entry line for hours (keyboard first: type, Tab, Enter), the
registrations, and the monthly use against the indicated hours and the ceiling."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.formatting import MONTH_NAMES, format_date
from app.domain.job_coaching import MonthUse
from app.domain.vocab import CoachingActivity
from app.services.job_coaching import HoursRow, format_minutes, validate_hours
from app.services.placement_view import PlacementRow
from app.ui.dialogs import save_cancel_buttons
from app.ui.forms import Field
from app.ui.i18n import QT_TR_NOOP, tr, vocab_label
from app.ui.record_dialog import RecordDialog
from app.ui.row_model import ColumnsModel
from app.ui.style import DANGER
from app.ui.tables import correction_status, list_view


def month_title(month: dt.date) -> str:
    return f"{tr(MONTH_NAMES[month.month - 1])} {month.year}"


HOURS_COLUMNS: tuple[tuple[str, Callable[[HoursRow], str]], ...] = (
    (QT_TR_NOOP("Datum"), lambda r: format_date(r.worked_on)),
    (QT_TR_NOOP("Duur"), lambda r: format_minutes(r.minutes)),
    (QT_TR_NOOP("Activiteit"), lambda r: vocab_label(r.activity)),
    (QT_TR_NOOP("Notitie"), lambda r: r.note or ""),
    (QT_TR_NOOP("Jobcoach"), lambda r: r.coach_name),
    (QT_TR_NOOP("Status"), correction_status),
)


class HoursModel(ColumnsModel[HoursRow]):
    columns = HOURS_COLUMNS


def _use_share(use: MonthUse) -> str:
    share = use.share_of_indicated()
    return "–" if share is None else f"{share.quantize(Decimal(1))}%"


def _use_signal(use: MonthUse) -> str:
    signals = []
    if use.over_indicated:
        signals.append(tr("boven de indicatie"))
    if use.over_ceiling:
        signals.append(tr("boven het plafond"))
    return ", ".join(signals)


USE_COLUMNS: tuple[tuple[str, Callable[[MonthUse], str]], ...] = (
    (QT_TR_NOOP("Maand"), lambda u: month_title(u.month)),
    (QT_TR_NOOP("Uren"), lambda u: format_minutes(u.minutes)),
    (
        QT_TR_NOOP("Geïndiceerd"),
        lambda u: format_minutes(u.indicated_minutes) if u.indicated_minutes is not None else "–",
    ),
    (QT_TR_NOOP("Gebruikt"), _use_share),
    (
        QT_TR_NOOP("Plafond"),
        lambda u: format_minutes(u.ceiling_minutes) if u.ceiling_minutes is not None else "–",
    ),
    (QT_TR_NOOP("Signaal"), _use_signal),
)


class MonthUseModel(ColumnsModel[MonthUse]):
    columns = USE_COLUMNS

    def styled(self, row: MonthUse, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and (row.over_indicated or row.over_ceiling):
            return QBrush(QColor(DANGER))
        if role == Qt.ItemDataRole.TextAlignmentRole and 0 < column < 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


HoursHandler = Callable[[str | None, str, str, str, str], None]


class CoachingTab(QWidget):
    """Hours are typed into the entry line and added with Enter; the line stays ready."""

    placement_changed = Signal(object)  # placement id or None
    correct_requested = Signal(object)
    report_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = dt.date.today()
        self.on_add: HoursHandler | None = None
        self.placement = QComboBox()
        self.placement.setAccessibleName(tr("Plaatsing"))
        self.worked_on = QLineEdit()
        self.worked_on.setPlaceholderText(tr("dd-mm-jjjj"))
        self.worked_on.setFixedWidth(
            self.worked_on.fontMetrics().horizontalAdvance("00-00-00000") + 24
        )
        self.duration = QLineEdit()
        self.duration.setPlaceholderText(tr("1:30"))
        self.duration.setFixedWidth(80)
        self.activity = QComboBox()
        for code, text in CoachingActivity.choices():
            self.activity.addItem(tr(text), code)
        self.note = QLineEdit()
        self.note.setPlaceholderText(tr("Notitie (niet verplicht)"))
        self.add_button = QPushButton(tr("Toevoegen"))
        self.add_button.setProperty("primary", True)
        self.fields = {
            "worked_on": Field(self.worked_on, tr("Datum")),
            "duration": Field(self.duration, tr("Duur")),
            "activity": Field(self.activity, tr("Activiteit")),
            "note": Field(self.note, tr("Notitie")),
        }
        entry = QHBoxLayout()
        entry.addWidget(QLabel(tr("Plaatsing")))
        entry.addWidget(self.placement, 2)
        for name in ("worked_on", "duration", "activity"):
            entry.addWidget(self.fields[name])
        entry.addWidget(self.fields["note"], 3)
        entry.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        entry_box = QGroupBox(tr("Uren registreren (Enter voegt toe)"))
        entry_box.setLayout(entry)

        self.hours_model = HoursModel(self)
        self.hours_table = list_view(self.hours_model, tr("Geregistreerde uren"))
        self.use_model = MonthUseModel(self)
        self.use_table = list_view(self.use_model, tr("Gebruik per maand"))
        self.budget = QLabel()
        self.budget.setWordWrap(True)
        self.budget.setAccessibleName(tr("Budget deze maand"))
        self.correct_button = QPushButton(tr("Corrigeren…"))
        self.correct_button.setEnabled(False)
        self.report_button = QPushButton(tr("Halfjaarrapportage (PDF)…"))
        left = QVBoxLayout()
        left_buttons = QHBoxLayout()
        left_buttons.addWidget(self.correct_button)
        left_buttons.addStretch()
        left.addLayout(left_buttons)
        left.addWidget(self.hours_table)
        right = QVBoxLayout()
        right_buttons = QHBoxLayout()
        right_buttons.addWidget(self.budget, 1)
        right_buttons.addWidget(self.report_button)
        right.addLayout(right_buttons)
        right.addWidget(self.use_table)
        left_widget, right_widget = QWidget(), QWidget()
        left_widget.setLayout(left)
        right_widget.setLayout(right)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left_widget)
        splitter.addWidget(right_widget)
        splitter.setSizes([640, 560])
        layout = QVBoxLayout(self)
        layout.addWidget(entry_box)
        layout.addWidget(splitter, 1)

        for editor in (self.worked_on, self.duration, self.note):
            editor.returnPressed.connect(self.add)
            editor.textEdited.connect(self._revalidate)
        self.add_button.clicked.connect(self.add)
        self.placement.currentIndexChanged.connect(
            lambda _i: self.placement_changed.emit(self.placement.currentData() or None)
        )
        self.correct_button.clicked.connect(self._correct_selected)
        self.report_button.clicked.connect(
            lambda: self.report_requested.emit(self.placement.currentData() or None)
        )
        self.hours_table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self._typed = False

    def set_placements(self, placements: Sequence[PlacementRow], keep: str | None) -> None:
        self.placement.blockSignals(True)
        self.placement.clear()
        for row in placements:
            self.placement.addItem(
                f"{row.employer_name} ({vocab_label(row.placement_type)}, "
                f"{format_date(row.started_on)})",
                row.id,
            )
        if not placements:
            self.placement.addItem(tr("(geen plaatsing)"), "")
        index = self.placement.findData(keep) if keep else -1
        self.placement.setCurrentIndex(max(index, 0))
        self.placement.blockSignals(False)

    def current_placement_id(self) -> str | None:
        return self.placement.currentData() or None

    def set_rows(self, rows: Sequence[HoursRow], use: Sequence[MonthUse], today: dt.date) -> None:
        self.today = today
        if not self.worked_on.text():
            self.worked_on.setText(format_date(today))
        self.hours_model.set_rows(rows)
        self.use_model.set_rows(list(reversed(use)))  # newest month first
        self.correct_button.setEnabled(False)
        current = next((u for u in use if u.month == today.replace(day=1)), None)
        self.budget.setText(self.describe_budget(current))

    def describe_budget(self, use: MonthUse | None) -> str:
        if use is None:
            return ""
        text = tr("Deze maand {0} uur").format(format_minutes(use.minutes))
        if use.indicated_minutes is not None:
            text += " " + tr("van {0} geïndiceerd ({1})").format(
                format_minutes(use.indicated_minutes), _use_share(use)
            )
        if use.ceiling_minutes is not None:
            text += "; " + tr("plafond {0}").format(format_minutes(use.ceiling_minutes))
        signal = _use_signal(use)
        if signal:
            text += f' — <b style="color:{DANGER}">{signal}</b>'
        return text

    def entry(self) -> tuple[str, str, str, str]:
        return (
            self.worked_on.text(),
            self.duration.text(),
            str(self.activity.currentData()),
            self.note.text(),
        )

    def _revalidate(self, *_args: object, extra: dict[str, str] | None = None) -> dict[str, str]:
        problems = {**validate_hours(*self.entry(), today=self.today), **(extra or {})}
        for name, field in self.fields.items():
            field.show_problem(problems.get(name) if self.duration.text() or extra else None)
        return problems

    def add(self) -> None:
        """Add the typed hours; the line is cleared (date and activity kept) for the next."""
        from app.services.errors import ServiceError, ValidationFailed

        problems = validate_hours(*self.entry(), today=self.today)
        if problems:
            self._revalidate(extra=problems)
            return
        if self.on_add is None:
            return
        try:
            self.on_add(self.current_placement_id(), *self.entry())
        except ValidationFailed as failed:
            self._revalidate(extra=failed.problems)
            return
        except ServiceError as exc:
            self.fields["note"].show_problem(str(exc))
            return
        self.duration.clear()
        self.note.clear()
        for field in self.fields.values():
            field.show_problem(None)
        self.duration.setFocus()

    def selected(self) -> HoursRow | None:
        index = self.hours_table.currentIndex()
        return self.hours_model.row_at(index.row()) if index.isValid() else None

    def _selection_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.hours_model.row_at(current.row()) if current.isValid() else None
        self.correct_button.setEnabled(row is not None and not row.is_superseded)

    def _correct_selected(self) -> None:
        row = self.selected()
        if row is not None and not row.is_superseded:
            self.correct_requested.emit(row)


class HoursCorrectionDialog(RecordDialog):
    """Correct a registration: a new one replaces it (a duration of 0 withdraws it)."""

    def __init__(
        self,
        on_save: Callable[[tuple[str, str, str, str]], None],
        original: HoursRow,
        *,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            on_save,
            parent,
            correcting=True,
            title=tr("Uren corrigeren"),
            correction_title=tr("Uren corrigeren"),
            original_kept=tr(
                "De oorspronkelijke registratie blijft bewaard. Duur 0 trekt haar in."
            ),
            fallback_field="note",
            today=today,
        )
        self.worked_on = QLineEdit(format_date(original.worked_on))
        self.duration = QLineEdit(format_minutes(original.minutes))
        self.activity = QComboBox()
        for code, text in CoachingActivity.choices():
            self.activity.addItem(tr(text), code)
        self.activity.setCurrentIndex(self.activity.findData(original.activity.value))
        self.note = QLineEdit(original.note or "")
        form = QFormLayout()
        for name, label, widget in (
            ("worked_on", tr("Datum"), self.worked_on),
            ("duration", tr("Duur"), self.duration),
            ("activity", tr("Activiteit"), self.activity),
            ("note", tr("Notitie"), self.note),
        ):
            self.fields[name] = Field(widget, label)
            form.addRow(label, self.fields[name])
        layout = self.record_layout
        layout.addLayout(form)
        self.buttons, self.save_button = save_cancel_buttons(self.save, self.reject)
        layout.addWidget(self.buttons)
        self.start_watching(
            self.worked_on.textEdited,
            self.duration.textEdited,
            self.note.textEdited,
            self.activity.currentIndexChanged,
        )

    def values(self) -> tuple[str, str, str, str]:
        return (
            self.worked_on.text(),
            self.duration.text(),
            str(self.activity.currentData()),
            self.note.text(),
        )

    def problems(self) -> dict[str, str]:
        return validate_hours(*self.values(), today=self.today, correction=True)
