"""The main window: a thin frame around the caseload panel, the client file and the lock
screen. Actions come from the registry; all wiring is in `_connect_signals`.

At start-up it can show the last caseload (the snapshot) before the database layer is even
imported; `attach(store)` then makes it whole. So this module imports no SQLAlchemy."""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from app.services.actor import Actor
from app.services.caseload_rows import CaseloadRow, Scope
from app.services.errors import ServiceError
from app.storage.errors import StoreError
from app.storage.secrets import is_demo_fallback
from app.ui import crash, messages, prefetch, settings, worker
from app.ui.actions import Actions
from app.ui.caseload_panel import CaseloadPanel
from app.ui.i18n import tr
from app.ui.lock import IdleWatcher, LockScreen

if TYPE_CHECKING:
    from pathlib import Path

    from app.storage.store import Store
    from app.ui.client_file import ClientFilePanel
    from app.ui.client_form import ClientFormDialog
    from app.ui.conflicts_dialog import ConflictsDialog
    from app.ui.due_list import DueListDialog
    from app.ui.file_actions import FileActions
    from app.ui.ladder_figures import LadderFiguresDialog
    from app.ui.settings_dialog import ChangePassphraseDialog, SettingsDialog
    from app.ui.statement_dialog import StatementDialog
    from app.ui.sync_panel import LoginDialog, SyncController

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    caseload_ready = Signal()  # a (re)load of the caseload is shown
    attached = Signal()  # the store is open: everything works

    def __init__(
        self,
        store: Store | None,
        *,
        demo: bool = False,
        data_dir: Path | None = None,
        snapshot: tuple[Actor, Scope, list[CaseloadRow]] | None = None,
    ) -> None:
        """With a store: the whole window. Without one: the snapshot's caseload, until
        `attach(store)` (the caseworker can already look and search)."""
        super().__init__()
        self.store: Store | None = None
        self.demo = demo
        if store is not None:
            data_dir = store.paths.data_dir
            self.actor: Actor = self._owner(store)
        else:
            assert snapshot is not None and data_dir is not None
            self.actor = snapshot[0]
        self.scope = self._start_scope()
        self._loader: worker.Worker | None = None
        self.setObjectName(crash.MESSAGE_OWNER)  # shows the message bridge's errors
        self._reload_queued = False  # a reload asked for while one runs comes after it
        self._hidden_while_locked: list[QWidget] = []
        self.locked = False
        self._page_before_lock: QWidget | None = None
        self._snapshot_saved = False
        self._snapshot_stale = False
        self._latest_rows: list[CaseloadRow] = []
        self._saver: worker.Worker | None = None
        if store is not None:
            self.store = store
            self._start_loading()  # the query runs while the window is built and painted

        self.actions_ = Actions(self)
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
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self.idle = IdleWatcher(settings.idle_minutes(), self)
        QApplication.instance().installEventFilter(self.idle)  # type: ignore[union-attr]
        self._connect_signals()
        if store is not None:
            self._attach_parts(store)
        elif snapshot is not None:
            self.caseload.today = dt.date.today()
            self.caseload.set_rows(snapshot[2])
            self.progress.show()
            self.statusBar().showMessage(tr("Caseload bijwerken…"))
        self._update_title()
        self._update_actions()
        saved = QSettings().value("geometry/MainWindow")
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

    @staticmethod
    def _owner(store: Store) -> Actor:
        from app.services.context import owner_actor

        with store.session() as session:
            return owner_actor(session)

    def attach(self, store: Store) -> None:
        """The store is open: load the fresh caseload and enable everything."""
        self.store = store
        actor = self._owner(store)
        if actor != self.actor:  # the snapshot was of another owner: start from the store
            self.actor = actor
            self.scope = self._start_scope()
            self.user_label.setText(actor.display_name)
        self._attach_parts(store)
        self._start_loading()
        self._show_loading()
        self._update_title()
        self._update_actions()
        self.attached.emit()

    def _attach_parts(self, store: Store) -> None:
        from app.ui.file_actions import FileActions
        from app.ui.sync_panel import SyncController

        self._files = FileActions(
            store,
            self.actor,
            self,
            current_client=lambda: self.client_file.client_id if self._in_file() else None,
            reload=self.reload,
        )
        self._sync = SyncController(store, self)
        self.sync.status_changed.connect(self._show_sync_status)
        self.sync.data_changed.connect(self._synced_data_changed)
        self.sync.login_needed.connect(self.open_login)
        self.sync.wiped.connect(self._wiped)
        self.sync.running_changed.connect(self._show_sync_running)
        self.caseload_ready.connect(self._start_sync_once)
        self._backup_when_due(store)

    def make_backup_now(self) -> None:
        from app.domain.formatting import format_moment
        from app.storage.backup import make_backup

        store = self._open_store()
        job = worker.Worker(lambda _p, _c: make_backup(store))
        job.signals.finished.connect(
            lambda backup: messages.info(
                tr("Reservekopie gemaakt ({0}); de nieuwste 7 worden bewaard.").format(
                    format_moment(backup.made_at)
                )
            )
        )
        job.signals.failed.connect(lambda error: messages.error(str(error)))
        self._backup_job = worker.start(job)

    def _backup_when_due(self, store: Store) -> None:
        """The day's backup, in the background; a failure is logged and tried next start."""
        from app.storage.backup import backup_if_due

        job = worker.Worker(lambda _p, _c: backup_if_due(store))
        job.signals.failed.connect(lambda _e: log.warning("the daily backup was not made"))
        self._backup_job = worker.start(job)  # kept alive with the window

    @property
    def files(self) -> FileActions:
        assert self._files is not None, "the store is not open yet"
        return self._files

    @property
    def sync(self) -> SyncController:
        assert self._sync is not None, "the store is not open yet"
        return self._sync

    def _open_store(self) -> Store:
        assert self.store is not None, "the store is not open yet"
        return self.store

    # ------------------------------------------------------------ building
    def _build_menus(self) -> None:
        a = self.actions_
        files = self.menuBar().addMenu(tr("&Bestand"))
        for action in (
            a.export,
            a.caseload_overview,
            a.quarter_report,
            a.subsidy_statement,
            a.plans,
        ):
            files.addAction(action)
        files.addSeparator()
        files.addAction(a.transfer)
        files.addAction(a.import_transfer)
        files.addSeparator()
        for action in (a.sync, a.conflicts, a.login):
            files.addAction(action)
        files.addSeparator()
        for action in (a.backup, a.change_passphrase, a.settings, a.lock, a.quit):
            files.addAction(action)
        client = self.menuBar().addMenu(tr("&Klant"))
        for action in (a.new_client, a.open_client, a.edit_client, a.add_journal, a.assess):
            client.addAction(action)
        a.toggle_team.setVisible(self.actor.is_team_lead)
        view = self.menuBar().addMenu(tr("Bee&ld"))
        for action in (a.back, a.find, a.clear_filters, a.refresh, a.toggle_team):
            view.addAction(action)
        for action in (a.due_list, a.ladder_figures):
            view.addAction(action)

    def _build_toolbar(self) -> None:
        a = self.actions_
        toolbar = QToolBar(tr("Werkbalk"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (a.back, a.new_client, a.edit_client, a.add_journal, a.assess):
            toolbar.addAction(action)
        toolbar.addSeparator()
        if self.actor.is_team_lead:
            toolbar.addAction(a.toggle_team)
            a.toggle_team.setChecked(self.scope is Scope.TEAM)
        toolbar.addAction(a.refresh)
        toolbar.addAction(a.sync)
        toolbar.addAction(a.due_list)
        toolbar.addAction(a.ladder_figures)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addAction(a.settings)
        toolbar.addAction(a.lock)
        self.addToolBar(toolbar)
        for action in a.all():
            self.addAction(action)

    def _build_status_bar(self) -> None:
        self.user_label = QLabel(self.actor.display_name)
        self.count_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(tr("Bezig met laden"))
        self.progress.hide()
        self.sync_label = QLabel()
        self.sync_label.setAccessibleName(tr("Synchronisatie"))
        bar = self.statusBar()
        bar.addWidget(self.user_label)
        bar.addWidget(self.sync_label)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.count_label)
        if not self.demo and is_demo_fallback():
            warning = QLabel(tr("Onveilige sleutelbos: het apparaatgeheim staat in een bestand"))
            warning.setProperty("role", "error")
            warning.setToolTip(
                tr(
                    "De beheerder heeft de demosleutelbos voor deze computer gekozen. Gebruik "
                    "hem niet voor echte klanten op een laptop die mee naar buiten gaat."
                )
            )
            bar.addPermanentWidget(warning)

    def _connect_signals(self) -> None:
        a = self.actions_
        a.new_client.triggered.connect(self.new_client)
        a.open_client.triggered.connect(self.open_selected)
        a.edit_client.triggered.connect(lambda: self.client_file.edit_client())
        a.add_journal.triggered.connect(lambda: self.client_file.add_journal_entry())
        a.assess.triggered.connect(lambda: self.client_file.assess())
        a.ladder_figures.triggered.connect(self.open_ladder_figures)
        a.due_list.triggered.connect(self.open_due_list)
        a.subsidy_statement.triggered.connect(self.open_subsidy_statement)
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
        a.change_passphrase.triggered.connect(self.change_passphrase)
        a.backup.triggered.connect(self.make_backup_now)
        a.settings.triggered.connect(self.open_settings)
        a.quit.triggered.connect(self.close)
        a.sync.triggered.connect(self._sync_or_cancel)
        a.login.triggered.connect(self.open_login)
        a.conflicts.triggered.connect(self.open_conflicts)
        self.caseload.open_requested.connect(self.open_client)
        self.caseload.counts_changed.connect(self._show_counts)
        self.lock_screen.unlocked.connect(self.unlock)
        self.idle.idle.connect(self.lock)
        self.pages.currentChanged.connect(lambda _i: self._update_actions())
        messages.bridge.error.connect(self._show_error)
        messages.bridge.warning.connect(self._show_error)
        messages.bridge.info.connect(self._show_info)

    # ------------------------------------------------------------ caseload
    def reload(self) -> None:
        """Load the caseload off the GUI thread, with its own database session."""
        if self._loader is not None:
            self._reload_queued = True  # what it loads may be from before the change
        elif self.store is not None:
            self._start_loading()
            self._show_loading()

    def _start_loading(self) -> None:
        store, actor, scope = self._open_store(), self.actor, self.scope

        def job(progress: Any, cancelled: Any) -> list[CaseloadRow]:
            from app.services.caseload import caseload_rows

            with store.session(actor.caseworker_id) as session:
                return caseload_rows(session, actor, scope=scope)

        self._loader = worker.Worker(job)
        self._loader.signals.finished.connect(self._caseload_loaded)
        self._loader.signals.failed.connect(self._caseload_failed)
        worker.start(self._loader)

    def _show_loading(self) -> None:
        if self._loader is not None:
            self.progress.show()
            self.statusBar().showMessage(tr("Caseload laden…"))

    def _caseload_loaded(self, rows: list[CaseloadRow]) -> None:
        self._loader = None
        self.progress.hide()
        self.statusBar().clearMessage()
        self.caseload.today = dt.date.today()
        self.caseload.set_rows(rows)
        self.caseload_ready.emit()
        prefetch.start(prefetch.CLIENT_FILE)  # ready before the first file is opened
        if self.scope is self._start_scope():
            self._latest_rows = rows
            if not self._snapshot_saved:
                self._snapshot_saved = True
                self._save_snapshot(rows, in_background=True)
            else:
                self._snapshot_stale = True
        self._run_queued_reload()

    def _run_queued_reload(self) -> None:
        if self._reload_queued:
            self._reload_queued = False
            self.reload()

    def _start_scope(self) -> Scope:
        return Scope.TEAM if self.actor.is_team_lead else Scope.OWN

    def _save_snapshot(self, rows: list[CaseloadRow], *, in_background: bool) -> None:
        """The caseload the next start shows at once (kept in the encrypted store)."""
        from app.services.caseload_rows import SNAPSHOT_KEY, SNAPSHOT_MAX_ROWS, snapshot_text

        store, actor, scope = self._open_store(), self.actor, self.scope

        def job(_progress: Any = None, _cancelled: Any = None) -> None:
            from sqlalchemy import delete

            from app.models import LocalSetting
            from app.services.context import set_setting

            with store.session() as session:
                if len(rows) > SNAPSHOT_MAX_ROWS:
                    session.execute(delete(LocalSetting).where(LocalSetting.key == SNAPSHOT_KEY))
                else:
                    set_setting(session, SNAPSHOT_KEY, snapshot_text(actor, scope, rows))

        if in_background:
            saver = worker.Worker(job)
            saver.signals.failed.connect(lambda _e: None)  # a missing snapshot only costs time
            self._saver = worker.start(saver)
        else:
            job()

    def _wait_for_saver(self) -> None:
        if self._saver is not None:
            self._saver.wait()
            self._saver = None

    def _caseload_failed(self, error: Exception) -> None:
        self._loader = None
        self.progress.hide()
        messages.error(tr("De caseload kon niet worden geladen: {0}").format(error))
        self._run_queued_reload()

    def is_loading(self) -> bool:
        return self._loader is not None

    def _show_info(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    def _show_counts(self, shown: int, total: int, overdue: int) -> None:
        scope = tr("team") if self.scope is Scope.TEAM else tr("eigen caseload")
        text = tr("{0} van {1} klanten ({2})").format(shown, total, scope)
        if overdue:
            text += " · " + tr("{0} te laat").format(overdue)
        self.count_label.setText(text)

    def _set_team_scope(self, team: bool) -> None:
        if not self.actor.is_team_lead:
            return
        self.scope = Scope.TEAM if team else Scope.OWN
        self.reload()

    def _find(self) -> None:
        self.show_caseload()
        self.caseload.focus_search()

    # ------------------------------------------------------------ client file
    @property
    def client_file(self) -> ClientFilePanel:
        """The client file page, made on first use (its modules are not needed to start)."""
        if self._client_file is None:
            from app.ui.client_file import ClientFilePanel

            panel = ClientFilePanel(self._open_store(), self.actor)
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
        if self.store is None:
            return
        try:
            self.client_file.open_client(client_id)
        except (ServiceError, StoreError) as exc:  # a Dutch message; others reach the crash hook
            messages.error(str(exc))
            return
        self.pages.setCurrentWidget(self.client_file)
        self._update_title()

    def open_selected(self) -> None:
        client_id = self.caseload.selected_client_id()
        if client_id:
            self.open_client(client_id)

    def show_caseload(self) -> None:
        if self.locked:
            return
        if self._client_file is not None:
            self._client_file.clear()
        self.pages.setCurrentWidget(self.caseload)
        self._update_title()
        self.caseload.table.setFocus()

    def new_client(self) -> ClientFormDialog:
        from app.services.clients import ClientForm, create_client
        from app.ui.client_form import ClientFormDialog

        store = self._open_store()

        created: list[str] = []

        def save(form: ClientForm) -> None:
            with store.session(self.actor.caseworker_id) as session:
                created.append(create_client(session, self.actor, form))

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
        if self.locked:
            return
        self.locked = True
        self.idle.pause()
        self._hidden_while_locked = [
            w for w in QApplication.topLevelWidgets() if w is not self and w.isVisible()
        ]
        for widget in self._hidden_while_locked:
            widget.hide()
        self._page_before_lock = self.pages.currentWidget()
        self.pages.setCurrentWidget(self.lock_screen)
        self.lock_screen.prepare()
        self._update_title()
        self._update_actions()
        log.info("locked")

    def unlock(self) -> None:
        self.locked = False
        self.pages.setCurrentWidget(self._page_before_lock or self.caseload)
        for widget in self._hidden_while_locked:
            widget.show()
        self._hidden_while_locked = []
        self.idle.resume()
        self._update_title()
        self._update_actions()
        log.info("unlocked")

    # ------------------------------------------------------------ dialogs
    def open_ladder_figures(self) -> LadderFiguresDialog:
        from app.ui.ladder_figures import LadderFiguresDialog

        dialog = LadderFiguresDialog(self._open_store(), self.actor, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_due_list(self) -> DueListDialog:
        from app.ui.due_list import DueListDialog

        dialog = DueListDialog(
            self._open_store(), self.actor, self.open_client, scope=self.scope, parent=self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_subsidy_statement(self) -> StatementDialog:
        from app.ui.statement_dialog import StatementDialog

        dialog = StatementDialog(self._open_store(), self.actor, scope=self.scope, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_settings(self) -> SettingsDialog:
        from app.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(
            self, server_url=self.sync.status().server_url, on_server=self.open_login
        )
        dialog.accepted.connect(lambda: self.idle.set_minutes(settings.idle_minutes()))
        dialog.accepted.connect(self._apply_sync_interval)
        dialog.open()
        return dialog

    def change_passphrase(self) -> ChangePassphraseDialog:
        from app.ui.settings_dialog import ChangePassphraseDialog

        dialog = ChangePassphraseDialog(self._open_store().paths.data_dir, self)
        dialog.accepted.connect(lambda: messages.info(tr("Het wachtwoord is gewijzigd.")))
        dialog.open()
        return dialog

    def _apply_sync_interval(self) -> None:
        self.sync.set_interval(settings.sync_minutes())

    # ------------------------------------------------------------ sync
    def _start_sync_once(self) -> None:
        self.caseload_ready.disconnect(self._start_sync_once)
        # after the first paint of the caseload: its status queries must not delay it
        self.sync.start(after_ms=300)

    def _show_sync_status(self, text: str, attention: bool) -> None:
        self.sync_label.setText(text)
        self.sync_label.setProperty("role", "error" if attention else "muted")
        self.sync_label.style().unpolish(self.sync_label)
        self.sync_label.style().polish(self.sync_label)

    def _sync_or_cancel(self) -> None:
        if self.sync.is_running():
            self.sync.cancel()
        else:
            self.sync.sync_now(manual=True)

    def _show_sync_running(self, running: bool) -> None:
        """While a sync runs, its action (F9) cancels it."""
        action = self.actions_.sync
        action.setText(tr("Synchronisatie afbreken") if running else tr("Synchroniseren"))
        action.setToolTip(
            tr("De lopende synchronisatie afbreken; er gaat niets verloren")
            if running
            else tr("Nu synchroniseren met de centrale server")
        )

    def _synced_data_changed(self) -> None:
        self.reload()
        if self._in_file() and not self.locked:
            try:
                self.client_file.reload()
            except ServiceError:  # the client left this caseload with the sync
                self.show_caseload()
                messages.info(tr("Dit dossier staat niet meer in uw caseload."))

    def open_login(self) -> LoginDialog:
        from app.ui.sync_panel import LoginDialog

        dialog = LoginDialog(self._open_store(), self)
        dialog.accepted.connect(lambda: self.sync.sync_now(manual=True))
        dialog.open()
        return dialog

    def open_conflicts(self) -> ConflictsDialog:
        from app.ui.conflicts_dialog import ConflictsDialog

        dialog = ConflictsDialog(self._open_store(), self.actor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.resolved.connect(self._synced_data_changed)
        dialog.resolved.connect(self.sync.refresh_status)
        dialog.finished.connect(lambda _r: self.sync.sync_now(manual=False))
        dialog.show()
        return dialog

    def _wiped(self, text: str) -> None:
        """The central store revoked this laptop: its store is gone; say so and stop."""
        self._snapshot_stale = False  # nothing may be written: the files are gone
        self.idle.pause()
        for widget in QApplication.topLevelWidgets():
            if widget is not self:
                widget.hide()
        self.pages.setCurrentWidget(self.lock_screen)
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
                action.setEnabled(self.store is not None or action in usable_early)
        if not self.locked and self.store is not None:
            for action in self.actions_.client_actions():
                action.setEnabled(in_file)
            self.actions_.back.setEnabled(in_file)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._sync is not None:
            self._sync.stop()
        self._wait_for_saver()
        if self._snapshot_stale and self.store is not None:
            from sqlalchemy.exc import SQLAlchemyError

            try:
                self._save_snapshot(self._latest_rows, in_background=False)
            except (SQLAlchemyError, StoreError, OSError):  # the store may be gone (a wipe)
                log.warning("caseload snapshot not saved at close", exc_info=True)
        QSettings().setValue("geometry/MainWindow", self.saveGeometry())
        QApplication.instance().removeEventFilter(self.idle)  # type: ignore[union-attr]
        super().closeEvent(event)
