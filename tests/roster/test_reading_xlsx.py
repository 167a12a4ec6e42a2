"""Reading workbooks written for each test with openpyxl: title blocks, merges, hidden rows,
numbers as IDs, date serials, and a sheet padded with styled empty cells."""

from __future__ import annotations

import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from app.roster.checking import check_rows
from app.roster.mapping import guess_mapping
from app.roster.model import RosterField
from app.roster.reading import default_sheet, list_sheets, read_table

openpyxl = pytest.importorskip("openpyxl")


def _save(workbook: Any, tmp_path: Path, name: str = "roster.xlsx") -> Path:
    path = tmp_path / name
    workbook.save(path)
    return path


def _roster_sheet(sheet: Any) -> None:
    sheet["A1"] = "Acme Ltd - staff list"
    sheet.merge_cells("A1:D1")
    sheet.append([])
    sheet.append(["Employee ID", "Department", "Name", "Hire date"])  # row 3
    sheet.append([1042.0, "Sales", "Ann Lee", datetime(2020, 5, 1)])  # row 4
    sheet.append([1043.0, None, "Bob Ray", "2021-02-03"])  # row 5 (merged B4:B5)
    sheet.append([1044.0, "IT", "Cy Po", 44197])  # row 6, a date serial
    sheet.merge_cells("B4:B5")


def test_title_block_merges_down_and_integer_float_ids_in_a_workbook(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    _roster_sheet(workbook.active)
    table = read_table(_save(workbook, tmp_path))
    assert table.header_row == 3
    assert table.headers == ["Employee ID", "Department", "Name", "Hire date"]
    assert table.rows[1].cells[1] == "Sales"  # filled down from the merge B4:B5
    assert any("Merged cells" in note for note in table.notes)
    plan = check_rows(table, guess_mapping(table.headers))
    assert plan.ok and not plan.warnings
    assert [p.employee_number for p in plan.people] == ["1042", "1043", "1044"]
    assert [p.hire_date for p in plan.people] == [
        date(2020, 5, 1),
        date(2021, 2, 3),
        date(2021, 1, 1),
    ]


def test_values_merged_across_columns_stay_in_the_first_column(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["First name", "Last name"])
    sheet.append(["Ann Lee", None])
    sheet.merge_cells("A2:B2")
    table = read_table(_save(workbook, tmp_path))
    assert table.rows[0].cells == ["Ann Lee", None]


def test_hidden_sheet_is_not_the_default_but_can_be_chosen(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    hidden = workbook.active
    hidden.title = "Old"
    hidden.append(["Name"])
    hidden.append(["Ann"])
    hidden.sheet_state = "hidden"
    current = workbook.create_sheet("Current")
    current.append(["Name"])
    current.append(["Bob"])
    path = _save(workbook, tmp_path)
    assert default_sheet(path) == "Current"
    old = next(c for c in list_sheets(path) if c.name == "Old")
    assert not old.visible and old.note.startswith("hidden sheet")
    assert read_table(path, "Old").rows[0].cells == ["Ann"]


def test_sheet_that_does_not_exist_is_a_clear_error(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.append(["Name"])
    path = _save(workbook, tmp_path)
    from app.roster.model import RosterFileError

    with pytest.raises(RosterFileError, match="no sheet called 'Nope'"):
        read_table(path, "Nope")


def test_hidden_rows_are_skipped_with_a_note(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in (["Name"], ["Ann"], ["Bob"], ["Cy"]):
        sheet.append(row)
    sheet.row_dimensions[3].hidden = True
    table = read_table(_save(workbook, tmp_path))
    assert [r.cells[0] for r in table.rows] == ["Ann", "Cy"]
    assert any("1 hidden row was skipped (row 3)" in note for note in table.notes)


def test_sheet_padded_with_styled_empty_cells_reads_fast(tmp_path: Path) -> None:
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Employee ID", "Name"])
    sheet.append(["E1", "Ann"])
    bold = Font(bold=True)
    for row in (60_000, 60_001):
        for column in range(1, 16_385):
            sheet.cell(row=row, column=column).font = bold
    path = _save(workbook, tmp_path)
    started = time.perf_counter()
    table = read_table(path)
    assert time.perf_counter() - started < 5
    assert [r.cells for r in table.rows] == [["E1", "Ann"]]


def test_status_booleans_and_text_ids_from_a_workbook(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Staff number", "Name", "Active"])
    sheet.append(["00123", "Ann", True])
    sheet.append(["00124", "Bob", False])
    table = read_table(_save(workbook, tmp_path))
    plan = check_rows(table, guess_mapping(table.headers))
    assert [(p.employee_number, p.active) for p in plan.people] == [
        ("00123", True),
        ("00124", False),
    ]
    assert guess_mapping(table.headers)[RosterField.STATUS] == 2
