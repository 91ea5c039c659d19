"""Push, pull, merge per field, conflicts, scope and wipe through the real HTTP service."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.domain.vocab import JournalKind, Role
from app.models import Client, JournalEntry
from app.services.clients import ClientForm, create_client, update_client
from app.services.conflicts import conflicts, resolve_conflict
from app.services.context import get_setting, set_setting
from app.services.errors import AccessDenied
from app.services.sync import sync_status
from app.storage.unlocking import CASELOAD_SNAPSHOT_SETTING
from tests.factories import client_form
from tests.sync.harness import CentralServer, add_user, new_laptop, snapshot


def _team(central: CentralServer) -> None:
    central.store.create_team("Team Hengelo", "hengelo")
    add_user(central.store, "wc.anna", Role.WORK_COACH, "Team Hengelo")
    add_user(central.store, "tl.bert", Role.TEAM_LEAD, "Team Hengelo")


def test_a_client_made_on_one_laptop_reaches_the_team_lead_and_edits_merge(
    central: CentralServer, tmp_path: Path
) -> None:
    _team(central)
    anna = new_laptop(tmp_path, "anna", central, "wc.anna")
    bert = new_laptop(tmp_path, "bert", central, "tl.bert")
    actor = anna.actor()
    with anna.store.session(actor.caseworker_id) as session:
        client_id = create_client(session, actor, client_form())
    with anna.store.session() as session:
        assert sync_status(session).pending > 0
    report = anna.sync()
    assert report.pushed >= 2
    bert.sync()
    assert snapshot(bert.store.engine) == snapshot(anna.store.engine)

    # different fields on both laptops merge
    with anna.store.session(actor.caseworker_id) as session:
        form = ClientForm.from_client(session.get(Client, client_id))
        form.phone = "06 11111111"
        update_client(session, actor, client_id, form)
    lead = bert.actor()
    with bert.store.session(lead.caseworker_id) as session:
        form = ClientForm.from_client(session.get(Client, client_id))
        form.city = "Borne"
        update_client(session, lead, client_id, form)
    anna.sync()
    bert.sync()
    anna.sync()
    with anna.store.session() as session:
        client = session.get(Client, client_id)
        assert (client.phone, client.city) == ("0611111111", "Borne")
    assert snapshot(bert.store.engine) == snapshot(anna.store.engine)

    # the same field on both: a conflict, shown on the laptop that pushed last
    with anna.store.session(actor.caseworker_id) as session:
        form = ClientForm.from_client(session.get(Client, client_id))
        form.city = "Delden"
        update_client(session, actor, client_id, form)
    with bert.store.session(lead.caseworker_id) as session:
        form = ClientForm.from_client(session.get(Client, client_id))
        form.city = "Enschede"
        update_client(session, lead, client_id, form)
    bert.sync()
    report = anna.sync()
    assert report.open_conflicts == 1
    with anna.store.session(actor.caseworker_id) as session:
        found = conflicts(session, actor)
        assert [(c.field, c.mine, c.theirs) for c in found] == [("city", "Delden", "Enschede")]
        assert session.get(Client, client_id).city == "Enschede"
        resolve_conflict(session, actor, found[0].id, "mine")
    anna.sync()
    bert.sync()
    with bert.store.session() as session:
        assert session.get(Client, client_id).city == "Delden"
    assert snapshot(bert.store.engine) == snapshot(anna.store.engine)


def test_a_transfer_purges_the_old_laptop_and_unsent_work_is_parked_not_lost(
    central: CentralServer, tmp_path: Path
) -> None:
    _team(central)
    add_user(central.store, "wc.cas", Role.WORK_COACH, "Team Hengelo")
    anna = new_laptop(tmp_path, "anna", central, "wc.anna")
    cas = new_laptop(tmp_path, "cas", central, "wc.cas")
    actor = anna.actor()
    with anna.store.session(actor.caseworker_id) as session:
        client_id = create_client(session, actor, client_form())
    anna.sync()
    cas.sync()
    with cas.store.session() as session:
        assert session.get(Client, client_id) is None  # not in Cas's caseload

    # offline, Anna writes a journal entry; meanwhile the client goes to Cas
    anna.write_journal(client_id, "Huisbezoek", JournalKind.HOME_VISIT.value)
    with anna.store.session() as session:
        set_setting(session, CASELOAD_SNAPSHOT_SETTING, "[the caseload as last shown]")
    central.store.assign_client(client_id, "wc.cas", reason="Warme overdracht")
    report = anna.sync()
    assert report.purged_clients == 1
    with anna.store.session() as session:
        assert session.get(Client, client_id) is None
        assert get_setting(session, CASELOAD_SNAPSHOT_SETTING) is None  # it named the client
        assert session.scalar(select(func.count()).select_from(JournalEntry)) == 0
    with anna.store.session(actor.caseworker_id) as session:
        parked = conflicts(session, actor)
    assert [c.kind for c in parked] == ["scope"]
    cas.sync()
    with cas.store.session() as session:
        assert session.get(Client, client_id) is not None
        assert session.scalar(select(func.count()).select_from(JournalEntry)) == 0

    # Anna cannot put it in Cas's file herself: whoever has the file now takes it in
    with (
        pytest.raises(AccessDenied, match="wie de klant nu heeft"),
        anna.store.session(actor.caseworker_id) as session,
    ):
        resolve_conflict(session, actor, parked[0].id, "apply")
    cas.sync()
    with cas.store.session(cas.actor().caseworker_id) as session:
        (offered,) = conflicts(session, cas.actor())
        resolve_conflict(session, cas.actor(), offered.id, "apply")
    cas.sync()
    anna.sync()
    with cas.store.session() as session:
        entry = session.scalars(select(JournalEntry)).one()
        assert entry.author_id == actor.caseworker_id  # Anna's entry, taken in by Cas
    with anna.store.session(actor.caseworker_id) as session:
        assert conflicts(session, actor) == []
