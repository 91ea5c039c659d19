"""Faults as a caseworker meets them in the window: logging in to a server that never answers
keeps the window painting and can be cancelled; an error in a slot ends in the log and in
one calm message; a damaged store is offered its backup at unlock."""

from __future__ import annotations

import itertools
import logging
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton, QWidget

from app.storage.store import Store
from app.ui import crash, messages, worker
from tests.conftest import PASSPHRASE


@pytest.fixture
def silent_server() -> Iterator[str]:
    """Accepts connections and never answers (a server that hangs)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        listener.close()


def _login_typed(qtbot, store: Store, server: str, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The login dialog with everything typed, its requests given up after 2 s."""
    from app.sync.http import HttpTransport
    from app.ui.sync_dialogs import LoginDialog
    from app.workspace import Workspace

    monkeypatch.setattr(
        Workspace,
        "transport",
        staticmethod(lambda url, token: HttpTransport(url, token, timeout=2)),
    )
    dialog = LoginDialog(Workspace(store))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.server, server)
    qtbot.keyClicks(dialog.username, "wc.test")
    qtbot.keyClicks(dialog.password, "geheim-wachtwoord")
    return dialog


def test_logging_in_to_a_silent_server_keeps_the_window_responsive(
    qtbot, store: Store, owner, silent_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    dialog = _login_typed(qtbot, store, silent_server, monkeypatch)
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(20)
    started = time.perf_counter()
    qtbot.mouseClick(dialog.save_button, qtbot_left())  # returns when the login has ended
    timer.stop()
    assert time.perf_counter() - started >= 1.5  # it did wait for the server
    gaps = [later - earlier for earlier, later in itertools.pairwise(ticks)]
    assert len(ticks) > 40 and max(gaps) < 0.1, max(gaps)
    assert dialog.isVisible()  # the message is at the field; the caseworker can try again
    assert "niet bereikbaar" in dialog.fields["password"].message.text()


def test_the_login_can_be_cancelled_while_the_server_is_silent(
    qtbot, store: Store, owner, silent_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    dialog = _login_typed(qtbot, store, silent_server, monkeypatch)

    def cancel() -> None:
        from PySide6.QtWidgets import QProgressDialog

        progress = next(
            w for w in QApplication.topLevelWidgets()
            if w.isVisible() and isinstance(w, QProgressDialog)
        )  # fmt: skip
        button = progress.findChild(QPushButton)
        assert button is not None and button.text() == "Afbreken"
        progress.reject()  # Escape: the dialog stays, saying it waits for the request
        assert progress.isVisible() and "wacht" in progress.labelText()
        button.click()

    QTimer.singleShot(300, cancel)
    qtbot.mouseClick(dialog.save_button, qtbot_left())
    from app.services.sync import sync_status

    with store.session() as session:
        assert not sync_status(session).linked  # nothing was stored
    assert "afgebroken" in dialog.fields["password"].message.text()


def qtbot_left():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


class _Emitter(QObject):
    fired = Signal()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_and_shown(
    qtbot, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back afterwards
    owner_window = QWidget()
    owner_window.setObjectName(crash.MESSAGE_OWNER)  # stands in for the main window
    qtbot.addWidget(owner_window)
    owner_window.show()
    crash.install()
    shown: list[str] = []
    messages.bridge.error.connect(shown.append)
    emitter = _Emitter()

    typed = {"surname": "Jansen-de Vries"}  # what a caseworker typed

    def broken_slot() -> None:
        int(typed["surname"])  # the error's text carries the client's name

    emitter.fired.connect(broken_slot)
    with caplog.at_level(logging.ERROR):
        emitter.fired.emit()
        qtbot.waitUntil(lambda: bool(shown))
    messages.bridge.error.disconnect(shown.append)
    messages.bridge.error.disconnect(crash._show_without_window)
    assert shown == [crash.unexpected_error_message()]
    record = next(r for r in caplog.records if r.name == "app.ui.crash")
    assert record.exc_info is not None and record.exc_info[0] is ValueError
    from app.logging_setup import RedactingFormatter

    logged = RedactingFormatter("%(message)s").format(record)
    assert "Traceback" in logged and "broken_slot" in logged
    assert "Jansen" not in logged and "[tekst]" in logged


def test_a_failing_job_reaches_the_caseworker_as_a_calm_message(qtbot) -> None:  # type: ignore[no-untyped-def]
    def job(_progress: object, _cancelled: object) -> None:
        raise KeyError("Dorpsstraat 12")

    with pytest.raises(worker.UnexpectedFailure) as failure:
        worker.run_with_progress(job, "Bezig…")
    assert str(failure.value) == crash.unexpected_error_message()
    assert "Dorpsstraat" not in str(failure.value)


def test_a_damaged_store_is_offered_its_backup_at_unlock(
    qtbot, store: Store, owner, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from app.storage.backup import make_backup
    from app.ui.dialogs import UnlockDialog
    from tests.test_damage import flip_pages

    make_backup(store)
    folder = store.paths.data_dir
    store.close()
    flip_pages(store.paths.database, 3)
    dialog = UnlockDialog(folder)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    chosen: list[str] = []

    def choose_backup() -> None:
        recovery = next(
            w for w in QApplication.topLevelWidgets()
            if w.isVisible() and type(w).__name__ == "RecoveryDialog"
        )  # fmt: skip
        buttons = recovery.findChild(QDialogButtonBox)
        texts = [b.text() for b in buttons.buttons()]
        chosen.extend(texts)
        recovery.restore_button.click()

    QTimer.singleShot(500, choose_backup)
    qtbot.keyClick(dialog.passphrase, "\r")
    qtbot.waitUntil(lambda: dialog.store is not None, timeout=10000)
    assert any("terugzetten" in text for text in chosen)
    assert not any("centrale server" in text for text in chosen)  # a standalone store
    dialog.store.close()
    assert list((folder / "beschadigd").glob("trede-*.db"))


def test_a_reload_asked_for_during_a_load_comes_after_it(
    qtbot, store: Store, owner, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import threading

    from app.services import caseload
    from app.services.clients import create_client
    from app.workspace import Workspace
    from app.workspace.base import as_caseworker
    from tests.factories import client_form
    from tests.ui.conftest import open_main_window

    main, _client = open_main_window(qtbot, store, owner)
    release = threading.Event()
    real = caseload.caseload_rows
    calls: list[int] = []

    def slow_rows(*args, **kwargs):  # type: ignore[no-untyped-def]
        rows = real(*args, **kwargs)  # read before the second client exists
        calls.append(len(rows))
        if len(calls) == 1:
            release.wait(10)
        return rows

    monkeypatch.setattr(Workspace, "caseload_rows", as_caseworker(slow_rows))
    main.reload()  # a load that reads one client, then waits
    qtbot.waitUntil(lambda: bool(calls))
    with store.session(owner.caseworker_id) as session:
        create_client(session, owner, client_form())
    main.reload()  # asked for while the first load runs: must not be dropped
    release.set()
    qtbot.waitUntil(lambda: main.caseload.model.rowCount() == 2, timeout=10000)
    assert calls == [1, 2]


def test_the_passphrase_changes_on_the_worker(qtbot, store: Store, owner) -> None:  # type: ignore[no-untyped-def]
    from app.services.opening import unlock_store
    from app.ui.settings_dialog import ChangePassphraseDialog

    dialog = ChangePassphraseDialog(store.paths.data_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.old, "verkeerd-wachtwoord")
    qtbot.keyClicks(dialog.new, "een-nieuw-wachtwoord")
    qtbot.keyClicks(dialog.repeat, "een-nieuw-wachtwoord")
    dialog.try_change()
    assert "klopt niet" in dialog.error.text() and dialog.isVisible()
    dialog.old.setText(PASSPHRASE)
    dialog.try_change()
    assert not dialog.isVisible()
    store.close()
    unlock_store(store.paths.data_dir, "een-nieuw-wachtwoord").close()


def test_a_backup_can_be_made_from_the_menu(qtbot, store: Store, owner) -> None:  # type: ignore[no-untyped-def]
    from app.storage.backup import backups
    from tests.ui.conftest import open_main_window

    main, _client = open_main_window(qtbot, store, owner)
    before = len(backups(store.paths))
    said: list[str] = []
    messages.bridge.info.connect(said.append)
    try:
        main.actions_.backup.trigger()
        qtbot.waitUntil(lambda: any("Reservekopie gemaakt" in text for text in said))
    finally:
        messages.bridge.info.disconnect(said.append)
    assert len(backups(store.paths)) >= max(before, 1)


def test_quitting_cancels_the_running_jobs_and_waits_for_them(qtbot) -> None:  # type: ignore[no-untyped-def]
    """At quit the store closes only after every background job stopped: none still reads
    it, and none reports to a window that is gone (that crashed in about half the quits
    during the first load)."""
    import threading

    import shiboken6

    from app.ui import worker

    started, seen = threading.Event(), []

    def job(_progress, cancelled):  # type: ignore[no-untyped-def]
        started.set()
        while not cancelled():
            time.sleep(0.01)
        seen.append("stopped")
        return "done"

    running = worker.start(worker.Worker(job))
    assert started.wait(5)
    shiboken6.delete(running.signals)  # its window is gone: nobody can hear the result
    assert worker.finish_all(timeout_s=5)
    assert seen == ["stopped"] and running.wait(0)


def test_a_damaged_window_size_setting_is_ignored(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A settings file with a garbled saved geometry (by hand, or an older Trede) opened the
    dialog with a segmentation fault; now the dialog opens at its own size."""
    from PySide6.QtCore import QSettings

    from app.ui.dialogs import UnlockDialog

    QSettings().setValue("geometry/UnlockDialog", "X")
    QSettings().setValue("geometry/MainWindow", 12)
    try:
        dialog = UnlockDialog(tmp_path)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.isVisible() and dialog.width() > 100
        dialog.reject()
        assert QSettings().value("geometry/UnlockDialog") != "X"  # saved afresh
    finally:
        QSettings().remove("geometry/UnlockDialog")
        QSettings().remove("geometry/MainWindow")
