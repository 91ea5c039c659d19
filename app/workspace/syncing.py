"""Sync and the store's upkeep in the workspace: the status, a sync, logging in to the
central store, and backups."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.services import sync as sync_service
from app.services.sync import SyncStatus, account_problems
from app.storage import backup as backup_service
from app.storage.backup import Backup
from app.sync.client import SyncReport
from app.workspace.base import Cancelled, Progress, WorkspaceBase, reading

__all__ = ["SyncReport", "SyncStatus", "Syncing", "account_problems", "http_transport"]


def http_transport(url: str, token: str | None) -> Any:
    """The transport to the central store (httpx is imported when the first sync runs)."""
    from app.sync.http import HttpTransport

    return HttpTransport(url, token)


class Syncing(WorkspaceBase):
    sync_status = reading(sync_service.sync_status)

    # the transport a sync or a login uses; tests point it at a server of their own
    transport: Callable[[str, str | None], Any] = staticmethod(http_transport)

    def sync(self, progress: Progress | None, cancelled: Cancelled) -> SyncReport:
        """One sync, in sessions of its own (safe on a worker thread)."""
        return sync_service.run_sync(self._store, self.transport, progress, cancelled)

    def log_in(
        self, server_url: str, username: str, password: str, *, previous_token: str | None = None
    ) -> None:
        """Link this store to a central store account; the token goes to the keyring."""
        sync_service.link_store(
            self._store,
            server_url=server_url,
            username=username,
            password=password,
            transport_factory=self.transport,
            previous_token=previous_token,
        )

    def make_backup(self) -> Backup:
        return backup_service.make_backup(self._store)

    def backup_if_due(self) -> Backup | None:
        return backup_service.backup_if_due(self._store)
