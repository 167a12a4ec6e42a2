"""The demo organisation's learning paths: a path per track followed by everyone active,
trimmed to each person's gaps, with progress that looks like a programme under way."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from app.context import AppServices, open_services
from app.demo import create_demo_organisation
from app.demo_paths import (
    CRUNCH_SHORTEST_DAYS,
    DUE_AFTER_DAYS,
    PROTECTED_HOURS_PER_WEEK,
    TRACK_TEMPLATES,
    create_demo_paths,
)
from app.paths.progress import PersonProgress
from app.services.people import PeopleQuery
from db.models import EmployeeStatus, Track

from .skills_people import add_department_people

pytestmark = pytest.mark.database


def _progress(services: AppServices) -> dict[int, list[PersonProgress]]:
    return {p.id: services.path_progress.progress(p.id) for p in services.paths.paths()}


def test_every_active_person_follows_the_path_of_their_track(services):
    create_demo_organisation(services, employees=150)
    paths = {p.id: p for p in services.paths.paths()}
    template_of = {p.id: services.paths.path(p.id).template_key for p in paths.values()}
    assert sorted(template_of.values()) == sorted(TRACK_TEMPLATES.values())
    followed: dict[int, list[str]] = {}
    for path_id in paths:
        for person_id in services.paths.people_on(path_id):
            followed.setdefault(person_id, []).append(template_of[path_id] or "")
    active = services.people.rows(
        services.people.ordered_ids(PeopleQuery(status=EmployeeStatus.ACTIVE))
    )
    assert len(active) >= 140
    for person in active:
        assert followed.get(person.id) == [TRACK_TEMPLATES[person.track]], person
    inactive = services.people.ordered_ids(PeopleQuery(status=EmployeeStatus.INACTIVE))
    assert inactive and not set(inactive) & set(followed)


def test_people_skip_what_their_survey_shows_they_know_with_the_reason(services):
    create_demo_organisation(services, employees=150)
    everyone = [p for rows in _progress(services).values() for p in rows]
    skipped = [(p, key) for p in everyone for key, s in p.statuses.items() if s == "skipped"]
    assert len(skipped) > len(everyone)  # more than one module skipped per person on average
    assert all(p.notes[key].startswith("Skips “") for p, key in skipped)
    assert any(not any(s == "skipped" for s in p.statuses.values()) for p in everyone)


def test_progress_is_partial_dated_between_the_start_and_today_and_scored_for_quizzes(services):
    create_demo_organisation(services, employees=150)
    today = date.today()
    formats = {m.key: m.format for m in services.paths.modules()}
    statuses: Counter[str] = Counter()
    for rows in _progress(services).values():
        for person in rows:
            statuses.update(person.statuses.values())
            for key, status in person.statuses.items():
                if status == "completed":
                    assert person.starts_on < person.completed_on[key] <= today, person
                else:
                    assert key not in person.completed_on
                if key in person.scores:
                    assert status == "completed" and formats[key] == "e_learning"
                    assert 60 <= person.scores[key] <= 100
    assert set(statuses) == {"completed", "in_progress", "not_started", "skipped"}
    assert statuses["completed"] > statuses["in_progress"] > 10
    scored = sum(len(p.scores) for rows in _progress(services).values() for p in rows)
    assert scored > 20


def test_earlier_modules_are_done_more_often_than_later_ones(services):
    create_demo_organisation(services, employees=150)
    firsts: Counter[str] = Counter()
    lasts: Counter[str] = Counter()
    for path in services.paths.paths():
        keys = services.paths.path(path.id).layout.module_keys()
        for person in services.path_progress.progress(path.id):
            followed = [k for k in keys if person.statuses[k] != "skipped"]
            if len(followed) >= 2:
                firsts[person.statuses[followed[0]]] += 1
                lasts[person.statuses[followed[-1]]] += 1
    assert firsts.total() == lasts.total() > 50
    assert firsts["completed"] > 1.5 * lasts["completed"]
    assert lasts["not_started"] > 1.5 * firsts["not_started"]


def test_departments_move_at_different_speeds_some_people_overdue_one_overloaded(services):
    create_demo_organisation(services, employees=150)
    today = date.today()
    everyone = [p for rows in _progress(services).values() for p in rows]
    starts = {p.starts_on for p in everyone}
    assert (max(starts) - min(starts)).days >= 90  # staggered over about four months
    windows = {(p.due_on - p.starts_on).days for p in everyone if p.due_on is not None}
    assert len(windows) > 2
    assert min(windows) >= CRUNCH_SHORTEST_DAYS and max(windows) <= DUE_AFTER_DAYS[1]
    overdue = [p for p in everyone if p.due_on and p.due_on < today and p.done < p.modules]
    finished = [p for p in everyone if p.modules and p.done == p.modules]
    assert len(overdue) >= 3 and len(finished) >= 10
    shares: dict[str, list[int]] = {}
    for person in everyone:
        done, of = shares.setdefault(person.department or "", [0, 0])
        shares[person.department or ""] = [done + person.done, of + person.modules]
    ratios = sorted(done / of for done, of in shares.values() if of)
    assert ratios[-1] - ratios[0] > 0.4  # some departments well ahead of others
    capacity = services.capacity.capacity()
    assert capacity.hours_per_week == PROTECTED_HOURS_PER_WEEK
    assert capacity.overloads, "the demo shows an overload on the capacity view"
    assert len({load.department for load in capacity.overloads}) < len(shares)


def test_the_same_seed_gives_the_same_paths_and_progress(services, tmp_path: Path):
    create_demo_organisation(services, employees=60, seed=4)
    other = open_services(tmp_path / "second.upskill")
    try:
        create_demo_organisation(other, employees=60, seed=4)

        def snapshot(opened: AppServices) -> list[tuple[object, ...]]:
            return [
                (
                    path.name,
                    person.display_name,
                    person.starts_on,
                    person.due_on,
                    sorted(person.statuses.items()),
                    sorted(person.completed_on.items()),
                    sorted(person.scores.items()),
                )
                for path in opened.paths.paths()
                for person in opened.path_progress.progress(path.id)
            ]

        assert snapshot(services) == snapshot(other)
    finally:
        other.close()


def test_people_on_a_custom_track_follow_the_frontline_path(services):
    custom = services.organisation.add_role("Community organiser", Track.CUSTOM)
    analyst = services.organisation.add_role("Data analyst", Track.TECHNICAL)
    organisers = add_department_people(services, "Outreach", 3, custom)
    analysts = add_department_people(services, "Insights", 2, analyst)
    path_ids = create_demo_paths(services, random.Random(3))
    by_template = {services.paths.path(p).template_key: p for p in path_ids}
    assert set(by_template) == {"frontline_awareness", "technical_builder"}
    assert services.paths.people_on(by_template["frontline_awareness"]) == organisers
    assert services.paths.people_on(by_template["technical_builder"]) == analysts
