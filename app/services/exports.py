"""Caseload exports as CSV and XLSX: Dutch headers, real dates in XLSX, and an option that
leaves out the BSN, the names and the contact details. Every export is audited; a file is
written next to its target first, so a crash or a cancel never leaves half an export."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlalchemy.orm import Session

from app.domain.region import municipality_name
from app.domain.vocab import AuditAction, WorkObligation
from app.services.audit import audit
from app.services.caseload import CaseloadRow, Scope, caseload_rows
from app.services.context import Actor
from app.services.errors import ServiceError
from app.services.spreadsheet import Value, add_sheet, write_csv
from app.storage.files import check_output_file, complete_file

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


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
    Column("Gemeente", lambda r: municipality_name(r.municipality)),
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


def write_caseload(
    rows: Sequence[CaseloadRow],
    path: Path,
    export_format: ExportFormat,
    *,
    personal_data: bool = True,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    before_write: Callable[[], None] | None = None,
) -> None:
    """Write the rows; the target appears only complete (cancelling leaves no file).
    `before_write` runs once the rows are read and no cancel can come: the audit."""
    chosen = columns(personal_data=personal_data)
    total = len(rows)

    def tick(index: int) -> None:
        if index % 500 == 0 or index == total - 1:
            if cancelled is not None and cancelled():
                raise ExportCancelled("De export is afgebroken; er is geen bestand geschreven.")
            if progress is not None:
                progress(index + 1, total)

    table: list[list[Value]] = []
    for index, row in enumerate(rows):
        table.append([column.value(row) for column in chosen])
        tick(index)
    header = [c.header for c in chosen]
    with complete_file(path, before_replace=before_write) as temporary:
        if export_format is ExportFormat.CSV:
            write_csv(temporary, header, table)
        else:
            from openpyxl import Workbook

            book = Workbook(write_only=True)
            add_sheet(book, "Caseload", header, table)
            book.save(temporary)


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
    check_output_file(path)
    rows = caseload_rows(session, actor, scope=scope, include_closed=include_closed)

    def audited() -> None:
        # One record per client: "who exported my file" must be answerable per client. It
        # is committed before the file is in place: a crash in between leaves a record and
        # no file, never the other way round.
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
        session.commit()

    write_caseload(
        rows,
        path,
        export_format,
        personal_data=personal_data,
        progress=progress,
        cancelled=cancelled,
        before_write=audited,
    )
    return len(rows)
