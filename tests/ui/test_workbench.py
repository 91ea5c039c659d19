"""The workbench as a caseworker uses it: create, find, open, journal, lock."""

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from app.models import AuditEvent, Client, JournalEntry
from app.services.clients import create_client
from app.services.journal import journal_history, record_journal_entry
from app.ui.journal_tab import JournalModel
from app.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.factories import client_form

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, store, owner):  # type: ignore[no-untyped-def]
    with store.session(owner.caseworker_id) as session:
        create_client(
            session, owner, client_form(voornamen="Jan", tussenvoegsel="van der", achternaam="Berg")
        )
    main = MainWindow(store)
    qtbot.addWidget(main)
    main.show()
    main.reload()
    qtbot.waitUntil(lambda: not main.is_loading() and main.caseload.model.rowCount() == 1)
    return main


def _type(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type like a keyboard does; QTest.keyClicks aborts on letters such as 'ı'."""
    widget.setFocus()
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def test_create_client_through_the_form(qtbot, window, store) -> None:  # type: ignore[no-untyped-def]
    window.actions_.new_client.trigger()
    dialog = next(
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and type(w).__name__ == "ClientFormDialog"
    )
    inputs = dialog.text_inputs
    _type(qtbot, inputs["bsn"], "123456781")
    assert "elfproef" in dialog.fields["bsn"].message.text()
    assert dialog.fields["bsn"].message.isVisible()
    _type(qtbot, inputs["voornamen"], "Şükrü")
    _type(qtbot, inputs["achternaam"], "Yılmaz")
    _type(qtbot, inputs["birth_date"], "14-02-1985")
    _type(qtbot, inputs["postcode"], "7551ab")
    assert not dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # disabled: nothing
    with store.session() as session:
        assert session.scalar(select(func.count(Client.id))) == 1
    inputs["bsn"].clear()
    _type(qtbot, inputs["bsn"], "123456782")
    assert not dialog.fields["bsn"].message.isVisible()
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with store.session() as session:
        names = set(session.scalars(select(Client.achternaam)))
    assert names == {"Berg", "Yılmaz"}
    # The new client's file is opened right away.
    assert window.pages.currentWidget() is window.client_file
    assert window.client_file.title.text() == "Şükrü Yılmaz"


def test_find_open_and_keep_a_journal(qtbot, window, store, owner) -> None:  # type: ignore[no-untyped-def]
    with store.session(owner.caseworker_id) as session:
        create_client(session, owner, client_form())
    window.reload()
    qtbot.waitUntil(lambda: window.caseload.model.rowCount() == 2)
    window.actions_.find.trigger()
    qtbot.keyClicks(window.caseload.search, "yilmaz-gas")
    qtbot.waitUntil(lambda: window.caseload.model.rowCount() == 1)
    window.caseload.table.setFocus()
    window.caseload.table.selectRow(0)
    window.actions_.open_client.trigger()
    file = window.client_file
    assert window.pages.currentWidget() is file
    assert file.title.text() == "Şükrü Yılmaz-Gąsiorowska"
    assert "Şükrü" in window.windowTitle()

    window.actions_.add_journal.trigger()
    dialog = next(
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and type(w).__name__ == "JournalEntryDialog"
    )
    assert not dialog.save_button.isEnabled()
    _type(qtbot, dialog.subject, "Telefonisch contact")
    _type(qtbot, dialog.body, "Afspraak gemaakt voor dinsdag.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: file.journal.model.rowCount() == 1)

    file.journal.table.selectRow(0)
    qtbot.mouseClick(file.journal.correct_button, Qt.MouseButton.LeftButton)
    correction = next(
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and type(w).__name__ == "JournalEntryDialog"
    )
    assert correction.body.toPlainText() == "Afspraak gemaakt voor dinsdag."
    correction.body.selectAll()
    _type(qtbot, correction.body, "Afspraak gemaakt voor woensdag.")
    qtbot.mouseClick(correction.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: file.journal.model.rowCount() == 2)
    newest, original = (file.journal.model.row_at(0), file.journal.model.row_at(1))
    assert newest.body == "Afspraak gemaakt voor woensdag." and newest.corrects_id == original.id
    assert original.is_superseded and original.body == "Afspraak gemaakt voor dinsdag."
    assert file.journal.model.data(file.journal.model.index(1, 4)) == "Gecorrigeerd"
    with store.session() as session:
        assert session.scalar(select(func.count(JournalEntry.id))) == 2
        assert (
            session.scalar(select(func.count(AuditEvent.id)).where(AuditEvent.action == "view"))
            >= 1
        )


def test_lock_hides_client_data_until_the_passphrase(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.open_client(window.caseload.model.row_at(0).client_id)
    editor = window.client_file.edit_client()
    assert editor is not None and editor.isVisible()
    assert window.actions_.lock.shortcut().toString() == "Ctrl+L"
    window.actions_.lock.trigger()
    assert window.locked
    assert window.pages.currentWidget() is window.lock_screen
    assert not editor.isVisible()
    assert "Berg" not in window.windowTitle()
    assert not window.actions_.new_client.isEnabled()
    screen = window.lock_screen
    qtbot.keyClicks(screen.passphrase, "verkeerd-wachtwoord")
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    assert window.locked and "klopt niet" in screen.error.text()
    screen.passphrase.clear()
    qtbot.keyClicks(screen.passphrase, PASSPHRASE)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    assert not window.locked
    assert window.pages.currentWidget() is window.client_file
    assert editor.isVisible()  # the open form and its input come back
    editor.initial = editor.current_form()
    editor.reject()


def test_idle_lock(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.idle.timer.setInterval(50)
    window.idle.timer.start()
    qtbot.waitUntil(lambda: window.locked, timeout=3000)
    assert window.pages.currentWidget() is window.lock_screen


def test_filters_and_counts(qtbot, window, store, owner) -> None:  # type: ignore[no-untyped-def]
    with store.session(owner.caseworker_id) as session:
        create_client(session, owner, client_form(municipality="borne"))
    window.reload()
    qtbot.waitUntil(lambda: window.caseload.model.rowCount() == 2)
    panel = window.caseload
    panel.municipality.setCurrentIndex(panel.municipality.findData("borne"))
    assert panel.model.rowCount() == 1
    assert "1 van 2" in window.count_label.text()
    panel.trede.setCurrentIndex(panel.trede.findData(3))
    assert panel.model.rowCount() == 0 and panel.empty.isVisible()
    window.actions_.clear_filters.trigger()
    assert panel.model.rowCount() == 2


def test_journal_model(qtmodeltester, store, owner) -> None:  # type: ignore[no-untyped-def]
    with store.session(owner.caseworker_id) as session:
        client_id = create_client(session, owner, client_form())
        record_journal_entry(
            session,
            owner,
            client_id,
            occurred_on="01-11-2026",
            kind="phone",
            subject="Contact",
            body="Tekst",
            today=dt.date(2026, 11, 22),
        )
        rows = journal_history(session, owner, client_id)
    model = JournalModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
