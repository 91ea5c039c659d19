"""The laptop's pull: pages of the caseload after its cursor, each page and its cursor in
one local transaction; the scope the central store names is the scope the laptop holds
(clients outside it leave, new ones are fetched up to the cursor)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, Engine

from app.sync import verify
from app.sync.errors import DAMAGED, SyncError
from app.sync.state import (
    BOOTSTRAP_KEY,
    CURSOR_KEY,
    OUTBOX,
    SCOPE_KEY,
    SyncState,
    drop_setting,
    pending_clients,
    put_setting,
)
from app.sync.wire import (
    EMPTY_DIGEST,
    ENTITIES,
    ORG_SCOPE,
    decode_fields,
    digest_add,
    digest_sub,
    row_hash,
    scope_hash,
)

PULL_PAGE = 1000

Post = Callable[[str, dict[str, Any]], dict[str, Any]]


def _upsert(table: Any, keep: Iterable[str] = ()) -> Any:
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


class Puller:
    """Pulls pages until the feed is exhausted; `received` counts the rows written."""

    def __init__(
        self,
        engine: Engine,
        post: Post,
        progress: Callable[[int, int], None],
        before_page_commit: Callable[[int], None] | None = None,
        *,
        on_purge: verify.PurgeHook,
    ) -> None:
        self.engine = engine
        self.post = post
        self.progress = progress
        self.before_page_commit = before_page_commit
        self.on_purge = on_purge
        self.received = 0
        self.bytes_received = 0
        self.purged: list[str] = []

    def pull(self, *, bootstrap: bool) -> dict[str, Any]:
        with self.engine.connect() as conn:
            # the scope as held now: a difference makes the server name its scope
            held = verify.held_clients(conn)
        known = scope_hash(held)
        while True:
            with self.engine.connect() as conn:
                state = SyncState.read(conn)
            if bootstrap:
                plan = state.bootstrap
                assert plan is not None
                body: dict[str, Any] = {
                    "cursor": plan["cursor"],
                    "limit": PULL_PAGE,
                    "scope_hash": known,
                    "only_scopes": plan["scopes"],
                    "until": plan["until"],
                }
            else:
                body = {"cursor": state.cursor, "limit": PULL_PAGE, "scope_hash": known}
            page = self.post("/v1/pull", body)
            self.bytes_received += len(json.dumps(page))
            # the scope as the server names it; the same hash means the laptop holds it already
            confirmed = held if page["scope_hash"] == known and "scope" not in page else None
            self._apply_page(page, state, bootstrap=bootstrap, confirmed=confirmed)
            held = set(page.get("scope") or held)
            known = page["scope_hash"]  # later pages need not list it again
            self.progress(self.received, self.received + (PULL_PAGE if page["more"] else 0))
            if not page["more"]:
                return page

    def _apply_page(
        self,
        page: dict[str, Any],
        state: SyncState,
        *,
        bootstrap: bool,
        confirmed: set[str] | None,
    ) -> None:
        # Rows arrive in sequence order, not parents first: foreign keys are checked by the
        # central store, and off while a page is written here.
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
            conn.commit()
            try:
                with conn.begin():
                    if "scope" in page and not bootstrap:
                        self._hold_exactly(conn, set(page["scope"]), state)
                        put_setting(conn, SCOPE_KEY, json.dumps(sorted(page["scope"])))
                    elif confirmed is not None and not bootstrap and confirmed != state.scope:
                        put_setting(conn, SCOPE_KEY, json.dumps(sorted(confirmed)))
                    write_rows(conn, page["rows"])
                    self.received += len(page["rows"])
                    if bootstrap:
                        plan = dict(state.bootstrap or {})
                        if page["more"]:
                            plan["cursor"] = page["cursor"]
                            put_setting(conn, BOOTSTRAP_KEY, json.dumps(plan))
                        else:
                            drop_setting(conn, BOOTSTRAP_KEY)
                    else:
                        put_setting(conn, CURSOR_KEY, str(page["cursor"]))
                    if self.before_page_commit is not None:
                        self.before_page_commit(len(page["rows"]))
            finally:
                conn.exec_driver_sql("PRAGMA foreign_keys = ON")
                conn.commit()

    def _hold_exactly(self, conn: Connection, scope: set[str], state: SyncState) -> None:
        """Keep exactly the clients of `scope` (and those with unsent changes, until pushed)."""
        from app.models import Client

        held = verify.held_clients(conn)
        leaving = held - scope - pending_clients(conn)
        if leaving:
            verify.purge_clients(conn, leaving, on_purge=self.on_purge)
            self.purged.extend(sorted(leaving))
        verify.drop_orphans(conn)
        clients = set(conn.execute(select(Client.__table__.c.id)).scalars())
        entering = sorted(scope - clients)
        if entering and state.cursor > 0:
            add_bootstrap(conn, entering, until=state.cursor)


def add_bootstrap(conn: Connection, scopes: Iterable[str], *, until: int) -> None:
    """Fetch these scopes whole, up to `until` (resumable; rows already here are replaced)."""
    state = SyncState.read(conn)
    plan = state.bootstrap
    wanted = set(scopes)
    if plan is not None:
        wanted |= set(plan["scopes"])
        until = max(until, plan["until"])
    put_setting(
        conn, BOOTSTRAP_KEY, json.dumps({"scopes": sorted(wanted), "cursor": 0, "until": until})
    )


def write_rows(conn: Connection, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    keys = [(row["entity"], row["fields"]["id"]) for row in rows]
    pending: dict[tuple[str, str], set[str]] = {}
    for found in conn.execute(
        select(OUTBOX.c.entity, OUTBOX.c.row_id, OUTBOX.c.fields).where(
            OUTBOX.c.row_id.in_([row_id for _entity, row_id in keys])
        )
    ):
        names = set(found.fields)  # an unsent insert keeps the whole row
        pending.setdefault((found.entity, found.row_id), set()).update(names)
    old_hashes = {
        (found.entity, found.row_id): (found.hash, found.scope_key)
        for found in conn.execute(
            select(verify.ROWS).where(tuple_(verify.ROWS.c.entity, verify.ROWS.c.row_id).in_(keys))
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
            raise SyncError(DAMAGED)
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
        conn.execute(_upsert(ENTITIES[name].table, keep), values_list)
    conn.execute(_upsert(verify.ROWS), received)
    _update_digests(conn, digest_changes)


def _update_digests(conn: Connection, changes: dict[str, list[tuple[str | None, str]]]) -> None:
    current = {
        found.scope_key: found.digest
        for found in conn.execute(
            select(verify.DIGESTS).where(verify.DIGESTS.c.scope_key.in_(list(changes)))
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
    conn.execute(_upsert(verify.DIGESTS), updated)
