"""Sync use cases for the app: link this store to a central store account, run a sync (with
its audit record), the status for the status bar, and the remote wipe. The open conflicts
and their resolution are in `conflicts`."""

from __future__ import annotations

import datetime as dt
import ipaddress
import logging
import platform
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.vocab import AuditAction
from app.models import Caseworker, Client
from app.services.audit import audit
from app.services.context import OWNER_KEY, actor_for, get_setting, set_setting
from app.services.errors import AccessDenied, ValidationFailed
from app.services.snapshot import forget_caseload_snapshot
from app.storage import secrets as keyring_secrets
from app.storage.store import Store
from app.storage.unlocking import secret_names, token_name
from app.sync.client import (
    CLOCK_OFFSET_KEY,
    CLOCK_TOLERANCE,
    CURSOR_KEY,
    DEVICE_KEY,
    LAST_SYNC_KEY,
    LINKED_CASEWORKER_KEY,
    SERVER_URL_KEY,
    LoginRequired,
    RemoteWipe,
    SyncEngine,
    SyncReport,
    Transport,
    open_conflicts,
    pending_changes,
)
from app.sync.errors import LOG_IN_AGAIN, NOT_LINKED

log = logging.getLogger(__name__)

WHOLE_CHECK_EVERY_S = 3600

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SyncStatus:
    linked: bool
    server_url: str | None
    last_sync_at: dt.datetime | None
    pending: int
    conflicts: int
    clock_offset_s: float

    @property
    def clock_off(self) -> bool:
        return abs(self.clock_offset_s) > CLOCK_TOLERANCE.total_seconds()


def sync_status(session: Session) -> SyncStatus:
    last = get_setting(session, LAST_SYNC_KEY)
    conn = session.connection()
    return SyncStatus(
        linked=get_setting(session, DEVICE_KEY) is not None,
        server_url=get_setting(session, SERVER_URL_KEY),
        last_sync_at=dt.datetime.fromisoformat(last) if last else None,
        pending=pending_changes(conn),
        conflicts=open_conflicts(conn),
        clock_offset_s=float(get_setting(session, CLOCK_OFFSET_KEY) or 0),
    )


NO_ADDRESS = "Vul het adres van de centrale server in, beginnend met https://."
PLAIN_HTTP = (
    "Het adres moet met https:// beginnen: via http:// zou uw wachtwoord onversleuteld over "
    "het netwerk gaan."
)
ADDRESS_ONLY = "Vul alleen het adres van de server in, zonder gebruikersnaam of ?-deel."
NO_USERNAME = "Vul uw gebruikersnaam in."
NO_PASSWORD = "Vul uw wachtwoord in."
# the login dialogs show these translated
ACCOUNT_MESSAGES = (NO_ADDRESS, PLAIN_HTTP, ADDRESS_ONLY, NO_USERNAME, NO_PASSWORD)


def server_url_problem(server_url: str) -> str | None:
    """What is wrong with a central store address: it must be https://, except on this
    computer itself (http://localhost, for a test server)."""
    try:
        parsed = urlsplit(server_url.strip())
    except ValueError:
        parsed = None
    if parsed is None or parsed.scheme not in ("http", "https") or not parsed.hostname:
        return NO_ADDRESS
    if parsed.scheme == "http" and not _is_loopback(parsed.hostname):
        return PLAIN_HTTP
    if parsed.username or parsed.password or parsed.query or parsed.fragment:
        return ADDRESS_ONLY
    return None


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def account_problems(server_url: str, username: str, password: str) -> dict[str, str]:
    """What to fix before logging in; the login dialogs show the same messages."""
    problems = {}
    server = server_url_problem(server_url)
    if server:
        problems["server"] = server
    if not username.strip():
        problems["username"] = NO_USERNAME
    if not password:
        problems["password"] = NO_PASSWORD
    return problems


def link_store(
    store: Store,
    *,
    server_url: str,
    username: str,
    password: str,
    transport_factory: Callable[[str, str | None], Any],
    device_name: str | None = None,
    previous_token: str | None = None,
) -> str:
    """Log in, keep the token in the keyring and bind this store to the account.

    Returns the caseworker id. A store that already holds work of another caseworker, or
    clients that never came from this central store, is refused: nothing would reach it.
    `device_name`: how the administrator sees this laptop (default: the computer's name).
    """
    device_name = device_name or platform.node() or "laptop"
    problems = account_problems(server_url, username, password)
    if problems:
        raise ValidationFailed(problems)
    if store.header.demo:
        raise AccessDenied(
            "Een demodatabase wordt niet aan een centrale server gekoppeld. Maak een eigen "
            "database aan met 'Aanmelden bij de centrale server van uw team'."
        )
    url = server_url.strip().rstrip("/")
    transport = transport_factory(url, None)
    try:
        answer = transport.login(username.strip(), password, device_name, previous_token)
    finally:
        close = getattr(transport, "close", None)
        if close is not None:
            close()
    caseworker_id = str(answer["caseworker_id"])
    # the token first: a crash after this still lets the next connect reuse the device
    name = token_name(store.store_id)
    earlier = keyring_secrets.get_secret(name, demo=store.header.demo)
    keyring_secrets.set_secret(name, str(answer["token"]), demo=store.header.demo)
    try:
        _bind(store, url, caseworker_id, str(answer["device_id"]))
    except BaseException:
        if earlier is None:
            keyring_secrets.delete_secret(name)
        else:
            keyring_secrets.set_secret(name, earlier, demo=store.header.demo)
        raise
    log.info("store linked to a central store account")
    return caseworker_id


def _bind(store: Store, url: str, caseworker_id: str, device_id: str) -> None:
    """Bind the store to the account, unless it holds work that would never reach it."""
    with store.session() as session:
        linked = get_setting(session, LINKED_CASEWORKER_KEY)
        owner = get_setting(session, OWNER_KEY)
        if (linked is not None and linked != caseworker_id) or (
            owner is not None and owner != caseworker_id
        ):
            raise AccessDenied(
                "Deze database hoort bij een andere medewerker. Maak voor dit account een "
                "nieuwe database aan."
            )
        if linked is None and get_setting(session, CURSOR_KEY) is None:
            has_clients = session.scalar(select(func.count()).select_from(Client)) or 0
            if has_clients:
                raise AccessDenied(
                    "Deze database bevat al klanten die niet van de centrale server komen. "
                    "Koppel een nieuwe, lege database aan de centrale server."
                )
        set_setting(session, SERVER_URL_KEY, url)
        set_setting(session, DEVICE_KEY, device_id)
        set_setting(session, LINKED_CASEWORKER_KEY, caseworker_id)


def connect_new_store(
    data_dir: Path,
    passphrase: str,
    *,
    server_url: str,
    username: str,
    password: str,
    transport_factory: Callable[[str, str | None], Transport],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[Store, SyncReport]:
    """A new encrypted store in `data_dir`, logged in and with its first sync done, made in
    a staging folder so that a failure or cancel leaves nothing. An earlier interrupted
    connect's device is reused (its token is still in the keyring)."""
    from app.services.opening import create_store
    from app.storage.store import unfinished_token

    previous_token = unfinished_token(data_dir)
    reports: list[SyncReport] = []

    def first_sync(store: Store) -> None:
        link_store(
            store,
            server_url=server_url,
            username=username,
            password=password,
            transport_factory=transport_factory,
            previous_token=previous_token,
        )
        reports.append(run_sync(store, transport_factory, progress, cancelled))

    return create_store(data_dir, passphrase, setup=first_sync), reports[0]


def run_sync(
    store: Store,
    transport_factory: Callable[[str, str | None], Transport],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SyncReport:
    """One sync in its own sessions (safe on a worker thread). A revoked device wipes. A
    damaged store does not sync (StoreCorrupted): nothing of it may reach the central store,
    and nothing received may be written into it. (Reading every page costs about 60 ms per
    1,000 clients, so a sync checks when the last check is older than an hour.)"""
    store.require_whole(unless_checked_within=WHOLE_CHECK_EVERY_S)
    with store.session() as session:
        url = get_setting(session, SERVER_URL_KEY)
        caseworker_id = get_setting(session, LINKED_CASEWORKER_KEY)
    token = keyring_secrets.get_secret(token_name(store.store_id), demo=store.header.demo)
    if url is None or caseworker_id is None:
        raise LoginRequired(NOT_LINKED)
    address_problem = server_url_problem(url)
    if address_problem:  # linked by an older version over plain http://: log in again
        raise LoginRequired(address_problem)
    if token is None:
        raise LoginRequired(LOG_IN_AGAIN)
    transport = transport_factory(url, token)
    try:
        report = sync_engine(store, transport).sync(progress, cancelled)
    except RemoteWipe:
        log.warning("the central store revoked this device: wiping the local store")
        wipe_local_store(store)
        raise
    finally:
        close = getattr(transport, "close", None)
        if close is not None:
            close()
    with store.session() as session:
        if get_setting(session, OWNER_KEY) is None:
            set_setting(session, OWNER_KEY, caseworker_id)
        if session.get(Caseworker, caseworker_id) is not None and (
            report.pushed or report.received or report.purged_clients
        ):
            actor = actor_for(session, caseworker_id)
            audit(
                session,
                actor,
                AuditAction.SYNC,
                "store",
                None,
                pushed=report.pushed,
                received=report.received,
                purged_clients=report.purged_ids,
                conflicts=report.open_conflicts,
            )
    return report


def sync_engine(store: Store, transport: Transport) -> SyncEngine:
    """The sync engine of this store, with what a purge must take along."""
    return SyncEngine(store.engine, transport, on_purge=forget_caseload_snapshot)


def wipe_local_store(store: Store) -> None:
    """The database, its key and the secrets leave this laptop (the remote wipe, or a new
    store whose first connection failed)."""
    store.close()
    for path in store.paths.database_files():
        path.unlink(missing_ok=True)
    store.paths.key_file.unlink(missing_ok=True)
    for name in secret_names(store.store_id):
        try:
            keyring_secrets.delete_secret(name)
        except Exception:  # the files are gone already; a keyring error must not stop that
            log.exception("could not remove a secret during the wipe")
    from app.storage.backup import BACKUP_DIR, DAMAGED_DIR

    for folder in ("exports", BACKUP_DIR, DAMAGED_DIR, store.paths.staging.name):
        # backups and a damaged file open with the passphrase as long as a secret is left
        shutil.rmtree(store.paths.data_dir / folder, ignore_errors=True)
    ours = ("trede.db", "trede.key", ".trede.db", ".trede.key")
    for leftover in store.paths.data_dir.iterdir():
        # files set aside (*.zonder-paar-*, *.onleesbaar-*) and temporary ones; the lock
        # file stays (deleting it could let two processes each hold "the" lock)
        if leftover.name.startswith(ours) and leftover.is_file():
            leftover.unlink(missing_ok=True)
    log.info("local store and its secrets removed")
