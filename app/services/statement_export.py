"""The monthly subsidy statement as a file for the municipality's finance department: XLSX
with the lines and the sums per municipality, team and caseworker per month and quarter, or
CSV with the lines. Audited per client, committed before the file exists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from sqlalchemy.orm import Session

from app.domain.formatting import format_month
from app.domain.region import municipality_name
from app.domain.vocab import AuditAction, PlacementType
from app.services.audit import audit
from app.services.caseload import Scope
from app.services.context import Actor
from app.services.spreadsheet import Value, add_sheet, write_csv
from app.services.subsidy_statement import Statement, StatementLine, clients_of, subsidy_statement
from app.storage.files import check_output_file, complete_file

LINE_HEADER = (
    "Maand",
    "Gemeente",
    "Team",
    "Medewerker",
    "Klantnummer",
    "Klant",
    "Werkgever",
    "Soort plaatsing",
    "Dagen betaald",
    "Dagen in de maand",
    "Bedrag",
)


class StatementFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


def _municipality(line: StatementLine) -> str:
    return municipality_name(line.municipality)


def line_values(line: StatementLine) -> list[Value]:
    return [
        format_month(line.month),
        _municipality(line),
        line.team_name,
        line.caseworker_name,
        line.client_id,
        line.client_name,
        line.employer_name,
        PlacementType(line.placement_type).label,
        line.days_paid,
        line.days_in_month,
        line.amount,
    ]


def _sum_rows(
    statement: Statement, group: Callable[[StatementLine], str]
) -> tuple[list[str], list[list[Value]]]:
    header = ["", *(format_month(m) for m in statement.months), *statement.quarters, "Totaal"]
    rows: list[list[Value]] = [[name, *amounts] for name, amounts in statement.sums(group)]
    rows.append(["Totaal", *statement.totals()])
    return header, rows


def write_statement(
    statement: Statement,
    path: Path,
    export_format: StatementFormat,
    before_replace: Callable[[], None] | None = None,
) -> None:
    lines = [line_values(line) for line in statement.lines]
    with complete_file(path, before_replace) as temporary:
        if export_format is StatementFormat.CSV:
            write_csv(temporary, LINE_HEADER, lines)
            return
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        add_sheet(book, "Per maand", LINE_HEADER, lines)
        for title, group in (
            ("Per gemeente", _municipality),
            ("Per team", lambda line: line.team_name),
            ("Per medewerker", lambda line: line.caseworker_name),
        ):
            header, rows = _sum_rows(statement, group)
            add_sheet(book, title, header, rows)
        book.save(temporary)


def export_statement(
    session: Session,
    actor: Actor,
    path: Path,
    export_format: StatementFormat,
    *,
    first: dt.date,
    last: dt.date,
    scope: Scope = Scope.OWN,
) -> Statement:
    """Write the statement of the months from `first`'s to `last`'s; every client in it gets
    an audit record, committed before the file is in place."""
    check_output_file(path)
    statement = subsidy_statement(session, actor, first=first, last=last, scope=scope)
    for client_id in clients_of(statement.lines):
        audit(
            session,
            actor,
            AuditAction.EXPORT,
            "subsidy_statement",
            client_id=client_id,
            format=export_format.value,
        )
    write_statement(statement, path, export_format, before_replace=session.commit)
    return statement
