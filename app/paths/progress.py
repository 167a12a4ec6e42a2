"""Following a path: each person's progress per module.

Progress is not started / in progress / done (with a date and an optional score) per person
and module; a whole workshop can be marked done at once. A module a person does not need is
"skipped" with the reason (written when the path is assigned trimmed to their gaps, see
``app.paths.suggestions``); it does not count towards their modules.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy import ColumnElement, and_, select

from app.errors import ValidationError
from app.events import ChangeBus, Topic
from app.i18n import _
from app.paths.service import PathService
from app.validation import clean_text
from db.database import Database
from db.models import (
    Department,
    Employee,
    LearningModule,
    ModuleProgress,
    PathAssignment,
    ProgressStatus,
)

STATUSES = tuple(s.value for s in ProgressStatus)
"""not_started, in_progress, completed (shown as "done"), skipped (not needed)."""


@dataclass(frozen=True)
class PersonProgress:
    person_id: int
    display_name: str
    department: str | None
    starts_on: date
    due_on: date | None
    statuses: dict[str, str]
    """Module key -> not_started / in_progress / completed / skipped."""
    completed_on: dict[str, date]
    notes: dict[str, str]
    """Module key -> why it is skipped (or a trainer's note), where there is one."""
    scores: dict[str, float]
    done: int
    modules: int
    """The modules this person follows: the path's, less those skipped."""

    @property
    def share_done(self) -> float:
        """Done of the modules followed; a person who needs none of the path has finished it."""
        return self.done / self.modules if self.modules else 1.0


class _Recorded(NamedTuple):
    status: str
    on: date | None
    score: float | None
    note: str | None


class PathProgressService:
    def __init__(self, database: Database, changes: ChangeBus, paths: PathService) -> None:
        self._db = database
        self._changes = changes
        self._paths = paths

    def set_progress(
        self,
        path_id: int,
        person_ids: Iterable[int],
        module_key: str,
        status: str,
        *,
        on: date | None = None,
        score: float | None = None,
        note: str | None = None,
    ) -> int:
        """Record one module's progress for these people at once; returns how many changed.

        "completed" takes the date (today when not given) and an optional score 0–100.
        Everyone must follow the path, else nothing is saved.
        """
        if status not in STATUSES:
            raise ValidationError(
                _("Choose not started, in progress, done or skipped."), field="status"
            )
        if score is not None and not 0 <= score <= 100:
            raise ValidationError(_("A score is from 0 to 100 (%)."), field="score")
        people = list(dict.fromkeys(person_ids))
        layout = self._paths.path(path_id).layout
        if module_key not in layout.module_keys():
            raise ValidationError(_("That module is not part of this path."), field="module")
        changed = 0
        with self._db.transaction() as session:
            assignments = {
                person: assignment_id
                for person, assignment_id in session.execute(
                    select(PathAssignment.employee_id, PathAssignment.id).where(
                        PathAssignment.path_id == path_id, PathAssignment.employee_id.in_(people)
                    )
                )
            }
            if len(assignments) != len(people):
                raise ValidationError(
                    _("Some of the people chosen do not follow this path; nothing was saved."),
                    field="people",
                )
            module_id = session.execute(
                select(LearningModule.id).where(LearningModule.key == module_key)
            ).scalar_one()
            rows = {
                row.assignment_id: row
                for row in session.execute(
                    select(ModuleProgress).where(
                        ModuleProgress.assignment_id.in_(list(assignments.values())),
                        ModuleProgress.module_id == module_id,
                    )
                ).scalars()
            }
            new_status = ProgressStatus(status)
            done_on = (on or date.today()) if new_status is ProgressStatus.COMPLETED else None
            kept_score = score if new_status is ProgressStatus.COMPLETED else None
            kept_note = (clean_text(note or "") or "")[:300] or None
            for assignment_id in assignments.values():
                row = rows.get(assignment_id)
                if row is None:
                    row = ModuleProgress(assignment_id=assignment_id, module_id=module_id)
                    session.add(row)
                elif (row.status, row.completed_on, row.score, row.note) == (
                    new_status,
                    done_on,
                    kept_score,
                    kept_note,
                ):
                    continue
                row.status = new_status
                row.completed_on = done_on
                row.score = kept_score
                row.note = kept_note
                changed += 1
        self._changes.publish(Topic.PATHS, ids=frozenset({path_id}))
        return changed

    def progress(
        self, path_id: int, person_ids: Collection[int] | None = None
    ) -> list[PersonProgress]:
        """Everyone on a path (or only ``person_ids`` of them, e.g. a pilot's cohort) with
        their status per module, by department then name."""
        keys = self._paths.path(path_id).layout.module_keys()
        on_path: ColumnElement[bool] = PathAssignment.path_id == path_id
        if person_ids is not None:
            on_path = and_(on_path, PathAssignment.employee_id.in_(list(person_ids)))
        with self._db.reading() as session:
            people = session.execute(
                select(
                    PathAssignment.id,
                    Employee.id,
                    Employee.display_name,
                    Department.name,
                    PathAssignment.assigned_on,
                    PathAssignment.due_on,
                )
                .join(Employee, Employee.id == PathAssignment.employee_id)
                .outerjoin(Department, Department.id == Employee.department_id)
                .where(on_path)
            ).all()
            statuses: dict[int, dict[str, _Recorded]] = {}
            for assignment_id, key, status, completed_on, score, note in session.execute(
                select(
                    ModuleProgress.assignment_id,
                    LearningModule.key,
                    ModuleProgress.status,
                    ModuleProgress.completed_on,
                    ModuleProgress.score,
                    ModuleProgress.note,
                )
                .join(LearningModule, LearningModule.id == ModuleProgress.module_id)
                .join(PathAssignment, PathAssignment.id == ModuleProgress.assignment_id)
                .where(on_path)
            ):
                statuses.setdefault(assignment_id, {})[key] = _Recorded(
                    status.value, completed_on, score, note
                )
        rows = []
        for assignment_id, person, name, department, starts_on, due_on in people:
            given = {k: v for k, v in statuses.get(assignment_id, {}).items() if k in keys}
            per_module = {k: given[k].status if k in given else "not_started" for k in keys}
            rows.append(
                PersonProgress(
                    person_id=person,
                    display_name=name,
                    department=department,
                    starts_on=starts_on,
                    due_on=due_on,
                    statuses=per_module,
                    completed_on={k: r.on for k, r in given.items() if r.on is not None},
                    notes={k: r.note for k, r in given.items() if r.note},
                    scores={k: r.score for k, r in given.items() if r.score is not None},
                    done=sum(1 for s in per_module.values() if s == "completed"),
                    modules=sum(1 for s in per_module.values() if s != "skipped"),
                )
            )
        rows.sort(key=lambda r: ((r.department or "").casefold(), r.display_name.casefold()))
        return rows
