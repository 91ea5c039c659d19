"""The ladder as a caseworker uses it: assess through the guided dialog, see the trede in
the caseload and the chart, correct an assessment, and look at the movement figures."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.domain.ladder import answers_for_trede
from app.models import LadderAssessment
from app.services.caseload import Scope, caseload_rows
from app.services.clients import create_client
from app.services.context import owner_actor
from app.services.demo import generate_demo
from app.services.ladder import AssessmentInput, assessment_history, record_assessment
from app.services.ladder_figures import ladder_figures
from app.ui.caseload_model import CaseloadModel
from app.ui.ladder_figures import FigureModel, distribution_rows, group_rows
from app.ui.ladder_tab import LadderModel
from tests.factories import client_form
from tests.ui.conftest import open_main_window, visible_dialog

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, store, owner):  # type: ignore[no-untyped-def]
    main, _client_id = open_main_window(
        qtbot, store, owner, voornamen="Jan", tussenvoegsel="van der", achternaam="Berg"
    )
    return main


def test_assess_through_thevisible_dialog(qtbot, window, store) -> None:  # type: ignore[no-untyped-def]
    window.caseload.table.selectRow(0)
    window.actions_.open_client.trigger()
    file = window.client_file
    assert file.ladder.chart.describe() == "Nog geen ladderbeoordeling"
    assert window.actions_.assess.shortcut().toString() == "Ctrl+B"
    window.actions_.assess.trigger()
    dialog = visible_dialog("AssessmentDialog")
    assert "Trede 1" in dialog.derived_title.text()
    assert not dialog.questions["organised_activity_weekly"].isEnabled()

    qtbot.mouseClick(dialog.questions["organised_activity"], Qt.MouseButton.LeftButton)
    assert "Trede 2" in dialog.derived_title.text()
    assert dialog.questions["organised_activity_weekly"].isEnabled()
    qtbot.mouseClick(dialog.questions["organised_activity_weekly"], Qt.MouseButton.LeftButton)
    assert "Trede 3" in dialog.derived_title.text()
    assert "georganiseerd verband" in dialog.definition.text()
    assert dialog.final_trede.currentData() == 3
    assert not dialog.fields["override_reason"].isVisible()

    # The caseworker thinks trede 4 fits better: a reason is asked, saving is refused without.
    dialog.final_trede.setFocus()
    qtbot.keyClick(dialog.final_trede, Qt.Key.Key_Down)
    assert dialog.final_trede.currentData() == 4
    assert dialog.fields["override_reason"].isVisible()
    assert "schrijf op waarom" in dialog.fields["override_reason"].message.text()
    assert not dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with store.session() as session:
        assert session.scalar(select(func.count(LadderAssessment.id))) == 0
    assert dialog.isVisible()

    qtbot.keyClicks(dialog.override_reason, "Helpt wekelijks als vrijwilliger bij de voedselbank.")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    assert file.tabs.currentWidget() is file.ladder
    assert file.ladder.model.rowCount() == 1
    assert file.ladder.chart.data.steps == ((dt.date.today(), 4),)
    assert "trede 4" in file.ladder.chart.accessibleDescription()
    qtbot.waitUntil(lambda: not window.is_loading())
    row = window.caseload.model.row_at(0)
    assert row.trede == 4
    assert row.review_on is not None and row.review_on.year == dt.date.today().year + 1
    with store.session() as session:
        saved = session.scalars(select(LadderAssessment)).one()
    assert (saved.derived_trede, saved.final_trede) == (3, 4)


def test_correct_an_assessment_from_the_ladder_tab(qtbot, window, store, owner) -> None:  # type: ignore[no-untyped-def]
    client_id = window.caseload.model.row_at(0).client_id
    with store.session(owner.caseworker_id) as session:
        record_assessment(
            session,
            owner,
            client_id,
            AssessmentInput(answers_for_trede(2), "01-02-2026", 2),
        )
    window.open_client(client_id)
    file = window.client_file
    file.tabs.setCurrentWidget(file.ladder)
    file.ladder.table.selectRow(0)
    qtbot.mouseClick(file.ladder.correct_button, Qt.MouseButton.LeftButton)
    dialog = visible_dialog("AssessmentDialog")
    assert dialog.assessed_on.text() == "01-02-2026"
    assert dialog.questions["social_contacts_weekly"].isChecked()
    qtbot.mouseClick(dialog.questions["unpaid_work"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.questions["unpaid_work_weekly"], Qt.MouseButton.LeftButton)
    assert dialog.final_trede.currentData() == 4
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: file.ladder.model.rowCount() == 2)
    statuses = {file.ladder.model.data(file.ladder.model.index(r, 6)) for r in range(2)}
    assert statuses == {"Gecorrigeerd", "Correctie"}
    assert file.ladder.chart.data.steps == ((dt.date(2026, 2, 1), 4),)


def test_review_column_and_filter(qtbot, window, store, owner) -> None:  # type: ignore[no-untyped-def]
    with store.session(owner.caseworker_id) as session:
        overdue_id = create_client(session, owner, client_form())
        record_assessment(
            session,
            owner,
            overdue_id,
            AssessmentInput(answers_for_trede(5), "01-03-2025", 5, review_on="01-09-2025"),
        )
    window.reload()
    qtbot.waitUntil(lambda: window.caseload.model.rowCount() == 2)
    panel = window.caseload
    qtbot.mouseClick(panel.review_overdue, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == 1
    model = panel.model
    review_column = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)].index(
        "Herbeoordeling"
    )
    index = model.index(0, review_column)
    assert model.data(index) == "01-09-2025"
    assert model.data(index, Qt.ItemDataRole.ForegroundRole) is not None  # red: overdue


def test_movement_figures_window(qtbot, window, store, owner) -> None:  # type: ignore[no-untyped-def]
    today = dt.date.today()
    with store.session(owner.caseworker_id) as session:
        for trede_then, trede_now in ((1, 2), (2, 2), (2, 1), (5, 6)):
            client_id = create_client(session, owner, client_form())
            for when, trede in (
                (today.replace(year=today.year - 2), trede_then),
                (today, trede_now),
            ):
                record_assessment(
                    session,
                    owner,
                    client_id,
                    AssessmentInput(answers_for_trede(trede), when.strftime("%d-%m-%Y"), trede),
                )
    window.actions_.ladder_figures.trigger()
    dialog = visible_dialog("LadderFiguresDialog")
    qtbot.waitUntil(lambda: not dialog.is_computing())
    with store.session(owner.caseworker_id) as session:
        expected = ladder_figures(
            session, window.actor, start=today.replace(year=today.year - 1), end=today
        )
    assert expected[None].clients == 5
    assert dialog.groups.row_at(0)[:2] == ("Alle klanten", "5")
    assert dialog.distribution.row_at(1)[1:] == ("2", "40,0%", "2", "40,0%")  # trede 2
    assert "van de 3 klanten die op trede 1-2 stonden, is <b>66,7%</b>" in (
        dialog.lowest_target.text()
    )
    dialog.end.setText("31-02-2026")
    qtbot.mouseClick(dialog.compute_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible() and "dd-mm-jjjj" in dialog.error.text()
    dialog.close()


def test_models_pass_the_model_tester(qtmodeltester, store, owner) -> None:  # type: ignore[no-untyped-def]
    with store.session(owner.caseworker_id) as session:
        generate_demo(session, 60, today=dt.date(2026, 11, 22))
    with store.session() as session:
        actor = owner_actor(session)
        session.info["actor_id"] = actor.caseworker_id
        rows = caseload_rows(session, actor, scope=Scope.TEAM)
        history = assessment_history(session, actor, rows[0].client_id)
        figures = ladder_figures(
            session, actor, start=dt.date(2025, 11, 22), end=dt.date(2026, 11, 22), scope=Scope.TEAM
        )
    ladder = LadderModel()
    ladder.set_rows(history)
    qtmodeltester.check(ladder)
    caseload = CaseloadModel()
    caseload.set_rows(rows)
    qtmodeltester.check(caseload)
    for headers, table in (
        (("a", "b", "c", "d", "e"), distribution_rows(figures[None])),
        (("a", "b", "c", "d", "e"), group_rows(figures)),
    ):
        model = FigureModel(headers)
        model.set_rows(table)
        qtmodeltester.check(model)
