"""The open sync conflicts as the caseworker reads them (what, whose, which values, in
words and names rather than ids) and the caseworker's choice for each, queued offline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, select
from sqlalchemy.orm import Session

from app.domain.formatting import format_date, format_moment
from app.domain.vocab import AuditAction
from app.models import Caseworker, Client, Employer, SyncConflict
from app.services.audit import audit
from app.services.context import Actor
from app.services.errors import AccessDenied, NotFound, ValidationFailed
from app.sync.resolution import record_resolution
from app.sync.wire import BOOKKEEPING, ENTITIES, WireError, decode_value, encode_value

ENTITY_LABELS = {
    "clients": "Klantgegevens",
    "case_assignments": "Toewijzing",
    "employers": "Werkgever",
    "placements": "Plaatsing",
    "plans": "Plan van aanpak",
    "plan_goals": "Doel in het plan",
    "plan_instruments": "Activiteit in het plan",
    "journal_entries": "Journaalregel",
    "ladder_assessments": "Ladderbeoordeling",
    "wage_value_measurements": "Loonwaardemeting",
    "wage_value_tasks": "Taak van een loonwaardemeting",
    "job_coaching_hours": "Jobcoachuren",
    "subsidy_decisions": "Beschikking loonkostensubsidie",
    "placement_absences": "Verzuim bij een plaatsing",
    "plan_versions": "Uitgegeven plan",
    "audit_events": "Auditregel",
}
KIND_LABELS = {
    "field": "Op twee plaatsen gewijzigd",
    "deleted": "Gewijzigd terwijl het elders verwijderd is",
    "scope": "Klant is niet (meer) in uw caseload",
    "refused": "Niet verwerkt door de centrale server",
    "duplicate": "Op twee plaatsen tegelijk aangemaakt",
    "deletion": "Verwijderd terwijl het elders gewijzigd is",
}
# Field names as the forms call them (conflicts show them; unknown ones show as stored).
FIELD_LABELS = {
    "voornamen": "Voornamen",
    "tussenvoegsel": "Tussenvoegsel",
    "achternaam": "Achternaam",
    "bsn": "BSN",
    "birth_date": "Geboortedatum",
    "street": "Straat",
    "house_number": "Huisnummer",
    "postcode": "Postcode",
    "city": "Woonplaats",
    "municipality": "Gemeente",
    "phone": "Telefoon",
    "email": "E-mail",
    "benefit": "Uitkering",
    "work_obligation": "Arbeidsverplichting",
    "exemption_reason": "Reden ontheffing",
    "exemption_end": "Ontheffing tot",
    "priority_groups": "Doelgroepen",
    "obstacles": "Belemmeringen",
    "education_level": "Opleidingsniveau",
    "work_experience": "Werkervaring",
    "status": "Status",
    "caseworker_id": "Medewerker",
    "employer_id": "Werkgever",
    "started_on": "Begindatum",
    "ended_on": "Einddatum",
    "reason": "Reden",
    "planned_end": "Geplande einddatum",
    "hours_per_week": "Uren per week",
    "wage_hour": "Uurloon",
    "notes": "Notities",
    "situation": "Situatie",
    "number": "Versienummer",
    "issued_on": "Uitgegeven op",
    "deleted_at": "Verwijderd",
    "subject": "Onderwerp",
    "body": "Tekst",
    "occurred_on": "Datum",
    "worked_on": "Datum",
    "assessed_on": "Datum",
    "minutes": "Minuten",
    "final_trede": "Trede",
    "description": "Omschrijving",
    "parts": "Onderdelen",
    "support_offered": "Ondersteuning",
    "obligations": "Afspraken en verplichtingen",
    "goal": "Doel",
}
# What a parked new row shows of itself, per entity (its other fields stay in the conflict).
_SUMMARY = {
    "clients": ("achternaam", "voornamen", "birth_date", "bsn"),
    "case_assignments": ("caseworker_id", "started_on", "reason"),
    "plans": ("situation", "support_offered", "obligations"),
    "plan_versions": ("number", "issued_on"),
    "placements": ("employer_id", "started_on", "placement_type"),
}
_DEFAULT_SUMMARY = (
    "subject",
    "description",
    "occurred_on",
    "worked_on",
    "assessed_on",
    "minutes",
    "final_trede",
    "city",
    "achternaam",
)
_LONGEST = 160


def display_value(value: Any) -> str:
    """A wire value as the caseworker reads it: dates dd-mm-jjjj, lists, ja/nee, (leeg)."""
    if value is None or value == "" or value == []:
        return "(leeg)"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(
            f"{FIELD_LABELS.get(k, k)}: {display_value(v)}"
            for k, v in value.items()
            if k not in BOOKKEEPING and k != "deleted_at"
        )
    text = str(value)
    try:
        if len(text) == 10:
            return format_date(dt.date.fromisoformat(text))
        if len(text) > 10 and text[10] == "T":
            return format_moment(dt.datetime.fromisoformat(text))
    except ValueError:
        pass
    return text if len(text) <= _LONGEST else text[: _LONGEST - 1] + "…"


def _name(session: Session, caseworker_id: str | None) -> str:
    if not caseworker_id:
        return "onbekend"
    if caseworker_id == "central":
        return "beheer (centrale server)"
    worker = session.get(Caseworker, caseworker_id)
    return worker.display_name if worker else "een collega"


def _value_text(session: Session, name: str, value: Any) -> str:
    if name == "caseworker_id" and isinstance(value, str):
        return _name(session, value)
    if name == "employer_id" and isinstance(value, str):
        employer = session.get(Employer, value)
        return employer.name if employer else "een werkgever"
    return display_value(value)


def describe(
    session: Session,
    entity_name: str,
    fields: Any,
    *,
    extra_parts: int = 0,
    changes: Sequence[dict[str, Any]] = (),
) -> tuple[tuple[str, str], ...]:
    """(label, text) pairs that say what a row is; the labels are FIELD_LABELS values. A
    parked plan also names its goals, so two versions can be compared before choosing."""
    if not isinstance(fields, dict):
        return ()
    names = _SUMMARY.get(entity_name, _DEFAULT_SUMMARY)
    parts = [
        (FIELD_LABELS.get(name, name), _value_text(session, name, fields[name]))
        for name in names
        if fields.get(name) not in (None, "", [])
    ]
    goals = [
        change["fields"]["description"]
        for change in changes
        if change.get("entity") == "plan_goals"
        and change.get("op") == "insert"
        and isinstance(change.get("fields"), dict)
        and change["fields"].get("description")
    ]
    parts.extend((FIELD_LABELS["goal"], display_value(goal)) for goal in goals)
    if extra_parts and not goals:
        parts.append((FIELD_LABELS["parts"], str(extra_parts)))
    return tuple(parts)


@dataclass(frozen=True)
class ConflictRow:
    id: str
    kind: str
    kind_label: str
    client_id: str | None
    client_name: str
    what: str
    field: str | None
    mine: Any
    mine_by: str
    mine_at: dt.datetime | None
    theirs: Any
    theirs_by: str
    theirs_at: dt.datetime | None
    message: str | None
    editable: bool = False
    # parked work: what it is, and (a duplicate) what it competes with
    mine_parts: tuple[tuple[str, str], ...] = ()
    theirs_parts: tuple[tuple[str, str], ...] = ()
    # for a transfer made twice, only a team lead may choose
    leads_only: bool = False
    # late work for a client this caseworker no longer has: whoever has the client decides
    holder_decides: bool = False

    @property
    def is_field(self) -> bool:
        return self.kind == "field"

    @property
    def field_label(self) -> str:
        return FIELD_LABELS.get(self.field or "", self.field or "")


def _when(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def _is_text_field(entity_name: str, name: str | None) -> bool:
    entity_ = ENTITIES.get(entity_name)
    if entity_ is None or not name or name not in entity_.table.c:
        return False
    return isinstance(entity_.table.c[name].type, String)


def _kind_shown(detail: dict[str, Any], changes: list[dict[str, Any]]) -> str:
    """A "deleted" conflict is either an edit of a row deleted elsewhere, or a deletion of a
    row edited elsewhere: the two read differently."""
    if detail["kind"] == "deleted" and any(
        (c.get("fields") or {}).get("deleted_at") for c in changes if c.get("op") == "update"
    ):
        return "deletion"
    return str(detail["kind"])


def _row(session: Session, detail: dict[str, Any]) -> ConflictRow:
    from app.domain.names import person_forms

    entity_name = str(detail.get("entity", ""))
    entity_ = ENTITIES.get(entity_name)
    client_id = detail.get("client_id")
    client = session.get(Client, client_id) if client_id else None
    theirs = detail.get("theirs")
    field_name = str(detail.get("field") or "")
    if detail["kind"] == "field" and entity_ is not None and field_name in entity_.table.c:
        stored = session.execute(
            select(entity_.table.c[field_name]).where(entity_.table.c.id == detail["row_id"])
        ).scalar()
        theirs = encode_value(stored) if stored is not None else theirs
    changes = [c for c in detail.get("changes") or [] if c.get("entity") != "audit_events"]
    duplicate = detail["kind"] == "duplicate"
    return ConflictRow(
        id=detail["id"],
        kind=detail["kind"],
        kind_label=KIND_LABELS.get(_kind_shown(detail, changes), detail["kind"]),
        client_id=client_id,
        client_name=(
            person_forms(client.voornamen, client.tussenvoegsel, client.achternaam)[0]
            if client
            else "(klant niet op deze laptop)"
        ),
        what=ENTITY_LABELS.get(entity_name, entity_name),
        field=detail.get("field"),
        mine=detail.get("mine"),
        mine_by=_name(session, detail.get("mine_by")),
        mine_at=_when(detail.get("mine_at")),
        theirs=theirs,
        theirs_by=_name(session, detail.get("theirs_by")),
        theirs_at=_when(detail.get("theirs_at")),
        message=detail.get("message"),
        editable=detail["kind"] == "field" and _is_text_field(entity_name, detail.get("field")),
        mine_parts=()
        if detail["kind"] == "field"
        else describe(
            session,
            entity_name,
            detail.get("mine"),
            extra_parts=max(0, len(changes) - 1),
            changes=changes,
        ),
        theirs_parts=describe(session, entity_name, theirs) if duplicate else (),
        leads_only=detail.get("audience") == "leads",
        holder_decides=detail["kind"] == "scope" and client is None,
    )


def conflicts(session: Session, actor: Actor) -> list[ConflictRow]:
    """The open conflicts, with the current stored value as "theirs"."""
    found = [_row(session, dict(row.detail)) for row in session.scalars(select(SyncConflict))]
    found.sort(key=lambda c: (c.client_name, c.what, c.field or ""))
    return found


FIELD_RESOLUTIONS = ("mine", "theirs", "edit")
PARKED_RESOLUTIONS = ("apply", "discard")


def resolve_conflict(
    session: Session, actor: Actor, conflict_id: str, resolution: str, value: Any = None
) -> None:
    """Keep mine / take theirs / a new value (field), or apply / discard (parked work)."""
    row = session.get(SyncConflict, conflict_id)
    if row is None:
        raise NotFound("Dit conflict is al opgelost.")
    detail = dict(row.detail)
    allowed = FIELD_RESOLUTIONS if detail["kind"] == "field" else PARKED_RESOLUTIONS
    if resolution not in allowed:
        raise ValidationFailed({"resolution": "Kies hoe dit conflict wordt opgelost."})
    if resolution == "apply" and detail.get("audience") == "leads" and not actor.is_team_lead:
        raise AccessDenied(
            "Over twee overdrachten tegelijk beslist de teamleider. U kunt uw overdracht "
            "wel laten vervallen."
        )
    if (
        resolution == "apply"
        and detail["kind"] == "scope"
        and session.get(Client, row.client_id or "") is None
    ):
        raise AccessDenied(
            "Deze klant staat niet meer in uw caseload: wie de klant nu heeft, beslist of uw "
            "werk alsnog in het dossier komt. U kunt het wel laten vervallen."
        )
    if resolution == "edit":
        entity_ = ENTITIES[detail["entity"]]
        try:
            decode_value(entity_.table.c[detail["field"]], value)
        except (WireError, TypeError) as exc:
            raise ValidationFailed({"value": "Deze waarde past niet in dit veld."}) from exc
    record_resolution(session.connection(), detail, resolution, value)
    audit(
        session,
        actor,
        AuditAction.UPDATE,
        "sync_conflict",
        conflict_id,
        client_id=row.client_id,
        resolution=resolution,
        field=detail.get("field"),
    )
    session.expire_all()
