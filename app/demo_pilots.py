"""The demo organisation's programme objectives and pilots: one pilot decided, one running.

Two objectives with metrics, baselines and a few readings give the pilots something to
serve. The "Writing assistant pilot" ran for ten weeks with a cohort suggested over four
departments and ended in a decision to scale up: weekly use rising from about 40 % to 75 %
with a few missed check-ins, three timed tasks, satisfaction answers from 3 to 5 with
comments (some critical), knowledge checks before and after (one after missing), a small
rise in job satisfaction that misses its target, and practical uses logged. The "Meeting
notes pilot" started four weeks ago: its cohort is enrolled and has four weeks of
check-ins, nothing else yet. Everything goes through the services, as a user would enter
it; the cohort follows the learning paths of their tracks (the demo's paths).
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from app.context import AppServices
from app.objectives.model import MetricInput, ObjectiveInput
from app.objectives.service import ObjectiveService
from app.pilots.criteria import Criterion
from app.pilots.records import (
    ApplicationInput,
    CheckInEntry,
    Decision,
    FeedbackInput,
    ParticipantRow,
    PilotInput,
    TimingInput,
)
from app.pilots.service import CohortPick
from db.models import ObjectiveStatus

DECIDED_NAME = "Writing assistant pilot"
RUNNING_NAME = "Meeting notes pilot"
DECIDED_DEPARTMENTS = ("Sales", "Customer Service", "Marketing", "Finance")
RUNNING_DEPARTMENTS = ("Operations", "IT", "HR")
DECIDED_SIZE = 13
RUNNING_SIZE = 10
MIN_CANDIDATES = 6
"""Fewer people than this in a pilot's departments (a tiny demo) and that pilot is left out."""

DECIDED_WEEKS = 10
DECIDED_ENDED_DAYS_AGO = 20
DECIDED_ON_DAYS_AFTER_END = 9
RUNNING_STARTED_DAYS_AGO = 25
"""The running pilot is in its fourth week."""
RUNNING_WEEKS = 12

ADOPTION = (0.40, 0.75)
"""Weekly active share in the first and the last week of the decided pilot."""
MISSED_CHECK_IN = 0.08
FINISHED_SHARE = 0.85
"""Of the decided pilot's cohort, those who finished their path."""
PROGRAMME_STARTED_DAYS_AGO = 160
READING_EVERY_DAYS = 45
"""The objectives' metrics are read about every six weeks since the baseline."""

FEATURE_WEIGHTS = (
    ("drafting", 10),
    ("summarising", 6),
    ("meeting_notes", 4),
    ("research", 4),
    ("translation", 2),
    ("data", 2),
)
NOTES_FEATURE_WEIGHTS = (("meeting_notes", 10), ("summarising", 5), ("data", 3), ("drafting", 2))

TASKS = (
    # task, minutes before, share saved, times a week, errors before, errors after
    ("Draft a customer reply", 18.0, 0.40, 12.0, 3, 2),
    ("Summarise a policy", 40.0, 0.42, 1.0, 2, 1),
    ("Prepare a meeting brief", 45.0, 0.33, 2.0, 1, 1),
)
TIMED_PER_TASK = 2

SATISFACTION = (5, 4, 4, 5, 3, 4, 5, 4, 4, 3, 5, 4)
RECOMMEND = (9, 8, 8, 10, 6, 8, 9, 7, 8, 5, 9, 8)
COMMENTS = (
    "It takes the blank page away: my first drafts of customer replies now take minutes.",
    "Useful for summaries, but I still check every figure it gives me.",
    "",
    "The workshops were good; I would have liked more examples from finance work.",
    "Too much time went on the login problems in the first two weeks.",
    "",
    "I use it every day now for emails and meeting briefs. Colleagues keep asking how.",
    "",
    "Helpful, though it sometimes sounds more formal than our customers expect.",
    "I am not convinced yet. It helps with wording, less with the actual thinking.",
    "",
    "Good",
)
ENGAGEMENT_CHANGE = (0.0, 0.5, 0.0, 0.0, 0.5, -0.5, 0.0, 0.5, 0.0, 0.0, 0.5, 0.0, 0.0)
"""Job satisfaction after minus before, person by person: a small rise."""

APPLICATIONS = (
    (
        "Drafted first replies to routine billing questions, then checked and personalised them.",
        1.5,
    ),
    ("Summarised the new expenses policy for the team's intranet page.", 0.5),
    ("Turned meeting notes into action lists with owners and dates.", 1.0),
    ("Prepared the first draft of the quarterly sales brief.", 2.0),
    ("Translated a supplier's letter before a call, then had it checked.", 0.5),
)

DECISION_REASONS = (
    "Weekly use rose to three participants in four and the timed tasks took about a third "
    "less time, so the estimate of hours saved holds even at the low end of its interval. "
    "Completion, satisfaction and the learning gain met their targets. Job satisfaction "
    "barely moved: the roll-out pairs every team with a champion and protects an hour of "
    "learning a week. Scale up to Sales, Customer Service, Marketing and Finance first."
)


@dataclass(frozen=True)
class DemoPilots:
    objective_ids: tuple[int, ...]
    pilot_ids: tuple[int, ...]


def create_demo_pilots(
    services: AppServices, rng: random.Random, *, today: date | None = None
) -> DemoPilots:
    """Write the demo's objectives and its two pilots; returns their ids."""
    today = today or date.today()
    objective_ids = _demo_objectives(services.objectives, today)
    pilot_ids: list[int] = []
    decided = _decided_pilot(services, rng, today, objective_ids[:1])
    if decided is not None:
        pilot_ids.append(decided)
    running = _running_pilot(services, rng, today, objective_ids[1:])
    if running is not None:
        pilot_ids.append(running)
    return DemoPilots(tuple(objective_ids), tuple(pilot_ids))


# -- objectives --------------------------------------------------------------------------------


def _demo_objectives(objectives: ObjectiveService, today: date) -> list[int]:
    baseline_on = today - timedelta(days=PROGRAMME_STARTED_DAYS_AGO)
    target_date = baseline_on + timedelta(days=365)
    plans = (
        (
            ObjectiveInput(
                title="Save time on routine writing and reporting",
                description="Give people back time from first drafts, summaries and reports.",
                owner="Chief Operating Officer",
                due_on=target_date,
                status=ObjectiveStatus.ON_TRACK,
            ),
            (
                ("Hours a week on routine writing, per person", "hours", 6.5, 4.5),
                ("Customer replies sent within a day", "%", 62.0, 85.0),
            ),
            ((6.4, 6.1, 5.8), (63.0, 68.0, 71.0)),
        ),
        (
            ObjectiveInput(
                title="Build confidence with AI across the organisation",
                description="Everyone knows the house rules and uses an approved tool safely.",
                owner="HR Director",
                due_on=target_date,
                status=ObjectiveStatus.AT_RISK,
            ),
            (
                ("People using an approved AI tool every week", "%", 12.0, 60.0),
                ("People who finished the AI essentials module", "%", 0.0, 90.0),
            ),
            ((15.0, 19.0, 24.0), (18.0, 31.0, 37.0)),
        ),
    )
    ids: list[int] = []
    for objective, metrics, readings in plans:
        objective_id = objectives.save_objective(objective)
        ids.append(objective_id)
        for (name, unit, baseline, target), values in zip(metrics, readings, strict=True):
            metric_id = objectives.save_metric(
                objective_id,
                MetricInput(name, unit, baseline, baseline_on, target, target_date),
            )
            for step, value in enumerate(values, 1):
                measured_on = baseline_on + timedelta(days=READING_EVERY_DAYS * step)
                objectives.add_reading(metric_id, value, min(measured_on, today), today=today)
    return ids


# -- shared steps ------------------------------------------------------------------------------


def _paths_of(services: AppServices, people: Sequence[int]) -> list[int]:
    """The learning paths these people follow (the demo's path per track)."""
    wanted = set(people)
    return [p.id for p in services.paths.paths() if wanted & set(services.paths.people_on(p.id))]


def _enrol(
    services: AppServices,
    departments: Sequence[str],
    size: int,
    values: PilotInput,
) -> tuple[int, list[ParticipantRow]] | None:
    """Save the pilot, suggest its cohort over ``departments`` and enrol it; None when the
    organisation is too small for it."""
    wanted = {name.casefold() for name in departments}
    scope = [d for d in services.organisation.departments() if d.name.casefold() in wanted]
    population = sum(d.active_people for d in scope)
    if population < MIN_CANDIDATES:
        return None
    department_ids = [d.id for d in scope]
    cohort = services.pilots.suggest(min(size, population - 1), department_ids=department_ids)
    people = [pick.candidate.person_id for pick in cohort.picks]
    values = replace(values, target_population=population)
    pilot_id = services.pilots.save_pilot(values)
    services.pilots.set_cohort(
        pilot_id,
        [
            CohortPick(
                pick.candidate.person_id,
                pick.reason,
                pick.candidate.enthusiasm,
                pick.candidate.influence,
            )
            for pick in cohort.picks
        ],
        # Chosen the week before it started.
        enrolled_on=values.starts_on - timedelta(days=7) if values.starts_on else None,
    )
    participants = services.pilots.participants(pilot_id)
    # The cohort already follows the paths of their tracks: the pilot names those paths
    # once it is enrolled (enrolling them on the paths again would change nothing).
    services.pilots.save_pilot(
        replace(values, path_ids=tuple(_paths_of(services, people))), pilot_id
    )
    return pilot_id, participants


def _weighted_features(
    rng: random.Random, weights: Sequence[tuple[str, int]], count: int
) -> tuple[str, ...]:
    keys = [key for key, _w in weights]
    chosen: set[str] = set()
    while len(chosen) < min(count, len(keys)):
        chosen.add(rng.choices(keys, [w for _k, w in weights])[0])
    return tuple(key for key in keys if key in chosen)


def _check_ins(
    services: AppServices,
    pilot_id: int,
    participants: Sequence[ParticipantRow],
    rng: random.Random,
    *,
    weeks: int,
    shares: Sequence[float],
    features: Sequence[tuple[str, int]],
) -> None:
    """A week at a time: a few people miss their check-in; of the others, the keenest use
    the tool, as many as that week's share; learning hours fall as the path gets done."""
    keenness = {p.id: rng.gauss(p.enthusiasm or 3.0, 0.8) for p in participants}
    for week in range(1, weeks + 1):
        reporting = [p.id for p in participants if rng.random() >= MISSED_CHECK_IN]
        ranked = sorted(reporting, key=lambda pid: keenness[pid] + rng.gauss(0, 0.9), reverse=True)
        active = set(ranked[: round(shares[week - 1] * len(reporting))])
        entries = []
        for participant_id in reporting:
            used = participant_id in active
            days = min(5, rng.randint(1, 2 + week // 3)) if used else 0
            entries.append(
                CheckInEntry(
                    participant_id,
                    days,
                    _weighted_features(rng, features, rng.randint(1, 3)) if used else (),
                    max(0.0, round(rng.uniform(1.0, 2.5) - 0.12 * week, 1)),
                )
            )
        services.pilot_tracking.record_week(pilot_id, week, entries)


# -- the decided pilot -------------------------------------------------------------------------


def _decided_pilot(
    services: AppServices, rng: random.Random, today: date, objective_ids: Sequence[int]
) -> int | None:
    ends_on = today - timedelta(days=DECIDED_ENDED_DAYS_AGO)
    starts_on = ends_on - timedelta(weeks=DECIDED_WEEKS) + timedelta(days=1)  # 10 whole weeks
    enrolled = _enrol(
        services,
        DECIDED_DEPARTMENTS,
        DECIDED_SIZE,
        PilotInput(
            name=DECIDED_NAME,
            purpose=(
                "Find out whether an AI writing assistant saves time on the everyday writing "
                "of customer-facing and office teams, and whether people keep using it once "
                "the novelty wears off."
            ),
            starts_on=starts_on,
            ends_on=ends_on,
            objective_ids=tuple(objective_ids),
            tools=("Microsoft 365 Copilot",),
            criteria=(
                Criterion("completion", 80.0),
                Criterion("satisfaction", 4.0),
                Criterion("time_saved", 15.0),
                Criterion("weekly_active", 60.0, 8),
                Criterion("learning_gain", 15.0),
                Criterion("engagement", 0.5),
            ),
        ),
    )
    if enrolled is None:
        return None
    pilot_id, participants = enrolled
    tracking = services.pilot_tracking
    services.pilots.set_status(pilot_id, "running")
    _finish_paths(services, pilot_id, participants, rng, starts_on, ends_on, today)
    low, high = ADOPTION
    shares = [low + (high - low) * i / (DECIDED_WEEKS - 1) for i in range(DECIDED_WEEKS)]
    _check_ins(
        services,
        pilot_id,
        participants,
        rng,
        weeks=DECIDED_WEEKS,
        shares=shares,
        features=FEATURE_WEIGHTS,
    )
    ids = [p.id for p in participants]
    timed = ids[:]
    rng.shuffle(timed)
    for index, (task, before, saved, per_week, errors_before, errors_after) in enumerate(TASKS):
        for participant_id in timed[index * TIMED_PER_TASK : (index + 1) * TIMED_PER_TASK]:
            minutes_before = round(before * rng.uniform(0.8, 1.25))
            share = min(0.7, max(0.05, rng.gauss(saved, 0.08)))
            tracking.save_timing(
                pilot_id,
                TimingInput(
                    task=task,
                    minutes_before=minutes_before,
                    minutes_after=round(minutes_before * (1 - share)),
                    observations_before=3,
                    observations_after=3,
                    times_per_week=per_week,
                    errors_before=errors_before,
                    errors_after=errors_after,
                    participant_id=participant_id,
                ),
            )
    answered = ends_on + timedelta(days=3)
    tracking.save_feedback(
        pilot_id,
        [
            FeedbackInput(pid, satisfaction, recommend, comment, answered)
            for pid, satisfaction, recommend, comment in zip(
                ids, SATISFACTION, RECOMMEND, COMMENTS, strict=False
            )
        ],
    )
    knowledge = {pid: float(round(rng.gauss(46, 8))) for pid in ids}
    after: dict[int, float | None] = {
        pid: float(min(100, round(value + rng.gauss(25, 7)))) for pid, value in knowledge.items()
    }
    after[ids[-1]] = None  # one person missed the knowledge check at the end
    tracking.save_scores(pilot_id, "knowledge", "before", dict(knowledge))
    tracking.save_scores(pilot_id, "knowledge", "after", after)
    job = {pid: float(rng.choice((3, 3, 4, 4, 4, 2))) for pid in ids}
    tracking.save_scores(pilot_id, "job_satisfaction", "before", dict(job))
    tracking.save_scores(
        pilot_id,
        "job_satisfaction",
        "after",
        {
            pid: min(5.0, max(1.0, job[pid] + ENGAGEMENT_CHANGE[i % len(ENGAGEMENT_CHANGE)]))
            for i, pid in enumerate(ids)
        },
    )
    career = {pid: float(rng.choice((2, 3, 3, 4))) for pid in ids}
    tracking.save_scores(pilot_id, "career_satisfaction", "before", dict(career))
    tracking.save_scores(
        pilot_id,
        "career_satisfaction",
        "after",
        {pid: min(5.0, value + rng.choice((0.0, 0.5, 1.0))) for pid, value in career.items()},
    )
    for index, (description, hours) in enumerate(APPLICATIONS):
        tracking.add_application(
            pilot_id,
            ApplicationInput(
                ids[(index * 3) % len(ids)],
                description,
                hours,
                starts_on + timedelta(weeks=3 + index),
            ),
        )
    services.pilots.set_status(pilot_id, "evaluating")
    services.pilots.record_decision(
        pilot_id,
        Decision("scale", DECISION_REASONS, ends_on + timedelta(days=DECIDED_ON_DAYS_AFTER_END)),
    )
    return pilot_id


def _finish_paths(
    services: AppServices,
    pilot_id: int,
    participants: Sequence[ParticipantRow],
    rng: random.Random,
    starts_on: date,
    ends_on: date,
    today: date,
) -> None:
    """Most of the cohort work through the whole of their path during the pilot, modules
    their survey let them skip included; the others stop before its last module.

    A module's completion date follows its place in the path over the pilot's weeks, and
    never comes before the person was assigned the path.
    """
    people = {p.person_id for p in participants}
    finishing = set(rng.sample(sorted(people), round(FINISHED_SHARE * len(people))))
    window = (ends_on - starts_on).days - 7
    for path_id in services.pilots.pilot(pilot_id).path_ids:
        keys = services.paths.path(path_id).layout.module_keys()
        done: dict[str, list[int]] = defaultdict(list)
        stopped: list[int] = []
        assigned: dict[int, date] = {}
        for person in services.path_progress.progress(path_id):
            if person.person_id not in people:
                continue
            assigned[person.person_id] = person.starts_on
            if person.person_id not in finishing:
                stopped.append(person.person_id)
                continue
            for key in keys:
                if person.statuses[key] != "completed":
                    done[key].append(person.person_id)
        for key, who in done.items():
            planned = starts_on + timedelta(days=7 + window * (keys.index(key) + 1) // len(keys))
            latest_start = max(assigned[p] for p in who) + timedelta(days=1)
            on = min(max(planned, latest_start), today)
            services.path_progress.set_progress(path_id, who, key, "completed", on=on)
        if stopped and keys:
            services.path_progress.set_progress(path_id, stopped, keys[-1], "in_progress")


# -- the running pilot -------------------------------------------------------------------------


def _running_pilot(
    services: AppServices, rng: random.Random, today: date, objective_ids: Sequence[int]
) -> int | None:
    starts_on = today - timedelta(days=RUNNING_STARTED_DAYS_AGO)
    enrolled = _enrol(
        services,
        RUNNING_DEPARTMENTS,
        RUNNING_SIZE,
        PilotInput(
            name=RUNNING_NAME,
            purpose=(
                "Try an assistant that writes up meetings and pulls figures together, with "
                "teams whose days are full of meetings and reports."
            ),
            starts_on=starts_on,
            ends_on=starts_on + timedelta(weeks=RUNNING_WEEKS, days=-1),  # 12 whole weeks
            objective_ids=tuple(objective_ids),
            tools=("ChatGPT Enterprise",),
            criteria=(
                Criterion("completion", 80.0),
                Criterion("satisfaction", 4.0),
                Criterion("weekly_active", 60.0, 8),
            ),
        ),
    )
    if enrolled is None:
        return None
    pilot_id, participants = enrolled
    services.pilots.set_status(pilot_id, "running")
    weeks = services.pilots.pilot(pilot_id).week_of(today) or 1
    shares = [0.35 + 0.07 * week for week in range(weeks)]
    _check_ins(
        services,
        pilot_id,
        participants,
        rng,
        weeks=weeks,
        shares=shares,
        features=NOTES_FEATURE_WEIGHTS,
    )
    services.pilot_tracking.save_scores(
        pilot_id,
        "knowledge",
        "before",
        {p.id: float(round(rng.gauss(50, 9))) for p in participants},
    )
    return pilot_id
