"""Scope and privacy: a caseworker never receives a client outside their caseload, not even
through hand-crafted requests; pushes are checked against scope and role; a revoked
account or device wipes the laptop at its next contact."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from app.domain.vocab import Role
from app.models import Client
from app.services.clients import create_client
from app.services.sync import run_sync, token_name
from app.storage import secrets as keyring_secrets
from app.storage.unlocking import device_secret_name
from app.sync.client import RemoteWipe
from app.sync.http import HttpTransport
from central import tables as t
from tests.factories import client_form
from tests.sync.harness import (
    CentralServer,
    Laptop,
    add_user,
    auth_headers,
    crafted_change,
    new_laptop,
    new_row_stamps,
)


@pytest.fixture
def two_coaches(central: CentralServer, tmp_path: Path) -> tuple[Laptop, Laptop, str]:
    central.store.create_team("Team", "hengelo")
    add_user(central.store, "wc.a", Role.WORK_COACH, "Team")
    add_user(central.store, "wc.b", Role.WORK_COACH, "Team")
    a = new_laptop(tmp_path, "a", central, "wc.a")
    b = new_laptop(tmp_path, "b", central, "wc.b")
    actor = a.actor()
    with a.store.session(actor.caseworker_id) as session:
        client_id = create_client(session, actor, client_form())
    a.sync()
    return a, b, client_id


def _post(central: CentralServer, laptop: Laptop, path: str, body: dict[str, Any]) -> Any:
    response = httpx.post(f"{central.url}{path}", json=body, headers=auth_headers(laptop))
    assert response.status_code == 200, response.text
    return response.json()


def test_no_request_returns_a_client_outside_the_caseload(
    central: CentralServer, two_coaches: tuple[Laptop, Laptop, str]
) -> None:
    _a, b, client_id = two_coaches
    b.sync()
    with b.store.session() as session:
        assert session.scalar(select(func.count()).select_from(Client)) == 0
    for body in (
        {"cursor": 0},
        {"cursor": 0, "only_scopes": [client_id]},
        {"cursor": 0, "only_scopes": [client_id], "until": 10**9},
        {"cursor": 0, "limit": 2000, "scope_hash": "x"},
    ):
        page = _post(central, b, "/v1/pull", body)
        assert client_id not in {row["scope"] for row in page["rows"]}
        assert all(row["entity"] in {"teams", "caseworkers", "employers"} for row in page["rows"])
        assert client_id not in (page.get("scope") or [])
    digests = _post(central, b, "/v1/digests", {"scope_keys": [client_id]})
    assert digests["digests"] == {}


_change = crafted_change
_stamps = new_row_stamps


def test_pushes_outside_scope_or_role_are_not_applied(
    central: CentralServer, two_coaches: tuple[Laptop, Laptop, str]
) -> None:
    a, b, client_id = two_coaches
    me = b.actor().caseworker_id
    stamps = _stamps(me)
    entry_id = str(uuid.uuid4())
    hostile = [
        # a journal entry on someone else's client
        _change(
            "journal_entries",
            entry_id,
            {
                "id": entry_id,
                "client_id": client_id,
                "occurred_on": "2026-11-20",
                "kind": "note",
                "subject": "x",
                "body": "x",
                "author_id": me,
                "corrects_id": None,
                **stamps,
            },
        ),
        # an edit of someone else's client
        {
            **_change("clients", client_id, {"city": "Elders"}, op="update"),
            "base": {"city": "Hengelo"},
        },
        # taking the client over by assignment
        _change(
            "case_assignments",
            (aid := str(uuid.uuid4())),
            {
                "id": aid,
                "client_id": client_id,
                "caseworker_id": me,
                "started_on": "2026-11-20",
                "ended_on": None,
                "reason": "x",
                **stamps,
            },
        ),
        # making oneself team lead
        {
            **_change("caseworkers", me, {"role": "team_lead"}, op="update"),
            "base": {"role": "work_coach"},
        },
        # writing in another caseworker's name
        _change(
            "employers",
            (eid := str(uuid.uuid4())),
            {
                "id": eid,
                "name": "Bedrijf",
                "kvk_number": None,
                "street": None,
                "house_number": None,
                "postcode": None,
                "city": None,
                "contact_person": None,
                "contact_phone": None,
                "contact_email": None,
                "sector": None,
                **stamps,
                "created_by": a.actor().caseworker_id,
            },
        ),
        # a field that does not exist
        {**_change("clients", client_id, {"is_admin": True}, op="update")},
    ]
    results = _post(central, b, "/v1/push", {"changes": hostile})["results"]
    assert [r["status"] for r in results] == ["parked"] * len(hostile)
    with central.store.engine.connect() as conn:
        city = conn.execute(
            select(Client.__table__.c.city).where(Client.__table__.c.id == client_id)
        ).scalar()
        kinds = list(conn.execute(select(t.conflicts.c.kind).order_by(t.conflicts.c.created_at)))
    assert city == "Hengelo"
    assert len(kinds) == len(hostile)
    b.sync()
    with b.store.session() as session:
        assert session.get(Client, client_id) is None


def test_a_revoked_account_wipes_the_laptop_at_its_next_contact(
    central: CentralServer, two_coaches: tuple[Laptop, Laptop, str]
) -> None:
    a, _b, _client_id = two_coaches
    from app.storage.backup import make_backup

    paths = a.store.paths
    store_id = a.store.store_id
    make_backup(a.store)
    (paths.data_dir / "beschadigd").mkdir()
    (paths.data_dir / "beschadigd" / "trede-20261201-120000.db").write_bytes(b"old")
    central.store.revoke("wc.a")
    with pytest.raises(RemoteWipe):
        run_sync(a.store, HttpTransport)
    assert not paths.database.exists()
    assert not paths.key_file.exists()
    assert sorted(p.name for p in paths.data_dir.iterdir()) == [".trede.lock"]  # backups too
    assert keyring_secrets.get_secret(device_secret_name(store_id)) is None
    assert keyring_secrets.get_secret(token_name(store_id)) is None


def test_a_revoked_device_wipes_only_that_laptop(
    central: CentralServer, tmp_path: Path, two_coaches: tuple[Laptop, Laptop, str]
) -> None:
    a, _b, client_id = two_coaches
    second = new_laptop(tmp_path, "a2", central, "wc.a")
    with second.store.session() as session:
        assert session.get(Client, client_id) is not None
        from app.services.context import get_setting
        from app.sync.client import DEVICE_KEY

        device_id = get_setting(session, DEVICE_KEY)
    central.store.revoke("wc.a", device_id=device_id)
    with pytest.raises(RemoteWipe):
        second.sync()
    assert not second.store.paths.database.exists()
    a.sync()  # the other laptop of the same caseworker goes on
    with a.store.session() as session:
        assert session.get(Client, client_id) is not None


def test_a_change_the_database_refuses_is_parked_and_the_rest_of_the_batch_applies(
    central: CentralServer, two_coaches: tuple[Laptop, Laptop, str]
) -> None:
    a, _b, client_id = two_coaches
    me = a.actor().caseworker_id
    stamps = _stamps(me)

    def entry(author: str, subject: str) -> dict[str, Any]:
        entry_id = str(uuid.uuid4())
        fields = {
            "id": entry_id,
            "client_id": client_id,
            "occurred_on": "2026-11-20",
            "kind": "note",
            "subject": subject,
            "body": "x",
            "author_id": author,
            "corrects_id": None,
            **stamps,
        }
        return _change("journal_entries", entry_id, fields)

    batch = [
        entry(me, "Goed"),
        entry(str(uuid.uuid4()), "Auteur bestaat niet"),  # a foreign key the database refuses
        entry(me, "x" * 201),  # longer than the subject column
        entry(me, "Ook goed"),
    ]
    results = _post(central, a, "/v1/push", {"changes": batch})["results"]
    assert [r["status"] for r in results] == ["applied", "parked", "parked", "applied"]
    again = _post(central, a, "/v1/push", {"changes": batch})["results"]
    assert all(r["duplicate"] for r in again)
    a.sync()
    from app.models import JournalEntry

    with a.store.session() as session:
        subjects = set(session.scalars(select(JournalEntry.subject)))
    assert subjects == {"Goed", "Ook goed"}
