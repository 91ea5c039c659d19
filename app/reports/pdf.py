"""Shared PDF pieces (reportlab Platypus): the embedded Unicode font, the styles, and an A4
document with a running header and page numbers."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.storage.files import complete_file

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
ACCENT = colors.HexColor("#1f5f8b")
MUTED = colors.HexColor("#5f6b76")
RULE = colors.HexColor("#c4ccd4")
ZEBRA = colors.HexColor("#f3f6f9")


@functools.cache
def register_fonts() -> None:
    """Embed DejaVu Sans (every Latin, Turkish and Polish letter prints as typed)."""
    from app.resources import resource_path

    pdfmetrics.registerFont(TTFont(FONT, str(resource_path("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(resource_path("fonts", "DejaVuSans-Bold.ttf"))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD)


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13, alignment=TA_LEFT)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=MUTED),
        "title": ParagraphStyle(
            "title", parent=body, fontName=FONT_BOLD, fontSize=16, leading=20, spaceAfter=4
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=11,
            leading=14,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=4,
        ),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11),
        "cell_bold": ParagraphStyle(
            "cell_bold", parent=body, fontName=FONT_BOLD, fontSize=8.5, leading=11
        ),
    }


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def para(text: str, style: str = "body") -> Paragraph:
    """A paragraph of plain text (escaped: names are never markup)."""
    return Paragraph(escape(text), styles()[style])


def table(
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    *,
    header: bool = True,
    align_right_from: int | None = None,
) -> Table:
    """A calm table: a bold header row, light stripes, numbers aligned right."""
    cell, bold = styles()["cell"], styles()["cell_bold"]
    data = [
        [Paragraph(escape(str(value)), bold if header and r == 0 else cell) for value in row]
        for r, row in enumerate(rows)
    ]
    result = Table(data, colWidths=list(widths), repeatRows=1 if header else 0)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for r in range(1 if header else 0, len(rows)):
        if r % 2 == 0:
            commands.append(("BACKGROUND", (0, r), (-1, r), ZEBRA))
    result.setStyle(TableStyle(commands))
    if align_right_from is not None:
        for row in data:
            for paragraph in row[align_right_from:]:
                paragraph.style = ParagraphStyle("right", parent=paragraph.style, alignment=2)
    return result


def signature_block(parties: Sequence[str]) -> Table:
    """Name, date and signature lines side by side, one column per party."""
    cell = styles()["cell"]
    rows = [
        [Paragraph(f"<b>{escape(party)}</b>", cell) for party in parties],
        [Paragraph("Naam: ______________________________", cell) for _ in parties],
        [Paragraph("Datum: _____________________________", cell) for _ in parties],
        [Spacer(1, 14 * mm) for _ in parties],
        [Paragraph("Handtekening: ______________________", cell) for _ in parties],
    ]
    width = (A4[0] - 40 * mm) / len(parties)
    block = Table(rows, colWidths=[width] * len(parties))
    block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return block


def build_pdf(
    path: Path,
    story: list[Flowable],
    *,
    title: str,
    running_header: str,
    before_replace: Callable[[], None] | None = None,
) -> None:
    """Write the PDF whole (a crash never leaves half a document); `before_replace` commits
    its audit record before the file is in place."""
    register_fonts()

    def decorate(canvas: Canvas, document: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(20 * mm, A4[1] - 12 * mm, running_header)
        canvas.drawRightString(A4[0] - 20 * mm, 10 * mm, f"pagina {document.page}")
        canvas.restoreState()

    with complete_file(path, before_replace) as temporary:
        document = SimpleDocTemplate(
            str(temporary),
            pagesize=A4,
            leftMargin=20 * mm,
            rightMargin=20 * mm,
            topMargin=20 * mm,
            bottomMargin=18 * mm,
            title=title,
            author="Trede",
            creator="Trede",
        )
        document.build(story, onFirstPage=decorate, onLaterPages=decorate)
