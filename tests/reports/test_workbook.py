"""The leadership workbook: summary first, real Excel tables and charts, no formula injection."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import date

import openpyxl
import pytest

from app.overview_figures import HeadcountRow, RoleHeadcountRow
from app.reports.leadership_workbook import write_leadership_workbook
from app.reports.workbook import (
    Column,
    WorkbookCover,
    WorkbookWriter,
    safe_sheet_title,
    safe_table_name,
    unique_headers,
)

INJECTIONS = (
    '=HYPERLINK("http://evil.example","Click")',
    "+1",
    "-2",
    "@SUM(A1)",
    "=1+1",
    "\t=cmd",
)


def test_summary_is_first_and_every_data_sheet_is_a_filtered_table_with_frozen_header(
    tmp_path, overview
):
    out = tmp_path / "leadership.xlsx"
    write_leadership_workbook(overview, out)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Summary", "Departments", "Roles", "Tracks", "Locations"]
    for title in wb.sheetnames[1:]:
        ws = wb[title]
        assert ws.freeze_panes == "A2"
        (table,) = ws.tables.values()
        assert table.autoFilter is not None and table.autoFilter.ref == table.ref
        header = [c.value for c in ws[1]]
        assert [col.name for col in table.tableColumns] == header
        assert all(isinstance(h, str) for h in header)
    assert wb["Departments"].tables["tbl_Departments"].ref == "A1:B6"
    assert wb["Roles"]["B3"].value == "Engineer — Zoë's team"
    assert wb["Departments"]["B2"].number_format == "#,##0"
    summary = wb["Summary"]
    labels = {row[0].value: row[1].value for row in summary.iter_rows() if row[0].value}
    assert labels["Active people"] == 183
    assert labels["People without a role"] == 22
    assert any("Privacy" in str(label) for label in labels)


def test_native_charts_are_in_the_workbook(tmp_path, overview):
    out = tmp_path / "leadership.xlsx"
    write_leadership_workbook(overview, out)
    with __import__("zipfile").ZipFile(out) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        xml = "".join(archive.read(n).decode() for n in charts)
    assert len(charts) == 2
    assert "barChart>" in xml and "pieChart>" in xml
    assert "'Departments'!$B$2:$B$6" in xml and "'Departments'!$A$2:$A$6" in xml


def test_formula_like_text_comes_back_as_the_same_text_and_nothing_is_a_formula(tmp_path, overview):
    hostile = replace(
        overview,
        organisation_name='=HYPERLINK("http://x","y")',
        departments=[HeadcountRow(text, 7) for text in INJECTIONS],
        roles=[RoleHeadcountRow(text, text, text, 1) for text in INJECTIONS],
        locations=[HeadcountRow("bell\x07 in a name", 3)],
    )
    out = tmp_path / "hostile.xlsx"
    write_leadership_workbook(hostile, out)
    wb = openpyxl.load_workbook(out)
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula"
    departments = [c.value for c in wb["Departments"]["A"][1:]]
    assert departments == list(INJECTIONS)
    assert all(c.quotePrefix for c in wb["Departments"]["A"][1:])
    assert [c.value for c in wb["Roles"]["C"][1:]] == list(INJECTIONS)
    assert wb["Summary"]["A2"].value == '=HYPERLINK("http://x","y")'
    assert wb["Locations"]["A2"].value == "bell in a name"


def test_an_empty_organisation_gives_sheets_without_empty_tables(tmp_path, empty_overview):
    out = tmp_path / "empty.xlsx"
    write_leadership_workbook(empty_overview, out)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "Summary"
    for title in wb.sheetnames[1:]:
        assert not wb[title].tables
        assert wb[title]["A2"].value  # says what to do instead


def test_progress_is_reported_per_chunk_and_reaches_the_total(tmp_path):
    calls: list[tuple[int, int]] = []
    writer = WorkbookWriter(progress=lambda d, t: calls.append((d, t)), expected_rows=1200)
    writer.write_summary(WorkbookCover("T", "Org", date(2025, 1, 1)), [])
    writer.add_table_sheet(
        "People",
        [Column("Name"), Column("Score", "percent"), Column("Since", "date")],
        [(f"P{i}", i / 1200, date(2024, 1, 1)) for i in range(1200)],
    )
    writer.save(tmp_path / "p.xlsx")
    assert [d for d, _ in calls[:2]] == [500, 1000]
    assert calls[-1] == (1200, 1200)
    wb = openpyxl.load_workbook(tmp_path / "p.xlsx")
    assert wb["People"]["B3"].number_format == "0%"
    assert wb["People"]["C2"].number_format == "yyyy-mm-dd"
    assert 8 <= wb["People"].column_dimensions["A"].width <= 60


def test_sheet_and_table_names_and_headers_are_made_acceptable_to_excel():
    assert safe_sheet_title("Q1/Q2: [draft]*?") == "Q1-Q2- -draft---"
    assert len(safe_sheet_title("x" * 50)) == 31
    assert safe_sheet_title("Roles", ["roles"]) == "Roles (2)"
    assert safe_sheet_title("History") != "History"
    assert safe_table_name("Départements 2025") == "tbl_Departements_2025"
    assert safe_table_name("A1", ["tbl_A1"]) == "tbl_A1_2"
    assert unique_headers(["Name", "name", "", "=x"]) == ["Name", "name (2)", "Column 3", "=x"]


@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice is not installed")
@pytest.mark.slow
def test_libreoffice_opens_the_workbook(tmp_path, overview):
    out = tmp_path / "leadership.xlsx"
    write_leadership_workbook(overview, out)
    result = subprocess.run(
        [
            "libreoffice",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "csv",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert (tmp_path / "leadership.csv").exists(), result.stderr
    assert b"Active people" in (tmp_path / "leadership.csv").read_bytes()


def test_key_figures_show_the_service_counts_not_the_number_of_listed_rows(tmp_path, overview):
    """Placeholder rows for unplaced people are listed but are not departments or roles."""
    with_placeholders = replace(
        overview,
        departments=[*overview.departments, HeadcountRow("No department", 22)],
        roles=[*overview.roles, RoleHeadcountRow("No department", "No role", "—", 22)],
        locations=[*overview.locations, HeadcountRow("No location", 1)],
    )
    out = tmp_path / "w.xlsx"
    write_leadership_workbook(with_placeholders, out)
    summary = openpyxl.load_workbook(out)["Summary"]
    labels = {row[0].value: row[1].value for row in summary.iter_rows() if row[0].value}
    assert (labels["Departments"], labels["Roles"], labels["Locations"]) == (5, 6, 4)


def test_summary_sheet_and_file_properties_name_the_app_version(tmp_path, overview):
    from app import __version__

    out = tmp_path / "leadership.xlsx"
    write_leadership_workbook(overview, out)
    wb = openpyxl.load_workbook(out)
    labels = {row[0].value: row[1].value for row in wb["Summary"].iter_rows() if row[0].value}
    assert labels["Made with"] == f"Upskill Planner {__version__}"
    assert wb.properties.creator == f"Upskill Planner {__version__}"
