"""The central store's feed: one entry per row at its latest sequence number, with the
row's hash, per-field stamps (who changed it last, when) and per-client digests."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from app.sync.wire import (
    BOOKKEEPING,
    EMPTY_DIGEST,
    ENTITIES,
    ORG_SCOPE,
    Entity,
    digest_add,
    digest_sub,
    encode_value,
    row_hash,
)
from central import tables as t

_CHUNK = 500


def lock_counter(conn: Connection) -> None:
    """Serialises writers: sequence numbers are visible in the order they are given."""
    conn.execute(update(t.counter).where(t.counter.c.id == 1).values(value=t.counter.c.value))


def wire_of(entity_: Entity, row: Any) -> dict[str, Any]:
    """Every column of a row (a mapping) as wire values."""
    return {column.name: encode_value(row[column.name]) for column in entity_.columns}


class Feed:
    """The feed writes of one transaction, buffered until `flush`: sequence numbers counted
    from the counter (its row lock is held), feed entries and digest changes in bulk."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.seq = int(conn.execute(select(t.counter.c.value)).scalar_one())
        self._known: dict[tuple[str, str], dict[str, Any] | None] = {}
        self._entries: dict[tuple[str, str], dict[str, Any]] = {}
        self._digests: dict[str, list[tuple[str | None, str]]] = {}

    def prefetch(self, keys: Iterable[tuple[str, str]]) -> None:
        wanted = [key for key in set(keys) if key not in self._known]
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            by_entity: dict[str, list[str]] = {}
            for entity_name, row_id in chunk:
                self._known[(entity_name, row_id)] = None
                by_entity.setdefault(entity_name, []).append(row_id)
            for entity_name, ids in by_entity.items():
                for found in self.conn.execute(
                    select(t.rows).where(t.rows.c.entity == entity_name, t.rows.c.row_id.in_(ids))
                ):
                    self._known[(entity_name, found.row_id)] = {
                        "scope_key": found.scope_key,
                        "hash": found.hash,
                        "stamps": dict(found.stamps or {}),
                    }

    def lookup(self, entity_name: str, row_id: str) -> dict[str, Any] | None:
        key = (entity_name, row_id)
        if key in self._entries:
            return self._entries[key]
        if key not in self._known:
            self.prefetch([key])
        return self._known[key]

    def client_of(self, entity_name: str, row_id: str) -> str | None:
        known = self.lookup(entity_name, row_id)
        return (known["scope_key"] or None) if known else None

    def publish(
        self,
        entity_: Entity,
        wire: dict[str, Any],
        client_id: str | None,
        stamp_fields: Iterable[str] = (),
        stamp: tuple[str, str] | None = None,
    ) -> None:
        """Give the row's current state (`wire`, all columns) a new sequence number."""
        row_id = str(wire["id"])
        previous = self.lookup(entity_.name, row_id)
        scope_key = client_id or ORG_SCOPE
        new_hash = row_hash(entity_.name, wire)
        stamps = dict(previous["stamps"]) if previous else {}
        if stamp is not None:
            for name in stamp_fields:
                if name not in BOOKKEEPING:
                    stamps[name] = list(stamp)
        self.seq += 1
        self._entries[(entity_.name, row_id)] = {
            "entity": entity_.name,
            "row_id": row_id,
            "seq": self.seq,
            "scope_key": scope_key,
            "hash": new_hash,
            "stamps": stamps,
        }
        if previous is not None and previous["scope_key"] != scope_key:
            self._digests.setdefault(previous["scope_key"], []).append(
                (previous["hash"], EMPTY_DIGEST)
            )
            previous = None
        self._digests.setdefault(scope_key, []).append(
            (previous["hash"] if previous else None, new_hash)
        )

    def discard(self) -> None:
        """Forget what was published since the last flush (its savepoint was rolled back)."""
        self._entries.clear()
        self._digests.clear()

    def flush(self) -> None:
        if not self._entries:
            return
        existing = [key for key in self._entries if self._known.get(key) is not None]
        by_entity: dict[str, list[str]] = {}
        for entity_name, row_id in existing:
            by_entity.setdefault(entity_name, []).append(row_id)
        for entity_name, ids in by_entity.items():
            for start in range(0, len(ids), _CHUNK):
                self.conn.execute(
                    t.rows.delete().where(
                        t.rows.c.entity == entity_name,
                        t.rows.c.row_id.in_(ids[start : start + _CHUNK]),
                    )
                )
        self.conn.execute(insert(t.rows), list(self._entries.values()))
        current = {
            found.scope_key: found.digest
            for found in self.conn.execute(
                select(t.digests).where(t.digests.c.scope_key.in_(list(self._digests)))
            )
        }
        for scope_key, pairs in self._digests.items():
            value = current.get(scope_key, EMPTY_DIGEST)
            for old, new in pairs:
                if old is not None:
                    value = digest_sub(value, old)
                value = digest_add(value, new)
            if scope_key in current:
                self.conn.execute(
                    update(t.digests).where(t.digests.c.scope_key == scope_key).values(digest=value)
                )
            else:
                self.conn.execute(insert(t.digests).values(scope_key=scope_key, digest=value))
        self.conn.execute(update(t.counter).where(t.counter.c.id == 1).values(value=self.seq))
        for key, entry in self._entries.items():
            self._known[key] = {
                "scope_key": entry["scope_key"],
                "hash": entry["hash"],
                "stamps": entry["stamps"],
            }
        self._entries.clear()
        self._digests.clear()


def row_states(conn: Connection, feed: Sequence[Any]) -> list[dict[str, Any]]:
    """The pull rows of feed entries: each row's whole current state."""
    by_entity: dict[str, list[str]] = {}
    for item in feed:
        by_entity.setdefault(item.entity, []).append(item.row_id)
    states: dict[tuple[str, str], dict[str, Any]] = {}
    for name, ids in by_entity.items():
        entity_ = ENTITIES[name]
        for start in range(0, len(ids), _CHUNK):
            for found in conn.execute(
                select(entity_.table).where(entity_.table.c.id.in_(ids[start : start + _CHUNK]))
            ):
                mapping = found._mapping
                states[(name, mapping["id"])] = wire_of(entity_, mapping)
    return [
        {
            "entity": item.entity,
            "seq": item.seq,
            "hash": item.hash,
            "scope": item.scope_key,
            "fields": states[(item.entity, item.row_id)],
        }
        for item in feed
    ]


def digest_of(conn: Connection, scope_keys: set[str]) -> str:
    total = EMPTY_DIGEST
    for value in per_scope(conn, scope_keys).values():
        total = digest_add(total, value)
    return total


def per_scope(conn: Connection, scope_keys: set[str]) -> dict[str, str]:
    keys = sorted(scope_keys)
    found: dict[str, str] = {}
    for start in range(0, len(keys), _CHUNK):
        for row in conn.execute(
            select(t.digests.c.scope_key, t.digests.c.digest).where(
                t.digests.c.scope_key.in_(keys[start : start + _CHUNK])
            )
        ):
            found[row.scope_key] = row.digest
    return {key: found.get(key, EMPTY_DIGEST) for key in keys}
