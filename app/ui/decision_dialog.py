"""The decision (beschikking) on loonkostensubsidie for a placement: basis, period, the
target-group check and the decision date, with the limits that apply shown as you type."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.formatting import format_date, format_number
from app.domain.placements import forfait_ends_on
from app.domain.vocab import SubsidyBasis, TargetGroupBasis
from app.services.placement_view import PlacementRow
from app.services.subsidy_decisions import DecisionForm, measurement_valid_until
from app.services.wage_value import MeasurementRow
from app.ui.dialogs import FormDialog, save_cancel_buttons
from app.ui.forms import Field
from app.ui.i18n import QT_TR_NOOP, tr, vocab_label

DATE_FIELDS = (
    ("starts_on", QT_TR_NOOP("Ingangsdatum"), QT_TR_NOOP("dd-mm-jjjj")),
    ("ends_on", QT_TR_NOOP("Einddatum"), QT_TR_NOOP("dd-mm-jjjj")),
    ("decided_on", QT_TR_NOOP("Datum beschikking"), QT_TR_NOOP("dd-mm-jjjj")),
    ("reference", QT_TR_NOOP("Kenmerk"), QT_TR_NOOP("bijv. LKS-2026-0042")),
)


def default_form(row: PlacementRow, today: dt.date) -> DecisionForm:
    """A new decision: from the first day no decision covers, the forfait's end as its end."""
    live = [d for d in row.decisions if not d.is_superseded]
    starts = max([d.ends_on + dt.timedelta(days=1) for d in live] + [row.started_on])
    forfait_end = forfait_ends_on(row.started_on)
    return DecisionForm(
        placement_id=row.id,
        starts_on=format_date(starts),
        ends_on=format_date(forfait_end) if starts <= forfait_end else "",
        decided_on=format_date(today),
    )


class DecisionDialog(FormDialog):
    """Record a decision, or correct one (`initial` is then the decision as it stands)."""

    def __init__(
        self,
        on_save: Callable[[DecisionForm], None],
        validate: Callable[[DecisionForm], dict[str, str]],
        row: PlacementRow,
        measurements: Sequence[MeasurementRow],
        *,
        initial: DecisionForm,
        correcting: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(on_save, parent, fallback_field="reference")
        self.validate = validate
        self.row = row
        self.setWindowTitle(
            tr("Beschikking corrigeren") if correcting else tr("Beschikking loonkostensubsidie")
        )
        intro = QLabel(
            tr(
                "Loonkostensubsidie wordt alleen betaald op een beschikking, voor de periode "
                "daarvan. Forfaitair: ten hoogste tot en met {0}; daarna op een loonwaardemeting."
            ).format(format_date(forfait_ends_on(row.started_on)))
        )
        intro.setWordWrap(True)
        self.basis = QComboBox()
        for basis in SubsidyBasis:
            self.basis.addItem(vocab_label(basis), basis.value)
        self.basis.setCurrentIndex(max(0, self.basis.findData(initial.basis)))
        self.measurement = QComboBox()
        self.measurement.addItem(tr("(kies een meting)"), "")
        for m in measurements:
            if m.placement_id != row.id or m.is_superseded:
                continue
            until = measurement_valid_until(m.report_date, m.next_measurement_on)
            self.measurement.addItem(
                tr("{0}: loonwaarde {1}%, geldig tot en met {2}").format(
                    format_date(m.report_date), format_number(m.loonwaarde_pct), format_date(until)
                ),
                m.id,
            )
        self.measurement.setCurrentIndex(max(0, self.measurement.findData(initial.measurement_id)))
        self.target_group = QComboBox()
        for group in TargetGroupBasis:
            self.target_group.addItem(vocab_label(group), group.value)
        self.target_group.setCurrentIndex(
            max(0, self.target_group.findData(initial.target_group_basis))
        )
        self.note = QPlainTextEdit(initial.target_group_note)
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(70)
        self.fields["basis"] = Field(self.basis, tr("Grondslag"))
        self.fields["measurement_id"] = Field(self.measurement, tr("Loonwaardemeting"))
        self.fields["target_group_basis"] = Field(self.target_group, tr("Doelgroep (art. 10d)"))
        self.fields["target_group_note"] = Field(self.note, tr("Toelichting doelgroep"))
        form = QFormLayout()
        form.addRow(tr("Grondslag"), self.fields["basis"])
        form.addRow(tr("Loonwaardemeting"), self.fields["measurement_id"])
        form.addRow(tr("Doelgroep (art. 10d)"), self.fields["target_group_basis"])
        form.addRow(tr("Toelichting doelgroep"), self.fields["target_group_note"])
        self.inputs: dict[str, QLineEdit] = {}
        for name, label, placeholder in DATE_FIELDS:
            editor = QLineEdit(getattr(initial, name))
            editor.setPlaceholderText(tr(placeholder))
            self.inputs[name] = editor
            self.fields[name] = Field(editor, tr(label))
            form.addRow(tr(label), self.fields[name])
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        self.buttons, self.save_button = save_cancel_buttons(self.save, self.reject)
        layout.addWidget(self.buttons)
        self.basis.currentIndexChanged.connect(self._basis_changed)
        self.start_watching(
            self.basis.currentIndexChanged,
            self.measurement.currentIndexChanged,
            self.target_group.currentIndexChanged,
            self.note.textChanged,
            *(editor.textEdited for editor in self.inputs.values()),
        )
        self._basis_changed()
        self.resize(620, 560)

    def _basis_changed(self) -> None:
        by_measurement = self.basis.currentData() == SubsidyBasis.MEASUREMENT.value
        self.fields["measurement_id"].setEnabled(by_measurement)

    def values(self) -> DecisionForm:
        return DecisionForm(
            placement_id=self.row.id,
            basis=str(self.basis.currentData()),
            measurement_id=str(self.measurement.currentData() or ""),
            target_group_basis=str(self.target_group.currentData()),
            target_group_note=self.note.toPlainText(),
            **{name: editor.text() for name, editor in self.inputs.items()},
        )

    def problems(self) -> dict[str, str]:
        return self.validate(self.values())
