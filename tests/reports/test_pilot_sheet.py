"""The "Pilots" sheet of the leadership workbook: every success criterion with its result,
interval, observations and verdict as in the pilot's outcome, a block per pilot with its
weekly use and timed tasks beside native charts, formula-looking text kept as text, a
running pilot's criteria "not yet judged" with the outcome's sentences, and a workbook that
opens again."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from app.pilots.records import CheckInEntry, PilotInput
from app.pilots.service import CohortPick
from app.reports.pilot_labels import verdict_text

from .pilot_data import FORMULA_TASK, PILOT_NAME, RUNNING_NAME, build_pilot, build_running_pilot

pytestmark = pytest.mark.database

HEADERS = [
    "Pilot",
    "Status",
    "Success criterion",
    "Unit",
    "Target",
    "Result",
    "95 % interval, low",
    "95 % interval, high",
    "Based on",
    "Verdict",
    "What it means",
]


def _second_pilot(services, people: list[int]) -> int:
    """A running pilot whose name a spreadsheet would take for a formula."""
    pilot_id = services.pilots.save_pilot(
        PilotInput(name="+Quick wins pilot", starts_on=date(2026, 11, 2))
    )
    services.pilots.set_cohort(
        pilot_id, [CohortPick(person, "Asked to join.") for person in people]
    )
    services.pilots.set_status(pilot_id, "running")
    ids = [row.id for row in services.pilots.participants(pilot_id)]
    services.pilot_tracking.record_week(pilot_id, 1, [CheckInEntry(pid, 2) for pid in ids])
    return pilot_id


def test_the_pilots_sheet_shows_each_criterion_as_the_outcome_judges_it(services, tmp_path):
    built = build_pilot(services)
    others = [row.person_id for row in services.pilots.participants(built.pilot_id)][:2]
    second = _second_pilot(services, others)
    out = tmp_path / "book.xlsx"
    services.reports.write_workbook(out)

    book = openpyxl.load_workbook(out)
    assert book.sheetnames.index("Pilots") > book.sheetnames.index("Summary")
    ws = book["Pilots"]
    assert ws.freeze_panes == "B2"
    assert [cell.value for cell in ws[1]][: len(HEADERS)] == HEADERS
    outcome = services.pilot_outcomes.outcome(built.pilot_id)
    rows = [
        [cell.value for cell in row]
        for row in ws.iter_rows(min_row=2, max_row=1 + len(outcome.criteria))
    ]
    assert [row[0] for row in rows] == [PILOT_NAME] * 4
    for row, result in zip(rows, outcome.criteria, strict=True):
        assert row[4] == result.criterion.threshold
        assert row[5] == (pytest.approx(result.value) if result.value is not None else None)
        if result.interval is not None:
            assert row[6] == pytest.approx(result.interval.low)
            assert row[7] == pytest.approx(result.interval.high)
        assert row[8] == result.n
        assert row[9].startswith(verdict_text(result.verdict))
        assert row[10] == result.sentence
    # Worked out by hand: 5 of the 6 participants finished.
    assert rows[0][5] == pytest.approx(500 / 6)

    tables = list(ws.tables.values())
    assert tables[0].ref == f"A1:K{1 + len(outcome.criteria)}"
    assert len(tables) >= 4  # criteria, and weekly use and timed tasks per pilot
    charts = ws._charts
    assert len(charts) == 3  # weekly use of both pilots, timed tasks of the first
    assert {type(chart).__name__ for chart in charts} == {"LineChart", "BarChart"}

    texts = {
        cell.coordinate: cell
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith(("=", "+"))
    }
    assert any(cell.value == FORMULA_TASK for cell in texts.values())
    assert any(cell.value.startswith("+Quick wins pilot") for cell in texts.values())
    for cell in texts.values():
        assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate
    summary = {row[0].value: row[1].value for row in book["Summary"].iter_rows() if row[0].value}
    assert summary["Pilots"] == 2 and summary["Pilots decided"] == 1
    assert summary["Pilots running"] == 1
    assert second in {row.id for row in services.pilots.pilots()}


def test_without_pilots_the_workbook_has_no_pilots_sheet(services, tmp_path):
    out = tmp_path / "book.xlsx"
    services.reports.write_workbook(out)
    assert "Pilots" not in openpyxl.load_workbook(out).sheetnames


def test_a_running_pilots_criteria_are_not_yet_judged_in_the_sheet(services, tmp_path):
    pilot_id = build_running_pilot(services)
    out = tmp_path / "book.xlsx"
    services.reports.write_workbook(out)

    ws = openpyxl.load_workbook(out)["Pilots"]
    outcome = services.pilot_outcomes.outcome(pilot_id)
    rows = [[cell.value for cell in row] for row in ws.iter_rows(min_row=2, max_row=4)]
    assert [row[0] for row in rows] == [RUNNING_NAME] * 3
    assert {row[1] for row in rows} == {"Running, week 4 of 10"}
    # Completion 0 of 6 and weekly use from week 8 wait; satisfaction 4.33 reaches 4 so far.
    assert [row[9] for row in rows] == ["Not yet judged", "On track so far", "Not yet judged"]
    assert [row[10] for row in rows] == [result.sentence for result in outcome.criteria]
    # Three of six use the tool every week: 12 of 24 participant-weeks so far = 50 %.
    assert rows[0][5] == 0 and rows[2][5] == 50
