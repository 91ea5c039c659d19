"""Whom a push may write for, asked while it runs: the author's scope (cached per push),
clients the push itself creates, and what the author had before (for late work)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from app.models import CaseAssignment, Client
from central.accounts import Device
from central.rights import Refused, never_in_scope
from central.scope import had_in_scope, scope

_ASSIGNMENTS = CaseAssignment.__table__
_CLIENTS = Client.__table__


class ScopeOfPush:
    """Mixed into Push: what `conn`, `_scopes`, `_created`, `_parked` and `sender` are."""

    conn: Connection
    sender: Device
    _scopes: dict[str, set[str]]
    _created: set[str]
    _parked: dict[tuple[str, str], Any]

    def write_inserts(self) -> None:
        raise NotImplementedError

    def scope_of(self, author: Device) -> set[str]:
        if author.caseworker_id not in self._scopes:
            self._scopes[author.caseworker_id] = scope(self.conn, author)
        return self._scopes[author.caseworker_id]

    def in_scope(self, author: Device, client_id: str | None, *, forced: bool) -> bool:
        if client_id is None or client_id in self._created:
            return True
        if client_id in self.scope_of(author) or self._own_unassigned(author, client_id):
            return True
        return forced and had_in_scope(self.conn, author, client_id)

    def out_of_scope(self, author: Device, client_id: str) -> Refused:
        if had_in_scope(self.conn, author, client_id):
            return Refused("scope", "deze klant staat niet (meer) in uw caseload")
        return never_in_scope()

    def _own_unassigned(self, author: Device, client_id: str) -> bool:
        """A client the author registered whose first assignment has not arrived yet (never
        one that had assignments: that one is whoever's it is now)."""
        self.write_inserts()
        created_by = self.conn.execute(
            select(_CLIENTS.c.created_by).where(_CLIENTS.c.id == client_id)
        ).scalar()
        if created_by != author.caseworker_id:
            return False
        assigned = self.conn.execute(
            select(_ASSIGNMENTS.c.id).where(_ASSIGNMENTS.c.client_id == client_id)
        ).first()
        return assigned is None

    def may_audit(self, client_id: str) -> bool:
        if self.in_scope(self.sender, client_id, forced=True):
            return True
        owner = self._parked.get(("clients", client_id))
        return owner is not None and owner[1] == self.sender.caseworker_id

    def is_client(self, row_id: str) -> bool:
        found = self.conn.execute(select(_CLIENTS.c.id).where(_CLIENTS.c.id == row_id)).first()
        return found is not None or ("clients", row_id) in self._parked
