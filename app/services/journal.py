"""The contact journal: entries are records; a correction is a new entry, the original kept."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import validation as v
from app.domain.vocab import AuditAction, JournalKind
from app.models import Caseworker, JournalEntry
from app.services.access import require_client
from app.services.audit import audit
from app.services.context import Actor
from app.services.errors import ValidationFailed
from app.services.records import CorrectableRow, correction_target, corrections_of

SUBJECT_MAX = 200


@dataclass(frozen=True)
class JournalRow(CorrectableRow):
    id: str
    occurred_on: dt.date
    kind: JournalKind
    subject: str
    body: str
    author_name: str
    created_at: dt.datetime


def validate_entry(
    occurred_on: str, kind: str, subject: str, body: str, *, today: dt.date
) -> dict[str, str]:
    """Every problem of a journal entry as typed, per field."""
    problems: dict[str, str] = {}
    date_problem = v.date_problem(occurred_on, latest=today, what="de datum van het contact")
    if date_problem:
        problems["occurred_on"] = date_problem
    if kind not in {k.value for k in JournalKind}:
        problems["kind"] = "Kies het soort contact uit de lijst."
    if not subject.strip():
        problems["subject"] = "Vul een onderwerp in."
    elif len(subject.strip()) > SUBJECT_MAX:
        problems["subject"] = f"Het onderwerp is te lang (ten hoogste {SUBJECT_MAX} tekens)."
    if not body.strip():
        problems["body"] = "Vul de tekst van het verslag in."
    return problems


def _validate(occurred_on: str, kind: str, subject: str, body: str, today: dt.date) -> None:
    problems = validate_entry(occurred_on, kind, subject, body, today=today)
    if problems:
        raise ValidationFailed(problems)


def add_entry(
    session: Session,
    actor: Actor,
    client_id: str,
    *,
    occurred_on: str,
    kind: str,
    subject: str,
    body: str,
    today: dt.date | None = None,
) -> str:
    today = today or dt.date.today()
    require_client(session, actor, client_id)
    _validate(occurred_on, kind, subject, body, today)
    return _save_entry(session, actor, client_id, occurred_on, kind, subject, body, None)


def _save_entry(
    session: Session,
    actor: Actor,
    client_id: str,
    occurred_on: str,
    kind: str,
    subject: str,
    body: str,
    corrects_id: str | None,
) -> str:
    entry = JournalEntry(
        client_id=client_id,
        occurred_on=v.parse_date(occurred_on),
        kind=kind,
        subject=subject.strip(),
        body=body.strip(),
        author_id=actor.caseworker_id,
        corrects_id=corrects_id,
    )
    session.add(entry)
    session.flush()
    if corrects_id:
        audit(
            session,
            actor,
            AuditAction.CORRECT,
            "journal_entry",
            entry.id,
            client_id=client_id,
            corrects=corrects_id,
        )
    else:
        audit(session, actor, AuditAction.CREATE, "journal_entry", entry.id, client_id=client_id)
    session.flush()
    return entry.id


def correct_entry(
    session: Session,
    actor: Actor,
    entry_id: str,
    *,
    occurred_on: str,
    kind: str,
    subject: str,
    body: str,
    today: dt.date | None = None,
) -> str:
    """A correction: a new entry that points at the original, which stays as it was."""
    today = today or dt.date.today()
    original = correction_target(
        session, actor, JournalEntry, entry_id, missing="Dit journaalbericht bestaat niet (meer)."
    )
    _validate(occurred_on, kind, subject, body, today)
    return _save_entry(
        session, actor, original.client_id, occurred_on, kind, subject, body, original.id
    )


def journal(session: Session, actor: Actor, client_id: str) -> list[JournalRow]:
    """All entries, newest first; superseded originals are kept and marked."""
    require_client(session, actor, client_id)
    entries = session.execute(
        select(JournalEntry, Caseworker.display_name)
        .join(Caseworker, Caseworker.id == JournalEntry.author_id)
        .where(JournalEntry.client_id == client_id, JournalEntry.deleted_at.is_(None))
    ).all()
    corrected_by = corrections_of(e for e, _ in entries)
    rows = [
        JournalRow(
            id=e.id,
            occurred_on=e.occurred_on,
            kind=JournalKind(e.kind),
            subject=e.subject,
            body=e.body,
            author_name=name,
            created_at=e.created_at,
            corrects_id=e.corrects_id,
            corrected_by_id=corrected_by.get(e.id),
        )
        for e, name in entries
    ]
    rows.sort(key=lambda r: (r.occurred_on, r.created_at), reverse=True)
    return rows
