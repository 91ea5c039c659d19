"""A linked laptop whose store is damaged gets it back from the central store, through the real
sync: the same device, every synced row received again, and the unsent work that could still
be read from the damaged file sent along; a connect that was killed after its login leaves no
second device behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app.domain.vocab import Role
from app.models import Client, JournalEntry
from app.services.opening import unlock_store
from app.services.recovery import rebuild_from_central, salvage
from app.storage.errors import StoreCorrupted, StoreDamaged
from app.storage.store import unlock_key
from app.sync.http import HttpTransport
from central import tables as t
from tests.sync.harness import PASSPHRASE, USER_PASSWORD, CentralServer, add_user, new_laptop

PAGE = 4096


def _flip_root_page(database: Path, table: str, root: int) -> None:
    data = bytearray(database.read_bytes())
    data[(root - 1) * PAGE + 300] ^= 0x5A
    database.write_bytes(bytes(data))


def _devices(central: CentralServer) -> int:
    with central.store.engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(t.devices)) or 0


def test_a_damaged_linked_store_is_rebuilt_with_its_unsent_work(
    central: CentralServer, tmp_path: Path
) -> None:
    central.store.create_team("Team A", "hengelo")
    add_user(central.store, "wc.a", Role.WORK_COACH, "Team A")
    laptop = new_laptop(tmp_path, "a", central, "wc.a")
    first, second = laptop.new_client(), laptop.new_client()
    laptop.sync()
    laptop.write_journal(first, "Na het laatste synchroniseren")  # not sent yet
    devices = _devices(central)
    with laptop.store.engine.connect() as conn:
        root = conn.execute(
            text("SELECT rootpage FROM sqlite_master WHERE name = 'clients'")
        ).scalar_one()
    folder = laptop.store.paths.data_dir
    laptop.close()
    _flip_root_page(folder / "trede.db", "clients", root)

    with pytest.raises(StoreCorrupted):
        unlock_store(folder, PASSPHRASE)
    key = unlock_key(folder, PASSPHRASE)
    assert len(salvage(key).outbox) >= 1
    damaged = (folder / "trede.db").read_bytes()

    def offline(_url: str, token: str | None) -> HttpTransport:
        return HttpTransport("http://127.0.0.1:9", token, timeout=2)

    with pytest.raises(StoreDamaged, match="niet bereikbaar"):
        rebuild_from_central(key, offline)
    assert (folder / "trede.db").read_bytes() == damaged  # nothing changed: try again later
    assert not (folder / ".trede-in-aanmaak").exists()
    rebuilt = rebuild_from_central(key, HttpTransport)
    assert rebuilt.rescued_changes >= 1 and rebuilt.report.pushed >= 1
    with rebuilt.store.session() as session:
        assert set(session.scalars(select(Client.id))) == {first, second}
        subjects = set(session.scalars(select(JournalEntry.subject)))
    assert "Na het laatste synchroniseren" in subjects
    with central.store.engine.connect() as conn:
        central_subjects = set(conn.scalars(text("SELECT subject FROM journal_entries")))
    assert "Na het laatste synchroniseren" in central_subjects
    assert _devices(central) == devices  # the same laptop, not a new device
    assert list((folder / "beschadigd").glob("trede-*.db"))
    rebuilt.store.close()
    unlock_store(folder, PASSPHRASE).close()  # whole again


def test_a_connect_killed_after_its_login_is_reused_by_the_next(
    central: CentralServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services import sync as sync_service
    from app.services.opening import create_store

    central.store.create_team("Team B", "hengelo")
    add_user(central.store, "wc.b", Role.WORK_COACH, "Team B")
    folder = tmp_path / "b"
    before = _devices(central)

    def killed_after_login(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt  # as good as kill -9 for what is left behind

    def link(store, previous_token: str | None = None) -> None:  # type: ignore[no-untyped-def]
        sync_service.link_store(
            store,
            server_url=central.url,
            username="wc.b",
            password=USER_PASSWORD,
            device_name="b",
            transport_factory=HttpTransport,
            previous_token=previous_token,
        )

    def first_sync(store) -> None:  # type: ignore[no-untyped-def]
        link(store)
        killed_after_login()

    # the kill leaves the staging folder as it was: no clean-up runs
    monkeypatch.setattr("app.storage.store.discard_unfinished", lambda _paths: None)
    with pytest.raises(KeyboardInterrupt):
        create_store(folder, PASSPHRASE, setup=first_sync)
    monkeypatch.undo()
    assert _devices(central) == before + 1
    from app.storage.store import unfinished_token

    previous = unfinished_token(folder)
    assert previous

    def second_sync(store) -> None:  # type: ignore[no-untyped-def]
        link(store, previous)
        sync_service.run_sync(store, HttpTransport)

    create_store(folder, PASSPHRASE, setup=second_sync).close()
    assert _devices(central) == before + 1
    assert not (folder / ".trede-in-aanmaak").exists()
