"""Shared pieces for forms: a field with its message beneath, and the unsaved-changes guard."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMessageBox, QVBoxLayout, QWidget

from app.ui.i18n import tr


def error_label(accessible_name: str = "") -> QLabel:
    """A hidden, wrapping label in the error style; shown when there is something to fix."""
    label = QLabel()
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.setAccessibleName(accessible_name or tr("Foutmelding"))
    label.hide()
    return label


class Field(QWidget):
    """An input with its validation message right beneath it."""

    def __init__(self, editor: QWidget, accessible_name: str, *, compact: bool = False) -> None:
        """`compact`: a narrow cell of a grid, marked red with the message as its tooltip;
        the grid shows the messages in one place of its own."""
        super().__init__()
        self.editor = editor
        self.compact = compact
        editor.setAccessibleName(accessible_name)
        self.message = error_label(tr("Melding bij {0}").format(accessible_name))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.message)

    def show_problem(self, text: str | None) -> None:
        invalid = bool(text)
        if self.editor.property("invalid") != invalid:
            self.editor.setProperty("invalid", invalid)
            self.editor.style().unpolish(self.editor)
            self.editor.style().polish(self.editor)
        self.message.setText(text or "")
        self.message.setVisible(invalid and not self.compact)
        if self.compact:
            self.editor.setToolTip(text or "")


def confirm_discard(parent: QWidget) -> bool:
    """Ask before unsaved input is thrown away."""
    answer = QMessageBox.question(
        parent,
        tr("Wijzigingen niet opgeslagen"),
        tr("U hebt wijzigingen die nog niet zijn opgeslagen. Wilt u ze weggooien?"),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard
