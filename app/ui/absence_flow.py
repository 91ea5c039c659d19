"""From a placement to its absence dialog: a new absence, or the open one to end or remove,
each save in its own session."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from app.domain.formatting import format_date
from app.services.placement_view import PlacementRow
from app.ui.i18n import tr, vocab_label
from app.ui.placement_dialogs import AbsenceChoice, AbsenceDialog

if TYPE_CHECKING:
    from app.workspace import Workspace


def absence_dialog(
    workspace: Workspace, row: PlacementRow, today: dt.date, parent: QWidget
) -> AbsenceDialog:
    """The open absence is chosen first (to end it); any other can be chosen to change."""
    by_id = {a.id: a for a in row.absences}
    current = next((a for a in reversed(row.absences) if a.ends_on is None), None)

    def validate(choice: AbsenceChoice) -> dict[str, str]:
        return workspace.validate_absence(
            row.id, choice.form, today=today, editing_id=choice.absence_id
        )

    def save(choice: AbsenceChoice) -> None:
        chosen = by_id.get(choice.absence_id or "")
        if chosen is None:
            workspace.record_absence(row.id, choice.form, today=today)
        else:
            workspace.update_absence(
                chosen.id,
                choice.form,
                expected_version=chosen.version,
                today=today,
            )

    def remove(absence_id: str) -> None:
        chosen = by_id[absence_id]
        workspace.remove_absence(chosen.id, expected_version=chosen.version)

    still = tr("nog afwezig")
    recorded = [
        (
            a.id,
            f"{format_date(a.starts_on)} – {format_date(a.ends_on) if a.ends_on else still}: "
            f"{vocab_label(a.reason)}",
            a.form(),
        )
        for a in reversed(row.absences)
    ]
    return AbsenceDialog(
        save,
        validate,
        recorded=recorded,
        chosen_id=current.id if current else None,
        on_remove=remove,
        parent=parent,
    )
