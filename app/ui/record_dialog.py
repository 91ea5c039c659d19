"""The one base of the dialogs of correctable records (journal entries, ladder assessments,
job-coaching hours, wage-value measurements): new, or a correction that replaces the
original, which is kept and shown as corrected."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.ui.dialogs import FormDialog


class RecordDialog(FormDialog):
    """Subclasses add their form to `self.record_layout` (below the note that a correction
    keeps the original) and then their buttons."""

    def __init__(
        self,
        on_save: Callable[..., object],
        parent: QWidget | None,
        *,
        correcting: bool,
        title: str,
        correction_title: str,
        original_kept: str,
        fallback_field: str,
        today: dt.date | None,
    ) -> None:
        super().__init__(on_save, parent, fallback_field=fallback_field)
        self.today = today or dt.date.today()
        self.correcting = correcting
        self.setWindowTitle(correction_title if correcting else title)
        self.record_layout = QVBoxLayout(self)
        if correcting:
            note = QLabel(original_kept)
            note.setProperty("role", "muted")
            note.setWordWrap(True)
            self.record_layout.addWidget(note)
