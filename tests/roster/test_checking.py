"""The checking rules, on small CSV files written for each test."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.errors import Cancelled
from app.progress import CancelToken
from app.roster.checking import check_rows
from app.roster.mapping import guess_mapping
from app.roster.model import RosterField, RosterPlan
from app.roster.reading import read_table

from .conftest import write_csv


def _plan(tmp_path: Path, text: str) -> RosterPlan:
    table = read_table(write_csv(tmp_path, text))
    return check_rows(table, guess_mapping(table.headers))


def test_duplicate_employee_number_is_an_error_naming_both_rows(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "Employee ID,Name\n007,Ann\n008,Bob\n007,Cy\n")
    assert not plan.ok
    (error,) = plan.errors
    assert error.row == 4 and error.severity == "error"
    assert "rows 2 and 4" in error.message and "007" in error.message


def test_duplicate_email_is_an_error_naming_both_rows_ignoring_case(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "Name,Email\nAnn,ann@x.org\nBob,bob@x.org\nAnne,ANN@x.org\n")
    (error,) = plan.errors
    assert "rows 2 and 4" in error.message


def test_row_with_no_name_number_or_email_is_an_error(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "Employee ID,Name,Department\nE1,Ann,Sales\n,,Sales\n")
    (error,) = plan.errors
    assert error.row == 3
    assert "can't be identified" in error.message
    assert len(plan.people) == 1


def test_row_whose_only_identifier_is_a_bad_email_is_an_error(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "Name,Email\nAnn,ann@x.org\n,not-an-email\n")
    (error,) = plan.errors
    assert error.row == 3 and "not-an-email" in error.message


def test_mapping_without_an_identifying_column_is_an_error(tmp_path: Path) -> None:
    table = read_table(write_csv(tmp_path, "Department,Job title\nSales,Rep\n"))
    plan = check_rows(table, guess_mapping(table.headers))
    (error,) = plan.errors
    assert error.row is None and "No column identifies a person" in error.message
    assert plan.people == []


def test_bad_date_is_a_warning_and_the_date_is_left_empty(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "Name,Hire date\nAnn,2021-13-45\nBob,31/01/2020\n")
    assert plan.ok
    (warning,) = plan.warnings
    assert warning.row == 2 and warning.value == "2021-13-45" and warning.column == "Hire date"
    assert plan.people[0].hire_date is None
    assert plan.people[1].hire_date == date(2020, 1, 31)


def test_malformed_email_is_a_warning_with_the_original_value(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "Name,E-mail\nAnn,ann at x.org\n")
    assert plan.ok
    (warning,) = plan.warnings
    assert warning.value == "ann at x.org" and plan.people[0].email is None


def test_manager_not_in_the_file_is_a_warning(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "Employee ID,Name,Manager ID\nE1,Ann,\nE2,Bob,E1\nE3,Cy,E9\n")
    assert plan.ok
    (warning,) = plan.warnings
    assert warning.row == 4 and warning.value == "E9" and "matches nobody" in warning.message
    assert plan.people[1].manager_row == 2
    assert plan.people[2].manager_ref == "E9" and plan.people[2].manager_row is None


def test_manager_can_be_given_by_email_or_full_name(tmp_path: Path) -> None:
    plan = _plan(
        tmp_path,
        "Name,Email,Reports to\nAnn Lee,ann@x.org,\nBob Ray,bob@x.org,ANN@x.org\n"
        "Cy Po,cy@x.org,bob ray\n",
    )
    assert plan.ok and not plan.warnings
    assert [p.manager_row for p in plan.people] == [None, 2, 3]


def test_missing_department_is_a_warning_saying_unassigned(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "Name,Department\nAnn,Sales\nBob,\nCy,N/A\n")
    assert [w.row for w in plan.warnings] == [3, 4]
    assert all("Unassigned" in w.message for w in plan.warnings)


def test_status_words_set_active_and_unknown_words_warn(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "Name,Status\nAnn,Active\nBob,Leaver\nCy,Terminated\nDi,\nEd,maybe\n")
    assert [p.active for p in plan.people] == [True, False, False, True, True]
    (warning,) = plan.warnings
    assert warning.row == 6 and warning.value == "maybe"


def test_names_come_from_first_and_last_or_full_name_and_are_tidied(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "First name,Surname\n  Ann ,  Lee  Smith \n")
    person = plan.people[0]
    assert (person.first_name, person.last_name) == ("Ann", "Lee Smith")
    assert person.display_name == "Ann Lee Smith" and not person.name_was_made_up


def test_employee_numbers_keep_leading_zeros(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "Employee number,Name\n00123,Ann\n")
    assert plan.people[0].employee_number == "00123"


def test_month_first_dates_are_detected_from_the_column(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "Name,Start date\nAnn,03/04/2021\nBob,12/25/2020\n")
    assert [p.hire_date for p in plan.people] == [date(2021, 3, 4), date(2020, 12, 25)]
    assert any("month first" in note for note in plan.notes)


def test_ambiguous_dates_are_read_day_first_and_the_notes_say_so(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "Name,Start date\nAnn,03/04/2021\n")
    assert plan.people[0].hire_date == date(2021, 4, 3)
    assert any("day first" in note for note in plan.notes)


def test_no_department_column_is_a_note_not_a_warning_per_row(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "Name\nAnn\nBob\n")
    assert not plan.warnings
    assert any("Unassigned" in note for note in plan.notes)


def test_ignore_in_the_mapping_is_allowed_and_a_bad_index_is_a_bug(tmp_path: Path) -> None:
    table = read_table(write_csv(tmp_path, "Name,Notes\nAnn,x\n"))
    plan = check_rows(table, {RosterField.FULL_NAME: 0, RosterField.IGNORE: 1})
    assert plan.ok and plan.people[0].display_name == "Ann"
    with pytest.raises(ValueError):
        check_rows(table, {RosterField.FULL_NAME: 5})


def test_progress_is_reported_and_cancel_stops_the_check(tmp_path: Path) -> None:
    rows = "".join(f"E{i},Person {i}\n" for i in range(1000))
    table = read_table(write_csv(tmp_path, "Employee ID,Name\n" + rows))
    seen: list[tuple[int, int]] = []
    check_rows(table, guess_mapping(table.headers), progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (1000, 1000) and len(seen) > 3
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        check_rows(table, guess_mapping(table.headers), cancel=token)
