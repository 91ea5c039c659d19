"""Chips in a client file's header wrap to a next row instead of widening the window (a
client with many chips made the main window 1,867 px wide, past a 1366x768 screen)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from app.ui.flow_layout import FlowLayout


def test_widgets_wrap_within_the_width(qtbot) -> None:  # type: ignore[no-untyped-def]
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = FlowLayout(holder)
    labels = [QLabel(f"Doelgroep nummer {n} met een lange naam") for n in range(20)]
    for label in labels:
        layout.addWidget(label)
    widest = max(label.sizeHint().width() for label in labels)
    assert layout.minimumSize().width() == widest  # never wider than one chip
    holder.resize(600, layout.heightForWidth(600))
    holder.show()
    qtbot.waitExposed(holder)
    rows = {label.geometry().y() for label in labels}
    assert len(rows) > 1  # wrapped
    assert all(label.geometry().right() < 600 for label in labels)
    assert layout.heightForWidth(300) > layout.heightForWidth(600)


def test_a_file_with_many_chips_keeps_the_window_within_the_screen(qtbot, store, owner) -> None:  # type: ignore[no-untyped-def]
    from app.ui.client_file import _chip
    from tests.ui.conftest import open_main_window

    window, client_id = open_main_window(qtbot, store, owner)
    window.open_client(client_id)
    for n in range(25):
        window.client_file.chips.addWidget(_chip(f"Kenmerk {n} van deze klant"))
    assert window.minimumSizeHint().width() <= 1366
    window.close()
