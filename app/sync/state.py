"""The laptop's sync state, kept in local_settings beside the data it describes: the
cursor, the scope the central store last named, a pending fetch of new clients, and the
link to the server. Read and written on the connection of the transaction at hand."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, delete, func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection

from app.models import LocalSetting, OutboxChange, SyncConflict

CURSOR_KEY = "sync_cursor"
SCOPE_KEY = "sync_scope"
BOOTSTRAP_KEY = "sync_bootstrap"
LAST_SYNC_KEY = "sync_last_at"
CLOCK_OFFSET_KEY = "sync_clock_offset_s"
SERVER_URL_KEY = "sync_server_url"
DEVICE_KEY = "sync_device_id"
LINKED_CASEWORKER_KEY = "sync_caseworker_id"

SETTINGS: Table = LocalSetting.__table__  # type: ignore[assignment]
OUTBOX: Table = OutboxChange.__table__  # type: ignore[assignment]
CONFLICTS: Table = SyncConflict.__table__  # type: ignore[assignment]


def setting(conn: Connection, key: str) -> str | None:
    return conn.execute(select(SETTINGS.c.value).where(SETTINGS.c.key == key)).scalar()


def put_setting(conn: Connection, key: str, value: str) -> None:
    statement = sqlite_insert(SETTINGS).values(key=key, value=value)
    conn.execute(statement.on_conflict_do_update(index_elements=["key"], set_={"value": value}))


def drop_setting(conn: Connection, key: str) -> None:
    conn.execute(delete(SETTINGS).where(SETTINGS.c.key == key))


@dataclass(frozen=True)
class SyncState:
    cursor: int
    scope: frozenset[str]
    bootstrap: dict[str, Any] | None

    @classmethod
    def read(cls, conn: Connection) -> SyncState:
        bootstrap = setting(conn, BOOTSTRAP_KEY)
        scope = setting(conn, SCOPE_KEY)
        return cls(
            cursor=int(setting(conn, CURSOR_KEY) or 0),
            scope=frozenset(json.loads(scope) if scope else ()),
            bootstrap=json.loads(bootstrap) if bootstrap else None,
        )


def pending_changes(conn: Connection, *, with_audit: bool = False) -> int:
    """Unsent changes; the audit trail's own records only when asked (they go up with the
    next sync, and a caseworker does not count opening a file as a change)."""
    query = select(func.count()).select_from(OUTBOX)
    if not with_audit:
        query = query.where(OUTBOX.c.entity != "audit_events")
    return int(conn.execute(query).scalar_one())


def pending_clients(conn: Connection) -> set[str]:
    """Clients with unsent changes: they stay on the laptop until those are pushed."""
    return set(
        conn.execute(
            select(OUTBOX.c.client_id).where(OUTBOX.c.client_id.is_not(None)).distinct()
        ).scalars()
    )


def open_conflicts(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(CONFLICTS)).scalar_one())
