"""kill -9 at chosen and at random moments: a laptop killed while it syncs (before a request,
after a reply, before a local commit) and a central store killed while it answers. Afterwards
every committed row is on the central store and on every laptop that may see it, once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select, text

from app.domain.vocab import Role
from app.models import Client, JournalEntry
from app.services.opening import unlock_store
from app.sync.client import ServerUnreachable, pending_changes
from central import tables as t
from central.db import central_engine, upgrade
from central.store import CentralStore
from tests.sync.harness import (
    PASSPHRASE,
    Laptop,
    add_user,
    central_view,
    free_port,
    new_laptop,
    pg_schema_url,
    scope_of,
    snapshot,
)

KILLS = int(os.environ.get("TREDE_SYNC_KILLS", "24"))
ROOT = Path(__file__).resolve().parents[2]
KILL_POINTS = ("before_request", "after_reply", "commit", "timer")

# The laptop's sync in a process of its own, killed by itself at the n-th event of one kind.
LAPTOP_CHILD = """
import os, signal, sys
from pathlib import Path
from sqlalchemy import event
import app.sync.pull as pull
from app.services.sync import run_sync
from app.services.opening import unlock_store
from app.sync.http import HttpTransport

pull.PULL_PAGE = 5
where, when = sys.argv[3], int(sys.argv[4])
store = unlock_store(Path(sys.argv[1]), sys.argv[2])
seen = 0

def tick(*_args):
    global seen
    seen += 1
    if seen == when:
        os.kill(os.getpid(), signal.SIGKILL)

if where in ("before_request", "after_reply"):
    original = HttpTransport.post
    def post(self, path, body):
        if where == "before_request":
            tick()
        answer = original(self, path, body)
        if where == "after_reply":
            tick()
        return answer
    HttpTransport.post = post
elif where == "commit":
    event.listen(store.engine, "commit", tick)
print("ready", flush=True)
sys.stdin.readline()
run_sync(store, HttpTransport)
print("done", flush=True)
"""


class CentralProcess:
    """`python -m central serve` in a process of its own, so that it can be killed."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "central", "--db", self.url, "serve", "--port", str(self.port)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.base}/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("the central store did not start")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def central_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'central.db'}"
        return
    pg_engine = request.getfixturevalue("pg_engine")
    schema = f"trede_kill_{os.getpid()}_{random.randrange(10**6)}"
    yield pg_schema_url(pg_engine, schema)
    with pg_engine.begin() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))


@contextmanager
def central_admin(url: str) -> Iterator[CentralStore]:
    engine = central_engine(url)
    try:
        yield CentralStore(engine)
    finally:
        engine.dispose()


class Writer:
    """Committed edits on one laptop, remembered so that their survival can be checked."""

    def __init__(self, laptop: Laptop, field: str) -> None:
        self.laptop, self.field = laptop, field
        self.subjects: set[str] = set()
        self.values: dict[str, str] = {}
        self.clients: list[str] = []

    def write(self, rng: random.Random, number: int) -> None:
        if not self.clients or rng.random() < 0.2:
            self.clients.append(self.laptop.new_client())
        for _ in range(rng.randint(1, 4)):
            client_id = rng.choice(self.clients)
            subject = f"{self.laptop.name} gesprek {number}-{len(self.subjects)}"
            self.laptop.write_journal(client_id, subject)
            self.subjects.add(subject)
        client_id = rng.choice(self.clients)
        value = f"{self.field} {number}"
        actor = self.laptop.actor()
        with self.laptop.store.session(actor.caseworker_id) as session:
            row = session.get(Client, client_id)
            assert row is not None
            setattr(row, self.field, value)
        self.values[client_id] = value


def _sync_in_a_child(laptop: Laptop, where: str, when: int, delay: float) -> str:
    """Sync `laptop` in a child process killed at the chosen moment; how it ended."""
    data_dir = laptop.store.paths.data_dir
    laptop.store.close()
    child = subprocess.Popen(
        [sys.executable, "-c", LAPTOP_CHILD, str(data_dir), PASSPHRASE, where, str(when)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None and child.stdin is not None
    assert child.stdout.readline().strip() == b"ready", child.stderr.read() if child.stderr else b""
    child.stdin.write(b"go\n")
    child.stdin.flush()
    if where == "timer":
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
    _, stderr = child.communicate(timeout=120)
    laptop.store = unlock_store(data_dir, PASSPHRASE)
    if child.returncode == -signal.SIGKILL:
        return "killed"
    assert child.returncode == 0, stderr.decode()[-3000:]
    return "finished"


def _sync_while_the_server_dies(laptop: Laptop, server: CentralProcess, delay: float) -> str:
    killer = threading.Timer(delay, server.kill)
    killer.start()
    try:
        laptop.sync()
        outcome = "finished"
    except ServerUnreachable:
        outcome = "server killed"
    finally:
        killer.join()
    server.start()
    return outcome


def test_kill_9_at_any_moment_of_a_sync_loses_and_doubles_nothing(
    central_url: str, tmp_path: Path
) -> None:
    engine = central_engine(central_url)
    upgrade(engine)
    engine.dispose()
    with central_admin(central_url) as admin:
        admin.create_team("Team", "hengelo")
        lead_id = add_user(admin, "tl.kill", Role.TEAM_LEAD, "Team")
        coach_id = add_user(admin, "wc.kill", Role.WORK_COACH, "Team")
    server = CentralProcess(central_url)
    server.start()
    rng = random.Random(20261201)
    outcomes: dict[str, int] = {}
    lead = coach = None
    try:
        lead = new_laptop(tmp_path, "lead", server_stub(server), "tl.kill")
        coach = new_laptop(tmp_path, "coach", server_stub(server), "wc.kill")
        writers = [Writer(lead, "city"), Writer(coach, "street")]
        for number in range(KILLS):
            for writer in writers:
                writer.write(rng, number)
            if rng.random() < 0.7:
                coach.sync()
            where = rng.choice(KILL_POINTS)
            if number % 4 == 3:
                target = rng.choice([lead, coach])
                outcome = _sync_while_the_server_dies(target, server, rng.uniform(0, 0.12))
                where = "server"
            else:
                outcome = _sync_in_a_child(lead, where, rng.randint(1, 8), rng.uniform(0, 0.3))
            outcomes[f"{where} {outcome}"] = outcomes.get(f"{where} {outcome}", 0) + 1
        for laptop in (lead, coach, lead, coach):
            laptop.sync()
        print("KILLS", sorted(outcomes.items()))
        with central_admin(central_url) as admin:
            _check_converged(admin, lead, lead_id, writers)
            _check_converged(admin, coach, coach_id, [writers[1]])
    finally:
        for laptop in (lead, coach):
            if laptop is not None:
                laptop.close()
        server.kill()


class server_stub:  # noqa: N801 - stands in for the in-thread CentralServer of the harness
    def __init__(self, server: CentralProcess) -> None:
        self.url = server.base


def _check_converged(
    admin: CentralStore, laptop: Laptop, caseworker_id: str, writers: list[Writer]
) -> None:
    with laptop.store.engine.connect() as conn:
        assert pending_changes(conn) == 0
    with admin.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(t.conflicts)).scalar_one() == 0
        central_subjects = list(conn.execute(select(JournalEntry.__table__.c.subject)).scalars())
    with laptop.store.session() as session:
        subjects = list(session.scalars(select(JournalEntry.subject)))
        values = {
            writer.field: {
                client_id: getattr(session.get(Client, client_id), writer.field)
                for client_id in writer.values
            }
            for writer in writers
        }
    written = set().union(*(writer.subjects for writer in writers))
    assert sorted(central_subjects) == sorted(set(central_subjects)), "an entry twice"
    assert written <= set(central_subjects), "an entry lost"
    assert sorted(subjects) == sorted(set(subjects)), "an entry twice on the laptop"
    assert written <= set(subjects), "an entry missing on the laptop"
    for writer in writers:
        assert values[writer.field] == writer.values
    assert snapshot(laptop.store.engine) == central_view(admin, scope_of(admin, caseworker_id))
