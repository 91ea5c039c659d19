"""Push batches: the outbox goes up in order, each request ending at the end of a local
transaction and within the size a request may have (one transaction alone goes whole)."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import select

from app.services import journal
from app.services.clients import create_client
from app.services.context import Actor
from app.storage.store import Store
from app.sync import push as sync_push
from app.sync.state import OUTBOX
from tests.factories import client_form


def _entries(store: Store, owner: Actor, client_id: str, count: int) -> None:
    with store.session(owner.caseworker_id) as session:
        for number in range(count):
            journal.record_journal_entry(
                session,
                owner,
                client_id,
                occurred_on="20-11-2026",
                kind="note",
                subject=f"Gesprek {number}",
                body="x" * 5000,
            )


def test_batches_end_at_a_transaction_and_stay_within_the_size(
    store: Store, owner: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    with store.session(owner.caseworker_id) as session:
        client_id = create_client(session, owner, client_form())
    for _transaction in range(6):
        _entries(store, owner, client_id, 3)  # three entries and their audit records each
    _entries(store, owner, client_id, 12)  # one transaction larger than a request
    monkeypatch.setattr(sync_push, "MAX_BYTES", 40_000)
    with store.engine.connect() as conn:
        everything = list(conn.execute(select(OUTBOX).order_by(OUTBOX.c.position)))
        batches, after = [], 0
        while batch := sync_push.next_batch(conn, after):
            batches.append(batch)
            after = batch[-1].position
    assert [row.change_id for batch in batches for row in batch] == [
        row.change_id for row in everything
    ]
    for batch, following in itertools.pairwise(batches):
        assert batch[-1].txn != following[0].txn  # no transaction is split
    for batch in batches:
        size = sum(sync_push._size(row) for row in batch)
        one_transaction = len({row.txn for row in batch}) == 1
        assert size <= sync_push.MAX_BYTES or one_transaction
    assert len(batches[-1]) == 12 * 2  # the large one went whole
