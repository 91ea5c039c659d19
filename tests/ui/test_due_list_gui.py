"""The due list as a caseworker uses it: Ctrl+D (the action) opens it, overdue actions are
red, typing narrows it, Enter opens the client's file."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from app.services.due import PLAN_MISSING
from app.ui.due_list import DueListDialog, DueListModel
from app.ui.style import DANGER
from tests.ui.conftest import open_main_window, visible_dialog


def test_the_due_list_opens_a_file(qtbot, store, owner) -> None:  # type: ignore[no-untyped-def]
    window, client_id = open_main_window(qtbot, store, owner, intake_date="01-09-2026")
    window.actions_.due_list.trigger()
    dialog = visible_dialog("DueListDialog")
    qtbot.waitUntil(lambda: not dialog.is_loading())
    assert dialog.model.rowCount() == 1
    index = dialog.model.index(0, 2)
    # No plan issued: due 8 weeks after the intake, 27-10-2026 (overdue from 28-10-2026).
    assert dialog.model.data(index) == PLAN_MISSING
    assert dialog.model.data(dialog.model.index(0, 0)) == "27-10-2026"
    if dt.date.today() > dt.date(2026, 10, 27):
        brush = dialog.model.data(index, Qt.ItemDataRole.ForegroundRole)
        assert brush.color().name() == DANGER.lower()
    qtbot.keyClicks(dialog.filter, "geen-zulke-klant")
    assert dialog.model.rowCount() == 0 and "0 acties" in dialog.summary.text()
    dialog.filter.clear()
    assert dialog.model.rowCount() == 1
    # Enter in the search field opens the top item
    qtbot.keyClicks(dialog.filter, "plan")
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert not dialog.isVisible() and window.client_file.client_id == client_id
    window.actions_.due_list.trigger()
    dialog = visible_dialog("DueListDialog")
    qtbot.waitUntil(lambda: not dialog.is_loading())
    dialog.table.setFocus()
    dialog.table.selectRow(0)
    assert dialog.open_button.isEnabled()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.client_file.client_id == client_id


def test_the_due_list_model_passes_the_model_tester(qtmodeltester, store, owner) -> None:  # type: ignore[no-untyped-def]
    from app.services.due_list import DueItem

    model = DueListModel(dt.date(2026, 11, 22))
    model.set_rows(
        [
            DueItem("a", "Jansen, Piet", "Werkcoach", PLAN_MISSING, dt.date(2026, 10, 27)),
            DueItem("b", "Bakker, Els", "Werkcoach", PLAN_MISSING, dt.date(2026, 12, 27)),
        ]
    )
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == "Te laat"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole) is None


def test_dialog_class_is_a_base_dialog() -> None:
    from app.ui.dialogs import BaseDialog

    assert issubclass(DueListDialog, BaseDialog)


def test_the_client_file_lists_what_is_due(qtbot, store, owner) -> None:  # type: ignore[no-untyped-def]
    window, client_id = open_main_window(qtbot, store, owner, intake_date="01-09-2026")
    window.open_client(client_id)
    overview = window.client_file.overview
    assert overview.due_box.isVisibleTo(window.client_file)
    text = overview.due.text()
    assert "27-10-2026: Plan van aanpak opstellen (art. 44a)" in text
