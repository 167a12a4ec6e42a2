"""What the objectives service hands out (views) and takes in (inputs)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from db.models import ObjectiveStatus


@dataclass(frozen=True)
class Reading:
    """One measurement of a metric."""

    id: int
    measured_on: date
    value: float
    note: str | None


@dataclass(frozen=True)
class MetricView:
    """A metric with its readings (oldest first) and where it stands at the latest one."""

    id: int
    objective_id: int
    name: str
    unit: str | None
    baseline_value: float | None
    baseline_on: date | None
    target_value: float | None
    target_date: date | None
    higher_is_better: bool
    readings: tuple[Reading, ...]
    latest: Reading | None
    progress: float | None
    """0..1 of the way from baseline to target at the latest reading, clamped for display."""
    raw_progress: float | None
    """The same share unclamped: below 0 moved away from the target, above 1 went beyond."""
    time_share: float | None
    """Share of the time from baseline date to target date passed at the latest reading."""
    on_track: bool | None
    """At least as far along the way as along the time (app.objectives.progress)."""
    sentence: str
    """Where the metric stands, in one plain sentence."""

    @property
    def reached(self) -> bool:
        return self.raw_progress is not None and self.raw_progress >= 1.0


@dataclass(frozen=True)
class ObjectiveView:
    id: int
    title: str
    description: str | None
    owner: str | None
    due_on: date | None
    status: ObjectiveStatus
    metrics: tuple[MetricView, ...]


@dataclass(frozen=True)
class ObjectiveInput:
    """What a person fills in for an objective."""

    title: str
    description: str | None = None
    owner: str | None = None
    due_on: date | None = None
    status: ObjectiveStatus = ObjectiveStatus.PLANNED


@dataclass(frozen=True)
class MetricInput:
    """What a person fills in for a metric.

    ``higher_is_better`` None takes the direction from the target: above the baseline means
    higher is better, below means lower is better.
    """

    name: str
    unit: str | None
    baseline_value: float | None
    baseline_on: date | None
    target_value: float | None
    target_date: date | None
    higher_is_better: bool | None = None
