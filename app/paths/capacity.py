"""Capacity: hours of learning per department per month against the protected learning time.

Each assignment's hours are the modules a person follows (the path's, less those skipped),
spread from its start to its due date; without a due date, to the day the path would end at
the protected hours per week. The arithmetic is the pure ``app.paths.planning.monthly_load``.
Only departments of at least the anonymity threshold are named; smaller ones are added up
as one "Other" line, like every other figure about groups.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from app.errors import ValidationError
from app.events import ChangeBus, Topic
from app.i18n import _
from app.paths.planning import MonthLoad, monthly_load, weeks_needed
from app.services.organisation import get_or_create_organisation, unassigned_department
from db.database import Database
from db.models import (
    Department,
    Employee,
    EmployeeStatus,
    LearningModule,
    LearningPath,
    ModuleProgress,
    PathAssignment,
    PathStage,
    ProgressStatus,
    StageModule,
)

MAX_HOURS_PER_WEEK = 40.0


@dataclass(frozen=True)
class CapacityView:
    hours_per_week: float
    """The protected learning time per person per week."""
    loads: list[MonthLoad]
    """Department by name ("Other …" last), then month."""
    threshold: int

    @property
    def overloads(self) -> list[MonthLoad]:
        return [load for load in self.loads if load.overloaded]


class CapacityService:
    def __init__(self, database: Database, changes: ChangeBus) -> None:
        self._db = database
        self._changes = changes

    def hours_per_week(self) -> float:
        with self._db.reading() as session:
            return float(get_or_create_organisation(session).learning_hours_per_week)

    def set_hours_per_week(self, hours: float) -> None:
        if not 0 < hours <= MAX_HOURS_PER_WEEK:
            raise ValidationError(
                _(
                    "Protected learning time is more than 0 and at most {most:g} hours a week."
                ).format(most=MAX_HOURS_PER_WEEK),
                field="hours_per_week",
            )
        with self._db.transaction() as session:
            get_or_create_organisation(session).learning_hours_per_week = float(hours)
        self._changes.publish(Topic.ORGANISATION)

    def capacity(self) -> CapacityView:
        with self._db.reading() as session:
            organisation = get_or_create_organisation(session)
            pace = float(organisation.learning_hours_per_week)
            threshold = int(organisation.anonymity_threshold)
            path_hours: dict[int, float] = {
                path_id: float(hours or 0)
                for path_id, hours in session.execute(
                    select(PathStage.path_id, func.sum(LearningModule.hours))
                    .join(StageModule, StageModule.stage_id == PathStage.id)
                    .join(LearningModule, LearningModule.id == StageModule.module_id)
                    .group_by(PathStage.path_id)
                )
            }
            skipped: dict[int, float] = {
                assignment_id: float(hours or 0)
                for assignment_id, hours in session.execute(
                    select(ModuleProgress.assignment_id, func.sum(LearningModule.hours))
                    .join(LearningModule, LearningModule.id == ModuleProgress.module_id)
                    .where(ModuleProgress.status == ProgressStatus.SKIPPED)
                    .group_by(ModuleProgress.assignment_id)
                )
            }
            people = Counter(
                name or unassigned_department()
                for (name,) in session.execute(
                    select(Department.name)
                    .select_from(Employee)
                    .outerjoin(Department, Department.id == Employee.department_id)
                    .where(Employee.status == EmployeeStatus.ACTIVE)
                )
            )
            assignments = session.execute(
                select(
                    PathAssignment.id,
                    PathAssignment.path_id,
                    PathAssignment.assigned_on,
                    PathAssignment.due_on,
                    Department.name,
                )
                .join(Employee, Employee.id == PathAssignment.employee_id)
                .join(LearningPath, LearningPath.id == PathAssignment.path_id)
                .outerjoin(Department, Department.id == Employee.department_id)
                .where(Employee.status == EmployeeStatus.ACTIVE)
            ).all()
        other = _("Other (groups under {n} people)").format(n=threshold)
        label = {name: (name if count >= threshold else other) for name, count in people.items()}
        per_group: Counter[str] = Counter()
        for name, count in people.items():
            per_group[label[name]] += count
        rows: list[tuple[str, date, date, float]] = []
        for assignment_id, path_id, starts_on, due_on, department in assignments:
            hours = max(0.0, path_hours.get(path_id, 0.0) - skipped.get(assignment_id, 0.0))
            if hours <= 0:
                continue
            ends_on = due_on or starts_on + timedelta(days=7 * weeks_needed(hours, pace) - 1)
            group = label.get(department or unassigned_department(), other)
            rows.append((group, starts_on, max(ends_on, starts_on), hours))
        loads = monthly_load(rows, pace, dict(per_group))
        loads.sort(key=lambda load: (load.department == other, load.department.casefold()))
        return CapacityView(hours_per_week=pace, loads=loads, threshold=threshold)
