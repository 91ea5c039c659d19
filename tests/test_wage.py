"""The wage-cost subsidy against RULES.md, written out here with its own amounts."""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.wage import monthly_wage_cost_subsidy, subsidy_parts

D = Decimal

# RULES.md, copied by hand: WML per hour from each date, youth percentages, 8% holiday
# allowance, 23.5% employer costs from 2018, base capped at 70% of WML, forfait 50%.
WML = [
    (dt.date(2024, 1, 1), D("13.27")),
    (dt.date(2024, 7, 1), D("13.68")),
    (dt.date(2025, 1, 1), D("14.06")),
    (dt.date(2025, 7, 1), D("14.40")),
    (dt.date(2026, 1, 1), D("14.71")),
]
YOUTH = {20: D("0.80"), 19: D("0.60"), 18: D("0.50"), 17: D("0.395"), 16: D("0.345"), 15: D("0.30")}


def wml(age: int, on: dt.date) -> D:
    adult = [amount for start, amount in WML if start <= on][-1]
    return adult if age >= 21 else adult * YOUTH[age]


def by_hand(on: dt.date, age: int, wage: D, hours: D, loonwaarde: D | None) -> D:
    forfait = loonwaarde is None
    wage = max(wage, wml(age, on))  # never computed on a wage below the WML of the day
    base = D("0.5") * wml(age, on) if forfait else wml(age, on) - loonwaarde / 100 * wage
    base = max(D(0), min(base, D("0.7") * wml(age, on)))
    hour = base * D("1.08") * D("1.235")
    return (hour * hours * 52 / 12).quantize(D("0.01"), ROUND_HALF_UP)


def subsidy(on, age, wage, hours, loonwaarde):  # type: ignore[no-untyped-def]
    return monthly_wage_cost_subsidy(
        on=on, age=age, wage_hour=D(wage), hours_per_week=D(hours), loonwaarde_pct=loonwaarde
    )


def test_the_worked_example() -> None:
    assert subsidy(dt.date(2026, 3, 1), 30, "16.00", 24, D(60)) == D("708.83")
    parts = subsidy_parts(
        on=dt.date(2026, 3, 1),
        age=30,
        wage_hour=D("16.00"),
        hours_per_week=D(24),
        loonwaarde_pct=D(60),
    )
    assert parts.base == D("5.11")
    assert parts.subsidy_hour == D("6.815718")
    assert not parts.capped and not parts.forfait


def test_the_base_is_capped_at_70_percent_of_the_minimum_wage() -> None:
    parts = subsidy_parts(
        on=dt.date(2026, 3, 1),
        age=30,
        wage_hour=D("14.71"),
        hours_per_week=D(36),
        loonwaarde_pct=D(10),
    )
    assert parts.capped and parts.base == D("14.71") * D("0.7")
    assert parts.monthly == by_hand(dt.date(2026, 3, 1), 30, D("14.71"), D(36), D(10))
    assert subsidy(dt.date(2026, 3, 1), 30, "14.71", 36, D(0)) == parts.monthly


def test_never_below_zero() -> None:
    # A high CAO wage: the wage value exceeds the minimum wage.
    assert subsidy(dt.date(2026, 3, 1), 40, "30.00", 32, D(80)) == D("0.00")
    assert subsidy(dt.date(2026, 3, 1), 40, "14.71", 32, D(100)) == D("0.00")


@pytest.mark.parametrize("age", [15, 16, 17, 18, 19, 20, 21, 45])
def test_the_age_scale(age: int) -> None:
    on = dt.date(2026, 3, 1)
    assert subsidy(on, age, "12.00", 20, D(40)) == by_hand(on, age, D("12.00"), D(20), D(40))
    parts = subsidy_parts(
        on=on, age=age, wage_hour=D("12"), hours_per_week=D(20), loonwaarde_pct=D(40)
    )
    assert parts.wml_hour == wml(age, on)


def test_an_age_below_the_scale_is_refused() -> None:
    with pytest.raises(Exception, match="leeftijd 14"):
        subsidy(dt.date(2026, 3, 1), 14, "10.00", 10, D(50))


@pytest.mark.parametrize(
    ("on", "wml_hour"),
    [
        (dt.date(2025, 6, 30), D("14.06")),
        (dt.date(2025, 7, 1), D("14.40")),
        (dt.date(2025, 12, 31), D("14.40")),
        (dt.date(2026, 1, 1), D("14.71")),
    ],
)
def test_the_rate_changes(on: dt.date, wml_hour: D) -> None:
    parts = subsidy_parts(
        on=on, age=30, wage_hour=D("16"), hours_per_week=D(24), loonwaarde_pct=D(60)
    )
    assert parts.wml_hour == wml_hour
    assert parts.monthly == by_hand(on, 30, D("16"), D(24), D(60))


def test_rates_around_the_changes_differ() -> None:
    values = {
        subsidy(day, 30, "16", 24, D(60))
        for day in (dt.date(2025, 6, 30), dt.date(2025, 7, 1), dt.date(2026, 1, 1))
    }
    assert len(values) == 3


def test_the_forfait_is_half_the_minimum_wage() -> None:
    parts = subsidy_parts(
        on=dt.date(2026, 3, 1), age=30, wage_hour=D("16"), hours_per_week=D(24), loonwaarde_pct=None
    )
    assert parts.forfait and parts.base == D("7.355")
    assert parts.monthly == by_hand(dt.date(2026, 3, 1), 30, D("16"), D(24), None)


def test_bad_numbers_are_refused() -> None:
    with pytest.raises(ValueError):
        subsidy(dt.date(2026, 3, 1), 30, "16", 24, D(120))
    with pytest.raises(ValueError):
        subsidy(dt.date(2026, 3, 1), 30, "-1", 24, D(50))


dates = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2027, 12, 31))
ages = st.integers(min_value=15, max_value=67)
money = st.decimals(min_value=D("5"), max_value=D("60"), places=2)
hours = st.decimals(min_value=D("0"), max_value=D("40"), places=1)
percentages = st.one_of(st.none(), st.decimals(min_value=D(0), max_value=D(100), places=1))


@settings(max_examples=300, deadline=None)
@given(on=dates, age=ages, wage=money, week=hours, loonwaarde=percentages)
def test_property_matches_the_rules_written_out(on, age, wage, week, loonwaarde) -> None:  # type: ignore[no-untyped-def]
    result = subsidy(on, age, wage, week, loonwaarde)
    assert result == by_hand(on, age, wage, week, loonwaarde)
    assert result >= 0
    highest = (D("0.7") * wml(age, on) * D("1.08") * D("1.235") * week * 52 / 12).quantize(
        D("0.01"), ROUND_HALF_UP
    )
    assert result <= highest
    assert result == result.quantize(D("0.01"))


@settings(max_examples=200, deadline=None)
@given(
    on=dates, age=ages, wage=money, week=hours, low=st.integers(0, 100), high=st.integers(0, 100)
)
def test_property_a_higher_wage_value_never_raises_the_subsidy(
    on, age, wage, week, low, high
) -> None:  # type: ignore[no-untyped-def]
    low, high = sorted((low, high))
    assert subsidy(on, age, wage, week, D(high)) <= subsidy(on, age, wage, week, D(low))
