"""What is payable per calendar month (issue 20, item 3): pro rata per day for a first and
last partial month, a birthday, a switch from the forfait to a measurement, a measurement
that expires and a job that ends. Every amount worked out by hand (24 hours a week, so
* 24 * 52 / 12 = 104 hours a month; * 1.08 * 1.235 = 1.3338 on the base)."""

import datetime as dt
from decimal import Decimal

from app.domain.subsidy_months import PayablePeriod, month_amount
from app.models import Placement
from app.services.clients import create_client
from app.services.measurements import record_measurement
from app.services.placement_subsidy import month_amounts
from app.services.placement_view import placements
from app.services.placements import EmployerForm, PlacementForm, create_employer, create_placement
from app.services.subsidy_decisions import DecisionForm, decision_rows, record_decision
from app.services.wage_value import measurement_rows
from tests.factories import client_form, measurement_form

D = Decimal
ADULT = dt.date(1980, 5, 5)
# The forfait in 2026: 50% of 14.71 = 7.355 -> 7.355 * 1.3338 * 104 = 1,020.250296 a month.
# A measurement of 60% at 16.00: 14.71 - 9.60 = 5.11 -> 708.834672 a month.


def amount(month: dt.date, *periods: PayablePeriod, birth: dt.date = ADULT) -> Decimal:
    found = month_amount(
        month, birth_date=birth, wage_hour=D("16.00"), hours_per_week=D(24), periods=periods
    )
    return found.amount


def test_a_whole_month_is_the_monthly_amount() -> None:
    whole = PayablePeriod(dt.date(2026, 1, 1), dt.date(2026, 12, 31), None)
    assert amount(dt.date(2026, 4, 1), whole) == D("1020.25")


def test_a_first_partial_month_counts_its_days() -> None:
    # From 15-03-2026: 17 of 31 days -> 1,020.250296 * 17 / 31 = 559.49
    period = PayablePeriod(dt.date(2026, 3, 15), dt.date(2026, 9, 14), None)
    assert amount(dt.date(2026, 3, 1), period) == D("559.49")
    assert amount(dt.date(2026, 2, 1), period) == D("0.00")


def test_a_birthday_inside_the_month_splits_it() -> None:
    # Born 15-03-2007: 18 until 14-03 (50%: forfait base 3.6775 -> 510.125148 a month), 19
    # from 15-03 (60%: base 4.413 -> 612.1501776): 510.125148 * 14/31 + 612.1501776 * 17/31
    # = 566.07
    period = PayablePeriod(dt.date(2026, 1, 1), dt.date(2026, 12, 31), None)
    assert amount(dt.date(2026, 3, 1), period, birth=dt.date(2007, 3, 15)) == D("566.07")


def test_the_switch_from_forfait_to_measurement_inside_a_month() -> None:
    # September 2026: 14 days forfait, 16 days at 60%: 1,020.250296 * 14/30
    # + 708.834672 * 16/30 = 854.16
    forfait = PayablePeriod(dt.date(2026, 3, 15), dt.date(2026, 9, 14), None)
    measured = PayablePeriod(dt.date(2026, 9, 15), dt.date(2027, 3, 14), D(60))
    assert amount(dt.date(2026, 9, 1), forfait, measured) == D("854.16")


def test_a_wml_change_inside_a_period_is_taken_from_its_day() -> None:
    # 2025, forfait: 14.06 * 0.5 * 1.3338 * 104 = 975.167856 a month until June; from 1 July
    # 14.40 * 0.5 * 1.3338 * 104 = 998.74944 (the change falls on the 1st: no split needed).
    period = PayablePeriod(dt.date(2025, 1, 1), dt.date(2025, 12, 31), None)
    assert amount(dt.date(2025, 6, 1), period) == D("975.17")
    assert amount(dt.date(2025, 7, 1), period) == D("998.75")


def _job(session, owner, client_id: str, **changes: str) -> str:  # type: ignore[no-untyped-def]
    employer_id = create_employer(session, owner, EmployerForm(name="Groen BV"))
    values = {
        "employer_id": employer_id,
        "started_on": "15-03-2026",
        "hours_per_week": "24",
        "wage_hour": "16,00",
    }
    return create_placement(
        session,
        owner,
        client_id,
        PlacementForm(**{**values, **changes}),
        today=dt.date(2026, 12, 1),
    )


def test_the_placement_states_each_month(session, owner) -> None:  # type: ignore[no-untyped-def]
    today = dt.date(2026, 12, 1)
    client_id = create_client(session, owner, client_form(birth_date="05-05-1980"), today=today)
    placement_id = _job(session, owner, client_id, ended_on="10-06-2027")
    record_decision(
        session,
        owner,
        client_id,
        DecisionForm(
            placement_id=placement_id,
            basis="forfait",
            target_group_basis="doelgroepregister",
            starts_on="15-03-2026",
            ends_on="14-09-2026",
            decided_on="01-03-2026",
        ),
        today=today,
    )
    measurement_id = record_measurement(
        session,
        owner,
        client_id,
        measurement_form(
            placement_id,
            loonwaarde="60",
            report_date="01-09-2026",
            visit_date="25-08-2026",
            next_measurement_on="01-04-2027",
        ),
        today=today,
    )
    record_decision(
        session,
        owner,
        client_id,
        DecisionForm(
            placement_id=placement_id,
            basis="measurement",
            measurement_id=measurement_id,
            target_group_basis="measurement",
            starts_on="15-09-2026",
            ends_on="31-03-2027",
            decided_on="20-09-2026",
        ),
        today=today,
    )
    placement = session.get(Placement, placement_id)
    months = month_amounts(
        placement,
        dt.date(1980, 5, 5),
        decision_rows(session, client_id),
        measurement_rows(session, client_id),
        dt.date(2026, 2, 1),
        dt.date(2027, 6, 30),
    )
    by_month = {m.month: (m.amount, m.days_paid) for m in months}
    assert by_month[dt.date(2026, 2, 1)] == (D("0.00"), 0)  # before the job
    assert by_month[dt.date(2026, 3, 1)] == (D("559.49"), 17)
    assert by_month[dt.date(2026, 4, 1)] == (D("1020.25"), 30)
    assert by_month[dt.date(2026, 9, 1)] == (D("854.16"), 30)
    assert by_month[dt.date(2026, 10, 1)] == (D("708.83"), 31)
    # The measurement holds until 31-03-2027 (the day before the next one): then nothing.
    assert by_month[dt.date(2027, 3, 1)] == (D("708.83"), 31)
    assert by_month[dt.date(2027, 4, 1)] == (D("0.00"), 0)
    assert len(months) == 17
    # The placement shows its last twelve months up to today.
    (row,) = placements(session, owner, client_id, today=today)
    assert [m.month for m in row.months][-1] == dt.date(2026, 12, 1)
    assert row.months[0].month == dt.date(2026, 3, 1) and len(row.months) == 10
