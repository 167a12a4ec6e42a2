"""The benchmarks still run: ``python -m bench --quick --only import,reports`` prints a ratio
against the floor for each measurement and the Markdown results table."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
RATIO_LINE = re.compile(
    r"^RATIO (?P<group>\w+): (?P<what>.+): ours (?P<ours>[\d.]+ m?s) .*"
    r"floor (?P<floor>[\d.]+ m?s) .*ratio (?P<ratio>[\d.]+)×, target ≤ [\d.]+×: (met|MISSED)$",
    re.MULTILINE,
)


@pytest.mark.slow
def test_quick_bench_prints_ratios_for_import_and_reports():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    completed = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--only", "import,reports"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    output = completed.stdout
    assert completed.returncode == 0, completed.stderr[-4000:] + output[-2000:]

    ratios = {m["what"]: m for m in RATIO_LINE.finditer(output)}
    groups = {m["group"] for m in ratios.values()}
    assert groups == {"import", "reports"}, output
    assert any(what.startswith("Roster import") for what in ratios), output
    assert any(what.startswith("Organisation PDF") for what in ratios), output
    assert any(what.startswith("Leadership workbook") for what in ratios), output
    assert any(what.startswith("Workbook writer") for what in ratios), output
    for match in ratios.values():
        assert 0 < float(match["ratio"]) < 1000, match.group(0)

    # The PDF floor lays out as many pages as ours (it does the same work).
    pages = re.search(r"Organisation PDF \((\d+) vs (\d+) pages\)", output)
    assert pages is not None and pages[1] == pages[2] and int(pages[1]) >= 3, output
    assert re.search(r"peak memory.*\d+ MB", output), output
    assert "| What | Ours | Floor | Ratio | Target | Met? |" in output


@pytest.mark.slow
def test_plans_bench_prints_the_pdf_against_bare_reportlab_for_a_small_organisation():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    completed = subprocess.run(
        [sys.executable, "-m", "bench", "--only", "plans", "--employees", "60", "--runs", "1"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    output = completed.stdout
    assert completed.returncode == 0, completed.stderr[-4000:] + output[-2000:]
    line = re.search(
        r"^RATIO plans: Learning plans PDF, (?P<people>\d+) people \((?P<ours>\d+) vs "
        r"(?P<floor>\d+) pages\): ours [\d.]+ m?s .*ratio (?P<ratio>[\d.]+)×, "
        r"target ≤ 10.00 s: (met|MISSED)$",
        output,
        re.MULTILINE,
    )
    assert line is not None, output
    # One plan per person who follows a path, each from a new page, in ours and the floor.
    assert int(line["ours"]) >= int(line["people"]) + 1 and int(line["floor"]) >= int(
        line["people"]
    )
    assert 0 < float(line["ratio"]) < 1000
