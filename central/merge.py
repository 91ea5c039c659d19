"""One change merged into the central store: a new row checked against the author's rights
and scope, an edit merged field by field against its base values (the same field changed
elsewhere is a field conflict; an edit of a deleted row is refused as "deleted")."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, update
from sqlalchemy.exc import DBAPIError

from app.sync.wire import BOOKKEEPING, ENTITIES, Entity, WireError, decode_value, encode_value
from central import conflicts, invariants
from central.accounts import Device
from central.rights import (
    AUTHOR,
    Refused,
    check_deletion,
    check_fixed,
    check_handover,
    check_people,
    clamp_times,
    made_at,
    never_in_scope,
)

if TYPE_CHECKING:
    from central.push import Push


def _check_references(
    push: Push, entity_: Entity, values: dict[str, Any], client_id: str | None
) -> None:
    """A row of a client points only at rows of the same client (or of no client)."""
    for column in entity_.columns:
        value = values.get(column.name)
        if value is None or column.name == entity_.scope.column:
            continue
        for key in column.foreign_keys:
            target = ENTITIES.get(key.column.table.name)
            if target is None or target.scope.kind == "none":
                continue
            owner = (
                str(value)
                if target.scope.kind == "self"
                else push.feed.client_of(target.name, str(value))
            )
            # a row that is not there and a row of another client get the same answer:
            # no refusal tells whether someone else's row id exists
            if owner != client_id:
                raise Refused(
                    "refused",
                    f"{column.name} verwijst naar gegevens die niet bij deze klant horen",
                    AUTHOR,
                )


def apply_insert(
    push: Push,
    change: dict[str, Any],
    entity_: Entity,
    values: dict[str, Any],
    existing: dict[str, Any] | None,
    author: Device,
    forced: bool,
    touched: invariants.Touched,
) -> dict[str, Any]:
    row_id = str(change.get("row_id"))
    if values.get("id") != row_id:
        raise Refused("refused", "id van de rij klopt niet", audience=AUTHOR)
    if set(values) != {c.name for c in entity_.columns}:
        raise Refused("refused", "een nieuwe rij hoort alle velden te hebben", audience=AUTHOR)
    check_people(entity_, values, author)
    check_deletion(entity_, values)
    clamp_times(entity_, values, push.now)
    if existing is not None:
        if existing["created_by"] != author.caseworker_id:
            # (an id of someone else's row: no answer may tell whether it exists)
            raise Refused("refused", "id van de rij klopt niet", audience=AUTHOR)
        if not entity_.is_document:
            return {"status": "applied"}  # the same record sent again
        # the same document sent as new twice: merge it like an edit from nothing
        return apply_update(push, change, entity_, existing, values, {}, author, forced, touched)
    client_id = row_id if entity_.name == "clients" else push.client_of(entity_, values)
    if entity_.name == "case_assignments":
        _check_new_assignment(push, values, client_id, author, forced, touched)
    elif entity_.name != "clients" and not push.in_scope(author, client_id, forced=forced):
        assert client_id is not None
        raise push.out_of_scope(author, client_id)
    _check_references(push, entity_, values, client_id)
    push.add_insert(entity_, values)
    touched.note(entity_.name, values, set(values))
    push.publish(
        entity_, values, client_id, values, (author.caseworker_id, made_at(change, push.now))
    )
    return {"status": "applied"}


def _check_new_assignment(
    push: Push,
    values: dict[str, Any],
    client_id: str | None,
    author: Device,
    forced: bool,
    touched: invariants.Touched,
) -> None:
    """A caseworker assigns a client they register or have, within the rules of
    `check_handover`. A former caseworker's handover is judged against the one that came
    first: two at once are a conflict for the team lead, one alone is out of scope."""
    if client_id is None:
        raise Refused("refused", "een toewijzing hoort bij een klant", audience=AUTHOR)
    check_handover(push.conn, author, str(values["caseworker_id"]))
    if push.in_scope(author, client_id, forced=False):
        return
    if forced and not push.making_room:
        raise Refused("scope", "een overdracht door een vorige medewerker gaat niet alsnog")
    if not push.in_scope(author, client_id, forced=True):
        raise push.out_of_scope(author, client_id)
    touched.stale_transfer = True


def _checked_base(entity_: Entity, values: dict[str, Any], base: dict[str, Any]) -> dict[str, Any]:
    """The base values of the changed columns, each a value its column takes."""
    checked = {}
    for name in values:
        if name in base and name in entity_.table.c:
            try:
                decode_value(entity_.table.c[name], base[name])
            except WireError as exc:
                raise Refused("refused", f"ongeldige basiswaarde: {exc}", AUTHOR) from exc
            checked[name] = base[name]
    return checked


def _check_assignment_edit(
    push: Push,
    values: dict[str, Any],
    current: dict[str, Any],
    client_id: str | None,
    author: Device,
    forced: bool,
) -> None:
    """An assignment is ended (or its reason edited), never opened again: a client changes
    hands through a new assignment, with its checks."""
    for name in ("ended_on", "deleted_at"):
        if name in values and current[name] is not None and values[name] is None:
            raise Refused("refused", "een beëindigde toewijzing gaat niet opnieuw open", AUTHOR)
    late = forced and not push.making_room and client_id is not None
    if late and _differs(values, current) and not push.in_scope(author, client_id, forced=False):
        raise Refused("scope", "een overdracht door een vorige medewerker gaat niet alsnog")


def _differs(values: dict[str, Any], current: dict[str, Any]) -> bool:
    return any(
        encode_value(value) != encode_value(current[name])
        for name, value in values.items()
        if name not in BOOKKEEPING
    )


def apply_update(
    push: Push,
    change: dict[str, Any],
    entity_: Entity,
    current: dict[str, Any],
    values: dict[str, Any],
    base: dict[str, Any],
    author: Device,
    forced: bool,
    touched: invariants.Touched,
) -> dict[str, Any]:
    row_id = str(change["row_id"])
    client_id = push.feed.client_of(entity_.name, row_id)
    check_fixed(entity_, values, current)
    check_deletion(entity_, values)
    clamp_times(entity_, values, push.now)
    base = _checked_base(entity_, values, base)
    if entity_.name == "case_assignments":
        _check_assignment_edit(push, values, current, client_id, author, forced)
    if not push.in_scope(author, client_id, forced=forced):
        assert client_id is not None
        # A former caseworker's edit that changes nothing (ending an assignment someone
        # else ended already) is no edit; anything else waits for whoever has the client.
        if _differs(values, current) or not push.in_scope(author, client_id, forced=True):
            raise push.out_of_scope(author, client_id)
        return {"status": "applied"}
    when = made_at(change, push.now)
    known = push.feed.lookup(entity_.name, row_id)
    stamps = known["stamps"] if known else {}
    deleting = values.get("deleted_at") is not None
    if current["deleted_at"] is not None and "deleted_at" not in values:
        raise Refused("deleted", "deze gegevens zijn intussen verwijderd")
    base_version = change.get("base_version")
    if (
        deleting
        and current["deleted_at"] is None
        and isinstance(base_version, int)
        and base_version < current["version"]
    ):
        raise Refused("deleted", "verwijderd terwijl een ander het intussen wijzigde")
    to_set: dict[str, Any] = {}
    conflicted: list[str] = []
    for name, value in values.items():
        if name in BOOKKEEPING:
            continue
        ours, theirs = encode_value(value), encode_value(current[name])
        if ours == theirs or (name == "deleted_at" and ours and theirs):
            continue  # (deleted on both sides: deleted, whenever)
        if name in base and base[name] == theirs:
            to_set[name] = value
            continue
        conflicted.append(name)
        conflicts.field_conflict(
            push.conn,
            author=author,
            entity_name=entity_.name,
            row_id=row_id,
            client_id=client_id,
            name=name,
            base=base.get(name),
            mine=ours,
            theirs=theirs,
            theirs_stamp=stamps.get(name),
            made_at=when,
            now=push.now,
        )
    changed = list(to_set)
    if to_set:
        to_set.update(
            version=current["version"] + 1, updated_at=when, updated_by=author.caseworker_id
        )
        push.write_inserts()
        push.conn.execute(
            update(entity_.table).where(entity_.table.c.id == row_id).values(**to_set)
        )
        current.update(to_set)
        touched.note(entity_.name, current, set(changed))
    if to_set or conflicted:
        # a conflict also re-sends the row, so the sender's laptop shows the stored value
        push.publish(entity_, current, client_id, changed, (author.caseworker_id, when))
    return {"status": "conflict" if conflicted else "applied", "fields": conflicted}


def _audit_values(push: Push, change: dict[str, Any]) -> tuple[Entity, dict[str, Any]]:
    entity_, values = push.decode(change)
    if change.get("op") != "insert" or values.get("id") != change.get("row_id"):
        raise Refused("refused", "een auditregel wordt alleen toegevoegd", audience=AUTHOR)
    if set(values) != {c.name for c in entity_.columns}:
        raise Refused("refused", "een nieuwe rij hoort alle velden te hebben", AUTHOR)
    check_people(entity_, values, push.sender)
    clamp_times(entity_, values, push.now)
    # an event about a client names it in client_id; one that names a client only as its
    # entity is held to the same rule
    about = {values.get("client_id"), values.get("entity_id")} - {None}
    for client_id in about:
        if (client_id == values.get("client_id") or push.is_client(str(client_id))) and not (
            push.may_audit(str(client_id))
        ):
            raise never_in_scope()
    return entity_, values


def apply_audit_events(push: Push, changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The sender's own trail, kept whatever became of the changes it describes; only about
    clients the sender has or had (or parked work of theirs). Written in one statement."""
    results: list[dict[str, Any]] = [{"status": "applied"} for _change in changes]
    new: list[tuple[int, dict[str, Any]]] = []
    table = ENTITIES["audit_events"].table
    for index, change in enumerate(changes):
        try:
            entity_, values = _audit_values(push, change)
        except Refused as refused:
            refused.audience = AUTHOR
            results[index] = push.park([change], refused)[0]
            continue
        if push.row(entity_, str(values["id"])) is None:
            new.append((index, values))
    if not new:
        return results
    savepoint = push.conn.begin_nested()
    try:
        push.conn.execute(insert(table), [values for _index, values in new])
        savepoint.commit()
    except DBAPIError:
        savepoint.rollback()
        for index, values in new:  # one by one: the one the database refuses is parked
            one = push.conn.begin_nested()
            try:
                push.conn.execute(insert(table).values(**values))
                one.commit()
            except DBAPIError:
                one.rollback()
                declined = Refused("refused", "de database weigerde deze regel", AUTHOR)
                results[index] = push.park([changes[index]], declined)[0]
    return results
