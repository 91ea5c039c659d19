"""Declarative base, column types and the sync bookkeeping every synced row carries."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import DateTime, Index, Integer, MetaData, String, text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# Server-side limits the wire format checks (a column may set its own in `info`): a free text
# of at most TEXT_LIMIT characters, a JSON value of at most JSON_LIMIT bytes.
TEXT_LIMIT = 20_000
JSON_LIMIT = 64 * 1024


def new_id() -> str:
    return str(uuid.uuid4())


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stores UTC without zone (the same on SQLite and PostgreSQL); returns aware UTC."""

    impl = DateTime(timezone=False)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; Trede stores aware UTC datetimes only")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        moment: dt.datetime = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
        return moment.replace(tzinfo=dt.UTC)


class DecimalText(TypeDecorator[Decimal]):
    """An exact decimal kept as text: SQLite has no exact numeric type."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if not isinstance(value, Decimal):
            raise TypeError("DecimalText takes Decimal values")
        return format(value, "f")

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(value)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SyncedMixin:
    """The sync bookkeeping of DESIGN.md: UUID id, who/when, version and tombstone."""

    # "record": immutable once saved (corrections are new rows); "document": merged per field.
    entity_kind: ClassVar[str]

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)
    created_by: Mapped[str] = mapped_column(String(36))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_by: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer, default=1)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class Record(SyncedMixin):
    """Immutable once saved; a correction is a new record pointing at the one it corrects."""

    entity_kind: ClassVar[str] = "record"


class Document(SyncedMixin):
    """Mutable; `version` counts saved edits (optimistic locking) and sync merges per field."""

    entity_kind: ClassVar[str] = "document"

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - SQLAlchemy directive
        return {"version_id_col": cls.version}


def corrections_index(table: str) -> Index:
    """Finds the correction of a record at once (only corrections are in it)."""
    only_corrections = text("corrects_id IS NOT NULL")
    return Index(
        f"ix_{table}_corrects_id",
        "corrects_id",
        sqlite_where=only_corrections,
        postgresql_where=only_corrections,
    )
