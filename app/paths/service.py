"""Role paths in the data file: the module library, paths in stages, versions, assignments.

The built-in module library (``resources/paths``) is copied into the data file on first
use, like the skills catalogue; modules made here sit beside it (``custom``). A path is a
track and level with three stages (crawl, walk, run) of modules in order. Editing a path
that people follow saves a new version: either everyone moves to it (the old version is
retired, their progress kept for the modules both share) or they stay on the old one.
A prerequisite cycle can never be saved, in a module or in a path.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.events import ChangeBus, Topic
from app.i18n import _
from app.paths.content import FORMATS, LEVELS, STAGES, ModuleLibrary
from app.paths.prerequisites import find_cycle
from app.skills.service import SkillsService
from app.validation import clean_text
from db.database import Database
from db.models import (
    Employee,
    EmployeeStatus,
    LearningModule,
    LearningPath,
    ModuleFormat,
    ModulePrerequisite,
    ModuleProgress,
    ModuleSkill,
    PathAssignment,
    PathLevel,
    PathStage,
    ProgressStatus,
    Skill,
    Stage,
    StageModule,
    Track,
)

MAX_MODULE_HOURS = 200.0
"""The longest module accepted: anything longer is a programme, not a module."""


@dataclass(frozen=True)
class ModuleRow:
    id: int
    key: str
    title: str
    description: str
    format: str
    hours: float
    level: str
    raises: dict[str, int]
    prerequisites: tuple[str, ...]
    provider: str | None
    link: str | None
    cost: float | None
    custom: bool
    """Made in this data file, not from the built-in library."""


@dataclass(frozen=True)
class ModuleInput:
    title: str
    description: str
    format: str
    hours: float
    level: str
    raises: Mapping[str, int]
    prerequisites: tuple[str, ...] = ()
    provider: str | None = None
    link: str | None = None
    cost: float | None = None


@dataclass(frozen=True)
class StageLayout:
    stage: str
    """One of crawl, walk, run."""
    title: str
    modules: tuple[str, ...]
    """Module keys in order."""


@dataclass(frozen=True)
class PathLayout:
    """What the path editor saves."""

    name: str
    track: str
    level: str
    description: str
    stages: tuple[StageLayout, ...]

    def module_keys(self) -> list[str]:
        return [key for stage in self.stages for key in stage.modules]


@dataclass(frozen=True)
class PathDetails:
    id: int
    layout: PathLayout
    version: int
    template_key: str | None
    copied_from_id: int | None
    retired_on: date | None
    people: int
    """People assigned to this version."""


@dataclass(frozen=True)
class PathRow:
    id: int
    name: str
    track: str
    level: str
    version: int
    modules: int
    hours: float
    people: int
    retired: bool


class PathService:
    def __init__(self, database: Database, changes: ChangeBus, skills: SkillsService) -> None:
        self._db = database
        self._changes = changes
        self._skills = skills
        self._library: ModuleLibrary | None = None
        self._synced = False

    @property
    def skills(self) -> SkillsService:
        """The skills catalogue and role targets the paths are measured against."""
        return self._skills

    # The module library --------------------------------------------------------------
    def library(self) -> ModuleLibrary:
        """The built-in library (modules and path templates) as shipped."""
        if self._library is None:
            from app.paths.content_loading import builtin_library

            self._library = builtin_library()
        return self._library

    def _module_ids(self, session: Session) -> dict[str, int]:
        """Module key -> row id, adding the built-in library's modules the first time."""
        found: dict[str, int] = {
            key: i for key, i in session.execute(select(LearningModule.key, LearningModule.id))
        }
        if self._synced:
            return found
        library = self.library()
        missing = [m for m in library.modules if m.key not in found]
        if missing:
            self._skills.catalogue()
            skill_ids = self._skills.skill_ids(session)
            for module in missing:
                row = LearningModule(
                    key=module.key,
                    title=module.title,
                    description=module.description,
                    hours=module.hours,
                    format=ModuleFormat(module.format),
                    level=PathLevel(module.level),
                    provider=module.provider,
                    link=module.link,
                    cost=module.cost,
                    library_version=library.version,
                )
                session.add(row)
                session.flush()
                found[module.key] = row.id
                session.add_all(
                    ModuleSkill(module_id=row.id, skill_id=skill_ids[skill], raises_to=level)
                    for skill, level in module.raises.items()
                )
            for module in missing:
                session.add_all(
                    ModulePrerequisite(module_id=found[module.key], prerequisite_id=found[p])
                    for p in module.prerequisites
                )
            session.flush()
        self._synced = True
        return found

    def modules(self) -> list[ModuleRow]:
        """Every module, built-in and custom, by level then title."""
        with self._db.transaction() as session:
            self._module_ids(session)
            return self._module_rows(session)

    def _module_rows(self, session: Session) -> list[ModuleRow]:
        keys: dict[int, str] = {
            i: key for key, i in session.execute(select(LearningModule.key, LearningModule.id))
        }
        raises: dict[int, dict[str, int]] = {}
        for module_id, skill, level in session.execute(
            select(ModuleSkill.module_id, Skill.key, ModuleSkill.raises_to).join(
                Skill, Skill.id == ModuleSkill.skill_id
            )
        ):
            raises.setdefault(module_id, {})[skill] = level
        prerequisites: dict[int, list[str]] = {}
        for module_id, prerequisite_id in session.execute(
            select(ModulePrerequisite.module_id, ModulePrerequisite.prerequisite_id).order_by(
                ModulePrerequisite.id
            )
        ):
            prerequisites.setdefault(module_id, []).append(keys[prerequisite_id])
        order = {level: i for i, level in enumerate(LEVELS)}
        rows = [
            ModuleRow(
                id=m.id,
                key=m.key,
                title=m.title,
                description=m.description or "",
                format=m.format.value,
                hours=m.hours,
                level=m.level.value,
                raises=raises.get(m.id, {}),
                prerequisites=tuple(prerequisites.get(m.id, ())),
                provider=m.provider,
                link=m.link,
                cost=m.cost,
                custom=m.library_version is None,
            )
            for m in session.execute(select(LearningModule)).scalars()
        ]
        rows.sort(key=lambda r: (order.get(r.level, len(order)), r.title.casefold()))
        return rows

    def prerequisites(self) -> dict[str, tuple[str, ...]]:
        """Module key -> the keys of its prerequisites, for every module."""
        return {row.key: row.prerequisites for row in self.modules()}

    def save_module(self, module: ModuleInput, module_id: int | None = None) -> int:
        """Add a custom module (``module_id`` None) or change one; a cycle is refused."""
        title = clean_text(module.title)
        if not title:
            raise ValidationError(_("Give the module a title."), field="title")
        if module.format not in FORMATS:
            raise ValidationError(_("Choose how the module is delivered."), field="format")
        if module.level not in LEVELS:
            raise ValidationError(_("Choose the module's level."), field="level")
        if not 0 < module.hours <= MAX_MODULE_HOURS:
            raise ValidationError(
                _("A module takes more than 0 and at most {hours:g} hours.").format(
                    hours=MAX_MODULE_HOURS
                ),
                field="hours",
            )
        if module.cost is not None and module.cost < 0:
            raise ValidationError(_("A cost cannot be negative."), field="cost")
        if any(not 1 <= level <= 4 for level in module.raises.values()):
            raise ValidationError(
                _("A module raises a skill to a level from 1 to 4."), field="raises"
            )
        with self._db.transaction() as session:
            ids = self._module_ids(session)
            skill_ids = self._skills.skill_ids(session)
            unknown = [s for s in module.raises if s not in skill_ids]
            if unknown:
                raise ValidationError(
                    _("That skill is not in the skills catalogue."), field="raises"
                )
            row = session.get(LearningModule, module_id) if module_id is not None else None
            if module_id is not None and row is None:
                raise ValidationError(_("That module no longer exists in this data file."))
            key = row.key if row is not None else self._new_key(title, ids)
            for prerequisite in module.prerequisites:
                if prerequisite not in ids:
                    raise ValidationError(
                        _("A prerequisite of this module no longer exists."),
                        field="prerequisites",
                    )
            graph = {r.key: r.prerequisites for r in self._module_rows(session)}
            graph[key] = tuple(module.prerequisites)
            cycle = find_cycle(graph)
            if cycle is not None:
                titles = self._titles(session)
                raise ValidationError(
                    _(
                        "These prerequisites would go round in a circle: {cycle}. "
                        "Remove one of them."
                    ).format(cycle=" → ".join(titles.get(k, title) for k in cycle)),
                    field="prerequisites",
                )
            if row is None:
                row = LearningModule(key=key, title=title, library_version=None)
                session.add(row)
            row.title = title
            row.description = module.description.strip() or None
            row.format = ModuleFormat(module.format)
            row.level = PathLevel(module.level)
            row.hours = float(module.hours)
            row.provider = clean_text(module.provider or "") or None
            row.link = clean_text(module.link or "") or None
            row.cost = module.cost
            session.flush()
            session.execute(delete(ModuleSkill).where(ModuleSkill.module_id == row.id))
            session.execute(
                delete(ModulePrerequisite).where(ModulePrerequisite.module_id == row.id)
            )
            session.add_all(
                ModuleSkill(module_id=row.id, skill_id=skill_ids[s], raises_to=level)
                for s, level in module.raises.items()
            )
            session.add_all(
                ModulePrerequisite(module_id=row.id, prerequisite_id=ids[p])
                for p in dict.fromkeys(module.prerequisites)
            )
            saved = row.id
        self._changes.publish(Topic.PATHS, ids=frozenset({saved}))
        return saved

    @staticmethod
    def _new_key(title: str, taken: Mapping[str, int]) -> str:
        base = "custom_" + (
            "_".join("".join(c for c in word if c.isalnum()) for word in title.lower().split())
            or "module"
        )
        key, n = base[:90], 2
        while key in taken:
            key, n = f"{base[:90]}_{n}", n + 1
        return key

    @staticmethod
    def _titles(session: Session) -> dict[str, str]:
        return {
            key: title
            for key, title in session.execute(select(LearningModule.key, LearningModule.title))
        }

    # Paths ---------------------------------------------------------------------------
    def paths(self, *, include_retired: bool = False) -> list[PathRow]:
        with self._db.reading() as session:
            people: dict[int, int] = {
                path_id: int(n)
                for path_id, n in session.execute(
                    select(PathAssignment.path_id, func.count()).group_by(PathAssignment.path_id)
                )
            }
            totals: dict[int, tuple[int, float]] = {
                path_id: (int(n), float(hours or 0))
                for path_id, n, hours in session.execute(
                    select(PathStage.path_id, func.count(), func.sum(LearningModule.hours))
                    .join(StageModule, StageModule.stage_id == PathStage.id)
                    .join(LearningModule, LearningModule.id == StageModule.module_id)
                    .group_by(PathStage.path_id)
                )
            }
            query = select(LearningPath).order_by(LearningPath.name, LearningPath.version)
            if not include_retired:
                query = query.where(LearningPath.retired_on.is_(None))
            return [
                PathRow(
                    id=p.id,
                    name=p.name,
                    track=p.track.value,
                    level=p.level.value,
                    version=p.version,
                    modules=totals.get(p.id, (0, 0.0))[0],
                    hours=totals.get(p.id, (0, 0.0))[1],
                    people=people.get(p.id, 0),
                    retired=p.retired_on is not None,
                )
                for p in session.execute(query).scalars()
            ]

    def path(self, path_id: int) -> PathDetails:
        with self._db.reading() as session:
            path = self._path_row(session, path_id)
            stages = self._stages(session, path_id)
            people = session.execute(
                select(func.count()).where(PathAssignment.path_id == path_id)
            ).scalar_one()
            return PathDetails(
                id=path.id,
                layout=PathLayout(
                    name=path.name,
                    track=path.track.value,
                    level=path.level.value,
                    description=path.description or "",
                    stages=tuple(stages),
                ),
                version=path.version,
                template_key=path.template_key,
                copied_from_id=path.copied_from_id,
                retired_on=path.retired_on,
                people=int(people),
            )

    def create_path(self, layout: PathLayout, *, template_key: str | None = None) -> int:
        with self._db.transaction() as session:
            ids = self._check_layout(session, layout)
            path = LearningPath(template_key=template_key, version=1)
            session.add(path)
            self._write_layout(session, path, layout, ids)
            new_id = path.id
        self._changes.publish(Topic.PATHS, ids=frozenset({new_id}))
        return new_id

    def create_from_template(self, template_key: str, name: str | None = None) -> int:
        """A new path copied from a built-in template (its name made unique if needed)."""
        template = self.library().template(template_key)
        taken = {p.name.casefold() for p in self.paths(include_retired=True)}
        wanted = clean_text(name or "") or template.name
        unique, n = wanted, 2
        while unique.casefold() in taken:
            unique, n = f"{wanted} ({n})", n + 1
        layout = PathLayout(
            name=unique,
            track=template.track,
            level=template.level,
            description=template.description,
            stages=tuple(StageLayout(s.stage, s.title, s.modules) for s in template.stages),
        )
        return self.create_path(layout, template_key=template.key)

    def save_path(self, path_id: int, layout: PathLayout, *, move_people: bool = True) -> int:
        """Save an edited path; returns the id of the version saved.

        A path nobody follows is changed in place. A path people follow is saved as a new
        version: with ``move_people`` they move to it (the old version is retired, progress
        kept for the modules both versions share); without, they stay on the old one.
        """
        with self._db.transaction() as session:
            path = self._path_row(session, path_id)
            ids = self._check_layout(session, layout)
            followers = list(
                session.execute(
                    select(PathAssignment).where(PathAssignment.path_id == path_id)
                ).scalars()
            )
            if not followers:
                session.execute(delete(PathStage).where(PathStage.path_id == path_id))
                session.flush()
                self._write_layout(session, path, layout, ids)
                saved = path.id
            else:
                newest = session.execute(
                    select(func.max(LearningPath.version)).where(
                        (LearningPath.id == path_id) | (LearningPath.copied_from_id == path_id)
                    )
                ).scalar_one()
                version = LearningPath(
                    template_key=path.template_key,
                    version=int(newest or path.version) + 1,
                    copied_from_id=path.id,
                )
                session.add(version)
                self._write_layout(session, version, layout, ids)
                saved = version.id
                if move_people:
                    kept = set(ids[k] for k in layout.module_keys())
                    for assignment in followers:
                        assignment.path_id = saved
                        session.execute(
                            delete(ModuleProgress).where(
                                ModuleProgress.assignment_id == assignment.id,
                                ModuleProgress.module_id.not_in(kept),
                            )
                        )
                    path.retired_on = date.today()
        self._changes.publish(Topic.PATHS, ids=frozenset({path_id, saved}))
        return saved

    def delete_path(self, path_id: int) -> None:
        """Delete a path version with its assignments and their progress."""
        with self._db.transaction() as session:
            session.delete(self._path_row(session, path_id))
        self._changes.publish(Topic.PATHS, ids=frozenset({path_id}))

    # Assignments ---------------------------------------------------------------------
    def assign(
        self,
        path_id: int,
        person_ids: Iterable[int],
        *,
        starts_on: date,
        due_on: date | None = None,
        reason: str | None = None,
        skips: Mapping[int, Mapping[str, str]] | None = None,
    ) -> list[int]:
        """Assign the path to these people (active ones); returns the ids new to it.

        ``skips`` (person id -> module key -> the reason) marks modules of the path those
        people do not need as skipped, in the same transaction (see ``app.paths.suggestions``).
        """
        if due_on is not None and due_on < starts_on:
            raise ValidationError(_("The due date comes before the start."), field="due_on")
        wanted = list(dict.fromkeys(person_ids))
        if not wanted:
            raise ValidationError(_("Choose who follows the path."), field="people")
        with self._db.transaction() as session:
            path = self._path_row(session, path_id)
            if path.retired_on is not None:
                raise ValidationError(
                    _("This version of the path was replaced; assign the newest one.")
                )
            active = set(
                session.execute(
                    select(Employee.id).where(
                        Employee.id.in_(wanted), Employee.status == EmployeeStatus.ACTIVE
                    )
                ).scalars()
            )
            following = set(
                session.execute(
                    select(PathAssignment.employee_id).where(
                        PathAssignment.path_id == path_id, PathAssignment.employee_id.in_(wanted)
                    )
                ).scalars()
            )
            new = [p for p in wanted if p in active and p not in following]
            if new:
                self._add_assignments(session, path_id, new, starts_on, due_on, reason, skips or {})
        self._changes.publish(Topic.PATHS, ids=frozenset({path_id}))
        return new

    def _add_assignments(
        self,
        session: Session,
        path_id: int,
        people: Sequence[int],
        starts_on: date,
        due_on: date | None,
        reason: str | None,
        skips: Mapping[int, Mapping[str, str]],
    ) -> None:
        """The assignments and their skipped modules in two bulk inserts."""
        why = clean_text(reason or "") or None
        assignment_ids = (
            session.execute(
                insert(PathAssignment).returning(PathAssignment.id, sort_by_parameter_order=True),
                [
                    {
                        "path_id": path_id,
                        "employee_id": person,
                        "assigned_on": starts_on,
                        "due_on": due_on,
                        "reason": why,
                    }
                    for person in people
                ],
            )
            .scalars()
            .all()
        )
        in_path = set(self._layout_keys(session, path_id))
        ids = self._module_ids(session)
        skipped = [
            {
                "assignment_id": assignment_id,
                "module_id": ids[key],
                "status": ProgressStatus.SKIPPED,
                "note": (clean_text(note) or "")[:300] or None,
            }
            for person, assignment_id in zip(people, assignment_ids, strict=True)
            for key, note in skips.get(person, {}).items()
            if key in in_path
        ]
        if skipped:
            session.execute(insert(ModuleProgress), skipped)

    def rename_path(self, path_id: int, name: str) -> None:
        """Rename a path version in place: a name is not content, so no new version."""
        cleaned = clean_text(name)
        if not cleaned:
            raise ValidationError(_("Give the path a name."), field="name")
        with self._db.transaction() as session:
            self._path_row(session, path_id).name = cleaned
        self._changes.publish(Topic.PATHS, ids=frozenset({path_id}))

    def people_on(self, path_id: int) -> list[int]:
        """The ids of the people assigned to this path version."""
        with self._db.reading() as session:
            return list(
                session.execute(
                    select(PathAssignment.employee_id)
                    .where(PathAssignment.path_id == path_id)
                    .order_by(PathAssignment.employee_id)
                ).scalars()
            )

    # Helpers -------------------------------------------------------------------------
    @staticmethod
    def _stages(session: Session, path_id: int) -> list[StageLayout]:
        stages = []
        for stage in session.execute(
            select(PathStage).where(PathStage.path_id == path_id).order_by(PathStage.position)
        ).scalars():
            keys = session.execute(
                select(LearningModule.key)
                .join(StageModule, StageModule.module_id == LearningModule.id)
                .where(StageModule.stage_id == stage.id)
                .order_by(StageModule.position)
            ).scalars()
            stages.append(StageLayout(stage.stage.value, stage.title or "", tuple(keys)))
        return stages

    @classmethod
    def _layout_keys(cls, session: Session, path_id: int) -> list[str]:
        return [key for stage in cls._stages(session, path_id) for key in stage.modules]

    @staticmethod
    def _path_row(session: Session, path_id: int) -> LearningPath:
        path = session.get(LearningPath, path_id)
        if path is None:
            raise ValidationError(_("That path no longer exists in this data file."))
        return path

    def _check_layout(self, session: Session, layout: PathLayout) -> dict[str, int]:
        if not clean_text(layout.name):
            raise ValidationError(_("Give the path a name."), field="name")
        if layout.track not in {t.value for t in Track}:
            raise ValidationError(_("Choose the path's track."), field="track")
        if layout.level not in LEVELS:
            raise ValidationError(_("Choose the path's level."), field="level")
        if tuple(s.stage for s in layout.stages) != STAGES:
            raise ValidationError(_("A path has the stages crawl, walk and run, in that order."))
        ids = self._module_ids(session)
        keys = layout.module_keys()
        if any(k not in ids for k in keys):
            raise ValidationError(_("A module of this path no longer exists."), field="modules")
        if len(set(keys)) != len(keys):
            raise ValidationError(_("A module appears twice in this path."), field="modules")
        graph = {r.key: r.prerequisites for r in self._module_rows(session)}
        cycle = find_cycle({k: graph.get(k, ()) for k in graph})
        if cycle is not None and set(cycle) & set(keys):
            titles = self._titles(session)
            raise ValidationError(
                _(
                    "The prerequisites of these modules go round in a circle: {cycle}. "
                    "Change one module's prerequisites, then save."
                ).format(cycle=" → ".join(titles.get(k, k) for k in cycle)),
                field="modules",
            )
        return ids

    @staticmethod
    def _write_layout(
        session: Session, path: LearningPath, layout: PathLayout, ids: Mapping[str, int]
    ) -> None:
        path.name = clean_text(layout.name) or ""
        path.track = Track(layout.track)
        path.level = PathLevel(layout.level)
        path.description = layout.description.strip() or None
        session.flush()
        for position, stage in enumerate(layout.stages):
            row = PathStage(
                path_id=path.id,
                stage=Stage(stage.stage),
                title=clean_text(stage.title) or None,
                position=position,
            )
            session.add(row)
            session.flush()
            session.add_all(
                StageModule(stage_id=row.id, module_id=ids[key], position=n)
                for n, key in enumerate(stage.modules)
            )
