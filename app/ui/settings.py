"""The caseworker's preferences on this laptop (QSettings): idle lock, sync interval,
language, geometry."""

from __future__ import annotations

from PySide6.QtCore import QSettings

IDLE_MINUTES_DEFAULT = 5
SYNC_MINUTES_DEFAULT = 5
LANGUAGES = {"nl": "Nederlands", "en": "English"}


def idle_minutes() -> int:
    value = QSettings().value("security/idle_minutes", IDLE_MINUTES_DEFAULT)
    try:
        minutes = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return IDLE_MINUTES_DEFAULT
    return minutes if 1 <= minutes <= 240 else IDLE_MINUTES_DEFAULT


def set_idle_minutes(minutes: int) -> None:
    QSettings().setValue("security/idle_minutes", int(minutes))


def sync_minutes() -> int:
    """How often the app syncs by itself while a central server is configured."""
    value = QSettings().value("sync/minutes", SYNC_MINUTES_DEFAULT)
    try:
        minutes = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return SYNC_MINUTES_DEFAULT
    return minutes if 1 <= minutes <= 240 else SYNC_MINUTES_DEFAULT


def set_sync_minutes(minutes: int) -> None:
    QSettings().setValue("sync/minutes", int(minutes))


def language() -> str:
    value = str(QSettings().value("ui/language", "nl"))
    return value if value in LANGUAGES else "nl"


def set_language(code: str) -> None:
    QSettings().setValue("ui/language", code if code in LANGUAGES else "nl")
