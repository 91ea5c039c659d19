"""Command-line lists: the caseload (`caseload`), the due list (`due`) and the monthly
subsidy statement (`subsidy`), printed or written to a file."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app import cli_files

_MONTH = re.compile(r"^(\d{4})-(\d{2})$|^(\d{1,2})-(\d{4})$")


def month(text: str) -> dt.date:
    """'2026-03' or '03-2026' as the first day of that month (argparse type)."""
    match = _MONTH.match(text.strip())
    if match is not None:
        year = int(match.group(1) or match.group(4))
        number = int(match.group(2) or match.group(3))
        if 1 <= number <= 12:
            return dt.date(year, number, 1)
    raise argparse.ArgumentTypeError(f"'{text}' is geen maand; typ bijvoorbeeld 2026-03 of 03-2026")


def count(limit: int) -> Callable[[str], int]:
    """An argparse type: a whole number from 0 to `limit`."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = -1
        if not 0 <= value <= limit:
            raise argparse.ArgumentTypeError(f"'{text}' is geen aantal van 0 tot en met {limit}")
        return value

    return parse


def add_parsers(sub: Any) -> None:
    due = sub.add_parser(
        "due", help="toon wat er openstaat: alle acties en termijnen, te laat eerst"
    )
    due.add_argument("--team", action="store_true", help="van het hele team")
    due.add_argument("--limit", type=count(10**6), default=100, help="ten hoogste zoveel regels")
    subsidy = sub.add_parser(
        "subsidy", help="loonkostensubsidie per maand en kwartaal (scherm, of XLSX/CSV met --out)"
    )
    subsidy.add_argument("--from", dest="first", type=month, required=True, help="eerste maand")
    subsidy.add_argument("--to", dest="last", type=month, required=True, help="laatste maand")
    subsidy.add_argument("--team", action="store_true", help="van het hele team")
    subsidy.add_argument("--out", type=Path, help="schrijf naar dit .xlsx- of .csv-bestand")


def cmd_due(args: argparse.Namespace, store: Any) -> int:
    from app.domain.formatting import format_date
    from app.services.due_list import due_list

    today = dt.date.today()
    with cli_files.owner_session(store) as (session, actor):
        scope = cli_files.scope_of(args, actor)
        items = due_list(session, actor, scope=scope, today=today)
    late = sum(1 for item in items if item.is_overdue(today))
    print(f"{len(items)} acties, waarvan {late} te laat ({format_date(today)})")
    for item in items[: args.limit]:
        mark = "te laat" if item.is_overdue(today) else ""
        print(f"{format_date(item.due_on)}  {mark:<8} {item.client_name[:32]:<32} {item.label}")
    return 0


def cmd_subsidy(args: argparse.Namespace, store: Any) -> int:
    from app.domain.formatting import format_money, format_month
    from app.services.statement_export import StatementFormat, export_statement
    from app.services.subsidy_statement import subsidy_statement

    with cli_files.owner_session(store) as (session, actor):
        scope = cli_files.scope_of(args, actor)
        if args.out is not None:
            export_format = (
                StatementFormat.CSV if args.out.suffix.lower() == ".csv" else StatementFormat.XLSX
            )
            statement = export_statement(
                session,
                actor,
                args.out,
                export_format,
                first=args.first,
                last=args.last,
                scope=scope,
            )
        else:
            statement = subsidy_statement(
                session, actor, first=args.first, last=args.last, scope=scope
            )
    print(
        f"Loonkostensubsidie {format_month(statement.first_month)} tot en met "
        f"{format_month(statement.last_month)}: {format_money(statement.total)}"
    )
    for name, quarters in statement.per_quarter(lambda line: line.municipality).items():
        amounts = ", ".join(f"{q}: {format_money(a)}" for q, a in quarters.items())
        print(f"  {name.capitalize():<14} {amounts}")
    if args.out is not None:
        print(f"{len(statement.lines)} regels geschreven naar {args.out}")
    return 0


def cmd_caseload(args: argparse.Namespace, store: Any) -> int:
    from app.domain.formatting import format_date
    from app.services.caseload import caseload_rows

    with cli_files.owner_session(store) as (session, actor):
        scope = cli_files.scope_of(args, actor)
        rows = caseload_rows(session, actor, scope=scope)
    today = dt.date.today()
    print(f"Caseload van {actor.display_name}: {len(rows)} klanten")
    print(f"{'Naam':<36} {'Leeftijd':>8}  {'Gemeente':<12} {'Trede':>5}  Volgende actie")
    for row in rows[: args.limit]:
        action = ""
        if row.next_action:
            late = " (te laat)" if row.is_overdue(today) else ""
            action = f"{row.next_action.label} {format_date(row.next_action.due_on)}{late}"
        print(
            f"{row.listing_name[:36]:<36} {row.age:>8}  {row.municipality.capitalize():<12} "
            f"{row.trede or '-':>5}  {action}"
        )
    if len(rows) > args.limit:
        print(f"… en nog {len(rows) - args.limit} klanten (--limit)")
    return 0
