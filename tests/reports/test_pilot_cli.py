"""The pilot report and the programme sheets from the command line, run as a user would:
`report pdf --kind pilot` with or without `--pilot ID|NAME`, one clear line on stderr when
there is no such pilot or none at all, and `export xlsx` with the Pilots and Objectives
sheets."""

from __future__ import annotations

import shutil
import subprocess

import openpyxl
import pytest

from app.pilots.records import PilotInput
from tests.app.test_cli import assert_no_traceback, upskill

from .pilot_data import PILOT_NAME, build_pilot

pytestmark = pytest.mark.database

pdftotext = shutil.which("pdftotext")
needs_poppler = pytest.mark.skipif(pdftotext is None, reason="poppler-utils is not installed")


def cover_text(path) -> str:
    assert pdftotext is not None
    result = subprocess.run(
        [pdftotext, "-l", "1", str(path), "-"], check=True, capture_output=True, text=True
    )
    return " ".join(result.stdout.split())


@needs_poppler
def test_the_pilot_report_is_of_the_decided_pilot_unless_one_is_named(
    services, database_url, tmp_path
):
    built = build_pilot(services)
    later = services.pilots.save_pilot(PilotInput(name="Later pilot"))  # planned, undated

    default = tmp_path / "default.pdf"
    result = upskill("report", "pdf", str(default), "--kind", "pilot", db=database_url)
    assert result.returncode == 0, result.stderr
    assert f"Wrote {default}" in result.stdout
    assert PILOT_NAME in cover_text(default)

    by_name = tmp_path / "by-name.pdf"
    result = upskill(
        "report", "pdf", str(by_name), "--kind", "pilot", "--pilot", "later PILOT", db=database_url
    )
    assert result.returncode == 0, result.stderr
    assert "Later pilot" in cover_text(by_name)

    by_id = tmp_path / "by-id.pdf"
    result = upskill(
        "report",
        "pdf",
        str(by_id),
        "--kind",
        "pilot",
        "--pilot",
        str(built.pilot_id),
        db=database_url,
    )
    assert result.returncode == 0, result.stderr
    assert PILOT_NAME in cover_text(by_id)
    assert later != built.pilot_id


def test_an_unknown_pilot_or_none_at_all_is_one_line_on_stderr_and_exit_1(
    services, database_url, tmp_path
):
    out = tmp_path / "pilot.pdf"
    result = upskill("report", "pdf", str(out), "--kind", "pilot", db=database_url)
    assert result.returncode == 1
    assert result.stderr == (
        "upskill: There is no pilot in this data file yet. Plan one in the Pilots area, "
        "then print its report.\n"
    )
    build_pilot(services)
    result = upskill(
        "report", "pdf", str(out), "--kind", "pilot", "--pilot", "Nope", db=database_url
    )
    assert result.returncode == 1
    assert result.stderr == (
        f"upskill: There is no pilot “Nope” in this data file. The pilots are: “{PILOT_NAME}”.\n"
    )
    assert_no_traceback(result)
    assert not out.exists()
    result = upskill("report", "pdf", str(out), "--pilot", "Nope", db=database_url)
    assert result.returncode == 2
    assert "--pilot is for --kind pilot" in result.stderr


def test_export_xlsx_has_the_pilots_and_objectives_sheets(services, database_url, tmp_path):
    build_pilot(services)
    out = tmp_path / "book.xlsx"
    result = upskill("export", "xlsx", str(out), db=database_url)
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(out)
    assert {"Pilots", "Objectives"} <= set(book.sheetnames)
    assert book["Pilots"]["A2"].value == PILOT_NAME
    assert book["Objectives"]["A2"].value == "Answer customers faster"
