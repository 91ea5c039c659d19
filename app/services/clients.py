"""Client files: create, edit, view and close, validated field by field; nothing half-saved."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import validation as v
from app.domain.clients import priority_groups
from app.domain.dates import age_on
from app.domain.formatting import format_date
from app.domain.names import display_name
from app.domain.region import region
from app.domain.vocab import (
    RECORDED_PRIORITY_GROUPS,
    AuditAction,
    Benefit,
    ClientStatus,
    EducationLevel,
    Obstacle,
    OutflowReason,
    PriorityGroup,
    WorkObligation,
)
from app.models import CaseAssignment, Caseworker, Client
from app.services.access import current_assignment, require_client
from app.services.audit import audit
from app.services.context import Actor
from app.services.errors import StaleEdit, ValidationFailed
from app.services.ladder import current_trede


@dataclass
class ClientForm:
    """A client's master data as typed in a form (dates as dd-mm-jjjj text)."""

    bsn: str = ""
    voornamen: str = ""
    tussenvoegsel: str = ""
    achternaam: str = ""
    birth_date: str = ""
    street: str = ""
    house_number: str = ""
    postcode: str = ""
    city: str = ""
    municipality: str = ""
    phone: str = ""
    email: str = ""
    benefit: str = Benefit.PARTICIPATIEWET.value
    benefit_start: str = ""
    work_obligation: str = WorkObligation.IMPOSED.value
    exemption_reason: str = ""
    exemption_end: str = ""
    priority_groups: list[str] = field(default_factory=list)
    obstacles: list[str] = field(default_factory=list)
    education_level: str = ""
    startkwalificatie: bool = False
    driving_licence: bool = False
    certificates: list[str] = field(default_factory=list)
    work_experience: str = ""
    intake_date: str = ""

    @classmethod
    def from_client(cls, client: Client) -> ClientForm:
        def text(value: object) -> str:
            if value is None:
                return ""
            if isinstance(value, dt.date):
                return format_date(value)
            return str(value)

        form = cls()
        for f in fields(cls):
            value = getattr(client, f.name)
            if isinstance(value, list | bool):
                setattr(form, f.name, list(value) if isinstance(value, list) else value)
            else:
                setattr(form, f.name, text(value))
        return form


def _choice_problem(
    value: str, allowed: type[object], what: str, required: bool = True
) -> str | None:
    if not value:
        return f"Kies {what}." if required else None
    codes = {member.value for member in allowed}  # type: ignore[attr-defined]
    return None if value in codes else f"Kies {what} uit de lijst."


def _municipality_problem(code: str) -> str | None:
    if not code:
        return "Kies de gemeente."
    if code not in region().codes():
        names = ", ".join(name for _code, name in region().choices())
        return f"Kies de gemeente uit de lijst ({names})."
    return None


def validate_client_form(form: ClientForm, *, today: dt.date) -> dict[str, str]:
    """Every problem, per field: the form shows each next to its field."""
    problems: dict[str, str | None] = {
        "bsn": v.bsn_problem(form.bsn),
        "voornamen": None if form.voornamen.strip() else "Vul de voornamen in.",
        "achternaam": None if form.achternaam.strip() else "Vul de achternaam in.",
        "birth_date": v.birth_date_problem(form.birth_date, today=today),
        "postcode": v.postcode_problem(form.postcode) if form.postcode.strip() else None,
        "municipality": _municipality_problem(form.municipality),
        "phone": v.phone_problem(form.phone),
        "email": v.email_problem(form.email),
        "benefit": _choice_problem(form.benefit, Benefit, "de uitkering"),
        "benefit_start": v.date_problem(
            form.benefit_start, required=False, latest=today, what="de startdatum uitkering"
        ),
        "work_obligation": _choice_problem(
            form.work_obligation, WorkObligation, "de arbeidsverplichting"
        ),
        "exemption_end": v.date_problem(
            form.exemption_end, required=False, what="de einddatum van de ontheffing"
        ),
        "education_level": _choice_problem(
            form.education_level, EducationLevel, "het opleidingsniveau", required=False
        ),
        "intake_date": v.date_problem(
            form.intake_date, required=False, latest=today, what="de intakedatum"
        ),
    }
    if form.work_obligation in (
        WorkObligation.PARTIAL_EXEMPTION.value,
        WorkObligation.FULL_EXEMPTION.value,
    ):
        if not form.exemption_reason.strip():
            problems["exemption_reason"] = (
                "Een ontheffing is een individueel besluit: vul de reden in."
            )
        if not form.exemption_end.strip():
            problems["exemption_end"] = "Vul de einddatum van de ontheffing in."
    unknown_groups = set(form.priority_groups) - {g.value for g in RECORDED_PRIORITY_GROUPS}
    if unknown_groups:
        problems["priority_groups"] = (
            "Leeftijdsgroepen volgen uit de geboortedatum; kies alleen groepen uit de lijst."
        )
    if set(form.obstacles) - {o.value for o in Obstacle}:
        problems["obstacles"] = "Kies belemmeringen uit de lijst."
    if form.house_number and len(form.house_number) > 20:
        problems["house_number"] = "Het huisnummer is te lang (ten hoogste 20 tekens)."
    return {name: text for name, text in problems.items() if text}


def _optional(text: str) -> str | None:
    return text.strip() or None


def _apply_form(client: Client, form: ClientForm) -> None:
    client.bsn = v.normalize_bsn(form.bsn)
    client.voornamen = form.voornamen.strip()
    client.tussenvoegsel = _optional(form.tussenvoegsel)
    client.achternaam = form.achternaam.strip()
    client.birth_date = v.parse_date(form.birth_date)  # type: ignore[assignment]
    client.street = _optional(form.street)
    client.house_number = _optional(form.house_number)
    client.postcode = v.normalize_postcode(form.postcode) if form.postcode.strip() else None
    client.city = _optional(form.city)
    client.municipality = form.municipality
    client.phone = v.normalize_phone(form.phone) or None
    client.email = _optional(form.email)
    client.benefit = form.benefit
    client.benefit_start = v.parse_date(form.benefit_start)
    client.work_obligation = form.work_obligation
    exempt = form.work_obligation != WorkObligation.IMPOSED.value
    client.exemption_reason = _optional(form.exemption_reason) if exempt else None
    client.exemption_end = v.parse_date(form.exemption_end) if exempt else None
    client.priority_groups = sorted(set(form.priority_groups))
    client.obstacles = sorted(set(form.obstacles))
    client.education_level = _optional(form.education_level)
    client.startkwalificatie = form.startkwalificatie
    client.driving_licence = form.driving_licence
    client.certificates = [c.strip() for c in form.certificates if c.strip()]
    client.work_experience = _optional(form.work_experience)
    client.intake_date = v.parse_date(form.intake_date)


def _duplicate_bsn_problem(session: Session, bsn: str, exclude_id: str | None) -> str | None:
    query = select(Client.id).where(
        Client.bsn == v.normalize_bsn(bsn),
        Client.deleted_at.is_(None),
        Client.status == ClientStatus.ACTIVE.value,
    )
    if exclude_id:
        query = query.where(Client.id != exclude_id)
    if session.scalar(query) is not None:
        return "Er is al een actieve klant met dit BSN in deze database."
    return None


def _check(session: Session, form: ClientForm, today: dt.date, exclude_id: str | None) -> None:
    problems = validate_client_form(form, today=today)
    if "bsn" not in problems:
        duplicate = _duplicate_bsn_problem(session, form.bsn, exclude_id)
        if duplicate:
            problems["bsn"] = duplicate
    if problems:
        raise ValidationFailed(problems)


def create_client(
    session: Session,
    actor: Actor,
    form: ClientForm,
    *,
    caseworker_id: str | None = None,
    today: dt.date | None = None,
) -> str:
    """A new client, assigned to `caseworker_id` (default: the acting caseworker)."""
    today = today or dt.date.today()
    _check(session, form, today, exclude_id=None)
    client = Client(status=ClientStatus.ACTIVE.value)
    _apply_form(client, form)
    if client.intake_date is None:
        client.intake_date = today
    session.add(client)
    session.flush()
    session.add(
        CaseAssignment(
            client_id=client.id,
            caseworker_id=caseworker_id or actor.caseworker_id,
            started_on=today,
            reason="Nieuwe klant",
        )
    )
    audit(session, actor, AuditAction.CREATE, "client", client.id, client_id=client.id)
    session.flush()
    return client.id


def update_client(
    session: Session,
    actor: Actor,
    client_id: str,
    form: ClientForm,
    *,
    expected_version: int | None = None,
    today: dt.date | None = None,
) -> list[str]:
    """Save the form over the client; returns the names of the fields that changed."""
    today = today or dt.date.today()
    client = require_client(session, actor, client_id)
    if expected_version is not None and client.version != expected_version:
        raise StaleEdit(
            "Dit dossier is intussen gewijzigd (bijvoorbeeld door een synchronisatie). "
            "Open het opnieuw; uw invoer staat nog in het formulier."
        )
    _check(session, form, today, exclude_id=client_id)
    before = ClientForm.from_client(client)
    _apply_form(client, form)
    after = ClientForm.from_client(client)
    changed = [
        f.name for f in fields(ClientForm) if getattr(before, f.name) != getattr(after, f.name)
    ]
    if changed:
        audit(
            session,
            actor,
            AuditAction.UPDATE,
            "client",
            client_id,
            client_id=client_id,
            fields=changed,
        )
        session.flush()
    return changed


def close_client(
    session: Session,
    actor: Actor,
    client_id: str,
    *,
    outflow_date: str,
    reason: str,
    partial: bool = False,
    note: str = "",
    today: dt.date | None = None,
) -> None:
    """Outflow: the file is closed with its date and reason; nothing is deleted."""
    today = today or dt.date.today()
    client = require_client(session, actor, client_id)
    problems: dict[str, str] = {}
    if client.status == ClientStatus.CLOSED.value:
        problems["status"] = "Dit dossier is al afgesloten."
    date_problem = v.date_problem(outflow_date, what="de uitstroomdatum")
    if date_problem:
        problems["outflow_date"] = date_problem
    elif (
        (parsed := v.parse_date(outflow_date))
        and client.intake_date
        and parsed < client.intake_date
    ):
        problems["outflow_date"] = "De uitstroomdatum ligt vóór de intakedatum."
    reason_problem = _choice_problem(reason, OutflowReason, "de reden van uitstroom")
    if reason_problem:
        problems["outflow_reason"] = reason_problem
    if reason == OutflowReason.OTHER.value and not note.strip():
        problems["outflow_note"] = "Licht de andere reden van uitstroom toe."
    if problems:
        raise ValidationFailed(problems)
    client.status = ClientStatus.CLOSED.value
    client.outflow_date = v.parse_date(outflow_date)
    client.outflow_reason = reason
    client.outflow_partial = partial
    client.outflow_note = note.strip() or None
    audit(
        session,
        actor,
        AuditAction.CLOSE,
        "client",
        client_id,
        client_id=client_id,
        reason=reason,
        partial=partial,
    )
    session.flush()


@dataclass(frozen=True)
class ClientDetails:
    """A client file's master data as plain values, for views and reports."""

    id: str
    version: int
    form: ClientForm
    display_name: str
    age: int
    birth_date: dt.date
    status: ClientStatus
    priority_groups: tuple[PriorityGroup, ...]
    caseworker_id: str | None
    caseworker_name: str | None
    outflow_date: dt.date | None
    outflow_reason: str | None
    trede: int | None
    review_on: dt.date | None


def get_client(
    session: Session,
    actor: Actor,
    client_id: str,
    *,
    today: dt.date | None = None,
    purpose: str = "view",
) -> ClientDetails:
    """Open a client file; every opening is an audited view."""
    today = today or dt.date.today()
    client = require_client(session, actor, client_id)
    assignment = current_assignment(session, client_id)
    worker = session.get(Caseworker, assignment.caseworker_id) if assignment else None
    trede, review_on = current_trede(session, client_id)
    audit(
        session, actor, AuditAction.VIEW, "client", client_id, client_id=client_id, purpose=purpose
    )
    session.flush()
    return ClientDetails(
        id=client.id,
        version=client.version,
        form=ClientForm.from_client(client),
        display_name=display_name(client.voornamen, client.tussenvoegsel, client.achternaam),
        age=age_on(client.birth_date, today),
        birth_date=client.birth_date,
        status=ClientStatus(client.status),
        priority_groups=tuple(priority_groups(client.priority_groups, client.birth_date, today)),
        caseworker_id=worker.id if worker else None,
        caseworker_name=worker.display_name if worker else None,
        outflow_date=client.outflow_date,
        outflow_reason=client.outflow_reason,
        trede=trede,
        review_on=review_on,
    )
