"""Movement on the participatieladder over a period, for a group of clients: the
distribution over the treden at the start and at the end, the steps moved, and the two
policy targets of seed 001 ch. 7.4. Plain data in, plain data out.

Definitions (each client's history holds only effective assessments: corrections replace
what they correct):
- the trede on a day is the final trede of the newest assessment on or before that day;
- a client's start is the trede on the period's first day or, for a client first assessed
  during the period, that first assessment; their end is the trede on the period's last day;
- a client counts when they were in the file (no outflow) on the first day of the period or
  came in during it;
- steps moved = end - start, for clients with both;
- target "lowest steps" (two years): of the clients who started on trede 1-2, the share who
  moved up one or more steps or did not fall back (end >= start); moving up is also counted;
- target "regular work" (one year): of the clients who started on trede 5-6, the share who
  entered regular work (outflow to paid employment, or a regular job started) in the period.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.domain.dates import add_months
from app.domain.rules import rules

NOT_ASSESSED = 0  # the "nog te bepalen" row of the distribution
STEP_BUCKETS = ("omlaag", "0", "1", "2", "3", "4+")


def lowest_steps_months(on: dt.date) -> int:
    """Seed 001 ch. 7.4: within this many months, clients who started on trede 1-2 rise."""
    return rules().int_value("target_lowest_steps_months", on)


def regular_work_months(on: dt.date) -> int:
    """Seed 001 ch. 7.4: within this many months, clients on trede 5-6 reach regular work."""
    return rules().int_value("target_regular_work_months", on)


def target_share(on: dt.date) -> float:
    """The share of a group that meets a target when the target is met (seed 001 ch. 7.4)."""
    return float(rules().value("target_share_pct", on)) / 100


@dataclass(frozen=True)
class LadderHistory:
    """One client's ladder history and what the figures group and filter on."""

    client_id: str
    municipality: str
    priority_groups: tuple[str, ...]
    assessments: tuple[tuple[dt.date, int], ...]  # (assessed on, final trede), oldest first
    entered_on: dt.date | None = None  # intake; None: in the file since before any period
    outflow_on: dt.date | None = None
    regular_work_on: tuple[dt.date, ...] = ()  # days the client entered regular work

    def trede_on(self, day: dt.date) -> int | None:
        dates = [assessed for assessed, _ in self.assessments]
        index = bisect.bisect_right(dates, day)
        return self.assessments[index - 1][1] if index else None

    def start_trede(self, start: dt.date, end: dt.date) -> int | None:
        trede = self.trede_on(start)
        if trede is not None:
            return trede
        for assessed, first in self.assessments:
            if start < assessed <= end:
                return first
        return None

    def in_file_during(self, start: dt.date, end: dt.date) -> bool:
        came_in = self.entered_on is None or self.entered_on <= end
        still_there = self.outflow_on is None or self.outflow_on >= start
        return came_in and still_there


@dataclass(frozen=True)
class TargetResult:
    cohort: int  # clients the target is about
    met: int
    moved_up: int = 0

    @property
    def share(self) -> float | None:
        return self.met / self.cohort if self.cohort else None


@dataclass(frozen=True)
class Movement:
    """The figures for one group of clients over one period."""

    start: dt.date
    end: dt.date
    clients: int
    start_distribution: dict[int, int]  # NOT_ASSESSED and 1..6 -> clients
    end_distribution: dict[int, int]
    steps: dict[str, int]  # STEP_BUCKETS -> clients with a start and an end
    lowest_steps: TargetResult
    regular_work: TargetResult


def step_bucket(steps: int) -> str:
    if steps < 0:
        return "omlaag"
    return "4+" if steps >= 4 else str(steps)


def _distribution(treden: Iterable[int | None]) -> dict[int, int]:
    counts = Counter(NOT_ASSESSED if t is None else t for t in treden)
    return {trede: counts.get(trede, 0) for trede in range(0, 7)}


def lowest_steps_target(histories: Sequence[LadderHistory], end: dt.date) -> TargetResult:
    start = add_months(end, -lowest_steps_months(end))
    cohort = met = up = 0
    for history in histories:
        if not history.in_file_during(start, end):
            continue
        first = history.start_trede(start, end)
        if first not in (1, 2):
            continue
        last = history.trede_on(end)
        cohort += 1
        if last is not None and last >= first:
            met += 1
            up += last > first
    return TargetResult(cohort, met, up)


def regular_work_target(histories: Sequence[LadderHistory], end: dt.date) -> TargetResult:
    start = add_months(end, -regular_work_months(end))
    cohort = met = 0
    for history in histories:
        if not history.in_file_during(start, end):
            continue
        if history.start_trede(start, end) not in (5, 6):
            continue
        cohort += 1
        met += any(start < day <= end for day in history.regular_work_on)
    return TargetResult(cohort, met)


def movement(histories: Sequence[LadderHistory], start: dt.date, end: dt.date) -> Movement:
    """The figures over [start, end]; the targets use their own windows ending at `end`."""
    if end < start:
        raise ValueError("het einde van de periode ligt voor het begin")
    present = [h for h in histories if h.in_file_during(start, end)]
    starts = [h.start_trede(start, end) for h in present]
    ends = [h.trede_on(end) for h in present]
    steps = Counter(
        step_bucket(last - first)
        for first, last in zip(starts, ends, strict=True)
        if first is not None and last is not None
    )
    return Movement(
        start=start,
        end=end,
        clients=len(present),
        start_distribution=_distribution(starts),
        end_distribution=_distribution(ends),
        steps={bucket: steps.get(bucket, 0) for bucket in STEP_BUCKETS},
        lowest_steps=lowest_steps_target(histories, end),
        regular_work=regular_work_target(histories, end),
    )


def movement_by_group(
    histories: Sequence[LadderHistory], start: dt.date, end: dt.date, groups: Iterable[str]
) -> dict[str | None, Movement]:
    """The figures for all clients (key None) and for each priority group (a client can be
    in several groups, so the groups do not add up to the whole)."""
    result: dict[str | None, Movement] = {None: movement(histories, start, end)}
    for group in groups:
        members = [h for h in histories if group in h.priority_groups]
        result[group] = movement(members, start, end)
    return result
