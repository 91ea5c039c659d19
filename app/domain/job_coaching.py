"""Job-coaching budgets: the indicated intensity and the yearly ceiling of RULES.md (a share
of the hours worked, by year of service)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from app.domain.rules import rules

WEEKS_PER_MONTH = Decimal(52) / Decimal(12)


def year_of_service(started_on: dt.date, month: dt.date) -> int:
    """1 in the first twelve months of the job, 2 in the next twelve, and so on."""
    months = (month.year - started_on.year) * 12 + month.month - started_on.month
    return max(0, months) // 12 + 1


def ceiling_share_pct(started_on: dt.date, month: dt.date) -> Decimal:
    table = rules().table("jobcoach_max_share_pct", month)
    year = year_of_service(started_on, month)
    return table[min(year, max(table))]


def ceiling_minutes(started_on: dt.date, hours_per_week: Decimal, month: dt.date) -> int:
    """The most job coaching in a month: the year's share of the hours worked that month."""
    worked = hours_per_week * WEEKS_PER_MONTH
    minutes = worked * ceiling_share_pct(started_on, month) / 100 * 60
    return int(minutes.quantize(Decimal(1), ROUND_HALF_UP))


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


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def months_between(first: dt.date, last: dt.date) -> list[dt.date]:
    """The first days of every month from `first`'s month to `last`'s month."""
    months = []
    current = month_start(first)
    while current <= last:
        months.append(current)
        current = (current + dt.timedelta(days=32)).replace(day=1)
    return months
