"""Idle lock: after N quiet minutes the window hides every client detail until the
passphrase is given again. Also the manual lock (Ctrl+L)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.storage.errors import StoreError
from app.storage.unlocking import unlock_key
from app.ui.forms import error_label
from app.ui.i18n import tr

log = logging.getLogger(__name__)

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    """Emits `idle` when no key, mouse or touch input arrived for `minutes`."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        self.timer.setInterval(max(1, minutes) * 60_000)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.timer.isActive():
            self.timer.start()
        return False

    def pause(self) -> None:
        self.timer.stop()

    def resume(self) -> None:
        self.timer.start()


class LockScreen(QWidget):
    """Shown instead of any client data; unlocking checks the passphrase against the key."""

    unlocked = Signal()

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        title = QLabel(tr("Trede is vergrendeld"))
        title.setProperty("role", "title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note = QLabel(tr("Uw dossiers zijn verborgen. Typ uw wachtwoord om verder te werken."))
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(tr("Wachtwoord"))
        self.passphrase.setAccessibleName(tr("Wachtwoord"))
        self.passphrase.setMaximumWidth(340)
        self.error = error_label()
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = QPushButton(tr("Ontgrendelen"))
        self.button.setProperty("primary", True)
        self.button.setMaximumWidth(340)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        for widget in (title, note, self.passphrase, self.error, self.button):
            # texts span the width (centred within it): a centred wrapping label got the
            # width of one line and the height of one, and its second line was cut off
            centred = (
                Qt.AlignmentFlag(0) if isinstance(widget, QLabel) else Qt.AlignmentFlag.AlignHCenter
            )
            layout.addWidget(widget, 0, centred)
        layout.addStretch(3)
        self.button.clicked.connect(self.try_unlock)
        self.passphrase.returnPressed.connect(self.try_unlock)

    def prepare(self) -> None:
        self.passphrase.clear()
        self.error.hide()
        self.passphrase.setFocus()

    def try_unlock(self) -> None:
        try:
            unlock_key(self.data_dir, self.passphrase.text())
        except StoreError as exc:
            self.error.setText(str(exc))
            self.error.show()
            self.passphrase.selectAll()
            return
        self.passphrase.clear()
        self.error.hide()
        self.unlocked.emit()


class LockController(QObject):
    """Locking the window: every other window hidden, the lock screen shown, the idle timer
    paused; unlocking puts back what was shown."""

    changed = Signal(bool)  # locked

    def __init__(self, pages: QStackedWidget, lock_screen: LockScreen, idle: IdleWatcher) -> None:
        super().__init__(pages)
        self.pages, self.lock_screen, self.idle = pages, lock_screen, idle
        self.locked = False
        self._hidden: list[QWidget] = []
        self._page_before: QWidget | None = None
        lock_screen.unlocked.connect(self.unlock)
        idle.idle.connect(self.lock)

    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        self.idle.pause()
        window = self.pages.window()
        self._hidden = [
            w for w in QApplication.topLevelWidgets() if w is not window and w.isVisible()
        ]
        for widget in self._hidden:
            widget.hide()
        self._page_before = self.pages.currentWidget()
        self.pages.setCurrentWidget(self.lock_screen)
        self.lock_screen.prepare()
        log.info("locked")
        self.changed.emit(True)

    def unlock(self) -> None:
        self.locked = False
        if self._page_before is None:
            self.pages.setCurrentIndex(0)
        else:
            self.pages.setCurrentWidget(self._page_before)
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self.idle.resume()
        log.info("unlocked")
        self.changed.emit(False)

    def shut(self) -> None:
        """The store is gone (a remote wipe): hide everything for good."""
        self.idle.pause()
        window = self.pages.window()
        for widget in QApplication.topLevelWidgets():
            if widget is not window:
                widget.hide()
        self.pages.setCurrentWidget(self.lock_screen)
