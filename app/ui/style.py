"""The look: Fusion with a calm, high-contrast palette and generous spacing."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = "#1f5f8b"
DANGER = "#b3261e"
WARNING = "#8a5300"  # signals that do not block (6.1:1 on white)
MUTED = "#5f6b76"

STYLESHEET = f"""
QMainWindow, QDialog {{ background: #f5f7f9; }}
QLineEdit, QComboBox, QPlainTextEdit, QTextEdit, QSpinBox {{
    padding: 5px 7px; border: 1px solid #c4ccd4; border-radius: 4px; background: white;
}}
QLineEdit:focus, QComboBox:focus, QPlainTextEdit:focus, QSpinBox:focus {{
    border: 1px solid {ACCENT};
}}
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"] {{ border: 1px solid {DANGER}; }}
QPushButton {{
    padding: 6px 14px; border: 1px solid #b7c0c9; border-radius: 4px; background: white;
}}
QPushButton:hover {{ background: #eef3f7; }}
QPushButton:default, QPushButton[primary="true"] {{
    background: {ACCENT}; color: white; border-color: {ACCENT};
}}
QPushButton:disabled {{ color: #9aa4ad; background: #f0f2f4; border-color: #d5dbe0; }}
QTableView {{
    border: 1px solid #d5dbe0; gridline-color: transparent; background: white;
    alternate-background-color: #f3f6f9; selection-background-color: #cfe1ee;
    selection-color: #10202c;
}}
QTableView::item {{ padding: 3px 6px; }}
QHeaderView::section {{
    background: #eaeef2; padding: 6px 8px; border: none; border-right: 1px solid #d5dbe0;
    font-weight: 600; color: #2b3640;
}}
QTabWidget::pane {{ border: 1px solid #d5dbe0; background: white; border-radius: 4px; }}
QTabBar::tab {{ padding: 7px 16px; margin-right: 2px; color: #3a4650; }}
QTabBar::tab:selected {{ border-bottom: 2px solid {ACCENT}; color: #10202c; font-weight: 600; }}
QGroupBox {{
    border: 1px solid #dde3e8; border-radius: 6px; margin-top: 14px; padding: 10px 10px 6px;
    background: white; font-weight: 600;
}}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; color: {ACCENT}; }}
QToolBar {{ background: #ffffff; border-bottom: 1px solid #d5dbe0; spacing: 6px; padding: 4px; }}
QToolBar QToolButton {{ padding: 5px 10px; border-radius: 4px; }}
QToolBar QToolButton:hover {{ background: #eef3f7; }}
QStatusBar {{ background: #ffffff; border-top: 1px solid #d5dbe0; color: #3a4650; }}
QLabel[role="error"] {{ color: {DANGER}; }}
QLabel[role="muted"] {{ color: {MUTED}; }}
QLabel[role="title"] {{ font-size: 17pt; font-weight: 600; color: #10202c; }}
QLabel[role="chip"] {{
    background: #e6eef5; color: #1d4460; border-radius: 9px; padding: 2px 9px;
}}
QLabel[role="chip-warning"] {{
    background: #fbe9e7; color: {DANGER}; border-radius: 9px; padding: 2px 9px;
}}
QFrame[role="header"] {{ background: white; border: 1px solid #d5dbe0; border-radius: 6px; }}
"""


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f5f7f9"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f3f6f9"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#10202c"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#10202c"))
    palette.setColor(QPalette.ColorRole.Button, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor("#10202c"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#cfe1ee"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#10202c"))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#7b8690"))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.ToolTipText, QColor("#10202c"))
    app.setPalette(palette)
    font = QFont(app.font())
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)
