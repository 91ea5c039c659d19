"""From a placement to its absence dialog: a new absence, or the open one to end or remove,
each save in its own session."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from app.services import absences as absence_service
from app.services.absences import AbsenceForm
from app.services.context import Actor
from app.services.placement_view import PlacementRow
from app.storage.store import Store
from app.ui.placement_dialogs import AbsenceDialog


def absence_dialog(
    store: Store, actor: Actor, row: PlacementRow, today: dt.date, parent: QWidget
) -> AbsenceDialog:
    current = next((a for a in reversed(row.absences) if a.ends_on is None), None)
    editing_id = current.id if current else None

    def validate(form: AbsenceForm) -> dict[str, str]:
        with store.session(actor.caseworker_id) as session:
            return absence_service.validate_absence(
                session, row.id, form, today=today, editing_id=editing_id
            )

    def save(form: AbsenceForm) -> None:
        with store.session(actor.caseworker_id) as session:
            if current is None:
                absence_service.record_absence(session, actor, row.id, form, today=today)
            else:
                absence_service.update_absence(
                    session, actor, current.id, form, expected_version=current.version, today=today
                )

    def remove() -> None:
        assert current is not None
        with store.session(actor.caseworker_id) as session:
            absence_service.remove_absence(
                session, actor, current.id, expected_version=current.version
            )

    return AbsenceDialog(
        save,
        validate,
        initial=current.form() if current else AbsenceForm(),
        on_remove=remove if current else None,
        parent=parent,
    )
