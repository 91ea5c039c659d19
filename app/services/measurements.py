"""Recording wage-value measurements (records: a correction is a new measurement, the
original kept) and a client's measurement history."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy.orm import Session

from app.domain import validation as v
from app.domain.dates import add_months
from app.models import Placement, WageValueMeasurement, WageValueTask
from app.services.access import placement_of_client, require_client
from app.services.context import Actor
from app.services.errors import ValidationFailed
from app.services.records import RecordKind, record_to_correct, save_record
from app.services.wage_value import (
    MeasurementForm,
    MeasurementRow,
    measurement_rows,
    validate_measurement,
    validity_months,
)

MEASUREMENT = RecordKind(
    WageValueMeasurement,
    "wage_value_measurement",
    WageValueMeasurement.expert_id,
    "Deze meting bestaat niet (meer).",
)


def _save(
    session: Session,
    actor: Actor,
    client_id: str,
    form: MeasurementForm,
    today: dt.date,
    corrects_id: str | None,
) -> str:
    problems = validate_measurement(session, form, today=today)
    if problems:
        raise ValidationFailed(problems)
    report = v.parse_date(form.report_date)
    visit = v.parse_date(form.visit_date)
    assert report is not None and visit is not None
    placement = session.get(Placement, form.placement_id) if form.placement_id else None

    def number(text: str) -> Decimal:
        parsed = v.parse_decimal(text)
        assert parsed is not None
        return parsed

    measurement = WageValueMeasurement(
        client_id=client_id,
        placement_id=placement.id if placement else None,
        method="ULM",
        report_date=report,
        visit_date=visit,
        expert_name=form.expert_name.strip(),
        expert_id=actor.caseworker_id,
        employer_id=placement.employer_id if placement else None,
        employer_contact=form.employer_contact.strip() or None,
        norm_function=form.norm_function.strip(),
        performed_function=form.performed_function.strip(),
        contract_hours=number(form.contract_hours),
        fulltime_hours=number(form.fulltime_hours),
        workdays_per_week=v.parse_decimal(form.workdays_per_week),
        loonwaarde_pct=number(form.loonwaarde_pct),
        explanation=form.explanation.strip() or None,
        jobcoach_hours_per_month=v.parse_decimal(form.jobcoach_hours_per_month),
        next_measurement_on=v.parse_date(form.next_measurement_on)
        or add_months(report, validity_months(report)),
        corrects_id=corrects_id,
    )

    def task_rows(measurement_id: str) -> list[WageValueTask]:
        return [
            WageValueTask(
                measurement_id=measurement_id,
                position=position,
                name=task.name.strip(),
                share_pct=number(task.share_pct),
                tempo_pct=number(task.tempo_pct),
                quality_pct=number(task.quality_pct),
                net_worktime_pct=number(task.net_worktime_pct),
                result_pct=number(task.result_pct),
                explanation=task.explanation.strip() or None,
            )
            for position, task in form.filled_tasks()
        ]

    return save_record(
        session, actor, MEASUREMENT, measurement, task_rows, tasks=len(form.filled_tasks())
    )


def record_measurement(
    session: Session,
    actor: Actor,
    client_id: str,
    form: MeasurementForm,
    *,
    today: dt.date | None = None,
) -> str:
    require_client(session, actor, client_id)
    placement_of_client(session, client_id, form.placement_id or None)
    return _save(session, actor, client_id, form, today or dt.date.today(), None)


def correct_measurement(
    session: Session,
    actor: Actor,
    measurement_id: str,
    form: MeasurementForm,
    *,
    today: dt.date | None = None,
) -> str:
    original = record_to_correct(session, actor, MEASUREMENT, measurement_id)
    return _save(session, actor, original.client_id, form, today or dt.date.today(), original.id)


def measurement_history(session: Session, actor: Actor, client_id: str) -> list[MeasurementRow]:
    """Every measurement of the client, newest first; corrected ones kept and marked."""
    require_client(session, actor, client_id)
    return measurement_rows(session, client_id)
