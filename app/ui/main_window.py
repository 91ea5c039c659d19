"""The main window: a thin frame around the caseload panel, the client file and the lock
screen. Actions come from the registry; all wiring is in `_connect_signals`; loading the
caseload, locking and syncing are controllers of their own.

At start-up it can show the last caseload (the snapshot) before the database layer is even
imported; `attach(store)` then makes it whole. So this module imports no SQLAlchemy."""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
)

from app.services.actor import Actor
from app.services.caseload_rows import CaseloadRow, Scope
from app.services.errors import ServiceError
from app.storage.errors import StoreError
from app.storage.secrets import is_demo_fallback
from app.ui import crash, messages, prefetch, settings, worker
from app.ui.actions import Actions
from app.ui.caseload_controller import CaseloadController
from app.ui.caseload_panel import CaseloadPanel
from app.ui.i18n import tr
from app.ui.lock import IdleWatcher, LockController, LockScreen
from app.ui.window_dialogs import WindowDialogs
from app.ui.window_parts import build_menus, build_status_bar, build_toolbar

if TYPE_CHECKING:
    from pathlib import Path

    from app.services.recent import RecentClient
    from app.ui.client_file import ClientFilePanel
    from app.ui.client_form import ClientFormDialog
    from app.ui.file_actions import FileActions
    from app.ui.sync_controller import SyncController
    from app.workspace import Workspace
    from app.workspace.opening import Store

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    caseload_ready = Signal()  # a (re)load of the caseload is shown
    attached = Signal()  # the store is open: everything works

    def __init__(
        self,
        store: Store | None,
        *,
        workspace: Workspace | None = None,
        demo: bool = False,
        data_dir: Path | None = None,
        snapshot: tuple[Actor, Scope, list[CaseloadRow]] | None = None,
    ) -> None:
        """With a store (or a workspace, for tests with a fake one): the whole window. Without
        one: the snapshot's caseload, until `attach(store)` (the caseworker can already look
        and search)."""
        super().__init__()
        self.store: Store | None = None  # kept to be closed by the application, never used
        self._workspace: Workspace | None = None
        self.demo = demo
        if store is not None:
            workspace = _workspace_of(store)
        if workspace is not None:
            data_dir = workspace.data_dir
            self._workspace = workspace
            self.actor: Actor = workspace.actor
        else:
            assert snapshot is not None and data_dir is not None
            self.actor = snapshot[0]
        self.loader = CaseloadController(self.actor, self)
        self.setObjectName(crash.MESSAGE_OWNER)  # shows the message bridge's errors
        # the scope of the rows on screen (a snapshot says which it holds)
        self._shown_scope = snapshot[1] if snapshot is not None else self.loader.scope
        if self._workspace is not None:
            self.store = store
            self.loader.attach(self._workspace)  # runs while the window is built and painted

        self.actions_ = Actions(self)
        self.dialogs = WindowDialogs(self)
        self.caseload = CaseloadPanel()
        self._client_file: ClientFilePanel | None = None  # made when first opened
        self.lock_screen = LockScreen(data_dir)
        self.pages = QStackedWidget()
        for page in (self.caseload, self.lock_screen):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)
        self.opener: worker.Worker | None = None  # the worker that opens the store, if any
        self._files: FileActions | None = None
        self._sync: SyncController | None = None
        self.recent_menu = build_menus(
            self, self.actions_, team_lead=self.actor.is_team_lead, recent=self._recent_clients
        )
        self.recent_menu.triggered.connect(lambda action: self.open_client(action.data()))
        build_toolbar(
            self,
            self.actions_,
            team_lead=self.actor.is_team_lead,
            team=self.scope is Scope.TEAM,
        )
        self.user_label, self.sync_label, self.progress, self.count_label = build_status_bar(
            self.statusBar(), self.actor, demo=self.demo
        )
        self.idle = IdleWatcher(settings.idle_minutes(), self)
        QApplication.instance().installEventFilter(self.idle)  # type: ignore[union-attr]
        self.locking = LockController(self.pages, self.lock_screen, self.idle)
        self._connect_signals()
        if self._workspace is not None:
            self._attach_parts(self._workspace)
        elif snapshot is not None:
            self.caseload.today = dt.date.today()
            self.caseload.set_rows(snapshot[2])
            self.progress.show()
            self.statusBar().showMessage(tr("Caseload bijwerken…"))
        self._update_title()
        self._update_actions()
        saved = settings.saved_geometry("MainWindow")
        if saved is not None:
            self.restoreGeometry(saved)
        else:
            self._first_size()
        self._show_loading()

    def _first_size(self) -> None:
        """1360x800 where it fits; on a smaller screen (1366x768) the whole available area,
        so that the status bar and its warnings are in view."""
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is None or (screen.width() >= 1400 and screen.height() >= 860):
            self.resize(1360, 800)
            return
        frame = 40  # the window manager's title bar and borders
        self.resize(min(1360, screen.width()), min(800, screen.height() - frame))
        self.move(screen.topLeft())

    def attach(self, store: Store) -> None:
        """The store is open: load the fresh caseload and enable everything."""
        self.store = store
        workspace = self._workspace = _workspace_of(store)
        if workspace.actor != self.actor:  # the snapshot was of another owner
            self.actor = workspace.actor
            self.user_label.setText(self.actor.display_name)
        self._attach_parts(workspace)
        self.loader.attach(workspace)
        self._show_loading()
        self._update_title()
        self._update_actions()
        self.attached.emit()

    def _attach_parts(self, workspace: Workspace) -> None:
        from app.ui.file_actions import FileActions
        from app.ui.sync_controller import SyncController, show_sync_status

        self._files = FileActions(
            workspace,
            self,
            current_client=lambda: self.client_file.client_id if self._in_file() else None,
            reload=self.reload,
        )
        self._sync = SyncController(workspace, self)
        show_sync_status(self.sync, self.sync_label, self.actions_.sync)
        self.sync.data_changed.connect(self.synced_data_changed)
        self.sync.login_needed.connect(self.dialogs.login)
        self.sync.wiped.connect(self._wiped)
        self.caseload_ready.connect(self._start_sync_once)
        self.files.backup_when_due()

    @property
    def workspace(self) -> Workspace:
        assert self._workspace is not None, "the store is not open yet"
        return self._workspace

    @property
    def files(self) -> FileActions:
        assert self._files is not None, "the store is not open yet"
        return self._files

    @property
    def sync(self) -> SyncController:
        assert self._sync is not None, "the store is not open yet"
        return self._sync

    @property
    def scope(self) -> Scope:
        return self.loader.scope

    @property
    def locked(self) -> bool:
        return self.locking.locked

    # ------------------------------------------------------------ building
    def _connect_signals(self) -> None:
        a = self.actions_
        a.new_client.triggered.connect(self.new_client)
        a.open_client.triggered.connect(self.open_selected)
        a.edit_client.triggered.connect(lambda: self.client_file.edit_client())
        a.add_journal.triggered.connect(lambda: self.client_file.add_journal_entry())
        a.assess.triggered.connect(lambda: self.client_file.assess())
        a.ladder_figures.triggered.connect(self.dialogs.ladder_figures)
        a.due_list.triggered.connect(self.dialogs.due_list)
        a.subsidy_statement.triggered.connect(self.dialogs.subsidy_statement)
        a.export.triggered.connect(lambda: self.files.ask_export())
        a.caseload_overview.triggered.connect(lambda: self.files.ask_caseload_overview(self.scope))
        a.quarter_report.triggered.connect(lambda: self.files.ask_quarter_report(self.scope))
        a.plans.triggered.connect(lambda: self.files.ask_plans(self.scope))
        a.transfer.triggered.connect(lambda: self.files.ask_transfer())
        a.import_transfer.triggered.connect(lambda: self.files.ask_import())
        a.back.triggered.connect(self.show_caseload)
        a.find.triggered.connect(self._find)
        a.refresh.triggered.connect(self.reload)
        a.toggle_team.toggled.connect(self._set_team_scope)
        a.clear_filters.triggered.connect(self.caseload.clear_filters)
        a.lock.triggered.connect(self.lock)
        a.change_passphrase.triggered.connect(self.dialogs.change_passphrase)
        a.backup.triggered.connect(lambda: self.files.backup_now())
        a.settings.triggered.connect(self.dialogs.settings)
        a.quit.triggered.connect(self.close)
        a.sync.triggered.connect(lambda: self.sync.sync_or_cancel())
        a.login.triggered.connect(self.dialogs.login)
        a.conflicts.triggered.connect(self.dialogs.conflicts)
        self.caseload.open_requested.connect(self.open_client)
        self.caseload.counts_changed.connect(self._show_counts)
        self.loader.started.connect(self._show_loading)
        self.loader.loaded.connect(self._caseload_loaded)
        self.loader.failed.connect(self._caseload_failed)
        self.locking.changed.connect(self._lock_changed)
        self.pages.currentChanged.connect(lambda _i: self._update_actions())
        messages.bridge.error.connect(self._show_error)
        messages.bridge.warning.connect(self._show_error)
        messages.bridge.info.connect(self._show_info)

    # ------------------------------------------------------------ caseload
    def reload(self) -> None:
        """Load the caseload again (a reload asked for during a load comes after it)."""
        self.loader.reload()

    def is_loading(self) -> bool:
        return self.loader.is_loading()

    def _show_loading(self) -> None:
        if self.loader.is_loading():
            self.progress.show()
            self.statusBar().showMessage(tr("Caseload laden…"))

    def _caseload_loaded(self, scope: Scope, rows: list[CaseloadRow]) -> None:
        if not self.loader.is_loading():
            self.progress.hide()
            self.statusBar().clearMessage()
        self._shown_scope = scope
        self.caseload.today = dt.date.today()
        self.caseload.set_rows(rows)
        self.caseload_ready.emit()
        prefetch.start(prefetch.CLIENT_FILE)  # ready before the first file is opened

    def _caseload_failed(self, error: Exception) -> None:
        self.progress.hide()
        messages.error(tr("De caseload kon niet worden geladen: {0}").format(error))

    def _show_info(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    def _show_counts(self, shown: int, total: int, overdue: int) -> None:
        scope = tr("team") if self._shown_scope is Scope.TEAM else tr("eigen caseload")
        text = tr("{0} van {1} klanten ({2})").format(shown, total, scope)
        if overdue:
            text += " · " + tr("{0} te laat").format(overdue)
        self.count_label.setText(text)

    def _set_team_scope(self, team: bool) -> None:
        if self.actor.is_team_lead:
            self.loader.set_scope(Scope.TEAM if team else Scope.OWN)

    def _find(self) -> None:
        self.show_caseload()
        self.caseload.focus_search()

    # ------------------------------------------------------------ client file
    @property
    def client_file(self) -> ClientFilePanel:
        """The client file page, made on first use (its modules are not needed to start)."""
        if self._client_file is None:
            from app.ui.client_file import ClientFilePanel

            panel = ClientFilePanel(self.workspace)
            panel.back_requested.connect(self.show_caseload)
            panel.changed.connect(lambda _id: self._edited())
            self.pages.addWidget(panel)
            self._client_file = panel
        return self._client_file

    def _edited(self) -> None:
        """Something was saved here: the caseload shows it, and the sync sends it soon."""
        self.reload()
        self.sync.soon()

    def _in_file(self) -> bool:
        return self._client_file is not None and self.pages.currentWidget() is self._client_file

    def open_client(self, client_id: str) -> None:
        if self._workspace is None:
            return
        try:
            self.client_file.open_client(client_id)
        except (ServiceError, StoreError) as exc:  # a Dutch message; others reach the crash hook
            messages.error(str(exc))
            return
        self.pages.setCurrentWidget(self.client_file)
        self._update_title()

    def _recent_clients(self) -> list[RecentClient]:
        return self._workspace.recent_clients() if self._workspace is not None else []

    def open_selected(self) -> None:
        client_id = self.caseload.selected_client_id()
        if client_id:
            self.open_client(client_id)
        elif self.pages.currentWidget() is self.caseload:
            messages.info(tr("Kies eerst een klant in de lijst (pijltjes en Enter)."))

    def show_caseload(self) -> None:
        if self.locked:
            return
        if self._client_file is not None:
            self._client_file.clear()
        self.pages.setCurrentWidget(self.caseload)
        self._update_title()
        self.caseload.table.setFocus()

    def new_client(self) -> ClientFormDialog:
        from app.services.clients import ClientForm
        from app.ui.client_form import ClientFormDialog

        workspace = self.workspace
        created: list[str] = []

        def save(form: ClientForm) -> None:
            created.append(workspace.create_client(form))

        dialog = ClientFormDialog(save, title=tr("Nieuwe klant"), parent=self)

        def done() -> None:
            self._edited()
            if created:
                self.open_client(created[0])

        dialog.accepted.connect(done)
        dialog.open()
        return dialog

    # ------------------------------------------------------------ lock
    def lock(self) -> None:
        self.locking.lock()

    def unlock(self) -> None:
        self.locking.unlock()

    def _lock_changed(self, _locked: bool) -> None:
        self._update_title()
        self._update_actions()

    # ------------------------------------------------------------ sync
    def _start_sync_once(self) -> None:
        self.caseload_ready.disconnect(self._start_sync_once)
        # after the first paint of the caseload: its status queries must not delay it
        self.sync.start(after_ms=300)

    def synced_data_changed(self) -> None:
        self.reload()
        if self._in_file() and not self.locked:
            try:
                self.client_file.reload()
            except ServiceError:  # the client left this caseload with the sync
                self.show_caseload()
                messages.info(tr("Dit dossier staat niet meer in uw caseload."))

    def _wiped(self, text: str) -> None:
        """The central store revoked this laptop: its store is gone; say so and stop."""
        self.loader.forget_snapshot()  # nothing may be written: the files are gone
        self.locking.shut()
        QMessageBox.critical(self, "Trede", text)
        self.close()

    def _show_error(self, text: str) -> None:
        QMessageBox.warning(self, "Trede", text)

    # ------------------------------------------------------------ state
    def _update_title(self) -> None:
        parts = ["Trede"]
        if self.demo:
            parts.append(tr("demo (gegenereerde klanten)"))
        elif is_demo_fallback():
            parts.append(tr("ONVEILIGE SLEUTELBOS"))
        if self.locked:
            parts.append(tr("vergrendeld"))
        elif self._in_file() and self.client_file.details:
            parts.append(self.client_file.details.display_name)
        else:
            parts.append(self.actor.display_name)
        self.setWindowTitle(" – ".join(parts))

    def _update_actions(self) -> None:
        in_file = self._in_file()
        a = self.actions_
        # before the store is open: look and search in the snapshot, lock, quit
        usable_early = (a.quit, a.lock, a.find, a.clear_filters)
        for action in a.all():
            if self.locked:
                action.setEnabled(action is a.quit)
            else:
                action.setEnabled(self._workspace is not None or action in usable_early)
        if not self.locked and self._workspace is not None:
            for action in self.actions_.client_actions():
                action.setEnabled(in_file)
            self.actions_.back.setEnabled(in_file)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._sync is not None:
            self._sync.stop()
        self.loader.close()
        settings.save_geometry("MainWindow", self.saveGeometry())
        QApplication.instance().removeEventFilter(self.idle)  # type: ignore[union-attr]
        super().closeEvent(event)


def _workspace_of(store: Store) -> Workspace:
    from app.workspace import Workspace

    return Workspace(store)
