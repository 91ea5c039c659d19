"""Placement rules: the displacement limits (verdringing, RULES.md) and when a placement
may carry wage-cost subsidy and its forfait."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.domain.dates import period_end
from app.domain.rules import rules
from app.domain.vocab import PlacementType

# Paid jobs for which the municipality can give loonkostensubsidie.
SUBSIDISED_TYPES = frozenset(
    {PlacementType.REGULAR_JOB, PlacementType.GARANTIEBAAN, PlacementType.BESCHUT_WERK}
)


@dataclass(frozen=True)
class DisplacementFlag:
    """A placement running past its displacement limit; open until a reason is recorded."""

    limit_months: int
    limit_on: dt.date  # the last day within the limit
    reason: str | None

    @property
    def is_open(self) -> bool:
        return not (self.reason or "").strip()


def displacement_limit_months(
    placement_type: PlacementType, course_months: int | None, on: dt.date
) -> int | None:
    """Months a placement of this type may last (None: no limit)."""
    if placement_type is PlacementType.PROEFPLAATSING:
        return rules().int_value("proefplaatsing_max_months", on)
    if placement_type is PlacementType.LEARNING_WORKING:
        # The length of the course when its learning part is described, else the rule.
        return course_months or rules().int_value("learning_working_max_months", on)
    return None


def displacement_flag(
    placement_type: PlacementType,
    started_on: dt.date,
    ended_on: dt.date | None,
    course_months: int | None,
    continuation_reason: str | None,
    today: dt.date,
) -> DisplacementFlag | None:
    """The flag when the placement has run (or ran) past its limit; None when within it."""
    months = displacement_limit_months(placement_type, course_months, started_on)
    if months is None:
        return None
    limit_on = period_end(started_on, months)
    if (ended_on or today) <= limit_on:
        return None
    return DisplacementFlag(months, limit_on, continuation_reason)


def forfait_ends_on(started_on: dt.date) -> dt.date:
    """The last day on which the forfaitaire loonkostensubsidie (without a measurement) may
    apply: the first `lks_forfait_max_months` of the job."""
    months = rules().int_value("lks_forfait_max_months", started_on)
    return period_end(started_on, months)
