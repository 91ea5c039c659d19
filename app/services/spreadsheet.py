"""Writing tables that are safe to open in a spreadsheet: a text that starts like a formula
(=, +, -, @, tab, carriage return) stays text (OWASP "CSV injection"), real dates and
amounts stay dates and numbers, and a file appears only complete."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.domain.formatting import format_date
from app.domain.wage import CENT

Value = str | int | Decimal | dt.date | None
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value: Value) -> str:
    """A value as a CSV cell in Dutch notation; a text that a spreadsheet would take for a
    formula gets a leading apostrophe, which the spreadsheet shows as text."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, Decimal):
        # a decimal comma and no thousands dots: what a Dutch spreadsheet reads as a number
        return f"{value.quantize(CENT):f}".replace(".", ",")
    if isinstance(value, int):
        return str(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[Value]]) -> None:
    # utf-8 with BOM and ';': what Excel and LibreOffice open in Dutch settings without asking.
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow([csv_text(h) for h in header])
        for row in rows:
            writer.writerow([csv_text(value) for value in row])


def xlsx_cell(sheet: Any, value: Value, *, bold: bool = False) -> Any:
    """A write-only cell: a text is always a text (never a formula), a date a date and an
    amount a number with two decimals."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    cell = WriteOnlyCell(sheet, value=None if value == "" else value)
    if isinstance(value, str) and value:
        cell.data_type = "s"  # openpyxl would store "=..." as a formula
    elif isinstance(value, dt.date):
        cell.number_format = "DD-MM-YYYY"
    elif isinstance(value, Decimal):
        cell.number_format = "#,##0.00"
    if bold:
        cell.font = Font(bold=True)
    return cell


def add_sheet(
    book: Any, title: str, header: Sequence[str], rows: Sequence[Sequence[Value]]
) -> None:
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    for position, text in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(position)].width = max(12, len(text) + 2)
    sheet.freeze_panes = "A2"
    sheet.append([xlsx_cell(sheet, text, bold=True) for text in header])
    for row in rows:
        sheet.append([xlsx_cell(sheet, value) for value in row])
    if rows:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
