"""Generated demo data covers every screen: treden, groups, municipalities, records."""

import datetime as dt
from collections import Counter

from sqlalchemy import func, select, text

from app.domain.validation import is_valid_bsn
from app.models import (
    AuditEvent,
    Client,
    JobCoachingHours,
    JournalEntry,
    LadderAssessment,
    Placement,
    Plan,
    WageValueMeasurement,
    WageValueTask,
)
from app.services.caseload import Scope, caseload_rows
from app.services.context import owner_actor
from app.services.demo import generate_demo


def test_demo_store_has_something_real_everywhere(store) -> None:  # type: ignore[no-untyped-def]
    with store.session() as session:
        assert generate_demo(session, 400, today=dt.date(2026, 11, 22)) == 400
    with store.session() as session:
        clients = session.scalars(select(Client)).all()
        assert len(clients) == 400
        assert all(is_valid_bsn(c.bsn) for c in clients)
        assert len({c.bsn for c in clients}) == 400
        assert {c.municipality for c in clients} == {"hengelo", "borne", "haaksbergen"}
        assert any(not c.achternaam.isascii() for c in clients)
        groups = Counter(g for c in clients for g in c.priority_groups)
        assert set(groups) == {
            "school_leaver",
            "parent_young_children",
            "statushouder",
            "doelgroepregister",
            "beschut_werk",
        }
        for model in (
            JournalEntry,
            LadderAssessment,
            Placement,
            WageValueMeasurement,
            WageValueTask,
            JobCoachingHours,
            Plan,
            AuditEvent,
        ):
            assert session.scalar(select(func.count()).select_from(model)) > 0, model
        actor = owner_actor(session)
        rows = caseload_rows(session, actor, scope=Scope.TEAM, today=dt.date(2026, 11, 22))
        assert len(rows) == 400
        assert {r.trede for r in rows} == {1, 2, 3, 4, 5, 6}
        tasks = session.execute(
            text("SELECT measurement_id, count(*) FROM wage_value_tasks GROUP BY measurement_id")
        ).all()
        assert all(count == 3 for _, count in tasks)


def test_demo_is_added_to_not_replaced(store) -> None:  # type: ignore[no-untyped-def]
    with store.session() as session:
        generate_demo(session, 30)
    with store.session() as session:
        generate_demo(session, 20)
    with store.session() as session:
        assert session.scalar(select(func.count(Client.id))) == 50
