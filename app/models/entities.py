"""The tables of Trede: people, casework documents and immutable records."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import (
    Base,
    DecimalText,
    Document,
    Record,
    UTCDateTime,
    corrections_index,
)

# ---------------------------------------------------------------- organisation


class Team(Document, Base):
    __tablename__ = "teams"

    name: Mapped[str] = mapped_column(String(120))
    municipality: Mapped[str | None] = mapped_column(String(40))


class Caseworker(Document, Base):
    __tablename__ = "caseworkers"

    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(40))
    team_id: Mapped[str | None] = mapped_column(ForeignKey("teams.id"))
    email: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


# ---------------------------------------------------------------- clients


class Client(Document, Base):
    __tablename__ = "clients"

    bsn: Mapped[str] = mapped_column(String(9), index=True)
    voornamen: Mapped[str] = mapped_column(String(200))
    tussenvoegsel: Mapped[str | None] = mapped_column(String(40))
    achternaam: Mapped[str] = mapped_column(String(200))
    birth_date: Mapped[dt.date] = mapped_column(Date)
    street: Mapped[str | None] = mapped_column(String(200))
    house_number: Mapped[str | None] = mapped_column(String(20))
    postcode: Mapped[str | None] = mapped_column(String(7))
    city: Mapped[str | None] = mapped_column(String(100))
    municipality: Mapped[str] = mapped_column(String(40))
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(200))

    benefit: Mapped[str] = mapped_column(String(40))
    benefit_start: Mapped[dt.date | None] = mapped_column(Date)
    work_obligation: Mapped[str] = mapped_column(String(40))
    exemption_reason: Mapped[str | None] = mapped_column(Text)
    exemption_end: Mapped[dt.date | None] = mapped_column(Date)

    # Recorded priority groups only; the age-based ones are derived (app.domain.clients).
    priority_groups: Mapped[list[str]] = mapped_column(JSON, default=list)
    obstacles: Mapped[list[str]] = mapped_column(JSON, default=list)
    education_level: Mapped[str | None] = mapped_column(String(40))
    startkwalificatie: Mapped[bool] = mapped_column(Boolean, default=False)
    driving_licence: Mapped[bool] = mapped_column(Boolean, default=False)
    certificates: Mapped[list[str]] = mapped_column(JSON, default=list)
    work_experience: Mapped[str | None] = mapped_column(Text)

    status: Mapped[str] = mapped_column(String(20), default="active")
    intake_date: Mapped[dt.date | None] = mapped_column(Date)
    outflow_date: Mapped[dt.date | None] = mapped_column(Date)
    outflow_reason: Mapped[str | None] = mapped_column(String(40))
    outflow_partial: Mapped[bool] = mapped_column(Boolean, default=False)
    outflow_note: Mapped[str | None] = mapped_column(Text)


class CaseAssignment(Document, Base):
    """Who has a client; the history is the list of assignments with their periods."""

    __tablename__ = "case_assignments"
    __table_args__ = (Index("ix_case_assignments_open", "caseworker_id", "ended_on"),)

    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"), index=True)
    caseworker_id: Mapped[str] = mapped_column(ForeignKey("caseworkers.id"))
    started_on: Mapped[dt.date] = mapped_column(Date)
    ended_on: Mapped[dt.date | None] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(Text)


# ---------------------------------------------------------------- employers and placements


class Employer(Document, Base):
    __tablename__ = "employers"

    name: Mapped[str] = mapped_column(String(200))
    kvk_number: Mapped[str | None] = mapped_column(String(8))
    street: Mapped[str | None] = mapped_column(String(200))
    house_number: Mapped[str | None] = mapped_column(String(20))
    postcode: Mapped[str | None] = mapped_column(String(7))
    city: Mapped[str | None] = mapped_column(String(100))
    contact_person: Mapped[str | None] = mapped_column(String(200))
    contact_phone: Mapped[str | None] = mapped_column(String(20))
    contact_email: Mapped[str | None] = mapped_column(String(200))
    sector: Mapped[str | None] = mapped_column(String(100))


class Placement(Document, Base):
    __tablename__ = "placements"

    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"), index=True)
    employer_id: Mapped[str] = mapped_column(ForeignKey("employers.id"))
    placement_type: Mapped[str] = mapped_column(String(40))
    function_title: Mapped[str | None] = mapped_column(String(200))
    started_on: Mapped[dt.date] = mapped_column(Date)
    planned_end: Mapped[dt.date | None] = mapped_column(Date)
    ended_on: Mapped[dt.date | None] = mapped_column(Date)
    hours_per_week: Mapped[Decimal | None] = mapped_column(DecimalText)
    wage_hour: Mapped[Decimal | None] = mapped_column(DecimalText)
    # the employer's normal full-time week: before 2024 the WML per hour follows from it
    fulltime_hours: Mapped[Decimal | None] = mapped_column(DecimalText)
    course_months: Mapped[int | None] = mapped_column(Integer)
    learning_part: Mapped[str | None] = mapped_column(Text)  # what a learning-working place teaches
    continuation_reason: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)


class PlacementAbsence(Document, Base):
    """A period the employee of a placement was absent (sickness or other): a long one
    lowers the job-coaching ceiling pro rata (RULES.md)."""

    __tablename__ = "placement_absences"

    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"), index=True)
    placement_id: Mapped[str] = mapped_column(ForeignKey("placements.id"), index=True)
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date | None] = mapped_column(Date)  # None: still absent
    reason: Mapped[str] = mapped_column(String(40))


# ---------------------------------------------------------------- records


class LadderAssessment(Record, Base):
    __tablename__ = "ladder_assessments"
    __table_args__ = (
        corrections_index("ladder_assessments"),
        # the newest assessment per client, read from the index alone (the caseload)
        Index(
            "ix_ladder_assessments_latest",
            "client_id",
            "assessed_on",
            "created_at",
            "final_trede",
            "review_on",
            "deleted_at",
            "id",
        ),
    )

    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"), index=True)
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    assessor_id: Mapped[str] = mapped_column(ForeignKey("caseworkers.id"))
    paid_work: Mapped[bool] = mapped_column(Boolean, default=False)
    paid_work_supported: Mapped[bool] = mapped_column(Boolean, default=False)
    unpaid_work: Mapped[bool] = mapped_column(Boolean, default=False)
    unpaid_work_weekly: Mapped[bool] = mapped_column(Boolean, default=False)
    organised_activity: Mapped[bool] = mapped_column(Boolean, default=False)
    organised_activity_weekly: Mapped[bool] = mapped_column(Boolean, default=False)
    social_contacts_weekly: Mapped[bool] = mapped_column(Boolean, default=False)
    derived_trede: Mapped[int] = mapped_column(Integer)
    final_trede: Mapped[int] = mapped_column(Integer)
    override_reason: Mapped[str | None] = mapped_column(Text)
    expected_trede: Mapped[int | None] = mapped_column(Integer)
    expected_by: Mapped[dt.date | None] = mapped_column(Date)
    review_on: Mapped[dt.date] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    corrects_id: Mapped[str | None] = mapped_column(ForeignKey("ladder_assessments.id"))


class JournalEntry(Record, Base):
    __tablename__ = "journal_entries"
    __table_args__ = (corrections_index("journal_entries"),)

    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"), index=True)
    occurred_on: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    author_id: Mapped[str] = mapped_column(ForeignKey("caseworkers.id"))
    corrects_id: Mapped[str | None] = mapped_column(ForeignKey("journal_entries.id"))


class WageValueMeasurement(Record, Base):
    """A loonwaardemeting after the ULM model report (RULES.md)."""

    __tablename__ = "wage_value_measurements"
    __table_args__ = (corrections_index("wage_value_measurements"),)

    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"), index=True)
    placement_id: Mapped[str | None] = mapped_column(ForeignKey("placements.id"))
    method: Mapped[str] = mapped_column(String(40), default="ULM")
    report_date: Mapped[dt.date] = mapped_column(Date)
    visit_date: Mapped[dt.date] = mapped_column(Date)
    expert_name: Mapped[str] = mapped_column(String(200))
    expert_id: Mapped[str | None] = mapped_column(ForeignKey("caseworkers.id"))
    employer_id: Mapped[str | None] = mapped_column(ForeignKey("employers.id"))
    employer_contact: Mapped[str | None] = mapped_column(String(200))
    norm_function: Mapped[str] = mapped_column(String(200))
    performed_function: Mapped[str] = mapped_column(String(200))
    contract_hours: Mapped[Decimal] = mapped_column(DecimalText)
    fulltime_hours: Mapped[Decimal] = mapped_column(DecimalText)
    workdays_per_week: Mapped[Decimal | None] = mapped_column(DecimalText)  # the 30-minute rule
    loonwaarde_pct: Mapped[Decimal] = mapped_column(DecimalText)
    explanation: Mapped[str | None] = mapped_column(Text)
    jobcoach_hours_per_month: Mapped[Decimal | None] = mapped_column(DecimalText)
    next_measurement_on: Mapped[dt.date | None] = mapped_column(Date)
    corrects_id: Mapped[str | None] = mapped_column(ForeignKey("wage_value_measurements.id"))


class WageValueTask(Record, Base):
    """One hoofdtaak of a measurement (at most five)."""

    __tablename__ = "wage_value_tasks"

    measurement_id: Mapped[str] = mapped_column(
        ForeignKey("wage_value_measurements.id"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    share_pct: Mapped[Decimal] = mapped_column(DecimalText)
    tempo_pct: Mapped[Decimal] = mapped_column(DecimalText)
    quality_pct: Mapped[Decimal] = mapped_column(DecimalText)
    net_worktime_pct: Mapped[Decimal] = mapped_column(DecimalText)
    result_pct: Mapped[Decimal] = mapped_column(DecimalText)
    explanation: Mapped[str | None] = mapped_column(Text)


class JobCoachingHours(Record, Base):
    __tablename__ = "job_coaching_hours"
    __table_args__ = (corrections_index("job_coaching_hours"),)

    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"), index=True)
    placement_id: Mapped[str | None] = mapped_column(ForeignKey("placements.id"))
    coach_id: Mapped[str] = mapped_column(ForeignKey("caseworkers.id"))
    worked_on: Mapped[dt.date] = mapped_column(Date)
    minutes: Mapped[int] = mapped_column(Integer)
    activity: Mapped[str] = mapped_column(String(40))
    note: Mapped[str | None] = mapped_column(Text)
    corrects_id: Mapped[str | None] = mapped_column(ForeignKey("job_coaching_hours.id"))


class SubsidyDecision(Record, Base):
    """A decision (beschikking) on loonkostensubsidie for a placement: the subsidy is paid on
    it, for its period only (RULES.md)."""

    __tablename__ = "subsidy_decisions"
    __table_args__ = (corrections_index("subsidy_decisions"),)

    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"), index=True)
    placement_id: Mapped[str] = mapped_column(ForeignKey("placements.id"), index=True)
    basis: Mapped[str] = mapped_column(String(40))
    measurement_id: Mapped[str | None] = mapped_column(ForeignKey("wage_value_measurements.id"))
    target_group_basis: Mapped[str] = mapped_column(String(40))
    target_group_note: Mapped[str | None] = mapped_column(Text)
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date] = mapped_column(Date)
    decided_on: Mapped[dt.date] = mapped_column(Date)
    reference: Mapped[str | None] = mapped_column(String(80))  # the decision's number
    corrects_id: Mapped[str | None] = mapped_column(ForeignKey("subsidy_decisions.id"))


# ---------------------------------------------------------------- plans


class Plan(Document, Base):
    """The draft plan van aanpak of a client; issued versions are PlanVersion records."""

    __tablename__ = "plans"

    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"), index=True)
    title: Mapped[str] = mapped_column(String(200), default="Plan van aanpak")
    status: Mapped[str] = mapped_column(String(20), default="draft")
    situation: Mapped[str | None] = mapped_column(Text)
    support_offered: Mapped[str | None] = mapped_column(Text)
    obligations: Mapped[str | None] = mapped_column(Text)
    consequences: Mapped[str | None] = mapped_column(Text)
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_until: Mapped[dt.date | None] = mapped_column(Date)


class PlanGoal(Document, Base):
    __tablename__ = "plan_goals"

    plan_id: Mapped[str] = mapped_column(ForeignKey("plans.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(Text)
    target_date: Mapped[dt.date | None] = mapped_column(Date)
    achieved_on: Mapped[dt.date | None] = mapped_column(Date)


class PlanInstrument(Document, Base):
    """An agreed activity or instrument of the plan, with its period."""

    __tablename__ = "plan_instruments"

    plan_id: Mapped[str] = mapped_column(ForeignKey("plans.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    instrument: Mapped[str] = mapped_column(String(80))
    description: Mapped[str | None] = mapped_column(Text)
    starts_on: Mapped[dt.date | None] = mapped_column(Date)
    ends_on: Mapped[dt.date | None] = mapped_column(Date)


class PlanVersion(Record, Base):
    """A numbered, issued version of a plan: a frozen snapshot of its content."""

    __tablename__ = "plan_versions"

    plan_id: Mapped[str] = mapped_column(ForeignKey("plans.id"), index=True)
    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    issued_on: Mapped[dt.date] = mapped_column(Date)
    # the frozen plan: every text of the draft, each within TEXT_LIMIT
    content: Mapped[dict[str, Any]] = mapped_column(JSON, info={"max_bytes": 1024 * 1024})
    signed_by_client_on: Mapped[dt.date | None] = mapped_column(Date)
    signed_by_caseworker_on: Mapped[dt.date | None] = mapped_column(Date)


# ---------------------------------------------------------------- audit trail


class AuditEvent(Record, Base):
    """Who did what to which client file, when. Holds ids and codes, never personal data."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_client_at", "client_id", "occurred_at"),)

    occurred_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(20))
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(36))
    client_id: Mapped[str | None] = mapped_column(String(36))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, info={"max_bytes": 16_384})


class LocalSetting(Base):
    """Settings of this laptop's store (not synced): its owner, preferences."""

    __tablename__ = "local_settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
