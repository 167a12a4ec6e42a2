"""The programme checklist on the Dashboard (DESIGN §1): each step's state, from real data."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from app.i18n import _, ngettext
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


class ProgrammeService:
    """Computes where the programme stands; nothing here is stored or faked."""

    def __init__(self, database: Database) -> None:
        self._db = database

    @staticmethod
    def _count(session: Session, model: type[object], *where: ColumnElement[bool]) -> int:
        statement = select(func.count()).select_from(model)
        if where:
            statement = statement.where(*where)
        return int(session.execute(statement).scalar_one())

    def checklist(self) -> list[ProgrammeStep]:
        with self._db.reading() as session:
            return self._checklist(session)

    def _checklist(self, session: Session) -> list[ProgrammeStep]:
        people = self._count(session, Employee, Employee.status == EmployeeStatus.ACTIVE)
        departments = self._count(session, Department)
        roles = self._count(session, Role)
        objectives = self._count(session, Objective)
        assessments_done = self._count(
            session, Assessment, Assessment.status == AssessmentStatus.COMPLETE
        )
        assessments = self._count(session, Assessment)
        ratings = self._count(session, SkillRating)
        paths = self._count(session, LearningPath, LearningPath.retired_on.is_(None))
        assignments = self._count(session, PathAssignment)
        pilots = self._count(session, Pilot)
        decided = self._count(session, Pilot, Pilot.decision.is_not(None))
        readings = self._count(session, MetricReading)
        champions = self._count(session, Champion)
        activities = self._count(session, ChampionActivity)

        def state(done: bool, started: bool) -> StepState:
            if done:
                return StepState.DONE
            return StepState.IN_PROGRESS if started else StepState.NOT_STARTED

        not_started = _("Not started")
        return [
            ProgrammeStep(
                0,
                _("People"),
                state(people > 0, departments > 0 or roles > 0),
                _("{people} in {departments} and {roles}").format(
                    people=ngettext("{n:,} person", "{n:,} people", people).format(n=people),
                    departments=ngettext(
                        "{n:,} department", "{n:,} departments", departments
                    ).format(n=departments),
                    roles=ngettext("{n:,} role", "{n:,} roles", roles).format(n=roles),
                )
                if people
                else _("No one yet"),
                _("Import your HR export or add people")
                if not people
                else _("Check roles and tracks"),
            ),
            ProgrammeStep(
                1,
                _("Objectives and success metrics"),
                state(objectives > 0, False),
                ngettext("{n:,} objective", "{n:,} objectives", objectives).format(n=objectives)
                if objectives
                else not_started,
                _("Write down the business outcomes the programme should move"),
            ),
            ProgrammeStep(
                2,
                _("Assessment"),
                # Step 2 is both the maturity assessment and the skills survey.
                state(assessments_done > 0 and ratings > 0, assessments > 0 or ratings > 0),
                # Translators: two counts side by side, e.g. "3 paths, 12 assignments".
                _("{assessments}, {ratings}").format(
                    assessments=ngettext(
                        "{n:,} completed assessment",
                        "{n:,} completed assessments",
                        assessments_done,
                    ).format(n=assessments_done),
                    ratings=ngettext("{n:,} skill rating", "{n:,} skill ratings", ratings).format(
                        n=ratings
                    ),
                )
                if assessments or ratings
                else not_started,
                _("Run the maturity assessment and the skills survey"),
            ),
            ProgrammeStep(
                3,
                _("Role paths"),
                state(assignments > 0, paths > 0),
                # Translators: two counts side by side, e.g. "3 paths, 12 assignments".
                _("{paths}, {assignments}").format(
                    paths=ngettext("{n:,} path", "{n:,} paths", paths).format(n=paths),
                    assignments=ngettext(
                        "{n:,} assignment", "{n:,} assignments", assignments
                    ).format(n=assignments),
                )
                if paths
                else not_started,
                _("Build learning paths per role and assign them"),
            ),
            ProgrammeStep(
                4,
                _("Pilots"),
                state(decided > 0, pilots > 0),
                _("{pilots}, {decided} decided").format(
                    pilots=ngettext("{n:,} pilot", "{n:,} pilots", pilots).format(n=pilots),
                    decided=decided,
                )
                if pilots
                else not_started,
                _("Run a pilot with early adopters"),
            ),
            ProgrammeStep(
                5,
                _("Measurement"),
                state(False, readings > 0),
                ngettext("{n:,} measurement", "{n:,} measurements", readings).format(n=readings)
                if readings
                else not_started,
                _("Record adoption and productivity against the objectives"),
            ),
            ProgrammeStep(
                6,
                _("Culture and support"),
                state(activities > 0, champions > 0),
                # Translators: two counts side by side, e.g. "3 paths, 12 assignments".
                _("{champions}, {activities}").format(
                    champions=ngettext("{n:,} champion", "{n:,} champions", champions).format(
                        n=champions
                    ),
                    activities=ngettext("{n:,} activity", "{n:,} activities", activities).format(
                        n=activities
                    ),
                )
                if champions or activities
                else not_started,
                _("Name champions per department and plan support"),
            ),
        ]
