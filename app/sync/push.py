"""The laptop's push: the outbox in order, in batches that never split a local transaction,
each batch acknowledged before its changes leave the outbox."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.engine import Connection, Engine

from app.models import utc_now
from app.sync.state import OUTBOX, pending_changes
from app.sync.wire import encode_value

PUSH_BATCH = 1000
# The central store takes at most this many changes, and 16 MiB, in one request.
MAX_PUSH = 2000
MAX_BYTES = 8 * 1024 * 1024

Post = Callable[[str, dict[str, Any]], dict[str, Any]]


def change_wire(row: Any) -> dict[str, Any]:
    return {
        "change_id": row.change_id,
        "group": row.txn,
        "entity": row.entity,
        "row_id": row.row_id,
        "op": row.op,
        "base_version": row.base_version,
        "fields": row.fields,
        "base": row.base or {},
        "client_id": row.client_id,
        "resolves": row.resolves,
        "resolution": row.resolution,
        "made_at": encode_value(row.made_at),
    }


def _size(row: Any) -> int:
    return len(json.dumps(change_wire(row), ensure_ascii=False).encode())


def _end_of_first_transaction(batch: list[Any]) -> int:
    first = batch[0].txn
    if first is None:
        return 1
    return next((i for i, row in enumerate(batch) if row.txn != first), len(batch))


def _within_bytes(batch: list[Any]) -> list[Any]:
    """The batch cut to MAX_BYTES at the start of a local transaction; a transaction that
    alone is larger goes whole (its request may then be refused as too large)."""
    total = 0
    for index, row in enumerate(batch):
        total += _size(row)
        if total > MAX_BYTES and index > 0:
            start = index
            while start > 0 and row.txn is not None and batch[start - 1].txn == row.txn:
                start -= 1
            return batch[: start or _end_of_first_transaction(batch)]
    return batch


def next_batch(conn: Connection, after: int) -> list[Any]:
    """Up to PUSH_BATCH changes (and MAX_BYTES) after `after`, ending at the end of a local
    transaction (unless that one alone is larger than a request may be)."""
    batch = list(
        conn.execute(
            select(OUTBOX)
            .where(OUTBOX.c.position > after)
            .order_by(OUTBOX.c.position)
            .limit(PUSH_BATCH)
        )
    )
    if len(batch) == PUSH_BATCH and batch[-1].txn is not None:
        batch += list(
            conn.execute(
                select(OUTBOX)
                .where(OUTBOX.c.position > batch[-1].position, OUTBOX.c.txn == batch[-1].txn)
                .order_by(OUTBOX.c.position)
                .limit(MAX_PUSH - len(batch))
            )
        )
    return _within_bytes(batch)


def push_outbox(
    engine: Engine,
    post: Post,
    progress: Callable[[int, int], None],
) -> tuple[int, int]:
    """Push everything; returns (changes pushed, new conflicts). Audit records go up too but
    are not counted as the caseworker's changes."""
    with engine.connect() as conn:
        total = pending_changes(conn, with_audit=True)
    after = 0
    pushed = conflicts = 0
    while True:
        with engine.connect() as conn:
            batch = next_batch(conn, after)
        if not batch:
            return pushed, conflicts
        answer = post(
            "/v1/push",
            {"changes": [change_wire(r) for r in batch], "sent_at": utc_now().isoformat()},
        )
        results = {result["change_id"]: result for result in answer["results"]}
        done = [r.change_id for r in batch if r.change_id in results]
        with engine.begin() as conn:
            conn.execute(delete(OUTBOX).where(OUTBOX.c.change_id.in_(done)))
        pushed += sum(1 for r in batch if r.change_id in results and r.entity != "audit_events")
        new: set[str] = set()
        for change_id in done:
            result = results[change_id]
            if result.get("duplicate") or result["status"] == "applied":
                continue
            # the changes of one parked transaction share their conflict
            new.add(str(result.get("conflict") or change_id))
        conflicts += len(new)
        after = batch[-1].position
        progress(min(pushed, total), max(total, 1))
