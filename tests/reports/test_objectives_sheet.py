"""The "Objectives" sheet of the leadership workbook: a row per objective and metric with
baseline, target, latest reading, progress and "on track" as the objectives service gives
them, every reading in a second table with line charts, formula-looking text kept as text."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from app.objectives.model import MetricInput, ObjectiveInput

pytestmark = pytest.mark.database

BASELINE_ON = date(2026, 1, 5)
TARGET_ON = date(2027, 1, 4)


def _objectives(services) -> None:
    first = services.objectives.save_objective(
        ObjectiveInput("-20 % time on reports", owner="=Chief Operating Officer")
    )
    hours = services.objectives.save_metric(
        first, MetricInput("Hours on reports a week", "hours", 10.0, BASELINE_ON, 8.0, TARGET_ON)
    )
    for day, value in ((date(2026, 3, 2), 9.6), (date(2026, 6, 1), 9.0)):
        services.objectives.add_reading(hours, value, day, today=date(2026, 11, 24))
    share = services.objectives.save_metric(
        first, MetricInput("Reports drafted with AI", "%", 0.0, BASELINE_ON, 50.0, TARGET_ON)
    )
    services.objectives.add_reading(
        share, 30.0, date(2026, 7, 6), "@ team meeting", today=date(2026, 11, 24)
    )
    services.objectives.save_objective(ObjectiveInput("Safer use of AI"))


def test_the_objectives_sheet_lists_each_metric_with_its_progress_and_readings(services, tmp_path):
    _objectives(services)
    out = tmp_path / "book.xlsx"
    services.reports.write_workbook(out)

    book = openpyxl.load_workbook(out)
    ws = book["Objectives"]
    assert ws.freeze_panes == "B2"
    header = [cell.value for cell in ws[1]]
    assert header[:6] == ["Objective", "Objective status", "Owner", "Metric", "Unit", "Baseline"]
    views = services.objectives.objectives()
    metrics = [m for o in views for m in o.metrics]
    rows = [[cell.value for cell in row] for row in ws.iter_rows(min_row=2, max_row=4)]
    for row, metric in zip(rows, metrics, strict=False):
        assert row[3] == metric.name
        assert row[5] == metric.baseline_value and row[7] == metric.target_value
        assert row[9] == (metric.latest.value if metric.latest else None)
        assert row[11] == pytest.approx(metric.progress)
        assert row[13] == metric.sentence
    # Worked out by hand: from 10 hours towards 8, a reading of 9 is half way.
    assert rows[0][11] == pytest.approx(0.5)
    assert metrics[0].on_track is True and rows[0][12] == "Yes"
    assert rows[2][0] == "Safer use of AI" and rows[2][13] == "No metric set yet."
    assert ws.cell(2, 12).number_format == "0%"

    tables = list(ws.tables.values())
    assert [t.ref.split(":")[0] for t in tables] == ["A1", tables[1].ref.split(":")[0]]
    readings = tables[1]
    first = int(readings.ref.split(":")[0][1:])
    kinds = [ws.cell(row, 2).value for row in range(first + 1, first + 6)]
    assert kinds == ["Baseline", "Reading", "Reading", "Baseline", "Reading"]
    assert len(ws._charts) == 2  # both metrics have a baseline and a reading

    for coordinate in ("A2", "C2"):
        cell = ws[coordinate]
        assert cell.value.startswith(("-", "=")) and cell.data_type == "s", coordinate
        assert cell.quotePrefix
    notes = [ws.cell(row, 7) for row in range(first + 1, first + 6) if ws.cell(row, 7).value]
    assert [n.value for n in notes] == ["@ team meeting"] and notes[0].quotePrefix
    summary = {row[0].value: row[1].value for row in book["Summary"].iter_rows() if row[0].value}
    assert summary["Objectives"] == 2 and summary["Success metrics"] == 2
