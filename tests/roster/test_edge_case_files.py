"""Every file in the shared edge-case folders either reads and checks, or is refused with a
clear RosterFileError, within seconds; plus the specific behaviour each trap calls for."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

import pytest

from app.roster.checking import check_rows
from app.roster.mapping import guess_mapping
from app.roster.model import RosterFileError, RosterPlan, RosterTable
from app.roster.reading import default_sheet, list_sheets, read_table

from .conftest import data_file, data_folder

EDGE_FILES = data_folder("csv-import-edge-cases") + data_folder("xlsx-import-edge-cases")


@pytest.mark.skipif(not EDGE_FILES, reason="../shared/data edge-case folders are absent")
@pytest.mark.parametrize("path", EDGE_FILES, ids=lambda p: p.name)
def test_every_edge_case_file_reads_and_checks_or_is_refused_clearly_within_10_seconds(
    path: Path,
) -> None:
    started = time.perf_counter()
    try:
        sheets = list_sheets(path)
        assert sheets
        default_sheet(path)
        table = read_table(path)
    except RosterFileError as exc:
        assert exc.message.strip()
        assert "Traceback" not in exc.message
    else:
        assert isinstance(table, RosterTable)
        assert table.headers
        assert all(len(row.cells) == len(table.headers) for row in table.rows)
        plan = check_rows(table, guess_mapping(table.headers))
        assert isinstance(plan, RosterPlan)
    assert time.perf_counter() - started < 10


def _csv(name: str) -> Path:
    return data_file("csv-import-edge-cases", name)


def _xlsx(name: str) -> Path:
    return data_file("xlsx-import-edge-cases", name)


def _refusal(path: Path) -> str:
    with pytest.raises(RosterFileError) as caught:
        read_table(path)
    return caught.value.message


# ---------------------------------------------------------------- CSV traps


def test_utf8_bom_is_not_part_of_the_first_header() -> None:
    table = read_table(_csv("csvkit__test_utf8_bom.csv"))
    assert table.headers == ["foo", "bar", "baz"]
    assert table.rows[-1].cells[-1] == "ʤ"


def test_utf16_unicode_text_export_is_decoded() -> None:
    table = read_table(_csv("csvkit__test_utf16_little.csv"))
    assert table.headers == ["a", "b", "c"]
    assert table.rows[-1].cells == ["4", "5", "ʤ"]
    assert any("UTF-16" in note for note in table.notes)


def test_latin1_file_is_decoded_without_utf8() -> None:
    table = read_table(_csv("csvkit__test_latin1.csv"))
    assert table.rows[-1].cells == ["4", "5", "©"]
    assert any("not UTF-8" in note for note in table.notes)


def test_blank_lines_before_the_header_are_skipped_and_header_is_on_line_4() -> None:
    table = read_table(_csv("csvkit__test_skip_lines.csv"))
    assert table.header_row == 4
    assert table.headers == ["a", "b", "c"]
    assert [(r.number, r.cells) for r in table.rows] == [(5, ["1", "2", "3"])]
    assert any("line 4" in note for note in table.notes)


def test_cr_only_line_endings_give_3_columns_and_2_rows_with_the_quoted_cr_kept() -> None:
    table = read_table(_csv("csvkit__mac_newlines.csv"))
    assert table.headers == ["a", "b", "c"]
    assert len(table.rows) == 2
    assert table.rows[1].cells == ["Once upon\ra time", "5", "6"]


def test_ragged_lines_are_reported_by_line_number_and_columns_are_not_shifted() -> None:
    table = read_table(_csv("csvkit__bad.csv"))
    by_line = {p.row: p for p in table.problems}
    assert set(by_line) == {2, 3}
    assert "Line 2 has 4 values" in by_line[2].message
    assert by_line[2].value is not None and "too long" in by_line[2].value
    assert "Line 3 has only 2 values" in by_line[3].message
    assert table.rows[0].cells == ["1", "27", None]  # not shifted
    plan = check_rows(table, guess_mapping(table.headers))
    assert {w.row for w in plan.warnings} >= {2, 3}


def test_file_with_a_single_newline_is_refused_as_having_no_data() -> None:
    assert "no data" in _refusal(_csv("csvkit__empty.csv"))


def test_nul_byte_is_stripped_with_a_note() -> None:
    table = read_table(_csv("csvkit__null_byte.csv"))
    assert table.rows[0].cells == [None, "2", "3"]
    assert any("NUL" in note for note in table.notes)


def test_control_characters_in_a_header_are_cleaned() -> None:
    table = read_table(_csv("csvkit__test_header_newline.csv"))
    assert table.headers == ["start end", "b", "c"]


def test_leading_zeros_and_european_numbers_stay_text() -> None:
    assert read_table(_csv("csvkit__test_no_leading_zeroes.csv")).rows[0].cells == [
        "01",
        "00.11",
        "0.1",
    ]
    assert read_table(_csv("csvkit__test_locale.csv")).rows[0].cells == [
        "1,7",
        "200.000.000",
        None,
    ]


# ---------------------------------------------------------------- xlsx traps


def test_1904_date_system_gives_2021_01_01() -> None:
    table = read_table(_xlsx("calamine__date_1904.xlsx"))
    assert table.date_1904
    assert table.rows[0].cells[0] == datetime(2021, 1, 1)
    assert table.rows[1].cells[0] == datetime(2021, 1, 2)
    assert any("1904" in note for note in table.notes)


def test_password_protected_workbook_gets_the_password_message() -> None:
    message = _refusal(_xlsx("calamine__pass_protected.xlsx"))
    assert message.startswith("This workbook is password-protected.")
    assert "File > Info > Protect Workbook" in message


def test_corrupt_zip_is_reported_as_damaged() -> None:
    assert "damaged" in _refusal(_xlsx("calamine__issue252.xlsx"))


def test_zero_byte_xlsx_is_reported_as_empty() -> None:
    assert "The file is empty" in _refusal(_xlsx("python-calamine__empty_file.xlsx"))


def test_workbook_whose_only_sheet_is_empty_says_no_data() -> None:
    path = _xlsx("calamine__empty_sheet.xlsx")
    assert "no data" in _refusal(path)
    assert default_sheet(path) is None
    with pytest.raises(RosterFileError, match="no data"):
        read_table(path, "Sheet1")


def test_strict_open_xml_is_refused_with_a_resave_instruction() -> None:
    message = _refusal(_xlsx("calamine__strict_iso_paths.xlsx"))
    assert "Strict Open XML" in message
    assert "Excel Workbook (*.xlsx)" in message


def test_empty_first_sheet_is_not_picked_the_data_sheet_is() -> None:
    path = _xlsx("csvkit__sheets.xlsx")
    assert default_sheet(path) == "data"
    choices = {c.name: c for c in list_sheets(path)}
    assert choices["not this one"].note == "empty"
    assert set(choices) == {"not this one", "data", "ʤ"}
    table = read_table(path)
    assert table.sheet == "data"
    assert table.headers[:2] == ["text", "date"]


def test_resource_bomb_sheet_reads_its_two_real_rows_in_seconds() -> None:
    path = _xlsx("calamine__issue_174.xlsx")
    started = time.perf_counter()
    table = read_table(path)
    elapsed = time.perf_counter() - started
    assert elapsed < 5
    assert table.headers[:2] == ["Your Ref #", "Contact Name"]
    assert len(table.headers) == 11
    assert [r.number for r in table.rows] == [2]
    assert table.rows[0].cells[1] == "Test Contact Name"


def test_title_block_is_skipped_and_header_found_on_row_10() -> None:
    table = read_table(_xlsx("calamine__issue_261.xlsx"))
    assert table.header_row == 10
    assert table.rows[0].number == 11
    assert any("row 10" in note for note in table.notes)


def test_numbers_and_dates_stored_as_text_stay_text() -> None:
    table = read_table(_xlsx("openpyxl__guess_types.xlsx"))
    first, second = table.rows[0].cells, table.rows[1].cells
    assert first[0] == "3.14" and first[1] == 3.14
    assert first[2] == "3/14/15"
    assert second[3] == "3E5"


def test_hidden_rows_are_skipped_and_the_notes_say_which() -> None:
    table = read_table(_xlsx("openpyxl__bug275.xlsx"))
    assert [r.number for r in table.rows] == [2, 4]
    assert any("3 hidden rows were skipped (rows 3, 5, 6)" in note for note in table.notes)


def test_hidden_very_hidden_and_chart_sheets_are_listed_but_not_offered() -> None:
    path = _xlsx("calamine__any_sheets.xlsx")
    choices = {c.name: c for c in list_sheets(path)}
    assert choices["Visible"].visible
    assert not choices["Hidden"].visible and "hidden" in choices["Hidden"].note
    assert not choices["VeryHidden"].visible
    assert "chart" in choices["Chart"].note and not choices["Chart"].looks_like_roster
    assert default_sheet(path) == "Visible"
    with pytest.raises(RosterFileError, match="chart"):
        read_table(path, "Chart")


def test_excel_error_values_become_empty_with_a_warning(tmp_path: Path) -> None:
    # calamine__errors.xlsx holds nothing but error values; its sheets count as empty.
    assert default_sheet(_xlsx("calamine__errors.xlsx")) is None
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Employee ID", "Name", "Department"])
    sheet.append(["E1", "Ann Lee", "#N/A"])
    path = tmp_path / "errors.xlsx"
    workbook.save(path)
    table = read_table(path)
    assert table.rows[0].cells == ["E1", "Ann Lee", None]
    (problem,) = table.problems
    assert problem.row == 2 and problem.column == "Department" and problem.value == "#N/A"


def test_1024_empty_sheets_are_listed_quickly_and_refused_clearly() -> None:
    path = _xlsx("openpyxl__bigfoot.xlsx")
    started = time.perf_counter()
    choices = list_sheets(path)
    assert len(choices) == 1024
    assert default_sheet(path) is None
    assert "1024 sheets" in _refusal(path)
    assert time.perf_counter() - started < 10


def test_header_on_row_4_with_formula_booleans_in_the_1904_system() -> None:
    table = read_table(_xlsx("csvkit__test_skip_lines.xlsx"))
    assert table.header_row == 4
    assert table.rows[0].cells[:4] == ["Chicago Reader", datetime(1971, 1, 1), 40, True]
    assert any(p.row == 6 and "column H" in p.message for p in table.problems)


def test_rich_text_runs_are_joined_into_plain_text() -> None:
    table = read_table(_xlsx("calamine__richtext-after-plain.xlsx"))
    assert table.headers[0] == "abcd"
    assert table.rows[0].cells[0] == "tvalrval1rval2"


def test_leading_and_trailing_whitespace_is_trimmed() -> None:
    table = read_table(_xlsx("calamine__whitespace_trim.xlsx"))
    assert table.headers[:2] == ["trimmed value", "value with tabs"]
    assert table.rows[0].cells[0] == "line1\nline2"
