"""Damaged stores: one flipped page and many are found at unlock and before a sync, nothing is
written into a damaged file, and the way back works: the newest backup put back with every
row it holds, or a lost key file taken from a backup."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app.models import Client, JournalEntry
from app.services.context import Actor
from app.services.demo import generate_demo
from app.services.opening import unlock_store
from app.storage.backup import backup_if_due, backups, key_from_backup, make_backup
from app.storage.errors import StoreCorrupted, StoreDamaged
from app.storage.store import Store, unlock_key
from tests.conftest import PASSPHRASE

PAGE = 4096


def digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def flip_pages(database: Path, count: int, seed: int = 7) -> list[int]:
    """Flip one byte in `count` pages after the first (a disk's bad sectors)."""
    data = bytearray(database.read_bytes())
    pages = len(data) // PAGE
    chosen = random.Random(seed).sample(range(1, pages), count)
    for page in chosen:
        data[page * PAGE + 200] ^= 0x5A
    database.write_bytes(bytes(data))
    return chosen


@pytest.fixture
def filled(store: Store, owner: Actor) -> Store:
    with store.session(owner.caseworker_id) as session:
        generate_demo(session, 40, seed=3)
    return store


def _counts(store: Store) -> tuple[int, int]:
    with store.session() as session:
        return (
            session.scalar(select(func.count(Client.id))) or 0,
            session.scalar(select(func.count(JournalEntry.id))) or 0,
        )


@pytest.mark.parametrize("pages", [1, 12])
def test_flipped_pages_are_found_at_unlock_and_nothing_is_written(
    filled: Store, pages: int
) -> None:
    folder = filled.paths.data_dir
    filled.close()
    flip_pages(filled.paths.database, pages)
    before = digest(folder)
    with pytest.raises(StoreCorrupted, match="beschadigd") as found:
        unlock_store(folder, PASSPHRASE)
    assert "niets" in str(found.value)  # "... niets meer in" or "... niets gewijzigd"
    assert digest(folder) == before


def test_a_store_damaged_while_open_stops_syncing_and_writing(
    filled: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services import sync
    from app.services.sync import run_sync

    # the page goes bad under the running app (a failing disk), an hour after the unlock
    filled.engine.dispose()
    flip_pages(filled.paths.database, 1)
    monkeypatch.setattr(filled, "_checked_at", filled._checked_at - sync.WHOLE_CHECK_EVERY_S)
    with pytest.raises(StoreCorrupted):
        run_sync(filled, lambda _url, _token: None)  # type: ignore[arg-type, return-value]
    assert filled.damaged
    with pytest.raises(StoreCorrupted), filled.session() as session:
        session.execute(text("SELECT 1"))


def test_backup_damage_restore_gives_back_every_row_of_the_backup(
    filled: Store, owner: Actor
) -> None:
    from app.services.recovery import restore

    folder = filled.paths.data_dir
    backup = make_backup(filled)
    expected = _counts(filled)
    with filled.session() as session:
        rows = {
            table: sorted(map(tuple, session.execute(text(f"SELECT * FROM {table}")).all()))
            for table in ("clients", "journal_entries", "placements", "audit_events")
        }
    filled.close()
    flip_pages(filled.paths.database, 5)
    with pytest.raises(StoreCorrupted):
        unlock_store(folder, PASSPHRASE)
    restored, used = restore(unlock_key(folder, PASSPHRASE))
    assert used == backup
    assert _counts(restored) == expected
    with restored.session() as session:
        for table, before in rows.items():
            after = sorted(map(tuple, session.execute(text(f"SELECT * FROM {table}")).all()))
            assert after == before, table
    restored.close()
    # the damaged file is kept, with the same key, where it can still be read
    kept = list((folder / "beschadigd").glob("trede-*.db"))
    assert len(kept) == 1
    unlock_store(folder, PASSPHRASE).close()


def test_no_whole_backup_says_so(filled: Store) -> None:
    from app.services.recovery import restore

    folder = filled.paths.data_dir
    make_backup(filled)
    filled.close()
    flip_pages(backups(filled.paths)[0].path, 2)
    with pytest.raises(StoreDamaged, match="geen gave reservekopie"):
        restore(unlock_key(folder, PASSPHRASE))


def test_backups_are_daily_encrypted_and_seven_are_kept(filled: Store) -> None:
    import datetime as dt

    start = dt.datetime(2026, 11, 1, 8, 0)
    for day in range(10):
        assert backup_if_due(filled, start + dt.timedelta(days=day)) is not None
        assert backup_if_due(filled, start + dt.timedelta(days=day, hours=2)) is None
    kept = backups(filled.paths)
    assert len(kept) == 7
    assert kept[0].made_at == start + dt.timedelta(days=9)
    raw = kept[0].path.read_bytes()
    assert not raw.startswith(b"SQLite format 3") and b"Werkcoach Test" not in raw


def test_a_damaged_store_is_never_backed_up(filled: Store) -> None:
    filled.engine.dispose()
    flip_pages(filled.paths.database, 1)
    with pytest.raises(StoreCorrupted):
        make_backup(filled)
    assert backups(filled.paths) == []


def test_a_lost_key_file_comes_back_from_a_backup(filled: Store) -> None:
    folder = filled.paths.data_dir
    make_backup(filled)
    filled.close()
    (folder / "trede.key").write_text("{ garbled")
    with pytest.raises(StoreDamaged):
        unlock_store(folder, PASSPHRASE)
    assert key_from_backup(filled.paths)
    unlock_store(folder, PASSPHRASE).close()
    assert not key_from_backup(filled.paths)  # a readable key file is left alone


def test_the_command_line_restores_and_lists(filled: Store, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    folder = filled.paths.data_dir
    make_backup(filled)
    filled.close()
    flip_pages(filled.paths.database, 3)
    env = {**os.environ, "TREDE_PASSPHRASE": PASSPHRASE, "XDG_STATE_HOME": str(tmp_path)}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "main.py", "--data-dir", str(folder), *args],
            env=env, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip

    damaged = run("caseload")
    assert damaged.returncode == 2 and "main.py restore" in damaged.stderr
    assert "Traceback" not in damaged.stderr and len(damaged.stderr.strip().splitlines()) == 1
    listed = run("restore", "--list")
    assert listed.returncode == 0 and "1 reservekopie" in listed.stdout
    restored = run("restore")
    assert restored.returncode == 0, restored.stderr
    assert run("caseload").returncode == 0


def test_a_damaged_store_with_a_wal_is_left_exactly_as_it_was(
    filled: Store, owner: Actor, tmp_path: Path
) -> None:
    import shutil

    from app.services.clients import create_client
    from tests.factories import client_form

    with filled.session(owner.caseworker_id) as session:
        create_client(session, owner, client_form())  # in the WAL, not yet in the file
    crashed = tmp_path / "crashed"  # the files as a kill -9 leaves them
    crashed.mkdir()
    for name in ("trede.db", "trede.db-wal", "trede.key"):
        shutil.copy(filled.paths.data_dir / name, crashed / name)
    filled.close()
    assert (crashed / "trede.db-wal").stat().st_size > 0
    flip_pages(crashed / "trede.db", 2)
    before = {name: hashlib.sha256((crashed / name).read_bytes()).hexdigest()
              for name in ("trede.db", "trede.db-wal")}  # fmt: skip
    with pytest.raises(StoreCorrupted):
        unlock_store(crashed, PASSPHRASE)
    from app.services.recovery import salvage

    salvage(unlock_key(crashed, PASSPHRASE))
    after = {name: hashlib.sha256((crashed / name).read_bytes()).hexdigest()
             for name in ("trede.db", "trede.db-wal")}  # fmt: skip
    assert after == before
