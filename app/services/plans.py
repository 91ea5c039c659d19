"""The plan van aanpak (art. 44a Participatiewet) as a printable document: built from the
client's draft plan, or from an issued version, which is a numbered record never changed."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.formatting import format_date
from app.domain.region import municipality_name
from app.domain.vocab import AuditAction, Role, WorkObligation
from app.models import Caseworker, Plan, PlanGoal, PlanInstrument, PlanVersion
from app.services.audit import audit
from app.services.clients import get_client
from app.services.context import Actor
from app.services.errors import NotFound
from app.services.ladder import assessment_history

DEFAULT_CONSEQUENCES = (
    "Als u zich niet aan de afspraken en verplichtingen houdt, kan de gemeente uw uitkering "
    "tijdelijk verlagen (een maatregel, art. 18 Participatiewet). U hoort vooraf wat er "
    "gebeurt en u kunt uw kant van het verhaal vertellen."
)
DEFAULT_SUPPORT = "Begeleiding door uw klantmanager of werkcoach volgens dit plan."


@dataclass(frozen=True)
class PlanDocument:
    """Everything a printed plan shows, as plain values (also the snapshot of a version)."""

    municipality: str
    title: str
    version: int | None  # None: a draft, printed as CONCEPT
    issued_on: str
    client_name: str
    client_bsn: str
    client_birth_date: str
    client_address: str
    caseworker: str
    caseworker_role: str
    trede: int | None
    trede_history: list[tuple[str, int]]  # (dd-mm-jjjj, trede), oldest first
    expected_trede: int | None
    expected_by: str
    situation: str
    support_offered: str
    goals: list[dict[str, str]] = field(default_factory=list)  # description, target, achieved
    instruments: list[dict[str, str]] = field(
        default_factory=list
    )  # instrument, description, from, until
    work_obligation: str = ""
    exemption: str = ""
    obligations: str = ""
    consequences: str = DEFAULT_CONSEQUENCES
    valid_from: str = ""
    valid_until: str = ""
    signed_by_client_on: str = ""
    signed_by_caseworker_on: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PlanDocument:
        values = dict(data)
        values["trede_history"] = [tuple(step) for step in values.get("trede_history", [])]
        return cls(**values)


def current_plan(session: Session, client_id: str) -> Plan | None:
    return session.scalars(
        select(Plan)
        .where(Plan.client_id == client_id, Plan.deleted_at.is_(None))
        .order_by(Plan.valid_from.desc().nulls_last(), Plan.created_at.desc())
        .limit(1)
    ).first()


def goal_entry(
    description: str, target: dt.date | None, achieved: dt.date | None
) -> dict[str, str]:
    """A goal as a plan document holds it."""
    return {
        "description": description,
        "target": format_date(target),
        "achieved": format_date(achieved),
    }


def instrument_entry(
    instrument: str, description: str | None, starts: dt.date | None, ends: dt.date | None
) -> dict[str, str]:
    """An agreed activity as a plan document holds it."""
    return {
        "instrument": instrument,
        "description": description or "",
        "from": format_date(starts),
        "until": format_date(ends),
    }


def exemption_text(obligation: WorkObligation, reason: str, end: str) -> str:
    """The exemption as a plan prints it: its reason, and its end when it has one."""
    if obligation is WorkObligation.IMPOSED:
        return ""
    return reason + (f" (tot {end})" if end else "")


def plan_address(street: str, house_number: str, postcode: str, city: str) -> str:
    """'Dorpsstraat 12, 7551 AB  Hengelo' as a plan prints it."""
    return ", ".join(
        part
        for part in (
            " ".join(p for p in (street, house_number) if p),
            "  ".join(p for p in (postcode, city) if p),
        )
        if part
    )


def plan_document(
    session: Session, actor: Actor, client_id: str, *, today: dt.date | None = None
) -> PlanDocument:
    """The client's current (draft) plan as a document, with the ladder history."""
    today = today or dt.date.today()
    details = get_client(session, actor, client_id, today=today, purpose="plan")
    plan = current_plan(session, client_id)
    form = details.form
    caseworker = session.get(Caseworker, details.caseworker_id) if details.caseworker_id else None
    history = [r for r in assessment_history(session, actor, client_id) if not r.is_superseded]
    history.sort(key=lambda r: (r.assessed_on, r.created_at))
    latest = history[-1] if history else None
    goals: list[dict[str, str]] = []
    instruments: list[dict[str, str]] = []
    if plan is not None:
        for goal in session.scalars(
            select(PlanGoal)
            .where(PlanGoal.plan_id == plan.id, PlanGoal.deleted_at.is_(None))
            .order_by(PlanGoal.position)
        ):
            goals.append(goal_entry(goal.description, goal.target_date, goal.achieved_on))
        for item in session.scalars(
            select(PlanInstrument)
            .where(PlanInstrument.plan_id == plan.id, PlanInstrument.deleted_at.is_(None))
            .order_by(PlanInstrument.position)
        ):
            instruments.append(
                instrument_entry(item.instrument, item.description, item.starts_on, item.ends_on)
            )
    obligation = WorkObligation(form.work_obligation)
    exemption = exemption_text(obligation, form.exemption_reason, form.exemption_end)
    address = plan_address(form.street, form.house_number, form.postcode, form.city)
    return PlanDocument(
        municipality=municipality_name(form.municipality),
        title=plan.title if plan else "Plan van aanpak",
        version=None,
        issued_on=format_date(today),
        client_name=details.display_name,
        client_bsn=form.bsn,
        client_birth_date=form.birth_date,
        client_address=address,
        caseworker=caseworker.display_name if caseworker else "",
        caseworker_role=Role(caseworker.role).label if caseworker else "",
        trede=details.trede,
        trede_history=[(format_date(r.assessed_on), r.final_trede) for r in history],
        expected_trede=latest.expected_trede if latest else None,
        expected_by=format_date(latest.expected_by if latest else None),
        situation=(plan.situation if plan else "") or "",
        support_offered=(plan.support_offered if plan else "") or DEFAULT_SUPPORT,
        goals=goals,
        instruments=instruments,
        work_obligation=obligation.label,
        exemption=exemption,
        obligations=(plan.obligations if plan else "") or "",
        consequences=(plan.consequences if plan else "") or DEFAULT_CONSEQUENCES,
        valid_from=format_date(plan.valid_from) if plan else "",
        valid_until=format_date(plan.valid_until) if plan else "",
    )


def signature_problems(client_on: str, caseworker_on: str, *, today: dt.date) -> dict[str, str]:
    from app.domain import validation as v

    problems = {}
    for name, value, who in (
        ("signed_by_client_on", client_on, "de klant"),
        ("signed_by_caseworker_on", caseworker_on, "de medewerker"),
    ):
        problem = v.date_problem(
            value, required=False, latest=today, what=f"de datum van ondertekening door {who}"
        )
        if problem:
            problems[name] = problem
    return problems


def issue_plan(
    session: Session,
    actor: Actor,
    client_id: str,
    *,
    today: dt.date | None = None,
    signed_by_client_on: str = "",
    signed_by_caseworker_on: str = "",
) -> PlanVersion:
    """Freeze the current plan as the next numbered version (a record, never changed), with
    the dates it was signed when it was signed before it was issued."""
    from app.domain import validation as v
    from app.services.errors import ValidationFailed

    today = today or dt.date.today()
    problems = signature_problems(signed_by_client_on, signed_by_caseworker_on, today=today)
    if problems:
        raise ValidationFailed(problems)
    plan = current_plan(session, client_id)
    if plan is None:
        raise NotFound("Deze klant heeft nog geen plan van aanpak om uit te geven.")
    number = (
        session.scalar(
            select(func.max(PlanVersion.number)).where(PlanVersion.client_id == client_id)
        )
        or 0
    ) + 1
    document = plan_document(session, actor, client_id, today=today)
    signed = {
        "signed_by_client_on": format_date(v.parse_date(signed_by_client_on)),
        "signed_by_caseworker_on": format_date(v.parse_date(signed_by_caseworker_on)),
    }
    content = PlanDocument.from_json({**document.to_json(), "version": number, **signed}).to_json()
    version = PlanVersion(
        plan_id=plan.id,
        client_id=client_id,
        number=number,
        issued_on=today,
        content=content,
        signed_by_client_on=v.parse_date(signed_by_client_on),
        signed_by_caseworker_on=v.parse_date(signed_by_caseworker_on),
    )
    session.add(version)
    session.flush()
    audit(
        session,
        actor,
        AuditAction.CREATE,
        "plan_version",
        version.id,
        client_id=client_id,
        number=number,
    )
    session.flush()
    return version


def issued_document(session: Session, actor: Actor, client_id: str) -> PlanDocument | None:
    """The newest issued version of the client's plan, as it was issued."""
    get_client(session, actor, client_id, purpose="plan")
    version = session.scalars(
        select(PlanVersion)
        .where(PlanVersion.client_id == client_id, PlanVersion.deleted_at.is_(None))
        .order_by(PlanVersion.number.desc())
        .limit(1)
    ).first()
    return PlanDocument.from_json(version.content) if version else None


def record_plan_print(
    session: Session, actor: Actor, client_id: str, document: PlanDocument
) -> None:
    audit(
        session,
        actor,
        AuditAction.PRINT,
        "plan",
        client_id=client_id,
        version=document.version,
    )
    session.flush()


def plan_to_print(
    session: Session,
    actor: Actor,
    client_id: str,
    *,
    draft: bool = False,
    today: dt.date | None = None,
) -> PlanDocument:
    """What printing the plan prints: the newest issued version, or (with `draft`, or when
    none was issued) the draft, which the PDF marks CONCEPT."""
    issued = None if draft else issued_document(session, actor, client_id)
    return issued or plan_document(session, actor, client_id, today=today)
