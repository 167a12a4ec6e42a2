"""The pilot result charts: what each draws for realistic data, gaps, targets, empty states,
the data in words for screen readers, and readable colours on a dark palette."""

from __future__ import annotations

import itertools
import re

import pytest
from PySide6.QtCharts import QAbstractAxis, QChart, QLineSeries, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPalette

from ui.pilots.chart_look import ChartFrame
from ui.pilots.charts import AdoptionChart, BeforeAfterChart, SatisfactionHistogram
from ui.skills.gap_colours import contrast

WEEKS = [
    (1, 0.40, 18),
    (2, 0.47, 17),
    (3, 0.55, 18),
    (4, None, 0),
    (5, 0.61, 16),
    (6, 0.58, 17),
    (7, 0.66, 18),
    (8, 0.70, 18),
    (9, 0.72, 15),
    (10, 0.75, 17),
]
TASKS = [
    ("Writing a job advert for a new role", 42.0, 28.0),
    ("Screening CVs against the criteria", 30.0, 18.0),
    ("Answering employee questions about leave", 12.0, None),
    ("Monthly HR report", 35.0, 20.0),
]


def shown(qtbot, chart: ChartFrame) -> ChartFrame:
    qtbot.addWidget(chart)
    chart.resize(700, 360)
    chart.show()
    qtbot.waitExposed(chart)
    return chart


def dark_palette() -> QPalette:
    palette = QPalette()
    text = QColor("#e8e8e8")
    for role, colour in (
        (QPalette.ColorRole.Window, QColor("#2b2b2b")),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, QColor("#1e1e1e")),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, QColor("#353535")),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.Mid, QColor("#555555")),
        (QPalette.ColorRole.PlaceholderText, QColor("#9a9a9a")),
    ):
        palette.setColor(role, colour)
    return palette


def points(series) -> list[tuple[float, float]]:
    return [(point.x(), point.y()) for point in series.points()]


def value_axis(chart: QChart, orientation: Qt.Orientation) -> QAbstractAxis:
    [axis] = chart.axes(orientation)
    return axis


# Adoption curve ----------------------------------------------------------------------------


def test_adoption_curve_has_a_point_per_reported_week_in_percent(qtbot):
    chart = shown(qtbot, AdoptionChart())

    chart.set_curve(WEEKS)

    drawn = [point for segment in chart.segments for point in points(segment)]
    assert drawn == [
        (week, pytest.approx(share * 100)) for week, share, _n in WEEKS if share is not None
    ]
    assert all(segment.pointsVisible() for segment in chart.segments)
    y_axis = value_axis(chart.chart, Qt.Orientation.Vertical)
    assert isinstance(y_axis, QValueAxis)
    assert (y_axis.min(), y_axis.max(), y_axis.labelFormat()) == (0, 100, "%d %")
    x_axis = value_axis(chart.chart, Qt.Orientation.Horizontal)
    assert isinstance(x_axis, QValueAxis)
    assert x_axis.titleText() == "Week"
    assert x_axis.labelFormat() == "%d"
    assert x_axis.tickType() == QValueAxis.TickType.TicksDynamic
    assert x_axis.tickInterval() == 1


def test_a_running_pilots_curve_leaves_room_for_the_weeks_still_to_come(qtbot):
    chart = shown(qtbot, AdoptionChart())
    four_weeks = [(1, 0.3, 9), (2, 0.4, 9), (3, 0.45, 9), (4, 0.55, 9)]

    chart.set_curve(four_weeks, 60, 8, planned_weeks=26)

    x_axis = value_axis(chart.chart, Qt.Orientation.Horizontal)
    assert (x_axis.min(), x_axis.max()) == (0.5, 26.5)
    assert x_axis.tickInterval() == 3  # 26 weeks in at most 12 labelled steps
    assert points(chart.target_series) == [(8, 60), (26.5, 60)]

    chart.set_curve(four_weeks, 60, 8)  # ended: the axis ends where the data and target do
    assert (x_axis.min(), x_axis.max()) == (0.5, 9.5)


def test_a_week_nobody_reported_breaks_the_line_instead_of_bridging_it(qtbot):
    chart = shown(qtbot, AdoptionChart())

    chart.set_curve(WEEKS)

    assert [[x for x, _y in points(segment)] for segment in chart.segments] == [
        [1, 2, 3],
        [5, 6, 7, 8, 9, 10],
    ]
    for segment in chart.segments:
        xs = [x for x, _y in points(segment)]
        assert all(b - a == 1 for a, b in itertools.pairwise(xs))
    assert "no check-ins in week 4" in chart.accessibleDescription()


def test_a_week_missing_from_the_data_also_breaks_the_line(qtbot):
    chart = shown(qtbot, AdoptionChart())

    chart.set_curve([(1, 0.5, 4), (2, 0.5, 4), (5, 0.75, 4)])

    assert [len(segment.points()) for segment in chart.segments] == [2, 1]
    assert "no check-ins in weeks 3 and 4" in chart.accessibleDescription()


def test_the_target_is_a_dashed_line_at_its_percent_from_its_week_named_in_the_legend(qtbot):
    chart = shown(qtbot, AdoptionChart())

    chart.set_curve(WEEKS, target=60, from_week=8)

    target = chart.target_series
    assert target is not None
    assert target.name() == "Target"
    assert [y for _x, y in points(target)] == [60, 60]
    assert points(target)[0][0] == 8
    assert points(target)[-1][0] == value_axis(chart.chart, Qt.Orientation.Horizontal).max()
    assert target.pen().style() == Qt.PenStyle.DashLine
    legend = chart.chart.legend()
    assert legend.isVisible()

    def visible_markers() -> list[str]:
        return [marker.label() for marker in legend.markers() if marker.isVisible()]

    qtbot.waitUntil(lambda: visible_markers() == ["Weekly active use", "Target"])
    assert len(legend.markers()) == 3  # two segments of the curve, one entry shown


def test_without_a_target_the_single_series_has_no_legend(qtbot):
    chart = shown(qtbot, AdoptionChart())

    chart.set_curve(WEEKS)

    assert chart.target_series is None
    assert not chart.chart.legend().isVisible()


def test_a_target_beyond_the_last_week_widens_the_axis_so_its_line_shows(qtbot):
    chart = shown(qtbot, AdoptionChart())

    chart.set_curve([(1, 0.3, 10), (2, 0.4, 10)], target=60, from_week=8)

    target = chart.target_series
    assert target is not None
    start, end = points(target)[0][0], points(target)[-1][0]
    assert start == 8 and end >= 9
    assert value_axis(chart.chart, Qt.Orientation.Horizontal).max() == end


def test_adoption_description_reads_the_curve_in_words(qtbot):
    chart = shown(qtbot, AdoptionChart())

    chart.set_curve(WEEKS, target=60, from_week=8)

    assert chart.accessibleDescription() == (
        "Weekly active use: 40 % in week 1 rising to 75 % in week 10; "
        "no check-ins in week 4; target 60 % from week 8"
    )
    assert chart.accessibleName() == "Weekly active use"


def test_no_check_ins_shows_a_sentence_instead_of_empty_axes(qtbot):
    chart = shown(qtbot, AdoptionChart())
    chart.set_curve(WEEKS, target=60, from_week=8)

    chart.set_curve([(1, None, 0), (2, None, 0)], target=60, from_week=8)

    assert chart.is_empty()
    assert not chart.view.isVisible()
    assert chart.empty_label.isVisible()
    assert chart.empty_label.text() == "No weekly check-ins yet"
    assert chart.chart.series() == []
    assert chart.accessibleDescription() == "No weekly check-ins yet"

    chart.set_curve(WEEKS)
    assert not chart.is_empty()
    assert chart.view.isVisible()


# Before and after ----------------------------------------------------------------------------


def test_before_and_after_bars_hold_each_groups_values(qtbot):
    chart = shown(qtbot, BeforeAfterChart("Time per task"))

    chart.set_groups(TASKS, "Minutes")

    [series] = chart.chart.series()
    before, after = series.barSets()
    assert (before.label(), after.label()) == ("Before", "After")
    assert [before.at(i) for i in range(before.count())] == [42, 30, 12, 35]
    assert [after.at(i) for i in range(after.count())] == [28, 18, 0, 20]
    assert chart.value_labels.texts() == [["42", "30", "12", "35"], ["28", "18", "–", "20"]]
    assert chart.chart.legend().isVisible()
    assert chart.title() == "Time per task"


def test_the_value_axis_runs_from_zero_to_a_round_number_above_the_largest_value(qtbot):
    chart = shown(qtbot, BeforeAfterChart())

    chart.set_groups(TASKS, "Minutes")

    y_axis = value_axis(chart.chart, Qt.Orientation.Vertical)
    assert isinstance(y_axis, QValueAxis)
    assert (y_axis.min(), y_axis.max()) == (0, 50)
    assert y_axis.titleText() == "Minutes"
    step = (y_axis.max() - y_axis.min()) / (y_axis.tickCount() - 1)
    assert step == 10


def test_long_task_names_wrap_and_fit_their_column_without_overlapping(qtbot):
    chart = shown(qtbot, BeforeAfterChart())
    chart.set_groups(TASKS, "Minutes")
    x_axis = value_axis(chart.chart, Qt.Orientation.Horizontal)

    qtbot.waitUntil(lambda: any("<br>" in c for c in x_axis.categories()))

    column = chart.chart.plotArea().width() / len(TASKS)
    metrics = QFontMetricsF(x_axis.labelsFont())
    lines = [
        re.sub(r"<[^>]+>|&#8203;", "", line)
        for category in x_axis.categories()
        for line in category.split("<br>")
    ]
    assert all(metrics.horizontalAdvance(line) < column for line in lines)
    assert "Writing a job advert for a new role" in " ".join(lines)
    assert chart.categories.labels == [label for label, _b, _a in TASKS]


def test_a_missing_after_measurement_is_said_in_words(qtbot):
    chart = shown(qtbot, BeforeAfterChart("Time per task"))

    chart.set_groups(TASKS, "Minutes")

    assert chart.accessibleDescription() == (
        "Time per task (Minutes): Writing a job advert for a new role: 42 before, 28 after; "
        "Screening CVs against the criteria: 30 before, 18 after; "
        "Answering employee questions about leave: 12 before, no after measurement; "
        "Monthly HR report: 35 before, 20 after"
    )


def test_a_real_zero_reads_zero_while_a_missing_value_reads_as_a_dash(qtbot):
    chart = shown(qtbot, BeforeAfterChart("Errors per report"))

    chart.set_groups([("Monthly HR report", 3.0, 0.0), ("Payroll check", None, 1.0)], "Errors")

    assert chart.value_labels.texts() == [["3", "–"], ["0", "1"]]
    assert "Payroll check: no before measurement, 1 after" in chart.accessibleDescription()


def test_no_measurements_shows_a_sentence_instead_of_empty_bars(qtbot):
    chart = shown(qtbot, BeforeAfterChart())

    chart.set_groups([("Knowledge check %", None, None)], "%")

    assert chart.is_empty()
    assert not chart.view.isVisible()
    assert chart.empty_label.text() == "No before-and-after measurements yet"
    assert chart.accessibleDescription() == "No before-and-after measurements yet"


# Satisfaction --------------------------------------------------------------------------------


def test_satisfaction_histogram_has_a_bar_per_answer_and_the_average_in_its_title(qtbot):
    chart = shown(qtbot, SatisfactionHistogram())

    chart.set_counts((0, 1, 2, 7, 8), 4.2)

    [series] = chart.chart.series()
    [answers] = series.barSets()
    assert [answers.at(i) for i in range(answers.count())] == [0, 1, 2, 7, 8]
    assert chart.categories.labels == ["1 Very poor", "2 Poor", "3 Fair", "4 Good", "5 Excellent"]
    assert chart.value_labels.texts() == [["0", "1", "2", "7", "8"]]
    assert chart.title() == "Satisfaction: average 4.2 out of 5, 18 answers"
    assert chart.title_label.text() == chart.title()
    assert not chart.chart.legend().isVisible()
    y_axis = value_axis(chart.chart, Qt.Orientation.Vertical)
    assert isinstance(y_axis, QValueAxis)
    assert y_axis.max() >= 8 and float(y_axis.max() / (y_axis.tickCount() - 1)).is_integer()
    assert chart.accessibleDescription() == (
        "Satisfaction: average 4.2 out of 5, 18 answers. "
        "Answers: 1 Very poor 0, 2 Poor 1, 3 Fair 2, 4 Good 7, 5 Excellent 8"
    )


def test_one_answer_is_counted_in_the_singular(qtbot):
    chart = shown(qtbot, SatisfactionHistogram())

    chart.set_counts((0, 0, 0, 1, 0), 4.0)

    assert chart.title() == "Satisfaction: average 4.0 out of 5, 1 answer"


def test_no_satisfaction_answers_shows_a_sentence(qtbot):
    chart = shown(qtbot, SatisfactionHistogram())
    chart.set_counts((0, 1, 2, 7, 8), 4.2)

    chart.set_counts((0, 0, 0, 0, 0), None)

    assert chart.is_empty()
    assert not chart.view.isVisible()
    assert chart.empty_label.text() == "No satisfaction answers yet"
    assert chart.title() == "Satisfaction"


# Palette and font ----------------------------------------------------------------------------


def readable(colour: QColor, background: QColor) -> bool:
    return contrast(colour, background) >= 4.5


def all_filled() -> list[ChartFrame]:
    adoption = AdoptionChart()
    adoption.set_curve(WEEKS, target=60, from_week=8)
    before_after = BeforeAfterChart("Time per task")
    before_after.set_groups(TASKS, "Minutes")
    histogram = SatisfactionHistogram()
    histogram.set_counts((0, 1, 2, 7, 8), 4.2)
    return [adoption, before_after, histogram]


@pytest.mark.parametrize("index", [0, 1, 2], ids=["adoption", "before_after", "satisfaction"])
def test_on_a_dark_palette_every_label_stays_readable(qtbot, index):
    chart = shown(qtbot, all_filled()[index])
    light_background = chart.chart.backgroundBrush().color()

    chart.setPalette(dark_palette())

    background = chart.chart.backgroundBrush().color()
    assert background == QColor("#2b2b2b") != light_background
    assert chart.view.backgroundBrush().color() == background
    for axis in chart.chart.axes():
        assert readable(axis.labelsBrush().color(), background)
        assert readable(axis.titleBrush().color(), background)
    assert readable(chart.chart.legend().labelColor(), background)
    value_labels = getattr(chart, "value_labels", None)
    for row in value_labels.items if value_labels is not None else []:
        for item in row:
            assert readable(item.brush().color(), background) or item.text() == "–"
            assert contrast(item.brush().color(), background) >= 3
    title = chart.title_label
    assert readable(title.palette().color(title.foregroundRole()), background)
    for series in chart.chart.series():
        if isinstance(series, QLineSeries):
            colours = [series.pen().color()]
        else:
            colours = [bar_set.color() for bar_set in series.barSets()]
        assert all(contrast(colour, background) >= 3 for colour in colours)


def test_the_empty_sentence_is_readable_on_a_dark_palette(qtbot):
    chart = shown(qtbot, AdoptionChart())

    chart.setPalette(dark_palette())

    label = chart.empty_label
    assert readable(label.palette().color(label.foregroundRole()), QColor("#2b2b2b"))


def test_a_larger_font_makes_the_chart_taller(qtbot):
    chart = shown(qtbot, SatisfactionHistogram())
    chart.set_counts((0, 1, 2, 7, 8), 4.2)
    before = chart.stack.minimumHeight()

    font = QFont(chart.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    chart.setFont(font)

    assert chart.stack.minimumHeight() > before * 1.5
    [axis, *_rest] = chart.chart.axes()
    assert axis.labelsFont().pointSizeF() == pytest.approx(font.pointSizeF())
