"""The caseworker's choice for a conflict, queued in the outbox (it works offline); a chosen
field value shows at once, and the central store's answer settles it at the next sync."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.engine import Connection

from app.sync.capture import outbox_row
from app.sync.state import CONFLICTS, OUTBOX
from app.sync.wire import ENTITIES, decode_fields, encode_value


def record_resolution(
    conn: Connection,
    conflict: dict[str, Any],
    resolution: str,
    value: Any = None,
) -> None:
    entity_ = ENTITIES[conflict["entity"]]
    fields: dict[str, Any] = {}
    base: dict[str, Any] = {}
    if conflict["kind"] == "field" and resolution in {"mine", "edit"}:
        name = conflict["field"]
        chosen = conflict["mine"] if resolution == "mine" else value
        stored = conn.execute(
            select(entity_.table.c[name]).where(entity_.table.c.id == conflict["row_id"])
        ).scalar()
        fields[name] = chosen
        base[name] = encode_value(stored)
        if stored is not None or chosen is not None:
            decoded = decode_fields(entity_, {name: chosen})
            conn.execute(
                entity_.table.update()
                .where(entity_.table.c.id == conflict["row_id"])
                .values(**decoded)
            )
    conn.execute(
        OUTBOX.insert(),
        [
            outbox_row(
                entity_name=entity_.name,
                row_id=conflict["row_id"],
                client_id=conflict.get("client_id"),
                op="update",
                fields=fields,
                base=base,
                resolves=conflict["id"],
                resolution=resolution,
            )
        ],
    )
    conn.execute(delete(CONFLICTS).where(CONFLICTS.c.id == conflict["id"]))
