"""The Plan tab: the draft plan van aanpak, editing it, issuing a numbered version (a record,
never changed), and the PDF: saved where the caseworker chooses or opened in the viewer."""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCompleter,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.names import document_file_name
from app.domain.region import Instrument
from app.services.plan_editing import (
    GOAL_ROWS,
    INSTRUMENT_ROWS,
    PlanForm,
    VersionRow,
    validate_plan,
)
from app.services.plans import PlanDocument, signature_problems
from app.storage.errors import OutputPathProblem
from app.ui import messages
from app.ui.dialogs import FormDialog, save_cancel_buttons, scrolling
from app.ui.forms import Field
from app.ui.i18n import QT_TR_NOOP, tr

if TYPE_CHECKING:
    from app.workspace import Workspace

log = logging.getLogger(__name__)
TEXTS = (
    ("situation", QT_TR_NOOP("Situatie van de klant")),
    ("support_offered", QT_TR_NOOP("Ondersteuning die de gemeente biedt")),
    ("obligations", QT_TR_NOOP("Afspraken en plichten van de klant")),
    ("consequences", QT_TR_NOOP("Gevolgen als de klant zich niet aan de afspraken houdt")),
)


class PlanDialog(FormDialog):
    def __init__(
        self,
        on_save: Callable[[PlanForm], None],
        initial: PlanForm,
        parent: QWidget | None = None,
        catalogue: Sequence[Instrument] = (),
    ) -> None:
        super().__init__(on_save, parent, fallback_field="situation")
        self.setWindowTitle(tr("Plan van aanpak bewerken"))
        self.texts: dict[str, QPlainTextEdit] = {}
        texts = QFormLayout()
        for name, label in TEXTS:
            editor = QPlainTextEdit(getattr(initial, name))
            editor.setTabChangesFocus(True)
            editor.setMaximumHeight(70)
            self.texts[name] = editor
            self.fields[name] = Field(editor, tr(label))
            texts.addRow(tr(label), self.fields[name])
        self.valid_from = QLineEdit(initial.valid_from)
        self.valid_until = QLineEdit(initial.valid_until)
        for name, date_input, label in (
            ("valid_from", self.valid_from, tr("Plan loopt van")),
            ("valid_until", self.valid_until, tr("tot")),
        ):
            date_input.setPlaceholderText(tr("dd-mm-jjjj"))
            self.fields[name] = Field(date_input, label)
            texts.addRow(label, self.fields[name])
        self.goal_inputs = self._grid(
            tr("Doelen"),
            GOAL_ROWS,
            ("description", "target", "achieved"),
            (tr("Doel"), tr("Streefdatum"), tr("Bereikt op")),
            initial.goals,
            "goal",
        )
        self.instrument_inputs = self._grid(
            tr("Activiteiten en instrumenten"),
            INSTRUMENT_ROWS,
            ("instrument", "description", "from", "until"),
            (tr("Activiteit of instrument"), tr("Toelichting"), tr("Van"), tr("Tot")),
            initial.instruments,
            "instrument",
        )
        if catalogue:
            # the municipality's own instruments to choose from; any other text stays allowed
            names = [item.name for item in catalogue]
            for line in self.instrument_inputs[1]:
                completer = QCompleter(names, line[0])
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                line[0].setCompleter(completer)
                line[0].setPlaceholderText(tr("kies of typ"))
        layout = QVBoxLayout(self)
        # scrolls inside the dialog: it was 938 px tall, its Save button off a 768 screen
        layout.addWidget(scrolling(texts, self.goal_inputs[0], self.instrument_inputs[0]))
        self.buttons, self.save_button = save_cancel_buttons(self.save, self.reject)
        layout.addWidget(self.buttons)
        self.start_watching(
            *(editor.textChanged for editor in self.texts.values()),
            self.valid_from.textEdited,
            self.valid_until.textEdited,
            *(e.textEdited for row in self.goal_inputs[1] for e in row),
            *(e.textEdited for row in self.instrument_inputs[1] for e in row),
        )
        self.resize(900, 820)

    def _grid(
        self,
        title: str,
        rows: int,
        keys: tuple[str, ...],
        captions: tuple[str, ...],
        initial: tuple[tuple[str, ...], ...],
        prefix: str,
    ) -> tuple[QGroupBox, list[list[QLineEdit]]]:
        box = QGroupBox(title)
        grid = QGridLayout(box)
        for column, caption in enumerate(captions):
            label = QLabel(caption)
            label.setProperty("role", "muted")
            grid.addWidget(label, 0, column)
        editors: list[list[QLineEdit]] = []
        for row in range(rows):
            values = initial[row] if row < len(initial) else ("",) * len(keys)
            line = []
            for column, key in enumerate(keys):
                editor = QLineEdit(values[column])
                editor.setAccessibleName(f"{captions[column]} {row + 1}")
                self.fields[f"{prefix}{row + 1}.{key}"] = Field(editor, editor.accessibleName())
                grid.addWidget(self.fields[f"{prefix}{row + 1}.{key}"], row + 1, column)
                line.append(editor)
            editors.append(line)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        return box, editors

    def values(self) -> PlanForm:
        def rows(editors: list[list[QLineEdit]]) -> tuple[tuple[str, ...], ...]:
            filled = [tuple(e.text() for e in line) for line in editors]
            return tuple(line for line in filled if any(v.strip() for v in line))

        return PlanForm(
            valid_from=self.valid_from.text(),
            valid_until=self.valid_until.text(),
            goals=rows(self.goal_inputs[1]),  # type: ignore[arg-type]
            instruments=rows(self.instrument_inputs[1]),  # type: ignore[arg-type]
            **{name: editor.toPlainText() for name, editor in self.texts.items()},
        )

    def problems(self) -> dict[str, str]:
        return validate_plan(self.values())


class IssueDialog(FormDialog):
    """Issue the plan as a numbered version; the signature dates when it was signed."""

    def __init__(
        self,
        on_issue: Callable[[tuple[str, str]], object],
        *,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(on_issue, parent, fallback_field="signed_by_client_on")
        self.today = today
        self.setWindowTitle(tr("Versie uitgeven"))
        intro = QLabel(
            tr(
                "De huidige inhoud wordt vastgelegd als een genummerde versie die niet meer "
                "verandert. Is het plan al ondertekend, vul dan de datums in."
            )
        )
        intro.setWordWrap(True)
        self.client_on = QLineEdit()
        self.caseworker_on = QLineEdit()
        form = QFormLayout()
        for name, editor, label in (
            ("signed_by_client_on", self.client_on, tr("Ondertekend door de klant op")),
            (
                "signed_by_caseworker_on",
                self.caseworker_on,
                tr("Ondertekend door de medewerker op"),
            ),
        ):
            editor.setPlaceholderText(tr("dd-mm-jjjj (leeg: nog niet)"))
            self.fields[name] = Field(editor, label)
            form.addRow(label, self.fields[name])
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        self.buttons, self.save_button = save_cancel_buttons(self.save, self.reject)
        self.save_button.setText(tr("Uitgeven"))
        layout.addWidget(self.buttons)
        self.start_watching(self.client_on.textEdited, self.caseworker_on.textEdited)

    def values(self) -> tuple[str, str]:
        return self.client_on.text(), self.caseworker_on.text()

    def problems(self) -> dict[str, str]:
        return signature_problems(*self.values(), today=self.today)


class PlanTab(QWidget):
    changed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.actor = workspace.actor
        self.client_id: str | None = None
        self.today = dt.date.today()
        self.versions: list[VersionRow] = []
        self._client_name = ""
        self._version: int | None = None
        self._viewer_folder = tempfile.TemporaryDirectory(prefix="trede-plan-")
        self.summary = QTextBrowser()
        self.summary.setAccessibleName(tr("Plan van aanpak"))
        self.edit_button = QPushButton(tr("Plan bewerken…"))
        self.edit_button.setProperty("primary", True)
        self.issue_button = QPushButton(tr("Versie uitgeven…"))
        self.save_pdf_button = QPushButton(tr("PDF opslaan…"))
        self.open_pdf_button = QPushButton(tr("Openen om af te drukken"))
        self.open_pdf_button.setToolTip(tr("Opent de PDF in de PDF-viewer van de computer"))
        buttons = QHBoxLayout()
        for button in (
            self.edit_button,
            self.issue_button,
            self.save_pdf_button,
            self.open_pdf_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        self.edit_button.clicked.connect(self.edit)
        self.issue_button.clicked.connect(self.ask_issue)
        self.save_pdf_button.clicked.connect(self.ask_save_pdf)
        self.open_pdf_button.clicked.connect(self.open_pdf)

    def load(self, client_id: str | None, today: dt.date) -> None:
        self.client_id, self.today = client_id, today
        if client_id is None:
            self.summary.clear()
            return
        document, self._version, self.versions = self.workspace.plan_overview(
            client_id, today=today
        )
        self._client_name = document.client_name
        self.summary.setHtml(self.describe(document))
        self.issue_button.setEnabled(self._version is not None)

    def describe(self, document: PlanDocument) -> str:
        parts = [f"<h3>{escape(document.title)}</h3>"]
        if self._version is None:
            parts.append("<p><i>" + tr("Nog geen plan: kies Plan bewerken.") + "</i></p>")
        if self.versions:
            issued = ", ".join(
                tr("versie {0} ({1})").format(v.number, v.issued_on.strftime("%d-%m-%Y"))
                for v in self.versions
            )
            parts.append("<p>" + tr("Uitgegeven: {0}").format(issued) + "</p>")
        for heading, text in (
            (tr("Situatie"), document.situation),
            (tr("Ondersteuning"), document.support_offered),
            (tr("Afspraken en plichten"), document.obligations),
        ):
            if text:
                parts.append(f"<p><b>{heading}</b><br>{escape(text)}</p>")
        if document.goals:
            items = "".join(
                f"<li>{escape(g['description'])} ({g['target'] or '–'})</li>"
                for g in document.goals
            )
            parts.append(f"<p><b>{tr('Doelen')}</b></p><ul>{items}</ul>")
        if document.instruments:
            items = "".join(
                f"<li>{escape(i['instrument'])} {i['from']}–{i['until']}</li>"
                for i in document.instruments
            )
            parts.append(f"<p><b>{tr('Activiteiten en instrumenten')}</b></p><ul>{items}</ul>")
        return "".join(parts)

    # ------------------------------------------------------------ actions
    def edit(self) -> PlanDialog | None:
        if self.client_id is None:
            return None
        client_id, version = self.client_id, self._version
        initial, _version = self.workspace.plan_form(client_id)
        catalogue = self.workspace.instrument_catalogue(client_id)

        def save(form: PlanForm) -> None:
            self.workspace.save_plan(client_id, form, expected_version=version)

        dialog = PlanDialog(save, initial, parent=self, catalogue=catalogue)
        dialog.accepted.connect(self._saved)
        dialog.open()
        return dialog

    def _saved(self) -> None:
        self.load(self.client_id, self.today)
        self.changed.emit()

    def ask_issue(self) -> IssueDialog:
        dialog = IssueDialog(lambda dates: self.issue(*dates), today=self.today, parent=self)
        dialog.open()
        return dialog

    def issue(self, signed_by_client_on: str = "", signed_by_caseworker_on: str = "") -> int | None:
        if self.client_id is None:
            return None
        number = self.workspace.issue_plan(
            self.client_id,
            today=self.today,
            signed_by_client_on=signed_by_client_on,
            signed_by_caseworker_on=signed_by_caseworker_on,
        )
        messages.info(tr("Versie {0} van het plan is uitgegeven.").format(number))
        self._saved()
        return number

    def _document(self) -> PlanDocument | None:
        if self.client_id is None:
            return None
        return self.workspace.plan_to_print(self.client_id, today=self.today)

    def write_pdf(self, path: Path) -> bool:
        """The newest issued version (or the draft, as CONCEPT) to `path`; audited."""

        document = self._document()
        if document is None or self.client_id is None:
            return False
        client_id = self.client_id
        try:
            self.workspace.print_plan(client_id, document, path)
        except OutputPathProblem as exc:
            messages.error(str(exc))
            return False
        except OSError as exc:
            log.warning("writing a plan failed: %s", type(exc).__name__)
            messages.error(
                tr("Het plan kon niet worden opgeslagen: {0}").format(exc.strerror or exc)
            )
            return False
        return True

    def suggested_file_name(self) -> str:
        return document_file_name(tr("Plan van aanpak"), self._client_name, self.today, ".pdf")

    def ask_save_pdf(self) -> None:
        from app.ui.file_actions import documents_folder

        path, _filter = QFileDialog.getSaveFileName(
            self,
            tr("Plan opslaan als PDF"),
            str(documents_folder() / self.suggested_file_name()),
            tr("PDF (*.pdf)"),
        )
        if path and self.write_pdf(Path(path)):
            messages.info(tr("Plan opgeslagen: {0}").format(Path(path).name))

    def open_pdf(self) -> Path | None:
        """Write the PDF in a private temporary folder and open it in the system viewer."""
        target = Path(self._viewer_folder.name) / "plan-van-aanpak.pdf"
        if not self.write_pdf(target):
            return None
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            messages.warning(
                tr(
                    "Er is op deze computer geen programma om PDF's mee te openen. Kies 'PDF "
                    "opslaan…' en open het bestand met een PDF-lezer."
                )
            )
            return None
        return target
