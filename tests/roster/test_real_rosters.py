"""The real HR files in ../shared/data import as the HR generalist would expect."""

from __future__ import annotations

import time
from collections import Counter
from datetime import date

import pytest

from app.roster.checking import check_rows
from app.roster.mapping import guess_mapping
from app.roster.model import RosterField, RosterPlan
from app.roster.reading import default_sheet, list_sheets, read_table

from .conftest import data_file

IBM = "ibm-hr-attrition"


def _plan_for(path_parts: tuple[str, str]) -> RosterPlan:
    table = read_table(data_file(*path_parts))
    return check_rows(table, guess_mapping(table.headers))


@pytest.mark.parametrize(
    "name", ["WA_Fn-UseC_-HR-Employee-Attrition.csv", "WA_Fn-UseC_-HR-Employee-Attrition.xlsx"]
)
def test_ibm_roster_gives_1470_people_with_departments_roles_and_made_up_names(name: str) -> None:
    started = time.perf_counter()
    plan = _plan_for((IBM, name))
    assert time.perf_counter() - started < 10
    assert plan.ok, plan.errors[:3]
    assert len(plan.people) == 1470
    assert Counter(p.department for p in plan.people) == {
        "Research & Development": 961,
        "Sales": 446,
        "Human Resources": 63,
    }
    assert len({p.job_title for p in plan.people}) == 9
    first = plan.people[0]
    assert first.employee_number == "1"
    assert first.display_name == "Employee 1"
    assert all(p.name_was_made_up for p in plan.people)
    assert any("made up" in note for note in plan.notes)
    assert len({p.employee_number for p in plan.people}) == 1470


def test_ibm_mapping_uses_employee_number_department_and_job_role_only() -> None:
    table = read_table(data_file(IBM, "WA_Fn-UseC_-HR-Employee-Attrition.csv"))
    mapping = guess_mapping(table.headers)
    named = {f: table.headers[i] for f, i in mapping.items()}
    assert named == {
        RosterField.EMPLOYEE_NUMBER: "EmployeeNumber",
        RosterField.DEPARTMENT: "Department",
        RosterField.JOB_TITLE: "JobRole",
    }  # not YearsWithCurrManager as manager, not MaritalStatus as status


def test_ibm_workbook_defaults_to_the_people_sheet_not_the_codebook() -> None:
    path = data_file(IBM, "WA_Fn-UseC_-HR-Employee-Attrition.xlsx")
    choices = list_sheets(path)
    assert [c.name for c in choices][1] == "Data Definitions"
    assert choices[0].looks_like_roster and not choices[1].looks_like_roster
    assert default_sheet(path) == choices[0].name


ORACLE = ("oracle-hr-sample-schema", "employees_flat_joined.csv")


def test_oracle_mapping_takes_manager_id_and_not_the_managers_names_as_the_persons() -> None:
    table = read_table(data_file(*ORACLE))
    named = {f: table.headers[i] for f, i in guess_mapping(table.headers).items()}
    assert named[RosterField.EMPLOYEE_NUMBER] == "employee_id"
    assert named[RosterField.FIRST_NAME] == "first_name"
    assert named[RosterField.LAST_NAME] == "last_name"
    assert named[RosterField.EMAIL] == "email"
    assert named[RosterField.MANAGER] == "manager_id"
    assert named[RosterField.DEPARTMENT] == "department_name"
    assert named[RosterField.JOB_TITLE] == "job_title"
    assert named[RosterField.HIRE_DATE] == "hire_date"


def test_oracle_roster_gives_107_people_whose_manager_refs_all_resolve() -> None:
    plan = _plan_for(ORACLE)
    assert plan.ok
    assert len(plan.people) == 107
    by_number = {p.employee_number: p for p in plan.people}
    king = by_number["100"]
    assert king.display_name == "Steven King" and king.manager_ref is None
    assert king.hire_date == date(2013, 6, 17)
    with_manager = [p for p in plan.people if p.manager_ref is not None]
    assert len(with_manager) == 106
    assert all(p.manager_row is not None for p in with_manager)
    assert by_number["101"].manager_ref == "100" and by_number["101"].manager_row == king.row
    assert not [w for w in plan.warnings if "manager" in w.message]


def test_oracle_person_without_department_is_a_warning_with_its_row_number() -> None:
    table = read_table(data_file(*ORACLE))
    grant_row = next(r.number for r in table.rows if r.cells[0] == "178")
    plan = check_rows(table, guess_mapping(table.headers))
    department_warnings = [w for w in plan.warnings if "department" in w.message]
    assert [w.row for w in department_warnings] == [grant_row]
    assert "Unassigned" in department_warnings[0].message
    grant = next(p for p in plan.people if p.employee_number == "178")
    assert grant.department is None


def test_oracle_emails_without_a_domain_are_warnings_and_left_empty() -> None:
    plan = _plan_for(ORACLE)
    email_warnings = [w for w in plan.warnings if w.column == "email"]
    assert len(email_warnings) == 107
    assert email_warnings[0].value == "SKING"
    assert "not a valid e-mail" in email_warnings[0].message
    assert all(p.email is None for p in plan.people)
