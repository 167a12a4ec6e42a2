"""Skills and readiness survey campaigns: who is asked, ratings saved one by one, the heatmap.

Ratings are 0-4 per person and skill, from the person and optionally their manager; the
gap is the role's target minus the agreed level. Every figure shown for a group goes
through app.skills.analysis, which folds and withholds groups under the anonymity
threshold (DESIGN §5).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.events import ChangeBus, Topic
from app.i18n import _
from app.privacy import anonymity_threshold
from app.services.organisation import get_or_create_organisation
from app.skills.analysis import HeatCell, Rating, agreed_level, gap, heatmap
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
class SkillsHeatmap:
    campaign_name: str
    skills: list[tuple[str, str]]
    """(key, name) in catalogue order."""
    groups: list[str]
    cells: list[HeatCell]
    threshold: int
    people: int
    rated: int


class SkillsService:
    def __init__(self, database: Database, changes: ChangeBus) -> None:
        self._db = database
        self._changes = changes
        self._catalogue: SkillCatalogue | None = None

    # Catalogue -----------------------------------------------------------------------
    def catalogue(self) -> SkillCatalogue:
        """The built-in catalogue; its skills are added to the data file on first use."""
        if self._catalogue is None:
            from app.skills.catalogue_loading import builtin_catalogue

            self._catalogue = builtin_catalogue()
        with self._db.transaction() as session:
            self._skill_ids(session)
        return self._catalogue

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
                    s.id, s.name, s.opened_on, s.kind.value, people.get(s.id, 0), rated.get(s.id, 0)
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

    # Results -------------------------------------------------------------------------
    def heatmap(self, campaign_id: int) -> SkillsHeatmap:
        """Mean gap to target per department and skill, small departments folded or withheld."""
        catalogue = self.catalogue()
        with self._db.reading() as session:
            survey = session.get(SkillSurvey, campaign_id)
            if survey is None:
                raise ValidationError(_("That survey no longer exists in this data file."))
            threshold = anonymity_threshold(
                get_or_create_organisation(session).anonymity_threshold
            ).value
            people = session.execute(
                select(Employee.id, Department.name, Employee.role_id, Role.track)
                .join(SurveyParticipant, SurveyParticipant.employee_id == Employee.id)
                .outerjoin(Department, Department.id == Employee.department_id)
                .outerjoin(Role, Role.id == Employee.role_id)
                .where(SurveyParticipant.survey_id == campaign_id)
            ).all()
            ratings: dict[tuple[int, str], dict[Rater, int]] = {}
            for person, key, rater, given_level in session.execute(
                select(SkillRating.employee_id, Skill.key, SkillRating.rater, SkillRating.level)
                .join(Skill, Skill.id == SkillRating.skill_id)
                .where(SkillRating.survey_id == campaign_id)
            ):
                ratings.setdefault((person, key), {})[rater] = given_level
            targets_by_role: dict[tuple[int | None, str], dict[str, int]] = {}
            rows: list[tuple[str, str, float | None]] = []
            rated: set[int] = set()
            for person, department, role_id, track in people:
                track_name = (track or Track.CUSTOM).value
                role_key = (role_id, track_name)
                if role_key not in targets_by_role:
                    targets_by_role[role_key] = self.targets_for(session, role_id, track_name)
                targets = targets_by_role[role_key]
                group = department or _("No department")
                for skill in catalogue.skills:
                    given = ratings.get((person, skill.key), {})
                    if Rater.SELF in given:
                        rated.add(person)
                    current = agreed_level(
                        Rating(person, skill.key, given.get(Rater.SELF), given.get(Rater.MANAGER))
                    )
                    rows.append((group, skill.key, gap(targets[skill.key], current)))
            cells = heatmap(rows, threshold=threshold)
            groups: list[str] = []
            for cell in cells:
                if cell.group not in groups:
                    groups.append(cell.group)
            return SkillsHeatmap(
                campaign_name=survey.name,
                skills=[(s.key, s.name) for s in catalogue.skills],
                groups=groups,
                cells=cells,
                threshold=threshold,
                people=len(people),
                rated=len(rated),
            )

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
