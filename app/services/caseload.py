"""A caseworker's caseload (or a team lead's team) as plain rows for lists and exports."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session

from app.domain.clients import priority_groups_for_age
from app.domain.dates import age_on
from app.domain.names import person_forms, search_text
from app.domain.vocab import ClientStatus, PriorityGroup
from app.models import (
    CaseAssignment,
    Caseworker,
    Client,
    Plan,
    PlanVersion,
    WageValueMeasurement,
)

# The row type, the filter and the start-up snapshot live where no SQLAlchemy is needed.
from app.services.caseload_rows import (
    DUE_ACTION_LABELS,
    CaseloadFilter,
    CaseloadRow,
    DueAction,
    Scope,
    filter_rows,
)
from app.services.context import Actor
from app.services.due import FileFacts, due_actions_of
from app.services.errors import AccessDenied
from app.services.ladder import effective_assessments
from app.services.records import latest_per_client

__all__ = [
    "DUE_ACTION_LABELS",
    "CaseloadFilter",
    "CaseloadRow",
    "DueAction",
    "Scope",
    "caseload_rows",
    "filter_rows",
]


def _groups(recorded: tuple[str, ...], age: int) -> tuple[PriorityGroup, ...]:
    """Priority groups from the recorded codes and the age (cached per combination)."""
    return tuple(priority_groups_for_age(recorded, age))


def _plain_rows(session: Session, query: Select[*tuple[Any, ...]]) -> Iterable[tuple[Any, ...]]:
    """The rows as the database driver gives them, without SQLAlchemy's type conversion."""
    connection = session.connection()
    compiled = query.compile(dialect=connection.dialect)
    params = compiled.params
    if compiled.positiontup is not None:
        return connection.exec_driver_sql(
            str(compiled), tuple(params[name] for name in compiled.positiontup)
        )
    return connection.exec_driver_sql(str(compiled), params)


def _as_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


@functools.lru_cache(maxsize=1024)
def _recorded_groups(value: str | list[str] | None) -> tuple[str, ...]:
    """Recorded priority-group codes from the JSON column (few distinct values: cached)."""
    if value is None:
        return ()
    return tuple(json.loads(value) if isinstance(value, str) else value)


def caseload_rows(
    session: Session,
    actor: Actor,
    *,
    scope: Scope = Scope.OWN,
    today: dt.date | None = None,
    include_closed: bool = True,
) -> list[CaseloadRow]:
    """Every client in the actor's caseload (or team), sorted by achternaam."""
    return caseload_with_due_actions(
        session, actor, scope=scope, today=today, include_closed=include_closed
    )[0]


def caseload_with_due_actions(
    session: Session,
    actor: Actor,
    *,
    scope: Scope = Scope.OWN,
    today: dt.date | None = None,
    include_closed: bool = True,
    client_id: str | None = None,
) -> tuple[list[CaseloadRow], dict[str, list[DueAction]]]:
    """The caseload rows, and per active client every due action, earliest first;
    `client_id`: of that one client only (when it is in the actor's caseload or team)."""
    today = today or dt.date.today()
    if scope is Scope.TEAM and not actor.is_team_lead:
        raise AccessDenied("Alleen een teamleider ziet de caseload van het hele team.")

    ladder = effective_assessments()
    measurement = latest_per_client(
        WageValueMeasurement,
        WageValueMeasurement.report_date,
        WageValueMeasurement.next_measurement_on,
    )
    plan_end = (
        select(Plan.client_id, func.min(Plan.valid_until).label("valid_until"))
        .where(Plan.deleted_at.is_(None), Plan.valid_until.is_not(None))
        .group_by(Plan.client_id)
        .subquery()
    )
    issued = (
        select(PlanVersion.client_id).where(PlanVersion.deleted_at.is_(None)).distinct().subquery()
    )
    query = (
        select(
            Client.id,
            Client.bsn,
            Client.voornamen,
            Client.tussenvoegsel,
            Client.achternaam,
            Client.birth_date,
            Client.postcode,
            Client.municipality,
            Client.status,
            Client.work_obligation,
            Client.priority_groups,
            Caseworker.id.label("caseworker_id"),
            Caseworker.display_name.label("caseworker"),
            ladder.c.final_trede,
            ladder.c.review_on,
            measurement.c.next_measurement_on,
            plan_end.c.valid_until,
            Client.exemption_end,
            Client.intake_date,
            issued.c.client_id.label("issued_plan"),
        )
        .join(
            CaseAssignment,
            and_(
                CaseAssignment.client_id == Client.id,
                CaseAssignment.ended_on.is_(None),
                CaseAssignment.deleted_at.is_(None),
            ),
        )
        .join(Caseworker, Caseworker.id == CaseAssignment.caseworker_id)
        .outerjoin(ladder, and_(ladder.c.client_id == Client.id, ladder.c.rank == 1))
        .outerjoin(
            measurement,
            and_(
                measurement.c.client_id == Client.id,
                measurement.c.rank == 1,
            ),
        )
        .outerjoin(plan_end, plan_end.c.client_id == Client.id)
        .outerjoin(issued, issued.c.client_id == Client.id)
        .where(Client.deleted_at.is_(None))
    )
    active_ids: Select[Any] = (
        select(Client.id)
        .join(CaseAssignment, CaseAssignment.client_id == Client.id)
        .join(Caseworker, Caseworker.id == CaseAssignment.caseworker_id)
        .where(
            Client.deleted_at.is_(None),
            Client.status == ClientStatus.ACTIVE.value,
            CaseAssignment.ended_on.is_(None),
            CaseAssignment.deleted_at.is_(None),
        )
    )
    if scope is Scope.OWN:
        query = query.where(CaseAssignment.caseworker_id == actor.caseworker_id)
        active_ids = active_ids.where(CaseAssignment.caseworker_id == actor.caseworker_id)
    else:
        query = query.where(Caseworker.team_id == actor.team_id)
        active_ids = active_ids.where(Caseworker.team_id == actor.team_id)
    if not include_closed:
        query = query.where(Client.status == ClientStatus.ACTIVE.value)
    if client_id is not None:
        query = query.where(Client.id == client_id)
        active_ids = active_ids.where(Client.id == client_id)

    statuses = {status.value: status for status in ClientStatus}
    groups_for = functools.lru_cache(maxsize=4096)(_groups)
    rows = []
    files: list[FileFacts] = []
    actions: dict[str, list[DueAction]] = {}
    # The driver's plain tuples: SQLAlchemy's result processing doubles the time of a
    # 10,000-client list, and only dates and the groups' JSON need converting here.
    for (
        client_id,
        bsn,
        voornamen,
        tussenvoegsel,
        achternaam,
        birth_text,
        postcode,
        municipality,
        status_code,
        work_obligation,
        recorded_groups,
        caseworker_id,
        caseworker,
        final_trede,
        review_text,
        measurement_text,
        plan_end_text,
        exemption_end_text,
        intake_text,
        issued_plan,
    ) in _plain_rows(session, query):
        status = statuses[status_code]
        birth_date: dt.date = (
            birth_text if isinstance(birth_text, dt.date) else dt.date.fromisoformat(birth_text)
        )
        review_on = _as_date(review_text)
        next_action = None
        if status is ClientStatus.ACTIVE:
            own = sorted(
                (
                    DueAction(label, due)
                    for label, due in zip(
                        DUE_ACTION_LABELS,
                        (review_on, _as_date(measurement_text), _as_date(plan_end_text)),
                        strict=True,
                    )
                    if due is not None
                ),
                key=lambda a: (a.due_on, a.label),
            )
            if own:
                actions[client_id] = own
                next_action = own[0]
            files.append(
                FileFacts(
                    client_id,
                    final_trede,
                    work_obligation,
                    _as_date(exemption_end_text),
                    _as_date(intake_text),
                    issued_plan is not None,
                )
            )
        age = age_on(birth_date, today)
        display, listing, key = person_forms(voornamen, tussenvoegsel, achternaam)
        compact_postcode = (postcode or "").replace(" ", "")
        rows.append(
            CaseloadRow(
                client_id,
                bsn,
                display,
                listing,
                key,
                search_text(display, bsn, compact_postcode, postcode),
                birth_date,
                age,
                postcode,
                municipality,
                status,
                work_obligation,
                groups_for(_recorded_groups(recorded_groups), age),
                final_trede,
                review_on,
                next_action,
                caseworker_id,
                caseworker,
            )
        )
    if files:
        for client_id, found in due_actions_of(session, files, active_ids, today).items():
            actions[client_id] = sorted(
                set(actions.get(client_id, [])) | set(found), key=lambda a: (a.due_on, a.label)
            )
        rows = [
            row._replace(next_action=actions[row.client_id][0]) if row.client_id in actions else row
            for row in rows
        ]
    rows.sort(key=lambda row: row.sort_key)
    return rows, actions
