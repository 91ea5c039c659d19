"""One pattern for every kind of correctable record (journal entries, ladder assessments,
job-coaching hours, wage-value measurements): save with its audit record, find the record
to correct, read a client's history; and which records count (a correction replaces the
record it corrects) and each client's newest one."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, Subquery, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.domain.vocab import AuditAction
from app.models import Caseworker
from app.services.access import require_client
from app.services.audit import audit
from app.services.context import Actor
from app.services.errors import NotFound, ValidationFailed

R = TypeVar("R")


@dataclass(frozen=True)
class RecordKind(Generic[R]):
    """A kind of correctable record: its model, its name in the audit trail, the column that
    names who made it, and what to say when the record to correct is gone."""

    model: type[R]
    audit_name: str
    made_by: InstrumentedAttribute[Any]
    missing: str


def save_record(
    session: Session,
    actor: Actor,
    kind: RecordKind[R],
    record: R,
    parts: Callable[[str], Iterable[object]] = lambda _record_id: (),
    **details: Any,
) -> str:
    """Add a new record (a correction when its `corrects_id` is set) with its audit record;
    `parts(record_id)` gives the rows that belong to it (a measurement's tasks), saved with
    the audit record, so the record is never audited without them."""
    session.add(record)
    session.flush()
    record_id: str = getattr(record, "id")  # noqa: B009 (the models share no base with it)
    session.add_all(parts(record_id))
    corrects_id = getattr(record, "corrects_id")  # noqa: B009
    if corrects_id:
        details["corrects"] = corrects_id
    audit(
        session,
        actor,
        AuditAction.CORRECT if corrects_id else AuditAction.CREATE,
        kind.audit_name,
        record_id,
        client_id=getattr(record, "client_id"),  # noqa: B009
        **details,
    )
    session.flush()
    return record_id


def record_history(
    session: Session,
    actor: Actor,
    kind: RecordKind[R],
    client_id: str,
    *where: ColumnElement[bool],
) -> list[tuple[R, str, str | None]]:
    """A client's records the actor may see: (record, name of who made it, id of the
    correction that replaced it, if any), unordered."""
    require_client(session, actor, client_id)
    model: Any = kind.model
    found = session.execute(
        select(model, Caseworker.display_name)
        .join(Caseworker, Caseworker.id == kind.made_by)
        .where(model.client_id == client_id, model.deleted_at.is_(None), *where)
    ).all()
    corrected_by = corrections_of(record for record, _name in found)
    return [(record, name, corrected_by.get(record.id)) for record, name in found]


def latest_per_client(model: Any, date_column: Any, *extra: Any) -> Subquery:
    """Each client's records that count (not replaced by a correction), newest ranked 1."""
    corrected = (
        select(model.corrects_id)
        .where(model.corrects_id.is_not(None), model.deleted_at.is_(None))
        .scalar_subquery()
    )
    ranked = select(
        model.client_id,
        *extra,
        func.row_number()
        .over(
            partition_by=model.client_id,
            order_by=(date_column.desc(), model.created_at.desc()),
        )
        .label("rank"),
    ).where(model.deleted_at.is_(None), model.id.not_in(corrected))
    return ranked.subquery()


def corrections_of(records: Iterable[Any]) -> dict[str, str]:
    """Which correction replaced which record: original id -> correction id."""
    return {r.corrects_id: r.id for r in records if r.corrects_id}


@dataclass(frozen=True, kw_only=True)
class CorrectableRow:
    """A record as lists show it: whether it corrects another or was itself replaced."""

    corrects_id: str | None
    corrected_by_id: str | None

    @property
    def is_superseded(self) -> bool:
        return self.corrected_by_id is not None


def record_to_correct(session: Session, actor: Actor, kind: RecordKind[R], record_id: str) -> R:
    """The record a caseworker wants to correct: it exists, they may see its client, and no
    correction replaced it yet (one correction each; correct the correction instead)."""
    model: Any = kind.model
    original = session.get(model, record_id)
    if original is None or original.deleted_at is not None:
        raise NotFound(kind.missing)
    require_client(session, actor, original.client_id)
    if session.scalar(select(model.id).where(model.corrects_id == record_id)) is not None:
        raise ValidationFailed(
            {"correction": "Dit is al gecorrigeerd; corrigeer de correctie als er nog iets mis is."}
        )
    found: R = original
    return found
