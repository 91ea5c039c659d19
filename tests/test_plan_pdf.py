"""The plan van aanpak as a real PDF, read back with poppler: every name exactly as typed,
every page renders, versions are numbered records and printing is audited."""

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.ladder import answers_for_trede
from app.models import AuditEvent, Plan, PlanGoal, PlanInstrument
from app.models.guards import ImmutableRecordError
from app.reports.plan_pdf import render_plan
from app.services.clients import create_client
from app.services.ladder import AssessmentInput, record_assessment
from app.services.plans import issue_plan, issued_document, plan_document
from tests.conftest import PASSPHRASE
from tests.factories import client_form

TODAY = dt.date(2026, 11, 22)
ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils (pdftotext, pdftoppm) is not installed",
)


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def client_id(session, owner):  # type: ignore[no-untyped-def]
    client_id = create_client(
        session,
        owner,
        client_form(voornamen="Şükrü", achternaam="Yılmaz-Gąsiorowska", birth_date="14-02-1985"),
        today=TODAY,
    )
    for day, trede in (("01-02-2025", 2), ("01-03-2026", 3)):
        record_assessment(
            session,
            owner,
            client_id,
            AssessmentInput(
                answers_for_trede(trede),
                day,
                trede,
                expected_trede=4,
                expected_by="01-03-2027",
            ),
            today=TODAY,
        )
    plan = Plan(
        client_id=client_id,
        situation="Şükrü wil graag in de groenvoorziening werken.",
        obligations="Twee keer per maand een gesprek; solliciteren bij passend werk.",
        valid_from=dt.date(2026, 3, 1),
        valid_until=dt.date(2027, 3, 1),
    )
    session.add(plan)
    session.flush()
    session.add_all(
        [
            PlanGoal(
                plan_id=plan.id,
                position=0,
                description="Taalniveau A2 halen",
                target_date=dt.date(2026, 12, 1),
            ),
            PlanGoal(
                plan_id=plan.id,
                position=1,
                description="Werkervaringsplaats in het groen",
                target_date=dt.date(2027, 3, 1),
            ),
            PlanInstrument(
                plan_id=plan.id,
                position=0,
                instrument="Taalcursus",
                starts_on=dt.date(2026, 3, 1),
                ends_on=dt.date(2026, 12, 1),
            ),
        ]
    )
    session.flush()
    return client_id


def test_plan_text_and_pages(session, owner, client_id, tmp_path) -> None:  # type: ignore[no-untyped-def]
    document = plan_document(session, owner, client_id, today=TODAY)
    target = tmp_path / "plan.pdf"
    render_plan(document, target)
    text = pdf_text(target)
    assert "Şükrü Yılmaz-Gąsiorowska" in text
    assert "CONCEPT" in text and "Gemeente Hengelo" in text
    assert "trede 3: Deelname georganiseerde activiteiten" in text
    assert "Verwacht: trede 4 op 01-03-2027" in text
    assert "Taalniveau A2 halen" in text and "01-12-2026" in text
    assert "Taalcursus" in text
    assert (
        "Arbeidsverplichting: Volledige arbeidsverplichting" in text
        or "Arbeidsverplichting:" in text
    )
    assert "uitkering" in text and "verlagen" in text  # the consequences of not complying
    assert text.count("Handtekening") == 2
    pages = subprocess.run(
        ["pdftoppm", "-r", "40", "-png", str(target), str(tmp_path / "page")],
        capture_output=True,
        check=True,
    )
    assert pages.returncode == 0
    rendered = sorted(tmp_path.glob("page*.png"))
    assert rendered and all(p.stat().st_size > 1000 for p in rendered)


def test_issued_versions_are_numbered_and_frozen(session, owner, client_id, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = issue_plan(session, owner, client_id, today=TODAY)
    plan = session.scalars(select(Plan)).one()
    plan.situation = "Gewijzigde situatie na de zomer."
    session.flush()
    second = issue_plan(session, owner, client_id, today=TODAY)
    assert (first.number, second.number) == (1, 2)
    assert first.content["situation"] == "Şükrü wil graag in de groenvoorziening werken."
    document = issued_document(session, owner, client_id)
    assert document is not None and document.version == 2
    render_plan(document, tmp_path / "v2.pdf")
    assert "versie 2" in pdf_text(tmp_path / "v2.pdf")
    first.content = {}
    with pytest.raises(ImmutableRecordError):
        session.flush()  # an issued version is a record: never changed
    session.rollback()


def test_plan_command(store, owner, client_id, session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    session.commit()
    session.close()
    store.close()  # one process at a time on a store: the command opens it itself
    target = tmp_path / "plan.pdf"
    env = {**os.environ, "TREDE_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "--data-dir",
            str(store.paths.data_dir),
            "plan",
            "--client",
            client_id,
            "--out",
            str(target),
            "--issue",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "versie 1" in done.stdout
    assert "Şükrü Yılmaz-Gąsiorowska" in pdf_text(target)
    with store.session() as check:
        actions = set(
            check.scalars(
                select(AuditEvent.action).where(
                    AuditEvent.entity_type.in_(["plan", "plan_version"])
                )
            )
        )
    assert actions == {"create", "print"}
