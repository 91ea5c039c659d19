"""`python -m central demo`: generated clients (app.demo, never real people) loaded in bulk
with Core, without the laptop's services or change capture, and accounts for the demo team."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection, Engine

from app.demo import (
    OWNER,
    TEAM_MUNICIPALITY,
    TEAM_NAME,
    Cast,
    DemoRows,
    add_employers,
    add_member,
    add_staff,
    client_batches,
)
from app.models import Caseworker, Client, Employer, Team, new_id, utc_now
from central import tables as t
from central.accounts import Accounts
from central.db import writing

_CASEWORKERS = Caseworker.__table__
_CLIENTS = Client.__table__


def _write(conn: Connection, rows: DemoRows) -> None:
    for model, table_rows in rows.take():
        conn.execute(insert(model), table_rows)


def _cast(
    conn: Connection, rng: random.Random, now: dt.datetime
) -> tuple[DemoRows, Cast, str | None]:
    """The demo team (its owner first) and the employers, as rows to write where they are
    missing; with the team's id."""
    owner = conn.execute(
        select(_CASEWORKERS.c.id, _CASEWORKERS.c.team_id).where(
            _CASEWORKERS.c.username == OWNER.username
        )
    ).first()
    existing: list[str] = []
    if owner is None:
        owner_id = new_id()
        rows = DemoRows(owner_id, now)
        team_id: str | None = conn.execute(
            select(Team.id).where(Team.name == TEAM_NAME, Team.deleted_at.is_(None))
        ).scalar() or rows.add(Team, name=TEAM_NAME, municipality=TEAM_MUNICIPALITY)
        add_member(rows, OWNER, team_id, id=owner_id)
    else:
        owner_id, team_id = str(owner.id), owner.team_id
        rows = DemoRows(owner_id, now)
        for row in conn.execute(
            select(_CASEWORKERS.c.id, _CASEWORKERS.c.display_name, _CASEWORKERS.c.role)
            .where(_CASEWORKERS.c.team_id == team_id)
            .order_by(_CASEWORKERS.c.username)
        ):
            rows.staff[row.id] = (row.display_name, row.role)
            existing.append(row.id)
    if len(existing) > 1:
        workers = [owner_id, *(worker for worker in existing if worker != owner_id)]
    else:
        workers = [owner_id, *add_staff(rows, team_id)]
    employers = list(conn.execute(select(Employer.id)).scalars()) or add_employers(rng, rows)
    return rows, Cast(owner_id, workers, employers), team_id


def load_demo(
    engine: Engine,
    accounts: Accounts,
    clients: int,
    password: str,
    *,
    seed: int = 2026,
    today: dt.date | None = None,
) -> int:
    """Add `clients` generated clients (a batch per transaction) and give every caseworker
    of the demo team without an account one with `password`. Returns the clients added; the
    caller feeds the rows (`Admin.publish_unpublished`).

    Plans stay drafts: issuing one freezes the plan document, which the laptop's plan
    service defines, and the central store does not use the services."""
    today = today or dt.date.today()
    with writing(engine) as conn:
        rng = random.Random(seed + (conn.execute(select(func.count(_CLIENTS.c.id))).scalar() or 0))
        rows, cast, team_id = _cast(conn, rng, utc_now())
        _write(conn, rows)
        used_bsn = set(conn.execute(select(_CLIENTS.c.bsn)).scalars())
    for _done in client_batches(rng, rows, clients, today=today, cast=cast, used_bsn=used_bsn):
        with writing(engine) as conn:
            _write(conn, rows)
    hashed = accounts.hash_password(password)
    with writing(engine) as conn:
        have = select(t.accounts.c.caseworker_id)
        for worker_id in conn.execute(
            select(_CASEWORKERS.c.id).where(
                _CASEWORKERS.c.team_id == team_id, _CASEWORKERS.c.id.not_in(have)
            )
        ).scalars():
            conn.execute(
                insert(t.accounts).values(
                    caseworker_id=worker_id, password_hash=hashed, is_admin=False
                )
            )
    return clients
