"""Is the store whole? SQLCipher's check of every page's HMAC and SQLite's quick_check, run
at unlock and before every sync. A damaged store is not written to again; the caseworker is
offered a backup or a fresh pull instead."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

from app.storage.errors import StoreCorrupted

log = logging.getLogger(__name__)

DAMAGED_STORE_MESSAGE = (
    "De database op deze laptop is beschadigd. Trede schrijft er niets meer in, zodat er "
    "niets bij komt dat later verloren gaat; het bestand zelf blijft bewaard."
)


def integrity_problems(connection: Connection | Any) -> list[str]:
    """What the checks report (empty when the store is whole). `connection`: SQLAlchemy's,
    or a raw sqlcipher3 one."""
    run = connection.exec_driver_sql if isinstance(connection, Connection) else connection.execute
    try:
        found = [str(row[0]) for row in run("PRAGMA cipher_integrity_check").fetchall()]
        if not found:
            found = [str(row[0]) for row in run("PRAGMA quick_check").fetchall() if row[0] != "ok"]
    except Exception as exc:  # sqlcipher3.DatabaseError too, when pages are unreadable
        if not _is_database_error(exc):
            raise
        found = [f"unreadable: {type(exc).__name__}"]
    return found


def _is_database_error(exc: BaseException) -> bool:
    import sqlcipher3

    return isinstance(exc, (DBAPIError, sqlcipher3.DatabaseError))


NOT_THIS_KEY_MESSAGE = (
    "Het databasebestand hoort niet bij dit sleutelbestand of is beschadigd; er is niets gewijzigd."
)


def require_whole_file(database: Path, db_key: bytes) -> None:
    """StoreCorrupted unless the closed store's file opens with this key and every page
    checks out; read only, so a damaged file is left exactly as it was."""
    import sqlcipher3

    from app.storage.unlocking import raw_connection

    try:
        connection = raw_connection(database, db_key, read_only=True)
    except sqlcipher3.Error as exc:
        raise StoreCorrupted(NOT_THIS_KEY_MESSAGE) from exc
    try:
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.Error as exc:
            raise StoreCorrupted(NOT_THIS_KEY_MESSAGE) from exc
        found = integrity_problems(connection)
    finally:
        connection.close()
    _refuse_if_damaged(found)


def require_whole(engine: Engine) -> None:
    """StoreCorrupted unless every page of the open store checks out."""
    with engine.connect() as connection:
        _refuse_if_damaged(integrity_problems(connection))


def _refuse_if_damaged(found: list[str]) -> None:
    if found:
        log.error("the store is damaged: %d problem(s), first: %s", len(found), found[0][:80])
        raise StoreCorrupted(DAMAGED_STORE_MESSAGE)
