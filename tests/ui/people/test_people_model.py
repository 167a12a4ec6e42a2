"""The paged People model: Qt's model rules, blocks fetched on demand, sorting."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services.people import PeopleQuery, PeopleSort, PersonInput
from db.models import EmployeeStatus
from ui.people import people_model
from ui.people.people_model import PeopleTableModel

pytestmark = pytest.mark.database


def fill(services, count: int) -> None:
    department = services.organisation.add_department("Operations")
    for n in range(count):
        services.people.add(
            PersonInput(
                first_name=f"Name{n:04}",
                last_name="Person",
                employee_number=f"{n:05}",
                department_id=department,
                status=EmployeeStatus.INACTIVE if n % 10 == 0 else EmployeeStatus.ACTIVE,
            )
        )


def test_people_model_passes_qtmodeltester(qtmodeltester, services):
    fill(services, 25)
    model = PeopleTableModel(services.people)
    qtmodeltester.check(model)
    model.set_query(PeopleQuery(status=None, sort=PeopleSort.EMPLOYEE_NUMBER, descending=True))
    qtmodeltester.check(model)
    model.sort(PeopleTableModel.NAME, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)


def test_rows_are_fetched_in_blocks_as_they_are_shown(services, monkeypatch):
    fill(services, 45)
    monkeypatch.setattr(people_model, "BLOCK_SIZE", 10)
    asked: list[list[int]] = []
    original = services.people.rows

    def counting_rows(ids):
        asked.append(list(ids))
        return original(ids)

    monkeypatch.setattr(services.people, "rows", counting_rows)
    model = PeopleTableModel(services.people)
    model.set_query(PeopleQuery(status=None))
    assert model.rowCount() == 45
    assert asked == []
    assert model.index(0, 0).data() == "Name0000 Person"
    assert model.index(44, 1).data() == "00044"
    assert model.index(5, 0).data() == "Name0005 Person"
    assert [len(block) for block in asked] == [10, 5]


def test_inactive_people_are_greyed_and_sorting_reverses(services):
    fill(services, 12)
    model = PeopleTableModel(services.people)
    model.set_query(PeopleQuery(status=None))
    assert model.index(0, PeopleTableModel.STATUS).data() == "Inactive"
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    model.sort(PeopleTableModel.EMPLOYEE_NUMBER, Qt.SortOrder.DescendingOrder)
    assert model.index(0, PeopleTableModel.EMPLOYEE_NUMBER).data() == "00011"
