"""A running pilot is judged "so far", not as if it had ended: its criteria are "not yet
judged" with the figure so far and when they will be judged; the same figures of a pilot that
has ended (or run past its planned end) are met or not met. Every figure is worked by hand in
the comments."""

from __future__ import annotations

from datetime import date, timedelta

from app.pilots.analysis import CheckIn, Feedback, PilotData, PilotResults, analyse
from app.pilots.criteria import Criterion, Verdict, evaluate
from app.pilots.judging import judge, judge_all, judging_on

# A ten-week pilot: Monday 28 September 2026 to Sunday 6 December 2026 (69 days: week 10).
STARTS_ON = date(2026, 9, 28)
ENDS_ON = STARTS_ON + timedelta(weeks=10, days=-1)
IN_WEEK_4 = STARTS_ON + timedelta(days=24)  # 24 // 7 + 1 = week 4
IN_WEEK_7 = STARTS_ON + timedelta(days=42)  # 42 // 7 + 1 = week 7
IN_WEEK_8 = STARTS_ON + timedelta(days=49)  # 49 // 7 + 1 = week 8

COMPLETION = Criterion("completion", 80)
SATISFACTION = Criterion("satisfaction", 4)
WEEKLY_USE = Criterion("weekly_active", 60, after_weeks=8)

# Ten of the thirteen people check in every week; in week w the first ACTIVE[w] of them used
# the tool. Weeks 1-4: 5 + 6 + 7 + 8 = 26 active of 40 reported = 65 %; week 4 alone 80 %.
ACTIVE = {1: 5, 2: 6, 3: 7, 4: 8, 5: 8, 6: 7, 7: 8, 8: 7}
# Six answers 5, 4, 4, 5, 4, 3: mean 25 / 6 = 4.17.
ANSWERS = (5, 4, 4, 5, 4, 3)


def check_ins(last_week: int) -> tuple[CheckIn, ...]:
    return tuple(
        CheckIn(person, week, 2 if person <= ACTIVE[week] else 0, (), 1.0)
        for week in range(1, last_week + 1)
        for person in range(1, 11)
    )


def results(*, last_week: int = 4, enrolled: int = 13, completed: int = 3) -> PilotResults:
    return analyse(
        PilotData(
            enrolled=enrolled,
            completed=completed,
            check_ins=check_ins(last_week),
            timings=(),
            feedback=tuple(Feedback(i, answer, None, None) for i, answer in enumerate(ANSWERS)),
            knowledge=(),
            job_satisfaction=(),
            career_satisfaction=(),
        )
    )


def running_on(today: date):
    return judging_on("running", STARTS_ON, ENDS_ON, today)


def test_a_running_pilot_in_week_4_has_its_criteria_not_yet_judged_with_the_figures_so_far():
    judging = running_on(IN_WEEK_4)
    assert (judging.final, judging.week, judging.weeks, judging.overdue) == (False, 4, 10, False)

    completion, satisfaction, weekly = judge_all(
        (COMPLETION, SATISFACTION, WEEKLY_USE), results(), judging
    )

    assert {completion.verdict, satisfaction.verdict, weekly.verdict} == {Verdict.IN_PROGRESS}
    # 3 of 13 = 23.08 %: a share that only rises says nothing yet, so it is not "behind".
    assert completion.sentence == (
        "So far 3 of 13 people (23 %) have completed their path; this is judged when the "
        "pilot ends on 6 December 2026 (target: at least 80 %)."
    )
    assert completion.value is not None and round(completion.value, 2) == 23.08
    assert completion.on_track is None and completion.interval is None
    # 4.17 out of 5 from six answers already reaches 4.
    assert satisfaction.sentence == (
        "So far the average satisfaction is 4.2 out of 5 (6 answers), already at the target "
        "of at least 4 out of 5; this is judged when the pilot ends on 6 December 2026."
    )
    assert satisfaction.on_track is True
    # Week 8 is 8 - 4 = 4 weeks away; use so far 65 %, 80 % in week 4.
    assert weekly.sentence == (
        "Judged from week 8 (in 4 weeks) until the pilot ends on 6 December 2026; weekly use "
        "so far 65 %, 80 % in week 4 (target: at least 60 %)."
    )
    # The table shows the use so far, 26 of 40 participant-weeks, from the ten who checked in;
    # it is not compared with the target before week 8.
    assert weekly.value is not None and round(weekly.value, 6) == 65.0
    assert (weekly.n, weekly.on_track, weekly.interval) == (10, None, None)


def test_the_same_figures_are_judged_met_or_not_met_once_the_pilot_is_evaluated():
    judging = judging_on("evaluating", STARTS_ON, ENDS_ON, IN_WEEK_4)
    assert judging.final and not judging.overdue

    completion, satisfaction, weekly = judge_all(
        (COMPLETION, SATISFACTION, WEEKLY_USE), results(), judging
    )

    # 23.1 % < 80; 4.17 >= 4; nobody checked in from week 8 on.
    assert (completion.verdict, satisfaction.verdict, weekly.verdict) == (
        Verdict.NOT_MET,
        Verdict.MET,
        Verdict.NOT_ENOUGH_DATA,
    )
    assert completion.sentence == evaluate(COMPLETION, results()).sentence
    assert completion.sentence.endswith("the target was at least 80.0 %: not met.")
    assert completion.on_track is None and completion.judging is judging


def test_weekly_use_from_week_8_waits_in_week_7_and_shows_its_figure_so_far_in_week_8():
    week_7 = judge(WEEKLY_USE, results(last_week=7), running_on(IN_WEEK_7))
    # Weeks 1-7: 5+6+7+8+8+7+8 = 49 of 70 = 70 %; week 7 alone 8 of 10 = 80 %.
    assert week_7.verdict is Verdict.IN_PROGRESS and round(week_7.value or 0, 6) == 70.0
    assert week_7.sentence == (
        "Judged from week 8 (in 1 week) until the pilot ends on 6 December 2026; weekly use "
        "so far 70 %, 80 % in week 7 (target: at least 60 %)."
    )

    not_reported = judge(WEEKLY_USE, results(last_week=7), running_on(IN_WEEK_8))
    assert not_reported.verdict is Verdict.IN_PROGRESS and not_reported.value is None
    assert not_reported.sentence == (
        "No one has checked in from week 8 on yet; this is judged when the pilot ends on "
        "6 December 2026 (target: at least 60 %)."
    )

    week_8 = judge(WEEKLY_USE, results(last_week=8), running_on(IN_WEEK_8))
    # From week 8 on: 7 of 10 participant-weeks = 70 % >= 60.
    assert week_8.verdict is Verdict.IN_PROGRESS
    assert week_8.value is not None and round(week_8.value, 6) == 70.0
    assert week_8.on_track is True
    assert week_8.sentence == (
        "So far, from week 8 on, participants used the tool in 70 % of the weeks they "
        "reported on (10 participants), already at the target of at least 60 %; this is "
        "judged when the pilot ends on 6 December 2026."
    )


def test_a_running_pilot_is_judged_from_the_day_after_its_planned_end():
    on_its_last_day = running_on(ENDS_ON)
    day_after = running_on(ENDS_ON + timedelta(days=1))
    assert (on_its_last_day.final, on_its_last_day.overdue) == (False, False)
    assert (day_after.final, day_after.overdue) == (True, True)

    assert judge(COMPLETION, results(), on_its_last_day).verdict is Verdict.IN_PROGRESS
    assert judge(COMPLETION, results(), day_after).verdict is Verdict.NOT_MET
    assert judge(SATISFACTION, results(), day_after).verdict is Verdict.MET


def test_ended_pilots_are_judged_and_planned_ones_never_are():
    long_after = ENDS_ON + timedelta(days=300)
    for status in ("evaluating", "decided"):
        judging = judging_on(status, STARTS_ON, ENDS_ON, IN_WEEK_4)
        assert judging.final and not judging.overdue
    planned = judging_on("planned", STARTS_ON, ENDS_ON, long_after)
    assert not planned.final and not planned.overdue
    undated = judging_on("running", None, None, IN_WEEK_4)
    assert not undated.final and (undated.week, undated.weeks) == (None, None)
    # Without an end date the sentence cannot say when; with one that has passed (a pilot
    # never started) it does not name a day in the past.
    for judging in (undated, planned):
        assert judge(COMPLETION, results(), judging).sentence == (
            "So far 3 of 13 people (23 %) have completed their path; this is judged when the "
            "pilot ends (target: at least 80 %)."
        )


def test_a_cohort_too_small_to_judge_says_so_while_there_is_time_to_add_people():
    small = results(enrolled=3, completed=1)
    judged = judge_all((COMPLETION, SATISFACTION), small, running_on(IN_WEEK_4))
    assert [result.verdict for result in judged] == [Verdict.NOT_ENOUGH_DATA] * 2
    assert judged[0].sentence == (
        "Only 3 people take part, so this cannot be judged however it goes: at least 5 "
        "people are needed. Add people to the cohort while the pilot runs."
    )
    # Nobody chosen yet is not a verdict: the cohort is still to come.
    empty = judge(COMPLETION, results(enrolled=0, completed=0), running_on(IN_WEEK_4))
    assert empty.verdict is Verdict.IN_PROGRESS
    assert empty.sentence.startswith("No one has joined the pilot yet; this is judged when")


def test_an_average_below_target_so_far_is_not_on_track_and_a_finished_share_at_target_is():
    below = judge(Criterion("satisfaction", 4.5), results(), running_on(IN_WEEK_4))
    # 4.17 < 4.5: an average can still go either way, so it reads "not on track".
    assert below.verdict is Verdict.IN_PROGRESS and below.on_track is False
    assert below.sentence == (
        "So far the average satisfaction is 4.2 out of 5 (6 answers); this is judged when "
        "the pilot ends on 6 December 2026 (target: at least 4.5 out of 5)."
    )
    reached = judge(COMPLETION, results(completed=11), running_on(IN_WEEK_4))
    # 11 of 13 = 84.6 % >= 80.
    assert reached.verdict is Verdict.IN_PROGRESS and reached.on_track is True
    assert reached.sentence.startswith(
        "So far 11 of 13 people (85 %) have completed their path, already at the target"
    )
