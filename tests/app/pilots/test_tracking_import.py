"""Importing pilot measurements from messy spreadsheets: every bad row listed with its row
number and a plain reason, nothing saved while one is bad unless the good rows are chosen,
people matched by employee number, e-mail or exact name, columns guessed from headers."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest

from app.errors import ValidationError
from app.paths.completions_model import PersonKey
from app.pilots.records import ApplicationInput, CheckInEntry, FeedbackInput, TimingInput
from app.pilots.service import CohortPick
from app.pilots.tracking import TrackingBatch
from app.pilots.tracking_import import TrackingImportService
from app.pilots.tracking_import_model import ImportKind, TrackingField, TrackingPlan
from app.roster.model import RosterFileError
from tests.app.pilots.tracking_pilot import START, TrackedPilot, build_tracked_pilot

pytestmark = pytest.mark.database

F = TrackingField


@pytest.fixture
def pilot(services) -> TrackedPilot:
    return build_tracked_pilot(services)


@pytest.fixture
def importer(services) -> TrackingImportService:
    return TrackingImportService(services.database, services.pilots, services.pilot_tracking)


def workbook(path: Path, rows: list[list[object]], *, title: str | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
        sheet.append([])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def check(importer, pilot, path: Path, kind: ImportKind) -> TrackingPlan:
    table = importer.read(path)
    return importer.check(pilot.pilot_id, table, importer.guess_mapping(kind, table))


def bad_rows(plan: TrackingPlan) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for problem in plan.bad:
        found.setdefault(problem.row, []).append(problem.message)
    return found


# -- weekly check-ins ----------------------------------------------------------------------


def test_a_messy_check_in_file_lists_every_bad_row_and_saves_nothing(
    services, importer, pilot, tmp_path
):
    path = workbook(
        tmp_path / "check-ins.xlsx",
        [
            ["Employee ID", "Wk", "Days used (0-7)", "Features used", "Hours spent learning"],
            ["E-001", 1, 3, "Drafting text; Meeting notes", 1.5],
            ["E-002", "Week 1", 9, "", ""],
            ["E-099", 1, 2, "", ""],
            ["E-003", 0, 4, "", ""],
            ["E-004", 1, "three", "Poetry", ""],
            ["E-777", 1, 2, "", "70"],
        ],
        title="Pilot check-ins, exported from the form",
    )
    plan = check(importer, pilot, path, ImportKind.CHECK_INS)
    problems = bad_rows(plan)
    assert sorted(problems) == [5, 6, 7, 8, 9]
    assert problems[5] == ["Days used is a whole number from 0 to 7, not 9."]
    assert problems[6] == [
        "Omar Haddad is not a participant of this pilot. Add them to the cohort first, "
        "or take the row out."
    ]
    assert problems[7] == ["Week 0 is before the pilot: week 1 is its first week."]
    assert "“three” is not a number." in problems[8]
    assert any(message.startswith("“Poetry” is not one of the features") for message in problems[8])
    assert problems[9][0] == "No one in the data file has the employee number “E-777”."
    assert problems[9][1] == "Hours spent learning in a week is from 0 to 60, not 70."
    assert [row.row for row in plan.rows] == [4]

    with pytest.raises(ValidationError, match="5 rows of the file have problems; nothing was"):
        importer.apply(plan)
    assert services.pilot_tracking.check_ins(pilot.pilot_id) == []


def test_choosing_to_import_the_good_rows_saves_them_and_says_what_was_left_out(
    services, importer, pilot, tmp_path
):
    path = workbook(
        tmp_path / "check-ins.xlsx",
        [
            ["Employee number", "Week", "Days used", "Features", "Hours learning"],
            ["E-001", 2, 3, "Drafting, Summarising", 1.5],
            ["E-002", 2, 5, "", ""],
            ["E-003", 2, 8, "", ""],
        ],
    )
    plan = check(importer, pilot, path, ImportKind.CHECK_INS)
    result = importer.apply(plan, skip_bad_rows=True)

    assert result.sentence == (
        "Imported 2 check-ins for 2 participants (week 2). "
        "1 row with a problem was left out, as you chose."
    )
    saved = {row.participant_id: row for row in services.pilot_tracking.check_ins(pilot.pilot_id)}
    ana, bjorn = pilot.participant_ids[:2]
    assert set(saved) == {ana, bjorn}
    assert saved[ana].features == ("drafting", "summarising")
    assert saved[ana].learning_hours == 1.5
    assert saved[bjorn].days_used == 5 and saved[bjorn].learning_hours == 0.0


def test_people_are_matched_by_number_e_mail_or_exact_name(services, importer, pilot, tmp_path):
    csv = tmp_path / "check-ins.csv"
    csv.write_text(
        "Participant;Week;Days used;Hours learning\n"
        "e-001;3;2;0,5\n"
        "CHLOE.MARTIN@EXAMPLE.ORG;3;4;1\n"
        "Patel, Dev;3;5;2 h\n"
        "Björn Ek;3;1;\n",
        encoding="utf-8",
    )
    plan = check(importer, pilot, csv, ImportKind.CHECK_INS)
    assert plan.mapping.person_key is PersonKey.ANY
    assert plan.bad == []
    importer.apply(plan)
    saved = {
        row.participant_id: (row.days_used, row.learning_hours)
        for row in services.pilot_tracking.check_ins(pilot.pilot_id)
    }
    ana, bjorn, chloe, dev = pilot.participant_ids
    assert saved == {ana: (2, 0.5), chloe: (4, 1.0), dev: (5, 2.0), bjorn: (1, 0.0)}


def test_a_date_becomes_the_pilot_week_and_a_date_before_the_pilot_is_refused(
    services, importer, pilot, tmp_path
):
    path = workbook(
        tmp_path / "dated.xlsx",
        [
            ["E-mail", "Week starting", "Days used"],
            ["ana.lima@example.org", START + timedelta(days=8), 4],
            ["bjorn.ek@example.org", START - timedelta(days=3), 2],
        ],
    )
    plan = check(importer, pilot, path, ImportKind.CHECK_INS)
    assert plan.mapping.column(F.DATE) == 1 and plan.mapping.column(F.WEEK) is None
    assert bad_rows(plan) == {
        3: [
            f"{(START - timedelta(days=3)).isoformat()} is before the pilot started "
            f"({START.isoformat()})."
        ]
    }
    importer.apply(plan, skip_bad_rows=True)
    [row] = services.pilot_tracking.check_ins(pilot.pilot_id)
    assert (row.week, row.days_used) == (2, 4)


def test_the_same_person_and_week_twice_keeps_the_later_row_with_a_note(
    services, importer, pilot, tmp_path
):
    path = workbook(
        tmp_path / "twice.xlsx",
        [["Name", "Week", "Days used"], ["Ana Lima", 1, 2], ["Ana Lima", 1, 5]],
    )
    plan = check(importer, pilot, path, ImportKind.CHECK_INS)
    assert [note.message for note in plan.notes] == [
        "Rows 2 and 3 are both Ana Lima, week 1: row 3 is kept."
    ]
    importer.apply(plan)
    assert [row.days_used for row in services.pilot_tracking.check_ins(pilot.pilot_id)] == [5]


def test_a_file_without_a_days_column_is_refused_naming_the_column(importer, pilot, tmp_path):
    path = workbook(tmp_path / "nodays.xlsx", [["Name", "Week", "Notes"], ["Ana Lima", 1, "x"]])
    table = importer.read(path)
    with pytest.raises(ValidationError, match="Choose the column that holds: Days used") as error:
        importer.check(pilot.pilot_id, table, importer.guess_mapping(ImportKind.CHECK_INS, table))
    assert error.value.field == "days_used"


def test_an_empty_file_is_refused_in_plain_words(importer, tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(RosterFileError, match="The file is empty"):
        importer.read(empty)


# -- the other kinds -----------------------------------------------------------------------


def test_survey_answers_are_imported_and_a_missing_column_keeps_what_was_recorded(
    services, importer, pilot, tmp_path
):
    ana, bjorn, chloe, dev = pilot.participant_ids
    services.pilot_tracking.save_feedback(
        pilot.pilot_id, [FeedbackInput(ana, 2, 6, "Too fast at first")]
    )
    path = workbook(
        tmp_path / "survey.xlsx",
        [
            ["Full name", "Overall satisfaction", "Comment"],
            ["Ana Lima", 4, ""],
            ["Björn Ek", 4.5, "Great"],
            ["Chloé Martin", 5, "Saved me hours"],
            ["Dev Patel", 0, ""],
        ],
    )
    plan = check(importer, pilot, path, ImportKind.SATISFACTION)
    assert bad_rows(plan) == {
        3: ["Satisfaction is a whole number from 1 to 5, not 4.5."],
        5: ["Satisfaction is a whole number from 1 to 5, not 0."],
    }
    result = importer.apply(plan, skip_bad_rows=True)
    assert result.sentence.startswith("Imported the survey answers of 2 participants.")
    answers = services.pilot_tracking.feedback(pilot.pilot_id)
    assert (answers[ana].satisfaction, answers[ana].recommend) == (4, 6)
    assert answers[ana].comment == "Too fast at first"
    assert (answers[chloe].satisfaction, answers[chloe].comment) == (5, "Saved me hours")
    assert bjorn not in answers and dev not in answers


def test_a_recommend_score_out_of_range_stops_the_survey_import(importer, pilot, tmp_path):
    path = workbook(
        tmp_path / "survey.xlsx",
        [["Email", "Satisfaction", "Recommend (0-10)"], ["ana.lima@example.org", 5, 11]],
    )
    plan = check(importer, pilot, path, ImportKind.SATISFACTION)
    assert plan.mapping.column(F.RECOMMEND) == 2
    assert bad_rows(plan) == {2: ["Would recommend is a whole number from 0 to 10, not 11."]}


def test_knowledge_scores_before_and_after_read_percentages_and_fractions(
    services, importer, pilot, tmp_path
):
    ana, bjorn, chloe, _dev = pilot.participant_ids
    path = workbook(
        tmp_path / "quiz.xlsx",
        [
            ["Employee number", "Score before", "Score after"],
            ["E-001", 0.55, 0.8],
            ["E-002", 0.6, "n/a"],
            ["E-003", 0.4, 0.9],
        ],
    )
    plan = check(importer, pilot, path, ImportKind.KNOWLEDGE)
    assert plan.bad == []
    assert any("read as fractions" in remark for remark in plan.remarks)
    importer.apply(plan)
    scores = {
        row.participant_id: (row.before, row.after)
        for row in services.pilot_tracking.scores(pilot.pilot_id, "knowledge")
    }
    assert scores == {ana: (55.0, 80.0), bjorn: (60.0, None), chloe: (40.0, 90.0)}


def test_a_knowledge_score_over_100_percent_is_a_bad_row(importer, pilot, tmp_path):
    path = workbook(
        tmp_path / "quiz.xlsx",
        [["Name", "Pre-test score", "Post-test score"], ["Ana Lima", "55%", "120%"]],
    )
    plan = check(importer, pilot, path, ImportKind.KNOWLEDGE)
    assert bad_rows(plan) == {2: ["A knowledge check score is from 0 to 100 %, not 120%."]}


def test_engagement_scores_come_from_before_and_after_columns(services, importer, pilot, tmp_path):
    ana = pilot.participant_ids[0]
    path = workbook(
        tmp_path / "engagement.xlsx",
        [
            [
                "Name",
                "Job satisfaction (pre)",
                "Job satisfaction (post)",
                "Career development before",
                "Career development after",
            ],
            ["Ana Lima", 3, 4, 2, 3.5],
        ],
    )
    plan = check(importer, pilot, path, ImportKind.ENGAGEMENT)
    assert dict(plan.mapping.columns) == {
        F.PERSON: 0,
        F.JOB_BEFORE: 1,
        F.JOB_AFTER: 2,
        F.CAREER_BEFORE: 3,
        F.CAREER_AFTER: 4,
    }
    importer.apply(plan)
    job = services.pilot_tracking.scores(pilot.pilot_id, "job_satisfaction")
    career = services.pilot_tracking.scores(pilot.pilot_id, "career_satisfaction")
    assert [(r.participant_id, r.before, r.after) for r in job] == [(ana, 3.0, 4.0)]
    assert [(r.participant_id, r.before, r.after) for r in career] == [(ana, 2.0, 3.5)]


def test_task_timings_import_for_the_cohort_and_a_second_import_replaces_not_duplicates(
    services, importer, pilot, tmp_path
):
    header = [
        "Task",
        "Person",
        "Minutes before",
        "Minutes after",
        "Observations before",
        "Observations after",
        "Times a week",
        "Errors before",
        "Errors after",
    ]
    first = workbook(
        tmp_path / "timings.xlsx",
        [
            header,
            ["Monthly report", "", 90, 45, 3, 3, 1, 4, 1],
            ["Customer reply", "Ana Lima", 12, 6, 5, 5, 30, "", ""],
            ["Meeting notes", "Whole cohort", 0, 5, "", "", "", "", ""],
        ],
    )
    plan = check(importer, pilot, first, ImportKind.TIMINGS)
    assert bad_rows(plan) == {4: ["Minutes before training must be more than 0, not 0."]}
    importer.apply(plan, skip_bad_rows=True)

    second = workbook(
        tmp_path / "timings2.xlsx",
        [header[:4], ["monthly  report", "everyone", 80, 40]],
    )
    plan = check(importer, pilot, second, ImportKind.TIMINGS)
    result = importer.apply(plan)
    assert result.updated == 1
    timings = {
        row.timing.task: row.timing for row in services.pilot_tracking.timings(pilot.pilot_id)
    }
    assert set(timings) == {"Monthly report", "Customer reply"}
    assert timings["Monthly report"] == TimingInput("Monthly report", 80, 40, 3, 3, 1.0, 4, 1, None)
    assert timings["Customer reply"].participant_id == pilot.participant_ids[0]
    assert timings["Customer reply"].times_per_week == 30


def test_applications_are_logged_once_and_a_future_date_is_refused(
    services, importer, pilot, tmp_path
):
    ana = pilot.participant_ids[0]
    services.pilot_tracking.add_application(
        pilot.pilot_id, ApplicationInput(ana, "Drafting tender answers", 2, date.today())
    )
    tomorrow = date.today() + timedelta(days=1)
    path = workbook(
        tmp_path / "uses.xlsx",
        [
            ["Date", "Employee", "What they used AI for", "Hours saved per week"],
            [date.today(), "Ana Lima", "Drafting tender answers", 2],
            [date.today(), "Dev Patel", "Summarising claims", "1,5"],
            [tomorrow, "Björn Ek", "Translating letters", 1],
            [date.today(), "Chloé Martin", "Meeting minutes", 45],
        ],
    )
    plan = check(importer, pilot, path, ImportKind.APPLICATIONS)
    assert bad_rows(plan) == {
        4: [f"The date {tomorrow.isoformat()} is in the future."],
        5: ["Hours saved a week is from 0 to 40, not 45."],
    }
    assert any("already in the applications log" in remark for remark in plan.remarks)
    result = importer.apply(plan, skip_bad_rows=True)
    assert result.sentence.startswith("Added 1 application to the log.")
    logged = [
        (a.display_name, a.description, a.hours_saved_per_week)
        for a in services.pilot_tracking.applications(pilot.pilot_id)
    ]
    assert sorted(logged) == [
        ("Ana Lima", "Drafting tender answers", 2.0),
        ("Dev Patel", "Summarising claims", 1.5),
    ]


# -- all or nothing at the storage level ---------------------------------------------------


def test_a_check_in_import_that_fails_while_saving_its_last_week_saves_no_week(
    services, importer, pilot, tmp_path
):
    path = workbook(
        tmp_path / "weeks.xlsx",
        [
            ["Employee number", "Week", "Days used"],
            ["E-001", 1, 3],
            ["E-002", 2, 4],
            ["E-003", 3, 5],
        ],
    )
    plan = check(importer, pilot, path, ImportKind.CHECK_INS)
    assert plan.ok and len(plan.rows) == 3
    ana, bjorn, _chloe, dev = pilot.person_ids[:4]
    # Between the check and the import, Chloé (the last row, week 3) leaves the cohort.
    services.pilots.set_cohort(pilot.pilot_id, [CohortPick(p, "keen") for p in (ana, bjorn, dev)])

    with pytest.raises(ValidationError, match="outside this pilot; nothing was saved"):
        importer.apply(plan)
    assert services.pilot_tracking.check_ins(pilot.pilot_id) == []


def test_a_timings_import_that_fails_while_saving_its_last_row_saves_no_timing(
    services, importer, pilot, tmp_path
):
    path = workbook(
        tmp_path / "timings.xlsx",
        [
            ["Task", "Person", "Minutes before", "Minutes after"],
            ["Monthly report", "Whole cohort", 90, 45],
            ["Customer reply", "Ana Lima", 12, 6],
            ["Meeting notes", "Chloé Martin", 30, 10],
        ],
    )
    plan = check(importer, pilot, path, ImportKind.TIMINGS)
    assert plan.ok and len(plan.rows) == 3
    ana, bjorn, _chloe, dev = pilot.person_ids[:4]
    services.pilots.set_cohort(pilot.pilot_id, [CohortPick(p, "keen") for p in (ana, bjorn, dev)])

    with pytest.raises(ValidationError, match="outside this pilot; nothing was saved"):
        importer.apply(plan)
    assert services.pilot_tracking.timings(pilot.pilot_id) == []


def test_one_batch_saves_every_kind_of_measurement_or_none_of_them(services, pilot):
    ana, bjorn, chloe, _dev = pilot.participant_ids
    batch = TrackingBatch(
        weeks={1: [CheckInEntry(ana, 3)], 2: [CheckInEntry(bjorn, 4)]},
        timings=[(TimingInput("Monthly report", 90, 45), None)],
        feedback=[FeedbackInput(ana, 4, 8, "Useful")],
        scores=[("knowledge", "before", {chloe: 55.0})],
        applications=[ApplicationInput(bjorn, "Summarising claims", 1.5)],
    )
    outsider = TrackingBatch(
        weeks={3: [CheckInEntry(chloe, 2)]},
        applications=[ApplicationInput(pilot.participant_ids[0] + 1000, "Not in the pilot")],
    )
    tracking = services.pilot_tracking

    with pytest.raises(ValidationError, match="outside this pilot"):
        tracking.record_import(pilot.pilot_id, outsider)
    assert tracking.check_ins(pilot.pilot_id) == []
    tracking.record_import(pilot.pilot_id, batch)

    assert [(r.week, r.participant_id) for r in tracking.check_ins(pilot.pilot_id)] == [
        (1, ana),
        (2, bjorn),
    ]
    assert [r.timing.task for r in tracking.timings(pilot.pilot_id)] == ["Monthly report"]
    assert tracking.feedback(pilot.pilot_id)[ana].comment == "Useful"
    assert [(r.participant_id, r.before) for r in tracking.scores(pilot.pilot_id, "knowledge")] == [
        (chloe, 55.0)
    ]
    assert [a.description for a in tracking.applications(pilot.pilot_id)] == ["Summarising claims"]


@pytest.mark.parametrize(
    ("kind", "headers", "expected"),
    [
        (
            ImportKind.CHECK_INS,
            ["Staff no.", "Week #", "Days used AI", "Which features?", "Learning time (h)"],
            {F.PERSON: 0, F.WEEK: 1, F.DAYS_USED: 2, F.FEATURES: 3, F.LEARNING_HOURS: 4},
        ),
        (
            ImportKind.SATISFACTION,
            ["Timestamp", "Email address", "How satisfied are you?", "NPS", "Any comments?"],
            {F.DATE: 0, F.PERSON: 1, F.SATISFACTION: 2, F.RECOMMEND: 3, F.COMMENT: 4},
        ),
        (
            ImportKind.KNOWLEDGE,
            ["Learner", "Quiz (baseline)", "Quiz (follow-up)"],
            {F.PERSON: 0, F.KNOWLEDGE_BEFORE: 1, F.KNOWLEDGE_AFTER: 2},
        ),
        (
            ImportKind.APPLICATIONS,
            ["Logged on", "Name", "What did you use AI for?", "Time saved (hrs/week)"],
            {F.DATE: 0, F.PERSON: 1, F.DESCRIPTION: 2, F.HOURS_SAVED: 3},
        ),
    ],
)
def test_columns_are_guessed_from_common_header_words(kind, headers, expected):
    from app.pilots.tracking_import_mapping import guess_tracking_mapping

    assert dict(guess_tracking_mapping(kind, headers).columns) == expected
