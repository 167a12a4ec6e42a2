"""A radar (spider) chart of topic scores: now, target and baseline on one web.

Drawn with QPainter rather than QtCharts' polar chart so labels wrap and the three
lines differ in style (solid and filled, dashed, dotted) as well as in colour.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.look import is_dark

LEVELS = 5


@dataclass(frozen=True)
class RadarLine:
    name: str
    values: list[float | None]
    style: str
    """"current" (solid, filled), "target" (dashed) or "baseline" (dotted)."""


class RadarChart(QWidget):
    """Topic names around a web of levels 1–5, with one polygon per line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("radar_chart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.axes: list[str] = []
        self.lines: list[RadarLine] = []

    def set_data(self, axes: list[str], lines: list[RadarLine]) -> None:
        self.axes = list(axes)
        self.lines = [line for line in lines if any(v is not None for v in line.values)]
        names = ", ".join(line.name for line in self.lines)
        self.setAccessibleName(self.tr("Radar chart of topic scores: {lines}").format(lines=names))
        self.update()

    def sizeHint(self) -> QSize:
        height = self.fontMetrics().height()
        return QSize(height * 30, height * 26)

    def minimumSizeHint(self) -> QSize:
        height = self.fontMetrics().height()
        return QSize(height * 20, height * 18)

    # Drawing ------------------------------------------------------------------------------
    def _colour(self, style: str) -> QColor:
        palette = self.palette()
        dark = is_dark(palette)
        if style == "current":
            return palette.color(QPalette.ColorRole.Highlight)
        if style == "target":
            return QColor("#ffb74d" if dark else "#b26a00")
        return palette.color(QPalette.ColorRole.PlaceholderText)

    def _pen(self, style: str) -> QPen:
        pen = QPen(self._colour(style), 2.5 if style == "current" else 2.0)
        if style == "target":
            pen.setStyle(Qt.PenStyle.DashLine)
        elif style == "baseline":
            pen.setStyle(Qt.PenStyle.DotLine)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        metrics = self.fontMetrics()
        line_height = metrics.height()
        legend_height = line_height * 2
        label_width = max(100, metrics.averageCharWidth() * 17)
        area = QRectF(self.rect()).adjusted(4, 4, -4, -4 - legend_height)
        radius = max(
            10.0, min(area.width() / 2 - label_width, area.height() / 2 - line_height * 3.6)
        )
        centre = area.center()
        count = len(self.axes)
        if count < 3:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("No scores to draw yet"))
            painter.end()
            return

        def point(index: int, value: float) -> QPointF:
            angle = -math.pi / 2 + 2 * math.pi * index / count
            r = radius * max(0.0, min(value, LEVELS)) / LEVELS
            return QPointF(centre.x() + r * math.cos(angle), centre.y() + r * math.sin(angle))

        # The web: one ring per level and a spoke per topic.
        grid = QColor(palette.color(QPalette.ColorRole.Mid))
        painter.setPen(QPen(grid, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for level in range(1, LEVELS + 1):
            painter.drawPolygon(QPolygonF([point(i, level) for i in range(count)]))
        for index in range(count):
            painter.drawLine(centre, point(index, LEVELS))
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(muted)
        small = painter.font()
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.8))
        painter.setFont(small)
        for level in range(1, LEVELS + 1):
            spot = point(0, level)
            painter.drawText(QPointF(spot.x() + 4, spot.y() - 2), str(level))
        painter.setFont(self.font())

        # The lines: baseline and target under the current scores.
        order = {"baseline": 0, "target": 1, "current": 2}
        for line in sorted(self.lines, key=lambda item: order.get(item.style, 0)):
            polygon = QPolygonF(
                [point(i, value or 0.0) for i, value in enumerate(line.values[:count])]
            )
            pen = self._pen(line.style)
            painter.setPen(pen)
            if line.style == "current":
                fill = QColor(pen.color())
                fill.setAlpha(50)
                painter.setBrush(fill)
            else:
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolygon(polygon)
            if line.style == "current":
                painter.setBrush(pen.color())
                for i, value in enumerate(line.values[:count]):
                    if value is not None:
                        painter.drawEllipse(point(i, value), 3.5, 3.5)

        # Topic names around the web, wrapped to a few words per line.
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        for index, name in enumerate(self.axes):
            angle = -math.pi / 2 + 2 * math.pi * index / count
            cos = math.cos(angle)
            anchor = point(index, LEVELS + (0.35 if abs(cos) >= 0.2 else 0.55))
            box = QRectF(0, 0, label_width, line_height * 3.4)
            if abs(cos) < 0.2:
                box.moveCenter(anchor)
                flags = Qt.AlignmentFlag.AlignHCenter
                if math.sin(angle) < 0:
                    box.moveBottom(anchor.y())
                    flags |= Qt.AlignmentFlag.AlignBottom
                else:
                    box.moveTop(anchor.y())
                    flags |= Qt.AlignmentFlag.AlignTop
            elif cos > 0:
                box.moveLeft(anchor.x())
                box.moveTop(anchor.y() - box.height() / 2)
                flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            else:
                box.moveRight(anchor.x())
                box.moveTop(anchor.y() - box.height() / 2)
                flags = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(box, int(flags | Qt.TextFlag.TextWordWrap), name)

        # Legend: a short sample of each line's style, then its name.
        x = area.left() + 8
        y = self.rect().bottom() - legend_height / 2
        for line in self.lines:
            painter.setPen(self._pen(line.style))
            painter.drawLine(QPointF(x, y), QPointF(x + 28, y))
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            text_width = metrics.horizontalAdvance(line.name)
            painter.drawText(
                QRectF(x + 34, y - line_height / 2, text_width + 4, line_height),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                line.name,
            )
            x += 34 + text_width + 24
        painter.end()
