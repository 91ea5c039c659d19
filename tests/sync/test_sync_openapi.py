"""The protocol as documented: the OpenAPI document declares the bearer scheme, every
refusal code and the entities; /docs works offline; and a laptop written from the document
alone (tests/openapi_laptop.py) logs in, pulls, pushes and resolves a conflict."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
from sqlalchemy import select

from app.domain.vocab import Role
from app.models import Client, JournalEntry
from app.sync.wire import ENTITIES
from tests.openapi_laptop import DocumentLaptop
from tests.sync.harness import USER_PASSWORD, CentralServer, add_user, new_laptop


def test_the_document_declares_security_refusals_and_entities(central: CentralServer) -> None:
    spec = httpx.get(f"{central.url}/openapi.json").json()
    schemes = spec["components"]["securitySchemes"]
    assert [s["scheme"] for s in schemes.values()] == ["bearer"]
    for path in ("/v1/push", "/v1/pull", "/v1/digests"):
        operation = spec["paths"][path]["post"]
        assert operation["security"], path
        assert {"400", "401", "403", "410", "413", "422"} <= set(operation["responses"]), path
    assert "409" in spec["paths"]["/v1/push"]["post"]["responses"]
    assert {"401", "429"} <= set(spec["paths"]["/v1/login"]["post"]["responses"])
    change = spec["components"]["schemas"]["Change"]["properties"]
    for name in ("base", "base_version", "client_id", "resolves", "group"):
        assert change[name]["description"], name
    pull = spec["components"]["schemas"]["PullRequest"]["properties"]
    for name in ("scope_hash", "only_scopes", "until"):
        assert pull[name]["description"], name
    schemas = spec["components"]["schemas"]
    for name, entity_ in ENTITIES.items():
        properties = schemas[f"Entity_{name}"]["properties"]
        assert set(properties) == {column.name for column in entity_.columns}
    body = schemas["Entity_journal_entries"]["properties"]["body"]
    assert body["maxLength"] == 20_000
    assert "sum modulo 2**128" in spec["info"]["description"]


def test_the_docs_page_needs_nothing_from_outside(central: CentralServer) -> None:
    page = httpx.get(f"{central.url}/docs")
    assert page.status_code == 200
    assert "default-src 'none'" in page.headers["content-security-policy"]
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources and all(source.startswith("/") for source in sources), sources
    for source in sources:
        assert httpx.get(f"{central.url}{source}").status_code == 200, source


def test_a_laptop_written_from_the_document_alone_syncs_and_resolves(
    central: CentralServer, tmp_path: Path
) -> None:
    central.store.create_team("Team", "hengelo")
    add_user(central.store, "wc.a", Role.WORK_COACH, "Team")
    add_user(central.store, "tl.b", Role.TEAM_LEAD, "Team")
    coach = new_laptop(tmp_path, "a", central, "wc.a")
    client_id = coach.new_client()
    coach.sync()

    lead = DocumentLaptop(central.url)
    try:
        lead.login("tl.b", USER_PASSWORD)
        lead.pull()
        assert ("clients", client_id) in lead.rows
        entry = lead.new_row(
            "journal_entries",
            {
                "client_id": client_id,
                "occurred_on": "2026-11-30",
                "kind": "note",
                "subject": "Van de teamleider",
                "body": "Geschreven met alleen het OpenAPI-document.",
                "author_id": lead.caseworker_id,
            },
        )
        assert [r["status"] for r in lead.push(entry)] == ["applied"]

        # the coach moves the client meanwhile; the lead's edit of the same field conflicts
        with coach.store.session(coach.actor().caseworker_id) as session:
            session.get(Client, client_id).city = "Borne"
        coach.sync()
        (result,) = lead.push(lead.update("clients", client_id, "city", "Delden"))
        assert result["status"] == "conflict"
        lead.pull()
        (conflict,) = lead.conflicts
        assert (conflict["field"], conflict["mine"], conflict["theirs"]) == (
            "city",
            "Delden",
            "Borne",
        )
        (resolved,) = lead.push(lead.resolve(conflict, "mine"))
        assert resolved["status"] == "applied"
        lead.pull()
        assert lead.rows[("clients", client_id)]["city"] == "Delden"
        assert lead.conflicts == []
    finally:
        lead.close()
    coach.sync()
    with coach.store.session() as session:
        assert session.get(Client, client_id).city == "Delden"
        assert session.scalar(select(JournalEntry.subject)) == "Van de teamleider"
    coach.close()
