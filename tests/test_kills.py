"""kill -9 at random moments (fixed seed) during demo, init, connect, export, passwd and sync,
run as a caseworker runs them: real processes, a real central store. After every kill the
store opens or is cleanly absent (and can then be made), every committed row is there, and
an output file is either absent or whole and audited."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.domain.vocab import Role
from app.models import AuditEvent, Client, JournalEntry
from app.services.context import owner_actor
from app.services.opening import unlock_store
from app.storage.errors import StoreNotFound, WrongPassphrase
from app.storage.store import StorePaths
from central import tables as t
from tests.conftest import PASSPHRASE
from tests.sync.harness import USER_PASSWORD, CentralServer, add_user, new_laptop, running_central

ROOT = Path(__file__).resolve().parent.parent
KILLS_PER_COMMAND = int(os.environ.get("TREDE_KILLS_PER_COMMAND", "7"))
# 6 commands x 7 moments = 42; each test asserts that nearly all of its moments landed while
# the command ran (a moment after the end is a run that completed), so at least 32 kills in all
SEED = 20261202


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("TREDE_PASSPHRASE", None)
    return {**env, **extra}


def _command(data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), *args]


def _run(argv: list[str], env: dict[str, str], stdin: str = "") -> float:
    """Run to the end; returns how long it took."""
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, input=stdin, capture_output=True, text=True,
                          timeout=300, cwd=ROOT)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return time.perf_counter() - started


def _kill_after(argv: list[str], env: dict[str, str], delay: float, stdin: str = "") -> bool:
    """Start, kill -9 after `delay` seconds; True when it was still running then."""
    child = subprocess.Popen(argv, env=env, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, cwd=ROOT)  # fmt: skip
    assert child.stdin is not None
    child.stdin.write(stdin.encode())
    child.stdin.close()
    try:
        child.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
        child.wait()
        return True


def _moments(rng: random.Random, duration: float) -> list[float]:
    """Kill moments spread over the whole run (imports, key derivation, writing, the end)."""
    return [rng.uniform(0.05, duration * 1.05) for _ in range(KILLS_PER_COMMAND)]


def _clients(data_dir: Path, passphrase: str = PASSPHRASE) -> int:
    store = unlock_store(data_dir, passphrase)
    try:
        with store.session() as session:
            return session.scalar(select(func.count(Client.id))) or 0
    finally:
        store.close()


def _assert_openable_or_absent(data_dir: Path) -> bool:
    """True when a complete store is there; False when it is cleanly absent."""
    paths = StorePaths(data_dir)
    if not paths.exists():
        assert not paths.key_file.exists(), "a key file without its database"
        return False
    unlock_store(data_dir, PASSPHRASE).close()
    return True


@pytest.fixture(scope="module")
def kill_central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    folder = tmp_path_factory.mktemp("kill-central")
    with running_central(f"sqlite:///{folder / 'central.db'}") as server:
        server.store.create_team("Team K", "hengelo")
        add_user(server.store, "wc.k", Role.WORK_COACH, "Team K")
        seeder = new_laptop(folder, "seeder", server, "wc.k")
        for _ in range(15):
            seeder.new_client()
        seeder.sync()
        seeder.close()
        yield server


def test_kill_during_demo_and_init(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    env = _env(TREDE_PASSPHRASE=PASSPHRASE, XDG_STATE_HOME=str(tmp_path / "state"))
    kills = 0
    for kind, args in (
        ("demo", ("demo", "--clients", "40")),
        ("init", ("init", "--name", "Kim Test", "--username", "kim")),
    ):
        duration = _run(_command(tmp_path / f"{kind}-timing", *args), env)
        for number, moment in enumerate(_moments(rng, duration)):
            data_dir = tmp_path / f"{kind}-{number}"
            kills += _kill_after(_command(data_dir, *args), env, moment)
            if _assert_openable_or_absent(data_dir):
                if kind == "demo":
                    assert _clients(data_dir) == 40  # whole, never half a demo
                continue
            _run(_command(data_dir, *args), env)  # the leftover is cleaned up
            assert _assert_openable_or_absent(data_dir)
            assert not (data_dir / ".trede-in-aanmaak").exists()
    assert kills >= 2 * KILLS_PER_COMMAND - 3  # most moments land while it runs


def test_kill_during_connect_leaves_no_store_and_no_extra_device(
    tmp_path: Path, kill_central: CentralServer
) -> None:
    rng = random.Random(SEED + 1)
    env = _env(TREDE_PASSPHRASE=PASSPHRASE, TREDE_ACCOUNT_PASSWORD=USER_PASSWORD,
               XDG_STATE_HOME=str(tmp_path / "state"))  # fmt: skip
    args = ("connect", "--server", kill_central.url, "--username", "wc.k")

    def devices() -> int:
        with kill_central.store.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(t.devices)) or 0

    duration = _run(_command(tmp_path / "timing", *args), env)
    kills = 0
    for number, moment in enumerate(_moments(rng, duration)):
        data_dir = tmp_path / f"connect-{number}"
        before = devices()
        kills += _kill_after(_command(data_dir, *args), env, moment)
        if not _assert_openable_or_absent(data_dir):
            _run(_command(data_dir, *args), env)
        assert _clients(data_dir) == 15  # the whole caseload, received once
        assert devices() == before + 1  # the killed attempt's device was reused
    assert kills >= KILLS_PER_COMMAND - 2


def test_kill_during_export_passwd_and_sync(tmp_path: Path, kill_central: CentralServer) -> None:
    rng = random.Random(SEED + 2)
    laptop = new_laptop(tmp_path, "laptop", kill_central, "wc.k")
    client = next(iter(laptop.store.new_session().scalars(select(Client.id))))
    data_dir = laptop.store.paths.data_dir
    laptop.close()
    state = str(tmp_path / "state")

    # export: the output is absent, or whole with its audit records
    env = _env(TREDE_PASSPHRASE=PASSPHRASE, XDG_STATE_HOME=state)
    out = tmp_path / "caseload.xlsx"
    export = _command(data_dir, "export", "--format", "xlsx", "--yes", "--out", str(out))
    duration = _run(export, env)
    kills = 0
    for moment in _moments(rng, duration):
        out.unlink(missing_ok=True)
        audits_before = _export_audits(data_dir)
        kills += _kill_after(export, env, moment)
        if out.exists():
            from openpyxl import load_workbook

            assert load_workbook(out).active.max_row == 16  # the header and 15 clients
            assert _export_audits(data_dir) == audits_before + 15

    # passwd: the store opens with the old passphrase or with the new one, never neither
    current, other = PASSPHRASE, "een-ander-wachtwoord"
    passwd_env = _env(XDG_STATE_HOME=state)
    duration = _run(_command(data_dir, "passwd"), passwd_env, f"{current}\n{other}\n")
    current, other = other, current
    for moment in _moments(rng, duration):
        kills += _kill_after(
            _command(data_dir, "passwd"), passwd_env, moment, f"{current}\n{other}\n"
        )
        try:
            unlock_store(data_dir, current).close()
        except WrongPassphrase:
            unlock_store(data_dir, other).close()
            current, other = other, current
    if current != PASSPHRASE:
        _run(_command(data_dir, "passwd"), passwd_env, f"{current}\n{PASSPHRASE}\n")

    # sync: every row committed before the kill is still there, and reaches the office
    env = _env(TREDE_PASSPHRASE=PASSPHRASE, XDG_STATE_HOME=state)
    written: list[str] = []
    duration = _run(_command(data_dir, "sync"), env)
    for number, moment in enumerate(_moments(rng, max(duration, 1.0))):
        store = unlock_store(data_dir, PASSPHRASE)
        from app.services import journal

        with store.session() as session:
            actor = owner_actor(session)
        with store.session(actor.caseworker_id) as session:
            journal.record_journal_entry(session, actor, client, occurred_on="20-11-2026",
                              kind="note", subject=f"Voor kill {number}",
                              body="Afspraken.")  # fmt: skip
        written.append(f"Voor kill {number}")
        store.close()
        kills += _kill_after(_command(data_dir, "sync"), env, moment)
        store = unlock_store(data_dir, PASSPHRASE)
        with store.session() as session:
            subjects = set(session.scalars(select(JournalEntry.subject)))
        store.close()
        assert set(written) <= subjects
    assert kills >= 3 * KILLS_PER_COMMAND - 5
    _run(_command(data_dir, "sync"), env)
    with kill_central.store.engine.connect() as conn:
        from sqlalchemy import text

        central = set(conn.scalars(text("SELECT subject FROM journal_entries")))
    assert set(written) <= central


def _export_audits(data_dir: Path) -> int:
    try:
        store = unlock_store(data_dir, PASSPHRASE)
    except StoreNotFound:
        return 0
    try:
        with store.session() as session:
            return (
                session.scalar(
                    select(func.count(AuditEvent.id)).where(AuditEvent.action == "export")
                )
                or 0
            )
    finally:
        store.close()
