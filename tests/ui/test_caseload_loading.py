"""Loading the caseload as a team lead uses it, on a fake workspace (no store): a switch
between the own caseload and the team's while a load runs never shows one scope's rows under
the other's label, and the last choice wins."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.services.caseload_rows import Scope
from app.ui.main_window import MainWindow
from tests.ui.fake_workspace import FakeWorkspace


def _window(qtbot: Any, workspace: FakeWorkspace) -> MainWindow:
    window = MainWindow(None, workspace=workspace)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _ctrl_t(qtbot: Any, window: MainWindow) -> None:
    """Ctrl+T typed where the caseworker is: the caseload list."""
    qtbot.keyClick(window.caseload.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)


def _shown(window: MainWindow) -> list[tuple[str, int]]:
    """Every (count label, rows) the window showed, recorded as each load is shown."""
    seen: list[tuple[str, int]] = []
    window.caseload_ready.connect(
        lambda: seen.append((window.count_label.text(), window.caseload.model.rowCount()))
    )
    return seen


def test_ctrl_t_during_the_first_load_ends_with_the_own_rows_and_label(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    workspace = FakeWorkspace(tmp_path, own=2, others=3)
    workspace.hold_first_load.clear()  # the team's first load waits
    window = _window(qtbot, workspace)
    seen = _shown(window)
    qtbot.waitUntil(lambda: workspace.loads == [Scope.TEAM])
    assert window.scope is Scope.TEAM and window.actions_.toggle_team.isChecked()

    _ctrl_t(qtbot, window)
    assert window.scope is Scope.OWN
    workspace.hold_first_load.set()
    qtbot.waitUntil(lambda: not window.is_loading() and bool(seen), timeout=5000)

    assert workspace.loads == [Scope.TEAM, Scope.OWN]
    assert window.caseload.model.rowCount() == 2
    assert "eigen caseload" in window.count_label.text()
    # the team's five rows were never on screen, least of all as the own caseload
    assert all(rows == 2 for _label, rows in seen), seen
    # the start-up snapshot is of the scope a team lead starts with, so it was not written
    assert workspace.snapshots == []
    window.close()


def test_switching_back_and_forth_during_a_load_shows_the_last_choice(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    workspace = FakeWorkspace(tmp_path, own=1, others=4)
    workspace.hold_first_load.clear()
    window = _window(qtbot, workspace)
    seen = _shown(window)
    qtbot.waitUntil(lambda: workspace.loads == [Scope.TEAM])
    for _ in range(3):  # team -> own -> team -> own
        _ctrl_t(qtbot, window)
    workspace.hold_first_load.set()
    qtbot.waitUntil(lambda: not window.is_loading() and bool(seen), timeout=5000)
    assert window.scope is Scope.OWN
    assert window.caseload.model.rowCount() == 1
    assert "eigen caseload" in window.count_label.text()
    assert [rows for _label, rows in seen] == [1] * len(seen)
    window.close()


def test_the_team_rows_are_labelled_as_the_team(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    workspace = FakeWorkspace(tmp_path, own=2, others=3)
    window = _window(qtbot, workspace)
    qtbot.waitUntil(lambda: not window.is_loading() and window.caseload.model.rowCount() == 5)
    assert "team" in window.count_label.text() and "eigen" not in window.count_label.text()
    qtbot.waitUntil(lambda: workspace.snapshots == [(Scope.TEAM, 5)])
    window.close()


def test_closing_the_window_while_the_caseload_loads(qtbot, tmp_path, capfd) -> None:  # type: ignore[no-untyped-def]
    """The load finishes after its window is gone: no error, nothing shown, nothing kept."""
    import gc

    workspace = FakeWorkspace(tmp_path)
    workspace.hold_first_load.clear()
    window = _window(qtbot, workspace)
    qtbot.waitUntil(lambda: workspace.loads == [Scope.TEAM])
    window.close()
    window.deleteLater()
    del window
    qtbot.wait(50)
    gc.collect()
    workspace.hold_first_load.set()
    qtbot.wait(300)
    assert "Traceback" not in capfd.readouterr().err
    assert workspace.snapshots == []


def test_enter_and_down_in_the_search_box(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Typing a name and Enter opens the one client found; with several, Enter (or Down)
    moves into the list on the first of them, where Enter opens it."""
    workspace = FakeWorkspace(tmp_path, own=3, others=0)
    window = _window(qtbot, workspace)
    qtbot.waitUntil(lambda: not window.is_loading() and window.caseload.model.rowCount() == 3)
    opened: list[str] = []
    window.caseload.open_requested.disconnect()
    window.caseload.open_requested.connect(opened.append)
    search = window.caseload.search

    window.caseload.focus_search()
    qtbot.keyClicks(search, "klant001")
    qtbot.keyClick(search, Qt.Key.Key_Return)  # at once, before the search pause ends
    assert opened == ["client-1"]

    search.clear()
    qtbot.keyClicks(search, "klant")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert opened == ["client-1"] and window.caseload.table.hasFocus()
    assert window.caseload.selected_client_id() == window.caseload.model.row_at(0).client_id
    qtbot.keyClick(window.caseload.table, Qt.Key.Key_Return)
    assert opened == ["client-1", window.caseload.model.row_at(0).client_id]

    window.caseload.focus_search()
    window.caseload.table.clearSelection()
    qtbot.keyClick(search, Qt.Key.Key_Down)
    assert window.caseload.table.hasFocus() and window.caseload.table.currentIndex().row() == 0
    window.close()
