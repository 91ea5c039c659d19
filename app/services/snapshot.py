"""The caseload snapshot: the caseload as last shown, kept in the encrypted store so that
the next start can show it before the database layer is loaded."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from app.models import Client, LocalSetting
from app.services.caseload_rows import (
    SNAPSHOT_KEY,
    SNAPSHOT_MAX_ROWS,
    CaseloadRow,
    Scope,
    snapshot_text,
)
from app.services.context import Actor, set_setting


def save_caseload_snapshot(
    session: Session, actor: Actor, scope: Scope, rows: list[CaseloadRow]
) -> None:
    """Keep `rows` for the next start; a caseload too large to show at once keeps none.
    Rows read before a sync removed their client (it left the caseload) are left out: the
    check runs in this same transaction, so a snapshot never brings a purged client back."""
    here = _still_here(session, [row.client_id for row in rows])
    rows = [row for row in rows if row.client_id in here]
    if len(rows) > SNAPSHOT_MAX_ROWS:
        session.execute(delete(LocalSetting).where(LocalSetting.key == SNAPSHOT_KEY))
    else:
        set_setting(session, SNAPSHOT_KEY, snapshot_text(actor, scope, rows))


def forget_caseload_snapshot(conn: Connection, _client_ids: Sequence[str]) -> None:
    """The sync's purge hook, called in the transaction that removes clients from the
    laptop: the snapshot may name them, so it goes in the same commit (the next caseload
    shown makes it again)."""
    conn.execute(delete(LocalSetting).where(LocalSetting.key == SNAPSHOT_KEY))


def _still_here(session: Session, client_ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(client_ids), _CHUNK):
        chunk = client_ids[start : start + _CHUNK]
        found.update(session.scalars(select(Client.id).where(Client.id.in_(chunk))))
    return found


_CHUNK = 5_000  # ids per query, well under SQLite's limit of bound values
