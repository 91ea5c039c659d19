"""Plans, files and reports in the workspace: the plan and its versions, printed PDFs,
exports and transfer files. Whatever leaves the store is audited before the file exists.
The PDF modules (reportlab) are imported when the first PDF is made, not at start."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.orm import Session

from app.domain.vocab import AuditAction
from app.services import plan_editing
from app.services import plans as plan_service
from app.services import statement_export as statement_export_service
from app.services.audit import audit
from app.services.caseload import caseload_rows
from app.services.caseload_rows import CaseloadRow, Scope
from app.services.exports import export_caseload
from app.services.job_coaching import half_year_report
from app.services.plan_editing import VersionRow
from app.services.plans import PlanDocument
from app.services.reporting import quarter_report
from app.services.transfer import export_transfer, import_transfer
from app.workspace.base import Cancelled, Progress, WorkspaceBase, as_caseworker, reading


class Outputs(WorkspaceBase):
    # the plan van aanpak
    plan_to_print = as_caseworker(plan_service.plan_to_print)
    plan_form = as_caseworker(plan_editing.plan_form)
    instrument_catalogue = reading(plan_editing.instrument_catalogue)
    save_plan = as_caseworker(plan_editing.save_plan)
    export_statement = as_caseworker(statement_export_service.export_statement)

    def plan_overview(
        self, client_id: str, *, today: dt.date
    ) -> tuple[PlanDocument, int | None, list[VersionRow]]:
        """The plan tab: the draft as a document, the draft's version (None: no plan yet) and
        the issued versions, read in one transaction."""
        with self._session() as session:
            actor = self.actor
            document = plan_service.plan_document(session, actor, client_id, today=today)
            _form, version = plan_editing.plan_form(session, actor, client_id)
            return document, version, plan_editing.plan_versions(session, actor, client_id)

    def issue_plan(
        self,
        client_id: str,
        *,
        today: dt.date,
        signed_by_client_on: str = "",
        signed_by_caseworker_on: str = "",
    ) -> int:
        """Freeze the current plan as the next numbered version; returns its number."""
        with self._session() as session:
            return plan_service.issue_plan(
                session,
                self.actor,
                client_id,
                today=today,
                signed_by_client_on=signed_by_client_on,
                signed_by_caseworker_on=signed_by_caseworker_on,
            ).number

    def print_plan(self, client_id: str, document: PlanDocument, path: Path) -> None:
        from app.reports.plan_pdf import print_plan

        with self._session() as session:
            print_plan(session, self.actor, client_id, document, path)

    def print_plans(
        self, folder: Path, scope: Scope, progress: Progress, cancelled: Cancelled
    ) -> int:
        """One plan PDF per active client; a cancel stops after the current one."""
        from app.reports.plan_pdf import plan_file_name, print_plan

        with self._session() as session:
            rows = self._caseload(session, scope)
        written = 0
        for index, row in enumerate(rows):
            if cancelled():
                break
            with self._session() as session:  # one plan: its view and its print together
                document = plan_service.plan_to_print(session, self.actor, row.client_id)
                target = folder / plan_file_name(row.display_name, row.client_id)
                print_plan(session, self.actor, row.client_id, document, target)
            written += 1
            progress(index + 1, len(rows))
        return written

    def print_half_year_report(
        self, client_id: str, placement_id: str | None, path: Path, *, within: dt.date
    ) -> None:
        from app.reports.job_coaching_report import render_half_year_report

        with self._session() as session:
            report = half_year_report(session, self.actor, client_id, placement_id, within=within)
            render_half_year_report(report, path, before_replace=session.commit)

    # ------------------------------------------------------------ caseload files
    export_caseload = as_caseworker(export_caseload)
    export_transfer = as_caseworker(export_transfer)

    def print_caseload_overview(
        self, path: Path, scope: Scope, *, title: str, progress: Progress
    ) -> int:
        from app.reports.overviews import render_caseload_overview

        today = dt.date.today()
        with self._session() as session:
            rows = self._caseload(session, scope)

            def audited() -> None:
                for row in rows:
                    audit(
                        session,
                        self.actor,
                        AuditAction.PRINT,
                        "caseload_overview",
                        client_id=row.client_id,
                    )
                session.commit()

            render_caseload_overview(
                rows, path, title=title, today=today, progress=progress, before_replace=audited
            )
        return len(rows)

    def print_quarter_report(self, path: Path, scope: Scope) -> str:
        """The running quarter's report; returns its title."""
        from app.reports.overviews import render_quarter_report

        with self._session() as session:
            report = quarter_report(session, self.actor, within=dt.date.today(), scope=scope)
        render_quarter_report(report, path)
        return report.title

    def import_transfer(self, path: Path, password: str) -> int:
        """Read a transfer file; returns the number of clients now in this caseload."""
        with self._session() as session:
            return import_transfer(session, self.actor, path, password).clients

    def _caseload(self, session: Session, scope: Scope) -> list[CaseloadRow]:
        return caseload_rows(session, self.actor, scope=scope, include_closed=False)
