"""The conflicts dialog: the open sync conflicts in a table, and per conflict the
caseworker's choice (keep mine, keep the stored value or type another, for a field; apply
or let go, for parked work; mine or the stored version, for something made twice)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.formatting import format_moment
from app.services.conflicts import ConflictRow, display_value
from app.services.errors import ServiceError
from app.ui import messages
from app.ui.dialogs import BaseDialog
from app.ui.i18n import QT_TR_NOOP, tr
from app.ui.row_model import ColumnsModel
from app.ui.tables import list_view

if TYPE_CHECKING:
    from app.workspace import Workspace


def _part(conflict: ConflictRow) -> str:
    what = tr(conflict.what)
    return f"{what}: {tr(conflict.field_label)}" if conflict.field else what


def _parts_text(parts: tuple[tuple[str, str], ...]) -> str:
    return "; ".join(f"{tr(label)}: {value}" for label, value in parts)


def _mine_text(conflict: ConflictRow) -> str:
    if conflict.is_field:
        return display_value(conflict.mine)
    return _parts_text(conflict.mine_parts) or display_value(conflict.mine)


def _theirs_text(conflict: ConflictRow) -> str:
    if conflict.is_field:
        return display_value(conflict.theirs)
    if conflict.theirs_parts:
        return _parts_text(conflict.theirs_parts)
    return conflict.message or ""


def _short(text: str, longest: int = 60) -> str:
    """A table cell keeps the start; the details below the table show all of it."""
    return text if len(text) <= longest else text[: longest - 1] + "…"


class ConflictsModel(ColumnsModel[ConflictRow]):
    columns = (
        (QT_TR_NOOP("Klant"), lambda c: c.client_name),
        (QT_TR_NOOP("Onderdeel"), _part),
        (QT_TR_NOOP("Soort"), lambda c: tr(c.kind_label)),
        (QT_TR_NOOP("Uw waarde"), lambda c: _short(_mine_text(c))),
        (QT_TR_NOOP("Opgeslagen waarde"), lambda c: _short(_theirs_text(c))),
    )


def conflict_detail(conflict: ConflictRow) -> str:
    """Who changed what and when, on both sides."""
    mine = tr("«{0}», gewijzigd door {1} op {2}.").format(
        _mine_text(conflict), conflict.mine_by, format_moment(conflict.mine_at)
    )
    if conflict.kind == "duplicate":
        text = tr("Tegelijk aangemaakt: {0} Opgeslagen: «{1}», door {2}.").format(
            mine, _theirs_text(conflict), conflict.theirs_by
        )
        if conflict.leads_only:
            text += " " + tr("De teamleider kiest welke overdracht blijft.")
        return text
    if not conflict.is_field:
        text = tr("Niet verwerkt: {0}. {1}").format(conflict.message or "", mine)
        if conflict.holder_decides:
            text += " " + tr("Wie de klant nu heeft, beslist of het alsnog wordt verwerkt.")
        return text
    theirs = tr("Opgeslagen: «{0}», gewijzigd door {1} op {2}.").format(
        display_value(conflict.theirs), conflict.theirs_by, format_moment(conflict.theirs_at)
    )
    return tr("Deze laptop: {0} {1}").format(mine, theirs)


class ConflictsDialog(BaseDialog):
    """Open conflicts; per conflict: keep mine, keep the stored value, or type another one
    (a field), or hand the change in after all or let it go (a change that was not applied)."""

    resolved = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.actor = workspace.actor
        self.setWindowTitle(tr("Conflicten oplossen"))
        self.resize(1180, 420)
        self.model = ConflictsModel(self)
        self.table = list_view(self.model, tr("Open conflicten"))  # a short list
        intro = QLabel(
            tr(
                "Deze wijzigingen konden niet vanzelf worden samengevoegd. Kies per regel "
                "welke waarde blijft; er gaat niets verloren tot u kiest."
            )
        )
        intro.setWordWrap(True)
        self.empty = QLabel(tr("Er zijn geen open conflicten."))
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName(tr("Details van het conflict"))
        self.keep_mine = QPushButton(tr("&Mijn waarde houden"))
        self.keep_theirs = QPushButton(tr("&Opgeslagen waarde houden"))
        self.edit_value = QPushButton(tr("&Andere waarde…"))
        self.apply_change = QPushButton(tr("Alsnog &verwerken"))
        self.discard_change = QPushButton(tr("&Laten vervallen"))
        row = QHBoxLayout()
        for button in (
            self.keep_mine,
            self.keep_theirs,
            self.edit_value,
            self.apply_change,
            self.discard_change,
        ):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(tr("Sluiten"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.detail)
        layout.addLayout(row)
        layout.addWidget(close)
        self.keep_mine.clicked.connect(lambda: self._resolve("mine"))
        self.keep_theirs.clicked.connect(lambda: self._resolve("theirs"))
        self.edit_value.clicked.connect(self._edit)
        self.apply_change.clicked.connect(lambda: self._resolve("apply"))
        self.discard_change.clicked.connect(lambda: self._resolve("discard"))
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.reload()

    def reload(self) -> None:
        rows = self.workspace.conflicts()
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        if rows:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> ConflictRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.model.row_at(indexes[0].row()) if indexes else None

    def _update_buttons(self) -> None:
        current = self.selected()
        field = current is not None and current.is_field
        parked = current is not None and not current.is_field
        duplicate = current is not None and current.kind == "duplicate"
        for button in (self.keep_mine, self.keep_theirs, self.edit_value):
            button.setVisible(not parked)  # only the choices that fit this kind of conflict
        for button in (self.apply_change, self.discard_change):
            button.setVisible(not field)
        self.keep_mine.setEnabled(field)
        self.keep_theirs.setEnabled(field)
        self.edit_value.setEnabled(field and current is not None and current.editable)
        leads_only = current is not None and current.leads_only
        holder_decides = current is not None and current.holder_decides
        self.apply_change.setEnabled(
            parked and (self.actor.is_team_lead or not leads_only) and not holder_decides
        )
        self.discard_change.setEnabled(parked)
        if duplicate:
            self.apply_change.setText(tr("Mijn versie &gebruiken"))
            self.discard_change.setText(tr("Opgeslagen versie &houden"))
        else:
            self.apply_change.setText(tr("Alsnog &verwerken"))
            self.discard_change.setText(tr("&Laten vervallen"))
        self.detail.setText(conflict_detail(current) if current is not None else "")

    def _edit(self) -> None:
        current = self.selected()
        if current is None:
            return
        text, ok = QInputDialog.getText(
            self,
            tr("Andere waarde"),
            tr("Nieuwe waarde voor {0}:").format(current.field_label),
            text=str(current.mine or ""),
        )
        if ok:
            self._resolve("edit", text.strip() or None)

    def _resolve(self, resolution: str, value: Any = None) -> None:
        current = self.selected()
        if current is None:
            return
        try:
            self.workspace.resolve_conflict(current.id, resolution, value)
        except ServiceError as exc:  # services raise Dutch messages
            messages.error(str(exc))
            return
        self.reload()
        self.resolved.emit()
