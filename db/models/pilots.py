"""Step 4: pilots with early adopters, their participants, measurements and the decision taken."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Row
from db.models.enums import (
    MeasurementPhase,
    PilotDecision,
    PilotMeasure,
    PilotStatus,
    enum_column,
)


class Pilot(Row):
    __tablename__ = "pilot"

    name: Mapped[str] = mapped_column(String(300))
    purpose: Mapped[str | None] = mapped_column(Text)
    starts_on: Mapped[date | None]
    ends_on: Mapped[date | None]
    status: Mapped[PilotStatus] = mapped_column(
        enum_column(PilotStatus), default=PilotStatus.PLANNED
    )
    decision: Mapped[PilotDecision | None] = mapped_column(enum_column(PilotDecision))
    decision_note: Mapped[str | None] = mapped_column(Text)
    decided_on: Mapped[date | None]


class PilotParticipant(Row):
    """An early adopter in a pilot, with why they were chosen."""

    __tablename__ = "pilot_participant"
    __table_args__ = (UniqueConstraint("pilot_id", "employee_id"),)

    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"), index=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id", ondelete="CASCADE"))
    enthusiasm: Mapped[int | None]
    influence: Mapped[int | None]
    reason: Mapped[str | None] = mapped_column(String(300))


class PilotMeasurement(Row):
    __tablename__ = "pilot_measurement"

    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("pilot_participant.id", ondelete="CASCADE")
    )
    measure: Mapped[PilotMeasure] = mapped_column(enum_column(PilotMeasure))
    phase: Mapped[MeasurementPhase] = mapped_column(enum_column(MeasurementPhase))
    value: Mapped[float]
    unit: Mapped[str | None] = mapped_column(String(50))
    measured_on: Mapped[date]
