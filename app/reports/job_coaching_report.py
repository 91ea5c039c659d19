"""The half-yearly job-coaching report for employer and client (PDF): hours per month against
the indicated hours and the ceiling, the activities, and signature lines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.domain.formatting import format_date, format_month, format_number
from app.domain.rules import rules
from app.domain.vocab import CoachingActivity
from app.reports.pdf import build_pdf, para, signature_block, table
from app.services.job_coaching import HalfYearReport, format_minutes


def ceiling_shares_text(on: dt.date) -> str:
    """'15% in het 1e jaar van de baan, 7,5% in het 2e, 6% daarna', from the rules table."""
    shares = rules().table("jobcoach_max_share_pct", on)
    years = sorted(shares)
    parts = [
        f"{format_number(shares[year])}% in het {year}e jaar van de baan"
        if index == 0
        else f"{format_number(shares[year])}% in het {year}e"
        for index, year in enumerate(years[:-1])
    ]
    parts.append(f"{format_number(shares[years[-1]])}% daarna")
    return ", ".join(parts)


def _use_line(budget: str, difference: int) -> str:
    """'3:30 boven de indicatie' or '10:00 onder het plafond' over the months it applies."""
    if difference > 0:
        return f"Samen {format_minutes(difference)} boven {budget}."
    if difference < 0:
        return f"Samen {format_minutes(-difference)} onder {budget}."
    return f"Samen precies op {budget}."


def render_half_year_report(
    report: HalfYearReport, path: Path, before_replace: Callable[[], None] | None = None
) -> None:
    period = f"{format_date(report.first)} tot en met {format_date(report.last)}"
    story: list[Flowable] = [
        para("Halfjaarrapportage jobcoaching", "title"),
        para(f"Periode {period}", "small"),
        Spacer(1, 4 * mm),
        table(
            [
                ("Werknemer", report.client_name),
                ("Geboortedatum", format_date(report.birth_date)),
                ("Werkgever", report.employer_name or "–"),
                ("Functie", report.function_title or "–"),
                (
                    "In dienst sinds",
                    format_date(report.placement_started_on)
                    if report.placement_started_on
                    else "–",
                ),
                (
                    "Geïndiceerde intensiteit",
                    f"{format_number(report.indicated_hours_per_month)} uur per maand"
                    if report.indicated_hours_per_month is not None
                    else "niet vastgelegd",
                ),
                ("Jobcoach", ", ".join(report.coach_names) or "–"),
            ],
            [45 * mm, 125 * mm],
            header=False,
        ),
        para("Uren per maand", "h2"),
    ]
    month_rows = [("Maand", "Uren", "Geïndiceerd", "Plafond", "Opmerking")]
    for month in report.months:
        remarks = []
        if month.over_indicated:
            remarks.append("boven de indicatie")
        if month.over_ceiling:
            remarks.append("boven het plafond")
        month_rows.append(
            (
                format_month(month.month),
                format_minutes(month.minutes),
                format_minutes(month.indicated_minutes)
                if month.indicated_minutes is not None
                else "–",
                format_minutes(month.ceiling_minutes) if month.ceiling_minutes is not None else "–",
                ", ".join(remarks),
            )
        )
    indicated, ceiling = report.total_indicated, report.total_ceiling
    month_rows.append(
        (
            "Totaal",
            format_minutes(report.total_minutes),
            format_minutes(indicated) if indicated is not None else "–",
            format_minutes(ceiling) if ceiling is not None else "–",
            "",
        )
    )
    story.append(table(month_rows, [40 * mm, 22 * mm, 28 * mm, 24 * mm, 56 * mm]))
    use_lines = []
    if indicated is not None:
        use_lines.append(
            _use_line("de indicatie", report.hours_in_months_with("indicated") - indicated)
        )
    if ceiling is not None:
        use_lines.append(_use_line("het plafond", report.hours_in_months_with("ceiling") - ceiling))
    story.extend(para(line, "small") for line in use_lines)
    story.append(para("Activiteiten", "h2"))
    activity_rows = [("Activiteit", "Uren")]
    for activity in CoachingActivity:
        minutes = report.activity_minutes.get(activity.value, 0)
        if minutes:
            activity_rows.append((activity.label, format_minutes(minutes)))
    if len(activity_rows) == 1:
        activity_rows.append(("Geen jobcoaching geregistreerd in deze periode", ""))
    story.append(table(activity_rows, [120 * mm, 50 * mm]))
    story += [
        Spacer(1, 4 * mm),
        para(
            "Het plafond is het deel van de gewerkte uren dat aan jobcoaching mag worden besteed "
            f"({ceiling_shares_text(report.made_on)}). Uren staan als uren:minuten.",
            "small",
        ),
        Spacer(1, 10 * mm),
        para("Voor gezien", "h2"),
        signature_block(("Werkgever", "Werknemer")),
        Spacer(1, 6 * mm),
        para(f"Opgesteld op {format_date(report.made_on)} met Trede.", "small"),
    ]
    build_pdf(
        path,
        story,
        title=f"Halfjaarrapportage jobcoaching {period}",
        running_header=f"Halfjaarrapportage jobcoaching · {period}",
        before_replace=before_replace,
    )
