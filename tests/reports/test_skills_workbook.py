"""The skills survey sheets of the leadership workbook: a heatmap Excel colours itself, no
department under the anonymity threshold, names only when asked for, and files that
openpyxl and LibreOffice open."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from app.privacy import other_label
from app.reports.skills_workbook import write_skills_workbook
from tests.reports.skills_survey_data import (
    DEPARTMENTS,
    SMALL_DEPARTMENT,
    build_skills_survey,
    build_tiny_survey,
)

pytestmark = pytest.mark.database

soffice = shutil.which("soffice") or shutil.which("libreoffice")
SKILLS_SHEETS = ("Skills gaps", "Readiness")
STRUCTURE_SHEETS = {"Departments", "Roles"}
"""Headcounts of the organisation's structure, shown in full by design (DESIGN §5)."""


@pytest.fixture
def survey(services):
    return build_skills_survey(services)


def cells_of(book: openpyxl.Workbook, sheets: tuple[str, ...] | None = None) -> dict[str, str]:
    """Every cell's text, keyed by sheet name (all sheets, or the ones named)."""
    found: dict[str, list[str]] = {}
    for ws in book.worksheets:
        if sheets is not None and ws.title not in sheets:
            continue
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    found.setdefault(ws.title, []).append(str(cell.value))
    return {title: "\n".join(values) for title, values in found.items()}


def sheets_mentioning(book: openpyxl.Workbook, text: str) -> set[str]:
    return {title for title, cells in cells_of(book).items() if text in cells}


def test_the_skills_gaps_sheet_is_a_heatmap_with_a_colour_scale_over_the_table(
    services, survey, tmp_path
):
    report = services.skills_results.report(survey.follow_up)
    out = tmp_path / "skills.xlsx"
    write_skills_workbook(report, out)

    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Summary", "Skills gaps", "Readiness"]
    ws = book["Skills gaps"]
    groups = report.heatmap.groups
    skills = report.heatmap.skills
    header = [c.value for c in ws[1]][: len(skills) + 1]
    assert header == ["Department", *(name for _key, name in skills)]
    table = next(t for t in ws.tables.values() if t.ref.startswith("A1:"))
    assert table.ref == f"A1:K{len(groups) + 1}"
    scales = [
        (str(cf.sqref), rule)
        for cf in ws.conditional_formatting
        for rule in cf.rules
        if rule.type == "colorScale"
    ]
    assert [where for where, _rule in scales] == [f"B2:K{len(groups) + 1}"]
    stops = [float(point.val) for point in scales[0][1].colorScale.cfvo]
    assert stops == [0.0, 2.0, 4.0]  # no gap … four levels below the target

    for row, group in enumerate(groups, 2):
        assert ws.cell(row, 1).value == group
        for column, (key, _name) in enumerate(skills, 2):
            cell = report.heatmap.cell(group, key)
            value = ws.cell(row, column).value
            if cell is None or (cell.mean_gap is None and not cell.suppressed):
                assert value is None
            elif cell.suppressed:
                assert value == "–"
            else:
                assert value == pytest.approx(cell.mean_gap)
    withheld = report.heatmap.cell("Engineering", "model_development")
    assert withheld is not None and withheld.suppressed
    text = cells_of(book, ("Skills gaps",))["Skills gaps"]
    assert "fewer than 5 people" in text
    assert "People rated, per department and skill" in text
    summary = {r[0].value: r[1].value for r in book["Summary"].iter_rows() if r[0].value}
    assert summary["People asked in the skills survey"] == 20
    assert summary["Skills survey"] == "Autumn check"


def test_without_names_no_small_department_and_no_person_appears_in_any_cell(
    services, survey, tmp_path
):
    for survey_id in (survey.baseline, survey.follow_up):
        out = tmp_path / f"skills-{survey_id}.xlsx"
        write_skills_workbook(services.skills_results.report(survey_id), out)
        book = openpyxl.load_workbook(out)
        assert "Skills by person" not in book.sheetnames
        assert sheets_mentioning(book, SMALL_DEPARTMENT) == set()
        assert sheets_mentioning(book, "Operations") == set()  # folded into Other with Legal
        assert sheets_mentioning(book, other_label(5)) == {"Skills gaps", "Readiness"}
        for name in survey.names:
            assert sheets_mentioning(book, name) == set(), name


def test_with_names_the_skills_by_person_sheet_lists_everyone_asked(services, survey, tmp_path):
    report = services.skills_results.report(survey.follow_up)
    people = services.skills_results.person_rows(survey.follow_up)
    out = tmp_path / "named.xlsx"
    write_skills_workbook(report, out, people=people)

    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Summary", "Skills gaps", "Skills by person", "Readiness"]
    ws = book["Skills by person"]
    header = [c.value for c in ws[1]]
    assert header[:4] == ["Name", "Department", "Role", "Learning track"]
    assert "AI literacy: self" in header and "AI literacy: gap" in header
    listed = [row[0].value for row in ws.iter_rows(min_row=2) if row[0].value]
    assert sorted(listed) == sorted(survey.names)
    legal = [row for row in ws.iter_rows(min_row=2, values_only=True) if row[1] == "Legal"]
    assert {row[0] for row in legal} == set(DEPARTMENTS[SMALL_DEPARTMENT])
    first = people[0]
    row = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == first.display_name)
    line = first.skills[0]
    at = header.index(f"{line.name}: self")
    assert list(row[at : at + 5]) == [
        line.self_level,
        line.manager_level,
        line.agreed,
        line.target,
        line.gap,
    ]
    summary = "\n".join(str(r[0].value) for r in book["Summary"].iter_rows() if r[0].value)
    assert "names people" in summary
    # The group sheets stay protected even in the named workbook.
    assert sheets_mentioning(book, SMALL_DEPARTMENT) == {"Skills by person"}


def test_the_leadership_workbook_adds_the_skills_sheets_of_the_latest_rated_survey(
    services, survey, tmp_path
):
    out = services.reports.write_workbook(tmp_path / "leadership.xlsx")
    book = openpyxl.load_workbook(out)
    for title in SKILLS_SHEETS:
        assert title in book.sheetnames
    assert "Skills by person" not in book.sheetnames
    summary = {r[0].value: r[1].value for r in book["Summary"].iter_rows() if r[0].value}
    assert summary["Skills survey"] == "Autumn check"
    assert sheets_mentioning(book, SMALL_DEPARTMENT) <= STRUCTURE_SHEETS
    for name in survey.names:
        assert sheets_mentioning(book, name) == set(), name

    named = services.reports.write_workbook(tmp_path / "named.xlsx", names=True)
    named_book = openpyxl.load_workbook(named)
    assert "Skills by person" in named_book.sheetnames
    assert sheets_mentioning(named_book, "Łukasz Nowak") == {"Skills by person"}


def test_the_leadership_workbook_has_no_skills_sheets_before_anyone_is_rated(services, tmp_path):
    out = services.reports.write_workbook(tmp_path / "empty.xlsx", names=True)
    book = openpyxl.load_workbook(out)
    assert not set(book.sheetnames) & {"Skills gaps", "Readiness", "Skills by person"}


def test_a_survey_under_the_threshold_everywhere_writes_withheld_figures(services, tmp_path):
    survey = build_tiny_survey(services)
    out = tmp_path / "tiny.xlsx"
    write_skills_workbook(services.skills_results.report(survey), out)
    book = openpyxl.load_workbook(out)
    gaps = book["Skills gaps"]
    assert gaps.cell(2, 1).value == other_label(5)
    assert {gaps.cell(2, c).value for c in range(2, 12)} == {"–"}
    readiness = cells_of(book, ("Readiness",))["Readiness"]
    assert "fewer than 5 people were asked in all" in readiness
    assert sheets_mentioning(book, "Front desk") == set()


@pytest.mark.skipif(soffice is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_the_skills_workbook(services, survey, tmp_path):
    report = services.skills_results.report(survey.follow_up)
    people = services.skills_results.person_rows(survey.follow_up)
    out = tmp_path / "skills.xlsx"
    write_skills_workbook(report, out, people=people)
    assert soffice is not None
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    converted = Path(tmp_path / "skills.pdf")
    assert converted.read_bytes().startswith(b"%PDF")
