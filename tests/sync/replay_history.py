"""Replays a history printed by the stateful sync test (a debugging aid, not a test):
`python -m tests.sync.replay_history STEPS_FILE`."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.sync.harness import running_central
from tests.sync.test_sync_stateful import machine_for


def replay(steps_file: Path) -> None:
    """Run the steps of a printed history against a new central store and three laptops;
    the history's own checks (at its teardown) raise when it fails."""
    folder = Path(tempfile.mkdtemp())
    with running_central(f"sqlite:///{folder / 'central.db'}") as central:
        state = machine_for(central)()
        state.team()
        for line in steps_file.read_text().splitlines():
            line = line.strip()
            if line.startswith("state.") and "teardown" not in line and "team()" not in line:
                eval(line, {"state": state})
        state.teardown()


def main(steps_file: str) -> None:
    replay(Path(steps_file))
    print("replayed without a failure")


if __name__ == "__main__":
    main(sys.argv[1])
