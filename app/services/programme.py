"""The programme checklist on the Dashboard (DESIGN §1): each step's state, from real data."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import ColumnElement, func, select

from db.database import Database
from db.models import (
    Assessment,
    AssessmentStatus,
    Champion,
    ChampionActivity,
    Department,
    Employee,
    EmployeeStatus,
    LearningPath,
    MetricReading,
    Objective,
    PathAssignment,
    Pilot,
    Role,
    SkillRating,
)


class StepState(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"


@dataclass(frozen=True)
class ProgrammeStep:
    number: int
    title: str
    state: StepState
    summary: str
    next_action: str


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


class ProgrammeService:
    """Computes where the programme stands; nothing here is stored or faked."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def _count(self, model: type[object], *where: ColumnElement[bool]) -> int:
        statement = select(func.count()).select_from(model)
        if where:
            statement = statement.where(*where)
        with self._db.reading() as session:
            return int(session.execute(statement).scalar_one())

    def checklist(self) -> list[ProgrammeStep]:
        people = self._count(Employee, Employee.status == EmployeeStatus.ACTIVE)
        departments = self._count(Department)
        roles = self._count(Role)
        objectives = self._count(Objective)
        assessments_done = self._count(Assessment, Assessment.status == AssessmentStatus.COMPLETE)
        assessments = self._count(Assessment)
        ratings = self._count(SkillRating)
        paths = self._count(LearningPath)
        assignments = self._count(PathAssignment)
        pilots = self._count(Pilot)
        decided = self._count(Pilot, Pilot.decision.is_not(None))
        readings = self._count(MetricReading)
        champions = self._count(Champion)
        activities = self._count(ChampionActivity)

        def state(done: bool, started: bool) -> StepState:
            if done:
                return StepState.DONE
            return StepState.IN_PROGRESS if started else StepState.NOT_STARTED

        return [
            ProgrammeStep(
                0,
                "People",
                state(people > 0, departments > 0 or roles > 0),
                f"{_plural(people, 'person', 'people')} in {_plural(departments, 'department')} "
                f"and {_plural(roles, 'role')}"
                if people
                else "No one yet",
                "Import your HR export or add people" if not people else "Check roles and tracks",
            ),
            ProgrammeStep(
                1,
                "Objectives and success metrics",
                state(objectives > 0, False),
                _plural(objectives, "objective") if objectives else "Not started",
                "Write down the business outcomes the programme should move",
            ),
            ProgrammeStep(
                2,
                "Assessment",
                state(assessments_done > 0, assessments > 0 or ratings > 0),
                (
                    f"{_plural(assessments_done, 'completed assessment')}, "
                    f"{_plural(ratings, 'skill rating')}"
                )
                if assessments or ratings
                else "Not started",
                "Run the maturity assessment and the skills survey",
            ),
            ProgrammeStep(
                3,
                "Role paths",
                state(assignments > 0, paths > 0),
                f"{_plural(paths, 'path')}, {_plural(assignments, 'assignment')}"
                if paths
                else "Not started",
                "Build learning paths per role and assign them",
            ),
            ProgrammeStep(
                4,
                "Pilots",
                state(decided > 0, pilots > 0),
                f"{_plural(pilots, 'pilot')}, {decided} decided" if pilots else "Not started",
                "Run a pilot with early adopters",
            ),
            ProgrammeStep(
                5,
                "Measurement",
                state(False, readings > 0),
                _plural(readings, "measurement") if readings else "Not started",
                "Record adoption and productivity against the objectives",
            ),
            ProgrammeStep(
                6,
                "Culture and support",
                state(activities > 0, champions > 0),
                f"{_plural(champions, 'champion')}, {_plural(activities, 'activity', 'activities')}"
                if champions or activities
                else "Not started",
                "Name champions per department and plan support",
            ),
        ]
