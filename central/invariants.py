"""The rows a client has one of at most: one open case assignment, one live plan van
aanpak, one issued plan version per number, one live client per BSN. Checked after every local
transaction a laptop sends; a second "the" row becomes a conflict, never a second row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from app.models import CaseAssignment, Caseworker, Client, Plan, PlanVersion
from app.sync.wire import ENTITIES
from central.feed import wire_of
from central.rights import AUTHOR, LEADS, SCOPE, Refused

_ASSIGNMENTS = CaseAssignment.__table__
_PLANS = Plan.__table__
_VERSIONS = PlanVersion.__table__
_CLIENTS = Client.__table__
_CASEWORKERS = Caseworker.__table__

# (entity, row id, new values): the push engine writes it as the resolver and feeds it
Retire = Callable[[str, str, dict[str, Any]], None]


@dataclass
class Touched:
    """What one local transaction wrote: its rows, and per singleton what they belong to."""

    rows: set[tuple[str, str]] = field(default_factory=set)
    assignment_clients: set[str] = field(default_factory=set)
    plan_clients: set[str] = field(default_factory=set)
    version_clients: set[str] = field(default_factory=set)
    bsn_clients: set[str] = field(default_factory=set)
    # an assignment by a former caseworker: out of scope unless it doubles another one
    stale_transfer: bool = False
    # the team of the transaction's author (a BSN is checked within it)
    team_id: str | None = None

    def note(self, entity_name: str, row: dict[str, Any], changed: set[str]) -> None:
        self.rows.add((entity_name, str(row["id"])))
        if entity_name == "case_assignments" and changed & {"id", "ended_on", "deleted_at"}:
            self.assignment_clients.add(str(row["client_id"]))
        elif entity_name == "plans" and changed & {"id", "deleted_at"}:
            self.plan_clients.add(str(row["client_id"]))
        elif entity_name == "plan_versions":
            self.version_clients.add(str(row["client_id"]))
        elif entity_name == "clients" and changed & {"id", "bsn", "deleted_at"}:
            self.bsn_clients.add(str(row["id"]))


def check(conn: Connection, touched: Touched, *, retire: Retire | None = None) -> None:
    """Raise a "duplicate" Refused for the first singleton the transaction doubled; with
    `retire` (the caseworker chose this version), make room for it instead where one can."""
    today = dt.date.today()
    for client_id in sorted(touched.assignment_clients):
        rows = _rows(
            conn,
            "case_assignments",
            (_ASSIGNMENTS.c.client_id == client_id)
            & _ASSIGNMENTS.c.ended_on.is_(None)
            & _ASSIGNMENTS.c.deleted_at.is_(None),
        )
        others = [row for row in rows if ("case_assignments", row["id"]) not in touched.rows]
        _one_of_mine(len(rows) - len(others), "een klant krijgt één open toewijzing tegelijk")
        if len(rows) > 1 and others:
            if retire is None:
                raise _duplicate(
                    "case_assignments",
                    others,
                    "deze klant is intussen aan een ander overgedragen; de teamleider beslist",
                    LEADS,
                )
            for row in others:
                retire(
                    "case_assignments",
                    row["id"],
                    {"ended_on": max(today, row["started_on"]), "reason": row["reason"]},
                )
    for client_id in sorted(touched.plan_clients):
        rows = _rows(
            conn, "plans", (_PLANS.c.client_id == client_id) & _PLANS.c.deleted_at.is_(None)
        )
        others = [row for row in rows if ("plans", row["id"]) not in touched.rows]
        _one_of_mine(len(rows) - len(others), "een klant heeft één plan van aanpak")
        if len(rows) > 1 and others:
            if retire is None:
                raise _duplicate(
                    "plans", others, "er is intussen al een plan van aanpak voor deze klant", SCOPE
                )
            for row in others:
                retire("plans", row["id"], {"deleted_at": _now()})
                for child in ("plan_goals", "plan_instruments"):
                    table = ENTITIES[child].table
                    live = (table.c.plan_id == row["id"]) & table.c.deleted_at.is_(None)
                    for part in _rows(conn, child, live):
                        retire(child, part["id"], {"deleted_at": _now()})
    for client_id in sorted(touched.version_clients):
        _check_versions(conn, touched, client_id, retire)
    for client_id in sorted(touched.bsn_clients):
        bsn = conn.execute(
            select(_CLIENTS.c.bsn).where(
                _CLIENTS.c.id == client_id, _CLIENTS.c.deleted_at.is_(None)
            )
        ).scalar()
        if bsn is None:
            continue
        # Within the team only: the answer must not tell a caseworker whether a person is a
        # client of another team (that would be an oracle for any BSN).
        team_files = select(_ASSIGNMENTS.c.client_id).where(
            _ASSIGNMENTS.c.ended_on.is_(None),
            _ASSIGNMENTS.c.deleted_at.is_(None),
            _ASSIGNMENTS.c.caseworker_id.in_(
                select(_CASEWORKERS.c.id).where(_CASEWORKERS.c.team_id == touched.team_id)
            ),
        )
        same = conn.execute(
            select(_CLIENTS.c.id).where(
                _CLIENTS.c.bsn == bsn,
                _CLIENTS.c.deleted_at.is_(None),
                _CLIENTS.c.id != client_id,
                _CLIENTS.c.id.in_(team_files),
            )
        ).first()
        if same is not None:
            raise Refused(
                "duplicate",
                "er is al een klant met dit BSN; vraag de teamleider om dat dossier over te dragen",
                audience=AUTHOR,
            )


def _check_versions(
    conn: Connection, touched: Touched, client_id: str, retire: Retire | None
) -> None:
    """Versions are numbered per client (issue_plan): two laptops issuing "version 2" at
    once clash; choosing one's own keeps it under the next free number."""
    rows = _rows(
        conn,
        "plan_versions",
        (_VERSIONS.c.client_id == client_id) & _VERSIONS.c.deleted_at.is_(None),
    )
    mine = [row for row in rows if ("plan_versions", row["id"]) in touched.rows]
    if len({row["number"] for row in mine}) < len(mine):
        _one_of_mine(2, "een plan wordt per nummer één keer uitgegeven")
    taken = {row["number"] for row in rows if ("plan_versions", row["id"]) not in touched.rows}
    clashing = [row for row in mine if row["number"] in taken]
    if not clashing:
        return
    if retire is None:
        others = [row for row in rows if row["number"] == clashing[0]["number"]]
        others = [row for row in others if ("plan_versions", row["id"]) not in touched.rows]
        raise _duplicate(
            "plan_versions", others, "er is intussen al een plan uitgegeven met dit nummer", SCOPE
        )
    highest = int(
        conn.execute(
            select(func.max(_VERSIONS.c.number)).where(_VERSIONS.c.client_id == client_id)
        ).scalar_one()
    )
    for row in clashing:
        highest += 1
        content = {**(row["content"] or {}), "version": highest}
        retire("plan_versions", row["id"], {"number": highest, "content": content})


def _one_of_mine(count: int, message: str) -> None:
    """One transaction never makes two of "the" row itself (no laptop of ours does)."""
    if count > 1:
        raise Refused("refused", message, audience=AUTHOR)


def _rows(conn: Connection, entity_name: str, condition: Any) -> list[dict[str, Any]]:
    table = ENTITIES[entity_name].table
    return [dict(row._mapping) for row in conn.execute(select(table).where(condition))]


def _duplicate(
    entity_name: str, others: list[dict[str, Any]], message: str, audience: str
) -> Refused:
    entity_ = ENTITIES[entity_name]
    first = others[0]
    return Refused(
        "duplicate",
        message,
        audience=audience,
        theirs=wire_of(entity_, first),
        theirs_by=first["updated_by"],
        competitors=[(entity_name, row["id"]) for row in others],
    )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
