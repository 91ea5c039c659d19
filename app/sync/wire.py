"""The sync wire format shared by the laptop and the central store: which tables sync, how a
row's client is found (its scope), how values travel as JSON, and row and scope digests."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, Integer, String, Table

from app.domain.dates import FIRST_DAY, LAST_DAY
from app.models import SYNCED_MODELS, AuditEvent, SyncedMixin
from app.models.base import JSON_LIMIT, TEXT_LIMIT, DecimalText, UTCDateTime

PROTOCOL_VERSION = 2
# A laptop clock further off than this from the central store's is wrong: it is warned, and
# the central store takes no push from it (its times would be wrong).
CLOCK_TOLERANCE = dt.timedelta(minutes=5)

# Row bookkeeping: set by whoever saves, never merged field by field.
BOOKKEEPING = frozenset({"id", "created_at", "created_by", "updated_at", "updated_by", "version"})


@dataclass(frozen=True)
class ScopePath:
    """How a row finds its client: itself, a column, or a parent row's client."""

    kind: str  # "self" | "column" | "parent" | "none"
    column: str | None = None
    parent_entity: str | None = None


@dataclass(frozen=True)
class Entity:
    name: str
    model: type[SyncedMixin]
    table: Table
    is_document: bool
    scope: ScopePath
    # Laptops may push it; org tables (teams, caseworkers) are written centrally only.
    pushable: bool
    # Central sends it to laptops; audit events go up only.
    pulled: bool

    @property
    def columns(self) -> list[Column[Any]]:
        return list(self.table.columns)


_SCOPES: dict[str, ScopePath] = {
    "teams": ScopePath("none"),
    "caseworkers": ScopePath("none"),
    "employers": ScopePath("none"),
    "clients": ScopePath("self"),
    "wage_value_tasks": ScopePath("parent", "measurement_id", "wage_value_measurements"),
    "plan_goals": ScopePath("parent", "plan_id", "plans"),
    "plan_instruments": ScopePath("parent", "plan_id", "plans"),
}
_CENTRAL_ONLY = frozenset({"teams", "caseworkers"})


def _entity(model: type[SyncedMixin]) -> Entity:
    table: Table = model.__table__  # type: ignore[attr-defined]
    name = table.name
    scope = _SCOPES.get(name, ScopePath("column", "client_id"))
    return Entity(
        name=name,
        model=model,
        table=table,
        is_document=model.entity_kind == "document",
        scope=scope,
        pushable=name not in _CENTRAL_ONLY,
        pulled=model is not AuditEvent,
    )


# In dependency order (parents first): the order rows are written in.
ENTITIES: dict[str, Entity] = {m.__table__.name: _entity(m) for m in SYNCED_MODELS}  # type: ignore[attr-defined]


def entity(name: str) -> Entity:
    found = ENTITIES.get(name)
    if found is None:
        raise KeyError(name)
    return found


def client_of_row(
    entity_: Entity,
    values: dict[str, Any],
    parent_client: Callable[[str, str], str | None],
) -> str | None:
    """The client a row belongs to (None for rows of the organisation, like employers);
    `parent_client(entity, id)` answers for rows that belong to a parent row."""
    scope = entity_.scope
    if scope.kind == "self":
        return str(values["id"])
    if scope.kind == "column":
        assert scope.column is not None
        found = values.get(scope.column)
        return None if found is None else str(found)
    if scope.kind == "parent":
        assert scope.column is not None and scope.parent_entity is not None
        return parent_client(scope.parent_entity, str(values.get(scope.column)))
    return None


# ------------------------------------------------------------------ people and references

# Columns that name the caseworker who made a record: always the sender (the laptop's
# services set them to the acting caseworker; the central store checks it).
PERSON_FIELDS: dict[str, tuple[str, ...]] = {
    "journal_entries": ("author_id",),
    "ladder_assessments": ("assessor_id",),
    "job_coaching_hours": ("coach_id",),
    "wage_value_measurements": ("expert_id",),
    "audit_events": ("actor_id",),
}
# What a laptop may delete (a tombstone): only what its services delete.
DELETABLE = frozenset({"plan_goals", "plan_instruments", "placement_absences"})
# Columns an edit may not change: a row never moves to another client or parent, and an
# assignment changes hands only through a new assignment.
_FIXED_BY_ENTITY: dict[str, frozenset[str]] = {
    "case_assignments": frozenset({"caseworker_id", "started_on"}),
}


def fixed_columns(entity_: Entity) -> frozenset[str]:
    fixed = set(_FIXED_BY_ENTITY.get(entity_.name, frozenset()))
    if entity_.scope.column is not None:
        fixed.add(entity_.scope.column)
    fixed.update(PERSON_FIELDS.get(entity_.name, ()))
    return frozenset(fixed)


def references(entity_: Entity, values: dict[str, Any]) -> list[tuple[str, str]]:
    """The synced rows this row points at (foreign keys), as (entity, id)."""
    found = []
    for column in entity_.columns:
        value = values.get(column.name)
        if value is None:
            continue
        for key in column.foreign_keys:
            target = key.column.table.name
            if target in ENTITIES:
                found.append((target, str(value)))
    return found


# ------------------------------------------------------------------ values

_DECIMAL = re.compile(r"-?[0-9]{1,20}(\.[0-9]{1,19})?")


class WireError(ValueError):
    """A value that does not fit its column; the message names the column, never the value."""


def max_length(column: Column[Any]) -> int | None:
    """The most characters a text column takes (the model's own, or TEXT_LIMIT)."""
    explicit = column.info.get("max_length")
    if explicit is not None:
        return int(explicit)
    column_type = column.type
    if isinstance(column_type, DecimalText):
        return 40
    if isinstance(column_type, String):
        return column_type.length or TEXT_LIMIT
    return None


def encode_value(value: Any) -> Any:
    """A Python column value as JSON: dates ISO, datetimes ISO UTC, decimals as text."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, list | dict):
        return value
    raise TypeError(f"cannot send a {type(value).__name__} value")


def _text(column: Column[Any], value: Any) -> str:
    if not isinstance(value, str):
        raise WireError(f"{column.name}: expected text")
    limit = max_length(column)
    if limit is not None and len(value) > limit:
        raise WireError(f"{column.name}: longer than {limit} characters")
    if "\x00" in value:
        raise WireError(f"{column.name}: contains a NUL character")
    return value


def decode_value(column: Column[Any], value: Any) -> Any:
    """The JSON value of a column back to the Python value the model holds."""
    if value is None:
        return None
    column_type = column.type
    if isinstance(column_type, UTCDateTime):
        try:
            parsed = dt.datetime.fromisoformat(_text(column, value))
        except ValueError as exc:
            raise WireError(f"{column.name}: expected a time (ISO 8601)") from exc
        if parsed.tzinfo is None:
            raise WireError(f"{column.name}: time without zone")
        parsed = parsed.astimezone(dt.UTC)
        if not FIRST_DAY <= parsed.date() <= LAST_DAY:
            raise WireError(f"{column.name}: time out of range")
        return parsed
    if isinstance(column_type, DecimalText):
        if not isinstance(value, str) or not _DECIMAL.fullmatch(value):
            raise WireError(f"{column.name}: expected a decimal number as text")
        return Decimal(value)
    if isinstance(column_type, Date):
        try:
            parsed_day = dt.date.fromisoformat(_text(column, value))
        except ValueError as exc:
            raise WireError(f"{column.name}: expected a date (YYYY-MM-DD)") from exc
        if not FIRST_DAY <= parsed_day <= LAST_DAY:
            raise WireError(f"{column.name}: date out of range")
        return parsed_day
    if isinstance(column_type, Boolean):
        if not isinstance(value, bool):
            raise WireError(f"{column.name}: expected true or false")
        return value
    if isinstance(column_type, Integer):
        if isinstance(value, bool) or not isinstance(value, int) or abs(value) >= 2**31:
            raise WireError(f"{column.name}: expected a whole number")
        return value
    if isinstance(column_type, JSON):
        if not isinstance(value, list | dict):
            raise WireError(f"{column.name}: expected a list or an object")
        encoded = canonical_json(value)
        limit = int(column.info.get("max_bytes", JSON_LIMIT))
        if len(encoded) > limit:
            raise WireError(f"{column.name}: larger than {limit} bytes")
        if b"\\u0000" in encoded:
            raise WireError(f"{column.name}: contains a NUL character")
        return value
    if isinstance(column_type, String):
        return _text(column, value)
    return value


def encode_fields(entity_: Entity, values: dict[str, Any]) -> dict[str, Any]:
    return {name: encode_value(values[name]) for name in values}


def decode_fields(entity_: Entity, fields: dict[str, Any]) -> dict[str, Any]:
    """Refuses unknown field names: a hand-crafted request cannot touch other columns."""
    columns = entity_.table.columns
    decoded: dict[str, Any] = {}
    for name, value in fields.items():
        if name not in columns:
            raise WireError(f"{entity_.name} has no field {str(name)[:40]!r}")
        decoded[name] = decode_value(columns[name], value)
    return decoded


def canonical_json(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def row_hash(entity_name: str, wire_row: dict[str, Any]) -> str:
    """The digest of one row's full wire state (all columns)."""
    digest = hashlib.sha256(entity_name.encode() + b"\0" + canonical_json(wire_row))
    return digest.hexdigest()[:32]


# Scope digests are sums of row hashes modulo 2**128: order-free and updated in place
# (subtract the old hash, add the new), so a whole caseload is checked without a scan.
_MODULUS = 1 << 128


def digest_add(digest: str, row_digest: str) -> str:
    return format((int(digest, 16) + int(row_digest, 16)) % _MODULUS, "032x")


def digest_sub(digest: str, row_digest: str) -> str:
    return format((int(digest, 16) - int(row_digest, 16)) % _MODULUS, "032x")


EMPTY_DIGEST = "0" * 32
ORG_SCOPE = ""  # the digest key of rows that belong to no client (teams, employers, ...)


def scope_hash(client_ids: list[str] | set[str]) -> str:
    return hashlib.sha256("\n".join(sorted(client_ids)).encode()).hexdigest()[:32]
