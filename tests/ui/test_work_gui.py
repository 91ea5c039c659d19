"""Placements, the wage-value measurement and job coaching as a caseworker uses them."""

import datetime as dt
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import func, select

from app.domain.dates import add_months
from app.models import JobCoachingHours, WageValueMeasurement
from app.services.clients import create_client
from app.services.job_coaching import hours_history, monthly_use
from app.services.measurements import measurement_history
from app.services.placement_view import placements
from app.services.placements import (
    EmployerForm,
    PlacementForm,
    create_employer,
    create_placement,
)
from app.ui.coaching_tab import HoursModel, MonthUseModel
from app.ui.placements_tab import MeasurementModel, PlacementModel
from tests.factories import client_form, measurement_form
from tests.ui.conftest import open_main_window, visible_dialog

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, store, owner):  # type: ignore[no-untyped-def]
    main, client_id = open_main_window(
        qtbot, store, owner, voornamen="Jan", achternaam="Berg", birth_date="14-02-1985"
    )
    main.open_client(client_id)
    return main


def _job(session, owner, client_id: str, employer: str, *, today=None, **fields: str) -> str:  # type: ignore[no-untyped-def]
    """A placement at a new employer, through the services (`today`: the day it is saved)."""
    employer_id = create_employer(session, owner, EmployerForm(name=employer))
    form = PlacementForm(employer_id=employer_id, **fields)
    return create_placement(session, owner, client_id, form, today=today)


def _date(day: dt.date) -> str:
    return day.strftime("%d-%m-%Y")


def test_placement_and_measurement_with_three_tasks(qtbot, window, store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    file = window.client_file
    tab = file.work.placements
    file.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = visible_dialog("PlacementDialog")
    assert not dialog.save_button.isEnabled()

    # A new employer from within the placement form (a modal dialog of its own).
    def fill_employer(_parent):  # type: ignore[no-untyped-def]
        employer = visible_dialog("EmployerDialog")
        qtbot.keyClicks(employer.inputs["name"], "Groenvoorziening Twente BV")
        qtbot.keyClicks(employer.inputs["kvk_number"], "1234")
        assert not employer.save_button.isEnabled()
        assert "8 cijfers" in employer.fields["kvk_number"].message.text()
        qtbot.keyClicks(employer.inputs["kvk_number"], "5678")
        qtbot.mouseClick(employer.save_button, Qt.MouseButton.LeftButton)

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, lambda: fill_employer(None))
    qtbot.mouseClick(dialog.add_employer, Qt.MouseButton.LeftButton)
    assert dialog.employer.currentText() == "Groenvoorziening Twente BV"
    qtbot.keyClicks(dialog.inputs["function_title"], "Medewerker groen")
    start = add_months(dt.date.today(), -2)
    dialog.inputs["started_on"].clear()
    qtbot.keyClicks(dialog.inputs["started_on"], _date(start))
    qtbot.keyClicks(dialog.inputs["hours_per_week"], "24")
    qtbot.keyClicks(dialog.inputs["wage_hour"], "16,00")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    tab.table.selectRow(0)
    assert "niet betaalbaar: forfaitaire loonkostensubsidie" in tab.detail.toPlainText()

    qtbot.mouseClick(tab.measure_button, Qt.MouseButton.LeftButton)
    measure = visible_dialog("MeasurementDialog")
    today = dt.date.today()
    for name, text in (
        ("expert_name", "A. Deskundige"),
        ("norm_function", "Hovenier"),
        ("performed_function", "Medewerker groen"),
        ("contract_hours", "24"),
        ("fulltime_hours", "38"),
        ("workdays_per_week", "4"),
        ("jobcoach_hours_per_month", "6"),
    ):
        qtbot.keyClicks(measure.inputs[name], text)
    tasks = (
        ("Maaien", "50", "70", "100", "90", "63"),
        ("Snoeien", "30", "60", "90", "100", "54"),
        ("Opruimen", "20", "80", "100", "75", "60"),
    )
    for row, values in enumerate(tasks):
        editors = measure.task_inputs[row]
        for name, text in zip(
            ("name", "share_pct", "tempo_pct", "quality_pct", "net_worktime_pct", "result_pct"),
            values,
            strict=True,
        ):
            qtbot.keyClicks(editors[name], text)
    assert "Tijd samen: 100%" in measure.task_summary.text()
    assert "gewogen resultaat: 59,7%" in measure.task_summary.text()
    assert not measure.save_button.isEnabled()  # no total yet
    qtbot.keyClicks(measure.inputs["loonwaarde_pct"], "60")
    # 14.71 - 0.60 x 16 = 5.11 per hour: the worked example of RULES.md, € 708,83 a month.
    assert "€ 708,83" in measure.subsidy.text()
    # With the sum and its messages shown, the dialog still fits 1366x768: the form scrolls,
    # the buttons stay inside the dialog.
    qtbot.wait(10)
    assert measure.height() <= 700 and measure.minimumSizeHint().height() <= 600
    assert measure.rect().contains(measure.save_button.geometry().translated(
        measure.buttons.pos()).bottomRight())  # fmt: skip
    assert measure.save_button.isEnabled()
    qtbot.mouseClick(measure.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not measure.isVisible())
    tab.table.selectRow(0)
    assert "€ 708,83" in tab.detail.toPlainText()
    assert "Nieuwe loonwaardemeting" in tab.detail.toPlainText()
    assert tab.model.data(tab.model.index(0, 7)) == "geen beschikking"  # not payable yet
    assert tab.measurement_model.rowCount() == 1
    with store.session() as session:
        assert session.scalar(select(func.count(WageValueMeasurement.id))) == 1
    assert today  # the subsidy is computed for today (the WML of 2026 applies)


def test_a_month_of_hours_and_the_budget(qtbot, window, store, owner) -> None:  # type: ignore[no-untyped-def]
    client_id = window.client_file.client_id
    with store.session(owner.caseworker_id) as session:
        _job(
            session,
            owner,
            client_id,
            "Kringloop Hengelo",
            started_on=_date(add_months(dt.date.today(), -3)),
            hours_per_week="24",
            wage_hour="16",
        )
    window.open_client(client_id)
    file = window.client_file
    tab = file.work.coaching
    file.tabs.setCurrentWidget(tab)
    assert "Kringloop Hengelo" in tab.placement.currentText()
    today = dt.date.today()
    days = [today.replace(day=d) for d in range(1, today.day + 1)][:4]
    for day in days:
        tab.worked_on.setFocus()
        tab.worked_on.selectAll()
        qtbot.keyClicks(tab.worked_on, _date(day))
        qtbot.keyClicks(tab.duration, "2:30")
        qtbot.keyClicks(tab.note, "Inwerken")
        qtbot.keyClick(tab.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.hours_model.rowCount() == len(days))
    current = tab.use_model.row_at(0)
    assert current.minutes == 150 * len(days)
    assert "Deze maand" in tab.budget.text() and "plafond" in tab.budget.text()
    # Bad input: a clear message, nothing added.
    qtbot.keyClicks(tab.duration, "2:75")
    qtbot.keyClick(tab.duration, Qt.Key.Key_Return)
    assert tab.fields["duration"].message.isVisible()
    with store.session() as session:
        assert session.scalar(select(func.count(JobCoachingHours.id))) == len(days)


def test_proefplaatsing_flag_until_a_reason(qtbot, window, store, owner) -> None:  # type: ignore[no-untyped-def]
    client_id = window.client_file.client_id
    with store.session(owner.caseworker_id) as session:
        _job(
            session,
            owner,
            client_id,
            "Bakkerij De Korenbloem",
            placement_type="proefplaatsing",
            started_on=_date(add_months(dt.date.today(), -4)),
        )
    window.open_client(client_id)
    tab = window.client_file.work.placements
    window.client_file.tabs.setCurrentWidget(tab)
    tab.table.selectRow(0)
    flag_column = tab.model.columnCount() - 1
    assert "reden nodig" in tab.model.data(tab.model.index(0, flag_column))
    assert tab.model.data(tab.model.index(0, flag_column), Qt.ItemDataRole.ForegroundRole)
    # the law's 2 months (Participatiewet art. 8a, since 2023-07-01), stricter than Hengelo's 3
    assert "Verdringingsgrens: 2 maanden" in tab.detail.toPlainText()
    assert "Wet: Participatiewet" in tab.detail.toPlainText()
    qtbot.mouseClick(tab.reason_button, Qt.MouseButton.LeftButton)
    dialog = visible_dialog("ContinuationDialog")
    qtbot.keyClicks(dialog.reason, "kort")
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.reason, ": werkgever biedt volgende maand een contract aan.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    tab.table.selectRow(0)
    assert "reden vastgelegd" in tab.model.data(tab.model.index(0, flag_column))
    assert "Reden: kort: werkgever" in tab.detail.toPlainText()


def test_half_year_report_from_the_tab(qtbot, window, store, owner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    client_id = window.client_file.client_id
    window.client_file.work.coaching.worked_on.setText(_date(dt.date.today()))
    window.client_file.work.record_hours(None, _date(dt.date.today()), "1:00", "workplace", "")
    target = tmp_path / "rapport.pdf"
    assert window.client_file.work.write_report(target, None)
    assert target.read_bytes().startswith(b"%PDF")
    assert re.search(r"Halfjaarrapportage opgeslagen", window.statusBar().currentMessage())
    assert client_id


def test_models_pass_the_model_tester(qtmodeltester, store, owner) -> None:  # type: ignore[no-untyped-def]
    today = dt.date(2026, 11, 22)
    with store.session(owner.caseworker_id) as session:
        client_id = create_client(session, owner, client_form(), today=today)
        placement_id = _job(
            session,
            owner,
            client_id,
            "Werkgever",
            started_on="01-03-2026",
            hours_per_week="20",
            wage_hour="15",
            today=today,
        )
        from app.services.job_coaching import record_hours

        record_hours(
            session,
            owner,
            client_id,
            placement_id=placement_id,
            worked_on="02-11-2026",
            duration="1:00",
            activity="workplace",
            today=today,
        )
        rows = placements(session, owner, client_id, today=today)
        found = measurement_history(session, owner, client_id)
        hours = hours_history(session, owner, client_id)
    for model, data in (
        (PlacementModel(), rows),
        (MeasurementModel(), found),
        (HoursModel(), hours),
        (
            MonthUseModel(),
            monthly_use(
                hours,
                first=dt.date(2026, 1, 1),
                last=today,
                placement_started_on=dt.date(2026, 3, 1),
                hours_per_week=None,
                indicated_hours_per_month=None,
            ),
        ),
    ):
        model.set_rows(data)
        qtmodeltester.check(model)
    assert QDialog  # imported for the dialogs' result codes


def test_a_wage_below_the_minimum_is_refused_and_a_stale_one_signalled(  # type: ignore[no-untyped-def]
    qtbot, window, store, owner
) -> None:
    client_id = window.client_file.client_id
    with store.session(owner.caseworker_id) as session:
        # Saved in May 2025 at 14,20 (the WML was 14,06); the WML passed it on 01-07-2025.
        _job(
            session,
            owner,
            client_id,
            "Kringloop Hengelo",
            started_on="01-03-2025",
            hours_per_week="24",
            wage_hour="14,20",
            today=dt.date(2025, 5, 1),
        )
    window.open_client(client_id)
    tab = window.client_file.work.placements
    window.client_file.tabs.setCurrentWidget(tab)
    tab.table.selectRow(0)
    signal_column = tab.model.columnCount() - 1
    assert "minimumloon" in tab.model.data(tab.model.index(0, signal_column))
    assert tab.model.data(tab.model.index(0, signal_column), Qt.ItemDataRole.ForegroundRole)
    detail = tab.detail.toPlainText()
    assert "sinds 01-07-2025 onder het wettelijk minimumloon" in detail
    assert "Uurloon verhogen tot het minimumloon" in detail

    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = visible_dialog("PlacementDialog")
    dialog.employer.setCurrentIndex(dialog.employer.findText("Kringloop Hengelo"))
    dialog.inputs["started_on"].clear()
    qtbot.keyClicks(dialog.inputs["started_on"], _date(dt.date.today()))
    qtbot.keyClicks(dialog.inputs["hours_per_week"], "24")
    qtbot.keyClicks(dialog.inputs["wage_hour"], "2,00")
    message = dialog.fields["wage_hour"].message
    qtbot.waitUntil(lambda: "minimumloon" in message.text())
    assert "per uur (21 jaar en ouder)" in message.text()
    assert not dialog.save_button.isEnabled()
    dialog.inputs["wage_hour"].clear()
    qtbot.keyClicks(dialog.inputs["wage_hour"], "14,71")
    qtbot.waitUntil(dialog.save_button.isEnabled)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)


def test_more_than_24_hours_on_one_day_is_refused(qtbot, window, store) -> None:  # type: ignore[no-untyped-def]
    file = window.client_file
    tab = file.work.coaching
    file.tabs.setCurrentWidget(tab)
    day = _date(dt.date.today())
    for duration in ("12:00", "12:00", "1:00"):
        tab.worked_on.setFocus()
        tab.worked_on.selectAll()
        qtbot.keyClicks(tab.worked_on, day)
        tab.duration.selectAll()
        qtbot.keyClicks(tab.duration, duration)
        qtbot.keyClick(tab.duration, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.fields["duration"].message.isVisible())
    text = tab.fields["duration"].message.text()
    assert day in text and "24:00" in text and "25:00" in text
    assert tab.hours_model.rowCount() == 2
    with store.session() as session:
        assert session.scalar(select(func.count(JobCoachingHours.id))) == 2


def test_a_subsidy_is_payable_once_its_decision_is_recorded(qtbot, window, store, owner) -> None:  # type: ignore[no-untyped-def]
    client_id = window.client_file.client_id
    start = add_months(dt.date.today(), -1)
    with store.session(owner.caseworker_id) as session:
        _job(
            session,
            owner,
            client_id,
            "Kringloop Hengelo",
            started_on=_date(start),
            hours_per_week="24",
            wage_hour="16,00",
        )
    window.open_client(client_id)
    tab = window.client_file.work.placements
    window.client_file.tabs.setCurrentWidget(tab)
    tab.table.selectRow(0)
    subsidy_column = 7
    assert tab.model.data(tab.model.index(0, subsidy_column)) == "geen beschikking"
    assert "geen beschikking" in tab.detail.toPlainText()
    assert "Indicatie, niet betaalbaar" in tab.detail.toPlainText()
    assert not tab.correct_decision_button.isEnabled()
    qtbot.mouseClick(tab.decision_button, Qt.MouseButton.LeftButton)
    dialog = visible_dialog("DecisionDialog")
    assert dialog.inputs["starts_on"].text() == _date(start)
    assert dialog.inputs["decided_on"].text() == _date(dt.date.today())
    # A forfait past its six months is refused with the last day it may run.
    last = add_months(start, 6) - dt.timedelta(days=1)
    dialog.inputs["ends_on"].clear()
    qtbot.keyClicks(dialog.inputs["ends_on"], _date(last + dt.timedelta(days=1)))
    qtbot.waitUntil(lambda: _date(last) in dialog.fields["ends_on"].message.text())
    assert not dialog.save_button.isEnabled()
    dialog.inputs["ends_on"].clear()
    qtbot.keyClicks(dialog.inputs["ends_on"], _date(last))
    qtbot.keyClicks(dialog.inputs["reference"], "LKS-2026-0042")
    qtbot.waitUntil(dialog.save_button.isEnabled)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    tab.table.selectRow(0)
    # 50% of 14.71 = 7.355 -> 7.355 * 1.08 * 1.235 * 24 * 52 / 12 = 1,020.25 a month
    assert tab.model.data(tab.model.index(0, subsidy_column)) == "€ 1.020,25"
    assert "LKS-2026-0042" in tab.detail.toPlainText()
    assert "Einde forfaitaire beschikking" in tab.detail.toPlainText()
    assert "Betaalbaar per maand" in tab.detail.toPlainText()
    assert tab.correct_decision_button.isEnabled()


def test_a_low_wage_value_is_signalled_whatever_the_decision(qtbot, window, store, owner) -> None:  # type: ignore[no-untyped-def]
    from app.services.measurements import record_measurement
    from app.services.subsidy_decisions import DecisionForm, record_decision

    client_id = window.client_file.client_id
    today = dt.date.today()
    start = add_months(today, -1)
    with store.session(owner.caseworker_id) as session:
        placement_id = _job(
            session,
            owner,
            client_id,
            "Kringloop Hengelo",
            started_on=_date(start),
            hours_per_week="24",
            wage_hour="14,71",
        )
        record_measurement(
            session,
            owner,
            client_id,
            measurement_form(
                placement_id, loonwaarde="15", report_date=_date(today), visit_date=_date(today)
            ),
            today=today,
        )
        record_decision(
            session,
            owner,
            client_id,
            DecisionForm(
                placement_id=placement_id,
                basis="forfait",
                target_group_basis="doelgroepregister",
                starts_on=_date(start),
                ends_on=_date(add_months(start, 6) - dt.timedelta(days=1)),
                decided_on=_date(start),
            ),
            today=today,
        )
    window.open_client(client_id)
    tab = window.client_file.work.placements
    window.client_file.tabs.setCurrentWidget(tab)
    tab.table.selectRow(0)
    signal_column = tab.model.columnCount() - 1
    assert "Lage loonwaarde" in tab.model.data(tab.model.index(0, signal_column))
    detail = tab.detail.toPlainText()
    assert "15,0% van het minimumloon" in detail and "minder dan 20%" in detail
    assert "Forfaitaire loonkostensubsidie (nog geen meting)" not in detail


def test_an_absence_is_recorded_ended_and_removed(qtbot, window, store, owner) -> None:  # type: ignore[no-untyped-def]
    client_id = window.client_file.client_id
    start = add_months(dt.date.today(), -3)
    with store.session(owner.caseworker_id) as session:
        _job(
            session,
            owner,
            client_id,
            "Groen BV",
            started_on=_date(start),
            hours_per_week="24",
            wage_hour="16,00",
        )
    window.open_client(client_id)
    tab = window.client_file.work.placements
    window.client_file.tabs.setCurrentWidget(tab)
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.absence_button, Qt.MouseButton.LeftButton)
    dialog = visible_dialog("AbsenceDialog")
    assert dialog.chosen_id() is None and not dialog.remove_button.isEnabled()
    qtbot.keyClicks(dialog.starts, _date(start - dt.timedelta(days=1)))
    assert not dialog.save_button.isEnabled()  # before the job: a message, nothing saved
    assert dialog.fields["starts_on"].message.isVisible()
    dialog.starts.clear()
    qtbot.keyClicks(dialog.starts, _date(start + dt.timedelta(days=7)))
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "nog afwezig" in tab.detail.toPlainText())
    # the open absence comes back to be ended
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.absence_button, Qt.MouseButton.LeftButton)
    dialog = visible_dialog("AbsenceDialog")
    assert dialog.starts.text() == _date(start + dt.timedelta(days=7))
    assert dialog.remove_button.isEnabled()
    qtbot.keyClicks(dialog.ends, _date(start + dt.timedelta(days=20)))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _date(start + dt.timedelta(days=20)) in tab.detail.toPlainText())
    # an ended absence can still be chosen and changed
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.absence_button, Qt.MouseButton.LeftButton)
    dialog = visible_dialog("AbsenceDialog")
    assert dialog.chosen_id() is None  # no open absence: a new one first
    dialog.which.setCurrentIndex(1)
    assert dialog.ends.text() == _date(start + dt.timedelta(days=20))
    dialog.ends.clear()
    qtbot.keyClicks(dialog.ends, _date(start + dt.timedelta(days=25)))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _date(start + dt.timedelta(days=25)) in tab.detail.toPlainText())
