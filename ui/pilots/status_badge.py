"""A pilot's status as a small badge that differs in shape as well as colour.

Planned: an empty ring. Running: a ring with a "play" triangle. Ended, being evaluated: a
half-filled disc. Decided: a filled disc with a tick. Colours are picked for the palette's
lightness, so the badges stay readable in dark mode.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap

from ui.look import is_dark


def status_colour(status: str, palette: QPalette) -> QColor:
    dark = is_dark(palette)
    colours = {
        "running": "#64b5f6" if dark else "#1565c0",
        "evaluating": "#ffb74d" if dark else "#b26a00",
        "decided": "#66bb6a" if dark else "#2e7d32",
    }
    colour = colours.get(status)
    return QColor(colour) if colour else palette.color(QPalette.ColorRole.PlaceholderText)


def status_pixmap(status: str, size: int, palette: QPalette, ratio: float = 1.0) -> QPixmap:
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    colour = status_colour(status, palette)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen_width = max(1.5, size / 10)
    box = QRectF(pen_width, pen_width, size - 2 * pen_width, size - 2 * pen_width)
    if status == "decided":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(box)
        tick = QPainterPath(QPointF(size * 0.28, size * 0.52))
        tick.lineTo(QPointF(size * 0.44, size * 0.67))
        tick.lineTo(QPointF(size * 0.72, size * 0.36))
        pen = QPen(palette.color(QPalette.ColorRole.Base), pen_width * 1.2)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(tick)
    else:
        painter.setPen(QPen(colour, pen_width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(box)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        if status == "running":
            play = QPainterPath(QPointF(size * 0.40, size * 0.30))
            play.lineTo(QPointF(size * 0.72, size * 0.50))
            play.lineTo(QPointF(size * 0.40, size * 0.70))
            play.closeSubpath()
            painter.drawPath(play)
        elif status == "evaluating":
            painter.drawPie(box, 90 * 16, 180 * 16)
    painter.end()
    return pixmap


def status_icon(status: str, size: int, palette: QPalette, ratio: float = 1.0) -> QIcon:
    return QIcon(status_pixmap(status, size, palette, ratio))
