"""central baseline, part 2: the central store's own tables

Central baseline, part 2: the central store's own tables (central/tables.py) as the old
revisions c0001-c0002 left them: accounts, devices, counter, row feed, digests, results,
conflicts, parked rows, login back-off and the login trail

Revision ID: c0101
Revises: c0100
Create Date: 2026-12-08 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.models.base import UTCDateTime

revision = "c0101"
down_revision = "c0100"
branch_labels = None
depends_on = None

TABLES = (
    "central_accounts",
    "central_devices",
    "central_counter",
    "central_rows",
    "central_digests",
    "central_results",
    "central_conflicts",
    "central_parked",
    "central_login_failures",
    "central_auth_events",
)


def _accounts() -> None:
    op.create_table(
        "central_accounts",
        sa.Column("caseworker_id", sa.String(36), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("is_admin", sa.Boolean(), nullable=False),
        sa.Column("revoked_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["caseworker_id"],
            ["caseworkers.id"],
            name=op.f("fk_central_accounts_caseworker_id_caseworkers"),
        ),
        sa.PrimaryKeyConstraint("caseworker_id", name=op.f("pk_central_accounts")),
    )
    op.create_table(
        "central_devices",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("caseworker_id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("last_seen_at", UTCDateTime(), nullable=True),
        sa.Column("revoked_at", UTCDateTime(), nullable=True),
        sa.Column("expires_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["caseworker_id"],
            ["caseworkers.id"],
            name=op.f("fk_central_devices_caseworker_id_caseworkers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_central_devices")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_central_devices_token_hash")),
    )
    op.create_table(
        "central_login_failures",
        sa.Column("key", sa.String(120), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_at", UTCDateTime(), nullable=False),
        sa.Column("locked_until", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_central_login_failures")),
    )
    op.create_table(
        "central_auth_events",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("occurred_at", UTCDateTime(), nullable=False),
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


def _feed() -> None:
    op.create_table(
        "central_counter",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_central_counter")),
    )
    op.execute("INSERT INTO central_counter (id, value) VALUES (1, 0)")
    op.create_table(
        "central_rows",
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("row_id", sa.String(36), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("scope_key", sa.String(36), nullable=False),
        sa.Column("hash", sa.String(32), nullable=False),
        sa.Column("stamps", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "row_id", name=op.f("pk_central_rows")),
        sa.UniqueConstraint("seq", name=op.f("uq_central_rows_seq")),
    )
    op.create_index("ix_central_rows_scope_seq", "central_rows", ["scope_key", "seq"])
    op.create_table(
        "central_digests",
        sa.Column("scope_key", sa.String(36), nullable=False),
        sa.Column("digest", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("scope_key", name=op.f("pk_central_digests")),
    )
    op.create_table(
        "central_results",
        sa.Column("caseworker_id", sa.String(36), nullable=False),
        sa.Column("change_id", sa.String(36), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("caseworker_id", "change_id", name=op.f("pk_central_results")),
    )


def _conflicts() -> None:
    op.create_table(
        "central_conflicts",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("row_id", sa.String(36), nullable=False),
        sa.Column("client_id", sa.String(36), nullable=True),
        sa.Column("field", sa.String(80), nullable=True),
        sa.Column("base", sa.JSON(), nullable=True),
        sa.Column("mine", sa.JSON(), nullable=True),
        sa.Column("theirs", sa.JSON(), nullable=True),
        sa.Column("mine_by", sa.String(36), nullable=False),
        sa.Column("mine_at", UTCDateTime(), nullable=False),
        sa.Column("mine_device", sa.String(36), nullable=False),
        sa.Column("theirs_by", sa.String(36), nullable=True),
        sa.Column("theirs_at", UTCDateTime(), nullable=True),
        sa.Column("change", sa.JSON(), nullable=True),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("resolved_by", sa.String(36), nullable=True),
        sa.Column("resolved_at", UTCDateTime(), nullable=True),
        sa.Column("resolution", sa.String(20), nullable=True),
        sa.Column("audience", sa.String(10), nullable=False, server_default="scope"),
        sa.Column("size", sa.Integer(), nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_central_conflicts")),
    )
    op.create_index(op.f("ix_central_conflicts_client_id"), "central_conflicts", ["client_id"])
    op.create_index(
        "ix_central_conflicts_open", "central_conflicts", ["status", "entity", "row_id"]
    )
    op.create_index("ix_central_conflicts_mine_by", "central_conflicts", ["mine_by", "status"])
    op.create_table(
        "central_parked",
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("row_id", sa.String(36), nullable=False),
        sa.Column("conflict_id", sa.String(36), nullable=False),
        sa.PrimaryKeyConstraint("entity", "row_id", name=op.f("pk_central_parked")),
    )
    op.create_index(op.f("ix_central_parked_conflict_id"), "central_parked", ["conflict_id"])


def upgrade() -> None:
    _accounts()
    _feed()
    _conflicts()


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_table(table)
