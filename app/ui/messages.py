"""The one message bridge: code anywhere reports to the user through it, never via widgets."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class MessageBridge(QObject):
    error = Signal(str)
    warning = Signal(str)
    info = Signal(str)


bridge = MessageBridge()


def error(text: str) -> None:
    bridge.error.emit(text)


def warning(text: str) -> None:
    bridge.warning.emit(text)


def info(text: str) -> None:
    bridge.info.emit(text)
