"""English through Qt's translation machinery: the .ts covers every Dutch source text, the
.qm is compiled from it, and choosing English in the settings shows an English window."""

import ast
import filecmp
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.ui import settings
from app.ui.i18n import install_translators
from app.ui.main_window import MainWindow
from app.ui.settings_dialog import SettingsDialog
from tools.translations import QM_FILE, TS_FILE, lrelease, lupdate

pytestmark = pytest.mark.gui


def _messages(ts_file) -> dict[str, ET.Element]:  # type: ignore[no-untyped-def]
    return {m.findtext("source"): m.find("translation") for m in ET.parse(ts_file).iter("message")}


def test_every_source_text_has_an_english_translation(tmp_path) -> None:  # type: ignore[no-untyped-def]
    current = tmp_path / "current.ts"
    shutil.copy(TS_FILE, current)
    lupdate(current)  # as `python tools/translations.py` would, on today's sources
    messages = _messages(current)
    assert set(messages) == set(_messages(TS_FILE)), "run: python tools/translations.py"
    unfinished = [s for s, t in messages.items() if t.get("type") or not (t.text or "").strip()]
    assert unfinished == [], "translate these in resources/translations/trede_en.ts"
    compiled = tmp_path / "current.qm"
    lrelease(current, compiled)
    assert filecmp.cmp(compiled, QM_FILE, shallow=False), "run: python tools/translations.py"


def test_no_literal_escapes_lupdate() -> None:
    """lupdate skips tr("...") inside an f-string; such a text would stay Dutch."""
    known = set(_messages(TS_FILE))
    missed = []
    for path in sorted(Path("app/ui").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) in ("tr", "QT_TR_NOOP")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and node.args[0].value not in known
            ):
                missed.append(f"{path}:{node.lineno}")
    assert missed == [], "take these tr() calls out of f-strings"


def test_english_chosen_in_settings(qtbot, qapp, store, owner) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.idle.setValue(7)
    dialog.accept()
    assert (settings.language(), settings.idle_minutes()) == ("en", 7)
    install_translators(qapp, settings.language())  # what a restart does
    try:
        window = MainWindow(store)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: not window.is_loading())
        assert window.actions_.new_client.text() == "New client"
        header = window.caseload.model.headerData

        assert header(0, Qt.Orientation.Horizontal) == "Name"
        assert "clients" in window.count_label.text()
    finally:
        settings.set_language("nl")
        settings.set_idle_minutes(settings.IDLE_MINUTES_DEFAULT)
        install_translators(qapp, "nl")
    assert QApplication.translate("", "Nieuwe klant") == "Nieuwe klant"


def test_sync_messages_speak_the_interface_language(qapp) -> None:  # type: ignore[no-untyped-def]
    from app.sync.errors import UNREACHABLE, ClockOff, ServerUnreachable
    from app.ui.sync_controller import sync_message

    install_translators(qapp, "en")
    try:
        assert sync_message(ServerUnreachable(UNREACHABLE)).startswith("The central server")
        assert "10 minutes ahead" in sync_message(ClockOff(600))
    finally:
        install_translators(qapp, "nl")
    assert "10 minuten voor" in sync_message(ClockOff(600))
