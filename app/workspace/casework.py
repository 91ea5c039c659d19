"""The caseworker's own work in the workspace: caseload, client files, journal, ladder,
lists and figures, conflicts. Each name is the service use case it runs."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy.exc import SQLAlchemyError

from app.services import caseload as caseload_service
from app.services import clients as client_service
from app.services import conflicts as conflict_service
from app.services import due_list as due_service
from app.services import journal as journal_service
from app.services import ladder as ladder_service
from app.services import ladder_figures as figures_service
from app.services import recent as recent_service
from app.services import snapshot as snapshot_service
from app.services import subsidy_statement as statement_service
from app.services.caseload_rows import CaseloadRow, DueAction, Scope
from app.services.clients import ClientDetails
from app.services.journal import JournalRow
from app.services.ladder import AssessmentRow
from app.storage.errors import StoreError
from app.workspace.base import WorkspaceBase, as_caseworker

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ClientFile:
    """A client's file as it opens: the details, what is due, the journal and the ladder."""

    details: ClientDetails
    due: list[DueAction]
    journal: list[JournalRow]
    assessments: list[AssessmentRow]


class Casework(WorkspaceBase):
    # the caseload and its lists
    caseload_rows = as_caseworker(caseload_service.caseload_rows)
    due_list = as_caseworker(due_service.due_list)
    ladder_figures = as_caseworker(figures_service.ladder_figures)
    subsidy_statement = as_caseworker(statement_service.subsidy_statement)

    # a client's file
    create_client = as_caseworker(client_service.create_client)

    def open_client_file(self, client_id: str, *, today: dt.date) -> ClientFile:
        """Open a client's file (an audited view), read in one transaction."""
        with self._session() as session:
            actor = self.actor
            opened = ClientFile(
                client_service.get_client(session, actor, client_id, today=today),
                due_service.client_due_actions(session, actor, client_id, today=today),
                journal_service.journal_history(session, actor, client_id),
                ladder_service.assessment_history(session, actor, client_id),
            )
            recent_service.remember_opened(session, client_id)
            return opened

    recent_clients = as_caseworker(recent_service.recent_clients)

    update_client = as_caseworker(client_service.update_client)

    # records: the journal and the ladder
    journal_history = as_caseworker(journal_service.journal_history)
    record_journal_entry = as_caseworker(journal_service.record_journal_entry)
    correct_journal_entry = as_caseworker(journal_service.correct_journal_entry)
    assessment_history = as_caseworker(ladder_service.assessment_history)
    record_assessment = as_caseworker(ladder_service.record_assessment)
    correct_assessment = as_caseworker(ladder_service.correct_assessment)

    def save_caseload_snapshot(self, scope: Scope, rows: list[CaseloadRow]) -> None:
        """Keep the caseload for the next start. A store that cannot take it (it may be gone
        after a remote wipe) is logged and let be: a missing snapshot only costs time."""
        try:
            with self._session() as session:
                snapshot_service.save_caseload_snapshot(session, self.actor, scope, rows)
        except (SQLAlchemyError, StoreError, OSError):
            log.warning("caseload snapshot not saved", exc_info=True)

    # sync conflicts
    conflicts = as_caseworker(conflict_service.conflicts)
    resolve_conflict = as_caseworker(conflict_service.resolve_conflict)
