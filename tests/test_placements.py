"""Employers, placements with their displacement flags and subsidy, ULM measurements and
job-coaching hours, through the services."""

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.models import AuditEvent, WageValueMeasurement, WageValueTask
from app.services.clients import create_client
from app.services.errors import ValidationFailed
from app.services.job_coaching import correct_hours, hours_history, monthly_use, record_hours
from app.services.measurements import (
    correct_measurement,
    measurement_history,
    record_measurement,
)
from app.services.placement_view import (
    APPLY_BY,
    DECISION_END,
    DECISION_MISSING,
    FORFAIT_END,
    REMEASUREMENT,
    placements,
)
from app.services.placements import (
    EmployerForm,
    PlacementForm,
    create_employer,
    create_placement,
    record_continuation_reason,
    update_placement,
)
from app.services.subsidy_decisions import DecisionForm, record_decision
from app.services.wage_value import MeasurementForm, TaskForm
from tests.factories import client_form

TODAY = dt.date(2026, 11, 22)
D = Decimal


@pytest.fixture
def client_id(session, owner):  # type: ignore[no-untyped-def]
    return create_client(session, owner, client_form(birth_date="14-02-1985"), today=TODAY)


@pytest.fixture
def employer_id(session, owner):  # type: ignore[no-untyped-def]
    return create_employer(
        session,
        owner,
        EmployerForm(name="Groenvoorziening Twente BV", kvk_number="12345678", city="Hengelo"),
    )


def job(employer_id: str, **changes) -> PlacementForm:  # type: ignore[no-untyped-def]
    values = {
        "employer_id": employer_id,
        "placement_type": "regular_job",
        "function_title": "Medewerker groen",
        "started_on": "01-03-2026",
        "hours_per_week": "24",
        "wage_hour": "16,00",
    }
    values.update(changes)
    return PlacementForm(**values)


def three_tasks(**changes) -> MeasurementForm:  # type: ignore[no-untyped-def]
    values = {
        "report_date": "15-03-2026",
        "visit_date": "10-03-2026",
        "expert_name": "A. Deskundige",
        "employer_contact": "P. Jansen",
        "norm_function": "Hovenier",
        "performed_function": "Medewerker groen",
        "contract_hours": "24",
        "fulltime_hours": "38",
        "workdays_per_week": "3",
        "tasks": (
            TaskForm("Maaien", "50", "70", "100", "90", "63"),
            TaskForm("Snoeien", "30", "60", "90", "100", "54"),
            TaskForm("Opruimen", "20", "80", "100", "75", "60"),
        ),
        "loonwaarde_pct": "59,7",
        "jobcoach_hours_per_month": "6",
    }
    values.update(changes)
    return MeasurementForm(**values)


def forfait(placement_id: str, **changes: str) -> DecisionForm:
    values = {
        "placement_id": placement_id,
        "basis": "forfait",
        "target_group_basis": "doelgroepregister",
        "starts_on": "01-03-2026",
        "ends_on": "31-08-2026",
        "decided_on": "20-02-2026",
    }
    return DecisionForm(**{**values, **changes})


def by_measurement(placement_id: str, measurement_id: str, starts: str, ends: str) -> DecisionForm:
    return DecisionForm(
        placement_id=placement_id,
        basis="measurement",
        measurement_id=measurement_id,
        target_group_basis="measurement",
        starts_on=starts,
        ends_on=ends,
        decided_on="20-11-2026",
    )


def test_employer_validation(session, owner) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationFailed) as refused:
        create_employer(session, owner, EmployerForm(name="", kvk_number="1234"))
    assert set(refused.value.problems) == {"name", "kvk_number"}
    assert "8 cijfers" in refused.value.problems["kvk_number"]


def test_placement_validation(session, owner, client_id, employer_id) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationFailed) as refused:
        create_placement(
            session,
            owner,
            client_id,
            job(employer_id, wage_hour="", hours_per_week="zestien", ended_on="01-01-2026"),
            today=TODAY,
        )
    problems = refused.value.problems
    assert problems["wage_hour"] == "Vul het uurloon in."
    assert "als getal" in problems["hours_per_week"]
    assert "niet vóór" in problems["ended_on"]
    # Volunteer work needs no wage.
    create_placement(
        session,
        owner,
        client_id,
        job(employer_id, placement_type="volunteer", wage_hour="", hours_per_week=""),
        today=TODAY,
    )


def test_forfait_then_measurement(session, owner, client_id, employer_id) -> None:  # type: ignore[no-untyped-def]
    placement_id = create_placement(session, owner, client_id, job(employer_id), today=TODAY)
    # Without a decision the forfait is an indication only, and the decision is due.
    (row,) = placements(session, owner, client_id, today=dt.date(2026, 4, 1))
    assert row.subsidy.parts.forfait and not row.subsidy.payable
    # no decision yet: record one, and apply within 6 months of the start (art. 10d lid 2)
    assert [a.label for a in row.due_actions] == [DECISION_MISSING, APPLY_BY]
    record_decision(session, owner, client_id, forfait(placement_id), today=TODAY)
    (row,) = placements(session, owner, client_id, today=dt.date(2026, 4, 1))
    assert row.subsidy.payable and row.subsidy.parts.forfait
    assert row.subsidy.forfait_ends_on == dt.date(2026, 8, 31)
    assert [(a.label, a.due_on) for a in row.due_actions] == [(FORFAIT_END, dt.date(2026, 8, 31))]
    # After six months without a measurement: no forfait any more, a decision is due again.
    (row,) = placements(session, owner, client_id, today=TODAY)
    assert row.subsidy.parts is None and "loonwaardemeting nodig" in row.subsidy.problem
    assert [(a.label, a.due_on) for a in row.due_actions] == [
        (DECISION_MISSING, dt.date(2026, 9, 1))
    ]

    measurement_id = record_measurement(
        session, owner, client_id, three_tasks(placement_id=placement_id), today=TODAY
    )
    (row,) = placements(session, owner, client_id, today=TODAY)
    assert row.subsidy.parts.loonwaarde_pct == D("59.7") and not row.subsidy.payable
    record_decision(
        session,
        owner,
        client_id,
        by_measurement(placement_id, measurement_id, "01-09-2026", "14-03-2027"),
        today=TODAY,
    )
    (row,) = placements(session, owner, client_id, today=TODAY)
    parts = row.subsidy.parts
    assert parts.loonwaarde_pct == D("59.7") and not parts.forfait and row.subsidy.payable
    assert row.subsidy.measurement_id == measurement_id
    assert [(a.label, a.due_on) for a in row.due_actions] == [
        (DECISION_END, dt.date(2027, 3, 14)),
        (REMEASUREMENT, dt.date(2027, 3, 15)),  # 12 months after the report
    ]
    saved = session.get(WageValueMeasurement, measurement_id)
    assert saved.jobcoach_hours_per_month == D(6)
    tasks = session.scalars(select(WageValueTask).order_by(WageValueTask.position)).all()
    assert [(t.name, t.share_pct) for t in tasks] == [
        ("Maaien", D(50)),
        ("Snoeien", D(30)),
        ("Opruimen", D(20)),
    ]


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"tasks": (TaskForm("Maaien", "60", "70", "100", "90", "63"),)}, "tasks", "100%"),
        ({"tasks": ()}, "tasks", "minstens één"),
        (
            {
                "tasks": tuple(
                    TaskForm(f"T{i}", "16,6", "100", "100", "100", "100") for i in range(6)
                )
            },
            "tasks",
            "ten hoogste 5",
        ),
        (
            {
                "tasks": (
                    TaskForm("Maaien", "95", "70", "100", "90", "63"),
                    TaskForm("Koffie", "5", "100", "100", "100", "100"),
                )
            },
            "task2.share_pct",
            "1/16",
        ),
        ({"loonwaarde_pct": "75"}, "loonwaarde_pct", "wijkt af"),
        ({"contract_hours": "40", "fulltime_hours": "38"}, "contract_hours", "voltijdsuren"),
        ({"visit_date": "20-03-2026"}, "visit_date", "niet na"),
        ({"report_date": "01-12-2026"}, "report_date", "niet na"),
        ({"expert_name": " "}, "expert_name", "deskundige"),
        (
            {
                "tasks": (
                    TaskForm("Maaien", "50", "70", "100", "90", "80"),
                    TaskForm("Snoeien", "50", "60", "90", "100", "54"),
                ),
                "loonwaarde_pct": "67",
            },
            "task1.explanation",
            "licht dat toe",
        ),
        (
            {"tasks": (TaskForm("Maaien", "100", "170", "100", "90", "63"),)},
            "task1.tempo_pct",
            "ten hoogste",
        ),
    ],
)
def test_measurement_validation(session, owner, client_id, changes, field, words) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationFailed) as refused:
        record_measurement(session, owner, client_id, three_tasks(**changes), today=TODAY)
    assert words in refused.value.problems[field], refused.value.problems
    assert session.scalars(select(WageValueMeasurement)).all() == []


def test_a_measurement_correction_keeps_the_original(
    session, owner, client_id, employer_id
) -> None:  # type: ignore[no-untyped-def]
    placement_id = create_placement(session, owner, client_id, job(employer_id), today=TODAY)
    first = record_measurement(
        session, owner, client_id, three_tasks(placement_id=placement_id), today=TODAY
    )
    (original,) = measurement_history(session, owner, client_id)
    assert original.form() == three_tasks(
        placement_id=placement_id, next_measurement_on="15-03-2027"
    )
    fixed = correct_measurement(
        session,
        owner,
        first,
        three_tasks(placement_id=placement_id, loonwaarde_pct="60"),
        today=TODAY,
    )
    rows = measurement_history(session, owner, client_id)
    assert [(r.id, r.is_superseded) for r in rows] == [(fixed, False), (first, True)] or [
        (r.id, r.is_superseded) for r in rows
    ] == [(first, True), (fixed, False)]
    (row,) = placements(session, owner, client_id, today=TODAY)
    assert row.subsidy.measurement_id == fixed and row.subsidy.parts.loonwaarde_pct == D(60)


def test_proefplaatsing_flag_until_a_reason(session, owner, client_id, employer_id) -> None:  # type: ignore[no-untyped-def]
    # Since 2023-07-01 the law limits a proefplaats to 2 months (Participatiewet art. 8a lid 2
    # onderdeel d), stricter than Hengelo's 3: 01-07-2026 + 2 months ends 31-08-2026.
    placement_id = create_placement(
        session,
        owner,
        client_id,
        job(employer_id, placement_type="proefplaatsing", started_on="01-07-2026", wage_hour=""),
        today=TODAY,
    )
    (row,) = placements(session, owner, client_id, today=dt.date(2026, 8, 31))
    assert row.flag is None
    (row,) = placements(session, owner, client_id, today=dt.date(2026, 9, 1))
    assert row.flag.is_open and row.flag.limit_on == dt.date(2026, 8, 31)
    assert row.flag.limit.by_law and "8a" in row.flag.limit.source
    assert "Verdringingsgrens" in row.due_actions[0].label
    with pytest.raises(ValidationFailed):
        record_continuation_reason(session, owner, placement_id, "kort")
    record_continuation_reason(
        session, owner, placement_id, "Werkgever biedt per 1 december een contract aan."
    )
    (row,) = placements(session, owner, client_id, today=TODAY)
    assert row.flag is not None and not row.flag.is_open and row.due_actions == ()
    # The law allows at most 4 months more: past 31-12-2026 no reason keeps it open.
    (row,) = placements(session, owner, client_id, today=dt.date(2027, 1, 1))
    assert row.flag.past_legal_maximum and row.flag.is_open


def test_learning_working_follows_the_course_length(session, owner, client_id, employer_id) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationFailed) as refused:
        create_placement(
            session,
            owner,
            client_id,
            job(employer_id, placement_type="learning_working", started_on="01-01-2026"),
            today=TODAY,
        )
    assert "leerdeel" in refused.value.problems["learning_part"]
    learning = "BBL niveau 2 hovenier, een dag per week school"
    placement_id = create_placement(
        session,
        owner,
        client_id,
        job(
            employer_id,
            placement_type="learning_working",
            started_on="01-01-2026",
            learning_part=learning,
        ),
        today=TODAY,
    )
    (row,) = placements(session, owner, client_id, today=TODAY)
    assert row.flag.limit_months == 6 and not row.flag.limit.by_law
    update_placement(
        session,
        owner,
        placement_id,
        job(
            employer_id,
            placement_type="learning_working",
            started_on="01-01-2026",
            course_months="12",
            learning_part=learning,
        ),
        expected_version=row.version,
        today=TODAY,
    )
    (row,) = placements(session, owner, client_id, today=TODAY)
    assert row.flag is None


def test_hours_and_the_monthly_budget(session, owner, client_id, employer_id) -> None:  # type: ignore[no-untyped-def]
    placement_id = create_placement(session, owner, client_id, job(employer_id), today=TODAY)
    for day, duration, activity in (
        ("03-11-2026", "1:30", "workplace"),
        ("10-11-2026", "90", "employer"),
        ("17-11-2026", "2u", "employee"),
        ("02-10-2026", "1:00", "administration"),
    ):
        record_hours(
            session,
            owner,
            client_id,
            placement_id=placement_id,
            worked_on=day,
            duration=duration,
            activity=activity,
            today=TODAY,
        )
    with pytest.raises(ValidationFailed) as refused:
        record_hours(
            session,
            owner,
            client_id,
            placement_id=placement_id,
            worked_on="23-11-2026",
            duration="1:75",
            activity="dancing",
            today=TODAY,
        )
    assert set(refused.value.problems) == {"worked_on", "duration", "activity"}
    rows = hours_history(session, owner, client_id, placement_id)
    october = next(r for r in rows if r.worked_on.month == 10)
    correct_hours(
        session,
        owner,
        october.id,
        worked_on="02-10-2026",
        duration="0",
        activity="administration",
        note="Dubbel geregistreerd",
        today=TODAY,
    )
    rows = hours_history(session, owner, client_id, placement_id)
    use = monthly_use(
        rows,
        first=dt.date(2026, 10, 1),
        last=TODAY,
        placement_started_on=dt.date(2026, 3, 1),
        hours_per_week=D(24),
        indicated_hours_per_month=D(4),
    )
    assert [u.minutes for u in use] == [0, 300]
    november = use[1]
    assert november.minutes_by_activity == {"workplace": 90, "employer": 90, "employee": 120}
    assert november.indicated_minutes == 240 and november.over_indicated
    # First year of the job: 15% of 24 h x 52/12 = 15.6 h = 936 minutes.
    assert november.ceiling_minutes == 936 and not november.over_ceiling
    assert (
        session.scalars(
            select(AuditEvent.action).where(AuditEvent.entity_type == "job_coaching_hours")
        )
        .all()
        .count("correct")
        == 1
    )
