"""The laptop's side of a sync: push the outbox, pull pages of the caseload (each page and
its cursor in one local transaction), purge clients that left the caseload, check the scope
digest and keep the central store's list of open conflicts."""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import Table, bindparam, delete, func, select, tuple_
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, Engine

from app.models import (
    AuditEvent,
    LocalSetting,
    OutboxChange,
    ReceivedRow,
    ScopeDigest,
    SyncConflict,
    new_id,
    utc_now,
)
from app.storage.unlocking import CASELOAD_SNAPSHOT_SETTING
from app.sync.wire import (
    EMPTY_DIGEST,
    ENTITIES,
    ORG_SCOPE,
    decode_fields,
    digest_add,
    digest_sub,
    encode_value,
    row_hash,
)

log = logging.getLogger(__name__)

PUSH_BATCH = 1000
PULL_PAGE = 1000
CLOCK_TOLERANCE = dt.timedelta(minutes=5)

CURSOR_KEY = "sync_cursor"
SCOPE_HASH_KEY = "sync_scope_hash"
SCOPE_KEY = "sync_scope"
BOOTSTRAP_KEY = "sync_bootstrap"
LAST_SYNC_KEY = "sync_last_at"
CLOCK_OFFSET_KEY = "sync_clock_offset_s"
SERVER_URL_KEY = "sync_server_url"
DEVICE_KEY = "sync_device_id"
LINKED_CASEWORKER_KEY = "sync_caseworker_id"

_OUTBOX: Table = OutboxChange.__table__  # type: ignore[assignment]
_ROWS: Table = ReceivedRow.__table__  # type: ignore[assignment]
_DIGESTS: Table = ScopeDigest.__table__  # type: ignore[assignment]
_CONFLICTS: Table = SyncConflict.__table__  # type: ignore[assignment]
_SETTINGS: Table = LocalSetting.__table__  # type: ignore[assignment]
_AUDIT: Table = AuditEvent.__table__  # type: ignore[assignment]

Progress = Callable[[int, int], None]


class SyncError(Exception):
    """A sync could not finish; the message is Dutch and fit for the caseworker."""


class ServerUnreachable(SyncError):
    pass


class LoginRequired(SyncError):
    pass


class RemoteWipe(SyncError):
    """The central store revoked this device or account: the local store must be wiped."""


class SyncCancelled(SyncError):
    pass


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


def _setting(conn: Connection, key: str) -> str | None:
    return conn.execute(select(_SETTINGS.c.value).where(_SETTINGS.c.key == key)).scalar()


def _put_setting(conn: Connection, key: str, value: str) -> None:
    statement = sqlite_insert(_SETTINGS).values(key=key, value=value)
    conn.execute(statement.on_conflict_do_update(index_elements=["key"], set_={"value": value}))


def pending_changes(conn: Connection, *, with_audit: bool = False) -> int:
    """Unsent changes; the audit trail's own records only when asked (they go up with the
    next sync, and a caseworker does not count opening a file as a change)."""
    query = select(func.count()).select_from(_OUTBOX)
    if not with_audit:
        query = query.where(_OUTBOX.c.entity != "audit_events")
    return int(conn.execute(query).scalar_one())


def open_conflicts(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(_CONFLICTS)).scalar_one())


def _change_wire(row: Any) -> dict[str, Any]:
    return {
        "change_id": row.change_id,
        "entity": row.entity,
        "row_id": row.row_id,
        "op": row.op,
        "base_version": row.base_version,
        "fields": row.fields,
        "base": row.base or {},
        "client_id": row.client_id,
        "resolves": row.resolves,
        "resolution": row.resolution,
        "made_at": encode_value(row.made_at),
    }


def _upsert(table: Table, rows: list[dict[str, Any]], keep: Iterable[str] = ()) -> Any:
    """Insert, or overwrite every column but the key and `keep` (fields with unsent edits)."""
    statement = sqlite_insert(table)
    kept = set(keep)
    columns = [c.name for c in table.columns if not c.primary_key and c.name not in kept]
    if not columns:
        return statement.on_conflict_do_nothing()
    return statement.on_conflict_do_update(
        index_elements=[c.name for c in table.primary_key.columns],
        set_={name: statement.excluded[name] for name in columns},
    )


class SyncEngine:
    """Runs one sync of a local store against a transport. Not thread-safe: one at a time."""

    def __init__(self, engine: Engine, transport: Transport) -> None:
        self.engine = engine
        self.transport = transport
        # Fault tests hook in here: called inside each page's transaction before commit.
        self.before_page_commit: Callable[[int], None] | None = None

    # ------------------------------------------------------------------ entry

    def sync(
        self, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None
    ) -> SyncReport:
        started = time.perf_counter()
        report = SyncReport()
        self._progress = progress or (lambda _done, _total: None)
        self._cancelled = cancelled or (lambda: False)
        self._push(report)
        self._pull_all(report)
        with self.engine.begin() as conn:
            _put_setting(conn, LAST_SYNC_KEY, utc_now().isoformat())
            _put_setting(conn, CLOCK_OFFSET_KEY, str(report.clock_offset.total_seconds()))
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

    def _post(self, report: SyncReport, path: str, body: dict[str, Any]) -> dict[str, Any]:
        if self._cancelled():
            raise SyncCancelled("De synchronisatie is afgebroken; er gaat niets verloren.")
        sent_at = utc_now()
        answer = self.transport.post(path, body)
        report.bytes_sent += len(json.dumps(body))
        server_time = answer.get("server_time")
        if server_time:
            received_at = utc_now()
            midpoint = sent_at + (received_at - sent_at) / 2
            report.clock_offset = midpoint - dt.datetime.fromisoformat(server_time)
        return answer

    # ------------------------------------------------------------------ push

    def _push(self, report: SyncReport) -> None:
        with self.engine.connect() as conn:
            total = pending_changes(conn, with_audit=True)
        after = 0
        while True:
            with self.engine.connect() as conn:
                batch = conn.execute(
                    select(_OUTBOX)
                    .where(_OUTBOX.c.position > after)
                    .order_by(_OUTBOX.c.position)
                    .limit(PUSH_BATCH)
                ).all()
            if not batch:
                return
            answer = self._post(report, "/v1/push", {"changes": [_change_wire(r) for r in batch]})
            results = {result["change_id"]: result for result in answer["results"]}
            done = [r.change_id for r in batch if r.change_id in results]
            with self.engine.begin() as conn:
                conn.execute(delete(_OUTBOX).where(_OUTBOX.c.change_id.in_(done)))
            sent = [r for r in batch if r.change_id in results and r.entity != "audit_events"]
            report.pushed += len(sent)
            report.new_conflicts += sum(
                1
                for change_id in done
                if results[change_id]["status"] in {"conflict", "parked"}
                and not results[change_id].get("duplicate")
            )
            after = batch[-1].position
            self._progress(min(report.pushed, total), max(total, 1))

    # ------------------------------------------------------------------ pull

    def _pull_all(self, report: SyncReport) -> None:
        resynced = False
        while True:
            final = self._pull_pages(report, bootstrap=False)
            if self._bootstrap_pending():
                self._pull_pages(report, bootstrap=True)
                continue
            if self._digest_matches(final):
                self._store_conflicts(final.get("conflicts") or [])
                return
            if resynced:
                report.checksum_ok = False
                self._store_conflicts(final.get("conflicts") or [])
                log.error("scope digest still differs after a resync")
                raise SyncError(
                    "De controle na de synchronisatie klopt niet. Er is niets verloren; "
                    "probeer het later opnieuw of meld het de beheerder."
                )
            report.resynced_clients = self._schedule_resync(report)
            resynced = True

    def _state(self) -> dict[str, Any]:
        with self.engine.connect() as conn:
            bootstrap = _setting(conn, BOOTSTRAP_KEY)
            return {
                "cursor": int(_setting(conn, CURSOR_KEY) or 0),
                "scope_hash": _setting(conn, SCOPE_HASH_KEY),
                "bootstrap": json.loads(bootstrap) if bootstrap else None,
            }

    def _bootstrap_pending(self) -> bool:
        return bool(self._state()["bootstrap"])

    def _pull_pages(self, report: SyncReport, *, bootstrap: bool) -> dict[str, Any]:
        state = self._state()
        while True:
            if bootstrap:
                plan = state["bootstrap"]
                body: dict[str, Any] = {
                    "cursor": plan["cursor"],
                    "limit": PULL_PAGE,
                    "scope_hash": state["scope_hash"],
                    "only_scopes": plan["scopes"],
                    "until": plan["until"],
                }
            else:
                body = {
                    "cursor": state["cursor"],
                    "limit": PULL_PAGE,
                    "scope_hash": state["scope_hash"],
                }
            page = self._post(report, "/v1/pull", body)
            report.bytes_received += len(json.dumps(page))
            self._apply_page(page, state, report, bootstrap=bootstrap)
            self._progress(report.received, report.received + (PULL_PAGE if page["more"] else 0))
            if not page["more"]:
                return page
            state = self._state()

    def _apply_page(
        self, page: dict[str, Any], state: dict[str, Any], report: SyncReport, *, bootstrap: bool
    ) -> None:
        # Rows arrive in sequence order, not parents first: foreign keys are checked by the
        # central store, and off while a page is written here.
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
            conn.commit()
            try:
                with conn.begin():
                    if "scope" in page and not bootstrap:
                        self._change_scope(conn, set(page["scope"]), state, report)
                        _put_setting(conn, SCOPE_HASH_KEY, page["scope_hash"])
                        _put_setting(conn, SCOPE_KEY, json.dumps(sorted(page["scope"])))
                    self._write_rows(conn, page["rows"])
                    report.received += len(page["rows"])
                    if bootstrap:
                        plan = dict(state["bootstrap"])
                        if page["more"]:
                            plan["cursor"] = page["cursor"]
                            _put_setting(conn, BOOTSTRAP_KEY, json.dumps(plan))
                        else:
                            conn.execute(delete(_SETTINGS).where(_SETTINGS.c.key == BOOTSTRAP_KEY))
                    else:
                        _put_setting(conn, CURSOR_KEY, str(page["cursor"]))
                    if self.before_page_commit is not None:
                        self.before_page_commit(len(page["rows"]))
            finally:
                conn.exec_driver_sql("PRAGMA foreign_keys = ON")
                conn.commit()

    def _change_scope(
        self, conn: Connection, scope: set[str], state: dict[str, Any], report: SyncReport
    ) -> None:
        from app.models import Client

        held = set(conn.execute(select(Client.__table__.c.id)).scalars())
        pending = set(
            conn.execute(
                select(_OUTBOX.c.client_id).where(_OUTBOX.c.client_id.is_not(None)).distinct()
            ).scalars()
        )
        # A client with unsent changes stays until they are pushed (the next sync).
        leaving = sorted(held - scope - pending)
        if leaving:
            purge_clients(conn, leaving)
            report.purged_clients += len(leaving)
            report.purged_ids.extend(leaving)
        entering = sorted(scope - held)
        if entering and state["cursor"] > 0:
            self._add_bootstrap(conn, entering, until=state["cursor"])

    def _add_bootstrap(self, conn: Connection, scopes: list[str], *, until: int) -> None:
        known = _setting(conn, BOOTSTRAP_KEY)
        plan = json.loads(known) if known else None
        if plan is not None:
            # restart from the beginning for the union; rows already here are overwritten
            scopes = sorted(set(plan["scopes"]) | set(scopes))
            until = max(until, plan["until"])
        _put_setting(
            conn, BOOTSTRAP_KEY, json.dumps({"scopes": scopes, "cursor": 0, "until": until})
        )

    def _write_rows(self, conn: Connection, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        keys = [(row["entity"], row["fields"]["id"]) for row in rows]
        pending: dict[tuple[str, str], set[str]] = {}
        for found in conn.execute(
            select(_OUTBOX.c.entity, _OUTBOX.c.row_id, _OUTBOX.c.op, _OUTBOX.c.fields).where(
                _OUTBOX.c.row_id.in_([row_id for _entity, row_id in keys])
            )
        ):
            names = set(found.fields)  # an unsent insert keeps the whole row
            pending.setdefault((found.entity, found.row_id), set()).update(names)
        old_hashes = {
            (found.entity, found.row_id): (found.hash, found.scope_key)
            for found in conn.execute(
                select(_ROWS).where(tuple_(_ROWS.c.entity, _ROWS.c.row_id).in_(keys))
            )
        }
        by_statement: dict[tuple[str, frozenset[str]], list[dict[str, Any]]] = {}
        digest_changes: dict[str, list[tuple[str | None, str]]] = {}
        received: list[dict[str, Any]] = []
        for row in rows:
            name = row["entity"]
            entity_ = ENTITIES[name]
            wire = row["fields"]
            if row_hash(name, wire) != row["hash"]:
                raise SyncError(
                    "Een ontvangen gegeven is onderweg beschadigd; er is niets opgeslagen. "
                    "Probeer het opnieuw."
                )
            values = decode_fields(entity_, wire)
            keep = frozenset(pending.get((name, wire["id"]), set()) - {"id"})
            by_statement.setdefault((name, keep), []).append(values)
            scope_key = row.get("scope") or ORG_SCOPE
            old = old_hashes.get((name, wire["id"]))
            if old is not None and old[1] != scope_key:
                digest_changes.setdefault(old[1], []).append((old[0], EMPTY_DIGEST))
                old = None
            digest_changes.setdefault(scope_key, []).append((old[0] if old else None, row["hash"]))
            received.append(
                {"entity": name, "row_id": wire["id"], "scope_key": scope_key, "hash": row["hash"]}
            )
        for (name, keep), values_list in by_statement.items():
            conn.execute(_upsert(ENTITIES[name].table, [], keep), values_list)
        conn.execute(_upsert(_ROWS, []), received)
        self._update_digests(conn, digest_changes)

    def _update_digests(
        self, conn: Connection, changes: dict[str, list[tuple[str | None, str]]]
    ) -> None:
        current = {
            found.scope_key: found.digest
            for found in conn.execute(
                select(_DIGESTS).where(_DIGESTS.c.scope_key.in_(list(changes)))
            )
        }
        updated = []
        for scope_key, pairs in changes.items():
            value = current.get(scope_key, EMPTY_DIGEST)
            for old, new in pairs:
                if old is not None:
                    value = digest_sub(value, old)
                value = digest_add(value, new)
            updated.append({"scope_key": scope_key, "digest": value})
        conn.execute(_upsert(_DIGESTS, []), updated)

    # ------------------------------------------------------------------ checks

    def _local_digest(self, scope_keys: Iterable[str]) -> dict[str, str]:
        wanted = set(scope_keys)
        with self.engine.connect() as conn:
            found = {
                row.scope_key: row.digest
                for row in conn.execute(select(_DIGESTS))
                if row.scope_key in wanted
            }
        return {key: found.get(key, EMPTY_DIGEST) for key in wanted}

    def _scope_keys(self) -> set[str]:
        """The clients the central store said are in scope, and the organisation."""
        with self.engine.connect() as conn:
            stored = _setting(conn, SCOPE_KEY)
        return set(json.loads(stored) if stored else []) | {ORG_SCOPE}

    def _digest_matches(self, final: dict[str, Any]) -> bool:
        expected = final.get("digest")
        if expected is None:
            return True
        total = EMPTY_DIGEST
        for value in self._local_digest(self._scope_keys()).values():
            total = digest_add(total, value)
        return bool(total == expected)

    def _schedule_resync(self, report: SyncReport) -> int:
        """Re-fetch every client whose digest differs from the central store's."""
        answer = self._post(report, "/v1/digests", {"scope_keys": None})
        theirs: dict[str, str] = answer["digests"]
        ours = self._local_digest(set(theirs) | self._scope_keys())
        differing = sorted(key for key in ours if ours[key] != theirs.get(key, EMPTY_DIGEST))
        log.warning("scope digest differs for %d scopes; fetching them again", len(differing))
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
            conn.commit()
            try:
                with conn.begin():
                    clients = [key for key in differing if key != ORG_SCOPE]
                    purge_clients(conn, clients, keep_pending_rows=True)
                    conn.execute(delete(_DIGESTS).where(_DIGESTS.c.scope_key.in_(differing)))
                    conn.execute(delete(_ROWS).where(_ROWS.c.scope_key.in_(differing)))
                    cursor = int(_setting(conn, CURSOR_KEY) or 0)
                    self._add_bootstrap(conn, differing, until=cursor)
            finally:
                conn.exec_driver_sql("PRAGMA foreign_keys = ON")
                conn.commit()
        return len(differing)

    def _store_conflicts(self, conflicts: list[dict[str, Any]]) -> None:
        with self.engine.begin() as conn:
            resolving = set(
                conn.execute(
                    select(_OUTBOX.c.resolves).where(_OUTBOX.c.resolves.is_not(None))
                ).scalars()
            )
            conn.execute(delete(_CONFLICTS))
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
                conn.execute(_CONFLICTS.insert(), rows)


def purge_clients(
    conn: Connection, client_ids: list[str], *, keep_pending_rows: bool = False
) -> None:
    """Remove every row of these clients from the laptop (they left the caseload)."""
    if not client_ids:
        return
    ids: Any = bindparam("ids", expanding=True)
    for entity_ in reversed(list(ENTITIES.values())):
        table = entity_.table
        scope = entity_.scope
        if scope.kind == "none":
            continue
        if scope.kind == "self":
            condition = table.c.id.in_(ids)
        elif scope.kind == "column":
            assert scope.column is not None
            condition = table.c[scope.column].in_(ids)
        else:
            assert scope.column is not None and scope.parent_entity is not None
            parent = ENTITIES[scope.parent_entity].table
            condition = table.c[scope.column].in_(
                select(parent.c.id).where(parent.c.client_id.in_(ids))
            )
        statement = delete(table).where(condition)
        if keep_pending_rows:
            statement = statement.where(
                table.c.id.not_in(select(_OUTBOX.c.row_id).where(_OUTBOX.c.entity == entity_.name))
            )
        conn.execute(statement, {"ids": client_ids})
    conn.execute(delete(_ROWS).where(_ROWS.c.scope_key.in_(client_ids)))
    conn.execute(delete(_DIGESTS).where(_DIGESTS.c.scope_key.in_(client_ids)))
    conn.execute(delete(_CONFLICTS).where(_CONFLICTS.c.client_id.in_(client_ids)))
    # the start-up snapshot of the caseload may name them: it goes too (made again later)
    conn.execute(delete(_SETTINGS).where(_SETTINGS.c.key == CASELOAD_SNAPSHOT_SETTING))


def record_resolution(
    conn: Connection,
    conflict: dict[str, Any],
    resolution: str,
    value: Any = None,
) -> None:
    """The caseworker's choice for a conflict, queued in the outbox (works offline)."""
    from app.sync.capture import outbox_row

    entity_ = ENTITIES[conflict["entity"]]
    fields: dict[str, Any] = {}
    base: dict[str, Any] = {}
    if conflict["kind"] == "field" and resolution in {"mine", "edit"}:
        name = conflict["field"]
        chosen = conflict["mine"] if resolution == "mine" else value
        stored = conn.execute(
            select(entity_.table.c[name]).where(entity_.table.c.id == conflict["row_id"])
        ).scalar()
        fields[name] = chosen
        base[name] = encode_value(stored)
        if stored is not None or chosen is not None:
            decoded = decode_fields(entity_, {name: chosen})
            conn.execute(
                entity_.table.update()
                .where(entity_.table.c.id == conflict["row_id"])
                .values(**decoded)
            )
    conn.execute(
        _OUTBOX.insert(),
        [
            outbox_row(
                entity_name=entity_.name,
                row_id=conflict["row_id"],
                client_id=conflict.get("client_id"),
                op="update",
                fields=fields,
                base=base,
                resolves=conflict["id"],
                resolution=resolution,
            )
        ],
    )
    conn.execute(delete(_CONFLICTS).where(_CONFLICTS.c.id == conflict["id"]))


__all__ = [
    "LoginRequired",
    "RemoteWipe",
    "ServerUnreachable",
    "SyncEngine",
    "SyncError",
    "SyncReport",
    "new_id",
    "pending_changes",
    "purge_clients",
    "record_resolution",
]
