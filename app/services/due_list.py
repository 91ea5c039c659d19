"""The due list: every deadline and signal of the caseload's active clients in one list,
overdue first, then by date (issue 20, item 8)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.services.caseload import Scope, caseload_with_due_actions
from app.services.caseload_rows import DueAction
from app.services.context import Actor


@dataclass(frozen=True)
class DueItem:
    client_id: str
    client_name: str  # as the caseload lists it: achternaam, voornamen
    caseworker_name: str
    label: str  # Dutch; the GUI translates it
    due_on: dt.date

    def is_overdue(self, today: dt.date) -> bool:
        return self.due_on < today


def due_list(
    session: Session, actor: Actor, *, scope: Scope = Scope.OWN, today: dt.date | None = None
) -> list[DueItem]:
    """Every due action of the actor's active clients (a team lead: of the team), overdue
    first, earliest first, then by name."""
    today = today or dt.date.today()
    rows, actions = caseload_with_due_actions(
        session, actor, scope=scope, today=today, include_closed=False
    )
    items = [
        DueItem(row.client_id, row.listing_name, row.caseworker_name, action.label, action.due_on)
        for row in rows
        for action in actions.get(row.client_id, ())
    ]
    # Overdue items first (the oldest on top), then what is still to come.
    items.sort(key=lambda item: (item.due_on, item.client_name.casefold(), item.label))
    return items


def client_due_actions(
    session: Session, actor: Actor, client_id: str, *, today: dt.date | None = None
) -> list[DueAction]:
    """Every due action of one client, earliest first, by the same rules as the caseload
    (none for a closed client, or one outside the actor's caseload or team)."""
    scope = Scope.TEAM if actor.is_team_lead else Scope.OWN
    _rows, actions = caseload_with_due_actions(
        session, actor, scope=scope, today=today, include_closed=False, client_id=client_id
    )
    return actions.get(client_id, [])
