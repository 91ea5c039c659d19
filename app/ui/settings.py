"""The caseworker's preferences on this laptop (QSettings): idle lock, sync interval,
language, geometry."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

IDLE_MINUTES_DEFAULT = 5
SYNC_MINUTES_DEFAULT = 5
LANGUAGES = {"nl": "Nederlands", "en": "English"}


def _minutes(key: str, default: int) -> int:
    """A stored number of minutes between 1 and 240; the default when it is anything else."""
    value = QSettings().value(key, default)
    try:
        minutes = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default
    return minutes if 1 <= minutes <= 240 else default


def idle_minutes() -> int:
    return _minutes("security/idle_minutes", IDLE_MINUTES_DEFAULT)


def set_idle_minutes(minutes: int) -> None:
    QSettings().setValue("security/idle_minutes", int(minutes))


def sync_minutes() -> int:
    """How often the app syncs by itself while a central server is configured."""
    return _minutes("sync/minutes", SYNC_MINUTES_DEFAULT)


def set_sync_minutes(minutes: int) -> None:
    QSettings().setValue("sync/minutes", int(minutes))


def language() -> str:
    value = str(QSettings().value("ui/language", "nl"))
    return value if value in LANGUAGES else "nl"


def set_language(code: str) -> None:
    QSettings().setValue("ui/language", code if code in LANGUAGES else "nl")


def saved_geometry(name: str) -> QByteArray | None:
    """Where the window or dialog `name` was last; None when never saved, or when the stored
    value is not a saved geometry (a damaged settings file must not stop Trede)."""
    value = QSettings().value(f"geometry/{name}")
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save_geometry(name: str, geometry: QByteArray) -> None:
    QSettings().setValue(f"geometry/{name}", geometry)
