"""Step 1 of the programme: business objectives, each with success metrics and readings."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Row
from db.models.enums import ObjectiveStatus, enum_column


class Objective(Row):
    __tablename__ = "objective"

    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String(200))
    due_on: Mapped[date | None]
    status: Mapped[ObjectiveStatus] = mapped_column(
        enum_column(ObjectiveStatus), default=ObjectiveStatus.PLANNED
    )
    metrics: Mapped[list[Metric]] = relationship(
        back_populates="objective", cascade="all, delete-orphan"
    )


class Metric(Row):
    """A measurable sign of an objective: where it started, where it should be, by when."""

    __tablename__ = "metric"

    objective_id: Mapped[int] = mapped_column(ForeignKey("objective.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(300))
    unit: Mapped[str | None] = mapped_column(String(50))
    baseline_value: Mapped[float | None]
    baseline_on: Mapped[date | None]
    target_value: Mapped[float | None]
    target_date: Mapped[date | None]
    higher_is_better: Mapped[bool] = mapped_column(default=True)
    objective: Mapped[Objective] = relationship(back_populates="metrics")


class MetricReading(Row):
    __tablename__ = "metric_reading"

    metric_id: Mapped[int] = mapped_column(ForeignKey("metric.id", ondelete="CASCADE"), index=True)
    value: Mapped[float]
    measured_on: Mapped[date]
    note: Mapped[str | None] = mapped_column(Text)
