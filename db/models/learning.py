"""Step 3: learning modules, role paths in stages, and who is assigned what with what progress."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Row
from db.models.enums import (
    ModuleFormat,
    PathLevel,
    ProgressStatus,
    Stage,
    Track,
    enum_column,
)


class LearningModule(Row):
    __tablename__ = "learning_module"

    key: Mapped[str] = mapped_column(String(100), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    hours: Mapped[float] = mapped_column(default=1.0)
    format: Mapped[ModuleFormat] = mapped_column(
        enum_column(ModuleFormat), default=ModuleFormat.E_LEARNING
    )
    level: Mapped[PathLevel] = mapped_column(enum_column(PathLevel), default=PathLevel.AWARENESS)
    provider: Mapped[str | None] = mapped_column(String(200))
    link: Mapped[str | None] = mapped_column(String(500))
    cost: Mapped[float | None]
    """Cost per person, in the organisation's currency."""
    library_version: Mapped[str | None] = mapped_column(String(40))
    """The built-in library version the module came from; None for a module made here."""


class ModulePrerequisite(Row):
    __tablename__ = "module_prerequisite"
    __table_args__ = (UniqueConstraint("module_id", "prerequisite_id"),)

    module_id: Mapped[int] = mapped_column(ForeignKey("learning_module.id", ondelete="CASCADE"))
    prerequisite_id: Mapped[int] = mapped_column(
        ForeignKey("learning_module.id", ondelete="CASCADE")
    )


class ModuleSkill(Row):
    """A skill a module raises, and to which level."""

    __tablename__ = "module_skill"
    __table_args__ = (UniqueConstraint("module_id", "skill_id"),)

    module_id: Mapped[int] = mapped_column(ForeignKey("learning_module.id", ondelete="CASCADE"))
    skill_id: Mapped[int] = mapped_column(ForeignKey("skill.id", ondelete="CASCADE"))
    raises_to: Mapped[int] = mapped_column(default=2)


class LearningPath(Row):
    __tablename__ = "learning_path"

    name: Mapped[str] = mapped_column(String(300))
    track: Mapped[Track] = mapped_column(enum_column(Track))
    level: Mapped[PathLevel] = mapped_column(enum_column(PathLevel), default=PathLevel.AWARENESS)
    description: Mapped[str | None] = mapped_column(Text)
    template_key: Mapped[str | None] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    copied_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("learning_path.id", ondelete="SET NULL")
    )
    """The earlier version this path was made from, when it was edited while people followed it."""
    retired_on: Mapped[date | None]
    """When a newer version replaced it; kept for the history of those who followed it."""


class PathStage(Row):
    __tablename__ = "path_stage"
    __table_args__ = (UniqueConstraint("path_id", "stage"),)

    path_id: Mapped[int] = mapped_column(
        ForeignKey("learning_path.id", ondelete="CASCADE"), index=True
    )
    stage: Mapped[Stage] = mapped_column(enum_column(Stage))
    title: Mapped[str | None] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(default=0)


class StageModule(Row):
    __tablename__ = "stage_module"
    __table_args__ = (UniqueConstraint("stage_id", "module_id"),)

    stage_id: Mapped[int] = mapped_column(ForeignKey("path_stage.id", ondelete="CASCADE"))
    module_id: Mapped[int] = mapped_column(ForeignKey("learning_module.id", ondelete="RESTRICT"))
    position: Mapped[int] = mapped_column(default=0)


class PathAssignment(Row):
    __tablename__ = "path_assignment"
    __table_args__ = (UniqueConstraint("path_id", "employee_id"),)

    path_id: Mapped[int] = mapped_column(ForeignKey("learning_path.id", ondelete="CASCADE"))
    employee_id: Mapped[int] = mapped_column(
        ForeignKey("employee.id", ondelete="CASCADE"), index=True
    )
    assigned_on: Mapped[date]
    due_on: Mapped[date | None]
    reason: Mapped[str | None] = mapped_column(String(300))


class ModuleProgress(Row):
    __tablename__ = "module_progress"
    __table_args__ = (UniqueConstraint("assignment_id", "module_id"),)

    assignment_id: Mapped[int] = mapped_column(
        ForeignKey("path_assignment.id", ondelete="CASCADE"), index=True
    )
    module_id: Mapped[int] = mapped_column(ForeignKey("learning_module.id", ondelete="CASCADE"))
    status: Mapped[ProgressStatus] = mapped_column(
        enum_column(ProgressStatus), default=ProgressStatus.NOT_STARTED
    )
    completed_on: Mapped[date | None]
    score: Mapped[float | None]
    """An optional result (e.g. a quiz score in %), as the LMS or trainer gives it."""
    note: Mapped[str | None] = mapped_column(String(300))
    """Why a module is skipped (“already at that level in Prompting”), or a trainer's note."""
