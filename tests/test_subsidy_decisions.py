"""Decisions on loonkostensubsidie (issue 20, item 2): payable only on a decision, for its
period; the forfait for at most the first 6 months; a measurement decision within the
measurement's validity; no overlaps; corrections replace; the month-end convention."""

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.domain.dates import period_end
from app.domain.placements import forfait_ends_on
from app.models import AuditEvent
from app.services.clients import create_client
from app.services.errors import ValidationFailed
from app.services.measurements import record_measurement
from app.services.placement_view import APPLY_BY, DECISION_MISSING, FORFAIT_END, placements
from app.services.placements import EmployerForm, PlacementForm, create_employer, create_placement
from app.services.subsidy_decisions import (
    DecisionForm,
    correct_decision,
    decision_history,
    record_decision,
)
from tests.factories import client_form, measurement_form

TODAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        # RULES.md's examples: the day before day D, or the month's last day without a day D
        (dt.date(2026, 1, 15), 6, dt.date(2026, 7, 14)),
        (dt.date(2026, 1, 31), 3, dt.date(2026, 4, 30)),
        (dt.date(2026, 8, 31), 6, dt.date(2027, 2, 28)),
        (dt.date(2027, 8, 31), 6, dt.date(2028, 2, 29)),  # a leap year
        (dt.date(2026, 1, 1), 1, dt.date(2026, 1, 31)),
        (dt.date(2026, 1, 30), 1, dt.date(2026, 2, 28)),
        (dt.date(2026, 3, 1), 6, dt.date(2026, 8, 31)),
        (dt.date(2026, 12, 31), 2, dt.date(2027, 2, 28)),
    ],
)
def test_the_month_end_convention(start: dt.date, months: int, end: dt.date) -> None:
    assert period_end(start, months) == end


def test_the_forfait_runs_the_first_six_months_by_the_convention() -> None:
    assert forfait_ends_on(dt.date(2026, 8, 31)) == dt.date(2027, 2, 28)
    assert forfait_ends_on(dt.date(2026, 3, 1)) == dt.date(2026, 8, 31)


@pytest.fixture
def client_id(session, owner):  # type: ignore[no-untyped-def]
    return create_client(session, owner, client_form(birth_date="14-02-1985"), today=TODAY)


@pytest.fixture
def placement_id(session, owner, client_id):  # type: ignore[no-untyped-def]
    employer_id = create_employer(session, owner, EmployerForm(name="Groen BV"))
    form = PlacementForm(
        employer_id=employer_id, started_on="01-03-2026", hours_per_week="24", wage_hour="16,00"
    )
    return create_placement(session, owner, client_id, form, today=TODAY)


def forfait(placement_id: str, **changes: str) -> DecisionForm:
    values = {
        "placement_id": placement_id,
        "basis": "forfait",
        "target_group_basis": "doelgroepregister",
        "starts_on": "01-03-2026",
        "ends_on": "31-08-2026",
        "decided_on": "20-02-2026",
        "reference": "LKS-2026-0042",
    }
    return DecisionForm(**{**values, **changes})


def measured(session, owner, client_id, placement_id) -> str:  # type: ignore[no-untyped-def]
    form = measurement_form(
        placement_id, loonwaarde="60", report_date="15-08-2026", visit_date="10-08-2026"
    )
    return record_measurement(session, owner, client_id, form, today=TODAY)


def refused(session, owner, client_id, form: DecisionForm) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationFailed) as caught:
        record_decision(session, owner, client_id, form, today=TODAY)
    return caught.value.problems


def test_no_decision_no_payable_subsidy(session, owner, client_id, placement_id) -> None:  # type: ignore[no-untyped-def]
    (row,) = placements(session, owner, client_id, today=dt.date(2026, 4, 1))
    assert row.subsidy is not None and not row.subsidy.payable
    assert row.subsidy.parts is not None  # an indication: the forfait it would be
    assert "geen beschikking" in (row.subsidy.problem or "")
    # and the last day to apply: 01-03-2026 + 6 months ends 31-08-2026 (art. 10d lid 2)
    assert [(a.label, a.due_on) for a in row.due_actions] == [
        (DECISION_MISSING, dt.date(2026, 3, 1)),
        (APPLY_BY, dt.date(2026, 8, 31)),
    ]


def test_a_forfait_decision_pays_its_period_only(session, owner, client_id, placement_id) -> None:  # type: ignore[no-untyped-def]
    decision_id = record_decision(session, owner, client_id, forfait(placement_id), today=TODAY)
    # 14.71 * 0.5 = 7.355 -> * 1.3338 * 24 * 52 / 12 = 1,020.25 a month
    (row,) = placements(session, owner, client_id, today=dt.date(2026, 8, 31))
    assert row.subsidy.payable and row.subsidy.parts.monthly == Decimal("1020.25")
    assert [(a.label, a.due_on) for a in row.due_actions] == [(FORFAIT_END, dt.date(2026, 8, 31))]
    (row,) = placements(session, owner, client_id, today=dt.date(2026, 9, 1))
    assert not row.subsidy.payable and row.subsidy.parts is None
    events = session.scalars(
        select(AuditEvent.action).where(AuditEvent.entity_id == decision_id)
    ).all()
    assert events == ["create"]


def test_the_forfait_ends_within_six_months(session, owner, client_id, placement_id) -> None:  # type: ignore[no-untyped-def]
    problems = refused(session, owner, client_id, forfait(placement_id, ends_on="01-09-2026"))
    assert "31-08-2026" in problems["ends_on"] and "6 maanden" in problems["ends_on"]


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"starts_on": "28-02-2026"}, "starts_on", "01-03-2026"),  # before the job
        ({"ends_on": "28-02-2026"}, "ends_on", "niet vóór"),
        ({"decided_on": "02-12-2026"}, "decided_on", "niet na"),
        ({"decided_on": ""}, "decided_on", "Vul"),
        ({"target_group_basis": "other"}, "target_group_note", "Licht toe"),
        ({"target_group_basis": "measurement"}, "target_group_basis", "nog geen meting"),
        ({"basis": "measurement"}, "measurement_id", "Kies de loonwaardemeting"),
        ({"basis": "gift"}, "basis", "grondslag"),
    ],
)
def test_bad_decisions_are_refused_with_a_message(  # type: ignore[no-untyped-def]
    session, owner, client_id, placement_id, changes, field, words
) -> None:
    problems = refused(session, owner, client_id, forfait(placement_id, **changes))
    assert words in problems[field], problems
    assert decision_history(session, owner, client_id) == []


def test_only_paid_jobs_get_a_decision(session, owner, client_id) -> None:  # type: ignore[no-untyped-def]
    employer_id = create_employer(session, owner, EmployerForm(name="Bakkerij"))
    trial = create_placement(
        session,
        owner,
        client_id,
        PlacementForm(
            employer_id=employer_id, placement_type="proefplaatsing", started_on="01-03-2026"
        ),
        today=TODAY,
    )
    problems = refused(session, owner, client_id, forfait(trial))
    assert "betaalde baan" in problems["placement_id"]


def test_a_measurement_decision_within_the_measurements_validity(  # type: ignore[no-untyped-def]
    session, owner, client_id, placement_id
) -> None:
    measurement_id = measured(session, owner, client_id, placement_id)
    form = DecisionForm(
        placement_id=placement_id,
        basis="measurement",
        measurement_id=measurement_id,
        target_group_basis="measurement",
        starts_on="01-09-2026",
        ends_on="15-08-2027",  # the measurement of 15-08-2026 holds until 14-08-2027
        decided_on="01-09-2026",
    )
    problems = refused(session, owner, client_id, form)
    assert "14-08-2027" in problems["ends_on"]
    fits = dataclasses.replace(form, ends_on="14-08-2027")
    record_decision(session, owner, client_id, fits, today=TODAY)
    # 14.71 - 0.60 * 16.00 = 5.11 -> 5.11 * 1.3338 * 104 = 708.83 a month
    (row,) = placements(session, owner, client_id, today=TODAY)
    assert row.subsidy.payable and row.subsidy.parts.monthly == Decimal("708.83")


def test_decisions_do_not_overlap(session, owner, client_id, placement_id) -> None:  # type: ignore[no-untyped-def]
    record_decision(session, owner, client_id, forfait(placement_id), today=TODAY)
    problems = refused(session, owner, client_id, forfait(placement_id, starts_on="01-08-2026"))
    assert "overlapt" in problems["starts_on"] and "31-08-2026" in problems["starts_on"]


def test_a_correction_replaces_the_decision(session, owner, client_id, placement_id) -> None:  # type: ignore[no-untyped-def]
    first = record_decision(session, owner, client_id, forfait(placement_id), today=TODAY)
    # The correction may cover the same days (it replaces the original) and ends earlier.
    second = correct_decision(
        session, owner, first, forfait(placement_id, ends_on="30-06-2026"), today=TODAY
    )
    rows = decision_history(session, owner, client_id)
    assert {(r.id, r.is_superseded) for r in rows} == {(first, True), (second, False)}
    (row,) = placements(session, owner, client_id, today=dt.date(2026, 7, 1))
    assert not row.subsidy.payable
    assert [(a.label, a.due_on) for a in row.due_actions] == [
        (DECISION_MISSING, dt.date(2026, 7, 1))
    ]
    with pytest.raises(ValidationFailed):  # one correction each: correct the correction
        correct_decision(session, owner, first, forfait(placement_id), today=TODAY)
