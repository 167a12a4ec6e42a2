"""The verdict badge of a success criterion: shape, colour and word together, so it reads the
same in black and white, to colour-blind eyes and in dark mode.

Met is a filled disc with a tick, not met a filled diamond with a cross, not enough data an
empty ring with a dash, not yet judged (the pilot still runs) a ring filled for its first third
like a clock, as the "◔" of the PDF.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen, QPixmap

from app.pilots.criteria import Verdict
from ui.look import is_dark


def verdict_colour(verdict: Verdict, palette: QPalette) -> QColor:
    """Green for met, red for not met, blue (the running pilot's colour) for not yet judged,
    the palette's muted text for not enough data."""
    dark = is_dark(palette)
    if verdict is Verdict.IN_PROGRESS:
        return QColor("#64b5f6" if dark else "#1565c0")
    if verdict is Verdict.MET:
        return QColor("#66bb6a" if dark else "#2e7d32")
    if verdict is Verdict.NOT_MET:
        return QColor("#ef9a9a" if dark else "#c62828")
    return palette.color(QPalette.ColorRole.PlaceholderText)


def verdict_pixmap(verdict: Verdict, size: int, palette: QPalette, ratio: float = 1.0) -> QPixmap:
    """A ``size`` × ``size`` badge for ``verdict`` (device pixel ``ratio`` for sharp edges)."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    colour = verdict_colour(verdict, palette)
    mark = palette.color(QPalette.ColorRole.Base)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen_width = max(1.5, size / 9)
    box = QRectF(pen_width / 2, pen_width / 2, size - pen_width, size - pen_width)
    stroke = QPen(mark, pen_width * 1.2)
    stroke.setCapStyle(Qt.PenCapStyle.RoundCap)
    stroke.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if verdict is Verdict.MET:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(box)
        tick = QPainterPath(QPointF(size * 0.28, size * 0.52))
        tick.lineTo(QPointF(size * 0.44, size * 0.68))
        tick.lineTo(QPointF(size * 0.72, size * 0.36))
        painter.setPen(stroke)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(tick)
    elif verdict is Verdict.NOT_MET:
        centre = size / 2
        diamond = QPainterPath(QPointF(centre, 0.0))
        diamond.lineTo(QPointF(size, centre))
        diamond.lineTo(QPointF(centre, size))
        diamond.lineTo(QPointF(0.0, centre))
        diamond.closeSubpath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPath(diamond)
        painter.setPen(stroke)
        arm = size * 0.16
        painter.drawLine(QPointF(centre - arm, centre - arm), QPointF(centre + arm, centre + arm))
        painter.drawLine(QPointF(centre - arm, centre + arm), QPointF(centre + arm, centre - arm))
    elif verdict is Verdict.IN_PROGRESS:
        painter.setPen(QPen(colour, pen_width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(box)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPie(box, 90 * 16, -120 * 16)  # from twelve o'clock, clockwise to four
    else:
        painter.setPen(QPen(colour, pen_width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(box)
        dash = QPen(colour, pen_width * 1.2)
        dash.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(dash)
        painter.drawLine(QPointF(size * 0.32, size / 2), QPointF(size * 0.68, size / 2))
    painter.end()
    return pixmap
