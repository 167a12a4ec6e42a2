"""Simple drawn icons for the People page: its empty state (in the palette's accent colour)
and the AI champion's star."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPainterPath, QPen, QPixmap

SIZE = 96


def _canvas() -> tuple[QPixmap, QPainter, QColor]:
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QGuiApplication.palette().highlight().color()
    return pixmap, painter, colour


def _person(painter: QPainter, colour: QColor, centre_x: float, scale: float) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    head = 15 * scale
    painter.drawEllipse(QPointF(centre_x, 34 * scale + (1 - scale) * 40), head, head)
    body = QPainterPath()
    top = 56 * scale + (1 - scale) * 40
    width = 30 * scale
    body.moveTo(centre_x - width, 88)
    body.cubicTo(centre_x - width, top, centre_x + width, top, centre_x + width, 88)
    body.closeSubpath()
    painter.drawPath(body)


def person_icon() -> QIcon:
    pixmap, painter, colour = _canvas()
    _person(painter, colour, 48, 1.0)
    painter.setBrush(QGuiApplication.palette().base().color())
    painter.setPen(QPen(colour, 4))
    painter.drawEllipse(QPointF(76, 70), 15, 15)
    painter.drawLine(QPointF(76, 62), QPointF(76, 78))
    painter.drawLine(QPointF(68, 70), QPointF(84, 70))
    painter.end()
    return QIcon(pixmap)


def people_icon() -> QIcon:
    pixmap, painter, colour = _canvas()
    faded = QColor(colour)
    faded.setAlphaF(0.55)
    _person(painter, faded, 24, 0.75)
    _person(painter, faded, 72, 0.75)
    _person(painter, colour, 48, 0.95)
    painter.end()
    return QIcon(pixmap)


def sheet_icon() -> QIcon:
    pixmap, painter, colour = _canvas()
    painter.setPen(QPen(colour, 4))
    painter.setBrush(QGuiApplication.palette().base().color())
    frame = QRectF(14, 14, 68, 68)
    painter.drawRoundedRect(frame, 6, 6)
    painter.setBrush(colour)
    painter.drawRect(QRectF(14, 14, 68, 16))
    for x in (37, 59):
        painter.drawLine(QPointF(x, 30), QPointF(x, 82))
    for y in (47, 64):
        painter.drawLine(QPointF(14, y), QPointF(82, y))
    painter.end()
    return QIcon(pixmap)


def champion_icon(size: int = 32) -> QIcon:
    """A five-pointed star in a warm gold with a dark outline: reads on light and dark rows."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    centre = size / 2
    outer, inner = size * 0.47, size * 0.2
    star = QPainterPath()
    for point in range(10):
        radius = outer if point % 2 == 0 else inner
        angle = -math.pi / 2 + point * math.pi / 5
        spot = QPointF(centre + radius * math.cos(angle), centre + 1 + radius * math.sin(angle))
        if point == 0:
            star.moveTo(spot)
        else:
            star.lineTo(spot)
    star.closeSubpath()
    painter.setPen(QPen(QColor("#8a5a00"), max(1.0, size / 16)))
    painter.setBrush(QColor("#f5b301"))
    painter.drawPath(star)
    painter.end()
    return QIcon(pixmap)
