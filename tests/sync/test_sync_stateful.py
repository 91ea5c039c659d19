"""Random offline histories of a team: a work coach, a job coach and their team lead (and,
sometimes, a laptop that joins late) edit shared clients, write journal entries and first
plans, hand clients over in both directions (at the same time, too), choose every conflict
resolution, and sync through lost requests, lost replies and interrupted pages. After three
clean sync rounds:

- convergence: every row a laptop holds equals the central store's;
- exact scope: every laptop holds exactly the clients its caseworker may see;
- singletons: at most one open assignment and one live plan per client, everywhere;
- no loss: every saved edit, entry and draft is stored or waits in an open conflict that
  its author sees, unless someone chose to let it go.

CI runs a few histories; `TREDE_SYNC_EXAMPLES=500 TREDE_SYNC_STEPS=50` runs a long one. A
failing history is printed step by step; `python -m tests.sync.replay_history FILE` replays
the steps saved in FILE."""

from __future__ import annotations

import contextlib
import itertools
import os
import tempfile
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import select

from app.domain.vocab import JournalKind, Role
from app.models import Client, OutboxChange, Plan, SyncConflict
from app.services import journal
from app.services.assignments import transfer_client
from app.services.conflicts import conflicts, resolve_conflict
from app.services.errors import ServiceError
from app.services.opening import create_store
from app.services.plan_editing import PlanForm, save_plan
from app.services.sync import link_store, run_sync, sync_engine
from app.sync import pull as sync_pull
from app.sync.errors import ServerUnreachable
from app.sync.http import HttpTransport
from app.sync.wire import ENTITIES
from central import tables as t
from tests.factories import client_form
from tests.sync.harness import (
    PASSPHRASE,
    USER_PASSWORD,
    CentralServer,
    Laptop,
    add_user,
    central_view,
    new_laptop,
    scope_of,
    snapshot,
)

EXAMPLES = int(os.environ.get("TREDE_SYNC_EXAMPLES", "8"))
STEPS = int(os.environ.get("TREDE_SYNC_STEPS", "30"))
FIELDS = ("city", "street", "work_experience", "exemption_reason")
FAULTS = ("none", "none", "lost_request", "lost_reply", "lost_page", "broken_page")
CLIENTS = 3
# What the histories did, printed at the end (pytest -s): shows the rules reach their cases.
STATS: Counter[str] = Counter()


class Faulty(HttpTransport):
    """Loses the next push request, push reply or pull page, as a network would."""

    fault = "none"

    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        if Faulty.fault == "lost_request" and path == "/v1/push":
            Faulty.fault = "none"
            raise ServerUnreachable("verbinding verbroken")
        answer = super().post(path, body)
        if (Faulty.fault, path) in {("lost_reply", "/v1/push"), ("lost_page", "/v1/pull")}:
            Faulty.fault = "none"
            raise ServerUnreachable("verbinding verbroken")  # after the server did its part
        return answer


def machine_for(central: CentralServer) -> type[RuleBasedStateMachine]:
    counter = itertools.count()

    class Team(RuleBasedStateMachine):
        @initialize()
        def team(self) -> None:
            self.tmp = Path(tempfile.mkdtemp(prefix="trede-sync-"))
            team = f"Team {uuid.uuid4().hex[:8]}"
            central.store.create_team(team, "hengelo")
            self.team_name = team
            roles = (("wc", Role.WORK_COACH), ("jc", Role.JOB_COACH), ("tl", Role.TEAM_LEAD))
            self.names = [f"{prefix}.{uuid.uuid4().hex[:6]}" for prefix, _role in roles]
            self.ids = [
                add_user(central.store, name, role, team)
                for name, (_prefix, role) in zip(self.names, roles, strict=True)
            ]
            self.late_name = f"wc2.{uuid.uuid4().hex[:6]}"
            self.late_id = add_user(central.store, self.late_name, Role.WORK_COACH, team)
            self.laptops: list[Laptop] = [
                new_laptop(self.tmp, f"laptop{i}", central, name)
                for i, name in enumerate(self.names)
            ]
            coach = self.laptops[0]
            self.clients = [coach.new_client() for _ in range(CLIENTS)]
            for laptop in self.laptops:
                laptop.sync()
            self.edits: dict[tuple[str, str], set[str]] = {}
            self.superseded: set[str] = set()
            self.subjects: set[str] = set()
            self.situations: set[str] = set()
            self.let_go: set[str] = set()

        # ------------------------------------------------------------------ helpers

        def _session(self, laptop: Laptop) -> Any:
            return laptop.store.session(laptop.actor().caseworker_id)

        def _stored(self, laptop: Laptop, entity: str, row_id: str, field: str) -> Any:
            table = ENTITIES[entity].table
            with laptop.store.engine.connect() as conn:
                return conn.execute(select(table.c[field]).where(table.c.id == row_id)).scalar()

        def _own_pending_choice(self, laptop: Laptop, entity: str, row_id: str, field: str) -> None:
            """A new edit of a field that waits in the caseworker's own field conflict
            replaces their value there (the central store keeps the latest)."""
            me = laptop.actor().caseworker_id
            with laptop.store.session() as session:
                for conflict in session.scalars(select(SyncConflict)):
                    detail = conflict.detail
                    if (detail["kind"], detail["entity"], detail["row_id"]) == (
                        "field",
                        entity,
                        row_id,
                    ) and (detail["field"], detail["mine_by"]) == (field, me):
                        self.superseded.add(str(detail["mine"]))

        def _live_situation(self, laptop: Laptop, client_id: str) -> str | None:
            with laptop.store.session() as session:
                return session.scalar(
                    select(Plan.situation).where(
                        Plan.client_id == client_id, Plan.deleted_at.is_(None)
                    )
                )

        # ------------------------------------------------------------------ rules

        def _client(self, pick: int) -> str:
            return self.clients[pick % len(self.clients)]

        def _then_sync(self, laptop: int, and_sync: bool) -> None:
            if and_sync:
                self.sync(laptop, "none")

        @rule(
            laptop=st.integers(0, 2),
            client=st.integers(0, 30),
            field=st.sampled_from(FIELDS),
            and_sync=st.booleans(),
        )
        def edit(self, laptop: int, client: int, field: str, and_sync: bool) -> None:
            STATS["rule edit"] += 1
            target, client_id = self.laptops[laptop], self._client(client)
            value = f"{field}-{next(counter)}"
            with self._session(target) as session:
                row = session.get(Client, client_id)
                if row is not None:
                    self._own_pending_choice(target, "clients", client_id, field)
                    previous = getattr(row, field)
                    setattr(row, field, value)
                    if previous is not None:
                        self.superseded.add(previous)
                    self.edits.setdefault((client_id, field), set()).add(value)
            self._then_sync(laptop, and_sync)

        @rule(laptop=st.integers(0, 2), client=st.integers(0, 30), and_sync=st.booleans())
        def write_journal(self, laptop: int, client: int, and_sync: bool) -> None:
            STATS["rule write_journal"] += 1
            target, subject = self.laptops[laptop], f"Gesprek {next(counter)}"
            try:
                with self._session(target) as session:
                    journal.record_journal_entry(
                        session,
                        target.actor(),
                        self._client(client),
                        occurred_on="20-11-2026",
                        kind=JournalKind.CONVERSATION.value,
                        subject=subject,
                        body="Afspraken gemaakt.",
                    )
                self.subjects.add(subject)
            except ServiceError:
                pass  # not in this caseworker's caseload (any more)
            self._then_sync(laptop, and_sync)

        @rule(laptop=st.integers(0, 2), client=st.integers(0, 30), and_sync=st.booleans())
        def write_plan(self, laptop: int, client: int, and_sync: bool) -> None:
            STATS["rule write_plan"] += 1
            target, client_id = self.laptops[laptop], self._client(client)
            situation = f"Situatie {next(counter)}"
            previous = self._live_situation(target, client_id)
            with target.store.session() as session:
                plan_id = session.scalar(
                    select(Plan.id).where(Plan.client_id == client_id, Plan.deleted_at.is_(None))
                )
            if plan_id is not None:
                self._own_pending_choice(target, "plans", plan_id, "situation")
            form = PlanForm(situation=situation, goals=((f"Doel bij {situation}", "", ""),))
            try:
                with self._session(target) as session:
                    save_plan(session, target.actor(), client_id, form)
                if previous is not None:
                    self.superseded.add(previous)
                self.situations.add(situation)
            except ServiceError:
                pass
            self._then_sync(laptop, and_sync)

        @rule(
            laptop=st.integers(0, 2),
            client=st.integers(0, 30),
            to=st.integers(0, 2),
            and_sync=st.booleans(),
        )
        def transfer(self, laptop: int, client: int, to: int, and_sync: bool) -> None:
            STATS["rule transfer"] += 1
            self._transfer(self.laptops[laptop], self._client(client), self.ids[to])
            self._then_sync(laptop, and_sync)

        def _transfer(self, target: Laptop, client_id: str, to: str) -> None:
            try:
                with self._session(target) as session:
                    transfer_client(session, target.actor(), client_id, to, reason="Overdracht")
            except ServiceError as exc:
                STATS[f"transfer refused: {str(exc)[:50]}"] += 1
                return
            STATS["transfers"] += 1

        @rule(laptop=st.integers(0, 2), to=st.integers(0, 2))
        def register_and_hand_over(self, laptop: int, to: int) -> None:
            """A new client, handed over before this laptop ever synced it."""
            STATS["rule register_and_hand_over"] += 1
            target = self.laptops[laptop]
            with self._session(target) as session:
                from app.services.clients import create_client

                client_id = create_client(session, target.actor(), client_form())
            self.clients.append(client_id)
            if self.ids[to] != target.actor().caseworker_id:
                self._transfer(target, client_id, self.ids[to])

        @precondition(lambda self: len(self.laptops) == 3)
        @rule(to=st.integers(0, 2))
        def late_laptop(self, to: int) -> None:
            """A colleague's laptop joins: it registers a client and hands it over before its
            first sync."""
            STATS["rule late_laptop"] += 1
            store = create_store(self.tmp / "late", PASSPHRASE)
            link_store(
                store,
                server_url=central.url,
                username=self.late_name,
                password=USER_PASSWORD,
                device_name="late",
                transport_factory=HttpTransport,
            )
            laptop = Laptop("late", store, central.url)
            self.laptops.append(laptop)
            with laptop.store.session() as session:
                from app.services.context import OWNER_KEY, set_setting

                set_setting(session, OWNER_KEY, self.late_id)
            laptop.sync()  # its first sync: an empty caseload (and its own colleagues)
            with self._session(laptop) as session:
                from app.services.clients import create_client

                client_id = create_client(session, laptop.actor(), client_form())
            self.clients.append(client_id)
            self._transfer(laptop, client_id, self.ids[to])

        @rule(laptop=st.integers(0, 3), fault=st.sampled_from(FAULTS))
        def sync(self, laptop: int, fault: str) -> None:
            STATS["rule sync"] += 1
            if laptop >= len(self.laptops):
                return
            target = self.laptops[laptop]
            if fault == "broken_page":
                self._sync_breaking_a_page(target)
                return
            Faulty.fault = fault
            try:
                run_sync(target.store, Faulty)
            except ServerUnreachable:
                STATS[f"fault {fault}"] += 1  # nothing lost; the next sync goes on
            finally:
                Faulty.fault = "none"

        def _sync_breaking_a_page(self, target: Laptop) -> None:
            from app.services.sync import token_name
            from app.storage import secrets as keyring_secrets

            token = keyring_secrets.get_secret(token_name(target.store.store_id))
            engine = sync_engine(target.store, HttpTransport(central.url, token))
            pages = itertools.count()

            def broken(_rows: int) -> None:
                if next(pages) == 1:
                    raise RuntimeError("the laptop stopped while writing a page")

            engine.before_page_commit = broken
            with contextlib.suppress(RuntimeError):
                engine.sync()
                return
            STATS["fault broken_page"] += 1

        @rule(
            laptop=st.integers(0, 3),
            choices=st.lists(
                st.tuples(st.integers(0, 2), st.integers(0, 9)), min_size=1, max_size=4
            ),
        )
        def resolve(self, laptop: int, choices: list[tuple[int, int]]) -> None:
            """The caseworker syncs, opens the conflicts and settles some of them."""
            STATS["rule resolve"] += 1
            if laptop >= len(self.laptops):
                return
            self.sync(laptop, "none")
            for choice, pick in choices:
                self._resolve_one(self.laptops[laptop], choice, pick)

        def _resolve_one(self, target: Laptop, choice: int, pick: int) -> None:
            actor = target.actor()
            with self._session(target) as session:
                shown = conflicts(session, actor)
                if not shown:
                    STATS["resolve: nothing to resolve"] += 1
                    return
                conflict = shown[pick % len(shown)]
                detail = session.get(SyncConflict, conflict.id).detail
                if conflict.is_field:
                    resolution = ("mine", "theirs", "edit")[choice]
                else:
                    resolution = ("apply", "discard", "apply")[choice]
                value = f"{conflict.field}-{next(counter)}" if resolution == "edit" else None
                current = (
                    self._stored(target, detail["entity"], detail["row_id"], detail["field"])
                    if conflict.is_field
                    else None
                )
                try:
                    resolve_conflict(session, actor, conflict.id, resolution, value)
                except ServiceError as exc:
                    STATS[f"resolve refused: {str(exc)[:40]}"] += 1
                    return  # a team lead's choice
            STATS[f"resolved {detail['kind']} with {resolution}"] += 1
            self._note_choice(detail, resolution, value, current)

        def _note_choice(
            self, detail: dict[str, Any], resolution: str, value: Any, current: Any
        ) -> None:
            if detail["kind"] == "field":
                if resolution in {"mine", "edit"} and current is not None:
                    self.superseded.add(current)  # the stored value the caseworker overrode
                if resolution in {"theirs", "edit"}:
                    self.superseded.add(detail["mine"])
                if resolution == "edit" and detail["entity"] == "clients":
                    self.edits.setdefault((detail["row_id"], detail["field"]), set()).add(value)
                return
            texts = _texts(detail.get("changes") or [])
            if resolution == "discard":
                self.let_go |= texts
            elif detail["kind"] == "duplicate":
                self.let_go |= _texts([{"fields": detail.get("theirs") or {}}])

        # ------------------------------------------------------------------ the end

        def teardown(self) -> None:
            if not hasattr(self, "laptops"):
                return
            try:
                Faulty.fault = "none"
                for laptop in self.laptops:
                    laptop.sync()
                # every caseworker settles what they see, each choice in turn
                for laptop in self.laptops:
                    for turn in range(12):
                        self._resolve_one(laptop, turn % 3, 0)
                for _round in range(3):
                    for laptop in self.laptops:
                        laptop.sync()
                self._check()
            finally:
                for laptop in self.laptops:
                    laptop.close()

        def _check(self) -> None:
            store = central.store
            with store.engine.connect() as conn:
                open_conflicts = list(
                    conn.execute(select(t.conflicts).where(t.conflicts.c.status == "open"))
                )
            STATS["histories"] += 1
            kept = set()
            for conflict in open_conflicts:
                STATS[f"open at the end: {conflict.kind} {conflict.entity}"] += 1
                kept |= {str(conflict.mine), str(conflict.theirs)}
                kept |= _texts(conflict.change if isinstance(conflict.change, list) else [])
                if isinstance(conflict.mine, dict):
                    kept |= {str(v) for v in conflict.mine.values()}
            full = central_view(store, None)
            for laptop in self.laptops:
                actor = laptop.actor()
                scope = scope_of(store, actor.caseworker_id)
                held = snapshot(laptop.store.engine)
                assert held == central_view(store, scope), f"{laptop.name} differs"
                with laptop.store.session() as session:
                    on_laptop = set(session.scalars(select(Client.id)))
                    assert on_laptop == scope, f"{laptop.name} holds another scope"
                    assert session.scalars(select(OutboxChange.entity)).all() == []
                    mine = {c.id for c in open_conflicts if c.mine_by == actor.caseworker_id}
                    shown = set(session.scalars(select(SyncConflict.id)))
                    assert mine <= shown, f"{laptop.name} does not see its own conflicts"
            self._check_singletons(full)
            self._check_nothing_lost(full, kept)

        def _check_singletons(self, rows: dict[str, dict[str, Any]]) -> None:
            open_assignments: dict[str, int] = {}
            live_plans: dict[str, int] = {}
            for key, row in rows.items():
                live = row["deleted_at"] is None
                if key.startswith("case_assignments/") and row["ended_on"] is None and live:
                    open_assignments[row["client_id"]] = (
                        open_assignments.get(row["client_id"], 0) + 1
                    )
                if key.startswith("plans/") and row["deleted_at"] is None:
                    live_plans[row["client_id"]] = live_plans.get(row["client_id"], 0) + 1
            assert all(n == 1 for n in open_assignments.values()), open_assignments
            assert all(n == 1 for n in live_plans.values()), live_plans
            assert set(open_assignments) >= set(self.clients)

        def _check_nothing_lost(self, rows: dict[str, dict[str, Any]], kept: set[str]) -> None:
            stored = {str(value) for row in rows.values() for value in row.values()}
            for (client_id, field), values in self.edits.items():
                final = rows.get(f"clients/{client_id}", {}).get(field)
                for value in values - self.superseded - self.let_go:
                    assert value == final or value in kept, (field, value, final)
            for subject in self.subjects - self.let_go:
                assert subject in stored or subject in kept, subject
            for situation in self.situations - self.superseded - self.let_go:
                assert situation in stored or situation in kept, situation

    return Team


def _texts(changes: list[dict[str, Any]]) -> set[str]:
    """Every text a list of changes carries (subjects, situations, field values)."""
    found = set()
    for change in changes:
        fields = change.get("fields") if isinstance(change, dict) else None
        if isinstance(fields, dict):
            found |= {str(value) for value in fields.values() if isinstance(value, str)}
    return found


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sync_pull, "PULL_PAGE", 7)  # several pages, so a page can break


def test_random_team_histories_converge_and_lose_nothing(
    central: CentralServer, small_pages: None
) -> None:
    run_state_machine_as_test(
        machine_for(central),
        settings=settings(
            max_examples=EXAMPLES,
            stateful_step_count=STEPS,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        ),
    )
    print(f"\nsync histories ({EXAMPLES} x {STEPS} steps):", dict(sorted(STATS.items())))
