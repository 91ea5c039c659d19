"""Participatieladder assessments (records: a correction is a new assessment, the original
kept), which of them count, and a client's ladder history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from sqlalchemy import Subquery, select
from sqlalchemy.orm import Session

from app.domain import validation as v
from app.domain.dates import add_months
from app.domain.formatting import format_date
from app.domain.ladder import LadderAnswers, derive_trede
from app.domain.rules import rules
from app.models import LadderAssessment
from app.services.access import require_client
from app.services.context import Actor
from app.services.errors import ValidationFailed
from app.services.records import (
    CorrectableRow,
    RecordKind,
    latest_per_client,
    record_history,
    record_to_correct,
    save_record,
)

OVERRIDE_REASON_MIN = 10
NOTES_MAX = 4000

ASSESSMENT = RecordKind(
    LadderAssessment,
    "ladder_assessment",
    LadderAssessment.assessor_id,
    "Deze beoordeling bestaat niet (meer).",
)


def review_interval_months(on: dt.date) -> int:
    return rules().int_value("ladder_review_interval_months", on)


def default_review_on(assessed_on: dt.date) -> dt.date:
    """The next review: the rules table's interval (12 months) after the assessment."""
    return add_months(assessed_on, review_interval_months(assessed_on))


@dataclass(frozen=True)
class AssessmentInput:
    """An assessment as the caseworker entered it; dates as typed (dd-mm-jjjj)."""

    answers: LadderAnswers
    assessed_on: str
    final_trede: int
    override_reason: str = ""
    expected_trede: int | None = None
    expected_by: str = ""
    review_on: str = ""  # empty: the default interval after the assessment
    notes: str = ""

    @property
    def derived_trede(self) -> int:
        return derive_trede(self.answers)


def validate_assessment(data: AssessmentInput, *, today: dt.date) -> dict[str, str]:
    """Every problem of an assessment, per field, in words that say what to fix."""
    problems: dict[str, str] = {}
    assessed_problem = v.date_problem(
        data.assessed_on, latest=today, what="de datum van de beoordeling"
    )
    if assessed_problem:
        problems["assessed_on"] = assessed_problem
    assessed = v.parse_date(data.assessed_on)
    if data.final_trede not in range(1, 7):
        problems["final_trede"] = "Kies een trede van 1 tot en met 6."
    elif (
        data.final_trede != data.derived_trede
        and len(data.override_reason.strip()) < OVERRIDE_REASON_MIN
    ):
        problems["override_reason"] = (
            f"U kiest trede {data.final_trede} terwijl de antwoorden trede "
            f"{data.derived_trede} geven: schrijf op waarom (minstens "
            f"{OVERRIDE_REASON_MIN} tekens)."
        )
    if data.expected_trede is not None:
        if data.expected_trede not in range(1, 7):
            problems["expected_trede"] = "Kies een verwachte trede van 1 tot en met 6."
        by_problem = v.date_problem(
            data.expected_by,
            earliest=(assessed + dt.timedelta(days=1)) if assessed else None,
            what="de datum waarop de verwachte trede bereikt moet zijn",
        )
        if by_problem:
            problems["expected_by"] = by_problem
    elif data.expected_by.strip():
        problems["expected_trede"] = "Kies ook de verwachte trede bij deze streefdatum."
    if data.review_on.strip():
        latest = default_review_on(assessed) if assessed else None
        review_problem = v.date_problem(
            data.review_on,
            earliest=(assessed + dt.timedelta(days=1)) if assessed else None,
            latest=latest,
            what="de datum van de herbeoordeling",
        )
        if review_problem and latest and (v.parse_date(data.review_on) or latest) > latest:
            review_problem = (
                "Herbeoordeel minstens eens per jaar: kies een datum uiterlijk "
                f"{format_date(latest)}."
            )
        if review_problem:
            problems["review_on"] = review_problem
    if len(data.notes) > NOTES_MAX:
        problems["notes"] = f"De toelichting is te lang (ten hoogste {NOTES_MAX} tekens)."
    return problems


def record_assessment(
    session: Session,
    actor: Actor,
    client_id: str,
    data: AssessmentInput,
    *,
    today: dt.date | None = None,
) -> str:
    require_client(session, actor, client_id)
    return _save(session, actor, client_id, data, today or dt.date.today(), corrects_id=None)


def correct_assessment(
    session: Session,
    actor: Actor,
    assessment_id: str,
    data: AssessmentInput,
    *,
    today: dt.date | None = None,
) -> str:
    """A correction: a new assessment that replaces the original, which stays as it was."""
    original = record_to_correct(session, actor, ASSESSMENT, assessment_id)
    return _save(session, actor, original.client_id, data, today or dt.date.today(), original.id)


def _save(
    session: Session,
    actor: Actor,
    client_id: str,
    data: AssessmentInput,
    today: dt.date,
    corrects_id: str | None,
) -> str:
    problems = validate_assessment(data, today=today)
    if problems:
        raise ValidationFailed(problems)
    assessed_on = v.parse_date(data.assessed_on)
    assert assessed_on is not None  # validated above
    derived = data.derived_trede
    assessment = LadderAssessment(
        client_id=client_id,
        assessed_on=assessed_on,
        assessor_id=actor.caseworker_id,
        **{name: getattr(data.answers, name) for name in LadderAnswers.field_names()},
        derived_trede=derived,
        final_trede=data.final_trede,
        override_reason=data.override_reason.strip() if data.final_trede != derived else None,
        expected_trede=data.expected_trede,
        expected_by=v.parse_date(data.expected_by) if data.expected_trede else None,
        review_on=v.parse_date(data.review_on) or default_review_on(assessed_on),
        notes=data.notes.strip() or None,
        corrects_id=corrects_id,
    )
    return save_record(session, actor, ASSESSMENT, assessment)


# ---------------------------------------------------------------- reading


def effective_assessments() -> Subquery:
    """Assessments that count (not deleted, not replaced by a correction), newest ranked 1."""
    return latest_per_client(
        LadderAssessment,
        LadderAssessment.assessed_on,
        LadderAssessment.assessed_on,
        LadderAssessment.final_trede,
        LadderAssessment.review_on,
    )


def current_trede(session: Session, client_id: str) -> tuple[int | None, dt.date | None]:
    """The final trede and review date of the client's newest effective assessment."""
    current = effective_assessments()
    row = session.execute(
        select(current.c.final_trede, current.c.review_on).where(
            current.c.client_id == client_id, current.c.rank == 1
        )
    ).first()
    return (row.final_trede, row.review_on) if row else (None, None)


@dataclass(frozen=True)
class AssessmentRow(CorrectableRow):
    id: str
    assessed_on: dt.date
    assessor_name: str
    answers: LadderAnswers
    derived_trede: int
    final_trede: int
    override_reason: str | None
    expected_trede: int | None
    expected_by: dt.date | None
    review_on: dt.date
    notes: str | None
    created_at: dt.datetime

    def as_input(self) -> AssessmentInput:
        """The assessment as a form holds it (to correct it)."""
        return AssessmentInput(
            answers=self.answers,
            assessed_on=format_date(self.assessed_on),
            final_trede=self.final_trede,
            override_reason=self.override_reason or "",
            expected_trede=self.expected_trede,
            expected_by=format_date(self.expected_by) if self.expected_by else "",
            review_on=format_date(self.review_on),
            notes=self.notes or "",
        )


def assessment_history(session: Session, actor: Actor, client_id: str) -> list[AssessmentRow]:
    """Every assessment of the client, newest first; replaced ones are kept and marked."""
    answer_names = [f.name for f in fields(LadderAnswers)]
    rows = [
        AssessmentRow(
            id=a.id,
            assessed_on=a.assessed_on,
            assessor_name=name,
            answers=LadderAnswers(**{n: bool(getattr(a, n)) for n in answer_names}),
            derived_trede=a.derived_trede,
            final_trede=a.final_trede,
            override_reason=a.override_reason,
            expected_trede=a.expected_trede,
            expected_by=a.expected_by,
            review_on=a.review_on,
            notes=a.notes,
            created_at=a.created_at,
            corrects_id=a.corrects_id,
            corrected_by_id=corrected_by,
        )
        for a, name, corrected_by in record_history(session, actor, ASSESSMENT, client_id)
    ]
    rows.sort(key=lambda r: (r.assessed_on, r.created_at), reverse=True)
    return rows
