"""Departments, roles with their tracks, and the organisation's settings."""

from __future__ import annotations

import pytest

from app.errors import ValidationError
from app.services.organisation import guess_track
from app.services.people import PeopleQuery, PersonInput
from db.models import Track

pytestmark = pytest.mark.database


def test_department_names_are_unique_ignoring_case(services):
    services.organisation.add_department("Finance")
    with pytest.raises(ValidationError, match="already a department"):
        services.organisation.add_department("finance")


def test_removing_a_department_keeps_its_people_without_a_department(services):
    finance = services.organisation.add_department("Finance")
    person = services.people.add(PersonInput(first_name="Ann", department_id=finance))
    services.organisation.remove_department(finance)
    assert services.people.get(person).department_id is None
    assert services.people.count(PeopleQuery()) == 1


def test_a_role_track_can_be_changed(services):
    role = services.organisation.add_role("Data Analyst", Track.CUSTOM)
    services.organisation.update_role(role, "Data Analyst", Track.TECHNICAL)
    assert [(r.name, r.track) for r in services.organisation.roles()] == [
        ("Data Analyst", Track.TECHNICAL)
    ]


def test_department_list_counts_active_people(services):
    hr = services.organisation.add_department("HR")
    services.people.add(PersonInput(first_name="A", department_id=hr))
    services.people.add(PersonInput(first_name="B", department_id=hr))
    assert [(d.name, d.active_people) for d in services.organisation.departments()] == [("HR", 2)]


def test_anonymity_threshold_never_goes_below_three(services):
    services.organisation.update_settings("Acme", 1)
    settings = services.organisation.settings()
    assert settings.name == "Acme"
    assert settings.anonymity_threshold == 3


@pytest.mark.parametrize(
    ("title", "track"),
    [
        ("Research Director", Track.EXECUTIVE),
        ("Laboratory Technician", Track.TECHNICAL),
        ("Sales Representative", Track.FRONTLINE),
        ("Sales Executive", Track.DOMAIN_EXPERT),
        ("Gardener", Track.CUSTOM),
    ],
)
def test_a_new_role_gets_a_first_guess_at_its_track(title, track):
    assert guess_track(title) == track


def test_the_overview_counts_departments_roles_and_locations_from_the_file(services):
    sales = services.organisation.add_department("Sales")
    services.organisation.add_department("Empty team")
    rep = services.organisation.add_role("Sales Representative", Track.FRONTLINE)
    services.organisation.add_location("Leeds")
    services.people.add(PersonInput(first_name="A", department_id=sales, role_id=rep))
    services.people.add(PersonInput(first_name="B"))
    overview = services.overview.organisation_overview()
    assert (overview.department_count, overview.role_count, overview.location_count) == (2, 1, 1)
    assert overview.people_without_department == 1
    assert {row.label for row in overview.departments} == {"Sales", "No department"}
