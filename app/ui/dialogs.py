"""The shared dialog base (remembered geometry, Escape cancels) and the store dialogs:
unlock with the passphrase, and the first-run choice (new store or demo)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocab import Role
from app.services.errors import ServiceError, ValidationFailed
from app.storage.errors import StoreCorrupted, StoreError
from app.storage.unlocking import (
    UnlockedKey,
    passphrase_problem,
    read_local_setting,
    unlock_key,
)
from app.ui import prefetch, settings, worker
from app.ui.forms import Field, confirm_discard, error_label
from app.ui.i18n import tr, vocab_label

if TYPE_CHECKING:
    from app.services.actor import Actor
    from app.services.caseload_rows import CaseloadRow, Scope
    from app.workspace.opening import Store


class BaseDialog(QDialog):
    """Remembers its size and place per dialog class; Escape cancels (QDialog's default)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._geometry_restored = False

    def showEvent(self, event: QShowEvent) -> None:
        if not self._geometry_restored:
            self._geometry_restored = True
            saved = settings.saved_geometry(type(self).__name__)
            if saved is not None:
                self.restoreGeometry(saved)
        super().showEvent(event)

    def done(self, result: int) -> None:
        settings.save_geometry(type(self).__name__, self.saveGeometry())
        super().done(result)

    def grow_to_fit(self) -> None:
        """Taller when a message appeared (wrapped text needs height), never past the screen."""
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        needed = (
            layout.totalHeightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        screen = self.screen().availableGeometry() if self.screen() else None
        limit = screen.height() - 60 if screen is not None else needed
        if needed > self.height():
            self.resize(self.width(), min(needed, limit))


class FormDialog(BaseDialog):
    """A dialog around a form: messages next to the fields as the user types, Save enabled
    only when the input is valid, the service's refusals shown at their fields, and a
    question before unsaved input is thrown away.

    Subclasses fill `self.fields`, build `self.save_button` with `save_cancel_buttons`,
    implement `values()` and `problems()`, and call `start_watching(...)` with their change
    signals. Saving hands `values()` to `on_save` (which raises ValidationFailed or another
    ServiceError); a subclass overrides `submit` only to hand them on differently.
    `fallback_field` shows a refusal that names no field of the form."""

    def __init__(
        self,
        on_save: Callable[..., object],
        parent: QWidget | None = None,
        *,
        fallback_field: str = "",
    ) -> None:
        super().__init__(parent)
        self.on_save = on_save
        self.fallback_field = fallback_field
        self.fields: dict[str, Field] = {}
        self.save_button: QPushButton | None = None
        self._initial: object = None
        # False where nothing typed is worth a "discard?" question (a login)
        self.ask_before_discarding = True

    def values(self) -> object:
        raise NotImplementedError

    def problems(self) -> dict[str, str]:
        raise NotImplementedError

    def submit(self, values: object) -> None:
        self.on_save(values)

    def before_revalidate(self) -> None:
        """Hook: adjust the form (show or hide parts) before the messages are shown."""

    def start_watching(self, *signals: SignalInstance) -> None:
        self._initial = self.values()
        for signal in signals:
            signal.connect(self.revalidate)
        self.revalidate()

    def is_changed(self) -> bool:
        return self.values() != self._initial

    def revalidate(self, *_args: object, extra: dict[str, str] | None = None) -> None:
        self.before_revalidate()
        problems = {**self.problems(), **(extra or {})}
        show = (self._initial is not None and self.is_changed()) or bool(extra)
        # A refusal about no field in particular is shown at the fallback field.
        loose = " ".join(text for name, text in (extra or {}).items() if name not in self.fields)
        for name, field in self.fields.items():
            text = problems.get(name) if show else None
            if loose and name == (self.fallback_field or next(iter(self.fields))):
                text = f"{text} {loose}" if text else loose
            field.show_problem(text)
        if self.save_button is not None:
            self.save_button.setEnabled(not problems)
        self.grow_to_fit()

    def save(self) -> None:
        problems = self.problems()
        if problems:
            self.revalidate(extra=problems)
            return
        values = self.values()
        try:
            self.submit(values)
        except ValidationFailed as failed:
            self.revalidate(extra=failed.problems)
            return
        except ServiceError as exc:
            target = self.fields.get(self.fallback_field) or next(iter(self.fields.values()))
            target.show_problem(str(exc))
            return
        self._initial = values
        self.accept()

    def reject(self) -> None:
        if (
            self.ask_before_discarding
            and self._initial is not None
            and self.is_changed()
            and not confirm_discard(self)
        ):
            return
        super().reject()


class UnlockDialog(BaseDialog):
    """Asks the passphrase; a wrong one gets a clear message and another try.

    With `quick_start`, a store that holds a caseload snapshot is not opened here: the dialog
    hands over the key and the snapshot, and the window opens the store behind the caseload."""

    def __init__(
        self,
        data_dir: Path,
        *,
        hint: str = "",
        parent: QWidget | None = None,
        quick_start: bool = False,
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.quick_start = quick_start
        self.store: Store | None = None
        self.key: UnlockedKey | None = None
        self.snapshot: tuple[Actor, Scope, list[CaseloadRow]] | None = None
        self.setWindowTitle(tr("Trede ontgrendelen"))
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Typ uw wachtwoord om uw dossiers te openen."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(tr("Wachtwoord"))
        self.passphrase.setPlaceholderText(tr("Wachtwoord"))
        layout.addWidget(self.passphrase)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setWordWrap(True)
            hint_label.setStyleSheet("color: #555;")
            layout.addWidget(hint_label)
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel_buttons(tr("Ontgrendelen"), self.try_unlock, self.reject))

    def try_unlock(self) -> None:
        if self.quick_start:
            prefetch.pause()  # the key derivation and the first window get the processor
        try:
            key = unlock_key(self.data_dir, self.passphrase.text())
            if self.quick_start and self._take_snapshot(key):
                # The window shows the last caseload; the store opens behind it and resumes
                # the imports once the window has been painted.
                self.accept()
                return
            prefetch.wait()
            from app.workspace.opening import open_store

            self.store = worker.run_with_progress(
                lambda _p, _c: open_store(key), tr("Uw dossiers openen…"), self
            )
        except StoreCorrupted:
            self._recover(key)
            return
        except StoreError as exc:
            prefetch.resume()
            self.error.setText(str(exc))
            self.error.show()
            self.grow_to_fit()
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        self.accept()

    def _recover(self, key: UnlockedKey) -> None:
        from app.ui.recovery_dialog import recovered_store

        self.store = recovered_store(key, self)
        if self.store is not None:
            self.accept()
        else:
            self.reject()

    def _take_snapshot(self, key: UnlockedKey) -> bool:
        from app.services.caseload_rows import SNAPSHOT_KEY, snapshot_rows

        text = read_local_setting(key, SNAPSHOT_KEY)
        self.snapshot = snapshot_rows(text) if text else None
        self.key = key
        return self.snapshot is not None


class NewStoreDialog(BaseDialog):
    """First run: the caseworker makes their own encrypted store, or looks at the demo."""

    DEMO_CHOSEN = 2
    SERVER_CHOSEN = 3

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.store: Store | None = None
        self.setWindowTitle(tr("Welkom bij Trede"))
        form = QFormLayout()
        self.name = QLineEdit()
        self.username = QLineEdit()
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(vocab_label(role), role.value)
        self.team = QLineEdit()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        for label, widget in (
            (tr("Uw naam"), self.name),
            (tr("Gebruikersnaam"), self.username),
            (tr("Rol"), self.role),
            (tr("Team"), self.team),
            (tr("Wachtwoord"), self.passphrase),
            (tr("Herhaal wachtwoord"), self.repeat),
        ):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        layout = QVBoxLayout(self)
        title = QLabel(tr("Welkom bij Trede"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        intro = QLabel(
            tr(
                "Maak uw eigen database. Uw dossiers worden versleuteld opgeslagen; het "
                "wachtwoord wordt nergens bewaard, dus onthoud het goed."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        demo = QPushButton(tr("Eerst rondkijken in de demo (gegenereerde klanten)"))
        demo.setAccessibleName(tr("Demo openen"))
        demo.clicked.connect(lambda: self.done(self.DEMO_CHOSEN))
        layout.addWidget(demo)
        server = QPushButton(tr("Aanmelden bij de centrale server van uw team"))
        server.setAccessibleName(tr("Aanmelden bij de centrale server"))
        server.clicked.connect(lambda: self.done(self.SERVER_CHOSEN))
        layout.addWidget(server)
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel_buttons(tr("Database maken"), self.try_create, self.reject))

    def problems(self) -> list[str]:
        found = []
        if not self.name.text().strip():
            found.append(tr("Vul uw naam in."))
        if not self.username.text().strip():
            found.append(tr("Vul uw gebruikersnaam in."))
        if not self.team.text().strip():
            found.append(tr("Vul de naam van uw team in."))
        problem = passphrase_problem(self.passphrase.text())
        if problem:
            found.append(problem)
        elif self.passphrase.text() != self.repeat.text():
            found.append(tr("De twee wachtwoorden zijn niet gelijk."))
        return found

    def try_create(self) -> None:
        from app.workspace.opening import create_own_store

        problems = self.problems()
        if problems:
            self.error.setText(" ".join(problems))
            self.error.show()
            return
        try:
            store = create_own_store(
                self.data_dir,
                self.passphrase.text(),
                username=self.username.text().strip(),
                display_name=self.name.text().strip(),
                role=Role(self.role.currentData()),
                team_name=self.team.text().strip(),
            )
        except StoreError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.store = store
        self.accept()


def save_cancel_buttons(
    on_save: Callable[[], None], on_cancel: Callable[[], None]
) -> tuple[QDialogButtonBox, QPushButton]:
    """Opslaan (default, Ctrl+S) and Annuleren; the form enables Opslaan when input is valid."""
    buttons = ok_cancel_buttons(tr("Opslaan"), on_save, on_cancel)
    save = buttons.button(QDialogButtonBox.StandardButton.Ok)
    save.setDefault(True)
    save.setShortcut("Ctrl+S")
    return buttons, save


def ok_cancel_buttons(
    ok_text: str, on_ok: Callable[[], None], on_cancel: Callable[[], None]
) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Annuleren"))
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(on_cancel)
    return buttons


def scrolling(*parts: QWidget | QLayout) -> QScrollArea:
    """A long form's parts in an area that scrolls inside its dialog, so that the dialog
    fits a 1366x768 screen and its buttons (added after it) stay put."""
    content = QWidget()
    inner = QVBoxLayout(content)
    inner.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        if isinstance(part, QLayout):
            inner.addLayout(part)
        else:
            inner.addWidget(part)
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area
