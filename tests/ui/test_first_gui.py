"""The unlock and first-run dialogs and the caseload window, driven like a user would."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.services.caseload import Scope, caseload_rows
from app.services.clients import create_client
from app.services.demo import generate_demo
from app.ui.caseload_model import CaseloadModel
from app.ui.dialogs import NewStoreDialog, UnlockDialog
from app.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.factories import client_form

pytestmark = pytest.mark.gui


def _ok(dialog) -> None:  # type: ignore[no-untyped-def]
    box = dialog.findChild(QDialogButtonBox)
    box.button(QDialogButtonBox.StandardButton.Ok).click()


def test_caseload_model_passes_the_model_tester(qtmodeltester, store) -> None:  # type: ignore[no-untyped-def]
    with store.session() as session:
        generate_demo(session, 50)
    from app.services.context import owner_actor

    with store.session() as session:
        rows = caseload_rows(session, owner_actor(session), scope=Scope.TEAM)
    model = CaseloadModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.row_at(0).sort_key >= model.row_at(len(rows) - 1).sort_key
    qtmodeltester.check(model)


def test_unlock_dialog(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    store.close()
    dialog = UnlockDialog(store.paths.data_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, "verkeerd-wachtwoord")
    _ok(dialog)
    assert dialog.store is None
    assert dialog.error.isVisible() and "klopt niet" in dialog.error.text()
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.store is not None
    dialog.store.close()


def test_new_store_dialog(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = NewStoreDialog(tmp_path / "new")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "Werkcoach Test")
    qtbot.keyClicks(dialog.username, "wc")
    qtbot.keyClicks(dialog.team, "Team Oost")
    qtbot.keyClicks(dialog.passphrase, "een-goed-wachtwoord")
    qtbot.keyClicks(dialog.repeat, "een-ander-wachtwoord")
    _ok(dialog)
    assert dialog.store is None and "niet gelijk" in dialog.error.text()
    assert not (tmp_path / "new" / "trede.key").exists()
    dialog.repeat.clear()
    qtbot.keyClicks(dialog.repeat, "een-goed-wachtwoord")
    _ok(dialog)
    assert dialog.store is not None
    assert (tmp_path / "new" / "trede.key").exists()
    dialog.store.close()


def test_main_window_lists_and_searches(qtbot, store, owner) -> None:  # type: ignore[no-untyped-def]
    with store.session(owner.caseworker_id) as session:
        create_client(session, owner, client_form(), today=dt.date(2026, 11, 22))
        create_client(
            session,
            owner,
            client_form(voornamen="Jan", tussenvoegsel="van der", achternaam="Berg"),
            today=dt.date(2026, 11, 22),
        )
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.reload()
    panel = window.caseload
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    assert "2 van 2" in window.count_label.text()
    qtbot.keyClicks(panel.search, "sukru yilmaz")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert panel.model.row_at(0).display_name == "Şükrü Yılmaz-Gąsiorowska"
    assert "1 van 2" in window.count_label.text()
    panel.search.clear()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    window.close()
