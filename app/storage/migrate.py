"""Alembic migrations run from code: upgrade a store to head, refuse a newer store."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy.engine import Connection, Engine

from app.storage.errors import StoreNewerThanApp

MIGRATIONS_DIR = str(Path(__file__).resolve().parent / "migrations")

NEWER_MESSAGE = (
    "Deze database is gemaakt met een nieuwere versie van Trede. Installeer de nieuwste "
    "versie van Trede om hem te openen; er is niets gewijzigd."
)


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", MIGRATIONS_DIR)
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def check_not_newer(connection: Connection) -> None:
    revision = current_revision(connection)
    if revision is None:
        return
    script = ScriptDirectory.from_config(alembic_config())
    try:
        known = script.get_revision(revision)
    except CommandError:
        known = None
    if known is None:
        raise StoreNewerThanApp(NEWER_MESSAGE)


def upgrade_to_head(engine: Engine) -> None:
    """Bring the schema to head in one transaction (SQLite DDL is transactional)."""
    with engine.begin() as connection:
        check_not_newer(connection)
        if current_revision(connection) == head_revision():
            return
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
