"""What a pilot achieved, from what was measured: plain records in, plain figures out.

No database, no I/O, no Qt: the pilot service fills ``PilotData`` from the database and
``analyse`` returns every figure the results tab, the PDF and the workbook show. The rules:

* Only what was measured counts. A participant without an answer is left out of a mean,
  never counted as zero; a before/after measure uses complete pairs only and says how many
  people lacked the after (or the before) measurement.
* Every estimate carries a 95 % interval where the data allow one (app/pilots/statistics.py):
  t for means and paired changes, Wilson for completion, a seeded bootstrap for time saved
  (a median, and a mean of skewed hours) and for weekly use (resampling participants, since
  one person's weeks are not independent of each other).
* Shares are on the 0–1 scale here; app/pilots/criteria.py turns them into percentages.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from app.pilots.statistics import (
    Interval,
    bootstrap_interval,
    mean_interval,
    wilson_interval,
)

WORKING_WEEKS = 46
"""Weeks worked in a year: 52 less about six weeks of holidays and public holidays. Used to
turn hours saved a week into hours saved a year."""

MIN_OBSERVATIONS = 5
"""Fewer observations than this and a success criterion is "not enough data": a pilot of
three people proves nothing either way."""

SATISFACTION_SCALE = (1, 5)
RECOMMEND_SCALE = (0, 10)
PROMOTER_FROM = 9
"""A "would recommend" answer of 9 or 10 is a promoter; 0 to 6 a detractor (net promoter)."""
DETRACTOR_UP_TO = 6


# --- inputs -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckIn:
    """One participant's week of the pilot."""

    participant_id: int
    week: int
    """1 is the pilot's first week."""
    days_used: int
    """Days the AI tool was used that week, 0–7."""
    features: tuple[str, ...]
    learning_hours: float


@dataclass(frozen=True)
class TaskTiming:
    """A task timed before and after the training; for one participant or the whole cohort."""

    task: str
    minutes_before: float
    minutes_after: float
    observations_before: int
    observations_after: int
    times_per_week: float
    errors_before: int | None = None
    errors_after: int | None = None
    participant_id: int | None = None


@dataclass(frozen=True)
class Feedback:
    """A participant's satisfaction survey."""

    participant_id: int
    satisfaction: int | None
    """1–5."""
    recommend: int | None
    """0–10: how likely they are to recommend it to a colleague."""
    comment: str | None


@dataclass(frozen=True)
class BeforeAfter:
    """One participant's score before and after the pilot; either may be missing."""

    participant_id: int
    before: float | None
    after: float | None


@dataclass(frozen=True)
class PilotData:
    """Everything measured in one pilot, as the service reads it from the database."""

    enrolled: int
    completed: int
    check_ins: tuple[CheckIn, ...]
    timings: tuple[TaskTiming, ...]
    feedback: tuple[Feedback, ...]
    knowledge: tuple[BeforeAfter, ...]
    """Knowledge-check score, %."""
    job_satisfaction: tuple[BeforeAfter, ...]
    career_satisfaction: tuple[BeforeAfter, ...]
    working_weeks: int = WORKING_WEEKS


# --- completion ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Completion:
    enrolled: int
    completed: int
    rate: float | None
    """0–1; None with nobody enrolled."""
    interval: Interval | None


def completion(enrolled: int, completed: int) -> Completion:
    """The share of enrolled participants who finished, with its Wilson interval."""
    if enrolled < 0 or not 0 <= completed <= enrolled:
        raise ValueError(f"{completed} of {enrolled} participants cannot have finished")
    rate = completed / enrolled if enrolled else None
    return Completion(enrolled, completed, rate, wilson_interval(completed, enrolled))


# --- satisfaction -------------------------------------------------------------------------


@dataclass(frozen=True)
class Satisfaction:
    n: int
    mean: float | None
    interval: Interval | None
    """t interval of the mean, cut to 1–5."""
    distribution: tuple[int, int, int, int, int]
    """How many answered 1, 2, 3, 4 and 5."""
    recommend_n: int
    recommend_mean: float | None
    net_promoter: float | None
    """% promoters (9–10) minus % detractors (0–6), -100..100."""
    comments: tuple[str, ...]
    """The non-empty comments, stripped, in the order given."""
    recommend_interval: Interval | None = None
    """t interval of the mean recommend score, cut to 0–10."""


def _scale_interval(values: Sequence[float], scale: tuple[int, int]) -> Interval | None:
    interval = mean_interval(values)
    return interval.clamped(*scale) if interval else None


def _check_scale(values: Sequence[int], scale: tuple[int, int], what: str) -> None:
    for value in values:
        if not scale[0] <= value <= scale[1]:
            raise ValueError(f"{what} {value} is outside {scale[0]}–{scale[1]}")


def satisfaction(feedback: Sequence[Feedback]) -> Satisfaction:
    """Mean satisfaction (1–5) and its spread over the answers, the recommend score, comments."""
    answers = [row.satisfaction for row in feedback if row.satisfaction is not None]
    _check_scale(answers, SATISFACTION_SCALE, "satisfaction")
    counts = [0, 0, 0, 0, 0]
    for answer in answers:
        counts[answer - 1] += 1
    recommends = [row.recommend for row in feedback if row.recommend is not None]
    _check_scale(recommends, RECOMMEND_SCALE, "recommend score")
    net_promoter = None
    if recommends:
        promoters = sum(1 for score in recommends if score >= PROMOTER_FROM)
        detractors = sum(1 for score in recommends if score <= DETRACTOR_UP_TO)
        net_promoter = 100 * (promoters - detractors) / len(recommends)
    comments = tuple(
        text for text in (row.comment.strip() for row in feedback if row.comment) if text
    )
    return Satisfaction(
        n=len(answers),
        mean=statistics.fmean(answers) if answers else None,
        interval=_scale_interval(answers, SATISFACTION_SCALE),
        distribution=(counts[0], counts[1], counts[2], counts[3], counts[4]),
        recommend_n=len(recommends),
        recommend_mean=statistics.fmean(recommends) if recommends else None,
        net_promoter=net_promoter,
        comments=comments,
        recommend_interval=_scale_interval(recommends, RECOMMEND_SCALE),
    )


# --- paired before/after ------------------------------------------------------------------


@dataclass(frozen=True)
class PairedChange:
    n_pairs: int
    missing_after: int
    """Had a before measurement but no after."""
    missing_before: int
    mean_before: float | None
    """Over the complete pairs, so that before and after describe the same people."""
    mean_after: float | None
    mean_change: float | None
    interval: Interval | None
    """t interval of the paired differences (after - before)."""


def paired_change(rows: Sequence[BeforeAfter]) -> PairedChange:
    """The average change per person, from the people measured both before and after."""
    pairs = [(row.before, row.after) for row in rows]
    complete = [(b, a) for b, a in pairs if b is not None and a is not None]
    befores = [b for b, _a in complete]
    afters = [a for _b, a in complete]
    changes = [a - b for b, a in complete]
    return PairedChange(
        n_pairs=len(complete),
        missing_after=sum(1 for b, a in pairs if b is not None and a is None),
        missing_before=sum(1 for b, a in pairs if b is None and a is not None),
        mean_before=statistics.fmean(befores) if complete else None,
        mean_after=statistics.fmean(afters) if complete else None,
        mean_change=statistics.mean(changes) if complete else None,
        interval=mean_interval(changes),
    )


# --- time saved ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TaskSaving:
    task: str
    minutes_before: float
    minutes_after: float
    saved_share: float
    """(before - after) / before; negative when the task got slower."""
    hours_per_week: float
    """(before - after) / 60 × times per week."""
    observations: int
    """The fewer of the before and after observations."""
    errors_before: int | None
    errors_after: int | None
    participant_id: int | None


@dataclass(frozen=True)
class TimeSaved:
    tasks: tuple[TaskSaving, ...]
    n: int
    """Measured tasks."""
    median_share: float | None
    share_interval: Interval | None
    """Bootstrap interval of the median share."""
    hours_per_week: float | None
    """Per participant: each participant's task savings summed, then the mean over the
    participants measured (a timing without a participant counts as a participant of its own)."""
    hours_interval: Interval | None
    """Bootstrap interval of that mean."""
    participants: int
    """Enrolled."""
    cohort_hours_per_year: float | None
    """hours_per_week × participants × working weeks."""
    cohort_interval: Interval | None


def task_saving(timing: TaskTiming) -> TaskSaving:
    """How much one timed task saved, as a share of its time and in hours a week."""
    if not timing.minutes_before > 0:
        raise ValueError(f"“{timing.task}” took {timing.minutes_before} minutes before")
    saved = timing.minutes_before - timing.minutes_after
    return TaskSaving(
        task=timing.task,
        minutes_before=timing.minutes_before,
        minutes_after=timing.minutes_after,
        saved_share=saved / timing.minutes_before,
        hours_per_week=saved / 60 * timing.times_per_week,
        observations=min(timing.observations_before, timing.observations_after),
        errors_before=timing.errors_before,
        errors_after=timing.errors_after,
        participant_id=timing.participant_id,
    )


def _hours_by_participant(tasks: Sequence[TaskSaving]) -> list[float]:
    by_participant: dict[int, list[float]] = defaultdict(list)
    unassigned: list[float] = []
    for task in tasks:
        if task.participant_id is None:
            unassigned.append(task.hours_per_week)
        else:
            by_participant[task.participant_id].append(task.hours_per_week)
    return [math.fsum(hours) for hours in by_participant.values()] + unassigned


def time_saved(
    timings: Sequence[TaskTiming], participants: int, working_weeks: int = WORKING_WEEKS
) -> TimeSaved:
    """The median share of time saved over the tasks and the hours a participant saves a week,
    each with a bootstrap interval, and what that makes for the cohort over a working year."""
    if participants < 0:
        raise ValueError(f"{participants} participants")
    tasks = tuple(task_saving(timing) for timing in timings)
    shares = [task.saved_share for task in tasks]
    per_person = _hours_by_participant(tasks)
    hours = statistics.fmean(per_person) if per_person else None
    hours_interval = bootstrap_interval(per_person, statistics.fmean)
    year = participants * working_weeks
    return TimeSaved(
        tasks=tasks,
        n=len(tasks),
        median_share=statistics.median(shares) if shares else None,
        share_interval=bootstrap_interval(shares, statistics.median),
        hours_per_week=hours,
        hours_interval=hours_interval,
        participants=participants,
        cohort_hours_per_year=hours * year if hours is not None else None,
        cohort_interval=hours_interval.scaled(year) if hours_interval else None,
    )


@dataclass(frozen=True)
class TaskMinutes:
    """One task's minutes before and after, the mean over its timings."""

    task: str
    timings: int
    minutes_before: float
    minutes_after: float


def task_minutes(tasks: Sequence[TaskSaving]) -> tuple[TaskMinutes, ...]:
    """Each task once, in the order first timed: the mean minutes of its timings."""
    grouped: dict[str, list[TaskSaving]] = {}
    for task in tasks:
        grouped.setdefault(task.task, []).append(task)
    return tuple(
        TaskMinutes(
            name,
            len(rows),
            statistics.fmean(row.minutes_before for row in rows),
            statistics.fmean(row.minutes_after for row in rows),
        )
        for name, rows in grouped.items()
    )


@dataclass(frozen=True)
class ScaleUp:
    population: int
    hours_per_year: float | None
    interval: Interval | None


def scale_up(saved: TimeSaved, population: int, working_weeks: int = WORKING_WEEKS) -> ScaleUp:
    """Hours a year saved if ``population`` people saved what a pilot participant saves."""
    if population < 0:
        raise ValueError(f"a population of {population}")
    year = population * working_weeks
    hours = saved.hours_per_week
    return ScaleUp(
        population=population,
        hours_per_year=hours * year if hours is not None else None,
        interval=saved.hours_interval.scaled(year) if saved.hours_interval else None,
    )


# --- adoption -----------------------------------------------------------------------------


@dataclass(frozen=True)
class AdoptionWeek:
    week: int
    reporting: int
    """Participants who checked in that week."""
    active: int
    """Of them, those who used the tool at least one day."""
    share: float | None


def _active_by_week(check_ins: Sequence[CheckIn]) -> dict[int, dict[int, bool]]:
    """week → participant → used the tool that week (any of their check-ins that week)."""
    weeks: dict[int, dict[int, bool]] = defaultdict(dict)
    for check_in in check_ins:
        if check_in.week < 1:
            raise ValueError(f"week {check_in.week}: weeks start at 1")
        people = weeks[check_in.week]
        people[check_in.participant_id] = (
            people.get(check_in.participant_id, False) or check_in.days_used > 0
        )
    return weeks


def adoption_curve(check_ins: Sequence[CheckIn]) -> tuple[AdoptionWeek, ...]:
    """The share of reporting participants who used the tool, week by week from week 1 to the
    last week with a check-in; a week nobody reported on has no share."""
    weeks = _active_by_week(check_ins)
    curve = []
    for week in range(1, max(weeks, default=0) + 1):
        people = weeks.get(week, {})
        active = sum(people.values())
        share = active / len(people) if people else None
        curve.append(AdoptionWeek(week, len(people), active, share))
    return tuple(curve)


@dataclass(frozen=True)
class WeeklyActive:
    from_week: int
    share: float | None
    """Active participant-weeks / reported participant-weeks, from ``from_week`` on."""
    interval: Interval | None
    """Bootstrap over participants (each with all their weeks), 0–1."""
    participants: int
    """Distinct participants who reported in those weeks."""
    participant_weeks: int


def _pooled_share(people: Sequence[tuple[int, int]]) -> float:
    reported = sum(weeks for _active, weeks in people)
    return sum(active for active, _weeks in people) / reported


def weekly_active(check_ins: Sequence[CheckIn], week: int) -> WeeklyActive:
    """How much of the time participants used the tool from ``week`` on, with an interval."""
    per_person: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for current, people in _active_by_week(check_ins).items():
        if current < week:
            continue
        for participant, active in people.items():
            per_person[participant][0] += int(active)
            per_person[participant][1] += 1
    people_weeks = [(active, weeks) for active, weeks in per_person.values()]
    reported = sum(weeks for _active, weeks in people_weeks)
    return WeeklyActive(
        from_week=week,
        share=_pooled_share(people_weeks) if reported else None,
        interval=bootstrap_interval(people_weeks, _pooled_share),
        participants=len(people_weeks),
        participant_weeks=reported,
    )


def active_share_from(check_ins: Sequence[CheckIn], week: int) -> tuple[float | None, int]:
    """The pooled share of participant-weeks with use from ``week`` on, and how many distinct
    participants reported in those weeks."""
    result = weekly_active(check_ins, week)
    return result.share, result.participants


@dataclass(frozen=True)
class FeatureUse:
    feature: str
    participants: int
    share: float
    """Of the participants who checked in at all."""


def feature_use(check_ins: Sequence[CheckIn]) -> tuple[FeatureUse, ...]:
    """How many participants used each feature at least once: most used first, then by name."""
    reporting = {check_in.participant_id for check_in in check_ins}
    users: dict[str, set[int]] = defaultdict(set)
    for check_in in check_ins:
        for feature in check_in.features:
            if feature.strip():
                users[feature.strip()].add(check_in.participant_id)
    ranked = sorted(users.items(), key=lambda item: (-len(item[1]), item[0]))
    return tuple(
        FeatureUse(feature, len(people), len(people) / len(reporting)) for feature, people in ranked
    )


# --- everything ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PilotResults:
    completion: Completion
    satisfaction: Satisfaction
    learning_gain: PairedChange
    time_saved: TimeSaved
    adoption: tuple[AdoptionWeek, ...]
    features: tuple[FeatureUse, ...]
    job_satisfaction: PairedChange
    career_satisfaction: PairedChange
    learning_hours: float
    """Total hours spent learning, from the check-ins."""
    check_ins: tuple[CheckIn, ...]


def analyse(data: PilotData) -> PilotResults:
    """Every figure of a pilot's results."""
    return PilotResults(
        completion=completion(data.enrolled, data.completed),
        satisfaction=satisfaction(data.feedback),
        learning_gain=paired_change(data.knowledge),
        time_saved=time_saved(data.timings, data.enrolled, data.working_weeks),
        adoption=adoption_curve(data.check_ins),
        features=feature_use(data.check_ins),
        job_satisfaction=paired_change(data.job_satisfaction),
        career_satisfaction=paired_change(data.career_satisfaction),
        learning_hours=math.fsum(check_in.learning_hours for check_in in data.check_ins),
        check_ins=tuple(data.check_ins),
    )
