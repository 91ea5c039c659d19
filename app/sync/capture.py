"""Change capture: every ORM flush of a synced row writes its outbox change in the same
transaction, so an edit and its pending change are saved together or not at all. The
changes of one transaction share a group id: the central store applies them whole or not."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import Table, event, insert, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from app.models import Document, OutboxChange, SyncedMixin, new_id, utc_now
from app.sync.wire import BOOKKEEPING, ENTITIES, Entity, client_of_row, encode_value

log = logging.getLogger(__name__)

OUTBOX: Table = OutboxChange.__table__  # type: ignore[assignment]
GROUP_KEY = "sync_group"
_ENTITY_ORDER = {name: position for position, name in enumerate(ENTITIES)}


def client_of(session: Session, entity_: Entity, values: dict[str, Any]) -> str | None:
    """The client a row belongs to; a parent row may be new in this same flush."""

    def parent_client(parent_entity: str, parent_id: str) -> str | None:
        parent = ENTITIES[parent_entity].table
        return (
            session.connection()
            .execute(select(parent.c.client_id).where(parent.c.id == parent_id))
            .scalar()
        )

    return client_of_row(entity_, values, parent_client)


def outbox_row(
    *,
    entity_name: str,
    row_id: str,
    client_id: str | None,
    op: str,
    fields: dict[str, Any],
    base: dict[str, Any] | None = None,
    base_version: int | None = None,
    resolves: str | None = None,
    resolution: str | None = None,
    group: str | None = None,
) -> dict[str, Any]:
    change_id = new_id()
    return {
        "change_id": change_id,
        "txn": group or change_id,
        "entity": entity_name,
        "row_id": row_id,
        "client_id": client_id,
        "op": op,
        "base_version": base_version,
        "fields": fields,
        "base": base or {},
        "resolves": resolves,
        "resolution": resolution,
        "made_at": utc_now(),
    }


def _insert_change(session: Session, obj: SyncedMixin, entity_: Entity) -> dict[str, Any]:
    values = {column.key: getattr(obj, column.key) for column in entity_.columns}
    return outbox_row(
        entity_name=entity_.name,
        row_id=obj.id,
        client_id=client_of(session, entity_, values),
        op="insert",
        fields={name: encode_value(value) for name, value in values.items()},
    )


def _update_change(session: Session, obj: Document, entity_: Entity) -> dict[str, Any] | None:
    state = inspect(obj)
    fields: dict[str, Any] = {}
    base: dict[str, Any] = {}
    for column in entity_.columns:
        if column.key in BOOKKEEPING:
            continue
        history = state.attrs[column.key].history
        if not history.has_changes():
            continue
        new = encode_value(getattr(obj, column.key))
        old = encode_value(history.deleted[0]) if history.deleted else None
        if new != old:
            fields[column.key] = new
            base[column.key] = old
    if not fields:
        return None
    fields["updated_at"] = encode_value(obj.updated_at)
    values = {column.key: getattr(obj, column.key) for column in entity_.columns}
    return outbox_row(
        entity_name=entity_.name,
        row_id=obj.id,
        client_id=client_of(session, entity_, values),
        op="update",
        fields=fields,
        base=base,
        # the version this edit started from (the flush has just raised it by one)
        base_version=obj.version - 1,
    )


def _group(session: Session) -> str:
    """The id of the session's current transaction (a new one after each commit)."""
    group = session.info.get(GROUP_KEY)
    if group is None:
        group = session.info[GROUP_KEY] = new_id()
    return str(group)


def _end_group(session: Session, *_args: Any) -> None:
    session.info.pop(GROUP_KEY, None)


def _after_flush(session: Session, _flush_context: Any) -> None:
    changes: list[dict[str, Any]] = []
    for obj in session.new:
        if isinstance(obj, SyncedMixin):
            entity_ = ENTITIES[obj.__table__.name]  # type: ignore[attr-defined]
            if entity_.pushable:
                changes.append(_insert_change(session, obj, entity_))
    for obj in session.dirty:
        if isinstance(obj, Document) and session.is_modified(obj):
            entity_ = ENTITIES[obj.__table__.name]  # type: ignore[attr-defined]
            if entity_.pushable:
                change = _update_change(session, obj, entity_)
                if change is not None:
                    changes.append(change)
    if changes:
        # parents before children: session.new is unordered
        changes.sort(key=lambda change: _ENTITY_ORDER[change["entity"]])
        group = _group(session)
        for change in changes:
            change["txn"] = group
        session.connection().execute(insert(OUTBOX), changes)


CAPTURED_KEY = "sync_capture"  # in the info of every session that captures its changes


def register_capture(sessions: sessionmaker[Session]) -> str:
    """Capture the changes of the sessions of `sessions` (one store's own sessionmaker, with
    its own Session subclass): no other session in the process is touched. The store opener
    of app.services.opening passes this to storage."""
    event.listen(sessions, "after_flush", _after_flush)
    for name in ("after_commit", "after_rollback", "after_soft_rollback"):
        event.listen(sessions, name, _end_group)
    info = dict(sessions.kw.get("info") or {})
    info[CAPTURED_KEY] = True
    sessions.configure(info=info)
    return "change capture"


def is_captured(session: Session) -> bool:
    """Whether this session's synced changes reach the outbox."""
    return bool(session.info.get(CAPTURED_KEY))
