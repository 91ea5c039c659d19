"""Loonwaardemetingen after the ULM model report (RULES.md): the form with up to five
hoofdtaken, its checks, and the rows lists show. Recording them: `measurements`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import validation as v
from app.domain.formatting import (
    format_date,
    format_number,
    format_optional_number,
    fraction_text,
)
from app.domain.rules import rules
from app.domain.wage import task_result_pct, weighted_loonwaarde
from app.models import Placement, WageValueMeasurement, WageValueTask
from app.services.records import CorrectableRow, corrections_of

HUNDRED = Decimal(100)
MAX_FACTOR_PCT = Decimal(150)  # tempo can be above normal; quality and net time stay <= 100
MAX_HOURS_PER_WEEK = Decimal(60)
MAX_COACH_HOURS_PER_MONTH = Decimal(80)
TOTAL_TOLERANCE = Decimal("0.5")  # percentage points between the total and the tasks
DAYS_PER_WEEK = Decimal(7)
HOURS_PER_DAY = Decimal(24)
MINUTES_PER_HOUR = 60


def validity_months(on: dt.date) -> int:
    return rules().int_value("loonwaarde_validity_months", on)


@dataclass(frozen=True)
class TaskForm:
    name: str = ""
    share_pct: str = ""
    tempo_pct: str = ""
    quality_pct: str = ""
    net_worktime_pct: str = ""
    result_pct: str = ""
    explanation: str = ""

    def is_blank(self) -> bool:
        return not any(str(value).strip() for value in vars(self).values())

    def suggested_result(self) -> Decimal | None:
        factors = [
            v.parse_decimal(x) for x in (self.tempo_pct, self.quality_pct, self.net_worktime_pct)
        ]
        if any(f is None for f in factors):
            return None
        tempo, quality, net = factors
        assert tempo is not None and quality is not None and net is not None
        return task_result_pct(tempo, quality, net)


@dataclass(frozen=True)
class MeasurementForm:
    """A measurement as typed (dates dd-mm-jjjj, percentages and hours with a comma)."""

    placement_id: str = ""
    report_date: str = ""
    visit_date: str = ""
    expert_name: str = ""
    employer_contact: str = ""
    norm_function: str = ""
    performed_function: str = ""
    contract_hours: str = ""
    fulltime_hours: str = ""
    workdays_per_week: str = ""
    tasks: tuple[TaskForm, ...] = field(default_factory=tuple)
    loonwaarde_pct: str = ""
    explanation: str = ""
    jobcoach_hours_per_month: str = ""
    next_measurement_on: str = ""

    def filled_tasks(self) -> list[tuple[int, TaskForm]]:
        """(position 1..5, task) of the task rows that hold anything."""
        return [(i, t) for i, t in enumerate(self.tasks, start=1) if not t.is_blank()]

    def computed_loonwaarde(self) -> Decimal | None:
        """The weighted total of the task results, when every filled row has its numbers."""
        pairs = []
        for _, task in self.filled_tasks():
            share, result = v.parse_decimal(task.share_pct), v.parse_decimal(task.result_pct)
            if share is None or result is None:
                return None
            pairs.append((share, result))
        return weighted_loonwaarde(pairs) if pairs else None


def _pct_problem(value: str, what: str, maximum: Decimal = HUNDRED) -> str | None:
    return v.decimal_problem(value, what=what, minimum=Decimal(0), maximum=maximum)


def validate_measurement(
    session: Session, form: MeasurementForm, *, today: dt.date
) -> dict[str, str]:
    """Every problem, per field; task fields are named 'task2.share_pct' and so on."""
    problems: dict[str, str] = {}
    table = rules()
    if form.placement_id and session.get(Placement, form.placement_id) is None:
        problems["placement_id"] = "Kies de plaatsing waarvoor gemeten is."
    report_problem = v.date_problem(form.report_date, latest=today, what="de rapportdatum")
    if report_problem:
        problems["report_date"] = report_problem
    report = v.parse_date(form.report_date)
    visit_problem = v.date_problem(
        form.visit_date, latest=report or today, what="de datum van het werkplekbezoek"
    )
    if visit_problem:
        problems["visit_date"] = visit_problem
    for name, what in (
        ("expert_name", "de naam van de loonwaardedeskundige"),
        ("norm_function", "de normfunctie"),
        ("performed_function", "de uitgevoerde functie"),
    ):
        if not getattr(form, name).strip():
            problems[name] = f"Vul {what} in."
    contract_problem = v.decimal_problem(
        form.contract_hours,
        what="de contracturen per week",
        minimum=Decimal(0),
        maximum=MAX_HOURS_PER_WEEK,
        above_minimum=True,
    )
    fulltime_problem = v.decimal_problem(
        form.fulltime_hours,
        what="de voltijdsuren per week",
        minimum=Decimal(0),
        maximum=MAX_HOURS_PER_WEEK,
        above_minimum=True,
    )
    contract, fulltime = v.parse_decimal(form.contract_hours), v.parse_decimal(form.fulltime_hours)
    if (
        not fulltime_problem
        and not contract_problem
        and contract
        and fulltime
        and contract > fulltime
    ):
        contract_problem = "De contracturen kunnen niet meer zijn dan de voltijdsuren."
    if contract_problem:
        problems["contract_hours"] = contract_problem
    if fulltime_problem:
        problems["fulltime_hours"] = fulltime_problem
    on = report or today
    ulm_start = table.date_value("ulm_required_from")
    workdays_problem = v.decimal_problem(
        form.workdays_per_week,
        what="het aantal werkdagen per week",
        minimum=Decimal(0),
        maximum=DAYS_PER_WEEK,
        required=on >= ulm_start,
        above_minimum=True,
    )
    if workdays_problem:
        problems["workdays_per_week"] = workdays_problem
    workdays = None if workdays_problem else v.parse_decimal(form.workdays_per_week)
    if workdays is not None and contract is not None and not contract_problem:
        contract_days = contract / workdays
        if contract_days > HOURS_PER_DAY:
            problems["workdays_per_week"] = (
                "Zoveel contracturen passen niet in zo weinig werkdagen; controleer beide."
            )

    filled = form.filled_tasks()
    max_tasks = table.int_value("ulm_max_tasks", max(on, ulm_start))
    min_share = table.value("ulm_task_min_share_pct", max(on, ulm_start))
    min_minutes = table.value("ulm_task_min_minutes_per_day", max(on, ulm_start))
    if not filled:
        problems["tasks"] = "Vul minstens één hoofdtaak in."
    elif len(filled) > max_tasks or len(form.tasks) > max_tasks:
        problems["tasks"] = f"Een meting heeft ten hoogste {max_tasks} hoofdtaken."
    shares: list[Decimal] = []
    for position, task in filled:
        prefix = f"task{position}."
        if not task.name.strip():
            problems[prefix + "name"] = f"Vul de naam van hoofdtaak {position} in."
        share_problem = _pct_problem(task.share_pct, f"het tijdsaandeel van taak {position}")
        share = v.parse_decimal(task.share_pct)
        if not share_problem and share is not None:
            shares.append(share)
            if share < min_share:
                share_problem = (
                    f"Een hoofdtaak beslaat minstens {format_number(min_share)}% van de werktijd "
                    f"({fraction_text(min_share)}); voeg kleinere taken samen."
                )
            elif workdays and contract and "workdays_per_week" not in problems:
                minutes = share / HUNDRED * contract * MINUTES_PER_HOUR / workdays
                if minutes < min_minutes:
                    share_problem = (
                        f"Taak {position} beslaat gemiddeld {format_number(minutes, 0)} minuten "
                        f"per werkdag; een hoofdtaak beslaat minstens "
                        f"{format_number(min_minutes)} minuten per dag. Voeg kleinere taken samen."
                    )
        if share_problem:
            problems[prefix + "share_pct"] = share_problem
        for name, what, maximum in (
            ("tempo_pct", "het tempo", MAX_FACTOR_PCT),
            ("quality_pct", "de kwaliteit", HUNDRED),
            ("net_worktime_pct", "de netto werktijd", HUNDRED),
            ("result_pct", "het resultaat", HUNDRED),
        ):
            problem = _pct_problem(getattr(task, name), f"{what} van taak {position}", maximum)
            if problem:
                problems[prefix + name] = problem
        result = v.parse_decimal(task.result_pct)
        suggested = task.suggested_result()
        if (
            result is not None
            and suggested is not None
            and abs(result - suggested) > TOTAL_TOLERANCE
            and not task.explanation.strip()
        ):
            problems[prefix + "explanation"] = (
                f"Het resultaat van taak {position} wijkt af van tempo × kwaliteit × netto "
                f"werktijd ({format_number(suggested)}%): licht dat toe."
            )
    total_share = sum(shares, Decimal(0))
    if "tasks" not in problems and len(shares) == len(filled) and total_share != HUNDRED:
        problems["tasks"] = (
            f"De tijdsaandelen van de hoofdtaken tellen op tot {format_number(total_share)}%; "
            "dat moet 100% zijn."
        )
    total_problem = _pct_problem(form.loonwaarde_pct, "de totale loonwaarde")
    total = v.parse_decimal(form.loonwaarde_pct)
    computed = form.computed_loonwaarde()
    if (
        not total_problem
        and total is not None
        and computed is not None
        and abs(total - computed) > TOTAL_TOLERANCE
    ):
        total_problem = (
            f"De totale loonwaarde ({format_number(total)}%) wijkt af van het gewogen "
            f"resultaat van de hoofdtaken ({format_number(computed)}%)."
        )
    if total_problem:
        problems["loonwaarde_pct"] = total_problem
    coach_problem = v.decimal_problem(
        form.jobcoach_hours_per_month,
        what="de jobcoachintensiteit (uren per maand)",
        minimum=Decimal(0),
        maximum=MAX_COACH_HOURS_PER_MONTH,
        required=False,
    )
    if coach_problem:
        problems["jobcoach_hours_per_month"] = coach_problem
    if form.next_measurement_on.strip():
        next_problem = v.date_problem(
            form.next_measurement_on,
            earliest=(report + dt.timedelta(days=1)) if report else None,
            what="de datum van de volgende meting",
        )
        if next_problem:
            problems["next_measurement_on"] = next_problem
    return problems


# ---------------------------------------------------------------- reading


@dataclass(frozen=True)
class TaskRow:
    position: int
    name: str
    share_pct: Decimal
    tempo_pct: Decimal
    quality_pct: Decimal
    net_worktime_pct: Decimal
    result_pct: Decimal
    explanation: str | None


@dataclass(frozen=True)
class MeasurementRow(CorrectableRow):
    id: str
    placement_id: str | None
    report_date: dt.date
    visit_date: dt.date
    expert_name: str
    employer_contact: str | None
    norm_function: str
    performed_function: str
    contract_hours: Decimal
    fulltime_hours: Decimal
    workdays_per_week: Decimal | None
    loonwaarde_pct: Decimal
    explanation: str | None
    jobcoach_hours_per_month: Decimal | None
    next_measurement_on: dt.date | None
    tasks: tuple[TaskRow, ...]
    created_at: dt.datetime

    def form(self) -> MeasurementForm:
        return MeasurementForm(
            placement_id=self.placement_id or "",
            report_date=format_date(self.report_date),
            visit_date=format_date(self.visit_date),
            expert_name=self.expert_name,
            employer_contact=self.employer_contact or "",
            norm_function=self.norm_function,
            performed_function=self.performed_function,
            contract_hours=format_optional_number(self.contract_hours),
            fulltime_hours=format_optional_number(self.fulltime_hours),
            workdays_per_week=format_optional_number(self.workdays_per_week),
            tasks=tuple(
                TaskForm(
                    t.name,
                    format_optional_number(t.share_pct),
                    format_optional_number(t.tempo_pct),
                    format_optional_number(t.quality_pct),
                    format_optional_number(t.net_worktime_pct),
                    format_optional_number(t.result_pct),
                    t.explanation or "",
                )
                for t in self.tasks
            ),
            loonwaarde_pct=format_optional_number(self.loonwaarde_pct),
            explanation=self.explanation or "",
            jobcoach_hours_per_month=format_optional_number(self.jobcoach_hours_per_month),
            next_measurement_on=format_date(self.next_measurement_on)
            if self.next_measurement_on
            else "",
        )


def measurement_rows(session: Session, client_id: str) -> list[MeasurementRow]:
    """A client's measurements, newest first, for a caller that checked the access already."""
    return measurement_rows_of(session, [client_id]).get(client_id, [])


def measurement_rows_of(
    session: Session, client_ids: Sequence[str]
) -> dict[str, list[MeasurementRow]]:
    """Per client, its measurements newest first (for callers that checked the access)."""
    found = session.scalars(
        select(WageValueMeasurement).where(
            WageValueMeasurement.client_id.in_(client_ids),
            WageValueMeasurement.deleted_at.is_(None),
        )
    ).all()
    ids = [m.id for m in found]
    tasks: dict[str, list[TaskRow]] = {}
    if ids:
        for t in session.scalars(
            select(WageValueTask).where(
                WageValueTask.measurement_id.in_(ids), WageValueTask.deleted_at.is_(None)
            )
        ):
            tasks.setdefault(t.measurement_id, []).append(
                TaskRow(
                    t.position,
                    t.name,
                    t.share_pct,
                    t.tempo_pct,
                    t.quality_pct,
                    t.net_worktime_pct,
                    t.result_pct,
                    t.explanation,
                )
            )
    corrected_by = corrections_of(found)
    grouped: dict[str, list[MeasurementRow]] = {}
    for m in found:
        grouped.setdefault(m.client_id, []).append(
            MeasurementRow(
                id=m.id,
                placement_id=m.placement_id,
                report_date=m.report_date,
                visit_date=m.visit_date,
                expert_name=m.expert_name,
                employer_contact=m.employer_contact,
                norm_function=m.norm_function,
                performed_function=m.performed_function,
                contract_hours=m.contract_hours,
                fulltime_hours=m.fulltime_hours,
                workdays_per_week=m.workdays_per_week,
                loonwaarde_pct=m.loonwaarde_pct,
                explanation=m.explanation,
                jobcoach_hours_per_month=m.jobcoach_hours_per_month,
                next_measurement_on=m.next_measurement_on,
                tasks=tuple(sorted(tasks.get(m.id, []), key=lambda t: t.position)),
                created_at=m.created_at,
                corrects_id=m.corrects_id,
                corrected_by_id=corrected_by.get(m.id),
            )
        )
    for rows in grouped.values():
        rows.sort(key=lambda r: (r.report_date, r.created_at), reverse=True)
    return grouped


def latest_of(rows: Sequence[MeasurementRow]) -> dict[str, MeasurementRow]:
    """Per placement id, the newest measurement that counts (not replaced by a correction);
    `rows` newest first, as `measurement_history` gives them."""
    latest: dict[str, MeasurementRow] = {}
    for row in rows:
        if row.placement_id and not row.is_superseded and row.placement_id not in latest:
            latest[row.placement_id] = row
    return latest


def latest_measurements(session: Session, client_id: str) -> dict[str, MeasurementRow]:
    return latest_of(measurement_rows(session, client_id))
