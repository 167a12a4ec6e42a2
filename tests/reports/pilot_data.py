"""A small decided pilot built through the services, for the pilot report and sheet tests
(and a running one, ``build_running_pilot``, for the interim report).

Six participants (three in Sales, two in Support, one in Finance; their names in several
scripts) follow a three-module path; five finish it (5 of 6 = 83.3 %, hand-checked).
Three weeks of check-ins, five timed tasks, six satisfaction answers (5, 4, 4, 3, 5, 4:
mean 25 / 6 = 4.17), knowledge before and after (one after missing), two uses logged, and a
decision to scale up. Success criteria: completion ≥ 80 % (met), satisfaction ≥ 4.5 (not
met), weekly use ≥ 60 % from week 2 (met), recommend ≥ 8 with no answers (not enough data).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.context import AppServices
from app.objectives.model import MetricInput, ObjectiveInput
from app.paths.service import ModuleInput, PathLayout, StageLayout
from app.pilots.criteria import Criterion
from app.pilots.records import (
    ApplicationInput,
    CheckInEntry,
    Decision,
    FeedbackInput,
    PilotInput,
    TimingInput,
)
from app.pilots.service import CohortPick
from app.services.people import PersonInput
from db.models import Track

PILOT_NAME = "Drafting helper pilot"
STARTS_ON = date.today() - timedelta(weeks=8)
ENDS_ON = STARTS_ON + timedelta(weeks=6)
DECIDED_ON = ENDS_ON + timedelta(days=5)
PARTICIPANTS = (
    ("Łukasz", "Nowak", "Sales"),
    ("Zoë", "Martin", "Sales"),
    ("Kwame", "Mensah", "Sales"),
    ("Ngọc", "Trần", "Support"),
    ("Aoife", "Byrne", "Support"),
    ("Björn", "Lindqvist", "Finance"),
)
OTHERS = (("Maria", "Keller", "Sales"), ("Omar", "Haddad", "Support"), ("Ruth", "Hall", "HR"))
SATISFACTION = (5, 4, 4, 3, 5, 4)
COMMENTS = (
    "It saves me a good half hour on every long customer letter I write.",
    "Useful, but the first week was lost to getting access sorted out.",
    "",
    "I still rewrite most of what it suggests for our tone of voice.",
    "Short",
    "",
)
REASONS = "Completion and weekly use met their targets; roll out to Sales and Support first."
FORMULA_TASK = "=SUM(A1:A9) checking task"
"""A task name that a spreadsheet would take for a formula."""


@dataclass(frozen=True)
class BuiltPilot:
    pilot_id: int
    participant_ids: tuple[int, ...]
    """Participant ids (PilotParticipant), in the order of PARTICIPANTS."""
    names: tuple[str, ...]
    """Every participant's display name."""
    objective_id: int


def _module(services: AppServices, title: str) -> str:
    module_id = services.paths.save_module(ModuleInput(title, "", "workshop", 2, "awareness", {}))
    return next(m.key for m in services.paths.modules() if m.id == module_id)


def build_pilot(services: AppServices) -> BuiltPilot:
    """The decided pilot described in the module docstring; returns its ids and names."""
    role = services.organisation.add_role("Adviser", Track.FRONTLINE)
    departments: dict[str, int] = {}
    people: list[int] = []
    for first, last, department in PARTICIPANTS + OTHERS:
        if department not in departments:
            departments[department] = services.organisation.add_department(department)
        people.append(
            services.people.add(
                PersonInput(
                    first_name=first,
                    last_name=last,
                    department_id=departments[department],
                    role_id=role,
                )
            )
        )
    cohort = people[: len(PARTICIPANTS)]
    keys = [_module(services, title) for title in ("Basics", "Safe use", "Daily practice")]
    path = services.paths.create_path(
        PathLayout(
            "Writing with AI",
            "frontline",
            "awareness",
            "",
            tuple(
                StageLayout(stage, stage.title(), (key,))
                for stage, key in zip(("crawl", "walk", "run"), keys, strict=True)
            ),
        )
    )
    objective = services.objectives.save_objective(
        ObjectiveInput("Answer customers faster", owner="Head of Support")
    )
    metric = services.objectives.save_metric(
        objective,
        MetricInput(
            "Replies within a day", "%", 60.0, STARTS_ON, 85.0, STARTS_ON + timedelta(days=365)
        ),
    )
    services.objectives.add_reading(metric, 66.0, STARTS_ON + timedelta(days=30))
    pilot_id = services.pilots.save_pilot(
        PilotInput(
            name=PILOT_NAME,
            purpose="Find out whether a drafting helper saves time on customer letters.",
            starts_on=STARTS_ON,
            ends_on=ENDS_ON,
            objective_ids=(objective,),
            path_ids=(path,),
            tools=("Drafting helper",),
            criteria=(
                Criterion("completion", 80.0),
                Criterion("satisfaction", 4.5),
                Criterion("weekly_active", 60.0, 2),
                Criterion("recommend", 8.0),
            ),
            target_population=40,
        )
    )
    services.pilots.set_cohort(
        pilot_id, [CohortPick(person, "Keen and well connected.", 4.0, 3.0) for person in cohort]
    )
    services.pilots.set_status(pilot_id, "running")
    for key in keys:
        services.path_progress.set_progress(
            path, cohort[:5], key, "completed", on=STARTS_ON + timedelta(days=20)
        )
    by_person = {row.person_id: row.id for row in services.pilots.participants(pilot_id)}
    ids = tuple(by_person[person] for person in cohort)
    tracking = services.pilot_tracking
    days = ((1, 0, 2, 0, 3, 1), (2, 1, 3, 0, 4, 2), (3, 2, 4, 1, 5, 0))
    for week, used in enumerate(days, 1):
        tracking.record_week(
            pilot_id,
            week,
            [
                CheckInEntry(pid, n, ("drafting",) if n else (), 1.0)
                for pid, n in zip(ids, used, strict=True)
            ],
        )
    for index, (task, before, after) in enumerate(
        (
            ("Customer letter", 30, 18),
            ("Customer letter", 24, 16),
            ("Meeting summary", 20, 12),
            ("Meeting summary", 16, 12),
            (FORMULA_TASK, 10, 9),
        )
    ):
        tracking.save_timing(
            pilot_id,
            TimingInput(task, before, after, 2, 2, 3.0, participant_id=ids[index]),
        )
    tracking.save_feedback(
        pilot_id,
        [
            FeedbackInput(pid, score, None, comment, ENDS_ON)
            for pid, score, comment in zip(ids, SATISFACTION, COMMENTS, strict=True)
        ],
    )
    tracking.save_scores(pilot_id, "knowledge", "before", dict.fromkeys(ids, 50.0))
    tracking.save_scores(
        pilot_id, "knowledge", "after", {pid: 70.0 + i for i, pid in enumerate(ids[:5])}
    )
    tracking.add_application(
        pilot_id, ApplicationInput(ids[0], "First drafts of complaint replies.", 1.5, ENDS_ON)
    )
    tracking.add_application(
        pilot_id, ApplicationInput(ids[3], "Summaries of long supplier contracts.", 0.5, ENDS_ON)
    )
    services.pilots.record_decision(pilot_id, Decision("scale", REASONS, DECIDED_ON))
    names = tuple(f"{first} {last}" for first, last, _department in PARTICIPANTS)
    return BuiltPilot(pilot_id, ids, names, objective)


RUNNING_NAME = "Meeting notes pilot"
RUNNING_STARTS_ON = date.today() - timedelta(days=24)
"""24 // 7 + 1: the running pilot is in its fourth week."""
RUNNING_ENDS_ON = RUNNING_STARTS_ON + timedelta(weeks=10, days=-1)
"""Ten weeks."""


def build_running_pilot(services: AppServices) -> int:
    """A pilot in week 4 of 10: six people in Operations, none finished yet; four weeks of
    check-ins (three of the six use the tool each week: 50 %) and satisfaction 5, 4, 4, 5, 4,
    4 (26 / 6 = 4.33 so far). Criteria: completion ≥ 80 % (0 % so far), satisfaction ≥ 4 (on
    track so far), weekly use ≥ 60 % from week 8 (4 weeks away)."""
    role = services.organisation.add_role("Planner", Track.FRONTLINE)
    department = services.organisation.add_department("Operations")
    people = [
        services.people.add(
            PersonInput(first_name=f"Planner{n}", department_id=department, role_id=role)
        )
        for n in range(6)
    ]
    pilot_id = services.pilots.save_pilot(
        PilotInput(
            name=RUNNING_NAME,
            starts_on=RUNNING_STARTS_ON,
            ends_on=RUNNING_ENDS_ON,
            criteria=(
                Criterion("completion", 80.0),
                Criterion("satisfaction", 4.0),
                Criterion("weekly_active", 60.0, 8),
            ),
        )
    )
    services.pilots.set_cohort(pilot_id, [CohortPick(person, "Volunteered.") for person in people])
    services.pilots.set_status(pilot_id, "running")
    ids = [row.id for row in services.pilots.participants(pilot_id)]
    for week in range(1, 5):
        services.pilot_tracking.record_week(
            pilot_id, week, [CheckInEntry(pid, 2 if n < 3 else 0) for n, pid in enumerate(ids)]
        )
    services.pilot_tracking.save_feedback(
        pilot_id,
        [FeedbackInput(pid, s, None) for pid, s in zip(ids, (5, 4, 4, 5, 4, 4), strict=True)],
    )
    return pilot_id
