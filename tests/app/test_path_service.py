"""Role paths in the data file: the library copied in, custom modules, paths from templates,
versions when people follow a path, and assignments."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import ValidationError
from app.paths.service import ModuleInput, PathLayout, StageLayout
from db.models import EmployeeStatus, Track
from tests.app.skills_people import add_department_people

pytestmark = pytest.mark.database


def _module(title: str, prerequisites: tuple[str, ...] = (), **raises: int) -> ModuleInput:
    return ModuleInput(
        title=title,
        description=f"What {title} teaches.",
        format="workshop",
        hours=2.5,
        level="awareness",
        raises=raises or {"prompting": 2},
        prerequisites=prerequisites,
    )


def _layout(name: str, *stages: tuple[str, ...]) -> PathLayout:
    return PathLayout(
        name=name,
        track="frontline",
        level="awareness",
        description="",
        stages=tuple(
            StageLayout(stage, stage.title(), keys)
            for stage, keys in zip(("crawl", "walk", "run"), stages, strict=True)
        ),
    )


def _key(services, module_id: int) -> str:
    return next(m.key for m in services.paths.modules() if m.id == module_id)


def test_the_built_in_library_is_copied_in_once_with_its_skills_and_prerequisites(services):
    library = services.paths.library()
    modules = services.paths.modules()
    assert {m.key for m in modules} == {m.key for m in library.modules}
    assert not any(m.custom for m in modules)
    first = library.modules[0]
    row = next(m for m in modules if m.key == first.key)
    assert row.raises == first.raises and row.hours == first.hours
    with_prerequisites = next(m for m in library.modules if m.prerequisites)
    row = next(m for m in modules if m.key == with_prerequisites.key)
    assert set(row.prerequisites) == set(with_prerequisites.prerequisites)
    assert len(services.paths.modules()) == len(modules)


def test_a_custom_module_is_saved_and_a_prerequisite_cycle_is_refused(services):
    basics = _key(services, services.paths.save_module(_module("Chat basics")))
    advanced_id = services.paths.save_module(_module("Chat advanced", (basics,), prompting=3))
    advanced = _key(services, advanced_id)
    row = next(m for m in services.paths.modules() if m.key == advanced)
    assert row.custom and row.prerequisites == (basics,) and row.raises == {"prompting": 3}

    basics_id = next(m.id for m in services.paths.modules() if m.key == basics)
    with pytest.raises(ValidationError, match="circle") as error:
        services.paths.save_module(_module("Chat basics", (advanced,)), basics_id)
    assert str(error.value).count("Chat basics") + str(error.value).count("Chat advanced") == 3
    assert next(m for m in services.paths.modules() if m.key == basics).prerequisites == ()

    with pytest.raises(ValidationError) as error:
        services.paths.save_module(_module("  "))
    assert error.value.field == "title"
    with pytest.raises(ValidationError) as error:
        services.paths.save_module(
            ModuleInput("Long", "", "workshop", 0, "awareness", {"prompting": 2})
        )
    assert error.value.field == "hours"


def test_a_path_from_a_template_keeps_its_stages_and_gets_a_unique_name(services):
    template = services.paths.library().templates[0]
    first = services.paths.create_from_template(template.key)
    second = services.paths.create_from_template(template.key)
    details = services.paths.path(first)
    assert details.layout.name == template.name
    assert services.paths.path(second).layout.name == f"{template.name} (2)"
    assert details.layout.module_keys() == template.module_keys()
    assert [s.stage for s in details.layout.stages] == ["crawl", "walk", "run"]
    row = next(p for p in services.paths.paths() if p.id == first)
    hours = sum(services.paths.library().module(k).hours for k in template.module_keys())
    assert row.modules == len(template.module_keys()) and row.hours == pytest.approx(hours)


def test_a_path_nobody_follows_is_edited_in_place_and_duplicates_are_refused(services):
    a = _key(services, services.paths.save_module(_module("A")))
    b = _key(services, services.paths.save_module(_module("B")))
    path = services.paths.create_path(_layout("Everyday AI", (a,), (), ()))
    assert services.paths.save_path(path, _layout("Everyday AI", (a,), (b,), ())) == path
    assert services.paths.path(path).layout.module_keys() == [a, b]
    with pytest.raises(ValidationError, match="twice"):
        services.paths.save_path(path, _layout("Everyday AI", (a,), (a,), ()))


def test_editing_a_followed_path_saves_a_version_and_moves_people_or_leaves_them(services):
    role = services.organisation.add_role("Adviser", Track.FRONTLINE)
    people = add_department_people(services, "Sales", 4, role)
    a = _key(services, services.paths.save_module(_module("A")))
    b = _key(services, services.paths.save_module(_module("B")))
    path = services.paths.create_path(_layout("Everyday AI", (a,), (), ()))
    assert services.paths.assign(path, people[:2], starts_on=date(2026, 12, 1)) == people[:2]
    assert services.paths.assign(path, people[:3], starts_on=date(2026, 12, 1)) == people[2:3]

    kept = services.paths.save_path(path, _layout("Everyday AI", (a,), (b,), ()), move_people=False)
    assert kept != path and services.paths.people_on(path) == people[:3]
    assert services.paths.path(kept).version == 2 and services.paths.path(kept).people == 0

    moved = services.paths.save_path(path, _layout("Everyday AI", (b,), (), ()))
    assert services.paths.path(moved).version == 3
    assert services.paths.people_on(moved) == people[:3] and services.paths.people_on(path) == []
    assert services.paths.path(path).retired_on == date.today()
    assert path not in {p.id for p in services.paths.paths()}
    with pytest.raises(ValidationError, match="replaced"):
        services.paths.assign(path, people[3:], starts_on=date(2026, 12, 1))


def test_assigning_skips_inactive_people_and_refuses_a_due_date_before_the_start(services):
    role = services.organisation.add_role("Adviser", Track.FRONTLINE)
    people = add_department_people(services, "Sales", 3, role)
    services.people.set_status([people[2]], EmployeeStatus.INACTIVE)
    a = _key(services, services.paths.save_module(_module("A")))
    path = services.paths.create_path(_layout("Everyday AI", (a,), (), ()))
    with pytest.raises(ValidationError) as error:
        services.paths.assign(path, people, starts_on=date(2026, 12, 1), due_on=date(2026, 11, 1))
    assert error.value.field == "due_on"
    assert len(services.paths.assign(path, people, starts_on=date(2026, 12, 1))) == 2
    assert services.paths.people_on(path) == people[:2]


def test_a_workshop_marks_everyone_done_at_once_and_people_not_on_the_path_save_nothing(
    services,
):
    role = services.organisation.add_role("Adviser", Track.FRONTLINE)
    people = add_department_people(services, "Sales", 4, role)
    a = _key(services, services.paths.save_module(_module("A")))
    b = _key(services, services.paths.save_module(_module("B")))
    path = services.paths.create_path(_layout("Everyday AI", (a, b), (), ()))
    services.paths.assign(path, people[:3], starts_on=date(2026, 12, 1))

    changed = services.path_progress.set_progress(
        path, people[:3], a, "completed", on=date(2026, 12, 3), score=90
    )
    assert changed == 3
    assert (
        services.path_progress.set_progress(
            path, people[:3], a, "completed", on=date(2026, 12, 3), score=90
        )
        == 0
    )
    with pytest.raises(ValidationError, match="nothing was saved"):
        services.path_progress.set_progress(path, people, b, "in_progress")
    rows = services.path_progress.progress(path)
    assert [r.done for r in rows] == [1, 1, 1]
    assert rows[0].statuses == {a: "completed", b: "not_started"}
    assert rows[0].completed_on == {a: date(2026, 12, 3)} and rows[0].share_done == 0.5

    # Moving people to a new version keeps progress on the modules both versions share.
    c = _key(services, services.paths.save_module(_module("C")))
    moved = services.paths.save_path(path, _layout("Everyday AI", (a, c), (), ()))
    assert [r.statuses for r in services.path_progress.progress(moved)] == [
        {a: "completed", c: "not_started"}
    ] * 3


def test_the_suggestion_skips_what_a_person_already_knows_and_says_why(services):
    from app.skills.service import CampaignSetup, RatingEntry
    from db.models import Rater

    role = services.organisation.add_role("Adviser", Track.FRONTLINE)
    (person,) = add_department_people(services, "Sales", 1, role)
    basics = _key(services, services.paths.save_module(_module("Chat basics", prompting=1)))
    safety = _key(services, services.paths.save_module(_module("Safe use", data_privacy=2)))
    path = services.paths.create_path(_layout("Everyday AI", (basics, safety), (), ()))

    unrated = services.suggestions.suggestion(person, path)
    assert [m.key for m in unrated.kept] == [basics, safety] and unrated.survey_name is None

    survey = services.skills.create_campaign(CampaignSetup("Spring", date(2026, 3, 1)))
    services.skills.record_many(
        survey,
        [
            RatingEntry(person, "prompting", Rater.SELF, 3),
            RatingEntry(person, "data_privacy", Rater.SELF, 0),
        ],
    )
    suggestion = services.suggestions.suggestion(person)
    assert suggestion.path_id == path and suggestion.survey_name == "Spring"
    assert [m.key for m in suggestion.kept] == [safety]
    (skipped,) = suggestion.skipped
    assert skipped.module.key == basics
    assert (
        skipped.reason
        == "Skips “Chat basics”: already at that level in Prompting and working with AI tools."
    )
    assert suggestion.hours == pytest.approx(2.5)


def test_renaming_a_followed_path_keeps_its_version_and_its_people(services):
    role = services.organisation.add_role("Adviser", Track.FRONTLINE)
    people = add_department_people(services, "Sales", 2, role)
    path = services.paths.create_from_template("frontline_awareness")
    services.paths.assign(path, people, starts_on=date(2026, 12, 1))
    services.paths.rename_path(path, "  Everyday AI   for Sales ")
    [row] = services.paths.paths(include_retired=True)
    assert (row.id, row.name, row.version, row.people) == (path, "Everyday AI for Sales", 1, 2)
    with pytest.raises(ValidationError) as error:
        services.paths.rename_path(path, " ")
    assert error.value.field == "name"
