"""Learning plans from the command line, run as a user would: `report pdf --kind plans` for
everyone, a department (by name) or one person (by employee number or id), and one clear
line on stderr when there is nothing to print or the name is wrong."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.app.learning_plans_data import build_plan_organisation
from tests.app.test_cli import assert_no_traceback, upskill

pytestmark = pytest.mark.database

pdftotext = shutil.which("pdftotext")
needs_poppler = pytest.mark.skipif(pdftotext is None, reason="poppler-utils is not installed")
BAND = "INDIVIDUAL LEARNING PLAN"


def pdf_text(path) -> str:
    assert pdftotext is not None
    result = subprocess.run(
        [pdftotext, str(path), "-"], check=True, capture_output=True, text=True, timeout=60
    )
    return " ".join(result.stdout.split())


@needs_poppler
def test_plans_print_for_everyone_a_department_or_one_person(services, database_url, tmp_path):
    build_plan_organisation(services)

    everyone = tmp_path / "everyone.pdf"
    result = upskill("report", "pdf", str(everyone), "--kind", "plans", db=database_url)
    assert result.returncode == 0, result.stderr
    assert f"Wrote {everyone}" in result.stdout
    text = pdf_text(everyone)
    assert text.count(BAND) == 4 and "All departments · 4 people" in text

    sales = tmp_path / "sales.pdf"
    result = upskill(
        "report", "pdf", str(sales), "--kind", "plans", "--department", "sales", db=database_url
    )
    assert result.returncode == 0, result.stderr
    text = pdf_text(sales)
    assert text.count(BAND) == 3 and "Sales · 3 people" in text and "Ngọc" not in text

    one = tmp_path / "one.pdf"
    result = upskill(
        "report", "pdf", str(one), "--kind", "plans", "--person", "E201", db=database_url
    )
    assert result.returncode == 0, result.stderr
    text = pdf_text(one)
    assert text.count(BAND) == 1 and "Ngọc Trần" in text
    assert "Individual learning plans" not in text  # one person: no cover


def test_a_wrong_department_or_person_is_one_line_on_stderr_and_exit_1(
    services, database_url, tmp_path
):
    build_plan_organisation(services)
    out = tmp_path / "plans.pdf"
    result = upskill(
        "report", "pdf", str(out), "--kind", "plans", "--department", "Legal", db=database_url
    )
    assert result.returncode == 1
    assert result.stderr == (
        "upskill: There is no department called “Legal”. The departments are: Ops, Sales.\n"
    )
    result = upskill(
        "report", "pdf", str(out), "--kind", "plans", "--person", "E999", db=database_url
    )
    assert result.returncode == 1
    assert "no person with the employee number or id “E999”" in result.stderr
    assert_no_traceback(result)
    result = upskill(
        "report", "pdf", str(out), "--kind", "plans", "--person", "E100", db=database_url
    )
    assert result.returncode == 1
    assert "Maria Keller does not follow a learning path yet" in result.stderr
    assert not out.exists()


def test_nobody_on_a_path_and_options_for_other_reports_are_refused_clearly(
    services, database_url, tmp_path
):
    build_plan_organisation(services, assign=False)
    out = tmp_path / "plans.pdf"
    result = upskill("report", "pdf", str(out), "--kind", "plans", db=database_url)
    assert result.returncode == 1
    assert result.stderr == (
        "upskill: Nobody follows a learning path yet. Assign a path first (Learning paths area).\n"
    )
    result = upskill(
        "report", "pdf", str(out), "--kind", "skills", "--department", "Sales", db=database_url
    )
    assert result.returncode == 2
    assert "--department and --person are for --kind plans" in result.stderr
    result = upskill(
        "report",
        "pdf",
        str(out),
        "--kind",
        "plans",
        "--department",
        "Sales",
        "--person",
        "E101",
        db=database_url,
    )
    assert result.returncode == 2
    assert "not allowed with argument" in result.stderr
    assert not out.exists()
