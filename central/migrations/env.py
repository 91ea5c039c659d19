"""Alembic environment of the central store: the shared app tables and the central ones."""

from __future__ import annotations

from alembic import context

import app.models  # noqa: F401  (registers every shared table)
from app.models.base import Base
from central.tables import metadata as central_metadata

config = context.config


def run() -> None:
    connection = config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=[Base.metadata, central_metadata],
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
