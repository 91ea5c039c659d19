"""The Ladder tab (history chart and list of assessments) and the guided assessment that
asks the official criteria in plain Dutch and shows the trede they give while answering."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain import validation as v
from app.domain.formatting import format_date
from app.domain.ladder import (
    TREDE_DEFINITIONS,
    TREDE_NAMES,
    LadderAnswers,
    derive_trede,
    policy_group,
)
from app.services.ladder import (
    AssessmentInput,
    AssessmentRow,
    default_review_on,
    validate_assessment,
)
from app.ui.dialogs import save_cancel_buttons
from app.ui.forms import Field
from app.ui.i18n import QT_TR_NOOP, tr
from app.ui.ladder_chart import LadderChart
from app.ui.record_dialog import RecordDialog
from app.ui.row_model import ColumnsModel
from app.ui.tables import correction_status, list_view

# The criteria as questions, in the order the official definitions test them; each
# follow-up question only matters when its lead question is answered yes.
QUESTIONS: tuple[tuple[str, str, str | None], ...] = (
    (
        "paid_work",
        QT_TR_NOOP("Heeft de klant betaald werk: een arbeidscontract, of als zelfstandige?"),
        None,
    ),
    (
        "paid_work_supported",
        QT_TR_NOOP(
            "Krijgt de klant bij dat werk ondersteuning: loonkostensubsidie of een jobcoach van "
            "de gemeente, een aanvullende uitkering, werk in Wsw-verband, of een opleiding met "
            "werkcomponent onder startkwalificatie (zoals bbl)?"
        ),
        "paid_work",
    ),
    (
        "unpaid_work",
        QT_TR_NOOP(
            "Doet de klant onbetaald werk met verantwoordelijkheid naar anderen "
            "(vrijwilligerswerk, werken met behoud van uitkering, stage)?"
        ),
        None,
    ),
    (
        "unpaid_work_weekly",
        QT_TR_NOOP("Heeft de klant bij dat werk minstens één keer per week fysiek contact?"),
        "unpaid_work",
    ),
    (
        "organised_activity",
        QT_TR_NOOP(
            "Doet de klant mee aan georganiseerde activiteiten (vereniging, cursus, sport, "
            "taalles zonder werkcomponent)?"
        ),
        None,
    ),
    (
        "organised_activity_weekly",
        QT_TR_NOOP("Is dat minstens één keer per week, met fysiek contact met anderen?"),
        "organised_activity",
    ),
    (
        "social_contacts_weekly",
        QT_TR_NOOP(
            "Heeft de klant minstens één keer per week contact met mensen buiten het eigen "
            "huishouden, buiten georganiseerd verband en niet alleen functioneel "
            "(winkelpersoneel, hulpverleners tellen niet mee)?"
        ),
        None,
    ),
)

AssessmentHandler = Callable[[AssessmentInput], None]


class Question(QWidget):
    """A yes/no question: a check box and its text, which wraps and toggles it when clicked."""

    def __init__(self, text: str, *, indented: bool = False) -> None:
        super().__init__()
        self.box = QCheckBox()
        self.box.setAccessibleName(text)
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.text.setBuddy(self.box)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(28 if indented else 0, 4, 0, 4)
        layout.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.box.isEnabled() and event.button() == Qt.MouseButton.LeftButton:
            self.box.toggle()
            self.box.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mouseReleaseEvent(event)


def trede_title(trede: int) -> str:
    return tr("Trede {0}: {1}").format(trede, tr(TREDE_NAMES[trede]))


class AssessmentDialog(RecordDialog):
    """A new assessment, or the correction of one (the original is kept)."""

    def __init__(
        self,
        on_save: AssessmentHandler,
        *,
        original: AssessmentRow | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            on_save,
            parent,
            correcting=original is not None,
            title=tr("Ladderbeoordeling"),
            correction_title=tr("Ladderbeoordeling corrigeren"),
            original_kept=tr("De oorspronkelijke beoordeling blijft bewaard, als gecorrigeerd."),
            fallback_field="notes",
            today=today,
        )
        start = original.as_input() if original else None

        # 1. The questions.
        self.questions: dict[str, QCheckBox] = {}
        self._question_rows: dict[str, Question] = {}
        question_box = QGroupBox(tr("1. De situatie van de klant nu"))
        question_layout = QVBoxLayout(question_box)
        for name, text, lead in QUESTIONS:
            question = Question(tr(text), indented=lead is not None)
            if start is not None:
                question.box.setChecked(getattr(start.answers, name))
            self.questions[name] = question.box
            self._question_rows[name] = question
            question_layout.addWidget(question)
        question_layout.addStretch()

        # 2. The outcome, live.
        outcome_box = QGroupBox(tr("2. Uitkomst"))
        self.derived_title = QLabel()
        self.derived_title.setProperty("role", "title")
        self.derived_title.setWordWrap(True)
        self.derived_title.setAccessibleName(tr("Trede volgens de antwoorden"))
        self.definition = QLabel()
        self.definition.setWordWrap(True)
        self.definition.setAccessibleName(tr("Officiële omschrijving"))
        self.group_label = QLabel()
        self.group_label.setProperty("role", "muted")
        self.final_trede = QComboBox()
        for trede in range(1, 7):
            self.final_trede.addItem(trede_title(trede), trede)
        self.override_reason = QPlainTextEdit(start.override_reason if start else "")
        self.override_reason.setTabChangesFocus(True)
        self.override_reason.setPlaceholderText(
            tr("Waarom past een andere trede beter dan de antwoorden aangeven?")
        )
        self.override_reason.setMaximumHeight(80)
        outcome = QVBoxLayout(outcome_box)
        outcome.addWidget(self.derived_title)
        outcome.addWidget(self.definition)
        outcome.addWidget(self.group_label)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: #dde3e8;")
        outcome.addWidget(line)
        outcome_form = QFormLayout()
        self.fields = {
            "final_trede": Field(self.final_trede, tr("Vastgestelde trede")),
            "override_reason": Field(self.override_reason, tr("Reden voor een andere trede")),
        }
        outcome_form.addRow(tr("Vastgestelde trede"), self.fields["final_trede"])
        self.reason_caption = QLabel(tr("Reden"))
        outcome_form.addRow(self.reason_caption, self.fields["override_reason"])
        outcome.addLayout(outcome_form)
        outcome.addStretch()

        # 3. Perspective and follow-up.
        follow_box = QGroupBox(tr("3. Perspectief en vervolg"))
        self.assessed_on = QLineEdit(start.assessed_on if start else format_date(self.today))
        self.assessed_on.setPlaceholderText(tr("dd-mm-jjjj"))
        self.expected_trede = QComboBox()
        self.expected_trede.addItem(tr("(geen verwachting vastgelegd)"), 0)
        for trede in range(1, 7):
            self.expected_trede.addItem(trede_title(trede), trede)
        self.expected_by = QLineEdit(start.expected_by if start else "")
        self.expected_by.setPlaceholderText(tr("dd-mm-jjjj"))
        self.review_on = QLineEdit(start.review_on if start else "")
        self.review_on.setPlaceholderText(tr("dd-mm-jjjj"))
        self.notes = QPlainTextEdit(start.notes if start else "")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        self.fields.update(
            {
                "assessed_on": Field(self.assessed_on, tr("Datum van de beoordeling")),
                "expected_trede": Field(self.expected_trede, tr("Verwachte trede")),
                "expected_by": Field(self.expected_by, tr("Te bereiken op")),
                "review_on": Field(self.review_on, tr("Herbeoordeling op")),
                "notes": Field(self.notes, tr("Toelichting")),
            }
        )
        follow = QFormLayout(follow_box)
        follow.addRow(tr("Datum beoordeling"), self.fields["assessed_on"])
        follow.addRow(tr("Verwachte trede"), self.fields["expected_trede"])
        follow.addRow(tr("Te bereiken op"), self.fields["expected_by"])
        follow.addRow(tr("Herbeoordeling op"), self.fields["review_on"])
        follow.addRow(tr("Toelichting"), self.fields["notes"])

        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(question_box, 1)
        right = QVBoxLayout()
        right.addWidget(outcome_box, 1)
        right.addWidget(follow_box)
        columns.addLayout(left, 5)
        columns.addLayout(right, 4)
        layout = self.record_layout
        layout.addLayout(columns)
        self.buttons, self.save_button = save_cancel_buttons(self.save, self.reject)
        layout.addWidget(self.buttons)

        self._final_follows_answers = start is None or start.final_trede == derive_trede(
            start.answers
        )
        if start is not None:
            self.final_trede.setCurrentIndex(self.final_trede.findData(start.final_trede))
            self.expected_trede.setCurrentIndex(
                self.expected_trede.findData(start.expected_trede or 0)
            )
        self._review_follows_date = start is None
        self._answers_changed()
        self._date_changed()
        for box in self.questions.values():
            box.toggled.connect(self._answers_changed)
        self.final_trede.activated.connect(self._final_chosen)
        self.assessed_on.textEdited.connect(self._date_changed)
        self.review_on.textEdited.connect(self._review_edited)
        self.start_watching(
            self.override_reason.textChanged,
            self.expected_trede.currentIndexChanged,
            self.expected_by.textEdited,
            self.notes.textChanged,
            self.final_trede.currentIndexChanged,
        )
        self.resize(1060, 640)

    # ------------------------------------------------------------ state
    def answers(self) -> LadderAnswers:
        return LadderAnswers(**{name: box.isChecked() for name, box in self.questions.items()})

    def values(self) -> AssessmentInput:
        expected = int(self.expected_trede.currentData() or 0)
        return AssessmentInput(
            answers=self.answers(),
            assessed_on=self.assessed_on.text(),
            final_trede=int(self.final_trede.currentData()),
            override_reason=self.override_reason.toPlainText(),
            expected_trede=expected or None,
            expected_by=self.expected_by.text(),
            review_on=self.review_on.text(),
            notes=self.notes.toPlainText(),
        )

    def _answers_changed(self, *_args: object) -> None:
        answers = self.answers()
        for name, _text, lead in QUESTIONS:
            if lead is not None:
                self._question_rows[name].setEnabled(getattr(answers, lead))
        derived = derive_trede(answers)
        self.derived_title.setText(trede_title(derived))
        self.definition.setText(tr(TREDE_DEFINITIONS[derived]))
        self.group_label.setText(tr("Beleidsgroep: {0}").format(tr(policy_group(derived).value)))
        if self._final_follows_answers:
            self.final_trede.setCurrentIndex(self.final_trede.findData(derived))
        self.revalidate()

    def _final_chosen(self, _index: int) -> None:
        self._final_follows_answers = self.final_trede.currentData() == derive_trede(self.answers())
        self.revalidate()

    def _date_changed(self, *_args: object) -> None:
        assessed = v.parse_date(self.assessed_on.text())
        if self._review_follows_date and assessed is not None:
            self.review_on.setText(format_date(default_review_on(assessed)))
        self.revalidate()

    def _review_edited(self, *_args: object) -> None:
        self._review_follows_date = False
        self.revalidate()

    def problems(self) -> dict[str, str]:
        return validate_assessment(self.values(), today=self.today)

    def before_revalidate(self) -> None:
        data = self.values()
        overriding = data.final_trede != data.derived_trede
        self.fields["override_reason"].setVisible(overriding)
        self.reason_caption.setVisible(overriding)


def _expected(row: AssessmentRow) -> str:
    if not row.expected_trede:
        return "–"
    by = format_date(row.expected_by) if row.expected_by else ""
    return tr("{0} op {1}").format(row.expected_trede, by)


LADDER_COLUMNS: tuple[tuple[str, Callable[[AssessmentRow], str]], ...] = (
    (QT_TR_NOOP("Datum"), lambda r: format_date(r.assessed_on)),
    (QT_TR_NOOP("Trede"), lambda r: trede_title(r.final_trede)),
    (QT_TR_NOOP("Volgens antwoorden"), lambda r: str(r.derived_trede)),
    (QT_TR_NOOP("Verwacht"), _expected),
    (QT_TR_NOOP("Herbeoordeling"), lambda r: format_date(r.review_on)),
    (QT_TR_NOOP("Beoordelaar"), lambda r: r.assessor_name),
    (QT_TR_NOOP("Status"), correction_status),
)


class LadderModel(ColumnsModel[AssessmentRow]):
    columns = LADDER_COLUMNS


class LadderTab(QWidget):
    """The chart on top, the assessments beneath, the selected one's answers at the bottom."""

    assess_requested = Signal()
    correct_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = LadderChart()
        self.model = LadderModel(self)
        self.table = list_view(self.model, tr("Ladderbeoordelingen"))
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(tr("Antwoorden en toelichting"))
        self.assess_button = QPushButton(tr("Nieuwe beoordeling…"))
        self.assess_button.setProperty("primary", True)
        self.assess_button.setToolTip(tr("Ctrl+B"))
        self.correct_button = QPushButton(tr("Corrigeren…"))
        self.correct_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.assess_button)
        buttons.addWidget(self.correct_button)
        buttons.addStretch()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([220, 200, 140])
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter)
        self.assess_button.clicked.connect(self.assess_requested)
        self.correct_button.clicked.connect(self._correct_selected)
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        self.table.doubleClicked.connect(lambda _i: self._correct_selected())

    def set_rows(self, rows: Sequence[AssessmentRow], today: dt.date) -> None:
        self.model.set_rows(rows)
        self.chart.set_history(rows, today)
        self.detail.clear()
        self.correct_button.setEnabled(False)
        if rows:
            self.table.selectRow(0)

    def selected(self) -> AssessmentRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _show_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row = self.model.row_at(current.row())
        self.correct_button.setEnabled(not row.is_superseded)
        yes, no = tr("ja"), tr("nee")
        lines = [f"<b>{escape(trede_title(row.final_trede))}</b> — {format_date(row.assessed_on)}"]
        if row.is_superseded:
            lines.append("<i>" + tr("Deze beoordeling is gecorrigeerd.") + "</i>")
        items = "".join(
            f"<li>{escape(tr(text))} <b>{yes if getattr(row.answers, name) else no}</b></li>"
            for name, text, _lead in QUESTIONS
        )
        lines.append(f"<ul>{items}</ul>")
        if row.override_reason:
            lines.append(
                tr("Afwijkend van de antwoorden (trede {0}): {1}").format(
                    row.derived_trede, escape(row.override_reason)
                )
            )
        if row.notes:
            lines.append(escape(row.notes).replace("\n", "<br>"))
        self.detail.setHtml("<p>" + "</p><p>".join(lines) + "</p>")

    def _correct_selected(self) -> None:
        row = self.selected()
        if row is not None and not row.is_superseded:
            self.correct_requested.emit(row)
