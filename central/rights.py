"""What a sender may write, checked field by field: who a row names, who a client may be
handed to, which columns an edit may change, and times no later than the server's clock."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import Connection

from app.models.base import UTCDateTime
from app.sync.wire import DELETABLE, PERSON_FIELDS, Entity, fixed_columns
from central.accounts import Device
from central.scope import caseworker

# Audiences of a conflict: who sees it besides its author.
SCOPE, LEADS, AUTHOR = "scope", "leads", "author"


@dataclass
class Refused(Exception):
    """A change (or a whole local transaction) that cannot be applied as it is."""

    kind: str  # scope | refused | deleted | duplicate
    message: str
    audience: str = SCOPE
    theirs: dict[str, Any] | None = None
    theirs_by: str | None = None
    # duplicates: the rows the parked change competes with, as (entity, id)
    competitors: list[tuple[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(self.message)


# One answer for a row that is not there and a row of a client the sender never had: no
# refusal tells whether someone else's row id exists.
NOT_HERE = "deze gegevens staan niet op de server of horen niet bij uw caseload"


def never_in_scope() -> Refused:
    """A change about a client the sender never had (or about nothing that exists): kept for
    the sender alone."""
    return Refused("refused", NOT_HERE, audience=AUTHOR)


def check_people(entity_: Entity, values: dict[str, Any], author: Device) -> None:
    """A new row names its writer as the sender, and so do its person columns."""
    me = author.caseworker_id
    for name in ("created_by", "updated_by", *PERSON_FIELDS.get(entity_.name, ())):
        if name in values and values[name] is not None and values[name] != me:
            raise Refused("refused", f"{name} hoort de afzender te zijn", audience=AUTHOR)


def check_fixed(entity_: Entity, values: dict[str, Any], current: dict[str, Any]) -> None:
    """An edit never moves a row to another client, parent or caseworker."""
    for name in fixed_columns(entity_):
        if name in values and values[name] != current[name]:
            raise Refused("refused", f"{name} kan niet gewijzigd worden", audience=AUTHOR)


def check_deletion(entity_: Entity, values: dict[str, Any]) -> None:
    """Laptops delete only what their services delete (a plan's goals and instruments): a
    client or an assignment is ended or closed, never made to vanish."""
    if values.get("deleted_at") is not None and entity_.name not in DELETABLE:
        raise Refused("refused", "deze gegevens kunnen niet verwijderd worden", audience=AUTHOR)


def clamp_times(entity_: Entity, values: dict[str, Any], now: dt.datetime) -> None:
    """No time in a row is later than the server's clock (a laptop clock that ran ahead)."""
    for column in entity_.columns:
        value = values.get(column.name)
        if isinstance(column.type, UTCDateTime) and value is not None and value > now:
            values[column.name] = now


def check_handover(conn: Connection, author: Device, target_id: str) -> None:
    """A caseworker hands a client to a colleague of the team; a team lead or an
    administrator to anyone active."""
    target = caseworker(conn, target_id)
    if target is None or not target.active:
        raise Refused("refused", "de nieuwe medewerker bestaat niet of is niet actief")
    if author.is_admin or author.is_team_lead or target.id == author.caseworker_id:
        return
    if target.team_id is None or target.team_id != author.team_id:
        raise Refused(
            "refused",
            "alleen een teamleider kan een klant aan een ander team overdragen",
            audience=AUTHOR,
        )


def made_at(change: dict[str, Any], now: dt.datetime) -> dt.datetime:
    """When the change was made, by the laptop's word, but never after the server's now."""
    try:
        made = dt.datetime.fromisoformat(str(change.get("made_at")))
        if made.tzinfo is None:
            return now
        made = made.astimezone(dt.UTC)
    except (ValueError, OverflowError):
        return now
    if made.year < 2000:
        return now
    return min(made, now)
