"""Histories the long random runs once failed on, replayed as they were printed (each file in
histories/ is the failing example of tests/sync/test_sync_stateful.py, step by step)."""

from __future__ import annotations

from pathlib import Path

import pytest

import app.sync.pull as pull
from tests.sync.replay_history import replay

HISTORIES = sorted((Path(__file__).parent / "histories").glob("*.txt"))


@pytest.mark.parametrize("history", HISTORIES, ids=[h.stem for h in HISTORIES])
def test_a_history_that_once_failed_converges_and_loses_nothing(
    history: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pull, "PULL_PAGE", 7)  # as the random runs page
    replay(history)
