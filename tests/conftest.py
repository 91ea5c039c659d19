"""Shared fixtures: an isolated (insecure, test-only) keyring, stores, actors, PostgreSQL."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

# Before anything imports keyring: the tests use the named insecure fallback, in a temp file.
_KEYRING_DIR = tempfile.mkdtemp(prefix="trede-test-keyring-")
os.environ["PYTHON_KEYRING_BACKEND"] = "app.storage.insecure_keyring.InsecureDemoKeyring"
os.environ["TREDE_INSECURE_KEYRING_FILE"] = str(Path(_KEYRING_DIR) / "keyring.json")
# ... and, like an administrator of a test lab, allow it for real (non-demo) stores by name
os.environ["TREDE_ALLOW_INSECURE_KEYRING"] = "app.storage.insecure_keyring.InsecureDemoKeyring"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from sqlalchemy import create_engine, event, text  # noqa: E402
from sqlalchemy.engine import Engine  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from app.domain.vocab import Role  # noqa: E402
from app.models import SyncedMixin  # noqa: E402
from app.services.context import Actor, initialise_owner  # noqa: E402
from app.services.opening import create_store  # noqa: E402
from app.storage.store import Store  # noqa: E402
from app.sync.capture import is_captured  # noqa: E402

PASSPHRASE = "correct-paard-batterij"


@event.listens_for(Session, "after_flush")
def _refuse_uncaptured_store_writes(session: Session, _context: object) -> None:
    """Test-only: a session on a laptop store (SQLCipher) that bypasses the store's own,
    captured sessions would lose the sync changes of its edits without a sound."""
    if is_captured(session) or session.get_bind().url.drivername != "sqlite+pysqlcipher":
        return
    if any(isinstance(row, SyncedMixin) for row in (*session.new, *session.dirty)):
        raise AssertionError(
            "synced rows written to a laptop store without change capture: open the store "
            "through app.services.opening and use its sessions"
        )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    created = create_store(tmp_path / "store", PASSPHRASE)
    yield created
    created.close()


@pytest.fixture
def owner(store: Store) -> Actor:
    with store.session() as session:
        return initialise_owner(
            session,
            username="wc.test",
            display_name="Werkcoach Test",
            role=Role.WORK_COACH,
            team_name="Team Test",
            municipality="hengelo",
        )


@pytest.fixture
def session(store: Store, owner: Actor) -> Iterator:
    with store.session(owner.caseworker_id) as open_session:
        yield open_session


PG_URL_ENV = "TREDE_TEST_PG_URL"


@pytest.fixture(scope="session")
def pg_engine() -> Iterator[Engine]:
    """The PostgreSQL server of TREDE_TEST_PG_URL; skips without one, fails under CI=true."""
    url = os.environ.get(PG_URL_ENV, "postgresql://postgres@127.0.0.1:5432/test")
    url = url.replace("postgresql://", "postgresql+psycopg://", 1)
    engine = create_engine(url, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:
        engine.dispose()
        reason = f"PostgreSQL at {PG_URL_ENV} is not reachable ({type(exc).__name__})"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; CI=true requires it", pytrace=False)
        pytest.skip(reason)
    yield engine
    engine.dispose()
