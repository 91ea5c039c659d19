"""A placement's loonkostensubsidie: what is payable on a day (on a decision, while its
measurement holds), or an indication with what is missing; and per calendar month."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from app.domain.dates import age_on, months_between
from app.domain.formatting import format_date
from app.domain.placements import forfait_ends_on
from app.domain.rules import RuleError
from app.domain.subsidy_months import MonthAmount, PayablePeriod, month_amount
from app.domain.vocab import SubsidyBasis
from app.domain.wage import SubsidyParts, subsidy_parts
from app.models import Placement
from app.services.subsidy_decisions import DecisionRow, decision_on, measurement_valid_until
from app.services.wage_value import MeasurementRow, latest_of


@dataclass(frozen=True)
class PlacementSubsidy:
    """The subsidy of a placement on a day: payable on a decision, else an indication (or
    nothing) with what is missing."""

    parts: SubsidyParts | None
    problem: str | None  # why none is payable: no decision, an expired measurement, ...
    decision: DecisionRow | None
    measurement_id: str | None

    @property
    def payable(self) -> bool:
        return self.parts is not None and self.decision is not None and self.problem is None

    @property
    def forfait_ends_on(self) -> dt.date | None:
        """The end of the forfaitaire decision that applies (a measurement is due by then)."""
        if self.decision is not None and self.decision.basis is SubsidyBasis.FORFAIT:
            return self.decision.ends_on
        return None


def subsidy_parts_on(
    placement: Placement, birth_date: dt.date, on: dt.date, pct: Decimal | None
) -> tuple[SubsidyParts | None, str | None]:
    """The sum on `on` for a loonwaarde of `pct` (None: the forfait), or why there is none."""
    assert placement.wage_hour is not None and placement.hours_per_week is not None
    try:
        parts = subsidy_parts(
            on=on,
            age=age_on(birth_date, on),
            wage_hour=placement.wage_hour,
            hours_per_week=placement.hours_per_week,
            loonwaarde_pct=pct,
            fulltime_hours=placement.fulltime_hours,
        )
    except (ValueError, LookupError) as exc:
        return None, str(exc)
    return parts, None


def placement_subsidy(
    placement: Placement,
    birth_date: dt.date,
    decisions: Sequence[DecisionRow],
    measurements: Sequence[MeasurementRow],
    on: dt.date,
) -> PlacementSubsidy:
    """The subsidy on `on`. With a decision: the forfait or the decision's measurement, while
    that measurement holds. Without one: an indication (the latest measurement, or the forfait
    in the first months of the job), not payable, and what to record."""
    if placement.wage_hour is None or placement.hours_per_week is None:
        return PlacementSubsidy(
            None, "Vul uurloon en uren per week van de plaatsing in.", None, None
        )
    decision = decision_on(decisions, placement.id, on)
    by_id = {m.id: m for m in measurements}
    if decision is None:
        latest = latest_of(measurements).get(placement.id)
        missing = (
            f"Er is geen beschikking loonkostensubsidie voor {format_date(on)}: zonder "
            "beschikking wordt niets betaald. Leg de beschikking vast (grondslag, periode, "
            "doelgroep en datum)."
        )
        if latest is None and on > forfait_ends_on(placement.started_on):
            return PlacementSubsidy(
                None,
                missing + " Na de eerste maanden is eerst een loonwaardemeting nodig.",
                None,
                None,
            )
        parts, problem = subsidy_parts_on(
            placement, birth_date, on, latest.loonwaarde_pct if latest else None
        )
        return PlacementSubsidy(parts, problem or missing, None, latest.id if latest else None)
    if decision.basis is SubsidyBasis.FORFAIT:
        parts, problem = subsidy_parts_on(placement, birth_date, on, None)
        return PlacementSubsidy(parts, problem, decision, None)
    measurement = by_id.get(decision.measurement_id or "")
    if measurement is None:
        return PlacementSubsidy(
            None, "De meting van deze beschikking staat niet in het dossier.", decision, None
        )
    valid_until = measurement_valid_until(measurement.report_date, measurement.next_measurement_on)
    if on > valid_until:
        return PlacementSubsidy(
            None,
            f"De loonwaardemeting van {format_date(measurement.report_date)} gold tot en met "
            f"{format_date(valid_until)}; laat opnieuw meten en leg een nieuwe beschikking vast.",
            decision,
            measurement.id,
        )
    parts, problem = subsidy_parts_on(placement, birth_date, on, measurement.loonwaarde_pct)
    return PlacementSubsidy(parts, problem, decision, measurement.id)


def payable_periods(
    placement: Placement, decisions: Sequence[DecisionRow], measurements: Sequence[MeasurementRow]
) -> list[PayablePeriod]:
    """The days the placement's decisions make payable: within the job, and for a decision on
    a measurement only while that measurement holds."""
    by_id = {m.id: m for m in measurements}
    periods = []
    for decision in decisions:
        if decision.placement_id != placement.id or decision.is_superseded:
            continue
        starts = max(decision.starts_on, placement.started_on)
        ends = min(decision.ends_on, placement.ended_on or decision.ends_on)
        pct = None
        if decision.basis is SubsidyBasis.MEASUREMENT:
            measurement = by_id.get(decision.measurement_id or "")
            if measurement is None:
                continue
            pct = measurement.loonwaarde_pct
            ends = min(
                ends,
                measurement_valid_until(measurement.report_date, measurement.next_measurement_on),
            )
        if starts <= ends:
            periods.append(PayablePeriod(starts, ends, pct))
    return periods


def month_amounts(
    placement: Placement,
    birth_date: dt.date,
    decisions: Sequence[DecisionRow],
    measurements: Sequence[MeasurementRow],
    first: dt.date,
    last: dt.date,
) -> list[MonthAmount]:
    """What is payable in each calendar month from `first`'s to `last`'s (pro rata per day)."""
    if placement.wage_hour is None or placement.hours_per_week is None:
        return []
    periods = payable_periods(placement, decisions, measurements)
    months = []
    for month in months_between(first, last):
        with contextlib.suppress(RuleError):  # no amounts on record for that month
            months.append(
                month_amount(
                    month,
                    birth_date=birth_date,
                    wage_hour=placement.wage_hour,
                    hours_per_week=placement.hours_per_week,
                    periods=periods,
                    fulltime_hours=placement.fulltime_hours,
                )
            )
    return months
