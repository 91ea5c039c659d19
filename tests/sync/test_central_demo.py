"""`python -m central demo` fills a central store with generated clients (app.demo, never
real people) without the laptop's change capture, and laptops sync from it; it generates the
same people as the laptop's demo store for the same seed (its plans stay drafts)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select
from sqlalchemy.engine import Engine

from app.models import (
    CaseAssignment,
    Caseworker,
    Client,
    Employer,
    LadderAssessment,
    Plan,
    PlanVersion,
    Team,
)
from app.services.demo import generate_demo
from app.storage.store import Store
from central import tables as t
from central.accounts import Accounts
from central.db import central_engine, upgrade
from central.demo import load_demo
from central.store import CentralStore
from tests.sync.central_db import DATABASES, database_urls
from tests.sync.harness import USER_PASSWORD, new_laptop, running_central

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 22)


@pytest.fixture(params=DATABASES)
def new_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], str]]:
    with database_urls(request, tmp_path) as make:
        yield make


def _count(engine: Engine, model: type) -> int:
    with engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(model)) or 0)


def test_the_demo_command_seeds_without_an_outbox_and_laptops_sync_from_it(
    new_database: Callable[[], str], tmp_path: Path
) -> None:
    url = new_database()
    env = {**os.environ, "TREDE_CENTRAL_PASSWORD": USER_PASSWORD}
    seeded = subprocess.run(
        [sys.executable, "-m", "central", "--db", url, "demo", "--clients", "40"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert seeded.returncode == 0, seeded.stderr
    assert "demo.teamleider" in seeded.stdout

    engine = central_engine(url)
    try:
        tables = set(inspect(engine).get_table_names())
        assert "sync_outbox" not in tables and "local_settings" not in tables
        assert _count(engine, Client) == 40
        assert _count(engine, Team) == 1
        assert _count(engine, Caseworker) == 8
        assert _count(engine, t.accounts) == 8
        assert _count(engine, PlanVersion) == 0  # plans stay drafts (central/demo.py)
        assert _count(engine, Plan) > 0
        assert CentralStore(engine).publish_unpublished() == 0  # every row was fed
        with engine.connect() as connection:
            coach = connection.execute(
                select(Caseworker.id).where(Caseworker.username == "demo.werkcoach1")
            ).scalar_one()
            coached = connection.scalar(
                select(func.count())
                .select_from(CaseAssignment)
                .where(CaseAssignment.caseworker_id == coach, CaseAssignment.ended_on.is_(None))
            )
    finally:
        engine.dispose()
    assert 0 < (coached or 0) < 40

    with running_central(url) as server:
        lead = new_laptop(tmp_path, "lead", server, "demo.teamleider")
        coach_laptop = new_laptop(tmp_path, "coach", server, "demo.werkcoach1")
        try:
            report = lead.sync()
            assert report.checksum_ok and report.resynced_clients == 0
            assert _count(lead.store.engine, Client) == 40
            assert _count(lead.store.engine, LadderAssessment) > 40
            assert coach_laptop.sync().checksum_ok
            assert _count(coach_laptop.store.engine, Client) == coached
        finally:
            lead.close()
            coach_laptop.close()


def test_seeding_again_adds_clients_to_the_same_team(tmp_path: Path) -> None:
    engine = central_engine(f"sqlite:///{tmp_path / 'central.db'}")
    try:
        upgrade(engine)
        store = CentralStore(engine)
        assert store.seed_demo(15, USER_PASSWORD) > 15
        hashes = _password_hashes(engine)
        assert store.seed_demo(10, "een-ander-wachtwoord") > 10
        assert _count(engine, Client) == 25
        assert _count(engine, Team) == 1
        assert _count(engine, Caseworker) == 8
        assert _count(engine, Employer) == 20
        assert _password_hashes(engine) == hashes  # existing accounts keep their password
        with engine.connect() as connection:
            bsns = connection.execute(select(Client.bsn)).scalars().all()
        assert len(set(bsns)) == 25
    finally:
        engine.dispose()


def _password_hashes(engine: Engine) -> dict[str, str]:
    with engine.connect() as connection:
        return {
            row.caseworker_id: row.password_hash
            for row in connection.execute(
                select(t.accounts.c.caseworker_id, t.accounts.c.password_hash)
            )
        }


def test_the_central_demo_generates_the_people_of_the_laptop_demo(
    store: Store, tmp_path: Path
) -> None:
    engine = central_engine(f"sqlite:///{tmp_path / 'central.db'}")
    try:
        upgrade(engine)
        load_demo(engine, Accounts(engine), 60, USER_PASSWORD, seed=5, today=TODAY)
        with store.session() as session:
            generate_demo(session, 60, seed=5, today=TODAY)
        people = select(
            Client.bsn, Client.voornamen, Client.achternaam, Client.birth_date, Client.postcode
        )
        with engine.connect() as central, store.engine.connect() as laptop:
            assert set(central.execute(people)) == set(laptop.execute(people))
            employers = select(Employer.name, Employer.kvk_number)
            assert set(central.execute(employers)) == set(laptop.execute(employers))
        for model in (LadderAssessment, Plan, CaseAssignment):
            assert _count(engine, model) == _count(store.engine, model), model
        assert _count(engine, PlanVersion) == 0 < _count(store.engine, PlanVersion)
    finally:
        engine.dispose()
