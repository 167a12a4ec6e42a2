"""The demo organisation's learning paths: one per track, assigned to everyone, part-way done.

Each track follows a path copied from the built-in templates, trimmed to each person's gaps
in the latest skills survey (so people skip, with the reason, what they already know). The
departments start one after another over the last four months, each with a due date three
to five months after its start; people then work through their modules in order at their
own pace, a couple of departments ahead of the rest and one behind. So the demo shows
progress that looks real: the first modules done more often than the last, people overdue
where the deadline has passed, scores for the e-learning quizzes, and, at one hour of
protected learning time a week, the department with the most hours to learn over its
protected time on the capacity view (its deadline is the tightest).
"""

from __future__ import annotations

import math
import random
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import insert, select, update

from app.context import AppServices
from app.events import Topic
from app.i18n import _
from app.paths.service import ModuleRow
from app.services.organisation import track_label
from app.services.people import PeopleQuery
from db.models import EmployeeStatus, ModuleProgress, PathAssignment, ProgressStatus, Track

TRACK_TEMPLATES: dict[Track, str] = {
    Track.EXECUTIVE: "executive_awareness",
    Track.TECHNICAL: "technical_builder",
    Track.DOMAIN_EXPERT: "domain_awareness",
    Track.FRONTLINE: "frontline_awareness",
}
"""The template each track's path is copied from. Technical roles take the builder path:
their survey levels already cover the awareness path (it would be almost all skipped), and
the builder path's first stage holds the same foundations. People on the custom track (or
with no role) follow the frontline path."""

FIRST_START_DAYS_AGO = 125
LAST_START_DAYS_AGO = 20
"""The first department starts about four months ago, the last three weeks ago."""

DUE_AFTER_DAYS = (90, 150)
"""Each department's due date: three to five months after its start."""

CRUNCH_LOAD = 1.4
"""The department with the most learning hours per person must finish sooner: its due date
is set so its months ask for 1.4 times its protected learning time, and the capacity view
flags the overload (never sooner than CRUNCH_SHORTEST_DAYS after its start)."""
CRUNCH_SHORTEST_DAYS = 56

LATE = 2
"""The first departments to start, whose due date has passed."""
AHEAD = 2
"""Departments well ahead of the others (and one of the LATE ones behind)."""
AHEAD_PACE = 1.6
BEHIND_PACE = 0.45
NOT_STARTED = 0.06
"""Share of people who have not begun their path at all."""
IN_PROGRESS = 0.75
"""Chance that someone who has reached their next module has begun it."""
SCORED_FORMATS = frozenset({"e_learning"})
"""Formats that end with a quiz, so a completion comes with a score (%)."""

PROTECTED_HOURS_PER_WEEK = 1.0
"""The demo organisation protects one hour of learning a week, as many do."""

CHUNK = 2_000


@dataclass(frozen=True)
class _Schedule:
    starts_on: date
    due_on: date
    pace: float


def _department_schedules(
    departments: list[str], rng: random.Random, today: date
) -> dict[str, _Schedule]:
    """Starts spread evenly over the last months in the order the departments were made.

    The first departments' deadlines have passed, and one of them is behind: whoever there
    has not finished is overdue. A couple of the others are well ahead.
    """
    count = len(departments)
    behind = rng.choice(departments[:LATE]) if count > 1 else None
    others = departments[LATE:] or [d for d in departments if d != behind]
    ahead = set(rng.sample(others, min(AHEAD, len(others))))
    schedules: dict[str, _Schedule] = {}
    for i, name in enumerate(departments):
        share = i / (count - 1) if count > 1 else 0.0
        days_ago = round(
            FIRST_START_DAYS_AGO - share * (FIRST_START_DAYS_AGO - LAST_START_DAYS_AGO)
        )
        starts_on = today - timedelta(days=days_ago)
        due_after = DUE_AFTER_DAYS[0] if i < LATE else rng.randint(*DUE_AFTER_DAYS)
        pace = AHEAD_PACE if name in ahead else BEHIND_PACE if name == behind else 1.0
        schedules[name] = _Schedule(starts_on, starts_on + timedelta(days=due_after), pace)
    return schedules


def _progress_rows(
    assignment_id: int,
    modules: list[ModuleRow],
    schedule: _Schedule,
    rng: random.Random,
    today: date,
) -> list[dict[str, Any]]:
    """One person's module progress: modules taken in order, each taking time in proportion
    to its hours, at the person's own pace; done ones dated, the next one maybe begun."""
    if not modules or rng.random() < NOT_STARTED:
        return []
    window = max((schedule.due_on - schedule.starts_on).days, 1)
    total_hours = sum(m.hours for m in modules) or 1.0
    pace = schedule.pace * math.exp(rng.gauss(0.0, 0.4))
    moment = float(rng.randint(0, 10))  # days after the start before they begin
    rows: list[dict[str, Any]] = []
    for module in modules:
        began = schedule.starts_on + timedelta(days=round(moment))
        moment += window * module.hours / total_hours / pace * rng.uniform(0.6, 1.4)
        finished = schedule.starts_on + timedelta(days=max(1, round(moment)))
        row: dict[str, Any] = {
            "assignment_id": assignment_id,
            "module_id": module.id,
            "completed_on": None,
            "score": None,
        }
        if finished <= today:
            row["status"] = ProgressStatus.COMPLETED
            row["completed_on"] = finished
            if module.format in SCORED_FORMATS:
                row["score"] = float(round(min(100.0, max(60.0, rng.gauss(82.0, 10.0)))))
            rows.append(row)
            continue
        if began <= today and rng.random() < IN_PROGRESS:
            row["status"] = ProgressStatus.IN_PROGRESS
            rows.append(row)
        break
    return rows


def _crunch(
    schedules: dict[str, _Schedule],
    hours: dict[str, list[float]],
    headcount: dict[str, int],
    hours_per_week: float,
) -> None:
    """Bring forward the due date of the department with the most hours per person."""
    per_person = {d: sum(h) / headcount[d] for d, h in hours.items() if headcount.get(d)}
    if not per_person:
        return
    name = max(per_person, key=lambda d: (per_person[d], d))
    days = round(7 * per_person[name] / (hours_per_week * CRUNCH_LOAD))
    old = schedules[name]
    days = min(max(days, CRUNCH_SHORTEST_DAYS), (old.due_on - old.starts_on).days)
    schedules[name] = _Schedule(old.starts_on, old.starts_on + timedelta(days=days), old.pace)


def create_demo_paths(
    services: AppServices, rng: random.Random, *, today: date | None = None
) -> list[int]:
    """Make a path per track, assign it to everyone active, and record progress so far.

    Returns the ids of the paths made. The assignments go through the suggestion service
    (one call per path, trimmed to the gaps); their dates and everyone's progress are then
    written in bulk in one transaction, and the change is announced once.
    """
    today = today or date.today()
    services.capacity.set_hours_per_week(PROTECTED_HOURS_PER_WEEK)
    active = services.people.rows(
        services.people.ordered_ids(PeopleQuery(status=EmployeeStatus.ACTIVE))
    )
    active.sort(key=lambda row: row.id)
    if not active:
        return []
    departments = [d.name for d in sorted(services.organisation.departments(), key=lambda d: d.id)]
    department_of = {p.id: p.department or "" for p in active}
    departments += [d for d in dict.fromkeys(department_of.values()) if d not in departments]
    schedules = _department_schedules(departments, rng, today)

    by_track: dict[Track, list[int]] = {}
    for person in active:
        track = person.track if person.track in TRACK_TEMPLATES else Track.FRONTLINE
        by_track.setdefault(track, []).append(person.id)
    earliest = min(s.starts_on for s in schedules.values())
    path_ids: list[int] = []
    rated = services.suggestions.latest_ratings({p.id for p in active})
    for track, template in TRACK_TEMPLATES.items():
        if not by_track.get(track):
            continue
        path_id = services.paths.create_from_template(template)
        services.suggestions.assign(
            path_id,
            by_track[track],
            starts_on=earliest,
            reason=_("Assigned to everyone on the {track} track.").format(track=track_label(track)),
            trim_to_gaps=True,
            rated=rated,
        )
        path_ids.append(path_id)

    modules = {m.key: m for m in services.paths.modules()}
    layouts = {
        path_id: [modules[k] for k in services.paths.path(path_id).layout.module_keys()]
        for path_id in path_ids
    }
    with services.database.transaction() as session:
        assignments = session.execute(
            select(PathAssignment.id, PathAssignment.path_id, PathAssignment.employee_id)
            .where(PathAssignment.path_id.in_(path_ids))
            .order_by(PathAssignment.id)
        ).all()
        skipped: dict[int, set[int]] = {}
        for assignment_id, module_id in session.execute(
            select(ModuleProgress.assignment_id, ModuleProgress.module_id)
            .join(PathAssignment, PathAssignment.id == ModuleProgress.assignment_id)
            .where(PathAssignment.path_id.in_(path_ids))
        ):
            skipped.setdefault(assignment_id, set()).add(module_id)
        followed: list[tuple[int, str, list[ModuleRow]]] = []
        hours: dict[str, list[float]] = {}
        for assignment_id, path_id, person_id in assignments:
            left_out = skipped.get(assignment_id, set())
            mine = [m for m in layouts[path_id] if m.id not in left_out]
            department = department_of[person_id]
            followed.append((assignment_id, department, mine))
            hours.setdefault(department, []).append(sum(m.hours for m in mine))
        headcount = Counter(department_of.values())
        _crunch(schedules, hours, headcount, PROTECTED_HOURS_PER_WEEK)
        dates: list[dict[str, Any]] = []
        progress: list[dict[str, Any]] = []
        for assignment_id, department, mine in followed:
            schedule = schedules[department]
            dates.append(
                {"id": assignment_id, "assigned_on": schedule.starts_on, "due_on": schedule.due_on}
            )
            progress.extend(_progress_rows(assignment_id, mine, schedule, rng, today))
        for begin in range(0, len(dates), CHUNK):
            session.execute(update(PathAssignment), dates[begin : begin + CHUNK])
        for begin in range(0, len(progress), CHUNK):
            session.execute(insert(ModuleProgress), progress[begin : begin + CHUNK])
    services.changes.publish(Topic.PATHS, ids=frozenset(path_ids))
    return path_ids
