"""The laptop's side of a sync: push the outbox, pull the caseload, then check that the
laptop holds exactly what the central store holds (fetching again what differs) and keep
the central store's list of open conflicts."""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine

from app.domain.region import (
    REGION_SETTING,
    RegionError,
    region_from_json,
    region_json,
    use_region,
)
from app.models import new_id, utc_now
from app.sync import verify
from app.sync.errors import (
    CANCELLED,
    CHECK_FAILED,
    ClockOff,
    LoginRequired,
    RemoteWipe,
    ServerUnreachable,
    SyncCancelled,
    SyncError,
)
from app.sync.pull import Puller, add_bootstrap
from app.sync.push import push_outbox
from app.sync.resolution import record_resolution
from app.sync.state import (
    BOOTSTRAP_KEY,
    CLOCK_OFFSET_KEY,
    CONFLICTS,
    CURSOR_KEY,
    DEVICE_KEY,
    LAST_SYNC_KEY,
    LINKED_CASEWORKER_KEY,
    OUTBOX,
    SCOPE_KEY,
    SERVER_URL_KEY,
    SyncState,
    open_conflicts,
    pending_changes,
    put_setting,
)
from app.sync.verify import PurgeHook, purge_clients
from app.sync.wire import CLOCK_TOLERANCE, EMPTY_DIGEST, ORG_SCOPE, digest_add

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


class Transport(Protocol):
    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]: ...


@dataclass
class SyncReport:
    pushed: int = 0
    received: int = 0
    purged_clients: int = 0
    new_conflicts: int = 0
    open_conflicts: int = 0
    resynced_clients: int = 0
    checksum_ok: bool = True
    clock_offset: dt.timedelta = dt.timedelta(0)
    seconds: float = 0.0
    bytes_sent: int = 0
    bytes_received: int = 0
    purged_ids: list[str] = field(default_factory=list)

    @property
    def clock_off(self) -> bool:
        return abs(self.clock_offset) > CLOCK_TOLERANCE


class SyncEngine:
    """Runs one sync of a local store against a transport. Not thread-safe: one at a time."""

    def __init__(self, engine: Engine, transport: Transport, *, on_purge: PurgeHook) -> None:
        """`on_purge`: see app.sync.verify.PurgeHook (app.services.sync passes it)."""
        self.engine = engine
        self.transport = transport
        self.on_purge = on_purge
        # Fault tests hook in here: called inside each page's transaction before commit.
        self.before_page_commit: Callable[[int], None] | None = None

    def sync(
        self, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None
    ) -> SyncReport:
        started = time.perf_counter()
        report = SyncReport()
        self._report = report
        self._progress = progress or (lambda _done, _total: None)
        self._cancelled = cancelled or (lambda: False)
        with self.engine.begin() as conn:
            verify.ensure_tracking(conn)
        try:
            report.pushed, report.new_conflicts = push_outbox(
                self.engine, self._post, self._progress
            )
        except ClockOff as refused:
            with self.engine.begin() as conn:  # the status bar shows it until it is right
                put_setting(conn, CLOCK_OFFSET_KEY, str(refused.offset_s))
            raise
        puller = Puller(
            self.engine,
            self._post,
            self._progress,
            self.before_page_commit,
            on_purge=self.on_purge,
        )
        try:
            self._pull_all(puller)
        finally:
            report.received = puller.received
            report.bytes_received += puller.bytes_received
            report.purged_ids = puller.purged
            report.purged_clients = len(puller.purged)
        self._receive_region()
        with self.engine.begin() as conn:
            put_setting(conn, LAST_SYNC_KEY, utc_now().isoformat())
            put_setting(conn, CLOCK_OFFSET_KEY, str(report.clock_offset.total_seconds()))
            report.open_conflicts = open_conflicts(conn)
        report.seconds = time.perf_counter() - started
        log.info(
            "sync done: %d pushed, %d received, %d clients purged, %d conflicts open",
            report.pushed,
            report.received,
            report.purged_clients,
            report.open_conflicts,
        )
        return report

    def _receive_region(self) -> None:
        """Keep the central store's municipalities and their catalogues in this store, and
        use them; a server without them (an older one) or a malformed answer changes nothing."""
        try:
            found = region_from_json(self._post("/v1/region", {}))
        except (SyncError, RegionError) as exc:
            log.info("no region from the central store: %s", type(exc).__name__)
            return
        with self.engine.begin() as conn:
            put_setting(conn, REGION_SETTING, json.dumps(region_json(found), ensure_ascii=False))
        use_region(found)

    def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        if self._cancelled():
            raise SyncCancelled(CANCELLED)
        sent_at = utc_now()
        answer = self.transport.post(path, body)
        self._report.bytes_sent += len(json.dumps(body))
        server_time = answer.get("server_time")
        if server_time:
            received_at = utc_now()
            midpoint = sent_at + (received_at - sent_at) / 2
            self._report.clock_offset = midpoint - dt.datetime.fromisoformat(server_time)
        return answer

    # ------------------------------------------------------------------ pull and check

    def _pull_all(self, puller: Puller) -> None:
        resynced = False
        while True:
            final = puller.pull(bootstrap=False)
            if self._bootstrap_pending():
                puller.pull(bootstrap=True)
                continue
            with self.engine.begin() as conn:
                differing = verify.divergences(conn)
            matches = self._digest_matches(final)
            if matches and not differing:
                self._store_conflicts(final.get("conflicts") or [])
                return
            if resynced:
                self._report.checksum_ok = False
                self._store_conflicts(final.get("conflicts") or [])
                log.error("the store still differs from the central store after a resync")
                raise SyncError(CHECK_FAILED)
            self._report.resynced_clients = self._resync(differing, check_digests=not matches)
            resynced = True

    def _bootstrap_pending(self) -> bool:
        with self.engine.connect() as conn:
            return SyncState.read(conn).bootstrap is not None

    def _local_digest(self, scope_keys: set[str]) -> dict[str, str]:
        with self.engine.connect() as conn:
            found = {
                row.scope_key: row.digest
                for row in conn.execute(select(verify.DIGESTS))
                if row.scope_key in scope_keys
            }
        return {key: found.get(key, EMPTY_DIGEST) for key in scope_keys}

    def _scope_keys(self) -> set[str]:
        """The clients the central store said are in scope, and the organisation."""
        with self.engine.connect() as conn:
            return set(SyncState.read(conn).scope) | {ORG_SCOPE}

    def _digest_matches(self, final: dict[str, Any]) -> bool:
        expected = final.get("digest")
        if expected is None:
            return True
        total = EMPTY_DIGEST
        for value in self._local_digest(self._scope_keys()).values():
            total = digest_add(total, value)
        return bool(total == expected)

    def _resync(self, differing: dict[str, set[tuple[str, str]]], *, check_digests: bool) -> int:
        """Fetch again every client that differs (by its rows, or by the store's digests)."""
        scopes = set(differing)
        if check_digests:
            answer = self._post("/v1/digests", {"scope_keys": None})
            theirs: dict[str, str] = answer["digests"]
            ours = self._local_digest(set(theirs) | self._scope_keys())
            scopes |= {key for key in ours if ours[key] != theirs.get(key, EMPTY_DIGEST)}
        log.warning("%d scopes differ from the central store; fetching them again", len(scopes))
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
            conn.commit()
            try:
                with conn.begin():
                    clients = sorted(key for key in scopes if key != ORG_SCOPE)
                    purge_clients(conn, clients, keep_pending_rows=True, on_purge=self.on_purge)
                    verify.forget_rows(conn, differing.get(ORG_SCOPE, set()))
                    if ORG_SCOPE in scopes and check_digests:
                        conn.execute(
                            delete(verify.ROWS).where(verify.ROWS.c.scope_key == ORG_SCOPE)
                        )
                        conn.execute(
                            delete(verify.DIGESTS).where(verify.DIGESTS.c.scope_key == ORG_SCOPE)
                        )
                    add_bootstrap(conn, scopes, until=SyncState.read(conn).cursor)
            finally:
                conn.exec_driver_sql("PRAGMA foreign_keys = ON")
                conn.commit()
        return len([key for key in scopes if key != ORG_SCOPE])

    def _store_conflicts(self, conflicts: list[dict[str, Any]]) -> None:
        with self.engine.begin() as conn:
            resolving = set(
                conn.execute(
                    select(OUTBOX.c.resolves).where(OUTBOX.c.resolves.is_not(None))
                ).scalars()
            )
            conn.execute(delete(CONFLICTS))
            rows = [
                {
                    "id": item["id"],
                    "client_id": item.get("client_id"),
                    "kind": item["kind"],
                    "detail": item,
                }
                for item in conflicts
                if item["id"] not in resolving
            ]
            if rows:
                conn.execute(CONFLICTS.insert(), rows)


__all__ = [
    "BOOTSTRAP_KEY",
    "CLOCK_OFFSET_KEY",
    "CLOCK_TOLERANCE",
    "CURSOR_KEY",
    "DEVICE_KEY",
    "LAST_SYNC_KEY",
    "LINKED_CASEWORKER_KEY",
    "SCOPE_KEY",
    "SERVER_URL_KEY",
    "ClockOff",
    "LoginRequired",
    "RemoteWipe",
    "ServerUnreachable",
    "SyncCancelled",
    "SyncEngine",
    "SyncError",
    "SyncReport",
    "Transport",
    "new_id",
    "open_conflicts",
    "pending_changes",
    "purge_clients",
    "record_resolution",
]
