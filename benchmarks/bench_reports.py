"""Prints the time to make one plan van aanpak PDF (target: under 300 ms) and the time to
make the quarterly report PDF of a 10,000-client team, from generated demo stores.

Usage: python benchmarks/bench_reports.py [--runs 10] [--clients 10000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "app.storage.insecure_keyring.InsecureDemoKeyring")
# generated data only: the demo keyring may hold the secrets of these (non-demo) stores
os.environ.setdefault("TREDE_ALLOW_INSECURE_KEYRING", os.environ["PYTHON_KEYRING_BACKEND"])


def quarter_report_seconds(folder: Path, clients: int) -> float:
    import datetime as dt

    from app.reports.overviews import render_quarter_report
    from app.services.caseload import Scope
    from app.services.context import owner_actor
    from app.services.demo import generate_demo
    from app.services.opening import create_store
    from app.services.reporting import quarter_report

    store = create_store(folder / "team", "benchmark-wachtwoord")
    with store.session() as session:
        generate_demo(session, clients)
    started = time.perf_counter()
    with store.session() as session:
        actor = owner_actor(session)
        session.info["actor_id"] = actor.caseworker_id
        report = quarter_report(session, actor, within=dt.date.today(), scope=Scope.TEAM)
        render_quarter_report(report, folder / "kwartaal.pdf")
    elapsed = time.perf_counter() - started
    store.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--clients", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="trede-bench-reports-") as name:
        folder = Path(name)
        os.environ.setdefault("TREDE_INSECURE_KEYRING_FILE", str(folder / "keyring.json"))
        from sqlalchemy import select

        from app.models import Plan
        from app.reports.plan_pdf import render_plan
        from app.services.context import owner_actor
        from app.services.demo import generate_demo
        from app.services.opening import create_store
        from app.services.plans import plan_document

        store = create_store(folder / "store", "benchmark-wachtwoord")
        with store.session() as session:
            generate_demo(session, 200)
        with store.session() as session:
            actor = owner_actor(session)
            session.info["actor_id"] = actor.caseworker_id
            client_id = session.scalars(select(Plan.client_id)).first()
            assert client_id is not None
            render_plan(plan_document(session, actor, client_id), folder / "warm-up.pdf")
            times, build = [], []
            for run in range(args.runs):
                started = time.perf_counter()
                document = plan_document(session, actor, client_id)
                middle = time.perf_counter()
                render_plan(document, folder / f"plan-{run}.pdf")
                times.append(time.perf_counter() - started)
                build.append(middle - started)
        store.close()
        quarter_seconds = quarter_report_seconds(folder, args.clients)
        print(
            f"quarterly report, {args.clients} clients (team): {quarter_seconds:.2f} s "
            "(figures and PDF)"
        )
        print(
            f"plan van aanpak: median {statistics.median(times) * 1000:.0f} ms per PDF "
            f"(data {statistics.median(build) * 1000:.0f} ms), worst {max(times) * 1000:.0f} ms, "
            f"{args.runs} runs; target under 300 ms"
        )


if __name__ == "__main__":
    main()
