"""Editing the draft plan van aanpak: the form as typed, its checks, saving it (goals and
instruments replaced), the issued versions and the municipality's instrument catalogue."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.formatting import format_date
from app.domain.region import Instrument, region
from app.domain.vocab import AuditAction
from app.models import Client, Plan, PlanGoal, PlanInstrument, PlanVersion
from app.services.access import require_client
from app.services.audit import audit
from app.services.context import Actor
from app.services.plans import DEFAULT_CONSEQUENCES, current_plan

GOAL_ROWS = 5
INSTRUMENT_ROWS = 5


@dataclass(frozen=True)
class PlanForm:
    """The draft as typed: texts, dates as dd-mm-jjjj, goal and instrument rows."""

    situation: str = ""
    support_offered: str = ""
    obligations: str = ""
    consequences: str = ""
    valid_from: str = ""
    valid_until: str = ""
    goals: tuple[tuple[str, str, str], ...] = ()  # description, target, achieved
    instruments: tuple[tuple[str, str, str, str], ...] = ()  # instrument, description, from, until


def plan_form(session: Session, actor: Actor, client_id: str) -> tuple[PlanForm, int | None]:
    """The current draft as a form, and its version (None: no plan yet)."""
    require_client(session, actor, client_id)
    plan = current_plan(session, client_id)
    if plan is None:
        return PlanForm(consequences=DEFAULT_CONSEQUENCES), None
    goals = session.scalars(
        select(PlanGoal)
        .where(PlanGoal.plan_id == plan.id, PlanGoal.deleted_at.is_(None))
        .order_by(PlanGoal.position)
    ).all()
    instruments = session.scalars(
        select(PlanInstrument)
        .where(PlanInstrument.plan_id == plan.id, PlanInstrument.deleted_at.is_(None))
        .order_by(PlanInstrument.position)
    ).all()
    return (
        PlanForm(
            situation=plan.situation or "",
            support_offered=plan.support_offered or "",
            obligations=plan.obligations or "",
            consequences=plan.consequences or "",
            valid_from=format_date(plan.valid_from),
            valid_until=format_date(plan.valid_until),
            goals=tuple(
                (g.description, format_date(g.target_date), format_date(g.achieved_on))
                for g in goals
            ),
            instruments=tuple(
                (
                    i.instrument,
                    i.description or "",
                    format_date(i.starts_on),
                    format_date(i.ends_on),
                )
                for i in instruments
            ),
        ),
        plan.version,
    )


def _line_problems(
    prefix: str, named: tuple[str, str, str], dates: tuple[tuple[str, str, str], ...]
) -> dict[str, str]:
    """One goal or activity line: it needs its name once a date is filled in, and each date
    must be a date. Keys are `prefix.field`, as the plan form names its inputs."""
    from app.domain import validation as v

    problems = {}
    name_key, name, missing = named
    if not name.strip() and any(value.strip() for _key, value, _what in dates):
        problems[f"{prefix}.{name_key}"] = missing
    for key, value, what in dates:
        problem = v.date_problem(value, required=False, what=what)
        if problem:
            problems[f"{prefix}.{key}"] = problem
    return problems


def validate_plan(form: PlanForm) -> dict[str, str]:
    from app.domain import validation as v

    problems: dict[str, str] = {}
    for name, what in (("valid_from", "de begindatum"), ("valid_until", "de einddatum")):
        problem = v.date_problem(getattr(form, name), required=False, what=what)
        if problem:
            problems[name] = problem
    start, end = v.parse_date(form.valid_from), v.parse_date(form.valid_until)
    if start and end and end <= start:
        problems["valid_until"] = "De einddatum van het plan ligt na de begindatum."
    for index, (description, target, achieved) in enumerate(form.goals, start=1):
        problems.update(
            _line_problems(
                f"goal{index}",
                ("description", description, f"Beschrijf doel {index}."),
                (("target", target, "de streefdatum"), ("achieved", achieved, "de datum")),
            )
        )
    for index, (instrument, _description, starts, ends) in enumerate(form.instruments, start=1):
        problems.update(
            _line_problems(
                f"instrument{index}",
                ("instrument", instrument, f"Noem activiteit {index}."),
                (("from", starts, "de begindatum"), ("until", ends, "de einddatum")),
            )
        )
    return problems


def save_plan(
    session: Session,
    actor: Actor,
    client_id: str,
    form: PlanForm,
    *,
    expected_version: int | None = None,
) -> str:
    """Save the draft (goals and instruments replaced); issued versions stay as they were."""
    from app.domain import validation as v
    from app.models import utc_now
    from app.services.access import require_client
    from app.services.errors import StaleEdit, ValidationFailed

    require_client(session, actor, client_id)
    problems = validate_plan(form)
    if problems:
        raise ValidationFailed(problems)
    plan = current_plan(session, client_id)
    if plan is None:
        plan = Plan(client_id=client_id, title="Plan van aanpak", status="draft")
        session.add(plan)
    elif expected_version is not None and plan.version != expected_version:
        raise StaleEdit("Het plan is intussen gewijzigd. Open het opnieuw.")
    plan.situation = form.situation.strip() or None
    plan.support_offered = form.support_offered.strip() or None
    plan.obligations = form.obligations.strip() or None
    plan.consequences = form.consequences.strip() or None
    plan.valid_from = v.parse_date(form.valid_from)
    plan.valid_until = v.parse_date(form.valid_until)
    session.flush()
    now = utc_now()
    # Documents get a tombstone (not a delete), so a sync can pass the removal on.
    for goal in session.scalars(
        select(PlanGoal).where(PlanGoal.plan_id == plan.id, PlanGoal.deleted_at.is_(None))
    ):
        goal.deleted_at = now
    for item in session.scalars(
        select(PlanInstrument).where(
            PlanInstrument.plan_id == plan.id, PlanInstrument.deleted_at.is_(None)
        )
    ):
        item.deleted_at = now
    goals = [g for g in form.goals if g[0].strip()]
    for position, (description, target, achieved) in enumerate(goals):
        session.add(
            PlanGoal(
                plan_id=plan.id,
                position=position,
                description=description.strip(),
                target_date=v.parse_date(target),
                achieved_on=v.parse_date(achieved),
            )
        )
    instruments = [i for i in form.instruments if i[0].strip()]
    for position, (instrument, description, starts, ends) in enumerate(instruments):
        session.add(
            PlanInstrument(
                plan_id=plan.id,
                position=position,
                instrument=instrument.strip(),
                description=description.strip() or None,
                starts_on=v.parse_date(starts),
                ends_on=v.parse_date(ends),
            )
        )
    audit(session, actor, AuditAction.UPDATE, "plan", plan.id, client_id=client_id)
    session.flush()
    return plan.id


@dataclass(frozen=True)
class VersionRow:
    id: str
    number: int
    issued_on: dt.date


def plan_versions(session: Session, actor: Actor, client_id: str) -> list[VersionRow]:
    """The issued versions, newest first."""
    require_client(session, actor, client_id)
    found = session.execute(
        select(PlanVersion.id, PlanVersion.number, PlanVersion.issued_on)
        .where(PlanVersion.client_id == client_id, PlanVersion.deleted_at.is_(None))
        .order_by(PlanVersion.number.desc())
    ).all()
    return [VersionRow(*row) for row in found]


def instrument_catalogue(session: Session, client_id: str) -> tuple[Instrument, ...]:
    """The instruments the client's municipality offers (its own catalogue in the region
    file), to choose from in the plan."""
    client = session.get(Client, client_id)
    return region().instruments_of(client.municipality) if client is not None else ()
