"""Dialogs for employers and placements, the reason to continue a placement past its
displacement limit, and an absence of the placement's employee."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.rules import rules
from app.domain.vocab import AbsenceReason, PlacementType
from app.services.absences import AbsenceForm
from app.services.placements import (
    REASON_MIN,
    EmployerForm,
    EmployerRow,
    PlacementForm,
    validate_employer,
)
from app.ui.dialogs import FormDialog, save_cancel_buttons
from app.ui.forms import Field
from app.ui.i18n import QT_TR_NOOP, tr, vocab_label

EMPLOYER_FIELDS = (
    ("name", QT_TR_NOOP("Naam")),
    ("kvk_number", QT_TR_NOOP("KvK-nummer")),
    ("street", QT_TR_NOOP("Straat")),
    ("house_number", QT_TR_NOOP("Huisnummer")),
    ("postcode", QT_TR_NOOP("Postcode")),
    ("city", QT_TR_NOOP("Plaats")),
    ("contact_person", QT_TR_NOOP("Contactpersoon")),
    ("contact_phone", QT_TR_NOOP("Telefoon contactpersoon")),
    ("contact_email", QT_TR_NOOP("E-mail contactpersoon")),
    ("sector", QT_TR_NOOP("Sector")),
)


class EmployerDialog(FormDialog):
    """A new employer; `on_save` returns the new employer's id."""

    def __init__(
        self, on_save: Callable[[EmployerForm], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(on_save, parent, fallback_field="name")
        self.employer_id: str | None = None
        self.setWindowTitle(tr("Nieuwe werkgever"))
        self.inputs: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for name, label in EMPLOYER_FIELDS:
            editor = QLineEdit()
            self.inputs[name] = editor
            self.fields[name] = Field(editor, tr(label))
            form.addRow(tr(label), self.fields[name])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.buttons, self.save_button = save_cancel_buttons(self.save, self.reject)
        layout.addWidget(self.buttons)
        self.start_watching(*(editor.textEdited for editor in self.inputs.values()))

    def values(self) -> EmployerForm:
        return EmployerForm(**{name: editor.text() for name, editor in self.inputs.items()})

    def problems(self) -> dict[str, str]:
        return validate_employer(self.values())

    def submit(self, values: object) -> None:
        assert isinstance(values, EmployerForm)
        self.employer_id = str(self.on_save(values))


PLACEMENT_TEXT_FIELDS = (
    ("function_title", QT_TR_NOOP("Functie"), ""),
    ("started_on", QT_TR_NOOP("Start"), QT_TR_NOOP("dd-mm-jjjj")),
    ("planned_end", QT_TR_NOOP("Gepland einde"), QT_TR_NOOP("dd-mm-jjjj")),
    ("ended_on", QT_TR_NOOP("Beëindigd op"), QT_TR_NOOP("dd-mm-jjjj")),
    ("hours_per_week", QT_TR_NOOP("Uren per week"), QT_TR_NOOP("bijv. 24")),
    ("wage_hour", QT_TR_NOOP("Uurloon (€)"), QT_TR_NOOP("bijv. 16,00")),
    ("fulltime_hours", QT_TR_NOOP("Voltijdweek werkgever (uren)"), QT_TR_NOOP("bijv. 38")),
    ("course_months", QT_TR_NOOP("Duur opleiding (maanden)"), QT_TR_NOOP("leerwerktraject")),
)


class PlacementDialog(FormDialog):
    """A new placement, or changes to one."""

    def __init__(
        self,
        on_save: Callable[[PlacementForm], None],
        validate: Callable[[PlacementForm], dict[str, str]],
        employers: Sequence[EmployerRow],
        new_employer: Callable[[QWidget], EmployerRow | None],
        *,
        initial: PlacementForm | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(on_save, parent, fallback_field="notes")
        self.validate = validate
        self.new_employer = new_employer
        self.today = today or dt.date.today()
        self.setWindowTitle(tr("Plaatsing bewerken") if initial else tr("Nieuwe plaatsing"))
        initial = initial or PlacementForm(started_on=self.today.strftime("%d-%m-%Y"))

        self.employer = QComboBox()
        self.employer.addItem(tr("(kies een werkgever)"), "")
        for employer in employers:
            self.employer.addItem(employer.name, employer.id)
        self.employer.setCurrentIndex(max(0, self.employer.findData(initial.employer_id)))
        self.add_employer = QPushButton(tr("Nieuwe werkgever…"))
        self.add_employer.setAutoDefault(False)  # Enter saves the form, never opens this
        employer_row = QWidget()
        employer_layout = QHBoxLayout(employer_row)
        employer_layout.setContentsMargins(0, 0, 0, 0)
        employer_layout.addWidget(self.employer, 1)
        employer_layout.addWidget(self.add_employer)
        self.kind = QComboBox()
        for kind in PlacementType:
            self.kind.addItem(vocab_label(kind), kind.value)
        self.kind.setCurrentIndex(self.kind.findData(initial.placement_type))
        self.fields["employer_id"] = Field(employer_row, tr("Werkgever"))
        self.fields["placement_type"] = Field(self.kind, tr("Soort plaatsing"))
        form = QFormLayout()
        form.addRow(tr("Werkgever"), self.fields["employer_id"])
        form.addRow(tr("Soort"), self.fields["placement_type"])
        self.inputs: dict[str, QLineEdit] = {}
        for name, label, placeholder in PLACEMENT_TEXT_FIELDS:
            editor = QLineEdit(getattr(initial, name))
            editor.setPlaceholderText(tr(placeholder) if placeholder else "")
            self.inputs[name] = editor
            self.fields[name] = Field(editor, tr(label))
            form.addRow(tr(label), self.fields[name])
        self.learning_part = QPlainTextEdit(initial.learning_part)
        self.learning_part.setTabChangesFocus(True)
        self.learning_part.setMaximumHeight(56)
        self.learning_part.setPlaceholderText(tr("leerwerktraject: wat de klant leert"))
        self.fields["learning_part"] = Field(self.learning_part, tr("Leerdeel"))
        form.addRow(tr("Leerdeel"), self.fields["learning_part"])
        self.notes = QPlainTextEdit(initial.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(80)
        self.fields["notes"] = Field(self.notes, tr("Notities"))
        form.addRow(tr("Notities"), self.fields["notes"])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.buttons, self.save_button = save_cancel_buttons(self.save, self.reject)
        layout.addWidget(self.buttons)
        self.add_employer.clicked.connect(self._add_employer)
        self.start_watching(
            self.employer.currentIndexChanged,
            self.kind.currentIndexChanged,
            self.notes.textChanged,
            self.learning_part.textChanged,
            *(editor.textEdited for editor in self.inputs.values()),
        )
        self.resize(560, 620)

    def _add_employer(self) -> None:
        added = self.new_employer(self)
        if added is not None:
            self.employer.addItem(added.name, added.id)
            self.employer.setCurrentIndex(self.employer.count() - 1)

    def values(self) -> PlacementForm:
        return PlacementForm(
            employer_id=str(self.employer.currentData() or ""),
            placement_type=str(self.kind.currentData()),
            notes=self.notes.toPlainText(),
            learning_part=self.learning_part.toPlainText(),
            **{name: editor.text() for name, editor in self.inputs.items()},
        )

    def problems(self) -> dict[str, str]:
        return self.validate(self.values())


class ContinuationDialog(FormDialog):
    """Why a placement continues past its displacement limit."""

    def __init__(
        self,
        on_save: Callable[[str], None],
        *,
        explanation: str,
        initial: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(on_save, parent, fallback_field="continuation_reason")
        self.setWindowTitle(tr("Reden om door te gaan"))
        intro = QLabel(explanation)
        intro.setWordWrap(True)
        self.reason = QPlainTextEdit(initial)
        self.reason.setTabChangesFocus(True)
        self.fields["continuation_reason"] = Field(self.reason, tr("Reden"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.fields["continuation_reason"])
        self.buttons, self.save_button = save_cancel_buttons(self.save, self.reject)
        layout.addWidget(self.buttons)
        self.start_watching(self.reason.textChanged)
        self.resize(520, 260)

    def values(self) -> str:
        return self.reason.toPlainText()

    def problems(self) -> dict[str, str]:
        if len(self.values().strip()) < REASON_MIN:
            return {
                "continuation_reason": tr(
                    "Schrijf op waarom de plaatsing langer doorloopt (minstens {0} tekens)."
                ).format(REASON_MIN)
            }
        return {}


@dataclass(frozen=True)
class AbsenceChoice:
    """Which absence the dialog is about (None: a new one), and the form."""

    absence_id: str | None
    form: AbsenceForm


class AbsenceDialog(FormDialog):
    """The absences of a placement's employee: choose a new one or one recorded before (to
    end, change or remove it, after a question)."""

    def __init__(
        self,
        on_save: Callable[[AbsenceChoice], None],
        validate: Callable[[AbsenceChoice], dict[str, str]],
        *,
        recorded: Sequence[tuple[str, str, AbsenceForm]] = (),  # (id, label, form)
        chosen_id: str | None = None,
        on_remove: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(on_save, parent, fallback_field="starts_on")
        self.validate = validate
        self.on_remove = on_remove
        self.recorded = {absence_id: form for absence_id, _label, form in recorded}
        self.setWindowTitle(tr("Verzuim"))
        intro = QLabel(
            tr(
                "Ziekte van meer dan {0} weken aaneen verlaagt het plafond voor jobcoaching "
                "naar rato."
            ).format(rules().int_value("jobcoach_absence_weeks_before_reduction", dt.date.today()))
        )
        intro.setWordWrap(True)
        self.which = QComboBox()
        self.which.setAccessibleName(tr("Welk verzuim"))
        self.which.addItem(tr("Nieuw verzuim"), "")
        for absence_id, label, _form in recorded:
            self.which.addItem(label, absence_id)
        self.starts = QLineEdit()
        self.starts.setPlaceholderText(tr("dd-mm-jjjj"))
        self.ends = QLineEdit()
        self.ends.setPlaceholderText(tr("leeg: nog afwezig"))
        self.reason = QComboBox()
        for reason in AbsenceReason:
            self.reason.addItem(vocab_label(reason), reason.value)
        form = QFormLayout()
        form.addRow(tr("Verzuim"), self.which)
        for name, label, editor in (
            ("starts_on", QT_TR_NOOP("Eerste verzuimdag"), self.starts),
            ("ends_on", QT_TR_NOOP("Laatste verzuimdag"), self.ends),
            ("reason", QT_TR_NOOP("Reden"), self.reason),
        ):
            self.fields[name] = Field(editor, tr(label))
            form.addRow(tr(label), self.fields[name])
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        self.buttons, self.save_button = save_cancel_buttons(self.save, self.reject)
        self.remove_button = self.buttons.addButton(
            tr("Verwijderen…"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self._remove)
        layout.addWidget(self.buttons)
        self.which.setCurrentIndex(max(0, self.which.findData(chosen_id or "")))
        self._fill()
        self.which.currentIndexChanged.connect(self._fill)
        self.start_watching(
            self.starts.textEdited,
            self.ends.textEdited,
            self.reason.currentIndexChanged,
            self.which.currentIndexChanged,
        )
        self.resize(480, 300)

    def chosen_id(self) -> str | None:
        return str(self.which.currentData()) or None

    def _fill(self, *_args: object) -> None:
        chosen = self.recorded.get(self.chosen_id() or "", AbsenceForm())
        self.starts.setText(chosen.starts_on)
        self.ends.setText(chosen.ends_on)
        self.reason.setCurrentIndex(max(0, self.reason.findData(chosen.reason)))
        self.remove_button.setEnabled(self.chosen_id() is not None)

    def values(self) -> AbsenceChoice:
        return AbsenceChoice(
            self.chosen_id(),
            AbsenceForm(self.starts.text(), self.ends.text(), str(self.reason.currentData())),
        )

    def problems(self) -> dict[str, str]:
        return self.validate(self.values())

    def _remove(self) -> None:
        chosen = self.chosen_id()
        if chosen is None or self.on_remove is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Verzuim verwijderen"),
            tr("Dit verzuim verwijderen? Doe dit alleen als het per vergissing is vastgelegd."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if box.exec() == QMessageBox.StandardButton.Yes:
            self.on_remove(chosen)
            self.accept()
