"""95 % intervals for a pilot's small samples, with nothing but the standard library.

A pilot has a handful to a few dozen participants, so every figure it reports comes with a
95 % interval that says how sure it is:

* a mean (satisfaction, a paired before/after change) gets Student's t interval;
* a median, or a mean of skewed numbers (time saved), gets a percentile bootstrap, with a
  private seeded random generator so that the same data always give the same interval;
* a proportion (completion) gets the Wilson score interval, which stays inside 0–1 and
  behaves at 0 % and 100 %.

Fewer than two values give no interval (None): one observation says nothing about spread.
"""

from __future__ import annotations

import math
import random
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

Z_975 = 1.959963984540054
"""The standard normal quantile z_{0.975}: 95 % of a normal distribution lies within ±z."""

_T_975: tuple[float, ...] = (
    12.7062047,
    4.3026527,
    3.1824463,
    2.7764451,
    2.5705818,
    2.4469119,
    2.3646243,
    2.3060041,
    2.2621572,
    2.2281389,
    2.2009852,
    2.1788128,
    2.1603687,
    2.1447867,
    2.1314495,
    2.1199053,
    2.1098156,
    2.1009220,
    2.0930241,
    2.0859634,
    2.0796138,
    2.0738731,
    2.0686576,
    2.0638986,
    2.0595386,
    2.0555294,
    2.0518305,
    2.0484071,
    2.0452296,
    2.0422725,
)
"""t_{0.975, df} for df = 1..30 (the printed table's values, to 7 decimals)."""

BOOTSTRAP_RESAMPLES = 2000
BOOTSTRAP_SEED = 20261124


@dataclass(frozen=True)
class Interval:
    """A 95 % interval: the range of values the data are consistent with."""

    low: float
    high: float

    @property
    def width(self) -> float:
        return self.high - self.low

    def contains(self, value: float) -> bool:
        """Whether ``value`` lies within the interval, ends included."""
        return self.low <= value <= self.high

    def scaled(self, factor: float) -> Interval:
        """The interval of ``factor`` times the estimate (the ends swap for a negative factor)."""
        ends = sorted((self.low * factor, self.high * factor))
        return Interval(ends[0], ends[1])

    def clamped(self, lowest: float, highest: float) -> Interval:
        """The interval cut to the range the measure can take (an average of 1–5 answers)."""
        low = float(min(max(self.low, lowest), highest))
        return Interval(low, float(max(min(self.high, highest), lowest)))


def t_critical(df: int) -> float:
    """The two-sided 95 % Student t quantile t_{0.975, df}.

    From the printed table for df 1–30; above that the Cornish–Fisher expansion around
    z_{0.975} (Abramowitz & Stegun 26.7.5), which agrees with the exact quantile to better
    than 1e-7 from df 30 on and tends to 1.960 as df grows.
    """
    if df < 1:
        raise ValueError(f"degrees of freedom must be at least 1, not {df}")
    if df <= len(_T_975):
        return _T_975[df - 1]
    z = Z_975
    g1 = (z**3 + z) / 4
    g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
    g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
    g4 = (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / 92160
    return z + g1 / df + g2 / df**2 + g3 / df**3 + g4 / df**4


def mean_interval(values: Sequence[float]) -> Interval | None:
    """Student's t interval of the mean: mean ± t_{0.975, n-1} · sd / √n.

    None for fewer than two values; zero width when all values are the same.
    """
    n = len(values)
    if n < 2:
        return None
    mean = statistics.mean(values)
    half_width = t_critical(n - 1) * statistics.stdev(values) / math.sqrt(n)
    return Interval(mean - half_width, mean + half_width)


def percentile(ordered: Sequence[float], fraction: float) -> float:
    """The value ``fraction`` (0–1) of the way through sorted numbers, interpolating linearly
    between neighbours (the spreadsheet PERCENTILE.INC rule)."""
    if not ordered:
        raise ValueError("no values")
    if not 0.0 <= fraction <= 1.0:
        raise ValueError(f"fraction must lie within 0 and 1, not {fraction}")
    position = fraction * (len(ordered) - 1)
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    low, high = ordered[below], ordered[above]
    if low == high:
        return low
    return low + (high - low) * (position - below)


def bootstrap_interval(
    values: Sequence[T],
    statistic: Callable[[Sequence[T]], float],
    *,
    resamples: int = BOOTSTRAP_RESAMPLES,
    seed: int = BOOTSTRAP_SEED,
) -> Interval | None:
    """The percentile bootstrap interval of ``statistic`` over ``values``.

    Draws ``resamples`` samples of the same size with replacement, computes the statistic
    on each, and takes the 2.5th and 97.5th percentiles of the results. The generator is
    private and seeded, so the same data always give the same interval. None for fewer
    than two values; zero width when all values are the same.
    """
    if resamples < 1:
        raise ValueError(f"at least one resample is needed, not {resamples}")
    n = len(values)
    if n < 2:
        return None
    generator = random.Random(seed)
    pool = list(values)
    estimates = sorted(statistic(generator.choices(pool, k=n)) for _ in range(resamples))
    return Interval(percentile(estimates, 0.025), percentile(estimates, 0.975))


def wilson_interval(successes: int, n: int) -> Interval | None:
    """The Wilson score interval of a proportion ``successes / n`` (on the 0–1 scale).

    None when ``n`` is 0. Unlike "p ± 1.96·se" it never leaves 0–1 and has a width at
    0 % and at 100 %.
    """
    if n < 0 or not 0 <= successes <= max(n, 0):
        raise ValueError(f"{successes} successes out of {n} is not a proportion")
    if n == 0:
        return None
    p = successes / n
    z2 = Z_975 * Z_975
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half_width = Z_975 * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator
    low = 0.0 if successes == 0 else max(0.0, centre - half_width)
    high = 1.0 if successes == n else min(1.0, centre + half_width)
    return Interval(low, high)
