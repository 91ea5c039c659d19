"""Prints the size of the PyInstaller bundle (installer/dist/trede) and the median cold-start
time of `trede --version` and `trede --self-test`. Builds the bundle first when it is missing.

Usage: python benchmarks/bench_bundle.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "installer" / "dist" / "trede"
EXECUTABLE = BUNDLE / ("trede.exe" if os.name == "nt" else "trede")


def size_mib(folder: Path) -> float:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files) / 2**20


def start_seconds(arguments: list[str], runs: int) -> tuple[float, float]:
    """(the first start, the median of all): only the first reads the files from disk."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([str(EXECUTABLE), *arguments], check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - started)
    return times[0], statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not EXECUTABLE.exists():
        subprocess.run([str(ROOT / "installer" / "build"), "--no-test"], check=True)
    files = sum(1 for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"bundle: {size_mib(BUNDLE):.0f} MiB in {files} files ({BUNDLE.relative_to(ROOT)})")
    for arguments in (["--version"], ["--self-test"]):
        first, median = start_seconds(arguments, args.runs)
        print(
            f"start {' '.join(arguments):<12} first {first * 1000:5.0f} ms, "
            f"median of {args.runs} {median * 1000:5.0f} ms"
        )


if __name__ == "__main__":
    main()
