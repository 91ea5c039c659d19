"""The due list and the caseload's next action: every deadline kind of issue 20 item 8 on the
demo store, overdue first, and the caseload's next action the earliest of them."""

from __future__ import annotations

import datetime as dt

import pytest

from app.services import due, placement_view
from app.services.caseload import DUE_ACTION_LABELS, Scope, caseload_with_due_actions
from app.services.demo import generate_demo
from app.services.due_list import due_list
from tests.test_reports import owner_actor

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def team(store):  # type: ignore[no-untyped-def]
    with store.session() as session:
        generate_demo(session, 150, today=TODAY)
    with store.session() as session:
        return owner_actor(session)


def test_the_demo_shows_every_deadline_kind(store, team) -> None:  # type: ignore[no-untyped-def]
    with store.session(team.caseworker_id) as session:
        items = due_list(session, team, scope=Scope.TEAM, today=TODAY)
    labels = {item.label for item in items}
    expected = {
        *DUE_ACTION_LABELS,
        *due.DUE_LABELS,
        placement_view.DECISION_MISSING,
        placement_view.DECISION_END,
        placement_view.FORFAIT_END,
        placement_view.REMEASUREMENT,
        placement_view.DISPLACEMENT_REASON,
    }
    assert expected <= labels, expected - labels
    # overdue first (oldest on top), then by date
    assert [item.due_on for item in items] == sorted(item.due_on for item in items)
    assert any(item.is_overdue(TODAY) for item in items)


def test_next_action_is_the_earliest_due_action(store, team) -> None:  # type: ignore[no-untyped-def]
    with store.session(team.caseworker_id) as session:
        rows, actions = caseload_with_due_actions(
            session, team, scope=Scope.TEAM, today=TODAY, include_closed=False
        )
        items = due_list(session, team, scope=Scope.TEAM, today=TODAY)
    for row in rows:
        found = actions.get(row.client_id, [])
        if not found:
            assert row.next_action is None
            continue
        assert row.next_action is not None
        assert row.next_action.due_on == min(action.due_on for action in found)
    assert len(items) == sum(len(found) for found in actions.values())


def test_the_demo_freezes_its_plans_as_the_plan_service_would(store, team) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from app.models import LadderAssessment, PlanVersion
    from app.services.plans import PlanDocument, plan_document

    compared = 0
    with store.session(team.caseworker_id) as session:
        versions = session.scalars(select(PlanVersion)).all()
        assert versions
        for version in versions:
            last_assessed = session.scalar(
                select(func.max(LadderAssessment.assessed_on)).where(
                    LadderAssessment.client_id == version.client_id
                )
            )
            if last_assessed is not None and last_assessed > version.issued_on:
                continue  # the service would print today's trede, the version its own day's
            expected = plan_document(session, team, version.client_id, today=version.issued_on)
            expected = PlanDocument.from_json({**expected.to_json(), "version": 1})
            assert PlanDocument.from_json(version.content) == expected
            compared += 1
            if compared == 10:
                break
    assert compared > 0


def test_one_client_gets_the_same_actions_as_in_the_caseload(store, team) -> None:  # type: ignore[no-untyped-def]
    from app.services.due_list import client_due_actions

    with store.session(team.caseworker_id) as session:
        rows, actions = caseload_with_due_actions(
            session, team, scope=Scope.TEAM, today=TODAY, include_closed=False
        )
        for row in rows[:25]:
            assert client_due_actions(session, team, row.client_id, today=TODAY) == actions.get(
                row.client_id, []
            )
        assert client_due_actions(session, team, "no-such-client", today=TODAY) == []
