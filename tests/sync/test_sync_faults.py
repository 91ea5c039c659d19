"""Faults: a reply lost after the central commit, a laptop killed while applying a page, the
same push twice, and PostgreSQL transactions committing out of order during a pull."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from app.domain.vocab import Role
from app.models import JournalEntry
from app.services.clients import create_client
from app.services.context import get_setting
from app.services.sync import run_sync, token_name
from app.storage import secrets as keyring_secrets
from app.sync.client import CURSOR_KEY, ServerUnreachable, pending_changes
from app.sync.http import HttpTransport
from central import tables as t
from tests.factories import client_form
from tests.sync.harness import PASSPHRASE, CentralServer, Laptop, add_user, new_laptop, snapshot


def _setup(central: CentralServer, tmp_path: Path, names: tuple[str, ...] = ("a",)) -> list[Laptop]:
    central.store.create_team("Team", "hengelo")
    laptops = []
    for name in names:
        role = Role.TEAM_LEAD if name == "lead" else Role.WORK_COACH
        add_user(central.store, f"wc.{name}", role, "Team")
        laptops.append(new_laptop(tmp_path, name, central, f"wc.{name}"))
    return laptops


def _central_count(central: CentralServer, table: Any) -> int:
    with central.store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


class LosesFirstPushReply(HttpTransport):
    lost = 0

    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        answer = super().post(path, body)
        if path == "/v1/push" and LosesFirstPushReply.lost == 0:
            LosesFirstPushReply.lost += 1
            raise ServerUnreachable("verbinding verbroken")  # after the central commit
        return answer


def test_a_reply_lost_after_the_central_commit_is_resent_and_applied_once(
    central: CentralServer, tmp_path: Path
) -> None:
    (laptop,) = _setup(central, tmp_path)
    actor = laptop.actor()
    with laptop.store.session(actor.caseworker_id) as session:
        client_id = create_client(session, actor, client_form())
    laptop.write_journal(client_id, "Eerste gesprek")
    LosesFirstPushReply.lost = 0
    with pytest.raises(ServerUnreachable):
        run_sync(laptop.store, LosesFirstPushReply)
    with laptop.store.engine.connect() as conn:
        assert pending_changes(conn) > 0  # kept: the laptop never heard back
    assert _central_count(central, JournalEntry.__table__) == 1
    laptop.sync()
    assert _central_count(central, JournalEntry.__table__) == 1
    with laptop.store.session() as session:
        assert session.scalar(select(func.count()).select_from(JournalEntry)) == 1


def test_the_same_push_twice_changes_nothing_the_second_time(
    central: CentralServer, tmp_path: Path
) -> None:
    (laptop,) = _setup(central, tmp_path)
    actor = laptop.actor()
    with laptop.store.session(actor.caseworker_id) as session:
        client_id = create_client(session, actor, client_form())
    laptop.write_journal(client_id, "Gesprek")
    from app.sync.push import change_wire
    from app.sync.state import OUTBOX

    with laptop.store.engine.connect() as conn:
        body = {"changes": [change_wire(r) for r in conn.execute(select(OUTBOX))]}
    token = keyring_secrets.get_secret(token_name(laptop.store.store_id))
    headers = {"Authorization": f"Bearer {token}"}
    first = httpx.post(f"{central.url}/v1/push", json=body, headers=headers).json()
    rows_after_first = _central_count(central, t.rows)
    with central.store.engine.connect() as conn:
        counter = conn.execute(select(t.counter.c.value)).scalar_one()
    second = httpx.post(f"{central.url}/v1/push", json=body, headers=headers).json()
    assert all(result["duplicate"] for result in second["results"])
    assert [r["status"] for r in second["results"]] == [r["status"] for r in first["results"]]
    assert _central_count(central, t.rows) == rows_after_first
    with central.store.engine.connect() as conn:
        assert conn.execute(select(t.counter.c.value)).scalar_one() == counter
    laptop.sync()
    assert _central_count(central, JournalEntry.__table__) == 1


KILLER = """
import os, signal, sys
from pathlib import Path
import app.sync.client as client
import app.sync.pull as pull
from app.services.sync import run_sync
from app.services.opening import unlock_store
from app.sync.http import HttpTransport

pull.PULL_PAGE = 40
store = unlock_store(Path(sys.argv[1]), sys.argv[2])
pages = []
original = client.SyncEngine.__init__

def init(self, engine, transport, **hooks):
    original(self, engine, transport, **hooks)
    def before_commit(rows):
        pages.append(rows)
        if len(pages) == 3:
            os.kill(os.getpid(), signal.SIGKILL)
    self.before_page_commit = before_commit

client.SyncEngine.__init__ = init
run_sync(store, HttpTransport)
"""


def test_a_laptop_killed_while_applying_a_page_resumes_without_loss_or_duplicates(
    central: CentralServer, tmp_path: Path
) -> None:
    writer, reader = _setup(central, tmp_path, ("w", "r"))
    actor = writer.actor()
    with writer.store.session(actor.caseworker_id) as session:
        client_ids = [create_client(session, actor, client_form()) for _ in range(30)]
    for number, client_id in enumerate(client_ids):
        writer.write_journal(client_id, f"Gesprek {number}")
    writer.sync()
    for client_id in client_ids:
        central.store.assign_client(client_id, "wc.r", reason="Overdracht")
    reader.store.close()
    killed = subprocess.run(
        [sys.executable, "-c", KILLER, str(reader.store.paths.data_dir), PASSPHRASE],
        env={**os.environ},
        capture_output=True,
        timeout=120,
    )
    assert killed.returncode == -9, killed.stderr.decode()[-2000:]
    from app.services.opening import unlock_store

    reopened = Laptop("r", unlock_store(reader.store.paths.data_dir, PASSPHRASE), central.url)
    try:
        with reopened.store.session() as session:
            cursor_at_kill = int(get_setting(session, CURSOR_KEY) or 0)
        report = reopened.sync()
        assert report.checksum_ok
        with reopened.store.session() as session:
            # two pages were committed before the kill; the third was rolled back
            assert 0 < cursor_at_kill < int(get_setting(session, CURSOR_KEY) or 0)
        with reopened.store.session() as session:
            subjects = list(session.scalars(select(JournalEntry.subject)))
        assert sorted(subjects) == sorted(f"Gesprek {n}" for n in range(30))
        writer.sync()
        theirs = snapshot(reopened.store.engine)
        assert {k: v for k, v in theirs.items() if k.startswith("journal_entries/")} == {
            k: v
            for k, v in snapshot(central.store.engine).items()
            if k.startswith("journal_entries/")
        }
    finally:
        reopened.close()


@pytest.mark.postgres
def test_transactions_committing_out_of_order_never_let_a_pull_skip_a_change(
    pg_engine: Any, tmp_path: Path
) -> None:
    import uuid

    from sqlalchemy import text

    from tests.sync.harness import pg_schema_url, running_central

    schema = f"trede_order_{uuid.uuid4().hex[:8]}"
    url = pg_schema_url(pg_engine, schema)
    try:
        with running_central(url) as central:
            first, second, lead = _setup(central, tmp_path, ("p", "q", "lead"))
            lead.sync()
            for laptop in (first, second):
                actor = laptop.actor()
                with laptop.store.session(actor.caseworker_id) as session:
                    create_client(session, actor, client_form())

            release = threading.Event()
            holding = threading.Event()
            calls: list[str] = []

            def hold_first_push() -> None:
                calls.append(threading.current_thread().name)
                if len(calls) == 1:
                    holding.set()
                    release.wait(20)

            central.store.before_push_commit = hold_first_push
            finished: dict[str, float] = {}

            def sync(laptop: Laptop) -> None:
                laptop.sync()
                finished[laptop.name] = time.monotonic()

            slow = threading.Thread(target=sync, args=(first,), name="slow")
            slow.start()
            assert holding.wait(20)
            fast = threading.Thread(target=sync, args=(second,), name="fast")
            fast.start()
            time.sleep(0.5)
            lead.sync()  # pulls while the first push is open and the second waits
            released_at = time.monotonic()
            release.set()
            slow.join(30)
            fast.join(30)
            central.store.before_push_commit = None
            assert finished["q"] >= released_at  # the second commit waited for the first
            lead.sync()
            with lead.store.session() as session:
                from app.models import Client

                assert session.scalar(select(func.count()).select_from(Client)) == 2
            assert snapshot(lead.store.engine) == {
                k: v
                for k, v in snapshot(central.store.engine).items()
                if not k.startswith(("audit_events/",))
            }
    finally:
        with pg_engine.begin() as connection:
            connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
