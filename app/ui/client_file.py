"""The client file: a header with the essentials, and tabs (Overzicht, Journaal, ...)."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.formatting import format_date
from app.domain.ladder import TREDE_NAMES
from app.domain.region import municipality_name
from app.domain.vocab import (
    Benefit,
    ClientStatus,
    EducationLevel,
    Obstacle,
    WorkObligation,
)
from app.services.caseload_rows import DueAction
from app.services.clients import ClientDetails, ClientForm
from app.services.ladder import (
    AssessmentInput,
    AssessmentRow,
)
from app.ui.client_form import ClientFormDialog
from app.ui.client_work import ClientWork
from app.ui.flow_layout import FlowLayout
from app.ui.i18n import tr, vocab_label
from app.ui.journal_tab import JournalEntryDialog, JournalTab
from app.ui.ladder_tab import AssessmentDialog, LadderTab
from app.ui.plan_tab import PlanTab
from app.ui.style import DANGER
from app.ui.window_parts import tab_shortcuts

if TYPE_CHECKING:
    from app.workspace import Workspace


def _chip(text: str, warning: bool = False) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "chip-warning" if warning else "chip")
    return label


def _label_of(vocabulary: type, code: str) -> str:
    try:
        return tr(vocabulary(code).label) if code else "–"
    except ValueError:
        return code


class OverviewTab(QScrollArea):
    """Everything about the client on one calm page, grouped as on the form."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.values: dict[str, QLabel] = {}
        holder = QWidget()
        grid = QGridLayout(holder)
        self.due_box = QGroupBox(tr("Wat staat er open"))
        self.due = QLabel()
        self.due.setWordWrap(True)
        self.due.setTextFormat(Qt.TextFormat.RichText)
        self.due.setAccessibleName(tr("Wat staat er open"))
        QVBoxLayout(self.due_box).addWidget(self.due)
        grid.addWidget(self.due_box, 0, 0, 1, 2)
        grid.addWidget(
            self._group(
                tr("Persoonsgegevens"),
                [
                    ("name", tr("Naam")),
                    ("bsn", tr("BSN")),
                    ("birth", tr("Geboortedatum")),
                    ("address", tr("Adres")),
                    ("municipality", tr("Gemeente")),
                    ("phone", tr("Telefoon")),
                    ("email", tr("E-mail")),
                    ("intake", tr("Intake")),
                ],
            ),
            1,
            0,
        )
        grid.addWidget(
            self._group(
                tr("Uitkering en arbeidsverplichting"),
                [
                    ("benefit", tr("Uitkering")),
                    ("benefit_start", tr("Start uitkering")),
                    ("obligation", tr("Arbeidsverplichting")),
                    ("exemption", tr("Ontheffing")),
                    ("outflow", tr("Uitstroom")),
                ],
            ),
            2,
            0,
        )
        grid.addWidget(
            self._group(
                tr("Doelgroepen en belemmeringen"),
                [
                    ("groups", tr("Doelgroepen")),
                    ("obstacles", tr("Belemmeringen")),
                ],
            ),
            1,
            1,
        )
        grid.addWidget(
            self._group(
                tr("Opleiding en kwalificaties"),
                [
                    ("education", tr("Opleiding")),
                    ("qualifications", tr("Kwalificaties")),
                    ("certificates", tr("Certificaten")),
                    ("experience", tr("Werkervaring")),
                ],
            ),
            2,
            1,
        )
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(3, 1)
        self.setWidget(holder)

    def _group(self, title: str, rows: list[tuple[str, str]]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for key, label in rows:
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(label)
            self.values[key] = value
            caption = QLabel(label)
            caption.setProperty("role", "muted")
            form.addRow(caption, value)
        return box

    def show_due(self, actions: list[DueAction], today: dt.date) -> None:
        """The client's due actions, earliest first; overdue ones in red."""
        self.due_box.setVisible(bool(actions))
        late = escape(tr("te laat"))
        lines = []
        for action in actions:
            text = f"{format_date(action.due_on)}: {escape(tr(action.label))}"
            if action.due_on < today:
                text = f'<span style="color:{DANGER}">{text} ({late})</span>'
            lines.append(text)
        self.due.setText("<br>".join(lines))

    def show_client(self, details: ClientDetails) -> None:
        f = details.form
        address = " ".join(p for p in (f.street, f.house_number) if p)
        place = "  ".join(p for p in (f.postcode, f.city) if p)
        exempt = f.work_obligation != WorkObligation.IMPOSED.value
        outflow = "–"
        if details.status is ClientStatus.CLOSED:
            outflow = f"{format_date(details.outflow_date)}, {details.outflow_reason or ''}"
        quals = [tr("startkwalificatie") if f.startkwalificatie else tr("geen startkwalificatie")]
        if f.driving_licence:
            quals.append(tr("rijbewijs"))
        texts = {
            "name": details.display_name,
            "bsn": f.bsn,
            "birth": tr("{0} ({1} jaar)").format(f.birth_date, details.age),
            "address": ", ".join(p for p in (address, place) if p) or "–",
            "municipality": municipality_name(f.municipality),
            "phone": f.phone or "–",
            "email": f.email or "–",
            "intake": f.intake_date or "–",
            "benefit": _label_of(Benefit, f.benefit),
            "benefit_start": f.benefit_start or "–",
            "obligation": _label_of(WorkObligation, f.work_obligation),
            "exemption": (
                (
                    tr("{0} (tot {1})").format(f.exemption_reason, f.exemption_end)
                    if f.exemption_end
                    else f.exemption_reason or "–"
                )
                if exempt
                else "–"
            ),
            "outflow": outflow,
            "groups": ", ".join(vocab_label(g) for g in details.priority_groups) or "–",
            "obstacles": ", ".join(_label_of(Obstacle, o) for o in f.obstacles) or "–",
            "education": _label_of(EducationLevel, f.education_level),
            "qualifications": ", ".join(quals),
            "certificates": ", ".join(f.certificates) or "–",
            "experience": f.work_experience or "–",
        }
        for key, text in texts.items():
            self.values[key].setText(text)


class ClientFilePanel(QWidget):
    """Shows one client file; edits go through dialogs and services."""

    back_requested = Signal()
    changed = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.actor = workspace.actor
        self.details: ClientDetails | None = None
        self.today = dt.date.today()

        self.back_button = QPushButton(tr("← Caseload"))
        self.back_button.setToolTip(tr("Terug naar de caseload (Alt+Links)"))
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setAccessibleName(tr("Naam van de klant"))
        self.edit_button = QPushButton(tr("Gegevens bewerken"))
        self.edit_button.setToolTip(tr("Ctrl+E"))
        self.chips = FlowLayout()  # wraps: many chips never widen the window
        header = QFrame()
        header.setProperty("role", "header")
        header_layout = QVBoxLayout(header)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title, 1)
        top.addWidget(self.edit_button)
        header_layout.addLayout(top)
        header_layout.addLayout(self.chips)

        self.tabs = QTabWidget()
        self.overview = OverviewTab()
        self.journal = JournalTab()
        self.ladder = LadderTab()
        self.work = ClientWork(workspace, self)
        self.plan = PlanTab(workspace)
        self.tabs.addTab(self.overview, tr("&Overzicht"))
        self.tabs.addTab(self.ladder, tr("&Ladder"))
        self.tabs.addTab(self.work.placements, tr("&Plaatsingen"))
        self.tabs.addTab(self.work.coaching, tr("Job&coaching"))
        self.tabs.addTab(self.plan, tr("Pl&an"))
        self.tabs.addTab(self.journal, tr("&Journaal"))
        tab_shortcuts(self.tabs)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addWidget(header)
        layout.addWidget(self.tabs, 1)

        self.back_button.clicked.connect(self.back_requested)
        self.edit_button.clicked.connect(self.edit_client)
        self.journal.add_requested.connect(self.add_journal_entry)
        self.journal.correct_requested.connect(self.correct_journal_entry)
        self.ladder.assess_requested.connect(self.assess)
        self.ladder.correct_requested.connect(self.correct_assessment)
        self.work.changed.connect(self._work_changed)
        self.plan.changed.connect(self._work_changed)

    @property
    def client_id(self) -> str | None:
        return self.details.id if self.details else None

    def open_client(self, client_id: str) -> None:
        self.today = dt.date.today()
        opened = self.workspace.open_client_file(client_id, today=self.today)
        self.details = opened.details
        self._show(self.details)
        self.overview.show_due(opened.due, self.today)
        self.journal.set_rows(opened.journal)
        self.ladder.set_rows(opened.assessments, self.today)
        self.work.load(client_id, self.today)
        self.plan.load(client_id, self.today)

    def reload(self) -> None:
        if self.details:
            current_tab = self.tabs.currentIndex()
            self.open_client(self.details.id)
            self.tabs.setCurrentIndex(current_tab)

    def clear(self) -> None:
        """Forget the client (on lock, or when going back)."""
        self.details = None
        self.title.clear()
        self._clear_chips()
        self.journal.set_rows([])
        self.ladder.set_rows([], self.today)
        self.work.load(None, self.today)
        self.plan.load(None, self.today)

    def _clear_chips(self) -> None:
        while self.chips.count():
            item = self.chips.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    def _show(self, details: ClientDetails) -> None:
        self.title.setText(details.display_name)
        self._clear_chips()
        f = details.form
        chips = [
            _chip(f"BSN {f.bsn}"),
            _chip(tr("{0} jaar").format(details.age)),
            _chip(municipality_name(f.municipality)),
        ]
        if details.trede:
            trede_text = tr("Trede {0}: {1}").format(details.trede, tr(TREDE_NAMES[details.trede]))
            overdue = details.review_on is not None and details.review_on < self.today
            chips.append(_chip(trede_text, warning=overdue))
        else:
            chips.append(_chip(tr("Nog geen ladderbeoordeling"), warning=True))
        chips.extend(_chip(vocab_label(group)) for group in details.priority_groups)
        if f.work_obligation != WorkObligation.IMPOSED.value:
            chips.append(_chip(_label_of(WorkObligation, f.work_obligation)))
        if details.status is ClientStatus.CLOSED:
            chips.append(_chip(tr("Afgesloten"), warning=True))
        if details.caseworker_name:
            chips.append(_chip(tr("Medewerker: {0}").format(details.caseworker_name)))
        for chip in chips:
            self.chips.addWidget(chip)
        self.overview.show_client(details)

    # ------------------------------------------------------------ editing
    def edit_client(self) -> ClientFormDialog | None:
        if self.details is None:
            return None
        details = self.details

        def save(form: ClientForm) -> None:
            self.workspace.update_client(
                details.id,
                form,
                expected_version=details.version,
                today=self.today,
            )

        dialog = ClientFormDialog(
            save,
            initial=details.form,
            title=tr("{0} bewerken").format(details.display_name),
            today=self.today,
            parent=self,
        )
        dialog.accepted.connect(self._after_change)
        dialog.open()
        return dialog

    def add_journal_entry(self) -> JournalEntryDialog | None:
        if self.details is None:
            return None
        client_id = self.details.id

        def save(occurred_on: str, kind: str, subject: str, body: str) -> None:
            self.workspace.record_journal_entry(
                client_id,
                occurred_on=occurred_on,
                kind=kind,
                subject=subject,
                body=body,
                today=self.today,
            )

        return self._open_entry_dialog(JournalEntryDialog(save, today=self.today, parent=self))

    def correct_journal_entry(self, original: object) -> JournalEntryDialog | None:
        from app.services.journal import JournalRow

        if self.details is None or not isinstance(original, JournalRow):
            return None

        def save(occurred_on: str, kind: str, subject: str, body: str) -> None:
            self.workspace.correct_journal_entry(
                original.id,
                occurred_on=occurred_on,
                kind=kind,
                subject=subject,
                body=body,
                today=self.today,
            )

        return self._open_entry_dialog(
            JournalEntryDialog(save, original=original, today=self.today, parent=self)
        )

    def _open_entry_dialog(self, dialog: JournalEntryDialog) -> JournalEntryDialog:
        def done() -> None:
            self.reload()
            self.tabs.setCurrentWidget(self.journal)

        dialog.accepted.connect(done)
        dialog.open()
        return dialog

    def assess(self) -> AssessmentDialog | None:
        """A new ladder assessment through the guided dialog."""
        if self.details is None:
            return None
        client_id = self.details.id

        def save(data: AssessmentInput) -> None:
            self.workspace.record_assessment(client_id, data, today=self.today)

        return self._open_assessment_dialog(AssessmentDialog(save, today=self.today, parent=self))

    def correct_assessment(self, original: object) -> AssessmentDialog | None:
        if self.details is None or not isinstance(original, AssessmentRow):
            return None

        def save(data: AssessmentInput) -> None:
            self.workspace.correct_assessment(original.id, data, today=self.today)

        return self._open_assessment_dialog(
            AssessmentDialog(save, original=original, today=self.today, parent=self)
        )

    def _open_assessment_dialog(self, dialog: AssessmentDialog) -> AssessmentDialog:
        def done() -> None:
            self._after_change()
            self.tabs.setCurrentWidget(self.ladder)

        dialog.accepted.connect(done)
        dialog.open()
        return dialog

    def _work_changed(self) -> None:
        if self.details:
            self.changed.emit(self.details.id)

    def _after_change(self) -> None:
        self.reload()
        if self.details:
            self.changed.emit(self.details.id)
