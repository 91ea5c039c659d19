"""Loonkostensubsidie (art. 10d Participatiewet) exactly as RULES.md defines it, with every
amount from the dated rules table; and the parts behind it, for showing the sum."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum

from app.domain.dates import age_on
from app.domain.rules import RuleError, RulesTable, minimum_wage_hour, rules

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
# Decimal keeps 28 digits: a sum that is exactly half a cent (or minute) can come out as
# ...4999 and round down. Rounding first to this far finer step restores the exact half;
# amounts in cents and hours cannot truly lie that close to a half without being one.
_SETTLE = Decimal("1e-12")


def per_month(weekly: Decimal) -> Decimal:
    """A weekly amount per month: * 52 / 12 (RULES.md), multiplied first so it stays exact."""
    return weekly * 52 / 12


def settled(value: Decimal, step: Decimal) -> Decimal:
    """`value` rounded half up to `step` (CENT, or 1 for minutes), exact halves kept."""
    return value.quantize(_SETTLE, ROUND_HALF_UP).quantize(step, ROUND_HALF_UP)


@dataclass(frozen=True)
class SubsidyParts:
    """Each step of the subsidy sum (unrounded, but for `monthly`)."""

    on: dt.date
    wml_hour: Decimal  # the minimum wage per hour for the employee's age
    wage_hour: Decimal  # the wage the sum uses: the agreed wage, never below the WML
    agreed_wage_hour: Decimal  # the wage recorded for the job (may be stale)
    loonwaarde_pct: Decimal | None  # None: the forfait without a measurement
    wage_value_hour: Decimal  # loonwaarde_pct of the wage (zero for the forfait)
    uncapped_base: Decimal  # WML minus the wage value, or the forfait's share of the WML
    cap: Decimal  # the highest base: cap_pct of the WML
    cap_pct: Decimal
    forfait_pct: Decimal  # the forfait's share of the WML
    base: Decimal  # between 0 and the cap
    holiday_allowance_pct: Decimal
    employer_costs_pct: Decimal
    subsidy_hour: Decimal
    hours_per_week: Decimal
    monthly: Decimal  # rounded to cents

    @property
    def capped(self) -> bool:
        return self.uncapped_base > self.cap

    @property
    def forfait(self) -> bool:
        return self.loonwaarde_pct is None

    @property
    def wage_value_pct_of_wml(self) -> Decimal | None:
        """What the employee's work is worth per hour, as a share of the WML (None: forfait)."""
        if self.loonwaarde_pct is None or not self.wml_hour:
            return None
        return self.wage_value_hour * HUNDRED / self.wml_hour

    @property
    def wage_below_minimum(self) -> bool:
        """The recorded wage is below the WML of the day: the sum used the WML instead."""
        return self.agreed_wage_hour < self.wml_hour


def subsidy_parts(
    *,
    on: dt.date,
    age: int,
    wage_hour: Decimal,
    hours_per_week: Decimal,
    loonwaarde_pct: Decimal | None,
    table: RulesTable | None = None,
    fulltime_hours: Decimal | None = None,
) -> SubsidyParts:
    """`fulltime_hours`: the employer's normal full-time week, needed before 2024 (when the
    law set the WML per week, not per hour)."""
    table = table or rules()
    if wage_hour < 0 or hours_per_week < 0:
        raise ValueError("Uurloon en uren per week kunnen niet negatief zijn.")
    if loonwaarde_pct is not None and not 0 <= loonwaarde_pct <= HUNDRED:
        raise ValueError("De loonwaarde ligt tussen 0 en 100%.")
    wml = minimum_wage_hour(age, on, table, fulltime_hours)
    # The law forbids a wage below the WML (Wet minimumloon en minimumvakantiebijslag, art. 7),
    # so a stale or mistyped wage never inflates the subsidy: the sum uses the higher of the two.
    agreed_wage_hour, wage_hour = wage_hour, max(wage_hour, wml)
    cap_pct = table.value("lks_cap_pct_of_wml", on)
    forfait_pct = table.value("lks_forfait_pct_of_wml", on)
    cap = wml * cap_pct / HUNDRED
    if loonwaarde_pct is None:
        wage_value = Decimal(0)
        uncapped = wml * forfait_pct / HUNDRED
    else:
        wage_value = loonwaarde_pct / HUNDRED * wage_hour
        uncapped = wml - wage_value
    base = min(max(uncapped, Decimal(0)), cap)
    holiday = table.value("holiday_allowance_pct", on)
    employer_costs = table.value("employer_costs_pct", on)
    subsidy_hour = base * (1 + holiday / HUNDRED) * (1 + employer_costs / HUNDRED)
    monthly = settled(per_month(subsidy_hour * hours_per_week), CENT)
    return SubsidyParts(
        on=on,
        wml_hour=wml,
        wage_hour=wage_hour,
        agreed_wage_hour=agreed_wage_hour,
        loonwaarde_pct=loonwaarde_pct,
        wage_value_hour=wage_value,
        uncapped_base=uncapped,
        cap=cap,
        cap_pct=cap_pct,
        forfait_pct=forfait_pct,
        base=base,
        holiday_allowance_pct=holiday,
        employer_costs_pct=employer_costs,
        subsidy_hour=subsidy_hour,
        hours_per_week=hours_per_week,
        monthly=monthly,
    )


def monthly_wage_cost_subsidy(
    *,
    on: dt.date,
    age: int,
    wage_hour: Decimal,
    hours_per_week: Decimal,
    loonwaarde_pct: Decimal | None,
    fulltime_hours: Decimal | None = None,
) -> Decimal:
    """The monthly wage-cost subsidy in euros, rounded to cents (loonwaarde None: the
    forfait)."""
    return subsidy_parts(
        on=on,
        age=age,
        wage_hour=wage_hour,
        hours_per_week=hours_per_week,
        loonwaarde_pct=loonwaarde_pct,
        fulltime_hours=fulltime_hours,
    ).monthly


class LoonwaardeSignal(Enum):
    """What a low loonwaarde usually means (RULES.md, seeds 000 and 002): a signal for the
    caseworker, never a block."""

    NOT_ON_LABOUR_MARKET = "not_on_labour_market"  # loonwaarde_signal_not_on_labour_market_pct
    PARTICIPATION = "participation"  # loonwaarde_signal_participation_pct


def loonwaarde_signal(
    parts: SubsidyParts, table: RulesTable | None = None
) -> LoonwaardeSignal | None:
    table = table or rules()
    share = parts.wage_value_pct_of_wml
    if share is None:
        return None
    if share < table.value("loonwaarde_signal_participation_pct", parts.on):
        return LoonwaardeSignal.PARTICIPATION
    if share <= table.value("loonwaarde_signal_not_on_labour_market_pct", parts.on):
        return LoonwaardeSignal.NOT_ON_LABOUR_MARKET
    return None


@dataclass(frozen=True)
class WageBelowMinimum:
    """A wage that the minimum wage overtook: from `since` on, at least `minimum` is owed."""

    since: dt.date
    minimum: Decimal
    age: int
    adult_age: int  # from this age the full WML applies (on `since`)

    @property
    def adult(self) -> bool:
        return self.age >= self.adult_age


def _birthday(birth_date: dt.date, year: int) -> dt.date:
    try:
        return birth_date.replace(year=year)
    except ValueError:  # born on 29 February: a year older on 1 March (as age_on counts)
        return dt.date(year, 3, 1)


def minimum_wage_change_days(
    birth_date: dt.date, first: dt.date, last: dt.date, table: RulesTable | None = None
) -> list[dt.date]:
    """The days in first..last on which this employee's WML can change: `first`, each new
    row of the WML or the youth percentages, and the birthdays up to the adult age."""
    table = table or rules()
    youth = table.starts("wml_youth_pct")
    days = {first, *table.starts("wml_hour_adult"), *table.starts("wml_week_adult"), *youth}
    adult_age = max(table.adult_age(start) for start in youth)
    for year in range(first.year, last.year + 1):
        birthday = _birthday(birth_date, year)
        if age_on(birth_date, birthday) <= adult_age:
            days.add(birthday)
    return sorted(day for day in days if first <= day <= last)


def wage_below_minimum(
    wage_hour: Decimal,
    birth_date: dt.date,
    first: dt.date,
    last: dt.date,
    table: RulesTable | None = None,
    fulltime_hours: Decimal | None = None,
) -> WageBelowMinimum | None:
    """The first day in first..last on which `wage_hour` is below the WML of that day (the
    WML rises on fixed dates and with age); None when it never is, or no WML is known."""
    table = table or rules()
    for day in minimum_wage_change_days(birth_date, first, last, table):
        age = age_on(birth_date, day)
        try:
            minimum = minimum_wage_hour(age, day, table, fulltime_hours)
        except RuleError:
            continue  # no WML on record for this day or age: nothing to compare with
        if wage_hour < minimum:
            return WageBelowMinimum(day, minimum, age, table.adult_age(day))
    return None


def task_result_pct(tempo_pct: Decimal, quality_pct: Decimal, net_worktime_pct: Decimal) -> Decimal:
    """The result of a hoofdtaak suggested by its three factors (the deskundige may adjust it
    with an explanation): tempo x kwaliteit x netto werktijd, in %, to one decimal."""
    product = tempo_pct * quality_pct * net_worktime_pct / (HUNDRED * HUNDRED)
    return product.quantize(Decimal("0.1"), ROUND_HALF_UP)


def weighted_loonwaarde(tasks: list[tuple[Decimal, Decimal]]) -> Decimal:
    """The total arbeidsprestatie from (share of time %, result %) per hoofdtaak, one decimal."""
    total = sum((share * result / HUNDRED for share, result in tasks), Decimal(0))
    return total.quantize(Decimal("0.1"), ROUND_HALF_UP)
