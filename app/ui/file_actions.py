"""Exports, reports, transfer files and backups from the main window: the caseworker
chooses, the work runs off the GUI thread with progress and a cancel button, and the
outcome is told through the message bridge."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.caseload_rows import Scope
from app.services.context import Actor
from app.ui import messages, worker
from app.ui.dialogs import BaseDialog, ok_cancel_buttons
from app.ui.i18n import tr

if TYPE_CHECKING:
    from app.workspace import Workspace

log = logging.getLogger(__name__)

Job = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


def documents_folder() -> Path:
    """The user's documents folder; the home folder when there is none (never the program's
    own folder, where a save dialog would otherwise open)."""
    found = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    return found if found.is_dir() else Path.home()


class ExportDialog(BaseDialog):
    """What to export: format, whose clients, with or without personal data."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Caseload exporteren"))
        self.format = QComboBox()
        self.format.addItem(tr("Excel-werkmap (.xlsx)"), "xlsx")
        self.format.addItem(tr("Tekstbestand met puntkomma's (.csv)"), "csv")
        self.scope = QComboBox()
        self.scope.addItem(tr("Eigen caseload"), Scope.OWN.value)
        if actor.is_team_lead:
            self.scope.addItem(tr("Team"), Scope.TEAM.value)
        self.personal = QCheckBox(tr("Met persoonsgegevens (BSN, namen, geboortedatum, postcode)"))
        self.closed = QCheckBox(tr("Ook afgesloten klanten"))
        warning = QLabel(
            tr(
                "Het exportbestand is niet versleuteld: iedereen die het bestand heeft, kan het "
                "lezen. Bewaar het op een beveiligde plek en verwijder het na gebruik."
            )
        )
        warning.setWordWrap(True)
        warning.setProperty("role", "error")
        form = QFormLayout()
        form.addRow(tr("Formaat"), self.format)
        form.addRow(tr("Klanten"), self.scope)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.personal)
        layout.addWidget(self.closed)
        layout.addWidget(warning)
        layout.addWidget(ok_cancel_buttons(tr("Exporteren…"), self.accept, self.reject))


class PasswordDialog(BaseDialog):
    """Shows a transfer file's one-time password, once."""

    def __init__(self, password: str, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Eenmalig wachtwoord"))
        intro = QLabel(
            tr(
                "Het overdrachtsbestand {0} is versleuteld. Geef dit wachtwoord apart door "
                "(bijvoorbeeld telefonisch), niet samen met het bestand. Trede bewaart het "
                "nergens: dit is de enige keer dat u het ziet."
            ).format(file_name)
        )
        intro.setWordWrap(True)
        self.password = QLineEdit(password)
        self.password.setReadOnly(True)
        self.password.setAccessibleName(tr("Wachtwoord van het overdrachtsbestand"))
        font = self.password.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setFamily("monospace")
        self.password.setFont(font)
        copy = QPushButton(tr("Kopiëren"))
        copy.clicked.connect(lambda: QApplication.clipboard().setText(password))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.password)
        layout.addWidget(copy)
        layout.addWidget(ok_cancel_buttons(tr("Ik heb het genoteerd"), self.accept, self.accept))


class FileActions(QObject):
    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget,
        current_client: Callable[[], str | None],
        reload: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.actor = workspace.actor
        self.window = parent
        self.current_client = current_client
        self.reload = reload
        self.job: worker.Worker | None = None

    # ------------------------------------------------------------ running
    def run(self, title: str, job: Job, done: Callable[[Any], None]) -> worker.Worker:
        """Run `job(progress, cancelled)` off the GUI thread with a cancellable progress."""
        dialog = QProgressDialog(title, tr("Annuleren"), 0, 0, self.window)
        dialog.setWindowTitle("Trede")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        running = worker.Worker(job)
        self.job = running

        def progress(value: int, total: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(value)

        def finished(result: Any) -> None:
            dialog.reset()
            self.job = None
            done(result)

        def failed(error: Exception) -> None:
            dialog.reset()
            self.job = None
            messages.error(str(error))

        running.signals.progress.connect(progress)
        running.signals.finished.connect(finished)
        running.signals.failed.connect(failed)
        dialog.canceled.connect(running.cancel)
        worker.start(running)
        return running

    def _save_path(self, title: str, name: str, pattern: str) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            self.window, title, str(documents_folder() / name), pattern
        )
        return Path(path) if path else None

    # ------------------------------------------------------------ caseload export
    def ask_export(self) -> None:
        dialog = ExportDialog(self.actor, self.window)
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return
        suffix = str(dialog.format.currentData())
        path = self._save_path(
            tr("Caseload exporteren"),
            f"caseload-{dt.date.today():%Y-%m-%d}.{suffix}",
            f"*.{suffix}",
        )
        if path is not None:
            self.export_to(
                path,
                suffix,
                Scope(dialog.scope.currentData()),
                personal_data=dialog.personal.isChecked(),
                include_closed=dialog.closed.isChecked(),
            )

    def export_to(
        self,
        path: Path,
        export_format: str,
        scope: Scope,
        *,
        personal_data: bool,
        include_closed: bool = False,
    ) -> worker.Worker:
        from app.services.exports import ExportFormat

        workspace = self.workspace

        def job(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> int:
            return workspace.export_caseload(
                path,
                ExportFormat(export_format),
                scope=scope,
                personal_data=personal_data,
                include_closed=include_closed,
                progress=progress,
                cancelled=cancelled,
            )

        return self.run(
            tr("Caseload exporteren…"),
            job,
            lambda count: messages.info(
                tr("{0} klanten geëxporteerd naar {1}").format(count, path.name)
            ),
        )

    # ------------------------------------------------------------ reports
    def ask_caseload_overview(self, scope: Scope) -> None:
        path = self._save_path(
            tr("Caseloadoverzicht opslaan"),
            f"caseloadoverzicht-{dt.date.today():%Y-%m-%d}.pdf",
            "*.pdf",
        )
        if path is not None:
            self.caseload_overview_to(path, scope)

    def caseload_overview_to(self, path: Path, scope: Scope) -> worker.Worker:
        workspace = self.workspace
        title = (
            tr("Caseload team")
            if scope is Scope.TEAM
            else tr("Caseload {0}").format(self.actor.display_name)
        )

        def job(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> int:
            return workspace.print_caseload_overview(path, scope, title=title, progress=progress)

        return self.run(
            tr("Caseloadoverzicht maken…"),
            job,
            lambda count: messages.info(tr("Overzicht van {0} klanten opgeslagen").format(count)),
        )

    def ask_quarter_report(self, scope: Scope) -> None:
        path = self._save_path(
            tr("Kwartaalrapportage opslaan"),
            f"kwartaalrapportage-{dt.date.today():%Y-%m}.pdf",
            "*.pdf",
        )
        if path is not None:
            self.quarter_report_to(path, scope)

    def quarter_report_to(self, path: Path, scope: Scope) -> worker.Worker:
        workspace = self.workspace

        def job(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> str:
            return workspace.print_quarter_report(path, scope)

        return self.run(
            tr("Kwartaalrapportage maken…"),
            job,
            lambda title: messages.info(tr("{0} opgeslagen").format(title)),
        )

    def ask_plans(self, scope: Scope) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, tr("Map voor de plannen"), str(documents_folder())
        )
        if folder:
            self.plans_to(Path(folder), scope)

    def plans_to(self, folder: Path, scope: Scope) -> worker.Worker:
        """One plan PDF per active client with a plan; cancelling stops after the current one."""
        workspace = self.workspace

        def job(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> int:
            return workspace.print_plans(folder, scope, progress, cancelled)

        return self.run(
            tr("Plannen maken…"),
            job,
            lambda count: messages.info(
                tr("{0} plannen opgeslagen in {1}").format(count, folder.name)
            ),
        )

    # ------------------------------------------------------------ backups
    def backup_now(self) -> worker.Worker:
        from app.domain.formatting import format_moment

        workspace = self.workspace
        job = worker.Worker(lambda _p, _c: workspace.make_backup())
        job.signals.finished.connect(
            lambda backup: messages.info(
                tr("Reservekopie gemaakt ({0}); de nieuwste 7 worden bewaard.").format(
                    format_moment(backup.made_at)
                )
            )
        )
        job.signals.failed.connect(lambda error: messages.error(str(error)))
        self._backup_job = worker.start(job)
        return job

    def backup_when_due(self) -> None:
        """The day's backup, in the background; a failure is logged and tried next start."""
        workspace = self.workspace
        job = worker.Worker(lambda _p, _c: workspace.backup_if_due())
        job.signals.failed.connect(lambda _e: log.warning("the daily backup was not made"))
        self._backup_job = worker.start(job)  # kept alive with the window

    # ------------------------------------------------------------ transfer files
    def ask_transfer(self) -> None:
        client_id = self.current_client()
        if client_id is None:
            messages.warning(tr("Open eerst het dossier van de klant die u wilt overdragen."))
            return
        path = self._save_path(
            tr("Overdrachtsbestand maken"),
            f"overdracht-{dt.date.today():%Y-%m-%d}.trede",
            "*.trede",
        )
        if path is not None:
            dialog = self.transfer_to(path, [client_id])
            dialog.exec()

    def transfer_to(self, path: Path, client_ids: list[str]) -> PasswordDialog:
        password = self.workspace.export_transfer(client_ids, path)
        return PasswordDialog(password, path.name, self.window)

    def ask_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self.window, tr("Overdrachtsbestand inlezen"), str(documents_folder()), "*.trede"
        )
        if not path:
            return
        password, ok = QInputDialog.getText(
            self.window,
            tr("Overdrachtsbestand inlezen"),
            tr("Het eenmalige wachtwoord van het bestand:"),
        )
        if ok:
            self.import_from(Path(path), password)

    def import_from(self, path: Path, password: str) -> worker.Worker:
        """Read the transfer file off the GUI thread (all or nothing); a refusal is shown."""
        workspace = self.workspace

        def job(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> int:
            return workspace.import_transfer(path, password)

        def done(clients: int) -> None:
            messages.info(tr("{0} klant(en) ingelezen en aan u toegewezen").format(clients))
            self.reload()

        return self.run(tr("Overdrachtsbestand inlezen…"), job, done)
