"""placements: the employer's full-time week (the WML per hour before 2024) and the learning
part of a learning-working place; measurements: workdays per week (the ULM's 30 minutes a
day); absences of a placement (the job-coaching ceiling)

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
    op.create_table(
        "placement_absences",
        sa.Column("client_id", sa.String(length=36), nullable=False),
        sa.Column("placement_id", sa.String(length=36), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=False),
        sa.Column("updated_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", app.models.base.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_placement_absences_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["placement_id"],
            ["placements.id"],
            name=op.f("fk_placement_absences_placement_id_placements"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_placement_absences")),
    )
    op.create_index("ix_placement_absences_client_id", "placement_absences", ["client_id"])
    op.create_index("ix_placement_absences_placement_id", "placement_absences", ["placement_id"])


def downgrade() -> None:
    op.drop_table("placement_absences")
    with op.batch_alter_table("wage_value_measurements") as batch:
        batch.drop_column("workdays_per_week")
    with op.batch_alter_table("placements") as batch:
        batch.drop_column("learning_part")
        batch.drop_column("fulltime_hours")
