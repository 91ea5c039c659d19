"""Assignments and transfers, the caseload rows, the journal with corrections."""

import datetime as dt

import pytest
from sqlalchemy import select

from app.domain.ladder import answers_for_trede
from app.domain.vocab import Role
from app.models import AuditEvent, Caseworker, JournalEntry, LadderAssessment
from app.services.assignments import assignment_history, colleagues, transfer_client
from app.services.caseload import Scope, caseload_rows
from app.services.clients import create_client
from app.services.context import actor_for
from app.services.errors import AccessDenied, NotFound, ValidationFailed
from app.services.journal import correct_journal_entry, journal_history, record_journal_entry
from tests.factories import client_form

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def colleague(session, owner):  # type: ignore[no-untyped-def]
    worker = Caseworker(
        username="pc.test",
        display_name="Participatiecoach Test",
        role=Role.PARTICIPATION_COACH.value,
        team_id=owner.team_id,
    )
    session.add(worker)
    session.flush()
    return worker


def test_transfer_keeps_history_and_moves_access(session, owner, colleague) -> None:  # type: ignore[no-untyped-def]
    client_id = create_client(
        session, owner, client_form(intake_date=""), today=dt.date(2026, 1, 5)
    )
    with pytest.raises(ValidationFailed) as raised:
        transfer_client(session, owner, client_id, colleague.id, on=TODAY, reason="")
    assert "reason" in raised.value.problems
    transfer_client(session, owner, client_id, colleague.id, on=TODAY, reason="Warme overdracht")
    history_viewer = actor_for(session, colleague.id)
    history = assignment_history(session, history_viewer, client_id)
    assert [(h.caseworker_name, h.started_on, h.ended_on) for h in history] == [
        ("Werkcoach Test", dt.date(2026, 1, 5), TODAY),
        ("Participatiecoach Test", TODAY, None),
    ]
    actor_for(session, owner.caseworker_id)
    with pytest.raises(AccessDenied):
        assignment_history(session, owner, client_id)
    assert session.scalar(select(AuditEvent.action).where(AuditEvent.action == "transfer"))


def test_transfer_to_the_same_caseworker_is_refused(session, owner) -> None:  # type: ignore[no-untyped-def]
    client_id = create_client(session, owner, client_form(), today=TODAY)
    with pytest.raises(ValidationFailed) as raised:
        transfer_client(session, owner, client_id, owner.caseworker_id, reason="x")
    assert "al bij deze medewerker" in raised.value.problems["caseworker"]


def test_colleagues_of_the_team(session, owner, colleague) -> None:  # type: ignore[no-untyped-def]
    names = [name for _, name in colleagues(session, owner)]
    assert names == ["Participatiecoach Test", "Werkcoach Test"]


def _assess(session, client_id: str, assessor: str, on: dt.date, trede: int) -> None:  # type: ignore[no-untyped-def]
    answers = answers_for_trede(trede)
    session.add(
        LadderAssessment(
            client_id=client_id,
            assessed_on=on,
            assessor_id=assessor,
            derived_trede=trede,
            final_trede=trede,
            review_on=on.replace(year=on.year + 1),
            **{name: getattr(answers, name) for name in answers.field_names()},
        )
    )
    session.flush()


def test_caseload_rows(session, owner, colleague) -> None:  # type: ignore[no-untyped-def]
    berg = create_client(
        session,
        owner,
        client_form(voornamen="Jan", tussenvoegsel="van der", achternaam="Berg"),
        today=TODAY,
    )
    aalders = create_client(
        session,
        owner,
        client_form(voornamen="Anna", achternaam="Aalders", birth_date="01-01-2003"),
        today=TODAY,
    )
    create_client(
        session, owner, client_form(achternaam="Elders"), today=TODAY, caseworker_id=colleague.id
    )
    _assess(session, berg, owner.caseworker_id, dt.date(2024, 3, 1), 2)
    _assess(session, berg, owner.caseworker_id, dt.date(2025, 3, 1), 4)
    rows = caseload_rows(session, owner, today=TODAY)
    assert [r.listing_name for r in rows] == ["Aalders, Anna", "Berg, Jan van der"]
    anna, jan = rows
    assert anna.age == 23 and anna.trede is None
    # No plan issued yet: due 8 weeks after the intake of 01-09-2026 (plan_due_weeks_after_intake).
    assert anna.next_action.label == "Plan van aanpak opstellen (art. 44a)"
    assert anna.next_action.due_on == dt.date(2026, 10, 27)
    assert [g.value for g in anna.priority_groups] == ["under_27"]
    assert jan.trede == 4 and jan.review_on == dt.date(2026, 3, 1)
    assert jan.next_action.label == "Herbeoordeling ladder" and jan.is_overdue(TODAY)
    assert anna.client_id == aalders
    with pytest.raises(AccessDenied):
        caseload_rows(session, owner, scope=Scope.TEAM)


def test_team_lead_sees_the_team(session, owner, colleague) -> None:  # type: ignore[no-untyped-def]
    create_client(session, owner, client_form(achternaam="Eigen"), today=TODAY)
    create_client(
        session, owner, client_form(achternaam="Collega"), today=TODAY, caseworker_id=colleague.id
    )
    lead_worker = Caseworker(
        username="tl", display_name="Teamleider", role="team_lead", team_id=owner.team_id
    )
    session.add(lead_worker)
    session.flush()
    lead = actor_for(session, lead_worker.id)
    assert caseload_rows(session, lead, scope=Scope.OWN) == []
    assert [
        r.listing_name.split(",")[0] for r in caseload_rows(session, lead, scope=Scope.TEAM)
    ] == ["Collega", "Eigen"]


def test_journal_entry_and_correction(session, owner) -> None:  # type: ignore[no-untyped-def]
    client_id = create_client(session, owner, client_form(), today=TODAY)
    with pytest.raises(ValidationFailed) as raised:
        record_journal_entry(
            session,
            owner,
            client_id,
            occurred_on="23-11-2026",
            kind="phone",
            subject="",
            body="",
            today=TODAY,
        )
    assert set(raised.value.problems) == {"occurred_on", "subject", "body"}
    entry = record_journal_entry(
        session,
        owner,
        client_id,
        occurred_on="20-11-2026",
        kind="phone",
        subject="Telefonisch contact",
        body="Afspraak gemaakt voor dinsdag.",
        today=TODAY,
    )
    fix = correct_journal_entry(
        session,
        owner,
        entry,
        occurred_on="20-11-2026",
        kind="phone",
        subject="Telefonisch contact",
        body="Afspraak gemaakt voor woensdag.",
        today=TODAY,
    )
    rows = journal_history(session, owner, client_id)
    assert [r.id for r in rows] == [fix, entry]
    assert rows[0].corrects_id == entry and rows[1].corrected_by_id == fix
    assert rows[1].is_superseded and rows[1].body == "Afspraak gemaakt voor dinsdag."
    assert session.get(JournalEntry, entry).body == "Afspraak gemaakt voor dinsdag."
    with pytest.raises(ValidationFailed):
        correct_journal_entry(
            session,
            owner,
            entry,
            occurred_on="20-11-2026",
            kind="phone",
            subject="Nogmaals",
            body="x",
            today=TODAY,
        )
    with pytest.raises(NotFound):
        correct_journal_entry(
            session,
            owner,
            "no-such-id",
            occurred_on="20-11-2026",
            kind="phone",
            subject="x",
            body="x",
            today=TODAY,
        )
    actions = list(
        session.scalars(select(AuditEvent.action).where(AuditEvent.entity_type == "journal_entry"))
    )
    assert actions == ["create", "correct"]


def test_search_finds_name_bsn_and_postcode_typed_any_way(session, owner) -> None:  # type: ignore[no-untyped-def]
    from app.services.caseload import CaseloadFilter, filter_rows

    create_client(
        session,
        owner,
        client_form(voornamen="Şükrü", achternaam="Yılmaz", bsn="123456782", postcode="7551ab"),
        today=TODAY,
    )
    rows = caseload_rows(session, owner, today=TODAY)
    for typed in ("sukru yilmaz", "YILMAZ", "123456782", "7551ab", "7551 AB", "7551AB"):
        assert len(filter_rows(rows, CaseloadFilter(text=typed, status=None), TODAY)) == 1, typed


def test_plan_lines_need_their_name_once_a_date_is_given_and_real_dates() -> None:
    from app.services.plan_editing import PlanForm, validate_plan

    form = PlanForm(
        goals=(("", "01-03-2027", ""), ("Werkritme", "31-02-2027", "")),
        instruments=(("", "", "", "01-06-2027"), ("Taalles", "", "morgen", "")),
    )
    problems = validate_plan(form)
    assert problems["goal1.description"] == "Beschrijf doel 1."
    assert "goal2.target" in problems and "goal2.description" not in problems
    assert problems["instrument1.instrument"] == "Noem activiteit 1."
    assert "instrument2.from" in problems and "instrument2.instrument" not in problems
    assert validate_plan(PlanForm(goals=(("", "", ""),))) == {}
