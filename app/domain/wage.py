"""Loonkostensubsidie (art. 10d Participatiewet) exactly as RULES.md defines it, with every
amount from the dated rules table; and the parts behind it, for showing the sum."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from app.domain.rules import RulesTable, minimum_wage_hour, rules

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
WEEKS_PER_MONTH = Decimal(52) / Decimal(12)


@dataclass(frozen=True)
class SubsidyParts:
    """Each step of the subsidy sum (unrounded, but for `monthly`)."""

    on: dt.date
    wml_hour: Decimal  # the minimum wage per hour for the employee's age
    wage_hour: Decimal
    loonwaarde_pct: Decimal | None  # None: the forfait without a measurement
    wage_value_hour: Decimal  # loonwaarde_pct of the wage (zero for the forfait)
    uncapped_base: Decimal  # WML minus the wage value, or the forfait's share of the WML
    cap: Decimal  # the highest base: lks_cap_pct_of_wml of the WML
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


def subsidy_parts(
    *,
    on: dt.date,
    age: int,
    wage_hour: Decimal,
    hours_per_week: Decimal,
    loonwaarde_pct: Decimal | None,
    table: RulesTable | None = None,
) -> SubsidyParts:
    table = table or rules()
    if wage_hour < 0 or hours_per_week < 0:
        raise ValueError("Uurloon en uren per week kunnen niet negatief zijn.")
    if loonwaarde_pct is not None and not 0 <= loonwaarde_pct <= HUNDRED:
        raise ValueError("De loonwaarde ligt tussen 0 en 100%.")
    wml = minimum_wage_hour(age, on, table)
    cap = wml * table.value("lks_cap_pct_of_wml", on) / HUNDRED
    if loonwaarde_pct is None:
        wage_value = Decimal(0)
        uncapped = wml * table.value("lks_forfait_pct_of_wml", on) / HUNDRED
    else:
        wage_value = loonwaarde_pct / HUNDRED * wage_hour
        uncapped = wml - wage_value
    base = min(max(uncapped, Decimal(0)), cap)
    holiday = table.value("holiday_allowance_pct", on)
    employer_costs = table.value("employer_costs_pct", on)
    subsidy_hour = base * (1 + holiday / HUNDRED) * (1 + employer_costs / HUNDRED)
    monthly = (subsidy_hour * hours_per_week * WEEKS_PER_MONTH).quantize(CENT, ROUND_HALF_UP)
    return SubsidyParts(
        on=on,
        wml_hour=wml,
        wage_hour=wage_hour,
        loonwaarde_pct=loonwaarde_pct,
        wage_value_hour=wage_value,
        uncapped_base=uncapped,
        cap=cap,
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
) -> Decimal:
    """The monthly wage-cost subsidy in euros, rounded to cents (None: the 50% forfait)."""
    return subsidy_parts(
        on=on,
        age=age,
        wage_hour=wage_hour,
        hours_per_week=hours_per_week,
        loonwaarde_pct=loonwaarde_pct,
    ).monthly


def task_result_pct(tempo_pct: Decimal, quality_pct: Decimal, net_worktime_pct: Decimal) -> Decimal:
    """The result of a hoofdtaak suggested by its three factors (the deskundige may adjust it
    with an explanation): tempo x kwaliteit x netto werktijd, in %, to one decimal."""
    product = tempo_pct * quality_pct * net_worktime_pct / (HUNDRED * HUNDRED)
    return product.quantize(Decimal("0.1"), ROUND_HALF_UP)


def weighted_loonwaarde(tasks: list[tuple[Decimal, Decimal]]) -> Decimal:
    """The total arbeidsprestatie from (share of time %, result %) per hoofdtaak, one decimal."""
    total = sum((share * result / HUNDRED for share, result in tasks), Decimal(0))
    return total.quantize(Decimal("0.1"), ROUND_HALF_UP)
