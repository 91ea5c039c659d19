"""Absence of the employee of a placement (sickness or other): recorded as periods, ended
when known, removed when entered by mistake. A long absence lowers the job-coaching ceiling
(app.domain.job_coaching)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import validation as v
from app.domain.formatting import format_date
from app.domain.vocab import AbsenceReason, AuditAction
from app.models import Placement, PlacementAbsence, utc_now
from app.services.access import require_client, require_placement
from app.services.audit import audit
from app.services.context import Actor
from app.services.errors import NotFound, StaleEdit, ValidationFailed


@dataclass(frozen=True)
class AbsenceForm:
    starts_on: str = ""
    ends_on: str = ""  # empty: still absent
    reason: str = AbsenceReason.SICKNESS.value


@dataclass(frozen=True)
class AbsenceRow:
    id: str
    version: int
    placement_id: str
    starts_on: dt.date
    ends_on: dt.date | None
    reason: AbsenceReason

    @property
    def period(self) -> tuple[dt.date, dt.date | None]:
        return self.starts_on, self.ends_on

    def form(self) -> AbsenceForm:
        return AbsenceForm(
            format_date(self.starts_on),
            format_date(self.ends_on) if self.ends_on else "",
            self.reason.value,
        )


def sickness_periods(rows: Sequence[AbsenceRow]) -> list[tuple[dt.date, dt.date | None]]:
    """The periods that can lower the job-coaching ceiling: sickness (RULES.md); other
    absence is recorded, not counted."""
    return [row.period for row in rows if row.reason is AbsenceReason.SICKNESS]


def _row(a: PlacementAbsence) -> AbsenceRow:
    return AbsenceRow(
        a.id, a.version, a.placement_id, a.starts_on, a.ends_on, AbsenceReason(a.reason)
    )


def absence_rows_of(session: Session, client_ids: Sequence[str]) -> dict[str, list[AbsenceRow]]:
    """Per placement of these clients, its absences oldest first (access checked by the
    caller)."""
    found = session.scalars(
        select(PlacementAbsence)
        .where(PlacementAbsence.client_id.in_(client_ids), PlacementAbsence.deleted_at.is_(None))
        .order_by(PlacementAbsence.starts_on)
    )
    rows: dict[str, list[AbsenceRow]] = {}
    for absence in found:
        rows.setdefault(absence.placement_id, []).append(_row(absence))
    return rows


def validate_absence(
    session: Session,
    placement_id: str,
    form: AbsenceForm,
    *,
    today: dt.date,
    editing_id: str | None = None,
) -> dict[str, str]:
    placement = session.get(Placement, placement_id)
    if placement is None or placement.deleted_at is not None:
        return {"starts_on": "Deze plaatsing bestaat niet (meer)."}
    problems: dict[str, str] = {}
    job_end = placement.ended_on or today
    start_problem = v.date_problem(
        form.starts_on,
        earliest=placement.started_on,
        latest=min(job_end, today),
        what="de eerste verzuimdag",
    )
    if start_problem:
        problems["starts_on"] = start_problem
    starts = v.parse_date(form.starts_on)
    end_problem = v.date_problem(
        form.ends_on,
        required=False,
        earliest=starts or placement.started_on,
        latest=placement.ended_on,
        what="de laatste verzuimdag",
    )
    if end_problem:
        problems["ends_on"] = end_problem
    try:
        AbsenceReason(form.reason)
    except ValueError:
        problems["reason"] = "Kies de reden van het verzuim uit de lijst."
    if problems or starts is None:
        return problems
    ends = v.parse_date(form.ends_on) or dt.date.max
    for other in session.scalars(
        select(PlacementAbsence).where(
            PlacementAbsence.placement_id == placement.id,
            PlacementAbsence.deleted_at.is_(None),
            PlacementAbsence.id != (editing_id or ""),
        )
    ):
        if other.starts_on <= ends and starts <= (other.ends_on or dt.date.max):
            until = format_date(other.ends_on) if other.ends_on else "nu"
            problems["starts_on"] = (
                f"Dit verzuim overlapt met het verzuim van {format_date(other.starts_on)} tot "
                f"en met {until}; pas dat aan in plaats van een tweede vast te leggen."
            )
            break
    return problems


def _apply(absence: PlacementAbsence, form: AbsenceForm) -> None:
    starts = v.parse_date(form.starts_on)
    assert starts is not None  # validated
    absence.starts_on = starts
    absence.ends_on = v.parse_date(form.ends_on)
    absence.reason = form.reason


def record_absence(
    session: Session, actor: Actor, placement_id: str, form: AbsenceForm, *, today: dt.date
) -> str:
    placement = require_placement(session, actor, placement_id)
    problems = validate_absence(session, placement.id, form, today=today)
    if problems:
        raise ValidationFailed(problems)
    absence = PlacementAbsence(client_id=placement.client_id, placement_id=placement.id)
    _apply(absence, form)
    session.add(absence)
    session.flush()
    audit(
        session,
        actor,
        AuditAction.CREATE,
        "placement_absence",
        absence.id,
        client_id=placement.client_id,
    )
    session.flush()
    return absence.id


def _absence(session: Session, actor: Actor, absence_id: str, version: int) -> PlacementAbsence:
    absence = session.get(PlacementAbsence, absence_id)
    if absence is None or absence.deleted_at is not None:
        raise NotFound("Dit verzuim bestaat niet (meer).")
    require_client(session, actor, absence.client_id)
    if absence.version != version:
        raise StaleEdit("Dit verzuim is intussen gewijzigd. Open het opnieuw.")
    return absence


def update_absence(
    session: Session,
    actor: Actor,
    absence_id: str,
    form: AbsenceForm,
    *,
    expected_version: int,
    today: dt.date,
) -> None:
    """Change an absence, such as its last day once it is known."""
    absence = _absence(session, actor, absence_id, expected_version)
    placement = require_placement(session, actor, absence.placement_id)
    problems = validate_absence(session, placement.id, form, today=today, editing_id=absence.id)
    if problems:
        raise ValidationFailed(problems)
    _apply(absence, form)
    audit(
        session,
        actor,
        AuditAction.UPDATE,
        "placement_absence",
        absence.id,
        client_id=absence.client_id,
    )
    session.flush()


def remove_absence(
    session: Session, actor: Actor, absence_id: str, *, expected_version: int
) -> None:
    """Take back an absence entered by mistake (a tombstone, so a sync passes it on)."""
    absence = _absence(session, actor, absence_id, expected_version)
    absence.deleted_at = utc_now()
    audit(
        session,
        actor,
        AuditAction.UPDATE,
        "placement_absence",
        absence.id,
        client_id=absence.client_id,
        fields=["deleted_at"],
    )
    session.flush()
