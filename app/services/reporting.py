"""The figures of the quarterly P&C report (DOMAIN.md, "Reporting"): instruments used,
outflow to work, ladder movement, per priority group and per municipality."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.dates import add_months
from app.domain.ladder_movement import Movement, movement, movement_by_group
from app.domain.region import municipality_name, region
from app.domain.vocab import AuditAction, OutflowReason, PlacementType, PriorityGroup
from app.models import (
    Client,
    JobCoachingHours,
    Placement,
    Plan,
    PlanInstrument,
    WageValueMeasurement,
)
from app.services.audit import audit
from app.services.caseload import Scope, caseload_rows
from app.services.context import Actor
from app.services.ladder_figures import ladder_histories


def quarter_of(day: dt.date) -> tuple[dt.date, dt.date]:
    first = dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return first, add_months(first, 3) - dt.timedelta(days=1)


def quarter_label(first: dt.date) -> str:
    return f"{(first.month - 1) // 3 + 1}e kwartaal {first.year}"


@dataclass(frozen=True)
class GroupFigures:
    name: str
    clients: int
    outflow_to_work: int
    moved_up: int
    with_steps: int


@dataclass(frozen=True)
class QuarterReport:
    title: str
    first: dt.date
    last: dt.date
    scope_label: str
    clients: int
    instruments: list[tuple[str, int]]  # plan instruments running in the quarter
    placements_started: list[tuple[str, int]]
    measurements: int
    coaching_hours: float
    outflow: list[tuple[str, int]]  # per reason
    outflow_to_work: int
    movement: Movement
    per_group: list[GroupFigures]
    per_municipality: list[GroupFigures]
    made_on: dt.date


WORK_REASONS = {
    OutflowReason.PAID_EMPLOYMENT.value,
    OutflowReason.SELF_EMPLOYMENT.value,
    OutflowReason.SOCIAL_FIRM.value,
}


def _moved_up(figures: Movement) -> tuple[int, int]:
    counted = sum(figures.steps.values())
    return counted - figures.steps["omlaag"] - figures.steps["0"], counted


def quarter_report(
    session: Session,
    actor: Actor,
    *,
    within: dt.date,
    scope: Scope = Scope.OWN,
    today: dt.date | None = None,
) -> QuarterReport:
    today = today or dt.date.today()
    first, last = quarter_of(within)
    rows = caseload_rows(session, actor, scope=scope, today=last)
    ids = {row.client_id for row in rows}

    def in_quarter(day: dt.date | None) -> bool:
        return day is not None and first <= day <= last

    instruments: Counter[str] = Counter()
    for instrument, starts, ends, client_id in session.execute(
        select(
            PlanInstrument.instrument,
            PlanInstrument.starts_on,
            PlanInstrument.ends_on,
            Plan.client_id,
        )
        .join(Plan, Plan.id == PlanInstrument.plan_id)
        .where(PlanInstrument.deleted_at.is_(None))
    ):
        if (
            client_id in ids
            and (starts is None or starts <= last)
            and (ends is None or ends >= first)
        ):
            instruments[instrument] += 1
    started: Counter[str] = Counter()
    for kind, starts, client_id in session.execute(
        select(Placement.placement_type, Placement.started_on, Placement.client_id).where(
            Placement.deleted_at.is_(None)
        )
    ):
        if client_id in ids and in_quarter(starts):
            started[PlacementType(kind).label] += 1
    measurements = sum(
        1
        for report_date, client_id in session.execute(
            select(WageValueMeasurement.report_date, WageValueMeasurement.client_id).where(
                WageValueMeasurement.deleted_at.is_(None),
                WageValueMeasurement.corrects_id.is_(None),
            )
        )
        if client_id in ids and in_quarter(report_date)
    )
    minutes = sum(
        m
        for worked_on, m, client_id in session.execute(
            select(
                JobCoachingHours.worked_on, JobCoachingHours.minutes, JobCoachingHours.client_id
            ).where(JobCoachingHours.deleted_at.is_(None), JobCoachingHours.corrects_id.is_(None))
        )
        if client_id in ids and in_quarter(worked_on)
    )
    outflow: Counter[str] = Counter()
    to_work: set[str] = set()
    for client_id, outflow_date, reason in session.execute(
        select(Client.id, Client.outflow_date, Client.outflow_reason).where(
            Client.deleted_at.is_(None)
        )
    ):
        if client_id in ids and in_quarter(outflow_date) and reason:
            outflow[OutflowReason(reason).label] += 1
            if reason in WORK_REASONS:
                to_work.add(client_id)

    until = min(last, today)  # a quarter still running is counted up to today
    histories = ladder_histories(session, actor, scope=scope, groups_on=until, rows=rows)
    figures = movement_by_group(histories, first, until, [g.value for g in PriorityGroup])
    per_group = []
    for group in PriorityGroup:
        members = {r.client_id for r in rows if group in r.priority_groups}
        up, counted = _moved_up(figures[group.value])
        per_group.append(
            GroupFigures(group.label, len(members), len(members & to_work), up, counted)
        )
    per_municipality = []
    # the region's municipalities, and any other the data holds (a client moved in)
    codes = list(dict.fromkeys([*region().codes(), *sorted({r.municipality for r in rows})]))
    for code in codes:
        members = {r.client_id for r in rows if r.municipality == code}
        local = movement([h for h in histories if h.municipality == code], first, last)
        up, counted = _moved_up(local)
        per_municipality.append(
            GroupFigures(municipality_name(code), len(members), len(members & to_work), up, counted)
        )
    audit(
        session,
        actor,
        AuditAction.PRINT,
        "quarter_report",
        first=first.isoformat(),
        scope=scope.value,
        clients=len(rows),
    )
    session.flush()
    return QuarterReport(
        title=f"Kwartaalrapportage {quarter_label(first)}",
        first=first,
        last=last,
        scope_label="team" if scope is Scope.TEAM else "eigen caseload",
        clients=len(rows),
        instruments=instruments.most_common(),
        placements_started=started.most_common(),
        measurements=measurements,
        coaching_hours=minutes / 60,
        outflow=outflow.most_common(),
        outflow_to_work=len(to_work),
        movement=figures[None],
        per_group=per_group,
        per_municipality=per_municipality,
        made_on=today,
    )
