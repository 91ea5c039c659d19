"""The central store's use cases over one SQLAlchemy engine (PostgreSQL or SQLite): push
(through `push.Push`), the scoped pull feed with digests, and the accounts and admin it
holds (`accounts`, `admin`)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.engine import Connection, Engine

from app.models import utc_now
from app.sync.wire import CLOCK_TOLERANCE, ORG_SCOPE, scope_hash
from central import conflicts
from central import tables as t
from central.accounts import (
    DEFAULT_TOKEN_DAYS,
    Accounts,
    AuthFailed,
    Device,
    DeviceRevoked,
    LoginThrottled,
)
from central.admin import SERVER_ACTOR, Admin, AdminError
from central.db import writing
from central.feed import digest_of, lock_counter, per_scope, row_states
from central.push import Push
from central.scope import scope

log = logging.getLogger(__name__)

MAX_PUSH = 2000
MAX_PAGE = 2000
# The highest sequence number a request may name: exact as a JSON number anywhere (2**53).
MAX_CURSOR = 2**53


class ClockSkew(Exception):
    """The laptop's clock is off by more than CLOCK_TOLERANCE; `offset_s` is laptop - server."""

    def __init__(self, offset_s: float) -> None:
        super().__init__(f"clock off by {offset_s:.0f} s")
        self.offset_s = offset_s


class TooManyConflicts(Exception):
    """The sender has conflicts.MAX_OPEN open conflicts: they are resolved first."""


class CentralStore:
    def __init__(self, engine: Engine, *, token_days: int = DEFAULT_TOKEN_DAYS) -> None:
        self.engine = engine
        self.is_postgres = engine.dialect.name == "postgresql"
        self.accounts = Accounts(engine, token_days=token_days)
        self.admin = Admin(engine, self.accounts)
        # the administration, as the command line and the tests call it
        self.caseworker_id = self.admin.caseworker_id
        self.create_team = self.admin.create_team
        self.create_user = self.admin.create_user
        self.assign_client = self.admin.assign_client
        self.revoke = self.admin.revoke
        self.set_password = self.admin.set_password
        self.publish_unpublished = self.admin.publish_unpublished
        self.seed_demo = self.admin.seed_demo
        # Fault tests hook in here: called inside the push transaction just before commit.
        self.before_push_commit: Callable[[], None] | None = None

    # ------------------------------------------------------------------ accounts

    def login(
        self,
        username: str,
        password: str,
        device_name: str,
        address: str = "unknown",
        previous_token: str | None = None,
    ) -> tuple[str, Device]:
        return self.accounts.login(username, password, device_name, address, previous_token)

    def authenticate(self, token: str) -> Device:
        return self.accounts.authenticate(token)

    def scope(self, conn: Connection, device: Device) -> set[str]:
        return scope(conn, device)

    # ------------------------------------------------------------------ push

    def push(
        self,
        device: Device,
        changes: list[dict[str, Any]],
        *,
        sent_at: dt.datetime | None = None,
    ) -> list[dict[str, Any]]:
        if len(changes) > MAX_PUSH:
            raise ValueError(f"at most {MAX_PUSH} changes per push")
        now = utc_now()
        if sent_at is not None:
            try:
                offset = (sent_at.astimezone(dt.UTC) - now).total_seconds()
            except OverflowError:  # a date at the end of the calendar: far off, either way
                offset = 1e9 if sent_at.year > 2000 else -1e9
            if abs(offset) > CLOCK_TOLERANCE.total_seconds():
                raise ClockSkew(max(-1e9, min(offset, 1e9)))
        with writing(self.engine) as conn:
            lock_counter(conn)
            if (
                conflicts.open_count(conn, device.caseworker_id) >= conflicts.MAX_OPEN
                or conflicts.open_bytes(conn, device.caseworker_id) >= conflicts.MAX_OPEN_BYTES
            ):
                raise TooManyConflicts
            results = Push(conn, device, now).run(changes)
            if self.before_push_commit is not None:
                self.before_push_commit()
        return results

    # ------------------------------------------------------------------ pull

    def pull(
        self,
        device: Device,
        *,
        cursor: int,
        limit: int = 1000,
        known_scope_hash: str | None = None,
        only_scopes: list[str] | None = None,
        until: int | None = None,
    ) -> dict[str, Any]:
        """One page of rows changed after `cursor` that the device may see (latest state)."""
        limit = max(1, min(limit, MAX_PAGE))
        cursor = max(0, min(cursor, MAX_CURSOR))
        with self.engine.connect() as conn:
            if self.is_postgres:
                conn.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"))
            high = int(conn.execute(select(t.counter.c.value)).scalar_one())
            in_scope = scope(conn, device)
            allowed = in_scope | {ORG_SCOPE}
            wanted = allowed if only_scopes is None else allowed & set(only_scopes)
            upper = high if until is None else max(0, min(until, high))
            feed = conn.execute(
                select(
                    t.rows.c.entity,
                    t.rows.c.row_id,
                    t.rows.c.seq,
                    t.rows.c.hash,
                    t.rows.c.scope_key,
                )
                .where(
                    t.rows.c.seq > cursor,
                    t.rows.c.seq <= upper,
                    t.rows.c.scope_key.in_(sorted(wanted)),
                )
                .order_by(t.rows.c.seq)
                .limit(limit)
            ).all()
            more = len(feed) == limit
            page: dict[str, Any] = {
                "rows": row_states(conn, feed),
                "cursor": feed[-1].seq if more else max(upper, cursor),
                "more": more,
                "scope_hash": scope_hash(in_scope),
                "server_time": utc_now().isoformat(),
            }
            if known_scope_hash != page["scope_hash"]:
                page["scope"] = sorted(in_scope)
            if not more:
                page["digest"] = digest_of(conn, wanted)
                page["conflicts"] = conflicts.visible(conn, device, in_scope)
            conn.rollback()
        return page

    def digests(self, device: Device, scope_keys: list[str] | None = None) -> dict[str, str]:
        """Per client (and "" for the organisation): to find which clients differ."""
        with self.engine.connect() as conn:
            allowed = scope(conn, device) | {ORG_SCOPE}
            wanted = allowed if scope_keys is None else allowed & set(scope_keys)
            return per_scope(conn, wanted)

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                "rows": int(conn.execute(select(func.count()).select_from(t.rows)).scalar_one()),
                "conflicts_open": int(
                    conn.execute(
                        select(func.count())
                        .select_from(t.conflicts)
                        .where(t.conflicts.c.status == "open")
                    ).scalar_one()
                ),
            }


__all__ = [
    "SERVER_ACTOR",
    "AdminError",
    "AuthFailed",
    "CentralStore",
    "ClockSkew",
    "Device",
    "DeviceRevoked",
    "LoginThrottled",
    "TooManyConflicts",
]
