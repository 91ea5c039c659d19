"""SQLAlchemy models: tables and relations only; no Qt, no I/O."""

from app.models.base import Base, Document, Record, SyncedMixin, new_id, utc_now
from app.models.entities import (
    AuditEvent,
    CaseAssignment,
    Caseworker,
    Client,
    Employer,
    JobCoachingHours,
    JournalEntry,
    LadderAssessment,
    LocalSetting,
    Placement,
    Plan,
    PlanGoal,
    PlanInstrument,
    PlanVersion,
    Team,
    WageValueMeasurement,
    WageValueTask,
)
from app.models.guards import install_guards
from app.models.sync_local import DirtyRow, OutboxChange, ReceivedRow, ScopeDigest, SyncConflict

install_guards()

SYNCED_MODELS: tuple[type[SyncedMixin], ...] = (
    Team,
    Caseworker,
    Client,
    CaseAssignment,
    Employer,
    Placement,
    LadderAssessment,
    JournalEntry,
    WageValueMeasurement,
    WageValueTask,
    JobCoachingHours,
    Plan,
    PlanGoal,
    PlanInstrument,
    PlanVersion,
    AuditEvent,
)

__all__ = [
    "SYNCED_MODELS",
    "AuditEvent",
    "Base",
    "CaseAssignment",
    "Caseworker",
    "Client",
    "DirtyRow",
    "Document",
    "Employer",
    "JobCoachingHours",
    "JournalEntry",
    "LadderAssessment",
    "LocalSetting",
    "OutboxChange",
    "Placement",
    "Plan",
    "PlanGoal",
    "PlanInstrument",
    "PlanVersion",
    "ReceivedRow",
    "Record",
    "ScopeDigest",
    "SyncConflict",
    "SyncedMixin",
    "Team",
    "WageValueMeasurement",
    "WageValueTask",
    "new_id",
    "utc_now",
]
