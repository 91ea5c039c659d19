"""What the OpenAPI document says beyond the request shapes: every synced entity with its
columns, types, encodings and limits (from the model), and the protocol in words."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, Date, Integer

from app.domain.dates import FIRST_DAY, LAST_DAY
from app.models.base import JSON_LIMIT, DecimalText, UTCDateTime
from app.sync.wire import (
    BOOKKEEPING,
    ENTITIES,
    PERSON_FIELDS,
    Entity,
    fixed_columns,
    max_length,
)

PROTOCOL = """
Sync protocol of Trede's central store. A laptop logs in (`/v1/login`) and gets a bearer
token; every other call sends it as `Authorization: Bearer <token>`. Each authenticated call
moves the token's expiry on (by the server's token lifetime, 30 days unless configured);
an expired token is answered 401 with code `token_expired`, a revoked device or account 410
with code `device_revoked` (the laptop wipes its store).

**Push** sends the laptop's outbox: changes in the order they were made. A change is an
`insert` (every column of the row, see the `Entity_*` schemas) or an `update` (the changed
columns in `fields`, their values before the edit in `base`, and the row's `version` the
edit started from in `base_version`). Changes of one local transaction carry the same
`group`: the store applies a group whole or not at all. Change ids are the account's own: a
resent change gets its first answer back (`duplicate: true`).
Results: `applied`; `conflict` (some fields were changed elsewhere too: the stored value
stays and the field becomes a conflict); `parked` (the group cannot be applied as it is; it
waits in conflict `conflict`, whole). To resolve a conflict, push an update of the
conflict's row with `resolves` = the conflict id and `resolution` = `mine`, `theirs` or
`edit` (a field conflict; `fields` holds the chosen value and `base` the stored value you
saw, `theirs`: when it changed again since, the choice becomes a new conflict) or `apply`
or `discard` (parked work; `fields` is empty). Applied parked work stays its author's
(created_by, author_id); the resolver is recorded on the conflict.
Push refuses the whole request with 409 when the laptop's clock (`sent_at`) is more than 5
minutes off (`clock_skew`), or when the account has 500 open conflicts
(`too_many_conflicts`).

**Pull** returns the latest state of rows changed after `cursor`, for the clients in the
caller's caseload (a team lead: the team's) and the organisation's rows (scope ""), at most
`limit` per page; follow `cursor` while `more` is true. `scope_hash` is the hash of the
client ids the caller holds (sha256 of the sorted ids joined by newlines, first 32 hex
digits); when it differs from the server's, the page lists `scope`, and the laptop removes
every client outside it. `only_scopes` and `until` fetch the rows of newly received clients
up to the cursor the laptop had. The last page carries `digest`: the sum modulo 2**128 of
the row hashes of the caller's scope (`hash` of a row: sha256 of the entity name, a NUL
byte and the row's canonical JSON: keys sorted, no spaces, UTF-8; first 32 hex digits), and
the open `conflicts` the caller may see. `/v1/digests` gives the same per client.

Values: dates `YYYY-MM-DD`, times ISO 8601 with zone (stored in UTC, never later than the
server's clock), decimals as text, lists and objects as JSON. Limits are in the entity
schemas; a value out of them parks the change (`refused`).
"""


def _column_schema(entity_: Entity, name: str) -> dict[str, Any]:
    column = entity_.table.c[name]
    column_type = column.type
    schema: dict[str, Any]
    if isinstance(column_type, UTCDateTime):
        schema = {"type": "string", "format": "date-time"}
    elif isinstance(column_type, DecimalText):
        schema = {"type": "string", "pattern": r"^-?[0-9]{1,20}(\.[0-9]{1,19})?$"}
    elif isinstance(column_type, Date):
        schema = {
            "type": "string",
            "format": "date",
            "description": f"from {FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}",
        }
    elif isinstance(column_type, Boolean):
        schema = {"type": "boolean"}
    elif isinstance(column_type, Integer):
        schema = {"type": "integer", "minimum": -(2**31) + 1, "maximum": 2**31 - 1}
    elif isinstance(column_type, JSON):
        limit = int(column.info.get("max_bytes", JSON_LIMIT))
        schema = {
            "type": ["array", "object"],
            "description": f"at most {limit} bytes as canonical JSON",
        }
    else:
        schema = {"type": "string", "maxLength": max_length(column)}
    notes = []
    for key in column.foreign_keys:
        notes.append(f"the id of a row of {key.column.table.name}")
    if name in PERSON_FIELDS.get(entity_.name, ()) or name in {"created_by", "updated_by"}:
        notes.append("the sender's caseworker id")
    if name in fixed_columns(entity_):
        notes.append("never changed by an update")
    if name in BOOKKEEPING:
        notes.append("bookkeeping: set by the writer, not merged")
    if notes:
        schema["description"] = "; ".join([schema.get("description", ""), *notes]).strip("; ")
    if column.nullable and name != "id":
        schema = {"anyOf": [schema, {"type": "null"}]}
    return schema


def entity_schemas() -> dict[str, dict[str, Any]]:
    schemas = {}
    for name, entity_ in ENTITIES.items():
        kind = (
            "a document (merged per field)" if entity_.is_document else "a record (never changed)"
        )
        how = {
            "self": "its own id is the client",
            "column": f"its client is `{entity_.scope.column}`",
            "parent": f"its client is that of its `{entity_.scope.column}` "
            f"({entity_.scope.parent_entity})",
            "none": 'it belongs to no client (the organisation, scope "")',
        }[entity_.scope.kind]
        direction = []
        if entity_.pushable:
            direction.append("laptops push it")
        else:
            direction.append("written by the central store only")
        if not entity_.pulled:
            direction.append("never pulled")
        columns = [column.name for column in entity_.columns]
        schemas[f"Entity_{name}"] = {
            "title": f"Entity {name}",
            "type": "object",
            "description": f"`{name}`: {kind}; {how}; {', '.join(direction)}. An insert "
            "carries every column; an update only the changed ones.",
            "properties": {column: _column_schema(entity_, column) for column in columns},
            "required": columns,
            "additionalProperties": False,
        }
    return schemas
