"""The scope checksum repairs a laptop that missed a row; an edit against a deletion is
shown; audit records reach the central store; a clock that is off is noticed; the CLI and
the OpenAPI description."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import delete, func, select, update

from app.domain.vocab import Role
from app.models import AuditEvent, Client, JournalEntry, Plan, PlanGoal, ReceivedRow, ScopeDigest
from app.services.clients import create_client
from app.services.conflicts import conflicts, resolve_conflict
from app.services.sync import run_sync, sync_status
from app.sync.http import HttpTransport
from app.sync.wire import digest_sub
from tests.factories import client_form
from tests.sync.harness import (
    PASSPHRASE,
    USER_PASSWORD,
    CentralServer,
    Laptop,
    add_user,
    new_laptop,
)


def _coach(central: CentralServer, tmp_path: Path, *names: str) -> list[Laptop]:
    central.store.create_team("Team", "hengelo")
    add_user(central.store, "wc.a", Role.WORK_COACH, "Team")
    return [new_laptop(tmp_path, name, central, "wc.a") for name in names]


def test_a_row_the_laptop_never_received_is_found_by_the_checksum_and_fetched(
    central: CentralServer, tmp_path: Path
) -> None:
    writer, reader = _coach(central, tmp_path, "w", "r")
    client_id = writer.new_client()
    writer.write_journal(client_id, "Gemist")
    writer.sync()
    reader.sync()
    # as if a page had skipped the entry: the laptop has neither the row nor its hash
    with reader.store.engine.begin() as conn:
        entry_id = conn.execute(select(JournalEntry.id)).scalar_one()
        row_hash = conn.execute(
            select(ReceivedRow.hash).where(ReceivedRow.row_id == entry_id)
        ).scalar_one()
        digest = conn.execute(
            select(ScopeDigest.digest).where(ScopeDigest.scope_key == client_id)
        ).scalar_one()
        conn.execute(delete(JournalEntry).where(JournalEntry.id == entry_id))
        conn.execute(delete(ReceivedRow).where(ReceivedRow.row_id == entry_id))
        conn.execute(
            update(ScopeDigest)
            .where(ScopeDigest.scope_key == client_id)
            .values(digest=digest_sub(digest, row_hash))
        )
    report = reader.sync()
    assert report.resynced_clients == 1
    assert report.checksum_ok
    with reader.store.session() as session:
        assert session.scalar(select(JournalEntry.subject)) == "Gemist"


def test_an_edit_against_a_deletion_is_shown_and_can_be_restored(
    central: CentralServer, tmp_path: Path
) -> None:
    office, field = _coach(central, tmp_path, "office", "field")
    actor = office.actor()
    with office.store.session(actor.caseworker_id) as session:
        client_id = create_client(session, actor, client_form())
        plan = Plan(client_id=client_id)
        session.add(plan)
        session.flush()
        goal = PlanGoal(plan_id=plan.id, description="Werkritme opbouwen")
        session.add(goal)
        session.flush()
        goal_id = goal.id
    office.sync()
    field.sync()
    with office.store.session(actor.caseworker_id) as session:
        session.get(PlanGoal, goal_id).deleted_at = dt.datetime.now(dt.UTC)
    with field.store.session(actor.caseworker_id) as session:
        session.get(PlanGoal, goal_id).description = "Werkritme opbouwen: 3 ochtenden"
    office.sync()
    report = field.sync()
    assert report.open_conflicts == 1
    with field.store.session(actor.caseworker_id) as session:
        (shown,) = conflicts(session, field.actor())
        assert shown.kind == "deleted"
        assert session.get(PlanGoal, goal_id).deleted_at is not None
        resolve_conflict(session, field.actor(), shown.id, "apply")
    field.sync()
    office.sync()
    with office.store.session() as session:
        restored = session.get(PlanGoal, goal_id)
        assert restored.deleted_at is None
        assert restored.description == "Werkritme opbouwen: 3 ochtenden"


def test_audit_records_reach_the_central_store(central: CentralServer, tmp_path: Path) -> None:
    (laptop,) = _coach(central, tmp_path, "a")
    actor = laptop.actor()
    with laptop.store.session(actor.caseworker_id) as session:
        client_id = create_client(session, actor, client_form())
    laptop.sync()
    laptop.sync()  # the audit record of the first sync goes up with the second
    with central.store.engine.connect() as conn:
        actions = set(
            conn.execute(
                select(AuditEvent.action).where(AuditEvent.actor_id == actor.caseworker_id)
            ).scalars()
        )
        about_client = conn.execute(
            select(func.count()).where(AuditEvent.client_id == client_id)
        ).scalar_one()
    assert {"create", "sync"} <= actions
    assert about_client >= 1


class ClockAhead(HttpTransport):
    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        answer = super().post(path, body)
        answer["server_time"] = (
            dt.datetime.fromisoformat(answer["server_time"]) - dt.timedelta(minutes=9)
        ).isoformat()
        return answer


def test_a_laptop_clock_more_than_five_minutes_off_is_noticed(
    central: CentralServer, tmp_path: Path
) -> None:
    (laptop,) = _coach(central, tmp_path, "a")
    report = run_sync(laptop.store, ClockAhead)
    assert report.clock_off
    with laptop.store.session() as session:
        status = sync_status(session)
    assert status.clock_off
    assert round(status.clock_offset_s / 60) == 9
    laptop.sync()
    with laptop.store.session() as session:
        assert not sync_status(session).clock_off


def test_the_protocol_is_described_in_openapi(central: CentralServer) -> None:
    spec = httpx.get(f"{central.url}/openapi.json").json()
    assert {"/v1/login", "/v1/push", "/v1/pull", "/v1/digests"} <= set(spec["paths"])
    assert "Change" in spec["components"]["schemas"]
    too_many = {"changes": [{}] * 2001}
    refused = httpx.post(f"{central.url}/v1/push", json=too_many, headers={"Authorization": "x"})
    assert refused.status_code in {401, 422}


def test_connect_and_sync_from_the_command_line(central: CentralServer, tmp_path: Path) -> None:
    (office,) = _coach(central, tmp_path, "office")
    actor = office.actor()
    with office.store.session(actor.caseworker_id) as session:
        create_client(session, actor, client_form())
    office.sync()
    env = {**os.environ, "TREDE_PASSPHRASE": PASSPHRASE, "TREDE_ACCOUNT_PASSWORD": USER_PASSWORD}
    main = [sys.executable, "main.py", "--data-dir", str(tmp_path / "cli")]
    connected = subprocess.run(
        [*main, "connect", "--server", central.url, "--username", "wc.a"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert connected.returncode == 0, connected.stderr
    assert "ontvangen" in connected.stdout
    again = subprocess.run([*main, "sync"], env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    from app.services.opening import unlock_store

    store = unlock_store(tmp_path / "cli", PASSPHRASE)
    try:
        with store.session() as session:
            assert session.scalar(select(func.count()).select_from(Client)) == 1
    finally:
        store.close()


def test_a_bulk_loaded_central_store_syncs_whole_and_checked(
    central: CentralServer, tmp_path: Path
) -> None:
    """`central demo` loads rows in bulk and feeds them afterwards (publish_unpublished)."""
    assert central.store.seed_demo(30, USER_PASSWORD) > 30
    assert central.store.publish_unpublished() == 0  # each row is fed once
    from app.services.opening import create_store
    from app.services.sync import link_store

    store = create_store(tmp_path / "lead", PASSPHRASE)
    link_store(
        store,
        server_url=central.url,
        username="demo.teamleider",
        password=USER_PASSWORD,
        device_name="lead",
        transport_factory=HttpTransport,
    )
    report = run_sync(store, HttpTransport)  # the first sync: every row, digests compared
    assert report.checksum_ok and report.resynced_clients == 0
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(Client)) == 30
    store.close()


def test_the_login_form_says_what_to_fix() -> None:
    from app.services.sync import account_problems

    assert set(account_problems("trede.gemeente.example", " ", "")) == {
        "server",
        "username",
        "password",
    }
    assert account_problems("https://trede.gemeente.example", "wc.anna", "geheim") == {}


def test_a_laptop_clock_ten_minutes_ahead_may_not_push_and_is_told_so(
    central: CentralServer, tmp_path: Path, monkeypatch: Any
) -> None:
    import app.sync.push as sync_push
    from app.models import utc_now
    from app.sync.errors import ClockOff
    from app.sync.state import pending_changes

    (laptop,) = _coach(central, tmp_path, "a")
    laptop.new_client()
    monkeypatch.setattr(sync_push, "utc_now", lambda: utc_now() + dt.timedelta(minutes=10))
    try:
        run_sync(laptop.store, HttpTransport)
        raise AssertionError("the push was taken")
    except ClockOff as refused:
        assert "10 minuten voor" in str(refused)
    with laptop.store.session() as session:
        assert sync_status(session).clock_off
        assert pending_changes(session.connection()) > 0  # kept for when the clock is right
    monkeypatch.undo()
    assert laptop.sync().pushed > 0
    with central.store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Client)).scalar_one() == 1
