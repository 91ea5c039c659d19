"""The caseload overview and the quarterly report as real PDFs, read back with poppler."""

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from app.reports.overviews import render_caseload_overview, render_quarter_report
from app.services.caseload import Scope, caseload_rows
from app.services.context import owner_actor
from app.services.demo import generate_demo
from app.services.reporting import quarter_of, quarter_report

TODAY = dt.date(2026, 11, 22)
pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def team(store):  # type: ignore[no-untyped-def]
    with store.session() as session:
        generate_demo(session, 150, today=TODAY)
    with store.session() as session:
        actor = owner_actor(session)
        session.info["actor_id"] = actor.caseworker_id
    return actor


def test_quarters() -> None:
    assert quarter_of(dt.date(2026, 11, 22)) == (dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert quarter_of(dt.date(2026, 3, 31)) == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))


def test_caseload_overview(store, team, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store.session(team.caseworker_id) as session:
        rows = caseload_rows(session, team, scope=Scope.TEAM, include_closed=False, today=TODAY)
    target = tmp_path / "overzicht.pdf"
    seen: list[tuple[int, int]] = []
    render_caseload_overview(
        rows, target, title="Caseload team", today=TODAY, progress=lambda d, t: seen.append((d, t))
    )
    text = pdf_text(target)
    assert "Caseload team" in text and f"{len(rows)} klanten" in text
    # a long name wraps inside its cell: read the cells in drawing order, lines joined
    drawn = " ".join(
        subprocess.run(
            ["pdftotext", "-raw", str(target), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    for row in rows[:20]:
        assert " ".join(row.listing_name.split()) in drawn
    assert seen[-1] == (len(rows), len(rows))
    late = [r for r in rows if r.is_overdue(TODAY)]
    assert text.count("(te laat)") >= len(late) > 0


def test_quarter_report(store, team, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store.session(team.caseworker_id) as session:
        report = quarter_report(session, team, within=TODAY, scope=Scope.TEAM, today=TODAY)
    target = tmp_path / "kwartaal.pdf"
    render_quarter_report(report, target)
    text = pdf_text(target)
    assert "Kwartaalrapportage 4e kwartaal 2026" in text
    assert "Per doelgroep" in text and "Per gemeente" in text
    for municipality in ("Hengelo", "Borne", "Haaksbergen"):
        assert municipality in text
    assert sum(g.clients for g in report.per_municipality) == report.clients
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(target), str(tmp_path / "p")], check=True)
    assert len(list(tmp_path.glob("p*.png"))) >= 2
