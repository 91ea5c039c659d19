"""The main window's fixed parts: the menus and the toolbar that show the registry's
actions, and the status bar."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QSizePolicy,
    QStatusBar,
    QTabWidget,
    QToolBar,
    QWidget,
)

from app.services.actor import Actor
from app.storage.secrets import is_demo_fallback
from app.ui.actions import Actions
from app.ui.i18n import tr

if TYPE_CHECKING:
    from app.services.recent import RecentClient


def build_menus(
    window: QMainWindow, a: Actions, *, team_lead: bool, recent: Callable[[], list[RecentClient]]
) -> QMenu:
    """The menu bar: every action of the registry in its place, and in the Klant menu the
    files opened last (`recent`, read when the menu opens). Returns that submenu."""
    files = window.menuBar().addMenu(tr("&Bestand"))
    for action in (a.export, a.caseload_overview, a.quarter_report, a.subsidy_statement, a.plans):
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
    client = window.menuBar().addMenu(tr("&Klant"))
    for action in (a.new_client, a.open_client, a.edit_client, a.add_journal, a.assess):
        client.addAction(action)
    client.addSeparator()
    recent_menu = client.addMenu(tr("&Recent geopend"))
    recent_menu.aboutToShow.connect(lambda: _fill_recent(recent_menu, recent()))
    a.toggle_team.setVisible(team_lead)
    view = window.menuBar().addMenu(tr("Bee&ld"))
    for action in (a.back, a.find, a.clear_filters, a.refresh, a.toggle_team):
        view.addAction(action)
    for action in (a.due_list, a.ladder_figures):
        view.addAction(action)
    return recent_menu


def _fill_recent(menu: QMenu, clients: list[RecentClient]) -> None:
    menu.clear()
    for position, client in enumerate(clients, start=1):
        # "&1 Name": the number opens it from the keyboard (1-9, then 0)
        action = menu.addAction(f"&{position % 10} {client.display_name.replace('&', '&&')}")
        action.setData(client.client_id)
    if not clients:
        menu.addAction(tr("(nog geen dossiers geopend)")).setEnabled(False)


def tab_shortcuts(tabs: QTabWidget) -> None:
    """Alt+1, Alt+2, ... choose the tabs in order (their tooltips say so)."""
    for index in range(min(tabs.count(), 9)):
        keys = QKeySequence(f"Alt+{index + 1}")
        shortcut = QShortcut(keys, tabs)  # its window, while the tabs are shown
        shortcut.activated.connect(lambda index=index: tabs.setCurrentIndex(index))
        tabs.setTabToolTip(index, keys.toString(QKeySequence.SequenceFormat.NativeText))


def build_toolbar(window: QMainWindow, a: Actions, *, team_lead: bool, team: bool) -> None:
    """The toolbar, and every action's shortcut on the window (also while it is hidden)."""
    toolbar = QToolBar(tr("Werkbalk"))
    toolbar.setObjectName("main-toolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for action in (a.back, a.new_client, a.edit_client, a.add_journal, a.assess):
        toolbar.addAction(action)
    toolbar.addSeparator()
    if team_lead:
        toolbar.addAction(a.toggle_team)
        a.toggle_team.setChecked(team)
    for action in (a.refresh, a.sync, a.due_list, a.ladder_figures):
        toolbar.addAction(action)
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    toolbar.addWidget(spacer)
    toolbar.addAction(a.settings)
    toolbar.addAction(a.lock)
    window.addToolBar(toolbar)
    for action in a.all():
        window.addAction(action)


def build_status_bar(
    bar: QStatusBar, actor: Actor, *, demo: bool
) -> tuple[QLabel, QLabel, QProgressBar, QLabel]:
    """The status bar: who works, the sync, a busy bar, the counts, and a warning when the
    device secret is in a file. Returns the user, sync and count labels and the busy bar."""
    user_label = QLabel(actor.display_name)
    count_label = QLabel()
    progress = QProgressBar()
    progress.setMaximumWidth(160)
    progress.setRange(0, 0)
    progress.setAccessibleName(tr("Bezig met laden"))
    progress.hide()
    sync_label = QLabel()
    sync_label.setAccessibleName(tr("Synchronisatie"))
    bar.addWidget(user_label)
    bar.addWidget(sync_label)
    bar.addPermanentWidget(progress)
    bar.addPermanentWidget(count_label)
    if not demo and is_demo_fallback():
        warning = QLabel(tr("Onveilige sleutelbos: het apparaatgeheim staat in een bestand"))
        warning.setProperty("role", "error")
        warning.setToolTip(
            tr(
                "De beheerder heeft de demosleutelbos voor deze computer gekozen. Gebruik "
                "hem niet voor echte klanten op een laptop die mee naar buiten gaat."
            )
        )
        bar.addPermanentWidget(warning)
    return user_label, sync_label, progress, count_label
