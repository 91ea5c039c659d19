"""sync bookkeeping of the laptop: outbox, received rows, scope digests, open conflicts

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 10:00:00
"""

import sqlalchemy as sa
from alembic import op

import app.models.base

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_outbox",
        sa.Column("position", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("change_id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("client_id", sa.String(length=36), nullable=True),
        sa.Column("op", sa.String(length=10), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=True),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("base", sa.JSON(), nullable=False),
        sa.Column("resolves", sa.String(length=36), nullable=True),
        sa.Column("resolution", sa.String(length=20), nullable=True),
        sa.Column("made_at", app.models.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("position", name=op.f("pk_sync_outbox")),
        sa.UniqueConstraint("change_id", name=op.f("uq_sync_outbox_change_id")),
    )
    op.create_index("ix_sync_outbox_row", "sync_outbox", ["entity", "row_id"])
    op.create_index(op.f("ix_sync_outbox_client_id"), "sync_outbox", ["client_id"])
    op.create_table(
        "sync_rows",
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("scope_key", sa.String(length=36), nullable=False),
        sa.Column("hash", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("entity", "row_id", name=op.f("pk_sync_rows")),
    )
    op.create_index(op.f("ix_sync_rows_scope_key"), "sync_rows", ["scope_key"])
    op.create_table(
        "sync_digests",
        sa.Column("scope_key", sa.String(length=36), nullable=False),
        sa.Column("digest", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("scope_key", name=op.f("pk_sync_digests")),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("client_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    op.create_index(op.f("ix_sync_conflicts_client_id"), "sync_conflicts", ["client_id"])


def downgrade() -> None:
    op.drop_table("sync_conflicts")
    op.drop_table("sync_digests")
    op.drop_index(op.f("ix_sync_rows_scope_key"), table_name="sync_rows")
    op.drop_table("sync_rows")
    op.drop_index(op.f("ix_sync_outbox_client_id"), table_name="sync_outbox")
    op.drop_index("ix_sync_outbox_row", table_name="sync_outbox")
    op.drop_table("sync_outbox")
