"""Default folders: the caseworker's store, the demo store (and its passphrase) and the log
folder."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir, user_log_dir

from app import APP_NAME

# The demo store holds generated clients only, so its passphrase may be public.
DEMO_PASSPHRASE = "demo-wachtwoord"


def default_data_dir(*, demo: bool) -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False)) / ("demo" if demo else "store")


def default_log_dir() -> Path:
    return Path(user_log_dir(APP_NAME, appauthor=False))
