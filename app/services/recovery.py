"""The way back from a damaged store: put back a backup, or (for a laptop linked to the
central store) rebuild it from the central store with the unsent changes that could still
be read from the damaged file sent along; the damaged file itself is kept, encrypted."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from app.domain.region import REGION_SETTING
from app.services.context import OWNER_KEY
from app.services.opening import open_store, replace_database
from app.services.sync import run_sync
from app.storage import secrets as keyring_secrets
from app.storage.backup import Backup, restore_backup
from app.storage.errors import StoreDamaged
from app.storage.lock import StoreLock
from app.storage.store import Store
from app.storage.unlocking import UnlockedKey, raw_connection, token_name
from app.sync.client import (
    DEVICE_KEY,
    LINKED_CASEWORKER_KEY,
    SERVER_URL_KEY,
    SyncReport,
    Transport,
)
from app.sync.errors import ServerUnreachable

log = logging.getLogger(__name__)

# What makes the rebuilt store the same laptop to the central store.
CARRIED_SETTINGS = (SERVER_URL_KEY, DEVICE_KEY, LINKED_CASEWORKER_KEY, OWNER_KEY, REGION_SETTING)
OUTBOX = "sync_outbox"

_NEW_LINKED_STORE = (
    "of maak in een lege map een nieuwe database die aan de centrale server is gekoppeld "
    "(bij de eerste start: 'Aanmelden bij de centrale server van uw team'; in een terminal: "
    "main.py --data-dir MAP connect)"
)
NOT_LINKED_MESSAGE = (
    "In de beschadigde database is geen koppeling met een centrale server te lezen, dus kan "
    "Trede de gegevens daar niet opnieuw ophalen. Zet de laatste reservekopie terug, "
    + _NEW_LINKED_STORE
    + "."
)
REBUILD_UNREACHABLE = (
    "De centrale server is niet bereikbaar, dus is er niets opnieuw opgehaald en niets "
    "gewijzigd. Probeer het opnieuw zodra er verbinding is, of zet de laatste reservekopie terug."
)
NO_TOKEN_MESSAGE = (
    "De aanmelding van deze laptop bij de centrale server is niet meer in de sleutelbos. Zet "
    "de laatste reservekopie terug, "
    + _NEW_LINKED_STORE
    + "; het beschadigde bestand blijft bewaard."
)


@dataclass(frozen=True)
class Salvage:
    """What could still be read from a damaged database."""

    settings: dict[str, str]
    outbox: list[dict[str, Any]]
    outbox_complete: bool


def salvage(key: UnlockedKey) -> Salvage:
    """Read the link settings and the unsent changes, row by row where a page is damaged."""
    import sqlcipher3

    connection = raw_connection(key.paths.database, key.db_key, read_only=True)
    connection.row_factory = sqlcipher3.Row
    try:
        settings = _read_settings(connection)
        try:
            rows = connection.execute(f"SELECT * FROM {OUTBOX} ORDER BY position")
            outbox, complete = [dict(row) for row in rows], True
        except sqlcipher3.Error:
            outbox, complete = _outbox_row_by_row(connection)
    finally:
        connection.close()
    log.info("salvaged %d unsent change(s) from a damaged store", len(outbox))
    return Salvage(settings, outbox, complete)


def _read_settings(connection: Any) -> dict[str, str]:
    """The carried settings that can still be read (a damaged page hides only its own)."""
    import sqlcipher3

    settings: dict[str, str] = {}
    for name in CARRIED_SETTINGS:
        try:
            found = connection.execute(
                "SELECT value FROM local_settings WHERE key = ?", (name,)
            ).fetchone()
        except sqlcipher3.Error:
            continue
        if found is not None:
            settings[name] = str(found[0])
    return settings


def _links(settings: dict[str, str]) -> bool:
    """The server, the device and the caseworker: what a rebuild needs to be this laptop."""
    return all(settings.get(name) for name in (SERVER_URL_KEY, DEVICE_KEY, LINKED_CASEWORKER_KEY))


def _outbox_row_by_row(connection: Any) -> tuple[list[dict[str, Any]], bool]:
    import sqlcipher3

    try:
        last = connection.execute(f"SELECT max(position) FROM {OUTBOX}").fetchone()[0] or 0
    except sqlcipher3.Error:
        return [], False
    rows, complete = [], True
    for position in range(1, int(last) + 1):
        try:
            row = connection.execute(
                f"SELECT * FROM {OUTBOX} WHERE position = ?", (position,)
            ).fetchone()
        except sqlcipher3.Error:
            complete = False
            continue
        if row is not None:
            rows.append(dict(row))
    return rows, complete


@dataclass(frozen=True)
class Rebuilt:
    store: Store
    rescued_changes: int
    all_changes_read: bool
    damaged_file: Path | None
    report: SyncReport


def rebuild_from_central(
    key: UnlockedKey,
    transport_factory: Callable[[str, str | None], Transport],
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Rebuilt:
    """A fresh store for the same laptop: its link, the unsent changes read from the damaged
    file (sent at the first sync; where a colleague changed the same thing since, they
    become conflicts to resolve), and everything else received again from the central store."""
    with StoreLock(key.paths.data_dir).acquire(exclusive=True):
        return _rebuild_locked(key, transport_factory, progress, cancelled)


def _rebuild_locked(
    key: UnlockedKey,
    transport_factory: Callable[[str, str | None], Transport],
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> Rebuilt:
    found = salvage(key)
    if not _links(found.settings):
        raise StoreDamaged(NOT_LINKED_MESSAGE)
    if keyring_secrets.get_secret(token_name(key.header.store_id), demo=key.header.demo) is None:
        raise StoreDamaged(NO_TOKEN_MESSAGE)

    def fill(connection: Connection) -> None:
        for name, value in found.settings.items():
            connection.execute(
                text("INSERT INTO local_settings (key, value) VALUES (:key, :value)"),
                {"key": name, "value": value},
            )
        columns = {row[1] for row in connection.exec_driver_sql(f"PRAGMA table_info({OUTBOX})")}
        for change in found.outbox:
            kept = {name: value for name, value in change.items() if name in columns}
            names = ", ".join(kept)
            values = ", ".join(f":{name}" for name in kept)
            connection.execute(text(f"INSERT INTO {OUTBOX} ({names}) VALUES ({values})"), kept)

    reports: list[SyncReport] = []

    def first_sync(staged: Store) -> None:
        # everything comes from the central store before the damaged file is set aside: a
        # server that cannot be reached leaves all as it was, to try again later
        reports.append(run_sync(staged, transport_factory, progress, cancelled))

    try:
        aside = replace_database(key, fill, first_sync)
    except ServerUnreachable as exc:
        raise StoreDamaged(REBUILD_UNREACHABLE) from exc
    log.warning("the store was rebuilt; %d unsent change(s) sent", len(found.outbox))
    return Rebuilt(open_store(key), len(found.outbox), found.outbox_complete, aside, reports[0])


def is_linked(key: UnlockedKey) -> bool:
    """Whether the (damaged) store says it is linked to a central store: only then can it
    be rebuilt from there."""
    import sqlcipher3

    try:
        connection = raw_connection(key.paths.database, key.db_key, read_only=True)
    except sqlcipher3.Error:
        return False
    try:
        return _links(_read_settings(connection))
    finally:
        connection.close()


def restore(key: UnlockedKey, chosen: Backup | None = None) -> tuple[Store, Backup]:
    """Put the newest whole backup (or `chosen`) back and open it."""
    with StoreLock(key.paths.data_dir).acquire(exclusive=True):  # nothing else has it open
        backup = restore_backup(key, chosen)
        return open_store(key), backup
