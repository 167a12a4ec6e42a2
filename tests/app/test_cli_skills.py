"""The skills survey from the command line, run as a user would: `report pdf --kind skills`
and `export xlsx [--names]` over a data file filled through the services."""

from __future__ import annotations

import re
import shutil
import subprocess

import openpyxl
import pytest

from tests.app.test_cli import assert_no_traceback, upskill
from tests.reports.skills_survey_data import SMALL_DEPARTMENT, build_skills_survey

pytestmark = pytest.mark.database

pdftotext = shutil.which("pdftotext")
STRUCTURE_SHEETS = {"Departments", "Roles"}
"""Headcounts of the organisation's structure, shown in full by design (DESIGN §5)."""


@pytest.fixture
def survey(services):
    return build_skills_survey(services)


def pdf_text(path) -> str:
    assert pdftotext is not None
    result = subprocess.run(
        [pdftotext, str(path), "-"], check=True, capture_output=True, text=True, timeout=60
    )
    return " ".join(result.stdout.split())


def cell_texts(book: openpyxl.Workbook) -> dict[str, str]:
    return {
        ws.title: "\n".join(
            str(value) for row in ws.iter_rows(values_only=True) for value in row if value
        )
        for ws in book.worksheets
    }


@pytest.mark.skipif(pdftotext is None, reason="poppler-utils (pdftotext) is not installed")
def test_report_pdf_kind_skills_prints_the_latest_survey_or_the_one_given(
    services, survey, database_url, tmp_path
):
    latest = tmp_path / "skills.pdf"
    result = upskill("report", "pdf", str(latest), "--kind", "skills", db=database_url)
    assert result.returncode == 0, result.stderr
    text = pdf_text(latest)
    assert "Autumn check" in text and "Skills gaps by department" in text
    assert not re.search(rf"\b{SMALL_DEPARTMENT}\b", text)
    assert not any(name in text for name in survey.names)

    baseline = tmp_path / "baseline.pdf"
    result = upskill(
        "report",
        "pdf",
        str(baseline),
        "--kind",
        "skills",
        "--survey",
        str(survey.baseline),
        "--page-size",
        "Letter",
        db=database_url,
    )
    assert result.returncode == 0, result.stderr
    text = pdf_text(baseline)
    assert "Spring check" in text and "Change since" not in text
    assert not re.search(rf"\b{SMALL_DEPARTMENT}\b", text)


def test_a_survey_number_that_does_not_exist_says_so_and_exits_1(
    services, survey, database_url, tmp_path
):
    out = tmp_path / "wrong.pdf"
    result = upskill(
        "report", "pdf", str(out), "--kind", "skills", "--survey", "999", db=database_url
    )
    assert result.returncode == 1
    assert "no skills survey number 999" in result.stderr
    assert_no_traceback(result)
    assert not out.exists()


def test_the_skills_report_without_any_survey_says_what_to_do_first(database_url, tmp_path):
    out = tmp_path / "none.pdf"
    result = upskill("report", "pdf", str(out), "--kind", "skills", db=database_url)
    assert result.returncode == 1
    assert "no skills survey" in result.stderr and "Skills area" in result.stderr
    assert_no_traceback(result)
    assert not out.exists()


def test_export_xlsx_adds_the_skills_sheets_and_names_people_only_with_names(
    services, survey, database_url, tmp_path
):
    plain = tmp_path / "book.xlsx"
    result = upskill("export", "xlsx", str(plain), db=database_url)
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(plain)
    assert {"Skills gaps", "Readiness"} <= set(book.sheetnames)
    assert "Skills by person" not in book.sheetnames
    texts = cell_texts(book)
    assert {t for t, cells in texts.items() if SMALL_DEPARTMENT in cells} <= STRUCTURE_SHEETS
    assert not any(name in cells for name in survey.names for cells in texts.values())

    named = tmp_path / "named.xlsx"
    result = upskill("export", "xlsx", str(named), "--names", db=database_url)
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(named)
    assert "Skills by person" in book.sheetnames
    listed = [row[0] for row in book["Skills by person"].iter_rows(min_row=2, values_only=True)]
    assert sorted(name for name in listed if name) == sorted(survey.names)
    texts = cell_texts(book)
    assert {t for t, cells in texts.items() if SMALL_DEPARTMENT in cells} <= (
        STRUCTURE_SHEETS | {"Skills by person"}
    )
