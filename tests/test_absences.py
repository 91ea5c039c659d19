"""Absence periods of a placement (issue 20, item 6): recorded, ended, removed, refused where
they overlap or fall outside the job; an absence of more than 4 weeks in a row lowers the
job-coaching ceiling pro rata. By hand: 24 hours a week is 104 hours a month; in the first
year 15% of it, 15,6 hours = 936 minutes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.domain.job_coaching import ceiling_minutes, long_absence_days
from app.models import AuditEvent
from app.services.absences import AbsenceForm, record_absence, remove_absence, update_absence
from app.services.clients import create_client
from app.services.errors import ValidationFailed
from app.services.placement_view import placements
from app.services.placements import EmployerForm, PlacementForm, create_employer, create_placement
from tests.factories import client_form

TODAY = dt.date(2026, 11, 22)
START = dt.date(2026, 1, 1)


def test_a_long_absence_lowers_the_ceiling_pro_rata() -> None:
    assert ceiling_minutes(START, Decimal(24), dt.date(2026, 3, 1)) == 936
    # absent 10-03 to 20-04 (42 days, over 4 weeks): March keeps 9 of 31 days:
    # 936 * 9 / 31 = 271,7 -> 272; April keeps 10 of 30 days: 312
    long = [(dt.date(2026, 3, 10), dt.date(2026, 4, 20))]
    assert ceiling_minutes(START, Decimal(24), dt.date(2026, 3, 1), None, long, TODAY) == 272
    assert ceiling_minutes(START, Decimal(24), dt.date(2026, 4, 1), None, long, TODAY) == 312
    # exactly 4 weeks (01-03 to 28-03) does not lower it
    four_weeks = [(dt.date(2026, 3, 1), dt.date(2026, 3, 28))]
    assert ceiling_minutes(START, Decimal(24), dt.date(2026, 3, 1), None, four_weeks, TODAY) == 936
    # an open absence counts until today: from 01-11 it is 22 days on 22-11, not yet long
    still = [(dt.date(2026, 11, 1), None)]
    assert long_absence_days(still, dt.date(2026, 11, 1), dt.date(2026, 11, 30), TODAY) == set()
    later = dt.date(2026, 12, 15)
    assert len(long_absence_days(still, dt.date(2026, 11, 1), dt.date(2026, 11, 30), later)) == 30


@pytest.fixture
def placement_id(session, owner) -> str:  # type: ignore[no-untyped-def]
    client_id = create_client(session, owner, client_form(), today=TODAY)
    employer_id = create_employer(session, owner, EmployerForm(name="Groen BV"))
    return create_placement(
        session,
        owner,
        client_id,
        PlacementForm(
            employer_id=employer_id, started_on="01-01-2026", hours_per_week="24", wage_hour="16"
        ),
        today=TODAY,
    )


def test_record_end_and_remove(session, owner, placement_id) -> None:  # type: ignore[no-untyped-def]
    absence_id = record_absence(
        session, owner, placement_id, AbsenceForm("10-03-2026", "", "sickness"), today=TODAY
    )
    (row,) = placements(session, owner, _client(session, placement_id), today=TODAY)
    (absence,) = row.absences
    assert absence.ends_on is None
    with pytest.raises(ValidationFailed) as overlap:
        record_absence(
            session, owner, placement_id, AbsenceForm("01-04-2026", "10-04-2026"), today=TODAY
        )
    assert "overlapt" in overlap.value.problems["starts_on"]
    update_absence(
        session,
        owner,
        absence_id,
        AbsenceForm("10-03-2026", "20-04-2026", "sickness"),
        expected_version=absence.version,
        today=TODAY,
    )
    (row,) = placements(session, owner, _client(session, placement_id), today=TODAY)
    assert row.absences[0].ends_on == dt.date(2026, 4, 20)
    remove_absence(session, owner, absence_id, expected_version=row.absences[0].version)
    (row,) = placements(session, owner, _client(session, placement_id), today=TODAY)
    assert row.absences == ()
    audits = session.scalar(
        select(func.count(AuditEvent.id)).where(AuditEvent.entity_type == "placement_absence")
    )
    assert audits == 3


@pytest.mark.parametrize(
    ("form", "field", "words"),
    [
        (AbsenceForm("01-12-2025", ""), "starts_on", "01-01-2026"),  # before the job
        (AbsenceForm("01-12-2026", ""), "starts_on", "22-11-2026"),  # in the future
        (AbsenceForm("10-03-2026", "01-03-2026"), "ends_on", "10-03-2026"),  # end before start
        (AbsenceForm("10-03-2026", "", "holiday"), "reason", "lijst"),
        (AbsenceForm("", ""), "starts_on", "Vul"),
    ],
)
def test_bad_input_is_refused_with_a_message(
    session, owner, placement_id, form, field, words
) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationFailed) as refused:
        record_absence(session, owner, placement_id, form, today=TODAY)
    assert words in refused.value.problems[field]


def _client(session, placement_id: str) -> str:  # type: ignore[no-untyped-def]
    from app.models import Placement

    return session.get(Placement, placement_id).client_id


def test_sickness_records_back_to_back_count_as_one_stretch() -> None:
    # 18-05 to 06-06 and 07-06 to 26-06-2023: 20 + 20 days, each under 4 weeks, together 40
    # days in a row: all of June from the 1st to the 26th is taken out. Job from 10-08-2022,
    # 24,25 hours a week, first year (15%): 24,25 * 52 / 12 * 15% = 15,7625 hours a month;
    # June keeps 4 of 30 days: 15,7625 * 4 / 30 * 60 = 126,1 -> 126 minutes.
    back_to_back = [
        (dt.date(2023, 5, 18), dt.date(2023, 6, 6)),
        (dt.date(2023, 6, 7), dt.date(2023, 6, 26)),
    ]
    started = dt.date(2022, 8, 10)
    june = dt.date(2023, 6, 1)
    assert ceiling_minutes(started, Decimal("24.25"), june, None, back_to_back, TODAY) == 126
    # with a working day between them they stay two short absences: nothing is taken out
    apart = [
        (dt.date(2023, 5, 18), dt.date(2023, 6, 6)),
        (dt.date(2023, 6, 8), dt.date(2023, 6, 26)),
    ]
    assert ceiling_minutes(started, Decimal("24.25"), june, None, apart, TODAY) == 946


def test_an_absence_from_before_the_table_is_no_crash() -> None:
    long = [(dt.date(2014, 12, 17), dt.date(2015, 2, 1))]
    assert (
        ceiling_minutes(dt.date(2014, 1, 1), Decimal(24), dt.date(2015, 1, 1), None, long, TODAY)
        == 0
    )


def test_only_sickness_lowers_the_ceiling() -> None:
    from app.domain.vocab import AbsenceReason
    from app.services.absences import AbsenceRow, sickness_periods

    rows = [
        AbsenceRow("a", 1, "p", dt.date(2026, 3, 1), dt.date(2026, 4, 30), AbsenceReason.OTHER),
        AbsenceRow("b", 1, "p", dt.date(2026, 6, 1), None, AbsenceReason.SICKNESS),
    ]
    assert sickness_periods(rows) == [(dt.date(2026, 6, 1), None)]


def test_exact_halves_round_up() -> None:
    from app.domain.subsidy_months import PayablePeriod, month_amount
    from app.domain.wage import monthly_wage_cost_subsidy

    # second year (7,5%): 7 * 52 / 12 * 0,075 = 2,275 hours = 136,5 minutes -> 137
    assert ceiling_minutes(dt.date(2026, 1, 6), Decimal(7), dt.date(2027, 12, 1)) == 137
    # March 2019, 36-hour week: WML 372,90 / 36 = 10,358333..; base 10,358333 - 0,40 * 16
    # = 95/24; * 1,08 * 1,235 = 5,279625; * 40 * 52 / 12 = 915,135 -> 915,14
    monthly = monthly_wage_cost_subsidy(
        on=dt.date(2019, 3, 1),
        age=30,
        wage_hour=Decimal("16.00"),
        hours_per_week=Decimal(40),
        loonwaarde_pct=Decimal(40),
        fulltime_hours=Decimal(36),
    )
    assert monthly == Decimal("915.14")
    whole = PayablePeriod(dt.date(2019, 1, 1), dt.date(2019, 12, 31), Decimal(40))
    found = month_amount(
        dt.date(2019, 3, 1),
        birth_date=dt.date(1980, 1, 1),
        wage_hour=Decimal("16.00"),
        hours_per_week=Decimal(40),
        periods=[whole],
        fulltime_hours=Decimal(36),
    )
    assert found.amount == Decimal("915.14")
