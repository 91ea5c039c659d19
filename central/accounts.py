"""Accounts of the central store: password logins with back-off per account and per
address, a bounded number of Argon2 hashes at a time, and expiring device tokens."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets
import threading
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError
from sqlalchemy import case, delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

from app.domain.vocab import Role
from app.models import Caseworker, new_id, utc_now
from central import tables as t
from central.db import writing

log = logging.getLogger(__name__)

_CASEWORKERS = Caseworker.__table__
# 64 MiB each: a login storm queues for these instead of taking the server's memory.
ARGON2_SLOTS = 2
ARGON2_WAIT_S = 20.0
_hasher = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=2)

DEFAULT_TOKEN_DAYS = 30
# Back-off: this many failures are free, then each one doubles the wait (at most 15 min).
FREE_FAILURES_ACCOUNT = 5
FREE_FAILURES_ADDRESS = 20  # an office behind one address has many caseworkers
LONGEST_WAIT_S = 15 * 60
# Failures older than this are forgotten.
FAILURE_WINDOW = dt.timedelta(hours=1)


def _dialect_insert(conn: Connection) -> Any:
    return postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert


class AuthFailed(Exception):
    """Wrong username, password or token; `code` says which kind for the API."""

    def __init__(self, code: str = "unauthorized") -> None:
        super().__init__(code)
        self.code = code


class DeviceRevoked(Exception):
    """The device or its account was revoked: the laptop must wipe its store."""


class LoginThrottled(Exception):
    """Too many failed logins (or hashes waiting): try again after `retry_after` seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"retry after {retry_after} s")
        self.retry_after = retry_after


@dataclass(frozen=True)
class Device:
    id: str
    caseworker_id: str
    role: Role
    team_id: str | None
    is_admin: bool = False

    @property
    def is_team_lead(self) -> bool:
        return self.role is Role.TEAM_LEAD


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _user_key(username: str) -> str:
    return "user:" + username.lower()[:80]


def _wait_for(failures: int, free: int) -> int:
    if failures < free:
        return 0
    return int(min(2 ** (failures - free), LONGEST_WAIT_S))


class Accounts:
    def __init__(self, engine: Engine, *, token_days: int = DEFAULT_TOKEN_DAYS) -> None:
        self.engine = engine
        self.token_ttl = dt.timedelta(days=token_days)
        self._slots = threading.BoundedSemaphore(ARGON2_SLOTS)

    # ------------------------------------------------------------------ hashing

    def _hashing(self) -> None:
        if not self._slots.acquire(timeout=ARGON2_WAIT_S):
            raise LoginThrottled(5)

    def hash_password(self, password: str) -> str:
        self._hashing()
        try:
            return _hasher.hash(password)
        finally:
            self._slots.release()

    def _verify(self, password_hash: str | None, password: str) -> bool:
        self._hashing()
        try:
            if password_hash is None:
                _hasher.hash(password)  # the same time for an unknown name
                return False
            return bool(_hasher.verify(password_hash, password))
        except (VerifyMismatchError, InvalidHashError):
            return False
        finally:
            self._slots.release()

    # ------------------------------------------------------------------ login

    def login(
        self,
        username: str,
        password: str,
        device_name: str,
        address: str = "unknown",
        previous_token: str | None = None,
    ) -> tuple[str, Device]:
        now = utc_now()
        keys = {_user_key(username): FREE_FAILURES_ACCOUNT}
        keys["addr:" + address[:64]] = FREE_FAILURES_ADDRESS
        with writing(self.engine) as conn:
            wait, counted_wait = self._attempt(conn, keys, now)
            if wait:
                self._trail(conn, username, address, "throttled")
            found = conn.execute(
                select(
                    _CASEWORKERS.c.id,
                    _CASEWORKERS.c.role,
                    _CASEWORKERS.c.team_id,
                    _CASEWORKERS.c.active,
                    t.accounts.c.password_hash,
                    t.accounts.c.revoked_at,
                    t.accounts.c.is_admin,
                )
                .join(t.accounts, t.accounts.c.caseworker_id == _CASEWORKERS.c.id)
                .where(_CASEWORKERS.c.username == username)
            ).first()
        if wait:  # (the trail above is committed: a refusal is recorded too)
            raise LoginThrottled(wait)
        # the hash runs outside any transaction: it takes 0.1 s and must not hold a lock
        ok = self._verify(found.password_hash if found else None, password)
        if not ok or found is None or found.revoked_at is not None or not found.active:
            with writing(self.engine) as conn:
                self._trail(conn, username, address, "failed")
            log.info("a login failed")
            if counted_wait:
                raise LoginThrottled(counted_wait)
            raise AuthFailed
        with writing(self.engine) as conn:
            conn.execute(
                delete(t.login_failures).where(t.login_failures.c.key == _user_key(username))
            )
            self._uncount(conn, {k: free for k, free in keys.items() if k != _user_key(username)})
            token = secrets.token_urlsafe(32)
            device_id = self._unfinished_device(conn, found.id, previous_token)
            values = {
                "name": device_name[:200] or "laptop",
                "token_hash": token_hash(token),
                "expires_at": now + self.token_ttl,
            }
            if device_id is not None:  # the same laptop again: its device gets the new token
                conn.execute(update(t.devices).where(t.devices.c.id == device_id).values(values))
            else:
                device_id = new_id()
                conn.execute(
                    insert(t.devices).values(
                        id=device_id, caseworker_id=found.id, created_at=now, **values
                    )
                )
            self._trail(conn, username, address, "ok", found.id, device_id)
        log.info("a device logged in")
        return token, Device(
            device_id, found.id, Role(found.role), found.team_id, bool(found.is_admin)
        )

    @staticmethod
    def _unfinished_device(
        conn: Connection, caseworker_id: str, previous_token: str | None
    ) -> str | None:
        """The device of `previous_token` when it is this caseworker's and still valid."""
        if not previous_token:
            return None
        found: str | None = conn.execute(
            select(t.devices.c.id).where(
                t.devices.c.token_hash == token_hash(previous_token),
                t.devices.c.caseworker_id == caseworker_id,
                t.devices.c.revoked_at.is_(None),
                t.devices.c.expires_at > utc_now(),
            )
        ).scalar()
        return found

    def _attempt(self, conn: Connection, keys: dict[str, int], now: dt.datetime) -> tuple[int, int]:
        """Count this attempt as a failure before the hash (taken back on success), each key
        by an upsert that holds its row until the commit: the attempts of a concurrent burst
        take turns, and each sees the lock the ones before it set. Returns (the wait of a
        lock already set: this attempt is refused and not counted, the wait this attempt's
        failure would set)."""
        table = t.login_failures
        for key in keys:
            upsert = _dialect_insert(conn)(table).values(
                key=key, failures=1, last_at=now, locked_until=None
            )
            conn.execute(
                upsert.on_conflict_do_update(
                    index_elements=[table.c.key],
                    set_={
                        "failures": case(
                            (table.c.last_at < now - FAILURE_WINDOW, 1),
                            else_=table.c.failures + 1,
                        ),
                        "last_at": now,
                    },
                )
            )
        rows = {
            row.key: row for row in conn.execute(select(table).where(table.c.key.in_(list(keys))))
        }
        locked = max(
            (
                int((row.locked_until - now).total_seconds()) + 1
                for row in rows.values()
                if row.locked_until is not None and row.locked_until > now
            ),
            default=0,
        )
        if locked:
            self._uncount(conn, keys, keep_lock=True)
            return locked, 0
        wait = 0
        for key, free in keys.items():
            seconds = _wait_for(rows[key].failures, free)
            wait = max(wait, seconds)
            if seconds:
                conn.execute(
                    update(table)
                    .where(table.c.key == key)
                    .values(locked_until=now + dt.timedelta(seconds=seconds))
                )
        return 0, wait

    def _uncount(self, conn: Connection, keys: dict[str, int], *, keep_lock: bool = False) -> None:
        """Take back the failure counted up front (a login that succeeded, or was refused
        for a lock that was set already); `keys` give their free failures."""
        table = t.login_failures
        for key, free in keys.items():
            conn.execute(
                update(table)
                .where(table.c.key == key)
                .values(failures=case((table.c.failures > 0, table.c.failures - 1), else_=0))
            )
            if not keep_lock:
                conn.execute(
                    update(table)
                    .where(table.c.key == key, table.c.failures < free)
                    .values(locked_until=None)
                )

    def _trail(
        self,
        conn: Connection,
        username: str,
        address: str,
        outcome: str,
        caseworker_id: str | None = None,
        device_id: str | None = None,
    ) -> None:
        conn.execute(
            insert(t.auth_events).values(
                id=new_id(),
                occurred_at=utc_now(),
                username=username[:80],
                address=address[:64],
                outcome=outcome,
                caseworker_id=caseworker_id,
                device_id=device_id,
            )
        )

    # ------------------------------------------------------------------ tokens

    def authenticate(self, token: str) -> Device:
        """The device of a token; each use moves its expiry on (a syncing laptop stays in)."""
        now = utc_now()
        with writing(self.engine) as conn:
            found = conn.execute(
                select(
                    t.devices.c.id,
                    t.devices.c.revoked_at,
                    t.devices.c.expires_at,
                    _CASEWORKERS.c.id.label("caseworker_id"),
                    _CASEWORKERS.c.role,
                    _CASEWORKERS.c.team_id,
                    _CASEWORKERS.c.active,
                    t.accounts.c.revoked_at.label("account_revoked_at"),
                    t.accounts.c.is_admin,
                )
                .join(_CASEWORKERS, _CASEWORKERS.c.id == t.devices.c.caseworker_id)
                .join(t.accounts, t.accounts.c.caseworker_id == _CASEWORKERS.c.id)
                .where(t.devices.c.token_hash == token_hash(token))
            ).first()
            if found is None:
                raise AuthFailed
            if (
                found.revoked_at is not None
                or found.account_revoked_at is not None
                or not found.active
            ):
                raise DeviceRevoked
            if found.expires_at is not None and found.expires_at <= now:
                raise AuthFailed("token_expired")
            conn.execute(
                update(t.devices)
                .where(t.devices.c.id == found.id)
                .values(last_seen_at=now, expires_at=now + self.token_ttl)
            )
            return Device(
                found.id,
                found.caseworker_id,
                Role(found.role),
                found.team_id,
                bool(found.is_admin),
            )

    # ------------------------------------------------------------------ administration

    def add_account(
        self, conn: Connection, caseworker_id: str, password: str, *, is_admin: bool
    ) -> None:
        conn.execute(
            insert(t.accounts).values(
                caseworker_id=caseworker_id,
                password_hash=self.hash_password(password),
                is_admin=is_admin,
            )
        )

    def set_password(self, caseworker_id: str, username: str, password: str) -> None:
        """A new password (also lifts a revocation and the account's back-off)."""
        hashed = self.hash_password(password)
        with writing(self.engine) as conn:
            conn.execute(
                update(t.accounts)
                .where(t.accounts.c.caseworker_id == caseworker_id)
                .values(password_hash=hashed, revoked_at=None)
            )
            conn.execute(
                delete(t.login_failures).where(t.login_failures.c.key == _user_key(username))
            )

    def revoke(self, caseworker_id: str, *, device_id: str | None = None) -> int:
        """Revoke one device, or the whole account; each wipes at its next contact."""
        now = utc_now()
        with writing(self.engine) as conn:
            if device_id is None:
                conn.execute(
                    update(t.accounts)
                    .where(t.accounts.c.caseworker_id == caseworker_id)
                    .values(revoked_at=now)
                )
            query = update(t.devices).where(
                t.devices.c.caseworker_id == caseworker_id, t.devices.c.revoked_at.is_(None)
            )
            if device_id is not None:
                query = query.where(t.devices.c.id == device_id)
            return int(conn.execute(query.values(revoked_at=now)).rowcount)
