"""The form to create or edit a client: validated as the user types, Save only when valid."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import fields

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.region import region
from app.domain.vocab import (
    RECORDED_PRIORITY_GROUPS,
    Benefit,
    EducationLevel,
    LabelledEnum,
    Obstacle,
    WorkObligation,
)
from app.services.clients import ClientForm, validate_client_form
from app.services.errors import ServiceError, ValidationFailed
from app.ui.dialogs import BaseDialog, save_cancel_buttons
from app.ui.forms import Field, confirm_discard
from app.ui.i18n import QT_TR_NOOP, tr

SaveHandler = Callable[[ClientForm], None]

TEXT_FIELDS = {
    "bsn": (QT_TR_NOOP("BSN"), "123456782"),
    "voornamen": (QT_TR_NOOP("Voornamen"), ""),
    "tussenvoegsel": (QT_TR_NOOP("Tussenvoegsel"), QT_TR_NOOP("van, de, van der")),
    "achternaam": (QT_TR_NOOP("Achternaam"), ""),
    "birth_date": (QT_TR_NOOP("Geboortedatum"), QT_TR_NOOP("dd-mm-jjjj")),
    "street": (QT_TR_NOOP("Straat"), ""),
    "house_number": (QT_TR_NOOP("Huisnummer"), ""),
    "postcode": (QT_TR_NOOP("Postcode"), "1234 AB"),
    "city": (QT_TR_NOOP("Woonplaats"), ""),
    "phone": (QT_TR_NOOP("Telefoon"), "06 12345678"),
    "email": (QT_TR_NOOP("E-mail"), "naam@voorbeeld.nl"),
    "benefit_start": (QT_TR_NOOP("Start uitkering"), QT_TR_NOOP("dd-mm-jjjj")),
    "exemption_reason": (QT_TR_NOOP("Reden ontheffing"), ""),
    "exemption_end": (QT_TR_NOOP("Einde ontheffing"), QT_TR_NOOP("dd-mm-jjjj")),
    "intake_date": (QT_TR_NOOP("Intakedatum"), QT_TR_NOOP("dd-mm-jjjj")),
}
CHOICE_FIELDS: dict[str, tuple[str, Callable[[], list[tuple[str, str]]], bool]] = {
    # the region's municipalities are names, not texts to translate
    "municipality": (QT_TR_NOOP("Gemeente"), lambda: region().choices(), False),
    "benefit": (QT_TR_NOOP("Uitkering"), lambda: _translated(Benefit), False),
    "work_obligation": (
        QT_TR_NOOP("Arbeidsverplichting"),
        lambda: _translated(WorkObligation),
        False,
    ),
    "education_level": (QT_TR_NOOP("Opleidingsniveau"), lambda: _translated(EducationLevel), True),
}


def _translated(vocabulary: type[LabelledEnum]) -> list[tuple[str, str]]:
    return [(code, tr(text)) for code, text in vocabulary.choices()]


class ClientFormDialog(BaseDialog):
    def __init__(
        self,
        on_save: SaveHandler,
        *,
        initial: ClientForm | None = None,
        title: str = "",
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.on_save = on_save
        self.today = today or dt.date.today()
        self.initial = initial or ClientForm()
        self.setWindowTitle(title or tr("Nieuwe klant"))
        self.touched: set[str] = set()
        self.fields: dict[str, Field] = {}
        self.text_inputs: dict[str, QLineEdit] = {}
        self.choices: dict[str, QComboBox] = {}
        self.group_boxes: dict[str, QCheckBox] = {}
        self.obstacle_boxes: dict[str, QCheckBox] = {}
        self._build()
        self._load(self.initial)
        self.revalidate()

    # ------------------------------------------------------------ building
    def _text(self, name: str) -> Field:
        label, placeholder = TEXT_FIELDS[name]
        editor = QLineEdit()
        editor.setPlaceholderText(tr(placeholder) if placeholder else "")
        editor.textEdited.connect(lambda _text, n=name: self._edited(n))
        self.text_inputs[name] = editor
        self.fields[name] = Field(editor, tr(label))
        return self.fields[name]

    def _choice(self, name: str) -> Field:
        label, vocabulary, optional = CHOICE_FIELDS[name]
        combo = QComboBox()
        if optional:
            combo.addItem(tr("(onbekend)"), "")
        for code, text in vocabulary():
            combo.addItem(text, code)
        combo.currentIndexChanged.connect(lambda _i, n=name: self._edited(n))
        self.choices[name] = combo
        self.fields[name] = Field(combo, tr(label))
        return self.fields[name]

    def _group(self, title: str, rows: list[tuple[str, QWidget]]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setVerticalSpacing(6)
        for label, widget in rows:
            form.addRow(label, widget)
        return box

    def _checks(
        self, items: list[tuple[str, str]], store: dict[str, QCheckBox], field: str
    ) -> QWidget:
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, (code, text) in enumerate(items):
            box = QCheckBox(tr(text))
            box.toggled.connect(lambda _on, n=field: self._edited(n))
            store[code] = box
            grid.addWidget(box, index // 2, index % 2)
        self.fields[field] = Field(holder, field)
        return self.fields[field]

    def _build(self) -> None:
        person = self._group(
            tr("Persoonsgegevens"),
            [
                (tr("BSN"), self._text("bsn")),
                (tr("Voornamen"), self._text("voornamen")),
                (tr("Tussenvoegsel"), self._text("tussenvoegsel")),
                (tr("Achternaam"), self._text("achternaam")),
                (tr("Geboortedatum"), self._text("birth_date")),
                (tr("Straat"), self._text("street")),
                (tr("Huisnummer"), self._text("house_number")),
                (tr("Postcode"), self._text("postcode")),
                (tr("Woonplaats"), self._text("city")),
                (tr("Gemeente"), self._choice("municipality")),
                (tr("Telefoon"), self._text("phone")),
                (tr("E-mail"), self._text("email")),
            ],
        )
        self.work_experience = QPlainTextEdit()
        self.work_experience.setAccessibleName(tr("Werkervaring"))
        self.work_experience.setFixedHeight(60)
        self.work_experience.textChanged.connect(lambda: self._edited("work_experience"))
        self.fields["work_experience"] = Field(self.work_experience, tr("Werkervaring"))
        self.startkwalificatie = QCheckBox(tr("Startkwalificatie"))
        self.driving_licence = QCheckBox(tr("Rijbewijs"))
        for box, name in (
            (self.startkwalificatie, "startkwalificatie"),
            (self.driving_licence, "driving_licence"),
        ):
            box.toggled.connect(lambda _on, n=name: self._edited(n))
        self.certificates = QLineEdit()
        self.certificates.setPlaceholderText(tr("bijv. VCA, heftruck (komma's ertussen)"))
        self.certificates.setAccessibleName(tr("Certificaten"))
        self.certificates.textEdited.connect(lambda _t: self._edited("certificates"))
        benefit = self._group(
            tr("Uitkering en arbeidsverplichting"),
            [
                (tr("Uitkering"), self._choice("benefit")),
                (tr("Start uitkering"), self._text("benefit_start")),
                (tr("Arbeidsverplichting"), self._choice("work_obligation")),
                (tr("Reden ontheffing"), self._text("exemption_reason")),
                (tr("Einde ontheffing"), self._text("exemption_end")),
                (tr("Intakedatum"), self._text("intake_date")),
            ],
        )
        groups = self._group(
            tr("Doelgroepen en belemmeringen"),
            [
                (
                    tr("Doelgroepen"),
                    self._checks(
                        [(g.value, g.label) for g in RECORDED_PRIORITY_GROUPS],
                        self.group_boxes,
                        "priority_groups",
                    ),
                ),
                (
                    tr("Belemmeringen"),
                    self._checks(Obstacle.choices(), self.obstacle_boxes, "obstacles"),
                ),
            ],
        )
        age_note = QLabel(tr("Jongeren onder 27 en 50-/55-plussers volgen uit de geboortedatum."))
        age_note.setProperty("role", "muted")
        age_note.setWordWrap(True)
        groups.layout().addWidget(age_note)  # type: ignore[union-attr]
        education = self._group(
            tr("Opleiding en kwalificaties"),
            [
                (tr("Opleidingsniveau"), self._choice("education_level")),
                ("", self.startkwalificatie),
                ("", self.driving_licence),
                (tr("Certificaten"), self.certificates),
                (tr("Werkervaring"), self.fields["work_experience"]),
            ],
        )

        columns = QWidget()
        grid = QGridLayout(columns)
        grid.addWidget(person, 0, 0)
        grid.addWidget(benefit, 1, 0)
        grid.addWidget(groups, 0, 1)
        grid.addWidget(education, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidget(columns)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.summary = QLabel()
        self.summary.setProperty("role", "muted")
        self.buttons, self.save_button = save_cancel_buttons(self.save, self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        bottom = QGridLayout()
        bottom.addWidget(self.summary, 0, 0)
        bottom.addWidget(self.buttons, 0, 1)
        layout.addLayout(bottom)
        self.resize(1040, 720)

    # ------------------------------------------------------------ state
    def _load(self, form: ClientForm) -> None:
        for name, editor in self.text_inputs.items():
            editor.setText(getattr(form, name))
        for name, combo in self.choices.items():
            index = combo.findData(getattr(form, name))
            combo.setCurrentIndex(max(index, 0))
        for code, box in self.group_boxes.items():
            box.setChecked(code in form.priority_groups)
        for code, box in self.obstacle_boxes.items():
            box.setChecked(code in form.obstacles)
        self.startkwalificatie.setChecked(form.startkwalificatie)
        self.driving_licence.setChecked(form.driving_licence)
        self.certificates.setText(", ".join(form.certificates))
        self.work_experience.setPlainText(form.work_experience)
        self.touched.clear()

    def current_form(self) -> ClientForm:
        form = ClientForm()
        for name, editor in self.text_inputs.items():
            setattr(form, name, editor.text())
        for name, combo in self.choices.items():
            setattr(form, name, combo.currentData() or "")
        form.priority_groups = [c for c, box in self.group_boxes.items() if box.isChecked()]
        form.obstacles = [c for c, box in self.obstacle_boxes.items() if box.isChecked()]
        form.startkwalificatie = self.startkwalificatie.isChecked()
        form.driving_licence = self.driving_licence.isChecked()
        form.certificates = [c.strip() for c in self.certificates.text().split(",") if c.strip()]
        form.work_experience = self.work_experience.toPlainText()
        return form

    def is_dirty(self) -> bool:
        current, initial = self.current_form(), self.initial
        return any(
            _normal(getattr(current, f.name)) != _normal(getattr(initial, f.name))
            for f in fields(ClientForm)
        )

    def _edited(self, name: str) -> None:
        self.touched.add(name)
        self.revalidate()

    def revalidate(
        self, extra: dict[str, str] | None = None, *, show_all: bool = False
    ) -> dict[str, str]:
        problems = validate_client_form(self.current_form(), today=self.today)
        problems.update(extra or {})
        for name, field in self.fields.items():
            visible = show_all or name in self.touched or (extra and name in extra)
            field.show_problem(problems.get(name) if visible else None)
        exempt = self.choices["work_obligation"].currentData() != WorkObligation.IMPOSED.value
        for name in ("exemption_reason", "exemption_end"):
            self.text_inputs[name].setEnabled(exempt)
        self.save_button.setEnabled(not problems)
        if problems:
            count = len(problems)
            self.summary.setText(
                tr("Nog 1 veld te verbeteren")
                if count == 1
                else tr("Nog {0} velden te verbeteren").format(count)
            )
        else:
            self.summary.setText(tr("Alles is ingevuld zoals het hoort."))
        return problems

    # ------------------------------------------------------------ actions
    def save(self) -> None:
        if self.revalidate(show_all=True):
            return
        try:
            self.on_save(self.current_form())
        except ValidationFailed as failed:
            self.revalidate(failed.problems, show_all=True)
            return
        except ServiceError as exc:
            self.summary.setText(str(exc))
            return
        self.initial = self.current_form()
        self.accept()

    def reject(self) -> None:
        if self.is_dirty() and not confirm_discard(self):
            return
        super().reject()


def _normal(value: object) -> object:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return sorted(value)
    return value
