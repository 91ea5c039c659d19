"""The subsidy statement dialog as a team lead or caseworker uses it: months typed as mm-jjjj,
the sums per municipality or caseworker, a bad month explained, the export written."""

from __future__ import annotations

import datetime as dt

from app.ui.statement_dialog import StatementDialog, SumsModel, parse_month
from app.workspace import Workspace
from tests.test_subsidy_statement import _forfait_job


def test_the_statement_dialog_sums_and_exports(qtbot, store, owner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store.session(owner.caseworker_id) as session:
        _forfait_job(session, owner, employer="Groen BV", surname="Aal", start="15-03-2026")
    dialog = StatementDialog(Workspace(store, owner), today=dt.date(2026, 6, 30))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.is_computing())
    assert dialog.first.text() == "01-2026" and dialog.last.text() == "06-2026"
    headers = dialog.model.headers
    assert headers[1] == "januari 2026" and "2026-K1" in headers and headers[-1] == "Totaal"
    row, total = dialog.model._rows
    assert row[0] == "Hengelo" and total[0] == "Totaal" and total[-1] == row[-1]
    # the name is the row's header, in view while the months scroll
    from PySide6.QtCore import Qt

    assert dialog.model.headerData(0, Qt.Orientation.Vertical) == "Hengelo"
    assert dialog.model.columnCount() == len(headers) - 1
    # March 17 of 31 days: 559,49; April to June 3 * 1.020,25; together 3.620,24
    assert row[headers.index("maart 2026")] == "€ 559,49"
    assert row[headers.index("2026-K2")] == "€ 3.060,75"
    assert row[-1] == "€ 3.620,24"
    assert "1 plaatsingen" in dialog.summary.text()
    dialog.group.setCurrentIndex(2)
    assert dialog.model._rows[0][0] == "Werkcoach Test"

    dialog.last.setText("13-2026")
    qtbot.mouseClick(dialog.compute_button, qtbot_left())
    assert dialog.error.isVisible() and "01 tot en met 12" in dialog.error.text()
    assert not dialog.export_button.isEnabled() and dialog.model.rowCount() == 0
    dialog.last.setText("06-2026")
    qtbot.mouseClick(dialog.compute_button, qtbot_left())
    qtbot.waitUntil(lambda: not dialog.is_computing() and dialog.export_button.isEnabled())

    target = tmp_path / "lks.xlsx"
    job = dialog.export_to(target)
    qtbot.waitUntil(lambda: target.exists(), timeout=10_000)
    qtbot.waitUntil(lambda: "geëxporteerd" in dialog.summary.text())
    assert job is not None


def qtbot_left():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_parse_month() -> None:
    assert parse_month("03-2026") == dt.date(2026, 3, 1)
    assert parse_month(" 3/2026 ") == dt.date(2026, 3, 1)
    assert parse_month("13-2026") is None and parse_month("maart") is None


def test_sums_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = SumsModel()
    model.set_headers(("", "januari 2026", "Totaal"))
    model.set_rows([("Hengelo", "€ 1,00", "€ 1,00"), ("Borne", "€ 0,00", "€ 0,00")])
    qtmodeltester.check(model)


def test_the_menu_opens_the_statement(qtbot, store, owner) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.conftest import open_main_window, visible_dialog

    window, _client_id = open_main_window(qtbot, store, owner)
    window.actions_.subsidy_statement.trigger()
    dialog = visible_dialog("StatementDialog")
    qtbot.waitUntil(lambda: not dialog.is_computing())
    assert dialog.model.rowCount() == 1 and "0 plaatsingen" in dialog.summary.text()
    dialog.close()
