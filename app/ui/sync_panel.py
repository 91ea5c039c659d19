"""Sync in the app: the controller that syncs in the background (on demand and on a timer)
and reports through the status bar, the login dialog and the conflicts dialog."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.formatting import format_moment
from app.services.sync import (
    SyncStatus,
    account_problems,
    link_store,
    run_sync,
    sync_status,
)
from app.storage.errors import StoreCorrupted
from app.storage.store import Store
from app.sync import errors
from app.sync.client import (
    ClockOff,
    LoginRequired,
    RemoteWipe,
    ServerUnreachable,
    SyncCancelled,
    SyncError,
    SyncReport,
)
from app.ui import messages, settings, worker
from app.ui.dialogs import FormDialog, save_cancel_buttons
from app.ui.forms import Field
from app.ui.i18n import tr

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


def _transport(url: str, token: str | None) -> Any:
    from app.sync.http import HttpTransport  # httpx is imported when the first sync runs

    return HttpTransport(url, token)


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

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
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

    def cancel(self) -> None:
        """Stop the running sync at its next request; what was received stays."""
        if self._job is not None:
            self._job.cancel()
            self.status_changed.emit(tr("Synchronisatie afbreken…"), False)

    def status(self) -> SyncStatus:
        with self.store.session() as session:
            return sync_status(session)

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
        store = self.store

        def job(progress: Any, cancelled: Any) -> SyncReport:
            return run_sync(store, _transport, progress, cancelled)

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


@contextmanager
def _said_cancelled(cancelled: Callable[[], bool]) -> Iterator[None]:
    """A login that failed after Afbreken was pressed is reported as cancelled."""
    try:
        yield
    except SyncError as exc:
        if cancelled():
            raise SyncCancelled(errors.LOGIN_CANCELLED) from exc
        raise


class _AccountDialog(FormDialog):
    """The server address and account fields with their checks, shared by the login and the
    first-run connect dialog. Subclasses add fields and call `start_watching(*self.watched)`."""

    def __init__(
        self,
        on_save: Any,
        parent: QWidget | None,
        *,
        intro: str,
        button: str,
        password_label: str,
        server_url: str = "",
        extra: tuple[tuple[str, str, QLineEdit], ...] = (),
    ) -> None:
        super().__init__(on_save, parent, fallback_field="password")
        self.ask_before_discarding = False  # nothing typed here is worth keeping
        self.setMinimumWidth(520)
        self.setWindowTitle(tr("Aanmelden bij de centrale server"))
        self.server = QLineEdit(server_url)
        self.server.setPlaceholderText("https://trede.gemeente.example")
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        editors = (
            ("server", tr("Adres van de server"), self.server),
            ("username", tr("Gebruikersnaam"), self.username),
            ("password", password_label, self.password),
            *extra,
        )
        form = QFormLayout()
        for name, label, editor in editors:
            self.fields[name] = Field(editor, label)
            form.addRow(label, self.fields[name])
        self.watched = tuple(editor.textChanged for _name, _label, editor in editors)
        intro_label = QLabel(intro)
        intro_label.setWordWrap(True)
        buttons, self.save_button = save_cancel_buttons(self.save, self.reject)
        self.save_button.setText(button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro_label)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def account_problems(self) -> dict[str, str]:
        found = account_problems(self.server.text(), self.username.text(), self.password.text())
        return {name: tr(text) for name, text in found.items()}

    def linker(self, previous_token: str | None = None) -> Callable[[Store], None]:
        """Logs a store in with what is typed now; safe to call on the worker."""
        import platform

        server, username, password = (
            self.server.text().strip(),
            self.username.text().strip(),
            self.password.text(),
        )

        def link(store: Store) -> None:
            link_store(
                store,
                server_url=server,
                username=username,
                password=password,
                device_name=platform.node() or "laptop",
                transport_factory=_transport,
                previous_token=previous_token,
            )

        return link


class LoginDialog(_AccountDialog):
    """Log in again (or for the first time) on this store; the token goes to the keyring,
    never the password."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(
            self._link,
            parent,
            intro=tr(
                "Uw wijzigingen gaan naar de centrale server zodra er verbinding is; u "
                "ontvangt de klanten van uw caseload. Het wachtwoord wordt niet bewaard."
            ),
            button=tr("Aanmelden"),
            password_label=tr("Wachtwoord van uw account"),
            server_url=sync_status_of(store).server_url or "",
        )
        self.store = store
        self.start_watching(*self.watched)

    def values(self) -> tuple[str, str, str]:
        return self.server.text().strip(), self.username.text().strip(), self.password.text()

    def problems(self) -> dict[str, str]:
        return self.account_problems()

    def _link(self, _values: object) -> None:
        link, store = self.linker(), self.store

        def job(_progress: object, cancelled: Callable[[], bool]) -> None:
            with _said_cancelled(cancelled):
                link(store)

        try:
            worker.run_with_progress(
                job, tr("Aanmelden bij de centrale server…"), self, cancel_text=tr("Afbreken")
            )
        except SyncError as exc:
            from app.services.errors import ValidationFailed

            raise ValidationFailed({"password": sync_message(exc)}) from exc


def sync_status_of(store: Store) -> SyncStatus:
    with store.session() as session:
        return sync_status(session)


class FirstConnectDialog(_AccountDialog):
    """First run on a laptop of a team with a central server: make the encrypted store, log
    in, and receive the caseload (with progress) before the main window opens."""

    def __init__(self, data_dir: Any, parent: QWidget | None = None) -> None:
        passphrase, repeat = QLineEdit(), QLineEdit()
        for secret in (passphrase, repeat):
            secret.setEchoMode(QLineEdit.EchoMode.Password)
        super().__init__(
            self._connect,
            parent,
            intro=tr(
                "Trede maakt op deze laptop een versleutelde database en haalt de klanten van "
                "uw caseload op. Het laptopwachtwoord beschermt die database; het wordt "
                "nergens bewaard."
            ),
            button=tr("Aanmelden en ophalen"),
            password_label=tr("Wachtwoord van uw account"),
            extra=(
                ("passphrase", tr("Nieuw wachtwoord voor deze laptop"), passphrase),
                ("repeat", tr("Herhaal dat wachtwoord"), repeat),
            ),
        )
        self.passphrase, self.repeat = passphrase, repeat
        self.data_dir = data_dir
        self.store: Store | None = None
        self.start_watching(*self.watched)

    def values(self) -> tuple[str, ...]:
        return (
            self.server.text().strip(),
            self.username.text().strip(),
            self.password.text(),
            self.passphrase.text(),
            self.repeat.text(),
        )

    def problems(self) -> dict[str, str]:
        from app.storage.unlocking import passphrase_problem

        found = self.account_problems()
        problem = passphrase_problem(self.passphrase.text())
        if problem:
            found["passphrase"] = problem
        elif self.passphrase.text() != self.repeat.text():
            found["repeat"] = tr("De twee wachtwoorden zijn niet gelijk.")
        return found

    def _connect(self, _values: object) -> None:
        from app.services.errors import ValidationFailed
        from app.storage.store import create_store, unfinished_token

        data_dir, passphrase = self.data_dir, self.passphrase.text()
        link = self.linker(unfinished_token(data_dir))

        def job(progress: Progress, cancelled: Callable[[], bool]) -> Store:
            def first_sync(store: Store) -> None:
                link(store)
                run_sync(store, _transport, progress, cancelled)

            # made in a staging folder: a failure or a cancel leaves no store behind
            with _said_cancelled(cancelled):
                return create_store(data_dir, passphrase, setup=first_sync)

        try:
            self.store = worker.run_with_progress(
                job,
                tr("Aanmelden en de klanten van uw caseload ophalen…"),
                self,
                cancel_text=tr("Afbreken"),
            )
        except SyncError as exc:
            raise ValidationFailed({"password": sync_message(exc)}) from exc
