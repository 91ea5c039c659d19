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
