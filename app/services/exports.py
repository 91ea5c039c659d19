"""Caseload exports as CSV and XLSX: Dutch headers, real dates in XLSX, and an option that
leaves out the BSN, the names and the contact details. Every export is audited; a file is
written next to its target first, so a crash or a cancel never leaves half an export."""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlalchemy.orm import Session

from app.domain.formatting import format_date
from app.domain.vocab import AuditAction, Municipality, WorkObligation
from app.services.audit import audit
from app.services.caseload import CaseloadRow, Scope, caseload_rows
from app.services.context import Actor
from app.services.errors import ServiceError

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Value = str | int | dt.date | None


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


class ExportCancelled(ServiceError):
    pass


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[CaseloadRow], Value]
    personal: bool = False  # left out of an export without personal data


def _names(row: CaseloadRow) -> tuple[str, str]:
    last, _, first = row.listing_name.partition(", ")
    return last, first


COLUMNS: tuple[Column, ...] = (
    Column("Klantnummer", lambda r: r.client_id),
    Column("Achternaam", lambda r: _names(r)[0], personal=True),
    Column("Voornamen en tussenvoegsel", lambda r: _names(r)[1], personal=True),
    Column("BSN", lambda r: r.bsn, personal=True),
    Column("Geboortedatum", lambda r: r.birth_date, personal=True),
    Column("Leeftijd", lambda r: r.age),
    Column("Postcode", lambda r: r.postcode, personal=True),
    Column("Gemeente", lambda r: Municipality(r.municipality).label),
    Column("Status", lambda r: r.status.label),
    Column("Arbeidsverplichting", lambda r: WorkObligation(r.work_obligation).label),
    Column("Doelgroepen", lambda r: ", ".join(g.label for g in r.priority_groups)),
    Column("Trede", lambda r: r.trede),
    Column("Herbeoordeling ladder", lambda r: r.review_on),
    Column("Volgende actie", lambda r: r.next_action.label if r.next_action else None),
    Column("Datum volgende actie", lambda r: r.next_action.due_on if r.next_action else None),
    Column("Medewerker", lambda r: r.caseworker_name),
)


def columns(*, personal_data: bool) -> tuple[Column, ...]:
    return tuple(c for c in COLUMNS if personal_data or not c.personal)


def _text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return format_date(value)
    return str(value)


def _write_csv(
    path: Path, chosen: Sequence[Column], rows: Sequence[CaseloadRow], tick: Callable[[int], None]
) -> None:
    # utf-8 with BOM and ';': what Excel and LibreOffice open in Dutch settings without asking.
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow([c.header for c in chosen])
        for index, row in enumerate(rows):
            writer.writerow([_text(c.value(row)) for c in chosen])
            tick(index)


def _write_xlsx(
    path: Path, chosen: Sequence[Column], rows: Sequence[CaseloadRow], tick: Callable[[int], None]
) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    # The values first (this is where a cancel lands), then the workbook in one go.
    table: list[list[Value]] = []
    for index, row in enumerate(rows):
        table.append([column.value(row) for column in chosen])
        tick(index)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Caseload")
    for position, column in enumerate(chosen, start=1):
        width = max(12, len(column.header) + 2)
        sheet.column_dimensions[get_column_letter(position)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for column in chosen:
        cell = WriteOnlyCell(sheet, value=column.header)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for values in table:
        cells = []
        for value in values:
            cell = WriteOnlyCell(sheet, value=None if value == "" else value)
            if isinstance(value, dt.date):
                cell.number_format = "DD-MM-YYYY"
            cells.append(cell)
        sheet.append(cells)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(chosen))}{len(rows) + 1}"
    book.save(path)


def write_caseload(
    rows: Sequence[CaseloadRow],
    path: Path,
    export_format: ExportFormat,
    *,
    personal_data: bool = True,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> None:
    """Write the rows; the target appears only complete (cancelling leaves no file)."""
    chosen = columns(personal_data=personal_data)
    total = len(rows)

    def tick(index: int) -> None:
        if index % 500 == 0 or index == total - 1:
            if cancelled is not None and cancelled():
                raise ExportCancelled("De export is afgebroken; er is geen bestand geschreven.")
            if progress is not None:
                progress(index + 1, total)

    temporary = path.with_name(path.name + ".tmp")
    try:
        if export_format is ExportFormat.CSV:
            _write_csv(temporary, chosen, rows, tick)
        else:
            _write_xlsx(temporary, chosen, rows, tick)
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def export_caseload(
    session: Session,
    actor: Actor,
    path: Path,
    export_format: ExportFormat,
    *,
    scope: Scope = Scope.OWN,
    personal_data: bool = True,
    include_closed: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Export the actor's caseload (or team); returns the number of clients. Audited."""
    rows = caseload_rows(session, actor, scope=scope, include_closed=include_closed)
    write_caseload(
        rows,
        path,
        export_format,
        personal_data=personal_data,
        progress=progress,
        cancelled=cancelled,
    )
    # One record per client: "who exported my file" must be answerable per client.
    for row in rows:
        audit(
            session,
            actor,
            AuditAction.EXPORT,
            "caseload",
            client_id=row.client_id,
            format=export_format.value,
            personal_data=personal_data,
        )
    session.flush()
    return len(rows)
