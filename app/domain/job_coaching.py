"""Job-coaching budgets: the indicated intensity and the yearly ceiling of RULES.md (a share
of the hours worked, by year of service)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from app.domain.dates import age_on, month_end, month_start
from app.domain.rules import rules
from app.domain.wage import per_month, settled


def year_of_service(started_on: dt.date, day: dt.date) -> int:
    """1 until the job's first anniversary, 2 until the second, and so on (RULES.md: the year
    turns on the anniversary of the start, not at the start of a calendar month)."""
    return max(0, age_on(started_on, day)) + 1


def ceiling_share_pct(started_on: dt.date, day: dt.date) -> Decimal:
    table = rules().table("jobcoach_max_share_pct", day)
    year = year_of_service(started_on, day)
    return table[min(year, max(table))]


Absence = tuple[dt.date, dt.date | None]  # first and last day (None: still absent)


def _stretches(absences: Sequence[Absence], today: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The absences joined where one starts the day after (or within) the one before."""
    joined: list[tuple[dt.date, dt.date]] = []
    for starts, ends in sorted(absences):
        until = ends or max(today, starts)
        if joined and starts <= joined[-1][1] + dt.timedelta(days=1):
            joined[-1] = (joined[-1][0], max(joined[-1][1], until))
        else:
            joined.append((starts, until))
    return joined


def long_absence_days(
    absences: Sequence[Absence], first: dt.date, last: dt.date, today: dt.date
) -> set[dt.date]:
    """The days in first..last of sickness longer than `jobcoach_absence_weeks_before_reduction`
    weeks in a row (RULES.md): on those days nothing is worked, so nothing counts towards the
    ceiling; a shorter one leaves the budget as it is. Periods that follow each other without
    a working day between count as one; an open one runs until today."""
    table = rules()
    first_row = table.starts("jobcoach_absence_weeks_before_reduction")[0]
    days: set[dt.date] = set()
    for starts, until in _stretches(absences, today):
        weeks = table.int_value("jobcoach_absence_weeks_before_reduction", max(starts, first_row))
        if (until - starts).days + 1 <= weeks * 7:
            continue
        day, stop = max(starts, first), min(until, last)
        while day <= stop:
            days.add(day)
            day += dt.timedelta(days=1)
    return days


def ceiling_minutes(
    started_on: dt.date,
    hours_per_week: Decimal,
    month: dt.date,
    ended_on: dt.date | None = None,
    absences: Sequence[Absence] = (),
    today: dt.date | None = None,
) -> int | None:
    """The most job coaching in a month: the year's share of the hours worked, day by day, so
    a first or last partial month, a month with the anniversary and a long absence are pro
    rata (None: the job did not run that month)."""
    days = month_end(month).day
    first = max(month_start(month), started_on)
    last = min(month_end(month), ended_on or dt.date.max)
    if first > last:
        return None
    absent = long_absence_days(absences, first, last, today or dt.date.today())
    per_day = per_month(hours_per_week) / days
    total = sum(
        (
            per_day * ceiling_share_pct(started_on, day) / 100
            for day in (
                first + dt.timedelta(days=offset) for offset in range((last - first).days + 1)
            )
            if day not in absent
        ),
        Decimal(0),
    )
    return int(settled(total * 60, Decimal(1)))


@dataclass(frozen=True)
class MonthUse:
    """Job coaching in one month against the indicated hours and the ceiling."""

    month: dt.date  # the first day
    minutes: int
    minutes_by_activity: dict[str, int]
    indicated_minutes: int | None  # from the latest wage-value measurement
    ceiling_minutes: int | None  # None without hours per week

    @property
    def over_indicated(self) -> bool:
        return self.indicated_minutes is not None and self.minutes > self.indicated_minutes

    @property
    def over_ceiling(self) -> bool:
        return self.ceiling_minutes is not None and self.minutes > self.ceiling_minutes

    def share_of_indicated(self) -> Decimal | None:
        if not self.indicated_minutes:
            return None
        return Decimal(self.minutes * 100) / Decimal(self.indicated_minutes)
