"""`main.py screenshots --out DIR`: every main screen, rendered offscreen with generated data."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget


def _settle(app: QApplication, until: Callable[[], bool] = lambda: True, rounds: int = 400) -> None:
    import time

    for _ in range(rounds):
        app.processEvents()
        if until():
            break
        time.sleep(0.01)
    app.processEvents()


def render_screenshots(out_dir: Path, *, clients: int = 400) -> list[Path]:
    if not os.environ.get("QT_QPA_PLATFORM") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import keyring
    from PySide6.QtCore import QSettings

    from app.paths import DEMO_PASSPHRASE
    from app.services.demo import generate_demo
    from app.services.opening import create_store
    from app.storage.insecure_keyring import InsecureDemoKeyring
    from app.storage.store import Store
    from app.ui.application import make_application

    out_dir.mkdir(parents=True, exist_ok=True)
    # the windows remember their sizes: in a throw-away folder, never the user's settings
    settings_dir = tempfile.mkdtemp(prefix="trede-screens-settings-")
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, settings_dir)
    app = make_application(["trede-screenshots"])
    saved: list[Path] = []

    def shoot(widget: QWidget, name: str, width: int = 0, height: int = 0) -> None:
        if width and height:
            widget.resize(width, height)
        widget.show()
        _settle(app, rounds=5)
        path = out_dir / f"{name}.png"
        widget.grab().save(str(path))
        saved.append(path)

    with tempfile.TemporaryDirectory(prefix="trede-screens-") as folder:
        # Generated data in a throw-away store: its device secret may live in a temp file.
        keyring.set_keyring(InsecureDemoKeyring(Path(folder) / "keyring.json"))
        data_dir = Path(folder) / "demo"

        def fill(new: Store) -> None:
            with new.session() as session:
                generate_demo(session, clients, seed=11)

        store = create_store(data_dir, DEMO_PASSPHRASE, demo=True, setup=fill)
        try:
            _render_all(app, store, shoot, Path(folder))
        finally:
            for widget in QApplication.topLevelWidgets():
                widget.close()
            store.close()
            shutil.rmtree(settings_dir, ignore_errors=True)
    return saved


def _client_with_measured_placement(store: object, actor: object, rows: list[Any]) -> str | None:
    """A generated client whose placement has a measurement and coaching hours, if any."""
    from sqlalchemy import select

    from app.models import JobCoachingHours, WageValueMeasurement
    from app.storage.store import Store

    assert isinstance(store, Store)
    with store.session() as session:
        measured = set(
            session.scalars(
                select(WageValueMeasurement.client_id).where(
                    WageValueMeasurement.placement_id.is_not(None)
                )
            )
        )
        coached = set(session.scalars(select(JobCoachingHours.client_id)))
    for row in rows:
        if row.client_id in measured and row.client_id in coached:
            return str(row.client_id)
    return None


def _conflict_examples(store: Any, actor: Any, client_id: str) -> None:
    """Two open conflicts as a central store would report them, for the conflicts screen."""
    from sqlalchemy import select

    from app.models import Caseworker, Client, SyncConflict, new_id

    now = dt.datetime.now(dt.UTC)
    with store.session() as session:
        colleague = session.scalars(
            select(Caseworker.id).where(Caseworker.id != actor.caseworker_id)
        ).first()
        city = session.get(Client, client_id).city
        examples = [
            {
                "kind": "field",
                "entity": "clients",
                "field": "city",
                "mine": "Delden",
                "theirs": city,
                "message": None,
                "change": None,
            },
            {
                "kind": "scope",
                "entity": "journal_entries",
                "field": None,
                "mine": {"subject": "Huisbezoek", "occurred_on": dt.date.today().isoformat()},
                "theirs": None,
                "message": "deze klant staat niet (meer) in uw caseload",
                "change": None,
            },
            {
                "kind": "duplicate",
                "entity": "plans",
                "field": None,
                "mine": {"situation": "Bij het huisbezoek: eerst taalles, dan een proefplaats."},
                "theirs": {"situation": "Op kantoor: werkritme opbouwen, drie ochtenden."},
                "message": "er is intussen al een plan van aanpak voor deze klant",
                "change": None,
            },
        ]
        for number, example in enumerate(examples):
            conflict_id = new_id()
            detail = {
                "id": conflict_id,
                "row_id": client_id if example["entity"] == "clients" else new_id(),
                "client_id": client_id,
                "base": None,
                "mine_by": actor.caseworker_id,
                "mine_at": (now - dt.timedelta(hours=2 + number)).isoformat(),
                "theirs_by": colleague,
                "theirs_at": (now - dt.timedelta(hours=5)).isoformat(),
                **example,
            }
            session.add(
                SyncConflict(
                    id=conflict_id, client_id=client_id, kind=example["kind"], detail=detail
                )
            )


def _render_all(app: QApplication, store: object, shoot: Callable[..., None], folder: Path) -> None:
    from app.paths import DEMO_PASSPHRASE
    from app.services.caseload import Scope, caseload_rows
    from app.services.context import owner_actor
    from app.services.journal import correct_journal_entry, record_journal_entry
    from app.services.ladder import assessment_history
    from app.storage.store import Store
    from app.ui.dialogs import NewStoreDialog, UnlockDialog
    from app.ui.journal_tab import JournalEntryDialog
    from app.ui.main_window import MainWindow
    from app.ui.settings_dialog import SettingsDialog

    assert isinstance(store, Store)
    unlock = UnlockDialog(store.paths.data_dir, hint=f"Demo: het wachtwoord is {DEMO_PASSPHRASE}")
    unlock.passphrase.setText("••••")
    shoot(unlock, "01-ontgrendelen", 460, 220)
    unlock.close()
    welcome = NewStoreDialog(folder / "new")
    shoot(welcome, "02-welkom", 560, 480)
    welcome.close()

    window = MainWindow(store, demo=True)
    window.resize(1440, 860)
    window.show()
    window.reload()
    _settle(app, lambda: not window.is_loading())
    shoot(window, "03-caseload")

    panel = window.caseload
    panel.search.setText("yilmaz")
    panel.apply()
    panel.overdue.setChecked(False)
    shoot(window, "04-caseload-zoeken")
    panel.clear_filters()

    with store.session() as session:
        actor = owner_actor(session)
        rows = caseload_rows(session, actor, scope=Scope.TEAM)
        candidates = [r for r in rows if not r.display_name.isascii() and r.trede][:60]
        chosen = max(
            candidates or rows[:1],
            key=lambda r: len(assessment_history(session, actor, r.client_id)),
        )
        entry = record_journal_entry(
            session,
            actor,
            chosen.client_id,
            occurred_on=dt.date.today().strftime("%d-%m-%Y"),
            kind="conversation",
            subject="Voortgangsgesprek",
            body="Klant werkt drie ochtenden per week bij de kringloop en wil meer uren.",
        )
        correct_journal_entry(
            session,
            actor,
            entry,
            occurred_on=dt.date.today().strftime("%d-%m-%Y"),
            kind="conversation",
            subject="Voortgangsgesprek",
            body="Klant werkt drie ochtenden per week bij de kringloop en wil naar "
            "vier ochtenden. Volgende afspraak over drie weken.",
        )
    window.open_client(chosen.client_id)
    shoot(window, "05-dossier-overzicht")
    window.client_file.tabs.setCurrentWidget(window.client_file.journal)
    shoot(window, "06-dossier-journaal")
    window.client_file.tabs.setCurrentWidget(window.client_file.ladder)
    shoot(window, "06b-dossier-ladder")

    assessment = window.client_file.assess()
    assert assessment is not None
    for name in ("unpaid_work", "social_contacts_weekly"):
        assessment.questions[name].setChecked(True)
    assessment.final_trede.setCurrentIndex(assessment.final_trede.findData(4))
    assessment._final_chosen(0)
    shoot(assessment, "06c-ladderbeoordeling", 1060, 660)
    assessment._initial = assessment.values()
    assessment.close()

    worker_client = _client_with_measured_placement(store, actor, rows)
    if worker_client is not None:
        window.open_client(worker_client)
        work = window.client_file.work
        window.client_file.tabs.setCurrentWidget(work.placements)
        work.placements.table.selectRow(0)
        shoot(window, "06e-dossier-plaatsingen")
        measured = work.placements.selected()
        dialog = work.measure(measured)
        if dialog is not None:
            first = work.placements.measurement_model
            if first.rowCount():
                source = first.row_at(0).form()
                for name, editor in dialog.inputs.items():
                    editor.setText(getattr(source, name))
                for row, task in enumerate(source.tasks):
                    for name, editor in dialog.task_inputs[row].items():
                        editor.setText(getattr(task, name))
            dialog.revalidate()
            shoot(dialog, "06f-loonwaardemeting", 1180, 720)
            dialog._initial = dialog.values()
            dialog.close()
        window.client_file.tabs.setCurrentWidget(work.coaching)
        shoot(window, "06g-dossier-jobcoaching")
        window.open_client(chosen.client_id)

    window.client_file.tabs.setCurrentWidget(window.client_file.plan)
    shoot(window, "06h-dossier-plan")

    figures = window.dialogs.ladder_figures()
    _settle(app, lambda: not figures.is_computing())
    shoot(figures, "06d-ladderbeweging", 1000, 780)
    figures.close()

    form = window.new_client()
    form.text_inputs["bsn"].setText("123456781")
    form._edited("bsn")
    form.text_inputs["voornamen"].setText("Gülşen")
    form._edited("voornamen")
    form.text_inputs["postcode"].setText("7551ab")
    form._edited("postcode")
    shoot(form, "07-klant-nieuw", 1100, 760)
    form.initial = form.current_form()
    form.close()

    entry_dialog = JournalEntryDialog(lambda *_: None, parent=window)
    entry_dialog.subject.setText("Telefonisch contact")
    shoot(entry_dialog, "08-journaalbericht")
    entry_dialog._initial = entry_dialog.values()
    entry_dialog.close()

    settings_dialog = SettingsDialog(window)
    shoot(settings_dialog, "09-instellingen", 560, 240)
    settings_dialog.close()

    _conflict_examples(store, actor, chosen.client_id)
    conflicts_dialog = window.dialogs.conflicts()
    shoot(conflicts_dialog, "11-conflicten", 1180, 420)
    conflicts_dialog.close()
    login = window.dialogs.login()
    login.server.setText("https://trede.hengelo.example")
    login.username.setText("wc.demo")
    shoot(login, "12-aanmelden", 520, 300)
    login.close()

    window.lock()
    shoot(window, "10-vergrendeld")
    window.unlock()
    window.close()
