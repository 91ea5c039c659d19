"""Crafted requests against the central store, as a table: each row is a request an account
holder could send by hand, the answer it must get, and what must not have happened. The
store trusts no sender: every field that names a person, every assignment, every audit
event, every limit and range is checked (issue 13, point 4)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from app.domain.vocab import Role
from app.models import AuditEvent, CaseAssignment, Client, JournalEntry, utc_now
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
)


@dataclass
class World:
    central: CentralServer
    a: Laptop  # work coach, team A, has client `ca`
    b: Laptop  # work coach, team A
    x: Laptop  # work coach, team B, has client `cx`
    ca: str
    cx: str
    ids: dict[str, str]

    def send(self, laptop: Laptop, path: str, body: Any) -> httpx.Response:
        return httpx.post(
            f"{self.central.url}{path}", json=body, headers=auth_headers(laptop), timeout=60
        )

    def push(self, laptop: Laptop, *changes: dict[str, Any]) -> httpx.Response:
        return self.send(laptop, "/v1/push", {"changes": list(changes)})

    def stored(self, query: Any) -> Any:
        with self.central.store.engine.connect() as conn:
            return conn.execute(query).all()


@pytest.fixture
def world(central: CentralServer, tmp_path: Path) -> World:
    central.store.create_team("Team A", "hengelo")
    central.store.create_team("Team B", "borne")
    ids = {
        "a": add_user(central.store, "wc.a", Role.WORK_COACH, "Team A"),
        "b": add_user(central.store, "wc.b", Role.WORK_COACH, "Team A"),
        "x": add_user(central.store, "wc.x", Role.WORK_COACH, "Team B"),
    }
    a, b, x = (new_laptop(tmp_path, n, central, f"wc.{n}") for n in ("a", "b", "x"))
    ca, cx = a.new_client(), x.new_client()
    a.sync()
    x.sync()
    return World(central, a, b, x, ca, cx, ids)


def _journal(_world: World, client_id: str, author: str, **fields: Any) -> dict[str, Any]:
    return crafted_entry(client_id, author, **fields)


def _statuses(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [result["status"] for result in response.json()["results"]]


def _victim_sees_nothing(world: World, victim: Laptop, about: str | None = None) -> None:
    """No conflict of someone else (about this client) is in the victim's list."""
    page = world.send(victim, "/v1/pull", {"cursor": 0})
    assert page.status_code == 200
    me = victim.actor().caseworker_id
    others = [
        c
        for c in page.json()["conflicts"]
        if c["mine_by"] != me and (about is None or c["client_id"] == about)
    ]
    assert others == [], "the victim's list holds someone else's work"


def _open_assignments(world: World, client_id: str) -> list[str]:
    table = CaseAssignment.__table__
    return [
        row.caseworker_id
        for row in world.stored(
            select(table.c.caseworker_id).where(
                table.c.client_id == client_id, table.c.ended_on.is_(None)
            )
        )
    ]


# ----------------------------------------------------------------------------- the table


def hand_own_client_to_another_team(w: World) -> None:
    current = w.stored(
        select(CaseAssignment.__table__.c.id).where(CaseAssignment.__table__.c.client_id == w.ca)
    )[0].id
    new_id = str(uuid.uuid4())
    fields = {
        "id": new_id,
        "client_id": w.ca,
        "caseworker_id": w.ids["x"],
        "started_on": "2026-12-01",
        "ended_on": None,
        "reason": "naar een ander team",
        **new_row_stamps(w.ids["a"]),
    }
    group = str(uuid.uuid4())
    response = w.push(
        w.a,
        crafted_change("case_assignments", new_id, fields, group=group),
        crafted_change(
            "case_assignments",
            current,
            {"ended_on": "2026-12-01"},
            op="update",
            base={"ended_on": None},
            group=group,
        ),
    )
    assert _statuses(response) == ["parked", "parked"]
    assert _open_assignments(w, w.ca) == [w.ids["a"]]


def name_another_teams_caseworker_as_author(w: World) -> None:
    change = _journal(w, w.ca, w.ids["a"], author_id=w.ids["x"])
    assert _statuses(w.push(w.a, change)) == ["parked"]
    assert w.stored(select(JournalEntry.__table__.c.id)) == []


def name_a_colleague_as_assessor(w: World) -> None:
    row_id = str(uuid.uuid4())
    fields = {
        "id": row_id,
        "client_id": w.ca,
        "assessed_on": "2026-11-20",
        "assessor_id": w.ids["b"],
        "paid_work": False,
        "paid_work_supported": False,
        "unpaid_work": False,
        "unpaid_work_weekly": False,
        "organised_activity": False,
        "organised_activity_weekly": False,
        "social_contacts_weekly": True,
        "derived_trede": 2,
        "final_trede": 2,
        "override_reason": None,
        "expected_trede": None,
        "expected_by": None,
        "review_on": "2027-11-20",
        "notes": None,
        "corrects_id": None,
        **new_row_stamps(w.ids["a"]),
    }
    assert _statuses(w.push(w.a, crafted_change("ladder_assessments", row_id, fields))) == [
        "parked"
    ]


def inject_conflicts_into_another_caseworkers_list(w: World) -> None:
    big = "x" * 19_000
    changes = [_journal(w, w.cx, w.ids["a"], body=big) for _ in range(20)]
    assert set(_statuses(w.push(w.a, *changes))) == {"parked"}
    _victim_sees_nothing(w, w.x)
    assert len(w.send(w.x, "/v1/pull", {"cursor": 0}).content) < 100_000


def edit_someone_elses_client(w: World) -> None:
    change = crafted_change("clients", w.ca, {"city": "Elders"}, op="update")
    change["base"] = {"city": "Hengelo"}
    assert _statuses(w.push(w.x, change)) == ["parked"]
    assert w.stored(select(Client.__table__.c.city).where(Client.__table__.c.id == w.ca))[0][0] == (
        "Hengelo"
    )
    _victim_sees_nothing(w, w.a)


def store_a_twenty_mebibyte_body(w: World) -> None:
    response = w.push(w.a, _journal(w, w.ca, w.ids["a"], body="x" * (20 * 1024 * 1024)))
    assert response.status_code == 413
    assert "larger than" in response.json()["detail"]


def store_a_text_over_its_limit(w: World) -> None:
    change = _journal(w, w.ca, w.ids["a"], body="x" * (2 * 1024 * 1024))
    (result,) = w.push(w.a, change).json()["results"]
    assert result["status"] == "parked"
    (row,) = w.stored(
        select(t.conflicts.c.size, t.conflicts.c.message).where(
            t.conflicts.c.id == result["conflict"]
        )
    )
    assert "longer than 20000 characters" in row.message
    assert row.size < 100_000  # what is kept stays within the column's limit


def send_a_body_over_the_request_limit(w: World) -> None:
    body = b'{"changes": [], "pad": "' + b"x" * (17 * 1024 * 1024) + b'"}'
    response = httpx.post(
        f"{w.central.url}/v1/push",
        content=body,
        headers={**auth_headers(w.a), "Content-Type": "application/json"},
        timeout=60,
    )
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"


def write_audit_events_about_any_client(w: World) -> None:
    row_id = str(uuid.uuid4())
    fields = {
        "id": row_id,
        "occurred_at": utc_now().isoformat(),
        "actor_id": w.ids["a"],
        "action": "view",
        "entity_type": "client",
        "entity_id": w.cx,
        "client_id": w.cx,
        "details": {},
        **new_row_stamps(w.ids["a"]),
    }
    assert _statuses(w.push(w.a, crafted_change("audit_events", row_id, fields))) == ["parked"]
    assert (
        w.stored(select(AuditEvent.__table__.c.id).where(AuditEvent.__table__.c.id == row_id)) == []
    )
    _victim_sees_nothing(w, w.x)


def write_audit_events_as_someone_else(w: World) -> None:
    row_id = str(uuid.uuid4())
    fields = {
        "id": row_id,
        "occurred_at": utc_now().isoformat(),
        "actor_id": w.ids["b"],
        "action": "view",
        "entity_type": "client",
        "entity_id": w.ca,
        "client_id": w.ca,
        "details": {},
        **new_row_stamps(w.ids["a"]),
    }
    assert _statuses(w.push(w.a, crafted_change("audit_events", row_id, fields))) == ["parked"]


def ask_for_a_cursor_past_the_range(w: World) -> None:
    for body in (
        {"cursor": 2**63},
        {"cursor": -1},
        {"cursor": 0, "until": 2**63},
        {"cursor": 0, "limit": 10**9},
        {"cursor": "x"},
    ):
        response = w.send(w.a, "/v1/pull", body)
        assert response.status_code == 422, (body, response.text)
        assert response.json()["code"] == "invalid_request"


def date_an_edit_in_2099(w: World) -> None:
    change = crafted_change("clients", w.ca, {"city": "Delden"}, op="update")
    change.update(base={"city": "Hengelo"}, made_at="2099-01-01T00:00:00+00:00")
    assert _statuses(w.push(w.a, change)) == ["applied"]
    (row,) = w.stored(select(Client.__table__.c.updated_at).where(Client.__table__.c.id == w.ca))
    assert row.updated_at <= utc_now()


def date_a_row_in_2099(w: World) -> None:
    change = _journal(w, w.ca, w.ids["a"], created_at="2099-01-01T00:00:00+00:00")
    assert _statuses(w.push(w.a, change)) == ["applied"]
    table = JournalEntry.__table__
    (row,) = w.stored(select(table.c.created_at).where(table.c.id == change["row_id"]))
    assert row.created_at <= utc_now()


def reuse_another_accounts_change_id(w: World) -> None:
    first = _journal(w, w.ca, w.ids["a"])
    assert _statuses(w.push(w.a, first)) == ["applied"]
    stolen = _journal(w, w.ca, w.ids["b"])
    stolen["change_id"] = first["change_id"]
    answer = w.push(w.b, stolen).json()["results"][0]
    assert not answer.get("duplicate")  # B's own change, not A's answer
    assert answer["status"] == "parked"  # and out of B's caseload


def move_a_row_to_another_client(w: World) -> None:
    entry = _journal(w, w.ca, w.ids["a"])
    assert _statuses(w.push(w.a, entry)) == ["applied"]
    table = CaseAssignment.__table__
    (assignment,) = w.stored(select(table.c.id).where(table.c.client_id == w.ca))
    change = crafted_change(
        "case_assignments", assignment.id, {"client_id": w.cx}, op="update", base={}
    )
    assert _statuses(w.push(w.a, change)) == ["parked"]
    change = crafted_change(
        "case_assignments", assignment.id, {"caseworker_id": w.ids["b"]}, op="update"
    )
    assert _statuses(w.push(w.a, change)) == ["parked"]
    assert _open_assignments(w, w.ca) == [w.ids["a"]]


def point_a_correction_at_another_clients_record(w: World) -> None:
    theirs = _journal(w, w.cx, w.ids["x"])
    assert _statuses(w.push(w.x, theirs)) == ["applied"]
    correction = _journal(w, w.ca, w.ids["a"], corrects_id=theirs["row_id"])
    assert _statuses(w.push(w.a, correction)) == ["parked"]


def resolve_someone_elses_conflict(w: World) -> None:
    change = crafted_change("clients", w.cx, {"city": "Elders"}, op="update")
    change["base"] = {"city": "Hengelo"}
    (result,) = w.push(w.a, change).json()["results"]
    attack = crafted_change(
        "clients",
        w.cx,
        {},
        op="update",
        resolves=result["conflict"],
        resolution="apply",
    )
    assert _statuses(w.push(w.x, attack)) == ["parked"]
    (row,) = w.stored(select(t.conflicts.c.status).where(t.conflicts.c.id == result["conflict"]))
    assert row.status == "open"
    assert w.stored(select(Client.__table__.c.city).where(Client.__table__.c.id == w.cx))[0][0] == (
        "Hengelo"
    )


def push_with_a_clock_ten_minutes_ahead(w: World) -> None:
    ahead = (utc_now() + dt.timedelta(minutes=10)).isoformat()
    entry = _journal(w, w.ca, w.ids["a"])
    response = w.send(w.a, "/v1/push", {"changes": [entry], "sent_at": ahead})
    assert response.status_code == 409
    assert response.json()["code"] == "clock_skew"
    assert 500 < response.json()["offset_s"] < 700
    table = JournalEntry.__table__
    assert w.stored(select(table.c.id).where(table.c.id == entry["row_id"])) == []


def log_in_with_a_nul_in_the_name(w: World) -> None:
    response = httpx.post(
        f"{w.central.url}/v1/login",
        json={"username": "wc.a\u0000", "password": "x", "device_name": "x"},
    )
    assert response.status_code == 422


def send_a_bad_token_or_none(w: World) -> None:
    for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic abc"}):
        response = httpx.post(f"{w.central.url}/v1/pull", json={"cursor": 0}, headers=headers)
        assert response.status_code == 401
        assert response.json()["code"] == "unauthorized"


def _moved_to_x(w: World) -> str:
    """A client of A's that went to X (team B): A had it, X has it."""
    client_id = w.a.new_client()
    w.a.sync()
    w.central.store.assign_client(client_id, "wc.x", reason="Naar team B")
    return client_id


def _conflict_of(w: World, result: dict[str, Any]) -> Any:
    (row,) = w.stored(select(t.conflicts).where(t.conflicts.c.id == result["conflict"]))
    return row


def apply_ones_own_late_work_in_another_teams_file(w: World) -> None:
    client_id = _moved_to_x(w)
    late = _journal(w, client_id, w.ids["a"], subject="Te laat")
    (parked,) = w.push(w.a, late).json()["results"]
    assert parked["status"] == "parked"
    attack = crafted_change(
        "journal_entries", late["row_id"], {}, op="update", resolves=parked["conflict"]
    )
    attack["resolution"] = "apply"
    assert _statuses(w.push(w.a, attack)) == ["parked"]
    assert _conflict_of(w, parked).status == "open"
    table = JournalEntry.__table__
    assert w.stored(select(table.c.id).where(table.c.id == late["row_id"])) == []


def read_a_former_clients_values_through_a_conflict(w: World) -> None:
    client_id = _moved_to_x(w)
    probe = crafted_change("clients", client_id, {"phone": "0600000000"}, op="update")
    probe["base"] = {"phone": "raden"}
    assert _statuses(w.push(w.a, probe)) == ["parked"]
    for conflict in w.send(w.a, "/v1/pull", {"cursor": 0}).json()["conflicts"]:
        if conflict["client_id"] == client_id:
            assert conflict["theirs"] is None and conflict["theirs_by"] is None


def put_parked_work_in_a_stranger_list_by_any_refusal(w: World) -> None:
    group = str(uuid.uuid4())
    unknown_row = crafted_change("clients", str(uuid.uuid4()), {"city": "x"}, op="update")
    entry = _journal(w, w.cx, w.ids["a"])
    assert _statuses(w.push(w.a, {**unknown_row, "group": group}, {**entry, "group": group})) == [
        "parked",
        "parked",
    ]
    nobody = str(uuid.uuid4())
    fields = {
        "id": nobody,
        "client_id": w.cx,
        "caseworker_id": str(uuid.uuid4()),
        "started_on": "2026-12-01",
        "ended_on": None,
        "reason": "x",
        **new_row_stamps(w.ids["a"]),
    }
    assert _statuses(w.push(w.a, crafted_change("case_assignments", nobody, fields))) == ["parked"]
    _victim_sees_nothing(w, w.x, about=w.cx)


def grow_a_parked_conflict_in_others_lists(w: World) -> None:
    client_id = _moved_to_x(w)
    late = _journal(w, client_id, w.ids["a"])
    (parked,) = w.push(w.a, late).json()["results"]
    big = {name: "x" * 200 for name in ("subject",)}
    for _round in range(40):
        grow = crafted_change("journal_entries", late["row_id"], big, op="update")
        w.push(w.a, grow)
    assert _conflict_of(w, parked).size < 300_000 or _conflict_of(w, parked).audience == "author"
    pull = w.send(w.x, "/v1/pull", {"cursor": 0})
    assert len(pull.content) < 400_000


def make_two_of_the_row_in_one_transaction(w: World) -> None:
    group = str(uuid.uuid4())
    two = []
    for worker in ("a", "b"):
        row_id = str(uuid.uuid4())
        fields = {
            "id": row_id,
            "client_id": w.ca,
            "caseworker_id": w.ids[worker],
            "started_on": "2026-12-01",
            "ended_on": None,
            "reason": "x",
            **new_row_stamps(w.ids["a"]),
        }
        two.append({**crafted_change("case_assignments", row_id, fields), "group": group})
    current = w.stored(
        select(CaseAssignment.__table__.c.id).where(
            CaseAssignment.__table__.c.client_id == w.ca,
            CaseAssignment.__table__.c.ended_on.is_(None),
        )
    )[0].id
    end = crafted_change(
        "case_assignments", current, {"ended_on": "2026-12-01"}, op="update", group=group
    )
    end["base"] = {"ended_on": None}
    assert set(_statuses(w.push(w.a, *two, end))) == {"parked"}
    assert _open_assignments(w, w.ca) == [w.ids["a"]]


def open_an_ended_assignment_again(w: World) -> None:
    client_id = _moved_to_x(w)
    table = CaseAssignment.__table__
    (old,) = w.stored(
        select(table.c.id, table.c.ended_on).where(
            table.c.client_id == client_id, table.c.caseworker_id == w.ids["a"]
        )
    )
    change = crafted_change("case_assignments", old.id, {"ended_on": None}, op="update")
    change["base"] = {"ended_on": old.ended_on.isoformat()}
    assert _statuses(w.push(w.a, change)) == ["parked"]
    assert _open_assignments(w, client_id) == [w.ids["x"]]


def take_back_a_client_one_registered_once(w: World) -> None:
    client_id = _moved_to_x(w)
    table = CaseAssignment.__table__
    (theirs,) = w.stored(
        select(table.c.id).where(table.c.client_id == client_id, table.c.ended_on.is_(None))
    )
    with w.central.store.engine.begin() as conn:  # X's assignment ends: nobody has it now
        conn.execute(table.update().where(table.c.id == theirs.id).values(ended_on=dt.date.today()))
    row_id = str(uuid.uuid4())
    fields = {
        "id": row_id,
        "client_id": client_id,
        "caseworker_id": w.ids["a"],
        "started_on": "2026-12-01",
        "ended_on": None,
        "reason": "terug",
        **new_row_stamps(w.ids["a"]),
    }
    assert _statuses(w.push(w.a, crafted_change("case_assignments", row_id, fields))) == ["parked"]


def send_one_change_id_twice(w: World) -> None:
    entry = _journal(w, w.ca, w.ids["a"])
    answer = w.push(w.a, entry, entry)
    assert answer.status_code == 200
    assert [r["status"] for r in answer.json()["results"]] == ["applied", "applied"]
    assert answer.json()["results"][1]["duplicate"] is True
    for moment in ("0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"):
        refused = w.send(w.a, "/v1/push", {"changes": [], "sent_at": moment})
        assert refused.status_code == 409 and refused.json()["code"] == "clock_skew"


def send_an_unbounded_base_value(w: World) -> None:
    change = crafted_change("clients", w.ca, {"city": "Delden"}, op="update")
    change["base"] = {"city": "y" * 1_000_000}
    assert _statuses(w.push(w.a, change)) == ["parked"]
    sizes = w.stored(select(t.conflicts.c.size).where(t.conflicts.c.mine_by == w.ids["a"]))
    assert max(row.size for row in sizes) < 300_000


def ask_whether_another_teams_client_exists_by_bsn(w: World) -> None:
    (theirs,) = w.stored(select(Client.__table__.c.bsn).where(Client.__table__.c.id == w.cx))
    row_id = str(uuid.uuid4())
    from tests.factories import client_form

    form = client_form()
    fields = {column.name: None for column in Client.__table__.columns}
    fields.update(
        id=row_id,
        bsn=theirs.bsn,
        voornamen=form.voornamen,
        achternaam=form.achternaam,
        birth_date="1985-02-14",
        municipality="hengelo",
        benefit="participatiewet",
        work_obligation="imposed",
        priority_groups=[],
        obstacles=[],
        certificates=[],
        startkwalificatie=False,
        driving_licence=False,
        status="active",
        outflow_partial=False,
        **new_row_stamps(w.ids["a"]),
    )
    assignment_id = str(uuid.uuid4())
    assignment = {
        "id": assignment_id,
        "client_id": row_id,
        "caseworker_id": w.ids["a"],
        "started_on": "2026-12-01",
        "ended_on": None,
        "reason": "Nieuwe klant",
        **new_row_stamps(w.ids["a"]),
    }
    group = str(uuid.uuid4())
    answer = w.push(
        w.a,
        crafted_change("clients", row_id, fields, group=group),
        crafted_change("case_assignments", assignment_id, assignment, group=group),
    )
    assert _statuses(answer) == ["applied", "applied"]  # not a word about team B's file


def resend_the_id_of_someone_elses_record(w: World) -> None:
    theirs = _journal(w, w.cx, w.ids["x"])
    assert _statuses(w.push(w.x, theirs)) == ["applied"]
    mine = _journal(w, w.ca, w.ids["a"])
    mine["row_id"] = mine["fields"]["id"] = theirs["row_id"]
    unknown = _journal(w, w.ca, w.ids["a"], corrects_id=str(uuid.uuid4()))
    answers = [w.push(w.a, c).json()["results"][0]["status"] for c in (mine, unknown)]
    assert answers == ["parked", "parked"]  # the same answer: no way to tell which exists


def audit_a_client_named_only_as_entity(w: World) -> None:
    row_id = str(uuid.uuid4())
    fields = {
        "id": row_id,
        "occurred_at": utc_now().isoformat(),
        "actor_id": w.ids["a"],
        "action": "view",
        "entity_type": "client",
        "entity_id": w.cx,
        "client_id": None,
        "details": {},
        **new_row_stamps(w.ids["a"]),
    }
    assert _statuses(w.push(w.a, crafted_change("audit_events", row_id, fields))) == ["parked"]


CASES: list[Callable[[World], None]] = [
    hand_own_client_to_another_team,
    name_another_teams_caseworker_as_author,
    name_a_colleague_as_assessor,
    inject_conflicts_into_another_caseworkers_list,
    edit_someone_elses_client,
    store_a_twenty_mebibyte_body,
    store_a_text_over_its_limit,
    send_a_body_over_the_request_limit,
    write_audit_events_about_any_client,
    write_audit_events_as_someone_else,
    ask_for_a_cursor_past_the_range,
    date_an_edit_in_2099,
    date_a_row_in_2099,
    reuse_another_accounts_change_id,
    move_a_row_to_another_client,
    point_a_correction_at_another_clients_record,
    resolve_someone_elses_conflict,
    push_with_a_clock_ten_minutes_ahead,
    log_in_with_a_nul_in_the_name,
    send_a_bad_token_or_none,
    apply_ones_own_late_work_in_another_teams_file,
    read_a_former_clients_values_through_a_conflict,
    put_parked_work_in_a_stranger_list_by_any_refusal,
    grow_a_parked_conflict_in_others_lists,
    make_two_of_the_row_in_one_transaction,
    open_an_ended_assignment_again,
    take_back_a_client_one_registered_once,
    send_one_change_id_twice,
    send_an_unbounded_base_value,
    ask_whether_another_teams_client_exists_by_bsn,
    resend_the_id_of_someone_elses_record,
    audit_a_client_named_only_as_entity,
]


def test_every_crafted_request_is_refused_and_changes_nothing_it_may_not(world: World) -> None:
    failed = []
    for case in CASES:
        try:
            case(world)
        except Exception as exc:  # every row is tried; all failures are reported
            failed.append(f"{case.__name__}: {type(exc).__name__}: {exc}")
    assert failed == [], "\n".join(failed)
    # and the honest laptops still sync and agree with the store
    for laptop in (world.a, world.b, world.x):
        assert laptop.sync().checksum_ok
