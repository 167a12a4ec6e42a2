"""Step 2, the people side: skills and the self and manager ratings of them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Row
from db.models.enums import AssessmentKind, Rater, enum_column


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
    kind: Mapped[AssessmentKind] = mapped_column(
        enum_column(AssessmentKind), default=AssessmentKind.BASELINE
    )
    baseline_id: Mapped[int | None] = mapped_column(
        ForeignKey("skill_survey.id", ondelete="SET NULL")
    )
    catalogue_key: Mapped[str] = mapped_column(String(100), default="ai-skills")
    catalogue_version: Mapped[str] = mapped_column(String(40), default="1.0")
    """The skills catalogue version the campaign was run with, so old results stay the same."""
    with_managers: Mapped[bool] = mapped_column(default=True)


class SurveyParticipant(Row):
    """Who a campaign asks: fixed when the campaign is created."""

    __tablename__ = "survey_participant"
    __table_args__ = (UniqueConstraint("survey_id", "employee_id"),)

    survey_id: Mapped[int] = mapped_column(ForeignKey("skill_survey.id", ondelete="CASCADE"))
    employee_id: Mapped[int] = mapped_column(
        ForeignKey("employee.id", ondelete="CASCADE"), index=True
    )


class AttitudeResponse(Row):
    """One person's agreement (1-5) with one readiness statement in one campaign."""

    __tablename__ = "attitude_response"
    __table_args__ = (
        UniqueConstraint("survey_id", "employee_id", "item_key"),
        CheckConstraint("value BETWEEN 1 AND 5", name="value_range"),
    )

    survey_id: Mapped[int] = mapped_column(ForeignKey("skill_survey.id", ondelete="CASCADE"))
    employee_id: Mapped[int] = mapped_column(
        ForeignKey("employee.id", ondelete="CASCADE"), index=True
    )
    item_key: Mapped[str] = mapped_column(String(100))
    value: Mapped[int]


class RoleSkillTarget(Row):
    """A role's own target level for a skill, overriding its track's default."""

    __tablename__ = "role_skill_target"
    __table_args__ = (
        UniqueConstraint("role_id", "skill_id"),
        CheckConstraint("target BETWEEN 0 AND 4", name="target_range"),
    )

    role_id: Mapped[int] = mapped_column(ForeignKey("role.id", ondelete="CASCADE"))
    skill_id: Mapped[int] = mapped_column(ForeignKey("skill.id", ondelete="CASCADE"))
    target: Mapped[int]


class SkillRating(Row):
    """A person's level (0-4) in a skill, as rated by themselves or by their manager."""

    __tablename__ = "skill_rating"
    __table_args__ = (
        CheckConstraint("level BETWEEN 0 AND 4", name="level_range"),
        UniqueConstraint("survey_id", "employee_id", "skill_id", "rater"),
    )

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
