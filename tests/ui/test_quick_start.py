"""Start-up with the last caseload: after the passphrase the window shows the caseload it
showed last time, at once, and becomes whole when the store has opened behind it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services.caseload_rows import SNAPSHOT_KEY
from app.services.clients import create_client
from app.services.context import get_setting
from app.services.opening import unlock_store
from app.ui.application import Start, open_main_window
from app.ui.dialogs import UnlockDialog
from app.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.factories import client_form

pytestmark = pytest.mark.gui


def test_the_last_caseload_shows_first_and_the_fresh_one_follows(  # type: ignore[no-untyped-def]
    qtbot, store, owner
) -> None:
    with store.session(owner.caseworker_id) as session:
        create_client(session, owner, client_form(achternaam="Eerder"))
    first = MainWindow(store)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitUntil(lambda: not first.is_loading() and first.caseload.model.rowCount() == 1)
    first.close()  # waits for the snapshot to be written
    with store.session() as session:
        assert get_setting(session, SNAPSHOT_KEY)
    with store.session(owner.caseworker_id) as session:
        create_client(session, owner, client_form(achternaam="Later"))
    data_dir = store.paths.data_dir
    store.close()

    unlock = UnlockDialog(data_dir, quick_start=True)
    qtbot.addWidget(unlock)
    unlock.show()
    qtbot.keyClicks(unlock.passphrase, PASSPHRASE)
    qtbot.keyClick(unlock.passphrase, Qt.Key.Key_Return)
    assert unlock.result()
    assert unlock.store is None and unlock.snapshot is not None
    window = open_main_window(Start(False, key=unlock.key, snapshot=unlock.snapshot))
    qtbot.addWidget(window)
    # at once: last time's caseload, searchable; what needs the store waits for it
    assert window.caseload.model.rowCount() == 1
    assert not window.actions_.new_client.isEnabled()
    assert window.actions_.find.isEnabled()
    with qtbot.waitSignal(window.attached, timeout=10000):
        pass
    qtbot.waitUntil(lambda: not window.is_loading() and window.caseload.model.rowCount() == 2)
    assert window.actions_.new_client.isEnabled()
    window.close()
    assert window.store is not None
    window.store.close()


def test_a_store_without_a_snapshot_opens_as_before(qtbot, store, owner) -> None:  # type: ignore[no-untyped-def]
    data_dir = store.paths.data_dir
    store.close()
    unlock = UnlockDialog(data_dir, quick_start=True)
    qtbot.addWidget(unlock)
    unlock.passphrase.setText(PASSPHRASE)
    unlock.try_unlock()
    assert unlock.store is not None and unlock.snapshot is None
    unlock.store.close()


def test_the_snapshot_round_trips_and_a_damaged_one_is_ignored(store, owner) -> None:  # type: ignore[no-untyped-def]
    from app.services.caseload import caseload_rows
    from app.services.caseload_rows import Scope, snapshot_rows, snapshot_text
    from app.storage.unlocking import read_local_setting, unlock_key

    with store.session(owner.caseworker_id) as session:
        for name in ("Yılmaz", "de Vries"):
            create_client(session, owner, client_form(achternaam=name))
        rows = caseload_rows(session, owner, scope=Scope.OWN)
        text = snapshot_text(owner, Scope.OWN, rows)
        from app.services.context import set_setting

        set_setting(session, SNAPSHOT_KEY, text)
    assert snapshot_rows(text) == (owner, Scope.OWN, rows)
    assert snapshot_rows(text[:-5]) is None
    assert snapshot_rows('{"version": 99}') is None
    key = unlock_key(store.paths.data_dir, PASSPHRASE)
    assert read_local_setting(key, SNAPSHOT_KEY) == text
    assert read_local_setting(key, "no-such-setting") is None
    wrong = type(key)(key.paths, key.header, b"\0" * 32)
    assert read_local_setting(wrong, SNAPSHOT_KEY) is None
    reopened = unlock_store(store.paths.data_dir, PASSPHRASE)
    reopened.close()


def test_the_window_that_shows_the_last_caseload_imports_no_database_layer() -> None:
    """The 1-second start: the main window and the unlock screen load without SQLAlchemy
    (it is imported behind them, on a worker)."""
    import subprocess
    import sys

    probe = (
        "import sys; import app.ui.main_window, app.ui.dialogs, app.ui.application; "
        "import app.storage.backup; "  # read before the unlock, for a lost key file
        "heavy = [m for m in ('sqlalchemy', 'app.services.limits', 'app.storage.store') "
        "if m in sys.modules]; print(heavy); sys.exit(1 if heavy else 0)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
