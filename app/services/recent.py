"""The client files this caseworker opened last, newest first (the Klant menu): ids kept in
the encrypted store of this laptop only, and shown only while the caseworker may still see
the client."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.domain.names import display_name
from app.models import Client
from app.services.access import can_see, current_assignment
from app.services.context import Actor, get_setting, set_setting

RECENT_KEY = "recent_clients"
RECENT_MAX = 10


@dataclass(frozen=True)
class RecentClient:
    client_id: str
    display_name: str


def _ids(session: Session) -> list[str]:
    try:
        found = json.loads(get_setting(session, RECENT_KEY) or "[]")
    except ValueError:  # a damaged setting costs the list, nothing more
        return []
    return [value for value in found if isinstance(value, str)] if isinstance(found, list) else []


def remember_opened(session: Session, client_id: str) -> None:
    """`client_id` was opened: first in the list, once."""
    ids = [client_id, *(other for other in _ids(session) if other != client_id)]
    set_setting(session, RECENT_KEY, json.dumps(ids[:RECENT_MAX]))


def recent_clients(session: Session, actor: Actor) -> list[RecentClient]:
    """The files opened last that the actor may still open (a client that left the caseload
    with a sync, or was removed, drops out)."""
    shown = []
    for client_id in _ids(session):
        client = session.get(Client, client_id)
        if client is None or client.deleted_at is not None:
            continue
        if can_see(session, actor, current_assignment(session, client_id)):
            name = display_name(client.voornamen, client.tussenvoegsel, client.achternaam)
            shown.append(RecentClient(client_id, name))
    return shown
