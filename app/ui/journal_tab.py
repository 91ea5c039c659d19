"""The Journaal tab: contact entries, newest first; corrections shown beside their original."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.formatting import format_date
from app.domain.vocab import JournalKind
from app.services.journal import JournalRow, validate_entry
from app.ui.dialogs import save_cancel_buttons
from app.ui.forms import Field
from app.ui.i18n import QT_TR_NOOP, tr, vocab_label
from app.ui.record_dialog import RecordDialog
from app.ui.row_model import ColumnsModel
from app.ui.tables import correction_status, list_view

JOURNAL_COLUMNS: tuple[tuple[str, Callable[[JournalRow], str]], ...] = (
    (QT_TR_NOOP("Datum"), lambda r: format_date(r.occurred_on)),
    (QT_TR_NOOP("Soort"), lambda r: vocab_label(r.kind)),
    (QT_TR_NOOP("Onderwerp"), lambda r: r.subject),
    (QT_TR_NOOP("Medewerker"), lambda r: r.author_name),
    (QT_TR_NOOP("Status"), correction_status),
)


class JournalModel(ColumnsModel[JournalRow]):
    columns = JOURNAL_COLUMNS


EntryHandler = Callable[[str, str, str, str], None]


class JournalEntryDialog(RecordDialog):
    """Add an entry, or correct one: the original is kept and shown as corrected."""

    def __init__(
        self,
        on_save: EntryHandler,
        *,
        original: JournalRow | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            on_save,
            parent,
            correcting=original is not None,
            title=tr("Nieuw journaalbericht"),
            correction_title=tr("Journaalbericht corrigeren"),
            original_kept=tr(
                "Het oorspronkelijke bericht blijft bewaard en wordt als gecorrigeerd getoond."
            ),
            fallback_field="body",
            today=today,
        )
        self.occurred_on = QLineEdit(format_date(original.occurred_on if original else self.today))
        self.occurred_on.setPlaceholderText(tr("dd-mm-jjjj"))
        self.kind = QComboBox()
        for code, text in JournalKind.choices():
            self.kind.addItem(tr(text), code)
        self.subject = QLineEdit(original.subject if original else "")
        self.body = QPlainTextEdit(original.body if original else "")
        self.body.setTabChangesFocus(True)
        if original:
            self.kind.setCurrentIndex(self.kind.findData(original.kind.value))
        self.fields = {
            "occurred_on": Field(self.occurred_on, tr("Datum")),
            "kind": Field(self.kind, tr("Soort contact")),
            "subject": Field(self.subject, tr("Onderwerp")),
            "body": Field(self.body, tr("Verslag")),
        }
        form = QFormLayout()
        form.addRow(tr("Datum"), self.fields["occurred_on"])
        form.addRow(tr("Soort"), self.fields["kind"])
        form.addRow(tr("Onderwerp"), self.fields["subject"])
        form.addRow(tr("Verslag"), self.fields["body"])
        layout = self.record_layout
        layout.addLayout(form)
        self.buttons, self.save_button = save_cancel_buttons(self.save, self.reject)
        layout.addWidget(self.buttons)
        self.start_watching(
            self.occurred_on.textEdited,
            self.subject.textEdited,
            self.body.textChanged,
            self.kind.currentIndexChanged,
        )
        self.resize(560, 420)

    def values(self) -> tuple[str, str, str, str]:
        return (
            self.occurred_on.text(),
            str(self.kind.currentData()),
            self.subject.text(),
            self.body.toPlainText(),
        )

    def problems(self) -> dict[str, str]:
        return validate_entry(*self.values(), today=self.today)

    def submit(self, values: object) -> None:
        self.on_save(*self.values())


class JournalTab(QWidget):
    """The list on top, the selected entry's full text beneath."""

    add_requested = Signal()
    correct_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = JournalModel(self)
        # A journal grows long: fixed widths instead of measuring every entry.
        self.table = list_view(self.model, tr("Journaalberichten"), fit_columns=False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setStretchLastSection(False)
        for column, width in ((0, 100), (1, 140), (3, 200), (4, 120)):
            self.table.setColumnWidth(column, width)
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(tr("Tekst van het bericht"))
        self.add_button = QPushButton(tr("Nieuw bericht"))
        self.add_button.setProperty("primary", True)
        self.correct_button = QPushButton(tr("Corrigeren…"))
        self.correct_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.correct_button)
        buttons.addStretch()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([300, 160])
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter)
        self.add_button.clicked.connect(self.add_requested)
        self.correct_button.clicked.connect(self._correct_selected)
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        self.table.doubleClicked.connect(lambda _i: self._correct_selected())

    def set_rows(self, rows: Sequence[JournalRow]) -> None:
        self.model.set_rows(rows)
        self.detail.clear()
        self.correct_button.setEnabled(False)
        if rows:
            self.table.selectRow(0)

    def selected(self) -> JournalRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _show_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row = self.model.row_at(current.row())
        self.correct_button.setEnabled(not row.is_superseded)
        lines = [
            f"<b>{escape(row.subject)}</b> — {format_date(row.occurred_on)}, "
            f"{escape(vocab_label(row.kind))}, {escape(row.author_name)}"
        ]
        if row.is_superseded:
            superseded = tr("Dit bericht is gecorrigeerd; de correctie staat erboven.")
            lines.append(f"<i>{superseded}</i>")
        if row.corrects_id:
            correction = tr("Correctie van een eerder bericht.")
            lines.append(f"<i>{correction}</i>")
        lines.append(escape(row.body).replace("\n", "<br>"))
        self.detail.setHtml("<p>" + "</p><p>".join(lines) + "</p>")

    def _correct_selected(self) -> None:
        row = self.selected()
        if row is not None and not row.is_superseded:
            self.correct_requested.emit(row)
