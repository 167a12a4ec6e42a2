"""Maturity assessments as the GUI, the CLI and the reports use them.

Every answer is saved the moment it is given (one small transaction), so closing the
window, a crash or a power cut loses nothing; the resume position is saved with it.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.events import ChangeBus, Topic
from app.i18n import _
from app.maturity.content import LEVELS, DimensionContent, FrameworkContent, QuestionContent
from app.maturity.figures import AssessmentResults, AssessmentSummary, MaturityHistory
from app.maturity.framework_store import (
    delete_tree,
    find_framework,
    read_framework,
    store_framework,
    store_tree,
)
from app.services.organisation import get_or_create_organisation
from app.validation import clean_text
from db.base import utc_now
from db.database import Database
from db.models import (
    AnsweringMode,
    Assessment,
    AssessmentKind,
    AssessmentScope,
    AssessmentStatus,
    Department,
    Dimension,
    DimensionTarget,
    Framework,
    Question,
    Respondent,
    Response,
)

DEFAULT_TARGET = 3.0


@dataclass(frozen=True)
class FrameworkRow:
    id: int
    key: str
    version: str
    name: str
    built_in: bool
    assessments: int
    superseded_by: int | None = None
    """A newer version of this framework, when the user's edits created one."""


@dataclass(frozen=True)
class AssessmentSetup:
    """What the wizard's first page collects."""

    name: str
    taken_on: date
    scope: AssessmentScope = AssessmentScope.ORGANISATION
    department_id: int | None = None
    scope_label: str | None = None
    """A team's name (scope team); for a department, its name is used."""
    kind: AssessmentKind = AssessmentKind.BASELINE
    baseline_id: int | None = None
    """For a follow-up: the earlier assessment it is compared with."""
    mode: AnsweringMode = AnsweringMode.CONSENSUS
    respondents: list[str] = field(default_factory=list)
    """Labels of the respondents (mode respondents); consensus has one facilitator."""
    framework_id: int | None = None
    """None: the built-in framework."""
    targets: dict[str, float] = field(default_factory=dict)
    """Dimension key -> target level; missing ones get the baseline's or DEFAULT_TARGET."""


@dataclass(frozen=True)
class RespondentRow:
    id: int
    label: str
    answered: int
    total: int


@dataclass(frozen=True)
class SavedAnswer:
    question_id: int
    level: int | None
    dont_know: bool
    note: str | None


@dataclass(frozen=True)
class AssessmentProgress:
    assessment_id: int
    name: str
    status: str
    framework: FrameworkContent
    respondents: list[RespondentRow]
    answers: dict[tuple[int, int], SavedAnswer]
    """(respondent id, question id) -> the saved answer."""
    resume_respondent_id: int | None
    resume_question_id: int | None


@dataclass(frozen=True)
class UnfinishedAssessment:
    id: int
    name: str
    taken_on: date
    answered: int
    total: int


class MaturityService:
    """Frameworks, assessments, answers saved one by one, and results from the scoring."""

    def __init__(self, database: Database, changes: ChangeBus) -> None:
        self._db = database
        self._changes = changes

    # Frameworks ----------------------------------------------------------------------
    def builtin_framework(self) -> FrameworkContent:
        """The built-in framework, copied into the data file the first time it is needed."""
        from app.maturity.content_loading import builtin_framework

        content = builtin_framework()
        with self._db.transaction() as session:
            found = find_framework(session, content.key, content.version, built_in=True)
            if found is None:
                found = store_framework(session, content, built_in=True)
            return read_framework(session, found)

    def frameworks(self) -> list[FrameworkRow]:
        used = func.count(Assessment.id)
        statement = (
            select(Framework, used)
            .outerjoin(Assessment, Assessment.framework_id == Framework.id)
            .group_by(Framework.id)
            .order_by(Framework.name, Framework.id)
        )
        with self._db.reading() as session:
            found = [
                (f.id, f.key, f.version, f.name, f.built_in, f.copied_from_id, int(n))
                for f, n in session.execute(statement)
            ]
        newer: dict[int, int] = {}
        for row_id, key, _version, _name, _built_in, parent, _n in found:
            parent_key = next((k for i, k, *_rest in found if i == parent), None)
            if parent is not None and parent_key == key:
                newer[parent] = max(newer.get(parent, 0), row_id)
        return [
            FrameworkRow(i, k, v, n, b, count, newer.get(i))
            for i, k, v, n, b, _parent, count in found
        ]

    def copy_framework(self, framework_id: int, name: str) -> int:
        """An editable copy of a framework (usually the built-in one), as version 1."""
        cleaned = clean_text(name)
        if not cleaned:
            raise ValidationError(_("Give the copy a name."), field="name")
        with self._db.transaction() as session:
            content = read_framework(session, framework_id)
            new_id = store_framework(
                session,
                content,
                built_in=False,
                copied_from_id=framework_id,
                key=f"custom-{uuid.uuid4().hex[:8]}",
                version="1",
                name=cleaned,
            )
        self._changes.publish(Topic.ASSESSMENTS)
        return new_id

    def update_framework(self, framework_id: int, content: FrameworkContent) -> int:
        """Save edits to one of the user's frameworks; returns the id the edits are in.

        When assessments were taken with the framework, the edits become a new version
        and the old one stays exactly as it was, so earlier results do not change.
        """
        edited = _checked_edit(content)
        with self._db.transaction() as session:
            framework = session.get(Framework, framework_id)
            if framework is None:
                raise ValidationError(_("That framework no longer exists."))
            if framework.built_in:
                raise ValidationError(
                    _("The built-in framework cannot be changed. Make an editable copy first."),
                    field="name",
                )
            used = session.execute(
                select(func.count()).where(Assessment.framework_id == framework_id)
            ).scalar_one()
            if used:
                new_id = store_framework(
                    session,
                    edited,
                    built_in=False,
                    copied_from_id=framework_id,
                    key=framework.key,
                    version=_next_version(framework.version),
                )
            else:
                framework.name = edited.name
                framework.description = edited.description
                delete_tree(session, framework_id)
                store_tree(session, framework_id, edited)
                new_id = framework_id
        self._changes.publish(Topic.ASSESSMENTS)
        return new_id

    def delete_framework(self, framework_id: int) -> None:
        with self._db.transaction() as session:
            framework = session.get(Framework, framework_id)
            if framework is None:
                return
            if framework.built_in:
                raise ValidationError(_("The built-in framework cannot be deleted."))
            used = session.execute(
                select(func.count()).where(Assessment.framework_id == framework_id)
            ).scalar_one()
            if used:
                raise ValidationError(
                    _(
                        "Assessments were taken with this framework, so it is kept to keep "
                        "their results as they were."
                    )
                )
            delete_tree(session, framework_id)
            session.delete(framework)
        self._changes.publish(Topic.ASSESSMENTS)

    def framework(self, framework_id: int) -> FrameworkContent:
        with self._db.reading() as session:
            return read_framework(session, framework_id)

    # Assessments ---------------------------------------------------------------------
    def create_assessment(self, setup: AssessmentSetup) -> int:
        name = clean_text(setup.name)
        if not name:
            raise ValidationError(_("Give the assessment a name."), field="name")
        labels = [clean_text(label) for label in setup.respondents]
        respondents = [label for label in labels if label]
        if setup.mode is AnsweringMode.RESPONDENTS:
            if not respondents:
                raise ValidationError(
                    _("Add at least one respondent, or choose a facilitator's consensus."),
                    field="respondents",
                )
            if len({r.lower() for r in respondents}) != len(respondents):
                raise ValidationError(
                    _("Two respondents have the same name; give each a different one."),
                    field="respondents",
                )
        else:
            respondents = [_("Facilitator (consensus)")]
        if setup.kind is AssessmentKind.FOLLOW_UP and setup.baseline_id is None:
            raise ValidationError(
                _("Choose the earlier assessment this follow-up is compared with."),
                field="baseline",
            )
        if setup.scope is AssessmentScope.DEPARTMENT and setup.department_id is None:
            raise ValidationError(_("Choose the department being assessed."), field="scope")
        if setup.scope is AssessmentScope.TEAM and not clean_text(setup.scope_label):
            raise ValidationError(_("Give the team's name."), field="scope")
        framework_id = setup.framework_id
        if framework_id is None and setup.baseline_id is None:
            framework_id = self.builtin_framework().id
        with self._db.transaction() as session:
            baseline = session.get(Assessment, setup.baseline_id) if setup.baseline_id else None
            if setup.baseline_id is not None and baseline is None:
                raise ValidationError(
                    _("The earlier assessment no longer exists; choose another."),
                    field="baseline",
                )
            if framework_id is None:
                assert baseline is not None
                framework_id = baseline.framework_id  # compare like with like
            content = read_framework(session, framework_id)
            assessment = Assessment(
                framework_id=framework_id,
                name=name,
                scope=setup.scope,
                department_id=setup.department_id,
                scope_label=self._scope_label(session, setup),
                taken_on=setup.taken_on,
                kind=setup.kind,
                baseline_id=setup.baseline_id,
                mode=setup.mode,
                status=AssessmentStatus.IN_PROGRESS,
            )
            session.add(assessment)
            session.flush()
            rows = [Respondent(assessment_id=assessment.id, label=label) for label in respondents]
            session.add_all(rows)
            session.flush()
            baseline_targets = self._targets_by_key(session, baseline.id) if baseline else {}
            for dimension in content.dimensions:
                assert dimension.id is not None
                target = setup.targets.get(
                    dimension.key, baseline_targets.get(dimension.key, DEFAULT_TARGET)
                )
                session.add(
                    DimensionTarget(
                        assessment_id=assessment.id,
                        dimension_id=dimension.id,
                        target=min(5.0, max(1.0, float(target))),
                    )
                )
            first = content.dimensions[0].questions[0] if content.dimensions else None
            assessment.resume_respondent_id = rows[0].id
            assessment.resume_question_id = first.id if first else None
            new_id = assessment.id
        self._changes.publish(Topic.ASSESSMENTS, ids=frozenset({new_id}))
        return new_id

    def answer(
        self,
        assessment_id: int,
        respondent_id: int,
        question_id: int,
        *,
        level: int | None,
        dont_know: bool = False,
    ) -> None:
        """Save one answer at once; ``level`` None and not ``dont_know`` clears it."""
        if level is not None and level not in LEVELS:
            raise ValidationError(_("An answer is a level from 1 to 5."), field="level")
        with self._db.transaction() as session:
            assessment = self._assessment(session, assessment_id)
            response = self._response(session, assessment, respondent_id, question_id)
            response.level = None if dont_know else level
            response.dont_know = dont_know
            assessment.resume_respondent_id = respondent_id
            assessment.resume_question_id = question_id
        self._changes.publish(Topic.ASSESSMENTS, ids=frozenset({assessment_id}))

    def note(
        self, assessment_id: int, respondent_id: int, question_id: int, text: str | None
    ) -> None:
        """Save the note or evidence for one answer (an empty text removes it)."""
        with self._db.transaction() as session:
            assessment = self._assessment(session, assessment_id)
            response = self._response(session, assessment, respondent_id, question_id)
            response.note = (text or "").strip() or None
        self._changes.publish(Topic.ASSESSMENTS, ids=frozenset({assessment_id}))

    def set_position(self, assessment_id: int, respondent_id: int, question_id: int) -> None:
        """Remember where the user is, so reopening resumes exactly there."""
        with self._db.transaction() as session:
            assessment = self._assessment(session, assessment_id)
            assessment.resume_respondent_id = respondent_id
            assessment.resume_question_id = question_id

    def progress(self, assessment_id: int) -> AssessmentProgress:
        with self._db.reading() as session:
            assessment = self._assessment(session, assessment_id)
            content = read_framework(session, assessment.framework_id)
            total = content.question_count
            respondents = list(
                session.execute(
                    select(Respondent)
                    .where(Respondent.assessment_id == assessment_id)
                    .order_by(Respondent.id)
                ).scalars()
            )
            answers = {
                (r.respondent_id, r.question_id): SavedAnswer(
                    r.question_id, r.level, r.dont_know, r.note
                )
                for r in session.execute(
                    select(Response).where(Response.assessment_id == assessment_id)
                ).scalars()
            }
            rows = [
                RespondentRow(
                    respondent.id,
                    respondent.label,
                    sum(
                        1
                        for (who, _q), saved in answers.items()
                        if who == respondent.id and (saved.level is not None or saved.dont_know)
                    ),
                    total,
                )
                for respondent in respondents
            ]
            return AssessmentProgress(
                assessment_id=assessment.id,
                name=assessment.name,
                status=assessment.status.value,
                framework=content,
                respondents=rows,
                answers=answers,
                resume_respondent_id=assessment.resume_respondent_id,
                resume_question_id=assessment.resume_question_id,
            )

    def unfinished(self) -> list[UnfinishedAssessment]:
        """Assessments still in progress, newest first, to offer "resume" in the wizard."""
        with self._db.reading() as session:
            found = session.execute(
                select(Assessment.id, Assessment.name, Assessment.taken_on)
                .where(Assessment.status == AssessmentStatus.IN_PROGRESS)
                .order_by(Assessment.updated_at.desc(), Assessment.id.desc())
            ).all()
        result = []
        for assessment_id, name, taken_on in found:
            progress = self.progress(assessment_id)
            answered = sum(r.answered for r in progress.respondents)
            total = sum(r.total for r in progress.respondents)
            result.append(UnfinishedAssessment(assessment_id, name, taken_on, answered, total))
        return result

    def finish(self, assessment_id: int) -> None:
        """Mark complete; allowed with unanswered questions (the results say how many)."""
        with self._db.transaction() as session:
            assessment = self._assessment(session, assessment_id)
            assessment.status = AssessmentStatus.COMPLETE
            assessment.completed_at = utc_now()
        self._changes.publish(Topic.ASSESSMENTS, ids=frozenset({assessment_id}))

    def set_targets(self, assessment_id: int, targets: dict[str, float]) -> None:
        with self._db.transaction() as session:
            for target, key in session.execute(
                select(DimensionTarget, Dimension.key)
                .join(Dimension, Dimension.id == DimensionTarget.dimension_id)
                .where(DimensionTarget.assessment_id == assessment_id)
            ):
                if key in targets:
                    target.target = min(5.0, max(1.0, float(targets[key])))
        self._changes.publish(Topic.ASSESSMENTS, ids=frozenset({assessment_id}))

    def delete_assessment(self, assessment_id: int) -> None:
        with self._db.transaction() as session:
            assessment = session.get(Assessment, assessment_id)
            if assessment is not None:
                session.delete(assessment)
        self._changes.publish(Topic.ASSESSMENTS, ids=frozenset({assessment_id}))

    # Results -------------------------------------------------------------------------
    def results(self, assessment_id: int) -> AssessmentResults:
        from app.maturity.results import build_results

        with self._db.reading() as session:
            return build_results(session, assessment_id)

    def history(self) -> MaturityHistory:
        from app.maturity.results import build_history

        with self._db.reading() as session:
            return build_history(session)

    def finished_count(self) -> int:
        """How many assessments are finished (cheap: no scoring)."""
        with self._db.reading() as session:
            return int(
                session.execute(
                    select(func.count()).where(Assessment.status == AssessmentStatus.COMPLETE)
                ).scalar_one()
            )

    def baseline_choices(self) -> list[AssessmentSummary]:
        """Completed assessments a follow-up can be compared with, newest first."""
        history = self.history()
        return [a for a in reversed(history.assessments) if a.status == "complete"]

    # Helpers -------------------------------------------------------------------------
    @staticmethod
    def _assessment(session: Session, assessment_id: int) -> Assessment:
        assessment = session.get(Assessment, assessment_id)
        if assessment is None:
            raise ValidationError(_("That assessment no longer exists in this data file."))
        return assessment

    @staticmethod
    def _response(
        session: Session, assessment: Assessment, respondent_id: int, question_id: int
    ) -> Response:
        respondent = session.get(Respondent, respondent_id)
        if respondent is None or respondent.assessment_id != assessment.id:
            raise ValidationError(_("That respondent is not part of this assessment."))
        question = session.get(Question, question_id)
        dimension = session.get(Dimension, question.dimension_id) if question else None
        if dimension is None or dimension.framework_id != assessment.framework_id:
            raise ValidationError(_("That question is not part of this assessment."))
        response = session.execute(
            select(Response).where(
                Response.respondent_id == respondent_id, Response.question_id == question_id
            )
        ).scalar_one_or_none()
        if response is None:
            response = Response(
                assessment_id=assessment.id,
                respondent_id=respondent_id,
                question_id=question_id,
                level=None,
                dont_know=False,
            )
            session.add(response)
        return response

    @staticmethod
    def _targets_by_key(session: Session, assessment_id: int) -> dict[str, float]:
        return {
            key: target
            for key, target in session.execute(
                select(Dimension.key, DimensionTarget.target)
                .join(Dimension, Dimension.id == DimensionTarget.dimension_id)
                .where(DimensionTarget.assessment_id == assessment_id)
            )
        }

    @staticmethod
    def _scope_label(session: Session, setup: AssessmentSetup) -> str:
        if setup.scope is AssessmentScope.DEPARTMENT and setup.department_id is not None:
            department = session.get(Department, setup.department_id)
            if department is None:
                raise ValidationError(_("That department no longer exists."), field="scope")
            return department.name
        if setup.scope is AssessmentScope.TEAM:
            return clean_text(setup.scope_label) or ""
        return get_or_create_organisation(session).name


def _next_version(version: str) -> str:
    """ "1" -> "2", "1.0" -> "1.1"; anything else gets ".1" added."""
    head, dot, tail = version.rpartition(".")
    if tail.isdigit():
        return f"{head}{dot}{int(tail) + 1}"
    return f"{version}.1"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "dimension"


def _checked_edit(content: FrameworkContent) -> FrameworkContent:
    """The edited framework with keys for new parts; ValidationError for what cannot work."""
    name = clean_text(content.name)
    if not name:
        raise ValidationError(_("Give the framework a name."), field="name")
    if not content.dimensions:
        raise ValidationError(_("A framework needs at least one dimension."), field="dimensions")
    dimension_keys: set[str] = set()
    dimensions: list[DimensionContent] = []
    for dimension in content.dimensions:
        title = clean_text(dimension.name)
        if not title:
            raise ValidationError(_("Every dimension needs a name."), field="dimension")
        if dimension.weight <= 0:
            raise ValidationError(
                _("The weight of “{name}” must be more than 0.").format(name=title),
                field="weight",
            )
        if not dimension.questions:
            raise ValidationError(
                _("“{name}” has no question; add one or remove the dimension.").format(name=title),
                field="questions",
            )
        key = dimension.key or _slug(title)
        while key in dimension_keys:
            key += "_2"
        dimension_keys.add(key)
        question_keys: set[str] = set()
        questions: list[QuestionContent] = []
        for number, question in enumerate(dimension.questions, start=1):
            text = (question.text or "").strip()
            if not text:
                raise ValidationError(
                    _("A question in “{name}” has no text.").format(name=title),
                    field="question",
                )
            if question.weight <= 0:
                raise ValidationError(
                    _("The weight of the question “{text}” must be more than 0.").format(text=text),
                    field="weight",
                )
            descriptors = {
                level: (question.descriptors.get(level) or "").strip() for level in LEVELS
            }
            missing = [level for level, words in descriptors.items() if not words]
            if missing:
                raise ValidationError(
                    _(
                        "The question “{text}” needs a description of what level "
                        "{level} looks like."
                    ).format(text=text, level=missing[0]),
                    field="descriptor",
                )
            question_key = question.key or f"{key}.q{number}"
            while question_key in question_keys:
                question_key += "_2"
            question_keys.add(question_key)
            questions.append(
                replace(question, key=question_key, text=text, descriptors=descriptors, id=None)
            )
        dimensions.append(replace(dimension, key=key, name=title, questions=questions, id=None))
    return replace(content, name=name, dimensions=dimensions, id=None)
