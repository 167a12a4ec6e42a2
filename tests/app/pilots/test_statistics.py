"""The 95 % intervals behind every pilot figure: printed tables and hand computations first,
then properties that hold for any data."""

from __future__ import annotations

import math
import statistics

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.pilots.statistics import (
    Interval,
    bootstrap_interval,
    mean_interval,
    percentile,
    t_critical,
    wilson_interval,
)

PROPERTY = settings(max_examples=100, deadline=None)


def ends(interval: Interval | None) -> tuple[float, float]:
    assert interval is not None
    return interval.low, interval.high


# --- Student's t ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("df", "printed"),
    [
        # t_{0.975, df} from a printed table of Student's t (two-tailed, alpha = 0.05).
        (1, 12.706),
        (2, 4.303),
        (4, 2.776),
        (5, 2.571),
        (10, 2.228),
        (30, 2.042),
        (40, 2.021),
        (60, 2.000),
        (120, 1.980),
    ],
)
def test_t_critical_matches_the_printed_table(df, printed):
    assert t_critical(df) == pytest.approx(printed, abs=5e-4)


def test_t_critical_tends_to_the_normal_1_960_for_large_samples():
    assert t_critical(1_000_000) == pytest.approx(1.960, abs=5e-4)
    assert t_critical(10_000) == pytest.approx(1.960, abs=5e-4)


def test_t_critical_joins_the_table_and_the_approximation_smoothly_at_30():
    # printed: t(0.975, 30) = 2.042, t(0.975, 31) = 2.040
    assert t_critical(31) == pytest.approx(2.040, abs=5e-4)
    assert t_critical(31) < t_critical(30)


@pytest.mark.parametrize("df", [0, -1])
def test_t_critical_needs_at_least_one_degree_of_freedom(df):
    with pytest.raises(ValueError, match="degrees of freedom"):
        t_critical(df)


@PROPERTY
@given(st.integers(min_value=1, max_value=5000))
def test_t_critical_shrinks_towards_1_96_as_samples_grow(df):
    assert 1.959963 < t_critical(df + 1) < t_critical(df)


# --- the t interval of a mean -----------------------------------------------------------


def test_the_mean_interval_matches_a_hand_computation():
    # values 15, 10, 15, 2, 15: sum 57, mean 11.4
    # deviations 3.6, -1.4, 3.6, -9.4, 3.6; squares 12.96 + 1.96 + 12.96 + 88.36 + 12.96 = 129.2
    # variance 129.2 / 4 = 32.3; standard error sqrt(32.3 / 5) = sqrt(6.46) = 2.54165
    # half width t(0.975, 4) * se = 2.776 * 2.54165 = 7.0556 -> 4.344 to 18.456
    interval = mean_interval([15, 10, 15, 2, 15])
    assert interval is not None
    assert interval.low == pytest.approx(4.344, abs=2e-3)
    assert interval.high == pytest.approx(18.456, abs=2e-3)


def test_two_values_give_the_widest_t_interval():
    # values 3, 5: mean 4, sd sqrt(2) = 1.41421, se 1.41421 / sqrt(2) = 1
    # half width t(0.975, 1) * 1 = 12.706 -> -8.706 to 16.706
    assert ends(mean_interval([3, 5])) == pytest.approx((-8.706, 16.706), abs=1e-3)


@pytest.mark.parametrize("values", [[], [4.2]])
def test_fewer_than_two_values_give_no_mean_interval(values):
    assert mean_interval(values) is None


def test_identical_values_give_a_zero_width_mean_interval_at_that_value():
    assert mean_interval([3.7, 3.7, 3.7, 3.7]) == Interval(3.7, 3.7)


@PROPERTY
@given(
    st.lists(st.floats(min_value=-1000, max_value=1000), min_size=2, max_size=40),
    st.floats(min_value=-500, max_value=500),
)
def test_the_mean_interval_holds_the_mean_and_moves_with_the_data(values, shift):
    interval = mean_interval(values)
    assert interval is not None
    mean = statistics.mean(values)
    assert interval.low <= mean + 1e-9
    assert mean - 1e-9 <= interval.high
    moved = mean_interval([value + shift for value in values])
    assert moved is not None
    assert moved.low == pytest.approx(interval.low + shift, abs=1e-6)
    assert moved.high == pytest.approx(interval.high + shift, abs=1e-6)


# --- the bootstrap ----------------------------------------------------------------------


def test_the_bootstrap_of_two_values_spans_both():
    # resampling [0, 10] twice: means 0 (p = 1/4), 5 (p = 1/2), 10 (p = 1/4). Of 2000 means,
    # about 500 are 0 and 500 are 10; the 2.5th percentile (rank 50) is 0, the 97.5th is 10.
    assert bootstrap_interval([0.0, 10.0], statistics.fmean) == Interval(0.0, 10.0)


def test_the_bootstrap_of_a_mean_of_many_values_is_close_to_the_normal_interval():
    # 0, 1, ..., 99: mean 49.5, population sd sqrt((100^2 - 1) / 12) = sqrt(833.25) = 28.866
    # resampled means spread as 28.866 / sqrt(100) = 2.8866, so the 2.5th and 97.5th
    # percentiles lie near 49.5 -/+ 1.96 * 2.8866 = 43.84 and 55.16 (the 5th and 95th would
    # be 49.5 -/+ 1.645 * 2.8866 = 44.75 and 54.25). Monte Carlo error with 2000 resamples:
    # about 0.17, so within 0.5.
    interval = bootstrap_interval([float(v) for v in range(100)], statistics.fmean)
    assert ends(interval) == pytest.approx((43.84, 55.16), abs=0.5)


def test_the_same_data_and_seed_give_the_same_bootstrap_interval():
    values = [12.0, 3.5, 8.0, 40.0, 5.5, 7.0, 2.0, 18.0]
    first = bootstrap_interval(values, statistics.median)
    again = bootstrap_interval(list(values), statistics.median)
    assert first == again
    assert bootstrap_interval(values, statistics.median, seed=7) == bootstrap_interval(
        values, statistics.median, seed=7
    )


def test_another_seed_draws_other_resamples():
    values = [float(v) for v in range(1, 31)]
    intervals = {bootstrap_interval(values, statistics.fmean, seed=seed) for seed in range(5)}
    assert len(intervals) > 1


def test_identical_values_give_a_zero_width_bootstrap_interval():
    assert bootstrap_interval([0.25] * 6, statistics.median) == Interval(0.25, 0.25)


def test_the_bootstrap_interval_of_a_skewed_median_holds_the_sample_median():
    # sorted: 1 1 2 2 3 3 4 5 8 13 21 40 95 -> median (7th of 13) is 4; the mean is 15.2
    skewed = [95.0, 1.0, 40.0, 2.0, 3.0, 1.0, 21.0, 4.0, 13.0, 2.0, 5.0, 3.0, 8.0]
    interval = bootstrap_interval(skewed, statistics.median)
    assert interval is not None
    assert interval.contains(4.0)
    # The outliers pull the mean to 15.2; the median's interval stays well below it.
    assert interval.high < statistics.fmean(skewed)
    assert interval.high < 15.2  # a median's interval is not dragged up by the long tail


@pytest.mark.parametrize("values", [[], [4.0]])
def test_fewer_than_two_values_give_no_bootstrap_interval(values):
    assert bootstrap_interval(values, statistics.median) is None


def test_the_bootstrap_needs_at_least_one_resample():
    with pytest.raises(ValueError, match="resample"):
        bootstrap_interval([1.0, 2.0], statistics.median, resamples=0)


def test_the_bootstrap_works_on_records_as_well_as_numbers():
    # participants as (active weeks, reported weeks); the statistic pools them: 3/4 each
    people = [(3, 4), (6, 8), (3, 4)]
    assert bootstrap_interval(
        people, lambda sample: sum(a for a, _ in sample) / sum(w for _, w in sample)
    ) == Interval(0.75, 0.75)


@PROPERTY
@given(
    st.lists(st.floats(min_value=-100, max_value=100), min_size=2, max_size=25),
    st.floats(min_value=-50, max_value=50),
)
def test_a_bootstrapped_median_stays_in_the_data_and_moves_with_it(values, shift):
    interval = bootstrap_interval(values, statistics.median, resamples=200)
    assert interval is not None
    assert min(values) <= interval.low <= interval.high <= max(values)
    moved = bootstrap_interval([v + shift for v in values], statistics.median, resamples=200)
    assert moved is not None
    assert moved.low == pytest.approx(interval.low + shift, abs=1e-9)
    assert moved.high == pytest.approx(interval.high + shift, abs=1e-9)


def test_percentiles_interpolate_between_neighbours():
    # 0.025 of the way through 5 values is position 0.1: 10 + 0.1 * (20 - 10) = 11
    assert percentile([10.0, 20.0, 30.0, 40.0, 50.0], 0.025) == pytest.approx(11.0)
    assert percentile([10.0, 20.0, 30.0, 40.0, 50.0], 0.5) == 30.0
    assert percentile([10.0, 20.0, 30.0, 40.0, 50.0], 1.0) == 50.0


# --- Wilson -----------------------------------------------------------------------------


def test_the_wilson_interval_matches_a_hand_computation():
    # 8 of 10, z = 1.96, z^2 = 3.8416: p = 0.8, denominator 1 + 3.8416 / 10 = 1.38416
    # centre (0.8 + 3.8416 / 20) / 1.38416 = 0.99208 / 1.38416 = 0.716738
    # half 1.96 * sqrt(0.8 * 0.2 / 10 + 3.8416 / 400) / 1.38416
    #      = 1.96 * sqrt(0.025604) / 1.38416 = 1.96 * 0.160013 / 1.38416 = 0.226582
    # -> 0.4902 to 0.9433
    interval = wilson_interval(8, 10)
    assert interval is not None
    assert interval.low == pytest.approx(0.4902, abs=2e-4)
    assert interval.high == pytest.approx(0.9433, abs=2e-4)


def test_the_wilson_interval_keeps_a_width_at_none_and_at_all():
    # 0 of 5: high = (z^2 / n) / (1 + z^2 / n) = 0.76832 / 1.76832 = 0.4345
    assert ends(wilson_interval(0, 5)) == pytest.approx((0.0, 0.4345), abs=2e-4)
    # 5 of 5: the mirror image
    assert ends(wilson_interval(5, 5)) == pytest.approx((0.5655, 1.0), abs=2e-4)


def test_no_one_enrolled_gives_no_wilson_interval():
    assert wilson_interval(0, 0) is None


@pytest.mark.parametrize(("successes", "n"), [(6, 5), (-1, 5), (0, -1)])
def test_a_wilson_interval_needs_a_real_proportion(successes, n):
    with pytest.raises(ValueError, match="proportion"):
        wilson_interval(successes, n)


@PROPERTY
@given(
    st.integers(min_value=1, max_value=2000).flatmap(
        lambda n: st.tuples(st.just(n), st.integers(0, n))
    )
)
def test_a_wilson_interval_holds_the_proportion_within_0_and_1(case):
    n, successes = case
    interval = wilson_interval(successes, n)
    assert interval is not None
    assert 0.0 <= interval.low <= successes / n <= interval.high <= 1.0
    assert interval.width > 0
    assert not math.isnan(interval.low)


# --- the interval itself ----------------------------------------------------------------


def test_an_interval_scales_cuts_and_tells_what_it_holds():
    interval = Interval(0.2, 0.9)
    assert ends(interval.scaled(100)) == pytest.approx((20.0, 90.0))
    assert interval.scaled(-1) == Interval(-0.9, -0.2)
    assert Interval(3.16, 5.24).clamped(1, 5) == Interval(3.16, 5.0)
    assert interval.contains(0.2)
    assert interval.contains(0.9)
    assert not interval.contains(0.95)
