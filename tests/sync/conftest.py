"""Fixtures for sync tests: a central store on SQLite or PostgreSQL, served by uvicorn."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.sync.harness import CentralServer, pg_schema_url, running_central


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def central(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CentralServer]:
    if request.param == "sqlite":
        with running_central(f"sqlite:///{tmp_path / 'central.db'}") as server:
            yield server
        return
    pg_engine = request.getfixturevalue("pg_engine")
    schema = f"trede_sync_{uuid.uuid4().hex[:8]}"
    url = pg_schema_url(pg_engine, schema)
    try:
        with running_central(url) as server:
            yield server
    finally:
        with pg_engine.begin() as connection:
            connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
