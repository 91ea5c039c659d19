"""Employers and placements (documents): their forms, the checks of a placement (the wage at
least the WML of the day), and saving them. How the file shows them: `placement_view`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import validation as v
from app.domain.dates import add_months
from app.domain.formatting import format_date, format_money, format_optional_number
from app.domain.placements import SUBSIDISED_TYPES
from app.domain.rules import rules
from app.domain.vocab import AuditAction, PlacementType
from app.domain.wage import WageBelowMinimum, wage_below_minimum
from app.models import Employer, Placement
from app.services.access import require_client, require_placement
from app.services.audit import audit
from app.services.context import Actor
from app.services.errors import StaleEdit, ValidationFailed

MAX_HOURS_PER_WEEK = Decimal(60)
MAX_WAGE_HOUR = Decimal(200)
REASON_MIN = 10

# ---------------------------------------------------------------- employers


@dataclass(frozen=True)
class EmployerForm:
    name: str = ""
    kvk_number: str = ""
    street: str = ""
    house_number: str = ""
    postcode: str = ""
    city: str = ""
    contact_person: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    sector: str = ""


def validate_employer(form: EmployerForm) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not form.name.strip():
        problems["name"] = "Vul de naam van de werkgever in."
    checks = {
        "kvk_number": v.kvk_problem(form.kvk_number),
        "postcode": v.postcode_problem(form.postcode) if form.postcode.strip() else None,
        "contact_phone": v.phone_problem(form.contact_phone),
        "contact_email": v.email_problem(form.contact_email),
    }
    problems.update({name: text for name, text in checks.items() if text})
    return problems


def create_employer(session: Session, actor: Actor, form: EmployerForm) -> str:
    problems = validate_employer(form)
    if problems:
        raise ValidationFailed(problems)
    employer = Employer(
        name=form.name.strip(),
        kvk_number=v.normalize_kvk(form.kvk_number) or None,
        street=form.street.strip() or None,
        house_number=form.house_number.strip() or None,
        postcode=v.normalize_postcode(form.postcode) or None,
        city=form.city.strip() or None,
        contact_person=form.contact_person.strip() or None,
        contact_phone=v.normalize_phone(form.contact_phone) or None,
        contact_email=form.contact_email.strip() or None,
        sector=form.sector.strip() or None,
    )
    session.add(employer)
    session.flush()
    audit(session, actor, AuditAction.CREATE, "employer", employer.id)
    session.flush()
    return employer.id


@dataclass(frozen=True)
class EmployerRow:
    id: str
    name: str
    kvk_number: str | None
    city: str | None
    contact_person: str | None


def employers(session: Session) -> list[EmployerRow]:
    found = session.execute(
        select(
            Employer.id, Employer.name, Employer.kvk_number, Employer.city, Employer.contact_person
        ).where(Employer.deleted_at.is_(None))
    ).all()
    return sorted((EmployerRow(*row) for row in found), key=lambda e: e.name.casefold())


# ---------------------------------------------------------------- placements


@dataclass(frozen=True)
class PlacementForm:
    """A placement as typed: dates dd-mm-jjjj, amounts with a decimal comma."""

    employer_id: str = ""
    placement_type: str = PlacementType.REGULAR_JOB.value
    function_title: str = ""
    started_on: str = ""
    planned_end: str = ""
    ended_on: str = ""
    hours_per_week: str = ""
    wage_hour: str = ""
    fulltime_hours: str = ""
    course_months: str = ""
    learning_part: str = ""
    notes: str = ""

    @classmethod
    def from_placement(cls, p: Placement) -> PlacementForm:
        return cls(
            employer_id=p.employer_id,
            placement_type=p.placement_type,
            function_title=p.function_title or "",
            started_on=format_date(p.started_on),
            planned_end=format_date(p.planned_end) if p.planned_end else "",
            ended_on=format_date(p.ended_on) if p.ended_on else "",
            hours_per_week=format_optional_number(p.hours_per_week),
            wage_hour=format_optional_number(p.wage_hour),
            fulltime_hours=format_optional_number(p.fulltime_hours),
            course_months=str(p.course_months) if p.course_months else "",
            learning_part=p.learning_part or "",
            notes=p.notes or "",
        )


def minimum_wage_text(below: WageBelowMinimum) -> str:
    """The WML that applies, as a message names it: amount, age group and day."""
    group = f"{below.adult_age} jaar en ouder" if below.adult else f"{below.age} jaar"
    return f"{format_money(below.minimum)} per uur ({group}) vanaf {format_date(below.since)}"


def wage_check_day(form_start: dt.date, form_end: dt.date | None, today: dt.date) -> dt.date:
    """The day a placement's recorded wage must meet the WML: its last day when it ended,
    else today (or its start, when it starts later). The WML only rises, so a wage that meets
    it then met it on every earlier day."""
    return form_end if form_end is not None else max(form_start, today)


def validate_placement(
    session: Session,
    form: PlacementForm,
    *,
    today: dt.date,
    birth_date: dt.date | None = None,
) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not form.employer_id or session.get(Employer, form.employer_id) is None:
        problems["employer_id"] = "Kies de werkgever (of voeg een nieuwe toe)."
    try:
        kind = PlacementType(form.placement_type)
    except ValueError:
        problems["placement_type"] = "Kies het soort plaatsing uit de lijst."
        kind = PlacementType.REGULAR_JOB
    start_problem = v.date_problem(
        form.started_on, latest=add_months(today, 12), what="de startdatum"
    )
    if start_problem:
        problems["started_on"] = start_problem
    started = v.parse_date(form.started_on)
    after_start = (started + dt.timedelta(days=1)) if started else None
    for name, what in (("planned_end", "de geplande einddatum"), ("ended_on", "de einddatum")):
        problem = v.date_problem(
            getattr(form, name), required=False, earliest=after_start, what=what
        )
        if problem:
            problems[name] = problem
    paid = kind in SUBSIDISED_TYPES  # a paid job needs hours and wage for its subsidy
    for name, what, maximum in (
        ("hours_per_week", "het aantal uren per week", MAX_HOURS_PER_WEEK),
        ("wage_hour", "het uurloon", MAX_WAGE_HOUR),
    ):
        problem = v.decimal_problem(
            getattr(form, name),
            what=what,
            minimum=Decimal(0),
            maximum=maximum,
            required=paid,
            above_minimum=True,
        )
        if problem:
            problems[name] = problem
    fulltime_problem = v.decimal_problem(
        form.fulltime_hours,
        what="de voltijdweek van de werkgever",
        minimum=Decimal(0),
        maximum=MAX_HOURS_PER_WEEK,
        required=False,
        above_minimum=True,
    )
    wage, started = v.parse_decimal(form.wage_hour), v.parse_date(form.started_on)
    fulltime, hours = v.parse_decimal(form.fulltime_hours), v.parse_decimal(form.hours_per_week)
    weekly_wml = started is not None and started < rules().hourly_wml_starts()
    if fulltime_problem:
        problems["fulltime_hours"] = fulltime_problem
    elif fulltime is None and weekly_wml and wage is not None:
        problems["fulltime_hours"] = (
            f"Vóór {format_date(rules().hourly_wml_starts())} stond het minimumloon per week "
            "vast, niet per uur: vul de normale voltijdweek van de werkgever in (bijv. 38)."
        )
    elif fulltime is not None and hours is not None and hours > fulltime:
        problems["hours_per_week"] = (
            "Het aantal uren per week is hoger dan de voltijdweek van de werkgever; "
            "controleer beide."
        )
    if (
        birth_date is not None
        and wage is not None
        and started is not None
        and kind is not PlacementType.VOLUNTEER
        and not problems.keys() & {"wage_hour", "started_on", "ended_on", "fulltime_hours"}
    ):
        day = wage_check_day(started, v.parse_date(form.ended_on), today)
        below = wage_below_minimum(wage, birth_date, day, day, fulltime_hours=fulltime)
        if below is not None:
            problems["wage_hour"] = (
                "Het uurloon is lager dan het wettelijk minimumloon: "
                f"{minimum_wage_text(below)}. Typ minstens dat bedrag."
            )
    if kind is PlacementType.LEARNING_WORKING and not form.learning_part.strip():
        problems["learning_part"] = (
            "Beschrijf het leerdeel (wat de klant leert, welke opleiding of welk certificaat): "
            "zonder leerdeel is het geen leerwerktraject."
        )
    if form.course_months.strip():
        if not form.course_months.strip().isdigit() or not 1 <= int(form.course_months) <= 60:
            problems["course_months"] = "Typ de duur van de opleiding in hele maanden (1 tot 60)."
        elif kind is not PlacementType.LEARNING_WORKING:
            problems["course_months"] = "Een opleidingsduur hoort alleen bij een leerwerktraject."
    return problems


def _apply(placement: Placement, form: PlacementForm) -> None:
    placement.employer_id = form.employer_id
    placement.placement_type = form.placement_type
    placement.function_title = form.function_title.strip() or None
    started = v.parse_date(form.started_on)
    assert started is not None  # validated
    placement.started_on = started
    placement.planned_end = v.parse_date(form.planned_end)
    placement.ended_on = v.parse_date(form.ended_on)
    placement.hours_per_week = v.parse_decimal(form.hours_per_week)
    placement.wage_hour = v.parse_decimal(form.wage_hour)
    placement.fulltime_hours = v.parse_decimal(form.fulltime_hours)
    placement.course_months = int(form.course_months) if form.course_months.strip() else None
    placement.learning_part = form.learning_part.strip() or None
    placement.notes = form.notes.strip() or None


def create_placement(
    session: Session,
    actor: Actor,
    client_id: str,
    form: PlacementForm,
    *,
    today: dt.date | None = None,
) -> str:
    client = require_client(session, actor, client_id)
    problems = validate_placement(
        session, form, today=today or dt.date.today(), birth_date=client.birth_date
    )
    if problems:
        raise ValidationFailed(problems)
    placement = Placement(client_id=client_id)
    _apply(placement, form)
    session.add(placement)
    session.flush()
    audit(session, actor, AuditAction.CREATE, "placement", placement.id, client_id=client_id)
    session.flush()
    return placement.id


def update_placement(
    session: Session,
    actor: Actor,
    placement_id: str,
    form: PlacementForm,
    *,
    expected_version: int | None = None,
    today: dt.date | None = None,
) -> None:
    placement = require_placement(session, actor, placement_id)
    if expected_version is not None and placement.version != expected_version:
        raise StaleEdit("Deze plaatsing is intussen gewijzigd. Open haar opnieuw.")
    client = require_client(session, actor, placement.client_id)
    problems = validate_placement(
        session, form, today=today or dt.date.today(), birth_date=client.birth_date
    )
    if problems:
        raise ValidationFailed(problems)
    before = PlacementForm.from_placement(placement)
    _apply(placement, form)
    changed = [
        name for name in before.__dataclass_fields__ if getattr(before, name) != getattr(form, name)
    ]
    audit(
        session,
        actor,
        AuditAction.UPDATE,
        "placement",
        placement.id,
        client_id=placement.client_id,
        fields=changed,
    )
    session.flush()


def record_continuation_reason(
    session: Session, actor: Actor, placement_id: str, reason: str
) -> None:
    """Why a placement continues past its displacement limit (this closes the flag)."""
    placement = require_placement(session, actor, placement_id)
    if len(reason.strip()) < REASON_MIN:
        raise ValidationFailed(
            {
                "continuation_reason": "Schrijf op waarom de plaatsing langer doorloopt "
                f"(minstens {REASON_MIN} tekens)."
            }
        )
    placement.continuation_reason = reason.strip()
    audit(
        session,
        actor,
        AuditAction.UPDATE,
        "placement",
        placement.id,
        client_id=placement.client_id,
        fields=["continuation_reason"],
    )
    session.flush()
