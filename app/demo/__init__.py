"""Generated (never real) demo people and casework as plain rows from a seeded random
generator; the laptop's demo store and the central store's demo both write them."""

from app.demo.clients import BATCH, TREDE_WEIGHTS, FreezePlan, add_client, client_batches
from app.demo.people import generated_bsn, unique_bsn
from app.demo.rows import DemoRows, Row
from app.demo.team import (
    OWNER,
    STAFF,
    TEAM_MUNICIPALITY,
    TEAM_NAME,
    Cast,
    Member,
    add_employers,
    add_member,
    add_staff,
)

__all__ = [
    "BATCH",
    "OWNER",
    "STAFF",
    "TEAM_MUNICIPALITY",
    "TEAM_NAME",
    "TREDE_WEIGHTS",
    "Cast",
    "DemoRows",
    "FreezePlan",
    "Member",
    "Row",
    "add_client",
    "add_employers",
    "add_member",
    "add_staff",
    "client_batches",
    "generated_bsn",
    "unique_bsn",
]
