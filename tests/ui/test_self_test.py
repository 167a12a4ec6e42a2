"""``--self-test``: the whole app proves itself offscreen, in a folder of its own.

Run in-process (reusing pytest-qt's QApplication, leaving no window behind) and as
``python main.py --self-test`` in a child process with no display and no
QT_QPA_PLATFORM, the way CI runs it from the bundle.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from app import __version__
from main import main
from ui.self_test import run_self_test
from ui.settings import AppSettings

ROOT = Path(__file__).resolve().parents[2]
AREAS = (
    "Dashboard",
    "People",
    "Objectives",
    "Assessment",
    "Skills",
    "Learning paths",
    "Pilots",
    "Reports",
)
PASSED = re.compile(r"^Self-test passed: (\d+) checks in ([\d.]+) s$")


def check_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("ok ")]


@pytest.mark.slow
def test_the_self_test_passes_in_process_and_keeps_its_folder_when_asked(
    qapp: QApplication, tmp_path, monkeypatch
):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    style, organisation = qapp.styleSheet(), QCoreApplication.organizationName()
    out = io.StringIO()

    assert run_self_test(keep=True, out=out) == 0

    output = out.getvalue()
    lines = output.splitlines()
    passed = PASSED.match(lines[-1])
    assert passed is not None, output
    assert int(passed.group(1)) == len(check_lines(output))
    assert lines[0] == f"Upskill Planner {__version__} self-test"
    assert lines[1].endswith(sys.executable)
    assert lines[2] == "Frozen: no (running from source)"
    assert re.search(r"^ok .* start Qt: platform plugin offscreen, Qt 6\.", output, re.M)
    for name in (
        "create the data file",
        "load the demo organisation: Northwind Mutual, 150 people",
        "schema at head (Alembic check)",
        *(f"area {area}" for area in AREAS),
        "charts (QtCharts)",
        f"About dialog: version {__version__}",
        "reopen the data file: 150 people and 2 pilots, as the demo made",
        "executive PDF report",
        "plans PDF report",
        "workbook without names: ",
        "workbook with names: ",
    ):
        assert any(name in line for line in check_lines(output)), name

    kept = Path(lines[-2].removeprefix("Kept the working folder: "))
    assert kept.parent == tmp_path
    shots = {path.name for path in (kept / "screenshots").glob("*.png")}
    assert {"01-dashboard.png", "08-reports.png", "07-pilots-4-results.png", "about.png"} <= shots
    reports = {path.name for path in (kept / "reports").iterdir()}
    assert {"executive.pdf", "pilot.pdf", "workbook.xlsx", "workbook-with-names.xlsx"} <= reports
    remembered = AppSettings.in_file(kept / "settings.ini").last_opened_file()
    assert remembered == str(kept / "organisation.upskill")
    # pytest-qt's application is handed back as it was: no style sheet, the test's names
    assert qapp.styleSheet() == style
    assert QCoreApplication.organizationName() == organisation


@pytest.mark.slow
def test_a_report_that_cannot_be_written_fails_the_self_test_at_that_check(tmp_path):
    folder = tmp_path / "run"
    (folder / "reports" / "executive.pdf").mkdir(parents=True)  # a folder where the PDF goes
    out = io.StringIO()

    assert run_self_test(folder=folder, out=out) == 1

    output = out.getvalue()
    failed = [line for line in output.splitlines() if line.startswith("Self-test FAILED")]
    assert len(failed) == 1, output
    assert failed[0].startswith("Self-test FAILED: executive PDF report: ")
    assert "executive.pdf" in failed[0]
    assert "Traceback (most recent call last):" in output
    assert "Self-test passed" not in output
    assert check_lines(output)[-1].endswith(
        "reopen the data file: 150 people and 2 pilots, as the demo made"
    )
    assert folder.is_dir()  # the caller's folder is left to the caller


def test_a_data_file_that_is_not_one_fails_at_creating_it(tmp_path):
    folder = tmp_path / "run"
    folder.mkdir()
    (folder / "organisation.upskill").write_bytes(b"a spreadsheet, not a data file")
    out = io.StringIO()

    assert run_self_test(folder=folder, out=out) == 1

    output = out.getvalue()
    assert (
        "Self-test FAILED: create the data file: organisation.upskill is not an Upskill "
        "Planner data file." in output
    )
    assert "DataFileError" in output  # the traceback goes back to why the file was refused
    done = [line.split(" s  ")[1].split(":")[0] for line in check_lines(output)]
    assert done[:4] == ["start Qt", "style sheet", "fonts", "resources"]
    assert "create the data file" not in done
    assert "load the demo organisation" not in done


def test_self_test_accepts_only_keep(capsys):
    assert main(["--self-test", "--db", "elsewhere.upskill"]) == 2
    assert "--self-test takes no other arguments" in capsys.readouterr().err
    assert main(["--keep", "info"]) == 2  # --keep alone is not a command of its own


@pytest.mark.slow
def test_main_self_test_runs_offscreen_by_itself_and_leaves_the_users_folders_alone(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}
    }
    home = tmp_path / "home"
    user_folders = {
        "XDG_CONFIG_HOME": home / ".config",
        "XDG_DATA_HOME": home / ".local" / "share",
        "XDG_STATE_HOME": home / ".local" / "state",
    }
    temporary = tmp_path / "tmp"
    for folder in (*user_folders.values(), temporary):
        folder.mkdir(parents=True)
    env.update({key: str(folder) for key, folder in user_folders.items()})
    env.update(HOME=str(home), TMPDIR=str(temporary), XDG_CACHE_HOME=str(home / ".cache"))

    result = subprocess.run(
        [sys.executable, "main.py", "--self-test"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    passed = PASSED.match(lines[-1])
    assert passed is not None
    assert float(passed.group(2)) < 60
    assert "start Qt: platform plugin offscreen" in result.stdout
    assert not any(line.startswith("note ") for line in lines), result.stdout
    assert list(temporary.iterdir()) == []  # the working folder is gone
    for folder in user_folders.values():  # no settings, data file or log of the user's
        assert [p for p in folder.rglob("*") if "upskill" in str(p).lower()] == []
