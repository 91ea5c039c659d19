"""Prints: time to create a demo store of N clients, its size on disk, median unlock time
(with the integrity check of every page), the check alone, and a backup (VACUUM INTO).

Usage: python benchmarks/bench_store.py [--clients 100000] [--unlocks 7]
Target (issue 2): unlock under 1 second on this machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "app.storage.insecure_keyring.InsecureDemoKeyring")
# generated data only: the demo keyring may hold the secrets of these (non-demo) stores
os.environ.setdefault("TREDE_ALLOW_INSECURE_KEYRING", os.environ["PYTHON_KEYRING_BACKEND"])

from app.services.demo import generate_demo
from app.services.opening import create_store, unlock_store
from app.storage.backup import make_backup

PASSPHRASE = "benchmark-wachtwoord"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--unlocks", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="trede-bench-") as folder:
        os.environ.setdefault("TREDE_INSECURE_KEYRING_FILE", str(Path(folder) / "keyring.json"))
        data_dir = Path(folder) / "store"
        started = time.perf_counter()
        store = create_store(data_dir, PASSPHRASE)
        with store.session() as session:
            generate_demo(session, args.clients)
        store.close()
        created = time.perf_counter() - started
        size = sum(p.stat().st_size for p in data_dir.iterdir())
        unlocks = []
        for _ in range(args.unlocks):
            started = time.perf_counter()
            store = unlock_store(data_dir, PASSPHRASE)
            with store.engine.connect():
                pass
            unlocks.append(time.perf_counter() - started)
            store.close()
        store = unlock_store(data_dir, PASSPHRASE)
        checks = []
        for _ in range(3):
            started = time.perf_counter()
            store.require_whole()
            checks.append(time.perf_counter() - started)
        started = time.perf_counter()
        backup = make_backup(store)
        backed_up = time.perf_counter() - started
        backup_size = backup.path.stat().st_size
        store.close()
    print(
        f"demo store, {args.clients} clients: created in {created:.1f} s, "
        f"{size / 2**20:.1f} MiB on disk"
    )
    print(
        f"unlock (Argon2id 64 MiB t=3 p=2 + SQLCipher open + schema check): median "
        f"{statistics.median(unlocks) * 1000:.0f} ms over {args.unlocks} (target < 1000 ms)"
    )
    print(
        f"integrity check (cipher_integrity_check + quick_check): median "
        f"{statistics.median(checks) * 1000:.0f} ms; backup: {backed_up:.1f} s, "
        f"{backup_size / 2**20:.1f} MiB"
    )


if __name__ == "__main__":
    main()
