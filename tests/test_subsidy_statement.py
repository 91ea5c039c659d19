"""The monthly subsidy statement (issue 20, item 3): per placement and month as paid, summed
per municipality, team and caseworker per month and quarter; its export safe to open and
audited before it exists. Amounts by hand: 24 hours a week is 104 hours a month, and
* 1,08 * 1,235 = 1,3338 on the base."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.domain.dates import period_end
from app.domain.formatting import format_date
from app.models import AuditEvent
from app.services import statement_export
from app.services.caseload import Scope
from app.services.clients import create_client
from app.services.errors import AccessDenied, ValidationFailed
from app.services.placements import EmployerForm, PlacementForm, create_employer, create_placement
from app.services.statement_export import StatementFormat, export_statement
from app.services.subsidy_decisions import DecisionForm, record_decision
from app.services.subsidy_statement import quarter_of, subsidy_statement
from tests.factories import client_form

TODAY = dt.date(2026, 12, 1)
# The forfait in 2026: 50% of 14,71 = 7,355 -> 7,355 * 1,3338 * 104 = 1.020,250296 a month.


def _forfait_job(session, owner, *, employer: str, surname: str, start: str) -> str:  # type: ignore[no-untyped-def]
    client_id = create_client(
        session, owner, client_form(achternaam=surname, birth_date="05-05-1980"), today=TODAY
    )
    employer_id = create_employer(session, owner, EmployerForm(name=employer))
    placement_id = create_placement(
        session,
        owner,
        client_id,
        PlacementForm(
            employer_id=employer_id, started_on=start, hours_per_week="24", wage_hour="16,00"
        ),
        today=TODAY,
    )
    first_day = dt.datetime.strptime(start, "%d-%m-%Y").date()
    record_decision(
        session,
        owner,
        client_id,
        DecisionForm(
            placement_id=placement_id,
            basis="forfait",
            target_group_basis="doelgroepregister",
            starts_on=start,
            ends_on=format_date(period_end(first_day, 6)),
            decided_on=start,
        ),
        today=TODAY,
    )
    return client_id


def test_months_quarters_and_sums_by_hand(session, owner) -> None:  # type: ignore[no-untyped-def]
    # A: from 15-03-2026 (17 of 31 days in March: 559,49), whole months from April.
    # B: from 01-04-2026, whole months. Decisions run 6 months (A until 14-09, B until 30-09).
    _forfait_job(
        session, owner, employer='=HYPERLINK("http://x")', surname="Aal", start="15-03-2026"
    )
    _forfait_job(session, owner, employer="Groen BV", surname="Bos", start="01-04-2026")
    statement = subsidy_statement(
        session, owner, first=dt.date(2026, 3, 1), last=dt.date(2026, 6, 30)
    )
    by = {
        (line.client_name.split(",")[0], line.month.month): line.amount for line in statement.lines
    }
    assert by[("Aal", 3)] == Decimal("559.49")
    assert by[("Aal", 4)] == by[("Bos", 4)] == Decimal("1020.25")
    assert ("Bos", 3) not in by  # no line for a month without a payable day
    # Q1 is March only (559,49); Q2 is three whole months for both: 6 * 1.020,25 = 6.121,50
    quarters = statement.per_quarter(lambda line: "alle")["alle"]
    assert quarters == {"2026-K1": Decimal("559.49"), "2026-K2": Decimal("6121.50")}
    assert statement.total == Decimal("6680.99")
    months = statement.per_month(lambda line: line.municipality)["hengelo"]
    assert months[dt.date(2026, 4, 1)] == Decimal("2040.50")
    assert quarter_of(dt.date(2026, 12, 1)) == "2026-K4"


def test_the_period_and_the_team_are_checked(session, owner) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationFailed):
        subsidy_statement(session, owner, first=dt.date(2026, 6, 1), last=dt.date(2026, 1, 31))
    with pytest.raises(ValidationFailed):
        subsidy_statement(session, owner, first=dt.date(2016, 1, 1), last=dt.date(2026, 1, 31))
    with pytest.raises(AccessDenied):
        subsidy_statement(
            session, owner, first=dt.date(2026, 1, 1), last=dt.date(2026, 1, 31), scope=Scope.TEAM
        )


def test_the_audit_is_committed_before_the_file_exists(store, owner, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with store.session(owner.caseworker_id) as session:
        client_id = _forfait_job(
            session, owner, employer="Groen BV", surname="Aal", start="01-04-2026"
        )
    seen: list[int] = []
    real = statement_export.write_statement

    def watching(statement, path: Path, export_format, before_replace) -> None:  # type: ignore[no-untyped-def]
        def audited_then_counted() -> None:
            before_replace()
            assert not path.exists()  # the file is not in place yet
            with store.session() as other:  # another connection sees only what is committed
                seen.append(
                    other.scalar(
                        select(func.count(AuditEvent.id)).where(
                            AuditEvent.client_id == client_id,
                            AuditEvent.entity_type == "subsidy_statement",
                        )
                    )
                    or 0
                )

        real(statement, path, export_format, audited_then_counted)

    monkeypatch.setattr(statement_export, "write_statement", watching)
    target = tmp_path / "lks.csv"
    with store.session(owner.caseworker_id) as session:
        export_statement(
            session,
            owner,
            target,
            StatementFormat.CSV,
            first=dt.date(2026, 4, 1),
            last=dt.date(2026, 6, 30),
        )
    assert seen == [1] and target.exists()


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
def test_the_export_opens_in_libreoffice_without_formulas(store, owner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with store.session(owner.caseworker_id) as session:
        _forfait_job(session, owner, employer="=1+2", surname="Aal", start="01-04-2026")
    targets = {}
    for fmt in StatementFormat:
        target = tmp_path / f"lks.{fmt.value}"
        with store.session(owner.caseworker_id) as session:
            export_statement(
                session, owner, target, fmt, first=dt.date(2026, 4, 1), last=dt.date(2026, 6, 30)
            )
        targets[fmt] = target
    out = tmp_path / "lo"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(out),
            str(targets[StatementFormat.XLSX]),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    with (out / "lks.csv").open(encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert [line["Werkgever"] for line in table] == ["=1+2"] * 3  # text, not 3
    assert [line["Bedrag"] for line in table] == ["1,020.25"] * 3
    with targets[StatementFormat.CSV].open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert [row["Werkgever"] for row in rows] == ["'=1+2"] * 3
    assert [row["Bedrag"] for row in rows] == ["1020,25"] * 3
