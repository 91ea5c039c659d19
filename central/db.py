"""The central store's database: an engine for a URL (PostgreSQL, or SQLite for one office
or a demo) and its own Alembic migrations (central/migrations).

The central database holds the synced tables it shares with the laptops (app.models, the
entities of SYNCED_MODELS) and its own tables (central/tables.py); never the laptop's own
bookkeeping (local settings, outbox, received rows, digests, dirty rows, conflicts). Its
migrations are a chain of their own: c0100 (shared tables) and c0101 (central tables) are the
baseline of a fresh database, as the laptop's revisions 0001-0006 and the old central
revisions c0001-c0002 left those tables; a change to a shared model needs a revision in both
chains (the laptop's and this one; tests compare each with the models).

A database made by the old setup (both chains at once, so with the laptop's tables too) is at
the heads 0006 and c0002. `upgrade` takes it on as c0101, which describes the same shared and
central tables, and c0102 then drops the laptop's tables (their content was never used
here). A database of the old setup at older heads is refused: bring it to 0006 + c0002 with
the release before this change first.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Connection, Engine, make_url

from app.models import SYNCED_MODELS, Base
from central.tables import metadata as central_metadata

if TYPE_CHECKING:
    from alembic.config import Config

CENTRAL_MIGRATIONS = str(Path(__file__).resolve().parent / "migrations")
# The tables the central database holds, and the ones of app.models it must not hold.
SHARED_TABLES = frozenset(
    model.__table__.name  # type: ignore[attr-defined]
    for model in SYNCED_MODELS
)
CENTRAL_TABLES = frozenset(central_metadata.tables)
LAPTOP_TABLES = frozenset(Base.metadata.tables) - SHARED_TABLES
# The heads of a database made by the old setup (the laptop's chain beside the central one),
# the revision it is taken on as, and every revision of the old setup.
LEGACY_HEADS = frozenset({"0006", "c0002"})
LEGACY_ADOPTED_AS = "c0101"
LEGACY_REVISIONS = frozenset({"0001", "0002", "0003", "0004", "0005", "0006", "c0001", "c0002"})


class CentralSchemaError(RuntimeError):
    """The database cannot be brought up to date by this version of the central store."""


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


def _versions(connection: Connection) -> set[str]:
    if not inspect(connection).has_table("alembic_version"):
        return set()
    return set(connection.execute(text("SELECT version_num FROM alembic_version")).scalars())


def _take_on_legacy(connection: Connection, versions: set[str]) -> None:
    """A database of the old setup at its last heads becomes c0101 (see the docstring)."""
    if not versions & LEGACY_REVISIONS:
        return
    if versions != LEGACY_HEADS:
        raise CentralSchemaError(
            f"this central database is at the old revisions {', '.join(sorted(versions))}; "
            "bring it to 0006 + c0002 with the previous release first, then migrate again"
        )
    connection.execute(text("DELETE FROM alembic_version"))
    connection.execute(
        text("INSERT INTO alembic_version (version_num) VALUES (:revision)"),
        {"revision": LEGACY_ADOPTED_AS},
    )


def alembic_config() -> Config:
    """Alembic over central/migrations (the connection goes in `attributes`)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", CENTRAL_MIGRATIONS)
    config.set_main_option("path_separator", "os")
    return config


def upgrade(engine: Engine) -> None:
    """Bring the central schema to head in one transaction."""
    from alembic import command
    from alembic.script import ScriptDirectory

    config = alembic_config()
    with engine.begin() as connection:
        versions = _versions(connection)
        _take_on_legacy(connection, versions)
        scripts = ScriptDirectory.from_config(config)
        known = {script.revision for script in scripts.walk_revisions()}
        unknown = _versions(connection) - known
        if unknown:
            raise CentralSchemaError(
                f"this central database is at revision {', '.join(sorted(unknown))}, which this "
                "version does not know: it was made by a newer central store"
            )
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
