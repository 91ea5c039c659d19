"""The central store's use cases over one SQLAlchemy engine (PostgreSQL or SQLite): accounts
and tokens, push (merge per field, conflicts), pull (scoped feed with digests) and admin."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError
from sqlalchemy import func, insert, literal, select, text, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

from app.domain.vocab import Role
from app.models import CaseAssignment, Caseworker, Client, Team, new_id, utc_now
from app.sync.wire import (
    BOOKKEEPING,
    EMPTY_DIGEST,
    ENTITIES,
    ORG_SCOPE,
    Entity,
    client_of_row,
    decode_fields,
    digest_add,
    digest_sub,
    encode_value,
    row_hash,
    scope_hash,
)
from central import tables as t

log = logging.getLogger(__name__)

MAX_PUSH = 2000
MAX_PAGE = 2000
_hasher = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=2)
_CASEWORKERS = Caseworker.__table__
_ASSIGNMENTS = CaseAssignment.__table__
_CLIENTS = Client.__table__
_TEAMS = Team.__table__
SERVER_ACTOR = "central"


class AuthFailed(Exception):
    """Wrong username, password or token."""


class DeviceRevoked(Exception):
    """The device or its account was revoked: the laptop must wipe its store."""


class AdminError(Exception):
    pass


@dataclass(frozen=True)
class Device:
    id: str
    caseworker_id: str
    role: Role
    team_id: str | None


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _iso(value: dt.datetime | None) -> str | None:
    return None if value is None else value.astimezone(dt.UTC).isoformat()


class CentralStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.is_postgres = engine.dialect.name == "postgresql"
        # Fault tests hook in here: called inside the push transaction just before commit.
        self.before_push_commit: Callable[[], None] | None = None

    # ------------------------------------------------------------------ accounts

    def login(self, username: str, password: str, device_name: str) -> tuple[str, Device]:
        with self.engine.begin() as conn:
            found = conn.execute(
                select(_CASEWORKERS, t.accounts.c.password_hash, t.accounts.c.revoked_at)
                .join(t.accounts, t.accounts.c.caseworker_id == _CASEWORKERS.c.id)
                .where(_CASEWORKERS.c.username == username)
            ).first()
            try:
                if found is None:
                    _hasher.hash(password)  # same time for an unknown name
                    raise AuthFailed
                _hasher.verify(found.password_hash, password)
            except (VerifyMismatchError, InvalidHashError) as exc:
                raise AuthFailed from exc
            if found.revoked_at is not None or not found.active:
                raise AuthFailed
            token = secrets.token_urlsafe(32)
            device_id = new_id()
            conn.execute(
                insert(t.devices).values(
                    id=device_id,
                    caseworker_id=found.id,
                    name=device_name[:200] or "laptop",
                    token_hash=_token_hash(token),
                    created_at=utc_now(),
                )
            )
            log.info("a device logged in")
            return token, Device(device_id, found.id, Role(found.role), found.team_id)

    def authenticate(self, token: str) -> Device:
        with self.engine.begin() as conn:
            found = conn.execute(
                select(
                    t.devices.c.id,
                    t.devices.c.revoked_at,
                    _CASEWORKERS.c.id.label("caseworker_id"),
                    _CASEWORKERS.c.role,
                    _CASEWORKERS.c.team_id,
                    _CASEWORKERS.c.active,
                    t.accounts.c.revoked_at.label("account_revoked_at"),
                )
                .join(_CASEWORKERS, _CASEWORKERS.c.id == t.devices.c.caseworker_id)
                .join(t.accounts, t.accounts.c.caseworker_id == _CASEWORKERS.c.id)
                .where(t.devices.c.token_hash == _token_hash(token))
            ).first()
            if found is None:
                raise AuthFailed
            if (
                found.revoked_at is not None
                or found.account_revoked_at is not None
                or not found.active
            ):
                raise DeviceRevoked
            conn.execute(
                update(t.devices).where(t.devices.c.id == found.id).values(last_seen_at=utc_now())
            )
            return Device(found.id, found.caseworker_id, Role(found.role), found.team_id)

    # ------------------------------------------------------------------ scope

    def _scope_workers(self, device: Device) -> Any:
        """The caseworkers whose clients the device may see: itself, or the lead's team."""
        if device.role is Role.TEAM_LEAD and device.team_id is not None:
            return select(_CASEWORKERS.c.id).where(_CASEWORKERS.c.team_id == device.team_id)
        return select(literal(device.caseworker_id))

    def _scope_query(self, device: Device) -> Any:
        return select(_ASSIGNMENTS.c.client_id).where(
            _ASSIGNMENTS.c.ended_on.is_(None),
            _ASSIGNMENTS.c.deleted_at.is_(None),
            _ASSIGNMENTS.c.caseworker_id.in_(self._scope_workers(device)),
        )

    def scope(self, conn: Connection, device: Device) -> set[str]:
        return set(conn.execute(self._scope_query(device)).scalars())

    # ------------------------------------------------------------------ writing rows

    def _lock_counter(self, conn: Connection) -> None:
        """Serialises writers: sequence numbers are visible in the order they are given."""
        conn.execute(update(t.counter).where(t.counter.c.id == 1).values(value=t.counter.c.value))

    @staticmethod
    def _client_of(entity_: Entity, values: dict[str, Any], feed: _Feed) -> str | None:
        """The row's client; a parent row's client comes from the feed (as written so far)."""

        def parent_client(parent_entity: str, parent_id: str) -> str | None:
            known = feed.lookup(parent_entity, parent_id)
            return (known["scope_key"] or None) if known else None

        return client_of_row(entity_, values, parent_client)

    def write_as_server(
        self,
        conn: Connection,
        entity_name: str,
        values: dict[str, Any],
        *,
        insert_row: bool,
        feed: _Feed | None = None,
    ) -> None:
        """Admin writes (users, teams, assignments): stamped by the server, fed like pushes."""
        entity_ = ENTITIES[entity_name]
        now = utc_now()
        if insert_row:
            values = {
                "id": new_id(),
                "created_at": now,
                "created_by": SERVER_ACTOR,
                "updated_at": now,
                "updated_by": SERVER_ACTOR,
                "version": 1,
                **values,
            }
            conn.execute(insert(entity_.table).values(**values))
        else:
            row_id = values.pop("id")
            current_version = conn.execute(
                select(entity_.table.c.version).where(entity_.table.c.id == row_id)
            ).scalar_one()
            conn.execute(
                update(entity_.table)
                .where(entity_.table.c.id == row_id)
                .values(
                    **values, updated_at=now, updated_by=SERVER_ACTOR, version=current_version + 1
                )
            )
            values["id"] = row_id
        row = conn.execute(select(entity_.table).where(entity_.table.c.id == values["id"])).one()
        wire = {c.name: encode_value(row._mapping[c]) for c in entity_.columns}
        own_feed = feed or _Feed(conn)
        client_id = self._client_of(entity_, wire, own_feed)
        own_feed.publish(entity_, wire, client_id, values.keys(), (SERVER_ACTOR, now.isoformat()))
        if feed is None:
            own_feed.flush()

    # ------------------------------------------------------------------ push

    def push(self, device: Device, changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if len(changes) > MAX_PUSH:
            raise ValueError(f"at most {MAX_PUSH} changes per push")
        try:
            with self.engine.begin() as conn:
                self._lock_counter(conn)
                push = _Push(self, conn, device)
                push.prefetch(changes)
                results = [push.one(change) for change in changes]
                push.finish()
                if self.before_push_commit is not None:
                    self.before_push_commit()
            return results
        except DBAPIError:
            # One change the database refuses (a missing parent row, say) must not block the
            # laptop's whole outbox: redo the batch one change at a time, each in a savepoint.
            log.warning("push batch refused by the database; applying it change by change")
        with self.engine.begin() as conn:
            self._lock_counter(conn)
            push = _Push(self, conn, device)
            results = []
            for change in changes:
                try:
                    with conn.begin_nested():
                        push.prefetch([change])
                        result = push.one(change)
                        push.finish()
                except DBAPIError as exc:
                    push.reset()
                    log.warning("a change was refused by the database: %s", type(exc.orig))
                    with conn.begin_nested():
                        result = push.refuse(change, "de database weigerde deze wijziging")
                        push.finish()
                results.append(result)
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
        with self.engine.connect() as conn:
            if self.is_postgres:
                conn.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"))
            high = int(conn.execute(select(t.counter.c.value)).scalar_one())
            scope = self.scope(conn, device)
            allowed = scope | {ORG_SCOPE}
            wanted = allowed if only_scopes is None else allowed & set(only_scopes)
            upper = high if until is None else min(until, high)
            query = (
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
            )
            feed = conn.execute(query).all()
            more = len(feed) == limit
            next_cursor = feed[-1].seq if more else upper
            rows = self._row_states(conn, feed)
            page: dict[str, Any] = {
                "rows": rows,
                "cursor": next_cursor,
                "more": more,
                "scope_hash": scope_hash(scope),
                "server_time": utc_now().isoformat(),
            }
            if known_scope_hash != page["scope_hash"]:
                page["scope"] = sorted(scope)
            if not more:
                page["digest"] = self._digest(conn, wanted)
                page["conflicts"] = self._open_conflicts(conn, device, scope)
            conn.rollback()
        return page

    def _row_states(self, conn: Connection, feed: Sequence[Any]) -> list[dict[str, Any]]:
        by_entity: dict[str, list[str]] = {}
        for item in feed:
            by_entity.setdefault(item.entity, []).append(item.row_id)
        states: dict[tuple[str, str], dict[str, Any]] = {}
        for name, ids in by_entity.items():
            entity_ = ENTITIES[name]
            columns = entity_.columns
            for found in conn.execute(select(entity_.table).where(entity_.table.c.id.in_(ids))):
                mapping = found._mapping
                states[(name, mapping["id"])] = {
                    column.name: encode_value(mapping[column]) for column in columns
                }
        return [
            {
                "entity": item.entity,
                "seq": item.seq,
                "hash": item.hash,
                "scope": item.scope_key,
                "fields": states[(item.entity, item.row_id)],
            }
            for item in feed
        ]

    def _digest(self, conn: Connection, scope_keys: set[str]) -> str:
        total = EMPTY_DIGEST
        for value in conn.execute(select(t.digests.c.scope_key, t.digests.c.digest)):
            if value.scope_key in scope_keys:
                total = digest_add(total, value.digest)
        return total

    def digests(self, device: Device, scope_keys: list[str] | None = None) -> dict[str, str]:
        """Per client (and "" for the organisation): to find which clients differ."""
        with self.engine.connect() as conn:
            allowed = self.scope(conn, device) | {ORG_SCOPE}
            wanted = allowed if scope_keys is None else allowed & set(scope_keys)
            found = {
                row.scope_key: row.digest
                for row in conn.execute(select(t.digests.c.scope_key, t.digests.c.digest))
                if row.scope_key in wanted
            }
            return {key: found.get(key, EMPTY_DIGEST) for key in wanted}

    def _open_conflicts(
        self, conn: Connection, device: Device, scope: set[str]
    ) -> list[dict[str, Any]]:
        found = conn.execute(select(t.conflicts).where(t.conflicts.c.status == "open")).all()
        visible = []
        for row in found:
            if row.client_id in scope or row.mine_by == device.caseworker_id:
                visible.append(_conflict_wire(row._mapping))
        return visible

    # ------------------------------------------------------------------ admin

    def create_team(self, name: str, municipality: str | None) -> str:
        with self.engine.begin() as conn:
            self._lock_counter(conn)
            existing = conn.execute(select(_TEAMS.c.id).where(_TEAMS.c.name == name)).scalar()
            if existing:
                raise AdminError(f"team {name!r} already exists")
            team_id = new_id()
            self.write_as_server(
                conn,
                "teams",
                {"id": team_id, "name": name, "municipality": municipality},
                insert_row=True,
            )
            return team_id

    def create_user(
        self,
        *,
        username: str,
        display_name: str,
        role: Role,
        team: str,
        password: str,
        is_admin: bool = False,
    ) -> str:
        with self.engine.begin() as conn:
            self._lock_counter(conn)
            team_id = conn.execute(select(_TEAMS.c.id).where(_TEAMS.c.name == team)).scalar()
            if team_id is None:
                raise AdminError(f"no team {team!r}; create it first")
            taken = conn.execute(
                select(_CASEWORKERS.c.id).where(_CASEWORKERS.c.username == username)
            ).scalar()
            if taken:
                raise AdminError(f"username {username!r} is taken")
            worker_id = new_id()
            self.write_as_server(
                conn,
                "caseworkers",
                {
                    "id": worker_id,
                    "username": username,
                    "display_name": display_name,
                    "role": role.value,
                    "team_id": team_id,
                    "active": True,
                },
                insert_row=True,
            )
            conn.execute(
                insert(t.accounts).values(
                    caseworker_id=worker_id,
                    password_hash=_hasher.hash(password),
                    is_admin=is_admin,
                )
            )
            return worker_id

    def caseworker_id(self, conn: Connection, username: str) -> str:
        found = conn.execute(
            select(_CASEWORKERS.c.id).where(_CASEWORKERS.c.username == username)
        ).scalar()
        if found is None:
            raise AdminError(f"no user {username!r}")
        return str(found)

    def assign_client(self, client_id: str, username: str, *, reason: str) -> None:
        """Transfer (or first assign) a client: the open assignment ends today."""
        today = dt.date.today()
        with self.engine.begin() as conn:
            self._lock_counter(conn)
            worker_id = self.caseworker_id(conn, username)
            if (
                conn.execute(select(_CLIENTS.c.id).where(_CLIENTS.c.id == client_id)).scalar()
                is None
            ):
                raise AdminError("no such client")
            open_ones = conn.execute(
                select(_ASSIGNMENTS.c.id, _ASSIGNMENTS.c.caseworker_id).where(
                    _ASSIGNMENTS.c.client_id == client_id,
                    _ASSIGNMENTS.c.ended_on.is_(None),
                    _ASSIGNMENTS.c.deleted_at.is_(None),
                )
            ).all()
            if any(row.caseworker_id == worker_id for row in open_ones):
                raise AdminError("the client is already assigned to this user")
            for row in open_ones:
                self.write_as_server(
                    conn, "case_assignments", {"id": row.id, "ended_on": today}, insert_row=False
                )
            self.write_as_server(
                conn,
                "case_assignments",
                {
                    "client_id": client_id,
                    "caseworker_id": worker_id,
                    "started_on": today,
                    "reason": reason,
                },
                insert_row=True,
            )

    def revoke(self, username: str, *, device_id: str | None = None) -> int:
        """Revoke one device, or the whole account; each wipes at its next contact."""
        now = utc_now()
        with self.engine.begin() as conn:
            worker_id = self.caseworker_id(conn, username)
            if device_id is None:
                conn.execute(
                    update(t.accounts)
                    .where(t.accounts.c.caseworker_id == worker_id)
                    .values(revoked_at=now)
                )
            query = update(t.devices).where(
                t.devices.c.caseworker_id == worker_id, t.devices.c.revoked_at.is_(None)
            )
            if device_id is not None:
                query = query.where(t.devices.c.id == device_id)
            return int(conn.execute(query.values(revoked_at=now)).rowcount)

    def set_password(self, username: str, password: str) -> None:
        with self.engine.begin() as conn:
            worker_id = self.caseworker_id(conn, username)
            conn.execute(
                update(t.accounts)
                .where(t.accounts.c.caseworker_id == worker_id)
                .values(password_hash=_hasher.hash(password), revoked_at=None)
            )

    def publish_unpublished(self) -> int:
        """Feed every shared row that has no feed entry yet (after a bulk load), in bulk."""
        with self.engine.begin() as conn:
            self._lock_counter(conn)
            feed = _Feed(conn)
            published = 0
            for entity_ in ENTITIES.values():  # parents first: children find their client
                if not entity_.pulled:
                    continue
                found = [
                    {c.name: encode_value(row._mapping[c]) for c in entity_.columns}
                    for row in conn.execute(select(entity_.table))
                ]
                feed.prefetch((entity_.name, wire["id"]) for wire in found)
                for wire in found:
                    if feed.lookup(entity_.name, wire["id"]) is None:
                        feed.publish(entity_, wire, self._client_of(entity_, wire, feed))
                        published += 1
            feed.flush()
        return published

    def seed_demo(self, clients: int, password: str) -> int:
        """A demo central store: generated clients (no real people) and an account with
        `password` for every generated caseworker (demo.teamleider sees the whole team)."""
        from sqlalchemy import delete
        from sqlalchemy.orm import Session

        from app.models import OutboxChange
        from app.services.demo import generate_demo

        with Session(self.engine) as session:
            generate_demo(session, clients)
            session.commit()
        with self.engine.begin() as conn:
            # the generator writes through the laptop's change capture; not used here
            conn.execute(delete(OutboxChange))
            accounts = set(conn.execute(select(t.accounts.c.caseworker_id)).scalars())
            hashed = _hasher.hash(password)
            for worker_id in conn.execute(select(_CASEWORKERS.c.id)).scalars():
                if worker_id not in accounts:
                    conn.execute(
                        insert(t.accounts).values(
                            caseworker_id=worker_id, password_hash=hashed, is_admin=False
                        )
                    )
        return self.publish_unpublished()

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


def _conflict_wire(row: Any) -> dict[str, Any]:
    return {
        "id": row["id"],
        "kind": row["kind"],
        "entity": row["entity"],
        "row_id": row["row_id"],
        "client_id": row["client_id"],
        "field": row["field"],
        "base": row["base"],
        "mine": row["mine"],
        "theirs": row["theirs"],
        "mine_by": row["mine_by"],
        "mine_at": _iso(row["mine_at"]),
        "theirs_by": row["theirs_by"],
        "theirs_at": _iso(row["theirs_at"]),
        "message": row["message"],
        "change": row["change"],
    }


class _Refused(Exception):
    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


class _Feed:
    """The feed writes of one transaction, buffered: sequence numbers counted from the
    counter (its row lock is held), feed entries and digest changes written in bulk."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.seq = int(conn.execute(select(t.counter.c.value)).scalar_one())
        self.start = self.seq
        self._known: dict[tuple[str, str], dict[str, Any] | None] = {}
        self._entries: dict[tuple[str, str], dict[str, Any]] = {}
        self._digests: dict[str, list[tuple[str | None, str]]] = {}

    def prefetch(self, keys: Iterable[tuple[str, str]]) -> None:
        wanted = [key for key in set(keys) if key not in self._known]
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            for key in chunk:
                self._known[key] = None
            by_entity: dict[str, list[str]] = {}
            for entity_name, row_id in chunk:
                by_entity.setdefault(entity_name, []).append(row_id)
            for entity_name, ids in by_entity.items():
                for found in self.conn.execute(
                    select(t.rows).where(t.rows.c.entity == entity_name, t.rows.c.row_id.in_(ids))
                ):
                    self._known[(entity_name, found.row_id)] = {
                        "scope_key": found.scope_key,
                        "hash": found.hash,
                        "stamps": dict(found.stamps or {}),
                    }

    def lookup(self, entity_name: str, row_id: str) -> dict[str, Any] | None:
        key = (entity_name, row_id)
        if key in self._entries:
            return self._entries[key]
        if key not in self._known:
            self.prefetch([key])
        return self._known[key]

    def publish(
        self,
        entity_: Entity,
        wire: dict[str, Any],
        client_id: str | None,
        stamp_fields: Iterable[str] = (),
        stamp: tuple[str, str] | None = None,
    ) -> None:
        """Give the row's current state (`wire`, all columns) a new sequence number."""
        row_id = str(wire["id"])
        previous = self.lookup(entity_.name, row_id)
        scope_key = client_id or ORG_SCOPE
        new_hash = row_hash(entity_.name, wire)
        stamps = dict(previous["stamps"]) if previous else {}
        if stamp is not None:
            for name in stamp_fields:
                if name not in BOOKKEEPING:
                    stamps[name] = list(stamp)
        self.seq += 1
        self._entries[(entity_.name, row_id)] = {
            "entity": entity_.name,
            "row_id": row_id,
            "seq": self.seq,
            "scope_key": scope_key,
            "hash": new_hash,
            "stamps": stamps,
        }
        if previous is not None and previous["scope_key"] != scope_key:
            self._digests.setdefault(previous["scope_key"], []).append(
                (previous["hash"], EMPTY_DIGEST)
            )
            previous = None
        self._digests.setdefault(scope_key, []).append(
            (previous["hash"] if previous else None, new_hash)
        )

    def flush(self) -> None:
        if not self._entries:
            return
        existing = [key for key in self._entries if self._known.get(key) is not None]
        by_entity: dict[str, list[str]] = {}
        for entity_name, row_id in existing:
            by_entity.setdefault(entity_name, []).append(row_id)
        for entity_name, ids in by_entity.items():
            for start in range(0, len(ids), 500):
                self.conn.execute(
                    t.rows.delete().where(
                        t.rows.c.entity == entity_name,
                        t.rows.c.row_id.in_(ids[start : start + 500]),
                    )
                )
        self.conn.execute(insert(t.rows), list(self._entries.values()))
        current = {
            found.scope_key: found.digest
            for found in self.conn.execute(
                select(t.digests).where(t.digests.c.scope_key.in_(list(self._digests)))
            )
        }
        for scope_key, pairs in self._digests.items():
            value = current.get(scope_key, EMPTY_DIGEST)
            for old, new in pairs:
                if old is not None:
                    value = digest_sub(value, old)
                value = digest_add(value, new)
            if scope_key in current:
                self.conn.execute(
                    update(t.digests).where(t.digests.c.scope_key == scope_key).values(digest=value)
                )
            else:
                self.conn.execute(insert(t.digests).values(scope_key=scope_key, digest=value))
        self.conn.execute(update(t.counter).where(t.counter.c.id == 1).values(value=self.seq))
        for key, entry in self._entries.items():
            self._known[key] = {
                "scope_key": entry["scope_key"],
                "hash": entry["hash"],
                "stamps": entry["stamps"],
            }
        self._entries.clear()
        self._digests.clear()


class _Push:
    """One push transaction: the sender's scope as it was when the push began, plus the
    clients this push creates. Rows, feed entries and earlier results are read per batch."""

    def __init__(self, store: CentralStore, conn: Connection, device: Device) -> None:
        self.store = store
        self.conn = conn
        self.device = device
        self.scope = store.scope(conn, device)
        self.created_clients: set[str] = set()
        self.now = utc_now()
        self.feed = _Feed(conn)
        self._rows: dict[tuple[str, str], dict[str, Any] | None] = {}
        self._prior: dict[str, Any] = {}
        self._results: list[dict[str, Any]] = []
        # new rows are written in bulk, parents first, before anything reads or updates
        self._inserts: dict[str, list[dict[str, Any]]] = {}

    def _write_inserts(self) -> None:
        if not self._inserts:
            return
        for entity_name in ENTITIES:
            rows = self._inserts.pop(entity_name, None)
            if rows:
                self.conn.execute(insert(ENTITIES[entity_name].table), rows)

    def prefetch(self, changes: list[dict[str, Any]]) -> None:
        ids = [str(change.get("change_id", "")) for change in changes]
        for start in range(0, len(ids), 500):
            for found in self.conn.execute(
                select(t.changes.c.change_id, t.changes.c.result).where(
                    t.changes.c.change_id.in_(ids[start : start + 500])
                )
            ):
                self._prior[found.change_id] = found.result
        keys = {
            (str(change.get("entity")), str(change.get("row_id")))
            for change in changes
            if change.get("entity") in ENTITIES
        }
        by_entity: dict[str, list[str]] = {}
        for entity_name, row_id in keys:
            by_entity.setdefault(entity_name, []).append(row_id)
            self._rows[(entity_name, row_id)] = None
        for entity_name, row_ids in by_entity.items():
            table = ENTITIES[entity_name].table
            for start in range(0, len(row_ids), 500):
                for found in self.conn.execute(
                    select(table).where(table.c.id.in_(row_ids[start : start + 500]))
                ):
                    self._rows[(entity_name, found.id)] = dict(found._mapping)
        self.feed.prefetch(keys)

    def row(self, entity_: Entity, row_id: str) -> dict[str, Any] | None:
        key = (entity_.name, row_id)
        if key not in self._rows:
            self._write_inserts()
            found = self.conn.execute(
                select(entity_.table).where(entity_.table.c.id == row_id)
            ).first()
            self._rows[key] = dict(found._mapping) if found else None
        return self._rows[key]

    def finish(self) -> None:
        self._write_inserts()
        self.feed.flush()
        if self._results:
            self.conn.execute(insert(t.changes), self._results)
            self._results.clear()

    def reset(self) -> None:
        """Forget what was read and buffered (after a savepoint was rolled back)."""
        self._rows.clear()
        self._inserts.clear()
        self._results.clear()
        self._prior.clear()
        self.created_clients.clear()
        self.feed = _Feed(self.conn)

    def refuse(self, change: dict[str, Any], message: str) -> dict[str, Any]:
        result = self._park(change, "refused", message)
        self._remember(change, result)
        return result

    def _remember(self, change: dict[str, Any], result: dict[str, Any]) -> None:
        change_id = str(change.get("change_id", ""))
        self._prior[change_id] = result
        self._results.append(
            {
                "change_id": change_id,
                "device_id": self.device.id,
                "received_at": self.now,
                "result": result,
            }
        )

    def one(self, change: dict[str, Any]) -> dict[str, Any]:
        change_id = str(change.get("change_id", ""))
        prior = self._prior.get(change_id)
        if prior is not None:
            return {**prior, "duplicate": True}
        try:
            result = self._apply(change)
        except _Refused as refused:
            result = self._park(change, refused.kind, refused.message)
        except (ValueError, TypeError, KeyError) as exc:
            result = self._park(change, "refused", f"ongeldige wijziging: {exc}")
        self._remember(change, result)
        return result

    # -------------------------------------------------------------- helpers

    def _made_at(self, change: dict[str, Any]) -> dt.datetime:
        try:
            made = dt.datetime.fromisoformat(str(change.get("made_at")))
        except ValueError:
            return self.now
        return made.astimezone(dt.UTC) if made.tzinfo else self.now

    def _row_client(self, entity_: Entity, row_id: str) -> str | None:
        known = self.feed.lookup(entity_.name, row_id)
        return (known["scope_key"] or None) if known else None

    def _park(self, change: dict[str, Any], kind: str, message: str) -> dict[str, Any]:
        """Keep a change that cannot be applied as it is, visible to its sender."""
        entity_name = str(change.get("entity", ""))
        entity_ = ENTITIES.get(entity_name)
        client_id = change.get("client_id")
        if entity_ is not None and change.get("op") == "update":
            client_id = self._row_client(entity_, str(change.get("row_id"))) or client_id
        conflict_id = new_id()
        self.conn.execute(
            insert(t.conflicts).values(
                id=conflict_id,
                kind=kind,
                entity=entity_name[:40],
                row_id=str(change.get("row_id", ""))[:36],
                client_id=(str(client_id)[:36] if client_id else None),
                mine=change.get("fields"),
                mine_by=self.device.caseworker_id,
                mine_at=self._made_at(change),
                mine_device=self.device.id,
                change=change,
                message=message,
                status="open",
                created_at=self.now,
            )
        )
        return {"change_id": change.get("change_id"), "status": "parked", "conflict": conflict_id}

    def _check_stamps(self, entity_: Entity, values: dict[str, Any]) -> None:
        me = self.device.caseworker_id
        for name in ("created_by", "updated_by"):
            if name in values and values[name] != me:
                raise _Refused("refused", f"{name} hoort de afzender te zijn")
        if entity_.name == "audit_events" and values.get("actor_id") != me:
            raise _Refused("refused", "een auditregel hoort bij de afzender")

    def _own_unassigned(self, client_id: str) -> bool:
        """A client this caseworker created whose assignment has not arrived yet (it may come
        in the next push batch)."""
        self._write_inserts()
        created_by = self.conn.execute(
            select(_CLIENTS.c.created_by).where(_CLIENTS.c.id == client_id)
        ).scalar()
        if created_by != self.device.caseworker_id:
            return False
        assigned = self.conn.execute(
            select(_ASSIGNMENTS.c.id).where(
                _ASSIGNMENTS.c.client_id == client_id,
                _ASSIGNMENTS.c.ended_on.is_(None),
                _ASSIGNMENTS.c.deleted_at.is_(None),
            )
        ).first()
        return assigned is None

    def _in_scope(self, client_id: str | None, *, forced: bool = False) -> bool:
        if client_id is None or client_id in self.scope or client_id in self.created_clients:
            return True
        if self._own_unassigned(client_id):
            return True
        if forced:
            # A former caseworker of the client may still hand in work done before the
            # transfer, when they choose to (a resolved "scope" conflict).
            return (
                self.conn.execute(
                    select(_ASSIGNMENTS.c.id).where(
                        _ASSIGNMENTS.c.client_id == client_id,
                        _ASSIGNMENTS.c.caseworker_id == self.device.caseworker_id,
                    )
                ).first()
                is not None
            )
        return False

    def _publish(
        self,
        entity_: Entity,
        row: dict[str, Any],
        client_id: str | None,
        fields: Iterable[str],
        change: dict[str, Any],
    ) -> None:
        wire = {c.name: encode_value(row[c.name]) for c in entity_.columns}
        stamp = (self.device.caseworker_id, self._made_at(change).isoformat())
        self.feed.publish(entity_, wire, client_id, fields, stamp)

    def _apply(self, change: dict[str, Any], *, forced: bool = False) -> dict[str, Any]:
        entity_ = ENTITIES.get(str(change.get("entity")))
        if entity_ is None or not entity_.pushable:
            raise _Refused("refused", "dit soort gegevens kan een laptop niet wijzigen")
        if change.get("resolves"):
            return self._resolve(change, entity_)
        row_id = str(change.get("row_id"))
        fields = change.get("fields")
        if not isinstance(fields, dict):
            raise _Refused("refused", "wijziging zonder velden")
        values = decode_fields(entity_, fields)
        self._check_stamps(entity_, values)
        existing = self.row(entity_, row_id)
        op = change.get("op")
        if op == "insert":
            if values.get("id") != row_id:
                raise _Refused("refused", "id van de rij klopt niet")
            if set(values) != {c.name for c in entity_.columns}:
                raise _Refused("refused", "een nieuwe rij hoort alle velden te hebben")
            if existing is not None:
                if not entity_.is_document:
                    return {"change_id": change["change_id"], "status": "applied"}
                # the same document sent as new twice: merge it like an edit from nothing
                return self._update(change, entity_, existing, values, base={}, forced=forced)
            if entity_.name == "clients":
                self.created_clients.add(row_id)
                client_id: str | None = row_id
            else:
                client_id = self.store._client_of(entity_, values, self.feed)
                if entity_.scope.kind == "parent" and client_id is None:
                    raise _Refused("refused", "de bovenliggende gegevens ontbreken")
            if entity_.name == "case_assignments":
                self._check_assignment(values, client_id)
            elif entity_.pulled and not self._in_scope(client_id, forced=forced):
                # (audit events are the sender's own trail and are always kept)
                raise _Refused("scope", "deze klant staat niet (meer) in uw caseload")
            self._inserts.setdefault(entity_.name, []).append(values)
            self._rows[(entity_.name, row_id)] = dict(values)
            if entity_.pulled:
                self._publish(entity_, values, client_id, values, change)
            return {"change_id": change["change_id"], "status": "applied"}
        if op == "update":
            if existing is None:
                raise _Refused("refused", "deze gegevens bestaan niet (meer) op de server")
            if not entity_.is_document:
                raise _Refused("refused", "een vastgelegd verslag kan niet gewijzigd worden")
            base = change.get("base") or {}
            if not isinstance(base, dict):
                raise _Refused("refused", "ongeldige basiswaarden")
            return self._update(change, entity_, existing, values, base=base, forced=forced)
        raise _Refused("refused", f"onbekende bewerking {op!r}")

    def _check_assignment(self, values: dict[str, Any], client_id: str | None) -> None:
        """A laptop assigns a client it creates, or hands over one in its caseload."""
        if client_id is not None and self._in_scope(client_id):
            return
        raise _Refused("scope", "deze klant staat niet (meer) in uw caseload")

    def _update(
        self,
        change: dict[str, Any],
        entity_: Entity,
        current: dict[str, Any],
        values: dict[str, Any],
        *,
        base: dict[str, Any],
        forced: bool,
    ) -> dict[str, Any]:
        row_id = str(change["row_id"])
        client_id = self._row_client(entity_, row_id)
        if entity_.name == "case_assignments":
            self._check_assignment(values, client_id)
        elif not self._in_scope(client_id, forced=forced):
            raise _Refused("scope", "deze klant staat niet (meer) in uw caseload")
        made_at = self._made_at(change)
        known = self.feed.lookup(entity_.name, row_id)
        stamps = known["stamps"] if known else {}
        deleting = "deleted_at" in values and values["deleted_at"] is not None
        if current["deleted_at"] is not None and "deleted_at" not in values:
            raise _Refused("deleted", "deze gegevens zijn intussen verwijderd")
        base_version = change.get("base_version")
        if (
            deleting
            and current["deleted_at"] is None
            and isinstance(base_version, int)
            and base_version < current["version"]
        ):
            raise _Refused("deleted", "verwijderd terwijl een ander het intussen wijzigde")
        to_set: dict[str, Any] = {}
        conflicted: list[str] = []
        for name, value in values.items():
            if name in BOOKKEEPING:
                continue
            ours = encode_value(value)
            theirs = encode_value(current[name])
            if ours == theirs:
                continue
            if name in base and base[name] == theirs:
                to_set[name] = value
                continue
            conflicted.append(name)
            self._field_conflict(
                change, entity_, row_id, client_id, name, base.get(name), ours, theirs, stamps
            )
        changed = [name for name in to_set]
        if to_set:
            to_set.update(
                version=current["version"] + 1,
                updated_at=made_at,
                updated_by=self.device.caseworker_id,
            )
            self._write_inserts()
            self.conn.execute(
                update(entity_.table).where(entity_.table.c.id == row_id).values(**to_set)
            )
            current.update(to_set)
        if to_set or conflicted:
            # a conflict also re-sends the row, so the sender's laptop shows the stored value
            self._publish(entity_, current, client_id, changed, change)
        status = "conflict" if conflicted else "applied"
        return {"change_id": change["change_id"], "status": status, "fields": conflicted}

    def _field_conflict(
        self,
        change: dict[str, Any],
        entity_: Entity,
        row_id: str,
        client_id: str | None,
        name: str,
        base: Any,
        mine: Any,
        theirs: Any,
        stamps: dict[str, Any],
    ) -> None:
        open_one = self.conn.execute(
            select(t.conflicts.c.id).where(
                t.conflicts.c.status == "open",
                t.conflicts.c.kind == "field",
                t.conflicts.c.entity == entity_.name,
                t.conflicts.c.row_id == row_id,
                t.conflicts.c.field == name,
                t.conflicts.c.mine_device == self.device.id,
            )
        ).scalar()
        made_at = self._made_at(change)
        if open_one is not None:
            # a later edit of the same field on the same laptop joins its open conflict
            self.conn.execute(
                update(t.conflicts)
                .where(t.conflicts.c.id == open_one)
                .values(mine=mine, mine_at=made_at, theirs=theirs)
            )
            return
        theirs_by, theirs_at = (stamps.get(name) or [None, None])[:2]
        self.conn.execute(
            insert(t.conflicts).values(
                id=new_id(),
                kind="field",
                entity=entity_.name,
                row_id=row_id,
                client_id=client_id,
                field=name,
                base=base,
                mine=mine,
                theirs=theirs,
                mine_by=self.device.caseworker_id,
                mine_at=made_at,
                mine_device=self.device.id,
                theirs_by=theirs_by,
                theirs_at=dt.datetime.fromisoformat(theirs_at) if theirs_at else None,
                status="open",
                created_at=self.now,
            )
        )

    # -------------------------------------------------------------- resolving

    def _resolve(self, change: dict[str, Any], entity_: Entity) -> dict[str, Any]:
        self._write_inserts()
        conflict_id = str(change["resolves"])
        resolution = str(change.get("resolution") or "")
        found = self.conn.execute(
            select(t.conflicts).where(t.conflicts.c.id == conflict_id)
        ).first()
        if found is None:
            raise _Refused("refused", "dit conflict bestaat niet")
        conflict = found._mapping
        if conflict["status"] != "open":
            return {"change_id": change["change_id"], "status": "applied", "already": True}
        if not (
            conflict["client_id"] in self.scope or conflict["mine_by"] == self.device.caseworker_id
        ):
            raise _Refused("scope", "dit conflict hoort niet bij uw caseload")
        if conflict["kind"] == "field" and resolution not in {"mine", "theirs", "edit"}:
            raise _Refused("refused", "kies: mijn waarde, hun waarde of een nieuwe waarde")
        if conflict["kind"] != "field" and resolution not in {"apply", "discard"}:
            raise _Refused("refused", "kies: alsnog verwerken of laten vervallen")
        # resolved first, so a new edit of the field cannot join this conflict again
        self.conn.execute(
            update(t.conflicts)
            .where(t.conflicts.c.id == conflict_id)
            .values(
                status="resolved",
                resolved_by=self.device.caseworker_id,
                resolved_at=self.now,
                resolution=resolution,
            )
        )
        result: dict[str, Any] = {"change_id": change["change_id"], "status": "applied"}
        if conflict["kind"] == "field" and resolution != "theirs":
            plain = {k: v for k, v in change.items() if k not in {"resolves", "resolution"}}
            plain["op"] = "update"
            result = self._apply(plain)
        elif conflict["kind"] != "field" and resolution == "apply":
            parked = dict(conflict["change"] or {})
            if conflict["kind"] == "deleted" and parked.get("op") == "update":
                stored = self.conn.execute(
                    select(entity_.table.c.deleted_at).where(
                        entity_.table.c.id == conflict["row_id"]
                    )
                ).scalar()
                parked["fields"] = {**(parked.get("fields") or {}), "deleted_at": None}
                parked["base"] = {
                    **(parked.get("base") or {}),
                    "deleted_at": encode_value(stored),
                }
                parked["base_version"] = None
            result = self._apply(parked, forced=conflict["kind"] == "scope")
        return {**result, "change_id": change["change_id"]}


__all__ = ["AuthFailed", "CentralStore", "Device", "DeviceRevoked"]
