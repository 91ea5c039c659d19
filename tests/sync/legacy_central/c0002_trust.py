"""central trust: expiring tokens, results per account, parked rows, conflict audience and
size, login back-off and the login trail

Revision ID: c0002
Revises: c0001
Create Date: 2026-12-01 16:00:00
"""

import sqlalchemy as sa
from alembic import op

import app.models.base

revision = "c0002"
down_revision = "c0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    utc = app.models.base.UTCDateTime
    with op.batch_alter_table("central_devices") as batch:
        batch.add_column(sa.Column("expires_at", utc(), nullable=True))
    with op.batch_alter_table("central_conflicts") as batch:
        batch.add_column(
            sa.Column("audience", sa.String(10), nullable=False, server_default="scope")
        )
        batch.add_column(sa.Column("size", sa.Integer(), nullable=False, server_default="0"))
    # Results were keyed by change id alone: one account could read another's. Old results
    # are not carried over: a resent change is merged again, which changes nothing.
    op.drop_table("central_changes")
    op.create_table(
        "central_results",
        sa.Column("caseworker_id", sa.String(36), nullable=False),
        sa.Column("change_id", sa.String(36), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("received_at", utc(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("caseworker_id", "change_id", name=op.f("pk_central_results")),
    )
    op.create_table(
        "central_parked",
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("row_id", sa.String(36), nullable=False),
        sa.Column("conflict_id", sa.String(36), nullable=False),
        sa.PrimaryKeyConstraint("entity", "row_id", name=op.f("pk_central_parked")),
    )
    op.create_index(op.f("ix_central_parked_conflict_id"), "central_parked", ["conflict_id"])
    op.create_table(
        "central_login_failures",
        sa.Column("key", sa.String(120), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_at", utc(), nullable=False),
        sa.Column("locked_until", utc(), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_central_login_failures")),
    )
    op.create_table(
        "central_auth_events",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("occurred_at", utc(), nullable=False),
        sa.Column("username", sa.String(80), nullable=False),
        sa.Column("address", sa.String(64), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("caseworker_id", sa.String(36), nullable=True),
        sa.Column("device_id", sa.String(36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_central_auth_events")),
    )
    op.create_index(
        op.f("ix_central_auth_events_occurred_at"), "central_auth_events", ["occurred_at"]
    )
    op.create_index("ix_central_conflicts_mine_by", "central_conflicts", ["mine_by", "status"])


def downgrade() -> None:
    op.drop_index("ix_central_conflicts_mine_by", "central_conflicts")
    for table in (
        "central_auth_events",
        "central_login_failures",
        "central_parked",
        "central_results",
    ):
        op.drop_table(table)
    op.create_table(
        "central_changes",
        sa.Column("change_id", sa.String(36), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("received_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("change_id", name=op.f("pk_central_changes")),
    )
    with op.batch_alter_table("central_conflicts") as batch:
        batch.drop_column("size")
        batch.drop_column("audience")
    with op.batch_alter_table("central_devices") as batch:
        batch.drop_column("expires_at")
