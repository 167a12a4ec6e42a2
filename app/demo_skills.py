"""The demo organisation's skills surveys: a baseline six months ago and a follow-up a month ago.

The figures are made up but behave like a real programme's: technical roles rate higher on
building and model skills, executives on literacy and responsible use, frontline roles lower;
people rate themselves a little above their managers; a few people have not been rated yet;
and the follow-up improves most on the skills the (imaginary) programme taught.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from app.context import AppServices
from app.services.people import PeopleQuery, PersonRow
from app.skills.service import AttitudeEntry, CampaignSetup, RatingEntry
from db.models import AssessmentKind, EmployeeStatus, Rater, Track

BASELINE_NAME = "Skills baseline"
FOLLOW_UP_NAME = "Skills follow-up"
BASELINE_DAYS_AGO = 182
FOLLOW_UP_DAYS_AGO = 30

PROGRAMME_SKILLS = ("ai_literacy", "prompting", "output_judgement", "data_privacy")
"""What the demo's programme taught between the two surveys: these improve most."""

TOOK_PART = 0.7
"""Share of people who took part in the programme between the surveys."""

UNRATED = 0.08
"""Share of people with no rating yet in a survey ("not rated yet")."""

SELF_ONLY = 0.05
"""Share of rated people whose manager has not rated them yet."""

WIDE_DISAGREEMENT = 0.025
"""Chance, per rated skill, that a person and their manager end up 2+ levels apart on purpose
(rounding noise adds a little more, for about 5% in all)."""

ENTHUSIASTS_PER_DEPARTMENT = 3
"""Early adopters per department: well ahead of their colleagues and keen, so every
department has someone to ask to be its AI champion."""

ENTHUSIAST_LEVEL = 2.7
"""The mean true level (0-4) early adopters start from, whatever their track."""

# Where each track starts (true level 0-4, before personal and department differences).
_TRACK_LEVELS: dict[Track, dict[str, float]] = {
    Track.EXECUTIVE: {
        "ai_literacy": 1.7,
        "prompting": 1.2,
        "output_judgement": 1.3,
        "data_privacy": 1.6,
        "responsible_use": 2.2,
        "workflow_integration": 1.4,
        "domain_application": 1.5,
        "agent_oversight": 1.3,
        "automation_building": 0.6,
        "model_development": 0.2,
    },
    Track.TECHNICAL: {
        "ai_literacy": 2.0,
        "prompting": 2.1,
        "output_judgement": 1.8,
        "data_privacy": 1.8,
        "responsible_use": 1.8,
        "workflow_integration": 2.2,
        "domain_application": 1.8,
        "agent_oversight": 1.8,
        "automation_building": 2.2,
        "model_development": 1.6,
    },
    Track.DOMAIN_EXPERT: {
        "ai_literacy": 1.3,
        "prompting": 1.3,
        "output_judgement": 1.2,
        "data_privacy": 1.3,
        "responsible_use": 1.4,
        "workflow_integration": 1.5,
        "domain_application": 1.7,
        "agent_oversight": 0.9,
        "automation_building": 0.8,
        "model_development": 0.2,
    },
    Track.FRONTLINE: {
        "ai_literacy": 0.8,
        "prompting": 0.7,
        "output_judgement": 0.7,
        "data_privacy": 1.0,
        "responsible_use": 1.0,
        "workflow_integration": 0.9,
        "domain_application": 0.8,
        "agent_oversight": 0.4,
        "automation_building": 0.2,
        "model_development": 0.0,
    },
}
_TRACK_LEVELS[Track.CUSTOM] = {
    key: (_TRACK_LEVELS[Track.DOMAIN_EXPERT][key] + _TRACK_LEVELS[Track.FRONTLINE][key]) / 2
    for key in _TRACK_LEVELS[Track.FRONTLINE]
}

# Departments of the demo organisation: a shift in every skill, and how worried about
# their job people there are (1-5, as answered).
_DEPARTMENT_SHIFT = {"IT": 0.35, "Marketing": 0.2, "Finance": 0.05, "Customer Service": -0.2}
_DEPARTMENT_SHIFT["Operations"] = -0.3
_DEPARTMENT_WORRY = {"Customer Service": 3.6, "Operations": 3.4, "Finance": 3.1, "Sales": 2.9}
_DEFAULT_WORRY = 2.5


@dataclass
class _DemoPerson:
    """One person's made-up true levels and leanings, carried from one survey to the next."""

    row: PersonRow
    levels: dict[str, float]
    interest: float
    took_part: bool
    enthusiast: bool


def _clamp(value: float, low: float, high: float) -> float:
    return min(max(value, low), high)


def _level(value: float) -> int:
    return round(_clamp(value, 0.0, 4.0))


def _agreement(value: float) -> int:
    return round(_clamp(value, 1.0, 5.0))


def _enthusiasts(people: list[PersonRow], rng: random.Random) -> set[int]:
    """A couple of early adopters per department (not the department's head)."""
    by_department: dict[str | None, list[PersonRow]] = {}
    for person in people:
        by_department.setdefault(person.department, []).append(person)
    chosen: set[int] = set()
    for members in by_department.values():
        pool = [p.id for p in members if p.track is not Track.EXECUTIVE] or [p.id for p in members]
        chosen.update(rng.sample(pool, min(ENTHUSIASTS_PER_DEPARTMENT, len(pool))))
    return chosen


def _make_people(
    people: list[PersonRow], skills: list[str], rng: random.Random
) -> list[_DemoPerson]:
    keen = _enthusiasts(people, rng)
    made = []
    for row in people:
        start = _TRACK_LEVELS[row.track or Track.CUSTOM]
        enthusiast = row.id in keen
        shift = _DEPARTMENT_SHIFT.get(row.department or "", 0.0)
        if enthusiast:  # ahead of their track: about "practitioner" to "proficient" overall
            aptitude = ENTHUSIAST_LEVEL - shift - sum(start.values()) / len(start)
            aptitude += rng.gauss(0.0, 0.2)
        else:
            aptitude = rng.gauss(0.0, 0.5)
        levels = {
            key: _clamp(start.get(key, 1.0) + shift + aptitude + rng.gauss(0.0, 0.35), 0.0, 4.0)
            for key in skills
        }
        interest = 5.0 if enthusiast else _clamp(rng.gauss(3.9, 0.8) + aptitude * 0.3, 1.0, 5.0)
        took_part = enthusiast or rng.random() < TOOK_PART
        made.append(_DemoPerson(row, levels, interest, took_part, enthusiast))
    return made


def _after_the_programme(person: _DemoPerson, rng: random.Random) -> None:
    """Move a person's true levels on by the months between the surveys."""
    for key in person.levels:
        if person.took_part and key in PROGRAMME_SKILLS:
            step = rng.uniform(0.5, 1.0)
        elif person.took_part:
            step = rng.uniform(0.0, 0.25)
        else:
            step = rng.uniform(0.0, 0.1)
        person.levels[key] = _clamp(person.levels[key] + step, 0.0, 4.0)


def _ratings(person: _DemoPerson, rng: random.Random) -> list[RatingEntry]:
    """The person's self ratings (a little generous) and, mostly, their manager's."""
    manager_rates = person.row.manager is not None and rng.random() >= SELF_ONLY
    entries = []
    for key, true_level in person.levels.items():
        manager = _level(true_level + rng.gauss(0.0, 0.35))
        own = _level(true_level + 0.3 + rng.gauss(0.0, 0.45))
        if manager_rates and rng.random() < WIDE_DISAGREEMENT:
            own = manager + 2 if manager <= 2 else manager - 2
        entries.append(RatingEntry(person.row.id, key, Rater.SELF, own))
        if manager_rates:
            entries.append(RatingEntry(person.row.id, key, Rater.MANAGER, manager))
    return entries


def _attitudes(person: _DemoPerson, rng: random.Random, *, later: bool) -> list[AttitudeEntry]:
    """Agreement answers that follow the person's skills, department and interest."""
    mean_level = sum(person.levels.values()) / len(person.levels)
    worry = _DEPARTMENT_WORRY.get(person.row.department or "", _DEFAULT_WORRY)
    worry -= 0.35 * (mean_level - 1.5) + (0.3 if later and person.took_part else 0.0)
    worry -= 0.8 if person.enthusiast else 0.0
    time_boost = 0.4 if later and person.took_part else 0.0
    answers = {
        "confident_using_ai": 1.3 + 0.95 * mean_level + rng.gauss(0.0, 0.5),
        "worried_about_job": worry + rng.gauss(0.0, 0.7),
        "safe_to_try": 3.0 + 0.35 * mean_level + rng.gauss(0.0, 0.6),
        "afraid_of_mistakes": 2.4 + 0.3 * (worry - 2.5) - 0.25 * mean_level + rng.gauss(0, 0.6),
        "keen_to_learn": person.interest + rng.gauss(0.0, 0.25),
        "time_to_learn": 2.6 + time_boost + rng.gauss(0.0, 0.8),
    }
    return [AttitudeEntry(person.row.id, key, _agreement(v)) for key, v in answers.items()]


def _answers(
    people: list[_DemoPerson], rng: random.Random, *, later: bool
) -> tuple[list[RatingEntry], list[AttitudeEntry]]:
    unrated = {p.row.id for p in rng.sample(people, round(len(people) * UNRATED))}
    ratings: list[RatingEntry] = []
    attitudes: list[AttitudeEntry] = []
    for person in people:
        if person.row.id in unrated:
            continue
        ratings.extend(_ratings(person, rng))
        attitudes.extend(_attitudes(person, rng, later=later))
    return ratings, attitudes


def create_demo_surveys(
    services: AppServices, rng: random.Random, *, today: date | None = None
) -> tuple[int, int]:
    """Run a baseline and a follow-up survey over everyone active; returns their ids.

    Each survey is saved in one transaction. Then one or two of the people the follow-up
    finds ready to lead are nominated as AI champions in each department.
    """
    today = today or date.today()
    baseline_on = today - timedelta(days=BASELINE_DAYS_AGO)
    follow_up_on = today - timedelta(days=FOLLOW_UP_DAYS_AGO)
    skills = [s.key for s in services.skills.catalogue().skills]
    active = services.people.rows(
        services.people.ordered_ids(PeopleQuery(status=EmployeeStatus.ACTIVE))
    )
    active.sort(key=lambda row: row.id)
    people = _make_people(active, skills, rng)

    baseline = services.skills.create_campaign(CampaignSetup(BASELINE_NAME, baseline_on))
    ratings, attitudes = _answers(people, rng, later=False)
    services.skills.record_many(baseline, ratings, attitudes, rated_on=baseline_on)

    for person in people:
        _after_the_programme(person, rng)
    follow_up = services.skills.create_campaign(
        CampaignSetup(
            FOLLOW_UP_NAME, follow_up_on, kind=AssessmentKind.FOLLOW_UP, baseline_id=baseline
        )
    )
    ratings, attitudes = _answers(people, rng, later=True)
    services.skills.record_many(follow_up, ratings, attitudes, rated_on=follow_up_on)

    picked: list[int] = []
    by_department: dict[str, list[int]] = {}
    for candidate in services.skills_results.champion_candidates(follow_up, per_department=2):
        by_department.setdefault(candidate.department, []).append(candidate.person_id)
    for candidates in by_department.values():
        picked.extend(candidates[: 2 if rng.random() < 0.5 else 1])
    if picked:
        services.champions.nominate(picked, since=follow_up_on + timedelta(days=14))
    return baseline, follow_up
