"""Client files: validation per field, nothing half-saved, access, audit."""

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.domain.vocab import PriorityGroup, Role
from app.models import AuditEvent, CaseAssignment, Caseworker, Client
from app.services.clients import (
    ClientForm,
    close_client,
    create_client,
    get_client,
    update_client,
    validate_client_form,
)
from app.services.context import actor_for
from app.services.errors import AccessDenied, StaleEdit, ValidationFailed
from tests.factories import client_form

TODAY = dt.date(2026, 11, 22)


def _count(session, model) -> int:  # type: ignore[no-untyped-def]
    return session.scalar(select(func.count()).select_from(model))


def _audits(session, client_id: str) -> list[str]:  # type: ignore[no-untyped-def]
    return list(
        session.scalars(
            select(AuditEvent.action)
            .where(AuditEvent.client_id == client_id)
            .order_by(AuditEvent.occurred_at)
        )
    )


def test_create_a_client(session, owner) -> None:  # type: ignore[no-untyped-def]
    client_id = create_client(session, owner, client_form(), today=TODAY)
    client = session.get(Client, client_id)
    assert client.postcode == "7551 AB"
    assert client.phone == "0612345678"
    assert client.voornamen == "Şükrü"
    assert client.status == "active"
    assignment = session.scalar(select(CaseAssignment).where(CaseAssignment.client_id == client_id))
    assert assignment.caseworker_id == owner.caseworker_id and assignment.started_on == TODAY
    assert _audits(session, client_id) == ["create"]


def test_every_problem_is_reported_and_nothing_is_saved(session, owner) -> None:  # type: ignore[no-untyped-def]
    bad = client_form(
        bsn="123456781",
        achternaam="",
        postcode="12 AB",
        birth_date="31-02-1990",
        email="geen-adres",
        work_obligation="full_exemption",
    )
    with pytest.raises(ValidationFailed) as raised:
        create_client(session, owner, bad, today=TODAY)
    problems = raised.value.problems
    assert set(problems) == {
        "bsn",
        "achternaam",
        "postcode",
        "birth_date",
        "email",
        "exemption_reason",
        "exemption_end",
    }
    assert "elfproef" in problems["bsn"]
    assert _count(session, Client) == 0
    assert _count(session, CaseAssignment) == 0
    assert _count(session, AuditEvent) == 0


def test_duplicate_bsn_is_refused(session, owner) -> None:  # type: ignore[no-untyped-def]
    form = client_form()
    create_client(session, owner, form, today=TODAY)
    with pytest.raises(ValidationFailed) as raised:
        create_client(session, owner, client_form(bsn=form.bsn), today=TODAY)
    assert "al een actieve klant" in raised.value.problems["bsn"]


def test_age_groups_are_derived_not_typed(session, owner) -> None:  # type: ignore[no-untyped-def]
    form = client_form(birth_date="01-01-1970", priority_groups=["statushouder"])
    client_id = create_client(session, owner, form, today=TODAY)
    details = get_client(session, owner, client_id, today=TODAY)
    assert details.priority_groups == (
        PriorityGroup.STATUSHOUDER,
        PriorityGroup.AGE_50_PLUS,
        PriorityGroup.AGE_55_PLUS,
    )
    problems = validate_client_form(client_form(priority_groups=["age_55_plus"]), today=TODAY)
    assert "geboortedatum" in problems["priority_groups"]


def test_update_saves_changes_and_audits_field_names(session, owner) -> None:  # type: ignore[no-untyped-def]
    client_id = create_client(session, owner, client_form(), today=TODAY)
    details = get_client(session, owner, client_id, today=TODAY)
    form = details.form
    form.phone = "0687654321"
    form.obstacles = ["language", "debts"]
    changed = update_client(
        session, owner, client_id, form, expected_version=details.version, today=TODAY
    )
    assert changed == ["phone", "obstacles"]
    client = session.get(Client, client_id)
    assert client.version == 2 and client.obstacles == ["debts", "language"]
    audit = session.scalars(select(AuditEvent).where(AuditEvent.action == "update")).one()
    assert audit.details == {"fields": ["phone", "obstacles"]}
    assert "0687654321" not in str(audit.details)


def test_update_with_invalid_input_keeps_what_was_saved(session, owner) -> None:  # type: ignore[no-untyped-def]
    client_id = create_client(session, owner, client_form(), today=TODAY)
    form = get_client(session, owner, client_id, today=TODAY).form
    form.achternaam = "Anders"
    form.bsn = "111"
    with pytest.raises(ValidationFailed):
        update_client(session, owner, client_id, form, today=TODAY)
    session.expire_all()
    assert session.get(Client, client_id).achternaam == "Yılmaz-Gąsiorowska"


def test_stale_edit_is_refused(session, owner) -> None:  # type: ignore[no-untyped-def]
    client_id = create_client(session, owner, client_form(), today=TODAY)
    details = get_client(session, owner, client_id, today=TODAY)
    form = details.form
    form.city = "Borne"
    update_client(session, owner, client_id, form, today=TODAY)
    with pytest.raises(StaleEdit, match="intussen gewijzigd"):
        update_client(
            session, owner, client_id, form, expected_version=details.version, today=TODAY
        )


def test_close_client(session, owner) -> None:  # type: ignore[no-untyped-def]
    client_id = create_client(session, owner, client_form(), today=TODAY)
    with pytest.raises(ValidationFailed) as raised:
        close_client(session, owner, client_id, outflow_date="", reason="", today=TODAY)
    assert set(raised.value.problems) == {"outflow_date", "outflow_reason"}
    with pytest.raises(ValidationFailed) as raised:
        close_client(session, owner, client_id, outflow_date="22-11-2026", reason="other")
    assert "outflow_note" in raised.value.problems
    close_client(
        session,
        owner,
        client_id,
        outflow_date="20-11-2026",
        reason="paid_employment",
        partial=True,
        today=TODAY,
    )
    client = session.get(Client, client_id)
    assert client.status == "closed" and client.outflow_partial
    assert client.outflow_date == dt.date(2026, 11, 20)
    assert _audits(session, client_id) == ["create", "close"]


def test_viewing_is_audited(session, owner) -> None:  # type: ignore[no-untyped-def]
    client_id = create_client(session, owner, client_form(), today=TODAY)
    get_client(session, owner, client_id, today=TODAY)
    get_client(session, owner, client_id, today=TODAY)
    assert _audits(session, client_id) == ["create", "view", "view"]


def _colleague(session, owner, role: Role, team_id: str | None) -> object:  # type: ignore[no-untyped-def]
    worker = Caseworker(
        username=f"c.{role.value}.{team_id}",
        display_name="Collega",
        role=role.value,
        team_id=team_id,
    )
    session.add(worker)
    session.flush()
    actor = actor_for(session, worker.id)
    actor_for(session, owner.caseworker_id)  # the owner acts again
    return actor


def test_need_to_know(session, owner) -> None:  # type: ignore[no-untyped-def]
    client_id = create_client(session, owner, client_form(), today=TODAY)
    stranger = _colleague(session, owner, Role.WORK_COACH, owner.team_id)
    lead = _colleague(session, owner, Role.TEAM_LEAD, owner.team_id)
    other_lead = _colleague(session, owner, Role.TEAM_LEAD, None)
    with pytest.raises(AccessDenied):
        get_client(session, stranger, client_id)  # type: ignore[arg-type]
    with pytest.raises(AccessDenied):
        get_client(session, other_lead, client_id)  # type: ignore[arg-type]
    assert get_client(session, lead, client_id).id == client_id  # type: ignore[arg-type]
    with pytest.raises(AccessDenied):
        update_client(session, stranger, client_id, ClientForm())  # type: ignore[arg-type]
