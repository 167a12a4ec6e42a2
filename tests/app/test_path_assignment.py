"""Assigning a path trimmed to each person's gaps, and the capacity it takes per department."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import ValidationError
from app.paths.service import ModuleInput, PathLayout, StageLayout
from app.skills.service import CampaignSetup, RatingEntry
from db.models import Rater, Track
from tests.app.skills_people import add_department_people

pytestmark = pytest.mark.database


def _module(services, title: str, hours: float = 2.5, **raises: int) -> str:
    module_id = services.paths.save_module(
        ModuleInput(title, "", "workshop", hours, "awareness", raises or {"prompting": 2})
    )
    return next(m.key for m in services.paths.modules() if m.id == module_id)


def _path(services, *keys: str) -> int:
    stages = (keys, (), ())
    return services.paths.create_path(
        PathLayout(
            "Everyday AI",
            "frontline",
            "awareness",
            "",
            tuple(
                StageLayout(s, s.title(), k)
                for s, k in zip(("crawl", "walk", "run"), stages, strict=True)
            ),
        )
    )


def test_assigning_trimmed_to_gaps_stores_each_skip_with_its_reason(services):
    role = services.organisation.add_role("Adviser", Track.FRONTLINE)
    rated, unrated = add_department_people(services, "Sales", 2, role)
    basics = _module(services, "Chat basics", prompting=1)
    safety = _module(services, "Safe use", data_privacy=2)
    path = _path(services, basics, safety)
    survey = services.skills.create_campaign(CampaignSetup("Spring", date(2026, 3, 1)))
    services.skills.record_many(survey, [RatingEntry(rated, "prompting", Rater.SELF, 3)])

    assigned = services.suggestions.assign(path, [rated, unrated], starts_on=date(2026, 12, 1))

    assert (assigned.new, assigned.trimmed, assigned.skipped_modules) == (2, 1, 1)
    by_person = {row.person_id: row for row in services.path_progress.progress(path)}
    assert by_person[rated].statuses == {basics: "skipped", safety: "not_started"}
    assert by_person[rated].notes[basics].startswith("Skips “Chat basics”: already at that level")
    assert by_person[rated].modules == 1
    assert by_person[unrated].statuses == {basics: "not_started", safety: "not_started"}
    assert by_person[unrated].modules == 2
    # Assigning again adds nobody and leaves the skips as they were.
    again = services.suggestions.assign(path, [rated], starts_on=date(2027, 1, 1))
    assert again.new == 0
    assert services.path_progress.progress(path)[0].statuses[basics] == "skipped"


def test_assigning_the_whole_path_skips_nothing(services):
    role = services.organisation.add_role("Adviser", Track.FRONTLINE)
    (person,) = add_department_people(services, "Sales", 1, role)
    basics = _module(services, "Chat basics", prompting=1)
    path = _path(services, basics)
    survey = services.skills.create_campaign(CampaignSetup("Spring", date(2026, 3, 1)))
    services.skills.record_many(survey, [RatingEntry(person, "prompting", Rater.SELF, 4)])
    assigned = services.suggestions.assign(
        path, [person], starts_on=date(2026, 12, 1), trim_to_gaps=False
    )
    assert (assigned.new, assigned.trimmed) == (1, 0)
    assert services.path_progress.progress(path)[0].statuses == {basics: "not_started"}


def test_capacity_flags_a_month_over_the_protected_time_and_folds_small_departments(services):
    role = services.organisation.add_role("Adviser", Track.FRONTLINE)
    sales = add_department_people(services, "Sales", 5, role)
    legal = add_department_people(services, "Legal", 2, role)
    path = _path(services, _module(services, "Long course", hours=10, prompting=2))
    services.suggestions.assign(
        path, sales + legal, starts_on=date(2026, 12, 1), due_on=date(2026, 12, 31)
    )

    view = services.capacity.capacity()

    assert view.hours_per_week == 2
    assert [(load.department, load.month) for load in view.loads] == [
        ("Sales", date(2026, 12, 1)),
        ("Other (groups under 5 people)", date(2026, 12, 1)),
    ]
    sales_load = view.loads[0]
    assert sales_load.hours == pytest.approx(50)
    assert sales_load.capacity_hours == pytest.approx(5 * 2 * 31 / 7)
    assert sales_load.overloaded and view.overloads[0] is sales_load
    assert all("Legal" not in load.department for load in view.loads)

    services.capacity.set_hours_per_week(3)
    assert not services.capacity.capacity().loads[0].overloaded
    with pytest.raises(ValidationError):
        services.capacity.set_hours_per_week(0)
    assert services.capacity.hours_per_week() == 3


def test_capacity_without_a_due_date_runs_to_the_end_at_the_protected_pace(services):
    role = services.organisation.add_role("Adviser", Track.FRONTLINE)
    people = add_department_people(services, "Sales", 5, role)
    path = _path(services, _module(services, "Course", hours=8, prompting=2))
    services.suggestions.assign(path, people, starts_on=date(2026, 12, 1))
    loads = services.capacity.capacity().loads
    # 8 hours at 2 h/week: four weeks, 1–28 December.
    assert [(load.month, round(load.hours, 6)) for load in loads] == [(date(2026, 12, 1), 40.0)]


def test_a_person_who_needs_none_of_the_path_has_finished_it(services):
    role = services.organisation.add_role("Adviser", Track.FRONTLINE)
    (person,) = add_department_people(services, "Sales", 1, role)
    path = _path(services, _module(services, "Chat basics", prompting=1))
    survey = services.skills.create_campaign(CampaignSetup("Spring", date(2026, 3, 1)))
    services.skills.record_many(survey, [RatingEntry(person, "prompting", Rater.SELF, 4)])
    services.suggestions.assign(path, [person], starts_on=date(2026, 12, 1))
    [row] = services.path_progress.progress(path)
    assert (row.done, row.modules, row.share_done) == (0, 0, 1.0)


def test_progress_of_only_some_people_on_a_path_leaves_the_others_out(services):
    role = services.organisation.add_role("Adviser", Track.FRONTLINE)
    rated, unrated, third = add_department_people(services, "Sales", 3, role)
    basics = _module(services, "Chat basics", prompting=1)
    safety = _module(services, "Safe use", data_privacy=2)
    path = _path(services, basics, safety)
    survey = services.skills.create_campaign(CampaignSetup("Spring", date(2026, 3, 1)))
    services.skills.record_many(survey, [RatingEntry(rated, "prompting", Rater.SELF, 3)])
    services.suggestions.assign(path, [rated, unrated, third], starts_on=date(2026, 12, 1))

    some = services.path_progress.progress(path, [rated, unrated])

    assert {row.person_id for row in some} == {rated, unrated}
    everyone = {row.person_id: row for row in services.path_progress.progress(path)}
    for row in some:  # the same figures as in the whole path's progress
        assert (row.statuses, row.done, row.modules) == (
            everyone[row.person_id].statuses,
            everyone[row.person_id].done,
            everyone[row.person_id].modules,
        )
    assert services.path_progress.progress(path, []) == []
