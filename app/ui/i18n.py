"""Qt's translation machinery: the UI's source strings are Dutch; English is a .qm file."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app.domain.vocab import LabelledEnum
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


def vocab_label(member: LabelledEnum) -> str:
    """A vocabulary item's label in the chosen language."""
    return tr(member.label)


def tr(text: str) -> str:
    """The text in the chosen language. Pass a literal, never an f-string: pyside6-lupdate
    collects the literals (use `.format` for values)."""
    return QCoreApplication.translate("", text)


def QT_TR_NOOP(text: str) -> str:
    """Marks a literal for pyside6-lupdate where it is defined; `tr` translates it when shown.
    (Qt's own QT_TR_NOOP is typed as returning object.)"""
    return text
