"""The results of one assessment and the history of all, as plain data for GUI and reports.

Filled by MaturityService from the scoring functions only; the results page, the PDF
and the workbook format these numbers and never compute their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class QuestionResult:
    dimension_key: str
    question_key: str
    text: str
    level: float | None
    """The consensus answer, or the mean of the respondents' answers; None if unanswered."""
    answers: int
    dont_know: int
    chosen_descriptor: str | None
    """The descriptor of the (rounded) level given, for the report."""
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DimensionResult:
    key: str
    name: str
    score: float | None
    """Weighted mean of answered questions, 1.0–5.0; None when nothing was answered."""
    level: int | None
    level_name: str | None
    target: float | None
    baseline: float | None
    change: float | None
    """score - baseline, when both exist."""
    answered: int
    dont_know: int
    unanswered: int
    respondents: int | None = None
    """For several respondents: how many answered this dimension."""
    minimum: float | None = None
    maximum: float | None = None
    spread_sd: float | None = None
    suppressed: bool = False
    """True when fewer respondents than the anonymity threshold: spread not shown."""
    recommendations: list[str] = field(default_factory=list)
    """Next actions for the dimension's current level."""

    @property
    def gap(self) -> float | None:
        if self.score is None or self.target is None:
            return None
        return self.target - self.score


@dataclass(frozen=True)
class AssessmentResults:
    assessment_id: int
    name: str
    organisation: str
    scope_label: str
    taken_on: date
    kind: str
    """"baseline" or "follow_up"."""
    mode: str
    """"consensus" or "respondents"."""
    status: str
    framework_name: str
    framework_version: str
    overall: float | None
    overall_level: int | None
    overall_level_name: str | None
    overall_level_description: str | None
    coverage: float
    """Share of questions answered (0..1); "don't know" counts as not answered."""
    dimensions: list[DimensionResult]
    weakest: list[DimensionResult]
    """The three lowest-scoring dimensions, weakest first."""
    questions: list[QuestionResult]
    respondent_count: int
    anonymity_threshold: int
    baseline_name: str | None = None
    baseline_taken_on: date | None = None
    baseline_overall: float | None = None
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class AssessmentSummary:
    """One line of the list of assessments over time (and one point of its line chart)."""

    id: int
    name: str
    scope_label: str
    taken_on: date
    kind: str
    status: str
    overall: float | None
    level_name: str | None
    coverage: float
    baseline_id: int | None = None
    """For a follow-up: the assessment it is compared with."""


@dataclass(frozen=True)
class MaturityHistory:
    organisation: str
    assessments: list[AssessmentSummary]
    dimension_names: list[str]
    scores: dict[int, dict[str, float | None]]
    """assessment id -> dimension name -> score, for the workbook's Maturity sheet."""
