"""no laptop tables: drop those the old setup made

Drop the laptop's own tables from a central database made by the old setup (the laptop's
revisions 0001-0006 beside c0001-c0002): settings, outbox, received rows, digests, dirty rows
and conflicts of one laptop, which the central store never used; a fresh database has none

Revision ID: c0102
Revises: c0101
Create Date: 2026-12-08 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0102"
down_revision = "c0101"
branch_labels = None
depends_on = None

# As the laptop's revisions named them; frozen here (app.models may change).
LAPTOP_TABLES = (
    "local_settings",
    "sync_outbox",
    "sync_rows",
    "sync_digests",
    "sync_dirty",
    "sync_conflicts",
)


def upgrade() -> None:
    present = set(sa.inspect(op.get_bind()).get_table_names())
    for table in LAPTOP_TABLES:
        if table in present:
            op.drop_table(table)


def downgrade() -> None:
    """Nothing to put back: the central store never used these tables."""
