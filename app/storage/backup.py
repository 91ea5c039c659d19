"""Local backups of the store: a whole copy under the same key (VACUUM INTO), made at most
daily and never of a damaged store, the newest seven kept; and putting one back, with the
damaged database kept aside (encrypted, readable with the same key)."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

from app.storage.errors import BackupFailed, StoreDamaged
from app.storage.files import fsync_file, fsync_folder
from app.storage.keys import write_atomically
from app.storage.unlocking import SQLITE_SUFFIXES, StorePaths, UnlockedKey, raw_connection

log = logging.getLogger(__name__)

BACKUP_DIR = "reservekopieen"
DAMAGED_DIR = "beschadigd"
KEEP = 7
BACKUP_EVERY = dt.timedelta(hours=20)  # daily, also for someone who starts at 8 and 9
_NAME = re.compile(r"^trede-(\d{8}-\d{6})\.db$")

BACKUP_FAILED_MESSAGE = (
    "De reservekopie kon niet worden gemaakt (is de schijf vol?). Er is niets gewijzigd; "
    "Trede probeert het bij de volgende start opnieuw."
)
NO_BACKUP_MESSAGE = (
    "Er is geen gave reservekopie van deze database. Een laptop die aan de centrale server is "
    "gekoppeld, kan alles opnieuw ophalen; vraag anders de beheerder om hulp."
)


@dataclass(frozen=True)
class Backup:
    path: Path
    made_at: dt.datetime

    @property
    def key_copy(self) -> Path:
        """The key file as it was: it opens the backup if trede.key itself is lost."""
        return self.path.with_suffix(".key")


def backup_folder(paths: StorePaths) -> Path:
    return paths.data_dir / BACKUP_DIR


def backups(paths: StorePaths) -> list[Backup]:
    """The store's backups, newest first."""
    folder = backup_folder(paths)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match and path.is_file():
            made = dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
            found.append(Backup(path, made))
    return sorted(found, key=lambda backup: backup.made_at, reverse=True)


def make_backup(store: object, now: dt.datetime | None = None) -> Backup:
    """A whole, encrypted copy of the open store; refused (StoreCorrupted) when the store is
    damaged, so a bad copy never pushes a good one out. Keeps the newest KEEP."""
    from sqlalchemy.exc import SQLAlchemyError  # here: this module is read before the unlock

    from app.storage.store import Store

    assert isinstance(store, Store)
    store.require_whole()
    made = (now or dt.datetime.now()).replace(microsecond=0)
    folder = backup_folder(store.paths)
    folder.mkdir(mode=0o700, exist_ok=True)
    target = folder / f"trede-{made:%Y%m%d-%H%M%S}.db"
    _sweep(folder, ".trede-*.tmp", older_than_s=3600)  # what a crash mid-backup left
    temporary = folder / f".{target.name}.{secrets.token_hex(4)}.tmp"

    backup = Backup(target, made)
    try:
        with store.engine.connect() as connection:
            connection.exec_driver_sql("VACUUM INTO ?", (str(temporary),))
        os.chmod(temporary, 0o600)
        fsync_file(temporary)
        write_atomically(backup.key_copy, store.paths.key_file.read_text("utf-8"))
        os.replace(temporary, target)
    except (OSError, SQLAlchemyError) as exc:  # a full disk, say
        log.warning("a backup failed: %s", type(exc).__name__)
        raise BackupFailed(BACKUP_FAILED_MESSAGE) from exc
    finally:
        temporary.unlink(missing_ok=True)
    fsync_folder(folder)
    for old in backups(store.paths)[KEEP:]:
        old.path.unlink(missing_ok=True)
        old.key_copy.unlink(missing_ok=True)
    log.info("made a backup of the store")
    return backup


def _sweep(folder: Path, pattern: str, older_than_s: float = 0) -> None:
    import time

    for leftover in folder.glob(pattern):
        try:
            if time.time() - leftover.stat().st_mtime >= older_than_s:
                leftover.unlink(missing_ok=True)
        except OSError:
            continue


def backup_if_due(store: object, now: dt.datetime | None = None) -> Backup | None:
    from app.storage.store import Store

    assert isinstance(store, Store)
    newest = backups(store.paths)
    moment = now or dt.datetime.now()
    if newest and moment - newest[0].made_at < BACKUP_EVERY:
        return None
    return make_backup(store, moment)


def _is_whole(path: Path, db_key: bytes) -> bool:
    from app.storage.errors import StoreCorrupted
    from app.storage.integrity import require_whole_file

    try:
        require_whole_file(path, db_key)
    except StoreCorrupted:
        return False
    return True


def set_damaged_aside(paths: StorePaths, now: dt.datetime | None = None) -> Path | None:
    """Keep the database with its WAL in the `beschadigd` folder (names kept together, so it
    still opens there with the same key), then take the WAL away from beside the database:
    the caller replaces the database in one rename, and a WAL left beside the new one would
    spoil it. Call with the store closed. Returns where the copy is."""
    if not paths.database.exists():
        return None
    folder = paths.data_dir / DAMAGED_DIR
    folder.mkdir(mode=0o700, exist_ok=True)
    stamp = f"{(now or dt.datetime.now()):%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"
    aside = folder / f"trede-{stamp}.db"
    try:
        os.link(paths.database, aside)
    except OSError:  # a file system without hard links
        shutil.copyfile(paths.database, aside)
    beside = list(zip(paths.database_files()[1:], SQLITE_SUFFIXES[1:], strict=True))
    for source, suffix in beside:
        if source.exists():  # copied first: a crash now leaves the live files as they were
            shutil.copyfile(source, aside.with_name(aside.name + suffix))
    fsync_folder(folder)
    for source, _suffix in beside:
        source.unlink(missing_ok=True)
    fsync_folder(paths.data_dir)
    log.warning("the database was set aside")
    return aside


def _checkpoint_if_whole(key: UnlockedKey) -> None:
    """Fold a whole store's WAL into its database, so that setting it aside loses nothing
    even if the swap that follows is interrupted."""
    if not key.paths.database.exists() or not _is_whole(key.paths.database, key.db_key):
        return
    import sqlcipher3

    try:
        connection = raw_connection(key.paths.database, key.db_key)
    except sqlcipher3.Error:
        return
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlcipher3.Error:
        log.info("no checkpoint before the restore")
    finally:
        connection.close()


def restore_backup(key: UnlockedKey, chosen: Backup | None = None) -> Backup:
    """Put a backup back (the newest whole one, or `chosen`); the current database, whole
    or not, is kept aside. Raises StoreDamaged when no backup is whole."""
    candidates = [chosen] if chosen is not None else backups(key.paths)
    for backup in candidates:
        if _is_whole(backup.path, key.db_key):
            break
    else:
        raise StoreDamaged(NO_BACKUP_MESSAGE)
    _sweep(key.paths.data_dir, ".trede.db.terugzetten-*.tmp")  # an interrupted restore's
    temporary = key.paths.data_dir / f".trede.db.terugzetten-{secrets.token_hex(4)}.tmp"
    try:
        shutil.copyfile(backup.path, temporary)
        os.chmod(temporary, 0o600)
        fsync_file(temporary)
        _checkpoint_if_whole(key)
        set_damaged_aside(key.paths)
        os.replace(temporary, key.paths.database)
    finally:
        temporary.unlink(missing_ok=True)
    fsync_folder(key.paths.data_dir)
    log.warning("a backup of the store was put back")
    return backup


def key_from_backup(paths: StorePaths) -> bool:
    """When trede.key is unreadable: put back the newest backup's copy of it. True if done."""
    import json

    from app.storage.keys import HEADER_FORMAT, KeyHeader

    if paths.key_file.is_file():
        text = paths.key_file.read_text("utf-8", errors="replace")
        try:
            KeyHeader.from_json(text)
            return False
        except StoreDamaged:
            pass
        try:
            found = json.loads(text)
        except ValueError:
            found = None
        if isinstance(found, dict) and found.get("format") not in (None, HEADER_FORMAT):
            return False  # a newer Trede's key file: readable to that version, keep it
    elif not paths.database.exists():
        return False
    copy = next((b.key_copy for b in backups(paths) if b.key_copy.is_file()), None)
    if copy is None:
        return False
    if paths.key_file.exists():  # kept, not overwritten: it may still mean something
        stamp = f"{dt.datetime.now():%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"
        os.replace(paths.key_file, paths.key_file.with_name(f"trede.key.onleesbaar-{stamp}"))
    write_atomically(paths.key_file, copy.read_text("utf-8"))
    log.warning("the key file was put back from a backup")
    return True
