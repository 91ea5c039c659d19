"""Draws Trede's application icon (a ladder of six rungs, one step lit) and writes
resources/images/trede.png (256 px) and trede.ico (Windows, several sizes).

    QT_QPA_PLATFORM=offscreen python tools/make_icon.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen

ROOT = Path(__file__).resolve().parent.parent
ACCENT, LIGHT, STEP = QColor("#1f5f8b"), QColor("#ffffff"), QColor("#f2b134")


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = size / 16
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ACCENT)
    painter.drawRoundedRect(QRectF(0, 0, size, size), 3 * unit, 3 * unit)
    rail = QPen(LIGHT, 1.2 * unit, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    painter.setPen(rail)
    left, right, top, bottom = 4.5 * unit, 11.5 * unit, 2.5 * unit, 13.5 * unit
    painter.drawLine(left, top, left, bottom)
    painter.drawLine(right, top, right, bottom)
    for rung in range(6):
        y = bottom - (rung + 0.5) * (bottom - top) / 6
        lit = rung == 3
        painter.setPen(
            QPen(
                STEP if lit else LIGHT,
                (1.4 if lit else 0.9) * unit,
                Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap,
            )
        )
        painter.drawLine(left, y, right, y)
    painter.end()
    return image


def main() -> None:
    QGuiApplication(sys.argv[:1])
    folder = ROOT / "resources" / "images"
    folder.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(folder / "trede.png"))
    draw(256).save(str(folder / "trede.ico"))  # Qt's ico writer; Windows scales it
    print(f"wrote {folder / 'trede.png'} and trede.ico")


if __name__ == "__main__":
    main()
