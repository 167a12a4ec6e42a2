"""The arithmetic behind the pilot charts' look: round axis tops, fitted category labels."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontMetricsF

from ui.pilots.chart_look import fitted_lines, value_scale, value_text


@pytest.mark.parametrize(
    ("largest", "top", "step"),
    [
        (42, 50, 10),
        (95, 120, 20),
        (72, 100, 20),
        (4.1, 5, 1),
        (0.4, 0.5, 0.1),
        (1234, 1500, 300),
    ],
)
def test_the_axis_top_is_a_round_number_with_room_for_the_tallest_label(largest, top, step):
    scale = value_scale(largest)

    assert scale.top == pytest.approx(top)
    assert scale.step == pytest.approx(step)
    assert scale.top >= largest * 1.1


@pytest.mark.parametrize(("largest", "top"), [(1, 2), (5, 6), (8, 10), (18, 25), (0, 1)])
def test_counts_get_whole_number_steps(largest, top):
    scale = value_scale(largest, whole=True)

    assert scale.top == top
    assert float(scale.step).is_integer()
    assert scale.label_format == "%d"


def test_values_read_without_needless_decimals():
    assert value_text(42.0) == "42"
    assert value_text(4.26) == "4.3"
    assert value_text(3.96) == "4"


def test_a_long_label_wraps_onto_two_lines_and_the_rest_is_elided():
    metrics = QFontMetricsF(QFont())
    width = metrics.horizontalAdvance("Answering employee")

    lines = fitted_lines(
        "Answering employee questions about annual leave and sickness", metrics, width
    )

    assert lines[0] == "Answering employee"
    assert len(lines) == 2
    assert lines[1].endswith("…")
    assert all(metrics.horizontalAdvance(line) <= width for line in lines)


def test_a_short_label_stays_on_one_line():
    metrics = QFontMetricsF(QFont())

    assert fitted_lines("Monthly HR report", metrics, 500) == ["Monthly HR report"]
