"""The one way to open or make a laptop store: storage's openers with the change capture of
app.sync registered on the store's own sessions (storage does not import sync, and the
capture touches no other session in the process). Every caller opens stores through here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy.engine import Connection

from app.storage import store as _storage
from app.storage.store import Store
from app.storage.unlocking import UnlockedKey
from app.sync.capture import register_capture

__all__ = ["create_store", "open_store", "replace_database", "unlock_store"]


def create_store(
    data_dir: Path,
    passphrase: str,
    *,
    demo: bool = False,
    setup: Callable[[Store], None] | None = None,
) -> Store:
    """A new store (see app.storage.store.create_store) whose edits are captured for sync,
    also those `setup` makes before it is complete."""
    return _storage.create_store(
        data_dir, passphrase, demo=demo, setup=setup, session_events=register_capture
    )


def open_store(key: UnlockedKey, *, migrate: bool = True) -> Store:
    """Open the store of an unwrapped key (see app.storage.store.open_store), captured."""
    return _storage.open_store(key, migrate=migrate, session_events=register_capture)


def unlock_store(data_dir: Path, passphrase: str, *, migrate: bool = True) -> Store:
    """Unlock and open the store in `data_dir`, captured."""
    return _storage.unlock_store(
        data_dir, passphrase, migrate=migrate, session_events=register_capture
    )


def replace_database(
    key: UnlockedKey, fill: Callable[[Connection], None], complete: Callable[[Store], None]
) -> Path | None:
    """A new database for a damaged one (see app.storage.store.replace_database); the store
    that `complete` is given captures its edits, as the store opened afterwards does."""
    return _storage.replace_database(key, fill, complete, session_events=register_capture)
