"""A small line chart of a metric's readings over time, with the baseline and the target as
dashed lines and the steady pace from one to the other as a dotted line.

Colours come from the palette (readable in light and dark); text uses the app's font.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDate, QDateTime, QMargins, Qt, QTime
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from app.objectives.model import MetricView
from ui.look import is_dark, scaled_font
from ui.objectives.labels import amount_text, day_text, number_text
from ui.people.naming import named


def _msecs(day: date) -> float:
    return float(QDateTime(QDate(day.year, day.month, day.day), QTime(0, 0)).toMSecsSinceEpoch())


class ReadingsChart(QWidget):
    """Shows one metric at a time (``set_metric``); a plain sentence when there is nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.setBackgroundRoundness(0)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.view = named(QChartView(self.chart, self), "readings_chart_view")
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(self.fontMetrics().height() * 14)
        self.empty = named(QLabel(self), "readings_chart_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self.readings = QLineSeries()
        self.baseline = QLineSeries()
        self.target = QLineSeries()
        self.pace = QLineSeries()
        self.x_axis = QDateTimeAxis()
        self.y_axis = QValueAxis()
        self.readings.setName(self.tr("Readings"))
        self.baseline.setName(self.tr("Baseline"))
        self.target.setName(self.tr("Target"))
        self.pace.setName(self.tr("Steady pace"))
        self.readings.setPointsVisible(True)
        for series in (self.pace, self.baseline, self.target, self.readings):
            self.chart.addSeries(series)
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (self.pace, self.baseline, self.target, self.readings):
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
        self._apply_look()
        self.set_metric(None)

    def _apply_look(self) -> None:
        palette = self.palette()
        dark = is_dark(palette)
        text = palette.color(QPalette.ColorRole.WindowText)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        grid = palette.color(QPalette.ColorRole.Mid)
        self.chart.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
        self.chart.setPlotAreaBackgroundVisible(False)
        font = scaled_font(self, 0.9)
        for axis in (self.x_axis, self.y_axis):
            axis.setLabelsFont(font)
            axis.setLabelsColor(text)
            axis.setTitleFont(font)
            axis.setTitleBrush(text)
            axis.setGridLineColor(grid)
            axis.setLinePenColor(grid)
        self.chart.legend().setFont(font)
        self.chart.legend().setLabelColor(text)
        line = QColor("#64b5f6" if dark else "#1565c0")
        reading_pen = QPen(line, 2.5)
        self.readings.setPen(reading_pen)
        self.readings.setColor(line)
        target_colour = QColor("#66bb6a" if dark else "#2e7d32")
        target_pen = QPen(target_colour, 1.8, Qt.PenStyle.DashLine)
        self.target.setPen(target_pen)
        baseline_pen = QPen(muted, 1.8, Qt.PenStyle.DashLine)
        self.baseline.setPen(baseline_pen)
        pace_pen = QPen(QColor("#90caf9" if dark else "#64b5f6"), 1.5, Qt.PenStyle.DotLine)
        self.pace.setPen(pace_pen)

    def set_metric(self, metric: MetricView | None) -> None:
        for series in (self.readings, self.baseline, self.target, self.pace):
            series.clear()
        if metric is None:
            self._show_empty(self.tr("Choose a metric to see its readings over time."))
            return
        if (
            metric.baseline_value is None
            or metric.target_value is None
            or metric.baseline_on is None
            or metric.target_date is None
        ):
            self._show_empty(self.tr("Set the metric's baseline and target to draw its chart."))
            return
        start, end = metric.baseline_on, metric.target_date
        last = metric.readings[-1].measured_on if metric.readings else start
        right = max(end, last)
        baseline, target = metric.baseline_value, metric.target_value
        self.baseline.append(_msecs(start), baseline)
        self.baseline.append(_msecs(right), baseline)
        self.target.append(_msecs(start), target)
        self.target.append(_msecs(right), target)
        self.pace.append(_msecs(start), baseline)
        self.pace.append(_msecs(end), target)
        self.readings.append(_msecs(start), baseline)
        for reading in metric.readings:
            self.readings.append(_msecs(reading.measured_on), reading.value)
        values = [baseline, target, *(r.value for r in metric.readings)]
        low, high = min(values), max(values)
        pad = (high - low) * 0.08 or 1.0
        bottom = low - pad
        if low >= 0 > bottom:
            bottom = 0.0
        self.y_axis.setRange(bottom, high + pad)
        self.y_axis.applyNiceNumbers()
        self.y_axis.setLabelFormat("%g")
        self.y_axis.setTitleText(metric.unit or "")
        self.x_axis.setRange(
            QDateTime(QDate(start.year, start.month, start.day), QTime(0, 0)),
            QDateTime(QDate(right.year, right.month, right.day), QTime(0, 0)),
        )
        self.x_axis.setFormat("MMM yyyy")
        self.x_axis.setTickCount(5)
        self.stack.setCurrentWidget(self.view)
        self.view.setAccessibleName(self.tr("Readings of {name}").format(name=metric.name))
        self.view.setAccessibleDescription(self._describe(metric))

    def _describe(self, metric: MetricView) -> str:
        assert metric.baseline_value is not None and metric.target_value is not None
        base = self.tr("Baseline {baseline}, target {target}.").format(
            baseline=amount_text(metric.baseline_value, metric.unit),
            target=amount_text(metric.target_value, metric.unit),
        )
        if not metric.readings:
            return base + " " + self.tr("No readings yet.")
        first, last = metric.readings[0], metric.readings[-1]
        if first is last:
            return (
                base
                + " "
                + self.tr("One reading: {value} on {date}.").format(
                    value=number_text(first.value), date=day_text(first.measured_on)
                )
            )
        return (
            base
            + " "
            + self.tr(
                "{count} readings, from {first} on {first_date} to {last} on {last_date}."
            ).format(
                count=len(metric.readings),
                first=number_text(first.value),
                first_date=day_text(first.measured_on),
                last=number_text(last.value),
                last_date=day_text(last.measured_on),
            )
        )

    def _show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)

    def point_count(self) -> int:
        """Points on the readings line (the baseline counts as the first); for tests."""
        return self.readings.count()
