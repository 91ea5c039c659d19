"""The way back from a damaged store, offered when it is found: put back the newest backup,
or receive everything again from the central store (with the unsent changes that could
still be read). The damaged file is kept either way."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.formatting import format_moment
from app.storage.errors import StoreError
from app.storage.unlocking import UnlockedKey
from app.sync.errors import SyncError
from app.ui import worker
from app.ui.dialogs import BaseDialog, error_label
from app.ui.i18n import tr

if TYPE_CHECKING:
    from app.workspace.opening import Store

log = logging.getLogger(__name__)


def recovered_store(key: UnlockedKey, parent: QWidget | None) -> Store | None:
    """Offer the way back; the repaired store, or None when the caseworker closes Trede."""
    dialog = RecoveryDialog(key, parent)
    if dialog.exec() == RecoveryDialog.DialogCode.Accepted:
        return dialog.store
    return None


class RecoveryDialog(BaseDialog):
    """Says the store is damaged and what can be done; `store` is the repaired store."""

    def __init__(self, key: UnlockedKey, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.store: Store | None = None
        self.setWindowTitle(tr("De database is beschadigd"))
        from app.workspace.opening import backups, is_linked

        newest = next(iter(backups(key.paths)), None)
        linked = is_linked(key)
        intro = QLabel(
            tr(
                "De database op deze laptop is beschadigd. Trede schrijft er niets meer in. "
                "Kies hoe u verder wilt; het beschadigde bestand wordt in beide gevallen "
                "bewaard in de map 'beschadigd'."
            )
            if newest is not None or linked
            else tr(
                "De database op deze laptop is beschadigd. Trede schrijft er niets meer in; "
                "het beschadigde bestand blijft bewaard."
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        buttons = QDialogButtonBox()
        self.restore_button: QPushButton | None = None
        if newest is not None:
            self.restore_button = buttons.addButton(
                tr("Reservekopie van {0} terugzetten").format(format_moment(newest.made_at)),
                QDialogButtonBox.ButtonRole.AcceptRole,
            )
            self.restore_button.clicked.connect(self.restore)
            explained = (
                tr(
                    "Met de reservekopie krijgt u de database terug zoals die toen was; wat u "
                    "daarna deed en al had gesynchroniseerd, komt bij de volgende "
                    "synchronisatie terug."
                )
                if linked
                else tr(
                    "Met de reservekopie krijgt u de database terug zoals die toen was; wat u "
                    "daarna hebt ingevoerd, moet u opnieuw invoeren."
                )
            )
        else:
            explained = tr("Er is nog geen reservekopie van deze database.")
        if linked:
            explained += " " + tr(
                "Opnieuw ophalen maakt de database opnieuw met alles van de centrale server; "
                "uw niet verzonden wijzigingen die nog leesbaar zijn, gaan mee."
            )
        elif newest is None:
            explained += " " + tr(
                "Deze laptop is niet gekoppeld aan een centrale server. Vraag de beheerder om hulp."
            )
        detail = QLabel(explained)
        detail.setWordWrap(True)
        layout.addWidget(detail)
        self.error = error_label()
        layout.addWidget(self.error)
        self.rebuild_button: QPushButton | None = None
        if linked:
            self.rebuild_button = buttons.addButton(
                tr("Alles opnieuw ophalen van de centrale server"),
                QDialogButtonBox.ButtonRole.ActionRole,
            )
            self.rebuild_button.clicked.connect(self.rebuild)
        close = buttons.addButton(tr("Trede sluiten"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def restore(self) -> None:
        from app.workspace.opening import restore_backup

        key = self.key
        self._run(lambda _p, _c: restore_backup(key), tr("Reservekopie terugzetten…"))

    def rebuild(self) -> None:
        from app.workspace import Workspace
        from app.workspace.opening import rebuild_from_central

        key = self.key

        def job(progress: Any, cancelled: Any) -> Store:
            return rebuild_from_central(key, Workspace.transport, progress, cancelled)

        self._run(job, tr("De database opnieuw ophalen van de centrale server…"))

    def _run(self, job: worker.Job, text: str) -> None:
        try:
            self.store = worker.run_with_progress(job, text, self)
        except (StoreError, SyncError) as exc:
            self.error.setText(str(exc))
            self.error.show()
            self.grow_to_fit()
            return
        self.accept()
