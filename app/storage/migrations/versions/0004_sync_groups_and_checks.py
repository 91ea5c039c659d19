"""sync: the local transaction of each outbox change, and the rows to check at the next
sync (filled by triggers the sync client installs)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 16:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_outbox") as batch:
        batch.add_column(sa.Column("txn", sa.String(length=36), nullable=True))
    op.create_table(
        "sync_dirty",
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("entity", "row_id", name=op.f("pk_sync_dirty")),
    )


def downgrade() -> None:
    op.drop_table("sync_dirty")
    with op.batch_alter_table("sync_outbox") as batch:
        batch.drop_column("txn")
