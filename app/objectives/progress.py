"""How far a metric has come from its baseline towards its target, and whether that is on track.

Pure arithmetic, no storage: the service and the reports call the same function.

The rule for "on track": a metric is on track when it has come at least as far along the way
from baseline to target as the time has come from the baseline date to the target date, both
taken at the date of the latest reading. A reading at or beyond the target is on track
whatever the date. Reaching 30 % of the way when 45 % of the time had passed is behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class MetricProgress:
    """Where a metric stands at its latest reading; every field is None without a reading."""

    raw: float | None
    """The share of the way from baseline to target: 0 at the baseline, 1 at the target,
    below 0 when the reading moved away from the target, above 1 when it went beyond."""
    time_share: float | None
    """The share of the time from baseline date to target date passed at the reading's date
    (0 to 1); None when either date is unknown."""
    on_track: bool | None
    """See the module docstring; None without a reading or without both dates."""

    @property
    def share(self) -> float | None:
        """``raw`` clamped to 0..1, for a progress bar."""
        if self.raw is None:
            return None
        return min(1.0, max(0.0, self.raw))

    @property
    def reached(self) -> bool:
        """True when the latest reading is at or beyond the target."""
        return self.raw is not None and self.raw >= 1.0


NO_PROGRESS = MetricProgress(raw=None, time_share=None, on_track=None)


def time_share(baseline_on: date | None, target_date: date | None, on: date) -> float | None:
    """The share of the time from ``baseline_on`` to ``target_date`` passed on ``on`` (0..1)."""
    if baseline_on is None or target_date is None:
        return None
    span = (target_date - baseline_on).days
    if span <= 0:
        return None
    return min(1.0, max(0.0, (on - baseline_on).days / span))


def metric_progress(
    baseline: float,
    target: float,
    value: float | None,
    *,
    measured_on: date | None = None,
    baseline_on: date | None = None,
    target_date: date | None = None,
) -> MetricProgress:
    """The progress of ``value`` (the latest reading, None when there is none) from
    ``baseline`` to ``target``.

    Works the same way for metrics where lower is better: the target then lies below the
    baseline, and the way runs downwards. Raises ValueError when target equals baseline
    (there is no way to go; the service refuses such a metric before it is saved).
    """
    if target == baseline:
        raise ValueError("a metric's target must differ from its baseline")
    if value is None:
        return NO_PROGRESS
    raw = (value - baseline) / (target - baseline)
    passed = time_share(baseline_on, target_date, measured_on) if measured_on else None
    if raw >= 1.0:
        on_track: bool | None = True
    elif passed is None:
        on_track = None
    else:
        on_track = raw >= passed
    return MetricProgress(raw=raw, time_share=passed, on_track=on_track)
