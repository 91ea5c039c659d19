"""Who may see which client on the central store: a caseworker their open assignments, a
team lead the team's; "had in scope" for work handed in after a transfer."""

from __future__ import annotations

from typing import Any

from sqlalchemy import exists, literal, or_, select
from sqlalchemy.engine import Connection

from app.models import CaseAssignment, Caseworker, Client
from central.accounts import Device

ASSIGNMENTS = CaseAssignment.__table__
CASEWORKERS = Caseworker.__table__
CLIENTS = Client.__table__


def scope_workers(device: Device) -> Any:
    """The caseworkers whose clients the device may see: itself, or the lead's team."""
    if device.is_team_lead and device.team_id is not None:
        return select(CASEWORKERS.c.id).where(CASEWORKERS.c.team_id == device.team_id)
    return select(literal(device.caseworker_id))


def scope_query(device: Device) -> Any:
    return select(ASSIGNMENTS.c.client_id).where(
        ASSIGNMENTS.c.ended_on.is_(None),
        ASSIGNMENTS.c.deleted_at.is_(None),
        ASSIGNMENTS.c.caseworker_id.in_(scope_workers(device)),
    )


def scope(conn: Connection, device: Device) -> set[str]:
    return set(conn.execute(scope_query(device)).scalars())


def had_in_scope(conn: Connection, device: Device, client_id: str) -> bool:
    """The device's caseworker has (or had) the client: any assignment within its scope
    workers, ended or not, or the client is one they registered."""
    assigned = exists().where(
        ASSIGNMENTS.c.client_id == client_id,
        ASSIGNMENTS.c.deleted_at.is_(None),
        ASSIGNMENTS.c.caseworker_id.in_(scope_workers(device)),
    )
    registered = exists().where(
        CLIENTS.c.id == client_id, CLIENTS.c.created_by == device.caseworker_id
    )
    return bool(conn.execute(select(or_(assigned, registered))).scalar())


def caseworker(conn: Connection, caseworker_id: str) -> Any:
    """(id, team_id, role, active) of a caseworker, or None."""
    return conn.execute(
        select(
            CASEWORKERS.c.id, CASEWORKERS.c.team_id, CASEWORKERS.c.role, CASEWORKERS.c.active
        ).where(CASEWORKERS.c.id == caseworker_id, CASEWORKERS.c.deleted_at.is_(None))
    ).first()
