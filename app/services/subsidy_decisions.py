"""Decisions (beschikkingen) on loonkostensubsidie, per placement: basis, period, the art. 10d
target-group check and the decision date. A subsidy is payable only on a decision, for its
period. Records: a correction is a new decision that replaces the old one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import validation as v
from app.domain.dates import period_end
from app.domain.formatting import format_date
from app.domain.placements import SUBSIDISED_TYPES, forfait_ends_on
from app.domain.rules import rules
from app.domain.vocab import PlacementType, SubsidyBasis, TargetGroupBasis
from app.models import Placement, SubsidyDecision, WageValueMeasurement
from app.services.access import placement_of_client, require_client
from app.services.context import Actor
from app.services.errors import ValidationFailed
from app.services.records import (
    CorrectableRow,
    RecordKind,
    corrections_of,
    record_to_correct,
    save_record,
)

NOTE_MIN = 10
NOTE_MAX = 2000
REFERENCE_MAX = 80
DECIDED_BACK_YEARS = 12  # a decision recorded later still has its own (old) date


@dataclass(frozen=True)
class DecisionForm:
    """A decision as typed (dates dd-mm-jjjj)."""

    placement_id: str = ""
    basis: str = SubsidyBasis.FORFAIT.value
    measurement_id: str = ""
    target_group_basis: str = TargetGroupBasis.DOELGROEPREGISTER.value
    target_group_note: str = ""
    starts_on: str = ""
    ends_on: str = ""
    decided_on: str = ""
    reference: str = ""


DECISION = RecordKind(
    SubsidyDecision,
    "subsidy_decision",
    SubsidyDecision.created_by,
    "Deze beschikking bestaat niet.",
)


def measurement_valid_until(report_date: dt.date, next_measurement_on: dt.date | None) -> dt.date:
    """The last day a measurement can drive the subsidy: the day before the next measurement
    (the validity of RULES.md after the report when none was set)."""
    if next_measurement_on is not None:
        return next_measurement_on - dt.timedelta(days=1)
    return period_end(report_date, rules().int_value("loonwaarde_validity_months", report_date))


def _live_decisions(session: Session, placement_id: str) -> list[SubsidyDecision]:
    found = session.scalars(
        select(SubsidyDecision).where(
            SubsidyDecision.placement_id == placement_id, SubsidyDecision.deleted_at.is_(None)
        )
    ).all()
    replaced = set(corrections_of(found))
    return [d for d in found if d.id not in replaced]


def validate_decision(
    session: Session, form: DecisionForm, *, today: dt.date, replacing: str | None = None
) -> dict[str, str]:
    """Every problem, per field."""
    problems: dict[str, str] = {}
    placement = session.get(Placement, form.placement_id) if form.placement_id else None
    if placement is None or placement.deleted_at is not None:
        return {"placement_id": "Kies de plaatsing waarvoor de beschikking geldt."}
    if PlacementType(placement.placement_type) not in SUBSIDISED_TYPES:
        return {
            "placement_id": "Loonkostensubsidie hoort bij een betaalde baan: een reguliere "
            "baan, een garantiebaan of beschut werk."
        }
    try:
        basis = SubsidyBasis(form.basis)
    except ValueError:
        problems["basis"] = "Kies de grondslag: forfaitair of een loonwaardemeting."
        basis = SubsidyBasis.FORFAIT
    try:
        target_group = TargetGroupBasis(form.target_group_basis)
    except ValueError:
        problems["target_group_basis"] = "Kies waarop de doelgroepvaststelling berust."
        target_group = TargetGroupBasis.OTHER
    note = form.target_group_note.strip()
    if target_group is TargetGroupBasis.OTHER and len(note) < NOTE_MIN:
        problems["target_group_note"] = (
            "Licht toe waarom de klant met voltijds werken het minimumloon niet kan verdienen "
            f"(minstens {NOTE_MIN} tekens)."
        )
    elif len(note) > NOTE_MAX:
        problems["target_group_note"] = f"De toelichting is te lang (ten hoogste {NOTE_MAX})."
    if target_group is TargetGroupBasis.MEASUREMENT and basis is SubsidyBasis.FORFAIT:
        problems["target_group_basis"] = (
            "Bij een forfaitaire beschikking is er nog geen meting: kies het "
            "doelgroepregister, een indicatie beschut werk, of licht toe."
        )
    if len(form.reference.strip()) > REFERENCE_MAX:
        problems["reference"] = f"Het kenmerk is te lang (ten hoogste {REFERENCE_MAX} tekens)."
    decided_problem = v.date_problem(
        form.decided_on,
        earliest=dt.date(today.year - DECIDED_BACK_YEARS, 1, 1),
        latest=today,
        what="de datum van de beschikking",
    )
    if decided_problem:
        problems["decided_on"] = decided_problem
    job_end = placement.ended_on
    start_problem = v.date_problem(
        form.starts_on,
        earliest=placement.started_on,
        latest=job_end,
        what="de ingangsdatum (binnen de plaatsing)",
    )
    if start_problem:
        problems["starts_on"] = start_problem
    starts = v.parse_date(form.starts_on)
    end_problem = v.date_problem(
        form.ends_on,
        earliest=starts,
        latest=job_end,
        what="de einddatum (binnen de plaatsing)",
    )
    if end_problem:
        problems["ends_on"] = end_problem
    ends = v.parse_date(form.ends_on)
    if basis is SubsidyBasis.FORFAIT and ends is not None and "ends_on" not in problems:
        last = forfait_ends_on(placement.started_on)
        if ends > last:
            months = rules().int_value("lks_forfait_max_months", placement.started_on)
            problems["ends_on"] = (
                f"Een forfaitaire beschikking geldt ten hoogste de eerste {months} maanden van "
                f"de baan: tot en met {format_date(last)}. Daarna is een loonwaardemeting nodig."
            )
    if basis is SubsidyBasis.MEASUREMENT:
        problems.update(_measurement_problems(session, form, placement, ends))
    if starts is not None and ends is not None and not problems.keys() & {"starts_on", "ends_on"}:
        for other in _live_decisions(session, placement.id):
            if other.id != replacing and other.starts_on <= ends and starts <= other.ends_on:
                problems["starts_on"] = (
                    "Deze periode overlapt de beschikking van "
                    f"{format_date(other.starts_on)} tot en met {format_date(other.ends_on)}; "
                    "corrigeer die beschikking of kies een andere periode."
                )
                break
    return problems


def _measurement_problems(
    session: Session, form: DecisionForm, placement: Placement, ends: dt.date | None
) -> dict[str, str]:
    measurement = session.get(WageValueMeasurement, form.measurement_id or "")
    if measurement is None or measurement.placement_id != placement.id:
        return {"measurement_id": "Kies de loonwaardemeting van deze plaatsing."}
    replaced = session.scalar(
        select(WageValueMeasurement.id).where(WageValueMeasurement.corrects_id == measurement.id)
    )
    if replaced is not None:
        return {"measurement_id": "Deze meting is gecorrigeerd; kies de correctie."}
    valid_until = measurement_valid_until(measurement.report_date, measurement.next_measurement_on)
    if ends is not None and ends > valid_until:
        return {
            "ends_on": (
                f"De meting van {format_date(measurement.report_date)} geldt tot en met "
                f"{format_date(valid_until)}; de beschikking kan niet langer lopen."
            )
        }
    return {}


def record_decision(
    session: Session, actor: Actor, client_id: str, form: DecisionForm, *, today: dt.date
) -> str:
    require_client(session, actor, client_id)
    placement_of_client(session, client_id, form.placement_id)
    return _save(session, actor, client_id, form, today, None)


def correct_decision(
    session: Session, actor: Actor, decision_id: str, form: DecisionForm, *, today: dt.date
) -> str:
    original = record_to_correct(session, actor, DECISION, decision_id)
    if form.placement_id != original.placement_id:
        raise ValidationFailed({"placement_id": "Een correctie hoort bij dezelfde plaatsing."})
    return _save(session, actor, original.client_id, form, today, original.id)


def _save(
    session: Session,
    actor: Actor,
    client_id: str,
    form: DecisionForm,
    today: dt.date,
    corrects_id: str | None,
) -> str:
    problems = validate_decision(session, form, today=today, replacing=corrects_id)
    if problems:
        raise ValidationFailed(problems)
    starts, ends, decided = (
        v.parse_date(x) for x in (form.starts_on, form.ends_on, form.decided_on)
    )
    assert starts is not None and ends is not None and decided is not None  # validated
    by_measurement = form.basis == SubsidyBasis.MEASUREMENT.value
    decision = SubsidyDecision(
        client_id=client_id,
        placement_id=form.placement_id,
        basis=form.basis,
        measurement_id=form.measurement_id if by_measurement else None,
        target_group_basis=form.target_group_basis,
        target_group_note=form.target_group_note.strip() or None,
        starts_on=starts,
        ends_on=ends,
        decided_on=decided,
        reference=form.reference.strip() or None,
        corrects_id=corrects_id,
    )
    return save_record(session, actor, DECISION, decision)


# ---------------------------------------------------------------- the view


@dataclass(frozen=True, kw_only=True)
class DecisionRow(CorrectableRow):
    id: str
    placement_id: str
    basis: SubsidyBasis
    measurement_id: str | None
    target_group_basis: TargetGroupBasis
    target_group_note: str | None
    starts_on: dt.date
    ends_on: dt.date
    decided_on: dt.date
    reference: str | None
    created_at: dt.datetime

    def covers(self, day: dt.date) -> bool:
        return not self.is_superseded and self.starts_on <= day <= self.ends_on

    def form(self) -> DecisionForm:
        return DecisionForm(
            placement_id=self.placement_id,
            basis=self.basis.value,
            measurement_id=self.measurement_id or "",
            target_group_basis=self.target_group_basis.value,
            target_group_note=self.target_group_note or "",
            starts_on=format_date(self.starts_on),
            ends_on=format_date(self.ends_on),
            decided_on=format_date(self.decided_on),
            reference=self.reference or "",
        )


def decision_rows(session: Session, client_id: str) -> list[DecisionRow]:
    """Every decision of the client, newest period first; corrected ones kept and marked."""
    return decision_rows_of(session, [client_id]).get(client_id, [])


def decision_rows_of(session: Session, client_ids: Sequence[str]) -> dict[str, list[DecisionRow]]:
    """Per client, `decision_rows` (for callers that checked the access)."""
    found = session.scalars(
        select(SubsidyDecision).where(
            SubsidyDecision.client_id.in_(client_ids), SubsidyDecision.deleted_at.is_(None)
        )
    ).all()
    corrected_by = corrections_of(found)
    grouped: dict[str, list[DecisionRow]] = {}
    for d in found:
        grouped.setdefault(d.client_id, []).append(
            DecisionRow(
                id=d.id,
                placement_id=d.placement_id,
                basis=SubsidyBasis(d.basis),
                measurement_id=d.measurement_id,
                target_group_basis=TargetGroupBasis(d.target_group_basis),
                target_group_note=d.target_group_note,
                starts_on=d.starts_on,
                ends_on=d.ends_on,
                decided_on=d.decided_on,
                reference=d.reference,
                created_at=d.created_at,
                corrects_id=d.corrects_id,
                corrected_by_id=corrected_by.get(d.id),
            )
        )
    for rows in grouped.values():
        rows.sort(key=lambda r: (r.starts_on, r.created_at), reverse=True)
    return grouped


def decision_history(session: Session, actor: Actor, client_id: str) -> list[DecisionRow]:
    """Every decision of the client, newest first; corrected ones kept and marked."""
    require_client(session, actor, client_id)
    return decision_rows(session, client_id)


def decision_on(rows: Sequence[DecisionRow], placement_id: str, day: dt.date) -> DecisionRow | None:
    """The decision that applies to the placement on `day` (None: no subsidy payable)."""
    for row in rows:
        if row.placement_id == placement_id and row.covers(day):
            return row
    return None
