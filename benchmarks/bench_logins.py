"""Prints the central store's memory before and during a storm of wrong logins (Argon2 with
64 MiB per hash; the store runs at most two at a time), and how long the storm takes.

Usage: python benchmarks/bench_logins.py [--logins 12] [--rounds 3]
Target (issue 13): the storm does not take the server's memory with it (twelve concurrent
wrong logins took it from 211 to 980 MiB before the bound).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

WORK_COACH = ("--role", "work_coach", "--team", "Team")


def _rss_mib(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--logins", type=int, default=12)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="trede-bench-logins-"))
    db = f"sqlite:///{folder / 'central.db'}"
    env = {**os.environ, "TREDE_CENTRAL_PASSWORD": "een-goed-wachtwoord"}
    central = [sys.executable, "-m", "central", "--db", db]
    subprocess.run([*central, "team", "Team"], env=env, check=True, capture_output=True, cwd=ROOT)
    for number in range(args.logins):
        subprocess.run(
            [*central, "user", f"wc.{number}", "--name", f"Wc {number}", *WORK_COACH],
            env=env,
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
    port = _free_port()
    server = subprocess.Popen([*central, "serve", "--port", str(port)], env=env, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{url}/v1/health", timeout=1)
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        idle = _rss_mib(server.pid)
        peak = idle
        statuses: dict[int, int] = {}

        def storm(round_number: int) -> None:
            def one(number: int) -> None:
                # each its own account, so the per-account back-off does not end the storm
                answer = httpx.post(
                    f"{url}/v1/login",
                    json={"username": f"wc.{number}", "password": f"fout-{round_number}"},
                    timeout=120,
                )
                statuses[answer.status_code] = statuses.get(answer.status_code, 0) + 1

            threads = [threading.Thread(target=one, args=(n,)) for n in range(args.logins)]
            for thread in threads:
                thread.start()
            while any(thread.is_alive() for thread in threads):
                nonlocal_peak[0] = max(nonlocal_peak[0], _rss_mib(server.pid))
                time.sleep(0.02)

        nonlocal_peak = [peak]
        started = time.perf_counter()
        for round_number in range(args.rounds):
            storm(round_number)
        seconds = time.perf_counter() - started
        peak = nonlocal_peak[0]
        print(
            f"central store at rest: {idle:.0f} MiB; during {args.rounds} storms of "
            f"{args.logins} concurrent wrong logins: peak {peak:.0f} MiB "
            f"(+{peak - idle:.0f} MiB), {seconds:.1f} s, answers {dict(sorted(statuses.items()))}"
        )
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
