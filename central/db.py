"""The central store's database: an engine for a URL (PostgreSQL, or SQLite for one office
or a demo) and its Alembic migrations (the shared app tables plus the central ones)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine, make_url

import app.models  # noqa: F401  (registers the shared tables)
from app.storage.migrate import MIGRATIONS_DIR

CENTRAL_MIGRATIONS = str(Path(__file__).resolve().parent / "migrations")


def central_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.drivername in {"postgresql", "postgres"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(
            parsed,
            connect_args={"timeout": 30, "check_same_thread": False},
            hide_parameters=True,
        )

        @event.listens_for(engine, "connect")
        def _connect(dbapi_connection: Any, _record: Any) -> None:
            # Python's sqlite3 opens transactions lazily; take over so that a read sees one
            # snapshot (the counter and the rows of a page together).
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin(connection: Any) -> None:
            # A writer takes the write lock at once: a read that later writes would meet
            # another writer with "database is locked" instead of waiting for it.
            immediate = connection.get_execution_options().get("writing")
            connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    # hide_parameters: an error's text must not carry a client's values to the log
    return create_engine(
        parsed, pool_size=8, max_overflow=8, pool_pre_ping=True, hide_parameters=True
    )


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A transaction that will write (SQLite: BEGIN IMMEDIATE; PostgreSQL: as usual)."""
    with engine.connect() as connection:
        connection.execution_options(writing=True)
        with connection.begin():
            yield connection


def upgrade(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", CENTRAL_MIGRATIONS)
    config.set_main_option("path_separator", "os")
    config.set_main_option(
        "version_locations",
        f"{Path(MIGRATIONS_DIR) / 'versions'}{os.pathsep}{Path(CENTRAL_MIGRATIONS) / 'versions'}",
    )
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")
