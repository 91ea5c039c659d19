"""Sync as a caseworker uses it: connect on first run and receive the caseload, see the
sync in the status bar, resolve a conflict in the dialog, and be wiped when revoked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from app.domain.vocab import Role
from app.models import Client
from app.services.clients import ClientForm, update_client
from app.ui.conflicts_dialog import ConflictsDialog
from app.ui.main_window import MainWindow
from app.ui.sync_dialogs import FirstConnectDialog
from tests.sync.harness import (
    PASSPHRASE,
    USER_PASSWORD,
    CentralServer,
    Laptop,
    add_user,
    new_laptop,
    running_central,
)
from tests.ui.conftest import visible_dialog

pytestmark = pytest.mark.gui


@pytest.fixture
def central(tmp_path: Path) -> Iterator[CentralServer]:
    with running_central(f"sqlite:///{tmp_path / 'central.db'}") as server:
        server.store.create_team("Team Hengelo", "hengelo")
        add_user(server.store, "wc.anna", Role.WORK_COACH, "Team Hengelo")
        yield server


def _client_on(laptop: Laptop) -> str:
    client_id = laptop.new_client()
    laptop.sync()
    return client_id


def _open(qtbot, store) -> MainWindow:  # type: ignore[no-untyped-def]
    main = MainWindow(store)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: not main.is_loading())
    return main


def test_first_run_connects_receives_the_caseload_and_shows_the_sync(
    qtbot,
    central: CentralServer,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    office = new_laptop(tmp_path, "office", central, "wc.anna")
    _client_on(office)
    dialog = FirstConnectDialog(tmp_path / "laptop")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.server, central.url)
    qtbot.keyClicks(dialog.username, "wc.anna")
    qtbot.keyClicks(dialog.password, "fout-wachtwoord")
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClicks(dialog.repeat, PASSPHRASE)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.store is None
    assert "wachtwoord" in dialog.fields["password"].message.text().lower()
    assert not (tmp_path / "laptop" / "trede.db").exists()  # nothing half-made is left

    dialog.password.clear()
    qtbot.keyClicks(dialog.password, USER_PASSWORD)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.store is not None
    main = _open(qtbot, dialog.store)
    qtbot.waitUntil(lambda: main.caseload.model.rowCount() == 1)
    qtbot.waitUntil(lambda: "Gesynchroniseerd" in main.sync_label.text(), timeout=10000)
    settings_dialog = main.dialogs.settings()
    assert settings_dialog.server.text() == central.url
    qtbot.mouseClick(settings_dialog.server_button, Qt.MouseButton.LeftButton)
    login = visible_dialog("LoginDialog")
    assert login.server.text() == central.url
    login.reject()
    office.close()
    main.close()
    dialog.store.close()


def test_a_conflict_is_resolved_in_the_dialog_and_reaches_the_office(  # type: ignore[no-untyped-def]
    qtbot, qtmodeltester, central: CentralServer, tmp_path: Path
) -> None:
    office = new_laptop(tmp_path, "office", central, "wc.anna")
    field = new_laptop(tmp_path, "field", central, "wc.anna")
    client_id = _client_on(office)
    field.sync()
    for laptop, city in ((office, "Borne"), (field, "Delden")):
        actor = laptop.actor()
        with laptop.store.session(actor.caseworker_id) as session:
            form = ClientForm.from_client(session.get(Client, client_id))
            form.city = city
            update_client(session, actor, client_id, form)
    office.sync()
    main = _open(qtbot, field.store)
    qtbot.waitUntil(lambda: "conflict" in main.sync_label.text(), timeout=10000)
    main.actions_.conflicts.trigger()
    dialog = next(w for w in main.findChildren(ConflictsDialog) if w.isVisible())
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 3).data() == "Delden"
    assert dialog.model.index(0, 4).data() == "Borne"
    qtmodeltester.check(dialog.model)
    assert "gewijzigd door" in dialog.detail.text()
    qtbot.mouseClick(dialog.keep_mine, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 0
    dialog.close()
    qtbot.waitUntil(lambda: not main.sync.is_running(), timeout=10000)
    main.actions_.sync.trigger()
    qtbot.waitUntil(lambda: not main.sync.is_running(), timeout=10000)
    office.sync()
    with office.store.session() as session:
        assert session.get(Client, client_id).city == "Delden"
    main.close()
    office.close()
    field.close()


def test_two_first_plans_are_one_conflict_and_the_caseworker_picks_a_version(  # type: ignore[no-untyped-def]
    qtbot, qtmodeltester, central: CentralServer, tmp_path: Path
) -> None:
    from app.models import Plan
    from app.services.plan_editing import PlanForm, save_plan

    office = new_laptop(tmp_path, "office", central, "wc.anna")
    field = new_laptop(tmp_path, "field", central, "wc.anna")
    client_id = _client_on(office)
    field.sync()
    for laptop, situation in ((office, "Op kantoor besproken"), (field, "Bij het huisbezoek")):
        actor = laptop.actor()
        with laptop.store.session(actor.caseworker_id) as session:
            save_plan(session, actor, client_id, PlanForm(situation=situation))
    office.sync()
    main = _open(qtbot, field.store)
    qtbot.waitUntil(lambda: "conflict" in main.sync_label.text(), timeout=10000)
    main.actions_.conflicts.trigger()
    dialog = next(w for w in main.findChildren(ConflictsDialog) if w.isVisible())
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 1
    assert "Bij het huisbezoek" in dialog.model.index(0, 3).data()
    assert "Op kantoor besproken" in dialog.model.index(0, 4).data()
    assert dialog.apply_change.text() == "Mijn versie &gebruiken"
    assert "Tegelijk aangemaakt" in dialog.detail.text()
    assert not dialog.keep_mine.isEnabled()
    qtbot.mouseClick(dialog.apply_change, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 0
    dialog.close()
    qtbot.waitUntil(lambda: not main.sync.is_running(), timeout=10000)
    main.actions_.sync.trigger()
    qtbot.waitUntil(lambda: not main.sync.is_running(), timeout=10000)
    office.sync()
    for laptop in (office, field):
        with laptop.store.session() as session:
            live = session.scalars(
                select(Plan.situation).where(Plan.client_id == client_id, Plan.deleted_at.is_(None))
            ).all()
            assert live == ["Bij het huisbezoek"]
    main.close()
    office.close()
    field.close()


def test_an_expired_login_is_asked_for_again_in_the_status_bar(  # type: ignore[no-untyped-def]
    qtbot, central: CentralServer, tmp_path: Path
) -> None:
    import datetime as dt

    from sqlalchemy import update

    from app.models import utc_now
    from central import tables as t

    laptop = new_laptop(tmp_path, "laptop", central, "wc.anna")
    _client_on(laptop)
    with central.store.engine.begin() as conn:
        conn.execute(update(t.devices).values(expires_at=utc_now() - dt.timedelta(days=1)))
    main = _open(qtbot, laptop.store)
    main.sync.sync_now(manual=False)
    qtbot.waitUntil(lambda: "Meld u opnieuw aan" in main.sync_label.text(), timeout=10000)
    assert main.caseload.model.rowCount() == 1  # the work on the laptop stays at hand
    main.close()
    laptop.close()


def test_a_revoked_laptop_is_wiped_and_says_so(
    qtbot,
    central: CentralServer,
    tmp_path: Path,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    laptop = new_laptop(tmp_path, "laptop", central, "wc.anna")
    _client_on(laptop)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    main = _open(qtbot, laptop.store)
    qtbot.waitUntil(lambda: not main.sync.is_running(), timeout=10000)
    central.store.revoke("wc.anna")
    main.actions_.sync.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "ingetrokken" in shown[0]
    assert not laptop.store.paths.database.exists()
    assert not main.isVisible()


def test_a_local_edit_is_sent_shortly_after_it_is_saved(  # type: ignore[no-untyped-def]
    qtbot, central: CentralServer, tmp_path: Path, monkeypatch
) -> None:
    from app.models import JournalEntry
    from app.ui.sync_controller import SyncController

    monkeypatch.setattr(SyncController, "soon_ms", 200)
    laptop = new_laptop(tmp_path, "laptop", central, "wc.anna")
    client_id = _client_on(laptop)
    main = _open(qtbot, laptop.store)
    qtbot.waitUntil(lambda: "Gesynchroniseerd" in main.sync_label.text(), timeout=10000)
    main.open_client(client_id)
    laptop.write_journal(client_id, "Telefonisch contact")
    main.client_file.changed.emit(client_id)  # what the file says after a save
    assert "niet verzonden" in main.sync_label.text()

    def arrived() -> bool:
        with central.store.engine.connect() as conn:
            from sqlalchemy import select

            return conn.execute(select(JournalEntry.subject)).first() is not None

    qtbot.waitUntil(arrived, timeout=10000)
    qtbot.waitUntil(lambda: not main.sync.is_running(), timeout=10000)
    assert "Gesynchroniseerd" in main.sync_label.text()
    assert "niet verzonden" not in main.sync_label.text()
    main.close()
    laptop.close()
