"""Loading the caseload for the main window: one load at a time on the worker, a reload
asked for meanwhile queued behind it, the own/team scope, and the start-up snapshot."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from app.services.caseload_rows import CaseloadRow, Scope
from app.ui import worker

if TYPE_CHECKING:
    from app.services.actor import Actor
    from app.workspace import Workspace

log = logging.getLogger(__name__)


class CaseloadController(QObject):
    """Loads the rows of one scope off the GUI thread. `loaded` carries the scope the rows
    were read for, so a view never labels the team's rows as the own caseload."""

    started = Signal()  # a load runs
    loaded = Signal(object, object)  # Scope, list[CaseloadRow]
    failed = Signal(object)  # the error

    def __init__(self, actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.workspace: Workspace | None = None
        self.scope = self.start_scope()
        self._loader: worker.Worker | None = None
        self._queued = False  # a reload asked for while one runs comes after it
        self._saver: worker.Worker | None = None
        self._snapshot_saved = False
        self._snapshot_stale = False
        self._latest_rows: list[CaseloadRow] = []

    def start_scope(self) -> Scope:
        return Scope.TEAM if self.actor.is_team_lead else Scope.OWN

    def attach(self, workspace: Workspace) -> None:
        """The store is open (perhaps of another owner than the snapshot's): load it."""
        if workspace.actor != self.actor:
            self.actor = workspace.actor
            self.scope = self.start_scope()
        self.workspace = workspace
        self.reload()

    def is_loading(self) -> bool:
        return self._loader is not None

    def set_scope(self, scope: Scope) -> None:
        if scope is not self.scope:
            self.scope = scope
            self.reload()

    def reload(self) -> None:
        """Load the caseload off the GUI thread, with its own database session."""
        if self._loader is not None:
            self._queued = True  # what it loads may be from before the change
            return
        if self.workspace is None:
            return
        workspace, scope = self.workspace, self.scope

        def job(_progress: Any, _cancelled: Any) -> tuple[Scope, list[CaseloadRow]]:
            return scope, workspace.caseload_rows(scope=scope)

        self._loader = worker.Worker(job)
        self._loader.signals.finished.connect(self._loaded)
        self._loader.signals.failed.connect(self._failed)
        worker.start(self._loader)
        self.started.emit()

    def _loaded(self, result: tuple[Scope, list[CaseloadRow]]) -> None:
        self._loader = None
        scope, rows = result
        if scope is self.scope:  # rows of a scope left meanwhile are never shown
            self.loaded.emit(scope, rows)
            if scope is self.start_scope():
                self._latest_rows = rows
                if not self._snapshot_saved:
                    self._snapshot_saved = True
                    self._save_snapshot(scope, rows, in_background=True)
                else:
                    self._snapshot_stale = True
        if self._queued or scope is not self.scope:
            self._queued = False
            self.reload()

    def _failed(self, error: Exception) -> None:
        self._loader = None
        self.failed.emit(error)
        if self._queued:
            self._queued = False
            self.reload()

    # ------------------------------------------------------------ snapshot
    def _save_snapshot(self, scope: Scope, rows: list[CaseloadRow], *, in_background: bool) -> None:
        """The caseload the next start shows at once (kept in the encrypted store)."""
        workspace = self.workspace
        assert workspace is not None

        def job(_progress: Any = None, _cancelled: Any = None) -> None:
            workspace.save_caseload_snapshot(scope, rows)

        if in_background:
            saver = worker.Worker(job)
            saver.signals.failed.connect(lambda _e: None)  # a missing snapshot only costs time
            self._saver = worker.start(saver)
        else:
            job()

    def forget_snapshot(self) -> None:
        """Nothing may be written any more (the store was wiped)."""
        self._snapshot_stale = False

    def close(self) -> None:
        """Wait for a snapshot being written, and write the newest one when it changed."""
        if self._saver is not None:
            self._saver.wait()
            self._saver = None
        if self._snapshot_stale and self.workspace is not None:
            self._save_snapshot(self.start_scope(), self._latest_rows, in_background=False)
