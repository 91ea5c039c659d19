"""The half-yearly job-coaching report as a real PDF, read back with poppler's pdftotext."""

import datetime as dt
import re
import shutil
import subprocess

import pytest
from sqlalchemy import select

from app.models import AuditEvent
from app.reports.job_coaching_report import render_half_year_report
from app.services.clients import create_client
from app.services.job_coaching import half_year, half_year_report, record_hours
from app.services.measurements import record_measurement
from app.services.placements import EmployerForm, PlacementForm, create_employer, create_placement
from app.services.wage_value import MeasurementForm, TaskForm
from tests.factories import client_form

TODAY = dt.date(2026, 11, 22)
pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)


def test_half_year_boundaries() -> None:
    assert half_year(dt.date(2026, 6, 30)) == (dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    assert half_year(dt.date(2026, 7, 1)) == (dt.date(2026, 7, 1), dt.date(2026, 12, 31))


def test_report_text(session, owner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    client_id = create_client(
        session,
        owner,
        client_form(voornamen="Şükrü", achternaam="Yılmaz-Gąsiorowska", birth_date="14-02-1985"),
        today=TODAY,
    )
    employer_id = create_employer(session, owner, EmployerForm(name="Groenvoorziening Twente BV"))
    placement_id = create_placement(
        session,
        owner,
        client_id,
        PlacementForm(
            employer_id=employer_id,
            function_title="Medewerker groen",
            started_on="01-03-2026",
            hours_per_week="24",
            wage_hour="16",
        ),
        today=TODAY,
    )
    record_measurement(
        session,
        owner,
        client_id,
        MeasurementForm(
            placement_id=placement_id,
            report_date="15-03-2026",
            visit_date="10-03-2026",
            expert_name="A. Deskundige",
            norm_function="Hovenier",
            performed_function="Medewerker groen",
            contract_hours="24",
            fulltime_hours="38",
            workdays_per_week="4",
            tasks=(TaskForm("Maaien", "100", "70", "100", "90", "63"),),
            loonwaarde_pct="63",
            jobcoach_hours_per_month="4",
        ),
        today=TODAY,
    )
    for day, duration, activity in (
        ("07-07-2026", "2:00", "workplace"),
        ("14-09-2026", "1:30", "employer"),
        ("03-11-2026", "4:30", "workplace"),
        ("04-11-2026", "0:45", "administration"),
        ("15-05-2026", "3:00", "employee"),  # the other half year
    ):
        record_hours(
            session,
            owner,
            client_id,
            placement_id=placement_id,
            worked_on=day,
            duration=duration,
            activity=activity,
            today=TODAY,
        )
    report = half_year_report(session, owner, client_id, placement_id, within=TODAY, today=TODAY)
    target = tmp_path / "rapportage.pdf"
    render_half_year_report(report, target)
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Şükrü Yılmaz-Gąsiorowska" in text
    assert "Halfjaarrapportage jobcoaching" in text
    assert "01-07-2026 tot en met 31-12-2026" in text
    assert "Groenvoorziening Twente BV" in text
    lines = {
        line.split()[0] + " " + line.split()[1]: line
        for line in text.splitlines()
        if line.split()[:1]
        and line.split()[0] in ("juli", "augustus", "september", "oktober", "november", "december")
    }
    assert "2:00" in lines["juli 2026"] and "4:00" in lines["juli 2026"]  # 4 h indicated
    assert "5:15" in lines["november 2026"] and "boven de indicatie" in lines["november 2026"]
    assert "Totaal" in text and "8:45" in text
    # totals over the half year: 6 * 4:00 indicated = 24:00, 8:45 used -> 15:15 under it;
    # the ceiling 6 * 15% of 104 hours = 6 * 15:36 = 93:36 -> 84:51 under it
    (total,) = [line for line in text.splitlines() if line.strip().startswith("Totaal")]
    assert "24:00" in total and "93:36" in total
    assert "Samen 15:15 onder de indicatie." in text
    assert "Samen 84:51 onder het plafond." in text
    assert "Op de werkplek" in text and "6:30" in text
    assert "3:00" not in text.split("Activiteiten")[1].split("Voor gezien")[0]
    assert text.count("Handtekening") == 2 and "Werkgever" in text and "Werknemer" in text
    assert session.scalars(
        select(AuditEvent.action).where(AuditEvent.entity_type == "job_coaching_report")
    ).all() == ["print"]
    pages = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True)
    assert re.search(r"^Pages:\s+1$", pages.stdout, re.MULTILINE)
