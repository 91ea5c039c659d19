"""Queries shared by every kind of record: which records count (a correction replaces the
record it corrects) and each client's newest one."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Subquery, func, select


def latest_per_client(model: Any, date_column: Any, *extra: Any) -> Subquery:
    """Each client's records that count (not replaced by a correction), newest ranked 1."""
    corrected = (
        select(model.corrects_id)
        .where(model.corrects_id.is_not(None), model.deleted_at.is_(None))
        .scalar_subquery()
    )
    ranked = select(
        model.client_id,
        *extra,
        func.row_number()
        .over(
            partition_by=model.client_id,
            order_by=(date_column.desc(), model.created_at.desc()),
        )
        .label("rank"),
    ).where(model.deleted_at.is_(None), model.id.not_in(corrected))
    return ranked.subquery()
