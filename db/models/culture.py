"""Step 6: champions per department and the support activities they run."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Row
from db.models.enums import ActivityKind, enum_column


class Champion(Row):
    __tablename__ = "champion"

    employee_id: Mapped[int] = mapped_column(
        ForeignKey("employee.id", ondelete="CASCADE"), unique=True
    )
    department_id: Mapped[int | None] = mapped_column(
        ForeignKey("department.id", ondelete="SET NULL")
    )
    since: Mapped[date | None]


class ChampionActivity(Row):
    __tablename__ = "champion_activity"

    champion_id: Mapped[int | None] = mapped_column(
        ForeignKey("champion.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[ActivityKind] = mapped_column(enum_column(ActivityKind))
    title: Mapped[str] = mapped_column(String(300))
    held_on: Mapped[date]
    attendees: Mapped[int | None]
    hours: Mapped[float | None]
    notes: Mapped[str | None] = mapped_column(Text)
