"""Small visual helpers shared by pages: fonts scaled from the system font, state badges.

Sizes are relative to the user's font, so text scales with the system setting; colours
come from the palette or are picked for the palette's lightness, so dark mode works.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QWidget


def scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> QFont:
    """The widget's font made ``factor`` times larger (never a fixed pixel size)."""
    font = QFont(widget.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    elif font.pixelSize() > 0:
        font.setPixelSize(round(font.pixelSize() * factor))
    font.setBold(bold)
    return font


def make_heading(text: str, parent: QWidget, factor: float = 1.25, name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setFont(scaled_font(parent, factor, bold=True))
    label.setTextFormat(Qt.TextFormat.PlainText)
    if name:
        label.setObjectName(name)
    label.setAccessibleName(text)
    return label


def make_muted(text: str, parent: QWidget, name: str = "") -> QLabel:
    """A secondary line of text: wraps, and uses the palette's placeholder colour."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setProperty("muted", True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    if name:
        label.setObjectName(name)
    return label


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def state_colour(state: str, palette: QPalette) -> QColor:
    """Green for done, amber for in progress, grey for not started; lighter on dark themes."""
    dark = is_dark(palette)
    if state == "done":
        return QColor("#66bb6a" if dark else "#2e7d32")
    if state == "in_progress":
        return QColor("#ffb74d" if dark else "#b26a00")
    return palette.color(QPalette.ColorRole.PlaceholderText)


def state_pixmap(state: str, size: int, palette: QPalette, ratio: float = 1.0) -> QPixmap:
    """A state badge that differs in shape, not only colour: tick, half disc, empty ring."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    colour = state_colour(state, palette)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen_width = max(1.5, size / 10)
    box = QRectF(pen_width, pen_width, size - 2 * pen_width, size - 2 * pen_width)
    if state == "done":
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
        if state == "in_progress":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawPie(box, 90 * 16, 180 * 16)
    painter.end()
    return pixmap
