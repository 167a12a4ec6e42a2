"""The progress of a metric from baseline to target, and the on-track rule, on hand numbers."""

from __future__ import annotations

from datetime import date

import pytest

from app.objectives.progress import metric_progress, time_share
from app.objectives.wording import metric_sentence, number_text

START = date(2026, 1, 1)
END = date(2026, 12, 31)  # 364 days later


def test_higher_is_better_share_is_the_distance_covered_over_the_distance_to_go():
    # 40 -> 400 hours; 130 read on day 91 of 364: (130-40)/(400-40) = 90/360 = 0.25
    result = metric_progress(
        40, 400, 130, measured_on=date(2026, 4, 2), baseline_on=START, target_date=END
    )
    assert result.raw == pytest.approx(0.25)
    assert result.share == pytest.approx(0.25)
    assert result.time_share == pytest.approx(91 / 364)
    assert result.on_track is True  # 0.25 of the way, exactly 0.25 of the time


def test_behind_when_less_of_the_way_than_of_the_time():
    # 120 of 400 from 0: 30 % of the way; day 182 of 364: 50 % of the time
    result = metric_progress(
        0, 400, 120, measured_on=date(2026, 7, 2), baseline_on=START, target_date=END
    )
    assert result.raw == pytest.approx(0.30)
    assert result.time_share == pytest.approx(0.5)
    assert result.on_track is False


def test_lower_is_better_runs_the_way_downwards():
    # handling time 40 -> 10 minutes; 25 is half way; a quarter of the time passed
    result = metric_progress(
        40, 10, 25, measured_on=date(2026, 4, 2), baseline_on=START, target_date=END
    )
    assert result.raw == pytest.approx(0.5)
    assert result.on_track is True
    worse = metric_progress(
        40, 10, 46, measured_on=date(2026, 4, 2), baseline_on=START, target_date=END
    )
    assert worse.raw == pytest.approx(-0.2)  # (46-40)/(10-40)
    assert worse.share == 0.0
    assert worse.on_track is False


def test_overshoot_is_kept_raw_and_clamped_for_display_and_counts_as_reached():
    result = metric_progress(
        100, 200, 250, measured_on=date(2026, 2, 1), baseline_on=START, target_date=END
    )
    assert result.raw == pytest.approx(1.5)
    assert result.share == 1.0
    assert result.reached and result.on_track is True


def test_no_reading_means_no_progress_and_no_verdict():
    result = metric_progress(10, 20, None, baseline_on=START, target_date=END)
    assert (result.raw, result.share, result.time_share, result.on_track) == (None,) * 4
    assert not result.reached


def test_without_dates_there_is_progress_but_no_verdict_before_the_target():
    result = metric_progress(0, 10, 4, measured_on=date(2026, 3, 1))
    assert result.raw == pytest.approx(0.4)
    assert result.time_share is None and result.on_track is None


def test_a_target_equal_to_the_baseline_is_refused():
    with pytest.raises(ValueError):
        metric_progress(5, 5, 6)


def test_time_share_is_clamped_after_the_target_date():
    assert time_share(START, END, date(2027, 6, 1)) == 1.0
    assert time_share(START, END, START) == 0.0
    assert time_share(START, START, START) is None


def test_the_sentence_says_value_target_share_date_time_and_verdict():
    progress = metric_progress(
        0,
        400,
        120,
        measured_on=date(2026, 11, 12),
        baseline_on=date(2026, 1, 1),
        target_date=date(2027, 12, 31),
    )
    text = metric_sentence(
        "Hours saved per week",
        "hours",
        0,
        400,
        date(2027, 12, 31),
        (120, date(2026, 11, 12)),
        progress,
    )
    assert text == (
        "Hours saved per week: 120 of 400 hours (30 % of the way), measured 12 Nov 2026; "
        "43 % of the time had passed by then: behind."
    )


def test_the_sentence_for_lower_is_better_and_for_no_reading():
    progress = metric_progress(
        40, 10, 25, measured_on=date(2026, 4, 2), baseline_on=START, target_date=END
    )
    assert metric_sentence(
        "Handling time", "min", 40, 10, END, (25, date(2026, 4, 2)), progress
    ) == (
        "Handling time: 25 min against a target of 10 (50 % of the way), measured 2 Apr 2026; "
        "25 % of the time had passed by then: on track."
    )
    none = metric_progress(40, 10, None)
    assert metric_sentence("Handling time", "min", 40, 10, END, None, none) == (
        "Handling time: not measured yet (baseline 40 min, target 10 min by 31 Dec 2026)."
    )


def test_numbers_read_as_people_write_them():
    assert number_text(1200) == "1,200"
    assert number_text(12.5) == "12.5"
    assert number_text(0.256) == "0.26"
    assert number_text(-0.001) == "0"
