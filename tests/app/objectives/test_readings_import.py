"""Importing metric readings from a spreadsheet: headers in other words, bad rows listed with
their row numbers and plain reasons, nothing saved while one is left, a dry run first."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.errors import UserFacingError, ValidationError
from app.objectives.model import MetricInput, ObjectiveInput
from app.objectives.readings_mapping import guess_readings_mapping
from app.objectives.readings_model import ReadingsMapping
from app.objectives.values import NotANumber, parse_number

TODAY = date(2026, 11, 20)


def add_metrics(services) -> dict[str, int]:
    time_id = services.objectives.save_objective(ObjectiveInput(title="Save time"))
    adoption_id = services.objectives.save_objective(ObjectiveInput(title="Everyday AI use"))
    hours = services.objectives.save_metric(
        time_id,
        MetricInput("Hours saved per week", "hours", 0, date(2026, 1, 1), 400, date(2027, 12, 31)),
    )
    active = services.objectives.save_metric(
        adoption_id,
        MetricInput("Weekly active users", "%", 12, date(2026, 3, 1), 60, date(2026, 12, 31)),
    )
    return {"hours": hours, "active": active}


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


MESSY = [
    ["KPI", "As of", "Actual", "Comments"],
    ["Hours saved per week", datetime(2026, 6, 1), 80, "first survey"],
    ["hours saved per WEEK", "12/11/2026", "120", None],
    ["Weekly active users", "31/02/2026", 30, "bad date"],
    [None, None, None, None],
    ["Weekly active users", datetime(2026, 9, 1), "about forty", None],
    ["Hours saved per wek", datetime(2026, 9, 1), 95, None],
    ["Weekly active users", datetime(2026, 10, 1), "41,5 %", "from the tool's report"],
]


pytestmark = pytest.mark.database


def test_headers_in_other_words_are_recognised():
    mapping = guess_readings_mapping(["KPI", "As of", "Actual", "Comments"])
    assert mapping == ReadingsMapping(metric=0, date=1, value=2, note=3)
    other = guess_readings_mapping(["Objective", "Metric name", "Date measured", "Value"])
    assert (other.objective, other.metric, other.date, other.value) == (0, 1, 2, 3)


def test_a_messy_file_lists_every_bad_row_with_its_number_and_saves_nothing(services, tmp_path):
    ids = add_metrics(services)
    imports = services.objectives.imports
    table = imports.read(write_xlsx(tmp_path / "readings.xlsx", MESSY))
    plan = imports.check(table, imports.guess_mapping(table), today=TODAY)

    bad = {(p.row, p.column): p.message for p in plan.bad}
    assert set(bad) == {(4, "As of"), (6, "Actual"), (7, "KPI")}
    assert "“31/02/2026” is not a date that can be read" in bad[(4, "As of")]
    assert "“about forty” is not a number" in bad[(6, "Actual")]
    assert bad[(7, "KPI")] == (
        "No metric is called “Hours saved per wek”. Did you mean “Hours saved per week”?"
    )
    assert plan.bad_rows == 3 and not plan.ok
    assert [(r.row, r.metric_id, r.measured_on, r.value, r.note) for r in plan.rows] == [
        (2, ids["hours"], date(2026, 6, 1), 80.0, "first survey"),
        (3, ids["hours"], date(2026, 11, 12), 120.0, None),
        (8, ids["active"], date(2026, 10, 1), 41.5, "from the tool's report"),
    ]
    assert plan.total_rows == 6  # seven rows below the header; the blank one is passed over

    with pytest.raises(ValidationError) as refused:
        imports.apply(plan)
    assert "3 rows of the file have problems; nothing was saved" in refused.value.message
    assert all(not m.readings for o in services.objectives.objectives() for m in o.metrics)


def test_the_user_can_choose_to_import_only_the_good_rows(services, tmp_path):
    ids = add_metrics(services)
    imports = services.objectives.imports
    table = imports.read(write_xlsx(tmp_path / "readings.xlsx", MESSY))
    plan = imports.check(table, imports.guess_mapping(table), today=TODAY)

    result = imports.apply(plan, skip_bad_rows=True)

    assert (result.added, result.replaced, result.skipped_bad_rows, result.metrics) == (3, 0, 3, 2)
    hours = services.objectives.metric(ids["hours"])
    assert [(r.measured_on, r.value) for r in hours.readings] == [
        (date(2026, 6, 1), 80.0),
        (date(2026, 11, 12), 120.0),
    ]
    assert hours.progress == pytest.approx(0.3)


def test_a_clean_csv_imports_and_importing_it_again_changes_nothing(services, tmp_path):
    ids = add_metrics(services)
    path = tmp_path / "readings.csv"
    path.write_text(
        "Metric,Date,Value,Note\n"
        "Weekly active users,2026-04-01,18,\n"
        "Weekly active users,2026-05-01,24,after the first workshops\n",
        encoding="utf-8",
    )
    imports = services.objectives.imports
    for expected in ((2, 0, 0), (0, 0, 2)):
        table = imports.read(path)
        plan = imports.check(table, imports.guess_mapping(table), today=TODAY)
        assert plan.ok
        result = imports.apply(plan)
        assert (result.added, result.replaced, result.unchanged) == expected
    assert [r.value for r in services.objectives.metric(ids["active"]).readings] == [18, 24]


def test_a_new_value_for_a_recorded_date_replaces_it_and_the_dry_run_says_so(services, tmp_path):
    ids = add_metrics(services)
    services.objectives.add_reading(ids["active"], 20, date(2026, 4, 1), "estimate", today=TODAY)
    path = write_xlsx(
        tmp_path / "r.xlsx",
        [["Metric", "Date", "Value"], ["Weekly active users", datetime(2026, 4, 1), 22]],
    )
    imports = services.objectives.imports
    table = imports.read(path)
    plan = imports.check(table, imports.guess_mapping(table), today=TODAY)
    assert (plan.new, plan.replaced) == (0, 1)
    assert plan.rows[0].replaces == 20
    assert any("replaces the value recorded before" in remark for remark in plan.remarks)
    imports.apply(plan)
    [reading] = services.objectives.metric(ids["active"]).readings
    assert (reading.value, reading.note) == (22, "estimate")


def test_percentages_stored_as_fractions_are_read_as_percent(services, tmp_path):
    ids = add_metrics(services)
    path = write_xlsx(
        tmp_path / "r.xlsx",
        [
            ["Metric", "Date", "Value"],
            ["Weekly active users", datetime(2026, 4, 1), 0.18],
            ["Weekly active users", datetime(2026, 5, 1), 0.245],
        ],
    )
    imports = services.objectives.imports
    table = imports.read(path)
    plan = imports.check(table, imports.guess_mapping(table), today=TODAY)
    assert [r.value for r in plan.rows] == [18.0, 24.5]
    assert any("read as percentages" in remark for remark in plan.remarks)
    assert ids


def test_the_same_metric_and_day_twice_keeps_the_lower_row_with_a_note(services, tmp_path):
    add_metrics(services)
    path = write_xlsx(
        tmp_path / "r.xlsx",
        [
            ["Metric", "Date", "Value"],
            ["Weekly active users", datetime(2026, 4, 1), 18],
            ["Weekly active users", datetime(2026, 4, 1), 19],
        ],
    )
    imports = services.objectives.imports
    table = imports.read(path)
    plan = imports.check(table, imports.guess_mapping(table), today=TODAY)
    assert plan.ok and [(r.row, r.value) for r in plan.rows] == [(3, 19.0)]
    assert "Rows 2 and 3 both give “Weekly active users” on 1 Apr 2026" in plan.notes[0].message


def test_dates_before_the_baseline_or_in_the_future_are_bad_rows(services, tmp_path):
    add_metrics(services)
    path = write_xlsx(
        tmp_path / "r.xlsx",
        [
            ["Metric", "Date", "Value"],
            ["Weekly active users", datetime(2026, 2, 1), 18],
            ["Weekly active users", datetime(2026, 12, 1), 19],
        ],
    )
    imports = services.objectives.imports
    table = imports.read(path)
    plan = imports.check(table, imports.guess_mapping(table), today=TODAY)
    messages = [p.message for p in plan.bad]
    assert "before the baseline date of “Weekly active users” (1 Mar 2026)" in messages[0]
    assert messages[1] == "The date 1 Dec 2026 is in the future."


def test_a_metric_name_shared_by_two_objectives_needs_the_objective_column(services, tmp_path):
    ids = add_metrics(services)
    other = services.objectives.save_objective(ObjectiveInput(title="Happier teams"))
    services.objectives.save_metric(
        other, MetricInput("Hours saved per week", None, 0, date(2026, 1, 1), 5, date(2027, 1, 1))
    )
    imports = services.objectives.imports
    rows = [["Metric", "Date", "Value"], ["Hours saved per week", datetime(2026, 4, 1), 3]]
    table = imports.read(write_xlsx(tmp_path / "a.xlsx", rows))
    plan = imports.check(table, imports.guess_mapping(table), today=TODAY)
    assert "metrics under 2 objectives" in plan.bad[0].message

    rows = [
        ["Objective", "Metric", "Date", "Value"],
        ["Save time", "Hours saved per week", datetime(2026, 4, 1), 3],
    ]
    table = imports.read(write_xlsx(tmp_path / "b.xlsx", rows))
    plan = imports.check(table, imports.guess_mapping(table), today=TODAY)
    assert plan.ok and plan.rows[0].metric_id == ids["hours"]


def test_a_file_without_a_value_column_is_refused_with_what_to_choose(services, tmp_path):
    add_metrics(services)
    imports = services.objectives.imports
    table = imports.read(write_xlsx(tmp_path / "r.xlsx", [["Metric", "Date"], ["x", "y"]]))
    with pytest.raises(ValidationError) as refused:
        imports.check(table, imports.guess_mapping(table), today=TODAY)
    assert refused.value.field == "value"
    assert "Choose the column that holds: Value" in refused.value.message


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("empty.xlsx", b"", "The file is empty"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "Excel 97-2003"),
        ("broken.xlsx", b"not a workbook at all", "not an Excel workbook"),
    ],
)
def test_an_unreadable_file_gets_a_message_not_a_traceback(
    services, tmp_path, name, content, words
):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UserFacingError) as refused:
        services.objectives.imports.read(path)
    assert words in refused.value.message


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1,200", 1200.0),
        ("12,5", 12.5),
        ("1.234,5", 1234.5),
        ("45 %", 45.0),
        ("-3", -3.0),
        ("1 200", 1200.0),
        ("2,000.75", 2000.75),
        ("N/A", None),
        (7, 7.0),
    ],
)
def test_numbers_are_read_as_people_write_them(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize("text", ["about forty", "12 hours", "1.2.3x", True])
def test_words_are_not_numbers(text):
    with pytest.raises(NotANumber):
        parse_number(text)


def test_a_metric_deleted_between_the_check_and_the_import_saves_no_reading(services, tmp_path):
    ids = add_metrics(services)
    imports = services.objectives.imports
    path = write_xlsx(
        tmp_path / "readings.xlsx",
        [
            ["Metric", "Date", "Value"],
            ["Hours saved per week", datetime(2026, 6, 1), 80],
            ["Hours saved per week", datetime(2026, 7, 1), 95],
            ["Weekly active users", datetime(2026, 7, 1), 30],
        ],
    )
    table = imports.read(path)
    plan = imports.check(table, imports.guess_mapping(table), today=TODAY)
    assert plan.ok and len(plan.rows) == 3
    services.objectives.delete_metric(ids["active"])  # the last row's metric, after the check

    with pytest.raises(ValidationError, match="changed since the file was checked"):
        imports.apply(plan)
    assert services.objectives.metric(ids["hours"]).readings == ()
