"""Alembic migrations run from code: upgrade a store to head, refuse a newer store.

Alembic itself (about 0.2 s to import) is loaded only when the schema is not at head."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError

from app.storage.errors import StoreNewerThanApp

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = str(Path(__file__).resolve().parent / "migrations")
# The newest revision in migrations/versions; a test checks it against Alembic's own view.
HEAD_REVISION = "0006"

NEWER_MESSAGE = (
    "Deze database is gemaakt met een nieuwere versie van Trede. Installeer de nieuwste "
    "versie van Trede om hem te openen; er is niets gewijzigd."
)


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", MIGRATIONS_DIR)
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    try:
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except OperationalError:  # no table yet: an empty database
        return None


def check_not_newer(connection: Connection, revision: str | None) -> None:
    if revision is None or revision == HEAD_REVISION:
        return
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    try:
        known = ScriptDirectory.from_config(alembic_config()).get_revision(revision)
    except CommandError:
        known = None
    if known is None:
        raise StoreNewerThanApp(NEWER_MESSAGE)


def upgrade_to_head(engine: Engine) -> None:
    """Bring the schema to head in one transaction (SQLite DDL is transactional)."""
    with engine.begin() as connection:
        revision = current_revision(connection)
        if revision == HEAD_REVISION:
            return
        check_not_newer(connection, revision)
        from alembic import command

        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
