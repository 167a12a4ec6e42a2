"""A pilot's figures against a fixed data set worked out by hand, then the edge cases: one
participant, all identical values, missing after-measurements, nothing measured yet."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.pilots.analysis import (
    MIN_OBSERVATIONS,
    WORKING_WEEKS,
    AdoptionWeek,
    BeforeAfter,
    CheckIn,
    FeatureUse,
    Feedback,
    PilotData,
    TaskTiming,
    active_share_from,
    adoption_curve,
    analyse,
    completion,
    feature_use,
    paired_change,
    satisfaction,
    scale_up,
    task_minutes,
    time_saved,
    weekly_active,
)
from app.pilots.statistics import Interval

# --- the fixed data set -----------------------------------------------------------------

KNOWLEDGE = (
    BeforeAfter(1, 40, 55),
    BeforeAfter(2, 60, 70),
    BeforeAfter(3, 50, 65),
    BeforeAfter(4, 70, 72),
    BeforeAfter(5, 45, 60),
    BeforeAfter(6, 65, None),  # left before the end: no after
    BeforeAfter(7, None, 80),  # joined late: no before
)

FEEDBACK = (
    Feedback(1, 5, 10, "  Saved me hours on reports. "),
    Feedback(2, 4, 9, ""),
    Feedback(3, 4, 8, None),
    Feedback(4, 3, 6, "Too little time to practise"),
    Feedback(5, 5, None, "   "),
    Feedback(6, None, 9, None),
)

TIMINGS = (
    # share (before - after) / before; hours (before - after) / 60 * times a week
    TaskTiming("Monthly report", 60, 45, 3, 3, 1, participant_id=1),  # 0.25, 0.25 h
    TaskTiming("Email replies", 10, 6, 10, 8, 20, participant_id=1),  # 0.40, 1.3333 h
    TaskTiming("Job advert", 90, 60, 2, 2, 0.5, participant_id=2),  # 0.3333, 0.25 h
    TaskTiming("Meeting notes", 30, 27, 4, 4, 3, participant_id=3),  # 0.10, 0.15 h
    TaskTiming("Policy summary", 120, 126, 1, 1, 0.25, 2, 1),  # -0.05, -0.025 h (cohort)
    TaskTiming("Onboarding pack", 40, 32, 2, 1, 0.5),  # 0.20, 0.0667 h (cohort)
)

CHECK_INS = (
    CheckIn(1, 1, 3, ("drafting", "summarising"), 1.0),
    CheckIn(2, 1, 0, (), 0.5),
    CheckIn(3, 1, 1, (), 2.0),
    CheckIn(1, 2, 2, ("drafting",), 1.0),
    CheckIn(2, 2, 1, ("drafting",), 0.0),
    # nobody checked in in week 3
    CheckIn(1, 4, 5, (), 0.0),
    CheckIn(2, 4, 0, (), 0.0),
    CheckIn(3, 4, 2, ("meeting_notes", "drafting"), 0.0),
    CheckIn(4, 4, 4, ("summarising", "translation"), 0.0),
)

JOB_SATISFACTION = (
    BeforeAfter(1, 3, 4),
    BeforeAfter(2, 2, 3),
    BeforeAfter(3, 4, 4),
    BeforeAfter(4, 3, 4),
    BeforeAfter(5, 4, 5),
)


def ends(interval: Interval | None) -> tuple[float, float]:
    assert interval is not None
    return interval.low, interval.high


# --- completion -------------------------------------------------------------------------


def test_completion_is_the_share_who_finished_with_a_wilson_interval():
    # 4 of 5, z = 1.96: z^2/n = 0.76832, denominator 1.76832
    # centre (0.8 + 0.38416) / 1.76832 = 0.669652
    # half 1.96 * sqrt(0.8 * 0.2 / 5 + 3.8416 / 100) / 1.76832 = 1.96 * 0.265360 / 1.76832
    #      = 0.294123 -> 0.3755 to 0.9638
    result = completion(5, 4)
    assert result.rate == 0.8
    assert ends(result.interval) == pytest.approx((0.3755, 0.9638), abs=2e-4)


def test_completion_with_nobody_enrolled_has_no_rate():
    result = completion(0, 0)
    assert result.rate is None
    assert result.interval is None


def test_more_finishers_than_participants_is_refused():
    with pytest.raises(ValueError):
        completion(3, 4)


# --- satisfaction -----------------------------------------------------------------------


def test_satisfaction_mean_distribution_and_interval_match_a_hand_computation():
    # answers 5, 4, 4, 3, 5 (the sixth person did not answer): mean 21 / 5 = 4.2
    # deviations 0.8, -0.2, -0.2, -1.2, 0.8; squares sum 0.64 + 0.04 + 0.04 + 1.44 + 0.64 = 2.8
    # variance 0.7, se sqrt(0.7 / 5) = 0.374166, half 2.776 * 0.374166 = 1.038684
    # -> 3.1613 to 5.2387, cut to the scale's 5
    result = satisfaction(FEEDBACK)
    assert result.n == 5
    assert result.mean == pytest.approx(4.2)
    assert result.distribution == (0, 0, 1, 2, 2)
    assert ends(result.interval) == pytest.approx((3.1613, 5.0), abs=2e-3)


def test_recommend_score_and_net_promoter_match_a_hand_computation():
    # answers 10, 9, 8, 6, 9: mean 42 / 5 = 8.4
    # promoters (9-10): 10, 9, 9 = 3; detractors (0-6): 6 = 1; NPS (3 - 1) / 5 * 100 = 40
    # deviations 1.6, 0.6, -0.4, -2.4, 0.6; squares 2.56 + 0.36 + 0.16 + 5.76 + 0.36 = 9.2
    # variance 2.3, se sqrt(2.3 / 5) = 0.678233, half 2.776 * 0.678233 = 1.882775
    # -> 6.5172 to 10.2828, cut to the scale's 10
    result = satisfaction(FEEDBACK)
    assert result.recommend_n == 5
    assert result.recommend_mean == pytest.approx(8.4)
    assert result.net_promoter == pytest.approx(40.0)
    assert ends(result.recommend_interval) == pytest.approx((6.5172, 10.0), abs=2e-3)


def test_only_real_comments_are_kept_stripped_in_order():
    assert satisfaction(FEEDBACK).comments == (
        "Saved me hours on reports.",
        "Too little time to practise",
    )


def test_more_detractors_than_promoters_is_a_negative_net_promoter_score():
    # 0, 6, 7, 10: promoters 1, detractors 2 -> (1 - 2) / 4 * 100 = -25
    rows = [Feedback(i, None, score, None) for i, score in enumerate([0, 6, 7, 10])]
    assert satisfaction(rows).net_promoter == pytest.approx(-25.0)


def test_no_feedback_gives_no_means_and_an_empty_distribution():
    result = satisfaction([])
    assert (result.n, result.mean, result.interval) == (0, None, None)
    assert result.distribution == (0, 0, 0, 0, 0)
    assert (result.recommend_n, result.recommend_mean, result.net_promoter) == (0, None, None)
    assert result.comments == ()


def test_an_answer_off_the_scale_is_refused():
    with pytest.raises(ValueError, match="satisfaction"):
        satisfaction([Feedback(1, 6, None, None)])


# --- paired change ----------------------------------------------------------------------


def test_learning_gain_uses_complete_pairs_and_matches_a_hand_computation():
    # complete pairs 40/55, 60/70, 50/65, 70/72, 45/60 -> differences 15, 10, 15, 2, 15
    # mean before 265 / 5 = 53, mean after 322 / 5 = 64.4, mean change 57 / 5 = 11.4
    # squared deviations 129.2, variance 32.3, se sqrt(6.46) = 2.541653
    # half t(0.975, 4) * se = 2.776 * 2.541653 = 7.05563 -> 4.3444 to 18.4556
    result = paired_change(KNOWLEDGE)
    assert result.n_pairs == 5
    assert result.missing_after == 1
    assert result.missing_before == 1
    assert result.mean_before == pytest.approx(53.0)
    assert result.mean_after == pytest.approx(64.4)
    assert result.mean_change == pytest.approx(11.4)
    assert ends(result.interval) == pytest.approx((4.3444, 18.4556), abs=2e-3)


def test_engagement_change_matches_a_hand_computation():
    # differences 1, 1, 0, 1, 1: mean 0.8; deviations 0.2 x4 and -0.8: squares 0.16 + 0.64 = 0.8
    # variance 0.2, se sqrt(0.2 / 5) = 0.2, half 2.776 * 0.2 = 0.5552 -> 0.2448 to 1.3552
    result = paired_change(JOB_SATISFACTION)
    assert (result.mean_before, result.mean_after) == pytest.approx((3.2, 4.0))
    assert result.mean_change == pytest.approx(0.8)
    assert ends(result.interval) == pytest.approx((0.2448, 1.3552), abs=2e-3)


def test_one_pair_gives_a_change_but_no_interval():
    result = paired_change([BeforeAfter(1, 50, 62)])
    assert result.n_pairs == 1
    assert result.mean_change == 12
    assert result.interval is None


def test_identical_gains_give_a_zero_width_interval():
    rows = [BeforeAfter(i, before, before + 10) for i, before in enumerate([40, 55, 60, 72, 30])]
    result = paired_change(rows)
    assert result.mean_change == 10
    assert result.interval == Interval(10.0, 10.0)


def test_without_any_after_measurement_nothing_is_claimed():
    rows = [BeforeAfter(1, 50, None), BeforeAfter(2, 60, None), BeforeAfter(3, None, None)]
    result = paired_change(rows)
    assert (result.n_pairs, result.missing_after, result.missing_before) == (0, 2, 0)
    assert (result.mean_before, result.mean_after, result.mean_change) == (None, None, None)
    assert result.interval is None


# --- time saved -------------------------------------------------------------------------


def test_time_saved_per_task_matches_a_hand_computation():
    result = time_saved(TIMINGS, participants=12)
    shares = [task.saved_share for task in result.tasks]
    hours = [task.hours_per_week for task in result.tasks]
    assert shares == pytest.approx([0.25, 0.40, 0.333333, 0.10, -0.05, 0.20], abs=1e-6)
    assert hours == pytest.approx([0.25, 1.333333, 0.25, 0.15, -0.025, 0.066667], abs=1e-6)
    assert [task.observations for task in result.tasks] == [3, 8, 2, 4, 1, 1]
    assert (result.tasks[4].errors_before, result.tasks[4].errors_after) == (2, 1)


def test_time_saved_median_share_and_hours_per_participant_match_a_hand_computation():
    # shares sorted -0.05, 0.10, 0.20, 0.25, 0.3333, 0.40 -> median (0.20 + 0.25) / 2 = 0.225
    # per participant: #1 0.25 + 1.3333 = 1.5833, #2 0.25, #3 0.15, and the two cohort
    # timings on their own, -0.025 and 0.0667: sum 2.025 over 5 -> 0.405 h a week
    # cohort: 0.405 h x 12 participants x 46 weeks = 223.56 h a year
    result = time_saved(TIMINGS, participants=12)
    assert result.n == 6
    assert result.median_share == pytest.approx(0.225)
    assert result.hours_per_week == pytest.approx(0.405)
    assert result.participants == 12
    assert result.cohort_hours_per_year == pytest.approx(223.56)
    assert result.share_interval is not None and result.share_interval.contains(0.225)
    assert result.hours_interval is not None and result.hours_interval.contains(0.405)
    # the cohort interval is the per-person interval over the same 12 x 46 weeks
    assert ends(result.cohort_interval) == pytest.approx(
        (result.hours_interval.low * 552, result.hours_interval.high * 552)
    )


def test_time_saved_is_reproducible():
    assert time_saved(TIMINGS, 12) == time_saved(TIMINGS, 12)


def test_one_timed_task_gives_figures_but_no_intervals():
    # 50 -> 40 minutes, 4 times a week: share 10 / 50 = 0.2, hours 10 / 60 * 4 = 0.6667
    # cohort 0.6667 x 1 x 46 = 30.667
    result = time_saved([TaskTiming("Rota", 50, 40, 2, 2, 4, participant_id=1)], participants=1)
    assert result.median_share == pytest.approx(0.2)
    assert result.hours_per_week == pytest.approx(0.666667, abs=1e-6)
    assert result.cohort_hours_per_year == pytest.approx(30.6667, abs=1e-4)
    assert (result.share_interval, result.hours_interval, result.cohort_interval) == (
        None,
        None,
        None,
    )


def test_identical_savings_give_zero_width_intervals():
    # 40 -> 30, 80 -> 60, 20 -> 15, 100 -> 75 (once a week each): every share is 0.25
    timings = [
        TaskTiming(f"Task {before}", before, before * 0.75, 1, 1, 1, participant_id=before)
        for before in (40, 80, 20, 100)
    ]
    result = time_saved(timings, participants=4)
    assert result.median_share == 0.25
    assert result.share_interval == Interval(0.25, 0.25)


def test_nothing_timed_gives_no_time_saved():
    result = time_saved([], participants=8)
    assert (result.n, result.median_share, result.hours_per_week) == (0, None, None)
    assert result.cohort_hours_per_year is None


def test_a_task_that_took_no_time_before_is_refused():
    with pytest.raises(ValueError, match="Rota"):
        time_saved([TaskTiming("Rota", 0, 5, 1, 1, 1)], participants=1)


def test_scale_up_multiplies_the_hours_per_person_by_the_population_and_the_year():
    # 0.405 h a week x 400 people x 46 weeks = 7452 h a year
    saved = time_saved(TIMINGS, participants=12)
    estimate = scale_up(saved, 400)
    assert estimate.population == 400
    assert estimate.hours_per_year == pytest.approx(7452.0)
    assert saved.hours_interval is not None
    assert ends(estimate.interval) == pytest.approx(
        (saved.hours_interval.low * 18400, saved.hours_interval.high * 18400)
    )
    assert scale_up(time_saved([], 5), 400).hours_per_year is None


def test_a_working_year_is_46_weeks():
    assert WORKING_WEEKS == 46
    assert MIN_OBSERVATIONS == 5


# --- adoption ---------------------------------------------------------------------------


def test_the_adoption_curve_shows_each_week_including_a_week_without_check_ins():
    # week 1: #1 3 days, #2 0, #3 1 -> 2 of 3; week 2: #1, #2 both used -> 2 of 2
    # week 3: nobody reported; week 4: #1 5, #2 0, #3 2, #4 4 -> 3 of 4
    assert adoption_curve(CHECK_INS) == (
        AdoptionWeek(1, 3, 2, pytest.approx(2 / 3)),
        AdoptionWeek(2, 2, 2, 1.0),
        AdoptionWeek(3, 0, 0, None),
        AdoptionWeek(4, 4, 3, 0.75),
    )


def test_no_check_ins_give_an_empty_curve():
    assert adoption_curve([]) == ()
    assert active_share_from([], 1) == (None, 0)


def test_the_weekly_active_share_pools_participant_weeks_from_the_chosen_week():
    # from week 2: week 2 has 2 of 2 active, week 4 has 3 of 4 -> 5 of 6 participant-weeks
    # distinct people reporting: #1, #2, #3, #4 = 4
    share, people = active_share_from(CHECK_INS, 2)
    assert share == pytest.approx(5 / 6)
    assert people == 4
    # from week 1: 2 + 2 + 3 = 7 of 3 + 2 + 4 = 9
    assert active_share_from(CHECK_INS, 1) == (pytest.approx(7 / 9), 4)
    # after the last week nobody has reported yet
    assert active_share_from(CHECK_INS, 5) == (None, 0)


def test_weekly_use_has_an_interval_over_participants():
    result = weekly_active(CHECK_INS, 2)
    assert result.participant_weeks == 6
    assert result.interval is not None
    assert result.interval.contains(5 / 6)
    assert 0.0 <= result.interval.low <= result.interval.high <= 1.0


def test_features_are_ranked_by_how_many_people_used_them_then_by_name():
    # 4 people checked in. drafting: #1, #2, #3 = 3; summarising: #1, #4 = 2;
    # meeting_notes: #3 = 1; translation: #4 = 1 (a tie, so by name)
    assert feature_use(CHECK_INS) == (
        FeatureUse("drafting", 3, 0.75),
        FeatureUse("summarising", 2, 0.5),
        FeatureUse("meeting_notes", 1, 0.25),
        FeatureUse("translation", 1, 0.25),
    )


def test_a_person_using_a_feature_in_several_weeks_counts_once():
    check_ins = [CheckIn(1, week, 2, ("drafting",), 0.0) for week in (1, 2, 3)]
    assert feature_use(check_ins) == (FeatureUse("drafting", 1, 1.0),)


# --- everything together ----------------------------------------------------------------


def test_analyse_brings_every_figure_together():
    data = PilotData(
        enrolled=12,
        completed=9,
        check_ins=CHECK_INS,
        timings=TIMINGS,
        feedback=FEEDBACK,
        knowledge=KNOWLEDGE,
        job_satisfaction=JOB_SATISFACTION,
        career_satisfaction=(BeforeAfter(1, 2, 4), BeforeAfter(2, 3, None)),
    )
    results = analyse(data)
    assert results.completion.rate == pytest.approx(0.75)
    assert results.satisfaction.mean == pytest.approx(4.2)
    assert results.learning_gain.mean_change == pytest.approx(11.4)
    assert results.time_saved.cohort_hours_per_year == pytest.approx(223.56)
    assert len(results.adoption) == 4
    assert results.features[0].feature == "drafting"
    assert results.job_satisfaction.mean_change == pytest.approx(0.8)
    assert (results.career_satisfaction.n_pairs, results.career_satisfaction.missing_after) == (
        1,
        1,
    )
    # learning hours 1.0 + 0.5 + 2.0 + 1.0 = 4.5
    assert results.learning_hours == pytest.approx(4.5)
    assert results.check_ins == CHECK_INS


def test_analyse_uses_the_pilots_working_year():
    # 0.405 h x 12 x 40 weeks = 194.4
    data = PilotData(12, 9, (), TIMINGS, (), (), (), (), working_weeks=40)
    assert analyse(data).time_saved.cohort_hours_per_year == pytest.approx(194.4)


def test_one_participant_gives_figures_without_intervals():
    data = PilotData(
        enrolled=1,
        completed=1,
        check_ins=(CheckIn(1, 1, 4, ("drafting",), 1.5),),
        timings=(TaskTiming("Rota", 50, 40, 1, 1, 4, participant_id=1),),
        feedback=(Feedback(1, 4, 8, "Good"),),
        knowledge=(BeforeAfter(1, 50, 70),),
        job_satisfaction=(BeforeAfter(1, 3, 4),),
        career_satisfaction=(BeforeAfter(1, 3, 3),),
    )
    results = analyse(data)
    assert results.satisfaction.mean == 4
    assert results.satisfaction.interval is None
    assert results.learning_gain.mean_change == 20
    assert results.learning_gain.interval is None
    assert results.job_satisfaction.interval is None
    assert results.time_saved.share_interval is None
    assert results.adoption == (AdoptionWeek(1, 1, 1, 1.0),)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(min_value=0, max_value=100), st.floats(min_value=-100, max_value=100)),
        min_size=2,
        max_size=30,
    ),
    st.floats(min_value=-50, max_value=50),
)
def test_a_paired_change_moves_with_the_after_scores(pairs, shift):
    rows = [BeforeAfter(i, before, before + change) for i, (before, change) in enumerate(pairs)]
    moved = [BeforeAfter(i, row.before, row.after + shift) for i, row in enumerate(rows)]
    result, shifted = paired_change(rows), paired_change(moved)
    assert ends(result.interval)[0] <= result.mean_change + 1e-9
    assert result.mean_change - 1e-9 <= ends(result.interval)[1]
    assert shifted.mean_change == pytest.approx(result.mean_change + shift, abs=1e-6)
    assert ends(shifted.interval) == pytest.approx(
        (ends(result.interval)[0] + shift, ends(result.interval)[1] + shift), abs=1e-6
    )


def test_each_task_is_shown_once_with_the_mean_minutes_of_its_timings():
    timings = [
        TaskTiming("Reply", 30, 20, 1, 1, 5, participant_id=1),
        TaskTiming("Brief", 60, 45, 1, 1, 1, participant_id=1),
        TaskTiming("Reply", 40, 22, 1, 1, 5, participant_id=2),
    ]
    by_task = task_minutes(time_saved(timings, participants=2).tasks)
    # Reply: (30 + 40) / 2 = 35 before, (20 + 22) / 2 = 21 after; Brief timed once.
    assert [(t.task, t.timings, t.minutes_before, t.minutes_after) for t in by_task] == [
        ("Reply", 2, 35.0, 21.0),
        ("Brief", 1, 60.0, 45.0),
    ]
