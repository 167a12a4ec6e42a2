"""The colours of skills figures: a sequential ramp for gaps, tints for change, the withheld hatch.

The gap ramp is one hue (orange, from ColorBrewer's "Oranges"), light to dark, shared with
the reports (``app.reports.heat_scale``), so it reads by lightness alone and works for every
kind of colour blindness and in grey print. Text on a
cell takes black or white, whichever contrasts more with the cell.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette

from app.reports import heat_scale
from ui.look import is_dark

GAP_RAMP = tuple(colour for _gap, colour in heat_scale.GAP_STOPS)
"""The ramp's stops from no gap to four levels short: the same as the PDF and the workbook's
colour-scale rule (``app.reports.heat_scale``), so a cell looks the same on every medium."""

_DARK_TEXT = QColor("#000000")
"""Pure black: with white, it keeps every colour of the ramp at a contrast of 4.5:1 or more."""
_LIGHT_TEXT = QColor("#ffffff")


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG 2), 0 black to 1 white."""
    return (
        0.2126 * _channel(colour.red())
        + 0.7152 * _channel(colour.green())
        + 0.0722 * _channel(colour.blue())
    )


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_colour_on(background: QColor) -> QColor:
    """Near-black or white, whichever reads better on ``background``."""
    if contrast(_DARK_TEXT, background) >= contrast(_LIGHT_TEXT, background):
        return QColor(_DARK_TEXT)
    return QColor(_LIGHT_TEXT)


def gap_colour(gap: float) -> QColor:
    """The ramp's colour for a mean gap 0–4 (values outside are clamped)."""
    return QColor(heat_scale.gap_colour(gap))


def withheld_colours(palette: QPalette) -> tuple[QColor, QColor]:
    """(background, hatch lines) of a withheld cell, for the palette's lightness."""
    if is_dark(palette):
        return QColor("#3a3a3a"), QColor("#6a6a6a")
    return QColor("#eeeeee"), QColor("#b8b8b8")


def paint_withheld(painter: QPainter, rect: QRect, palette: QPalette) -> None:
    """A withheld figure's background: grey with diagonal hatching."""
    background, lines = withheld_colours(palette)
    painter.fillRect(rect, background)
    painter.fillRect(rect, QBrush(lines, Qt.BrushStyle.BDiagPattern))


def empty_colour(palette: QPalette) -> QColor:
    """A cell nobody has rated yet: the view's own background."""
    return palette.color(QPalette.ColorRole.Base)


BETTER = ("#e5f5e0", "#a1d99b", "#41ab5d")
"""Tints for a gap that shrank by up to 0.25, 0.75 and more (ColorBrewer Greens)."""
WORSE = ("#fee0d2", "#fc9272", "#de2d26")
"""Tints for a gap that grew (ColorBrewer Reds)."""
UNCHANGED = "#f2f2f2"


def change_colour(change: float) -> QColor:
    """Green when the gap shrank, red when it grew, grey when it stayed; deeper for more."""
    size = abs(round(change, 1))
    if size == 0:
        return QColor(UNCHANGED)
    step = 0 if size <= 0.25 else 1 if size <= 0.75 else 2
    return QColor((BETTER if change < 0 else WORSE)[step])
