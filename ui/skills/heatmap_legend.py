"""The heatmap's key: the colour ramp from no gap to four levels short, and the withheld swatch."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.privacy import DEFAULT_THRESHOLD
from ui.skills.figure_labels import WITHHELD, number_text
from ui.skills.gap_colours import GAP_RAMP, empty_colour, paint_withheld


class HeatmapLegend(QWidget):
    """Painted, so it follows the font size and the palette; its text is its accessible name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("heatmap_legend")
        self.threshold = DEFAULT_THRESHOLD
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._describe()

    def set_threshold(self, threshold: int) -> None:
        self.threshold = threshold
        self._describe()
        self.updateGeometry()
        self.update()

    # Texts --------------------------------------------------------------------------------
    def low_text(self) -> str:
        return self.tr("no gap")

    def high_text(self) -> str:
        return self.tr("4 levels short")

    def withheld_text(self) -> str:
        return self.tr("{dash} withheld: fewer than {n} people").format(
            dash=WITHHELD, n=self.threshold
        )

    def empty_text(self) -> str:
        return self.tr("nobody rated yet")

    def _describe(self) -> None:
        text = self.tr(
            "Colour key: light is {low}, dark is {high}; grey hatching is {withheld}; "
            "blank is {empty}."
        ).format(
            low=self.low_text(),
            high=self.high_text(),
            withheld=self.withheld_text(),
            empty=self.empty_text(),
        )
        self.setAccessibleName(text)
        self.setToolTip(text)

    # Geometry -----------------------------------------------------------------------------
    def _bar_width(self) -> int:
        return self.fontMetrics().averageCharWidth() * 34

    def _swatch(self) -> int:
        return self.fontMetrics().height()

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        gap = metrics.averageCharWidth() * 2
        width = (
            metrics.horizontalAdvance(self.low_text())
            + self._bar_width()
            + metrics.horizontalAdvance(self.high_text())
            + 4 * gap
            + 2 * (self._swatch() + gap)
            + metrics.horizontalAdvance(self.withheld_text())
            + metrics.horizontalAdvance(self.empty_text())
            + 2 * gap
        )
        return QSize(width, self._swatch() + metrics.height() + 10)

    def minimumSizeHint(self) -> QSize:
        return QSize(self._bar_width(), self.sizeHint().height())

    # Painting -----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        metrics = self.fontMetrics()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        gap = metrics.averageCharWidth() * 2
        height = self._swatch()
        top = 2
        x = 0

        def label(text: str) -> None:
            nonlocal x
            width = metrics.horizontalAdvance(text)
            painter.setPen(text_colour)
            painter.drawText(
                QRect(x, top, width + 2, height), int(Qt.AlignmentFlag.AlignVCenter), text
            )
            x += width + gap

        label(self.low_text())
        bar = QRectF(x, top, self._bar_width(), height)
        gradient = QLinearGradient(bar.topLeft(), bar.topRight())
        for step, colour in enumerate(GAP_RAMP):
            gradient.setColorAt(step / (len(GAP_RAMP) - 1), QColor(colour))
        painter.fillRect(bar, gradient)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawRect(bar)
        for level in range(5):
            tick_x = bar.left() + bar.width() * level / 4
            painter.drawLine(QPointF(tick_x, bar.bottom()), QPointF(tick_x, bar.bottom() + 3))
            text = number_text(level, 0)
            width = metrics.horizontalAdvance(text)
            left = min(max(tick_x - width / 2, bar.left()), bar.right() - width)
            painter.setPen(text_colour)
            painter.drawText(QPointF(left, bar.bottom() + 4 + metrics.ascent()), text)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        x = round(bar.right()) + gap
        label(self.high_text())
        x += gap

        swatch = QRect(x, top, height, height)
        paint_withheld(painter, swatch, palette)
        x += height + gap // 2
        label(self.withheld_text())

        swatch = QRect(x, top, height, height)
        painter.fillRect(swatch, empty_colour(palette))
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawRect(swatch.adjusted(0, 0, -1, -1))
        x += height + gap // 2
        label(self.empty_text())
        painter.end()
