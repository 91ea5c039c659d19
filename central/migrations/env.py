"""Alembic environment of the central store: the synced tables it shares with the laptops
and its own tables (never the laptop's own bookkeeping); runs on central.db's connection."""

from __future__ import annotations

from typing import Any

from alembic import context

from app.models.base import Base
from central.db import LAPTOP_TABLES
from central.tables import metadata as central_metadata

config = context.config


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """The laptop's tables are in the shared metadata but not in the central schema."""
    return not (type_ == "table" and not reflected and name in LAPTOP_TABLES)


def run() -> None:
    connection = config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=[Base.metadata, central_metadata],
        include_object=include_object,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
