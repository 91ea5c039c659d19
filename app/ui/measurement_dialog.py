"""The loonwaardemeting after the ULM model report: the report's facts, up to five main
tasks, the total wage value, and the subsidy it gives, shown while typing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from html import escape

from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain import validation as v
from app.domain.formatting import format_money, format_number, fraction_text
from app.domain.rules import rules
from app.domain.wage import LoonwaardeSignal, SubsidyParts, loonwaarde_signal
from app.services.wage_value import MeasurementForm, TaskForm, validity_months
from app.ui.dialogs import save_cancel_buttons, scrolling
from app.ui.forms import Field, error_label
from app.ui.i18n import QT_TR_NOOP, tr
from app.ui.record_dialog import RecordDialog
from app.ui.style import WARNING

TASK_ROWS = 5
TASK_COLUMNS = (
    ("name", QT_TR_NOOP("Hoofdtaak")),
    ("share_pct", QT_TR_NOOP("Tijd %")),
    ("tempo_pct", QT_TR_NOOP("Tempo %")),
    ("quality_pct", QT_TR_NOOP("Kwaliteit %")),
    ("net_worktime_pct", QT_TR_NOOP("Netto werktijd %")),
    ("result_pct", QT_TR_NOOP("Resultaat %")),
    ("explanation", QT_TR_NOOP("Toelichting")),
)
HEADER_FIELDS = (
    ("report_date", QT_TR_NOOP("Rapportdatum"), QT_TR_NOOP("dd-mm-jjjj")),
    ("visit_date", QT_TR_NOOP("Werkplekbezoek"), QT_TR_NOOP("dd-mm-jjjj")),
    ("expert_name", QT_TR_NOOP("Loonwaardedeskundige"), ""),
    ("employer_contact", QT_TR_NOOP("Contactpersoon werkgever"), ""),
    ("norm_function", QT_TR_NOOP("Normfunctie"), ""),
    ("performed_function", QT_TR_NOOP("Uitgevoerde functie"), ""),
    ("contract_hours", QT_TR_NOOP("Contracturen per week"), ""),
    ("fulltime_hours", QT_TR_NOOP("Voltijdsuren per week"), ""),
    ("workdays_per_week", QT_TR_NOOP("Werkdagen per week"), QT_TR_NOOP("bijv. 4")),
)
RESULT_FIELDS = (
    ("loonwaarde_pct", QT_TR_NOOP("Totale loonwaarde %"), ""),
    ("jobcoach_hours_per_month", QT_TR_NOOP("Jobcoaching (uren per maand)"), ""),
    ("next_measurement_on", QT_TR_NOOP("Volgende meting"), QT_TR_NOOP("leeg: over {0} maanden")),
)

SubsidyPreview = Callable[[Decimal], SubsidyParts | None]


def subsidy_lines(parts: SubsidyParts) -> list[tuple[str, str]]:
    """The subsidy sum as (label, amount) lines, as the placement view shows them."""
    lines = [
        (tr("Minimumloon per uur"), format_money_precise(parts.wml_hour)),
    ]
    if parts.wage_below_minimum:
        lines.append(
            (
                tr("Vastgelegd uurloon {0} ligt onder het minimumloon; gerekend met").format(
                    format_money(parts.agreed_wage_hour)
                ),
                format_money(parts.wage_hour),
            )
        )
    if parts.forfait:
        lines.append(
            (
                tr("Forfait: {0}% van het minimumloon").format(format_number(parts.forfait_pct)),
                format_money_precise(parts.uncapped_base),
            )
        )
    else:
        lines.append(
            (
                tr("Loonwaarde {0}% van het uurloon {1}").format(
                    format_number(parts.loonwaarde_pct or Decimal(0)),
                    format_money(parts.wage_hour),
                ),
                "− " + format_money_precise(parts.wage_value_hour),
            )
        )
    lines.append(
        (
            tr("Ten hoogste {0}% van het minimumloon").format(format_number(parts.cap_pct)),
            format_money_precise(parts.cap),
        )
    )
    lines.append(
        (
            tr("Grondslag per uur") + (" " + tr("(begrensd)") if parts.capped else ""),
            format_money_precise(parts.base),
        )
    )
    lines.append(
        (
            tr("+ vakantietoeslag {0}%, werkgeverslasten {1}%").format(
                format_number(parts.holiday_allowance_pct), format_number(parts.employer_costs_pct)
            ),
            format_money_precise(parts.subsidy_hour),
        )
    )
    lines.append(
        (
            tr("× {0} uur per week × 52 / 12").format(format_number(parts.hours_per_week)),
            format_money(parts.monthly),
        )
    )
    return lines


def loonwaarde_signal_html(parts: SubsidyParts) -> str:
    """The signal a low loonwaarde gives (a paragraph), or nothing."""
    signal = loonwaarde_signal(parts)
    if signal is None:
        return ""
    share = format_number(parts.wage_value_pct_of_wml or Decimal(0), 1)
    rules_table = rules()
    if signal is LoonwaardeSignal.PARTICIPATION:
        text = tr(
            "Signaal: de loonwaarde is {0}% van het minimumloon, minder dan {1}%. Dat wijst op "
            "participatievoorzieningen; bespreek of werk met loonkostensubsidie past."
        ).format(
            share,
            format_number(rules_table.value("loonwaarde_signal_participation_pct", parts.on)),
        )
    else:
        text = tr(
            "Signaal: de loonwaarde is {0}% van het minimumloon, {1}% of minder. Meestal is "
            "iemand dan (nog) niet op de arbeidsmarkt."
        ).format(
            share,
            format_number(
                rules_table.value("loonwaarde_signal_not_on_labour_market_pct", parts.on)
            ),
        )
    return f'<p style="color:{WARNING}">{escape(text)}</p>'


def format_money_precise(amount: Decimal) -> str:
    """Euro amounts inside the sum, to four decimals (the sum is rounded only at the end)."""
    text = format_number(amount, 4)
    return f"€ {text}"


class MeasurementDialog(RecordDialog):
    def __init__(
        self,
        on_save: Callable[[MeasurementForm], None],
        validate: Callable[[MeasurementForm], dict[str, str]],
        preview: SubsidyPreview,
        *,
        placement_id: str,
        initial: MeasurementForm | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            on_save,
            parent,
            correcting=initial is not None,
            title=tr("Loonwaardemeting (ULM)"),
            correction_title=tr("Loonwaardemeting corrigeren"),
            original_kept=tr("De oorspronkelijke meting blijft bewaard, als gecorrigeerd."),
            fallback_field="explanation",
            today=today,
        )
        self.validate = validate
        self.preview = preview
        self.placement_id = placement_id
        initial = initial or MeasurementForm(
            report_date=self.today.strftime("%d-%m-%Y"), visit_date=self.today.strftime("%d-%m-%Y")
        )
        self.inputs: dict[str, QLineEdit] = {}

        def line(name: str, label: str, placeholder: str, form: QFormLayout) -> None:
            editor = QLineEdit(getattr(initial, name))
            text = tr(placeholder) if placeholder else ""
            if name == "next_measurement_on":
                text = text.format(validity_months(self.today))
            editor.setPlaceholderText(text)
            self.inputs[name] = editor
            self.fields[name] = Field(editor, tr(label))
            form.addRow(tr(label), self.fields[name])

        report_box = QGroupBox(tr("Rapport"))
        report_form = QFormLayout(report_box)
        for name, label, placeholder in HEADER_FIELDS:
            line(name, label, placeholder, report_form)

        ulm_start = rules().date_value("ulm_required_from")
        min_share = rules().value("ulm_task_min_share_pct", max(self.today, ulm_start))
        min_minutes = rules().value("ulm_task_min_minutes_per_day", max(self.today, ulm_start))
        tasks_box = QGroupBox(
            tr(
                "Hoofdtaken (elk minstens {0} van de werktijd en {1} minuten per werkdag; "
                "samen 100%)"
            ).format(fraction_text(min_share), format_number(min_minutes))
        )
        grid = QGridLayout(tasks_box)
        for column, (_name, label) in enumerate(TASK_COLUMNS):
            caption = QLabel(tr(label))
            caption.setProperty("role", "muted")
            grid.addWidget(caption, 0, column)
        self.task_inputs: list[dict[str, QLineEdit]] = []
        for row in range(TASK_ROWS):
            task = initial.tasks[row] if row < len(initial.tasks) else TaskForm()
            editors: dict[str, QLineEdit] = {}
            for column, (name, label) in enumerate(TASK_COLUMNS):
                editor = QLineEdit(getattr(task, name))
                editor.setAccessibleName(tr("Taak {0}: {1}").format(row + 1, tr(label)))
                if name not in ("name", "explanation"):
                    editor.setMaximumWidth(90)
                editors[name] = editor
                field = Field(editor, editor.accessibleName(), compact=True)
                self.fields[f"task{row + 1}.{name}"] = field
                grid.addWidget(field, row + 1, column)
            self.task_inputs.append(editors)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(6, 3)
        self.tasks_message = error_label(tr("Melding bij de hoofdtaken"))
        self.task_summary = QLabel()
        self.task_summary.setProperty("role", "muted")
        grid.addWidget(self.task_summary, TASK_ROWS + 1, 0, 1, 7)
        grid.addWidget(self.tasks_message, TASK_ROWS + 2, 0, 1, 7)

        result_box = QGroupBox(tr("Uitkomst"))
        result_form = QFormLayout(result_box)
        for name, label, placeholder in RESULT_FIELDS:
            line(name, label, placeholder, result_form)
        self.explanation = QPlainTextEdit(initial.explanation)
        self.explanation.setTabChangesFocus(True)
        self.explanation.setMaximumHeight(70)
        self.fields["explanation"] = Field(self.explanation, tr("Toelichting op de uitkomst"))
        result_form.addRow(tr("Toelichting"), self.fields["explanation"])

        subsidy_box = QGroupBox(tr("Loonkostensubsidie met deze loonwaarde"))
        self.subsidy = QLabel()
        self.subsidy.setWordWrap(True)
        self.subsidy.setAccessibleName(tr("Loonkostensubsidie per maand"))
        QVBoxLayout(subsidy_box).addWidget(self.subsidy)

        top = QHBoxLayout()
        top.addWidget(report_box, 1)
        right = QVBoxLayout()
        right.addWidget(result_box)
        right.addWidget(subsidy_box, 1)
        top.addLayout(right, 1)
        # The form scrolls inside the dialog and the buttons stay put: the subsidy sum and
        # messages grow it past a 1366x768 screen otherwise.
        layout = self.record_layout
        layout.addWidget(scrolling(top, tasks_box))
        self.buttons, self.save_button = save_cancel_buttons(self.save, self.reject)
        layout.addWidget(self.buttons)
        self.start_watching(
            self.explanation.textChanged,
            *(editor.textEdited for editor in self.inputs.values()),
            *(editor.textEdited for row in self.task_inputs for editor in row.values()),
        )
        self.resize(1180, 680)

    def values(self) -> MeasurementForm:
        tasks = tuple(
            TaskForm(**{name: editor.text() for name, editor in row.items()})
            for row in self.task_inputs
        )
        while tasks and tasks[-1].is_blank():
            tasks = tasks[:-1]
        return MeasurementForm(
            placement_id=self.placement_id,
            tasks=tasks,
            explanation=self.explanation.toPlainText(),
            **{name: editor.text() for name, editor in self.inputs.items()},
        )

    def problems(self) -> dict[str, str]:
        return self.validate(self.values())

    def before_revalidate(self) -> None:
        form = self.values()
        shares = [v.parse_decimal(t.share_pct) for _, t in form.filled_tasks()]
        known = [s for s in shares if s is not None]
        computed = form.computed_loonwaarde()
        summary = tr("Tijd samen: {0}%").format(format_number(sum(known, Decimal(0))))
        if computed is not None:
            summary += " · " + tr("gewogen resultaat: {0}%").format(format_number(computed))
        self.task_summary.setText(summary)
        found = self.problems() if self._initial is not None else {}
        # the narrow task cells only turn red: their messages are listed below the grid
        lines = [text for key, text in found.items() if key.startswith("task")]
        self.tasks_message.setText("\n".join(lines))
        self.tasks_message.setVisible(bool(lines))
        self._show_subsidy(form)

    def _show_subsidy(self, form: MeasurementForm) -> None:
        loonwaarde = v.parse_decimal(form.loonwaarde_pct)
        parts = (
            self.preview(loonwaarde) if loonwaarde is not None and 0 <= loonwaarde <= 100 else None
        )
        if parts is None:
            self.subsidy.setText(tr("Vul de totale loonwaarde in om de subsidie te zien."))
            return
        rows = "".join(
            f"<tr><td>{label}</td><td align='right'>&nbsp;&nbsp;{amount}</td></tr>"
            for label, amount in subsidy_lines(parts)
        )
        self.subsidy.setText(
            f"<table>{rows}</table><p><b>"
            + tr("Per maand: {0}").format(format_money(parts.monthly))
            + "</b></p>"
            + loonwaarde_signal_html(parts)
        )
