"""Logging in to the central store: the login dialog of an open store, and the first-run
dialog that makes a new store and receives the caseload."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.services.errors import ValidationFailed
from app.sync import errors
from app.sync.errors import SyncCancelled, SyncError
from app.ui import worker
from app.ui.dialogs import FormDialog, save_cancel_buttons
from app.ui.forms import Field
from app.ui.i18n import tr
from app.ui.sync_controller import sync_message
from app.workspace.syncing import account_problems

if TYPE_CHECKING:
    from app.workspace import Workspace
    from app.workspace.opening import Store

Progress = Callable[[int, int], None]


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

    def typed_account(self) -> tuple[str, str, str]:
        return self.server.text().strip(), self.username.text().strip(), self.password.text()

    def _run_login(self, job: Callable[[Progress, Callable[[], bool]], Any], title: str) -> Any:
        """`job` on the worker behind a progress dialog; a refusal is said at the password."""
        try:
            return worker.run_with_progress(job, title, self, cancel_text=tr("Afbreken"))
        except SyncError as exc:
            raise ValidationFailed({"password": sync_message(exc)}) from exc


class LoginDialog(_AccountDialog):
    """Log in again (or for the first time) on this store; the token goes to the keyring,
    never the password."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(
            self._link,
            parent,
            intro=tr(
                "Uw wijzigingen gaan naar de centrale server zodra er verbinding is; u "
                "ontvangt de klanten van uw caseload. Het wachtwoord wordt niet bewaard."
            ),
            button=tr("Aanmelden"),
            password_label=tr("Wachtwoord van uw account"),
            server_url=workspace.sync_status().server_url or "",
        )
        self.workspace = workspace
        self.start_watching(*self.watched)

    def values(self) -> tuple[str, str, str]:
        return self.typed_account()

    def problems(self) -> dict[str, str]:
        return self.account_problems()

    def _link(self, _values: object) -> None:
        (server, username, password), workspace = self.typed_account(), self.workspace

        def job(_progress: object, cancelled: Callable[[], bool]) -> None:
            with _said_cancelled(cancelled):
                workspace.log_in(server, username, password)

        self._run_login(job, tr("Aanmelden bij de centrale server…"))


class FirstConnectDialog(_AccountDialog):
    """First run on a laptop of a team with a central server: make the encrypted store, log
    in, and receive the caseload (with progress) before the main window opens."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
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
        return (*self.typed_account(), self.passphrase.text(), self.repeat.text())

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
        from app.workspace import Workspace
        from app.workspace.opening import connect_new_store

        data_dir, passphrase = self.data_dir, self.passphrase.text()
        server, username, password = self.typed_account()

        def job(progress: Progress, cancelled: Callable[[], bool]) -> Store:
            with _said_cancelled(cancelled):
                store, _report = connect_new_store(
                    data_dir,
                    passphrase,
                    server_url=server,
                    username=username,
                    password=password,
                    transport_factory=Workspace.transport,
                    progress=progress,
                    cancelled=cancelled,
                )
            return store

        self.store = self._run_login(job, tr("Aanmelden en de klanten van uw caseload ophalen…"))
