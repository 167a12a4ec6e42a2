"""Building organisations and skills surveys for the Skills area tests, through the services.

Plain helpers (no fixtures), so each test says what it builds: departments of given sizes,
a survey over everyone, ratings saved with ``record_many`` as a survey import would.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from app.context import AppServices
from app.services.people import PersonInput
from app.skills.service import AttitudeEntry, CampaignSetup, RatingEntry
from db.models import AssessmentKind, Rater, Track

LevelFor = Callable[[int, str, str], int | None]
"""(person id, department, skill key) -> the level they give themselves, None to skip."""


def add_department(
    services: AppServices, name: str, size: int, *, role: str | None = None
) -> list[int]:
    """A department of ``size`` active people, all in one role (named after it by default)."""
    department_id = services.organisation.add_department(name)
    role_id = services.organisation.add_role(role or f"{name} specialist", Track.DOMAIN_EXPERT)
    return [
        services.people.add(
            PersonInput(
                first_name=f"{name[:3]}{n:02}",
                last_name="Tester",
                employee_number=f"{name[:3].upper()}{n:03}",
                department_id=department_id,
                role_id=role_id,
            )
        )
        for n in range(size)
    ]


def start_survey(
    services: AppServices,
    name: str = "Spring skills survey",
    *,
    opened_on: date = date(2026, 3, 2),
    baseline_id: int | None = None,
) -> int:
    kind = AssessmentKind.BASELINE if baseline_id is None else AssessmentKind.FOLLOW_UP
    return services.skills.create_campaign(
        CampaignSetup(name=name, opened_on=opened_on, kind=kind, baseline_id=baseline_id)
    )


def rate_all(
    services: AppServices,
    campaign_id: int,
    level_for: LevelFor,
    *,
    attitudes: Callable[[int, str], int | None] | None = None,
) -> None:
    """Every participant rates every skill with ``level_for`` (None: not rated), in one go."""
    skills = [s.key for s in services.skills.catalogue().skills]
    items = [a.key for a in services.skills.catalogue().attitudes]
    ratings: list[RatingEntry] = []
    answers: list[AttitudeEntry] = []
    for person in services.skills.participants(campaign_id):
        department = person.department or ""
        for key in skills:
            level = level_for(person.person_id, department, key)
            if level is not None:
                ratings.append(RatingEntry(person.person_id, key, Rater.SELF, level))
        if attitudes is not None:
            for item in items:
                value = attitudes(person.person_id, item)
                if value is not None:
                    answers.append(AttitudeEntry(person.person_id, item, value))
    services.skills.record_many(campaign_id, ratings, answers)


# A realistic organisation, for screenshots and the readiness view --------------------------

PROFILE = {
    "IT": 2.8,
    "Finance": 1.6,
    "Marketing": 2.0,
    "Sales": 1.4,
    "Customer Service": 1.1,
    "Operations": 0.9,
    "HR": 1.5,
}
"""Mean self-rated level per department in the baseline."""

SKILL_SHIFT = {
    "ai_literacy": 0.5,
    "prompting": 0.4,
    "output_judgement": 0.0,
    "data_privacy": 0.2,
    "responsible_use": 0.1,
    "workflow_integration": -0.1,
    "domain_application": -0.3,
    "agent_oversight": -0.6,
    "automation_building": -0.8,
    "model_development": -1.0,
}


SMALL_DEPARTMENTS = ("Legal", "Procurement")
"""Small departments (folded into Other) where half the people skip agent oversight, so the
screenshots show a withheld figure."""


def realistic_levels(seed: int, gain: float = 0.0) -> LevelFor:
    """Levels by department profile and skill difficulty, with noise; ``gain`` adds to all."""
    rng = random.Random(seed)

    def level(person: int, department: str, key: str) -> int | None:
        if rng.random() < 0.08:
            return None
        if department in SMALL_DEPARTMENTS and key == "agent_oversight" and person % 2:
            return None
        base = PROFILE.get(department, 1.3) + SKILL_SHIFT.get(key, 0.0) + gain
        return max(0, min(4, round(rng.gauss(base, 0.8))))

    return level


def realistic_attitudes(seed: int) -> Callable[[int, str], int | None]:
    rng = random.Random(seed)

    def answer(person: int, item: str) -> int | None:
        keen = item in {"keen_to_learn", "confident_using_ai", "safe_to_try"}
        return max(1, min(5, round(rng.gauss(3.8 if keen else 2.9, 0.9))))

    return answer
