"""The central database holds the synced tables it shares with the laptops and its own
tables, never the laptop's bookkeeping (settings, outbox, received rows, digests, dirty rows,
conflicts), on SQLite and PostgreSQL; a database made by the old setup (the laptop's
migrations beside the central ones) is taken on and loses the laptop's tables.

legacy_central/ holds the old central revisions c0001-c0002 as they were, to build such a
database with the laptop's revisions 0001-0006."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import insert, inspect, select, text
from sqlalchemy.engine import Engine

from app.models import Base, LocalSetting, OutboxChange, Team, utc_now
from app.sync.wire import ENTITIES
from central import tables as t
from central.db import (
    CENTRAL_TABLES,
    LAPTOP_TABLES,
    SHARED_TABLES,
    CentralSchemaError,
    central_engine,
    upgrade,
)
from tests.sync.central_db import DATABASES, database_urls

ROOT = Path(__file__).resolve().parents[2]
LEGACY = Path(__file__).resolve().parent / "legacy_central"
# Named here too, so a change to app.models cannot quietly empty the list central uses.
LAPTOP_ONLY = {
    "local_settings",
    "sync_outbox",
    "sync_rows",
    "sync_digests",
    "sync_dirty",
    "sync_conflicts",
}
HEAD = "c0102"


@pytest.fixture(params=DATABASES)
def new_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], str]]:
    with database_urls(request, tmp_path) as make:
        yield make


def _engine(url: str) -> Engine:
    return central_engine(url)


def _tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def _versions(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return set(connection.execute(text("SELECT version_num FROM alembic_version")).scalars())


def _central_objects_only(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    return not (type_ == "table" and not reflected and name in LAPTOP_TABLES)


def _differences(engine: Engine) -> list[Any]:
    """What the migrated schema lacks or has beyond the shared models and central tables."""
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"compare_type": True, "include_object": _central_objects_only},
        )
        return list(compare_metadata(context, [Base.metadata, t.metadata]))


def _schema(engine: Engine) -> dict[str, Any]:
    """Tables with their columns, keys, indexes and constraints, as the database reports them."""
    found: dict[str, Any] = {}
    schema = inspect(engine)
    for table in sorted(schema.get_table_names()):
        if table == "alembic_version":
            continue
        found[table] = {
            "columns": {
                column["name"]: (str(column["type"]), column["nullable"], column.get("default"))
                for column in schema.get_columns(table)
            },
            "pk": sorted(schema.get_pk_constraint(table)["constrained_columns"]),
            "fks": sorted(
                (fk["name"], tuple(fk["constrained_columns"]), fk["referred_table"])
                for fk in schema.get_foreign_keys(table)
            ),
            "indexes": sorted(
                (
                    index["name"],
                    tuple(index["column_names"]),
                    bool(index["unique"]),
                    sorted((k, str(v)) for k, v in index.get("dialect_options", {}).items()),
                )
                for index in schema.get_indexes(table)
            ),
            "uniques": sorted(
                (unique["name"], tuple(unique["column_names"]))
                for unique in schema.get_unique_constraints(table)
            ),
        }
    return found


def _build_with_the_old_setup(engine: Engine) -> None:
    """A central database as the old setup made it: the laptop's chain beside c0001-c0002."""
    from alembic import command
    from alembic.config import Config

    from app.storage.migrate import MIGRATIONS_DIR

    config = Config()
    config.set_main_option("script_location", MIGRATIONS_DIR)
    config.set_main_option("path_separator", "os")
    config.set_main_option(
        "version_locations", f"{Path(MIGRATIONS_DIR) / 'versions'}{os.pathsep}{LEGACY}"
    )
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")


def test_the_laptop_tables_central_leaves_out_are_the_laptop_bookkeeping() -> None:
    assert LAPTOP_TABLES == LAPTOP_ONLY
    assert not SHARED_TABLES & LAPTOP_ONLY
    assert set(ENTITIES) == SHARED_TABLES


def test_a_new_central_database_holds_its_tables_and_none_of_the_laptop(
    new_database: Callable[[], str],
) -> None:
    engine = _engine(new_database())
    try:
        upgrade(engine)
        tables = _tables(engine)
        assert not tables & LAPTOP_ONLY
        # every table the central code reads or writes: the wire entities and its own
        assert set(ENTITIES) | set(t.metadata.tables) <= tables
        assert tables == SHARED_TABLES | CENTRAL_TABLES | {"alembic_version"}
        assert _differences(engine) == []
        assert _versions(engine) == {HEAD}
        with engine.connect() as connection:
            assert connection.execute(select(t.counter.c.value)).scalar_one() == 0
        upgrade(engine)  # at head: nothing to do
        assert _versions(engine) == {HEAD}
    finally:
        engine.dispose()


def test_the_central_migrations_go_down_and_up_again(new_database: Callable[[], str]) -> None:
    from alembic import command

    from central.db import alembic_config

    engine = _engine(new_database())
    try:
        upgrade(engine)
        config = alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "base")
        assert _tables(engine) == {"alembic_version"}
        upgrade(engine)
        assert _differences(engine) == []
    finally:
        engine.dispose()


def test_a_database_of_the_old_setup_loses_the_laptop_tables_and_keeps_its_rows(
    new_database: Callable[[], str],
) -> None:
    old, fresh = _engine(new_database()), _engine(new_database())
    try:
        _build_with_the_old_setup(old)
        assert _tables(old) >= LAPTOP_ONLY
        assert _versions(old) == {"0006", "c0002"}
        now = utc_now()
        stamps = {"created_at": now, "updated_at": now, "created_by": "x", "updated_by": "x"}
        with old.begin() as connection:
            connection.execute(
                insert(Team.__table__).values(id="team-1", name="Team", version=1, **stamps)
            )
            connection.execute(insert(LocalSetting.__table__).values(key="owner", value="x"))
            connection.execute(
                insert(OutboxChange.__table__).values(
                    change_id="c-1",
                    entity="teams",
                    row_id="team-1",
                    op="insert",
                    fields={},
                    base={},
                    made_at=now,
                )
            )
            connection.execute(t.counter.update().values(value=7))

        upgrade(old)
        upgrade(fresh)

        assert not _tables(old) & LAPTOP_ONLY
        assert _versions(old) == {HEAD}
        assert _differences(old) == []
        assert _schema(old) == _schema(fresh)
        with old.connect() as connection:
            assert connection.execute(select(Team.__table__.c.name)).scalars().all() == ["Team"]
            assert connection.execute(select(t.counter.c.value)).scalar_one() == 7
    finally:
        old.dispose()
        fresh.dispose()


def test_a_database_of_the_old_setup_at_older_revisions_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = _engine(url)
    try:
        _build_with_the_old_setup(engine)
        with engine.begin() as connection:
            connection.execute(
                text("UPDATE alembic_version SET version_num = '0005' WHERE version_num = '0006'")
            )
        versions = _versions(engine)
        assert versions == {"0005", "c0002"}
        with pytest.raises(CentralSchemaError, match="0005"):
            upgrade(engine)
        assert _versions(engine) == versions  # nothing was changed
        assert _tables(engine) >= LAPTOP_ONLY
    finally:
        engine.dispose()
    migrated = subprocess.run(
        [sys.executable, "-m", "central", "--db", url, "migrate"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert migrated.returncode == 2
    assert "fout:" in migrated.stderr and "Traceback" not in migrated.stderr


def test_a_database_of_a_newer_central_store_is_refused(tmp_path: Path) -> None:
    engine = _engine(f"sqlite:///{tmp_path / 'newer.db'}")
    try:
        upgrade(engine)
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = 'c9999'"))
        with pytest.raises(CentralSchemaError, match="newer"):
            upgrade(engine)
    finally:
        engine.dispose()


def test_migrate_from_the_command_line_makes_the_central_schema(
    new_database: Callable[[], str],
) -> None:
    url = new_database()
    migrated = subprocess.run(
        [sys.executable, "-m", "central", "--db", url, "migrate"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert migrated.returncode == 0, migrated.stderr
    assert "up to date" in migrated.stdout
    engine = _engine(url)
    try:
        assert _tables(engine) == SHARED_TABLES | CENTRAL_TABLES | {"alembic_version"}
    finally:
        engine.dispose()


def test_the_central_store_loads_nothing_of_the_laptop_but_models_domain_and_wire() -> None:
    """What import-linter checks in the code, checked in a running process."""
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, central.__main__, central.api, central.demo, central.store; "
            "print('\\n'.join(sorted(m for m in sys.modules if m.startswith('app.'))))",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert loaded.returncode == 0, loaded.stderr
    modules = loaded.stdout.split()
    allowed = ("app.models", "app.domain", "app.demo", "app.sync.wire", "app.resources")
    allowed_exact = {"app.sync", "app.logging_setup"}
    assert [m for m in modules if not m.startswith(allowed) and m not in allowed_exact] == []
