"""What falls due for a client besides the ladder review, the remeasurement and the plan's
end: an issued plan (art. 44a), the end of an exemption, what its placements need, and where
the file contradicts the ladder. Read in a few queries for a whole caseload."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from app.domain.dates import add_months
from app.domain.rules import rules
from app.domain.vocab import PlacementType, WorkObligation
from app.models import JobCoachingHours, Placement, SubsidyDecision
from app.services.caseload_rows import DueAction
from app.services.placement_view import placement_due_actions

PLAN_MISSING = "Plan van aanpak opstellen (art. 44a)"
EXEMPTION_END = "Einde ontheffing arbeidsverplichtingen"
EXEMPTION_WITHOUT_END = "Einddatum ontheffing vastleggen"
SUPPORTED_ON_TREDE_6 = "Trede 6 met ondersteuning: ladder herzien"
TREDE_5_UNSUPPORTED = "Trede 5 zonder ondersteuning: vastleggen of ladder herzien"
# Dutch; the GUI translates them
DUE_LABELS = (
    PLAN_MISSING,
    EXEMPTION_END,
    EXEMPTION_WITHOUT_END,
    SUPPORTED_ON_TREDE_6,
    TREDE_5_UNSUPPORTED,
)
# Work with support of its own, whatever the decisions say (trede 5 of the ladder).
SUPPORTED_KINDS = frozenset(
    {
        PlacementType.GARANTIEBAAN.value,
        PlacementType.BESCHUT_WERK.value,
        PlacementType.SOCIAL_FIRM_SECONDMENT.value,
    }
)
ClientIds = Collection[str] | Select[Any]


@dataclass(frozen=True)
class FileFacts:
    """What the caseload row of a client already knows, for its due actions."""

    client_id: str
    trede: int | None
    work_obligation: str
    exemption_end: dt.date | None
    intake_date: dt.date | None
    has_issued_plan: bool


def plan_due_on(intake_date: dt.date | None, today: dt.date) -> dt.date:
    """When a first plan van aanpak is due: within `plan_due_weeks_after_intake` of the
    intake (the law sets no term; today when the intake date is unknown)."""
    if intake_date is None:
        return today
    first = rules().starts("plan_due_weeks_after_intake")[0]
    weeks = rules().int_value("plan_due_weeks_after_intake", max(intake_date, first))
    return intake_date + dt.timedelta(weeks=weeks)


def _in(column: object, client_ids: ClientIds) -> object:
    ids = client_ids if isinstance(client_ids, Select) else list(client_ids)
    return column.in_(ids)  # type: ignore[attr-defined]


def supported_clients(session: Session, client_ids: ClientIds, today: dt.date) -> set[str]:
    """The clients with support recorded now: a subsidy decision that covers today, recent
    job coaching, or a running placement that is supported work by its kind."""
    recent = add_months(today, -rules().int_value("support_recent_months", today))
    decided = select(SubsidyDecision.client_id).where(
        _in(SubsidyDecision.client_id, client_ids),  # type: ignore[arg-type]
        SubsidyDecision.deleted_at.is_(None),
        SubsidyDecision.starts_on <= today,
        SubsidyDecision.ends_on >= today,
    )
    coached = select(JobCoachingHours.client_id).where(
        _in(JobCoachingHours.client_id, client_ids),  # type: ignore[arg-type]
        JobCoachingHours.deleted_at.is_(None),
        JobCoachingHours.worked_on >= recent,
    )
    supported_work = select(Placement.client_id).where(
        _in(Placement.client_id, client_ids),  # type: ignore[arg-type]
        Placement.deleted_at.is_(None),
        Placement.placement_type.in_(SUPPORTED_KINDS),
        Placement.started_on <= today,
        or_(Placement.ended_on.is_(None), Placement.ended_on >= today),
    )
    found = session.execute(decided.union(coached, supported_work)).scalars()
    return set(found)


def file_due_actions(facts: FileFacts, supported: bool, today: dt.date) -> list[DueAction]:
    """The due actions that follow from the file itself (no placements)."""
    actions = []
    if not facts.has_issued_plan:
        actions.append(DueAction(PLAN_MISSING, plan_due_on(facts.intake_date, today)))
    if facts.work_obligation != WorkObligation.IMPOSED.value:
        if facts.exemption_end is not None:
            actions.append(DueAction(EXEMPTION_END, facts.exemption_end))
        else:
            actions.append(DueAction(EXEMPTION_WITHOUT_END, facts.intake_date or today))
    if facts.trede == 6 and supported:
        actions.append(DueAction(SUPPORTED_ON_TREDE_6, today))
    if facts.trede == 5 and not supported:
        actions.append(DueAction(TREDE_5_UNSUPPORTED, today))
    return actions


def due_actions_of(
    session: Session, files: Collection[FileFacts], client_ids: ClientIds, today: dt.date
) -> dict[str, list[DueAction]]:
    """Per client of `files` (`client_ids`: the same clients, as ids or a query), every due
    action besides the caseload's own three, earliest first."""
    supported = supported_clients(session, client_ids, today)
    from_placements = placement_due_actions(session, client_ids, today)
    actions: dict[str, list[DueAction]] = {}
    for facts in files:
        found = file_due_actions(facts, facts.client_id in supported, today)
        found.extend(from_placements.get(facts.client_id, ()))
        if found:
            actions[facts.client_id] = sorted(set(found), key=lambda a: (a.due_on, a.label))
    return actions
