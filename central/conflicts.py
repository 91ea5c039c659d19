"""Conflicts on the central store: parked local transactions (with what joined them later),
field conflicts, who sees each one, and how much of others' work one sender may put there."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, func, insert, or_, select, update
from sqlalchemy.engine import Connection

from app.models import new_id
from app.models.base import JSON_LIMIT, TEXT_LIMIT
from app.sync.wire import ENTITIES, canonical_json, max_length
from central import tables as t
from central.accounts import Device
from central.rights import AUTHOR, LEADS, SCOPE, Refused
from central.scope import scope as scope_of
from central.scope import scope_query

# A sender may have this many open conflicts; beyond it a push is answered 409 until
# some are resolved (nothing is lost: the laptop keeps its outbox).
MAX_OPEN = 500
# Parked work others see (the next caseworker, the team lead) is bounded per sender: a
# larger conflict, or one past the budget, is shown to its author alone.
LARGE = 256 * 1024
SHARED_BUDGET = 1024 * 1024
# All open conflicts of one sender together; past it, pushes wait as with MAX_OPEN.
MAX_OPEN_BYTES = 64 * 1024 * 1024


def _iso(value: dt.datetime | None) -> str | None:
    return None if value is None else value.astimezone(dt.UTC).isoformat()


def open_count(conn: Connection, caseworker_id: str) -> int:
    return int(
        conn.execute(
            select(func.count())
            .select_from(t.conflicts)
            .where(t.conflicts.c.mine_by == caseworker_id, t.conflicts.c.status == "open")
        ).scalar_one()
    )


def open_bytes(conn: Connection, caseworker_id: str) -> int:
    return int(
        conn.execute(
            select(func.coalesce(func.sum(t.conflicts.c.size), 0)).where(
                t.conflicts.c.mine_by == caseworker_id, t.conflicts.c.status == "open"
            )
        ).scalar_one()
    )


def _bounded_value(entity_name: str, name: str, value: Any) -> Any:
    """A value as a conflict keeps it: within its column's limit (no laptop of ours sends
    more; a crafted request does not get to store more), and no NUL character (PostgreSQL
    takes none)."""
    entity_ = ENTITIES.get(entity_name)
    column = entity_.table.c.get(name) if entity_ is not None else None
    if isinstance(value, str):
        limit = (max_length(column) if column is not None else None) or TEXT_LIMIT
        return value[:limit].replace("\x00", "")
    if isinstance(value, list | dict) and len(canonical_json(value)) > JSON_LIMIT:
        return None
    return value


def _bounded(changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    kept = []
    for change in changes:
        entity_name = str(change.get("entity"))
        copy = dict(change)
        for part in ("fields", "base"):
            values = change.get(part)
            if isinstance(values, dict):
                copy[part] = {
                    str(name)[:80].replace("\x00", ""): _bounded_value(
                        entity_name, str(name), value
                    )
                    for name, value in list(values.items())[:200]
                }
        kept.append(copy)
    return kept


def _shared_payload(conn: Connection, caseworker_id: str) -> int:
    return int(
        conn.execute(
            select(func.coalesce(func.sum(t.conflicts.c.size), 0)).where(
                t.conflicts.c.mine_by == caseworker_id,
                t.conflicts.c.status == "open",
                t.conflicts.c.audience != AUTHOR,
            )
        ).scalar_one()
    )


def _primary(changes: list[dict[str, Any]]) -> dict[str, Any]:
    for change in changes:
        if change.get("entity") != "audit_events":
            return change
    return changes[0]


def park(
    conn: Connection,
    *,
    author: Device,
    changes: list[dict[str, Any]],
    refused: Refused,
    client_id: str | None,
    made_at: dt.datetime,
    now: dt.datetime,
) -> str:
    """Keep a local transaction that cannot be applied as it is, whole, in one conflict."""
    changes = _bounded(changes)
    primary = _primary(changes)
    size = len(canonical_json(changes))
    audience = refused.audience
    if audience != AUTHOR and (
        size > LARGE or _shared_payload(conn, author.caseworker_id) + size > SHARED_BUDGET
    ):
        audience = AUTHOR
    conflict_id = new_id()
    conn.execute(
        insert(t.conflicts).values(
            id=conflict_id,
            kind=refused.kind,
            entity=str(primary.get("entity", ""))[:40],
            row_id=str(primary.get("row_id", ""))[:36],
            client_id=client_id,
            mine=primary.get("fields") if isinstance(primary.get("fields"), dict) else None,
            mine_by=author.caseworker_id,
            mine_at=made_at,
            mine_device=author.id,
            theirs=refused.theirs,
            theirs_by=refused.theirs_by,
            change=changes,
            message=refused.message[:500],
            audience=audience,
            size=size,
            status="open",
            created_at=now,
        )
    )
    _hold_rows(conn, conflict_id, changes)
    return conflict_id


def join(conn: Connection, conflict_id: str, changes: list[dict[str, Any]]) -> None:
    """A later transaction that builds on parked work waits in the same conflict (within
    the same bounds as a new one: past them, only its author sees it)."""
    changes = _bounded(changes)
    found = conn.execute(
        select(
            t.conflicts.c.change,
            t.conflicts.c.size,
            t.conflicts.c.audience,
            t.conflicts.c.mine_by,
        ).where(t.conflicts.c.id == conflict_id)
    ).one()
    size = int(found.size) + len(canonical_json(changes))
    audience = found.audience
    if audience != AUTHOR and (
        size > LARGE or _shared_payload(conn, found.mine_by) + size - found.size > SHARED_BUDGET
    ):
        audience = AUTHOR
    conn.execute(
        update(t.conflicts)
        .where(t.conflicts.c.id == conflict_id)
        .values(change=[*(found.change or []), *changes], size=size, audience=audience)
    )
    _hold_rows(conn, conflict_id, changes)


def _hold_rows(conn: Connection, conflict_id: str, changes: list[dict[str, Any]]) -> None:
    keys = {
        (str(change.get("entity"))[:40], str(change.get("row_id"))[:36])
        for change in changes
        if change.get("op") == "insert"
    }
    if not keys:
        return
    held = {
        (row.entity, row.row_id)
        for row in conn.execute(
            select(t.parked.c.entity, t.parked.c.row_id).where(
                t.parked.c.row_id.in_(sorted(row_id for _entity, row_id in keys))
            )
        )
    }
    new = [
        {"entity": entity, "row_id": row_id, "conflict_id": conflict_id}
        for entity, row_id in sorted(keys - held)
    ]
    if new:
        conn.execute(insert(t.parked), new)


def parked_by(conn: Connection, keys: set[tuple[str, str]]) -> dict[tuple[str, str], Any]:
    """For rows that only exist in an open parked conflict: that conflict's (id, author)."""
    if not keys:
        return {}
    found = conn.execute(
        select(t.parked.c.entity, t.parked.c.row_id, t.conflicts.c.id, t.conflicts.c.mine_by)
        .join(t.conflicts, t.conflicts.c.id == t.parked.c.conflict_id)
        .where(
            t.parked.c.row_id.in_(sorted({row_id for _entity, row_id in keys})),
            t.conflicts.c.status == "open",
        )
    )
    return {
        (row.entity, row.row_id): (row.id, row.mine_by)
        for row in found
        if (row.entity, row.row_id) in keys
    }


def field_conflict(
    conn: Connection,
    *,
    author: Device,
    entity_name: str,
    row_id: str,
    client_id: str | None,
    name: str,
    base: Any,
    mine: Any,
    theirs: Any,
    theirs_stamp: list[Any] | None,
    made_at: dt.datetime,
    now: dt.datetime,
) -> None:
    open_one = conn.execute(
        select(t.conflicts.c.id).where(
            t.conflicts.c.status == "open",
            t.conflicts.c.kind == "field",
            t.conflicts.c.entity == entity_name,
            t.conflicts.c.row_id == row_id,
            t.conflicts.c.field == name,
            t.conflicts.c.mine_by == author.caseworker_id,
        )
    ).scalar()
    if open_one is not None:
        # a later edit of the same field by the same caseworker joins its open conflict
        conn.execute(
            update(t.conflicts)
            .where(t.conflicts.c.id == open_one)
            .values(mine=mine, mine_at=made_at, theirs=theirs)
        )
        return
    theirs_by, theirs_at = (theirs_stamp or [None, None])[:2]
    conn.execute(
        insert(t.conflicts).values(
            id=new_id(),
            kind="field",
            entity=entity_name,
            row_id=row_id,
            client_id=client_id,
            field=name,
            base=base,
            mine=mine,
            theirs=theirs,
            mine_by=author.caseworker_id,
            mine_at=made_at,
            mine_device=author.id,
            theirs_by=theirs_by,
            theirs_at=dt.datetime.fromisoformat(theirs_at) if theirs_at else None,
            audience=SCOPE,
            size=len(canonical_json([mine, theirs, base])),
            status="open",
            created_at=now,
        )
    )


def load(conn: Connection, conflict_id: str) -> dict[str, Any] | None:
    found = conn.execute(select(t.conflicts).where(t.conflicts.c.id == conflict_id)).first()
    return dict(found._mapping) if found else None


def can_see(conflict: dict[str, Any], device: Device, in_scope: bool) -> bool:
    if conflict["mine_by"] == device.caseworker_id:
        return True
    if conflict["audience"] == SCOPE:
        return in_scope
    if conflict["audience"] == LEADS:
        return in_scope and (device.is_team_lead or device.is_admin)
    return False


def visible(
    conn: Connection, device: Device, scope: set[str] | None = None
) -> list[dict[str, Any]]:
    """The open conflicts a device is shown: its own, and those of its clients. Of a
    client it no longer has, a caseworker sees only their own side (never the stored
    values, which are someone else's work now)."""
    in_scope = t.conflicts.c.client_id.in_(scope_query(device))
    audiences = [t.conflicts.c.audience == SCOPE]
    if device.is_team_lead or device.is_admin:
        audiences.append(t.conflicts.c.audience == LEADS)
    found = conn.execute(
        select(t.conflicts)
        .where(
            t.conflicts.c.status == "open",
            or_(t.conflicts.c.mine_by == device.caseworker_id, in_scope & or_(*audiences)),
        )
        .order_by(t.conflicts.c.created_at, t.conflicts.c.id)
    )
    if scope is None:
        scope = scope_of(conn, device)
    shown = []
    for row in found:
        wire = conflict_wire(row._mapping)
        if wire["client_id"] is not None and wire["client_id"] not in scope:
            wire.update(theirs=None, theirs_by=None, theirs_at=None)
        shown.append(wire)
    return shown


def settle(
    conn: Connection,
    conflict_id: str,
    resolver: Device,
    resolution: str,
    now: dt.datetime,
) -> None:
    conn.execute(
        update(t.conflicts)
        .where(t.conflicts.c.id == conflict_id)
        .values(
            status="resolved",
            resolved_by=resolver.caseworker_id,
            resolved_at=now,
            resolution=resolution,
        )
    )
    conn.execute(delete(t.parked).where(t.parked.c.conflict_id == conflict_id))


def still_open(conn: Connection, conflict_id: str, message: str) -> None:
    """A resolution that could not be carried out: the conflict stays, with why."""
    conn.execute(
        update(t.conflicts).where(t.conflicts.c.id == conflict_id).values(message=message[:500])
    )


def conflict_wire(row: Any) -> dict[str, Any]:
    changes = row["change"] if isinstance(row["change"], list) else []
    return {
        "id": row["id"],
        "kind": row["kind"],
        "entity": row["entity"],
        "row_id": row["row_id"],
        "client_id": row["client_id"],
        "field": row["field"],
        "base": row["base"],
        "mine": row["mine"],
        "theirs": row["theirs"],
        "mine_by": row["mine_by"],
        "mine_at": _iso(row["mine_at"]),
        "theirs_by": row["theirs_by"],
        "theirs_at": _iso(row["theirs_at"]),
        "message": row["message"],
        "audience": row["audience"],
        "change": changes[0] if changes else None,
        "changes": changes,
    }
