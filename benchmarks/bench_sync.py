"""Prints the seconds and bytes of an initial sync of a 2,000-client caseload with its full
history, an incremental sync of 500 changes, and a sync with nothing to do, on loopback
against the real service (uvicorn). The central store is PostgreSQL when reachable
(TREDE_TEST_PG_URL, a scratch schema), else SQLite.

Usage: python benchmarks/bench_sync.py [--clients 2000] [--changes 500] [--sqlite]
Targets (issue 7): initial under 10 s, 500 changes under 1 s, nothing to do under 200 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "app.storage.insecure_keyring.InsecureDemoKeyring")
# generated data only: the demo keyring may hold the secrets of these (non-demo) stores
os.environ.setdefault("TREDE_ALLOW_INSECURE_KEYRING", os.environ["PYTHON_KEYRING_BACKEND"])
_FOLDER = tempfile.mkdtemp(prefix="trede-bench-sync-")
os.environ.setdefault("TREDE_INSECURE_KEYRING_FILE", str(Path(_FOLDER) / "keyring.json"))

from sqlalchemy import create_engine, func, select, text  # noqa: E402

from app.domain.vocab import JournalKind  # noqa: E402
from app.models import Client, JournalEntry  # noqa: E402
from app.services import journal  # noqa: E402
from app.services.context import owner_actor  # noqa: E402
from app.services.opening import create_store  # noqa: E402
from app.services.sync import link_store, run_sync  # noqa: E402
from app.sync.client import SyncReport  # noqa: E402
from app.sync.http import HttpTransport  # noqa: E402
from tests.sync.harness import running_central  # noqa: E402

PASSWORD = "demo-wachtwoord-centraal"


def _central_url(use_sqlite: bool) -> tuple[str, str, object | None]:
    if not use_sqlite:
        url = os.environ.get("TREDE_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
        url = url.replace("postgresql://", "postgresql+psycopg://", 1)
        try:
            engine = create_engine(url, connect_args={"connect_timeout": 3})
            schema = f"trede_bench_{uuid.uuid4().hex[:8]}"
            with engine.begin() as conn:
                conn.execute(text(f"CREATE SCHEMA {schema}"))
            scoped = engine.url.set(query={"options": f"-csearch_path={schema}"})
            return "PostgreSQL", scoped.render_as_string(hide_password=False), (engine, schema)
        except Exception as exc:
            print(f"PostgreSQL not reachable ({type(exc).__name__}); using SQLite")
    return "SQLite", f"sqlite:///{Path(_FOLDER) / 'central.db'}", None


def _line(label: str, report: SyncReport, target: str) -> None:
    print(
        f"{label}: {report.seconds:.3f} s, sent {report.bytes_sent / 1024:.0f} KiB, "
        f"received {report.bytes_received / 1024:.0f} KiB ({report.pushed} pushed, "
        f"{report.received} rows received, {report.resynced_clients} clients fetched again) "
        f"— target {target}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=2000)
    parser.add_argument("--changes", type=int, default=500)
    parser.add_argument("--sqlite", action="store_true")
    args = parser.parse_args()
    backend, url, cleanup = _central_url(args.sqlite)
    try:
        with running_central(url) as central:
            started = time.perf_counter()
            rows = central.store.seed_demo(args.clients, PASSWORD)
            print(
                f"central store ({backend}): {args.clients} clients, {rows} rows seeded in "
                f"{time.perf_counter() - started:.1f} s"
            )
            store = create_store(Path(_FOLDER) / "laptop", "benchmark-wachtwoord")
            link_store(
                store,
                server_url=central.url,
                username="demo.teamleider",
                password=PASSWORD,
                device_name="bench",
                transport_factory=HttpTransport,
            )
            initial = run_sync(store, HttpTransport)
            _line("initial sync", initial, "< 10 s")
            run_sync(store, HttpTransport)  # sends the audit record of the initial sync

            with store.session() as session:
                actor = owner_actor(session)
                client_ids = list(session.scalars(select(Client.id).limit(args.changes)))
            half = args.changes // 2
            with store.session(actor.caseworker_id) as session:
                for number, client_id in enumerate(client_ids[:half]):
                    journal.record_journal_entry(
                        session,
                        actor,
                        client_id,
                        occurred_on="20-11-2026",
                        kind=JournalKind.PHONE.value,
                        subject=f"Telefonisch contact {number}",
                        body="Afspraak bevestigd.",
                    )
            with store.session(actor.caseworker_id) as session:
                for number, client_id in enumerate(client_ids[: args.changes - half]):
                    session.get(Client, client_id).work_experience = f"Ervaring bijgewerkt {number}"
            with store.engine.connect() as conn:
                from app.sync.client import pending_changes

                pending = pending_changes(conn, with_audit=True)
            incremental = run_sync(store, HttpTransport)
            _line(f"incremental sync ({pending} changes incl. audit)", incremental, "< 1 s")
            idle = [run_sync(store, HttpTransport) for _ in range(5)]
            median = statistics.median(r.seconds for r in idle[1:])
            _line("sync with nothing to do (last of 5)", idle[-1], "< 200 ms")
            print(f"sync with nothing to do: median {median * 1000:.0f} ms over 4")
            with store.session() as session:
                entries = session.scalar(select(func.count()).select_from(JournalEntry))
                clients = session.scalar(select(func.count()).select_from(Client))
            print(f"laptop holds {clients} clients, {entries} journal entries")
            store.close()
    finally:
        if cleanup is not None:
            engine, schema = cleanup  # type: ignore[misc]
            with engine.begin() as conn:
                conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
            engine.dispose()


if __name__ == "__main__":
    main()
