"""Prints, for demo stores of 10,000 and 100,000 clients: the time from process start to the
main window showing the caseload, and the median time per search keystroke.

Targets (issue 3): at 10,000 the window within 1 s and a keystroke within 50 ms; at 100,000
a keystroke within 200 ms. From the second start on, the window shows the caseload it showed
last time (kept in the encrypted store) at once and the fresh query replaces it; both times
are printed, and the very first start too.
Usage: python benchmarks/bench_workbench.py [--sizes 10000 100000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "app.storage.insecure_keyring.InsecureDemoKeyring")
# generated data only: the demo keyring may hold the secrets of these (non-demo) stores
os.environ.setdefault("TREDE_ALLOW_INSECURE_KEYRING", os.environ["PYTHON_KEYRING_BACKEND"])
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSPHRASE = "benchmark-wachtwoord"
QUERIES = ["yilmaz", "jansen", "van der berg", "7551", "gasiorowska", "ahmad al"]


def build_store(data_dir: Path, clients: int) -> None:
    from app.services.demo import generate_demo
    from app.services.opening import create_store

    store = create_store(data_dir, PASSPHRASE)
    with store.session() as session:
        generate_demo(session, clients)
    store.close()


def startup_seconds(data_dir: Path, runs: int, mode: str) -> tuple[float, float, int, float]:
    """Medians (unlock screen ready, caseload shown, rows, fresh caseload) over fresh
    processes; see the probe."""
    env = {**os.environ, "TREDE_PASSPHRASE": PASSPHRASE}
    ready, shown, fresh, rows = [], [], [], 0
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "startup_probe.py"), str(data_dir), mode],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        ).stdout.split()
        ready.append(float(out[0]))
        shown.append(float(out[1]))
        rows = int(out[2])
        fresh.append(float(out[3]))
    return statistics.median(ready), statistics.median(shown), rows, statistics.median(fresh)


def keystroke_ms(data_dir: Path) -> float:
    from app.services.caseload import Scope, caseload_rows
    from app.services.context import owner_actor
    from app.services.opening import unlock_store
    from app.ui.application import make_application
    from app.ui.caseload_panel import CaseloadPanel

    app = make_application(["trede-bench"])
    store = unlock_store(data_dir, PASSPHRASE)
    with store.session() as session:
        rows = caseload_rows(session, owner_actor(session), scope=Scope.TEAM)
    store.close()
    panel = CaseloadPanel()
    panel.resize(1400, 800)
    panel.show()
    panel.set_rows(rows)
    app.processEvents()
    samples = []
    for query in QUERIES:
        typed = [query[:n] for n in range(1, len(query) + 1)]
        erased = [query[:n] for n in range(len(query) - 1, -1, -1)]
        for text in typed + erased:  # each keystroke as typed, then backspace to empty
            started = time.perf_counter()
            panel.search.setText(text)
            panel.apply()
            panel.table.viewport().repaint()
            app.processEvents()
            samples.append(time.perf_counter() - started)
    panel.close()
    return statistics.median(samples) * 1000, max(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="trede-bench-") as folder:
        os.environ.setdefault("TREDE_INSECURE_KEYRING_FILE", str(Path(folder) / "keyring.json"))
        for size in args.sizes:
            data_dir = Path(folder) / f"store-{size}"
            started = time.perf_counter()
            build_store(data_dir, size)
            built = time.perf_counter() - started
            # A first start leaves the caseload snapshot that every later start shows at once
            # (as on a caseworker's laptop, where the app has run before).
            _, first_start, _, _ = startup_seconds(data_dir, 1, "instant")
            ready, instant, rows, instant_fresh = startup_seconds(data_dir, args.runs, "instant")
            _, after_enter, _, enter_fresh = startup_seconds(data_dir, args.runs, "typed")
            median_ms, worst_ms = keystroke_ms(data_dir)
            print(
                f"{size:>7} clients ({rows} rows in the caseload; store built in {built:.0f} s; "
                f"medians of {args.runs} fresh processes)\n"
                f"        start to unlock screen ready      {ready * 1000:6.0f} ms\n"
                f"        Enter to caseload shown           {after_enter * 1000:6.0f} ms"
                f"  (fresh query in place {enter_fresh * 1000:.0f} ms)\n"
                f"        start to caseload, no typing time {instant * 1000:6.0f} ms"
                f"  (fresh query in place {instant_fresh * 1000:.0f} ms)\n"
                f"        very first start (no snapshot yet) {first_start * 1000:5.0f} ms\n"
                f"        search keystroke median {median_ms:.1f} ms, worst {worst_ms:.1f} ms"
            )


if __name__ == "__main__":
    main()
