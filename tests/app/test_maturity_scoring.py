"""The maturity scoring rules: hand-computed examples, then properties that hold for any answers."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.maturity.scoring import (
    Answer,
    DimensionScore,
    DimensionSpec,
    QuestionSpec,
    change,
    coverage,
    dimension_score,
    level_for,
    overall_score,
    question_level,
    score_dimension,
    weakest,
)

PROPERTY = settings(max_examples=200, deadline=None)


def specs(*weights: float, dimension: str = "d") -> list[QuestionSpec]:
    return [QuestionSpec(f"q{i}", dimension, w) for i, w in enumerate(weights, start=1)]


def dimension_of(questions: list[QuestionSpec], key: str = "d", weight: float = 1.0):
    return DimensionSpec(key, weight, tuple(q.key for q in questions))


def by_key(questions: list[QuestionSpec]) -> dict[str, QuestionSpec]:
    return {q.key: q for q in questions}


def level(respondent: int, question: str, value: int) -> Answer:
    return Answer(respondent, question, value)


def dont_know(respondent: int, question: str) -> Answer:
    return Answer(respondent, question, None, dont_know=True)


# --- one respondent -----------------------------------------------------------------------


def test_the_dimension_score_is_the_mean_weighted_by_question_weight():
    answers = [level(1, "q1", 2), level(1, "q2", 4), level(1, "q3", 5)]
    assert dimension_score(specs(1, 1, 2), answers) == pytest.approx((2 + 4 + 10) / 4)
    assert dimension_score(specs(1, 1, 2), answers) == pytest.approx(4.0)


def test_dont_know_is_left_out_with_its_weight_not_counted_as_zero():
    answers = [level(1, "q1", 2), level(1, "q2", 4), dont_know(1, "q3")]
    assert dimension_score(specs(1, 1, 2), answers) == pytest.approx(3.0)


def test_an_unanswered_question_is_left_out_with_its_weight():
    answers = [level(1, "q1", 2), level(1, "q2", 4), Answer(1, "q3", None)]
    assert dimension_score(specs(1, 1, 2), answers) == pytest.approx(3.0)
    assert dimension_score(specs(1, 1, 2), answers[:2]) == pytest.approx(3.0)


def test_nothing_answered_gives_no_score():
    assert dimension_score(specs(1, 1, 2), []) is None
    assert dimension_score(specs(1, 1, 2), [Answer(1, "q1", None)]) is None
    assert dimension_score(specs(1, 1, 2), [dont_know(1, "q1"), dont_know(1, "q2")]) is None


def test_answers_to_questions_of_other_dimensions_are_ignored():
    answers = [level(1, "q1", 2), level(1, "elsewhere", 5)]
    assert dimension_score(specs(1), answers) == pytest.approx(2.0)


def test_a_dimension_whose_answered_questions_all_weigh_zero_has_no_score():
    assert dimension_score(specs(0, 1), [level(1, "q1", 5)]) is None
    assert dimension_score(specs(0, 1), [level(1, "q1", 5), level(1, "q2", 1)]) == 1.0


def test_answers_from_two_respondents_or_a_question_answered_twice_are_refused():
    with pytest.raises(ValueError, match="respondent"):
        dimension_score(specs(1, 1), [level(1, "q1", 2), level(2, "q2", 3)])
    with pytest.raises(ValueError, match="twice"):
        dimension_score(specs(1, 1), [level(1, "q1", 2), level(1, "q1", 3)])


def test_an_impossible_answer_or_weight_is_refused():
    with pytest.raises(ValueError):
        Answer(1, "q1", 0)
    with pytest.raises(ValueError):
        Answer(1, "q1", 6)
    with pytest.raises(ValueError):
        Answer(1, "q1", 3, dont_know=True)
    with pytest.raises(ValueError):
        QuestionSpec("q1", "d", -1.0)
    with pytest.raises(ValueError):
        QuestionSpec("q1", "d", math.nan)
    with pytest.raises(ValueError):
        DimensionSpec("d", math.inf, ("q1",))
    with pytest.raises(ValueError):
        DimensionSpec("d", 1.0, ("q1", "q1"))


# --- several respondents ------------------------------------------------------------------


def test_the_dimension_score_is_the_mean_of_the_respondents_with_min_max_and_population_sd():
    questions = specs(1, 2)
    answers = [
        *(level(1, "q1", 2), level(1, "q2", 2)),  # 2.0
        *(level(2, "q1", 1), level(2, "q2", 4)),  # (1 + 8) / 3 = 3.0
        *(level(3, "q1", 4), level(3, "q2", 4)),  # 4.0
    ]
    result = score_dimension(
        dimension_of(questions), by_key(questions), answers, respondents=[1, 2, 3], threshold=3
    )
    assert result == DimensionScore(
        score=pytest.approx(3.0),
        answered=6,
        dont_know=0,
        unanswered=0,
        respondents=3,
        minimum=2.0,
        maximum=4.0,
        # Population sd: sqrt(((2-3)² + 0² + (4-3)²) / 3); the sample sd would be 1.0.
        sd=pytest.approx(math.sqrt(2 / 3)),
        suppressed=False,
    )


def test_respondents_at_2_and_4_with_two_at_3_give_mean_3_min_2_max_4_population_sd():
    questions = specs(1)
    answers = [level(1, "q1", 2), level(2, "q1", 4), level(3, "q1", 3), level(4, "q1", 3)]
    result = score_dimension(
        dimension_of(questions), by_key(questions), answers, respondents=[1, 2, 3, 4], threshold=3
    )
    assert (result.score, result.minimum, result.maximum) == (3.0, 2.0, 4.0)
    assert result.sd == pytest.approx(math.sqrt(0.5))  # sqrt((1 + 1 + 0 + 0) / 4)


def test_two_respondents_at_2_and_4_are_below_the_minimum_threshold_and_withheld():
    questions = specs(1)
    answers = [level(1, "q1", 2), level(2, "q1", 4)]
    result = score_dimension(
        dimension_of(questions), by_key(questions), answers, respondents=[1, 2], threshold=3
    )
    assert result.suppressed
    assert (result.score, result.minimum, result.maximum, result.sd) == (None,) * 4
    assert result.respondents == 2
    assert result.answered == 2


def test_respondents_with_nothing_answered_in_the_dimension_do_not_count():
    questions = specs(1, 1)
    answers = [
        level(1, "q1", 2),
        level(2, "q1", 4),
        level(3, "q2", 3),
        dont_know(4, "q1"),
        dont_know(4, "q2"),
    ]
    result = score_dimension(
        dimension_of(questions),
        by_key(questions),
        answers,
        respondents=[1, 2, 3, 4, 5],
        threshold=3,
    )
    assert result.score == pytest.approx(3.0)
    assert result.respondents == 3
    assert (result.answered, result.dont_know, result.unanswered) == (3, 2, 5)
    assert (result.minimum, result.maximum) == (2.0, 4.0)


def test_fewer_contributors_than_the_threshold_withhold_score_and_spread():
    questions = specs(1, 1)
    answers = [level(1, "q1", 2), level(2, "q1", 4), dont_know(3, "q1")]
    result = score_dimension(
        dimension_of(questions),
        by_key(questions),
        answers,
        respondents=[1, 2, 3, 4, 5],
        threshold=3,
    )
    assert result == DimensionScore(
        score=None,
        answered=2,
        dont_know=1,
        unanswered=7,
        respondents=2,
        minimum=None,
        maximum=None,
        sd=None,
        suppressed=True,
    )


def test_as_many_contributors_as_the_threshold_are_shown():
    questions = specs(1)
    answers = [level(r, "q1", r) for r in (1, 2, 3)]
    result = score_dimension(
        dimension_of(questions),
        by_key(questions),
        answers,
        respondents=[1, 2, 3, 4, 5],
        threshold=3,
    )
    assert not result.suppressed
    assert result.score == 2.0
    assert result.respondents == 3


def test_a_threshold_below_the_minimum_is_raised_to_three():
    questions = specs(1)
    answers = [level(1, "q1", 2), level(2, "q1", 4)]
    result = score_dimension(
        dimension_of(questions), by_key(questions), answers, respondents=[1, 2], threshold=2
    )
    assert result.suppressed
    assert result.score is None


def test_a_consensus_assessment_is_never_suppressed():
    questions = specs(1, 1, 2)
    answers = [level(7, "q1", 2), level(7, "q2", 4), level(7, "q3", 5)]
    result = score_dimension(
        dimension_of(questions), by_key(questions), answers, respondents=[7], threshold=10
    )
    assert not result.suppressed
    assert result.score == pytest.approx(4.0)
    assert (result.minimum, result.maximum, result.sd) == (pytest.approx(4.0),) * 2 + (0.0,)
    assert result.respondents == 1


def test_nobody_answering_is_not_suppression_just_no_score():
    questions = specs(1)
    result = score_dimension(
        dimension_of(questions),
        by_key(questions),
        [dont_know(1, "q1")],
        respondents=[1, 2, 3],
        threshold=3,
    )
    assert result.score is None
    assert not result.suppressed
    assert result.respondents == 0


def test_answers_of_people_not_in_the_assessment_are_ignored():
    questions = specs(1)
    answers = [level(1, "q1", 3), level(99, "q1", 1)]
    result = score_dimension(
        dimension_of(questions), by_key(questions), answers, respondents=[1], threshold=3
    )
    assert result.score == 3.0
    assert result.answered == 1


def test_inconsistent_dimension_input_is_refused():
    questions = specs(1)
    with pytest.raises(ValueError, match="no spec"):
        score_dimension(dimension_of(questions), {}, [], respondents=[1], threshold=3)
    with pytest.raises(ValueError, match="belongs to"):
        score_dimension(
            dimension_of(questions, key="other"),
            by_key(questions),
            [],
            respondents=[1],
            threshold=3,
        )
    with pytest.raises(ValueError, match="twice"):
        score_dimension(
            dimension_of(questions), by_key(questions), [], respondents=[1, 1], threshold=3
        )


# --- overall, coverage, levels, questions, weakest, change -------------------------------


def test_the_overall_score_is_weighted_by_dimension_weight_and_skips_unscored_dimensions():
    scores = {"a": 2.0, "b": 4.0, "c": None}
    assert overall_score(scores, {"a": 1.0, "b": 3.0, "c": 100.0}) == pytest.approx(3.5)
    assert overall_score({"a": None}, {"a": 1.0}) is None
    assert overall_score({}, {}) is None


def test_the_overall_score_refuses_a_scored_dimension_without_a_weight():
    with pytest.raises(ValueError, match="no weight"):
        overall_score({"a": 2.0}, {})


def test_coverage_is_the_share_answered_and_zero_when_there_is_nothing_to_answer():
    assert coverage(3, 4) == 0.75
    assert coverage(0, 0) == 0.0
    assert coverage(4, 4) == 1.0
    with pytest.raises(ValueError):
        coverage(5, 4)
    with pytest.raises(ValueError):
        coverage(-1, 4)


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (1.0, 1),
        (1.79, 1),
        (1.8, 2),
        (2.59, 2),
        (2.6, 3),
        (3.39, 3),
        (3.4, 4),
        (4.19, 4),
        (4.2, 5),
        (5.0, 5),
        (3.3999999999999995, 4),  # float noise for a true 3.4
        (None, None),
    ],
)
def test_level_bands_are_equal_width_with_the_lower_bound_included(score, expected):
    assert level_for(score) == expected


@pytest.mark.parametrize("score", [0.99, 5.01, math.nan])
def test_a_score_outside_one_to_five_has_no_level(score):
    with pytest.raises(ValueError):
        level_for(score)


def test_a_question_level_is_the_mean_of_levels_given_with_counts():
    answers = [level(1, "q", 2), level(2, "q", 5), dont_know(3, "q"), Answer(4, "q", None)]
    assert question_level(answers) == (pytest.approx(3.5), 2, 1)
    assert question_level([dont_know(1, "q")]) == (None, 0, 1)
    assert question_level([]) == (None, 0, 0)
    with pytest.raises(ValueError):
        question_level([level(1, "q", 2), level(1, "q", 3)])
    with pytest.raises(ValueError):
        question_level([level(1, "q", 2), level(2, "other", 3)])


def test_weakest_lists_the_lowest_first_skips_unscored_and_keeps_given_order_on_ties():
    scores = {"a": 3.0, "b": 2.0, "c": None, "d": 2.0, "e": 1.5, "f": 4.0}
    assert weakest(scores) == ["e", "b", "d"]
    assert weakest(scores, n=5) == ["e", "b", "d", "a", "f"]
    assert weakest({"d": 2.0, "b": 2.0}, n=1) == ["d"]
    assert weakest(scores, n=0) == []
    assert weakest({"c": None}) == []


def test_change_is_current_minus_baseline_when_both_exist():
    assert change(3.5, 2.0) == 1.5
    assert change(2.0, 3.5) == -1.5
    assert change(None, 2.0) is None
    assert change(3.0, None) is None


# --- properties ---------------------------------------------------------------------------

weights = st.floats(min_value=0.1, max_value=10.0, allow_nan=False, allow_infinity=False)
factors = st.floats(min_value=0.01, max_value=100.0, allow_nan=False, allow_infinity=False)
# A cell is a level, "don't know", an explicit unanswered answer, or no answer at all.
cells = st.one_of(
    st.integers(min_value=1, max_value=5),
    st.sampled_from(["dont_know", "unanswered", "missing"]),
)


@dataclass(frozen=True)
class Case:
    dimensions: list[DimensionSpec]
    questions: dict[str, QuestionSpec]
    respondents: list[int]
    answers: list[Answer]
    threshold: int


def make_answer(respondent: int, question: str, cell: int | str) -> Answer | None:
    if cell == "missing":
        return None
    if cell == "dont_know":
        return dont_know(respondent, question)
    if cell == "unanswered":
        return Answer(respondent, question, None)
    assert isinstance(cell, int)
    return level(respondent, question, cell)


@st.composite
def cases(draw: st.DrawFn, max_respondents: int = 6) -> Case:
    dimensions: list[DimensionSpec] = []
    questions: dict[str, QuestionSpec] = {}
    for d in range(draw(st.integers(min_value=1, max_value=4))):
        key = f"d{d}"
        keys = tuple(f"{key}q{q}" for q in range(draw(st.integers(min_value=1, max_value=5))))
        for question in keys:
            questions[question] = QuestionSpec(question, key, draw(weights))
        dimensions.append(DimensionSpec(key, draw(weights), keys))
    respondents = draw(
        st.lists(st.integers(min_value=1, max_value=50), min_size=1, max_size=max_respondents).map(
            lambda ids: sorted(set(ids))
        )
    )
    answers = []
    for respondent in respondents:
        for question in questions:
            answer = make_answer(respondent, question, draw(cells))
            if answer is not None:
                answers.append(answer)
    threshold = draw(st.integers(min_value=0, max_value=6))
    return Case(dimensions, questions, respondents, answers, threshold)


def score_all(case: Case) -> dict[str, DimensionScore]:
    return {
        dimension.key: score_dimension(
            dimension,
            case.questions,
            case.answers,
            respondents=case.respondents,
            threshold=case.threshold,
        )
        for dimension in case.dimensions
    }


def overall_of(case: Case, results: dict[str, DimensionScore]) -> float | None:
    return overall_score(
        {key: result.score for key, result in results.items()},
        {dimension.key: dimension.weight for dimension in case.dimensions},
    )


def close(a: float | None, b: float | None) -> bool:
    """Both None, or equal but for float rounding."""
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def in_range(value: float | None) -> bool:
    return value is None or 1.0 <= value <= 5.0


@PROPERTY
@given(cases())
def test_every_score_is_none_or_within_one_to_five_and_coverage_within_zero_to_one(case):
    results = score_all(case)
    for dimension in case.dimensions:
        result = results[dimension.key]
        assert in_range(result.score)
        assert in_range(result.minimum)
        assert in_range(result.maximum)
        assert result.sd is None or 0.0 <= result.sd <= 2.0
        cells_total = len(case.respondents) * len(dimension.question_keys)
        assert result.answered + result.dont_know + result.unanswered == cells_total
        assert 0.0 <= coverage(result.answered, cells_total) <= 1.0
        specs_ = [case.questions[key] for key in dimension.question_keys]
        for respondent in case.respondents:
            own = [a for a in case.answers if a.respondent == respondent]
            assert in_range(dimension_score(specs_, own))
        if result.score is not None:
            assert level_for(result.score) in {1, 2, 3, 4, 5}
    overall = overall_of(case, results)
    assert in_range(overall)
    assert level_for(overall) in {None, 1, 2, 3, 4, 5}


@PROPERTY
@given(cases())
def test_a_suppressed_dimension_never_shows_a_score_or_spread(case):
    limit = max(case.threshold, 3)
    for result in score_all(case).values():
        if result.suppressed:
            assert (result.score, result.minimum, result.maximum, result.sd) == (None,) * 4
        several = len(case.respondents) > 1
        assert result.suppressed == (several and 0 < result.respondents < limit)
        if result.score is not None:
            assert result.minimum is not None and result.maximum is not None
            assert result.minimum <= result.score <= result.maximum


@PROPERTY
@given(cases(max_respondents=1))
def test_a_consensus_assessment_is_never_suppressed_for_any_answers(case):
    for result in score_all(case).values():
        assert not result.suppressed
        assert (result.score is None) == (result.respondents == 0)


@PROPERTY
@given(cases(), factors)
def test_scaling_all_question_weights_by_one_factor_leaves_every_score_unchanged(case, factor):
    scaled = replace(
        case,
        questions={k: replace(q, weight=q.weight * factor) for k, q in case.questions.items()},
    )
    before, after = score_all(case), score_all(scaled)
    for key, result in before.items():
        assert close(after[key].score, result.score)
        assert after[key].suppressed == result.suppressed
    assert close(overall_of(scaled, after), overall_of(case, before))


@PROPERTY
@given(cases(), factors)
def test_scaling_all_dimension_weights_by_one_factor_leaves_the_overall_unchanged(case, factor):
    scaled = replace(
        case, dimensions=[replace(d, weight=d.weight * factor) for d in case.dimensions]
    )
    results = score_all(case)
    assert close(overall_of(scaled, results), overall_of(case, results))


def _without(answers: list[Answer], respondent: int, question: str) -> list[Answer]:
    return [a for a in answers if (a.respondent, a.question_key) != (respondent, question)]


def _figures(result: DimensionScore) -> tuple[object, ...]:
    """Everything except the counts, which say how the cell was left."""
    return (
        result.score,
        result.respondents,
        result.minimum,
        result.maximum,
        result.sd,
        result.suppressed,
    )


@PROPERTY
@given(cases(), st.data())
def test_dont_know_gives_exactly_the_score_of_leaving_the_question_unanswered(case, data):
    respondent = data.draw(st.sampled_from(case.respondents))
    question = data.draw(st.sampled_from(sorted(case.questions)))
    spec = case.questions[question]
    dimension = next(d for d in case.dimensions if d.key == spec.dimension_key)
    specs_ = [case.questions[key] for key in dimension.question_keys]

    removed = _without(case.answers, respondent, question)
    with_dont_know = [*removed, dont_know(respondent, question)]

    def one(answers: list[Answer]) -> float | None:
        return dimension_score(specs_, [a for a in answers if a.respondent == respondent])

    def every(answers: list[Answer]) -> DimensionScore:
        return score_dimension(
            dimension,
            case.questions,
            answers,
            respondents=case.respondents,
            threshold=case.threshold,
        )

    # Adding a don't-know where there was no answer changes nothing, exactly.
    assert one(with_dont_know) == one(removed)
    assert _figures(every(with_dont_know)) == _figures(every(removed))
    # Replacing whatever was there (a level included) by don't-know equals removing it.
    replaced = [
        dont_know(a.respondent, a.question_key)
        if (a.respondent, a.question_key) == (respondent, question)
        else a
        for a in case.answers
    ]
    if len(replaced) == len(removed):  # the cell had no answer at all: add the don't-know
        replaced.append(dont_know(respondent, question))
    assert one(replaced) == one(removed)
    assert _figures(every(replaced)) == _figures(every(removed))


@PROPERTY
@given(
    st.lists(st.tuples(st.integers(min_value=1, max_value=5), weights), min_size=1, max_size=8),
    st.lists(st.sampled_from(["level", "dont_know", "missing"]), min_size=8, max_size=8),
)
def test_a_respondents_score_lies_between_their_lowest_and_highest_level(items, kinds):
    questions = [QuestionSpec(f"q{i}", "d", w) for i, (_level, w) in enumerate(items)]
    answers = []
    for (value, _weight), spec, kind in zip(items, questions, kinds, strict=False):
        if kind == "level":
            answers.append(level(1, spec.key, value))
        elif kind == "dont_know":
            answers.append(dont_know(1, spec.key))
    given_levels = [a.level for a in answers if a.level is not None]
    score = dimension_score(questions, answers)
    if not given_levels:
        assert score is None
    else:
        assert score is not None
        assert min(given_levels) <= score <= max(given_levels)


@PROPERTY
@given(cases(), st.randoms(use_true_random=False))
def test_the_order_of_the_answers_does_not_matter(case, rnd):
    shuffled = list(case.answers)
    rnd.shuffle(shuffled)
    respondents = list(case.respondents)
    rnd.shuffle(respondents)
    again = replace(case, answers=shuffled, respondents=respondents)
    assert score_all(again) == score_all(case)
    for question in case.questions:
        mine = [a for a in case.answers if a.question_key == question]
        theirs = [a for a in shuffled if a.question_key == question]
        assert question_level(theirs) == question_level(mine)


@PROPERTY
@given(st.dictionaries(st.sampled_from("abcdefgh"), st.none() | st.floats(1.0, 5.0)))
def test_weakest_is_sorted_and_only_holds_scored_dimensions(scores):
    chosen = weakest(scores)
    assert len(chosen) == min(3, sum(1 for s in scores.values() if s is not None))
    values = [scores[key] for key in chosen]
    assert values == sorted(values)
    rest = [s for key, s in scores.items() if s is not None and key not in chosen]
    assert all(s >= values[-1] for s in rest) if values else not rest


@PROPERTY
@given(st.floats(1.0, 5.0), st.floats(1.0, 5.0))
def test_a_higher_score_never_has_a_lower_level(a, b):
    low, high = sorted((a, b))
    assert level_for(low) <= level_for(high)
