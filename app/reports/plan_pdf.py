"""The plan van aanpak as PDF (reportlab Platypus): the municipality's header, the client,
the trede with its history chart, goals, activities and instruments, rights and obligations,
the consequences of not complying, and signature blocks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer, Table, TableStyle
from sqlalchemy.orm import Session

from app.domain.formatting import format_money
from app.domain.ladder import TREDE_NAMES
from app.domain.region import region
from app.domain.validation import parse_date
from app.reports.pdf import (
    ACCENT,
    FONT,
    MUTED,
    RULE,
    build_pdf,
    para,
    signature_block,
    table,
)
from app.resources import resource_path
from app.services.context import Actor
from app.services.plans import PlanDocument, record_plan_print

CHART_WIDTH, CHART_HEIGHT = 170 * mm, 48 * mm


def municipality_header(name: str) -> list[Flowable]:
    """The municipality's name, department, address line and logo, from the region file."""
    entry = next((m for m in region().municipalities if m.name == name), None)
    texts = [para(f"Gemeente {name}", "h2")]
    if entry is not None and entry.department:
        texts.append(para(entry.department, "small"))
    if entry is not None and entry.address:
        texts.append(para(entry.address, "small"))
    logo_file = entry.logo if entry is not None else None
    logo_path = resource_path("municipalities", logo_file) if logo_file else None
    if logo_path is None or not logo_path.exists():
        return texts
    logo = Image(str(logo_path), width=22 * mm, height=22 * mm, kind="proportional")
    header = Table([[texts, logo]], colWidths=[140 * mm, 30 * mm])
    header.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 0), (1, 0), "RIGHT")])
    )
    return [header]


def instrument_prices(municipality_name: str) -> dict[str, Decimal | None]:
    """The prices the municipality sets for its instruments, by instrument name."""
    entry = next((m for m in region().municipalities if m.name == municipality_name), None)
    return {item.name: item.price for item in entry.instruments} if entry else {}


def ladder_chart(document: PlanDocument) -> Drawing:
    """The trede over time as a step line, with the expected trede as a dashed line."""
    drawing = Drawing(CHART_WIDTH, CHART_HEIGHT)
    left, right, bottom, top = 18 * mm, CHART_WIDTH - 4 * mm, 7 * mm, CHART_HEIGHT - 3 * mm
    steps = [(parse_date(day), trede) for day, trede in document.trede_history]
    points = [(day, trede) for day, trede in steps if day is not None]
    expected_by = parse_date(document.expected_by) if document.expected_by else None
    today = parse_date(document.issued_on) or dt.date.today()
    days = [day for day, _ in points] + [today] + ([expected_by] if expected_by else [])
    first, last = min(days), max(days)
    if (last - first).days < 180:
        first = last - dt.timedelta(days=180)
    span = max(1, (last - first).days)

    def x(day: dt.date) -> float:
        return left + (right - left) * (day - first).days / span

    def y(trede: int) -> float:
        return bottom + (top - bottom) * (trede - 0.5) / 6

    for trede in range(1, 7):
        drawing.add(Line(left, y(trede), right, y(trede), strokeColor=RULE, strokeWidth=0.4))
        drawing.add(
            String(
                left - 3 * mm,
                y(trede) - 2.5,
                f"trede {trede}",
                fontName=FONT,
                fontSize=6.5,
                fillColor=MUTED,
                textAnchor="end",
            )
        )
    for year in range(first.year + 1, last.year + 1):
        at = x(dt.date(year, 1, 1))
        drawing.add(Line(at, bottom, at, top, strokeColor=RULE, strokeWidth=0.4))
        drawing.add(
            String(at + 1.5, bottom - 6, str(year), fontName=FONT, fontSize=6.5, fillColor=MUTED)
        )
    if not points:
        drawing.add(
            String(
                (left + right) / 2,
                (bottom + top) / 2,
                "Nog geen ladderbeoordeling",
                fontName=FONT,
                fontSize=8,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
        return drawing
    line: list[float] = [x(points[0][0]), y(points[0][1])]
    previous = points[0][1]
    for day, trede in points[1:]:
        line += [x(day), y(previous), x(day), y(trede)]
        previous = trede
    line += [max(x(today), x(points[-1][0])), y(previous)]
    drawing.add(PolyLine(line, strokeColor=ACCENT, strokeWidth=1.6))
    for day, trede in points:
        drawing.add(Circle(x(day), y(trede), 1.6, fillColor=ACCENT, strokeColor=ACCENT))
    if document.expected_trede and expected_by:
        drawing.add(
            Line(
                x(points[-1][0]),
                y(points[-1][1]),
                x(expected_by),
                y(document.expected_trede),
                strokeColor=colors.HexColor("#2e7d5b"),
                strokeWidth=1.2,
                strokeDashArray=[3, 2],
            )
        )
        drawing.add(
            Circle(
                x(expected_by),
                y(document.expected_trede),
                2,
                fillColor=colors.white,
                strokeColor=colors.HexColor("#2e7d5b"),
            )
        )
    return drawing


def _text_or(text: str, fallback: str) -> str:
    return text.strip() or fallback


def signed_lines(document: PlanDocument) -> list[Flowable]:
    if not (document.signed_by_client_on or document.signed_by_caseworker_on):
        return []
    return [
        para(
            f"Ondertekend door de klant op {document.signed_by_client_on or '–'} en namens de "
            f"gemeente op {document.signed_by_caseworker_on or '–'}.",
            "small",
        )
    ]


def render_plan(
    document: PlanDocument, path: Path, before_replace: Callable[[], None] | None = None
) -> None:
    """Write the plan to `path` whole; `before_replace` commits the print's audit record
    before the file is in place."""
    version = f"versie {document.version}" if document.version else "CONCEPT"
    story: list[Flowable] = [
        *municipality_header(document.municipality),
        Spacer(1, 3 * mm),
        para(document.title, "title"),
        para(f"{version} · {document.issued_on}", "small"),
        Spacer(1, 4 * mm),
        table(
            [
                ("Naam", document.client_name),
                ("BSN", document.client_bsn),
                ("Geboortedatum", document.client_birth_date),
                ("Adres", document.client_address or "–"),
                (
                    "Klantmanager / werkcoach",
                    f"{document.caseworker} ({document.caseworker_role})"
                    if document.caseworker
                    else "–",
                ),
                (
                    "Looptijd van het plan",
                    (
                        f"{document.valid_from or '–'} tot {document.valid_until or '–'}"
                        if document.valid_from or document.valid_until
                        else "–"
                    ),
                ),
            ],
            [50 * mm, 120 * mm],
            header=False,
        ),
        para("Uw situatie", "h2"),
        para(_text_or(document.situation, "Nog niet beschreven.")),
        para("Participatieladder", "h2"),
    ]
    if document.trede:
        line = f"U staat nu op trede {document.trede}: {TREDE_NAMES[document.trede]}."
        if document.expected_trede and document.expected_by:
            line += f" Verwacht: trede {document.expected_trede} op {document.expected_by}."
        story.append(para(line))
    story.append(ladder_chart(document))
    story.append(para("Doelen", "h2"))
    goal_rows = [("Doel", "Streefdatum", "Bereikt")] + [
        (g["description"], g["target"] or "–", g["achieved"] or "") for g in document.goals
    ]
    if len(goal_rows) == 1:
        goal_rows.append(("Nog geen doelen vastgelegd.", "", ""))
    story.append(table(goal_rows, [120 * mm, 28 * mm, 22 * mm]))
    story.append(para("Afspraken: activiteiten en instrumenten", "h2"))
    prices = instrument_prices(document.municipality)
    priced = any(prices.get(i["instrument"]) is not None for i in document.instruments)
    header = ("Activiteit of instrument", "Toelichting", "Van", "Tot")
    instrument_rows: list[tuple[str, ...]] = [(*header, "Prijs") if priced else header]
    for i in document.instruments:
        row: tuple[str, ...] = (
            i["instrument"],
            i["description"],
            i["from"] or "–",
            i["until"] or "–",
        )
        if priced:
            price = prices.get(i["instrument"])
            row = (*row, format_money(price) if price is not None else "")
        instrument_rows.append(row)
    if len(instrument_rows) == 1:
        instrument_rows.append(("Nog geen activiteiten afgesproken.", "", "", ""))
    widths = [55 * mm, 67 * mm, 24 * mm, 24 * mm]
    if priced:
        widths = [50 * mm, 52 * mm, 22 * mm, 22 * mm, 24 * mm]
    story.append(table(instrument_rows, widths))
    story += [
        para("Ondersteuning die wij bieden", "h2"),
        para(document.support_offered),
        para("Uw rechten en plichten", "h2"),
        para(
            f"Arbeidsverplichting: {document.work_obligation or 'niet vastgelegd'}."
            + (f" Ontheffing: {document.exemption}." if document.exemption else "")
        ),
        para(
            _text_or(
                document.obligations,
                "U werkt mee aan de afspraken in dit plan, komt op afspraken en meldt "
                "veranderingen in uw situatie.",
            )
        ),
        para(
            "U hebt recht op ondersteuning die past bij uw situatie, op inzage in uw dossier en "
            "op bezwaar tegen besluiten van de gemeente.",
            "small",
        ),
        para("Als u zich niet aan de afspraken houdt", "h2"),
        para(document.consequences),
        Spacer(1, 8 * mm),
        KeepTogether(
            [
                para("Ondertekening", "h2"),
                para(
                    "Wij hebben dit plan samen opgesteld en zijn het eens met de afspraken.",
                    "small",
                ),
                *signed_lines(document),
                Spacer(1, 3 * mm),
                signature_block(("Klant", "Namens de gemeente")),
            ]
        ),
    ]
    build_pdf(
        path,
        story,
        title=f"{document.title} – {document.client_name}",
        running_header=f"{document.title} · {document.client_name} · {version}",
        before_replace=before_replace,
    )


def print_plan(
    session: Session, actor: Actor, client_id: str, document: PlanDocument, path: Path
) -> None:
    """Write the plan's PDF to `path`; the print's audit record commits before the file is
    in place, so no printed plan exists without its record."""

    def audited() -> None:
        record_plan_print(session, actor, client_id, document)
        session.commit()

    render_plan(document, path, before_replace=audited)


def plan_file_name(client_name: str, client_id: str) -> str:
    """A file name the caseworker recognises; the id part keeps namesakes apart."""
    safe = "".join(ch if ch.isalnum() else "-" for ch in client_name).strip("-")
    return f"plan-{safe or 'klant'}-{client_id[:8]}.pdf"
