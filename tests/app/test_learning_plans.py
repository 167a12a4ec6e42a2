"""Individual learning plans read in bulk: each person's gaps from their latest rated survey,
their modules in order on the schedule of the protected time, what they skip and why,
their progress; by department; and a clear message when there is nothing to print."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event

from app.errors import UserFacingError, ValidationError
from app.paths.service import PathLayout, StageLayout
from app.skills.service import CampaignSetup, RatingEntry
from db.models import Rater
from tests.app.learning_plans_data import (
    BASICS,
    DUE_ON,
    PRACTICE,
    SAFETY,
    STARTS_ON,
    build_plan_organisation,
)
from tests.app.skills_people import add_department_people

pytestmark = pytest.mark.database


@pytest.fixture
def org(services):
    return build_plan_organisation(services)


def _plan(services, person_id, **options):
    (plan,) = services.plans.plans(person_ids=[person_id], **options)
    return plan


def test_gaps_come_from_the_latest_survey_the_person_was_rated_in_biggest_first(services, org):
    spring = _plan(services, org.lukasz)
    assert spring.survey_name == "Spring check"
    assert spring.surveyed_on == date(2026, 3, 2)
    # Prompting (3, target 2) has no gap; unrated skills are not guessed.
    assert [(g.key, g.level_name, g.target_name, g.gap) for g in spring.gaps] == [
        ("data_privacy", "None", "Practitioner", 2.0),
        ("workflow_integration", "Aware", "Practitioner", 1.0),
    ]
    assert spring.gaps[0].skill == "Data privacy and security with AI"

    autumn = services.skills.create_campaign(CampaignSetup("Autumn check", date(2026, 9, 1)))
    services.skills.record_many(autumn, [RatingEntry(org.lukasz, "data_privacy", Rater.SELF, 1)])
    services.skills.create_campaign(CampaignSetup("Winter check", date(2026, 11, 2)))

    later = _plan(services, org.lukasz)
    assert later.survey_name == "Autumn check"  # the winter survey has no rating of his
    assert [(g.key, g.level, g.gap) for g in later.gaps] == [("data_privacy", 1.0, 1.0)]
    zoe = _plan(services, org.zoe)
    assert zoe.survey_name == "Spring check"  # not rated in autumn: her spring ratings stand

    never = _plan(services, org.li)
    assert not never.rated and never.gaps == () and never.survey_name is None


def test_the_modules_followed_are_in_order_on_the_schedule_with_the_skips_and_their_reason(
    services, org
):
    plan = _plan(services, org.lukasz, today=date(2027, 1, 4))
    assert (plan.display_name, plan.employee_number, plan.department, plan.role) == (
        "Łukasz Nowak",
        "E101",
        "Sales",
        "Customer adviser",
    )
    assert plan.track == "frontline" and plan.manager == "Maria Keller"
    (path,) = plan.paths
    assert (path.name, path.version, path.starts_on, path.due_on) == (
        "Everyday AI",
        1,
        STARTS_ON,
        DUE_ON,
    )
    # 2 h a week: Safe use (3 h) then Daily practice (4 h), back to back from the start.
    assert [
        (m.title, m.stage, m.stage_title, m.hours, m.starts_on, m.ends_on) for m in path.modules
    ] == [
        (SAFETY, "walk", "Safely", 3.0, date(2026, 12, 7), date(2026, 12, 17)),
        (PRACTICE, "run", "Every day", 4.0, date(2026, 12, 17), date(2026, 12, 31)),
    ]
    assert [(c.title, c.reason) for c in path.covered] == [
        (
            BASICS,
            f"Skips “{BASICS}”: already at that level in Prompting and working with AI tools.",
        )
    ]
    assert (path.hours, path.weeks, path.hours_per_week) == (7.0, 4, 2.0)
    assert path.finishes_on == date(2026, 12, 31)

    # Someone not rated follows the whole path: three modules from the same start.
    whole = _plan(services, org.li).paths[0]
    assert [m.title for m in whole.modules] == [BASICS, SAFETY, PRACTICE]
    assert whole.covered == () and whole.hours == 9.0
    assert whole.modules[1].starts_on == date(2026, 12, 14)


def test_progress_counts_modules_and_hours_done_and_flags_a_passed_due_date(services, org):
    services.path_progress.set_progress(
        org.path, [org.lukasz], org.keys[SAFETY], "completed", on=date(2026, 12, 15), score=90
    )
    services.path_progress.set_progress(org.path, [org.lukasz], org.keys[PRACTICE], "in_progress")

    plan = _plan(services, org.lukasz, today=date(2027, 1, 29))
    path = plan.paths[0]
    assert [(m.status, m.completed_on, m.score) for m in path.modules] == [
        ("completed", date(2026, 12, 15), 90.0),
        ("in_progress", None, None),
    ]
    assert (path.done, path.total, path.hours_done, path.hours) == (1, 2, 3.0, 7.0)
    assert (plan.done, plan.total, plan.share_done) == (1, 2, 0.5)
    assert not path.overdue  # due today: not passed yet
    assert _plan(services, org.lukasz, today=date(2027, 1, 30)).overdue

    services.path_progress.set_progress(
        org.path, [org.lukasz], org.keys[PRACTICE], "completed", on=date(2027, 1, 20)
    )
    finished = _plan(services, org.lukasz, today=date(2027, 3, 1))
    assert (finished.done, finished.total, finished.overdue) == (2, 2, False)


def test_a_department_gives_its_followers_by_name_and_everyone_goes_by_department(services, org):
    sales = services.plans.plans(department_id=org.sales)
    # Their manager follows no path, so has no plan.
    assert [p.display_name for p in sales] == ["Zoë Martin", "Łukasz Nowak", "李娜"]
    ops = services.plans.plans(department_id=org.ops)
    assert [p.person_id for p in ops] == [org.ngoc]
    everyone = services.plans.plans()
    assert [p.department for p in everyone] == ["Ops", "Sales", "Sales", "Sales"]


def test_the_manager_and_the_departments_champions_are_who_to_ask(services, org):
    services.champions.nominate([org.zoe])
    lukasz = _plan(services, org.lukasz)
    assert lukasz.champions == ("Zoë Martin",)
    assert _plan(services, org.zoe).champions == ()  # not herself
    assert _plan(services, org.ngoc).champions == () and _plan(services, org.ngoc).manager is None


def test_a_person_on_two_paths_gets_one_plan_with_a_section_per_path_by_start(services, org):
    second = services.paths.create_path(
        PathLayout(
            "Safety refresher",
            "frontline",
            "awareness",
            "",
            (
                StageLayout("crawl", "", (org.keys[SAFETY],)),
                StageLayout("walk", "", ()),
                StageLayout("run", "", ()),
            ),
        )
    )
    services.paths.assign(second, [org.zoe], starts_on=date(2026, 10, 5))
    (plan,) = services.plans.plans(person_ids=[org.zoe])
    assert [p.name for p in plan.paths] == ["Safety refresher", "Everyday AI"]
    assert plan.total == 1 + 3


def test_plans_are_read_in_bulk_not_with_queries_per_person(services, org):
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    def queries(**options) -> int:
        statements.clear()
        event.listen(engine, "before_cursor_execute", count)
        try:
            services.plans.plans(**options)
        finally:
            event.remove(engine, "before_cursor_execute", count)
        return len(statements)

    engine = services.database.engine
    services.plans.plans()  # the module library and the catalogue are copied in once
    one = queries(person_ids=[org.lukasz])
    assert queries(person_ids=[org.lukasz, org.zoe, org.li, org.ngoc]) == one
    everyone = queries()
    more = add_department_people(services, "Support", 12, services.organisation.roles()[0].id)
    services.suggestions.assign(org.path, more, starts_on=STARTS_ON)
    assert len(services.plans.plans()) == 16
    assert queries() == everyone


def test_nobody_following_a_path_gets_a_message_that_says_what_to_do(services):
    org = build_plan_organisation(services, assign=False)
    with pytest.raises(UserFacingError) as everyone:
        services.plans.plans()
    assert everyone.value.message == (
        "Nobody follows a learning path yet. Assign a path first (Learning paths area)."
    )
    with pytest.raises(UserFacingError, match="Nobody in Ops follows a learning path yet"):
        services.plans.plans(department_id=org.ops)
    with pytest.raises(UserFacingError, match="Zoë Martin does not follow a learning path yet"):
        services.plans.plans(person_ids=[org.zoe])
    assert services.plans.people_following() == 0
    assert not services.plans.follows_a_path(org.zoe)


def test_an_unknown_department_or_person_is_refused_clearly(services, org):
    with pytest.raises(ValidationError, match="That department no longer exists"):
        services.plans.plans(department_id=org.ops + 100)
    with pytest.raises(ValidationError, match="That person no longer exists"):
        services.plans.plans(person_ids=[org.ngoc + 100])
    assert services.plans.department_named("  sales ") == org.sales
    with pytest.raises(UserFacingError, match="The departments are: Ops, Sales"):
        services.plans.department_named("Legal")
    assert services.plans.person_called("e102") == org.zoe
    assert services.plans.person_called(str(org.ngoc)) == org.ngoc
    with pytest.raises(UserFacingError, match="no person with the employee number or id “X9”"):
        services.plans.person_called("X9")
    assert services.plans.people_following() == 4
