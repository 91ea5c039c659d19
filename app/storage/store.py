"""Create, unlock and re-key the caseworker's encrypted local store.

A data directory holds `trede.db` (SQLCipher 4, AES-256) and `trede.key` (the database key,
wrapped). The passphrase is never stored; the device secret lives in the OS keyring.
"""

from __future__ import annotations

import json
import logging
import secrets
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import URL, create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from app.domain.region import REGION_SETTING, RegionError, region_from_json, use_region
from app.models.guards import ACTOR_KEY
from app.storage import secrets as keyring_secrets
from app.storage.errors import PassphraseTooWeak, StoreAlreadyExists, StoreDamaged
from app.storage.keys import (
    KeyHeader,
    decode_device_secret,
    new_device_secret,
    wrap_key,
    write_atomically,
)
from app.storage.migrate import upgrade_to_head
from app.storage.unlocking import (
    StorePaths,
    UnlockedKey,
    device_secret,
    device_secret_name,
    passphrase_problem,
    unlock_key,
)
from app.sync.capture import install_capture

__all__ = [
    "Store",
    "StorePaths",
    "change_passphrase",
    "create_store",
    "open_store",
    "passphrase_problem",
    "unlock_key",
    "unlock_store",
]

log = logging.getLogger(__name__)

install_capture()

CACHE_KIB = 64 * 1024  # holds the working set: SQLCipher reads are 3.4x slower without


def _make_engine(database: Path, db_key: bytes) -> Engine:
    url = URL.create("sqlite+pysqlcipher", password=f"x'{db_key.hex()}'", database=str(database))
    engine = create_engine(
        url,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=4,
        connect_args={"check_same_thread": False, "timeout": 10},
    )

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    return engine


class Store:
    """An unlocked store: an engine with the raw key, and sessions stamped with an actor."""

    def __init__(self, paths: StorePaths, header: KeyHeader, engine: Engine) -> None:
        self.paths = paths
        self.header = header
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def store_id(self) -> str:
        return self.header.store_id

    def new_session(self, actor_id: str | None = None) -> Session:
        session = self._sessions()
        if actor_id:
            session.info[ACTOR_KEY] = actor_id
        return session

    @contextmanager
    def session(self, actor_id: str | None = None) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back on any error."""
        session = self.new_session(actor_id)
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()


def _open_engine(paths: StorePaths, db_key: bytes) -> Engine:
    engine = _make_engine(paths.database, db_key)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
    except DatabaseError as exc:
        engine.dispose()
        raise StoreDamaged(
            "Het databasebestand hoort niet bij dit sleutelbestand of is beschadigd. "
            "Er is niets gewijzigd; zet een reservekopie terug of vraag de beheerder om hulp."
        ) from exc
    return engine


def create_store(data_dir: Path, passphrase: str) -> Store:
    paths = StorePaths(Path(data_dir))
    if paths.key_file.exists() or paths.database.exists():
        raise StoreAlreadyExists(f"Er staat al een Trede-database in {paths.data_dir}.")
    problem = passphrase_problem(passphrase)
    if problem:
        raise PassphraseTooWeak(problem)
    paths.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    store_id = str(uuid.uuid4())
    new_secret = new_device_secret()
    keyring_secrets.set_secret(device_secret_name(store_id), new_secret)
    db_key = secrets.token_bytes(32)
    header = wrap_key(
        db_key,
        store_id=store_id,
        passphrase=passphrase,
        device_secret=decode_device_secret(new_secret),
    )
    engine = _make_engine(paths.database, db_key)
    try:
        upgrade_to_head(engine)
    except BaseException:
        engine.dispose()
        paths.database.unlink(missing_ok=True)
        raise
    # The key file last: a store without it is an unfinished one, not a locked one.
    write_atomically(paths.key_file, header.to_json())
    use_region(None)  # a new store has received no region yet
    log.info("created a store")
    return Store(paths, header, engine)


def unlock_store(data_dir: Path, passphrase: str, *, migrate: bool = True) -> Store:
    return open_store(unlock_key(data_dir, passphrase), migrate=migrate)


def open_store(key: UnlockedKey, *, migrate: bool = True) -> Store:
    """Open the database with an unwrapped key (and bring its schema up to date)."""
    engine = _open_engine(key.paths, key.db_key)
    if migrate:
        try:
            upgrade_to_head(engine)
        except BaseException:
            engine.dispose()
            raise
    _use_stored_region(engine)
    log.info("unlocked a store")
    return Store(key.paths, key.header, engine)


def _use_stored_region(engine: Engine) -> None:
    """Use the region the central store sent at the last sync; without one (a standalone
    store, or none received yet) the installation's region file."""
    found = None
    try:
        with engine.connect() as conn:
            stored = conn.execute(
                text("SELECT value FROM local_settings WHERE key = :key"),
                {"key": REGION_SETTING},
            ).scalar()
        if stored:
            found = region_from_json(json.loads(stored))
    except (SQLAlchemyError, ValueError, RegionError):
        log.warning("the stored region is unreadable; the region file is used")
    use_region(found)


def change_passphrase(data_dir: Path, old: str, new: str) -> None:
    """Re-wrap the database key; the data itself is not re-encrypted."""
    problem = passphrase_problem(new)
    if problem:
        raise PassphraseTooWeak(problem)
    key = unlock_key(data_dir, old)
    rewrapped = wrap_key(
        key.db_key,
        store_id=key.header.store_id,
        passphrase=new,
        device_secret=device_secret(key.header.store_id),
    )
    write_atomically(key.paths.key_file, rewrapped.to_json())
    log.info("changed the passphrase of a store")
