"""Replays a history printed by the stateful sync test (a debugging aid, not a test):
`python -m tests.sync.replay_history STEPS_FILE`."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.sync.harness import running_central
from tests.sync.test_sync_stateful import machine_for


def main(steps_file: str) -> None:
    folder = Path(tempfile.mkdtemp())
    with running_central(f"sqlite:///{folder / 'central.db'}") as central:
        state = machine_for(central)()
        state.team()
        for line in Path(steps_file).read_text().splitlines():
            line = line.strip()
            if line.startswith("state.") and "teardown" not in line and "team()" not in line:
                eval(line, {"state": state})
        state.teardown()
    print("replayed without a failure")


if __name__ == "__main__":
    main(sys.argv[1])
