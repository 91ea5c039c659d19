"""The caseload snapshot: the caseload as last shown, kept in the encrypted store so that
the next start can show it before the database layer is loaded."""

from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.orm import Session

from app.models import LocalSetting
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
    """Keep `rows` for the next start; a caseload too large to show at once keeps none."""
    if len(rows) > SNAPSHOT_MAX_ROWS:
        session.execute(delete(LocalSetting).where(LocalSetting.key == SNAPSHOT_KEY))
    else:
        set_setting(session, SNAPSHOT_KEY, snapshot_text(actor, scope, rows))
