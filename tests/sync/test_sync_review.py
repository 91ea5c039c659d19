"""What the second and third adversarial reviews found, each as it was found (all failed
before the fix): a transaction spanning two clients applied into another team's file; a
chosen value lost to its own conflict (also after an edit and its undo); refusals that told
whether someone else's row, parent row or parked row exists; NaN in a push; dates the central
store refuses; a client made to vanish; "apply" of a refused deletion (also of several rows)."""

from __future__ import annotations

import dataclasses
import json
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from app.domain.vocab import Role
from app.models import CaseAssignment, Client, JournalEntry, Plan, PlanGoal, utc_now
from app.services import journal
from app.services.clients import ClientForm, update_client
from app.services.conflicts import conflicts, resolve_conflict
from app.services.errors import ValidationFailed
from app.services.plan_editing import PlanForm, save_plan
from central import tables as t
from tests.sync.harness import (
    CentralServer,
    Laptop,
    add_user,
    auth_headers,
    crafted_change,
    crafted_entry,
    new_laptop,
    new_row_stamps,
    scope_of,
)


def _push(server: CentralServer, laptop: Laptop, *changes: dict[str, Any]) -> list[Any]:
    answer = httpx.post(
        f"{server.url}/v1/push",
        json={"changes": list(changes)},
        headers=auth_headers(laptop),
        timeout=60,
    )
    assert answer.status_code == 200, answer.text
    return list(answer.json()["results"])


def _pull_conflicts(server: CentralServer, laptop: Laptop) -> dict[str, Any]:
    page = httpx.post(
        f"{server.url}/v1/pull", json={"cursor": 0}, headers=auth_headers(laptop), timeout=60
    ).json()
    return {c["id"]: c for c in page["conflicts"]}


def _stored(server: CentralServer, query: Any) -> list[Any]:
    with server.store.engine.connect() as conn:
        return list(conn.execute(query).all())


def _two_teams(central: CentralServer, tmp_path: Path) -> tuple[str, str, Laptop, Laptop]:
    central.store.create_team("Team A", "hengelo")
    central.store.create_team("Team B", "borne")
    a_id = add_user(central.store, "wc.a", Role.WORK_COACH, "Team A")
    x_id = add_user(central.store, "wc.x", Role.WORK_COACH, "Team B")
    return (
        a_id,
        x_id,
        new_laptop(tmp_path, "a", central, "wc.a"),
        new_laptop(tmp_path, "x", central, "wc.x"),
    )


def _team(central: CentralServer, tmp_path: Path) -> tuple[Laptop, Laptop, str]:
    central.store.create_team("Team A", "hengelo")
    add_user(central.store, "wc.a", Role.WORK_COACH, "Team A")
    lead_id = add_user(central.store, "tl.a", Role.TEAM_LEAD, "Team A")
    return (
        new_laptop(tmp_path, "a", central, "wc.a"),
        new_laptop(tmp_path, "lead", central, "tl.a"),
        lead_id,
    )


def test_applying_a_two_client_transaction_never_writes_into_a_former_clients_file(
    central: CentralServer, tmp_path: Path
) -> None:
    a_id, _x_id, a, x = _two_teams(central, tmp_path)
    kept, moved = a.new_client(), a.new_client()
    a.sync()
    central.store.assign_client(moved, "wc.x", reason="Naar team B")
    x.sync()
    a.sync()
    group = str(uuid.uuid4())
    mine = {**crafted_entry(kept, a_id), "group": group}
    late = {**crafted_entry(moved, a_id, subject="Late notitie"), "group": group}
    edit = crafted_change(
        "clients", moved, {"city": "Overgenomen"}, op="update", base={"city": None}, group=group
    )
    results = _push(central, a, mine, late, edit)
    assert {r["status"] for r in results} == {"parked"}
    apply = crafted_change(
        "journal_entries",
        mine["row_id"],
        {},
        op="update",
        resolves=results[0]["conflict"],
        resolution="apply",
    )
    assert _push(central, a, apply)[0]["status"] == "parked"  # stays open: X decides
    entries = JournalEntry.__table__
    assert _stored(central, select(entries.c.id).where(entries.c.id == late["row_id"])) == []
    clients = Client.__table__
    assert _stored(central, select(clients.c.city).where(clients.c.id == moved)) != [
        ("Overgenomen",)
    ]


def _set_city(laptop: Laptop, client_id: str, city: str) -> None:
    actor = laptop.actor()
    with laptop.store.session(actor.caseworker_id) as session:
        form = ClientForm.from_client(session.get(Client, client_id))
        update_client(session, actor, client_id, dataclasses.replace(form, city=city))


def _city_conflict(central: CentralServer, tmp_path: Path) -> tuple[Laptop, Laptop, str]:
    """A caseworker and a team lead edit one client's city: a field conflict for the
    caseworker (mine Delden, theirs Borne)."""
    a, lead, _lead_id = _team(central, tmp_path)
    client_id = a.new_client()
    a.sync()
    lead.sync()
    _set_city(a, client_id, "Delden")
    _set_city(lead, client_id, "Borne")
    lead.sync()
    a.sync()
    return a, lead, client_id


def test_a_chosen_value_that_meets_a_newer_edit_stays_in_an_open_conflict(
    central: CentralServer, tmp_path: Path
) -> None:
    a, lead, client_id = _city_conflict(central, tmp_path)
    actor = a.actor()
    with a.store.session(actor.caseworker_id) as session:
        (row,) = conflicts(session, actor)
        resolve_conflict(session, actor, row.id, "mine")
    _set_city(lead, client_id, "Goor")  # before the choice arrives, the lead edits again
    lead.sync()
    for laptop in (a, lead, a):
        laptop.sync()
    clients = Client.__table__
    (stored,) = _stored(central, select(clients.c.city).where(clients.c.id == client_id))
    open_ones = _stored(
        central,
        select(t.conflicts.c.mine, t.conflicts.c.theirs).where(t.conflicts.c.status == "open"),
    )
    assert stored == ("Delden",) or ("Delden", "Goor") in open_ones
    with a.store.session(actor.caseworker_id) as session:
        shown = conflicts(session, actor)
    assert [(r.mine, r.theirs) for r in shown] == [("Delden", "Goor")]


def test_no_refusal_tells_whether_another_teams_row_exists(
    central: CentralServer, tmp_path: Path
) -> None:
    a_id, x_id, a, x = _two_teams(central, tmp_path)
    theirs_client = a.new_client()
    a.sync()
    own_client = x.new_client()
    x.sync()
    theirs_entry = crafted_entry(theirs_client, a_id)
    assert _push(central, a, theirs_entry)[0]["status"] == "applied"
    fake = str(uuid.uuid4())

    def answer(change: dict[str, Any]) -> tuple[Any, Any]:
        (result,) = _push(central, x, change)
        conflict = _pull_conflicts(central, x)[result["conflict"]]
        return conflict["client_id"], conflict["message"]

    pairs = [
        (
            crafted_change("clients", theirs_client, {"city": "x"}, op="update"),
            crafted_change("clients", fake, {"city": "x"}, op="update"),
        ),
        (
            crafted_change(
                "journal_entries", theirs_entry["row_id"], {"subject": "x"}, op="update"
            ),
            crafted_change("journal_entries", fake, {"subject": "x"}, op="update"),
        ),
        (
            crafted_entry(own_client, x_id, corrects_id=theirs_entry["row_id"]),
            crafted_entry(own_client, x_id, corrects_id=fake),
        ),
    ]
    for existing, missing in pairs:
        seen = answer(existing)
        assert seen == answer(missing)
        assert seen[0] in (None, own_client)  # never the id of someone else's client


@pytest.mark.parametrize("where", ["journal body", "client field", "base value", "audit details"])
def test_nan_or_infinity_in_a_push_is_refused_as_bad_input_not_500(
    central: CentralServer, tmp_path: Path, where: str
) -> None:
    central.store.create_team("Team A", "hengelo")
    a_id = add_user(central.store, "wc.a", Role.WORK_COACH, "Team A")
    a = new_laptop(tmp_path, "a", central, "wc.a")
    client_id = a.new_client()
    a.sync()
    event_id = str(uuid.uuid4())
    change = {
        "journal body": crafted_entry(client_id, a_id, body="__NAN__"),
        "client field": crafted_change("clients", client_id, {"city": "__INF__"}, op="update"),
        "base value": crafted_change(
            "clients", client_id, {"city": "Delden"}, op="update", base={"city": "__NAN__"}
        ),
        "audit details": crafted_change(
            "audit_events",
            event_id,
            {
                "id": event_id,
                "occurred_at": utc_now().isoformat(),
                "actor_id": a_id,
                "action": "view",
                "entity_type": "client",
                "entity_id": client_id,
                "client_id": client_id,
                "details": {"x": ["__NAN__"]},
                **new_row_stamps(a_id),
            },
        ),
    }[where]
    raw = json.dumps({"changes": [crafted_entry(client_id, a_id, subject="buur"), change]})
    raw = raw.replace('"__NAN__"', "NaN").replace('"__INF__"', "-Infinity")
    answer = httpx.post(
        f"{central.url}/v1/push",
        content=raw,
        headers={**auth_headers(a), "Content-Type": "application/json"},
        timeout=60,
    )
    assert answer.status_code == 422, answer.text
    assert answer.json()["code"] == "invalid_request"
    a.sync()  # the store is fine afterwards


def test_a_date_the_central_store_refuses_is_refused_where_it_is_typed(
    central: CentralServer, tmp_path: Path
) -> None:
    central.store.create_team("Team A", "hengelo")
    add_user(central.store, "wc.a", Role.WORK_COACH, "Team A")
    a = new_laptop(tmp_path, "a", central, "wc.a")
    client_id = a.new_client()
    actor = a.actor()
    with pytest.raises(ValidationFailed) as refused, a.store.session(actor.caseworker_id) as s:
        journal.record_journal_entry(
            s, actor, client_id, occurred_on="20-11-1026", kind="note", subject="S", body="B"
        )
    assert "1900" in str(refused.value) and "2199" in str(refused.value)
    with pytest.raises(ValidationFailed), a.store.session(actor.caseworker_id) as s:
        save_plan(s, actor, client_id, PlanForm(situation="S", goals=(("Doel", "01-01-2300", ""),)))
    report = a.sync()
    assert report.checksum_ok
    with a.store.engine.connect() as conn:
        from app.sync.client import pending_changes

        assert pending_changes(conn) == 0
    assert _stored(central, select(t.conflicts.c.id)) == []


def test_a_caseworker_cannot_make_a_client_vanish_from_the_team(
    central: CentralServer, tmp_path: Path
) -> None:
    a, lead, lead_id = _team(central, tmp_path)
    client_id = a.new_client()
    a.sync()
    assignments = CaseAssignment.__table__
    ((assignment_id,),) = _stored(
        central, select(assignments.c.id).where(assignments.c.client_id == client_id)
    )
    now = utc_now().isoformat()
    for change in (
        crafted_change(
            "case_assignments",
            assignment_id,
            {"deleted_at": now},
            op="update",
            base={"deleted_at": None},
        ),
        crafted_change("clients", client_id, {"deleted_at": now}, op="update", base={}),
    ):
        assert _push(central, a, change)[0]["status"] == "parked"
    assert client_id in scope_of(central.store, lead_id)
    lead.sync()
    with lead.store.session() as session:
        assert session.get(Client, client_id) is not None


def test_applying_a_refused_deletion_deletes(central: CentralServer, tmp_path: Path) -> None:
    a, lead, _lead_id = _team(central, tmp_path)
    client_id = a.new_client()
    actor = a.actor()
    with a.store.session(actor.caseworker_id) as session:
        save_plan(session, actor, client_id, PlanForm(situation="S", goals=(("Oud", "", ""),)))
    a.sync()
    lead.sync()
    goals = PlanGoal.__table__
    ((goal_id,),) = _stored(central, select(goals.c.id))
    edit = crafted_change(
        "plan_goals",
        goal_id,
        {"description": "Oud (aangevuld)"},
        op="update",
        base={"description": "Oud"},
    )
    assert _push(central, lead, edit)[0]["status"] == "applied"
    with a.store.session(actor.caseworker_id) as session:
        save_plan(session, actor, client_id, PlanForm(situation="S", goals=(("Nieuw", "", ""),)))
    a.sync()
    with a.store.session(actor.caseworker_id) as session:
        (row,) = conflicts(session, actor)
        assert row.kind_label == "Verwijderd terwijl het elders gewijzigd is"
        resolve_conflict(session, actor, row.id, "apply")
    for laptop in (a, lead, a):
        laptop.sync()
    live = _stored(central, select(goals.c.description).where(goals.c.deleted_at.is_(None)))
    assert live == [("Nieuw",)]
    with a.store.session(actor.caseworker_id) as session:
        assert conflicts(session, actor) == []


def test_a_choice_survives_an_edit_and_its_undo_elsewhere(
    central: CentralServer, tmp_path: Path
) -> None:
    a, lead, client_id = _city_conflict(central, tmp_path)
    _set_city(lead, client_id, "Goor")
    lead.sync()
    a.sync()  # the laptop shows Goor now
    actor = a.actor()
    with a.store.session(actor.caseworker_id) as session:
        (row,) = conflicts(session, actor)
        resolve_conflict(session, actor, row.id, "mine")  # chosen over Goor
    _set_city(lead, client_id, "Borne")  # and back, before the choice arrives
    lead.sync()
    for laptop in (a, lead, a):
        laptop.sync()
    clients = Client.__table__
    ((stored,),) = _stored(central, select(clients.c.city).where(clients.c.id == client_id))
    with a.store.session(actor.caseworker_id) as session:
        shown = [(r.mine, r.theirs) for r in conflicts(session, actor)]
    assert stored == "Delden" or shown == [("Delden", "Borne")]


def test_a_choice_made_over_the_newest_value_applies_at_once(
    central: CentralServer, tmp_path: Path
) -> None:
    a, lead, client_id = _city_conflict(central, tmp_path)
    _set_city(lead, client_id, "Goor")
    lead.sync()
    a.sync()  # the laptop holds Goor, the conflict still says Borne
    actor = a.actor()
    with a.store.session(actor.caseworker_id) as session:
        (row,) = conflicts(session, actor)
        resolve_conflict(session, actor, row.id, "mine")
    a.sync()
    clients = Client.__table__
    assert _stored(central, select(clients.c.city).where(clients.c.id == client_id)) == [
        ("Delden",)
    ]
    with a.store.session(actor.caseworker_id) as session:
        assert conflicts(session, actor) == []


def test_applying_a_refused_deletion_of_several_rows_deletes_them_all(
    central: CentralServer, tmp_path: Path
) -> None:
    a, lead, _lead_id = _team(central, tmp_path)
    client_id = a.new_client()
    actor = a.actor()
    first = PlanForm(situation="S", goals=(("Oud1", "", ""), ("Oud2", "", "")))
    with a.store.session(actor.caseworker_id) as session:
        save_plan(session, actor, client_id, first)
    a.sync()
    lead.sync()
    goals = PlanGoal.__table__
    for goal_id, description in _stored(central, select(goals.c.id, goals.c.description)):
        edit = crafted_change(
            "plan_goals",
            goal_id,
            {"description": description + "+"},
            op="update",
            base={"description": description},
        )
        assert _push(central, lead, edit)[0]["status"] == "applied"
    with a.store.session(actor.caseworker_id) as session:
        save_plan(session, actor, client_id, PlanForm(situation="T", goals=(("Nieuw", "", ""),)))
    a.sync()
    with a.store.session(actor.caseworker_id) as session:
        (row,) = conflicts(session, actor)
        resolve_conflict(session, actor, row.id, "apply")
    for laptop in (a, lead, a):
        laptop.sync()
    live = _stored(central, select(goals.c.description).where(goals.c.deleted_at.is_(None)))
    assert live == [("Nieuw",)]
    assert _stored(central, select(t.conflicts.c.id).where(t.conflicts.c.status == "open")) == []


def test_no_refusal_tells_whether_a_parent_or_a_parked_row_exists(
    central: CentralServer, tmp_path: Path
) -> None:
    a_id, x_id, a, x = _two_teams(central, tmp_path)
    client_id = a.new_client()
    actor = a.actor()
    with a.store.session(actor.caseworker_id) as session:
        save_plan(session, actor, client_id, PlanForm(situation="S", goals=(("Doel", "", ""),)))
    a.sync()

    ((plan_id,),) = _stored(central, select(Plan.__table__.c.id))
    parked = crafted_entry(str(uuid.uuid4()), a_id)  # about a client that is not there
    assert _push(central, a, parked)[0]["status"] == "parked"

    def answer(change: dict[str, Any]) -> tuple[Any, Any, Any]:
        (result,) = _push(central, x, change)
        conflict = _pull_conflicts(central, x)[result["conflict"]]
        return conflict["kind"], conflict["client_id"], conflict["message"]

    def goal(parent: str) -> dict[str, Any]:
        goal_id = str(uuid.uuid4())
        values = {
            "id": goal_id,
            "plan_id": parent,
            "position": 9,
            "description": "x",
            "target_date": None,
            "achieved_on": None,
            **new_row_stamps(x_id),
        }
        return crafted_change("plan_goals", goal_id, values)

    assert answer(goal(plan_id)) == answer(goal(str(uuid.uuid4())))

    def edit(row_id: str) -> dict[str, Any]:
        return crafted_change("journal_entries", row_id, {"subject": "x"}, op="update")

    assert answer(edit(parked["row_id"])) == answer(edit(str(uuid.uuid4())))
