"""The one pattern of correctable records, for each of its kinds, through the workspace
as the GUI uses it: a record and its correction are each saved with one audit record (the
correction naming what it corrects) and one sync change group; the history keeps the
original, marked as replaced; a record is corrected once; another caseworker's client is
refused; and nothing of a refused save is left behind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select

from app.domain.ladder import answers_for_trede
from app.domain.vocab import Role
from app.models import (
    AuditEvent,
    Caseworker,
    OutboxChange,
    SubsidyDecision,
    WageValueMeasurement,
)
from app.services.errors import AccessDenied, ValidationFailed
from app.services.ladder import AssessmentInput
from app.services.placements import EmployerForm, PlacementForm
from app.storage.store import Store
from app.workspace import Workspace
from tests.factories import client_form, measurement_form
from tests.test_placements import forfait

TODAY = dt.date(2026, 11, 22)


@dataclass(frozen=True)
class Kind:
    """How the workspace records, corrects and lists one kind of record."""

    name: str  # the kind's name in the audit trail
    record: Callable[[Workspace, str, str], str]  # (workspace, client, placement) -> id
    correct: Callable[[Workspace, str], str]  # (workspace, record id) -> correction id
    history: Callable[[Workspace, str], list[Any]]  # (workspace, client) -> rows
    bad: Callable[[Workspace, str, str], object]  # a save that must be refused


def _journal(ws: Workspace, client_id: str, _placement: str, subject: str = "Gesprek") -> str:
    return ws.record_journal_entry(
        client_id,
        occurred_on="20-11-2026",
        kind="conversation",
        subject=subject,
        body="Tekst.",
        today=TODAY,
    )


def _assessment(trede: int, assessed_on: str = "20-11-2026") -> AssessmentInput:
    return AssessmentInput(answers_for_trede(trede), assessed_on, final_trede=trede)


def _measurement(placement_id: str, loonwaarde: str = "60") -> Any:
    return measurement_form(
        placement_id, loonwaarde=loonwaarde, report_date="15-11-2026", visit_date="10-11-2026"
    )


KINDS = [
    Kind(
        "journal_entry",
        _journal,
        lambda ws, rid: ws.correct_journal_entry(
            rid,
            occurred_on="20-11-2026",
            kind="conversation",
            subject="Gesprek (juist)",
            body="Tekst.",
            today=TODAY,
        ),
        lambda ws, cid: ws.journal_history(cid),
        lambda ws, cid, _p: _journal(ws, cid, _p, subject=""),
    ),
    Kind(
        "ladder_assessment",
        lambda ws, cid, _p: ws.record_assessment(cid, _assessment(2), today=TODAY),
        lambda ws, rid: ws.correct_assessment(rid, _assessment(3), today=TODAY),
        lambda ws, cid: ws.assessment_history(cid),
        lambda ws, cid, _p: ws.record_assessment(cid, _assessment(2, "99-99-2026"), today=TODAY),
    ),
    Kind(
        "job_coaching_hours",
        lambda ws, cid, pid: ws.record_hours(
            cid,
            placement_id=pid,
            worked_on="20-11-2026",
            duration="1:30",
            activity="workplace",
            today=TODAY,
        ),
        lambda ws, rid: ws.correct_hours(
            rid, worked_on="20-11-2026", duration="2:00", activity="workplace", today=TODAY
        ),
        lambda ws, cid: ws.hours_history(cid),
        lambda ws, cid, pid: ws.record_hours(
            cid,
            placement_id=pid,
            worked_on="20-11-2026",
            duration="25:00",
            activity="workplace",
            today=TODAY,
        ),
    ),
    Kind(
        "wage_value_measurement",
        lambda ws, cid, pid: ws.record_measurement(cid, _measurement(pid), today=TODAY),
        lambda ws, rid: ws.correct_measurement(
            rid, _measurement(_placement_of(ws, WageValueMeasurement, rid), "65"), today=TODAY
        ),
        lambda ws, cid: ws.measurement_history(cid),
        lambda ws, cid, pid: ws.record_measurement(cid, _measurement(pid, "abc"), today=TODAY),
    ),
    Kind(  # not one of the four of the GUI's record dialogs, but the same pattern
        "subsidy_decision",
        lambda ws, cid, pid: ws.record_decision(cid, forfait(pid), today=TODAY),
        lambda ws, rid: ws.correct_decision(
            rid, forfait(_placement_of(ws, SubsidyDecision, rid), ends_on="31-07-2026"), today=TODAY
        ),
        lambda ws, cid: ws.decision_history(cid),
        lambda ws, cid, pid: ws.record_decision(
            cid, forfait(pid, ends_on="01-01-2026"), today=TODAY
        ),
    ),
]


def _placement_of(ws: Workspace, model: Any, record_id: str) -> str:
    """The placement a measurement or a decision is about (its correction keeps it)."""
    with ws._session() as session:
        found = session.get(model, record_id)
        assert found is not None and found.placement_id is not None
        return str(found.placement_id)


@pytest.fixture
def workspace(store: Store, owner: Any) -> Workspace:
    return Workspace(store)


@pytest.fixture
def client_and_placement(workspace: Workspace) -> tuple[str, str]:
    client_id = workspace.create_client(client_form(birth_date="14-02-1985"), today=TODAY)
    employer_id = workspace.create_employer(
        EmployerForm(name="Groenvoorziening Twente BV", kvk_number="12345678", city="Hengelo")
    )
    placement_id = workspace.create_placement(
        client_id,
        PlacementForm(
            employer_id=employer_id,
            placement_type="regular_job",
            function_title="Medewerker groen",
            started_on="01-03-2026",
            hours_per_week="24",
            wage_hour="16,00",
            fulltime_hours="38",
        ),
        today=TODAY,
    )
    return client_id, placement_id


def _audits(store: Store, kind: str) -> list[tuple[str, str | None, dict[str, Any]]]:
    with store.session() as session:
        return [
            (e.action, e.entity_id, e.details)
            for e in session.scalars(
                select(AuditEvent)
                .where(AuditEvent.entity_type == kind)
                .order_by(AuditEvent.occurred_at, AuditEvent.id)
            )
        ]


def _groups(store: Store) -> int:
    with store.session() as session:
        return int(session.scalar(select(func.count(func.distinct(OutboxChange.txn)))) or 0)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_a_record_and_its_correction(
    kind: Kind, store: Store, workspace: Workspace, client_and_placement: tuple[str, str]
) -> None:
    client_id, placement_id = client_and_placement
    groups = _groups(store)
    original = kind.record(workspace, client_id, placement_id)
    assert _groups(store) == groups + 1  # the record, its audit (and tasks): one change group
    correction = kind.correct(workspace, original)
    assert _groups(store) == groups + 2
    audits = _audits(store, kind.name)
    assert [(action, entity) for action, entity, _details in audits] == [
        ("create", original),
        ("correct", correction),
    ]
    assert audits[1][2]["corrects"] == original and "corrects" not in audits[0][2]

    rows = {row.id: row for row in kind.history(workspace, client_id)}
    assert set(rows) == {original, correction}
    assert rows[original].is_superseded and rows[original].corrected_by_id == correction
    assert rows[correction].corrects_id == original and not rows[correction].is_superseded

    with pytest.raises(ValidationFailed):  # one correction each: correct the correction
        kind.correct(workspace, original)
    assert len(_audits(store, kind.name)) == 2


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_a_refused_save_leaves_nothing(
    kind: Kind, store: Store, workspace: Workspace, client_and_placement: tuple[str, str]
) -> None:
    client_id, placement_id = client_and_placement
    groups = _groups(store)
    with pytest.raises(ValidationFailed):
        kind.bad(workspace, client_id, placement_id)
    assert _audits(store, kind.name) == [] and _groups(store) == groups
    assert kind.history(workspace, client_id) == []


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_a_caseworker_outside_the_caseload_is_refused(
    kind: Kind, store: Store, workspace: Workspace, client_and_placement: tuple[str, str]
) -> None:
    client_id, placement_id = client_and_placement
    original = kind.record(workspace, client_id, placement_id)
    with store.session(workspace.actor.caseworker_id) as session:
        stranger = Caseworker(
            username="wc.ander", display_name="Ander Team", role=Role.WORK_COACH.value
        )
        session.add(stranger)
        session.flush()
        stranger_id = stranger.id
    outsider = Workspace(store)
    outsider.actor = type(workspace.actor)(stranger_id, Role.WORK_COACH, None, "Ander Team")
    for attempt in (
        lambda: kind.history(outsider, client_id),
        lambda: kind.record(outsider, client_id, placement_id),
        lambda: kind.correct(outsider, original),
    ):
        with pytest.raises(AccessDenied):
            attempt()
    assert len(_audits(store, kind.name)) == 1
