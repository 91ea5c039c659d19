"""Generated rows collected as plain dicts per table, stamped like every synced row, for a bulk
insert with Core (the ORM is 9x slower here); whoever holds the connection writes them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.models import Base, new_id

Row = dict[str, Any]


class DemoRows:
    """The rows generated since the last `take`, per model, in the order they were added (a
    table first appears after the tables it refers to, so the order suits foreign keys)."""

    def __init__(self, actor_id: str, now: dt.datetime) -> None:
        self.actor_id = actor_id
        self.now = now
        self.tables: dict[type[Base], list[Row]] = {}
        self.staff: dict[str, tuple[str, str]] = {}  # caseworker id: (name, role code)

    def add(self, model: type[Base], **values: Any) -> str:
        row_id = values.setdefault("id", new_id())
        values.setdefault("created_at", self.now)
        values.setdefault("updated_at", self.now)
        values.setdefault("created_by", self.actor_id)
        values.setdefault("updated_by", self.actor_id)
        values.setdefault("version", 1)
        values.setdefault("deleted_at", None)
        self.tables.setdefault(model, []).append(values)
        return str(row_id)

    def count(self, model: type[Base]) -> int:
        return len(self.tables.get(model, ()))

    def added_since(self, model: type[Base], count: int) -> list[Row]:
        """The rows of `model` added after there were `count` of them."""
        return self.tables.get(model, [])[count:]

    def take(self) -> list[tuple[type[Base], list[Row]]]:
        """The rows to write, per model in insert order; the collector is empty after."""
        taken = [(model, rows) for model, rows in self.tables.items() if rows]
        self.tables.clear()
        return taken
