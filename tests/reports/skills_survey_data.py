"""A real data file for the skills report tests, built through the services as the app does.

Departments of 6, 6, 5 and 3 people; the 3-person "Legal" is under the anonymity threshold
(5) and must never appear in a report or a workbook without names. A baseline and a
follow-up survey, both with self and manager ratings and attitude answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.context import AppServices
from app.services.people import PersonInput
from app.skills.service import AttitudeEntry, CampaignSetup, RatingEntry
from db.models import AssessmentKind, Rater, Track

SMALL_DEPARTMENT = "Legal"
ORGANISATION = "Nordlicht & Söhne GmbH"

DEPARTMENTS: dict[str, tuple[str, ...]] = {
    "Sales": ("Łukasz Nowak", "Zoë Martin", "Ana Souza", "Tom Berg", "Ida Lund", "Max Weber"),
    "Engineering": ("李娜", "Ngọc Trần", "Øyvind Moe", "Άννα Παππά", "Мария Иванова", "Raj Patel"),
    "Operations": ("Jürgen Fuchs", "Eva Kral", "Li Wei", "Omar Haddad", "Sara Nyberg"),
    SMALL_DEPARTMENT: ("Greta Olsen", "Hugo Blanc", "Iris Vogel"),
}
TRACKS = {
    "Sales": Track.FRONTLINE,
    "Engineering": Track.TECHNICAL,
    "Operations": Track.DOMAIN_EXPERT,
    SMALL_DEPARTMENT: Track.DOMAIN_EXPERT,
}
# Baseline self levels per department; the follow-up adds one level where it can.
LEVELS = {"Sales": 0, "Engineering": 1, "Operations": 0, SMALL_DEPARTMENT: 3}
KEEN = {"Sales": 5, "Engineering": 4, "Operations": 3, SMALL_DEPARTMENT: 5}
WORRIED = {"Sales": 2, "Engineering": 2, "Operations": 5, SMALL_DEPARTMENT: 1}


@dataclass
class SkillsSurveyData:
    baseline: int
    follow_up: int
    people: dict[str, list[int]] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)


def _answers(
    services: AppServices,
    campaign: int,
    people: dict[str, list[int]],
    *,
    lift: int,
    partly_rated: str | None = None,
    slipped: str | None = None,
) -> None:
    """Everyone rates every skill (managers too, a level lower); attitudes for everyone.

    In ``partly_rated`` skill, only four Engineering people are rated, so that cell is withheld;
    in ``slipped`` skill, Engineering is rated lower than at the baseline.
    """
    skills = [s.key for s in services.skills.catalogue().skills]
    ratings: list[RatingEntry] = []
    attitudes: list[AttitudeEntry] = []
    for department, ids in people.items():
        level = min(LEVELS[department] + lift, 4)
        for n, person in enumerate(ids):
            for key in skills:
                if key == partly_rated and department == "Engineering" and n >= 4:
                    continue
                base = 0 if key == slipped and department == "Engineering" else level
                own = min(base + (n % 2), 4)
                ratings.append(RatingEntry(person, key, Rater.SELF, own))
                if n % 3 == 0:
                    ratings.append(RatingEntry(person, key, Rater.MANAGER, max(own - 1, 0)))
            attitudes += [
                AttitudeEntry(person, "keen_to_learn", KEEN[department]),
                AttitudeEntry(person, "worried_about_job", WORRIED[department]),
                AttitudeEntry(person, "confident_using_ai", min(level + 1, 5)),
                AttitudeEntry(person, "time_to_learn", 2),
            ]
    services.skills.record_many(campaign, ratings, attitudes)


def build_skills_survey(services: AppServices) -> SkillsSurveyData:
    """The organisation, a rated baseline and a rated follow-up compared with it."""
    services.organisation.update_settings(ORGANISATION, 5)
    people: dict[str, list[int]] = {}
    names: list[str] = []
    for department, members in DEPARTMENTS.items():
        department_id = services.organisation.add_department(department)
        role = services.organisation.add_role(f"{department} staff", TRACKS[department])
        ids = []
        for name in members:
            first, _space, last = name.partition(" ")
            ids.append(
                services.people.add(
                    PersonInput(
                        first_name=first,
                        last_name=last or None,
                        display_name=name,
                        department_id=department_id,
                        role_id=role,
                    )
                )
            )
            names.append(name)
        people[department] = ids
    baseline = services.skills.create_campaign(CampaignSetup("Spring check", date(2026, 3, 2)))
    _answers(services, baseline, people, lift=0)
    follow_up = services.skills.create_campaign(
        CampaignSetup(
            "Autumn check",
            date(2026, 10, 5),
            kind=AssessmentKind.FOLLOW_UP,
            baseline_id=baseline,
        )
    )
    _answers(
        services,
        follow_up,
        people,
        lift=1,
        partly_rated="model_development",
        slipped="data_privacy",
    )
    return SkillsSurveyData(baseline=baseline, follow_up=follow_up, people=people, names=names)


def build_tiny_survey(services: AppServices) -> int:
    """Two departments of two people: everyone together is under the threshold."""
    services.organisation.update_settings("Tiny Ltd", 5)
    role = services.organisation.add_role("Clerk", Track.FRONTLINE)
    ids = []
    for department in ("Front desk", "Back office"):
        department_id = services.organisation.add_department(department)
        for n in range(2):
            ids.append(
                services.people.add(
                    PersonInput(
                        first_name=f"{department.split()[0]}{n}",
                        department_id=department_id,
                        role_id=role,
                    )
                )
            )
    survey = services.skills.create_campaign(CampaignSetup("Pilot check", date(2026, 5, 4)))
    skills = [s.key for s in services.skills.catalogue().skills]
    services.skills.record_many(
        survey,
        [RatingEntry(p, key, Rater.SELF, 1) for p in ids for key in skills],
        [AttitudeEntry(p, "keen_to_learn", 4) for p in ids],
    )
    return survey
