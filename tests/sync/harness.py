"""A real central store (uvicorn on 127.0.0.1, a free port) and laptop stores that sync
with it over HTTP, for the end-to-end, fault and scope tests and the benchmarks."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import uvicorn
from sqlalchemy import select, text
from sqlalchemy.engine import Engine

from app.domain.vocab import Role
from app.models import SYNCED_MODELS
from app.services.context import Actor, owner_actor
from app.services.opening import create_store
from app.services.sync import link_store, run_sync
from app.storage.store import Store
from app.sync.client import SyncReport
from app.sync.http import HttpTransport
from app.sync.wire import ENTITIES, encode_value
from central.api import create_app
from central.db import central_engine, upgrade
from central.store import CentralStore

PASSPHRASE = "correct-paard-batterij"
USER_PASSWORD = "wachtwoord-van-test"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class CentralServer:
    """uvicorn serving the real app in a thread."""

    def __init__(self, store: CentralStore) -> None:
        self.store = store
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            create_app(store), host="127.0.0.1", port=self.port, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> CentralServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("central store did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@contextmanager
def running_central(url: str) -> Iterator[CentralServer]:
    engine = central_engine(url)
    upgrade(engine)
    server = CentralServer(CentralStore(engine)).start()
    try:
        yield server
    finally:
        server.stop()
        engine.dispose()


@dataclass
class Laptop:
    name: str
    store: Store
    url: str

    def sync(self) -> SyncReport:
        return run_sync(self.store, HttpTransport)

    def actor(self) -> Actor:
        with self.store.session() as session:
            return owner_actor(session)

    def new_client(self) -> str:
        from app.services.clients import create_client
        from tests.factories import client_form

        actor = self.actor()
        with self.store.session(actor.caseworker_id) as session:
            return create_client(session, actor, client_form())

    def write_journal(self, client_id: str, subject: str, kind: str = "note") -> None:
        from app.services import journal

        actor = self.actor()
        with self.store.session(actor.caseworker_id) as session:
            journal.record_journal_entry(
                session,
                actor,
                client_id,
                occurred_on="20-11-2026",
                kind=kind,
                subject=subject,
                body="Afspraken gemaakt.",
            )

    def close(self) -> None:
        self.store.close()


def new_laptop(tmp: Path, name: str, server: CentralServer, username: str) -> Laptop:
    store = create_store(tmp / name, PASSPHRASE)
    link_store(
        store,
        server_url=server.url,
        username=username,
        password=USER_PASSWORD,
        device_name=name,
        transport_factory=HttpTransport,
    )
    laptop = Laptop(name, store, server.url)
    laptop.sync()
    return laptop


def add_user(central: CentralStore, username: str, role: Role, team: str) -> str:
    return central.create_user(
        username=username,
        display_name=username.replace(".", " ").title(),
        role=role,
        team=team,
        password=USER_PASSWORD,
    )


def auth_headers(laptop: Laptop) -> dict[str, str]:
    from app.services.sync import token_name
    from app.storage import secrets as keyring_secrets

    token = keyring_secrets.get_secret(token_name(laptop.store.store_id))
    return {"Authorization": f"Bearer {token}"}


def crafted_change(
    entity: str, row_id: str, fields: dict[str, Any], op: str = "insert", **extra: Any
) -> dict[str, Any]:
    """A change as a hand-crafted request would send it."""
    import uuid

    from app.models import utc_now

    return {
        "change_id": str(uuid.uuid4()),
        "entity": entity,
        "row_id": row_id,
        "op": op,
        "fields": fields,
        "base": {},
        "made_at": utc_now().isoformat(),
        **extra,
    }


def crafted_entry(client_id: str, author: str, **fields: Any) -> dict[str, Any]:
    """A new journal entry as a hand-crafted request would send it (fields override)."""
    import uuid

    entry_id = str(uuid.uuid4())
    values = {
        "id": entry_id,
        "client_id": client_id,
        "occurred_on": "2026-11-20",
        "kind": "note",
        "subject": "Gesprek",
        "body": "Afspraken gemaakt.",
        "author_id": author,
        "corrects_id": None,
        **new_row_stamps(author),
        **fields,
    }
    return crafted_change("journal_entries", entry_id, values)


def new_row_stamps(caseworker_id: str) -> dict[str, Any]:
    """The bookkeeping fields of a new row written by this caseworker now."""
    from app.models import utc_now

    now = utc_now().isoformat()
    return {
        "created_at": now,
        "created_by": caseworker_id,
        "updated_at": now,
        "updated_by": caseworker_id,
        "version": 1,
        "deleted_at": None,
    }


SKIPPED_COLUMNS = frozenset({"version"})


def snapshot(engine: Engine, client_ids: set[str] | None = None) -> dict[str, dict[str, Any]]:
    """Every pulled row of every synced table as wire values (for comparing stores)."""
    found: dict[str, dict[str, Any]] = {}
    with engine.connect() as conn:
        for model in SYNCED_MODELS:
            entity_ = ENTITIES[model.__table__.name]  # type: ignore[attr-defined]
            if not entity_.pulled:
                continue
            for row in conn.execute(select(entity_.table)):
                mapping = row._mapping
                found[f"{entity_.name}/{mapping['id']}"] = {
                    column.name: encode_value(mapping[column]) for column in entity_.columns
                }
    return found


def pg_schema_url(pg_engine: Engine, schema: str) -> str:
    with pg_engine.begin() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    url = pg_engine.url.set(query={"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False)


def central_rows(conn: Any, table: str) -> int:
    """How many rows a table of the central store holds."""
    return int(conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one())


def scope_of(central: CentralStore, caseworker_id: str) -> set[str]:
    """The clients a caseworker may see now, as the central store decides it."""
    from central.accounts import Device
    from central.scope import caseworker, scope

    with central.engine.connect() as conn:
        found = caseworker(conn, caseworker_id)
        device = Device("test", caseworker_id, Role(found.role), found.team_id)
        return scope(conn, device)


def central_view(central: CentralStore, clients: set[str] | None) -> dict[str, dict[str, Any]]:
    """The central store's rows as a laptop of these clients would hold them (all: None)."""
    from central import tables as t

    rows = snapshot(central.engine)
    if clients is None:
        return rows
    with central.engine.connect() as conn:
        scope_of_row = {
            f"{row.entity}/{row.row_id}": row.scope_key
            for row in conn.execute(select(t.rows.c.entity, t.rows.c.row_id, t.rows.c.scope_key))
        }
    return {key: row for key, row in rows.items() if scope_of_row.get(key, "") in clients | {""}}
