"""Settings (idle lock, sync interval, language) and the change-passphrase dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from app.storage.errors import StoreError
from app.ui import settings, worker
from app.ui.dialogs import BaseDialog, ok_cancel_buttons
from app.ui.forms import error_label
from app.ui.i18n import tr


class SettingsDialog(BaseDialog):
    def __init__(
        self,
        parent: object = None,
        *,
        server_url: str | None = None,
        on_server: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.setWindowTitle(tr("Instellingen"))
        self.server = QLabel(server_url or tr("(geen; deze laptop werkt alleen lokaal)"))
        self.server.setAccessibleName(tr("Centrale server"))
        self.server_button = QPushButton(tr("Server en account…"))
        self.server_button.setEnabled(on_server is not None)
        if on_server is not None:

            def open_server() -> None:
                self.reject()
                on_server()

            self.server_button.clicked.connect(open_server)
        self.idle = QSpinBox()
        self.idle.setRange(1, 240)
        self.idle.setSuffix(tr(" minuten"))
        self.idle.setValue(settings.idle_minutes())
        self.idle.setAccessibleName(tr("Vergrendelen na"))
        self.sync = QSpinBox()
        self.sync.setRange(1, 240)
        self.sync.setSuffix(tr(" minuten"))
        self.sync.setValue(settings.sync_minutes())
        self.sync.setAccessibleName(tr("Automatisch synchroniseren elke"))
        self.language = QComboBox()
        self.language.setAccessibleName(tr("Taal"))
        for code, name in settings.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(settings.language()))
        form = QFormLayout()
        form.addRow(tr("Vergrendelen na"), self.idle)
        server_row = QHBoxLayout()
        server_row.addWidget(self.server, 1)
        server_row.addWidget(self.server_button)
        form.addRow(tr("Centrale server"), server_row)
        form.addRow(tr("Automatisch synchroniseren elke"), self.sync)
        form.addRow(tr("Taal"), self.language)
        note = QLabel(tr("Een andere taal gaat in wanneer u Trede opnieuw start."))
        note.setProperty("role", "muted")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(ok_cancel_buttons(tr("Opslaan"), self.accept, self.reject))

    def accept(self) -> None:
        settings.set_idle_minutes(self.idle.value())
        settings.set_sync_minutes(self.sync.value())
        settings.set_language(str(self.language.currentData()))
        super().accept()


class ChangePassphraseDialog(BaseDialog):
    def __init__(self, data_dir: Path, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.data_dir = data_dir
        self.setWindowTitle(tr("Wachtwoord wijzigen"))
        self.old = QLineEdit()
        self.new = QLineEdit()
        self.repeat = QLineEdit()
        form = QFormLayout()
        for label, editor in (
            (tr("Huidig wachtwoord"), self.old),
            (tr("Nieuw wachtwoord"), self.new),
            (tr("Herhaal nieuw wachtwoord"), self.repeat),
        ):
            editor.setEchoMode(QLineEdit.EchoMode.Password)
            editor.setAccessibleName(label)
            form.addRow(label, editor)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel_buttons(tr("Wijzigen"), self.try_change, self.reject))

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def try_change(self) -> None:
        from app.workspace import opening

        problem = opening.passphrase_problem(self.new.text())
        if problem:
            self._fail(problem)
            return
        if self.new.text() != self.repeat.text():
            self._fail(tr("De twee nieuwe wachtwoorden zijn niet gelijk."))
            return
        data_dir, old, new = self.data_dir, self.old.text(), self.new.text()
        try:  # two key derivations (about a second): the window keeps painting
            worker.run_with_progress(
                lambda _p, _c: opening.change_passphrase(data_dir, old, new),
                tr("Wachtwoord wijzigen…"),
                self,
            )
        except StoreError as exc:
            self._fail(str(exc))
            return
        self.accept()
