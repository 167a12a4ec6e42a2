"""Scoring a maturity assessment: plain data in, plain numbers out.

No database, no I/O, no Qt. MaturityService builds the figures in app/maturity/figures.py
from these functions only, so every screen, report and export shows the same numbers.

The rules, in one place:

* A question is answered with a level 1–5, or "don't know", or left unanswered. "Don't know"
  and unanswered are both *excluded* from every score: they never count as zero (or as
  anything else). Replacing a level by "don't know" gives exactly the score of removing it.
* A respondent's dimension score is the weighted mean of the levels they gave in that
  dimension, weighted by the question weights of the questions they answered only.
* A dimension's score is the plain mean of its contributing respondents' scores (a respondent
  contributes when they have a score in that dimension). In consensus mode there is one
  respondent, so that is their score.
* The overall score is the weighted mean of the dimensions that have a score, weighted by
  the dimension weights.
* Weights must be finite and not negative. A weight of zero takes part in the counts but
  never moves a score; when every answered question (or every scored dimension) has weight
  zero there is nothing to average and the score is None.
* Anonymity (DESIGN §5) and the maturity level bands: see ``score_dimension`` and
  ``level_for``.

Every score is None or within [1, 5]; floating-point noise is clamped to the range of the
values averaged, so a mean is never outside its inputs.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from app.privacy import anonymity_threshold

MIN_LEVEL = 1
MAX_LEVEL = 5

LEVEL_BANDS: tuple[float, ...] = (1.8, 2.6, 3.4, 4.2)
"""Lower bounds of levels 2..5: equal-width bands of 0.8 over [1, 5].

[1, 1.8) -> 1, [1.8, 2.6) -> 2, [2.6, 3.4) -> 3, [3.4, 4.2) -> 4, [4.2, 5] -> 5.
"""

_BAND_DIGITS = 9
"""Scores are rounded to this many decimals before banding, so float noise such as
3.3999999999999995 (a true 3.4) falls in the band it belongs to."""


def _check_weight(weight: float, what: str) -> None:
    if isinstance(weight, bool) or not math.isfinite(weight) or weight < 0:
        raise ValueError(f"{what}: weight must be a finite number >= 0, not {weight!r}")


@dataclass(frozen=True)
class Answer:
    """One respondent's answer to one question.

    ``level`` 1–5 is an answer; ``dont_know=True`` (with ``level=None``) is "don't know";
    ``level=None`` and ``dont_know=False`` is unanswered (the same as no Answer at all).
    """

    respondent: int
    question_key: str
    level: int | None
    dont_know: bool = False

    def __post_init__(self) -> None:
        if self.level is not None:
            if isinstance(self.level, bool) or not isinstance(self.level, int):
                raise ValueError(f"level must be an int 1–5 or None, not {self.level!r}")
            if not MIN_LEVEL <= self.level <= MAX_LEVEL:
                raise ValueError(f"level must be between 1 and 5, not {self.level}")
            if self.dont_know:
                raise ValueError('an answer is a level or "don\'t know", not both')


@dataclass(frozen=True)
class QuestionSpec:
    key: str
    dimension_key: str
    weight: float

    def __post_init__(self) -> None:
        _check_weight(self.weight, f"question {self.key!r}")


@dataclass(frozen=True)
class DimensionSpec:
    key: str
    weight: float
    question_keys: tuple[str, ...]

    def __post_init__(self) -> None:
        _check_weight(self.weight, f"dimension {self.key!r}")
        if len(set(self.question_keys)) != len(self.question_keys):
            raise ValueError(f"dimension {self.key!r}: a question is listed twice")


@dataclass(frozen=True)
class DimensionScore:
    """A dimension's figures over all respondents; see ``score_dimension``."""

    score: float | None
    answered: int
    dont_know: int
    unanswered: int
    respondents: int
    """How many respondents contributed (have a score in this dimension)."""
    minimum: float | None
    maximum: float | None
    sd: float | None
    """Population standard deviation of the respondents' scores (0.0 for one respondent)."""
    suppressed: bool


def _clamp(value: float, low: float, high: float) -> float:
    return min(max(value, low), high)


def _weighted_mean(pairs: Sequence[tuple[float, float]]) -> float | None:
    """Weighted mean of (value, weight) pairs, clamped to the values' range; None if no weight.

    ``math.fsum`` is correctly rounded, so the result does not depend on the pairs' order.
    """
    total = math.fsum(weight for _value, weight in pairs)
    if total <= 0:
        return None
    mean = math.fsum(value * weight for value, weight in pairs) / total
    used = [value for value, weight in pairs if weight > 0]
    return _clamp(mean, min(used), max(used))


def _mean(values: Sequence[float]) -> float | None:
    if not values:
        return None
    return _clamp(math.fsum(values) / len(values), min(values), max(values))


def _by_question(answers: Iterable[Answer]) -> dict[str, Answer]:
    """One respondent's answers by question key; raises if a question is answered twice."""
    found: dict[str, Answer] = {}
    respondent: int | None = None
    for answer in answers:
        if respondent is None:
            respondent = answer.respondent
        elif answer.respondent != respondent:
            raise ValueError(
                f"answers from respondents {respondent} and {answer.respondent}: "
                "dimension_score scores one respondent"
            )
        if answer.question_key in found:
            raise ValueError(f"question {answer.question_key!r} answered twice")
        found[answer.question_key] = answer
    return found


def dimension_score(specs: Sequence[QuestionSpec], answers: Iterable[Answer]) -> float | None:
    """ONE respondent's score for a dimension: the weighted mean of the levels given.

    ``specs`` are the dimension's questions; ``answers`` are that respondent's answers
    (answers to questions not in ``specs`` are ignored). Only the questions answered with a
    level count, each with its weight; "don't know" and unanswered questions are left out of
    both the sum and the weights. None when no question with a weight above zero was answered.
    The result lies between the lowest and highest level given, so within [1, 5].

    Raises ValueError when the answers come from more than one respondent or answer a
    question twice.
    """
    given = _by_question(answers)
    pairs: list[tuple[float, float]] = []
    for spec in specs:
        answer = given.get(spec.key)
        if answer is not None and answer.level is not None:
            pairs.append((float(answer.level), spec.weight))
    return _weighted_mean(pairs)


def score_dimension(
    dimension: DimensionSpec,
    questions: Mapping[str, QuestionSpec],
    answers: Sequence[Answer],
    *,
    respondents: Sequence[int],
    threshold: int,
) -> DimensionScore:
    """A dimension's score and spread over the assessment's respondents.

    Each respondent in ``respondents`` gets a ``dimension_score``; the dimension's score is
    the mean of the scores of the respondents who have one ("contributors"; a respondent with
    no level in this dimension is left out, never counted as zero). ``answered``,
    ``dont_know`` and ``unanswered`` count every respondent × question cell of the
    dimension, so they add up to ``len(respondents) * len(dimension.question_keys)``.
    ``minimum``, ``maximum`` and ``sd`` describe the contributors' scores; ``sd`` is the
    *population* standard deviation (the spread of exactly these people, not an estimate
    for a wider population), so one contributor gives min = max = score and sd 0.0.

    Anonymity rule (DESIGN §5: a group smaller than the threshold is never shown on its
    own in an aggregate). ``threshold`` goes through ``anonymity_threshold``, so it is
    never below 3.

    * Consensus mode (at most one respondent in ``respondents``): never suppressed; the
      answers are the group's agreed answers, not one person's.
    * Several respondents: when at least one but fewer than the threshold contributed, the
      dimension is ``suppressed``: ``score``, ``minimum``, ``maximum`` and ``sd`` are all
      None (a mean of two people is as identifying as their spread). The counts and
      ``respondents`` are still given, so the report can say why.
    * No contributor at all identifies nobody: score and spread are None, not suppressed.

    Answers from anyone not in ``respondents``, and answers to questions of other
    dimensions, are ignored. Raises ValueError when ``respondents`` lists someone twice, a
    respondent answers a question twice, or a question of the dimension is missing from
    ``questions`` or belongs to another dimension.
    """
    if len(set(respondents)) != len(respondents):
        raise ValueError("a respondent is listed twice")
    specs: list[QuestionSpec] = []
    for key in dimension.question_keys:
        spec = questions.get(key)
        if spec is None:
            raise ValueError(f"question {key!r} of dimension {dimension.key!r} has no spec")
        if spec.dimension_key != dimension.key:
            raise ValueError(
                f"question {key!r} belongs to dimension {spec.dimension_key!r}, "
                f"not {dimension.key!r}"
            )
        specs.append(spec)

    keys = set(dimension.question_keys)
    wanted = set(respondents)
    per_respondent: dict[int, list[Answer]] = {r: [] for r in respondents}
    for answer in answers:
        if answer.respondent in wanted and answer.question_key in keys:
            per_respondent[answer.respondent].append(answer)

    answered = dont_know = 0
    scores: list[float] = []
    for respondent in respondents:
        own = per_respondent[respondent]
        score = dimension_score(specs, own)
        answered += sum(1 for a in own if a.level is not None)
        dont_know += sum(1 for a in own if a.dont_know)
        if score is not None:
            scores.append(score)
    unanswered = len(respondents) * len(specs) - answered - dont_know

    contributors = len(scores)
    limit = anonymity_threshold(threshold).value
    suppressed = len(respondents) > 1 and 0 < contributors < limit
    if suppressed or not scores:
        return DimensionScore(
            score=None,
            answered=answered,
            dont_know=dont_know,
            unanswered=unanswered,
            respondents=contributors,
            minimum=None,
            maximum=None,
            sd=None,
            suppressed=suppressed,
        )
    return DimensionScore(
        score=_mean(scores),
        answered=answered,
        dont_know=dont_know,
        unanswered=unanswered,
        respondents=contributors,
        minimum=min(scores),
        maximum=max(scores),
        sd=statistics.pstdev(scores),
        suppressed=False,
    )


def overall_score(
    dimension_scores: Mapping[str, float | None], weights: Mapping[str, float]
) -> float | None:
    """Weighted mean of the dimensions that have a score, by dimension weight.

    Dimensions with no score (None) are left out, weights and all. None when no dimension
    with a weight above zero has a score. Raises ValueError when a scored dimension has no
    weight in ``weights`` or a weight is negative or not finite.
    """
    pairs: list[tuple[float, float]] = []
    for key, score in dimension_scores.items():
        if score is None:
            continue
        if key not in weights:
            raise ValueError(f"dimension {key!r} has no weight")
        weight = weights[key]
        _check_weight(weight, f"dimension {key!r}")
        pairs.append((score, weight))
    return _weighted_mean(pairs)


def coverage(answered: int, total: int) -> float:
    """Share of questions answered, 0..1; 0.0 when there are no questions.

    Raises ValueError for negative counts or more answered than there are questions.
    """
    if answered < 0 or total < 0 or answered > total:
        raise ValueError(f"cannot cover {answered} of {total}")
    if total == 0:
        return 0.0
    return answered / total


def level_for(score: float | None) -> int | None:
    """The maturity level (1–5) a score falls in; None for no score.

    Equal-width bands of 0.8 over [1, 5], lower bound included:
    [1, 1.8) -> 1, [1.8, 2.6) -> 2, [2.6, 3.4) -> 3, [3.4, 4.2) -> 4, [4.2, 5] -> 5.
    The score is first rounded to 9 decimals so float noise (3.3999999999999995) lands in
    the band of the value it stands for. Raises ValueError outside [1, 5] or for NaN.
    """
    if score is None:
        return None
    if not MIN_LEVEL <= score <= MAX_LEVEL:  # also False for NaN
        raise ValueError(f"a score must be between 1 and 5, not {score!r}")
    rounded = round(score, _BAND_DIGITS)
    return MIN_LEVEL + sum(1 for bound in LEVEL_BANDS if rounded >= bound)


def question_level(answers: Iterable[Answer]) -> tuple[float | None, int, int]:
    """One question over its respondents: (mean level, levels given, "don't know"s).

    The mean is over the respondents who gave a level (None if nobody did); "don't know"
    and unanswered are left out. This applies no anonymity rule: for several respondents
    the caller withholds the mean as for the question's dimension.

    Raises ValueError when the answers are to more than one question or a respondent
    answers twice.
    """
    levels: list[float] = []
    dont_know = 0
    seen: set[int] = set()
    question: str | None = None
    for answer in answers:
        if question is None:
            question = answer.question_key
        elif answer.question_key != question:
            raise ValueError(f"answers to {question!r} and {answer.question_key!r}: one question")
        if answer.respondent in seen:
            raise ValueError(f"respondent {answer.respondent} answered {question!r} twice")
        seen.add(answer.respondent)
        if answer.level is not None:
            levels.append(float(answer.level))
        elif answer.dont_know:
            dont_know += 1
    return _mean(levels), len(levels), dont_know


def weakest(dimension_scores: Mapping[str, float | None], n: int = 3) -> list[str]:
    """The keys of the ``n`` lowest-scoring dimensions, lowest first.

    Dimensions without a score are left out; ties keep the order of ``dimension_scores``.
    Raises ValueError for a negative ``n``.
    """
    if n < 0:
        raise ValueError(f"n must not be negative, not {n}")
    scored = [(score, key) for key, score in dimension_scores.items() if score is not None]
    scored.sort(key=lambda pair: pair[0])  # stable: ties keep the given order
    return [key for _score, key in scored[:n]]


def change(current: float | None, baseline: float | None) -> float | None:
    """``current - baseline`` when both exist, else None."""
    if current is None or baseline is None:
        return None
    return current - baseline
