"""What a skills survey shows: the gaps heatmap, readiness, change since the baseline, profiles.

Everything here reads; ratings are saved by ``app.skills.service``. Every figure for a group
goes through ``app.skills.analysis`` (folding, suppression: DESIGN §5). Only
``person_rows``, ``profile`` and ``champion_candidates`` name people: they are for the HR
person (the entry form, the workbook with ``--names``), never for a published report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from app.errors import UserFacingError, ValidationError
from app.i18n import _
from app.privacy import anonymity_threshold
from app.services.organisation import get_or_create_organisation
from app.skills.analysis import (
    HIGH_WORRY,
    AttitudeAnswer,
    AttitudeCell,
    GroupTotal,
    HeatCell,
    Rating,
    SegmentCounts,
    agreed_level,
    attitude_summary,
    champion_candidates,
    gap,
    group_totals,
    heatmap,
    rater_disagreement,
    segment,
    segment_counts,
    top_gaps,
)
from app.skills.catalogue import AttitudeItem, SkillCatalogue
from app.skills.service import SkillsService
from db.database import Database
from db.models import (
    AssessmentKind,
    AttitudeResponse,
    Champion,
    Department,
    Employee,
    Rater,
    Role,
    SkillRating,
    SkillSurvey,
    SurveyParticipant,
    Track,
)


@dataclass(frozen=True)
class SkillsHeatmap:
    """Mean gap to target per department × skill, small departments folded or withheld."""

    campaign_id: int
    campaign_name: str
    opened_on: date
    skills: list[tuple[str, str]]
    """(key, name) in catalogue order."""
    groups: list[str]
    cells: list[HeatCell]
    threshold: int
    people: int
    rated: int

    def cell(self, group: str, skill_key: str) -> HeatCell | None:
        for found in self.cells:
            if found.group == group and found.skill == skill_key:
                return found
        return None


@dataclass(frozen=True)
class ReadinessSummary:
    """Attitudes and readiness segments per department, in aggregate only."""

    campaign_id: int
    campaign_name: str
    threshold: int
    items: list[AttitudeItem]
    """The attitude statements in catalogue order."""
    attitudes: list[AttitudeCell]
    """Group × item means (reverse items reversed: higher is better), folded and withheld."""
    overall: list[AttitudeCell]
    """One cell per item for everyone together (group "Everyone"), withheld under the threshold."""
    segments: list[SegmentCounts]
    answered: int
    """People who answered at least one attitude statement."""


@dataclass(frozen=True)
class ChampionCandidate:
    person_id: int
    display_name: str
    department: str
    mean_level: float
    interest: float
    champion: bool
    """Already nominated."""


@dataclass(frozen=True)
class HeatmapChange:
    """One department × skill before (the baseline) and after (the follow-up)."""

    group: str
    skill: str
    before: float | None
    after: float | None

    @property
    def change(self) -> float | None:
        """After minus before: negative is a gap that shrank."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True)
class SkillsComparison:
    baseline_name: str
    baseline_on: date
    follow_up_name: str
    follow_up_on: date
    skills: list[tuple[str, str]]
    groups: list[str]
    """Departments shown in both surveys."""
    changes: list[HeatmapChange]


@dataclass(frozen=True)
class SkillLine:
    """One skill of one person in one survey."""

    key: str
    name: str
    target: int
    self_level: int | None
    manager_level: int | None
    agreed: float | None
    gap: float | None
    disagreement: bool
    """The person and their manager are two levels or more apart."""


@dataclass(frozen=True)
class PersonSkills:
    """A person's ratings in one survey."""

    campaign_id: int
    campaign_name: str
    opened_on: date
    person_id: int
    display_name: str
    department: str | None
    role: str | None
    track: str
    skills: list[SkillLine]
    attitudes: dict[str, int | None]

    @property
    def mean_level(self) -> float | None:
        levels = [s.agreed for s in self.skills if s.agreed is not None]
        return sum(levels) / len(levels) if levels else None

    @property
    def total_gap(self) -> float:
        return sum(s.gap or 0.0 for s in self.skills)


@dataclass(frozen=True)
class PersonProfile:
    person_id: int
    display_name: str
    champion: bool
    surveys: list[PersonSkills]
    """Oldest first; only surveys the person was asked in."""


@dataclass(frozen=True)
class SkillsReport:
    """Everything the skills PDF shows, already protected (no one named)."""

    organisation_name: str
    kind: str
    heatmap: SkillsHeatmap
    totals: list[GroupTotal]
    top_gaps: dict[str, list[HeatCell]]
    readiness: ReadinessSummary
    comparison: SkillsComparison | None
    catalogue: SkillCatalogue


@dataclass(frozen=True)
class _Person:
    id: int
    name: str
    department: str | None
    role_id: int | None
    role: str | None
    track: str


@dataclass(frozen=True)
class _Survey:
    """One survey read whole: who was asked, their ratings and attitudes, the targets."""

    id: int
    name: str
    opened_on: date
    kind: AssessmentKind
    baseline_id: int | None
    people: list[_Person]
    ratings: dict[tuple[int, str], dict[Rater, int]]
    attitudes: dict[int, dict[str, int]]
    targets: dict[int, dict[str, int]]
    """Person id -> skill key -> target."""
    threshold: int
    organisation_name: str


class SkillsResultsService:
    def __init__(self, database: Database, skills: SkillsService) -> None:
        self._db = database
        self._skills = skills

    def latest_campaign(self) -> int:
        """The newest survey with a rating, else the newest one; a clear error if none."""
        campaigns = self._skills.campaigns()
        if not campaigns:
            raise UserFacingError(
                _(
                    "There is no skills survey in this data file yet. Start one in the Skills "
                    "area, then print its report."
                )
            )
        rated = [c for c in campaigns if c.rated]
        return (rated or campaigns)[-1].id

    def latest_rated_campaign(self) -> int | None:
        """The newest survey in which someone rated themselves; None when there is none."""
        rated = [c for c in self._skills.campaigns() if c.rated]
        return rated[-1].id if rated else None

    # Heatmap -------------------------------------------------------------------------
    def heatmap(self, campaign_id: int) -> SkillsHeatmap:
        catalogue = self._skills.catalogue()
        with self._db.reading() as session:
            return self._heatmap(self._read(session, campaign_id), catalogue)

    def _heatmap(self, survey: _Survey, catalogue: SkillCatalogue) -> SkillsHeatmap:
        rows: list[tuple[str, str, float | None]] = []
        rated: set[int] = set()
        no_department = _("No department")
        for person in survey.people:
            targets = survey.targets[person.id]
            group = person.department or no_department
            for skill in catalogue.skills:
                given = survey.ratings.get((person.id, skill.key), {})
                if given:
                    rated.add(person.id)
                current = agreed_level(
                    Rating(person.id, skill.key, given.get(Rater.SELF), given.get(Rater.MANAGER))
                )
                rows.append((group, skill.key, gap(targets[skill.key], current)))
        cells = heatmap(rows, threshold=survey.threshold)
        groups: list[str] = []
        for cell in cells:
            if cell.group not in groups:
                groups.append(cell.group)
        return SkillsHeatmap(
            campaign_id=survey.id,
            campaign_name=survey.name,
            opened_on=survey.opened_on,
            skills=[(s.key, s.name) for s in catalogue.skills],
            groups=groups,
            cells=cells,
            threshold=survey.threshold,
            people=len(survey.people),
            rated=len(rated),
        )

    # Readiness -----------------------------------------------------------------------
    def readiness(self, campaign_id: int) -> ReadinessSummary:
        catalogue = self._skills.catalogue()
        with self._db.reading() as session:
            return self._readiness(self._read(session, campaign_id), catalogue)

    def _readiness(self, survey: _Survey, catalogue: SkillCatalogue) -> ReadinessSummary:
        no_department = _("No department")
        group_of = {p.id: p.department or no_department for p in survey.people}
        answers = [
            AttitudeAnswer(person, item, value)
            for person, given in survey.attitudes.items()
            if person in group_of
            for item, value in given.items()
        ]
        reverse = {a.key for a in catalogue.attitudes if a.reverse}
        cells = attitude_summary(
            answers, reverse_items=reverse, group_of=group_of, threshold=survey.threshold
        )
        everyone = _("Everyone")
        overall = attitude_summary(
            answers,
            reverse_items=reverse,
            group_of=dict.fromkeys(group_of, everyone),
            threshold=survey.threshold,
        )
        overall = [AttitudeCell(everyone, c.item, c.mean, c.people, c.suppressed) for c in overall]
        segments: dict[int, str] = {}
        worried: list[int] = []
        for person in survey.people:
            mean_level, interest, worry = self._person_figures(survey, person, catalogue)
            segments[person.id] = segment(mean_level, interest, worry)
            if worry is not None and worry >= HIGH_WORRY:
                worried.append(person.id)
        return ReadinessSummary(
            campaign_id=survey.id,
            campaign_name=survey.name,
            threshold=survey.threshold,
            items=list(catalogue.attitudes),
            attitudes=_in_item_order(cells, catalogue),
            overall=_in_item_order(overall, catalogue),
            segments=segment_counts(
                segments, group_of, threshold=survey.threshold, worried=worried
            ),
            answered=sum(1 for p in survey.people if survey.attitudes.get(p.id)),
        )

    def champion_candidates(
        self, campaign_id: int, per_department: int = 3
    ) -> list[ChampionCandidate]:
        """People to ask to be AI champions, per department: high proficiency and interest.

        Only people the analysis calls ready to lead are offered. Names people: for the
        HR person's screen, never for a report.
        """
        catalogue = self._skills.catalogue()
        with self._db.reading() as session:
            survey = self._read(session, campaign_id)
            nominated = set(session.execute(select(Champion.employee_id)).scalars())
        no_department = _("No department")
        ready: list[tuple[int, str, float, float]] = []
        for person in survey.people:
            mean_level, interest, worry = self._person_figures(survey, person, catalogue)
            if segment(mean_level, interest, worry) == "ready_to_lead":
                assert mean_level is not None and interest is not None
                ready.append((person.id, person.department or no_department, mean_level, interest))
        picked = champion_candidates(ready, per_group=per_department)
        by_id = {p.id: p for p in survey.people}
        figures = {person: (level, interest) for person, _g, level, interest in ready}
        return [
            ChampionCandidate(
                person_id=person,
                display_name=by_id[person].name,
                department=group,
                mean_level=figures[person][0],
                interest=figures[person][1],
                champion=person in nominated,
            )
            for group in sorted(picked, key=str.casefold)
            for person in picked[group]
        ]

    # Baseline and follow-up ----------------------------------------------------------
    def comparison(self, campaign_id: int) -> SkillsComparison | None:
        """A follow-up against its baseline; None for a baseline or a baseline now deleted."""
        catalogue = self._skills.catalogue()
        with self._db.reading() as session:
            after_survey = self._read(session, campaign_id)
            before_survey = self._baseline_of(session, after_survey)
        if before_survey is None:
            return None
        return self._comparison(
            self._heatmap(before_survey, catalogue), self._heatmap(after_survey, catalogue)
        )

    def _baseline_of(self, session: Session, survey: _Survey) -> _Survey | None:
        """The baseline a follow-up is compared with, read whole; None when there is none."""
        if survey.kind is not AssessmentKind.FOLLOW_UP or survey.baseline_id is None:
            return None
        if session.get(SkillSurvey, survey.baseline_id) is None:
            return None
        return self._read(session, survey.baseline_id)

    @staticmethod
    def _comparison(before: SkillsHeatmap, after: SkillsHeatmap) -> SkillsComparison:
        groups = [g for g in after.groups if g in before.groups]
        changes = []
        for group in groups:
            for key, _name in after.skills:
                old, new = before.cell(group, key), after.cell(group, key)
                changes.append(
                    HeatmapChange(
                        group, key, old.mean_gap if old else None, new.mean_gap if new else None
                    )
                )
        return SkillsComparison(
            baseline_name=before.campaign_name,
            baseline_on=before.opened_on,
            follow_up_name=after.campaign_name,
            follow_up_on=after.opened_on,
            skills=after.skills,
            groups=groups,
            changes=changes,
        )

    # The report ----------------------------------------------------------------------
    def report(self, campaign_id: int) -> SkillsReport:
        catalogue = self._skills.catalogue()
        with self._db.reading() as session:
            survey = self._read(session, campaign_id)
            baseline = self._baseline_of(session, survey)
        result = self._heatmap(survey, catalogue)
        comparison = (
            None
            if baseline is None
            else self._comparison(self._heatmap(baseline, catalogue), result)
        )
        return SkillsReport(
            organisation_name=survey.organisation_name,
            kind=survey.kind.value,
            heatmap=result,
            totals=group_totals(result.cells),
            top_gaps={g: top_gaps(result.cells, g, 3) for g in result.groups},
            readiness=self._readiness(survey, catalogue),
            comparison=comparison,
            catalogue=catalogue,
        )

    # People (named: for the HR person only) ------------------------------------------
    def person_rows(self, campaign_id: int) -> list[PersonSkills]:
        """Every person asked, with their ratings and gaps, by department then name."""
        catalogue = self._skills.catalogue()
        with self._db.reading() as session:
            survey = self._read(session, campaign_id)
        people = sorted(
            survey.people, key=lambda p: ((p.department or "").casefold(), p.name.casefold())
        )
        return [self._person_skills(survey, p, catalogue) for p in people]

    def profile(self, person_id: int) -> PersonProfile:
        """A person's ratings and gaps in every survey they were asked in, oldest first."""
        catalogue = self._skills.catalogue()
        with self._db.reading() as session:
            person = session.get(Employee, person_id)
            if person is None:
                raise ValidationError(_("That person no longer exists in this data file."))
            survey_ids = list(
                session.execute(
                    select(SkillSurvey.id)
                    .join(SurveyParticipant, SurveyParticipant.survey_id == SkillSurvey.id)
                    .where(SurveyParticipant.employee_id == person_id)
                    .order_by(SkillSurvey.opened_on, SkillSurvey.id)
                ).scalars()
            )
            surveys = []
            for survey_id in survey_ids:
                survey = self._read(session, survey_id, only=person_id)
                surveys.append(self._person_skills(survey, survey.people[0], catalogue))
            champion = (
                session.execute(
                    select(Champion.id).where(Champion.employee_id == person_id)
                ).first()
                is not None
            )
            return PersonProfile(person_id, person.display_name, champion, surveys)

    # Reading -------------------------------------------------------------------------
    def _read(self, session: Session, campaign_id: int, only: int | None = None) -> _Survey:
        survey = session.get(SkillSurvey, campaign_id)
        if survey is None:
            raise ValidationError(_("That survey no longer exists in this data file."))
        organisation = get_or_create_organisation(session)
        people_query = (
            select(
                Employee.id,
                Employee.display_name,
                Department.name,
                Employee.role_id,
                Role.name,
                Role.track,
            )
            .join(SurveyParticipant, SurveyParticipant.employee_id == Employee.id)
            .outerjoin(Department, Department.id == Employee.department_id)
            .outerjoin(Role, Role.id == Employee.role_id)
            .where(SurveyParticipant.survey_id == campaign_id)
            .order_by(Employee.id)
        )
        # Core rows and the rater as its stored text: a 1,000-person survey has ~20,000
        # ratings, and ORM row objects or enum conversion per row would double the time.
        ratings_query = select(
            SkillRating.employee_id,
            SkillRating.skill_id,
            type_coerce(SkillRating.rater, String),
            SkillRating.level,
        ).where(SkillRating.survey_id == campaign_id)
        attitudes_query = select(
            AttitudeResponse.employee_id, AttitudeResponse.item_key, AttitudeResponse.value
        ).where(AttitudeResponse.survey_id == campaign_id)
        if only is not None:
            people_query = people_query.where(Employee.id == only)
            ratings_query = ratings_query.where(SkillRating.employee_id == only)
            attitudes_query = attitudes_query.where(AttitudeResponse.employee_id == only)
        people = [
            _Person(pid, name, department, role_id, role, (track or Track.CUSTOM).value)
            for pid, name, department, role_id, role, track in session.execute(people_query)
        ]
        ratings: dict[tuple[int, str], dict[Rater, int]] = {}
        skill_keys = {i: key for key, i in self._skills.skill_ids(session).items()}
        raters = {str(r.value): r for r in Rater}
        connection = session.connection()
        for rated_id, skill_id, rater, level in connection.execute(ratings_query):
            ratings.setdefault((rated_id, skill_keys[skill_id]), {})[raters[rater]] = level
        attitudes: dict[int, dict[str, int]] = {}
        for answered_id, key, value in connection.execute(attitudes_query):
            attitudes.setdefault(answered_id, {})[key] = value
        by_role: dict[tuple[int | None, str], dict[str, int]] = {}
        targets: dict[int, dict[str, int]] = {}
        for person in people:
            role_key = (person.role_id, person.track)
            if role_key not in by_role:
                by_role[role_key] = self._skills.targets_for(session, person.role_id, person.track)
            targets[person.id] = by_role[role_key]
        return _Survey(
            id=survey.id,
            name=survey.name,
            opened_on=survey.opened_on,
            kind=survey.kind,
            baseline_id=survey.baseline_id,
            people=people,
            ratings=ratings,
            attitudes=attitudes,
            targets=targets,
            threshold=anonymity_threshold(organisation.anonymity_threshold).value,
            organisation_name=organisation.name,
        )

    @staticmethod
    def _person_skills(survey: _Survey, person: _Person, catalogue: SkillCatalogue) -> PersonSkills:
        lines = []
        for skill in catalogue.skills:
            given = survey.ratings.get((person.id, skill.key), {})
            rating = Rating(person.id, skill.key, given.get(Rater.SELF), given.get(Rater.MANAGER))
            agreed = agreed_level(rating)
            target = survey.targets[person.id][skill.key]
            lines.append(
                SkillLine(
                    key=skill.key,
                    name=skill.name,
                    target=target,
                    self_level=rating.self_level,
                    manager_level=rating.manager_level,
                    agreed=agreed,
                    gap=gap(target, agreed),
                    disagreement=rater_disagreement(rating),
                )
            )
        given_attitudes = survey.attitudes.get(person.id, {})
        return PersonSkills(
            campaign_id=survey.id,
            campaign_name=survey.name,
            opened_on=survey.opened_on,
            person_id=person.id,
            display_name=person.name,
            department=person.department,
            role=person.role,
            track=person.track,
            skills=lines,
            attitudes={a.key: given_attitudes.get(a.key) for a in catalogue.attitudes},
        )

    @staticmethod
    def _person_figures(
        survey: _Survey, person: _Person, catalogue: SkillCatalogue
    ) -> tuple[float | None, float | None, float | None]:
        """Mean agreed level, mean interest and mean worry (as answered) of one person."""
        levels = []
        for skill in catalogue.skills:
            given = survey.ratings.get((person.id, skill.key))
            if given:
                level = agreed_level(
                    Rating(person.id, skill.key, given.get(Rater.SELF), given.get(Rater.MANAGER))
                )
                if level is not None:
                    levels.append(level)
        answers = survey.attitudes.get(person.id, {})
        interest = _theme_answers(answers, catalogue, "interest_in_learning")
        worry = _theme_answers(answers, catalogue, "worry")
        return (
            sum(levels) / len(levels) if levels else None,
            sum(interest) / len(interest) if interest else None,
            sum(worry) / len(worry) if worry else None,
        )


def _theme_answers(answers: dict[str, int], catalogue: SkillCatalogue, theme: str) -> list[int]:
    return [answers[a.key] for a in catalogue.attitudes if a.theme == theme and a.key in answers]


def _in_item_order(cells: list[AttitudeCell], catalogue: SkillCatalogue) -> list[AttitudeCell]:
    """Cells ordered by group (as given), then by the catalogue's order of items."""
    order = {a.key: i for i, a in enumerate(catalogue.attitudes)}
    groups: list[str] = []
    for cell in cells:
        if cell.group not in groups:
            groups.append(cell.group)
    return sorted(cells, key=lambda c: (groups.index(c.group), order.get(c.item, len(order))))
