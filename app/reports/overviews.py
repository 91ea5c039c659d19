"""Management PDFs: the caseload overview (per caseworker or team: clients, trede, due
actions) and the quarterly report with its charts (instruments, outflow, ladder movement,
per priority group and municipality)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from itertools import groupby
from pathlib import Path

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from app.domain.formatting import format_date
from app.domain.ladder_movement import STEP_BUCKETS
from app.domain.region import municipality_name
from app.reports.pdf import ACCENT, FONT, build_pdf, para, table
from app.services.caseload import CaseloadRow
from app.services.reporting import GroupFigures, QuarterReport

SECOND = colors.HexColor("#f2b134")
Progress = Callable[[int, int], None]


def render_caseload_overview(
    rows: Sequence[CaseloadRow],
    path: Path,
    *,
    title: str,
    today: dt.date,
    progress: Progress | None = None,
    before_replace: Callable[[], None] | None = None,
) -> None:
    """One table per caseworker, in name order; overdue actions marked."""
    story: list[Flowable] = [
        para(title, "title"),
        para(f"{len(rows)} klanten · {format_date(today)}", "small"),
        Spacer(1, 4 * mm),
    ]
    ordered = sorted(rows, key=lambda r: (r.caseworker_name, r.sort_key))
    done = 0
    for worker, group in groupby(ordered, key=lambda r: r.caseworker_name):
        members = list(group)
        story.append(para(f"{worker} ({len(members)})", "h2"))
        table_rows = [("Naam", "Leeftijd", "Gemeente", "Trede", "Herbeoordeling", "Volgende actie")]
        for row in members:
            action = ""
            if row.next_action is not None:
                # date first: a long action wraps, and "(te laat)" stays on its first line
                late = " (te laat)" if row.is_overdue(today) else ""
                action = f"{format_date(row.next_action.due_on)}{late}: {row.next_action.label}"
            table_rows.append(
                (
                    row.listing_name,
                    str(row.age),
                    municipality_name(row.municipality),
                    str(row.trede or "–"),
                    format_date(row.review_on) if row.review_on else "–",
                    action,
                )
            )
        story.append(table(table_rows, [48 * mm, 14 * mm, 24 * mm, 12 * mm, 24 * mm, 48 * mm]))
        done += len(members)
        if progress is not None:
            progress(done, len(rows))
    build_pdf(
        path,
        story,
        title=title,
        running_header=f"{title} · {format_date(today)}",
        before_replace=before_replace,
    )


def _bar_chart(
    categories: Sequence[str],
    series: Sequence[Sequence[float]],
    names: Sequence[str],
    *,
    horizontal: bool = False,
    height: float = 60 * mm,
) -> Drawing:
    width = A4[0] - 40 * mm
    drawing = Drawing(width, height)
    chart = HorizontalBarChart() if horizontal else VerticalBarChart()
    chart.x, chart.y = (45 * mm, 8 * mm) if horizontal else (14 * mm, 14 * mm)
    chart.width = width - chart.x - 35 * mm
    chart.height = height - chart.y - 6 * mm
    chart.data = [list(values) for values in series]
    chart.categoryAxis.categoryNames = list(categories)
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 6.5
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.valueMin = 0
    for index, colour in enumerate((ACCENT, SECOND)[: len(series)]):
        chart.bars[index].fillColor = colour
        chart.bars[index].strokeColor = None
    if horizontal:
        chart.categoryAxis.labels.boxAnchor = "e"
    else:
        chart.categoryAxis.labels.angle = 0
    drawing.add(chart)
    if len(names) > 1:
        legend = Legend()
        legend.x, legend.y = width - 32 * mm, height - 8 * mm
        legend.fontName, legend.fontSize = FONT, 7
        legend.colorNamePairs = list(zip((ACCENT, SECOND), names, strict=False))
        drawing.add(legend)
    return drawing


def render_quarter_report(
    report: QuarterReport, path: Path, before_replace: Callable[[], None] | None = None
) -> None:
    movement = report.movement
    story: list[Flowable] = [
        para(report.title, "title"),
        para(
            f"{format_date(report.first)} tot en met {format_date(report.last)} · "
            f"{report.scope_label} · {report.clients} klanten",
            "small",
        ),
        para("Kerncijfers", "h2"),
        table(
            [
                (
                    "Uitstroom naar werk (betaald, eigen bedrijf, SW-bedrijf)",
                    str(report.outflow_to_work),
                ),
                ("Plaatsingen gestart", str(sum(n for _, n in report.placements_started))),
                ("Loonwaardemetingen", str(report.measurements)),
                ("Uren jobcoaching", f"{report.coaching_hours:.1f}".replace(".", ",")),
                (
                    "Gestegen op de ladder",
                    f"{sum(movement.steps[b] for b in STEP_BUCKETS[2:])} van "
                    f"{sum(movement.steps.values())}",
                ),
            ],
            [120 * mm, 50 * mm],
            header=False,
        ),
        para("Participatieladder: begin en einde van het kwartaal", "h2"),
        _bar_chart(
            [f"trede {t}" for t in range(1, 7)] + ["onbekend"],
            [
                [movement.start_distribution[t] for t in (1, 2, 3, 4, 5, 6, 0)],
                [movement.end_distribution[t] for t in (1, 2, 3, 4, 5, 6, 0)],
            ],
            ["begin", "einde"],
        ),
        para("Beweging in treden", "h2"),
        _bar_chart(
            ["gedaald", "0", "1", "2", "3", "4+"],
            [[movement.steps[b] for b in STEP_BUCKETS]],
            ["klanten"],
            height=45 * mm,
        ),
        para("Inzet van instrumenten", "h2"),
    ]
    if report.instruments:
        story.append(
            _bar_chart(
                [name for name, _ in report.instruments][:10],
                [[count for _, count in report.instruments][:10]],
                ["trajecten"],
                horizontal=True,
                height=max(35 * mm, 8 * mm * min(10, len(report.instruments))),
            )
        )
    else:
        story.append(para("Geen instrumenten ingezet in dit kwartaal."))
    placements = [("Soort plaatsing", "Gestart")] + [
        (k, str(n)) for k, n in report.placements_started
    ]
    outflow = [("Reden van uitstroom", "Klanten")] + [(k, str(n)) for k, n in report.outflow]
    story += [
        table(
            placements if len(placements) > 1 else [*placements, ("geen", "0")], [120 * mm, 50 * mm]
        ),
        Spacer(1, 3 * mm),
        table(outflow if len(outflow) > 1 else [*outflow, ("geen", "0")], [120 * mm, 50 * mm]),
        PageBreak(),
        para("Per doelgroep", "h2"),
        _group_table(report.per_group),
        para("Per gemeente", "h2"),
        _group_table(report.per_municipality),
        _bar_chart(
            [g.name for g in report.per_municipality],
            [
                [g.clients for g in report.per_municipality],
                [g.outflow_to_work for g in report.per_municipality],
            ],
            ["klanten", "uitstroom naar werk"],
            height=50 * mm,
        ),
        Spacer(1, 4 * mm),
        para(
            "Een klant kan in meer doelgroepen vallen; de doelgroepen tellen daarom niet op tot "
            "het totaal. 'Gestegen' telt klanten met een beoordeling aan het begin en het einde "
            "van het kwartaal.",
            "small",
        ),
        para(f"Opgesteld op {format_date(report.made_on)} met Trede.", "small"),
    ]
    build_pdf(
        path, story, title=report.title, running_header=report.title, before_replace=before_replace
    )


def _group_table(groups: Sequence[GroupFigures]) -> Flowable:
    rows = [("", "Klanten", "Uitstroom naar werk", "Gestegen op de ladder")]
    for group in groups:
        rows.append(
            (
                group.name,
                str(group.clients),
                str(group.outflow_to_work),
                f"{group.moved_up} van {group.with_steps}",
            )
        )
    return table(rows, [70 * mm, 25 * mm, 40 * mm, 35 * mm])
