"""The charts of a pilot's results: weekly active use, before and after, satisfaction answers.

Each is a titled widget with one data setter; with nothing to draw it says so in a sentence
instead of showing empty axes, and its accessible description reads the data in words.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QLegend,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QPointF, Qt
from PySide6.QtGui import QBrush, QCursor, QFont, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from ui.pilots.chart_look import (
    BarValueLabels,
    ChartColours,
    ChartFrame,
    FittedCategories,
    value_scale,
    value_text,
)

WeekPoint = tuple[int, float | None, int]
"""(week since the start 1.., share of participants active 0–1 or None, participants reporting)."""


class AdoptionChart(ChartFrame):
    """Weekly active share in percent over the weeks since the start, with an optional target.

    A week nobody reported breaks the line: each run of reported weeks is its own series, so
    a gap is never bridged."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adoption_chart")
        self.set_title(self.tr("Weekly active use"))
        self.set_empty_text(self.tr("No weekly check-ins yet"))
        self.weeks: list[WeekPoint] = []
        self.target: float | None = None
        self.target_from: int | None = None
        self.segments: list[QLineSeries] = []
        self.target_series: QLineSeries | None = None
        self.x_axis = QValueAxis()
        self.x_axis.setTitleText(self.tr("Week"))
        self.x_axis.setLabelFormat("%d")
        self.x_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        self.x_axis.setTickAnchor(0)
        self.x_axis.setGridLineVisible(False)
        self.y_axis = QValueAxis()
        self.y_axis.setTitleText(self.tr("Active"))
        self.y_axis.setRange(0, 100)
        self.y_axis.setTickCount(6)
        self.y_axis.setLabelFormat("%d %")
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        self.chart.legend().setMarkerShape(QLegend.MarkerShape.MarkerShapeFromSeries)
        self.chart.legend().hide()
        self.restyle()
        self.set_curve([])

    def series_name(self) -> str:
        return self.tr("Weekly active use")

    def set_curve(
        self,
        weeks: Sequence[WeekPoint],
        target: float | None = None,
        from_week: int | None = None,
        planned_weeks: int | None = None,
    ) -> None:
        """``target`` is in percent (60 for 60 %); its line starts at ``from_week`` (else at
        the first week) and runs to the end of the axis. A running pilot's ``planned_weeks``
        make the axis reach its last week, so the weeks still to come show as room ahead."""
        self.weeks = sorted(weeks)
        self.target = target
        self.target_from = from_week
        self.chart.removeAllSeries()
        self.segments = []
        self.target_series = None
        reported = [(week, share) for week, share, _n in self.weeks if share is not None]
        self.show_empty(not reported)
        self.describe(self._description())
        if not reported:
            return
        previous: int | None = None
        for week, share in reported:
            if previous is None or week != previous + 1:
                self.segments.append(self._new_segment())
            self.segments[-1].append(week, share * 100)
            previous = week
        last = reported[-1][0]
        start = from_week if from_week is not None else reported[0][0]
        end = (max(last, start + 1) if target is not None else last) + 0.5
        if planned_weeks is not None:
            end = max(end, planned_weeks + 0.5)
        self.x_axis.setRange(0.5, end)
        self.x_axis.setTickInterval(max(1, math.ceil((end - 0.5) / 12)))
        if target is not None:
            line = QLineSeries()
            line.setName(self.tr("Target"))
            line.append(start, target)
            line.append(end, target)
            self.chart.addSeries(line)
            line.attachAxis(self.x_axis)
            line.attachAxis(self.y_axis)
            self.target_series = line
        legend = self.chart.legend()
        legend.setVisible(target is not None)
        for extra in self.segments[1:]:
            for marker in legend.markers(extra):
                marker.setVisible(False)
        self.apply_colours(self.colours(), QFont(self.font()))

    def _new_segment(self) -> QLineSeries:
        segment = QLineSeries()
        segment.setName(self.series_name())
        segment.setPointsVisible(True)
        self.chart.addSeries(segment)
        segment.attachAxis(self.x_axis)
        segment.attachAxis(self.y_axis)
        segment.hovered.connect(self._show_point)
        return segment

    def _show_point(self, point: QPointF, state: bool) -> None:
        if not state:
            QToolTip.hideText()
            return
        week = round(point.x())
        reporting = next((n for w, _s, n in self.weeks if w == week), 0)
        QToolTip.showText(
            QCursor.pos(),
            self.tr("Week {week}: {share} active, {n} reporting").format(
                week=week, share=self.percent(point.y() / 100), n=reporting
            ),
            self.view,
        )

    def percent(self, share: float) -> str:
        return self.tr("{value} %").format(value=QLocale().toString(round(share * 100)))

    def apply_colours(self, colours: ChartColours, font: QFont) -> None:
        width = max(2.0, self.fontMetrics().height() / 7)
        for segment in self.segments:
            segment.setPen(QPen(colours.value, width))
            segment.setBrush(QBrush(colours.value))
            segment.setMarkerSize(self.fontMetrics().height() * 0.5)
        target = self.target_series
        if target is not None:
            pen = QPen(colours.target, width * 0.8, Qt.PenStyle.DashLine)
            target.setPen(pen)

    def _description(self) -> str:
        reported = [(week, share) for week, share, _n in self.weeks if share is not None]
        if not reported:
            return self.empty_text()
        (first_week, first), (last_week, last) = reported[0], reported[-1]
        text = self.tr("{title}: {share} in week {week}").format(
            title=self.title(), share=self.percent(first), week=first_week
        )
        if len(reported) > 1:
            if round(last * 100) > round(first * 100):
                step = self.tr("rising to {share} in week {week}")
            elif round(last * 100) < round(first * 100):
                step = self.tr("falling to {share} in week {week}")
            else:
                step = self.tr("again {share} in week {week}")
            text += " " + step.format(share=self.percent(last), week=last_week)
        parts = [text]
        seen = {week for week, _share in reported}
        gaps = [week for week in range(first_week, last_week + 1) if week not in seen]
        if gaps:
            if len(gaps) == 1:
                parts.append(self.tr("no check-ins in week {week}").format(week=gaps[0]))
            else:
                parts.append(
                    self.tr("no check-ins in weeks {weeks}").format(weeks=self.week_list(gaps))
                )
        if self.target is not None:
            start = self.target_from if self.target_from is not None else first_week
            parts.append(
                self.tr("target {share} from week {week}").format(
                    share=self.percent(self.target / 100), week=start
                )
            )
        return "; ".join(parts)

    def week_list(self, weeks: Sequence[int]) -> str:
        numbers = [str(week) for week in weeks]
        return self.tr("{first} and {last}").format(first=", ".join(numbers[:-1]), last=numbers[-1])


Group = tuple[str, float | None, float | None]
"""(label, value before, value after); None where that measurement is missing."""


class BeforeAfterChart(ChartFrame):
    """Grouped bars: each group's value before the pilot next to its value after."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("before_after_chart")
        self.set_title(title or self.tr("Before and after"))
        self.set_empty_text(self.tr("No before-and-after measurements yet"))
        self.groups: list[Group] = []
        self.unit = ""
        self.before_set = QBarSet(self.tr("Before"))
        self.after_set = QBarSet(self.tr("After"))
        self.series = QBarSeries()
        self.series.append(self.before_set)
        self.series.append(self.after_set)
        self.chart.addSeries(self.series)
        self.x_axis = QBarCategoryAxis()
        self.x_axis.setGridLineVisible(False)
        self.y_axis = QValueAxis()
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.x_axis)
        self.series.attachAxis(self.y_axis)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        self.categories = FittedCategories(self.chart, self.x_axis)
        self.value_labels = BarValueLabels(self.chart, self.series, max_bar_width=0.7)
        self.restyle()
        self.set_groups([], "")

    def set_groups(self, groups: Sequence[Group], unit: str) -> None:
        """``unit`` names the value axis ("Minutes per task", "Score %")."""
        self.groups = list(groups)
        self.unit = unit
        befores = [before for _label, before, _after in self.groups]
        afters = [after for _label, _before, after in self.groups]
        known = [value for value in (*befores, *afters) if value is not None]
        for bar_set, values in ((self.before_set, befores), (self.after_set, afters)):
            bar_set.remove(0, bar_set.count())
            bar_set.append([value or 0.0 for value in values])
        largest = max(known, default=0.0)
        scale = value_scale(largest, whole=largest >= 1)
        self.y_axis.setRange(0, scale.top)
        self.y_axis.setTickCount(scale.intervals + 1)
        self.y_axis.setLabelFormat(scale.label_format)
        self.y_axis.setTitleText(unit)
        self.categories.set_labels([label for label, _before, _after in self.groups])
        self.value_labels.set_values(
            [befores, afters],
            [self.tr("No before measurement"), self.tr("No after measurement")],
        )
        self.show_empty(not known)
        self.describe(self._description())

    def apply_colours(self, colours: ChartColours, font: QFont) -> None:
        for bar_set, colour in ((self.before_set, colours.before), (self.after_set, colours.value)):
            bar_set.setColor(colour)
            bar_set.setBorderColor(colour)
        self.value_labels.restyle(colours, font)
        self.categories.fit()

    def _description(self) -> str:
        if not any(b is not None or a is not None for _label, b, a in self.groups):
            return self.empty_text()
        parts = []
        for label, before, after in self.groups:
            before_text = (
                self.tr("no before measurement")
                if before is None
                else self.tr("{value} before").format(value=value_text(before))
            )
            after_text = (
                self.tr("no after measurement")
                if after is None
                else self.tr("{value} after").format(value=value_text(after))
            )
            parts.append(f"{label}: {before_text}, {after_text}")
        heading = self.title() if not self.unit else f"{self.title()} ({self.unit})"
        return f"{heading}: " + "; ".join(parts)


class SatisfactionHistogram(ChartFrame):
    """How many participants gave each answer from 1 (very poor) to 5 (excellent)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("satisfaction_histogram")
        self.set_empty_text(self.tr("No satisfaction answers yet"))
        self.counts: tuple[int, int, int, int, int] = (0, 0, 0, 0, 0)
        self.mean: float | None = None
        self.answer_set = QBarSet(self.tr("Answers"))
        self.series = QBarSeries()
        self.series.append(self.answer_set)
        self.chart.addSeries(self.series)
        self.x_axis = QBarCategoryAxis()
        self.x_axis.setGridLineVisible(False)
        self.y_axis = QValueAxis()
        self.y_axis.setTitleText(self.tr("Answers"))
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.x_axis)
        self.series.attachAxis(self.y_axis)
        self.chart.legend().hide()
        self.categories = FittedCategories(self.chart, self.x_axis)
        self.value_labels = BarValueLabels(self.chart, self.series, max_bar_width=0.6)
        self.restyle()
        self.set_counts((0, 0, 0, 0, 0), None)

    def answer_names(self) -> list[str]:
        return [
            self.tr("1 Very poor"),
            self.tr("2 Poor"),
            self.tr("3 Fair"),
            self.tr("4 Good"),
            self.tr("5 Excellent"),
        ]

    def set_counts(self, counts: tuple[int, int, int, int, int], mean: float | None) -> None:
        self.counts = counts
        self.mean = mean
        total = sum(counts)
        self.answer_set.remove(0, self.answer_set.count())
        self.answer_set.append([float(count) for count in counts])
        scale = value_scale(max(counts), whole=True)
        self.y_axis.setRange(0, scale.top)
        self.y_axis.setTickCount(scale.intervals + 1)
        self.y_axis.setLabelFormat("%d")
        self.categories.set_labels(self.answer_names())
        self.value_labels.set_values([[float(count) for count in counts]], [""])
        self.set_title(self._title(total))
        self.show_empty(total == 0)
        self.describe(self._description(total))

    def _title(self, total: int) -> str:
        if total == 0:
            return self.tr("Satisfaction")
        answers = self.tr("1 answer") if total == 1 else self.tr("{n} answers").format(n=total)
        if self.mean is None:
            return self.tr("Satisfaction: {answers}").format(answers=answers)
        return self.tr("Satisfaction: average {mean} out of 5, {answers}").format(
            mean=QLocale().toString(self.mean, "f", 1), answers=answers
        )

    def apply_colours(self, colours: ChartColours, font: QFont) -> None:
        self.answer_set.setColor(colours.value)
        self.answer_set.setBorderColor(colours.value)
        self.value_labels.restyle(colours, font)
        self.categories.fit()

    def _description(self, total: int) -> str:
        if total == 0:
            return self.empty_text()
        counts = ", ".join(
            f"{name} {count}" for name, count in zip(self.answer_names(), self.counts, strict=True)
        )
        return self.tr("{title}. Answers: {counts}").format(title=self.title(), counts=counts)
