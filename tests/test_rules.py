import datetime as dt
from decimal import Decimal

import pytest

from app.domain.dates import add_months, age_on
from app.domain.rules import RuleError, minimum_wage_hour, rules

D = dt.date


@pytest.mark.parametrize(
    ("on", "amount"),
    [
        (D(2024, 1, 1), "13.27"),
        (D(2024, 6, 30), "13.27"),
        (D(2024, 7, 1), "13.68"),
        (D(2025, 1, 1), "14.06"),
        (D(2025, 6, 30), "14.06"),
        (D(2025, 7, 1), "14.40"),
        (D(2025, 12, 31), "14.40"),
        (D(2026, 1, 1), "14.71"),
        (D(2030, 1, 1), "14.71"),
    ],
)
def test_minimum_wage_by_date(on: dt.date, amount: str) -> None:
    assert rules().value("wml_hour_adult", on) == Decimal(amount)
    assert minimum_wage_hour(30, on) == Decimal(amount)


def test_youth_scale() -> None:
    on = D(2026, 3, 1)
    adult = Decimal("14.71")
    expected = {20: 80, 19: 60, 18: 50, 17: Decimal("39.5"), 16: Decimal("34.5"), 15: 30}
    for age, pct in expected.items():
        assert minimum_wage_hour(age, on) == adult * Decimal(pct) / 100
    assert minimum_wage_hour(21, on) == adult
    with pytest.raises(RuleError):
        minimum_wage_hour(14, on)


def test_employer_costs_change_in_2018() -> None:
    assert rules().value("employer_costs_pct", D(2017, 12, 31)) == Decimal(23)
    assert rules().value("employer_costs_pct", D(2018, 1, 1)) == Decimal("23.5")


def test_amounts_of_rules_md() -> None:
    on = D(2026, 1, 1)
    table = rules()
    assert table.value("holiday_allowance_pct", on) == 8
    assert table.value("lks_cap_pct_of_wml", on) == 70
    assert table.value("lks_forfait_pct_of_wml", on) == 50
    assert table.int_value("lks_forfait_max_months", on) == 6
    assert table.int_value("proefplaats_max_months", on) == 2
    assert table.policy_value("hengelo", "proefplaats_max_months", on) == 3
    assert table.policy_value("hengelo", "learning_working_max_months", on) == 6
    assert table.policy_value("borne", "learning_working_max_months", on) is None
    assert table.int_value("ladder_review_interval_months", on) == 12
    assert table.table("jobcoach_max_share_pct", on) == {
        1: Decimal(15),
        2: Decimal("7.5"),
        3: Decimal(6),
    }
    assert table.value("loonwaarde_signal_not_on_labour_market_pct", on) == 30
    assert table.value("loonwaarde_signal_participation_pct", on) == 20


def test_a_date_before_the_table_gets_a_clear_message() -> None:
    with pytest.raises(RuleError, match="geen bedrag op 31-12-2014"):
        rules().value("wml_week_adult", D(2014, 12, 31))
    with pytest.raises(RuleError, match="voltijdweek"):
        minimum_wage_hour(30, D(2023, 12, 31))
    with pytest.raises(RuleError, match="kent de regel"):
        rules().value("no_such_rule", D(2026, 1, 1))


def test_age_and_months() -> None:
    assert age_on(D(1990, 6, 15), D(2026, 6, 14)) == 35
    assert age_on(D(1990, 6, 15), D(2026, 6, 15)) == 36
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2026, 11, 30), 3) == D(2027, 2, 28)
    assert add_months(D(2026, 3, 15), -3) == D(2025, 12, 15)
