"""The job-coaching ceiling (issue 20, item 6): the year of the job turns on its anniversary,
and a first or last partial month gets a pro-rata ceiling; months the job did not run have
none. Worked out by hand (RULES.md: 15% / 7.5% / 6% of the hours worked, 52/12 weeks)."""

import datetime as dt
from decimal import Decimal

import pytest

from app.domain.job_coaching import ceiling_minutes, year_of_service
from app.services.job_coaching import monthly_use

D = Decimal
START = dt.date(2026, 3, 15)  # a job of 24 hours a week: 24 * 52 / 12 = 104 hours a month


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (dt.date(2026, 3, 15), 1),
        (dt.date(2027, 3, 14), 1),
        (dt.date(2027, 3, 15), 2),  # the anniversary, not 1 March
        (dt.date(2028, 3, 15), 3),
        (dt.date(2030, 1, 1), 4),
    ],
)
def test_the_year_turns_on_the_anniversary(day: dt.date, year: int) -> None:
    assert year_of_service(START, day) == year


@pytest.mark.parametrize(
    ("month", "ended_on", "minutes"),
    [
        # March 2026: days 15-31 of 31 -> 104 * 17/31 * 15% = 8.5548 h = 513.3 min
        (dt.date(2026, 3, 1), None, 513),
        # April 2026, a whole month: 104 * 15% = 15.6 h = 936 min
        (dt.date(2026, 4, 1), None, 936),
        # March 2027: 14 days at 15%, 17 at 7.5%: 104 * (2.1 + 1.275) / 31 = 11.3226 h = 679.4
        (dt.date(2027, 3, 1), None, 679),
        # April 2027, year 2: 104 * 7.5% = 7.8 h = 468 min
        (dt.date(2027, 4, 1), None, 468),
        # April 2029, year 4 (and later): 6% -> 6.24 h = 374.4 min
        (dt.date(2029, 4, 1), None, 374),
        # ended on 10-06-2026: 104 * 10/30 * 15% = 5.2 h = 312 min
        (dt.date(2026, 6, 1), dt.date(2026, 6, 10), 312),
        # before the start and after the end: no ceiling at all
        (dt.date(2026, 2, 1), None, None),
        (dt.date(2026, 7, 1), dt.date(2026, 6, 10), None),
    ],
)
def test_the_monthly_ceiling(month: dt.date, ended_on: dt.date | None, minutes: int | None) -> None:
    assert ceiling_minutes(START, D(24), month, ended_on) == minutes


def test_indicated_hours_and_ceiling_only_for_months_the_job_ran() -> None:
    use = monthly_use(
        [],
        first=dt.date(2026, 1, 1),
        last=dt.date(2026, 6, 30),
        placement_started_on=START,
        hours_per_week=D(24),
        indicated_hours_per_month=D(6),
        placement_ended_on=dt.date(2026, 5, 20),
    )
    assert [(u.month.month, u.indicated_minutes, u.ceiling_minutes) for u in use] == [
        (1, None, None),
        (2, None, None),
        (3, 360, 513),
        (4, 360, 936),
        # May 2026: days 1-20 of 31 -> 104 * 20/31 * 15% = 10.0645 h = 603.9 min
        (5, 360, 604),
        (6, None, None),
    ]
