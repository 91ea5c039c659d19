"""The work part of a client file: placements, wage-value measurements and job coaching.
Loads both tabs and turns their requests into service calls, each in its own session."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from app.domain.dates import add_months, age_on
from app.domain.wage import SubsidyParts, subsidy_parts
from app.services import job_coaching as coaching
from app.services import wage_value
from app.services.absences import sickness_periods
from app.services.placement_view import PlacementRow
from app.services.placements import EmployerForm, EmployerRow, PlacementForm
from app.services.subsidy_decisions import DecisionForm
from app.services.wage_value import MeasurementForm, MeasurementRow
from app.storage.errors import OutputPathProblem
from app.ui import messages
from app.ui.absence_flow import absence_dialog
from app.ui.coaching_tab import CoachingTab, HoursCorrectionDialog
from app.ui.decision_dialog import DecisionDialog, default_form
from app.ui.i18n import tr
from app.ui.measurement_dialog import MeasurementDialog
from app.ui.placement_dialogs import (
    AbsenceDialog,
    ContinuationDialog,
    EmployerDialog,
    PlacementDialog,
)
from app.ui.placements_tab import PlacementsTab

if TYPE_CHECKING:
    from app.workspace import Workspace


log = logging.getLogger(__name__)
DialogT = TypeVar("DialogT", bound=QDialog)
OVERVIEW_MONTHS = 12


class ClientWork(QObject):
    changed = Signal()  # something was saved: the caseload may show other due actions

    def __init__(self, workspace: Workspace, parent: QWidget) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.actor = workspace.actor
        self.parent_widget = parent
        self.client_id: str | None = None
        self.birth_date: dt.date | None = None
        self.today = dt.date.today()
        self.rows: list[PlacementRow] = []
        self.latest: dict[str, MeasurementRow] = {}  # per placement, from the last load
        self.measurements: list[MeasurementRow] = []
        self.placements = PlacementsTab()
        self.coaching = CoachingTab()
        self.coaching.on_add = self.record_hours
        self.placements.new_requested.connect(self.new_placement)
        self.placements.edit_requested.connect(self.edit_placement)
        self.placements.measure_requested.connect(self.measure)
        self.placements.correct_measurement_requested.connect(self.correct_measurement)
        self.placements.reason_requested.connect(self.record_reason)
        self.placements.decision_requested.connect(self.decide)
        self.placements.correct_decision_requested.connect(self.correct_decision)
        self.placements.absence_requested.connect(self.record_absence)
        self.coaching.placement_changed.connect(lambda _id: self._load_coaching())
        self.coaching.correct_requested.connect(self.correct_hours)
        self.coaching.report_requested.connect(self.ask_report)

    # ------------------------------------------------------------ loading
    def load(self, client_id: str | None, today: dt.date) -> None:
        self.client_id, self.today = client_id, today
        if client_id is None:
            self.rows = []
            self.latest = {}
            self.placements.set_rows([], [], today)
            self.coaching.set_placements([], None)
            self.coaching.set_rows([], [], today)
            return
        loaded = self.workspace.client_placements(client_id, today=today)
        self.birth_date, found, self.rows = (
            loaded.birth_date,
            loaded.measurements,
            loaded.placements,
        )
        self.latest = wage_value.latest_of(found)
        self.measurements = found
        self.placements.set_rows(self.rows, found, today)
        self.coaching.set_placements(self.rows, self.coaching.current_placement_id())
        self._load_coaching()

    def _load_coaching(self) -> None:
        if self.client_id is None:
            return
        placement_id = self.coaching.current_placement_id()
        placement = next((r for r in self.rows if r.id == placement_id), None)
        rows = self.workspace.hours_history(self.client_id, placement_id)
        measurement = self.latest.get(placement_id or "")
        use = coaching.monthly_use(
            rows,
            first=add_months(self.today, -(OVERVIEW_MONTHS - 1)),
            last=self.today,
            placement_started_on=placement.started_on if placement else None,
            hours_per_week=placement.hours_per_week if placement else None,
            indicated_hours_per_month=measurement.jobcoach_hours_per_month if measurement else None,
            placement_ended_on=placement.ended_on if placement else None,
            absences=sickness_periods(placement.absences) if placement else (),
            today=self.today,
        )
        self.coaching.set_rows(rows, use, self.today)

    def _saved(self) -> None:
        self.load(self.client_id, self.today)
        self.changed.emit()

    # ------------------------------------------------------------ placements
    def _employers(self) -> list[EmployerRow]:
        return self.workspace.employers()

    def _new_employer(self, parent: QWidget) -> EmployerRow | None:
        def save(form: EmployerForm) -> str:
            return self.workspace.create_employer(form)

        dialog = EmployerDialog(save, parent=parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.employer_id is None:
            return None
        return EmployerRow(dialog.employer_id, dialog.values().name.strip(), None, None, None)

    def _validate_placement(self, form: PlacementForm) -> dict[str, str]:
        return self.workspace.validate_placement(form, today=self.today, birth_date=self.birth_date)

    def _placement_dialog(
        self, save: Callable[[PlacementForm], None], initial: PlacementForm | None
    ) -> PlacementDialog:
        return self._open(
            PlacementDialog(
                save,
                self._validate_placement,
                self._employers(),
                self._new_employer,
                initial=initial,
                today=self.today,
                parent=self.parent_widget,
            )
        )

    def new_placement(self) -> PlacementDialog | None:
        if self.client_id is None:
            return None
        client_id = self.client_id

        def save(form: PlacementForm) -> None:
            self.workspace.create_placement(client_id, form, today=self.today)

        return self._placement_dialog(save, None)

    def edit_placement(self, row: object) -> PlacementDialog | None:
        if not isinstance(row, PlacementRow):
            return None

        def save(form: PlacementForm) -> None:
            self.workspace.update_placement(
                row.id,
                form,
                expected_version=row.version,
                today=self.today,
            )

        return self._placement_dialog(save, row.form)

    def record_reason(self, row: object) -> ContinuationDialog | None:
        if not isinstance(row, PlacementRow) or row.flag is None:
            return None

        def save(reason: str) -> None:
            self.workspace.record_continuation_reason(row.id, reason)

        explanation = tr(
            "Deze plaatsing loopt langer dan de verdringingsgrens van {0} maanden. "
            "Leg vast waarom dat verantwoord is."
        ).format(row.flag.limit_months)
        return self._open(
            ContinuationDialog(
                save,
                explanation=explanation,
                initial=row.continuation_reason or "",
                parent=self.parent_widget,
            )
        )

    # ------------------------------------------------------------ subsidy decisions
    def _validate_decision(self, replacing: str | None) -> Callable[[DecisionForm], dict[str, str]]:
        def validate(form: DecisionForm) -> dict[str, str]:
            return self.workspace.validate_decision(form, today=self.today, replacing=replacing)

        return validate

    def decide(self, row: object) -> DecisionDialog | None:
        if not isinstance(row, PlacementRow) or self.client_id is None:
            return None
        client_id = self.client_id

        def save(form: DecisionForm) -> None:
            self.workspace.record_decision(client_id, form, today=self.today)

        return self._open(
            DecisionDialog(
                save,
                self._validate_decision(None),
                row,
                self.measurements,
                initial=default_form(row, self.today),
                parent=self.parent_widget,
            )
        )

    def correct_decision(self, row: object) -> DecisionDialog | None:
        """Correct the placement's decision that applies today, else its newest."""
        if not isinstance(row, PlacementRow):
            return None
        live = [d for d in row.decisions if not d.is_superseded]
        if not live:
            return None
        original = next((d for d in live if d.covers(self.today)), live[0])

        def save(form: DecisionForm) -> None:
            self.workspace.correct_decision(original.id, form, today=self.today)

        return self._open(
            DecisionDialog(
                save,
                self._validate_decision(original.id),
                row,
                self.measurements,
                initial=original.form(),
                correcting=True,
                parent=self.parent_widget,
            )
        )

    # ------------------------------------------------------------ measurements
    def _preview(self, row: PlacementRow) -> Callable[[Decimal], SubsidyParts | None]:
        birth_date = self.birth_date

        def preview(loonwaarde: Decimal) -> SubsidyParts | None:
            if birth_date is None or row.wage_hour is None or row.hours_per_week is None:
                return None
            try:
                return subsidy_parts(
                    on=self.today,
                    age=age_on(birth_date, self.today),
                    wage_hour=row.wage_hour,
                    hours_per_week=row.hours_per_week,
                    loonwaarde_pct=loonwaarde,
                )
            except (ValueError, LookupError):
                return None

        return preview

    def _validate_measurement(self, form: MeasurementForm) -> dict[str, str]:
        return self.workspace.validate_measurement(form, today=self.today)

    def _measurement_dialog(
        self,
        save: Callable[[MeasurementForm], None],
        row: PlacementRow,
        initial: MeasurementForm | None,
    ) -> MeasurementDialog:
        return self._open(
            MeasurementDialog(
                save,
                self._validate_measurement,
                self._preview(row),
                placement_id=row.id,
                initial=initial,
                today=self.today,
                parent=self.parent_widget,
            )
        )

    def measure(self, row: object) -> MeasurementDialog | None:
        if not isinstance(row, PlacementRow) or self.client_id is None:
            return None
        client_id = self.client_id

        def save(form: MeasurementForm) -> None:
            self.workspace.record_measurement(client_id, form, today=self.today)

        return self._measurement_dialog(save, row, None)

    def correct_measurement(self, original: object) -> MeasurementDialog | None:
        if not isinstance(original, MeasurementRow):
            return None
        row = next((r for r in self.rows if r.id == original.placement_id), None)
        if row is None:
            return None

        def save(form: MeasurementForm) -> None:
            self.workspace.correct_measurement(original.id, form, today=self.today)

        return self._measurement_dialog(save, row, original.form())

    # ------------------------------------------------------------ job coaching
    def record_hours(
        self, placement_id: str | None, worked_on: str, duration: str, activity: str, note: str
    ) -> None:
        if self.client_id is None:
            return
        self.workspace.record_hours(
            self.client_id,
            placement_id=placement_id,
            worked_on=worked_on,
            duration=duration,
            activity=activity,
            note=note,
            today=self.today,
        )
        self._load_coaching()

    def correct_hours(self, original: object) -> HoursCorrectionDialog | None:
        if not isinstance(original, coaching.HoursRow):
            return None

        def save(values: tuple[str, str, str, str]) -> None:
            worked_on, duration, activity, note = values
            self.workspace.correct_hours(
                original.id,
                worked_on=worked_on,
                duration=duration,
                activity=activity,
                note=note,
                today=self.today,
            )

        dialog = HoursCorrectionDialog(save, original, today=self.today, parent=self.parent_widget)
        dialog.accepted.connect(self._load_coaching)
        dialog.open()
        return dialog

    def ask_report(self, placement_id: object) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / f"jobcoaching-{self.today:%Y-%m}.pdf")
        path, _filter = QFileDialog.getSaveFileName(
            self.parent_widget, tr("Halfjaarrapportage opslaan"), suggested, tr("PDF (*.pdf)")
        )
        if path:
            self.write_report(Path(path), placement_id if isinstance(placement_id, str) else None)

    def write_report(self, path: Path, placement_id: str | None) -> bool:
        """Write the half-yearly report of the half year holding today (audited)."""

        if self.client_id is None:
            return False
        try:
            self.workspace.print_half_year_report(
                self.client_id, placement_id, path, within=self.today
            )
        except OutputPathProblem as exc:
            messages.error(str(exc))
            return False
        except OSError as exc:
            log.warning("writing a report failed: %s", type(exc).__name__)
            messages.error(
                tr("De rapportage kon niet worden opgeslagen: {0}").format(exc.strerror or exc)
            )
            return False
        messages.info(tr("Halfjaarrapportage opgeslagen: {0}").format(path.name))
        return True

    # ------------------------------------------------------------ helpers
    # ------------------------------------------------------------ absences
    def record_absence(self, row: object) -> AbsenceDialog | None:
        if not isinstance(row, PlacementRow):
            return None
        return self._open(absence_dialog(self.workspace, row, self.today, self.parent_widget))

    def _open(self, dialog: DialogT) -> DialogT:
        dialog.accepted.connect(self._saved)
        dialog.open()
        return dialog
