"""subsidy decisions: the beschikking loonkostensubsidie of a placement (basis, period,
target-group check, decision date), a record with corrections

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 19:00:00
"""

import sqlalchemy as sa
from alembic import op

import app.models.base

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "subsidy_decisions",
        sa.Column("client_id", sa.String(length=36), nullable=False),
        sa.Column("placement_id", sa.String(length=36), nullable=False),
        sa.Column("basis", sa.String(length=40), nullable=False),
        sa.Column("measurement_id", sa.String(length=36), nullable=True),
        sa.Column("target_group_basis", sa.String(length=40), nullable=False),
        sa.Column("target_group_note", sa.Text(), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("reference", sa.String(length=80), nullable=True),
        sa.Column("corrects_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=False),
        sa.Column("updated_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", app.models.base.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_subsidy_decisions_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["placement_id"],
            ["placements.id"],
            name=op.f("fk_subsidy_decisions_placement_id_placements"),
        ),
        sa.ForeignKeyConstraint(
            ["measurement_id"],
            ["wage_value_measurements.id"],
            name=op.f("fk_subsidy_decisions_measurement_id_wage_value_measurements"),
        ),
        sa.ForeignKeyConstraint(
            ["corrects_id"],
            ["subsidy_decisions.id"],
            name=op.f("fk_subsidy_decisions_corrects_id_subsidy_decisions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subsidy_decisions")),
    )
    op.create_index("ix_subsidy_decisions_client_id", "subsidy_decisions", ["client_id"])
    op.create_index("ix_subsidy_decisions_placement_id", "subsidy_decisions", ["placement_id"])
    only_corrections = sa.text("corrects_id IS NOT NULL")
    op.create_index(
        "ix_subsidy_decisions_corrects_id",
        "subsidy_decisions",
        ["corrects_id"],
        sqlite_where=only_corrections,
        postgresql_where=only_corrections,
    )


def downgrade() -> None:
    op.drop_table("subsidy_decisions")
