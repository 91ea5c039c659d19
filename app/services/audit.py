"""The audit trail: one record for every view, change, print, export and sync."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.domain.vocab import AuditAction
from app.models import AuditEvent, utc_now
from app.services.context import Actor
from app.services.limits import install_limits

# Every service that writes audits what it does, so this is where the texts' length check
# joins every write (and the quick start, which imports no service that writes, stays lean).
install_limits()


def audit(
    session: Session,
    actor: Actor,
    action: AuditAction,
    entity_type: str,
    entity_id: str | None = None,
    *,
    client_id: str | None = None,
    **details: Any,
) -> None:
    """Details hold codes, counts and field names only: never personal data."""
    session.add(
        AuditEvent(
            occurred_at=utc_now(),
            actor_id=actor.caseworker_id,
            action=action.value,
            entity_type=entity_type,
            entity_id=entity_id,
            client_id=client_id,
            details=details,
        )
    )
