"""A text longer than the central store takes is refused when saved, with a message that
names the field (the limits are the model's, the same the central store checks)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.models import JournalEntry
from app.models.base import TEXT_LIMIT
from app.services import journal
from app.services.clients import create_client
from app.services.context import Actor
from app.services.errors import ValidationFailed
from app.storage.store import Store
from app.sync.wire import ENTITIES, WireError, decode_value, max_length
from tests.factories import client_form


def test_a_journal_text_over_the_limit_is_refused_with_a_message(
    store: Store, owner: Actor
) -> None:
    with store.session(owner.caseworker_id) as session:
        client_id = create_client(session, owner, client_form())
    with pytest.raises(ValidationFailed) as refused, store.session(owner.caseworker_id) as session:
        journal.record_journal_entry(
            session,
            owner,
            client_id,
            occurred_on="20-11-2026",
            kind="note",
            subject="Gesprek",
            body="x" * (TEXT_LIMIT + 1),
        )
    assert refused.value.problems == {
        "body": "Deze tekst is te lang: ten hoogste 20.000 tekens. Maak hem korter."
    }
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(JournalEntry)) == 0
    with store.session(owner.caseworker_id) as session:  # at the limit it is taken
        journal.record_journal_entry(
            session,
            owner,
            client_id,
            occurred_on="20-11-2026",
            kind="note",
            subject="Gesprek",
            body="x" * TEXT_LIMIT,
        )


def test_the_wire_refuses_what_the_laptop_refuses() -> None:
    body = ENTITIES["journal_entries"].table.c.body
    assert max_length(body) == TEXT_LIMIT
    assert decode_value(body, "x" * TEXT_LIMIT)
    for bad in ("x" * (TEXT_LIMIT + 1), "a\x00b", 12):
        with pytest.raises(WireError):
            decode_value(body, bad)
    wage = ENTITIES["placements"].table.c.wage_hour
    for bad in ("1E+999999999", "12,50", " 1", "NaN"):
        with pytest.raises(WireError):
            decode_value(wage, bad)
    day = ENTITIES["journal_entries"].table.c.occurred_on
    for bad in ("1899-12-31", "2200-01-01", "20-11-2026"):
        with pytest.raises(WireError):
            decode_value(day, bad)


def test_a_value_saved_before_a_limit_never_blocks_another_edit(store: Store, owner: Actor) -> None:
    from sqlalchemy import text

    from app.models import PlanGoal
    from app.services.plan_editing import PlanForm, save_plan

    with store.session(owner.caseworker_id) as session:
        client_id = create_client(session, owner, client_form())
        save_plan(session, owner, client_id, PlanForm(situation="S", goals=(("Doel", "", ""),)))
    with store.engine.begin() as conn:  # as an older version let it in
        conn.execute(text("UPDATE plan_goals SET target_date = '2300-01-01'"))
    with store.session(owner.caseworker_id) as session:
        save_plan(session, owner, client_id, PlanForm(situation="T", goals=(("Nieuw", "", ""),)))
    with store.session() as session:
        live = session.scalars(select(PlanGoal.description).where(PlanGoal.deleted_at.is_(None)))
        assert list(live) == ["Nieuw"]
    # a new value out of range is still refused
    with pytest.raises(ValidationFailed), store.session(owner.caseworker_id) as session:
        save_plan(
            session, owner, client_id, PlanForm(situation="T", goals=(("Doel", "01-01-2300", ""),))
        )
