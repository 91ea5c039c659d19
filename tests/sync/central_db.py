"""Empty central databases for the schema and demo tests: SQLite files, or PostgreSQL
schemas (skipped without a server, failed under CI=true)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.sync.harness import pg_schema_url

# pytest.param ids for a fixture over both databases
DATABASES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@contextmanager
def database_urls(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], str]]:
    """A maker of new, empty databases of the kind in `request.param`; all are removed after."""
    made: list[str] = []
    pg_engine = request.getfixturevalue("pg_engine") if request.param == "postgresql" else None

    def make() -> str:
        name = f"trede_central_{uuid.uuid4().hex[:8]}"
        made.append(name)
        if pg_engine is None:
            return f"sqlite:///{tmp_path / f'{name}.db'}"
        return pg_schema_url(pg_engine, name)

    try:
        yield make
    finally:
        if pg_engine is not None:
            with pg_engine.begin() as connection:
                for schema in made:
                    connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
