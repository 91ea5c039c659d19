"""From a placement to its absence dialog: a new absence, or the open one to end or remove,
each save in its own session."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from app.domain.formatting import format_date
from app.services import absences as absence_service
from app.services.context import Actor
from app.services.placement_view import PlacementRow
from app.storage.store import Store
from app.ui.i18n import tr, vocab_label
from app.ui.placement_dialogs import AbsenceChoice, AbsenceDialog


def absence_dialog(
    store: Store, actor: Actor, row: PlacementRow, today: dt.date, parent: QWidget
) -> AbsenceDialog:
    """The open absence is chosen first (to end it); any other can be chosen to change."""
    by_id = {a.id: a for a in row.absences}
    current = next((a for a in reversed(row.absences) if a.ends_on is None), None)

    def validate(choice: AbsenceChoice) -> dict[str, str]:
        with store.session(actor.caseworker_id) as session:
            return absence_service.validate_absence(
                session, row.id, choice.form, today=today, editing_id=choice.absence_id
            )

    def save(choice: AbsenceChoice) -> None:
        chosen = by_id.get(choice.absence_id or "")
        with store.session(actor.caseworker_id) as session:
            if chosen is None:
                absence_service.record_absence(session, actor, row.id, choice.form, today=today)
            else:
                absence_service.update_absence(
                    session,
                    actor,
                    chosen.id,
                    choice.form,
                    expected_version=chosen.version,
                    today=today,
                )

    def remove(absence_id: str) -> None:
        chosen = by_id[absence_id]
        with store.session(actor.caseworker_id) as session:
            absence_service.remove_absence(
                session, actor, chosen.id, expected_version=chosen.version
            )

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
