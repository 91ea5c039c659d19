"""The contact journal: entries are records; a correction is a new entry, the original kept."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.domain import validation as v
from app.domain.vocab import JournalKind
from app.models import JournalEntry
from app.services.access import require_client
from app.services.context import Actor
from app.services.errors import ValidationFailed
from app.services.records import (
    CorrectableRow,
    RecordKind,
    record_history,
    record_to_correct,
    save_record,
)

SUBJECT_MAX = 200

JOURNAL_ENTRY = RecordKind(
    JournalEntry,
    "journal_entry",
    JournalEntry.author_id,
    "Dit journaalbericht bestaat niet (meer).",
)


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


def record_journal_entry(
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
    require_client(session, actor, client_id)
    _validate(occurred_on, kind, subject, body, today or dt.date.today())
    return _save(session, actor, client_id, occurred_on, kind, subject, body, None)


def correct_journal_entry(
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
    original = record_to_correct(session, actor, JOURNAL_ENTRY, entry_id)
    _validate(occurred_on, kind, subject, body, today or dt.date.today())
    return _save(session, actor, original.client_id, occurred_on, kind, subject, body, original.id)


def _save(
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
    return save_record(session, actor, JOURNAL_ENTRY, entry)


def journal_history(session: Session, actor: Actor, client_id: str) -> list[JournalRow]:
    """All entries, newest first; superseded originals are kept and marked."""
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
            corrected_by_id=corrected_by,
        )
        for e, name, corrected_by in record_history(session, actor, JOURNAL_ENTRY, client_id)
    ]
    rows.sort(key=lambda r: (r.occurred_on, r.created_at), reverse=True)
    return rows
