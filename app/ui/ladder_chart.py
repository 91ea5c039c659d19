"""The ladder history as a step chart: the final trede over time, the expected trede with
its target date (dashed), and the next review (red when overdue)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.domain.formatting import format_date
from app.services.ladder import AssessmentRow
from app.ui.i18n import tr
from app.ui.style import ACCENT, DANGER, MUTED

EXPECTED_COLOUR = "#2e7d5b"


@dataclass(frozen=True)
class ChartData:
    """What the chart draws, from the effective assessments (oldest first)."""

    steps: tuple[tuple[dt.date, int], ...]
    expected: tuple[dt.date, int, dt.date] | None  # (from, trede, by)
    review_on: dt.date | None

    @classmethod
    def from_history(cls, rows: Sequence[AssessmentRow]) -> ChartData:
        effective = sorted(
            (r for r in rows if not r.is_superseded), key=lambda r: (r.assessed_on, r.created_at)
        )
        steps = tuple((r.assessed_on, r.final_trede) for r in effective)
        latest = effective[-1] if effective else None
        expected = None
        if latest and latest.expected_trede and latest.expected_by:
            expected = (latest.assessed_on, latest.expected_trede, latest.expected_by)
        return cls(steps, expected, latest.review_on if latest else None)


class LadderChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = ChartData((), None, None)
        self.today = dt.date.today()
        self.setMinimumHeight(190)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(tr("Verloop op de participatieladder"))

    def sizeHint(self) -> QSize:
        return QSize(640, 220)

    def set_history(self, rows: Sequence[AssessmentRow], today: dt.date) -> None:
        self.data = ChartData.from_history(rows)
        self.today = today
        self.setAccessibleDescription(self.describe())
        self.update()

    def describe(self) -> str:
        """The chart in words, for screen readers (and tests)."""
        if not self.data.steps:
            return tr("Nog geen ladderbeoordeling")
        parts = [
            tr("trede {0} op {1}").format(trede, format_date(day)) for day, trede in self.data.steps
        ]
        text = ", ".join(parts)
        if self.data.expected:
            _, trede, by = self.data.expected
            text += "; " + tr("verwacht: trede {0} op {1}").format(trede, format_date(by))
        return text

    # ------------------------------------------------------------ painting
    def _span(self) -> tuple[dt.date, dt.date]:
        days = [day for day, _ in self.data.steps] + [self.today]
        if self.data.expected:
            days.append(self.data.expected[2])
        if self.data.review_on:
            days.append(self.data.review_on)
        first, last = min(days), max(days)
        if (last - first).days < 180:
            first = last - dt.timedelta(days=180)
        margin = dt.timedelta(days=max(14, (last - first).days // 30))
        return first - margin, last + margin

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        small = QFont(self.font())
        small.setPointSizeF(max(7.5, small.pointSizeF() - 1.5))
        painter.setFont(small)
        metrics = painter.fontMetrics()
        left, right, top, bottom = 70, 16, 12, metrics.height() + 12
        plot = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)
        start, end = self._span()
        total_days = max(1, (end - start).days)

        def x(day: dt.date) -> float:
            return plot.left() + plot.width() * (day - start).days / total_days

        def y(trede: int) -> float:
            return plot.bottom() - plot.height() * (trede - 0.5) / 6

        grid = QPen(QColor("#e3e8ec"))
        for trede in range(1, 7):
            painter.setPen(grid)
            painter.drawLine(QPointF(plot.left(), y(trede)), QPointF(plot.right(), y(trede)))
            painter.setPen(QColor(MUTED))
            painter.drawText(
                QRectF(0, y(trede) - 9, left - 8, 18),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                tr("Trede {0}").format(trede),
            )
        for year in range(start.year + 1, end.year + 1):
            at = x(dt.date(year, 1, 1))
            painter.setPen(grid)
            painter.drawLine(QPointF(at, plot.top()), QPointF(at, plot.bottom()))
            painter.setPen(QColor(MUTED))
            painter.drawText(QPointF(at + 3, plot.bottom() + metrics.ascent() + 4), str(year))

        today_pen = QPen(QColor("#9aa4ad"), 1, Qt.PenStyle.DotLine)
        painter.setPen(today_pen)
        painter.drawLine(QPointF(x(self.today), plot.top()), QPointF(x(self.today), plot.bottom()))

        if self.data.review_on:
            overdue = self.data.review_on < self.today
            pen = QPen(QColor(DANGER if overdue else MUTED), 1.2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            at = x(self.data.review_on)
            painter.drawLine(QPointF(at, plot.top()), QPointF(at, plot.bottom()))
            painter.drawText(
                QPointF(at + 3, plot.top() + metrics.ascent()),
                tr("herbeoordeling {0}").format(format_date(self.data.review_on)),
            )

        if not self.data.steps:
            painter.setPen(QColor(MUTED))
            painter.drawText(plot, int(Qt.AlignmentFlag.AlignCenter), self.describe())
            return

        if self.data.expected:
            since, trede, by = self.data.expected
            last_trede = self.data.steps[-1][1]
            pen = QPen(QColor(EXPECTED_COLOUR), 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(x(since), y(last_trede)), QPointF(x(by), y(trede)))
            painter.setBrush(QColor("white"))
            painter.drawEllipse(QPointF(x(by), y(trede)), 5, 5)

        path = QPainterPath()
        first_day, first_trede = self.data.steps[0]
        path.moveTo(x(first_day), y(first_trede))
        previous = first_trede
        for day, trede in self.data.steps[1:]:
            path.lineTo(x(day), y(previous))
            path.lineTo(x(day), y(trede))
            previous = trede
        path.lineTo(max(x(self.today), x(self.data.steps[-1][0])), y(previous))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(ACCENT), 2.5))
        painter.drawPath(path)
        painter.setBrush(QColor(ACCENT))
        for day, trede in self.data.steps:
            painter.drawEllipse(QPointF(x(day), y(trede)), 4, 4)
