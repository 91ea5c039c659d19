"""Who has a client: assignment, transfer (warme overdracht) and the history of both."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.vocab import AuditAction, Role
from app.models import CaseAssignment, Caseworker
from app.services.access import current_assignment, require_client
from app.services.audit import audit
from app.services.context import Actor
from app.services.errors import AccessDenied, ValidationFailed


@dataclass(frozen=True)
class AssignmentRow:
    caseworker_id: str
    caseworker_name: str
    role: Role
    started_on: dt.date
    ended_on: dt.date | None
    reason: str | None


def _active_worker(session: Session, caseworker_id: str) -> Caseworker:
    worker = session.get(Caseworker, caseworker_id)
    if worker is None or not worker.active or worker.deleted_at is not None:
        raise ValidationFailed({"caseworker": "Kies een actieve medewerker."})
    return worker


def transfer_client(
    session: Session,
    actor: Actor,
    client_id: str,
    to_caseworker_id: str,
    *,
    on: dt.date | None = None,
    reason: str,
) -> None:
    """Hand the client over: the current assignment ends on `on`, the new one starts."""
    on = on or dt.date.today()
    require_client(session, actor, client_id)
    target = _active_worker(session, to_caseworker_id)
    current = current_assignment(session, client_id)
    problems: dict[str, str] = {}
    if not reason.strip():
        problems["reason"] = "Vul de reden van de overdracht in (bijv. warme overdracht)."
    if current is not None and current.caseworker_id == to_caseworker_id:
        problems["caseworker"] = "De klant staat al bij deze medewerker."
    if current is not None and on < current.started_on:
        problems["on"] = "De overdracht kan niet vóór het begin van de huidige toewijzing."
    if problems:
        raise ValidationFailed(problems)
    if (
        current is not None
        and current.caseworker_id != actor.caseworker_id
        and not actor.is_team_lead
    ):
        raise AccessDenied("Alleen de eigen medewerker of de teamleider kan deze klant overdragen.")
    if current is not None:
        current.ended_on = on
    session.add(
        CaseAssignment(
            client_id=client_id,
            caseworker_id=target.id,
            started_on=on,
            reason=reason.strip(),
        )
    )
    audit(
        session,
        actor,
        AuditAction.TRANSFER,
        "client",
        client_id,
        client_id=client_id,
        to_caseworker=target.id,
    )
    session.flush()


def assignment_history(session: Session, actor: Actor, client_id: str) -> list[AssignmentRow]:
    require_client(session, actor, client_id)
    rows = session.execute(
        select(CaseAssignment, Caseworker)
        .join(Caseworker, Caseworker.id == CaseAssignment.caseworker_id)
        .where(CaseAssignment.client_id == client_id, CaseAssignment.deleted_at.is_(None))
        .order_by(CaseAssignment.started_on, CaseAssignment.created_at)
    ).all()
    return [
        AssignmentRow(
            a.caseworker_id, w.display_name, Role(w.role), a.started_on, a.ended_on, a.reason
        )
        for a, w in rows
    ]


def colleagues(session: Session, actor: Actor) -> list[tuple[str, str]]:
    """(id, name) of the active caseworkers of the actor's team, to transfer to."""
    query = select(Caseworker.id, Caseworker.display_name).where(
        Caseworker.active.is_(True), Caseworker.deleted_at.is_(None)
    )
    if actor.team_id:
        query = query.where(Caseworker.team_id == actor.team_id)
    return [
        (row.id, row.display_name)
        for row in session.execute(query.order_by(Caseworker.display_name))
    ]


def current_caseworker_id(session: Session, client_id: str) -> str | None:
    assignment = current_assignment(session, client_id)
    return assignment.caseworker_id if assignment else None
