"""Need-to-know: a caseworker sees their own caseload; a team lead sees the team's."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import CaseAssignment, Caseworker, Client, Placement
from app.services.context import Actor
from app.services.errors import AccessDenied, NotFound, ValidationFailed

NO_ACCESS_MESSAGE = "Deze klant staat niet in uw caseload; u kunt het dossier niet openen."


def current_assignment(session: Session, client_id: str) -> CaseAssignment | None:
    """The open assignment of a client: who has the case now."""
    query = (
        select(CaseAssignment)
        .where(
            CaseAssignment.client_id == client_id,
            CaseAssignment.ended_on.is_(None),
            CaseAssignment.deleted_at.is_(None),
        )
        .order_by(CaseAssignment.started_on.desc(), CaseAssignment.created_at.desc())
    )
    return session.scalars(query).first()


def can_see(session: Session, actor: Actor, assignment: CaseAssignment | None) -> bool:
    if assignment is None:
        return False
    if assignment.caseworker_id == actor.caseworker_id:
        return True
    if actor.is_team_lead and actor.team_id is not None:
        worker = session.get(Caseworker, assignment.caseworker_id)
        return worker is not None and worker.team_id == actor.team_id
    return False


def require_client(session: Session, actor: Actor, client_id: str) -> Client:
    client = session.get(Client, client_id)
    if client is None or client.deleted_at is not None:
        raise NotFound("Deze klant bestaat niet (meer) in deze database.")
    if not can_see(session, actor, current_assignment(session, client_id)):
        raise AccessDenied(NO_ACCESS_MESSAGE)
    return client


def placement_of_client(
    session: Session, client_id: str, placement_id: str | None
) -> Placement | None:
    """The placement a record is about, which must be one of this client's (None: none)."""
    if not placement_id:
        return None
    placement = session.get(Placement, placement_id)
    if placement is None or placement.client_id != client_id:
        raise ValidationFailed({"placement_id": "Deze plaatsing hoort niet bij deze klant."})
    return placement


def require_placement(session: Session, actor: Actor, placement_id: str) -> Placement:
    """The placement, when it exists and the actor may see its client."""
    placement = session.get(Placement, placement_id)
    if placement is None or placement.deleted_at is not None:
        raise NotFound("Deze plaatsing bestaat niet (meer).")
    require_client(session, actor, placement.client_id)
    return placement
