"""A checked roster goes into the data file in one transaction: all of it, or nothing."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import func, select

from app.errors import Cancelled
from app.progress import CancelToken
from app.roster import applying
from app.roster.applying import OnExisting
from app.services.people import PeopleQuery
from db.models import Employee
from tests.conftest import shared_file

pytestmark = pytest.mark.database


def test_the_ibm_roster_gives_1470_people_in_3_departments_and_9_roles(services):
    path = shared_file("ibm-hr-attrition", "WA_Fn-UseC_-HR-Employee-Attrition.csv")
    _plan, summary = services.roster.import_file(path)
    assert summary is not None
    assert summary.imported == 1470
    assert services.people.count(PeopleQuery()) == 1470
    departments = {d.name: d.active_people for d in services.organisation.departments()}
    assert departments == {"Research & Development": 961, "Sales": 446, "Human Resources": 63}
    roles = {r.name: r.active_people for r in services.organisation.roles()}
    assert len(roles) == 9
    assert roles["Sales Executive"] == 326
    one = services.people.page(PeopleQuery(search="1042"), 0, 5)
    assert [row.display_name for row in one] == ["Employee 1042"]


def test_importing_the_same_file_again_updates_instead_of_duplicating(services):
    path = shared_file("ibm-hr-attrition", "WA_Fn-UseC_-HR-Employee-Attrition.csv")
    services.roster.import_file(path)
    _, again = services.roster.import_file(path, on_existing=OnExisting.UPDATE)
    assert again is not None and (again.imported, again.updated) == (0, 1470)
    _, skipped = services.roster.import_file(path, on_existing=OnExisting.SKIP)
    assert skipped is not None and (skipped.imported, skipped.skipped) == (0, 1470)
    assert services.people.count(PeopleQuery()) == 1470


def test_the_oracle_roster_keeps_its_manager_tree(services):
    path = shared_file("oracle-hr-sample-schema", "employees_flat_joined.csv")
    _plan, summary = services.roster.import_file(path)
    assert summary is not None and summary.imported == 107
    with services.database.reading() as session:
        king = session.execute(
            select(Employee).where(Employee.employee_number == "100")
        ).scalar_one()
        assert king.manager_id is None
        reports = Counter(
            session.execute(select(Employee.manager_id).where(Employee.manager_id.is_not(None)))
            .scalars()
            .all()
        )
        assert reports[king.id] == 14
        assert len(reports) == 18
        grant = session.execute(
            select(Employee).where(Employee.employee_number == "178")
        ).scalar_one()
        assert grant.department is not None and grant.department.name == "Unassigned"
    assert any(w.row is not None for w in summary.warnings)


def test_a_dry_run_writes_nothing(services):
    path = shared_file("oracle-hr-sample-schema", "employees_flat_joined.csv")
    _, summary = services.roster.import_file(path, dry_run=True)
    assert summary is not None and summary.imported == 107 and summary.dry_run
    assert services.people.count(PeopleQuery()) == 0
    assert services.organisation.departments() == []


def test_cancelling_an_import_leaves_the_file_as_it_was(services):
    path = shared_file("ibm-hr-attrition", "WA_Fn-UseC_-HR-Employee-Attrition.csv")
    table = services.roster.read(path)
    mapping = services.roster.guess_mapping(table)
    plan = services.roster.check(table, mapping)
    token = CancelToken()

    def cancel_after_first_chunk(done: int, total: int) -> None:
        token.cancel()

    with pytest.raises(Cancelled):
        services.roster.apply(
            plan, mapping, source=path.name, progress=cancel_after_first_chunk, cancel=token
        )
    with services.database.reading() as session:
        assert session.execute(select(func.count()).select_from(Employee)).scalar_one() == 0
    assert services.organisation.departments() == []


def test_a_file_with_errors_is_rejected_and_nothing_is_written(services, tmp_path):
    path = tmp_path / "dupes.csv"
    path.write_text("Employee ID,Name,Department\n7,Ann,Sales\n7,Bob,Sales\n", encoding="utf-8")
    plan, summary = services.roster.import_file(path)
    assert summary is None
    assert plan.errors and {2, 3} <= {p.row for p in plan.errors} | _rows_in(plan.errors)
    assert services.people.count(PeopleQuery()) == 0


def _rows_in(problems) -> set[int]:
    import re

    rows: set[int] = set()
    for problem in problems:
        rows |= {int(n) for n in re.findall(r"\d+", problem.message)}
    return rows


@pytest.mark.parametrize("chunk", [1, 2, 1000])
def test_managers_listed_after_their_reports_are_still_linked(
    services, tmp_path, monkeypatch, chunk
):
    """With small chunks, later people get their manager's key as they are inserted."""
    monkeypatch.setattr(applying, "CHUNK", chunk)
    path = tmp_path / "upside-down.csv"
    path.write_text(
        "Employee ID,Name,Manager ID,Department\n"
        "3,Cleo Worker,2,Sales\n"
        "4,Dev Worker,2,Sales\n"
        "5,Eve Solo,,Sales\n"
        "2,Bea Lead,1,Sales\n"
        "1,Ada Boss,,Sales\n",
        encoding="utf-8",
    )
    _, summary = services.roster.import_file(path)
    assert summary is not None and summary.managers_linked == 3
    with services.database.reading() as session:
        manager_of = {
            number: manager
            for number, manager in session.execute(
                select(Employee.employee_number, Employee.manager_id)
            )
        }
        ids = dict(session.execute(select(Employee.employee_number, Employee.id)).all())
    assert manager_of == {"1": None, "2": ids["1"], "3": ids["2"], "4": ids["2"], "5": None}


def test_a_loop_in_the_manager_column_does_not_hang_the_import(services, tmp_path):
    path = tmp_path / "loop.csv"
    path.write_text(
        "Employee ID,Name,Manager ID\n1,Ann,2\n2,Bob,3\n3,Cat,1\n4,Dan,1\n",
        encoding="utf-8",
    )
    _, summary = services.roster.import_file(path)
    assert summary is not None and summary.imported == 4
    with services.database.reading() as session:
        linked = session.execute(
            select(func.count()).where(Employee.manager_id.is_not(None))
        ).scalar_one()
    assert linked >= 1
