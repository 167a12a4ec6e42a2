"""Guessing the column mapping from header names."""

from __future__ import annotations

import pytest

from app.roster.mapping import guess_mapping
from app.roster.model import RosterField

F = RosterField


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Department", F.DEPARTMENT),
        ("Dept", F.DEPARTMENT),
        ("department_name", F.DEPARTMENT),
        ("JobRole", F.JOB_TITLE),
        ("Job Title", F.JOB_TITLE),
        ("job_title", F.JOB_TITLE),
        ("Position", F.JOB_TITLE),
        ("Role", F.JOB_TITLE),
        ("EmployeeNumber", F.EMPLOYEE_NUMBER),
        ("Employee ID", F.EMPLOYEE_NUMBER),
        ("employee_id", F.EMPLOYEE_NUMBER),
        ("Emp No", F.EMPLOYEE_NUMBER),
        ("Staff number", F.EMPLOYEE_NUMBER),
        ("E-mail", F.EMAIL),
        ("Email", F.EMAIL),
        ("Work Email", F.EMAIL),
        ("email", F.EMAIL),
        ("First Name", F.FIRST_NAME),
        ("first_name", F.FIRST_NAME),
        ("Given name", F.FIRST_NAME),
        ("Last Name", F.LAST_NAME),
        ("Surname", F.LAST_NAME),
        ("Family name", F.LAST_NAME),
        ("Name", F.FULL_NAME),
        ("Full name", F.FULL_NAME),
        ("Employee name", F.FULL_NAME),
        ("Manager", F.MANAGER),
        ("Manager ID", F.MANAGER),
        ("manager_id", F.MANAGER),
        ("Reports to", F.MANAGER),
        ("Line manager email", F.MANAGER),
        ("manager_email", F.MANAGER),
        ("Hire date", F.HIRE_DATE),
        ("hire_date", F.HIRE_DATE),
        ("Start date", F.HIRE_DATE),
        ("Date joined", F.HIRE_DATE),
        ("Status", F.STATUS),
        ("Employment status", F.STATUS),
        ("Active", F.STATUS),
        ("Location", F.LOCATION),
        ("Office", F.LOCATION),
        ("City", F.LOCATION),
        ("Site", F.LOCATION),
        ("  E - MAIL  ", F.EMAIL),
    ],
)
def test_header_is_recognised_ignoring_case_spaces_and_punctuation(
    header: str, field: RosterField
) -> None:
    assert guess_mapping(["Something else", header]) == {field: 1}


def test_manager_id_or_email_is_preferred_over_manager_name() -> None:
    headers = ["Name", "Manager name", "Manager email", "Manager ID"]
    assert guess_mapping(headers)[F.MANAGER] == 3
    assert guess_mapping(headers[:3])[F.MANAGER] == 2


def test_managers_first_and_last_name_never_map_as_the_persons_name() -> None:
    mapping = guess_mapping(["employee_id", "manager_first_name", "manager_last_name"])
    assert mapping == {F.EMPLOYEE_NUMBER: 0}


def test_each_field_is_mapped_once_to_the_best_column() -> None:
    mapping = guess_mapping(["department_id", "Department", "Dept"])
    assert mapping == {F.DEPARTMENT: 1}


def test_columns_about_the_manager_relationship_are_not_the_manager() -> None:
    assert guess_mapping(["YearsWithCurrManager", "Is manager", "MaritalStatus"]) == {}


def test_unknown_and_blank_headers_are_left_unmapped() -> None:
    assert guess_mapping(["", "Salary", "Column C"]) == {}


def test_every_field_has_a_human_label() -> None:
    assert F.JOB_TITLE.label == "Job title / role"
    assert F.EMPLOYEE_NUMBER.label == "Employee number"
    assert all(f.label for f in F)
