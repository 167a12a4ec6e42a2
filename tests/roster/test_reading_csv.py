"""Reading delimited text files written for each test: encodings, delimiters, line numbers."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app.errors import Cancelled
from app.progress import CancelToken
from app.roster.model import RosterFileError
from app.roster.reading import default_sheet, list_sheets, read_table

from .conftest import write_csv


def test_semicolon_file_with_decimal_commas_is_split_on_semicolons(tmp_path: Path) -> None:
    table = read_table(write_csv(tmp_path, "Name;Score;City\nAnn;1,7;Paris\nBob;2,5;Lyon\n"))
    assert table.headers == ["Name", "Score", "City"]
    assert table.rows[0].cells == ["Ann", "1,7", "Paris"]
    assert any("semicolon" in note for note in table.notes)


def test_tab_separated_tsv_file_is_read(tmp_path: Path) -> None:
    table = read_table(write_csv(tmp_path, "Name\tDept\nAnn\tSales\n", "roster.tsv"))
    assert table.rows[0].cells == ["Ann", "Sales"]


def test_utf16_without_bom_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    path.write_bytes("Name,Dept\nZoë,R&D\n".encode("utf-16-le"))
    assert read_table(path).rows[0].cells == ["Zoë", "R&D"]


def test_windows_1252_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "ansi.csv"
    path.write_bytes("Name,Note\nRenée,it’s ok\n".encode("cp1252"))
    table = read_table(path)
    assert table.rows[0].cells == ["Renée", "it’s ok"]
    assert any("Windows-1252" in note for note in table.notes)


def test_quoted_newline_keeps_the_value_and_later_rows_get_their_real_line_number(
    tmp_path: Path,
) -> None:
    table = read_table(write_csv(tmp_path, 'Name,Note\nAnn,"two\nlines"\nBob,x\n'))
    assert [(r.number, r.cells) for r in table.rows] == [
        (2, ["Ann", "two\nlines"]),
        (4, ["Bob", "x"]),
    ]


def test_title_line_above_the_header_is_skipped(tmp_path: Path) -> None:
    text = "Staff list\n\nEmployee ID,Name,Department\nE1,Ann,Sales\n"
    table = read_table(write_csv(tmp_path, text))
    assert table.header_row == 3
    assert table.headers == ["Employee ID", "Name", "Department"]


def test_extra_non_empty_field_is_a_warning_naming_the_line(tmp_path: Path) -> None:
    table = read_table(write_csv(tmp_path, "Name,Dept\nAnn,Sales\nLee, Bob,HR\nCy,IT,\n"))
    (problem,) = table.problems
    assert problem.row == 3 and problem.severity == "warning"
    assert "Line 3 has 3 values" in problem.message
    assert table.rows[1].cells == ["Lee", "Bob"]  # kept in place, never shifted


def test_repeated_and_blank_headers_get_distinct_names(tmp_path: Path) -> None:
    table = read_table(write_csv(tmp_path, "Name,,Name,x\nAnn,1,2,3\n"))
    assert table.headers == ["Name", "Column 2", "Name (2)", "x"]


def test_csv_is_one_pseudo_sheet_and_has_no_default_sheet(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "Name\nAnn\n")
    (choice,) = list_sheets(path)
    assert choice.visible and choice.looks_like_roster
    assert default_sheet(path) is None


def test_header_without_data_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RosterFileError, match="no data below it"):
        read_table(write_csv(tmp_path, "Name,Department\n\n"))


def test_binary_file_named_csv_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.csv"
    path.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(RosterFileError, match="binary data"):
        read_table(path)


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("roster.pdf", ".xlsx"),
        ("roster.xls", "Excel 97-2003"),
        ("roster.ods", "OpenDocument"),
        ("roster", "no extension"),
    ],
)
def test_unsupported_file_types_are_refused_saying_what_to_do(
    tmp_path: Path, name: str, words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(b"whatever")
    with pytest.raises(RosterFileError, match=words):
        read_table(path)


def test_text_named_xlsx_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    path.write_text("Name\nAnn\n")
    with pytest.raises(RosterFileError, match="not an Excel workbook"):
        read_table(path)


def test_damaged_zip_named_xlsx_is_reported_as_damaged(tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(RosterFileError, match="damaged"):
        read_table(path)


def test_zip_that_is_not_a_workbook_is_reported_as_damaged(tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(RosterFileError, match="damaged"):
        read_table(path)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RosterFileError, match="doesn't exist"):
        read_table(tmp_path / "gone.csv")


def test_progress_is_reported_and_cancel_stops_reading(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "Name\n" + "".join(f"P{i}\n" for i in range(3000)))
    seen: list[tuple[int, int]] = []
    read_table(path, progress=lambda done, total: seen.append((done, total)))
    assert len(seen) >= 5 and seen[-1][0] == seen[-1][1]
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        read_table(path, cancel=token)
