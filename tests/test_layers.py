"""The layers hold: change capture reaches a laptop store's own sessions only (and every
store opened through the one opener), storage imports no sync, a purge takes the caseload
snapshot along in its own transaction, and the import contracts of `./dev lint` are kept."""

from __future__ import annotations

import importlib
import os
import pkgutil
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, func, select
from sqlalchemy.orm import Session

import app.services
from app.domain.vocab import Role
from app.models import Base, Client, OutboxChange
from app.models.guards import ACTOR_KEY
from app.services import opening
from app.services.actor import Actor
from app.services.clients import create_client
from app.services.context import get_setting, initialise_owner, set_setting
from app.services.snapshot import forget_caseload_snapshot
from app.services.sync import sync_engine
from app.storage.store import Store
from app.storage.unlocking import CASELOAD_SNAPSHOT_SETTING
from app.sync import capture
from app.sync.verify import purge_clients
from tests.conftest import PASSPHRASE
from tests.factories import client_form

ROOT = Path(__file__).resolve().parent.parent


def _outbox(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(OutboxChange)) or 0


def _make_client(session: Session) -> str:
    owner = initialise_owner(
        session,
        username="wc.laag",
        display_name="Werkcoach Laag",
        role=Role.WORK_COACH,
        team_name="Team Laag",
        municipality="hengelo",
    )
    session.info[ACTOR_KEY] = owner.caseworker_id
    return create_client(session, owner, client_form())


@pytest.fixture
def every_service_imported() -> None:
    for module in pkgutil.walk_packages(app.services.__path__, "app.services."):
        importlib.import_module(module.name)
    importlib.import_module("app.storage.store")


@pytest.mark.usefixtures("every_service_imported")
def test_an_unrelated_session_writes_no_outbox_rows_after_the_app_is_imported() -> None:
    """Importing storage and the services (and opening stores, as this test process did)
    leaves every other database alone: capture is registered on a store's own sessions."""
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    try:
        with Session(engine) as session:
            client_id = _make_client(session)
            session.commit()
            assert session.get(Client, client_id) is not None
            assert _outbox(session) == 0
        assert not capture.is_captured(Session(engine))
        assert not event.contains(Session, "after_flush", capture._after_flush)
    finally:
        engine.dispose()


def test_a_store_opened_through_the_opener_captures_its_changes(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    opening.create_store(folder, PASSPHRASE).close()
    store = opening.unlock_store(folder, PASSPHRASE)
    try:
        with store.session() as session:
            assert capture.is_captured(session)
            client_id = _make_client(session)
        with store.session() as session:
            rows = session.scalars(select(OutboxChange.row_id)).all()
        assert client_id in rows
    finally:
        store.close()


def test_a_store_without_capture_fails_loudly_in_tests(tmp_path: Path) -> None:
    """A session on a laptop store that does not capture (here: a store opened with session
    events that install nothing but say otherwise) is refused by the tests' guard."""
    from app.storage import store as storage

    folder = tmp_path / "store"
    opening.create_store(folder, PASSPHRASE).close()
    store = storage.unlock_store(
        folder, PASSPHRASE, session_events=lambda _sessions: "nothing (a hook that lies)"
    )
    try:
        with pytest.raises(AssertionError, match="without change capture"), store.session() as s:
            _make_client(s)
        with Session(store.engine) as bypass, pytest.raises(AssertionError):
            _make_client(bypass)
            bypass.flush()
    finally:
        store.close()


def _python(code: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env
    )


def test_storage_imports_no_sync_and_opens_nothing_without_capture() -> None:
    done = _python(
        "import sys\n"
        "from pathlib import Path\n"
        "import app.storage.store as storage\n"
        "assert not [m for m in sys.modules if m.startswith('app.sync')], 'storage imports sync'\n"
        "for call in (lambda: storage.unlock_store(Path('nowhere'), 'x'),\n"
        "             lambda: storage.create_store(Path('nowhere'), 'x')):\n"
        "    try:\n"
        "        call()\n"
        "    except TypeError:  # session_events is required\n"
        "        continue\n"
        "    raise SystemExit('a store opened without change capture')\n"
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture
def snapshot_store(store: Store) -> Iterator[tuple[Store, str]]:
    with store.session() as session:
        client_id = _make_client(session)
        set_setting(session, CASELOAD_SNAPSHOT_SETTING, f'["{client_id}"]')
    yield store, client_id


def _left(store: Store, client_id: str) -> tuple[bool, str | None]:
    with store.session() as session:
        return session.get(Client, client_id) is not None, get_setting(
            session, CASELOAD_SNAPSHOT_SETTING
        )


def test_the_caseload_snapshot_goes_in_the_purge_transaction(
    snapshot_store: tuple[Store, str],
) -> None:
    """The snapshot names the client: it must never outlive the client's rows, nor go
    while they stay (a purge that is rolled back keeps both)."""
    store, client_id = snapshot_store
    with store.engine.connect() as conn:
        transaction = conn.begin()
        purge_clients(conn, [client_id], on_purge=forget_caseload_snapshot)
        transaction.rollback()
    assert _left(store, client_id) == (True, f'["{client_id}"]')
    with store.engine.begin() as conn:
        purge_clients(conn, [client_id], on_purge=forget_caseload_snapshot)
    assert _left(store, client_id) == (False, None)


def test_the_sync_engine_of_a_store_takes_the_snapshot_along(store: Store) -> None:
    engine = sync_engine(store, transport=object())  # type: ignore[arg-type]
    assert engine.on_purge is forget_caseload_snapshot


def test_the_import_contracts_are_kept() -> None:
    """`lint-imports` (./dev lint): the layers of DESIGN.md, no Qt below app.ui, and the
    central store on models, domain, the demo rows and the wire format only."""
    linter = Path(sys.executable).with_name("lint-imports")
    command = str(linter) if linter.exists() else shutil.which("lint-imports")
    if command is None:
        if os.environ.get("CI") == "true":
            pytest.fail("import-linter is not installed; CI=true requires it")
        pytest.skip("import-linter is not installed (pip install -e '.[dev]')")
    done = subprocess.run(
        [command, "--no-cache"], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]


def test_the_gui_opens_no_database_session_of_its_own() -> None:
    """Every use case of the GUI runs in a workspace session (app/workspace): no widget
    opens one, so none passes an actor by hand or writes the store itself."""
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "app" / "ui").glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ".session(" in line or "Session(" in line
    ]
    assert found == []


def test_a_snapshot_written_after_a_purge_leaves_the_purged_client_out(
    store: Store, owner: Actor
) -> None:
    """Rows read before a sync removed a client, written as the snapshot afterwards (at
    close, say), never bring that client back to the start-up screen."""
    from app.services.caseload import caseload_rows
    from app.services.caseload_rows import SNAPSHOT_KEY, Scope, snapshot_rows
    from app.services.clients import create_client
    from app.services.snapshot import save_caseload_snapshot
    from tests.factories import client_form

    with store.session(owner.caseworker_id) as session:
        kept = create_client(session, owner, client_form())
        leaving = create_client(session, owner, client_form())
        rows = caseload_rows(session, owner, scope=Scope.OWN)
    assert {row.client_id for row in rows} == {kept, leaving}
    with store.engine.begin() as conn:
        purge_clients(conn, [leaving], on_purge=forget_caseload_snapshot)
    with store.session(owner.caseworker_id) as session:
        save_caseload_snapshot(session, owner, Scope.OWN, rows)
    with store.session() as session:
        text = get_setting(session, SNAPSHOT_KEY)
    assert text is not None
    restored = snapshot_rows(text)
    assert restored is not None
    assert [row.client_id for row in restored[2]] == [kept]


def test_a_store_whose_session_events_watch_no_flush_is_refused(store: Store) -> None:
    """Session events that install nothing (a stand-in for the capture) would let edits
    never reach the outbox: storage refuses such a store, and leaves it openable."""
    from app.services import opening
    from app.storage import store as storage
    from tests.conftest import PASSPHRASE

    data_dir = store.paths.data_dir
    store.close()
    with pytest.raises(storage.CaptureMissing):
        storage.unlock_store(data_dir, PASSPHRASE, session_events=lambda _sessions: "")
    opening.unlock_store(data_dir, PASSPHRASE).close()  # the lock was let go
