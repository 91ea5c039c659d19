"""Values within the limits the central store checks (texts: the model's `wire.max_length`;
days: 1900 to 2199): a value outside them is refused when it is saved, with a message that
names the field, so it never fails later at a sync."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, event, inspect
from sqlalchemy.orm import Session

from app.domain.dates import FIRST_DAY, LAST_DAY
from app.domain.validation import day_range_problem
from app.models import SyncedMixin
from app.models.base import JSON_LIMIT
from app.services.errors import ValidationFailed
from app.sync.wire import canonical_json, max_length


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def problems_of(obj: SyncedMixin, *, only_changed: bool = False) -> dict[str, str]:
    """The values of `obj` outside the limits; of an edited row only the changed ones (a
    value saved before a limit existed never blocks an edit of another field)."""
    problems = {}
    state = inspect(obj)
    for column in obj.__table__.columns:  # type: ignore[attr-defined]
        if only_changed and not state.attrs[column.key].history.has_changes():
            continue
        value: Any = getattr(obj, column.key, None)
        if isinstance(value, str):
            limit = max_length(column)
            if limit is not None and len(value) > limit:
                problems[column.key] = (
                    f"Deze tekst is te lang: ten hoogste {_thousands(limit)} tekens. "
                    "Maak hem korter."
                )
        elif (
            isinstance(value, dt.date)
            and not isinstance(value, dt.datetime)
            and not FIRST_DAY <= value <= LAST_DAY
        ):
            problems[column.key] = day_range_problem()
        elif isinstance(column.type, JSON) and value is not None:
            limit = int(column.info.get("max_bytes", JSON_LIMIT))
            if len(canonical_json(value)) > limit:
                problems[column.key] = "Dit veld bevat te veel gegevens; maak het kleiner."
    return problems


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    problems: dict[str, str] = {}
    for obj in session.new:
        if isinstance(obj, SyncedMixin):
            problems.update(problems_of(obj))
    for obj in session.dirty:
        if isinstance(obj, SyncedMixin):
            problems.update(problems_of(obj, only_changed=True))
    if problems:
        raise ValidationFailed(problems)


_installed = False


def install_limits() -> None:
    global _installed
    if not _installed:
        event.listen(Session, "before_flush", _before_flush)
        _installed = True
