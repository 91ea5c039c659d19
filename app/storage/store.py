"""Create, unlock and re-key the caseworker's encrypted local store.

A data directory holds `trede.db` (SQLCipher 4, AES-256) and `trede.key` (the database key,
wrapped). The passphrase is never stored; the device secret lives in the OS keyring.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import secrets
import shutil
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import URL, create_engine, event, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from app.domain.region import REGION_SETTING, RegionError, region_from_json, use_region
from app.models.guards import ACTOR_KEY
from app.storage import secrets as keyring_secrets
from app.storage.errors import (
    PassphraseTooWeak,
    StoreAlreadyExists,
    StoreCorrupted,
    StoreError,
)
from app.storage.files import fsync_folder
from app.storage.integrity import DAMAGED_STORE_MESSAGE, require_whole, require_whole_file
from app.storage.keys import (
    KeyHeader,
    decode_device_secret,
    new_device_secret,
    wrap_key,
    write_atomically,
)
from app.storage.lock import StoreLock
from app.storage.migrate import upgrade_to_head
from app.storage.unlocking import (
    STAGING_MARKER,
    StorePaths,
    UnlockedKey,
    change_passphrase,
    check_data_dir,
    device_secret_name,
    passphrase_problem,
    secret_names,
    token_name,
    unlock_key,
)

__all__ = [
    "SessionEvents",
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

SessionEvents = Callable[["sessionmaker[Session]"], str]
"""Registers what every session of one store must do, on that store's own sessionmaker and
on nothing else: the change capture of app.sync (storage does not import sync). A laptop
store without it would lose the sync changes of its edits without a sound, so every way to
a Store asks for it; app.services.opening is the one opener that passes the capture. It
returns what it installed; a store whose events say nothing is refused (CaptureMissing)."""


class CaptureMissing(RuntimeError):
    """A store was opened with session events that installed nothing (no change capture):
    a programming error, never a message for the caseworker."""


# What SQLite and SQLCipher say when a page is damaged (SQLITE_CORRUPT, SQLITE_NOTADB).
_DAMAGE_SIGNS = ("malformed", "not a database", "hmac")
CACHE_KIB = 64 * 1024  # holds the working set: SQLCipher reads are 3.4x slower without


def _make_engine(database: Path, db_key: bytes) -> Engine:
    url = URL.create("sqlite+pysqlcipher", password=f"x'{db_key.hex()}'", database=str(database))
    engine = create_engine(
        url,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=4,
        connect_args={"check_same_thread": False, "timeout": 10},
        hide_parameters=True,  # an error's text must not carry a client's values to the log
    )

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        # SQLCipher's own lines on stderr say nothing a caseworker can use; the integrity
        # check reports a damaged store instead
        cursor.execute("PRAGMA cipher_log_level = NONE")
        cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    return engine


class Store:
    """An unlocked store: an engine with the raw key, and sessions stamped with an actor."""

    def __init__(
        self,
        paths: StorePaths,
        header: KeyHeader,
        engine: Engine,
        lock: StoreLock | None = None,
        *,
        session_events: SessionEvents,
    ) -> None:
        self.paths = paths
        self.header = header
        self.engine = engine
        self._lock = lock
        # the store's own sessionmaker (its own Session subclass): listeners registered on
        # it reach this store's sessions only, never another database's
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        if not session_events(self._sessions):
            raise CaptureMissing("the store's session events installed nothing (no capture)")
        self.damaged = False
        self._checked_at = time.monotonic()  # opening checked every page
        event.listen(engine, "handle_error", self._on_error)

    def _on_error(self, context: Any) -> None:
        """A page that fails its check while the app works marks the store damaged at once:
        no later session may write into it."""
        text = str(context.original_exception).lower()
        if any(sign in text for sign in _DAMAGE_SIGNS) and not self.damaged:
            log.error("the store turned out damaged while in use")
            self.damaged = True

    def require_whole(self, *, unless_checked_within: float = 0) -> None:
        """StoreCorrupted when a page is damaged; from then on nothing is written here.
        `unless_checked_within` (seconds) skips a check that was done that recently."""
        if self.damaged:
            raise StoreCorrupted(DAMAGED_STORE_MESSAGE)
        if time.monotonic() - self._checked_at < unless_checked_within:
            return
        try:
            require_whole(self.engine)
        except StoreCorrupted:
            self.damaged = True
            raise
        self._checked_at = time.monotonic()

    @property
    def store_id(self) -> str:
        return self.header.store_id

    def new_session(self, actor_id: str | None = None) -> Session:
        if self.damaged:
            raise StoreCorrupted(DAMAGED_STORE_MESSAGE)
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
        if self._lock is not None:
            self._lock.release()


def _open_engine(paths: StorePaths, db_key: bytes) -> Engine:
    if not paths.database.is_file() or paths.database.stat().st_size == 0:
        # an empty file would become a new database at the first PRAGMA: never touch it
        raise StoreCorrupted(EMPTY_DATABASE_MESSAGE)
    # checked read-only before the first writable connection (which sets WAL mode and, when
    # it closes, checkpoints): a damaged file is left exactly as it was
    require_whole_file(paths.database, db_key)
    return _make_engine(paths.database, db_key)


EMPTY_DATABASE_MESSAGE = "Het databasebestand is leeg of geen bestand; er is niets gewijzigd."


def create_store(
    data_dir: Path,
    passphrase: str,
    *,
    demo: bool = False,
    setup: Callable[[Store], None] | None = None,
    session_events: SessionEvents,
) -> Store:
    """A new store in `data_dir`. It is built in a staging folder, filled by `setup` (the
    owner, the demo clients, the first sync) and moved into place only when complete, so an
    interruption leaves nothing that looks like a store; the next creation cleans it up.
    `session_events`: see SessionEvents (app.services.opening passes the change capture)."""
    paths = StorePaths(check_data_dir(Path(data_dir)))
    if paths.exists():
        raise StoreAlreadyExists(f"Er staat al een Trede-database in {paths.data_dir}.")
    problem = passphrase_problem(passphrase)
    if problem:
        raise PassphraseTooWeak(problem)
    lock = StoreLock(paths.data_dir).acquire(exclusive=True)
    try:
        return _create_locked(
            paths, passphrase, demo=demo, setup=setup, lock=lock, session_events=session_events
        )
    except BaseException:
        lock.release()
        raise


def _create_locked(
    paths: StorePaths,
    passphrase: str,
    *,
    demo: bool,
    setup: Callable[[Store], None] | None,
    lock: StoreLock,
    session_events: SessionEvents,
) -> Store:
    discard_unfinished(paths)  # under the lock: no other process is making it now
    if paths.key_file.exists() or paths.database.exists():
        raise StoreAlreadyExists(f"Er staat al een Trede-database in {paths.data_dir}.")
    staged = StorePaths(paths.staging)
    staged.data_dir.mkdir(mode=0o700)
    store_id = str(uuid.uuid4())
    # the marker first: whoever finds the staging folder knows whose secrets to remove
    write_atomically(staged.data_dir / STAGING_MARKER, store_id)
    new_secret = new_device_secret()
    db_key = secrets.token_bytes(32)
    engine: Engine | None = None
    try:
        keyring_secrets.set_secret(device_secret_name(store_id), new_secret, demo=demo)
        header = wrap_key(
            db_key,
            store_id=store_id,
            passphrase=passphrase,
            device_secret=decode_device_secret(new_secret),
            demo=demo,
        )
        engine = _make_engine(staged.database, db_key)
        upgrade_to_head(engine)
        write_atomically(staged.key_file, header.to_json())
        use_region(None)  # a new store has received no region yet
        if setup is not None:
            setup(Store(staged, header, engine, session_events=session_events))
        _checkpoint(engine)
        engine.dispose()
        engine = None
        _move_database(staged, paths)
        os.replace(staged.key_file, paths.key_file)  # the key file last: now it is a store
        fsync_folder(paths.data_dir)
        # the marker goes at once: a staging folder left now must never cost this store its
        # secrets (if its key file were lost later)
        (staged.data_dir / STAGING_MARKER).unlink(missing_ok=True)
    except BaseException:
        if engine is not None:
            engine.dispose()
        discard_unfinished(paths)
        raise
    shutil.rmtree(staged.data_dir, ignore_errors=True)
    log.info("created a store")
    return Store(paths, header, _open_engine(paths, db_key), lock, session_events=session_events)


def _move_database(staged: StorePaths, paths: StorePaths) -> None:
    """The staged database (and any file beside it) over the one in `paths`."""
    for source, target in zip(staged.database_files(), paths.database_files(), strict=True):
        if source.exists():
            os.replace(source, target)


def _checkpoint(engine: Engine) -> None:
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def unfinished_token(data_dir: Path) -> str | None:
    """The central store token of an interrupted connect in `data_dir`, if it logged in
    before it stopped: the next connect hands it back, so the server reuses that device."""
    marker = StorePaths(Path(data_dir)).staging / STAGING_MARKER
    if not marker.is_file():
        return None
    try:
        return keyring_secrets.get_secret(token_name(marker.read_text("ascii").strip()))
    except (StoreError, OSError, UnicodeDecodeError):
        return None


def discard_unfinished(paths: StorePaths) -> None:
    """Remove what an interrupted creation left in `paths.data_dir`: its staging folder, the
    database it had moved before its key, and its keyring secrets. Only what provably belongs
    to the unfinished store is deleted (its key file still in the staging folder proves the
    creation never finished); a complete store is never touched, and a database or key file
    that stands alone is moved aside, not deleted."""
    staging = paths.staging
    if staging.exists():
        marker = staging / STAGING_MARKER
        try:
            store_id = marker.read_text("ascii").strip() if marker.is_file() else None
        except (OSError, UnicodeDecodeError):
            store_id = None
        never_finished = (staging / paths.key_file.name).exists()
        if never_finished and not paths.key_file.exists():
            for leftover in paths.database_files():  # moved before the crash, its key not
                leftover.unlink(missing_ok=True)
        nothing_moved = not paths.key_file.exists() and not paths.database.exists()
        if store_id and (never_finished or nothing_moved):
            for name in secret_names(store_id):
                try:
                    keyring_secrets.delete_secret(name)
                except Exception:  # the keyring may be locked now; the files go regardless
                    log.warning("could not remove a secret of an unfinished store")
        shutil.rmtree(staging, ignore_errors=True)
        log.info("removed an unfinished store")
    present = [p for p in (*paths.database_files(), paths.key_file) if p.exists()]
    if present and not paths.exists():
        # a database without its key, a key without its database, a WAL without either:
        # kept, but out of the way of a new store (a stale WAL would spoil its database)
        stamp = f"{dt.datetime.now():%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"
        for alone in present:
            os.replace(alone, alone.with_name(f"{alone.name}.zonder-paar-{stamp}"))
        log.warning("moved %d lone store file(s) aside", len(present))


def unlock_store(
    data_dir: Path,
    passphrase: str,
    *,
    migrate: bool = True,
    session_events: SessionEvents,
) -> Store:
    return open_store(
        unlock_key(data_dir, passphrase), migrate=migrate, session_events=session_events
    )


def open_store(key: UnlockedKey, *, migrate: bool = True, session_events: SessionEvents) -> Store:
    """Open the database with an unwrapped key (and bring its schema up to date); the store
    holds its folder's lock until it is closed. `session_events`: see SessionEvents."""
    lock = StoreLock(key.paths.data_dir).acquire()
    engine: Engine | None = None
    try:
        engine = _open_engine(key.paths, key.db_key)
        if migrate:
            upgrade_to_head(engine)
        _use_stored_region(engine)
        store = Store(key.paths, key.header, engine, lock, session_events=session_events)
    except BaseException:
        if engine is not None:
            engine.dispose()
        lock.release()
        raise
    log.info("unlocked a store")
    return store


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


def replace_database(
    key: UnlockedKey,
    fill: Callable[[Connection], None],
    complete: Callable[[Store], None],
    *,
    session_events: SessionEvents,
) -> Path | None:
    """A new, empty database under the same key, built in a staging folder: `fill` writes
    into it, `complete` finishes it as a store (the first sync). Only when both succeeded is
    the current database (a damaged one) moved aside and the new one put in its place; on
    any error nothing outside the staging folder has changed. The key file, the device secret
    and the token stay: it is the same store to the central store. Returns where the old
    database went. `session_events`: see SessionEvents."""
    from app.storage.backup import set_damaged_aside

    staged = StorePaths(key.paths.staging)
    shutil.rmtree(staged.data_dir, ignore_errors=True)
    staged.data_dir.mkdir(mode=0o700)
    engine = _make_engine(staged.database, key.db_key)
    try:
        upgrade_to_head(engine)
        with engine.begin() as connection:
            fill(connection)
        complete(Store(staged, key.header, engine, session_events=session_events))
        _checkpoint(engine)
    except BaseException:
        engine.dispose()
        shutil.rmtree(staged.data_dir, ignore_errors=True)
        raise
    engine.dispose()
    aside = set_damaged_aside(key.paths)
    _move_database(staged, key.paths)
    fsync_folder(key.paths.data_dir)
    shutil.rmtree(staged.data_dir, ignore_errors=True)
    return aside
