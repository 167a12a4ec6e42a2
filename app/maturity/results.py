"""Turning saved answers into the figures of AssessmentResults and MaturityHistory.

All arithmetic is in app.maturity.scoring; this module only gathers the answers, calls it,
and attaches names, targets, baselines and recommendations.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import _, ngettext
from app.maturity.content import FrameworkContent
from app.maturity.figures import (
    AssessmentResults,
    AssessmentSummary,
    DimensionResult,
    MaturityHistory,
    QuestionResult,
)
from app.maturity.framework_store import read_framework
from app.maturity.scoring import (
    Answer,
    DimensionScore,
    DimensionSpec,
    QuestionSpec,
    change,
    coverage,
    level_for,
    overall_score,
    question_level,
    score_dimension,
    weakest,
)
from app.privacy import anonymity_threshold
from app.services.organisation import get_or_create_organisation
from db.models import (
    AnsweringMode,
    Assessment,
    Dimension,
    DimensionTarget,
    Respondent,
    Response,
)


@dataclass(frozen=True)
class _Scored:
    assessment: Assessment
    content: FrameworkContent
    dimensions: dict[str, DimensionScore]
    overall: float | None
    answers: list[Answer]
    notes: dict[str, list[str]]
    respondents: list[int]
    threshold: int
    answered: int
    total: int


def _score(session: Session, assessment: Assessment, threshold: int) -> _Scored:
    content = read_framework(session, assessment.framework_id)
    respondents = list(
        session.execute(
            select(Respondent.id).where(Respondent.assessment_id == assessment.id)
        ).scalars()
    )
    key_of = {q.id: q.key for d in content.dimensions for q in d.questions}
    answers: list[Answer] = []
    notes: dict[str, list[str]] = {}
    for response in session.execute(
        select(Response).where(Response.assessment_id == assessment.id).order_by(Response.id)
    ).scalars():
        key = key_of.get(response.question_id)
        if key is None:
            continue
        answers.append(Answer(response.respondent_id, key, response.level, response.dont_know))
        if response.note:
            notes.setdefault(key, []).append(response.note)
    questions = {
        q.key: QuestionSpec(q.key, d.key, q.weight) for d in content.dimensions for q in d.questions
    }
    scores = {
        d.key: score_dimension(
            DimensionSpec(d.key, d.weight, tuple(q.key for q in d.questions)),
            questions,
            answers,
            respondents=respondents,
            threshold=threshold,
        )
        for d in content.dimensions
    }
    overall = overall_score(
        {key: s.score for key, s in scores.items()}, {d.key: d.weight for d in content.dimensions}
    )
    answered = sum(s.answered for s in scores.values())
    total = len(respondents) * content.question_count
    return _Scored(
        assessment,
        content,
        scores,
        overall,
        answers,
        notes,
        respondents,
        threshold,
        answered,
        total,
    )


def _threshold(session: Session) -> int:
    return anonymity_threshold(get_or_create_organisation(session).anonymity_threshold).value


def build_results(session: Session, assessment_id: int) -> AssessmentResults:
    assessment = session.get(Assessment, assessment_id)
    if assessment is None:
        raise LookupError(f"assessment {assessment_id} does not exist")
    threshold = _threshold(session)
    scored = _score(session, assessment, threshold)
    content = scored.content
    baseline = session.get(Assessment, assessment.baseline_id) if assessment.baseline_id else None
    baseline_scored = _score(session, baseline, threshold) if baseline is not None else None
    targets = {
        key: target
        for key, target in session.execute(
            select(Dimension.key, DimensionTarget.target)
            .join(Dimension, Dimension.id == DimensionTarget.dimension_id)
            .where(DimensionTarget.assessment_id == assessment.id)
        )
    }
    several = assessment.mode is AnsweringMode.RESPONDENTS and len(scored.respondents) > 1
    dimensions: list[DimensionResult] = []
    questions: list[QuestionResult] = []
    for dimension in content.dimensions:
        score = scored.dimensions[dimension.key]
        level = level_for(score.score)
        before = (
            baseline_scored.dimensions[dimension.key].score
            if baseline_scored is not None and dimension.key in baseline_scored.dimensions
            else None
        )
        dimensions.append(
            DimensionResult(
                key=dimension.key,
                name=dimension.name,
                score=score.score,
                level=level,
                level_name=content.level(level).name if level else None,
                target=targets.get(dimension.key),
                baseline=before,
                change=change(score.score, before),
                answered=score.answered,
                dont_know=score.dont_know,
                unanswered=score.unanswered,
                respondents=score.respondents if several else None,
                minimum=score.minimum if several else None,
                maximum=score.maximum if several else None,
                spread_sd=score.sd if several else None,
                suppressed=score.suppressed,
                recommendations=list(dimension.recommendations.get(level, [])) if level else [],
            )
        )
        for question in dimension.questions:
            given = [a for a in scored.answers if a.question_key == question.key]
            mean, count, dont_know = question_level(given)
            shown = None if score.suppressed else mean
            descriptor = question.descriptors.get(round(shown)) if shown is not None else None
            questions.append(
                QuestionResult(
                    dimension_key=dimension.key,
                    question_key=question.key,
                    text=question.text,
                    level=shown,
                    answers=count,
                    dont_know=dont_know,
                    chosen_descriptor=descriptor,
                    notes=[] if score.suppressed else scored.notes.get(question.key, []),
                )
            )
    by_key = {d.key: d for d in dimensions}
    weakest_keys = weakest({d.key: d.score for d in dimensions}, 3)
    overall_level = level_for(scored.overall)
    notes: list[str] = []
    dont_knows = sum(d.dont_know for d in dimensions)
    if dont_knows:
        notes.append(
            ngettext(
                "{count} answer was \u201cdon't know\u201d; it is left out of the scores, "
                "not counted as zero.",
                "{count} answers were \u201cdon't know\u201d; they are left out of the scores, "
                "not counted as zero.",
                dont_knows,
            ).format(count=dont_knows)
        )
    if any(d.suppressed for d in dimensions):
        notes.append(
            _(
                "Where fewer than {threshold} people answered a dimension, its score and "
                "spread are withheld so that no one's answers can be singled out."
            ).format(threshold=threshold)
        )
    return AssessmentResults(
        assessment_id=assessment.id,
        name=assessment.name,
        organisation=get_or_create_organisation(session).name,
        scope_label=assessment.scope_label or "",
        taken_on=assessment.taken_on,
        kind=assessment.kind.value,
        mode=assessment.mode.value,
        status=assessment.status.value,
        framework_name=content.name,
        framework_version=content.version,
        overall=scored.overall,
        overall_level=overall_level,
        overall_level_name=content.level(overall_level).name if overall_level else None,
        overall_level_description=(
            content.level(overall_level).description if overall_level else None
        ),
        coverage=coverage(scored.answered, scored.total),
        dimensions=dimensions,
        weakest=[by_key[key] for key in weakest_keys],
        questions=questions,
        respondent_count=len(scored.respondents),
        anonymity_threshold=threshold,
        baseline_name=baseline.name if baseline else None,
        baseline_taken_on=baseline.taken_on if baseline else None,
        baseline_overall=baseline_scored.overall if baseline_scored else None,
        notes=notes,
    )


def build_history(session: Session) -> MaturityHistory:
    """Every assessment, oldest first, with its overall and per-dimension scores."""
    threshold = _threshold(session)
    summaries: list[AssessmentSummary] = []
    scores: dict[int, dict[str, float | None]] = {}
    names: list[str] = []
    for assessment in session.execute(
        select(Assessment).order_by(Assessment.taken_on, Assessment.id)
    ).scalars():
        scored = _score(session, assessment, threshold)
        level = level_for(scored.overall)
        summaries.append(
            AssessmentSummary(
                id=assessment.id,
                name=assessment.name,
                scope_label=assessment.scope_label or "",
                taken_on=assessment.taken_on,
                kind=assessment.kind.value,
                status=assessment.status.value,
                overall=scored.overall,
                level_name=scored.content.level(level).name if level else None,
                coverage=coverage(scored.answered, scored.total),
                baseline_id=assessment.baseline_id,
            )
        )
        scores[assessment.id] = {}
        for dimension in scored.content.dimensions:
            if dimension.name not in names:
                names.append(dimension.name)
            scores[assessment.id][dimension.name] = scored.dimensions[dimension.key].score
    return MaturityHistory(
        organisation=get_or_create_organisation(session).name,
        assessments=summaries,
        dimension_names=names,
        scores=scores,
    )
