"""The central store's own tables (beside the shared app.models tables): accounts, devices,
the sequence counter, the row feed with its digests, applied change ids and conflicts."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from app.models.base import NAMING_CONVENTION, Base, UTCDateTime

# Its own MetaData, so the laptop's schema never carries central tables; foreign keys to the
# shared tables go through the shared metadata's table objects.
metadata = MetaData(naming_convention=NAMING_CONVENTION)
_caseworkers = Base.metadata.tables["caseworkers"]

accounts = Table(
    "central_accounts",
    metadata,
    Column("caseworker_id", String(36), ForeignKey(_caseworkers.c.id), primary_key=True),
    Column("password_hash", Text, nullable=False),
    Column("is_admin", Boolean, nullable=False, default=False),
    Column("revoked_at", UTCDateTime),
)

devices = Table(
    "central_devices",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("caseworker_id", String(36), ForeignKey(_caseworkers.c.id), nullable=False),
    Column("name", String(200), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("last_seen_at", UTCDateTime),
    Column("revoked_at", UTCDateTime),
    # a token is refused after this moment; every authenticated request moves it on
    Column("expires_at", UTCDateTime),
)

# One row (id 1): the last sequence number given out. Writers take its row lock first, so
# sequence numbers become visible in the order they were given (no pull skips one).
counter = Table(
    "central_counter",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("value", BigInteger, nullable=False),
)

# The feed: one entry per synced row at its latest sequence number.
rows = Table(
    "central_rows",
    metadata,
    Column("entity", String(40), primary_key=True),
    Column("row_id", String(36), primary_key=True),
    Column("seq", BigInteger, nullable=False, unique=True),
    Column("scope_key", String(36), nullable=False),
    Column("hash", String(32), nullable=False),
    # per field: [caseworker id, ISO time] of its last change (shown in conflicts)
    Column("stamps", JSON, nullable=False, default=dict),
)
Index("ix_central_rows_scope_seq", rows.c.scope_key, rows.c.seq)

digests = Table(
    "central_digests",
    metadata,
    Column("scope_key", String(36), primary_key=True),
    Column("digest", String(32), nullable=False),
)

# The result of every change an account has sent, so a resent change gets the same answer;
# change ids are the sender's own (one account cannot read or block another's).
results = Table(
    "central_results",
    metadata,
    Column("caseworker_id", String(36), primary_key=True),
    Column("change_id", String(36), primary_key=True),
    Column("device_id", String(36), nullable=False),
    Column("received_at", UTCDateTime, nullable=False),
    Column("result", JSON, nullable=False),
)

conflicts = Table(
    "central_conflicts",
    metadata,
    Column("id", String(36), primary_key=True),
    # field: the same field changed on two laptops; deleted: an edit of a deleted row;
    # scope: a change for a client outside the sender's caseload (e.g. after a transfer);
    # refused: a change the store cannot accept as it is; duplicate: a second "the" row of a
    # client (an open assignment, a live plan, a plan version number, a BSN)
    Column("kind", String(20), nullable=False),
    Column("entity", String(40), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("client_id", String(36), index=True),
    Column("field", String(80)),
    Column("base", JSON),
    Column("mine", JSON),
    Column("theirs", JSON),
    Column("mine_by", String(36), nullable=False),
    Column("mine_at", UTCDateTime, nullable=False),
    Column("mine_device", String(36), nullable=False),
    Column("theirs_by", String(36)),
    Column("theirs_at", UTCDateTime),
    # the parked changes (one local transaction and what joined it later), in order
    Column("change", JSON),
    Column("message", Text),
    # who sees it besides its author: "scope" (whoever has the client), "leads" (the team
    # leads who have the client), "author" (nobody else)
    Column("audience", String(10), nullable=False, default="scope", server_default="scope"),
    Column("size", Integer, nullable=False, default=0, server_default="0"),
    Column("status", String(20), nullable=False, default="open"),
    Column("created_at", UTCDateTime, nullable=False),
    Column("resolved_by", String(36)),
    Column("resolved_at", UTCDateTime),
    Column("resolution", String(20)),
)
Index("ix_central_conflicts_open", conflicts.c.status, conflicts.c.entity, conflicts.c.row_id)
Index("ix_central_conflicts_mine_by", conflicts.c.mine_by, conflicts.c.status)

# The rows a parked change would have created: a later change that refers to one of them
# joins that conflict instead of failing on its own.
parked = Table(
    "central_parked",
    metadata,
    Column("entity", String(40), primary_key=True),
    Column("row_id", String(36), primary_key=True),
    Column("conflict_id", String(36), nullable=False, index=True),
)

# Failed logins per account and per address, for the back-off.
login_failures = Table(
    "central_login_failures",
    metadata,
    Column("key", String(120), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("last_at", UTCDateTime, nullable=False),
    Column("locked_until", UTCDateTime),
)

# Every login, failed or not (the security trail of the accounts).
auth_events = Table(
    "central_auth_events",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("occurred_at", UTCDateTime, nullable=False, index=True),
    Column("username", String(80), nullable=False),
    Column("address", String(64), nullable=False),
    Column("outcome", String(20), nullable=False),
    Column("caseworker_id", String(36)),
    Column("device_id", String(36)),
)
