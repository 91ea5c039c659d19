"""One push: the sender's changes applied one local transaction at a time, each in a
savepoint (all or nothing), merged per field, checked against the author's rights and the
singleton rules. A transaction that cannot be applied is parked whole in one conflict."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from app.models import CaseAssignment, Client
from app.sync.wire import (
    ENTITIES,
    Entity,
    WireError,
    client_of_row,
    decode_fields,
    references,
)
from central import conflicts, invariants
from central import tables as t
from central.accounts import Device
from central.feed import Feed, wire_of
from central.push_scope import ScopeOfPush
from central.rights import (
    AUTHOR,
    Refused,
    made_at,
    never_in_scope,
)

log = logging.getLogger(__name__)

_CHUNK = 500
_ASSIGNMENTS = CaseAssignment.__table__
_CLIENTS = Client.__table__


def _groups(changes: list[dict[str, Any]]) -> Iterator[list[tuple[int, dict[str, Any]]]]:
    """Consecutive changes of one local transaction (a change without a group is its own)."""
    current: list[tuple[int, dict[str, Any]]] = []
    key: object = None
    for index, change in enumerate(changes):
        group = change.get("group") or ("change", change.get("change_id"), index)
        if current and group != key:
            yield current
            current = []
        key = group
        current.append((index, change))
    if current:
        yield current


class Push(ScopeOfPush):
    """The changes of one push request, in one database transaction."""

    def __init__(self, conn: Connection, sender: Device, now: dt.datetime) -> None:
        self.conn = conn
        self.sender = sender
        self.now = now
        self.feed = Feed(conn)
        self._rows: dict[tuple[str, str], dict[str, Any] | None] = {}
        self._scopes: dict[str, set[str]] = {}
        self._created: set[str] = set()
        self._inserts: dict[str, list[dict[str, Any]]] = {}
        self._prior: dict[str, dict[str, Any]] = {}
        self._results: list[dict[str, Any]] = []
        self._parked: dict[tuple[str, str], Any] = {}
        # while a caseworker's choice for a duplicate is carried out (it may end the other)
        self.making_room = False

    # -------------------------------------------------------------- entry

    def run(self, changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        from central.merge import apply_audit_events
        from central.resolve import resolve

        self._prefetch(changes)
        out: list[dict[str, Any]] = [{} for _change in changes]
        repeated: list[tuple[int, str]] = []  # a change id sent twice in this request
        seen: set[str] = set()
        for group in _groups(changes):
            fresh = []
            for index, change in group:
                change_id = str(change.get("change_id"))
                prior = self._prior.get(change_id)
                if prior is not None:
                    out[index] = {**prior, "duplicate": True}
                elif change_id in seen:
                    repeated.append((index, change_id))
                else:
                    seen.add(change_id)
                    fresh.append((index, change))
            plain = [(i, c) for i, c in fresh if c.get("entity") != "audit_events"]
            for index, change in plain:
                if change.get("resolves"):
                    self._remember(index, change, resolve(self, change), out)
            plain = [(i, c) for i, c in plain if not c.get("resolves")]
            if plain:
                results = self.transaction([c for _i, c in plain])
                for (index, change), result in zip(plain, results, strict=True):
                    self._remember(index, change, result, out)
            trail = [(i, c) for i, c in fresh if c.get("entity") == "audit_events"]
            if trail:
                written = apply_audit_events(self, [c for _i, c in trail])
                for (index, change), result in zip(trail, written, strict=True):
                    self._remember(index, change, result, out)
        for index, change_id in repeated:
            out[index] = {**self._prior[change_id], "duplicate": True}
        if self._results:
            self.conn.execute(insert(t.results), self._results)
        return out

    def _remember(
        self, index: int, change: dict[str, Any], result: dict[str, Any], out: list[Any]
    ) -> None:
        change_id = str(change.get("change_id", ""))
        result = {**result, "change_id": change_id}
        out[index] = result
        self._prior[change_id] = result
        self._results.append(
            {
                "caseworker_id": self.sender.caseworker_id,
                "change_id": change_id,
                "device_id": self.sender.id,
                "received_at": self.now,
                "result": result,
            }
        )

    def _prefetch(self, changes: list[dict[str, Any]]) -> None:
        ids = [str(change.get("change_id", "")) for change in changes]
        for start in range(0, len(ids), _CHUNK):
            for found in self.conn.execute(
                select(t.results.c.change_id, t.results.c.result).where(
                    t.results.c.caseworker_id == self.sender.caseworker_id,
                    t.results.c.change_id.in_(ids[start : start + _CHUNK]),
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
            for start in range(0, len(row_ids), _CHUNK):
                for found in self.conn.execute(
                    select(table).where(table.c.id.in_(row_ids[start : start + _CHUNK]))
                ):
                    self._rows[(entity_name, found.id)] = dict(found._mapping)
        self.feed.prefetch(keys)
        wanted = set(keys)
        for change in changes:
            wanted.update(self._references(change))
        self._parked = conflicts.parked_by(self.conn, wanted)

    # -------------------------------------------------------------- one local transaction

    def transaction(self, changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Apply all of it, or park all of it (joining parked work it builds on)."""
        try:
            joined = self._joined_conflict(changes)
            if joined is not None:
                for change in changes:
                    self.decode(change)  # only changes that could be applied wait with it
        except Refused as refused:
            return self.park(changes, refused)
        if joined is not None and any(
            not self.in_scope(self.sender, found, forced=True)
            for found in self.clients_of_changes(changes)
        ):
            # work about a client the sender never had joins no conflict others can see
            return self.park(changes, never_in_scope())
        if joined is not None:
            conflicts.join(self.conn, joined, changes)
            self._note_parked(changes, joined)
            return [{"status": "parked", "conflict": joined} for _change in changes]
        try:
            return self.atomically(changes, self.sender, forced=False)
        except Refused as refused:
            return self.park(changes, refused)

    def atomically(
        self,
        changes: list[dict[str, Any]],
        author: Device,
        *,
        forced: bool,
        make_room: bool = False,
    ) -> list[dict[str, Any]]:
        """The changes as `author`'s, in a savepoint; Refused when any of it cannot be."""
        savepoint = self.conn.begin_nested()
        touched = invariants.Touched(team_id=author.team_id)
        created = set()
        self.making_room = make_room
        try:
            results = []
            for change in changes:
                results.append(self._apply(change, author, forced, touched))
                if change.get("entity") == "clients" and change.get("op") == "insert":
                    created.add(str(change.get("row_id")))
            self.write_inserts()
            invariants.check(self.conn, touched, retire=self._retire if make_room else None)
            if touched.stale_transfer and not forced:
                raise Refused("scope", "deze klant staat niet (meer) in uw caseload")
            self.write_inserts()
            self.feed.flush()
            savepoint.commit()
        except Refused:
            savepoint.rollback()
            self._forget(created)
            raise
        except DBAPIError as exc:
            savepoint.rollback()
            self._forget(created)
            log.warning("the database refused a change: %s", type(exc.orig).__name__)
            raise Refused(
                "refused", "de database weigerde deze wijziging", audience=AUTHOR
            ) from exc
        finally:
            self.making_room = False
        if touched.assignment_clients:
            self._scopes.clear()
        return results

    def _forget(self, created: set[str]) -> None:
        self.feed.discard()
        self._inserts.clear()
        self._rows.clear()
        self._scopes.clear()
        self._created -= created

    def park(self, changes: list[dict[str, Any]], refused: Refused) -> list[dict[str, Any]]:
        """Keep the changes, whole, in a conflict. Nobody but the sender sees it when it is
        about a client the sender never had (whatever the reason it was refused)."""
        clients = self.clients_of_changes(changes)
        had = [found for found in clients if self.in_scope(self.sender, found, forced=True)]
        if len(had) < len(clients):
            refused.audience = AUTHOR  # a client the sender never had: nobody else sees it
        client_id = had[0] if had else None  # never the id of a client the sender never had
        conflict_id = conflicts.park(
            self.conn,
            author=self.sender,
            changes=changes,
            refused=refused,
            client_id=client_id,
            made_at=made_at(changes[0], self.now),
            now=self.now,
        )
        self._note_parked(changes, conflict_id)
        return [{"status": "parked", "conflict": conflict_id} for _change in changes]

    def _note_parked(self, changes: list[dict[str, Any]], conflict_id: str) -> None:
        for change in changes:
            if change.get("op") == "insert":
                key = (str(change.get("entity")), str(change.get("row_id")))
                self._parked.setdefault(key, (conflict_id, self.sender.caseworker_id))

    def forget_parked(self, conflict_id: str) -> None:
        """A settled conflict holds no rows any more (later changes need not join it)."""
        self._parked = {k: v for k, v in self._parked.items() if v[0] != conflict_id}

    def _references(self, change: dict[str, Any]) -> set[tuple[str, str]]:
        entity_ = ENTITIES.get(str(change.get("entity")))
        fields = change.get("fields")
        if entity_ is None or not isinstance(fields, dict):
            return set()
        found = {(entity_.name, str(change.get("row_id")))}
        plain = {k: v for k, v in fields.items() if isinstance(v, str) and len(v) <= 36}
        found.update(references(entity_, plain))
        return found

    def _joined_conflict(self, changes: list[dict[str, Any]]) -> str | None:
        for change in changes:
            for key in sorted(self._references(change)):
                parked = self._parked.get(key)
                if parked is None:
                    continue
                conflict_id, author = parked
                if author == self.sender.caseworker_id:
                    return str(conflict_id)
                raise never_in_scope()  # someone else's parked row: as if it were not there
        return None

    def clients_of_changes(self, changes: list[dict[str, Any]]) -> list[str]:
        """Every client the changes are about, in the order they first appear."""
        found_clients: list[str] = []
        for change in changes:
            entity_ = ENTITIES.get(str(change.get("entity")))
            fields = change.get("fields")
            if entity_ is None or not isinstance(fields, dict):
                continue
            if change.get("op") == "update":
                found = self.feed.client_of(entity_.name, str(change.get("row_id")))
            else:
                try:
                    found = self.client_of(entity_, {**fields, "id": change.get("row_id")})
                except Refused:
                    found = None
            if found is not None:
                exists = self.conn.execute(
                    select(_CLIENTS.c.id).where(_CLIENTS.c.id == str(found)[:36])
                ).first()
                known = exists is not None or ("clients", str(found)) in self._parked
                if known and str(found)[:36] not in found_clients:
                    found_clients.append(str(found)[:36])
        return found_clients

    # -------------------------------------------------------------- rows

    def row(self, entity_: Entity, row_id: str) -> dict[str, Any] | None:
        key = (entity_.name, row_id)
        if key not in self._rows:
            self.write_inserts()
            found = self.conn.execute(
                select(entity_.table).where(entity_.table.c.id == row_id)
            ).first()
            self._rows[key] = dict(found._mapping) if found else None
        return self._rows[key]

    def write_inserts(self) -> None:
        if not self._inserts:
            return
        for entity_name in ENTITIES:  # parents first
            rows = self._inserts.pop(entity_name, None)
            if rows:
                self.conn.execute(insert(ENTITIES[entity_name].table), rows)

    def client_of(self, entity_: Entity, values: dict[str, Any]) -> str | None:
        def parent_client(parent_entity: str, parent_id: str) -> str | None:
            found = self.feed.client_of(parent_entity, parent_id)
            if found is None:
                raise never_in_scope()  # a parent that is not there, as one never had
            return found

        return client_of_row(entity_, values, parent_client)

    def publish(
        self,
        entity_: Entity,
        row: dict[str, Any],
        client_id: str | None,
        fields: Any,
        stamp: tuple[str, dt.datetime],
    ) -> None:
        if entity_.pulled:
            self.feed.publish(
                entity_, wire_of(entity_, row), client_id, fields, (stamp[0], stamp[1].isoformat())
            )

    def _retire(self, entity_name: str, row_id: str, values: dict[str, Any]) -> None:
        """A write the resolver's choice needs (end the other assignment, and so on)."""
        entity_ = ENTITIES[entity_name]
        current = self.row(entity_, row_id)
        assert current is not None
        to_set = {
            **values,
            "version": current["version"] + 1,
            "updated_at": self.now,
            "updated_by": self.sender.caseworker_id,
        }
        self.conn.execute(
            update(entity_.table).where(entity_.table.c.id == row_id).values(**to_set)
        )
        current.update(to_set)
        client_id = self.feed.client_of(entity_name, row_id)
        self.publish(entity_, current, client_id, values, (self.sender.caseworker_id, self.now))

    # -------------------------------------------------------------- one change

    def decode(self, change: dict[str, Any]) -> tuple[Entity, dict[str, Any]]:
        entity_ = ENTITIES.get(str(change.get("entity")))
        if entity_ is None or not entity_.pushable:
            raise Refused(
                "refused", "dit soort gegevens kan een laptop niet wijzigen", audience=AUTHOR
            )
        fields = change.get("fields")
        if not isinstance(fields, dict):
            raise Refused("refused", "wijziging zonder velden", audience=AUTHOR)
        try:
            return entity_, decode_fields(entity_, fields)
        except WireError as exc:
            raise Refused("refused", f"ongeldige waarde: {exc}", audience=AUTHOR) from exc

    def _apply(
        self, change: dict[str, Any], author: Device, forced: bool, touched: invariants.Touched
    ) -> dict[str, Any]:
        from central.merge import apply_insert, apply_update

        entity_, values = self.decode(change)
        row_id = str(change.get("row_id"))
        existing = self.row(entity_, row_id)
        if change.get("op") == "insert":
            return apply_insert(self, change, entity_, values, existing, author, forced, touched)
        if change.get("op") == "update":
            if existing is None or self._never_had_row(entity_, row_id, author):
                raise never_in_scope()
            if not entity_.is_document:
                raise Refused(
                    "refused", "een vastgelegd verslag kan niet gewijzigd worden", audience=AUTHOR
                )
            base = change.get("base") or {}
            if not isinstance(base, dict):
                raise Refused("refused", "ongeldige basiswaarden", audience=AUTHOR)
            return apply_update(
                self, change, entity_, existing, values, base, author, forced, touched
            )
        raise Refused("refused", "onbekende bewerking", audience=AUTHOR)

    def _never_had_row(self, entity_: Entity, row_id: str, author: Device) -> bool:
        client_id = self.feed.client_of(entity_.name, row_id)
        return client_id is not None and not self.in_scope(author, client_id, forced=True)

    def add_insert(self, entity_: Entity, values: dict[str, Any]) -> None:
        self._inserts.setdefault(entity_.name, []).append(values)
        self._rows[(entity_.name, str(values["id"]))] = dict(values)
        if entity_.name == "clients":
            self._created.add(str(values["id"]))
