"""Skills and readiness survey campaigns: who is asked, ratings saved one by one.

Ratings are 0-4 per person and skill, from the person and optionally their manager; the
gap is the role's target minus the agreed level. What a survey shows (the heatmap,
readiness, profiles) is read by ``app.skills.results``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import cast

from sqlalchemy import Table, delete, func, insert, select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.events import ChangeBus, Topic
from app.i18n import _
from app.skills.catalogue import AGREEMENT, SCALE, SkillCatalogue
from app.validation import clean_text
from db.database import Database
from db.models import (
    AssessmentKind,
    AttitudeResponse,
    Department,
    Employee,
    EmployeeStatus,
    Rater,
    Role,
    RoleSkillTarget,
    Skill,
    SkillRating,
    SkillSurvey,
    SurveyParticipant,
    Track,
)

_RATINGS = cast(Table, SkillRating.__table__)
_ATTITUDES = cast(Table, AttitudeResponse.__table__)
"""Written as Core rows by ``record_many``: ORM bulk inserts cost twice the time."""


@dataclass(frozen=True)
class CampaignSetup:
    """Who a campaign asks and when. Empty department and role lists mean everyone."""

    name: str
    opened_on: date
    kind: AssessmentKind = AssessmentKind.BASELINE
    baseline_id: int | None = None
    department_ids: list[int] = field(default_factory=list)
    role_ids: list[int] = field(default_factory=list)
    with_managers: bool = True


@dataclass(frozen=True)
class CampaignRow:
    id: int
    name: str
    opened_on: date
    kind: str
    people: int
    rated: int
    """People with at least one rating of their own."""
    with_managers: bool = True
    """Whether managers rate their people too (the entry form's Manager column)."""


@dataclass(frozen=True)
class PersonSheet:
    """One person's page of the entry form: their targets and what was entered so far."""

    campaign_id: int
    person_id: int
    display_name: str
    department: str | None
    role: str | None
    track: str
    targets: dict[str, int]
    self_levels: dict[str, int | None]
    manager_levels: dict[str, int | None]
    attitudes: dict[str, int | None]


@dataclass(frozen=True)
class RatingEntry:
    person_id: int
    skill_key: str
    rater: Rater
    level: int


@dataclass(frozen=True)
class AttitudeEntry:
    person_id: int
    item_key: str
    value: int


@dataclass(frozen=True)
class RoleTargets:
    role_id: int
    role: str
    track: str
    targets: dict[str, int]
    """Skill key -> the level people in the role should reach."""
    own: frozenset[str]
    """Skills whose target the role sets itself (the others follow the track)."""


@dataclass(frozen=True)
class Participant:
    """One person asked in a survey, for the entry form's list."""

    person_id: int
    display_name: str
    department: str | None
    role: str | None
    rated_skills: int
    """Skills the person has rated themselves in this survey."""
    skills: int

    @property
    def complete(self) -> bool:
        return self.rated_skills >= self.skills


class SkillsService:
    def __init__(self, database: Database, changes: ChangeBus) -> None:
        self._db = database
        self._changes = changes
        self._catalogue: SkillCatalogue | None = None
        self._skills_added = False
        """The catalogue's skills are in the data file (checked once per open file)."""

    # Catalogue -----------------------------------------------------------------------
    def catalogue(self) -> SkillCatalogue:
        """The built-in catalogue; its skills are added to the data file on first use."""
        if self._catalogue is None:
            from app.skills.catalogue_loading import builtin_catalogue

            self._catalogue = builtin_catalogue()
        if not self._skills_added:
            with self._db.transaction() as session:
                self._skill_ids(session)
            self._skills_added = True
        return self._catalogue

    def skill_ids(self, session: Session) -> dict[str, int]:
        """Skill key -> row id in this data file (adding the catalogue's skills if missing)."""
        return self._skill_ids(session)

    def _skill_ids(self, session: Session) -> dict[str, int]:
        catalogue = self._catalogue
        assert catalogue is not None
        found: dict[str, int] = {key: i for key, i in session.execute(select(Skill.key, Skill.id))}
        for skill in catalogue.skills:
            if skill.key not in found:
                row = Skill(
                    key=skill.key,
                    name=skill.name,
                    category=skill.category,
                    description=skill.description,
                )
                session.add(row)
                session.flush()
                found[skill.key] = row.id
        return found

    def targets_for(self, session: Session, role_id: int | None, track: str) -> dict[str, int]:
        """A role's targets: its own where set, else its track's from the catalogue."""
        catalogue = self._catalogue or self.catalogue()
        targets = {s.key: catalogue.target(track, s.key) for s in catalogue.skills}
        if role_id is not None:
            for key, target in session.execute(
                select(Skill.key, RoleSkillTarget.target)
                .join(Skill, Skill.id == RoleSkillTarget.skill_id)
                .where(RoleSkillTarget.role_id == role_id)
            ):
                targets[key] = target
        return targets

    def role_targets(self, role_id: int) -> RoleTargets:
        """A role's target per skill, and which of them the role sets itself."""
        self.catalogue()
        with self._db.reading() as session:
            role = session.get(Role, role_id)
            if role is None:
                raise ValidationError(_("That role no longer exists in this data file."))
            own = set(
                session.execute(
                    select(Skill.key)
                    .join(RoleSkillTarget, RoleSkillTarget.skill_id == Skill.id)
                    .where(RoleSkillTarget.role_id == role_id)
                ).scalars()
            )
            return RoleTargets(
                role_id=role.id,
                role=role.name,
                track=role.track.value,
                targets=self.targets_for(session, role.id, role.track.value),
                own=frozenset(own),
            )

    def reset_role_targets(self, role_id: int, skill_keys: list[str] | None = None) -> None:
        """Back to the track's targets, for these skills or (None) all of them."""
        self.catalogue()
        with self._db.transaction() as session:
            skill_ids = self._skill_ids(session)
            rows = select(RoleSkillTarget).where(RoleSkillTarget.role_id == role_id)
            if skill_keys is not None:
                rows = rows.where(RoleSkillTarget.skill_id.in_([skill_ids[k] for k in skill_keys]))
            for row in session.execute(rows).scalars():
                session.delete(row)
        self._changes.publish(Topic.ROLES)

    def set_role_target(self, role_id: int, skill_key: str, target: int) -> None:
        if target not in SCALE:
            raise ValidationError(_("A target is a level from 0 to 4."), field="target")
        self.catalogue()
        with self._db.transaction() as session:
            skill_id = self._skill_ids(session)[skill_key]
            row = session.execute(
                select(RoleSkillTarget).where(
                    RoleSkillTarget.role_id == role_id, RoleSkillTarget.skill_id == skill_id
                )
            ).scalar_one_or_none()
            if row is None:
                session.add(RoleSkillTarget(role_id=role_id, skill_id=skill_id, target=target))
            else:
                row.target = target
        self._changes.publish(Topic.ROLES)

    # Campaigns -----------------------------------------------------------------------
    def create_campaign(self, setup: CampaignSetup) -> int:
        name = clean_text(setup.name)
        if not name:
            raise ValidationError(_("Give the survey a name."), field="name")
        if setup.kind is AssessmentKind.FOLLOW_UP and setup.baseline_id is None:
            raise ValidationError(
                _("Choose the earlier survey this follow-up is compared with."), field="baseline"
            )
        catalogue = self.catalogue()
        with self._db.transaction() as session:
            people = select(Employee.id).where(Employee.status == EmployeeStatus.ACTIVE)
            if setup.department_ids:
                people = people.where(Employee.department_id.in_(setup.department_ids))
            if setup.role_ids:
                people = people.where(Employee.role_id.in_(setup.role_ids))
            person_ids = list(session.execute(people.order_by(Employee.id)).scalars())
            if not person_ids:
                raise ValidationError(
                    _("No active person matches the chosen departments and roles."),
                    field="scope",
                )
            survey = SkillSurvey(
                name=name,
                opened_on=setup.opened_on,
                kind=setup.kind,
                baseline_id=setup.baseline_id,
                catalogue_key=catalogue.key,
                catalogue_version=catalogue.version,
                with_managers=setup.with_managers,
            )
            session.add(survey)
            session.flush()
            session.add_all(
                SurveyParticipant(survey_id=survey.id, employee_id=person) for person in person_ids
            )
            new_id = survey.id
        self._changes.publish(Topic.SKILLS, ids=frozenset({new_id}))
        return new_id

    def delete_campaign(self, campaign_id: int) -> None:
        """Delete a survey with everything answered in it; a follow-up of it keeps its own."""
        with self._db.transaction() as session:
            survey = session.get(SkillSurvey, campaign_id)
            if survey is None:
                raise ValidationError(_("That survey no longer exists in this data file."))
            for model in (SkillRating, AttitudeResponse, SurveyParticipant):
                session.execute(delete(model).where(model.survey_id == campaign_id))
            for follow_up in session.execute(
                select(SkillSurvey).where(SkillSurvey.baseline_id == campaign_id)
            ).scalars():
                follow_up.baseline_id = None
            session.delete(survey)
        self._changes.publish(Topic.SKILLS, ids=frozenset({campaign_id}))

    def campaigns(self) -> list[CampaignRow]:
        with self._db.reading() as session:
            people: dict[int, int] = {
                survey: int(n)
                for survey, n in session.execute(
                    select(SurveyParticipant.survey_id, func.count()).group_by(
                        SurveyParticipant.survey_id
                    )
                )
            }
            distinct_people = func.count(func.distinct(SkillRating.employee_id))
            rated: dict[int | None, int] = {
                survey: int(n)
                for survey, n in session.execute(
                    select(SkillRating.survey_id, distinct_people)
                    .where(SkillRating.rater == Rater.SELF)
                    .group_by(SkillRating.survey_id)
                )
            }
            return [
                CampaignRow(
                    s.id,
                    s.name,
                    s.opened_on,
                    s.kind.value,
                    people.get(s.id, 0),
                    rated.get(s.id, 0),
                    s.with_managers,
                )
                for s in session.execute(
                    select(SkillSurvey).order_by(SkillSurvey.opened_on, SkillSurvey.id)
                ).scalars()
            ]

    def sheet(self, campaign_id: int, person_id: int) -> PersonSheet:
        catalogue = self.catalogue()
        with self._db.reading() as session:
            self._participant(session, campaign_id, person_id)
            person = session.get(Employee, person_id)
            assert person is not None
            role = session.get(Role, person.role_id) if person.role_id else None
            department = (
                session.get(Department, person.department_id) if person.department_id else None
            )
            track = (role.track if role else Track.CUSTOM).value
            levels: dict[Rater, dict[str, int | None]] = {
                Rater.SELF: dict.fromkeys((s.key for s in catalogue.skills), None),
                Rater.MANAGER: dict.fromkeys((s.key for s in catalogue.skills), None),
            }
            for key, rater, level in session.execute(
                select(Skill.key, SkillRating.rater, SkillRating.level)
                .join(Skill, Skill.id == SkillRating.skill_id)
                .where(SkillRating.survey_id == campaign_id, SkillRating.employee_id == person_id)
            ):
                levels[rater][key] = level
            attitudes: dict[str, int | None] = dict.fromkeys(
                (a.key for a in catalogue.attitudes), None
            )
            for key, value in session.execute(
                select(AttitudeResponse.item_key, AttitudeResponse.value).where(
                    AttitudeResponse.survey_id == campaign_id,
                    AttitudeResponse.employee_id == person_id,
                )
            ):
                attitudes[key] = value
            return PersonSheet(
                campaign_id=campaign_id,
                person_id=person_id,
                display_name=person.display_name,
                department=department.name if department else None,
                role=role.name if role else None,
                track=track,
                targets=self.targets_for(session, role.id if role else None, track),
                self_levels=levels[Rater.SELF],
                manager_levels=levels[Rater.MANAGER],
                attitudes=attitudes,
            )

    def rate(
        self,
        campaign_id: int,
        person_id: int,
        skill_key: str,
        *,
        rater: Rater,
        level: int | None,
        rated_on: date | None = None,
    ) -> None:
        """Save one rating at once; ``level`` None clears it."""
        if level is not None and level not in SCALE:
            raise ValidationError(_("A rating is a level from 0 to 4."), field="level")
        self.catalogue()
        with self._db.transaction() as session:
            survey = self._participant(session, campaign_id, person_id)
            if rater is Rater.MANAGER and not survey.with_managers:
                raise ValidationError(_("This survey does not ask managers for ratings."))
            skill_ids = self._skill_ids(session)
            if skill_key not in skill_ids:
                raise ValidationError(_("That skill is not part of this survey."))
            row = session.execute(
                select(SkillRating).where(
                    SkillRating.survey_id == campaign_id,
                    SkillRating.employee_id == person_id,
                    SkillRating.skill_id == skill_ids[skill_key],
                    SkillRating.rater == rater,
                )
            ).scalar_one_or_none()
            if level is None:
                if row is not None:
                    session.delete(row)
            elif row is None:
                session.add(
                    SkillRating(
                        survey_id=campaign_id,
                        employee_id=person_id,
                        skill_id=skill_ids[skill_key],
                        rater=rater,
                        level=level,
                        rated_on=rated_on or date.today(),
                    )
                )
            else:
                row.level = level
        self._changes.publish(Topic.SKILLS, ids=frozenset({campaign_id}))

    def answer_attitude(
        self, campaign_id: int, person_id: int, item_key: str, value: int | None
    ) -> None:
        """Save one agreement answer (1-5) at once; None clears it."""
        if value is not None and value not in AGREEMENT:
            raise ValidationError(_("An answer is from 1 to 5."), field="value")
        catalogue = self.catalogue()
        if item_key not in {a.key for a in catalogue.attitudes}:
            raise ValidationError(_("That statement is not part of this survey."))
        with self._db.transaction() as session:
            self._participant(session, campaign_id, person_id)
            row = session.execute(
                select(AttitudeResponse).where(
                    AttitudeResponse.survey_id == campaign_id,
                    AttitudeResponse.employee_id == person_id,
                    AttitudeResponse.item_key == item_key,
                )
            ).scalar_one_or_none()
            if value is None:
                if row is not None:
                    session.delete(row)
            elif row is None:
                session.add(
                    AttitudeResponse(
                        survey_id=campaign_id, employee_id=person_id, item_key=item_key, value=value
                    )
                )
            else:
                row.value = value
        self._changes.publish(Topic.SKILLS, ids=frozenset({campaign_id}))

    def participants(self, campaign_id: int) -> list[Participant]:
        """Everyone asked in a survey, by department then name, with how far their entry got."""
        catalogue = self.catalogue()
        with self._db.reading() as session:
            if session.get(SkillSurvey, campaign_id) is None:
                raise ValidationError(_("That survey no longer exists in this data file."))
            entered: dict[int, int] = {
                person: int(n)
                for person, n in session.execute(
                    select(SkillRating.employee_id, func.count())
                    .where(SkillRating.survey_id == campaign_id, SkillRating.rater == Rater.SELF)
                    .group_by(SkillRating.employee_id)
                )
            }
            rows = session.execute(
                select(Employee.id, Employee.display_name, Department.name, Role.name)
                .join(SurveyParticipant, SurveyParticipant.employee_id == Employee.id)
                .outerjoin(Department, Department.id == Employee.department_id)
                .outerjoin(Role, Role.id == Employee.role_id)
                .where(SurveyParticipant.survey_id == campaign_id)
            ).all()
        found = [
            Participant(pid, name, department, role, entered.get(pid, 0), len(catalogue.skills))
            for pid, name, department, role in rows
        ]
        found.sort(key=lambda p: ((p.department or "").casefold(), p.display_name.casefold()))
        return found

    def record_many(
        self,
        campaign_id: int,
        ratings: Iterable[RatingEntry],
        attitudes: Iterable[AttitudeEntry] = (),
        *,
        rated_on: date | None = None,
    ) -> int:
        """Save a whole set of answers in one transaction: all of them or, on an error, none.

        Everything recorded before for the people named in ``ratings`` or ``attitudes`` is
        replaced by what is given. For loading a survey at once (the demo, a later import);
        the entry form saves one answer at a time with ``rate`` and ``answer_attitude``.
        Returns how many answers were saved.
        """
        catalogue = self.catalogue()
        items = {a.key for a in catalogue.attitudes}
        with self._db.transaction() as session:
            survey = session.get(SkillSurvey, campaign_id)
            if survey is None:
                raise ValidationError(_("That survey no longer exists in this data file."))
            asked = set(
                session.execute(
                    select(SurveyParticipant.employee_id).where(
                        SurveyParticipant.survey_id == campaign_id
                    )
                ).scalars()
            )
            skill_ids = self._skill_ids(session)
            rating_rows: dict[tuple[int, int, Rater], int] = {}
            for entry in ratings:
                if entry.person_id not in asked:
                    raise ValidationError(_("That person is not asked in this survey."))
                if entry.level not in SCALE:
                    raise ValidationError(_("A rating is a level from 0 to 4."), field="level")
                if entry.skill_key not in skill_ids:
                    raise ValidationError(_("That skill is not part of this survey."))
                if entry.rater is Rater.MANAGER and not survey.with_managers:
                    raise ValidationError(_("This survey does not ask managers for ratings."))
                key = (entry.person_id, skill_ids[entry.skill_key], entry.rater)
                rating_rows[key] = entry.level
            answer_rows: dict[tuple[int, str], int] = {}
            for answer in attitudes:
                if answer.person_id not in asked:
                    raise ValidationError(_("That person is not asked in this survey."))
                if answer.value not in AGREEMENT:
                    raise ValidationError(_("An answer is from 1 to 5."), field="value")
                if answer.item_key not in items:
                    raise ValidationError(_("That statement is not part of this survey."))
                answer_rows[(answer.person_id, answer.item_key)] = answer.value
            people = sorted({k[0] for k in rating_rows} | {k[0] for k in answer_rows})
            for start in range(0, len(people), 500):
                chunk = people[start : start + 500]
                session.execute(
                    delete(SkillRating).where(
                        SkillRating.survey_id == campaign_id, SkillRating.employee_id.in_(chunk)
                    )
                )
                session.execute(
                    delete(AttitudeResponse).where(
                        AttitudeResponse.survey_id == campaign_id,
                        AttitudeResponse.employee_id.in_(chunk),
                    )
                )
            day = rated_on or date.today()
            if rating_rows:
                session.execute(
                    insert(_RATINGS),
                    [
                        {
                            "survey_id": campaign_id,
                            "employee_id": person,
                            "skill_id": skill,
                            "rater": rater,
                            "level": level,
                            "rated_on": day,
                        }
                        for (person, skill, rater), level in rating_rows.items()
                    ],
                )
            if answer_rows:
                session.execute(
                    insert(_ATTITUDES),
                    [
                        {
                            "survey_id": campaign_id,
                            "employee_id": person,
                            "item_key": item,
                            "value": value,
                        }
                        for (person, item), value in answer_rows.items()
                    ],
                )
        self._changes.publish(Topic.SKILLS, ids=frozenset({campaign_id}))
        return len(rating_rows) + len(answer_rows)

    # Helpers -------------------------------------------------------------------------
    @staticmethod
    def _participant(session: Session, campaign_id: int, person_id: int) -> SkillSurvey:
        survey = session.get(SkillSurvey, campaign_id)
        if survey is None:
            raise ValidationError(_("That survey no longer exists in this data file."))
        asked = session.execute(
            select(SurveyParticipant.id).where(
                SurveyParticipant.survey_id == campaign_id,
                SurveyParticipant.employee_id == person_id,
            )
        ).first()
        if asked is None:
            raise ValidationError(_("That person is not asked in this survey."))
        return survey
