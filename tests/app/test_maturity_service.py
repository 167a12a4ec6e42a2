"""Maturity assessments through the service: answers saved one by one, results computed
from them, checked against values worked out by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.errors import ValidationError
from app.maturity.content import (
    DimensionContent,
    FrameworkContent,
    MaturityLevelText,
    QuestionContent,
)
from app.maturity.framework_store import store_framework
from app.maturity.service import AssessmentSetup
from db.models import AnsweringMode, AssessmentKind

pytestmark = pytest.mark.database

LEVEL_NAMES = ["Starting", "Experimenting", "Practising", "Scaling", "Leading"]


def _question(key: str, weight: float = 1.0) -> QuestionContent:
    return QuestionContent(
        key=key,
        text=f"How far along is {key}?",
        descriptors={n: f"{key} at level {n}." for n in range(1, 6)},
        weight=weight,
    )


def small_framework() -> FrameworkContent:
    return FrameworkContent(
        key="test-maturity",
        version="1.0",
        name="Test framework",
        description="Two dimensions for tests.",
        levels=[MaturityLevelText(n, LEVEL_NAMES[n - 1], f"Level {n}.") for n in range(1, 6)],
        dimensions=[
            DimensionContent(
                key="strategy",
                name="Strategy",
                description="Where AI fits the plan.",
                questions=[
                    _question("strategy.a"),
                    _question("strategy.b"),
                    _question("strategy.c", 2.0),
                ],
                recommendations={n: [f"Strategy action for level {n}."] for n in range(1, 6)},
            ),
            DimensionContent(
                key="data",
                name="Data",
                description="Data foundations.",
                questions=[_question("data.a"), _question("data.b")],
                recommendations={n: [f"Data action for level {n}."] for n in range(1, 6)},
                weight=3.0,
            ),
        ],
    )


@pytest.fixture
def framework_id(services) -> int:
    with services.database.transaction() as session:
        return store_framework(session, small_framework(), built_in=False)


def _ids(services, assessment_id):
    progress = services.maturity.progress(assessment_id)
    questions = {q.key: q.id for d in progress.framework.dimensions for q in d.questions}
    return progress, questions


def test_answers_are_saved_at_once_and_scored_as_worked_out_by_hand(services, framework_id):
    assessment = services.maturity.create_assessment(
        AssessmentSetup(
            name="Spring baseline", taken_on=date(2026, 3, 1), framework_id=framework_id
        )
    )
    progress, q = _ids(services, assessment)
    me = progress.respondents[0].id
    answer = services.maturity.answer
    answer(assessment, me, q["strategy.a"], level=2)
    answer(assessment, me, q["strategy.b"], level=4)
    answer(assessment, me, q["strategy.c"], level=None, dont_know=True)
    answer(assessment, me, q["data.a"], level=1)
    services.maturity.note(assessment, me, q["data.a"], "Spreadsheets on Zoë's laptop")

    saved = services.maturity.progress(assessment)
    assert saved.answers[(me, q["strategy.c"])].dont_know is True
    assert saved.answers[(me, q["data.a"])].note == "Spreadsheets on Zoë's laptop"
    assert (saved.resume_respondent_id, saved.resume_question_id) == (me, q["data.a"])

    results = services.maturity.results(assessment)
    strategy, data = results.dimensions
    # strategy: (2*1 + 4*1) / 2 = 3.0 (the weight-2 question was "don't know": left out)
    assert strategy.score == pytest.approx(3.0)
    assert (strategy.answered, strategy.dont_know, strategy.unanswered) == (2, 1, 0)
    assert strategy.level_name == "Practising"
    assert strategy.recommendations == ["Strategy action for level 3."]
    # data: only data.a = 1 -> 1.0; overall = (3.0*1 + 1.0*3) / 4 = 1.5
    assert data.score == pytest.approx(1.0)
    assert results.overall == pytest.approx(1.5)
    assert results.overall_level_name == "Starting"
    assert results.coverage == pytest.approx(3 / 5)
    assert [d.key for d in results.weakest] == ["data", "strategy"]
    assert strategy.target == pytest.approx(3.0)
    assert strategy.gap == pytest.approx(0.0)
    data_a = next(r for r in results.questions if r.question_key == "data.a")
    assert data_a.chosen_descriptor == "data.a at level 1."
    assert data_a.notes == ["Spreadsheets on Zoë's laptop"]
    assert any("don't know" in note for note in results.notes)


def test_a_follow_up_is_compared_with_its_baseline(services, framework_id):
    maturity = services.maturity
    first = maturity.create_assessment(
        AssessmentSetup(
            name="Baseline",
            taken_on=date(2026, 1, 10),
            framework_id=framework_id,
            targets={"strategy": 4.0},
        )
    )
    progress, q = _ids(services, first)
    me = progress.respondents[0].id
    for key in q:
        maturity.answer(first, me, q[key], level=2)
    maturity.finish(first)
    assert [a.id for a in maturity.baseline_choices()] == [first]

    second = maturity.create_assessment(
        AssessmentSetup(
            name="Six months on",
            taken_on=date(2026, 7, 10),
            kind=AssessmentKind.FOLLOW_UP,
            baseline_id=first,
        )
    )
    progress, q = _ids(services, second)
    me = progress.respondents[0].id
    for key in q:
        maturity.answer(second, me, q[key], level=3 if key.startswith("strategy") else 2)
    results = maturity.results(second)
    strategy = results.dimensions[0]
    assert (strategy.baseline, strategy.score, strategy.change) == pytest.approx((2.0, 3.0, 1.0))
    assert strategy.target == pytest.approx(4.0)  # carried over from the baseline
    assert results.baseline_name == "Baseline"
    assert results.baseline_overall == pytest.approx(2.0)
    history = maturity.history()
    assert [a.name for a in history.assessments] == ["Baseline", "Six months on"]
    assert history.scores[second]["Strategy"] == pytest.approx(3.0)


def test_several_respondents_below_the_threshold_have_their_scores_withheld(services, framework_id):
    assessment = services.maturity.create_assessment(
        AssessmentSetup(
            name="Team survey",
            taken_on=date(2026, 2, 2),
            framework_id=framework_id,
            mode=AnsweringMode.RESPONDENTS,
            respondents=[f"Respondent {n}" for n in range(1, 7)],
        )
    )
    progress, q = _ids(services, assessment)
    people = [r.id for r in progress.respondents]
    for n, person in enumerate(people):  # six people answer strategy at 1, 2, 3, 4, 5, 5
        for key in ("strategy.a", "strategy.b", "strategy.c"):
            services.maturity.answer(assessment, person, q[key], level=min(5, n + 1))
    for person in people[:2]:  # only two answer data: fewer than the threshold of 5
        services.maturity.answer(assessment, person, q["data.a"], level=4)
    results = services.maturity.results(assessment)
    strategy, data = results.dimensions
    assert strategy.respondents == 6
    assert not strategy.suppressed
    assert strategy.score == pytest.approx((1 + 2 + 3 + 4 + 5 + 5) / 6)
    assert (strategy.minimum, strategy.maximum) == (1.0, 5.0)
    assert data.suppressed
    assert data.score is None and data.minimum is None
    assert any("withheld" in note for note in results.notes)


@pytest.mark.parametrize(
    ("setup", "field"),
    [
        (AssessmentSetup(name=" ", taken_on=date(2026, 1, 1)), "name"),
        (
            AssessmentSetup(name="F", taken_on=date(2026, 1, 1), kind=AssessmentKind.FOLLOW_UP),
            "baseline",
        ),
        (
            AssessmentSetup(name="R", taken_on=date(2026, 1, 1), mode=AnsweringMode.RESPONDENTS),
            "respondents",
        ),
    ],
)
def test_a_setup_that_cannot_work_is_refused_and_nothing_is_created(services, setup, field):
    with pytest.raises(ValidationError) as error:
        services.maturity.create_assessment(setup)
    assert error.value.field == field
    assert services.maturity.history().assessments == []


def test_an_answer_outside_1_to_5_is_refused(services, framework_id):
    assessment = services.maturity.create_assessment(
        AssessmentSetup(name="X", taken_on=date(2026, 1, 1), framework_id=framework_id)
    )
    progress, q = _ids(services, assessment)
    with pytest.raises(ValidationError):
        services.maturity.answer(assessment, progress.respondents[0].id, q["data.a"], level=6)


def test_unfinished_assessments_are_offered_for_resuming_until_finished(services, framework_id):
    assessment = services.maturity.create_assessment(
        AssessmentSetup(name="Half done", taken_on=date(2026, 1, 1), framework_id=framework_id)
    )
    progress, q = _ids(services, assessment)
    services.maturity.answer(assessment, progress.respondents[0].id, q["data.b"], level=3)
    [unfinished] = services.maturity.unfinished()
    assert (unfinished.name, unfinished.answered, unfinished.total) == ("Half done", 1, 5)
    services.maturity.finish(assessment)
    assert services.maturity.unfinished() == []


def test_an_unused_copy_is_edited_in_place(services):
    builtin = services.maturity.builtin_framework()
    copy_id = services.maturity.copy_framework(builtin.id, "Our own framework")
    content = services.maturity.framework(copy_id)
    first = content.dimensions[0]
    edited = replace(
        content,
        dimensions=[replace(first, name="Strategy for us"), *content.dimensions[1:]],
    )
    assert services.maturity.update_framework(copy_id, edited) == copy_id
    assert services.maturity.framework(copy_id).dimensions[0].name == "Strategy for us"
    assert services.maturity.builtin_framework().dimensions[0].name == first.name


def test_editing_a_framework_in_use_creates_a_new_version_and_old_results_stay(
    services, framework_id
):
    maturity = services.maturity
    assessment = maturity.create_assessment(
        AssessmentSetup(name="Before", taken_on=date(2026, 1, 1), framework_id=framework_id)
    )
    progress, q = _ids(services, assessment)
    maturity.answer(assessment, progress.respondents[0].id, q["strategy.c"], level=4)
    before = maturity.results(assessment)

    content = maturity.framework(framework_id)
    strategy, data = content.dimensions
    reworded = replace(strategy.questions[0], text="A clearer question?")
    new_question = QuestionContent(
        key="", text="A new question?", descriptors={n: f"New level {n}." for n in range(1, 6)}
    )
    edited = replace(
        content,
        dimensions=[
            replace(strategy, questions=[reworded, strategy.questions[1], new_question]),
            data,
        ],
    )
    new_id = maturity.update_framework(framework_id, edited)

    assert new_id != framework_id
    new = maturity.framework(new_id)
    assert new.version == "1.1"  # the test framework is "1.0"; copies start at "1"
    assert [q.text for q in new.dimensions[0].questions] == [
        "A clearer question?",
        "How far along is strategy.b?",
        "A new question?",
    ]
    assert "strategy.c" not in [q.key for q in new.dimensions[0].questions]
    old = maturity.framework(framework_id)
    assert old.dimensions[0].questions[0].text == "How far along is strategy.a?"
    after = maturity.results(assessment)  # the removed question still counts in old results
    assert after.dimensions[0].score == before.dimensions[0].score == pytest.approx(4.0)
    rows = {row.id: row for row in maturity.frameworks()}
    assert rows[framework_id].superseded_by == new_id


def test_the_built_in_framework_cannot_be_edited_and_a_used_one_cannot_be_deleted(
    services, framework_id
):
    builtin = services.maturity.builtin_framework()
    with pytest.raises(ValidationError, match="copy"):
        services.maturity.update_framework(builtin.id, builtin)
    services.maturity.create_assessment(
        AssessmentSetup(name="Uses it", taken_on=date(2026, 1, 1), framework_id=framework_id)
    )
    with pytest.raises(ValidationError, match="kept"):
        services.maturity.delete_framework(framework_id)


def test_an_empty_level_description_is_refused_and_nothing_changes(services, framework_id):
    content = services.maturity.framework(framework_id)
    strategy = content.dimensions[0]
    broken = replace(
        strategy.questions[0], descriptors={**strategy.questions[0].descriptors, 3: "  "}
    )
    edited = replace(
        content,
        dimensions=[
            replace(strategy, questions=[broken, *strategy.questions[1:]]),
            *content.dimensions[1:],
        ],
    )
    with pytest.raises(ValidationError, match="level 3"):
        services.maturity.update_framework(framework_id, edited)
    assert services.maturity.framework(framework_id).dimensions[0].questions[0].descriptors[3] == (
        "strategy.a at level 3."
    )
