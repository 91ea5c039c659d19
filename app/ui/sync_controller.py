"""Sync in the app: the controller that syncs in the background (on demand and on a timer)
and reports through the status bar; its login dialogs are in `sync_dialogs`."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from app.domain.formatting import format_moment
from app.storage.errors import StoreCorrupted
from app.sync.errors import (
    ClockOff,
    LoginRequired,
    RemoteWipe,
    ServerUnreachable,
    SyncError,
)
from app.ui import messages, settings, worker
from app.ui.i18n import tr

if TYPE_CHECKING:
    from app.workspace import Workspace
    from app.workspace.syncing import SyncReport, SyncStatus

log = logging.getLogger(__name__)


def sync_message(error: SyncError) -> str:
    """A sync error's message in the interface's language."""
    return tr(error.text).format(*error.values)


def status_text(status: SyncStatus, *, offline: bool = False, login: bool = False) -> str:
    if not status.linked:
        return tr("Niet gekoppeld aan een centrale server")
    parts = []
    if login:
        parts.append(tr("Meld u opnieuw aan bij de centrale server (Ctrl+Shift+A)"))
    if status.last_sync_at is None:
        parts.append(tr("Nog niet gesynchroniseerd"))
    elif offline:
        parts.append(
            tr("Offline; laatst gesynchroniseerd {0}").format(format_moment(status.last_sync_at))
        )
    else:
        parts.append(tr("Gesynchroniseerd {0}").format(format_moment(status.last_sync_at)))
    if status.pending:
        parts.append(tr("{0} niet verzonden").format(status.pending))
    if status.conflicts:
        parts.append(tr("{0} conflict(en)").format(status.conflicts))
    if status.clock_off:
        minutes = round(abs(status.clock_offset_s) / 60)
        parts.append(tr("Let op: de klok van deze laptop wijkt {0} minuten af").format(minutes))
    return " · ".join(parts)


class SyncController(QObject):
    """One sync at a time, off the GUI thread; automatic while a server is configured: at
    start, every few minutes, and shortly after a local edit."""

    # after an edit, wait this long for more edits before syncing them together
    soon_ms = 15_000

    status_changed = Signal(str, bool)  # text, needs attention
    data_changed = Signal()  # rows arrived or clients left: views reload
    wiped = Signal(str)  # the central store revoked this laptop; the store is gone
    login_needed = Signal()
    running_changed = Signal(bool)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._job: worker.Worker | None = None
        self._manual = False
        self._offline = False
        self._login = False  # the server asked for a new login (an expired token, say)
        self._warned_clock = False
        self.last_report: SyncReport | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(lambda: self.sync_now(manual=False))
        self._first = QTimer(self)
        self._first.setSingleShot(True)
        self._first.timeout.connect(self.start)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.timeout.connect(lambda: self.sync_now(manual=False))

    def start(self, *, after_ms: int = 0) -> None:
        """Sync now and then every few minutes, if this store is linked to a server."""
        if after_ms:
            self._first.start(after_ms)
            return
        self.set_interval(settings.sync_minutes())
        if self.status().linked:
            self.sync_now(manual=False)
        else:
            self.refresh_status()

    def set_interval(self, minutes: int) -> None:
        self.timer.start(max(1, minutes) * 60_000)

    def soon(self) -> None:
        """A local edit was saved: show it as unsent, and sync it shortly (when linked)."""
        self.refresh_status()
        if self.status().linked and not self._soon.isActive():
            self._soon.start(self.soon_ms)

    def stop(self) -> None:
        self._soon.stop()
        self._first.stop()
        self.timer.stop()
        if self._job is not None:
            self._job.cancel()

    def is_running(self) -> bool:
        return self._job is not None

    def sync_or_cancel(self) -> None:
        """F9: sync now, or cancel the sync that runs."""
        if self.is_running():
            self.cancel()
        else:
            self.sync_now(manual=True)

    def cancel(self) -> None:
        """Stop the running sync at its next request; what was received stays."""
        if self._job is not None:
            self._job.cancel()
            self.status_changed.emit(tr("Synchronisatie afbreken…"), False)

    def status(self) -> SyncStatus:
        return self.workspace.sync_status()

    def refresh_status(self) -> None:
        status = self.status()
        attention = status.conflicts > 0 or status.clock_off or self._offline or self._login
        text = status_text(status, offline=self._offline, login=self._login)
        self.status_changed.emit(text, attention)

    def sync_now(self, *, manual: bool = True) -> None:
        if self._job is not None:
            return
        if not self.status().linked:
            if manual:
                self.login_needed.emit()
            return
        self._manual = manual
        workspace = self.workspace

        def job(progress: Any, cancelled: Any) -> SyncReport:
            return workspace.sync(progress, cancelled)

        self._job = worker.Worker(job)
        self._job.signals.progress.connect(self._progress)
        self._job.signals.finished.connect(self._finished)
        self._job.signals.failed.connect(self._failed)
        self.running_changed.emit(True)
        self.status_changed.emit(tr("Synchroniseren…"), False)
        worker.start(self._job)

    def _progress(self, done: int, total: int) -> None:
        self.status_changed.emit(tr("Synchroniseren… {0} van {1}").format(done, total), False)

    def _done(self) -> None:
        self._job = None
        self.running_changed.emit(False)

    def _finished(self, report: SyncReport) -> None:
        self._done()
        self._offline = False
        self._login = False
        self.last_report = report
        if report.received or report.purged_clients or report.new_conflicts:
            self.data_changed.emit()
        self.refresh_status()
        if report.clock_off and not self._warned_clock:
            self._warned_clock = True
            messages.warning(
                tr(
                    "De klok van deze laptop wijkt meer dan 5 minuten af van die van de "
                    "centrale server. Zet de klok goed: tijden van wijzigingen en "
                    "conflicten kloppen anders niet."
                )
            )
        if self._manual:
            text = tr("Gesynchroniseerd: {0} verzonden, {1} ontvangen.").format(
                report.pushed, report.received
            )
            if report.new_conflicts:
                text += " " + tr("{0} nieuwe conflict(en) om op te lossen.").format(
                    report.new_conflicts
                )
            messages.info(text)

    def _failed(self, error: Exception) -> None:
        self._done()
        if isinstance(error, StoreCorrupted):
            self.timer.stop()  # nothing more is read from or written into a damaged store
            messages.error(
                str(error)
                + " "
                + tr(
                    "Sluit Trede en open het opnieuw: dan kunt u de reservekopie terugzetten "
                    "of de gegevens opnieuw ophalen."
                )
            )
            return
        if isinstance(error, RemoteWipe):
            self.timer.stop()
            self.wiped.emit(sync_message(error))
            return
        if isinstance(error, ServerUnreachable):
            self._offline = True
            self.refresh_status()
            if self._manual:
                messages.warning(sync_message(error))
            return
        if isinstance(error, LoginRequired):
            self._login = True
            self.refresh_status()
            if self._manual:
                self.login_needed.emit()
            return
        self.refresh_status()
        if isinstance(error, ClockOff):
            # nothing can be sent until the clock is right: say so once, even unasked
            if self._manual or not self._warned_clock:
                self._warned_clock = True
                messages.warning(sync_message(error))
            return
        if isinstance(error, SyncError):
            if self._manual:
                messages.error(sync_message(error))
            return
        log.error("sync failed: %s", type(error).__name__)
        if self._manual:
            messages.error(
                tr("De synchronisatie is mislukt. Er is niets verloren; probeer het opnieuw.")
            )


def show_sync_status(controller: SyncController, label: QLabel, action: QAction) -> None:
    """The status bar's sync label follows the controller; while a sync runs, its action (F9)
    cancels it."""

    def status(text: str, attention: bool) -> None:
        label.setText(text)
        label.setProperty("role", "error" if attention else "muted")
        label.style().unpolish(label)
        label.style().polish(label)

    def running(flag: bool) -> None:
        action.setText(tr("Synchronisatie afbreken") if flag else tr("Synchroniseren"))
        action.setToolTip(
            tr("De lopende synchronisatie afbreken; er gaat niets verloren")
            if flag
            else tr("Nu synchroniseren met de centrale server")
        )

    controller.status_changed.connect(status)
    controller.running_changed.connect(running)
