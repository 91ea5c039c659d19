"""Random offline edits on three laptops and syncs in random order end with identical
stores, and every edit is either in the final data or shown as an open conflict."""

from __future__ import annotations

import itertools
import tempfile
import uuid
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule, run_state_machine_as_test
from sqlalchemy import select

from app.domain.vocab import JournalKind, Role
from app.models import Client, JournalEntry, OutboxChange, SyncConflict
from app.services import journal
from app.services.clients import create_client
from app.services.sync import resolve_conflict
from tests.factories import client_form
from tests.sync.harness import CentralServer, Laptop, add_user, new_laptop, snapshot

FIELDS = ("city", "street", "work_experience", "exemption_reason")
LAPTOPS = 3
CLIENTS = 2


def machine_for(central: CentralServer) -> type[RuleBasedStateMachine]:
    counter = itertools.count()

    class ThreeLaptops(RuleBasedStateMachine):
        @initialize()
        def team(self) -> None:
            self.tmp = Path(tempfile.mkdtemp(prefix="trede-sync-"))
            team = f"Team {uuid.uuid4().hex[:8]}"
            central.store.create_team(team, "hengelo")
            names = [f"{role}.{uuid.uuid4().hex[:6]}" for role in ("wc", "tl1", "tl2")]
            add_user(central.store, names[0], Role.WORK_COACH, team)
            add_user(central.store, names[1], Role.TEAM_LEAD, team)
            add_user(central.store, names[2], Role.TEAM_LEAD, team)
            self.laptops: list[Laptop] = [
                new_laptop(self.tmp, f"laptop{i}", central, name) for i, name in enumerate(names)
            ]
            coach = self.laptops[0]
            actor = coach.actor()
            with coach.store.session(actor.caseworker_id) as session:
                self.clients = [
                    create_client(session, actor, client_form()) for _ in range(CLIENTS)
                ]
            for laptop in self.laptops:
                laptop.sync()
            self.superseded: set[str] = set()
            self.edits: dict[tuple[str, str], set[str]] = {}
            self.subjects: set[str] = set()

        def _current(self, laptop: Laptop, client_id: str, field: str) -> Any:
            with laptop.store.session() as session:
                return getattr(session.get(Client, client_id), field)

        @rule(
            laptop=st.integers(0, LAPTOPS - 1),
            client=st.integers(0, CLIENTS - 1),
            field=st.sampled_from(FIELDS),
        )
        def edit(self, laptop: int, client: int, field: str) -> None:
            target = self.laptops[laptop]
            client_id = self.clients[client]
            value = f"{field}-{next(counter)}"
            actor = target.actor()
            with target.store.session(actor.caseworker_id) as session:
                row = session.get(Client, client_id)
                previous = getattr(row, field)
                setattr(row, field, value)
            if previous is not None:
                self.superseded.add(previous)
            self.edits.setdefault((client_id, field), set()).add(value)

        @rule(laptop=st.integers(0, LAPTOPS - 1), client=st.integers(0, CLIENTS - 1))
        def write_journal(self, laptop: int, client: int) -> None:
            target = self.laptops[laptop]
            subject = f"Gesprek {next(counter)}"
            actor = target.actor()
            with target.store.session(actor.caseworker_id) as session:
                journal.add_entry(
                    session,
                    actor,
                    self.clients[client],
                    occurred_on="20-11-2026",
                    kind=JournalKind.CONVERSATION.value,
                    subject=subject,
                    body="Afspraken gemaakt.",
                )
            self.subjects.add(subject)

        @rule(laptop=st.integers(0, LAPTOPS - 1))
        def sync(self, laptop: int) -> None:
            self.laptops[laptop].sync()

        @rule(laptop=st.integers(0, LAPTOPS - 1), keep_mine=st.booleans())
        def resolve(self, laptop: int, keep_mine: bool) -> None:
            target = self.laptops[laptop]
            actor = target.actor()
            with target.store.session(actor.caseworker_id) as session:
                conflict = session.scalars(select(SyncConflict).limit(1)).first()
                if conflict is None:
                    return
                detail = conflict.detail
                current = getattr(session.get(Client, detail["row_id"]), detail["field"])
                resolve_conflict(session, actor, conflict.id, "mine" if keep_mine else "theirs")
            if keep_mine:
                if current is not None and current != detail["mine"]:
                    self.superseded.add(current)
            else:
                self.superseded.add(detail["mine"])

        def teardown(self) -> None:
            if not hasattr(self, "laptops"):
                return
            try:
                for _round in range(2):
                    for laptop in self.laptops:
                        laptop.sync()
                self._check()
            finally:
                for laptop in self.laptops:
                    laptop.close()

        def _check(self) -> None:
            stores = [snapshot(laptop.store.engine) for laptop in self.laptops]
            assert stores[1] == stores[0]
            assert stores[2] == stores[0]
            shown: set[str] = set()
            for laptop in self.laptops:
                with laptop.store.session() as session:
                    pending = session.scalars(
                        select(OutboxChange.entity).where(OutboxChange.entity != "audit_events")
                    ).all()
                    assert pending == []
                    for conflict in session.scalars(select(SyncConflict)):
                        shown.add(conflict.detail.get("mine"))
                        shown.add(conflict.detail.get("theirs"))
                    subjects = set(session.scalars(select(JournalEntry.subject)))
                    assert subjects == self.subjects
            coach = self.laptops[0]
            for (client_id, field), values in self.edits.items():
                final = self._current(coach, client_id, field)
                for value in values - self.superseded:
                    assert value == final or value in shown, (field, value, final)

    return ThreeLaptops


def test_three_laptops_converge_and_lose_nothing(central: CentralServer) -> None:
    machine = machine_for(central)
    run_state_machine_as_test(
        machine,
        settings=settings(
            max_examples=10,
            stateful_step_count=20,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        ),
    )
