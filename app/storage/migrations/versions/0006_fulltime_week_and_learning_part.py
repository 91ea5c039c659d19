"""placements: the employer's full-time week (the WML per hour before 2024) and the learning
part of a learning-working place; measurements: workdays per week (the ULM's 30 minutes a
day)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 22:00:00
"""

import sqlalchemy as sa
from alembic import op

import app.models.base

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("placements") as batch:
        batch.add_column(sa.Column("fulltime_hours", app.models.base.DecimalText(), nullable=True))
        batch.add_column(sa.Column("learning_part", sa.Text(), nullable=True))
    with op.batch_alter_table("wage_value_measurements") as batch:
        batch.add_column(
            sa.Column("workdays_per_week", app.models.base.DecimalText(), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("wage_value_measurements") as batch:
        batch.drop_column("workdays_per_week")
    with op.batch_alter_table("placements") as batch:
        batch.drop_column("learning_part")
        batch.drop_column("fulltime_hours")
