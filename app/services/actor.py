"""The caseworker behind every service call (no database import: the start-up window uses it)."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.vocab import Role


@dataclass(frozen=True)
class Actor:
    caseworker_id: str
    role: Role
    team_id: str | None
    display_name: str

    @property
    def is_team_lead(self) -> bool:
        return self.role is Role.TEAM_LEAD
