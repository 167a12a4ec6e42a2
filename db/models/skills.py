"""Step 2, the people side: skills and the self and manager ratings of them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Row
from db.models.enums import Rater, enum_column


class Skill(Row):
    __tablename__ = "skill"

    key: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str | None] = mapped_column(String(100))
    description: Mapped[str | None] = mapped_column(Text)


class SkillSurvey(Row):
    """One round of the workforce skills and readiness survey (baseline or follow-up)."""

    __tablename__ = "skill_survey"

    name: Mapped[str] = mapped_column(String(300))
    opened_on: Mapped[date]
    closed_on: Mapped[date | None]


class SkillRating(Row):
    __tablename__ = "skill_rating"
    __table_args__ = (CheckConstraint("level BETWEEN 0 AND 5", name="level_range"),)

    survey_id: Mapped[int | None] = mapped_column(
        ForeignKey("skill_survey.id", ondelete="CASCADE"), index=True
    )
    employee_id: Mapped[int] = mapped_column(
        ForeignKey("employee.id", ondelete="CASCADE"), index=True
    )
    skill_id: Mapped[int] = mapped_column(ForeignKey("skill.id", ondelete="CASCADE"), index=True)
    rater: Mapped[Rater] = mapped_column(enum_column(Rater))
    level: Mapped[int]
    rated_on: Mapped[date]
