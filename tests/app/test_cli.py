"""The command line contract of DESIGN §4, run as a user would run it: a separate process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import shared_file

ROOT = Path(__file__).resolve().parents[2]


def upskill(*args: str, db: Path | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(ROOT / "main.py")]
    if db is not None:
        command += ["--db", str(db)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        command + list(args), cwd=ROOT, capture_output=True, text=True, timeout=180, env=env
    )


def assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert "Traceback" not in result.stdout


def test_info_json_has_the_contract_keys(tmp_path):
    result = upskill("info", "--json", db=tmp_path / "org.upskill")
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    for key in (
        "schema_version",
        "employees",
        "departments",
        "roles",
        "assessments",
        "responses",
        "paths",
        "modules",
        "assignments",
        "pilots",
    ):
        assert key in info, key
    assert info["employees"] == 0


def test_demo_then_info_counts_the_demo_people(tmp_path):
    db = tmp_path / "demo.upskill"
    created = upskill("demo", "--employees", "120", "--seed", "3", db=db)
    assert created.returncode == 0, created.stderr
    info = json.loads(upskill("info", "--json", db=db).stdout)
    assert info["employees"] == 120
    assert info["departments"] == 7


def test_demo_is_the_same_for_the_same_seed(tmp_path):
    first, second = tmp_path / "a.upskill", tmp_path / "b.upskill"
    upskill("demo", "--employees", "40", "--seed", "9", db=first)
    upskill("demo", "--employees", "40", "--seed", "9", db=second)
    import sqlite3

    def names(path: Path) -> list[tuple[str, str]]:
        with sqlite3.connect(path) as connection:
            return connection.execute(
                "SELECT employee_number, display_name FROM employee ORDER BY employee_number"
            ).fetchall()

    assert names(first) == names(second)


def test_roster_import_prints_a_json_summary_and_exits_0(tmp_path):
    path = shared_file("ibm-hr-attrition", "WA_Fn-UseC_-HR-Employee-Attrition.xlsx")
    result = upskill("roster", "import", str(path), db=tmp_path / "org.upskill")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["imported"] == 1470
    assert summary["names_made_up"] == 1470


def test_a_rejected_roster_exits_1_with_one_line_per_problem_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("Employee ID,Name\n1,Ann\n1,Bob\n,\n4,Dee\n", encoding="utf-8")
    db = tmp_path / "org.upskill"
    result = upskill("roster", "import", str(bad), db=db)
    assert result.returncode == 1
    assert_no_traceback(result)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines and all(line.startswith("bad.csv: ") for line in lines)
    assert any("row 3" in line for line in lines)
    assert json.loads(upskill("info", "--json", db=db).stdout)["employees"] == 0


def test_a_password_protected_workbook_is_rejected_with_a_clear_line(tmp_path):
    path = shared_file("xlsx-import-edge-cases", "calamine__pass_protected.xlsx")
    result = upskill("roster", "import", str(path), db=tmp_path / "org.upskill")
    assert result.returncode == 1
    assert_no_traceback(result)
    assert "password" in result.stderr.lower()


def test_roster_dry_run_changes_nothing(tmp_path):
    path = shared_file("oracle-hr-sample-schema", "employees_flat_joined.csv")
    db = tmp_path / "org.upskill"
    result = upskill("roster", "import", str(path), "--dry-run", db=db)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["imported"] == 107
    assert json.loads(upskill("info", "--json", db=db).stdout)["employees"] == 0


@pytest.mark.parametrize(
    "args",
    [
        ("bogus",),
        ("roster",),
        ("roster", "import"),
        ("demo", "--employees", "many"),
        ("report", "pdf"),
    ],
)
def test_usage_errors_exit_2_without_a_traceback(tmp_path, args):
    result = upskill(*args, db=tmp_path / "org.upskill")
    assert result.returncode == 2
    assert_no_traceback(result)


def test_a_data_file_from_a_newer_version_is_refused_with_exit_1(tmp_path):
    import sqlite3

    db = tmp_path / "org.upskill"
    upskill("info", db=db)
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE alembic_version SET version_num='29990101_0001'")
    connection.close()
    result = upskill("info", "--json", db=db)
    assert result.returncode == 1
    assert "newer version" in result.stderr
    assert_no_traceback(result)


def test_backup_writes_a_copy_that_opens_with_the_same_people(tmp_path):
    db = tmp_path / "org.upskill"
    upskill("demo", "--employees", "30", db=db)
    copy = tmp_path / "copies" / "org-backup.upskill"
    result = upskill("backup", str(copy), db=db)
    assert result.returncode == 0, result.stderr
    assert json.loads(upskill("info", "--json", db=copy).stdout)["employees"] == 30


def test_report_pdf_and_export_xlsx_write_their_files(tmp_path):
    db = tmp_path / "org.upskill"
    upskill("demo", "--employees", "60", db=db)
    pdf, xlsx = tmp_path / "report.pdf", tmp_path / "book.xlsx"
    assert upskill("report", "pdf", str(pdf), db=db).returncode == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert upskill("export", "xlsx", str(xlsx), db=db).returncode == 0
    assert xlsx.read_bytes().startswith(b"PK")


def test_a_report_kind_not_built_yet_says_so_and_exits_1(tmp_path):
    result = upskill(
        "report", "pdf", str(tmp_path / "p.pdf"), "--kind", "literacy", db=tmp_path / "org.upskill"
    )
    assert result.returncode == 1
    assert "not available yet" in result.stderr
    assert not (tmp_path / "p.pdf").exists()


def test_the_maturity_report_without_any_assessment_says_what_to_do_first(tmp_path):
    result = upskill(
        "report", "pdf", str(tmp_path / "m.pdf"), "--kind", "maturity", db=tmp_path / "o.upskill"
    )
    assert result.returncode == 1
    assert "no maturity assessment" in result.stderr
    assert_no_traceback(result)
    assert not (tmp_path / "m.pdf").exists()


def test_the_demo_maturity_report_and_workbook_sheet_are_written(tmp_path):
    db = tmp_path / "demo.upskill"
    assert upskill("demo", "--employees", "40", db=db).returncode == 0
    pdf, xlsx = tmp_path / "maturity.pdf", tmp_path / "book.xlsx"
    result = upskill("report", "pdf", str(pdf), "--kind", "maturity", db=db)
    assert result.returncode == 0, result.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    assert upskill("export", "xlsx", str(xlsx), db=db).returncode == 0
    import openpyxl

    book = openpyxl.load_workbook(xlsx)
    assert "Maturity" in book.sheetnames
    info = json.loads(upskill("info", "--json", db=db).stdout)
    assert info["assessments"] == 2 and info["responses"] > 0
