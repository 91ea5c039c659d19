"""The wage rules of issue 20: the subsidy never computes on a wage below the WML of the day,
a placement form refuses such a wage and names the WML, a placement shows when the WML
overtook its wage; a day holds at most 24 hours of job coaching; low loonwaarde signals.
Every expected amount is worked out by hand in the comments (RULES.md's formula)."""

import datetime as dt
from decimal import Decimal

import pytest

from app.domain.rules import minimum_wage_hour
from app.domain.wage import (
    LoonwaardeSignal,
    loonwaarde_signal,
    minimum_wage_change_days,
    subsidy_parts,
    wage_below_minimum,
)
from app.services.clients import create_client
from app.services.errors import ValidationFailed
from app.services.job_coaching import correct_hours, record_hours
from app.services.placement_view import RAISE_WAGE, placements
from app.services.placements import (
    EmployerForm,
    PlacementForm,
    create_employer,
    create_placement,
    update_placement,
)
from tests.factories import client_form

D = Decimal
TODAY = dt.date(2026, 12, 1)


def parts(on: dt.date, wage: str, pct: str | None, age: int = 30, hours: str = "24"):  # type: ignore[no-untyped-def]
    return subsidy_parts(
        on=on,
        age=age,
        wage_hour=D(wage),
        hours_per_week=D(hours),
        loonwaarde_pct=None if pct is None else D(pct),
    )


# ------------------------------------------------------------------ the sum never goes below


def test_a_wage_below_the_wml_is_computed_as_the_wml() -> None:
    # 2026-03-01, age 30, WML 14.71, recorded wage 12.00, loonwaarde 60%, 24 h a week.
    # On the WML: base = 14.71 - 0.60 * 14.71 = 5.884; * 1.08 * 1.235 = 7.848086;
    # * 24 * 52 / 12 = 816.20. (On the recorded 12.00 it would be 1,041.75: the law forbids it.)
    found = parts(dt.date(2026, 3, 1), "12.00", "60")
    assert found.monthly == D("816.20")
    assert found.wage_hour == D("14.71") and found.agreed_wage_hour == D("12.00")
    assert found.wage_below_minimum


def test_a_wage_above_the_wml_is_used_as_it_is() -> None:
    # RULES.md's worked example: 14.71 - 0.60 * 16.00 = 5.11 -> 708.83 a month.
    found = parts(dt.date(2026, 3, 1), "16.00", "60")
    assert found.monthly == D("708.83") and not found.wage_below_minimum


def test_a_wml_change_date_overtakes_a_wage_from_that_day() -> None:
    # Wage 14.20, loonwaarde 60%, 24 h. On 30-06-2025 the WML is 14.06 (below the wage):
    # base = 14.06 - 0.60 * 14.20 = 5.54 -> 5.54 * 1.3338 * 104 = 768.48.
    # On 01-07-2025 the WML is 14.40 (above it): base = 14.40 * 0.40 = 5.76 -> 799.00.
    assert parts(dt.date(2025, 6, 30), "14.20", "60").monthly == D("768.48")
    on_the_day = parts(dt.date(2025, 7, 1), "14.20", "60")
    assert on_the_day.monthly == D("799.00") and on_the_day.wage_below_minimum


def test_the_forfait_does_not_depend_on_the_wage() -> None:
    # 50% of 14.71 = 7.355 -> 7.355 * 1.3338 * 104 = 1,020.25, at any wage.
    assert parts(dt.date(2026, 3, 1), "2.00", None).monthly == D("1020.25")
    assert parts(dt.date(2026, 3, 1), "20.00", None).monthly == D("1020.25")


# ------------------------------------------------------------------ when the WML overtakes


def test_a_birthday_inside_a_month_raises_the_minimum_from_that_day() -> None:
    # Born 15-03-2007: 18 until 14-03-2026 (50% of 14.71 = 7.355), 19 from 15-03-2026
    # (60% = 8.826). A wage of 8.00 meets the first and not the second.
    birth = dt.date(2007, 3, 15)
    assert wage_below_minimum(D("8.00"), birth, dt.date(2026, 1, 1), dt.date(2026, 3, 14)) is None
    below = wage_below_minimum(D("8.00"), birth, dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    assert below is not None
    assert (below.since, below.minimum, below.age) == (dt.date(2026, 3, 15), D("8.826"), 19)


def test_born_on_29_february_a_year_older_on_1_march() -> None:
    # Born 29-02-2008: 17 on 28-02-2026 (39.5% of 14.71 = 5.81045), 18 on 01-03-2026 (7.355).
    birth = dt.date(2008, 2, 29)
    below = wage_below_minimum(D("6.50"), birth, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert below is not None and below.since == dt.date(2026, 3, 1) and below.age == 18
    assert minimum_wage_hour(17, dt.date(2026, 2, 28)) == D("5.81045")


def test_the_wml_rows_are_change_days_and_days_before_the_table_are_skipped() -> None:
    # No WML row before 2024 in the table: a job from 01-06-2023 at 13.00 is first compared
    # on 01-01-2024 (13.27), where it falls short.
    birth = dt.date(1980, 5, 5)
    days = minimum_wage_change_days(birth, dt.date(2023, 6, 1), dt.date(2025, 12, 31))
    assert dt.date(2024, 1, 1) in days and dt.date(2025, 7, 1) in days
    assert days == sorted(days) and days[0] == dt.date(2023, 6, 1)
    below = wage_below_minimum(D("13.00"), birth, dt.date(2023, 6, 1), dt.date(2025, 12, 31))
    assert below is not None and below.since == dt.date(2024, 1, 1)


@pytest.mark.parametrize(
    ("wage", "since"),
    [
        ("13.26", dt.date(2024, 1, 1)),
        ("13.27", dt.date(2024, 7, 1)),
        ("14.05", dt.date(2025, 1, 1)),
        ("14.06", dt.date(2025, 7, 1)),
        ("14.70", dt.date(2026, 1, 1)),
        ("14.71", None),
    ],
)
def test_the_first_day_below_is_the_first_wml_above_the_wage(wage: str, since: object) -> None:
    below = wage_below_minimum(D(wage), dt.date(1970, 1, 1), dt.date(2024, 1, 1), TODAY)
    assert (below.since if below else None) == since


# ------------------------------------------------------------------ the placement form


@pytest.fixture
def adult(session, owner):  # type: ignore[no-untyped-def]
    return create_client(session, owner, client_form(birth_date="14-02-1985"), today=TODAY)


@pytest.fixture
def employer_id(session, owner):  # type: ignore[no-untyped-def]
    return create_employer(session, owner, EmployerForm(name="Groen BV", city="Hengelo"))


def job(employer_id: str, **changes: str) -> PlacementForm:
    values = {
        "employer_id": employer_id,
        "placement_type": "regular_job",
        "started_on": "01-03-2026",
        "hours_per_week": "24",
        "wage_hour": "16,00",
    }
    return PlacementForm(**{**values, **changes})


def test_the_form_refuses_a_wage_below_the_wml_and_names_it(  # type: ignore[no-untyped-def]
    session, owner, adult, employer_id
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        create_placement(session, owner, adult, job(employer_id, wage_hour="2,00"), today=TODAY)
    message = refused.value.problems["wage_hour"]
    assert "€ 14,71 per uur (21 jaar en ouder)" in message and "01-12-2026" in message
    create_placement(session, owner, adult, job(employer_id, wage_hour="14,71"), today=TODAY)


def test_the_form_names_the_youth_minimum(session, owner, employer_id) -> None:  # type: ignore[no-untyped-def]
    # Born 15-03-2007: 19 on 01-12-2026, 60% of 14.71 = 8.826 -> "€ 8,83".
    young = create_client(session, owner, client_form(birth_date="15-03-2007"), today=TODAY)
    with pytest.raises(ValidationFailed) as refused:
        create_placement(session, owner, young, job(employer_id, wage_hour="8,00"), today=TODAY)
    assert "€ 8,83 per uur (19 jaar)" in refused.value.problems["wage_hour"]
    create_placement(session, owner, young, job(employer_id, wage_hour="8,83"), today=TODAY)


def test_an_ended_placement_is_held_to_the_wml_of_its_last_day(  # type: ignore[no-untyped-def]
    session, owner, adult, employer_id
) -> None:
    # Ended 31-03-2025: the WML was 14.06 then; today's 14.71 does not apply to it.
    ended = job(employer_id, started_on="01-10-2024", ended_on="31-03-2025", wage_hour="14,06")
    create_placement(session, owner, adult, ended, today=TODAY)
    too_low = job(employer_id, started_on="01-10-2024", ended_on="31-03-2025", wage_hour="13,99")
    with pytest.raises(ValidationFailed):
        create_placement(session, owner, adult, too_low, today=TODAY)


def test_voluntary_work_has_no_wage_to_check(session, owner, adult, employer_id) -> None:  # type: ignore[no-untyped-def]
    volunteer = job(employer_id, placement_type="volunteer", wage_hour="1,00")
    create_placement(session, owner, adult, volunteer, today=TODAY)


def test_a_placement_shows_that_its_wage_must_be_raised(  # type: ignore[no-untyped-def]
    session, owner, adult, employer_id
) -> None:
    # Saved on 01-05-2025 at 14.20 (WML 14.06); the WML became 14.40 on 01-07-2025.
    form = job(employer_id, started_on="01-03-2025", wage_hour="14,20")
    placement_id = create_placement(session, owner, adult, form, today=dt.date(2025, 5, 1))
    (row,) = placements(session, owner, adult, today=TODAY)
    assert row.wage_below_minimum is not None
    assert row.wage_below_minimum.since == dt.date(2025, 7, 1)
    assert (RAISE_WAGE, dt.date(2025, 7, 1)) in [(a.label, a.due_on) for a in row.due_actions]
    # The forfait (no measurement, started 01-03-2025) ended on 31-08-2025: no subsidy today.
    assert row.subsidy is not None and row.subsidy.parts is None
    # Editing it now asks for the current minimum, and once raised the signal is gone.
    with pytest.raises(ValidationFailed) as refused:
        update_placement(session, owner, placement_id, form, today=TODAY)
    assert "€ 14,71" in refused.value.problems["wage_hour"]
    raised = job(employer_id, started_on="01-03-2025", wage_hour="14,71")
    update_placement(session, owner, placement_id, raised, today=TODAY)
    (row,) = placements(session, owner, adult, today=TODAY)
    assert row.wage_below_minimum is None
    assert RAISE_WAGE not in [a.label for a in row.due_actions]


# ------------------------------------------------------------------ 24 hours in a day


def log(session, owner, client_id: str, duration: str, day: str = "03-11-2026") -> str:  # type: ignore[no-untyped-def]
    return record_hours(
        session,
        owner,
        client_id,
        placement_id=None,
        worked_on=day,
        duration=duration,
        activity="workplace",
        today=TODAY,
    )


def correct(session, owner, hours_id: str, duration: str, day: str = "03-11-2026") -> str:  # type: ignore[no-untyped-def]
    return correct_hours(
        session,
        owner,
        hours_id,
        worked_on=day,
        duration=duration,
        activity="workplace",
        today=TODAY,
    )


def test_a_day_holds_at_most_24_hours_for_a_client(session, owner, adult) -> None:  # type: ignore[no-untyped-def]
    first = log(session, owner, adult, "10:00")
    log(session, owner, adult, "10:00")
    with pytest.raises(ValidationFailed) as refused:
        log(session, owner, adult, "10:00")
    message = refused.value.problems["duration"]
    assert "03-11-2026" in message and "20:00" in message and "30:00" in message
    log(session, owner, adult, "4:00")  # exactly 24:00 is a full day, not more
    with pytest.raises(ValidationFailed):
        log(session, owner, adult, "0:05")
    log(session, owner, adult, "10:00", day="04-11-2026")  # another day is another day
    # A correction replaces its record: 10:00 corrected to 2:00 frees 8 hours.
    correct(session, owner, first, "2:00")
    log(session, owner, adult, "8:00")
    with pytest.raises(ValidationFailed):
        log(session, owner, adult, "0:05")


def test_a_correction_is_counted_instead_of_its_record(session, owner, adult) -> None:  # type: ignore[no-untyped-def]
    first, second = (log(session, owner, adult, "12:00") for _ in range(2))
    # 12 + 12 = 24 on the 3rd: correcting one to 11:00 fits (it replaces its 12:00).
    correct(session, owner, first, "11:00")
    log(session, owner, adult, "10:00", day="05-11-2026")
    log(session, owner, adult, "10:00", day="05-11-2026")
    # Moving the other to the 5th would make 20 + 12 = 32 hours there: refused.
    with pytest.raises(ValidationFailed):
        correct(session, owner, second, "12:00", day="05-11-2026")


def test_a_coach_holds_at_most_24_hours_over_all_clients(session, owner, adult) -> None:  # type: ignore[no-untyped-def]
    other = create_client(session, owner, client_form(bsn="111222333"), today=TODAY)
    log(session, owner, adult, "12:00")
    log(session, owner, other, "10:00")
    with pytest.raises(ValidationFailed) as refused:
        log(session, owner, other, "3:00")
    assert "alle klanten samen" in refused.value.problems["duration"]


# ------------------------------------------------------------------ low loonwaarde signals


@pytest.mark.parametrize(
    ("wage", "pct", "signal"),
    [
        # loonwaarde x wage / WML: 30% of 14.71 is 30% of the WML -> at most 30%
        ("14.71", "30", LoonwaardeSignal.NOT_ON_LABOUR_MARKET),
        ("14.71", "20", LoonwaardeSignal.NOT_ON_LABOUR_MARKET),  # 20 is not below 20
        ("14.71", "19.9", LoonwaardeSignal.PARTICIPATION),
        ("14.71", "30.1", None),
        # 25% of a wage of 20.00 is 5.00 an hour: 5.00 / 14.71 = 33.99% of the WML
        ("20.00", "25", None),
        # a wage below the WML is counted as the WML: 25% of 14.71 -> 25%
        ("10.00", "25", LoonwaardeSignal.NOT_ON_LABOUR_MARKET),
    ],
)
def test_low_loonwaarde_signals(wage: str, pct: str, signal: object) -> None:
    assert loonwaarde_signal(parts(dt.date(2026, 3, 1), wage, pct)) is signal


def test_the_forfait_gives_no_loonwaarde_signal() -> None:
    assert loonwaarde_signal(parts(dt.date(2026, 3, 1), "14.71", None)) is None
