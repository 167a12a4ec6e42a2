"""Reading pilot candidates: enthusiasm from the latest survey's interest answers, influence
from the people someone manages, HR's entered figures on top, in a fixed number of queries."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event

from app.pilots.candidates import read_candidates
from app.pilots.cohort import suggest_cohort
from app.services.people import PersonInput
from app.skills.service import AttitudeEntry, CampaignSetup
from db.models import CandidateRating, EmployeeStatus, Track
from tests.app.skills_people import add_department_people

pytestmark = pytest.mark.database

KEEN = "keen_to_learn"
"""The catalogue's one interest-in-learning statement."""


def candidates_of(services, **options):
    with services.database.reading() as session:
        return {c.person_id: c for c in read_candidates(session, **options)}


def answer(services, survey_id: int, answers: dict[int, dict[str, int]]) -> None:
    services.skills.record_many(
        survey_id,
        [],
        [
            AttitudeEntry(person, item, value)
            for person, given in answers.items()
            for item, value in given.items()
        ],
    )


def survey(services, name: str, opened_on: date) -> int:
    return services.skills.create_campaign(CampaignSetup(name=name, opened_on=opened_on))


def enter_rating(services, person_id: int, enthusiasm=None, influence=None) -> None:
    # Inserted directly: the pilot service has no method for entered ratings yet.
    with services.database.transaction() as session:
        session.add(
            CandidateRating(employee_id=person_id, enthusiasm=enthusiasm, influence=influence)
        )


@pytest.fixture
def role(services) -> int:
    return services.organisation.add_role("Analyst", Track.DOMAIN_EXPERT)


def department_id(services, name: str) -> int:
    return next(d.id for d in services.organisation.departments() if d.name == name)


def test_enthusiasm_is_the_interest_answer_of_the_latest_survey_that_has_one(services, role):
    ana, ben, cy, dee = add_department_people(services, "Sales", 4, role)
    # Created first but opened later: "latest" is by opening date, not by creation.
    summer = survey(services, "Summer follow-up", date(2026, 6, 10))
    winter = survey(services, "Winter baseline", date(2026, 1, 10))
    answer(
        services,
        winter,
        {
            ana: {KEEN: 2},
            ben: {KEEN: 4},
            cy: {"confident_using_ai": 5, "safe_to_try": 5},
        },
    )
    answer(
        services,
        summer,
        {
            ana: {KEEN: 5, "worried_about_job": 1},
            ben: {"worried_about_job": 2},  # no interest answer this time: winter's counts
        },
    )

    found = candidates_of(services)

    assert (found[ana].enthusiasm, found[ana].enthusiasm_source) == (5.0, "survey")
    assert (found[ben].enthusiasm, found[ben].enthusiasm_source) == (4.0, "survey")
    # Confidence and safety to experiment are not enthusiasm (see ENTHUSIASM_THEMES).
    assert (found[cy].enthusiasm, found[cy].enthusiasm_source) == (None, "none")
    assert (found[dee].enthusiasm, found[dee].enthusiasm_source) == (None, "none")


def test_influence_counts_the_active_people_someone_manages_directly(services, role):
    sales = services.organisation.add_department("Sales")
    boss = services.people.add(PersonInput(first_name="Małgorzata", department_id=sales))
    deputy = services.people.add(
        PersonInput(first_name="Deputy", department_id=sales, role_id=role, manager_id=boss)
    )
    team = [
        services.people.add(
            PersonInput(first_name=f"Team{n}", department_id=sales, manager_id=boss)
        )
        for n in range(6)
    ]
    services.people.set_status([team[0]], EmployeeStatus.INACTIVE)
    under_deputy = services.people.add(
        PersonInput(first_name="Junior", department_id=sales, manager_id=deputy)
    )

    found = candidates_of(services)

    # 5 active team members and the deputy; the deputy's own report is not the boss's.
    assert (found[boss].reports, found[boss].influence, found[boss].influence_source) == (
        6,
        4.0,
        "manages",
    )
    assert (found[deputy].reports, found[deputy].influence) == (1, 2.0)
    assert (found[under_deputy].reports, found[under_deputy].influence) == (0, 1.0)
    assert found[under_deputy].influence_source == "manages"
    assert team[0] not in found
    assert found[deputy].role == "Analyst"


def test_entered_figures_override_the_survey_and_the_reports(services, role):
    ana, ben, cy = add_department_people(services, "Sales", 3, role)
    boss = services.people.add(
        PersonInput(first_name="Boss", department_id=department_id(services, "Sales"))
    )
    for person in (ana, ben, cy):
        services.people.update(
            person,
            PersonInput(
                first_name=services.people.get(person).first_name,
                department_id=department_id(services, "Sales"),
                role_id=role,
                manager_id=boss,
            ),
        )
    spring = survey(services, "Spring", date(2026, 3, 1))
    answer(services, spring, {ana: {KEEN: 5}, boss: {KEEN: 4}})
    enter_rating(services, ana, enthusiasm=1.5)
    enter_rating(services, boss, influence=5)
    enter_rating(services, cy, enthusiasm=None, influence=None)

    found = candidates_of(services)

    assert (found[ana].enthusiasm, found[ana].enthusiasm_source) == (1.5, "entered")
    assert (found[ana].influence, found[ana].influence_source) == (1.0, "manages")
    assert (found[boss].enthusiasm, found[boss].enthusiasm_source) == (4.0, "survey")
    assert (found[boss].influence, found[boss].influence_source, found[boss].reports) == (
        5.0,
        "entered",
        3,
    )
    # A rating row with nothing in it changes nothing.
    assert (found[cy].enthusiasm_source, found[cy].influence_source) == ("none", "manages")


def test_only_active_people_of_the_chosen_departments_are_candidates(services, role):
    sales = add_department_people(services, "Sales", 3, role)
    finance = add_department_people(services, "Finance", 2, role)
    legal = add_department_people(services, "Legal", 1, role)
    nowhere = services.people.add(PersonInput(first_name="Zoë", role_id=role))
    services.people.set_status([sales[2]], EmployeeStatus.INACTIVE)

    everyone = candidates_of(services)
    assert set(everyone) == {*sales[:2], *finance, *legal, nowhere}
    assert everyone[nowhere].department == "No department"
    assert [c.department for c in everyone.values()] == [
        "Finance",
        "Finance",
        "Legal",
        "No department",
        "Sales",
        "Sales",
    ]

    chosen = candidates_of(
        services,
        department_ids=[department_id(services, "Sales"), department_id(services, "Finance")],
        exclude_person_ids=[finance[0]],
    )
    assert set(chosen) == {*sales[:2], finance[1]}


def test_a_suggested_cohort_from_the_data_file_explains_itself_with_its_figures(services, role):
    sales = add_department_people(services, "Sales", 3, role)
    finance = add_department_people(services, "Finance", 2, role)
    spring = survey(services, "Spring", date(2026, 3, 1))
    answer(services, spring, {sales[1]: {KEEN: 5}, finance[0]: {KEEN: 4}, finance[1]: {KEEN: 2}})
    enter_rating(services, sales[2], enthusiasm=4.5, influence=3)

    with services.database.reading() as session:
        candidates = read_candidates(session)
    cohort = suggest_cohort(candidates, 3, max_share=0.7)

    assert [p.candidate.person_id for p in cohort.picks] == [sales[2], finance[0], sales[1]]
    assert [p.reason for p in cohort.picks] == [
        "The highest score in Sales: enthusiasm 4.5 (entered), influence 3 (entered).",
        "The highest score in Finance: enthusiasm 4 from the skills survey, "
        "influence 1 (manages nobody).",
        "Among the highest scores overall: enthusiasm 5 from the skills survey, "
        "influence 1 (manages nobody).",
    ]


def build_team(services, role: int, department: str, count: int, opened_on: date) -> None:
    """``count`` people in ``department``: a manager, reports, survey answers, a rating each."""
    people = add_department_people(services, department, count, role)
    department_row = department_id(services, department)
    for person in people[1:]:
        services.people.update(
            person,
            PersonInput(
                first_name=services.people.get(person).first_name,
                department_id=department_row,
                role_id=role,
                manager_id=people[0],
            ),
        )
    campaign = survey(services, f"{department} survey", opened_on)
    answer(services, campaign, {p: {KEEN: 1 + p % 5, "worried_about_job": 3} for p in people})
    for person in people[::3]:
        enter_rating(services, person, enthusiasm=4.0)


def test_candidates_are_read_in_the_same_few_queries_for_10_or_60_people(services, role):
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    catalogue = services.skills.catalogue()

    def queries() -> tuple[int, int]:
        statements.clear()
        engine = services.database.engine
        event.listen(engine, "before_cursor_execute", count)
        try:
            with services.database.reading() as session:
                found = read_candidates(session, catalogue=catalogue)
        finally:
            event.remove(engine, "before_cursor_execute", count)
        return len(found), len(statements)

    build_team(services, role, "Sales", 10, date(2026, 1, 5))
    ten_people, for_ten = queries()
    build_team(services, role, "Finance", 25, date(2026, 2, 5))
    build_team(services, role, "Legal", 25, date(2026, 3, 5))
    sixty_people, for_sixty = queries()

    assert (ten_people, sixty_people) == (10, 60)
    assert for_ten == for_sixty == 4
