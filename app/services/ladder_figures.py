"""The ladder histories of a caseload, a team or a municipality, and their movement
figures (the definitions are in app.domain.ladder_movement)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.clients import priority_groups_for_age
from app.domain.dates import age_on
from app.domain.ladder_movement import LadderHistory, Movement, movement_by_group
from app.domain.vocab import AuditAction, OutflowReason, PlacementType, PriorityGroup
from app.models import Client, Placement
from app.services.audit import audit
from app.services.caseload import CaseloadRow, Scope, caseload_rows
from app.services.context import Actor
from app.services.ladder import effective_assessments


def ladder_histories(
    session: Session,
    actor: Actor,
    *,
    scope: Scope = Scope.OWN,
    municipality: str | None = None,
    groups_on: dt.date | None = None,
    rows: Sequence[CaseloadRow] | None = None,
) -> list[LadderHistory]:
    """The ladder histories of the clients in the actor's caseload (or team), optionally of
    one municipality, for the movement figures. Priority groups as on `groups_on`.
    `rows`: that caseload, when the caller has read it already."""
    groups_on = groups_on or dt.date.today()
    if rows is None:
        rows = caseload_rows(session, actor, scope=scope)
    wanted = {
        row.client_id for row in rows if municipality is None or row.municipality == municipality
    }
    effective = effective_assessments()
    assessments: dict[str, list[tuple[dt.date, int]]] = {}
    for client_id, assessed_on, trede in session.execute(
        select(effective.c.client_id, effective.c.assessed_on, effective.c.final_trede)
    ):
        if client_id in wanted:
            assessments.setdefault(client_id, []).append((assessed_on, trede))
    regular_jobs: dict[str, list[dt.date]] = {}
    for client_id, start in session.execute(
        select(Placement.client_id, Placement.started_on).where(
            Placement.deleted_at.is_(None),
            Placement.placement_type == PlacementType.REGULAR_JOB.value,
        )
    ):
        if client_id in wanted:
            regular_jobs.setdefault(client_id, []).append(start)
    histories = []
    for client in session.execute(
        select(
            Client.id,
            Client.municipality,
            Client.priority_groups,
            Client.birth_date,
            Client.intake_date,
            Client.outflow_date,
            Client.outflow_reason,
        ).where(Client.deleted_at.is_(None))
    ):
        if client.id not in wanted:
            continue
        work_days = list(regular_jobs.get(client.id, ()))
        if client.outflow_date and client.outflow_reason == OutflowReason.PAID_EMPLOYMENT.value:
            work_days.append(client.outflow_date)
        groups = priority_groups_for_age(
            tuple(client.priority_groups or ()), age_on(client.birth_date, groups_on)
        )
        histories.append(
            LadderHistory(
                client_id=client.id,
                municipality=client.municipality,
                priority_groups=tuple(g.value for g in groups),
                assessments=tuple(sorted(assessments.get(client.id, ()))),
                entered_on=client.intake_date,
                outflow_on=client.outflow_date,
                regular_work_on=tuple(sorted(work_days)),
            )
        )
    return histories


def ladder_figures(
    session: Session,
    actor: Actor,
    *,
    start: dt.date,
    end: dt.date,
    scope: Scope = Scope.OWN,
    municipality: str | None = None,
) -> dict[str | None, Movement]:
    """The movement figures for all clients in scope (key None) and per priority group."""
    histories = ladder_histories(
        session, actor, scope=scope, municipality=municipality, groups_on=end
    )
    audit(
        session,
        actor,
        AuditAction.VIEW,
        "ladder_figures",
        scope=scope.value,
        municipality=municipality,
        clients=len(histories),
    )
    session.flush()
    return movement_by_group(histories, start, end, [g.value for g in PriorityGroup])
