"""Success criteria judged against a pilot's results: met, not met, or not enough data, each
with the plain sentence leadership reads; the numbers in it are worked out by hand."""

from __future__ import annotations

import math

import pytest

from app.errors import ValidationError
from app.pilots.analysis import (
    BeforeAfter,
    CheckIn,
    Feedback,
    PilotData,
    PilotResults,
    TaskTiming,
    analyse,
)
from app.pilots.criteria import (
    MEASURES,
    Criterion,
    Verdict,
    before_and_after,
    criterion_label,
    evaluate,
    evaluate_all,
    validate_criterion,
)
from db.models.enums import PilotMeasure

# Five participants; the hand computations are in the comments of each test.
KNOWLEDGE = (
    BeforeAfter(1, 40, 55),
    BeforeAfter(2, 60, 70),
    BeforeAfter(3, 50, 65),
    BeforeAfter(4, 70, 72),
    BeforeAfter(5, 45, 60),
    BeforeAfter(6, 65, None),
)
FEEDBACK = (
    Feedback(1, 5, 10, "Saved me hours."),
    Feedback(2, 4, 9, None),
    Feedback(3, 4, 8, None),
    Feedback(4, 3, 6, None),
    Feedback(5, 5, 9, None),
)
JOB = (
    BeforeAfter(1, 3, 4),
    BeforeAfter(2, 2, 3),
    BeforeAfter(3, 4, 4),
    BeforeAfter(4, 3, 4),
    BeforeAfter(5, 4, 5),
)
# every task saves a quarter of its time: 40 -> 30, 80 -> 60, 20 -> 15, 100 -> 75, 60 -> 45
TIMINGS = tuple(
    TaskTiming(f"Task {before}", before, before * 0.75, 2, 2, 1, participant_id=i)
    for i, before in enumerate((40, 80, 20, 100, 60), start=1)
)
# week 1 everyone uses the tool; from week 2: #1 2 of 2 weeks, #2 2 of 2, #3 1 of 2,
# #4 0 of 2, #5 2 of 2
_DAYS = {1: (3, 2, 1), 2: (4, 1, 5), 3: (2, 2, 0), 4: (1, 0, 0), 5: (5, 5, 3)}
CHECK_INS = tuple(
    CheckIn(person, week, days[week - 1], (), 1.0)
    for person, days in _DAYS.items()
    for week in (1, 2, 3)
)


def results(**changes: object) -> PilotResults:
    values: dict[str, object] = {
        "enrolled": 5,
        "completed": 4,
        "check_ins": CHECK_INS,
        "timings": TIMINGS,
        "feedback": FEEDBACK,
        "knowledge": KNOWLEDGE,
        "job_satisfaction": JOB,
        "career_satisfaction": (),
    }
    values.update(changes)
    return analyse(PilotData(**values))  # type: ignore[arg-type]


# --- the sentences, word for word -------------------------------------------------------


def test_satisfaction_met_but_uncertain_reads_as_such():
    # answers 5, 4, 4, 3, 5: mean 4.2; variance 2.8 / 4 = 0.7; se sqrt(0.14) = 0.374166
    # half 2.776 * 0.374166 = 1.0387 -> 3.16 to 5.24, cut to 5: low 3.2 < 4, so not certain
    result = evaluate(Criterion("satisfaction", 4), results())
    assert result.verdict is Verdict.MET
    assert result.value == pytest.approx(4.2)
    assert result.n == 5
    assert result.uncertain
    assert result.sentence == (
        "Average satisfaction was 4.2 out of 5 (95 % interval 3.2 to 5.0, 5 answers); "
        "the target was at least 4.0: met, though the interval reaches below the target, "
        "so the result is not certain."
    )


def test_a_learning_gain_whose_whole_interval_clears_the_target_is_plainly_met():
    # differences 15, 10, 15, 2, 15 (person 6 has no after): mean 11.4, before 53, after 64.4
    # variance 129.2 / 4 = 32.3, se sqrt(6.46) = 2.5417, half 2.776 * 2.5417 = 7.056
    # -> 4.3 to 18.5: all above 4
    result = evaluate(Criterion("learning_gain", 4), results())
    assert result.verdict is Verdict.MET
    assert not result.uncertain
    assert result.interval is not None
    assert (result.interval.low, result.interval.high) == pytest.approx((4.344, 18.456), abs=2e-3)
    assert result.sentence == (
        "The average knowledge-check score went from 53.0 % to 64.4 %, a change of +11.4 points "
        "(95 % interval 4.3 to 18.5, 5 people measured before and after); "
        "the target was at least 4.0 points: met."
    )


def test_a_learning_gain_just_short_of_the_target_is_not_met_but_not_certain():
    # 11.4 < 12, but the interval 4.3 to 18.5 reaches 12
    result = evaluate(Criterion("learning_gain", 12), results())
    assert result.verdict is Verdict.NOT_MET
    assert result.uncertain
    assert result.sentence.endswith(
        "the target was at least 12.0 points: not met, though the interval reaches the target, "
        "so the result is not certain."
    )


def test_an_engagement_change_whose_interval_stays_below_the_target_is_plainly_not_met():
    # differences 1, 1, 0, 1, 1: mean 0.8, variance 0.2, se 0.2, half 2.776 * 0.2 = 0.5552
    # -> 0.2448 to 1.3552, all below 1.5
    result = evaluate(Criterion("engagement", 1.5), results())
    assert result.verdict is Verdict.NOT_MET
    assert not result.uncertain
    assert result.sentence == (
        "Average job satisfaction went from 3.2 to 4.0 out of 5, a change of +0.8 points "
        "(95 % interval 0.2 to 1.4, 5 people measured before and after); "
        "the target was at least 1.5 points: not met."
    )


def test_completion_is_judged_in_percent_with_its_wilson_interval():
    # 4 of 5 = 80 %; Wilson (z = 1.96): centre 0.669652, half 0.294123 -> 37.6 % to 96.4 %
    result = evaluate(Criterion("completion", 80), results())
    assert result.verdict is Verdict.MET
    assert result.value == pytest.approx(80.0)
    assert result.interval is not None
    assert (result.interval.low, result.interval.high) == pytest.approx((37.55, 96.38), abs=0.02)
    assert result.sentence == (
        "4 of 5 participants finished the pilot, 80.0 % (95 % interval 37.6 % to 96.4 %); "
        "the target was at least 80.0 %: met, though the interval reaches below the target, "
        "so the result is not certain."
    )


def test_the_recommend_score_is_judged_out_of_10():
    # 10, 9, 8, 6, 9: mean 42 / 5 = 8.4 < 9, the interval (6.5 to 10) reaches 9
    result = evaluate(Criterion("recommend", 9), results())
    assert result.verdict is Verdict.NOT_MET
    assert result.value == pytest.approx(8.4)
    assert result.uncertain
    assert result.sentence.startswith(
        "The average “would recommend” score was 8.4 out of 10 (95 % interval 6.5 to 10.0, "
        "5 answers)"
    )


def test_identical_time_savings_are_judged_with_a_zero_width_interval():
    # every task saved 25 %: median 25 %, interval 25 % to 25 %
    met = evaluate(Criterion("time_saved", 15), results())
    assert met.verdict is Verdict.MET
    assert not met.uncertain
    assert met.sentence == (
        "The median time saved on the 5 timed tasks was 25.0 % "
        "(95 % interval 25.0 % to 25.0 %); the target was at least 15.0 %: met."
    )
    exactly = evaluate(Criterion("time_saved", 25), results())
    assert (exactly.verdict, exactly.uncertain) == (Verdict.MET, False)
    above = evaluate(Criterion("time_saved", 25.5), results())
    assert (above.verdict, above.uncertain) == (Verdict.NOT_MET, False)


def test_identical_learning_gains_still_get_the_right_verdicts():
    # five people each gained exactly 10 points: mean 10, interval 10 to 10
    same = tuple(BeforeAfter(i, 40 + i, 50 + i) for i in range(1, 6))
    data = results(knowledge=same)
    at = evaluate(Criterion("learning_gain", 10), data)
    assert (at.verdict, at.uncertain, at.value) == (Verdict.MET, False, 10)
    assert "a change of +10.0 points (95 % interval 10.0 to 10.0," in at.sentence
    above = evaluate(Criterion("learning_gain", 10.5), data)
    assert (above.verdict, above.uncertain) == (Verdict.NOT_MET, False)


def test_weekly_use_counts_the_weeks_from_the_chosen_week_on():
    # from week 2: 2 + 2 + 1 + 0 + 2 = 7 active weeks of 10 reported = 70 %, 5 people
    met = evaluate(Criterion("weekly_active", 60, after_weeks=2), results())
    assert met.verdict is Verdict.MET
    assert met.value == pytest.approx(70.0)
    assert met.n == 5
    assert met.sentence.startswith(
        "From week 2 on, participants used the tool in 70.0 % of the weeks they reported on "
        "(95 % interval "
    )
    assert "5 participants); the target was at least 60.0 %: met" in met.sentence
    assert evaluate(Criterion("weekly_active", 75, after_weeks=2), results()).verdict is (
        Verdict.NOT_MET
    )
    # from week 1: 7 + 5 (everyone in week 1) = 12 of 15 = 80 %
    assert evaluate(Criterion("weekly_active", 60, after_weeks=1), results()).value == (
        pytest.approx(80.0)
    )


# --- too little data never claims success -----------------------------------------------


def test_three_pairs_are_not_enough_to_judge_the_learning_gain():
    three = KNOWLEDGE[:3]  # gains 15, 10, 15: well above 5, but only three people
    result = evaluate(Criterion("learning_gain", 5), results(knowledge=three))
    assert result.verdict is Verdict.NOT_ENOUGH_DATA
    assert result.value == pytest.approx(40 / 3)
    assert result.n == 3
    assert result.sentence == (
        "Only 3 people answered the knowledge check before and after; "
        "at least 5 are needed to judge the learning gain."
    )


def test_one_participant_is_not_enough_data_for_any_criterion():
    one = results(
        enrolled=1,
        completed=1,
        check_ins=(CheckIn(1, 1, 5, ("drafting",), 2.0),),
        timings=(TaskTiming("Rota", 50, 20, 1, 1, 2, participant_id=1),),
        feedback=(Feedback(1, 5, 10, "Great"),),
        knowledge=(BeforeAfter(1, 30, 90),),
        job_satisfaction=(BeforeAfter(1, 2, 5),),
    )
    criteria = [
        Criterion("completion", 80),
        Criterion("satisfaction", 4),
        Criterion("recommend", 8),
        Criterion("learning_gain", 10),
        Criterion("time_saved", 15),
        Criterion("weekly_active", 60, after_weeks=1),
        Criterion("engagement", 0.3),
    ]
    judged = evaluate_all(criteria, one)
    assert [result.verdict for result in judged] == [Verdict.NOT_ENOUGH_DATA] * 7
    assert [result.n for result in judged] == [1] * 7
    assert judged[0].sentence == (
        "Only 1 person took part; at least 5 are needed to judge completion."
    )
    assert judged[4].sentence == (
        "Only 1 task was timed before and after; at least 5 are needed to judge the time saved."
    )
    assert all(result.interval is None for result in judged[1:])


def test_a_pilot_with_nothing_measured_says_so_for_every_criterion():
    empty = results(
        enrolled=0,
        completed=0,
        check_ins=(),
        timings=(),
        feedback=(),
        knowledge=(),
        job_satisfaction=(),
    )
    judged = evaluate_all([Criterion(measure, 1, after_weeks=3) for measure in MEASURES], empty)
    assert all(result.verdict is Verdict.NOT_ENOUGH_DATA for result in judged)
    assert all(result.value is None and result.n == 0 for result in judged)
    assert all(result.sentence.startswith("No ") for result in judged)
    assert judged[MEASURES.index("weekly_active")].sentence == (
        "No one has checked in from week 3 on yet; "
        "at least 5 people are needed to judge weekly use."
    )


def test_missing_after_measurements_leave_too_few_pairs():
    # five people measured before, only two after
    rows = tuple(BeforeAfter(i, 50, 60 if i <= 2 else None) for i in range(1, 6))
    result = evaluate(Criterion("learning_gain", 5), results(knowledge=rows))
    assert (result.verdict, result.n) == (Verdict.NOT_ENOUGH_DATA, 2)


# --- the edge of the threshold ----------------------------------------------------------


def test_a_share_exactly_at_the_target_is_met_despite_float_noise():
    # 57 of 100 is 57 % (0.57 * 100 would be 56.99999999999999 in floating point)
    result = evaluate(Criterion("completion", 57), results(enrolled=100, completed=57))
    assert result.verdict is Verdict.MET


def test_a_value_just_under_the_target_is_not_shown_as_equal_to_it():
    # 3,999 of 5,000 = 79.98 %: shown with two decimals, since "80.0 %" would look met
    result = evaluate(Criterion("completion", 80), results(enrolled=5000, completed=3999))
    assert result.verdict is Verdict.NOT_MET
    assert "3999 of 5000 participants finished the pilot, 79.98 %" in result.sentence
    assert "the target was at least 80.00 %: not met" in result.sentence


def test_criteria_are_judged_in_the_order_given():
    criteria = [Criterion("engagement", 0.3), Criterion("completion", 90)]
    judged = evaluate_all(criteria, results())
    assert [result.criterion for result in judged] == criteria
    assert [result.verdict for result in judged] == [Verdict.MET, Verdict.NOT_MET]


# --- labels and validation --------------------------------------------------------------


@pytest.mark.parametrize(
    ("criterion", "label"),
    [
        (Criterion("completion", 80), "Completion at least 80 %"),
        (Criterion("satisfaction", 4), "Satisfaction at least 4 out of 5"),
        (Criterion("recommend", 7.5), "Would recommend at least 7.5 out of 10"),
        (Criterion("learning_gain", 10), "Learning gain at least 10 points"),
        (Criterion("time_saved", 15), "Median time saved at least 15 %"),
        (Criterion("weekly_active", 60, after_weeks=8), "Weekly use at least 60 % from week 8"),
        (Criterion("engagement", 0.3), "Job satisfaction change at least 0.3 points"),
    ],
)
def test_each_criterion_has_a_short_label(criterion, label):
    assert criterion_label(criterion) == label


def test_the_measures_are_the_ones_the_database_stores():
    assert set(MEASURES) == {measure.value for measure in PilotMeasure}
    assert Verdict.NOT_ENOUGH_DATA == "not_enough_data"


def test_a_stored_measure_enum_is_judged_like_its_string():
    stored = Criterion(PilotMeasure.SATISFACTION, 4.0)
    assert evaluate(stored, results()).verdict is Verdict.MET
    assert criterion_label(stored) == "Satisfaction at least 4 out of 5"


@pytest.mark.parametrize(
    ("measure", "threshold", "after_weeks"),
    [
        ("completion", 80, None),
        ("satisfaction", 4, None),
        ("recommend", 0, None),
        ("learning_gain", -5, None),
        ("time_saved", 15, None),
        ("weekly_active", 60, 8),
        ("engagement", 0.3, None),
    ],
)
def test_sensible_criteria_are_accepted(measure, threshold, after_weeks):
    assert validate_criterion(measure, threshold, after_weeks) == Criterion(
        measure, threshold, after_weeks
    )


def test_weeks_only_belong_to_weekly_use():
    assert validate_criterion("completion", 80, 8) == Criterion("completion", 80)


@pytest.mark.parametrize(
    ("measure", "threshold", "words"),
    [
        ("completion", 101, "percentage from 0 to 100"),
        ("satisfaction", 0.5, "from 1 to 5"),
        ("recommend", 11, "from 0 to 10"),
        ("learning_gain", -101, "from -100 to 100"),
        ("time_saved", -1, "percentage from 0 to 100"),
        ("weekly_active", 100.5, "percentage from 0 to 100"),
        ("engagement", 4.5, "from -4 to 4"),
        ("satisfaction", math.nan, "from 1 to 5"),
    ],
)
def test_a_threshold_outside_its_unit_is_refused_with_a_plain_message(measure, threshold, words):
    with pytest.raises(ValidationError) as error:
        validate_criterion(measure, threshold, 8)
    assert error.value.field == "threshold"
    assert words in error.value.message


@pytest.mark.parametrize("measure", ["adoption", "", "Completion"])
def test_an_unknown_measure_is_refused(measure):
    with pytest.raises(ValidationError) as error:
        validate_criterion(measure, 50, None)
    assert error.value.field == "measure"


@pytest.mark.parametrize("after_weeks", [None, 0, 105])
def test_weekly_use_needs_the_week_it_counts_from(after_weeks):
    with pytest.raises(ValidationError) as error:
        validate_criterion("weekly_active", 60, after_weeks)
    assert error.value.field == "after_weeks"
    assert "week from 1 to 104" in error.value.message


def test_a_figure_exactly_half_way_rounds_up_in_the_sentence_as_on_screen():
    # 5 + 4 + 4 + 5 + 4 + 3 + 5 + 4 = 34 over 8 answers: exactly 4.25, shown as 4.3 (Python's
    # own format would round the tie to even and say 4.2, unlike the results tab).
    answers = tuple(Feedback(i, s, None, None) for i, s in enumerate((5, 4, 4, 5, 4, 3, 5, 4)))
    result = evaluate(Criterion("satisfaction", 4), results(feedback=answers))
    assert result.value == 4.25
    assert result.sentence.startswith("Average satisfaction was 4.3 out of 5 (")


def test_before_and_after_means_agree_with_the_change_shown_beside_them():
    # 3.54 -> 3.66 is a change of 0.12, shown "+0.1"; rounded to one decimal the means read
    # 3.5 -> 3.7 (a visible 0.2), so they get a second decimal: 3.54 -> 3.66.
    assert before_and_after(3.54, 3.66, "+0.1") == ("3.54", "3.66")
    # 46.5 -> 72.9 is +26.4 at one decimal already: nothing changes.
    assert before_and_after(46.5, 72.9, "+26.4") == ("46.5", "72.9")
    # A fall: 4.06 -> 3.84 is -0.22, shown "-0.2"; 4.1 -> 3.8 would read -0.3.
    assert before_and_after(4.06, 3.84, "-0.2") == ("4.06", "3.84")
