"""central baseline, part 1: the synced tables shared with the laptops

Central baseline, part 1: the synced tables it shares with the laptops (app.models), as
the laptop's revisions 0001-0006 left them, without the laptop's own bookkeeping

Revision ID: c0100
Revises:
Create Date: 2026-12-08 10:00:00
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

from app.models.base import DecimalText, UTCDateTime

revision = "c0100"
down_revision = None
branch_labels = None
depends_on = None

# The tables in the order they are made (a table after the tables it refers to).
TABLES = (
    "audit_events",
    "clients",
    "employers",
    "teams",
    "caseworkers",
    "placements",
    "plans",
    "case_assignments",
    "job_coaching_hours",
    "journal_entries",
    "ladder_assessments",
    "plan_goals",
    "plan_instruments",
    "plan_versions",
    "wage_value_measurements",
    "wage_value_tasks",
    "subsidy_decisions",
    "placement_absences",
)
# Records corrected by a later record: a partial index finds the correction at once.
CORRECTED = (
    "ladder_assessments",
    "journal_entries",
    "wage_value_measurements",
    "job_coaching_hours",
    "subsidy_decisions",
)


def _id(name: str, nullable: bool = False) -> sa.Column[Any]:
    return sa.Column(name, sa.String(36), nullable=nullable)


def _text(name: str, length: int | None = None, nullable: bool = True) -> sa.Column[Any]:
    kind = sa.Text() if length is None else sa.String(length)
    return sa.Column(name, kind, nullable=nullable)


def _date(name: str, nullable: bool = True) -> sa.Column[Any]:
    return sa.Column(name, sa.Date(), nullable=nullable)


def _decimal(name: str, nullable: bool = True) -> sa.Column[Any]:
    return sa.Column(name, DecimalText(), nullable=nullable)


def _flag(name: str) -> sa.Column[Any]:
    return sa.Column(name, sa.Boolean(), nullable=False)


def _number(name: str, nullable: bool = False) -> sa.Column[Any]:
    return sa.Column(name, sa.Integer(), nullable=nullable)


def _json(name: str) -> sa.Column[Any]:
    return sa.Column(name, sa.JSON(), nullable=False)


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}")
    )


def _synced(table: str, *items: sa.Column[Any] | sa.Constraint) -> None:
    """A synced table: its own columns, then the bookkeeping every synced row carries."""
    op.create_table(
        table,
        *items,
        _id("id"),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        _id("created_by"),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        _id("updated_by"),
        _number("version"),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    )


def _index(table: str, *columns: str, name: str | None = None) -> None:
    op.create_index(name or op.f(f"ix_{table}_{columns[0]}"), table, list(columns))


def _people_and_cases() -> None:
    _synced(
        "audit_events",
        sa.Column("occurred_at", UTCDateTime(), nullable=False),
        _id("actor_id"),
        _text("action", 20, nullable=False),
        _text("entity_type", 40, nullable=False),
        _id("entity_id", nullable=True),
        _id("client_id", nullable=True),
        _json("details"),
    )
    _index("audit_events", "client_id", "occurred_at", name="ix_audit_events_client_at")
    _synced(
        "clients",
        _text("bsn", 9, nullable=False),
        _text("voornamen", 200, nullable=False),
        _text("tussenvoegsel", 40),
        _text("achternaam", 200, nullable=False),
        _date("birth_date", nullable=False),
        _text("street", 200),
        _text("house_number", 20),
        _text("postcode", 7),
        _text("city", 100),
        _text("municipality", 40, nullable=False),
        _text("phone", 20),
        _text("email", 200),
        _text("benefit", 40, nullable=False),
        _date("benefit_start"),
        _text("work_obligation", 40, nullable=False),
        _text("exemption_reason"),
        _date("exemption_end"),
        _json("priority_groups"),
        _json("obstacles"),
        _text("education_level", 40),
        _flag("startkwalificatie"),
        _flag("driving_licence"),
        _json("certificates"),
        _text("work_experience"),
        _text("status", 20, nullable=False),
        _date("intake_date"),
        _date("outflow_date"),
        _text("outflow_reason", 40),
        _flag("outflow_partial"),
        _text("outflow_note"),
    )
    _index("clients", "bsn")
    _synced(
        "employers",
        _text("name", 200, nullable=False),
        _text("kvk_number", 8),
        _text("street", 200),
        _text("house_number", 20),
        _text("postcode", 7),
        _text("city", 100),
        _text("contact_person", 200),
        _text("contact_phone", 20),
        _text("contact_email", 200),
        _text("sector", 100),
    )
    _synced("teams", _text("name", 120, nullable=False), _text("municipality", 40))
    _synced(
        "caseworkers",
        _text("username", 80, nullable=False),
        _text("display_name", 200, nullable=False),
        _text("role", 40, nullable=False),
        _id("team_id", nullable=True),
        _text("email", 200),
        _flag("active"),
        _fk("caseworkers", "team_id", "teams"),
        sa.UniqueConstraint("username", name=op.f("uq_caseworkers_username")),
    )
    _synced(
        "placements",
        _id("client_id"),
        _id("employer_id"),
        _text("placement_type", 40, nullable=False),
        _text("function_title", 200),
        _date("started_on", nullable=False),
        _date("planned_end"),
        _date("ended_on"),
        _decimal("hours_per_week"),
        _decimal("wage_hour"),
        _number("course_months", nullable=True),
        _text("continuation_reason"),
        _text("notes"),
        _decimal("fulltime_hours"),
        _text("learning_part"),
        _fk("placements", "client_id", "clients"),
        _fk("placements", "employer_id", "employers"),
    )
    _index("placements", "client_id")
    _synced(
        "case_assignments",
        _id("client_id"),
        _id("caseworker_id"),
        _date("started_on", nullable=False),
        _date("ended_on"),
        _text("reason"),
        _fk("case_assignments", "caseworker_id", "caseworkers"),
        _fk("case_assignments", "client_id", "clients"),
    )
    _index("case_assignments", "client_id")
    _index("case_assignments", "caseworker_id", "ended_on", name="ix_case_assignments_open")


def _plans() -> None:
    _synced(
        "plans",
        _id("client_id"),
        _text("title", 200, nullable=False),
        _text("status", 20, nullable=False),
        _text("situation"),
        _text("support_offered"),
        _text("obligations"),
        _text("consequences"),
        _date("valid_from"),
        _date("valid_until"),
        _fk("plans", "client_id", "clients"),
    )
    _index("plans", "client_id")
    _synced(
        "plan_goals",
        _id("plan_id"),
        _number("position"),
        _text("description", nullable=False),
        _date("target_date"),
        _date("achieved_on"),
        _fk("plan_goals", "plan_id", "plans"),
    )
    _index("plan_goals", "plan_id")
    _synced(
        "plan_instruments",
        _id("plan_id"),
        _number("position"),
        _text("instrument", 80, nullable=False),
        _text("description"),
        _date("starts_on"),
        _date("ends_on"),
        _fk("plan_instruments", "plan_id", "plans"),
    )
    _index("plan_instruments", "plan_id")
    _synced(
        "plan_versions",
        _id("plan_id"),
        _id("client_id"),
        _number("number"),
        _date("issued_on", nullable=False),
        _json("content"),
        _date("signed_by_client_on"),
        _date("signed_by_caseworker_on"),
        _fk("plan_versions", "client_id", "clients"),
        _fk("plan_versions", "plan_id", "plans"),
    )
    _index("plan_versions", "client_id")
    _index("plan_versions", "plan_id")


def _records() -> None:
    _synced(
        "job_coaching_hours",
        _id("client_id"),
        _id("placement_id", nullable=True),
        _id("coach_id"),
        _date("worked_on", nullable=False),
        _number("minutes"),
        _text("activity", 40, nullable=False),
        _text("note"),
        _id("corrects_id", nullable=True),
        _fk("job_coaching_hours", "client_id", "clients"),
        _fk("job_coaching_hours", "coach_id", "caseworkers"),
        _fk("job_coaching_hours", "corrects_id", "job_coaching_hours"),
        _fk("job_coaching_hours", "placement_id", "placements"),
    )
    _index("job_coaching_hours", "client_id")
    _synced(
        "journal_entries",
        _id("client_id"),
        _date("occurred_on", nullable=False),
        _text("kind", 40, nullable=False),
        _text("subject", 200, nullable=False),
        _text("body", nullable=False),
        _id("author_id"),
        _id("corrects_id", nullable=True),
        _fk("journal_entries", "author_id", "caseworkers"),
        _fk("journal_entries", "client_id", "clients"),
        _fk("journal_entries", "corrects_id", "journal_entries"),
    )
    _index("journal_entries", "client_id")
    _synced(
        "ladder_assessments",
        _id("client_id"),
        _date("assessed_on", nullable=False),
        _id("assessor_id"),
        _flag("paid_work"),
        _flag("paid_work_supported"),
        _flag("unpaid_work"),
        _flag("unpaid_work_weekly"),
        _flag("organised_activity"),
        _flag("organised_activity_weekly"),
        _flag("social_contacts_weekly"),
        _number("derived_trede"),
        _number("final_trede"),
        _text("override_reason"),
        _number("expected_trede", nullable=True),
        _date("expected_by"),
        _date("review_on", nullable=False),
        _text("notes"),
        _id("corrects_id", nullable=True),
        _fk("ladder_assessments", "assessor_id", "caseworkers"),
        _fk("ladder_assessments", "client_id", "clients"),
        _fk("ladder_assessments", "corrects_id", "ladder_assessments"),
    )
    _index("ladder_assessments", "client_id")
    _index(
        "ladder_assessments",
        *("client_id", "assessed_on", "created_at", "final_trede", "review_on"),
        *("deleted_at", "id"),
        name="ix_ladder_assessments_latest",
    )


def _wage_value() -> None:
    measurements = "wage_value_measurements"
    _synced(
        measurements,
        _id("client_id"),
        _id("placement_id", nullable=True),
        _text("method", 40, nullable=False),
        _date("report_date", nullable=False),
        _date("visit_date", nullable=False),
        _text("expert_name", 200, nullable=False),
        _id("expert_id", nullable=True),
        _id("employer_id", nullable=True),
        _text("employer_contact", 200),
        _text("norm_function", 200, nullable=False),
        _text("performed_function", 200, nullable=False),
        _decimal("contract_hours", nullable=False),
        _decimal("fulltime_hours", nullable=False),
        _decimal("loonwaarde_pct", nullable=False),
        _text("explanation"),
        _decimal("jobcoach_hours_per_month"),
        _date("next_measurement_on"),
        _id("corrects_id", nullable=True),
        _decimal("workdays_per_week"),
        _fk(measurements, "client_id", "clients"),
        _fk(measurements, "corrects_id", measurements),
        _fk(measurements, "employer_id", "employers"),
        _fk(measurements, "expert_id", "caseworkers"),
        _fk(measurements, "placement_id", "placements"),
    )
    _index(measurements, "client_id")
    _synced(
        "wage_value_tasks",
        _id("measurement_id"),
        _number("position"),
        _text("name", 200, nullable=False),
        _decimal("share_pct", nullable=False),
        _decimal("tempo_pct", nullable=False),
        _decimal("quality_pct", nullable=False),
        _decimal("net_worktime_pct", nullable=False),
        _decimal("result_pct", nullable=False),
        _text("explanation"),
        _fk("wage_value_tasks", "measurement_id", measurements),
    )
    _index("wage_value_tasks", "measurement_id")
    _synced(
        "subsidy_decisions",
        _id("client_id"),
        _id("placement_id"),
        _text("basis", 40, nullable=False),
        _id("measurement_id", nullable=True),
        _text("target_group_basis", 40, nullable=False),
        _text("target_group_note"),
        _date("starts_on", nullable=False),
        _date("ends_on", nullable=False),
        _date("decided_on", nullable=False),
        _text("reference", 80),
        _id("corrects_id", nullable=True),
        _fk("subsidy_decisions", "client_id", "clients"),
        _fk("subsidy_decisions", "placement_id", "placements"),
        _fk("subsidy_decisions", "measurement_id", measurements),
        _fk("subsidy_decisions", "corrects_id", "subsidy_decisions"),
    )
    _index("subsidy_decisions", "client_id")
    _index("subsidy_decisions", "placement_id")
    _synced(
        "placement_absences",
        _id("client_id"),
        _id("placement_id"),
        _date("starts_on", nullable=False),
        _date("ends_on"),
        _text("reason", 40, nullable=False),
        _fk("placement_absences", "client_id", "clients"),
        _fk("placement_absences", "placement_id", "placements"),
    )
    _index("placement_absences", "client_id")
    _index("placement_absences", "placement_id")


def upgrade() -> None:
    _people_and_cases()
    _plans()
    _records()
    _wage_value()
    only_corrections = sa.text("corrects_id IS NOT NULL")
    for table in CORRECTED:
        op.create_index(
            f"ix_{table}_corrects_id",
            table,
            ["corrects_id"],
            sqlite_where=only_corrections,
            postgresql_where=only_corrections,
        )


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_table(table)
