"""Queries shared by every kind of record: which records count (a correction replaces the
record it corrects) and each client's newest one."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Subquery, func, select
from sqlalchemy.orm import Session

from app.services.access import require_client
from app.services.context import Actor
from app.services.errors import NotFound, ValidationFailed


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


def correction_target(
    session: Session, actor: Actor, model: Any, record_id: str, *, missing: str
) -> Any:
    """The record a caseworker wants to correct: it exists, they may see its client, and no
    correction replaced it yet (one correction each; correct the correction instead)."""
    original = session.get(model, record_id)
    if original is None or original.deleted_at is not None:
        raise NotFound(missing)
    require_client(session, actor, original.client_id)
    if session.scalar(select(model.id).where(model.corrects_id == record_id)) is not None:
        raise ValidationFailed(
            {"correction": "Dit is al gecorrigeerd; corrigeer de correctie als er nog iets mis is."}
        )
    return original


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
