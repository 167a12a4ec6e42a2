"""Step 2: maturity frameworks (versioned content) and the assessments taken with them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Row
from db.models.enums import (
    AnsweringMode,
    AssessmentKind,
    AssessmentScope,
    AssessmentStatus,
    enum_column,
)


class Framework(Row):
    """One version of a maturity framework. Assessments point at the exact version they used."""

    __tablename__ = "framework"
    __table_args__ = (UniqueConstraint("key", "version"),)

    key: Mapped[str] = mapped_column(String(100))
    version: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    built_in: Mapped[bool] = mapped_column(default=False)
    copied_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("framework.id", ondelete="SET NULL")
    )
    dimensions: Mapped[list[Dimension]] = relationship(
        back_populates="framework", cascade="all, delete-orphan", order_by="Dimension.position"
    )


class MaturityLevel(Row):
    """A named level (1-5) of a framework, e.g. "Exploring"."""

    __tablename__ = "maturity_level"
    __table_args__ = (
        UniqueConstraint("framework_id", "level"),
        CheckConstraint("level BETWEEN 1 AND 5", name="level_range"),
    )

    framework_id: Mapped[int] = mapped_column(ForeignKey("framework.id", ondelete="CASCADE"))
    level: Mapped[int]
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str | None] = mapped_column(Text)


class Dimension(Row):
    __tablename__ = "dimension"

    framework_id: Mapped[int] = mapped_column(
        ForeignKey("framework.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    weight: Mapped[float] = mapped_column(default=1.0)
    position: Mapped[int] = mapped_column(default=0)
    framework: Mapped[Framework] = relationship(back_populates="dimensions")
    questions: Mapped[list[Question]] = relationship(
        back_populates="dimension", cascade="all, delete-orphan", order_by="Question.position"
    )


class Question(Row):
    __tablename__ = "question"

    dimension_id: Mapped[int] = mapped_column(
        ForeignKey("dimension.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
    weight: Mapped[float] = mapped_column(default=1.0)
    position: Mapped[int] = mapped_column(default=0)
    dimension: Mapped[Dimension] = relationship(back_populates="questions")
    descriptors: Mapped[list[LevelDescriptor]] = relationship(
        cascade="all, delete-orphan", order_by="LevelDescriptor.level"
    )


class LevelDescriptor(Row):
    """What level N of one question looks like in practice."""

    __tablename__ = "level_descriptor"
    __table_args__ = (
        UniqueConstraint("question_id", "level"),
        CheckConstraint("level BETWEEN 1 AND 5", name="level_range"),
    )

    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"))
    level: Mapped[int]
    text: Mapped[str] = mapped_column(Text)


class Recommendation(Row):
    """A next action suggested for a dimension at a given level."""

    __tablename__ = "recommendation"

    dimension_id: Mapped[int] = mapped_column(
        ForeignKey("dimension.id", ondelete="CASCADE"), index=True
    )
    level: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(default=0)


class Assessment(Row):
    __tablename__ = "assessment"

    framework_id: Mapped[int] = mapped_column(ForeignKey("framework.id", ondelete="RESTRICT"))
    name: Mapped[str] = mapped_column(String(300))
    scope: Mapped[AssessmentScope] = mapped_column(
        enum_column(AssessmentScope), default=AssessmentScope.ORGANISATION
    )
    department_id: Mapped[int | None] = mapped_column(
        ForeignKey("department.id", ondelete="SET NULL")
    )
    scope_label: Mapped[str | None] = mapped_column(String(200))
    taken_on: Mapped[date]
    kind: Mapped[AssessmentKind] = mapped_column(
        enum_column(AssessmentKind), default=AssessmentKind.BASELINE
    )
    baseline_id: Mapped[int | None] = mapped_column(
        ForeignKey("assessment.id", ondelete="SET NULL")
    )
    mode: Mapped[AnsweringMode] = mapped_column(
        enum_column(AnsweringMode), default=AnsweringMode.CONSENSUS
    )
    status: Mapped[AssessmentStatus] = mapped_column(
        enum_column(AssessmentStatus), default=AssessmentStatus.IN_PROGRESS
    )
    resume_question_id: Mapped[int | None] = mapped_column(
        ForeignKey("question.id", ondelete="SET NULL")
    )
    resume_respondent_id: Mapped[int | None]
    """Where the user was: which respondent was answering (a position hint, no key)."""
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class DimensionTarget(Row):
    """The level an assessment aims for on one dimension (drawn as "target" in results)."""

    __tablename__ = "dimension_target"
    __table_args__ = (
        UniqueConstraint("assessment_id", "dimension_id"),
        CheckConstraint("target BETWEEN 1 AND 5", name="target_range"),
    )

    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))
    dimension_id: Mapped[int] = mapped_column(ForeignKey("dimension.id", ondelete="CASCADE"))
    target: Mapped[float]


class Respondent(Row):
    """Who answered: the facilitator's consensus, or one of several respondents."""

    __tablename__ = "respondent"

    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(200))
    employee_id: Mapped[int | None] = mapped_column(ForeignKey("employee.id", ondelete="SET NULL"))


class Response(Row):
    """One answer to one question. ``level`` is empty for "don't know" or unanswered."""

    __tablename__ = "response"
    __table_args__ = (
        UniqueConstraint("respondent_id", "question_id"),
        CheckConstraint("level IS NULL OR level BETWEEN 1 AND 5", name="level_range"),
    )

    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), index=True
    )
    respondent_id: Mapped[int] = mapped_column(ForeignKey("respondent.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="RESTRICT"))
    level: Mapped[int | None]
    dont_know: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str | None] = mapped_column(Text)
