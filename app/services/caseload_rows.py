"""The caseload's plain rows, the list filter, and the start-up snapshot of the last
caseload: all without SQLAlchemy, so the main window can show a caseload before the
database layer is imported."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NamedTuple

from app.domain.names import search_words
from app.domain.vocab import ClientStatus, PriorityGroup, Role
from app.services.actor import Actor
from app.storage.unlocking import CASELOAD_SNAPSHOT_SETTING as SNAPSHOT_KEY

__all__ = ["SNAPSHOT_KEY"]

SNAPSHOT_VERSION = 1
# Above this many rows the snapshot costs more to write than it saves at start (the 100k
# stress store); such a caseload starts with the query, as before.
SNAPSHOT_MAX_ROWS = 25_000


class Scope(StrEnum):
    OWN = "own"
    TEAM = "team"


@dataclass(frozen=True, slots=True)
class DueAction:
    label: str
    due_on: dt.date


# What falls due for an active client, in Dutch (the GUI translates them).
DUE_ACTION_LABELS = ("Herbeoordeling ladder", "Nieuwe loonwaardemeting", "Einde plan")


class CaseloadRow(NamedTuple):
    """One client in a caseload list (a tuple: 100k of them build fast)."""

    client_id: str
    bsn: str
    display_name: str
    listing_name: str
    sort_key: tuple[str, str, str]
    search_text: str
    birth_date: dt.date
    age: int
    postcode: str | None
    municipality: str
    status: ClientStatus
    work_obligation: str
    priority_groups: tuple[PriorityGroup, ...]
    trede: int | None
    review_on: dt.date | None
    next_action: DueAction | None
    caseworker_id: str
    caseworker_name: str

    def is_overdue(self, today: dt.date) -> bool:
        return self.next_action is not None and self.next_action.due_on < today

    def is_review_overdue(self, today: dt.date) -> bool:
        """The ladder review date has passed (for an active client)."""
        return (
            self.status is ClientStatus.ACTIVE
            and self.review_on is not None
            and self.review_on < today
        )


@dataclass(frozen=True)
class CaseloadFilter:
    """What the caseworker narrowed the list to; every part is optional."""

    text: str = ""
    trede: int | None = None  # 0: not yet assessed
    group: PriorityGroup | None = None
    municipality: str | None = None
    status: ClientStatus | None = ClientStatus.ACTIVE
    overdue_only: bool = False
    review_overdue_only: bool = False

    def _choices(self) -> tuple[object, ...]:
        return (
            self.trede,
            self.group,
            self.municipality,
            self.status,
            self.overdue_only,
            self.review_overdue_only,
        )

    def narrows(self, other: CaseloadFilter) -> bool:
        """True when every row this filter keeps is also kept by `other` with more text."""
        return (
            self.text.strip() != ""
            and other.text.startswith(self.text)
            and self._choices() == other._choices()
        )


def filter_rows(
    rows: list[CaseloadRow], criteria: CaseloadFilter, today: dt.date
) -> list[CaseloadRow]:
    """The rows that match: text on name (any diacritics), BSN or postcode; then the filters."""
    words = search_words(criteria.text)
    kept = rows
    if words:
        kept = [r for r in kept if all(w in r.search_text for w in words)]
    if criteria.trede is not None:
        wanted = criteria.trede or None
        kept = [r for r in kept if r.trede == wanted]
    if criteria.group is not None:
        kept = [r for r in kept if criteria.group in r.priority_groups]
    if criteria.municipality:
        kept = [r for r in kept if r.municipality == criteria.municipality]
    if criteria.status is not None:
        kept = [r for r in kept if r.status is criteria.status]
    if criteria.overdue_only:
        kept = [r for r in kept if r.is_overdue(today)]
    if criteria.review_overdue_only:
        kept = [r for r in kept if r.is_review_overdue(today)]
    return kept


def _date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def snapshot_text(actor: Actor, scope: Scope, rows: list[CaseloadRow]) -> str:
    """The rows as compact JSON (kept in the encrypted store's local settings)."""
    packed = [
        [
            r.client_id,
            r.bsn,
            r.display_name,
            r.listing_name,
            list(r.sort_key),
            r.search_text,
            r.birth_date.isoformat(),
            r.age,
            r.postcode,
            r.municipality,
            r.status.value,
            r.work_obligation,
            [group.value for group in r.priority_groups],
            r.trede,
            r.review_on.isoformat() if r.review_on else None,
            [r.next_action.label, r.next_action.due_on.isoformat()] if r.next_action else None,
            r.caseworker_id,
            r.caseworker_name,
        ]
        for r in rows
    ]
    return json.dumps(
        {
            "version": SNAPSHOT_VERSION,
            "actor": [actor.caseworker_id, actor.role.value, actor.team_id, actor.display_name],
            "scope": scope.value,
            "rows": packed,
        },
        separators=(",", ":"),
        ensure_ascii=False,
    )


def snapshot_rows(text: str) -> tuple[Actor, Scope, list[CaseloadRow]] | None:
    """The snapshot back; None when it is missing, of another version or damaged."""
    try:
        data: dict[str, Any] = json.loads(text)
        if data.get("version") != SNAPSHOT_VERSION:
            return None
        worker_id, role, team_id, name = data["actor"]
        actor = Actor(worker_id, Role(role), team_id, name)
        groups = {group.value: group for group in PriorityGroup}
        statuses = {status.value: status for status in ClientStatus}
        rows = [
            CaseloadRow(
                p[0],
                p[1],
                p[2],
                p[3],
                (p[4][0], p[4][1], p[4][2]),
                p[5],
                dt.date.fromisoformat(p[6]),
                p[7],
                p[8],
                p[9],
                statuses[p[10]],
                p[11],
                tuple(groups[g] for g in p[12]),
                p[13],
                _date(p[14]),
                DueAction(p[15][0], dt.date.fromisoformat(p[15][1])) if p[15] else None,
                p[16],
                p[17],
            )
            for p in data["rows"]
        ]
        return actor, Scope(data["scope"]), rows
    except (ValueError, KeyError, TypeError, IndexError):
        return None
