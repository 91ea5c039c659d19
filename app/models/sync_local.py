"""The laptop's own sync bookkeeping (never synced): the outbox of unsent changes, the state
of each row as last received, scope digests and the open conflicts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime


class OutboxChange(Base):
    """One local change waiting to be pushed; written in the same transaction as the edit."""

    __tablename__ = "sync_outbox"
    __table_args__ = (Index("ix_sync_outbox_row", "entity", "row_id"),)

    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    change_id: Mapped[str] = mapped_column(String(36), unique=True)
    entity: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    client_id: Mapped[str | None] = mapped_column(String(36), index=True)
    op: Mapped[str] = mapped_column(String(10))
    base_version: Mapped[int | None] = mapped_column(Integer)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    base: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    resolves: Mapped[str | None] = mapped_column(String(36))
    resolution: Mapped[str | None] = mapped_column(String(20))
    made_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    # the local transaction it belongs to: the central store applies a group whole
    txn: Mapped[str | None] = mapped_column(String(36))


class DirtyRow(Base):
    """A synced row written since the last check (by a trigger, whatever wrote it): the
    next sync compares it with what the central store holds."""

    __tablename__ = "sync_dirty"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)


class ReceivedRow(Base):
    """The hash of a row's state as last received from the central store."""

    __tablename__ = "sync_rows"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    scope_key: Mapped[str] = mapped_column(String(36), index=True)
    hash: Mapped[str] = mapped_column(String(32))


class ScopeDigest(Base):
    """Sum of the received row hashes per client ("" for rows of no client)."""

    __tablename__ = "sync_digests"

    scope_key: Mapped[str] = mapped_column(String(36), primary_key=True)
    digest: Mapped[str] = mapped_column(String(32))


class SyncConflict(Base):
    """An open conflict as the central store last reported it."""

    __tablename__ = "sync_conflicts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    client_id: Mapped[str | None] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)
