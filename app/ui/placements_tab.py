"""The Plaatsingen tab: the client's placements with their displacement flags, and for the
selected one its wage-cost subsidy (every part of the sum), due actions and measurements."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.formatting import format_date, format_money, format_number
from app.domain.wage import loonwaarde_signal
from app.services.placement_view import PlacementRow
from app.services.wage_value import MeasurementRow
from app.ui.coaching_tab import month_title
from app.ui.i18n import QT_TR_NOOP, tr, vocab_label
from app.ui.measurement_dialog import loonwaarde_signal_html, subsidy_lines
from app.ui.row_model import ColumnsModel
from app.ui.style import DANGER
from app.ui.tables import correction_status, list_view

FLAG_COLOUR = QColor(DANGER)


def flag_text(row: PlacementRow) -> str:
    signals = []
    if row.wage_below_minimum is not None:
        signals.append(tr("Uurloon onder het minimumloon"))
    if row.measured is not None and loonwaarde_signal(row.measured) is not None:
        signals.append(tr("Lage loonwaarde"))
    if row.flag is not None and row.flag.is_open:
        signals.append(
            tr("Verdringingsgrens ({0} mnd) voorbij: reden nodig").format(row.flag.limit_months)
        )
    elif row.flag is not None:
        signals.append(tr("Langer dan {0} mnd, reden vastgelegd").format(row.flag.limit_months))
    return "; ".join(signals)


def has_open_signal(row: PlacementRow) -> bool:
    return row.wage_below_minimum is not None or (row.flag is not None and row.flag.is_open)


def wage_signal_text(row: PlacementRow) -> str:
    """Why the wage must be raised: the WML that overtook it, and since when."""
    below = row.wage_below_minimum
    assert below is not None
    return tr(
        "Het uurloon ({0}) ligt sinds {1} onder het wettelijk minimumloon van {2} per uur "
        "({3}). Verhoog het loon; de subsidie wordt vanaf die dag met het minimumloon berekend."
    ).format(
        _money(row.wage_hour),
        format_date(below.since),
        format_money(below.minimum),
        (
            tr("{0} jaar en ouder").format(below.adult_age)
            if below.adult
            else tr("{0} jaar").format(below.age)
        ),
    )


def subsidy_text(row: PlacementRow) -> str:
    """What the list says of the subsidy: the payable amount, or that a decision is missing."""
    if row.subsidy is None:
        return "–"
    if row.subsidy.payable and row.subsidy.parts is not None:
        return format_money(row.subsidy.parts.monthly)
    if row.subsidy.decision is None and row.is_active:
        return tr("geen beschikking")
    return "–"


def _money(value: Any) -> str:
    return format_money(value) if value is not None else "–"


PLACEMENT_COLUMNS: tuple[tuple[str, Callable[[PlacementRow], str]], ...] = (
    (QT_TR_NOOP("Soort"), lambda r: vocab_label(r.placement_type)),
    (QT_TR_NOOP("Werkgever"), lambda r: r.employer_name),
    (QT_TR_NOOP("Functie"), lambda r: r.function_title or "–"),
    (QT_TR_NOOP("Start"), lambda r: format_date(r.started_on)),
    (QT_TR_NOOP("Einde"), lambda r: format_date(r.ended_on) if r.ended_on else "–"),
    (
        QT_TR_NOOP("Uren/week"),
        lambda r: format_number(r.hours_per_week) if r.hours_per_week is not None else "–",
    ),
    (QT_TR_NOOP("Uurloon"), lambda r: _money(r.wage_hour)),
    (QT_TR_NOOP("Subsidie/maand"), lambda r: subsidy_text(r)),
    (QT_TR_NOOP("Signaal"), flag_text),
)


class PlacementModel(ColumnsModel[PlacementRow]):
    columns = PLACEMENT_COLUMNS

    def styled(self, row: PlacementRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == len(PLACEMENT_COLUMNS) - 1 and has_open_signal(row):
                return QBrush(FLAG_COLOUR)
            if row.ended_on is not None:
                return QBrush(QColor("#6b6b6b"))
        return None


MEASUREMENT_COLUMNS: tuple[tuple[str, Callable[[MeasurementRow], str]], ...] = (
    (QT_TR_NOOP("Rapportdatum"), lambda r: format_date(r.report_date)),
    (QT_TR_NOOP("Loonwaarde"), lambda r: f"{format_number(r.loonwaarde_pct)}%"),
    (QT_TR_NOOP("Hoofdtaken"), lambda r: str(len(r.tasks))),
    (
        QT_TR_NOOP("Jobcoaching/maand"),
        lambda r: (
            tr("{0} uur").format(format_number(r.jobcoach_hours_per_month))
            if r.jobcoach_hours_per_month is not None
            else "–"
        ),
    ),
    (
        QT_TR_NOOP("Volgende meting"),
        lambda r: format_date(r.next_measurement_on) if r.next_measurement_on else "–",
    ),
    (QT_TR_NOOP("Deskundige"), lambda r: r.expert_name),
    (QT_TR_NOOP("Status"), correction_status),
)


class MeasurementModel(ColumnsModel[MeasurementRow]):
    columns = MEASUREMENT_COLUMNS


class PlacementsTab(QWidget):
    new_requested = Signal()
    edit_requested = Signal(object)
    measure_requested = Signal(object)
    reason_requested = Signal(object)
    correct_measurement_requested = Signal(object)
    decision_requested = Signal(object)
    correct_decision_requested = Signal(object)
    absence_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = dt.date.today()
        self._measurements: list[MeasurementRow] = []
        self.model = PlacementModel(self)
        self.table = list_view(self.model, tr("Plaatsingen"))
        self.measurement_model = MeasurementModel(self)
        self.measurement_table = list_view(self.measurement_model, tr("Loonwaardemetingen"))
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(tr("Subsidie en acties van de plaatsing"))
        self.new_button = QPushButton(tr("Nieuwe plaatsing…"))
        self.new_button.setProperty("primary", True)
        self.edit_button = QPushButton(tr("Bewerken…"))
        self.measure_button = QPushButton(tr("Loonwaardemeting…"))
        self.reason_button = QPushButton(tr("Reden vastleggen…"))
        self.correct_button = QPushButton(tr("Meting corrigeren…"))
        self.decision_button = QPushButton(tr("Beschikking…"))
        self.decision_button.setToolTip(tr("Beschikking loonkostensubsidie vastleggen"))
        self.correct_decision_button = QPushButton(tr("Beschikking corrigeren…"))
        self.absence_button = QPushButton(tr("Verzuim…"))
        self.absence_button.setToolTip(tr("Verzuim van de werknemer vastleggen of beëindigen"))
        buttons = QHBoxLayout()
        for button in (
            self.new_button,
            self.edit_button,
            self.measure_button,
            self.decision_button,
            self.correct_decision_button,
            self.reason_button,
            self.correct_button,
            self.absence_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch()
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.detail)
        lower.addWidget(self.measurement_table)
        lower.setSizes([520, 640])
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setSizes([200, 320])
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter)
        self.new_button.clicked.connect(self.new_requested)
        self.edit_button.clicked.connect(lambda: self._emit_selected(self.edit_requested))
        self.measure_button.clicked.connect(lambda: self._emit_selected(self.measure_requested))
        self.reason_button.clicked.connect(lambda: self._emit_selected(self.reason_requested))
        self.correct_button.clicked.connect(self._correct_measurement)
        self.absence_button.clicked.connect(lambda: self._emit_selected(self.absence_requested))
        self.decision_button.clicked.connect(lambda: self._emit_selected(self.decision_requested))
        self.correct_decision_button.clicked.connect(
            lambda: self._emit_selected(self.correct_decision_requested)
        )
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        self.table.doubleClicked.connect(lambda _i: self._emit_selected(self.edit_requested))
        self.measurement_table.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self._update_buttons()
        )
        self._update_buttons()

    def set_rows(
        self, rows: Sequence[PlacementRow], measurements: Sequence[MeasurementRow], today: dt.date
    ) -> None:
        selected = self.selected()
        self.today = today
        self._measurements = list(measurements)
        self.model.set_rows(rows)
        self.detail.clear()
        self.measurement_model.set_rows([])
        if rows:
            ids = [r.id for r in rows]
            self.table.selectRow(ids.index(selected.id) if selected and selected.id in ids else 0)
        self._update_buttons()

    def selected(self) -> PlacementRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def selected_measurement(self) -> MeasurementRow | None:
        index = self.measurement_table.currentIndex()
        return self.measurement_model.row_at(index.row()) if index.isValid() else None

    def _emit_selected(self, signal: Any) -> None:
        row = self.selected()
        if row is not None:
            signal.emit(row)

    def _correct_measurement(self) -> None:
        row = self.selected_measurement()
        if row is not None and not row.is_superseded:
            self.correct_measurement_requested.emit(row)

    def _update_buttons(self) -> None:
        row = self.selected()
        measurement = self.selected_measurement()
        self.edit_button.setEnabled(row is not None)
        self.measure_button.setEnabled(row is not None)
        self.absence_button.setEnabled(row is not None)
        self.reason_button.setEnabled(row is not None and row.flag is not None)
        self.decision_button.setEnabled(row is not None and row.subsidy is not None)
        self.correct_decision_button.setEnabled(
            row is not None and any(not d.is_superseded for d in row.decisions)
        )
        self.correct_button.setEnabled(measurement is not None and not measurement.is_superseded)

    def _show_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row = self.model.row_at(current.row())
        self.measurement_model.set_rows([m for m in self._measurements if m.placement_id == row.id])
        self.detail.setHtml(self.describe(row))
        self._update_buttons()

    def _decision_html(self, row: PlacementRow) -> str:
        """The placement's decisions, newest period first; replaced ones struck through."""
        if not row.decisions:
            return ""
        items = []
        for decision in row.decisions:
            text = tr("{0} tot en met {1}: {2}, beschikking van {3}").format(
                format_date(decision.starts_on),
                format_date(decision.ends_on),
                vocab_label(decision.basis).lower(),
                format_date(decision.decided_on),
            )
            if decision.reference:
                text += f" ({decision.reference})"
            text = escape(text)
            items.append(
                f"<li><s>{text}</s></li>" if decision.is_superseded else f"<li>{text}</li>"
            )
        heading = escape(tr("Beschikkingen"))
        return f"<p><b>{heading}</b></p><ul>{''.join(items)}</ul>"

    def _months_html(self, row: PlacementRow) -> str:
        """What the decisions make payable per calendar month, newest first (pro rata)."""
        if not row.months:
            return ""
        lines = []
        for month in reversed(row.months):
            days = ""
            if 0 < month.days_paid < month.days_in_month:
                days = " " + tr("({0} van {1} dagen)").format(month.days_paid, month.days_in_month)
            lines.append(
                f"<tr><td>{escape(month_title(month.month))}{escape(days)}</td>"
                f"<td align='right'>&nbsp;&nbsp;{format_money(month.amount)}</td></tr>"
            )
        heading = escape(tr("Betaalbaar per maand"))
        return f"<p><b>{heading}</b></p><table>{''.join(lines)}</table>"

    def describe(self, row: PlacementRow) -> str:
        """The selected placement's subsidy sum, flag and due actions, as HTML."""
        parts = [
            f"<h3>{escape(vocab_label(row.placement_type))} — {escape(row.employer_name)}</h3>"
        ]
        if row.wage_below_minimum is not None:
            parts.append(f'<p style="color:{DANGER}">{escape(wage_signal_text(row))}</p>')
        if row.flag is not None:
            colour = DANGER if row.flag.is_open else "#2e7d5b"
            flag = row.flag
            text = tr("Verdringingsgrens: {0} maanden, tot en met {1}.").format(
                flag.limit_months, format_date(flag.limit_on)
            )
            text += " " + escape(
                (tr("Wet: {0}.") if flag.limit.by_law else tr("Gemeentelijk beleid: {0}.")).format(
                    flag.limit.source
                )
            )
            if flag.counted_from != row.started_on:
                text += " " + tr(
                    "Eerdere plaatsingen van dezelfde soort bij deze werkgever tellen mee, "
                    "vanaf {0}."
                ).format(format_date(flag.counted_from))
            if flag.past_legal_maximum:
                text += " " + tr(
                    "Ook met verlenging ({0} maanden) is het wettelijk maximum voorbij: "
                    "beëindig de plaatsing of zet haar om in een dienstverband."
                ).format(flag.limit.legal_maximum_months)
            elif flag.is_open:
                text += " " + tr("Leg vast waarom de plaatsing langer doorloopt.")
            else:
                text += " " + tr("Reden: {0}").format(escape(flag.reason or ""))
            parts.append(f'<p style="color:{colour}">{text}</p>')
        if row.subsidy is not None:
            parts.append(self._decision_html(row))
            if row.subsidy.parts is not None and not row.subsidy.payable:
                parts.append(f'<p style="color:{DANGER}">{escape(row.subsidy.problem or "")}</p>')
            if row.subsidy.parts is not None:
                lines = "".join(
                    f"<tr><td>{escape(label)}</td><td align='right'>&nbsp;&nbsp;{amount}</td></tr>"
                    for label, amount in subsidy_lines(row.subsidy.parts)
                )
                title = tr("Loonkostensubsidie")
                if row.subsidy.parts.forfait:
                    title = (
                        tr("Forfaitaire loonkostensubsidie")
                        if row.measured is not None
                        else tr("Forfaitaire loonkostensubsidie (nog geen meting)")
                    )
                if not row.subsidy.payable:
                    title = tr("Indicatie, niet betaalbaar: {0}").format(title.lower())
                parts.append(f"<p><b>{title}</b></p><table>{lines}</table>")
                parts.append(
                    "<p><b>"
                    + tr("Per maand: {0}").format(format_money(row.subsidy.parts.monthly))
                    + "</b></p>"
                )

            else:
                parts.append(f'<p style="color:{DANGER}">{escape(row.subsidy.problem or "")}</p>')
        if row.measured is not None:
            parts.append(loonwaarde_signal_html(row.measured))
        parts.append(self._months_html(row))
        if row.due_actions:
            late, heading = tr("te laat"), tr("Acties")
            items = "".join(
                f"<li>{escape(tr(action.label))}: {format_date(action.due_on)}"
                + (f' <b style="color:{DANGER}">{late}</b>' if action.due_on < self.today else "")
                + "</li>"
                for action in row.due_actions
            )
            parts.append(f"<p><b>{heading}</b></p><ul>{items}</ul>")
        if row.absences:
            heading, still = tr("Verzuim"), tr("nog afwezig")
            items = "".join(
                f"<li>{format_date(a.starts_on)} – "
                f"{format_date(a.ends_on) if a.ends_on else still}: "
                f"{escape(vocab_label(a.reason))}</li>"
                for a in row.absences
            )
            parts.append(f"<p><b>{heading}</b></p><ul>{items}</ul>")
        if row.notes:
            parts.append(f"<p>{escape(row.notes)}</p>")
        return "".join(parts)
