"""indexes: find a record's correction at once; the newest ladder assessment per client

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 01:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

CORRECTED_TABLES = (
    "ladder_assessments",
    "journal_entries",
    "wage_value_measurements",
    "job_coaching_hours",
)


def upgrade() -> None:
    only_corrections = sa.text("corrects_id IS NOT NULL")
    for table in CORRECTED_TABLES:
        op.create_index(
            f"ix_{table}_corrects_id",
            table,
            ["corrects_id"],
            unique=False,
            sqlite_where=only_corrections,
            postgresql_where=only_corrections,
        )
    op.create_index(
        "ix_ladder_assessments_latest",
        "ladder_assessments",
        ["client_id", "assessed_on", "created_at", "final_trede", "review_on", "deleted_at", "id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_ladder_assessments_latest", table_name="ladder_assessments")
    for table in reversed(CORRECTED_TABLES):
        op.drop_index(f"ix_{table}_corrects_id", table_name=table)
