"""Individual learning plans: what each person is asked to learn, when, and how far they are.

A plan is everything one page of ``report pdf --kind plans`` shows about one person: their
gaps from their latest rated skills survey, every path they follow with its modules in
order and the dates they fall on at the protected learning time, the modules they skip
(with the reason recorded when the path was assigned) and their progress so far. Plans are
read in bulk: a department of 1,000 people takes a few queries per path, not per person.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import aliased

from app.errors import UserFacingError, ValidationError
from app.i18n import _
from app.paths.capacity import CapacityService
from app.paths.planning import schedule, weeks_needed
from app.paths.progress import PathProgressService, PersonProgress
from app.paths.service import ModuleRow, PathDetails, PathService
from app.paths.suggestions import PathSuggestionService
from app.progress import Progress, no_progress
from app.services.organisation import get_or_create_organisation
from app.skills.champions import ChampionService
from app.skills.results import PersonSkills
from db.database import Database
from db.models import Department, Employee, EmployeeStatus, PathAssignment, Role, Track


@dataclass(frozen=True)
class SkillGap:
    """One skill where a person is below the target of their role."""

    key: str
    skill: str
    level: float
    """The agreed level (the manager's rating when there are both), 0–4."""
    level_name: str
    target: int
    target_name: str
    gap: float


@dataclass(frozen=True)
class PlannedModule:
    """A module a person follows, with the dates it falls on at the protected time."""

    key: str
    title: str
    stage: str
    """crawl, walk or run."""
    stage_title: str
    format: str
    hours: float
    starts_on: date
    ends_on: date
    status: str
    """not_started, in_progress or completed."""
    completed_on: date | None
    score: float | None


@dataclass(frozen=True)
class CoveredModule:
    """A module of the path the person skips, with the reason recorded when assigned."""

    key: str
    title: str
    reason: str


@dataclass(frozen=True)
class PathPlan:
    path_id: int
    name: str
    version: int
    level: str
    starts_on: date
    due_on: date | None
    hours_per_week: float
    modules: tuple[PlannedModule, ...]
    covered: tuple[CoveredModule, ...]
    done: int
    hours_done: float
    hours: float
    """The hours of the modules followed (those skipped left out)."""
    weeks: int
    """Whole weeks the modules take at ``hours_per_week``."""
    finishes_on: date | None
    """The day the last module ends on the schedule; None when nothing is left to follow."""
    overdue: bool
    """The due date has passed and a module is still not done."""

    @property
    def total(self) -> int:
        return len(self.modules)


@dataclass(frozen=True)
class PersonPlan:
    person_id: int
    display_name: str
    employee_number: str | None
    department: str | None
    role: str | None
    track: str
    """The role's track (executive, technical, domain_expert, frontline, custom)."""
    manager: str | None
    champions: tuple[str, ...]
    """The AI champions of the person's department (not the person themselves)."""
    survey_name: str | None
    """The survey the gaps come from; None when the person has not been rated yet."""
    surveyed_on: date | None
    gaps: tuple[SkillGap, ...]
    """Only skills below the target, the biggest gap first."""
    paths: tuple[PathPlan, ...]
    """By start date."""

    @property
    def rated(self) -> bool:
        return self.survey_name is not None

    @property
    def done(self) -> int:
        return sum(p.done for p in self.paths)

    @property
    def total(self) -> int:
        return sum(p.total for p in self.paths)

    @property
    def hours_done(self) -> float:
        return sum(p.hours_done for p in self.paths)

    @property
    def hours(self) -> float:
        return sum(p.hours for p in self.paths)

    @property
    def share_done(self) -> float:
        return self.done / self.total if self.total else 0.0

    @property
    def overdue(self) -> bool:
        return any(p.overdue for p in self.paths)


@dataclass(frozen=True)
class _Follower:
    path_id: int
    person_id: int
    name: str
    number: str | None
    department: str | None
    role: str | None
    track: str
    manager: str | None


class LearningPlanService:
    def __init__(
        self,
        database: Database,
        paths: PathService,
        path_progress: PathProgressService,
        suggestions: PathSuggestionService,
        capacity: CapacityService,
        champions: ChampionService,
    ) -> None:
        self._db = database
        self._paths = paths
        self._progress = path_progress
        self._suggestions = suggestions
        self._capacity = capacity
        self._champions = champions

    def organisation_name(self) -> str:
        with self._db.reading() as session:
            return get_or_create_organisation(session).name

    def plans(
        self,
        *,
        person_ids: Sequence[int] | None = None,
        department_id: int | None = None,
        today: date | None = None,
        progress: Progress = no_progress,
    ) -> list[PersonPlan]:
        """The plans of these people, of everyone in a department, or (neither given) of
        every active person who follows a path; by department, then name.

        A clear error when the department or a person is unknown, or nobody follows a path.
        """
        followers = self._followers(person_ids, department_id)
        if not followers:
            raise self._nobody_follows(person_ids, department_id)
        people: dict[int, _Follower] = {}
        paths_of: dict[int, list[int]] = {}
        for follower in followers:
            people.setdefault(follower.person_id, follower)
            paths_of.setdefault(follower.person_id, []).append(follower.path_id)
        path_ids = sorted({f.path_id for f in followers})
        total = len(path_ids) + len(people)
        progress(0, total)
        modules = {m.key: m for m in self._paths.modules()}
        pace = self._capacity.hours_per_week()
        wanted = set(people)
        path_details: dict[int, PathDetails] = {}
        path_progress: dict[tuple[int, int], PersonProgress] = {}
        for n, path_id in enumerate(path_ids, start=1):
            path_details[path_id] = self._paths.path(path_id)
            for row in self._progress.progress(path_id):
                if row.person_id in wanted:
                    path_progress[(path_id, row.person_id)] = row
            progress(n, total)
        ratings = self._suggestions.latest_ratings(wanted)
        scale = {level.level: level.name for level in self._paths.skills.catalogue().scale}
        champions: dict[str | None, list[tuple[int, str]]] = {}
        for champion in self._champions.champions():
            champions.setdefault(champion.department, []).append(
                (champion.person_id, champion.display_name)
            )
        day = today or date.today()
        plans = []
        for n, person in enumerate(people.values(), start=len(path_ids) + 1):
            path_plans = [
                _path_plan(
                    path_details[p], path_progress[(p, person.person_id)], modules, pace, day
                )
                for p in paths_of[person.person_id]
                if (p, person.person_id) in path_progress
            ]
            path_plans.sort(key=lambda plan: (plan.starts_on, plan.name.casefold(), plan.path_id))
            latest = ratings.get(person.person_id)
            plans.append(
                PersonPlan(
                    person_id=person.person_id,
                    display_name=person.name,
                    employee_number=person.number,
                    department=person.department,
                    role=person.role,
                    track=person.track,
                    manager=person.manager,
                    champions=tuple(
                        name
                        for pid, name in champions.get(person.department, [])
                        if pid != person.person_id
                    ),
                    survey_name=latest.campaign_name if latest else None,
                    surveyed_on=latest.opened_on if latest else None,
                    gaps=_gaps(latest, scale),
                    paths=tuple(path_plans),
                )
            )
            if n % 50 == 0:
                progress(n, total)
        progress(total, total)
        return plans

    def people_following(self) -> int:
        """How many active people follow at least one path (who would get a plan)."""
        with self._db.reading() as session:
            return int(
                session.execute(
                    select(func.count(func.distinct(PathAssignment.employee_id)))
                    .join(Employee, Employee.id == PathAssignment.employee_id)
                    .where(Employee.status == EmployeeStatus.ACTIVE)
                ).scalar_one()
            )

    def follows_a_path(self, person_id: int) -> bool:
        with self._db.reading() as session:
            return (
                session.execute(
                    select(PathAssignment.id).where(PathAssignment.employee_id == person_id)
                ).first()
                is not None
            )

    # Finding people ------------------------------------------------------------------
    def department_named(self, name: str) -> int:
        """The id of the department called ``name`` (any case); a clear error if none."""
        wanted = name.strip().casefold()
        with self._db.reading() as session:
            rows = session.execute(select(Department.id, Department.name)).all()
        for department_id, department in rows:
            if department.casefold() == wanted:
                return int(department_id)
        names = ", ".join(sorted((str(r[1]) for r in rows), key=str.casefold))
        raise UserFacingError(
            _("There is no department called “{name}”. The departments are: {names}.").format(
                name=name.strip(), names=names or _("none yet")
            )
        )

    def person_called(self, text: str) -> int:
        """The id of the person with this id or employee number; a clear error if none."""
        wanted = text.strip()
        with self._db.reading() as session:
            found = session.execute(
                select(Employee.id).where(func.lower(Employee.employee_number) == wanted.lower())
            ).scalar_one_or_none()
            if found is None and wanted.isdigit():
                found = session.execute(
                    select(Employee.id).where(Employee.id == int(wanted))
                ).scalar_one_or_none()
        if found is None:
            raise UserFacingError(
                _(
                    "There is no person with the employee number or id “{text}” in this data "
                    "file. Check the number on the People page."
                ).format(text=wanted)
            )
        return int(found)

    # Helpers -------------------------------------------------------------------------
    def _followers(
        self, person_ids: Sequence[int] | None, department_id: int | None
    ) -> list[_Follower]:
        manager = aliased(Employee)
        conditions: list[ColumnElement[bool]] = []
        with self._db.reading() as session:
            if person_ids is not None:
                wanted = list(dict.fromkeys(person_ids))
                known = set(
                    session.execute(select(Employee.id).where(Employee.id.in_(wanted))).scalars()
                )
                if len(known) != len(wanted):
                    raise ValidationError(
                        _("That person no longer exists in this data file."), field="people"
                    )
                conditions.append(Employee.id.in_(wanted))
            else:
                conditions.append(Employee.status == EmployeeStatus.ACTIVE)
            if department_id is not None:
                if session.get(Department, department_id) is None:
                    raise ValidationError(
                        _("That department no longer exists in this data file."),
                        field="department",
                    )
                conditions.append(Employee.department_id == department_id)
            rows = session.execute(
                select(
                    PathAssignment.path_id,
                    Employee.id,
                    Employee.display_name,
                    Employee.employee_number,
                    Department.name,
                    Role.name,
                    Role.track,
                    manager.display_name,
                )
                .join(Employee, Employee.id == PathAssignment.employee_id)
                .outerjoin(Department, Department.id == Employee.department_id)
                .outerjoin(Role, Role.id == Employee.role_id)
                .outerjoin(manager, manager.id == Employee.manager_id)
                .where(*conditions)
            ).all()
        followers = [
            _Follower(
                path_id=path_id,
                person_id=person_id,
                name=name,
                number=number,
                department=department,
                role=role,
                track=(track or Track.CUSTOM).value,
                manager=manager_name,
            )
            for path_id, person_id, name, number, department, role, track, manager_name in rows
        ]
        followers.sort(
            key=lambda f: (
                f.department is None,
                (f.department or "").casefold(),
                f.name.casefold(),
                f.person_id,
            )
        )
        return followers

    def _nobody_follows(
        self, person_ids: Sequence[int] | None, department_id: int | None
    ) -> UserFacingError:
        if person_ids is not None and len(person_ids) == 1:
            with self._db.reading() as session:
                person = session.get(Employee, person_ids[0])
                name = person.display_name if person is not None else ""
            return UserFacingError(
                _(
                    "{name} does not follow a learning path yet, so there is no plan to print. "
                    "Assign a path first (Learning paths area)."
                ).format(name=name)
            )
        if department_id is not None:
            with self._db.reading() as session:
                department = session.get(Department, department_id)
                name = department.name if department is not None else ""
            return UserFacingError(
                _(
                    "Nobody in {department} follows a learning path yet. Assign a path first "
                    "(Learning paths area)."
                ).format(department=name)
            )
        return UserFacingError(
            _("Nobody follows a learning path yet. Assign a path first (Learning paths area).")
        )


def _gaps(latest: PersonSkills | None, scale: Mapping[int, str]) -> tuple[SkillGap, ...]:
    """The skills below target in the person's latest rated survey, the biggest gap first."""
    if latest is None:
        return ()
    gaps = [
        SkillGap(
            key=line.key,
            skill=line.name,
            level=line.agreed,
            level_name=scale.get(round(line.agreed), str(line.agreed)),
            target=line.target,
            target_name=scale.get(line.target, str(line.target)),
            gap=line.gap,
        )
        for line in latest.skills
        if line.agreed is not None and line.gap is not None and line.gap > 0
    ]
    gaps.sort(key=lambda g: (-g.gap, g.skill.casefold()))
    return tuple(gaps)


def _path_plan(
    details: PathDetails,
    row: PersonProgress,
    modules: Mapping[str, ModuleRow],
    pace: float,
    today: date,
) -> PathPlan:
    """One path of one person: the modules followed on their schedule, those skipped."""
    layout = details.layout
    followed: list[tuple[str, str, str]] = []
    covered: list[CoveredModule] = []
    for part in layout.stages:
        for key in part.modules:
            if row.statuses.get(key) == "skipped":
                reason = row.notes.get(key) or _("Not needed: already covered.")
                covered.append(CoveredModule(key, modules[key].title, reason))
            else:
                followed.append((key, part.stage, part.title))
    planned = schedule([(key, modules[key].hours) for key, _s, _t in followed], row.starts_on, pace)
    items = []
    for (key, stage, title), dates in zip(followed, planned, strict=True):
        module = modules[key]
        items.append(
            PlannedModule(
                key=key,
                title=module.title,
                stage=stage,
                stage_title=title,
                format=module.format,
                hours=module.hours,
                starts_on=dates.starts_on,
                ends_on=dates.ends_on,
                status=row.statuses.get(key, "not_started"),
                completed_on=row.completed_on.get(key),
                score=row.scores.get(key),
            )
        )
    done = sum(1 for m in items if m.status == "completed")
    hours = sum(m.hours for m in items)
    return PathPlan(
        path_id=details.id,
        name=layout.name,
        version=details.version,
        level=layout.level,
        starts_on=row.starts_on,
        due_on=row.due_on,
        hours_per_week=pace,
        modules=tuple(items),
        covered=tuple(covered),
        done=done,
        hours_done=sum(m.hours for m in items if m.status == "completed"),
        hours=hours,
        weeks=weeks_needed(hours, pace),
        finishes_on=planned[-1].ends_on if planned else None,
        overdue=row.due_on is not None and row.due_on < today and done < len(items),
    )
