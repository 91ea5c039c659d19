"""Session hooks that keep the sync bookkeeping honest: who/when stamps and immutable records."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from app.models.base import Document, Record, SyncedMixin, utc_now

ACTOR_KEY = "actor_id"


class ImmutableRecordError(RuntimeError):
    """A saved record was changed; records are corrected by adding a new record."""


def _before_flush(session: Session, flush_context: Any, instances: Any) -> None:
    actor: str | None = session.info.get(ACTOR_KEY)
    now = utc_now()
    for obj in session.new:
        if isinstance(obj, SyncedMixin):
            creator = obj.created_by or actor
            if creator is None:
                raise RuntimeError("no actor on the session: open it through the store")
            obj.created_by = creator
            obj.updated_by = obj.updated_by or obj.created_by
            obj.created_at = obj.created_at or now
            obj.updated_at = obj.updated_at or obj.created_at
    for obj in session.dirty:
        if not isinstance(obj, SyncedMixin) or not session.is_modified(obj):
            continue
        if isinstance(obj, Record):
            raise ImmutableRecordError(
                f"{type(obj).__name__} is a record and cannot be changed; add a correction"
            )
        if isinstance(obj, Document):
            obj.updated_at = now
            obj.updated_by = actor or obj.updated_by
    for obj in session.deleted:
        if isinstance(obj, Record) and not session.info.get("allow_purge"):
            raise ImmutableRecordError(f"{type(obj).__name__} is a record and cannot be deleted")


_installed = False


def install_guards() -> None:
    global _installed
    if not _installed:
        event.listen(Session, "before_flush", _before_flush)
        _installed = True
