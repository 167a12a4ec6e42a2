"""How the pilot charts look: colours for light and dark palettes, fonts, axes, fitted labels.

Everything is taken from the widget's palette and font when it is applied, so a chart follows
the system's dark mode and text size; the series colours are the reports' own (dark blue for
the measured value, orange for a target, grey for "before"), lightened on dark palettes.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCharts import (
    QAbstractAxis,
    QAbstractBarSeries,
    QBarCategoryAxis,
    QChart,
    QChartView,
    QLegend,
)
from PySide6.QtCore import QEvent, QLocale, QMargins, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsSimpleTextItem,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.reports import palette as report_palette
from ui.look import is_dark


@dataclass(frozen=True)
class ChartColours:
    """The colours of one chart for one palette."""

    background: QColor
    text: QColor
    muted: QColor
    grid: QColor
    axis_line: QColor
    value: QColor
    """The measured value: the adoption line, the 'after' bars, the satisfaction bars."""
    before: QColor
    target: QColor


def blend(front: QColor, back: QColor, share: float) -> QColor:
    """``share`` of ``front`` laid over ``back`` (0 is all back, 1 all front)."""
    return QColor(
        round(front.red() * share + back.red() * (1 - share)),
        round(front.green() * share + back.green() * (1 - share)),
        round(front.blue() * share + back.blue() * (1 - share)),
    )


def chart_colours(palette: QPalette) -> ChartColours:
    """Text from the palette, grid lines a faint mix of text and background; series colours
    chosen to keep a contrast of at least 3:1 with the background in light and dark mode."""
    background = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    dark = is_dark(palette)
    return ChartColours(
        background=background,
        text=text,
        muted=blend(text, background, 0.7),
        grid=blend(text, background, 0.15),
        axis_line=blend(text, background, 0.45),
        value=QColor("#64B5F6" if dark else report_palette.PRIMARY),
        before=QColor("#8D99A4" if dark else "#7F8C97"),
        target=QColor("#FFB74D" if dark else "#B35900"),
    )


def style_chart(chart: QChart, colours: ChartColours, font: QFont) -> None:
    """Flat background in the window colour, the app font, no animation, legend in text colour."""
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundBrush(QBrush(colours.background))
    chart.setBackgroundPen(QPen(Qt.PenStyle.NoPen))
    chart.setBackgroundRoundness(0)
    chart.setPlotAreaBackgroundVisible(False)
    legend: QLegend = chart.legend()
    legend.setFont(font)
    legend.setLabelColor(colours.text)
    legend.setBackgroundVisible(False)
    for axis in chart.axes():
        style_axis(axis, colours, font)


def style_axis(axis: QAbstractAxis, colours: ChartColours, font: QFont) -> None:
    axis.setLabelsFont(font)
    axis.setTitleFont(font)
    axis.setLabelsBrush(QBrush(colours.text))
    axis.setTitleBrush(QBrush(colours.text))
    axis.setLinePen(QPen(colours.axis_line, 1))
    axis.setGridLinePen(QPen(colours.grid, 1))
    axis.setShadesVisible(False)


@dataclass(frozen=True)
class ValueScale:
    """A value axis from 0 to ``top`` with ``intervals`` equal steps between the ticks."""

    top: float
    intervals: int

    @property
    def step(self) -> float:
        return self.top / self.intervals

    @property
    def label_format(self) -> str:
        return "%d" if float(self.step).is_integer() else "%.1f"


_NICE_TOPS = ((1, 5), (1.2, 6), (1.5, 5), (2, 4), (2.5, 5), (3, 6), (4, 4), (5, 5), (6, 6), (8, 4))
"""(top as a multiple of a power of ten, steps up to it): every step a round number."""

HEADROOM = 1.12
"""The axis reaches this much above the tallest bar, so the bar's value label fits over it."""


def value_scale(largest: float, *, whole: bool = False) -> ValueScale:
    """A round top above ``largest`` (with headroom for a label); ``whole``: integer steps."""
    wanted = max(largest, 0.0) * HEADROOM
    if wanted <= 0:
        return ValueScale(1.0, 1) if whole else ValueScale(1.0, 5)
    if whole and wanted <= 6:
        steps = math.ceil(wanted)
        return ValueScale(float(steps), steps)
    power = 10.0 ** math.floor(math.log10(wanted))
    for multiple, intervals in (*_NICE_TOPS, (10, 5)):
        top = multiple * power
        if top >= wanted * (1 - 1e-9):
            scale = ValueScale(round(top, 9), intervals)
            if whole and not float(scale.step).is_integer():
                continue
            return scale
    return ValueScale(10 * power, 5)  # pragma: no cover - the loop always finds (10, 5)


def value_text(value: float) -> str:
    """A measurement as a short label: whole numbers without decimals, others with one."""
    rounded = round(float(value), 1)
    if rounded.is_integer():
        return QLocale().toString(int(rounded))
    return QLocale().toString(rounded, "f", 1)


def fitted_lines(text: str, metrics: QFontMetricsF, width: float, max_lines: int = 2) -> list[str]:
    """``text`` broken at spaces into at most ``max_lines`` lines of ``width``; the last line
    is elided with '…' when the rest does not fit."""
    words = text.split()
    lines: list[str] = []
    while words and len(lines) < max_lines:
        if len(lines) == max_lines - 1:
            rest = " ".join(words)
            lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
            break
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        if metrics.horizontalAdvance(line) > width:
            line = metrics.elidedText(line, Qt.TextElideMode.ElideRight, width)
        lines.append(line)
    return lines


class FittedCategories:
    """The category labels of a bar chart, wrapped onto two lines and elided to their
    column's width, refitted whenever the plot area changes size; the full names stay in
    :attr:`labels` (and in the chart's accessible description)."""

    def __init__(self, chart: QChart, axis: QBarCategoryAxis) -> None:
        self.chart = chart
        self.axis = axis
        self.labels: list[str] = []
        axis.setTruncateLabels(False)
        chart.plotAreaChanged.connect(self.fit)

    def set_labels(self, labels: Sequence[str]) -> None:
        self.labels = list(labels)
        self.fit()

    def fit(self) -> None:
        plot = self.chart.plotArea()
        if plot.width() > 0 and self.labels:
            column = plot.width() / len(self.labels)
            width = max(column * 0.94 - 4, 1.0)
            metrics = QFontMetricsF(self.axis.labelsFont())
            shown = [
                "<center>"
                + "<br>".join(html.escape(line) for line in fitted_lines(label, metrics, width))
                + "</center>"
                for label in self.labels
            ]
        else:
            shown = [html.escape(label) for label in self.labels]
        unique = [text + "&#8203;" * shown[:i].count(text) for i, text in enumerate(shown)]
        if unique != self.axis.categories():
            self.axis.setCategories(unique)


class BarValueLabels:
    """The number over each bar, drawn here rather than by QtCharts (which hides the label of
    a zero-height bar): a real zero reads "0", a missing value a muted dash with a tooltip."""

    MISSING = "–"

    def __init__(self, chart: QChart, series: QAbstractBarSeries, max_bar_width: float) -> None:
        self.chart = chart
        self.series = series
        self.max_bar_width = max_bar_width
        self.values: list[list[float | None]] = []
        self.items: list[list[QGraphicsSimpleTextItem]] = []
        self.missing_tips: list[str] = []
        self.colours: ChartColours | None = None
        self.font = QFont()
        chart.plotAreaChanged.connect(self.place)

    def set_values(
        self, values: Sequence[Sequence[float | None]], missing_tips: Sequence[str]
    ) -> None:
        """One row of values per bar set, in the series' order; a tip per row for a gap."""
        for row in self.items:
            for item in row:
                scene = item.scene()
                if scene is not None:
                    scene.removeItem(item)
        self.values = [list(row) for row in values]
        self.missing_tips = list(missing_tips)
        self.items = [
            [self._item(value, self.missing_tips[row]) for value in values_row]
            for row, values_row in enumerate(self.values)
        ]
        self.place()

    def _item(self, value: float | None, missing_tip: str) -> QGraphicsSimpleTextItem:
        item = QGraphicsSimpleTextItem(self.MISSING if value is None else value_text(value))
        item.setParentItem(self.chart)
        if value is None:
            item.setToolTip(missing_tip)
        self._style_item(item, value is None)
        return item

    def texts(self) -> list[list[str]]:
        return [[item.text() for item in row] for row in self.items]

    def restyle(self, colours: ChartColours, font: QFont) -> None:
        self.colours = colours
        self.font = font
        for row, values_row in zip(self.items, self.values, strict=True):
            for item, value in zip(row, values_row, strict=True):
                self._style_item(item, value is None)
        self.place()

    def _style_item(self, item: QGraphicsSimpleTextItem, missing: bool) -> None:
        item.setFont(self.font)
        if self.colours is not None:
            item.setBrush(QBrush(self.colours.muted if missing else self.colours.text))
        item.setPen(QPen(Qt.PenStyle.NoPen))

    def place(self) -> None:
        """Centre each label just above its bar (at the baseline for a missing value); bars
        stay at most ten characters wide when there are only a few groups."""
        sets = len(self.items)
        plot = self.chart.plotArea()
        if not sets or plot.isEmpty() or not self.items[0]:
            return
        column = plot.width() / len(self.items[0])
        widest = sets * QFontMetricsF(self.font).averageCharWidth() * 10
        width = min(self.max_bar_width, widest / column)
        if abs(width - self.series.barWidth()) > 0.005:
            self.series.setBarWidth(width)
        for row, (items, values) in enumerate(zip(self.items, self.values, strict=True)):
            for column, (item, value) in enumerate(zip(items, values, strict=True)):
                centre = column - width / 2 + (row + 0.5) * width / sets
                top = self.chart.mapToPosition(QPointF(centre, value or 0.0), self.series)
                box: QRectF = item.boundingRect()
                item.setPos(top.x() - box.width() / 2, top.y() - box.height() - 1)


class ChartFrame(QWidget):
    """A plain title over a chart, or over a centred sentence while there is nothing to draw.

    Subclasses build their series and axes on :attr:`chart`, call :meth:`restyle` at the end
    of their constructor and override :meth:`apply_colours` for their series' pens."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = QLabel(self)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setWordWrap(True)
        self.title_label.setObjectName("chart_title")
        self.chart = QChart()
        self.chart.layout().setContentsMargins(0, 0, 0, 0)
        self.view = QChartView(self.chart, self)
        self.view.setObjectName("chart_view")
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("chart_empty")
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty_label)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(self.title_label)
        self.column.addWidget(self.stack, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._fit_to_font()
        self.stack.setCurrentWidget(self.empty_label)

    def _fit_to_font(self) -> None:
        metrics = self.fontMetrics()
        self.chart.setMargins(QMargins(4, metrics.height() // 2, 4, 4))
        self.column.setSpacing(metrics.height() // 3)
        self.stack.setMinimumHeight(metrics.height() * 13)
        self.stack.setMinimumWidth(metrics.averageCharWidth() * 40)

    def set_title(self, title: str) -> None:
        self.title_label.setText(title)
        self.setAccessibleName(title)
        self.view.setAccessibleName(title)

    def set_empty_text(self, text: str) -> None:
        self.empty_label.setText(text)

    def title(self) -> str:
        return self.title_label.text()

    def empty_text(self) -> str:
        return self.empty_label.text()

    def is_empty(self) -> bool:
        return self.stack.currentWidget() is self.empty_label

    def show_empty(self, empty: bool) -> None:
        self.stack.setCurrentWidget(self.empty_label if empty else self.view)

    def describe(self, description: str) -> None:
        """The data in words, for screen readers."""
        self.setAccessibleDescription(description)
        self.view.setAccessibleDescription(description)

    def colours(self) -> ChartColours:
        return chart_colours(self.palette())

    def restyle(self) -> None:
        """Apply the current palette and font to the title, chart, axes and series."""
        self._styled = True
        colours = self.colours()
        font = QFont(self.font())
        title_font = QFont(font)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        style_chart(self.chart, colours, font)
        self.view.setBackgroundBrush(QBrush(colours.background))
        self._fit_to_font()
        self.apply_colours(colours, font)

    def apply_colours(self, colours: ChartColours, font: QFont) -> None:
        """Series pens and brushes: each chart its own."""

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        changed = event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange)
        if changed and getattr(self, "_styled", False):
            self.restyle()
