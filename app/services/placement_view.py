"""A client's placements as the file shows them: displacement flags, the wage the WML
overtook, the subsidy that a decision makes payable (or what is missing), and due actions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from app.domain.dates import add_months, month_start, period_end
from app.domain.placements import (
    SUBSIDISED_TYPES,
    DisplacementFlag,
    PlacementSpan,
    chain_starts,
    displacement_flag,
    displacement_limit,
)
from app.domain.rules import rules
from app.domain.subsidy_months import MonthAmount
from app.domain.vocab import PlacementType, SubsidyBasis
from app.domain.wage import SubsidyParts, WageBelowMinimum, wage_below_minimum
from app.models import Client, Employer, Placement
from app.services.absences import AbsenceRow, absence_rows_of
from app.services.access import require_client
from app.services.caseload_rows import DueAction
from app.services.context import Actor
from app.services.placement_subsidy import (
    PlacementSubsidy,
    month_amounts,
    placement_subsidy,
    subsidy_parts_on,
)
from app.services.placements import PlacementForm, wage_check_day
from app.services.subsidy_decisions import (
    DecisionRow,
    decision_on,
    decision_rows,
    decision_rows_of,
)
from app.services.wage_value import (
    MeasurementRow,
    latest_of,
    measurement_rows,
    measurement_rows_of,
)

FORFAIT_END = "Einde forfaitaire beschikking: loonwaardemeting nodig"
DECISION_END = "Einde beschikking loonkostensubsidie"
DECISION_MISSING = "Beschikking loonkostensubsidie vastleggen"
REMEASUREMENT = "Nieuwe loonwaardemeting"
DISPLACEMENT_REASON = "Verdringingsgrens: reden vastleggen"
RAISE_WAGE = "Uurloon verhogen tot het minimumloon"
FULLTIME_MISSING = "Voltijdweek van de werkgever vastleggen (minimumloon vóór 2024)"
APPLY_BY = "Laatste dag om loonkostensubsidie aan te vragen (art. 10d lid 2)"
# Dutch; the GUI translates them
DUE_LABELS = (
    FORFAIT_END,
    DECISION_END,
    DECISION_MISSING,
    REMEASUREMENT,
    DISPLACEMENT_REASON,
    RAISE_WAGE,
    FULLTIME_MISSING,
    APPLY_BY,
)


STATEMENT_MONTHS = 12  # months of payable amounts the placement shows
NO_FORM = PlacementForm()  # rows read for their due actions only are never edited


@dataclass(frozen=True)
class PlacementRow:
    id: str
    version: int
    employer_id: str
    employer_name: str
    placement_type: PlacementType
    function_title: str | None
    started_on: dt.date
    planned_end: dt.date | None
    ended_on: dt.date | None
    hours_per_week: Decimal | None
    wage_hour: Decimal | None
    fulltime_hours: Decimal | None
    course_months: int | None
    learning_part: str | None
    continuation_reason: str | None
    notes: str | None
    flag: DisplacementFlag | None
    wage_below_minimum: WageBelowMinimum | None  # the WML overtook the recorded wage
    subsidy: PlacementSubsidy | None  # None: not a subsidised kind of placement
    decisions: tuple[DecisionRow, ...]
    absences: tuple[AbsenceRow, ...]  # oldest first
    months: tuple[MonthAmount, ...]  # what is payable per month, the last months up to today
    measured: SubsidyParts | None  # the sum on the latest measurement (for its signals)
    due_actions: tuple[DueAction, ...]
    form: PlacementForm  # the placement as its form shows it, to edit it

    @property
    def is_active(self) -> bool:
        return self.ended_on is None


def _recent_months(
    placement: Placement,
    birth_date: dt.date,
    decisions: Sequence[DecisionRow],
    measurements: Sequence[MeasurementRow],
    today: dt.date,
) -> tuple[MonthAmount, ...]:
    last = min(today, placement.ended_on or today)
    first = max(placement.started_on, add_months(month_start(last), -(STATEMENT_MONTHS - 1)))
    if first > last:
        return ()
    return tuple(month_amounts(placement, birth_date, decisions, measurements, first, last))


def _subsidy_due(
    placement: Placement, decisions: Sequence[DecisionRow], today: dt.date
) -> list[DueAction]:
    """What a running subsidised job needs next: a decision from the day none applies, and
    the end of the one that applies (for the forfait: a measurement before then)."""
    own = [d for d in decisions if d.placement_id == placement.id and not d.is_superseded]
    current = decision_on(own, placement.id, today)
    if current is not None:
        label = FORFAIT_END if current.basis is SubsidyBasis.FORFAIT else DECISION_END
        following = decision_on(own, placement.id, current.ends_on + dt.timedelta(days=1))
        return [] if following is not None else [DueAction(label, current.ends_on)]
    if any(d.starts_on > today for d in own):
        return []  # the next decision is recorded already
    ended = [d.ends_on for d in own if d.ends_on < today]
    since = max(ended) + dt.timedelta(days=1) if ended else placement.started_on
    due = [DueAction(DECISION_MISSING, since)]
    table = rules()
    if not own and table.has_row("lks_apply_within_months", placement.started_on):
        # since 2023-07-01 a subsidy is applied for within 6 months after the job starts
        months = table.int_value("lks_apply_within_months", placement.started_on)
        due.append(DueAction(APPLY_BY, period_end(placement.started_on, months)))
    return due


@dataclass(frozen=True)
class ClientFacts:
    """What the placement rows need of their client."""

    id: str
    birth_date: dt.date
    municipality: str


def placements(
    session: Session,
    actor: Actor,
    client_id: str,
    *,
    today: dt.date | None = None,
    measurements: Sequence[MeasurementRow] | None = None,
) -> list[PlacementRow]:
    """The client's placements, newest first, with flags, subsidy and due actions.
    `measurements`: the client's measurements when the caller has read them already."""
    today = today or dt.date.today()
    client = require_client(session, actor, client_id)
    found = session.execute(
        select(Placement, Employer.name)
        .join(Employer, Employer.id == Placement.employer_id)
        .where(Placement.client_id == client_id, Placement.deleted_at.is_(None))
    ).all()
    if measurements is None:
        measurements = measurement_rows(session, client_id)
    return build_rows(
        ClientFacts(client.id, client.birth_date, client.municipality),
        [(placement, name) for placement, name in found],
        measurements,
        decision_rows(session, client_id),
        today,
        absences=absence_rows_of(session, [client_id]),
    )


def placement_due_actions(
    session: Session, client_ids: Collection[str] | Select[Any], today: dt.date
) -> dict[str, list[DueAction]]:
    """Per client, what its placements need next (for a caseload: read in a few queries, for
    the clients with a placement that runs or ended in the last year only)."""
    ids = client_ids if isinstance(client_ids, Select) else list(client_ids)
    recent = today - dt.timedelta(days=366)
    with_placements = (
        select(Placement.client_id)
        .where(
            Placement.deleted_at.is_(None),
            Placement.client_id.in_(ids),
            or_(Placement.ended_on.is_(None), Placement.ended_on >= recent),
        )
        .distinct()
    )
    found = session.execute(
        select(Placement, Employer.name, Client.birth_date, Client.municipality)
        .join(Employer, Employer.id == Placement.employer_id)
        .join(Client, Client.id == Placement.client_id)
        .where(Placement.deleted_at.is_(None), Placement.client_id.in_(with_placements))
    ).all()
    if not found:
        return {}
    clients = {p.client_id: ClientFacts(p.client_id, birth, town) for p, _n, birth, town in found}
    per_client: dict[str, list[tuple[Placement, str]]] = {}
    for placement, name, _birth, _town in found:
        per_client.setdefault(placement.client_id, []).append((placement, name))
    measurements = measurement_rows_of(session, list(clients))
    decisions = decision_rows_of(session, list(clients))
    actions: dict[str, list[DueAction]] = {}
    for client_id, rows in per_client.items():
        built = build_rows(
            clients[client_id],
            rows,
            measurements.get(client_id, []),
            decisions.get(client_id, []),
            today,
            due_actions_only=True,
        )
        actions[client_id] = [action for row in built for action in row.due_actions]
    return actions


def build_rows(
    client: ClientFacts,
    found: Sequence[tuple[Placement, str]],
    measurements: Sequence[MeasurementRow],
    all_decisions: Sequence[DecisionRow],
    today: dt.date,
    *,
    due_actions_only: bool = False,
    absences: dict[str, list[AbsenceRow]] | None = None,
) -> list[PlacementRow]:
    """The rows of one client's placements from what was read for it. `due_actions_only`:
    for a caseload, which reads only the due actions, the subsidy sums, the monthly
    statement and the form are left out (the costly parts at 10,000 clients)."""
    latest = latest_of(measurements)
    chained = chain_starts(
        [
            PlacementSpan(
                p.id,
                PlacementType(p.placement_type),
                p.employer_id,
                p.started_on,
                p.ended_on,
            )
            for p, _name in found
        ]
    )
    rows = []
    for placement, employer_name in found:
        kind = PlacementType(placement.placement_type)
        limit = displacement_limit(
            kind,
            placement.course_months,
            placement.learning_part,
            chained[placement.id],
            client.municipality,
        )
        flag = displacement_flag(
            limit,
            chained[placement.id],
            placement.ended_on,
            placement.continuation_reason,
            today,
        )
        measurement = latest.get(placement.id)
        own_decisions = tuple(d for d in all_decisions if d.placement_id == placement.id)
        subsidy = None
        due: list[DueAction] = []
        below = None
        if placement.wage_hour is not None and kind is not PlacementType.VOLUNTEER:
            last_day = wage_check_day(placement.started_on, placement.ended_on, today)
            below = wage_below_minimum(
                placement.wage_hour,
                client.birth_date,
                placement.started_on,
                last_day,
                fulltime_hours=placement.fulltime_hours,
            )
            if below is not None and placement.ended_on is None:
                due.append(DueAction(RAISE_WAGE, below.since))
        weekly_wml = placement.started_on < rules().hourly_wml_starts()
        if weekly_wml and placement.wage_hour is not None and placement.fulltime_hours is None:
            # before 2024 the WML per hour needs the employer's full-time week: without it
            # neither the wage check nor the months before 2024 can be computed
            due.append(DueAction(FULLTIME_MISSING, placement.started_on))
        months: tuple[MonthAmount, ...] = ()
        measured = None
        priced = placement.wage_hour is not None and placement.hours_per_week is not None
        sums = kind in SUBSIDISED_TYPES and not due_actions_only
        if sums and measurement is not None and priced:
            measured, _problem = subsidy_parts_on(
                placement, client.birth_date, today, measurement.loonwaarde_pct
            )
        if sums:
            subsidy = placement_subsidy(
                placement, client.birth_date, own_decisions, measurements, today
            )
            months = _recent_months(
                placement, client.birth_date, own_decisions, measurements, today
            )
        if kind in SUBSIDISED_TYPES and placement.ended_on is None:
            due.extend(_subsidy_due(placement, own_decisions, today))
        if placement.ended_on is None and measurement and measurement.next_measurement_on:
            due.append(DueAction(REMEASUREMENT, measurement.next_measurement_on))
        if flag is not None and flag.is_open:
            due.append(DueAction(DISPLACEMENT_REASON, flag.limit_on))
        rows.append(
            PlacementRow(
                id=placement.id,
                version=placement.version,
                employer_id=placement.employer_id,
                employer_name=employer_name,
                placement_type=kind,
                function_title=placement.function_title,
                started_on=placement.started_on,
                planned_end=placement.planned_end,
                ended_on=placement.ended_on,
                hours_per_week=placement.hours_per_week,
                wage_hour=placement.wage_hour,
                fulltime_hours=placement.fulltime_hours,
                course_months=placement.course_months,
                learning_part=placement.learning_part,
                continuation_reason=placement.continuation_reason,
                notes=placement.notes,
                flag=flag,
                wage_below_minimum=below,
                subsidy=subsidy,
                decisions=own_decisions,
                absences=tuple((absences or {}).get(placement.id, ())),
                months=months,
                measured=measured,
                due_actions=tuple(sorted(due, key=lambda d: d.due_on)),
                form=NO_FORM if due_actions_only else PlacementForm.from_placement(placement),
            )
        )
    rows.sort(key=lambda r: (r.ended_on is None, r.started_on), reverse=True)
    return rows
