"""Who is acting: the caseworker behind every service call, and the store's owner."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.vocab import Role
from app.models import Caseworker, LocalSetting, Team, new_id
from app.models.guards import ACTOR_KEY
from app.services.actor import Actor
from app.services.errors import NotFound

__all__ = ["OWNER_KEY", "Actor", "actor_for", "get_setting", "initialise_owner", "owner_actor"]

OWNER_KEY = "owner_caseworker_id"
# Set in a demo store: its passphrase is public, so no real client data may enter it.
DEMO_SETTING = "demo_store"


def actor_for(session: Session, caseworker_id: str) -> Actor:
    worker = session.get(Caseworker, caseworker_id)
    if worker is None or worker.deleted_at is not None:
        raise NotFound("Deze medewerker bestaat niet (meer) in deze database.")
    session.info[ACTOR_KEY] = worker.id
    return Actor(worker.id, Role(worker.role), worker.team_id, worker.display_name)


def get_setting(session: Session, key: str) -> str | None:
    row = session.get(LocalSetting, key)
    return row.value if row else None


def set_setting(session: Session, key: str, value: str) -> None:
    row = session.get(LocalSetting, key)
    if row is None:
        session.add(LocalSetting(key=key, value=value))
    else:
        row.value = value


def owner_actor(session: Session) -> Actor:
    """The caseworker this laptop's store belongs to."""
    owner_id = get_setting(session, OWNER_KEY)
    if owner_id is None:
        raise NotFound("Deze database heeft nog geen eigenaar; maak eerst een medewerker aan.")
    return actor_for(session, owner_id)


def initialise_owner(
    session: Session,
    *,
    username: str,
    display_name: str,
    role: Role,
    team_name: str,
    municipality: str | None = None,
) -> Actor:
    """First run of a store: its team and its owner, who acts on everything after."""
    existing = session.scalar(select(Caseworker).where(Caseworker.username == username))
    if existing is not None:
        set_setting(session, OWNER_KEY, existing.id)
        return actor_for(session, existing.id)
    # The owner is the first actor: they create themselves and their team.
    worker_id = new_id()
    session.info[ACTOR_KEY] = worker_id
    team = session.scalar(select(Team).where(Team.name == team_name))
    if team is None:
        team = Team(name=team_name, municipality=municipality)
        session.add(team)
        session.flush()
    session.add(
        Caseworker(
            id=worker_id,
            username=username,
            display_name=display_name,
            role=role.value,
            team_id=team.id,
        )
    )
    set_setting(session, OWNER_KEY, worker_id)
    session.flush()
    return actor_for(session, worker_id)
