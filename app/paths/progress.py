"""Following a path: each person's progress per module, and what a person needs of a path.

Progress is not started / in progress / done (with a date and an optional score) per person
and module; a whole workshop can be marked done at once. The suggestion trims the path of a
person's track to the modules that close their measured gaps (``app.paths.planning``), with
the reason for every module it skips.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app.errors import ValidationError
from app.events import ChangeBus, Topic
from app.i18n import _
from app.paths.content import LEVELS
from app.paths.planning import suggest_for_person
from app.paths.service import ModuleRow, PathService
from app.skills.results import SkillsResultsService
from db.database import Database
from db.models import (
    Department,
    Employee,
    LearningModule,
    ModuleProgress,
    PathAssignment,
    ProgressStatus,
    Role,
    Track,
)

STATUSES = tuple(s.value for s in ProgressStatus)
"""not_started, in_progress, completed (shown as "done")."""


@dataclass(frozen=True)
class PersonProgress:
    person_id: int
    display_name: str
    department: str | None
    starts_on: date
    due_on: date | None
    statuses: dict[str, str]
    """Module key -> not_started / in_progress / completed."""
    completed_on: dict[str, date]
    done: int
    modules: int

    @property
    def share_done(self) -> float:
        return self.done / self.modules if self.modules else 0.0


@dataclass(frozen=True)
class SkippedWithReason:
    module: ModuleRow
    reason: str
    """A sentence for the HR person, e.g. “Skips “AI basics”: already proficient in …”."""


@dataclass(frozen=True)
class PersonSuggestion:
    person_id: int
    display_name: str
    path_id: int
    path_name: str
    kept: list[ModuleRow]
    skipped: list[SkippedWithReason]
    survey_name: str | None
    """The survey the levels come from; None when the person has not been rated."""

    @property
    def hours(self) -> float:
        return sum(m.hours for m in self.kept)


class PathProgressService:
    def __init__(
        self,
        database: Database,
        changes: ChangeBus,
        paths: PathService,
        skills_results: SkillsResultsService,
    ) -> None:
        self._db = database
        self._changes = changes
        self._paths = paths
        self._skills_results = skills_results

    def set_progress(
        self,
        path_id: int,
        person_ids: Iterable[int],
        module_key: str,
        status: str,
        *,
        on: date | None = None,
        score: float | None = None,
    ) -> int:
        """Record one module's progress for these people at once; returns how many changed.

        "completed" takes the date (today when not given) and an optional score 0–100.
        Everyone must follow the path, else nothing is saved.
        """
        if status not in STATUSES:
            raise ValidationError(_("Choose not started, in progress or done."), field="status")
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
            for assignment_id in assignments.values():
                row = rows.get(assignment_id)
                if row is None:
                    row = ModuleProgress(assignment_id=assignment_id, module_id=module_id)
                    session.add(row)
                elif (row.status, row.completed_on, row.score) == (new_status, done_on, score):
                    continue
                row.status = new_status
                row.completed_on = done_on
                row.score = score if new_status is ProgressStatus.COMPLETED else None
                changed += 1
        self._changes.publish(Topic.PATHS, ids=frozenset({path_id}))
        return changed

    def progress(self, path_id: int) -> list[PersonProgress]:
        """Everyone on a path with their status per module, by department then name."""
        keys = self._paths.path(path_id).layout.module_keys()
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
                .where(PathAssignment.path_id == path_id)
            ).all()
            statuses: dict[int, dict[str, tuple[str, date | None]]] = {}
            for assignment_id, key, status, completed_on in session.execute(
                select(
                    ModuleProgress.assignment_id,
                    LearningModule.key,
                    ModuleProgress.status,
                    ModuleProgress.completed_on,
                )
                .join(LearningModule, LearningModule.id == ModuleProgress.module_id)
                .join(PathAssignment, PathAssignment.id == ModuleProgress.assignment_id)
                .where(PathAssignment.path_id == path_id)
            ):
                statuses.setdefault(assignment_id, {})[key] = (status.value, completed_on)
        rows = []
        for assignment_id, person, name, department, starts_on, due_on in people:
            given = statuses.get(assignment_id, {})
            per_module = {k: given.get(k, ("not_started", None))[0] for k in keys}
            rows.append(
                PersonProgress(
                    person_id=person,
                    display_name=name,
                    department=department,
                    starts_on=starts_on,
                    due_on=due_on,
                    statuses=per_module,
                    completed_on={k: when for k, (_s, when) in given.items() if k in keys and when},
                    done=sum(1 for s in per_module.values() if s == "completed"),
                    modules=len(keys),
                )
            )
        rows.sort(key=lambda r: ((r.department or "").casefold(), r.display_name.casefold()))
        return rows

    def suggestion(self, person_id: int, path_id: int | None = None) -> PersonSuggestion:
        """The path (given, or the one of the person's track) trimmed to their gaps."""
        profile = self._skills_results.profile(person_id)
        with self._db.reading() as session:
            track = session.execute(
                select(Role.track)
                .join(Employee, Employee.role_id == Role.id)
                .where(Employee.id == person_id)
            ).scalar_one_or_none()
        chosen = path_id if path_id is not None else self._path_for(person_id, track)
        details = self._paths.path(chosen)
        modules = {m.key: m for m in self._paths.modules()}
        path_modules = [modules[k] for k in details.layout.module_keys()]
        rated = [s for s in profile.surveys if any(line.agreed is not None for line in s.skills)]
        latest = rated[-1] if rated else None
        current = {line.key: line.agreed for line in latest.skills} if latest else {}
        if latest is not None:
            targets = {line.key: line.target for line in latest.skills}
        else:
            targets = self._targets(person_id, track)
        result = suggest_for_person(
            path_modules, current, targets, {k: m.prerequisites for k, m in modules.items()}
        )
        names = {key: name for key, name in self._skill_names()}
        skipped = []
        for skip in result.skipped:
            skills = ", ".join(names.get(s, s) for s in skip.skills)
            module = modules[skip.key]
            if skip.reason_code == "already_proficient":
                reason = _("Skips “{module}”: already at that level in {skills}.")
            else:
                reason = _("Skips “{module}”: the role does not aim for {skills}.")
            skipped.append(
                SkippedWithReason(module, reason.format(module=module.title, skills=skills))
            )
        return PersonSuggestion(
            person_id=person_id,
            display_name=profile.display_name,
            path_id=chosen,
            path_name=details.layout.name,
            kept=[modules[k] for k in result.modules_kept],
            skipped=skipped,
            survey_name=latest.campaign_name if latest else None,
        )

    def _path_for(self, person_id: int, track: Track | None) -> int:
        track_name = (track or Track.CUSTOM).value
        rows = [p for p in self._paths.paths() if p.track == track_name]
        if not rows:
            raise ValidationError(
                _("There is no path for this person's track yet. Make one from a template first.")
            )
        order = {level: i for i, level in enumerate(LEVELS)}
        mine = set()
        with self._db.reading() as session:
            mine = set(
                session.execute(
                    select(PathAssignment.path_id).where(PathAssignment.employee_id == person_id)
                ).scalars()
            )
        rows.sort(key=lambda p: (p.id not in mine, order.get(p.level, 9), p.name.casefold()))
        return rows[0].id

    def _targets(self, person_id: int, track: Track | None) -> dict[str, int]:
        with self._db.reading() as session:
            role_id = session.execute(
                select(Employee.role_id).where(Employee.id == person_id)
            ).scalar_one_or_none()
            return self._paths.skills.targets_for(session, role_id, (track or Track.CUSTOM).value)

    def _skill_names(self) -> list[tuple[str, str]]:
        return [(s.key, s.name) for s in self._paths.skills.catalogue().skills]
