"""Qt's translation machinery: the UI's source strings are Dutch; English is a .qm file."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app.resources import resource_path

_installed: list[QTranslator] = []


def install_translators(app: QApplication, language: str) -> None:
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Netherlands))
        ours = QTranslator(app)
        if ours.load(str(resource_path("translations", "trede_en.qm"))):
            app.installTranslator(ours)
            _installed.append(ours)
        return
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    qt_own = QTranslator(app)
    if qt_own.load("qtbase_nl", qt_dir):  # Qt's own buttons and dialogs in Dutch
        app.installTranslator(qt_own)
        _installed.append(qt_own)
