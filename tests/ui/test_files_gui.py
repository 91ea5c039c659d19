"""The plan tab, exports, reports and transfer files as a caseworker uses them."""

import datetime as dt
import re
import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt

from app.services.caseload import Scope
from app.ui import worker
from app.ui.file_actions import ExportDialog
from tests.ui.conftest import open_main_window, visible_dialog

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, store, owner):  # type: ignore[no-untyped-def]
    main, client_id = open_main_window(
        qtbot, store, owner, voornamen="Şükrü", achternaam="Yılmaz-Gąsiorowska"
    )
    main.open_client(client_id)
    return main


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_edit_issue_and_print_the_plan(qtbot, window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    tab = window.client_file.plan
    window.client_file.tabs.setCurrentWidget(tab)
    assert not tab.issue_button.isEnabled()  # nothing to issue yet
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    dialog = visible_dialog("PlanDialog")
    qtbot.keyClicks(dialog.texts["situation"], "Wil in de zorg werken.")
    goal = dialog.goal_inputs[1][0]
    qtbot.keyClicks(goal[0], "Taalniveau A2 halen")
    qtbot.keyClicks(goal[1], "31-02-2027")
    assert not dialog.save_button.isEnabled()
    assert "dd-mm-jjjj" in dialog.fields["goal1.target"].message.text()
    goal[1].clear()
    qtbot.keyClicks(goal[1], "01-06-2027")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert "Taalniveau A2 halen" in tab.summary.toPlainText()
    issue = tab.ask_issue()
    qtbot.keyClicks(issue.client_on, "31-12-2099")
    assert not issue.save_button.isEnabled()  # a signature cannot lie in the future
    issue.client_on.clear()
    qtbot.keyClicks(issue.client_on, "01-02-2026")
    qtbot.mouseClick(issue.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not issue.isVisible())
    assert "versie 1" in tab.summary.toPlainText()
    target = tmp_path / "plan.pdf"
    assert tab.write_pdf(target)
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Şükrü Yılmaz-Gąsiorowska" in text and "versie 1" in text
    assert "Ondertekend door de klant op 01-02-2026" in text
    opened = []
    monkeypatch.setattr(
        "app.ui.plan_tab.QDesktopServices.openUrl", lambda url: opened.append(url) or True
    )
    viewer_copy = tab.open_pdf()
    assert viewer_copy is not None and viewer_copy.exists() and opened
    # without a PDF viewer on the computer: a message that says what to do instead
    said: list[str] = []
    monkeypatch.setattr("app.ui.plan_tab.QDesktopServices.openUrl", lambda url: False)
    monkeypatch.setattr("app.ui.plan_tab.messages.warning", said.append)
    assert tab.open_pdf() is None and "PDF opslaan" in said[0]
    name = tab.suggested_file_name()
    assert name.startswith("Plan van aanpak - Şükrü Yılmaz-Gąsiorowska - ") and name.endswith(
        f"{dt.date.today().isoformat()}.pdf"
    )


def test_export_reports_and_transfer(qtbot, window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(
        "app.ui.main_window.QMessageBox.warning", lambda _parent, _title, text: shown.append(text)
    )
    files = window.files
    dialog = ExportDialog(window.actor, window)
    qtbot.addWidget(dialog)
    assert not dialog.personal.isChecked()  # personal data only when asked for
    dialog.close()
    for path, run in (
        (
            tmp_path / "caseload.xlsx",
            lambda p: files.export_to(p, "xlsx", Scope.OWN, personal_data=True),
        ),
        (tmp_path / "overzicht.pdf", lambda p: files.caseload_overview_to(p, Scope.OWN)),
        (tmp_path / "kwartaal.pdf", lambda p: files.quarter_report_to(p, Scope.OWN)),
    ):
        run(path)
        qtbot.waitUntil(lambda: files.job is None, timeout=20000)
        assert path.exists() and path.stat().st_size > 1000, path
    assert "opgeslagen" in window.statusBar().currentMessage()
    plans = tmp_path / "plannen"
    plans.mkdir()
    files.plans_to(plans, Scope.OWN)
    qtbot.waitUntil(lambda: files.job is None, timeout=20000)
    assert [p.name[:5] for p in plans.iterdir()] == ["plan-"]
    cancelled = tmp_path / "geannuleerd"
    cancelled.mkdir()
    real_start = worker.start
    monkeypatch.setattr("app.ui.file_actions.worker.start", lambda job: job)  # run it here
    job = files.plans_to(cancelled, Scope.OWN)
    job.cancel()  # the caseworker pressed Annuleren before the first plan
    job.run()
    assert files.job is None and list(cancelled.iterdir()) == []
    password_dialog = files.transfer_to(
        tmp_path / "overdracht.trede", [window.client_file.client_id]
    )
    qtbot.addWidget(password_dialog)
    assert re.fullmatch(r"([A-Z2-9]{5}-){4}[A-Z2-9]{5}", password_dialog.password.text())
    monkeypatch.setattr("app.ui.file_actions.worker.start", real_start)  # on the worker again
    files.import_from(tmp_path / "overdracht.trede", "fout")
    qtbot.waitUntil(lambda: files.job is None, timeout=20000)
    assert "wachtwoord klopt niet" in shown[-1]


def test_file_menu_has_the_actions(window) -> None:  # type: ignore[no-untyped-def]
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:2] == ["&Bestand", "&Klant"]
    files = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in files.actions() if a.text()]
    assert "Caseload exporteren…" in texts and "Overdrachtsbestand inlezen…" in texts


def test_the_plan_editor_fits_a_1366x768_screen(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Its form scrolls inside the dialog and the Save button stays in view (the dialog was
    938 px tall, its Save button below the bottom of a 768 px screen)."""
    tab = window.client_file.plan
    window.client_file.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    dialog = visible_dialog("PlanDialog")
    assert dialog.sizeHint().height() <= 700 and dialog.minimumSizeHint().height() <= 700
    dialog.resize(dialog.width(), 700)
    qtbot.waitUntil(lambda: dialog.height() <= 700)
    button = dialog.save_button.mapTo(dialog, dialog.save_button.rect().bottomLeft())
    assert button.y() <= dialog.height()
    dialog.reject()
