"""central tables: accounts, devices, counter, row feed, digests, changes, conflicts

Revision ID: c0001
Revises:
Create Date: 2026-11-23 10:30:00
"""

import sqlalchemy as sa
from alembic import op

import app.models.base

revision = "c0001"
down_revision = None
branch_labels = ("central",)
depends_on = "0003"


def upgrade() -> None:
    utc = app.models.base.UTCDateTime
    op.create_table(
        "central_accounts",
        sa.Column("caseworker_id", sa.String(36), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("is_admin", sa.Boolean(), nullable=False),
        sa.Column("revoked_at", utc(), nullable=True),
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
        sa.Column("created_at", utc(), nullable=False),
        sa.Column("last_seen_at", utc(), nullable=True),
        sa.Column("revoked_at", utc(), nullable=True),
        sa.ForeignKeyConstraint(
            ["caseworker_id"],
            ["caseworkers.id"],
            name=op.f("fk_central_devices_caseworker_id_caseworkers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_central_devices")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_central_devices_token_hash")),
    )
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
        "central_changes",
        sa.Column("change_id", sa.String(36), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("received_at", utc(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("change_id", name=op.f("pk_central_changes")),
    )
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
        sa.Column("mine_at", utc(), nullable=False),
        sa.Column("mine_device", sa.String(36), nullable=False),
        sa.Column("theirs_by", sa.String(36), nullable=True),
        sa.Column("theirs_at", utc(), nullable=True),
        sa.Column("change", sa.JSON(), nullable=True),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("created_at", utc(), nullable=False),
        sa.Column("resolved_by", sa.String(36), nullable=True),
        sa.Column("resolved_at", utc(), nullable=True),
        sa.Column("resolution", sa.String(20), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_central_conflicts")),
    )
    op.create_index(op.f("ix_central_conflicts_client_id"), "central_conflicts", ["client_id"])
    op.create_index(
        "ix_central_conflicts_open", "central_conflicts", ["status", "entity", "row_id"]
    )


def downgrade() -> None:
    for table in (
        "central_conflicts",
        "central_changes",
        "central_digests",
        "central_rows",
        "central_counter",
        "central_devices",
        "central_accounts",
    ):
        op.drop_table(table)
