"""Placement rules: the displacement limits (verdringing) from the stricter of national law
and the municipality's policy, consecutive placements counted together, and when a placement
may carry wage-cost subsidy and its forfait."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from app.domain.dates import period_end
from app.domain.rules import RulesTable, rules
from app.domain.vocab import PlacementType

# Paid jobs for which the municipality can give loonkostensubsidie.
SUBSIDISED_TYPES = frozenset(
    {PlacementType.REGULAR_JOB, PlacementType.GARANTIEBAAN, PlacementType.BESCHUT_WERK}
)
# Work while keeping the benefit, and the rules that limit each kind: (law, policy).
_LIMIT_RULES: dict[PlacementType, tuple[str | None, str]] = {
    PlacementType.PROEFPLAATSING: ("proefplaats_max_months", "proefplaats_max_months"),
    PlacementType.WORK_EXPERIENCE: (None, "werkervaringsplaats_max_months"),
    PlacementType.LEARNING_WORKING: (None, "learning_working_max_months"),
}
KEEPS_BENEFIT = frozenset(_LIMIT_RULES)
# A placement of the same kind at the same employer that starts within this many days without
# a placement after the last one ended continues it: their days count together (RULES.md).
CHAIN_GAP_DAYS = 31


@dataclass(frozen=True)
class DisplacementLimit:
    """How long a placement while keeping the benefit may last, and why."""

    months: int
    source: str  # the rule that sets it: the law's article or the municipality's policy
    by_law: bool
    extension_months: int  # what the law allows on top, with a reason (0: none)
    legal_maximum_months: int | None = None  # the law's limit with its extension, if any


@dataclass(frozen=True)
class DisplacementFlag:
    """A placement running past its displacement limit; open until a reason is recorded, and
    always open past the law's maximum with its extension."""

    limit: DisplacementLimit
    limit_on: dt.date  # the last day within the limit
    counted_from: dt.date  # the first day of the placements that count together
    reason: str | None
    past_legal_maximum: bool

    @property
    def limit_months(self) -> int:
        return self.limit.months

    @property
    def is_open(self) -> bool:
        return self.past_legal_maximum or not (self.reason or "").strip()


def displacement_limit(
    placement_type: PlacementType,
    course_months: int | None,
    learning_part: str | None,
    started_on: dt.date,
    municipality: str,
    table: RulesTable | None = None,
) -> DisplacementLimit | None:
    """The stricter of the law and the municipality's policy on the day the placement started
    (None: neither limits this kind)."""
    if placement_type not in _LIMIT_RULES:
        return None
    table = table or rules()
    law_rule, policy_rule = _LIMIT_RULES[placement_type]
    found: list[DisplacementLimit] = []
    if law_rule is not None and table.has_row(law_rule, started_on):
        extension_rule = law_rule.replace("_max_months", "_max_extension_months")
        extension = (
            table.int_value(extension_rule, started_on)
            if table.has_row(extension_rule, started_on)
            else 0
        )
        found.append(
            DisplacementLimit(
                table.int_value(law_rule, started_on),
                table.source(law_rule, started_on),
                True,
                extension,
            )
        )
    policy = table.policy_value(municipality, policy_rule, started_on)
    if policy is not None:
        months = int(policy)
        if placement_type is PlacementType.LEARNING_WORKING and course_months and learning_part:
            months = course_months  # the course's length, when its learning part is described
        found.append(
            DisplacementLimit(
                months, table.policy_source(municipality, policy_rule, started_on), False, 0
            )
        )
    if not found:
        return None
    law = next((limit for limit in found if limit.by_law), None)
    chosen = min(found, key=lambda limit: (limit.months, not limit.by_law))
    if law is None:
        return chosen
    # A stricter policy still leaves the law's maximum in force: no reason goes past it.
    return replace(chosen, legal_maximum_months=law.months + law.extension_months)


@dataclass(frozen=True)
class PlacementSpan:
    """What chaining needs of a placement."""

    id: str
    placement_type: PlacementType
    employer_id: str
    started_on: dt.date
    ended_on: dt.date | None


def chain_starts(spans: Sequence[PlacementSpan]) -> dict[str, dt.date]:
    """For each placement, the day its limit counts from: its start, moved back by the days
    of the placements of the same kind at the same employer it continues (days without a
    placement between them do not count)."""
    starts: dict[str, dt.date] = {}
    # per (kind, employer): the days used so far in the run, and the run's last day
    runs: dict[tuple[PlacementType, str], tuple[int, dt.date | None]] = {}
    for span in sorted(spans, key=lambda s: (s.started_on, s.id)):
        key = (span.placement_type, span.employer_id)
        used, previous_end = runs.get(key, (0, None))
        if key in runs and previous_end is not None:
            gap = (span.started_on - previous_end).days - 1
            if gap > CHAIN_GAP_DAYS:
                used = 0
        starts[span.id] = span.started_on - dt.timedelta(days=used)
        if span.ended_on is None:
            runs[key] = (used, None)
        else:
            days = (span.ended_on - span.started_on).days + 1
            runs[key] = (used + max(days, 0), span.ended_on)
    return starts


def displacement_flag(
    limit: DisplacementLimit | None,
    counted_from: dt.date,
    ended_on: dt.date | None,
    continuation_reason: str | None,
    today: dt.date,
) -> DisplacementFlag | None:
    """The flag when the placement (with those it continues, from `counted_from`) has run, or
    ran, past its limit; None when within it."""
    if limit is None:
        return None
    limit_on = period_end(counted_from, limit.months)
    last_day = ended_on or today
    if last_day <= limit_on:
        return None
    maximum = limit.legal_maximum_months
    # An ended placement is history: a recorded reason closes it, past the maximum or not.
    past_maximum = (
        ended_on is None and maximum is not None and last_day > period_end(counted_from, maximum)
    )
    return DisplacementFlag(limit, limit_on, counted_from, continuation_reason, past_maximum)


def forfait_ends_on(started_on: dt.date) -> dt.date:
    """The last day on which the forfaitaire loonkostensubsidie (without a measurement) may
    apply: the first `lks_forfait_max_months` of the job."""
    months = rules().int_value("lks_forfait_max_months", started_on)
    return period_end(started_on, months)
