"""Date arithmetic the rules need: ages, month offsets."""

from __future__ import annotations

import calendar
import datetime as dt

# The days Trede stores (the central store refuses others): a typo such as 1026 or 2300 is
# refused where it is typed, not parked at the next sync.
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2199, 12, 31)


def age_on(birth_date: dt.date, on: dt.date) -> int:
    years = on.year - birth_date.year
    if (on.month, on.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def add_months(start: dt.date, months: int) -> dt.date:
    """The same day `months` later; the 31st becomes the last day of a shorter month."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


def period_end(start: dt.date, months: int) -> dt.date:
    """The last day of a period of `months` months from `start` (RULES.md): the day before
    the same day of the month `months` later, or that month's last day when it has no such
    day (15-01 + 6 months ends 14-07; 31-01 + 3 months ends 30-04; 31-08 + 6 ends 28-02)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    if start.day > last:
        return dt.date(year, month, last)
    return dt.date(year, month, start.day) - dt.timedelta(days=1)


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def months_between(first: dt.date, last: dt.date) -> list[dt.date]:
    """The first days of every month from `first`'s month to `last`'s month."""
    months = []
    current = month_start(first)
    while current <= last:
        months.append(current)
        current = (current + dt.timedelta(days=32)).replace(day=1)
    return months
