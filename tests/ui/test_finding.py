"""Finding and opening files as a caseworker does: the Klant menu lists the files opened
last (newest first, only those still in the caseload) and opens them; Alt+1..6 choose the
client file's tabs."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.services.clients import create_client
from tests.factories import client_form
from tests.ui.conftest import open_main_window


def test_the_klant_menu_lists_the_files_opened_last(qtbot, store, owner) -> None:  # type: ignore[no-untyped-def]
    window, first = open_main_window(qtbot, store, owner)
    with store.session(owner.caseworker_id) as session:
        second = create_client(session, owner, client_form(voornamen="Bram", achternaam="Vos"))
    menu = window.recent_menu
    menu.aboutToShow.emit()
    assert [a.isEnabled() for a in menu.actions()] == [False]  # "(nog geen dossiers geopend)"

    window.open_client(first)
    window.open_client(second)
    window.open_client(first)
    menu.aboutToShow.emit()
    assert [a.data() for a in menu.actions()] == [first, second]
    assert menu.actions()[1].text() == "&2 Bram Vos"

    window.show_caseload()
    menu.actions()[1].trigger()
    assert window.client_file.client_id == second and window.pages.currentWidget() is (
        window.client_file
    )
    window.close()


def test_a_file_that_left_the_caseload_is_not_listed(qtbot, store, owner) -> None:  # type: ignore[no-untyped-def]
    from app.services.snapshot import forget_caseload_snapshot
    from app.sync.verify import purge_clients

    window, client_id = open_main_window(qtbot, store, owner)
    window.open_client(client_id)
    window.show_caseload()
    with store.engine.begin() as conn:  # a sync took the client off this laptop
        purge_clients(conn, [client_id], on_purge=forget_caseload_snapshot)
    window.recent_menu.aboutToShow.emit()
    assert [a.data() for a in window.recent_menu.actions()] == [None]
    window.close()


def test_alt_and_a_number_chooses_a_tab_of_the_file(qtbot, store, owner) -> None:  # type: ignore[no-untyped-def]
    window, client_id = open_main_window(qtbot, store, owner)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.open_client(client_id)
    tabs = window.client_file.tabs
    for number in (2, 6, 1, 5):
        qtbot.keyClick(
            tabs.currentWidget(),
            Qt.Key(Qt.Key.Key_0.value + number),
            Qt.KeyboardModifier.AltModifier,
        )
        assert tabs.currentIndex() == number - 1
    assert tabs.tabToolTip(2) == "Alt+3"
    window.close()


def test_ctrl_l_locks_from_a_dialog_beside_the_window(qtbot, store, owner) -> None:  # type: ignore[no-untyped-def]
    """With the due list in front, Ctrl+L still locks (what was typed next went into the
    list's filter, and Enter opened a client)."""
    window, _client_id = open_main_window(qtbot, store, owner)
    dialog = window.dialogs.due_list()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked and not dialog.isVisible()
    window.unlock()
    assert dialog.isVisible()
    dialog.close()
    window.close()


def test_the_lock_screen_shows_its_texts_whole(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """At the width of a 1366 px window the note and a wrong-password message are shown in
    full (they were cut off at one line's height)."""
    from PySide6.QtWidgets import QLabel

    from app.ui.lock import LockScreen

    screen = LockScreen(tmp_path)
    qtbot.addWidget(screen)
    screen.resize(1366, 640)
    screen.show()
    screen.error.setText(
        "Het wachtwoord klopt niet. Probeer het opnieuw (let op Caps Lock); na vijf pogingen "
        "wacht Trede even voordat u het weer kunt proberen."
    )
    screen.error.show()
    qtbot.wait(50)
    for label in screen.findChildren(QLabel):
        if label.isVisible() and label.text():
            needed = label.heightForWidth(label.width()) if label.wordWrap() else 0
            assert label.height() >= needed, label.text()
            assert label.width() > label.fontMetrics().horizontalAdvance(label.text()) or (
                label.wordWrap()
            )
