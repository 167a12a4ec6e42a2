"""Step 4: pilots with early adopters: cohort, success criteria, what was measured, the decision.

A pilot's participants are people; everything measured hangs off a participant (weekly
check-ins, feedback, before/after scores, applications) except task timings, which may be
taken for the cohort as a whole. The numbers are analysed in app/pilots/analysis.py.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Column, ForeignKey, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Row
from db.models.enums import (
    MeasurementPhase,
    PilotDecision,
    PilotMeasure,
    PilotScoreKind,
    PilotStatus,
    enum_column,
)

pilot_objective = Table(
    "pilot_objective",
    Base.metadata,
    Column("pilot_id", ForeignKey("pilot.id", ondelete="CASCADE"), primary_key=True),
    Column("objective_id", ForeignKey("objective.id", ondelete="CASCADE"), primary_key=True),
)
"""The objectives a pilot serves."""

pilot_path = Table(
    "pilot_path",
    Base.metadata,
    Column("pilot_id", ForeignKey("pilot.id", ondelete="CASCADE"), primary_key=True),
    Column("path_id", ForeignKey("learning_path.id", ondelete="CASCADE"), primary_key=True),
)
"""The learning paths the pilot's participants follow."""


class Pilot(Row):
    __tablename__ = "pilot"

    name: Mapped[str] = mapped_column(String(300))
    purpose: Mapped[str | None] = mapped_column(Text)
    tools: Mapped[str | None] = mapped_column(Text)
    """The AI tools tried, one per line."""
    starts_on: Mapped[date | None]
    ends_on: Mapped[date | None]
    status: Mapped[PilotStatus] = mapped_column(
        enum_column(PilotStatus), default=PilotStatus.PLANNED
    )
    target_population: Mapped[int | None]
    """How many people would follow if the pilot is scaled up."""
    decision: Mapped[PilotDecision | None] = mapped_column(enum_column(PilotDecision))
    decision_note: Mapped[str | None] = mapped_column(Text)
    """The reasons for the decision."""
    decided_on: Mapped[date | None]


class PilotCriterion(Row):
    """A success criterion agreed before the pilot starts: "measure at least threshold"."""

    __tablename__ = "pilot_criterion"

    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    measure: Mapped[PilotMeasure] = mapped_column(enum_column(PilotMeasure))
    threshold: Mapped[float]
    after_weeks: Mapped[int | None]


class CandidateRating(Row):
    """Enthusiasm or influence entered for a person by HR, overriding what is derived."""

    __tablename__ = "candidate_rating"
    __table_args__ = (
        CheckConstraint("enthusiasm IS NULL OR enthusiasm BETWEEN 1 AND 5", name="enthusiasm"),
        CheckConstraint("influence IS NULL OR influence BETWEEN 1 AND 5", name="influence"),
    )

    employee_id: Mapped[int] = mapped_column(
        ForeignKey("employee.id", ondelete="CASCADE"), unique=True
    )
    enthusiasm: Mapped[float | None]
    influence: Mapped[float | None]


class PilotParticipant(Row):
    """An early adopter in a pilot, with their scores when chosen and why they were chosen."""

    __tablename__ = "pilot_participant"
    __table_args__ = (UniqueConstraint("pilot_id", "employee_id"),)

    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"), index=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id", ondelete="CASCADE"))
    enthusiasm: Mapped[float | None]
    influence: Mapped[float | None]
    reason: Mapped[str | None] = mapped_column(String(300))
    enrolled_on: Mapped[date | None]


class PilotCheckIn(Row):
    """One participant's week: days the AI tool was used, features used, hours learning."""

    __tablename__ = "pilot_check_in"
    __table_args__ = (
        UniqueConstraint("participant_id", "week"),
        CheckConstraint("days_used BETWEEN 0 AND 7", name="days_used"),
        CheckConstraint("week >= 1", name="week"),
    )

    participant_id: Mapped[int] = mapped_column(
        ForeignKey("pilot_participant.id", ondelete="CASCADE"), index=True
    )
    week: Mapped[int]
    """1 is the pilot's first week."""
    days_used: Mapped[int]
    features: Mapped[str] = mapped_column(String(500), default="")
    """Feature keys, comma-separated (resources/pilots/features.json)."""
    learning_hours: Mapped[float] = mapped_column(default=0.0)


class PilotTaskTiming(Row):
    """How long a task took before and after the training, from some observations each."""

    __tablename__ = "pilot_task_timing"
    __table_args__ = (
        CheckConstraint("minutes_before > 0", name="minutes_before"),
        CheckConstraint("minutes_after >= 0", name="minutes_after"),
    )

    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("pilot_participant.id", ondelete="CASCADE")
    )
    task: Mapped[str] = mapped_column(String(300))
    minutes_before: Mapped[float]
    minutes_after: Mapped[float]
    observations_before: Mapped[int] = mapped_column(default=1)
    observations_after: Mapped[int] = mapped_column(default=1)
    times_per_week: Mapped[float] = mapped_column(default=1.0)
    errors_before: Mapped[int | None]
    errors_after: Mapped[int | None]


class PilotFeedback(Row):
    """A participant's satisfaction survey: 1-5, a comment, and 0-10 would recommend."""

    __tablename__ = "pilot_feedback"
    __table_args__ = (
        CheckConstraint(
            "satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5", name="satisfaction"
        ),
        CheckConstraint("recommend IS NULL OR recommend BETWEEN 0 AND 10", name="recommend"),
    )

    participant_id: Mapped[int] = mapped_column(
        ForeignKey("pilot_participant.id", ondelete="CASCADE"), unique=True
    )
    satisfaction: Mapped[int | None]
    recommend: Mapped[int | None]
    comment: Mapped[str | None] = mapped_column(Text)
    answered_on: Mapped[date | None]


class PilotScore(Row):
    """A before or after score: knowledge check %, job or career-development satisfaction 1-5."""

    __tablename__ = "pilot_score"
    __table_args__ = (UniqueConstraint("participant_id", "kind", "phase"),)

    participant_id: Mapped[int] = mapped_column(
        ForeignKey("pilot_participant.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[PilotScoreKind] = mapped_column(enum_column(PilotScoreKind))
    phase: Mapped[MeasurementPhase] = mapped_column(enum_column(MeasurementPhase))
    value: Mapped[float]
    measured_on: Mapped[date | None]


class PilotApplication(Row):
    """Something a participant used AI for at work, with the hours it saves them a week."""

    __tablename__ = "pilot_application"

    participant_id: Mapped[int] = mapped_column(
        ForeignKey("pilot_participant.id", ondelete="CASCADE"), index=True
    )
    logged_on: Mapped[date]
    description: Mapped[str] = mapped_column(Text)
    hours_saved_per_week: Mapped[float | None]
