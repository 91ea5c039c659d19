"""Job-coaching hours (records; a correction is a new record, the original kept) and the
monthly use against the indicated intensity and the yearly ceiling."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from app.domain import validation as v
from app.domain.dates import month_end, month_start, months_between
from app.domain.formatting import format_date
from app.domain.job_coaching import Absence, MonthUse, ceiling_minutes
from app.domain.vocab import AuditAction, CoachingActivity
from app.models import JobCoachingHours
from app.services.absences import absence_rows_of, sickness_periods
from app.services.access import placement_of_client, require_client
from app.services.audit import audit
from app.services.context import Actor
from app.services.errors import ValidationFailed
from app.services.records import (
    CorrectableRow,
    RecordKind,
    record_history,
    record_to_correct,
    save_record,
)

MAX_MINUTES = 12 * 60
DAY_MINUTES = 24 * 60  # what a day holds, across entries, placements and clients
NOTE_MAX = 2000
BACKDATE_DAYS = 400

HOURS = RecordKind(
    JobCoachingHours,
    "job_coaching_hours",
    JobCoachingHours.coach_id,
    "Deze registratie bestaat niet (meer).",
)


def validate_hours(
    worked_on: str,
    duration: str,
    activity: str,
    note: str,
    *,
    today: dt.date,
    correction: bool = False,
) -> dict[str, str]:
    """Problems per field; a correction may set the duration to 0 (the entry lapses)."""
    problems: dict[str, str] = {}
    date_problem = v.date_problem(
        worked_on,
        earliest=today - dt.timedelta(days=BACKDATE_DAYS),
        latest=today,
        what="de datum",
    )
    if date_problem:
        problems["worked_on"] = date_problem
    minutes = v.parse_duration_minutes(duration)
    lowest = 0 if correction else 5
    if not duration.strip():
        problems["duration"] = "Vul de duur in, bijvoorbeeld 1:30 of 90."
    elif minutes is None:
        problems["duration"] = "Typ de duur als 1:30 (uren:minuten), 90 (minuten) of 1,5u."
    elif not lowest <= minutes <= MAX_MINUTES:
        problems["duration"] = (
            f"Een registratie duurt {lowest} minuten tot {MAX_MINUTES // 60} uur per dag."
        )
    if activity not in {a.value for a in CoachingActivity}:
        problems["activity"] = "Kies de activiteit uit de lijst."
    if len(note) > NOTE_MAX:
        problems["note"] = f"De notitie is te lang (ten hoogste {NOTE_MAX} tekens)."
    return problems


def record_hours(
    session: Session,
    actor: Actor,
    client_id: str,
    *,
    placement_id: str | None,
    worked_on: str,
    duration: str,
    activity: str,
    note: str = "",
    today: dt.date | None = None,
) -> str:
    today = today or dt.date.today()
    require_client(session, actor, client_id)
    placement_of_client(session, client_id, placement_id)
    problems = validate_hours(worked_on, duration, activity, note, today=today)
    problems = problems or _day_problems(
        session, worked_on, duration, client_id=client_id, coach_id=actor.caseworker_id
    )
    if problems:
        raise ValidationFailed(problems)
    return _save(session, actor, client_id, placement_id, worked_on, duration, activity, note, None)


def _minutes_on(
    session: Session, day: dt.date, *where: ColumnElement[bool], replacing: str | None
) -> int:
    """The minutes registered on `day` that count: corrected records are replaced by their
    correction, and `replacing` (the record being corrected now) by the new one."""
    corrected = select(JobCoachingHours.corrects_id).where(
        JobCoachingHours.corrects_id.is_not(None), JobCoachingHours.deleted_at.is_(None)
    )
    query = select(func.coalesce(func.sum(JobCoachingHours.minutes), 0)).where(
        JobCoachingHours.worked_on == day,
        JobCoachingHours.deleted_at.is_(None),
        JobCoachingHours.id.not_in(corrected),
        *where,
    )
    if replacing is not None:
        query = query.where(JobCoachingHours.id != replacing)
    return int(session.scalar(query) or 0)


def _day_problems(
    session: Session,
    worked_on: str,
    duration: str,
    *,
    client_id: str,
    coach_id: str,
    replacing: str | None = None,
) -> dict[str, str]:
    """A day holds at most 24 hours: for the client, and for the coach over all clients."""
    day, minutes = v.parse_date(worked_on), v.parse_duration_minutes(duration)
    assert day is not None and minutes is not None  # validated
    for who, condition in (
        ("voor deze klant", JobCoachingHours.client_id == client_id),
        ("voor u (alle klanten samen)", JobCoachingHours.coach_id == coach_id),
    ):
        already = _minutes_on(session, day, condition, replacing=replacing)
        if already + minutes > DAY_MINUTES:
            return {
                "duration": (
                    f"Op {format_date(day)} staat {who} al {format_minutes(already)} uur "
                    f"geregistreerd; met deze {format_minutes(minutes)} wordt dat "
                    f"{format_minutes(already + minutes)} uur, meer dan de 24 uur van een dag. "
                    "Controleer de datum en de duur."
                )
            }
    return {}


def correct_hours(
    session: Session,
    actor: Actor,
    hours_id: str,
    *,
    worked_on: str,
    duration: str,
    activity: str,
    note: str = "",
    today: dt.date | None = None,
) -> str:
    today = today or dt.date.today()
    original = record_to_correct(session, actor, HOURS, hours_id)
    problems = validate_hours(worked_on, duration, activity, note, today=today, correction=True)
    problems = problems or _day_problems(
        session,
        worked_on,
        duration,
        client_id=original.client_id,
        coach_id=actor.caseworker_id,
        replacing=original.id,
    )
    if problems:
        raise ValidationFailed(problems)
    return _save(
        session,
        actor,
        original.client_id,
        original.placement_id,
        worked_on,
        duration,
        activity,
        note,
        original.id,
    )


def _save(
    session: Session,
    actor: Actor,
    client_id: str,
    placement_id: str | None,
    worked_on: str,
    duration: str,
    activity: str,
    note: str,
    corrects_id: str | None,
) -> str:
    day = v.parse_date(worked_on)
    minutes = v.parse_duration_minutes(duration)
    assert day is not None and minutes is not None  # validated
    hours = JobCoachingHours(
        client_id=client_id,
        placement_id=placement_id,
        coach_id=actor.caseworker_id,
        worked_on=day,
        minutes=minutes,
        activity=activity,
        note=note.strip() or None,
        corrects_id=corrects_id,
    )
    return save_record(session, actor, HOURS, hours)


@dataclass(frozen=True)
class HoursRow(CorrectableRow):
    id: str
    placement_id: str | None
    worked_on: dt.date
    minutes: int
    activity: CoachingActivity
    note: str | None
    coach_name: str
    created_at: dt.datetime


def hours_history(
    session: Session, actor: Actor, client_id: str, placement_id: str | None = None
) -> list[HoursRow]:
    """The client's registrations (of one placement, if given), newest first."""
    of_placement = [JobCoachingHours.placement_id == placement_id] if placement_id else []
    rows = [
        HoursRow(
            id=h.id,
            placement_id=h.placement_id,
            worked_on=h.worked_on,
            minutes=h.minutes,
            activity=CoachingActivity(h.activity),
            note=h.note,
            coach_name=name,
            created_at=h.created_at,
            corrects_id=h.corrects_id,
            corrected_by_id=corrected_by,
        )
        for h, name, corrected_by in record_history(session, actor, HOURS, client_id, *of_placement)
    ]
    rows.sort(key=lambda r: (r.worked_on, r.created_at), reverse=True)
    return rows


def monthly_use(
    rows: list[HoursRow],
    *,
    first: dt.date,
    last: dt.date,
    placement_started_on: dt.date | None,
    hours_per_week: Decimal | None,
    indicated_hours_per_month: Decimal | None,
    placement_ended_on: dt.date | None = None,
    absences: Sequence[Absence] = (),
    today: dt.date | None = None,
) -> list[MonthUse]:
    """Per month from `first` to `last`: the hours that count against the budgets (the
    indicated hours and the ceiling only for months the job ran; a long absence lowers the
    ceiling pro rata)."""
    per_month: dict[dt.date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        if not row.is_superseded:
            per_month[month_start(row.worked_on)][row.activity.value] += row.minutes
    indicated = (
        int(indicated_hours_per_month * 60) if indicated_hours_per_month is not None else None
    )
    result = []
    for month in months_between(first, last):
        by_activity = dict(per_month.get(month, {}))
        ceiling = None
        ran = placement_started_on is None or (
            placement_started_on <= month_end(month)
            and (placement_ended_on is None or placement_ended_on >= month)
        )
        if placement_started_on is not None and hours_per_week is not None:
            ceiling = ceiling_minutes(
                placement_started_on, hours_per_week, month, placement_ended_on, absences, today
            )
        result.append(
            MonthUse(
                month=month,
                minutes=sum(by_activity.values()),
                minutes_by_activity=by_activity,
                indicated_minutes=indicated if ran else None,
                ceiling_minutes=ceiling,
            )
        )
    return result


def format_minutes(minutes: int) -> str:
    """'1:30' for 90 minutes."""
    sign = "-" if minutes < 0 else ""
    return f"{sign}{abs(minutes) // 60}:{abs(minutes) % 60:02d}"


# ---------------------------------------------------------------- half-yearly report


def half_year(day: dt.date) -> tuple[dt.date, dt.date]:
    """The calendar half year (1 January - 30 June, 1 July - 31 December) holding `day`."""
    if day.month <= 6:
        return dt.date(day.year, 1, 1), dt.date(day.year, 6, 30)
    return dt.date(day.year, 7, 1), dt.date(day.year, 12, 31)


@dataclass(frozen=True)
class HalfYearReport:
    """What the half-yearly job-coaching report to employer and client shows."""

    client_name: str
    birth_date: dt.date
    employer_name: str | None
    function_title: str | None
    placement_started_on: dt.date | None
    first: dt.date
    last: dt.date
    months: tuple[MonthUse, ...]
    activity_minutes: dict[str, int]
    coach_names: tuple[str, ...]
    indicated_hours_per_month: Decimal | None
    made_on: dt.date

    @property
    def total_minutes(self) -> int:
        return sum(month.minutes for month in self.months)

    @property
    def total_indicated(self) -> int | None:
        """The indicated minutes of the months the job ran (None: no indication)."""
        found = [m.indicated_minutes for m in self.months if m.indicated_minutes is not None]
        return sum(found) if found else None

    @property
    def total_ceiling(self) -> int | None:
        found = [m.ceiling_minutes for m in self.months if m.ceiling_minutes is not None]
        return sum(found) if found else None

    def hours_in_months_with(self, budget: str) -> int:
        """The hours of the months that have this budget ("indicated" or "ceiling"), so
        over and under use compare like with like."""
        attribute = f"{budget}_minutes"
        return sum(m.minutes for m in self.months if getattr(m, attribute) is not None)


def half_year_report(
    session: Session,
    actor: Actor,
    client_id: str,
    placement_id: str | None,
    *,
    within: dt.date,
    today: dt.date | None = None,
) -> HalfYearReport:
    """The report for the half year holding `within`; printing it is audited."""
    from app.domain.names import display_name
    from app.models import Employer
    from app.services.wage_value import latest_measurements

    today = today or dt.date.today()
    client = require_client(session, actor, client_id)
    first, last = half_year(within)
    placement = placement_of_client(session, client_id, placement_id)
    employer = session.get(Employer, placement.employer_id) if placement else None
    measurement = latest_measurements(session, client_id).get(placement_id or "")
    indicated = measurement.jobcoach_hours_per_month if measurement else None
    rows = [
        r
        for r in hours_history(session, actor, client_id, placement_id)
        if first <= r.worked_on <= last and not r.is_superseded
    ]
    months = monthly_use(
        rows,
        first=first,
        last=last,
        placement_started_on=placement.started_on if placement else None,
        hours_per_week=placement.hours_per_week if placement else None,
        indicated_hours_per_month=indicated,
        placement_ended_on=placement.ended_on if placement else None,
        absences=sickness_periods(
            absence_rows_of(session, [client_id]).get(placement_id or "", [])
        ),
        today=today,
    )
    activities: dict[str, int] = defaultdict(int)
    for row in rows:
        activities[row.activity.value] += row.minutes
    audit(
        session,
        actor,
        AuditAction.PRINT,
        "job_coaching_report",
        placement_id,
        client_id=client_id,
        first=first.isoformat(),
        last=last.isoformat(),
    )
    session.flush()
    return HalfYearReport(
        client_name=display_name(client.voornamen, client.tussenvoegsel, client.achternaam),
        birth_date=client.birth_date,
        employer_name=employer.name if employer else None,
        function_title=placement.function_title if placement else None,
        placement_started_on=placement.started_on if placement else None,
        first=first,
        last=last,
        months=tuple(months),
        activity_minutes=dict(activities),
        coach_names=tuple(sorted({r.coach_name for r in rows})),
        indicated_hours_per_month=indicated,
        made_on=today,
    )
