"""A generated job of a demo client as plain rows: the placement and, for paid jobs, the wage
value measurement with its tasks, subsidy decisions, sick leave and job-coaching hours."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from app.demo import words
from app.demo.rows import DemoRows
from app.demo.team import Cast
from app.domain.dates import add_months
from app.domain.placements import forfait_ends_on
from app.domain.vocab import (
    AbsenceReason,
    CoachingActivity,
    PlacementType,
    SubsidyBasis,
    TargetGroupBasis,
)
from app.models import (
    JobCoachingHours,
    Placement,
    PlacementAbsence,
    SubsidyDecision,
    WageValueMeasurement,
    WageValueTask,
)


def add_placement(
    rng: random.Random, rows: DemoRows, client_id: str, today: dt.date, cast: Cast
) -> None:
    coaches = cast.coaches
    kind = rng.choice(
        [
            PlacementType.REGULAR_JOB,
            PlacementType.PROEFPLAATSING,
            PlacementType.GARANTIEBAAN,
            PlacementType.WORK_EXPERIENCE,
            PlacementType.LEARNING_WORKING,
            PlacementType.VOLUNTEER,
        ]
    )
    start = today - dt.timedelta(days=rng.randint(10, 700))
    hours = Decimal(rng.choice([16, 20, 24, 28, 32, 36]))
    wage = Decimal(rng.choice(["14.71", "15.20", "16.00", "17.35"]))
    employer = rng.choice(cast.employers)
    placement_id = rows.add(
        Placement,
        client_id=client_id,
        employer_id=employer,
        placement_type=kind.value,
        function_title=rng.choice(words.FUNCTIONS),
        started_on=start,
        planned_end=add_months(start, 3 if kind is PlacementType.PROEFPLAATSING else 12),
        ended_on=None,
        hours_per_week=hours,
        wage_hour=None if kind is PlacementType.VOLUNTEER else wage,
        fulltime_hours=Decimal(38),
        course_months=None,
        learning_part=(
            rng.choice(words.LEARNING_PARTS) if kind is PlacementType.LEARNING_WORKING else None
        ),
        continuation_reason=None,
        notes=None,
    )
    if kind not in (PlacementType.REGULAR_JOB, PlacementType.GARANTIEBAAN):
        return
    loonwaarde = Decimal(rng.randint(35, 85))
    visit = start + dt.timedelta(days=rng.randint(20, 60))
    expert = coaches[-1]
    measurement_id = rows.add(
        WageValueMeasurement,
        client_id=client_id,
        placement_id=placement_id,
        method="ULM",
        report_date=visit + dt.timedelta(days=7),
        visit_date=visit,
        expert_name="Femke Demo (arbeidsdeskundige)",
        expert_id=expert,
        employer_id=employer,
        employer_contact="Leidinggevende",
        norm_function=rng.choice(words.FUNCTIONS),
        performed_function=rng.choice(words.FUNCTIONS),
        contract_hours=hours,
        fulltime_hours=Decimal(38),
        workdays_per_week=Decimal(4),
        loonwaarde_pct=loonwaarde,
        explanation="Werknemer werkt nauwkeurig maar in een lager tempo.",
        jobcoach_hours_per_month=Decimal(rng.choice([4, 6, 8])),
        next_measurement_on=add_months(visit, 12),
        corrects_id=None,
    )
    shares = [Decimal(50), Decimal(30), Decimal(20)]
    for position, (task, share) in enumerate(zip(rng.sample(words.TASKS, 3), shares, strict=True)):
        rows.add(
            WageValueTask,
            measurement_id=measurement_id,
            position=position + 1,
            name=task,
            share_pct=share,
            tempo_pct=loonwaarde,
            quality_pct=Decimal(100),
            net_worktime_pct=Decimal(100),
            result_pct=loonwaarde,
            explanation=None,
        )
    _add_decisions(rng, rows, client_id, placement_id, start, visit, measurement_id, today)
    if rng.random() < 0.2:  # some sick leave, now and then longer than four weeks
        absent = start + dt.timedelta(days=rng.randint(30, 200))
        if absent < today:
            ends = absent + dt.timedelta(days=rng.choice([5, 12, 40, 60]))
            rows.add(
                PlacementAbsence,
                client_id=client_id,
                placement_id=placement_id,
                starts_on=absent,
                ends_on=ends if ends < today else None,
                reason=AbsenceReason.SICKNESS.value,
            )
    coach = coaches[-2] if len(coaches) > 1 else coaches[0]
    day = visit
    for _ in range(rng.randint(3, 10)):
        day += dt.timedelta(days=rng.randint(3, 14))
        if day > today:
            break
        rows.add(
            JobCoachingHours,
            client_id=client_id,
            placement_id=placement_id,
            coach_id=coach,
            worked_on=day,
            minutes=rng.choice([30, 45, 60, 90, 120]),
            activity=rng.choice(list(CoachingActivity)).value,
            note=None,
            corrects_id=None,
        )


def _add_decisions(
    rng: random.Random,
    rows: DemoRows,
    client_id: str,
    placement_id: str,
    start: dt.date,
    visit: dt.date,
    measurement_id: str,
    today: dt.date,
) -> None:
    """Subsidy decisions for most demo jobs: the forfait until the measurement, then one on
    the measurement for its validity; some jobs have none, so the demo shows what is missing."""
    if rng.random() < 0.15:
        return
    report = visit + dt.timedelta(days=7)
    number = rng.randint(1000, 9999)
    rows.add(
        SubsidyDecision,
        client_id=client_id,
        placement_id=placement_id,
        basis=SubsidyBasis.FORFAIT.value,
        measurement_id=None,
        target_group_basis=TargetGroupBasis.DOELGROEPREGISTER.value,
        target_group_note=None,
        starts_on=start,
        ends_on=min(report - dt.timedelta(days=1), forfait_ends_on(start)),
        decided_on=start - dt.timedelta(days=rng.randint(3, 20)),
        reference=f"LKS-{start.year}-{number}",
        corrects_id=None,
    )
    decided = report + dt.timedelta(days=rng.randint(2, 10))
    if decided > today:
        return
    rows.add(
        SubsidyDecision,
        client_id=client_id,
        placement_id=placement_id,
        basis=SubsidyBasis.MEASUREMENT.value,
        measurement_id=measurement_id,
        target_group_basis=TargetGroupBasis.MEASUREMENT.value,
        target_group_note=None,
        starts_on=report,
        ends_on=add_months(visit, 12) - dt.timedelta(days=1),
        decided_on=decided,
        reference=f"LKS-{report.year}-{number + 1}",
        corrects_id=None,
    )
