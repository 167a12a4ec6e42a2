"""Adding, editing, finding and deactivating people through the service, checked in the database."""

from __future__ import annotations

import pytest

from app.errors import ValidationError
from app.services.people import PeopleQuery, PeopleSort, PersonInput
from db.models import EmployeeStatus, Track

pytestmark = pytest.mark.database


def test_a_person_added_is_found_by_name_email_and_number(services):
    new_id = services.people.add(
        PersonInput(
            first_name="Zoë", last_name="Łukasz", email=" Zoe@Example.org ", employee_number="00123"
        )
    )
    person = services.people.get(new_id)
    assert person.display_name == "Zoë Łukasz"
    assert person.email == "zoe@example.org"
    assert person.employee_number == "00123"
    for search in ("zoë", "example.org", "00123", "łuk"):
        rows = services.people.page(PeopleQuery(search=search), 0, 10)
        assert [row.id for row in rows] == [new_id], search


def test_an_invalid_email_is_refused_and_nothing_is_saved(services):
    with pytest.raises(ValidationError) as error:
        services.people.add(PersonInput(first_name="Ann", email="ann-at-example"))
    assert error.value.field == "email"
    assert services.people.count(PeopleQuery()) == 0


def test_employee_number_and_email_must_be_unique(services):
    services.people.add(PersonInput(first_name="Ann", employee_number="7", email="a@x.org"))
    with pytest.raises(ValidationError, match="Employee number 7"):
        services.people.add(PersonInput(first_name="Bob", employee_number="7"))
    with pytest.raises(ValidationError, match=r"a@x\.org"):
        services.people.add(PersonInput(first_name="Bob", email="A@X.org"))
    assert services.people.count(PeopleQuery()) == 1


def test_someone_with_no_name_number_or_email_is_refused(services):
    with pytest.raises(ValidationError, match="name, an employee number or an e-mail"):
        services.people.add(PersonInput(first_name="  "))


def test_a_manager_loop_is_refused(services):
    boss = services.people.add(PersonInput(first_name="Boss"))
    worker = services.people.add(PersonInput(first_name="Worker", manager_id=boss))
    with pytest.raises(ValidationError, match="reports to this person"):
        services.people.update(boss, PersonInput(first_name="Boss", manager_id=worker))
    with pytest.raises(ValidationError, match="own manager"):
        services.people.update(boss, PersonInput(first_name="Boss", manager_id=boss))


def test_deactivated_people_leave_the_active_list_but_stay_in_the_file(services):
    ids = [services.people.add(PersonInput(first_name=f"P{i}")) for i in range(3)]
    assert services.people.set_status(ids[:2], EmployeeStatus.INACTIVE) == 2
    assert services.people.count(PeopleQuery(status=EmployeeStatus.ACTIVE)) == 1
    assert services.people.count(PeopleQuery(status=EmployeeStatus.INACTIVE)) == 2
    assert services.people.count(PeopleQuery()) == 3


def test_filters_by_department_and_role_and_sorting_by_department(services):
    sales = services.organisation.add_department("Sales")
    it = services.organisation.add_department("IT")
    rep = services.organisation.add_role("Sales Representative", Track.FRONTLINE)
    services.people.add(PersonInput(first_name="Cara", department_id=sales, role_id=rep))
    services.people.add(PersonInput(first_name="Abe", department_id=it))
    services.people.add(PersonInput(first_name="Ben", department_id=sales))
    assert services.people.count(PeopleQuery(department_id=sales)) == 2
    assert services.people.count(PeopleQuery(role_id=rep)) == 1
    by_department = services.people.page(PeopleQuery(sort=PeopleSort.DEPARTMENT), 0, 10)
    assert [row.department for row in by_department] == ["IT", "Sales", "Sales"]
    by_name_desc = services.people.page(PeopleQuery(descending=True), 0, 10)
    assert [row.display_name for row in by_name_desc] == ["Cara", "Ben", "Abe"]
    assert by_department[1].track in (None, Track.FRONTLINE)


def test_pages_cover_every_person_exactly_once(services):
    for i in range(25):
        services.people.add(
            PersonInput(first_name="Same", last_name="Name", employee_number=str(i))
        )
    seen = []
    for offset in range(0, 25, 10):
        seen += [row.id for row in services.people.page(PeopleQuery(), offset, 10)]
    assert len(seen) == len(set(seen)) == 25


def test_adding_a_person_announces_a_people_change(services):
    heard = []
    services.changes.subscribe(heard.append)
    new_id = services.people.add(PersonInput(first_name="Dee"))
    assert heard and new_id in heard[-1].ids


def test_ordered_ids_and_rows_give_the_same_table_as_pages(services):
    sales = services.organisation.add_department("Sales")
    for i, name in enumerate(["Cara", "abe", "Ben", "Dan", "Éva"]):
        services.people.add(
            PersonInput(
                first_name=name, employee_number=str(i), department_id=sales if i % 2 else None
            )
        )
    for query in (
        PeopleQuery(),
        PeopleQuery(sort=PeopleSort.DEPARTMENT),
        PeopleQuery(sort=PeopleSort.NAME, descending=True),
        PeopleQuery(search="e"),
    ):
        ids = services.people.ordered_ids(query)
        assert len(ids) == services.people.count(query)
        assert services.people.rows(ids) == services.people.page(query, 0, 100)
    assert [
        r.display_name for r in services.people.rows(services.people.ordered_ids(PeopleQuery()))
    ] == ["abe", "Ben", "Cara", "Dan", "Éva"]


def test_a_new_location_is_added_with_the_person_and_not_when_the_save_is_refused(services):
    services.people.add(PersonInput(first_name="Ann", employee_number="1"))
    with pytest.raises(ValidationError):
        services.people.add(PersonInput(first_name="Bob", employee_number="1", new_location="Oslo"))
    assert services.organisation.locations() == []
    new_id = services.people.add(PersonInput(first_name="Bob", new_location=" Oslo "))
    assert [loc.name for loc in services.organisation.locations()] == ["Oslo"]
    assert services.people.get(new_id).location_id == services.organisation.locations()[0].id
