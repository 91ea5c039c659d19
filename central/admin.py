"""Administration of the central store (the `python -m central` commands): teams,
caseworkers and their accounts, assignments, revocation, and the demo data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection, Engine

from app.domain.vocab import Role
from app.models import CaseAssignment, Caseworker, Client, Team, new_id, utc_now
from app.sync.wire import ENTITIES, client_of_row
from central.accounts import Accounts
from central.db import writing
from central.feed import Feed, lock_counter, wire_of

SERVER_ACTOR = "central"
_CASEWORKERS = Caseworker.__table__
_ASSIGNMENTS = CaseAssignment.__table__
_CLIENTS = Client.__table__
_TEAMS = Team.__table__


class AdminError(Exception):
    pass


def _client_of(feed: Feed, entity_name: str, wire: dict[str, Any]) -> str | None:
    """A row's client; a parent row's client comes from the feed (as written so far)."""
    return client_of_row(ENTITIES[entity_name], wire, feed.client_of)


def write_as_server(
    conn: Connection,
    entity_name: str,
    values: dict[str, Any],
    *,
    insert_row: bool,
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
            .values(**values, updated_at=now, updated_by=SERVER_ACTOR, version=current_version + 1)
        )
        values["id"] = row_id
    row = conn.execute(select(entity_.table).where(entity_.table.c.id == values["id"])).one()
    wire = wire_of(entity_, row._mapping)
    feed = Feed(conn)
    feed.publish(
        entity_, wire, _client_of(feed, entity_name, wire), values, (SERVER_ACTOR, now.isoformat())
    )
    feed.flush()


class Admin:
    def __init__(self, engine: Engine, accounts: Accounts) -> None:
        self.engine = engine
        self.accounts = accounts

    def caseworker_id(self, conn: Connection, username: str) -> str:
        found = conn.execute(
            select(_CASEWORKERS.c.id).where(_CASEWORKERS.c.username == username)
        ).scalar()
        if found is None:
            raise AdminError(f"no user {username!r}")
        return str(found)

    def create_team(self, name: str, municipality: str | None) -> str:
        with writing(self.engine) as conn:
            lock_counter(conn)
            if conn.execute(select(_TEAMS.c.id).where(_TEAMS.c.name == name)).scalar():
                raise AdminError(f"team {name!r} already exists")
            team_id = new_id()
            write_as_server(
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
        with writing(self.engine) as conn:
            lock_counter(conn)
            team_id = conn.execute(select(_TEAMS.c.id).where(_TEAMS.c.name == team)).scalar()
            if team_id is None:
                raise AdminError(f"no team {team!r}; create it first")
            taken = conn.execute(
                select(_CASEWORKERS.c.id).where(_CASEWORKERS.c.username == username)
            ).scalar()
            if taken:
                raise AdminError(f"username {username!r} is taken")
            worker_id = new_id()
            write_as_server(
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
            self.accounts.add_account(conn, worker_id, password, is_admin=is_admin)
            return worker_id

    def assign_client(self, client_id: str, username: str, *, reason: str) -> None:
        """Transfer (or first assign) a client: the open assignment ends today."""
        today = dt.date.today()
        with writing(self.engine) as conn:
            lock_counter(conn)
            worker_id = self.caseworker_id(conn, username)
            if (
                conn.execute(select(_CLIENTS.c.id).where(_CLIENTS.c.id == client_id)).first()
                is None
            ):
                raise AdminError("no such client")
            open_ones = conn.execute(
                select(
                    _ASSIGNMENTS.c.id, _ASSIGNMENTS.c.caseworker_id, _ASSIGNMENTS.c.started_on
                ).where(
                    _ASSIGNMENTS.c.client_id == client_id,
                    _ASSIGNMENTS.c.ended_on.is_(None),
                    _ASSIGNMENTS.c.deleted_at.is_(None),
                )
            ).all()
            if any(row.caseworker_id == worker_id for row in open_ones):
                raise AdminError("the client is already assigned to this user")
            for row in open_ones:
                write_as_server(
                    conn,
                    "case_assignments",
                    {"id": row.id, "ended_on": max(today, row.started_on)},
                    insert_row=False,
                )
            write_as_server(
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
        with self.engine.connect() as conn:
            worker_id = self.caseworker_id(conn, username)
        return self.accounts.revoke(worker_id, device_id=device_id)

    def set_password(self, username: str, password: str) -> None:
        with self.engine.connect() as conn:
            worker_id = self.caseworker_id(conn, username)
        self.accounts.set_password(worker_id, username, password)

    def publish_unpublished(self) -> int:
        """Feed every shared row that has no feed entry yet (after a bulk load), in bulk."""
        with writing(self.engine) as conn:
            lock_counter(conn)
            feed = Feed(conn)
            published = 0
            for entity_ in ENTITIES.values():  # parents first: children find their client
                if not entity_.pulled:
                    continue
                found = [
                    wire_of(entity_, row._mapping) for row in conn.execute(select(entity_.table))
                ]
                feed.prefetch((entity_.name, wire["id"]) for wire in found)
                for wire in found:
                    if feed.lookup(entity_.name, wire["id"]) is None:
                        feed.publish(entity_, wire, _client_of(feed, entity_.name, wire))
                        published += 1
                # children of this entity look their parents up in the feed
                feed.flush()
        return published

    def seed_demo(self, clients: int, password: str, *, seed: int = 2026) -> int:
        """A demo central store: generated clients (no real people) and an account with
        `password` for every generated caseworker (demo.teamleider sees the whole team).
        Returns how many rows it fed."""
        from central.demo import load_demo

        load_demo(self.engine, self.accounts, clients, password, seed=seed)
        return self.publish_unpublished()
