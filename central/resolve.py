"""A caseworker's choice for a conflict, carried out on the central store: a field value
kept or chosen, or parked work applied as what it is (its author's, with the resolver
recorded) or let go. A choice that cannot be carried out leaves the conflict open."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.domain.vocab import Role
from app.models import Caseworker
from app.sync.wire import ENTITIES, encode_value
from central import conflicts
from central import tables as t
from central.accounts import Device
from central.rights import AUTHOR, LEADS, Refused

if TYPE_CHECKING:
    from central.push import Push

_CASEWORKERS = Caseworker.__table__
FIELD_CHOICES = frozenset({"mine", "theirs", "edit"})
PARKED_CHOICES = frozenset({"apply", "discard"})


def parked_changes(conflict: dict[str, Any]) -> list[dict[str, Any]]:
    stored = conflict["change"]
    if isinstance(stored, list):
        return [dict(change) for change in stored if isinstance(change, dict)]
    return [dict(stored)] if isinstance(stored, dict) else []


def author_of(push: Push, conflict: dict[str, Any]) -> Device:
    """The caseworker who made the parked work, with their rights of today: the work of a
    caseworker who left still counts, their administrator rights do not."""
    found = push.conn.execute(
        select(
            _CASEWORKERS.c.id,
            _CASEWORKERS.c.role,
            _CASEWORKERS.c.team_id,
            _CASEWORKERS.c.active,
            _CASEWORKERS.c.deleted_at,
        ).where(_CASEWORKERS.c.id == conflict["mine_by"])
    ).first()
    if found is None:
        raise Refused("refused", "de maker van deze wijziging bestaat niet meer")
    account = push.conn.execute(
        select(t.accounts.c.is_admin, t.accounts.c.revoked_at).where(
            t.accounts.c.caseworker_id == found.id
        )
    ).first()
    current = (
        found.active
        and found.deleted_at is None
        and account is not None
        and account.revoked_at is None
    )
    is_admin = bool(current and account is not None and account.is_admin)
    return Device(conflict["mine_device"], found.id, Role(found.role), found.team_id, is_admin)


def resolve(push: Push, change: dict[str, Any]) -> dict[str, Any]:
    conflict_id = str(change["resolves"])[:36]
    resolution = str(change.get("resolution") or "")
    sender = push.sender
    conflict = conflicts.load(push.conn, conflict_id)
    client_id = conflict["client_id"] if conflict else None
    in_scope = client_id is not None and client_id in push.scope_of(sender)
    if conflict is None or not conflicts.can_see(conflict, sender, in_scope):
        # (someone else's conflict answers as one that does not exist, settled or not)
        return push.park([change], Refused("refused", "dit conflict bestaat niet", AUTHOR))[0]
    if conflict["status"] != "open":
        if conflict["kind"] == "field" and resolution in {"mine", "edit"}:
            # settled by someone else meanwhile: the value this caseworker chose is an edit
            # of its own, merged against the value they saw (a conflict again if it changed)
            (result,) = push.transaction([_as_edit(change)])
            return {**result, "already": True}
        return {"status": "applied", "already": True}
    choices = FIELD_CHOICES if conflict["kind"] == "field" else PARKED_CHOICES
    if resolution not in choices:
        return _stays_open(push, conflict, "kies een van de mogelijkheden bij dit conflict")
    if resolution in {"theirs", "discard"}:
        _settle(push, conflict_id, resolution)
        return {"status": "applied"}
    if conflict["kind"] == "field":
        plain = _as_edit(change)
        if not in_scope:
            return _stays_open(
                push,
                conflict,
                "de klant staat niet meer in uw caseload; wie de klant nu heeft, beslist",
            )
        try:
            (result,) = push.atomically([plain], sender, forced=False)
        except Refused as refused:
            return _stays_open(push, conflict, refused.message)
        if result.get("status") == "conflict" and conflict["mine_by"] == sender.caseworker_id:
            # the value moved on again since it was chosen: the choice joined this conflict
            # (now with the newer value) and waits for a new one
            return _stays_open(
                push, conflict, "de waarde is intussen opnieuw gewijzigd; kies opnieuw"
            )
        # (a colleague's choice that conflicts again is in a new conflict of theirs)
        _settle(push, conflict_id, resolution)
        return result
    if conflict["audience"] == LEADS and not (sender.is_team_lead or sender.is_admin):
        return _stays_open(push, conflict, "de teamleider beslist over deze overdracht")
    if not _holds_every_client(push, conflict):
        # late work goes into a file only when whoever has the file now takes it in
        return _stays_open(
            push,
            conflict,
            "de klant staat niet meer in uw caseload; wie de klant nu heeft, beslist",
        )
    try:
        author = author_of(push, conflict)
        push.atomically(
            _patched(push, conflict),
            author,
            forced=True,
            make_room=conflict["kind"] == "duplicate",
        )
    except Refused as refused:
        return _stays_open(push, conflict, refused.message)
    _settle(push, conflict_id, resolution)
    return {"status": "applied"}


def _holds_every_client(push: Push, conflict: dict[str, Any]) -> bool:
    """Whoever applies parked work holds every client it is about (a transaction can span
    clients), or it is the author's own new client that never reached the store."""
    sender = push.sender
    own = bool(conflict["mine_by"] == sender.caseworker_id)
    clients = push.clients_of_changes(parked_changes(conflict))
    if conflict["client_id"] is not None and conflict["client_id"] not in clients:
        clients.append(conflict["client_id"])
    if not clients:
        return own
    held = push.scope_of(sender)
    return all(found in held or (own and not _client_exists(push, found)) for found in clients)


def _settle(push: Push, conflict_id: str, resolution: str) -> None:
    conflicts.settle(push.conn, conflict_id, push.sender, resolution, push.now)
    push.forget_parked(conflict_id)


def _as_edit(change: dict[str, Any]) -> dict[str, Any]:
    plain = {k: v for k, v in change.items() if k not in {"resolves", "resolution"}}
    plain["op"] = "update"
    return plain


def _client_exists(push: Push, client_id: str) -> bool:
    clients = ENTITIES["clients"].table
    return (
        push.conn.execute(select(clients.c.id).where(clients.c.id == client_id)).first() is not None
    )


def _patched(push: Push, conflict: dict[str, Any]) -> list[dict[str, Any]]:
    """Parked work applied after all, over what happened meanwhile: an edit of a row deleted
    meanwhile restores the row; a deletion of a row edited meanwhile deletes it (every such
    change of the transaction, not only the one that was refused first)."""
    changes = parked_changes(conflict)
    if conflict["kind"] != "deleted":
        return changes
    for change in changes:
        entity_ = ENTITIES.get(str(change.get("entity")))
        if entity_ is None or change.get("op") != "update":
            continue
        if (change.get("fields") or {}).get("deleted_at") is not None:
            change["base_version"] = None
            continue
        stored = push.conn.execute(
            select(entity_.table.c.deleted_at).where(
                entity_.table.c.id == str(change.get("row_id"))
            )
        ).scalar()
        if stored is None:
            continue  # not deleted: the edit applies as it is
        change["fields"] = {**(change.get("fields") or {}), "deleted_at": None}
        change["base"] = {**(change.get("base") or {}), "deleted_at": encode_value(stored)}
        change["base_version"] = None
    return changes


def _stays_open(push: Push, conflict: dict[str, Any], message: str) -> dict[str, Any]:
    conflicts.still_open(push.conn, conflict["id"], message)
    return {"status": "parked", "conflict": conflict["id"]}
