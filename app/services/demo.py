"""The laptop's demo store: generated clients (app.demo, never real people) written into a
store marked as a demo, with issued plans frozen as the plan service would."""

from __future__ import annotations

import datetime as dt
import logging
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app.demo import (
    OWNER,
    TEAM_MUNICIPALITY,
    TEAM_NAME,
    Cast,
    DemoRows,
    add_employers,
    add_staff,
    client_batches,
    generated_bsn,
)
from app.models import Caseworker, Client, Employer
from app.paths import DEMO_PASSPHRASE
from app.services.context import DEMO_SETTING, Actor, initialise_owner, set_setting
from app.services.demo_plans import frozen_plan
from app.services.errors import AccessDenied

# generated_bsn and TEAM_NAME were defined here before app.demo
__all__ = [
    "TEAM_NAME",
    "ensure_demo_owner",
    "ensure_demo_store",
    "generate_demo",
    "generated_bsn",
]

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


def ensure_demo_owner(session: Session) -> Actor:
    """The demo store's owner: a team lead who sees the whole generated team."""
    return initialise_owner(
        session,
        username=OWNER.username,
        display_name=OWNER.display_name,
        role=OWNER.role,
        team_name=TEAM_NAME,
        municipality=TEAM_MUNICIPALITY,
    )


def ensure_demo_store(
    data_dir: Path,
    clients: int,
    passphrase: str = DEMO_PASSPHRASE,
    progress: Progress | None = None,
    *,
    seed: int = 2026,
) -> None:
    """Create the demo store (or open it) and add `clients` generated clients."""
    from app.services.opening import create_store, unlock_store
    from app.storage.store import Store, StorePaths

    def fill(store: Store) -> None:
        with store.session() as session:
            set_setting(session, DEMO_SETTING, "1")  # no real client may be read into it
            generate_demo(session, clients, seed=seed, progress=progress)

    if not StorePaths(data_dir).exists():
        create_store(data_dir, passphrase, demo=True, setup=fill).close()
        return
    store = unlock_store(data_dir, passphrase)
    try:
        if not _is_demo(store):
            raise AccessDenied(
                "Dit is geen demodatabase: gegenereerde klanten gaan alleen in een demodatabase. "
                "Kies met --data-dir een lege map, of gebruik --demo."
            )
        fill(store)
    finally:
        store.close()


def _is_demo(store: Any) -> bool:
    from app.services.context import get_setting
    from app.storage.unlocking import is_demo_store

    if is_demo_store(store.paths, store.header):
        return True
    with store.session() as session:
        return get_setting(session, DEMO_SETTING) is not None


def _ensure_team(session: Session, owner: Actor, rows: DemoRows) -> list[str]:
    existing = session.execute(
        select(Caseworker.id, Caseworker.display_name, Caseworker.role).where(
            Caseworker.team_id == owner.team_id
        )
    ).all()
    rows.staff.update({worker_id: (name, role) for worker_id, name, role in existing})
    rows.staff[owner.caseworker_id] = (owner.display_name, owner.role.value)
    if len(existing) > 1:
        return [worker_id for worker_id, _name, _role in existing]
    return [owner.caseworker_id, *add_staff(rows, owner.team_id)]


def _write(session: Session, rows: DemoRows) -> None:
    for model, table_rows in rows.take():
        session.execute(insert(model), table_rows)


def generate_demo(
    session: Session,
    clients: int,
    *,
    seed: int = 2026,
    today: dt.date | None = None,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> int:
    """Add `clients` generated clients with their history; commits per batch. Returns count."""
    today = today or dt.date.today()
    rng = random.Random(seed + (session.scalar(select(func.count(Client.id))) or 0))
    owner = ensure_demo_owner(session)
    rows = DemoRows(owner.caseworker_id, dt.datetime.now(dt.UTC))
    workers = _ensure_team(session, owner, rows)
    employers = list(session.scalars(select(Employer.id))) or add_employers(rng, rows)
    _write(session, rows)
    session.commit()
    cast = Cast(owner.caseworker_id, workers, employers)
    used_bsn = set(session.scalars(select(Client.bsn)))
    done = 0
    for done in client_batches(
        rng,
        rows,
        clients,
        today=today,
        cast=cast,
        used_bsn=used_bsn,
        freeze_plan=frozen_plan,
        should_cancel=should_cancel,
    ):
        _write(session, rows)
        session.commit()
        if progress:
            progress(done, clients)
    log.info("generated %d demo clients", done)
    return done
