"""Finding a store on disk, unwrapping its database key and wrapping it under a new
passphrase: all that unlocking needs before the database is opened. Free of SQLAlchemy, so
the unlock screen appears fast."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.storage import secrets as keyring_secrets
from app.storage.errors import (
    DataDirUnusable,
    MissingDeviceSecret,
    PassphraseTooWeak,
    StoreNotFound,
)
from app.storage.keys import (
    MIN_PASSPHRASE_LENGTH,
    KeyHeader,
    decode_device_secret,
    unwrap_key,
    wrap_key,
    write_atomically,
)
from app.storage.lock import StoreLock

log = logging.getLogger(__name__)

DB_FILE = "trede.db"
MAX_KEY_FILE_BYTES = 64 * 1024  # a real one is under 1 KiB
KEY_FILE = "trede.key"
# A store is built here, inside its data folder, and moved into place when complete.
STAGING_DIR = ".trede-in-aanmaak"
STAGING_MARKER = "store_id"
SQLITE_SUFFIXES = ("", "-wal", "-shm", "-journal")  # the database and what SQLite keeps beside
# The local setting that holds the last caseload, shown at once at the next start.
CASELOAD_SNAPSHOT_SETTING = "caseload_snapshot"

MISSING_DEVICE_SECRET_MESSAGE = (
    "Het apparaatgeheim van deze database staat niet in de sleutelbos van deze computer. "
    "De database kan alleen worden geopend op de laptop waarop hij is gemaakt; "
    "synchroniseer op deze laptop een nieuwe database of vraag de beheerder om hulp."
)


@dataclass(frozen=True)
class StorePaths:
    data_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / DB_FILE

    @property
    def key_file(self) -> Path:
        return self.data_dir / KEY_FILE

    @property
    def staging(self) -> Path:
        return self.data_dir / STAGING_DIR

    def database_files(self) -> tuple[Path, ...]:
        """The database and the files SQLite keeps beside it."""
        name = self.database.name
        return tuple(self.data_dir / f"{name}{suffix}" for suffix in SQLITE_SUFFIXES)

    def exists(self) -> bool:
        return self.key_file.exists() and self.database.exists()


@dataclass(frozen=True)
class UnlockedKey:
    """A store's paths, its key header and the raw database key, ready to open."""

    paths: StorePaths
    header: KeyHeader
    db_key: bytes


def check_data_dir(data_dir: Path) -> Path:
    """`data_dir`, unless something that is not a folder stands in its place."""
    if data_dir.exists() and not data_dir.is_dir():
        raise DataDirUnusable(
            f"{data_dir} is een bestand, geen map. Geef met --data-dir de map van de database op."
        )
    return data_dir


def passphrase_problem(passphrase: str) -> str | None:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return f"Kies een wachtwoord van minstens {MIN_PASSPHRASE_LENGTH} tekens."
    if passphrase.strip() != passphrase:
        return "Het wachtwoord mag niet met een spatie beginnen of eindigen."
    return None


def device_secret_name(store_id: str) -> str:
    return f"device-secret:{store_id}"


def token_name(store_id: str) -> str:
    """The keyring name of a store's central store token."""
    return f"sync-token:{store_id}"


def secret_names(store_id: str) -> tuple[str, ...]:
    """Every keyring entry a store can have: removed with the store."""
    return device_secret_name(store_id), token_name(store_id)


def read_header(paths: StorePaths) -> KeyHeader:
    check_data_dir(paths.data_dir)
    if not paths.exists():
        raise StoreNotFound(f"Er is nog geen Trede-database in {paths.data_dir}.")
    with paths.key_file.open("rb") as handle:
        raw = handle.read(MAX_KEY_FILE_BYTES + 1)
    try:
        text = raw.decode("utf-8") if len(raw) <= MAX_KEY_FILE_BYTES else ""
    except UnicodeDecodeError:
        text = ""
    return KeyHeader.from_json(text)


def is_demo_store(paths: StorePaths, header: KeyHeader) -> bool:
    """A demo store: marked so in its key file, or (made before the mark existed) in the
    demo's own folder."""
    if header.demo:
        return True
    from app.paths import default_data_dir

    return paths.data_dir.resolve() == default_data_dir(demo=True).resolve()


def device_secret(store_id: str, *, demo: bool = False) -> bytes:
    stored = keyring_secrets.get_secret(device_secret_name(store_id), demo=demo)
    if stored is None:
        raise MissingDeviceSecret(MISSING_DEVICE_SECRET_MESSAGE)
    return decode_device_secret(stored)


def unlock_key(data_dir: Path, passphrase: str) -> UnlockedKey:
    """The raw database key; raises WrongPassphrase or MissingDeviceSecret. Touches no file."""
    paths = StorePaths(Path(data_dir))
    header = read_header(paths)
    secret = device_secret(header.store_id, demo=is_demo_store(paths, header))
    return UnlockedKey(
        paths, header, unwrap_key(header, passphrase=passphrase, device_secret=secret)
    )


def raw_connection(
    path: Path, key: bytes | str, *, check_same_thread: bool = True, read_only: bool = False
) -> Any:
    """A plain sqlcipher3 connection to an encrypted file, keyed with a raw database key
    (bytes) or a passphrase (str); SQLCipher's own log lines stay off the terminal.
    `read_only` never writes the database or its WAL (not even a checkpoint on close).
    Raises sqlcipher3.Error."""
    import sqlcipher3

    if read_only:
        # without a WAL (a store closed cleanly) nothing beside it is even created
        has_wal = Path(f"{path}-wal").exists()
        mode = "mode=ro" if has_wal else "mode=ro&immutable=1"
        target, uri = f"{sqlite_uri(Path(path))}?{mode}", True
    else:
        target, uri = str(path), False
    connection = sqlcipher3.connect(target, check_same_thread=check_same_thread, uri=uri)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        if isinstance(key, bytes):
            connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        else:
            escaped = key.replace("'", "''")
            connection.execute(f"PRAGMA key = '{escaped}'")
    except sqlcipher3.Error:
        connection.close()
        raise
    return connection


def sqlite_uri(path: Path) -> str:
    """A file: URI SQLite accepts for `path`: POSIX, a Windows drive, or a network share
    (as file:////server/share, since SQLite refuses a host name in the URI)."""
    from urllib.parse import quote

    text = os.path.abspath(path).replace("\\", "/")
    if text.startswith("//"):
        return "file://" + quote(text, safe="/")
    if len(text) > 1 and text[1] == ":":
        return "file:///" + quote(text, safe="/:")
    return "file:" + quote(text, safe="/")


def read_local_setting(key: UnlockedKey, name: str) -> str | None:
    """One local setting, read with the raw driver (no SQLAlchemy, no migration check): for
    what the window shows at start-up while the database layer is still being imported.
    None when it cannot be read; the regular open that follows reports real problems."""
    import sqlcipher3

    try:
        connection = raw_connection(
            key.paths.database, key.db_key, check_same_thread=False, read_only=True
        )
    except sqlcipher3.Error:
        return None
    try:
        found = connection.execute(
            "SELECT value FROM local_settings WHERE key = ?", (name,)
        ).fetchone()
    except sqlcipher3.Error:
        return None
    finally:
        connection.close()
    return None if found is None else str(found[0])


def change_passphrase(data_dir: Path, old: str, new: str) -> None:
    """Re-wrap the database key; the data itself is not re-encrypted. Not while another
    process has the store (its key file would change under it)."""
    problem = passphrase_problem(new)
    if problem:
        raise PassphraseTooWeak(problem)
    with StoreLock(Path(data_dir)):
        _rewrap(data_dir, old, new)


def _rewrap(data_dir: Path, old: str, new: str) -> None:
    key = unlock_key(data_dir, old)
    rewrapped = wrap_key(
        key.db_key,
        store_id=key.header.store_id,
        passphrase=new,
        device_secret=device_secret(key.header.store_id, demo=is_demo_store(key.paths, key.header)),
        demo=key.header.demo,
    )
    write_atomically(key.paths.key_file, rewrapped.to_json())
    log.info("changed the passphrase of a store")
