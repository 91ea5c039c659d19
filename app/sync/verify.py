"""The laptop holds exactly what the central store says, field for field: triggers note
every write of a synced row; each sync compares those rows with their state as last
received, and clients that differ (or left the caseload) are removed and fetched again."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Table, bindparam, delete, select, text, union
from sqlalchemy.engine import Connection

from app.models import DirtyRow, ReceivedRow, ScopeDigest, SyncConflict
from app.sync.state import OUTBOX
from app.sync.wire import (
    ENTITIES,
    ORG_SCOPE,
    Entity,
    client_of_row,
    digest_sub,
    encode_value,
    row_hash,
)

DIRTY: Table = DirtyRow.__table__  # type: ignore[assignment]
ROWS: Table = ReceivedRow.__table__  # type: ignore[assignment]
DIGESTS: Table = ScopeDigest.__table__  # type: ignore[assignment]
CONFLICTS: Table = SyncConflict.__table__  # type: ignore[assignment]
_CHUNK = 500
_PULLED = [entity_ for entity_ in ENTITIES.values() if entity_.pulled]
_CLIENT_ROWS = [entity_ for entity_ in ENTITIES.values() if entity_.scope.kind != "none"]

PurgeHook = Callable[[Connection, Sequence[str]], None]
"""Called on the purge's own connection, in its transaction, with the clients whose rows
were removed: what the layers above keep about them (the caseload snapshot of the start-up
screen, a local setting) goes in the same commit. app.services.sync passes it."""


# ------------------------------------------------------------------ what changed


def _note(name: str, row: str) -> str:
    # Not INSERT OR IGNORE: an upsert's own conflict clause would override it here.
    return (
        f"INSERT INTO sync_dirty (entity, row_id) SELECT '{name}', {row}.id WHERE NOT EXISTS "
        f"(SELECT 1 FROM sync_dirty WHERE entity = '{name}' AND row_id = {row}.id);"
    )


def _trigger_names() -> dict[str, str]:
    statements = {}
    for entity_ in _PULLED:
        name = entity_.name
        for event, row in (("insert", "NEW"), ("update", "NEW"), ("delete", "OLD")):
            statements[f"sync_dirty_{name}_{event}"] = (
                f"CREATE TRIGGER IF NOT EXISTS sync_dirty_{name}_{event} AFTER {event.upper()} "
                f"ON {name} BEGIN {_note(name, row)} END"
            )
        # an update that changes the id leaves the old one behind
        statements[f"sync_dirty_{name}_rekey"] = (
            f"CREATE TRIGGER IF NOT EXISTS sync_dirty_{name}_rekey AFTER UPDATE OF id "
            f"ON {name} BEGIN {_note(name, 'OLD')} END"
        )
    return statements


def ensure_tracking(conn: Connection) -> None:
    """Install the triggers once; the first time, every row is checked at this sync."""
    statements = _trigger_names()
    present = set(
        conn.execute(
            text(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_dirty_%'"
            )
        ).scalars()
    )
    if set(statements) <= present:
        return
    for name, statement in statements.items():
        if name not in present:
            conn.exec_driver_sql(statement)
    for entity_ in _PULLED:
        conn.exec_driver_sql(
            f"INSERT OR IGNORE INTO sync_dirty (entity, row_id) "
            f"SELECT '{entity_.name}', id FROM {entity_.name}"
        )
    conn.exec_driver_sql(
        "INSERT OR IGNORE INTO sync_dirty (entity, row_id) SELECT entity, row_id FROM sync_rows"
    )


def _local_client(conn: Connection, entity_: Entity, wire: dict[str, Any]) -> str | None:
    def parent_client(parent_entity: str, parent_id: str) -> str | None:
        parent = ENTITIES[parent_entity].table
        return conn.execute(select(parent.c.client_id).where(parent.c.id == parent_id)).scalar()

    return client_of_row(entity_, wire, parent_client)


def divergences(conn: Connection) -> dict[str, set[tuple[str, str]]]:
    """Per scope, the written rows that differ from their state as last received (rows with
    unsent changes wait for their push). Rows found equal are no longer noted."""
    dirty = [(row.entity, row.row_id) for row in conn.execute(select(DIRTY))]
    if not dirty:
        return {}
    pending = {
        (row.entity, row.row_id) for row in conn.execute(select(OUTBOX.c.entity, OUTBOX.c.row_id))
    }
    by_entity: dict[str, list[str]] = {}
    for entity_name, row_id in dirty:
        if (entity_name, row_id) not in pending and entity_name in ENTITIES:
            by_entity.setdefault(entity_name, []).append(row_id)
    clean: list[dict[str, str]] = []
    divergent: dict[str, set[tuple[str, str]]] = {}
    for entity_name, ids in by_entity.items():
        entity_ = ENTITIES[entity_name]
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            received = {
                row.row_id: (row.hash, row.scope_key)
                for row in conn.execute(
                    select(ROWS).where(ROWS.c.entity == entity_name, ROWS.c.row_id.in_(chunk))
                )
            }
            local = {
                row.id: {c.name: encode_value(row._mapping[c.name]) for c in entity_.columns}
                for row in conn.execute(select(entity_.table).where(entity_.table.c.id.in_(chunk)))
            }
            for row_id in chunk:
                wire, last = local.get(row_id), received.get(row_id)
                if wire is None and last is None:
                    clean.append({"entity": entity_name, "row_id": row_id})
                    continue
                if wire is not None and last is not None and row_hash(entity_name, wire) == last[0]:
                    clean.append({"entity": entity_name, "row_id": row_id})
                    continue
                scope = last[1] if last else (_local_client(conn, entity_, wire or {}) or ORG_SCOPE)
                divergent.setdefault(scope, set()).add((entity_name, row_id))
    if clean:
        conn.execute(
            DIRTY.delete().where(
                DIRTY.c.entity == bindparam("entity"), DIRTY.c.row_id == bindparam("row_id")
            ),
            clean,
        )
    return divergent


# ------------------------------------------------------------------ what the laptop holds


def held_clients(conn: Connection) -> set[str]:
    """Every client any row on the laptop belongs to, bookkeeping included."""
    selects: list[Any] = []
    for entity_ in _CLIENT_ROWS:
        table = entity_.table
        if entity_.scope.kind == "self":
            selects.append(select(table.c.id.label("client")))
        elif entity_.scope.kind == "column":
            assert entity_.scope.column is not None
            column = table.c[entity_.scope.column]
            selects.append(select(column.label("client")).where(column.is_not(None)))
    selects.append(select(ROWS.c.scope_key.label("client")))
    selects.append(select(DIGESTS.c.scope_key.label("client")))
    found = set(conn.execute(union(*selects)).scalars())
    found.discard(ORG_SCOPE)
    return found


def drop_orphans(conn: Connection) -> None:
    """Rows whose parent row is not on the laptop (a goal of a plan that left) go too."""
    for entity_ in _CLIENT_ROWS:
        if entity_.scope.kind != "parent":
            continue
        assert entity_.scope.column is not None and entity_.scope.parent_entity is not None
        parent = ENTITIES[entity_.scope.parent_entity].table
        column = entity_.table.c[entity_.scope.column]
        pending = select(OUTBOX.c.row_id).where(OUTBOX.c.entity == entity_.name)
        conn.execute(
            delete(entity_.table).where(
                column.not_in(select(parent.c.id)), entity_.table.c.id.not_in(pending)
            )
        )


def purge_clients(
    conn: Connection,
    client_ids: Iterable[str],
    *,
    on_purge: PurgeHook,
    keep_pending_rows: bool = False,
) -> None:
    """Remove every row of these clients from the laptop (they left the caseload), and
    through `on_purge`, in the same transaction, what the app keeps about them elsewhere."""
    client_ids = sorted(client_ids)
    if not client_ids:
        return
    for start in range(0, len(client_ids), _CHUNK):
        _purge(conn, client_ids[start : start + _CHUNK], keep_pending_rows)
    on_purge(conn, client_ids)


def _purge(conn: Connection, client_ids: list[str], keep_pending_rows: bool) -> None:
    ids: Any = bindparam("ids", expanding=True)
    for entity_ in reversed(list(ENTITIES.values())):
        table = entity_.table
        scope = entity_.scope
        if scope.kind == "none":
            continue
        if scope.kind == "self":
            condition = table.c.id.in_(ids)
        elif scope.kind == "column":
            assert scope.column is not None
            condition = table.c[scope.column].in_(ids)
        else:
            assert scope.column is not None and scope.parent_entity is not None
            parent = ENTITIES[scope.parent_entity].table
            condition = table.c[scope.column].in_(
                select(parent.c.id).where(parent.c.client_id.in_(ids))
            )
        statement = delete(table).where(condition)
        if keep_pending_rows:
            statement = statement.where(
                table.c.id.not_in(select(OUTBOX.c.row_id).where(OUTBOX.c.entity == entity_.name))
            )
        conn.execute(statement, {"ids": client_ids})
    conn.execute(delete(ROWS).where(ROWS.c.scope_key.in_(client_ids)))
    conn.execute(delete(DIGESTS).where(DIGESTS.c.scope_key.in_(client_ids)))
    conn.execute(delete(CONFLICTS).where(CONFLICTS.c.client_id.in_(client_ids)))


def forget_rows(conn: Connection, keys: Iterable[tuple[str, str]]) -> None:
    """Drop rows of the organisation that differ (they are fetched again with its scope)."""
    pending = {
        (row.entity, row.row_id) for row in conn.execute(select(OUTBOX.c.entity, OUTBOX.c.row_id))
    }
    for entity_name, row_id in keys:
        if (entity_name, row_id) in pending:
            continue
        table = ENTITIES[entity_name].table
        conn.execute(delete(table).where(table.c.id == row_id))
        received = conn.execute(
            select(ROWS.c.hash, ROWS.c.scope_key).where(
                ROWS.c.entity == entity_name, ROWS.c.row_id == row_id
            )
        ).first()
        if received is None:
            continue
        conn.execute(delete(ROWS).where(ROWS.c.entity == entity_name, ROWS.c.row_id == row_id))
        digest = conn.execute(
            select(DIGESTS.c.digest).where(DIGESTS.c.scope_key == received.scope_key)
        ).scalar()
        if digest is not None:
            conn.execute(
                DIGESTS.update()
                .where(DIGESTS.c.scope_key == received.scope_key)
                .values(digest=digest_sub(digest, received.hash))
            )
