"""Work around a placement in the workspace: employers, placements, absences, subsidy
decisions, wage-value measurements and job-coaching hours."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.services import absences as absence_service
from app.services import job_coaching as coaching_service
from app.services import measurements as measurement_service
from app.services import placement_view as placement_view_service
from app.services import placements as placement_service
from app.services import subsidy_decisions as decision_service
from app.services import wage_value
from app.services.access import require_client
from app.services.placement_view import PlacementRow
from app.services.wage_value import MeasurementRow
from app.workspace.base import WorkspaceBase, as_caseworker, reading


@dataclass(frozen=True)
class ClientPlacements:
    """A client's placements with what their checks and sums need."""

    birth_date: dt.date
    measurements: list[MeasurementRow]
    placements: list[PlacementRow]


class PlacementWork(WorkspaceBase):
    def client_placements(self, client_id: str, *, today: dt.date) -> ClientPlacements:
        """The placements tab of a client's file, read in one transaction."""
        with self._session() as session:
            actor = self.actor
            birth_date = require_client(session, actor, client_id).birth_date
            found = measurement_service.measurement_history(session, actor, client_id)
            rows = placement_view_service.placements(
                session, actor, client_id, today=today, measurements=found
            )
            return ClientPlacements(birth_date, found, rows)

    # employers and placements
    employers = reading(placement_service.employers)
    create_employer = as_caseworker(placement_service.create_employer)
    validate_placement = reading(placement_service.validate_placement)
    create_placement = as_caseworker(placement_service.create_placement)
    update_placement = as_caseworker(placement_service.update_placement)
    record_continuation_reason = as_caseworker(placement_service.record_continuation_reason)

    # absences during a placement
    validate_absence = reading(absence_service.validate_absence)
    record_absence = as_caseworker(absence_service.record_absence)
    update_absence = as_caseworker(absence_service.update_absence)
    remove_absence = as_caseworker(absence_service.remove_absence)

    # subsidy decisions
    validate_decision = reading(decision_service.validate_decision)
    record_decision = as_caseworker(decision_service.record_decision)
    correct_decision = as_caseworker(decision_service.correct_decision)
    decision_history = as_caseworker(decision_service.decision_history)

    # records: wage-value measurements and job-coaching hours
    measurement_history = as_caseworker(measurement_service.measurement_history)
    validate_measurement = reading(wage_value.validate_measurement)
    record_measurement = as_caseworker(measurement_service.record_measurement)
    correct_measurement = as_caseworker(measurement_service.correct_measurement)
    hours_history = as_caseworker(coaching_service.hours_history)
    record_hours = as_caseworker(coaching_service.record_hours)
    correct_hours = as_caseworker(coaching_service.correct_hours)
