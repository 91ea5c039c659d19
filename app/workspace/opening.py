"""Before a workspace exists, and around it: opening, making, repairing and re-keying a store
(every store opened here captures its edits for sync). The GUI imports this module only when
it needs it: it loads the database layer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.domain.vocab import Role
from app.services import demo as demo_service
from app.services import recovery
from app.services import sync as sync_service
from app.services.context import initialise_owner
from app.services.opening import create_store, open_store
from app.storage import store as storage
from app.storage.backup import backups, key_from_backup
from app.storage.store import Store
from app.storage.unlocking import UnlockedKey
from app.workspace.base import Cancelled, Progress

__all__ = [
    "Store",
    "backups",
    "change_passphrase",
    "connect_new_store",
    "create_own_store",
    "ensure_demo_store",
    "is_linked",
    "key_from_backup",
    "open_store",
    "passphrase_problem",
    "rebuild_from_central",
    "restore_backup",
]

Transport = Callable[[str, str | None], Any]

change_passphrase = storage.change_passphrase
passphrase_problem = storage.passphrase_problem
ensure_demo_store = demo_service.ensure_demo_store
is_linked = recovery.is_linked
connect_new_store = sync_service.connect_new_store


def create_own_store(
    data_dir: Path,
    passphrase: str,
    *,
    username: str,
    display_name: str,
    role: Role,
    team_name: str,
) -> Store:
    """A new, empty store of a caseworker who works without a central store."""

    def own(new: Store) -> None:
        with new.session() as session:
            initialise_owner(
                session,
                username=username,
                display_name=display_name,
                role=role,
                team_name=team_name,
            )

    return create_store(data_dir, passphrase, setup=own)


def restore_backup(key: UnlockedKey) -> Store:
    """The newest whole backup put back (the damaged database kept aside), opened."""
    return recovery.restore(key)[0]


def rebuild_from_central(
    key: UnlockedKey, transport: Transport, progress: Progress, cancelled: Cancelled
) -> Store:
    """A damaged linked store made again from the central store, with its unsent changes."""
    return recovery.rebuild_from_central(key, transport, progress, cancelled).store
