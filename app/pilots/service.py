"""Pilots in the data file: what each tries, its success criteria, its cohort, the decision.

A pilot is planned (criteria can still change), running, evaluating (it has ended) and
decided. Choosing the cohort enrols the people on the pilot's learning paths, trimmed to
their gaps like any assignment. What is measured during the pilot is in
``app.pilots.tracking``; the results in ``outcome()`` come from ``app.pilots.analysis``.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.events import ChangeBus, Topic
from app.i18n import _
from app.paths.progress import PathProgressService
from app.paths.suggestions import PathSuggestionService
from app.pilots.candidates import read_candidates
from app.pilots.cohort import Candidate, Cohort, suggest_cohort
from app.pilots.criteria import Criterion, validate_criterion
from app.pilots.records import (
    DECISIONS,
    STATUSES,
    Decision,
    ParticipantRow,
    PilotDetails,
    PilotInput,
    PilotRow,
)
from app.validation import clean_text
from db.database import Database
from db.models import (
    CandidateRating,
    Department,
    Employee,
    LearningPath,
    Objective,
    Pilot,
    PilotCheckIn,
    PilotCriterion,
    PilotDecision,
    PilotMeasure,
    PilotParticipant,
    PilotStatus,
    Role,
    pilot_objective,
    pilot_path,
)

MAX_TOOLS = 12


@dataclass(frozen=True)
class CohortPick:
    """A person to enrol, with the scores they were chosen on and why."""

    person_id: int
    reason: str
    enthusiasm: float | None = None
    influence: float | None = None


class PilotService:
    def __init__(
        self,
        database: Database,
        changes: ChangeBus,
        suggestions: PathSuggestionService,
        path_progress: PathProgressService,
    ) -> None:
        self._db = database
        self._changes = changes
        self._suggestions = suggestions
        self._progress = path_progress

    # -- reading ---------------------------------------------------------------------------

    def pilots(self) -> list[PilotRow]:
        with self._db.reading() as session:
            participants = dict(
                session.execute(
                    select(PilotParticipant.pilot_id, func.count()).group_by(
                        PilotParticipant.pilot_id
                    )
                ).all()
            )
            criteria = dict(
                session.execute(
                    select(PilotCriterion.pilot_id, func.count()).group_by(PilotCriterion.pilot_id)
                ).all()
            )
            pilots = session.execute(
                select(Pilot).order_by(Pilot.starts_on.desc().nulls_first(), Pilot.name)
            ).scalars()
            return [
                PilotRow(
                    id=pilot.id,
                    name=pilot.name,
                    status=pilot.status.value,
                    starts_on=pilot.starts_on,
                    ends_on=pilot.ends_on,
                    participants=participants.get(pilot.id, 0),
                    decision=pilot.decision.value if pilot.decision else None,
                    criteria=criteria.get(pilot.id, 0),
                )
                for pilot in pilots
            ]

    def pilot(self, pilot_id: int) -> PilotDetails:
        with self._db.reading() as session:
            return self._details(session, self._get(session, pilot_id))

    def participants(self, pilot_id: int) -> list[ParticipantRow]:
        """The cohort by department then name, with their progress on the pilot's paths."""
        details = self.pilot(pilot_id)
        done: dict[int, int] = {}
        modules: dict[int, int] = {}
        paths: dict[int, int] = {}
        with self._db.reading() as session:
            cohort = session.scalars(
                select(PilotParticipant.employee_id).where(PilotParticipant.pilot_id == pilot_id)
            ).all()
        for path_id in details.path_ids:
            for person in self._progress.progress(path_id, cohort):
                done[person.person_id] = done.get(person.person_id, 0) + person.done
                modules[person.person_id] = modules.get(person.person_id, 0) + person.modules
                paths[person.person_id] = paths.get(person.person_id, 0) + 1
        with self._db.reading() as session:
            check_ins = dict(
                session.execute(
                    select(PilotCheckIn.participant_id, func.count())
                    .join(PilotParticipant, PilotParticipant.id == PilotCheckIn.participant_id)
                    .where(PilotParticipant.pilot_id == pilot_id)
                    .group_by(PilotCheckIn.participant_id)
                ).all()
            )
            rows = session.execute(
                select(PilotParticipant, Employee.display_name, Department.name, Role.name)
                .join(Employee, Employee.id == PilotParticipant.employee_id)
                .outerjoin(Department, Department.id == Employee.department_id)
                .outerjoin(Role, Role.id == Employee.role_id)
                .where(PilotParticipant.pilot_id == pilot_id)
            ).all()
            result = [
                ParticipantRow(
                    id=participant.id,
                    person_id=participant.employee_id,
                    display_name=name,
                    department=department or _("No department"),
                    role=role,
                    enthusiasm=participant.enthusiasm,
                    influence=participant.influence,
                    reason=participant.reason or "",
                    enrolled_on=participant.enrolled_on,
                    modules_done=done.get(participant.employee_id, 0),
                    modules=modules.get(participant.employee_id, 0),
                    paths=paths.get(participant.employee_id, 0),
                    check_ins=check_ins.get(participant.id, 0),
                )
                for participant, name, department, role in rows
            ]
        return sorted(result, key=lambda row: (row.department.casefold(), row.display_name))

    def candidates(self, department_ids: Collection[int] | None = None) -> list[Candidate]:
        """Everyone active who could join a pilot, with enthusiasm and influence."""
        with self._db.reading() as session:
            return read_candidates(session, department_ids=department_ids)

    def suggest(
        self,
        size: int,
        *,
        department_ids: Collection[int] | None = None,
        max_share: float = 0.4,
        keep: Collection[int] = (),
    ) -> Cohort:
        """A suggested cohort of ``size`` from the departments chosen (all when None)."""
        candidates = self.candidates(department_ids)
        departments = None
        if department_ids is not None:
            with self._db.reading() as session:
                departments = list(
                    session.execute(
                        select(Department.name).where(Department.id.in_(list(department_ids)))
                    ).scalars()
                )
        return suggest_cohort(
            candidates, size, departments=departments, max_share=max_share, keep=keep
        )

    # -- writing ---------------------------------------------------------------------------

    def save_pilot(self, values: PilotInput, pilot_id: int | None = None) -> int:
        name = clean_text(values.name)
        if not name:
            raise ValidationError(_("Give the pilot a name."), field="name")
        if values.starts_on and values.ends_on and values.ends_on <= values.starts_on:
            raise ValidationError(_("The pilot must end after it starts."), field="ends_on")
        for criterion in values.criteria:
            validate_criterion(criterion.measure, criterion.threshold, criterion.after_weeks)
        measures = [criterion.measure for criterion in values.criteria]
        if len(set(measures)) != len(measures):
            raise ValidationError(
                _("Each measure can have one success criterion; remove the repeated one."),
                field="criteria",
            )
        if values.target_population is not None and values.target_population < 1:
            raise ValidationError(
                _("The number of people who would follow must be at least 1."),
                field="target_population",
            )
        tools = [tool for tool in (clean_text(t) for t in values.tools) if tool]
        if len(tools) > MAX_TOOLS:
            raise ValidationError(_("List at most {n} tools.").format(n=MAX_TOOLS), field="tools")
        with self._db.transaction() as session:
            clash = session.execute(
                select(Pilot.id).where(func.lower(Pilot.name) == name.lower())
            ).scalar()
            if clash is not None and clash != pilot_id:
                raise ValidationError(
                    _("A pilot called “{name}” already exists.").format(name=name), field="name"
                )
            if pilot_id is None:
                pilot = Pilot(name=name)
                session.add(pilot)
                session.flush()
            else:
                pilot = self._get(session, pilot_id)
                if pilot.status is not PilotStatus.PLANNED and self._criteria(
                    session, pilot.id
                ) != tuple(values.criteria):
                    raise ValidationError(
                        _(
                            "The success criteria were agreed before the pilot started and "
                            "cannot change now. Record what you learnt in the decision instead."
                        ),
                        field="criteria",
                    )
            pilot.name = name
            pilot.purpose = (values.purpose or "").strip() or None
            pilot.starts_on = values.starts_on
            pilot.ends_on = values.ends_on
            pilot.tools = "\n".join(tools) or None
            pilot.target_population = values.target_population
            self._check_exist(session, Objective, values.objective_ids, _("objective"))
            self._check_exist(session, LearningPath, values.path_ids, _("learning path"))
            session.execute(delete(pilot_objective).where(pilot_objective.c.pilot_id == pilot.id))
            session.execute(delete(pilot_path).where(pilot_path.c.pilot_id == pilot.id))
            if values.objective_ids:
                session.execute(
                    insert(pilot_objective),
                    [
                        {"pilot_id": pilot.id, "objective_id": objective_id}
                        for objective_id in dict.fromkeys(values.objective_ids)
                    ],
                )
            if values.path_ids:
                session.execute(
                    insert(pilot_path),
                    [
                        {"pilot_id": pilot.id, "path_id": path_id}
                        for path_id in dict.fromkeys(values.path_ids)
                    ],
                )
            if pilot.status is PilotStatus.PLANNED:
                session.execute(delete(PilotCriterion).where(PilotCriterion.pilot_id == pilot.id))
                for position, criterion in enumerate(values.criteria):
                    session.add(
                        PilotCriterion(
                            pilot_id=pilot.id,
                            position=position,
                            measure=PilotMeasure(criterion.measure),
                            threshold=criterion.threshold,
                            after_weeks=criterion.after_weeks,
                        )
                    )
            saved = pilot.id
        self._changes.publish(Topic.PILOTS, ids=frozenset({saved}))
        return saved

    def delete_pilot(self, pilot_id: int) -> None:
        with self._db.transaction() as session:
            session.delete(self._get(session, pilot_id))
        self._changes.publish(Topic.PILOTS, ids=frozenset({pilot_id}))

    def set_status(self, pilot_id: int, status: str) -> None:
        if status not in STATUSES:
            raise ValidationError(
                _("Choose planned, running, evaluating or decided."), field="status"
            )
        with self._db.transaction() as session:
            pilot = self._get(session, pilot_id)
            if status == "decided" and pilot.decision is None:
                raise ValidationError(
                    _("Record the decision first: scale up, adjust or stop."), field="status"
                )
            if status == "running" and pilot.starts_on is None:
                pilot.starts_on = date.today()
            pilot.status = PilotStatus(status)
        self._changes.publish(Topic.PILOTS, ids=frozenset({pilot_id}))

    def set_cohort(
        self, pilot_id: int, picks: Sequence[CohortPick], *, enrolled_on: date | None = None
    ) -> int:
        """Make these people the cohort and enrol them on the pilot's paths.

        People left out lose what was recorded for them in this pilot (the GUI asks first).
        Newcomers are enrolled ``enrolled_on`` (today when not given). Returns how many
        people are new to the cohort.
        """
        wanted = {pick.person_id: pick for pick in picks}
        if not wanted:
            raise ValidationError(_("Choose at least one person for the cohort."), field="people")
        details = self.pilot(pilot_id)
        today = date.today()
        if enrolled_on is not None and enrolled_on > today:
            raise ValidationError(_("People cannot be enrolled in the future."), field="date")
        with self._db.transaction() as session:
            active = set(
                session.execute(select(Employee.id).where(Employee.id.in_(list(wanted)))).scalars()
            )
            if len(active) != len(wanted):
                raise ValidationError(
                    _("Some of the people chosen no longer exist in this data file."),
                    field="people",
                )
            current = {
                row.employee_id: row
                for row in session.execute(
                    select(PilotParticipant).where(PilotParticipant.pilot_id == pilot_id)
                ).scalars()
            }
            for person_id, leaving in current.items():
                if person_id not in wanted:
                    session.delete(leaving)
            new = 0
            for person_id, pick in wanted.items():
                found = current.get(person_id)
                if found is not None:
                    row = found
                else:
                    row = PilotParticipant(
                        pilot_id=pilot_id, employee_id=person_id, enrolled_on=enrolled_on or today
                    )
                    session.add(row)
                    new += 1
                row.reason = (clean_text(pick.reason) or "")[:300] or None
                row.enthusiasm = pick.enthusiasm
                row.influence = pick.influence
        starts_on = details.starts_on or today
        rated = self._suggestions.latest_ratings(set(wanted)) if details.path_ids else {}
        for path_id in details.path_ids:
            self._suggestions.assign(
                path_id,
                list(wanted),
                starts_on=starts_on,
                due_on=details.ends_on,
                reason=_("Pilot: {name}").format(name=details.name),
                rated=rated,
            )
        self._changes.publish(Topic.PILOTS, ids=frozenset({pilot_id}))
        return new

    def set_rating(
        self, person_id: int, *, enthusiasm: float | None, influence: float | None
    ) -> None:
        """What HR knows of a person's enthusiasm and influence (1-5), over what is derived."""
        for value, name in ((enthusiasm, "enthusiasm"), (influence, "influence")):
            if value is not None and not 1 <= value <= 5:
                raise ValidationError(_("Use a score from 1 to 5."), field=name)
        with self._db.transaction() as session:
            row = session.execute(
                select(CandidateRating).where(CandidateRating.employee_id == person_id)
            ).scalar()
            if enthusiasm is None and influence is None:
                if row is not None:
                    session.delete(row)
            else:
                if row is None:
                    row = CandidateRating(employee_id=person_id)
                    session.add(row)
                row.enthusiasm = enthusiasm
                row.influence = influence
        self._changes.publish(Topic.PILOTS, ids=frozenset({person_id}))

    def record_decision(self, pilot_id: int, decision: Decision) -> None:
        """Scale up, adjust or stop, with the reasons; the pilot becomes decided."""
        if decision.decision not in DECISIONS:
            raise ValidationError(_("Choose scale up, adjust or stop."), field="decision")
        reasons = (decision.reasons or "").strip()
        if not reasons:
            raise ValidationError(
                _("Write down why: leadership will read the reasons with the results."),
                field="reasons",
            )
        if decision.decided_on > date.today():
            raise ValidationError(_("A decision cannot be dated in the future."), field="date")
        with self._db.transaction() as session:
            pilot = self._get(session, pilot_id)
            if pilot.starts_on and decision.decided_on < pilot.starts_on:
                raise ValidationError(
                    _("The decision cannot come before the pilot started."), field="date"
                )
            pilot.decision = PilotDecision(decision.decision)
            pilot.decision_note = reasons
            pilot.decided_on = decision.decided_on
            pilot.status = PilotStatus.DECIDED
        self._changes.publish(Topic.PILOTS, ids=frozenset({pilot_id}))

    # -- helpers ---------------------------------------------------------------------------

    @staticmethod
    def _get(session: Session, pilot_id: int) -> Pilot:
        pilot = session.get(Pilot, pilot_id)
        if pilot is None:
            raise ValidationError(_("That pilot no longer exists in this data file."))
        return pilot

    @staticmethod
    def _check_exist(
        session: Session, model: type[Objective] | type[LearningPath], ids: Sequence[int], what: str
    ) -> None:
        if not ids:
            return
        found = set(session.execute(select(model.id).where(model.id.in_(list(ids)))).scalars())
        if found != set(ids):
            raise ValidationError(
                _("A chosen {what} no longer exists; choose again.").format(what=what)
            )

    @staticmethod
    def _criteria(session: Session, pilot_id: int) -> tuple[Criterion, ...]:
        return tuple(
            Criterion(row.measure.value, row.threshold, row.after_weeks)
            for row in session.execute(
                select(PilotCriterion)
                .where(PilotCriterion.pilot_id == pilot_id)
                .order_by(PilotCriterion.position)
            ).scalars()
        )

    def _details(self, session: Session, pilot: Pilot) -> PilotDetails:
        objectives = session.execute(
            select(Objective.id, Objective.title)
            .join(pilot_objective, pilot_objective.c.objective_id == Objective.id)
            .where(pilot_objective.c.pilot_id == pilot.id)
            .order_by(Objective.title)
        ).all()
        paths = session.execute(
            select(LearningPath.id, LearningPath.name)
            .join(pilot_path, pilot_path.c.path_id == LearningPath.id)
            .where(pilot_path.c.pilot_id == pilot.id)
            .order_by(LearningPath.name)
        ).all()
        participants = session.execute(
            select(func.count()).where(PilotParticipant.pilot_id == pilot.id)
        ).scalar_one()
        return PilotDetails(
            id=pilot.id,
            name=pilot.name,
            purpose=pilot.purpose or "",
            starts_on=pilot.starts_on,
            ends_on=pilot.ends_on,
            status=pilot.status.value,
            objective_ids=tuple(row[0] for row in objectives),
            objective_titles=tuple(row[1] for row in objectives),
            path_ids=tuple(row[0] for row in paths),
            path_names=tuple(row[1] for row in paths),
            tools=tuple(line for line in (pilot.tools or "").splitlines() if line.strip()),
            criteria=self._criteria(session, pilot.id),
            target_population=pilot.target_population,
            decision=pilot.decision.value if pilot.decision else None,
            decision_reasons=pilot.decision_note or "",
            decided_on=pilot.decided_on,
            participants=int(participants),
        )
