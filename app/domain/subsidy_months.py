"""The wage-cost subsidy a municipality pays for a calendar month: pro rata per day wherever
the WML, the age percentage, the decision (forfait or loonwaarde) or the job itself starts or
ends within the month (RULES.md). Rounded to cents once, at the end of the month."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from app.domain.dates import age_on, month_end, month_start
from app.domain.rules import RulesTable, rules
from app.domain.wage import CENT, minimum_wage_change_days, per_month, settled, subsidy_parts


@dataclass(frozen=True)
class PayablePeriod:
    """Days on which a decision makes the subsidy payable, with its loonwaarde (None: the
    forfait)."""

    starts_on: dt.date
    ends_on: dt.date
    loonwaarde_pct: Decimal | None


@dataclass(frozen=True)
class MonthAmount:
    month: dt.date  # the first day
    amount: Decimal  # rounded to cents
    days_paid: int
    days_in_month: int


def month_amount(
    month: dt.date,
    *,
    birth_date: dt.date,
    wage_hour: Decimal,
    hours_per_week: Decimal,
    periods: Sequence[PayablePeriod],
    table: RulesTable | None = None,
    fulltime_hours: Decimal | None = None,
) -> MonthAmount:
    """The month's subsidy: each day counts 1/(days in the month) of the monthly amount that
    applies on that day; days without a payable period count nothing."""
    table = table or rules()
    first, last = month_start(month), month_end(month)
    days = last.day
    cuts = set(minimum_wage_change_days(birth_date, first, last, table))
    for period in periods:
        cuts.update({period.starts_on, period.ends_on + dt.timedelta(days=1)})
    inside = sorted({first, *(c for c in cuts if first <= c <= last)})
    bounds = [*inside, last + dt.timedelta(days=1)]
    total, paid = Decimal(0), 0
    for start, following in pairwise(bounds):
        applying = _period_on(periods, start)
        if applying is None:
            continue
        parts = subsidy_parts(
            on=start,
            age=age_on(birth_date, start),
            wage_hour=wage_hour,
            hours_per_week=hours_per_week,
            loonwaarde_pct=applying.loonwaarde_pct,
            table=table,
            fulltime_hours=fulltime_hours,
        )
        length = (following - start).days
        monthly = per_month(parts.subsidy_hour * hours_per_week)
        total += monthly * length / days
        paid += length
    return MonthAmount(first, settled(total, CENT), paid, days)


def _period_on(periods: Sequence[PayablePeriod], day: dt.date) -> PayablePeriod | None:
    for period in periods:
        if period.starts_on <= day <= period.ends_on:
            return period
    return None
