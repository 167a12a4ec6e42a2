"""Importing completions from an LMS export: the column guesses, every reason a row is bad,
nothing saved while one is, and what a good import records (csv and xlsx)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from app.context import AppServices
from app.errors import ValidationError
from app.events import Change, Topic
from app.paths.completions_mapping import guess_completion_mapping
from app.paths.completions_model import CompletionMapping, PersonKey
from app.roster.model import RosterFileError
from app.services.people import PersonInput
from db.models import Track
from tests.app.skills_people import add_department_people
from tests.conftest import shared_file

pytestmark = pytest.mark.database

TODAY = date(2026, 6, 30)
FOUNDATIONS = "AI at work: the essentials"
SAFE_USE = "Safe and fair use: our house rules for AI"
PROMPTING = "Prompting basics: asking for what you need"


class Org:
    """Three named people on the frontline awareness path, one more not on any path."""

    def __init__(self, services: AppServices) -> None:
        role = services.organisation.add_role("Adviser", Track.FRONTLINE)
        department = services.organisation.add_department("Customer service")
        self.others = add_department_people(services, "Sales", 2, role)

        def person(first: str, last: str, number: str, email: str) -> int:
            return services.people.add(
                PersonInput(
                    first_name=first,
                    last_name=last,
                    employee_number=number,
                    email=email,
                    department_id=department,
                    role_id=role,
                )
            )

        self.ada = person("Ada", "Lovelace", "00123", "ada@example.org")
        self.grace = person("Grace", "Hopper", "E200", "grace@example.org")
        self.alan = person("Alan", "Turing", "E300", "alan@example.org")
        self.idle = person("Idle", "Reader", "E400", "idle@example.org")
        self.path = services.paths.create_from_template("frontline_awareness")
        services.suggestions.assign(
            self.path,
            [self.ada, self.grace, self.alan, *self.others],
            starts_on=date(2026, 1, 5),
            trim_to_gaps=False,
        )
        self.services = services

    def progress(self) -> dict[int, object]:
        return {p.person_id: p for p in self.services.path_progress.progress(self.path)}


def write_csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def check(services: AppServices, path: Path, **changes: object):
    table = services.completions.read(path)
    mapping = services.completions.guess_mapping(table)
    if changes:
        mapping = CompletionMapping(**{**mapping.__dict__, **changes})  # type: ignore[arg-type]
    return services.completions.check(table, mapping, today=TODAY)


# Mapping ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (
            ["User", "Email", "Course title", "Completion date", "Status", "Score"],
            CompletionMapping(1, PersonKey.EMAIL, 2, 3, 4, 5),
        ),
        (
            ["Employee ID", "Learner Name", "Course", "Completed On", "Grade"],
            CompletionMapping(0, PersonKey.EMPLOYEE_NUMBER, 2, 3, None, 4),
        ),
        (
            ["First name", "Last name", "Email address", "Course", "Time completed"],
            CompletionMapping(2, PersonKey.EMAIL, 3, 4),
        ),
        (["Learner", "Module", "Date"], CompletionMapping(0, PersonKey.ANY, 1, 2)),
        (
            [
                "Username",
                "Course code",
                "Course name",
                "Enrollment date",
                "Completion Date",
                "Status",
                "Final score",
            ],
            CompletionMapping(0, PersonKey.ANY, 2, 4, 5, 6),
        ),
        (
            ["Full name", "Training", "Start date", "Date of completion", "Result"],
            CompletionMapping(0, PersonKey.FULL_NAME, 1, 3, None, 4),
        ),
        (
            ["user_id", "module_key", "completed_at", "completion_status"],
            CompletionMapping(0, PersonKey.EMPLOYEE_NUMBER, 1, 2, 3),
        ),
    ],
    ids=["generic", "cornerstone", "moodle", "bare", "docebo", "classroom", "snake_case"],
)
def test_the_columns_of_common_lms_exports_are_guessed_from_their_headers(headers, expected):
    assert guess_completion_mapping(headers) == expected


def test_a_file_without_a_date_column_is_refused_saying_which_column_is_missing(services, tmp_path):
    Org(services)
    export = write_csv(tmp_path / "lms.csv", "Email,Course\nada@example.org,Prompting basics\n")
    table = services.completions.read(export)
    mapping = services.completions.guess_mapping(table)
    assert mapping.date is None

    with pytest.raises(ValidationError) as raised:
        services.completions.check(table, mapping, today=TODAY)
    assert "Completion date" in raised.value.message
    assert raised.value.field == "date"


def test_an_empty_file_gets_a_message_about_exporting_from_the_lms_again(services, tmp_path):
    empty = tmp_path / "completions.csv"
    empty.write_bytes(b"")
    with pytest.raises(RosterFileError, match="Export the completions again"):
        services.completions.read(empty)


def test_a_real_password_protected_workbook_is_refused_with_the_password_message(services):
    # No LMS export is among the shared real files; this real workbook is a bad input an
    # LMS export can also be (a password set in Excel).
    path = shared_file("xlsx-import-edge-cases", "calamine__pass_protected.xlsx")
    with pytest.raises(RosterFileError, match=r"(?i)password"):
        services.completions.read(path)


# Bad rows -----------------------------------------------------------------------------


def test_every_bad_row_is_listed_with_its_row_number_and_a_plain_reason(services, tmp_path):
    org = Org(services)
    services.people.add(PersonInput(first_name="Ada", last_name="Lovelace"))  # a second Ada
    export = write_csv(
        tmp_path / "lms.csv",
        "Learner,Course,Completion date,Score,Status\n"
        f"E200,{PROMPTING},2026-03-02,90,Completed\n"  # 2: good
        f"nobody@example.org,{PROMPTING},2026-03-02,,Completed\n"  # 3
        "E300,Machine learning in plain language,2026-03-02,,Completed\n"  # 4
        "E300,Prompt basics for everyone,2026-03-02,,Completed\n"  # 5
        "E300,Prompting basics - asking for what you need,,,Completed\n"  # 6
        "E300,Prompting basics - asking for what you need,31/31/2026,,Completed\n"  # 7
        "E300,Prompting basics - asking for what you need,2026-12-01,,Completed\n"  # 8
        "E300,Prompting basics - asking for what you need,2026-03-02,120,Completed\n"  # 9
        "E300,Prompting basics - asking for what you need,2026-03-02,A+,Completed\n"  # 10
        "E300,Prompting basics - asking for what you need,2026-03-02,,Waived\n"  # 11
        "Ada Lovelace,Prompting basics - asking for what you need,2026-03-02,,Completed\n"  # 12
        "E400,Prompting basics - asking for what you need,2026-03-02,,Completed\n"  # 13
        ",Prompting basics - asking for what you need,2026-03-02,,Completed\n",  # 14
    )
    plan = check(services, export)

    reasons = {p.row: p.message for p in plan.bad}
    assert sorted(reasons) == list(range(3, 15))
    assert reasons[3].startswith("No one in the data file has “nobody@example.org”")
    assert reasons[4] == (
        "Alan Turing does not follow a learning path with “Machine learning in plain "
        "language”. Assign them a path that has it, or take the row out."
    )
    assert reasons[5].startswith("No module is called “Prompt basics for everyone”")
    assert reasons[6].startswith("The completion date is missing.")
    assert reasons[7].startswith("“31/31/2026” is not a date that can be read.")
    assert reasons[8] == "The completion date 2026-12-01 is in the future."
    assert reasons[9] == "The score 120 is out of range: a score is from 0 to 100 %."
    assert reasons[10].startswith("“A+” is not a score.")
    assert reasons[11].startswith("The status “Waived” is not understood.")
    assert reasons[12].startswith("“Ada Lovelace” matches 2 people in the data file.")
    assert reasons[13].startswith("Idle Reader does not follow any learning path yet.")
    assert reasons[14].startswith("The person is missing.")
    assert {p.column for p in plan.bad if p.row in (7, 8)} == {"Completion date"}
    assert [r.row for r in plan.rows] == [2]
    assert (plan.ok, plan.bad_rows, plan.people, plan.modules) == (False, 12, 1, 1)
    assert org.progress()[org.grace].statuses["prompt_basics"] == "not_started"


def test_a_module_title_with_a_small_typo_gets_a_did_you_mean(services, tmp_path):
    Org(services)
    export = write_csv(
        tmp_path / "lms.csv",
        "Email,Course,Completion date\ngrace@example.org,Prompting basic: asking for what "
        "you need,2026-03-02\n",
    )
    (problem,) = check(services, export).bad
    assert problem.message.endswith(f"Did you mean “{PROMPTING}”?")


def test_nothing_is_saved_while_a_row_is_bad(services, tmp_path):
    org = Org(services)
    export = write_csv(
        tmp_path / "lms.csv",
        "Email,Course,Completion date\n"
        f"grace@example.org,{PROMPTING},2026-03-02\n"
        f"alan@example.org,{SAFE_USE},2026-03-03\n"
        f"stranger@example.org,{SAFE_USE},2026-03-03\n",
    )
    plan = check(services, export)
    assert len(plan.rows) == 2 and plan.bad_rows == 1
    published: list[Change] = []
    services.changes.subscribe(published.append)

    with pytest.raises(ValidationError, match="1 row of the file has a problem; nothing was saved"):
        services.completions.apply(plan)

    progress = org.progress()
    assert progress[org.grace].statuses["prompt_basics"] == "not_started"
    assert progress[org.alan].statuses["safe_use_essentials"] == "not_started"
    assert all(p.done == 0 for p in progress.values())
    assert published == []


def test_importing_only_the_good_rows_is_an_explicit_choice_that_the_result_states(
    services, tmp_path
):
    org = Org(services)
    export = write_csv(
        tmp_path / "lms.csv",
        "Email,Course,Completion date\n"
        f"grace@example.org,{PROMPTING},2026-03-02\n"
        f"stranger@example.org,{SAFE_USE},2026-03-03\n",
    )
    plan = check(services, export)

    imported = services.completions.apply(plan, skip_bad_rows=True)

    assert (imported.count, imported.skipped_bad_rows) == (1, 1)
    assert org.progress()[org.grace].completed_on == {"prompt_basics": date(2026, 3, 2)}


# Good imports -------------------------------------------------------------------------


def test_a_good_csv_import_records_statuses_dates_and_scores_in_one_change(services, tmp_path):
    org = Org(services)
    sales0, sales1 = org.others
    export = write_csv(
        tmp_path / "lms.csv",
        "Employee ID,Learner name,Course title,Completion date,Status,Score\n"
        f"123,Ada Lovelace,{FOUNDATIONS.upper()},2026-02-10,Passed,87%\n"
        f"123,Ada Lovelace,  prompting basics: asking for what you need. ,03/04/2026,"
        "Completed,91.5\n"
        f"E200,Grace Hopper,{SAFE_USE},2026-02-11,In progress,\n"
        f"E200,Grace Hopper,{FOUNDATIONS},,Enrolled,\n"
        f"E300,Alan Turing,ai_foundations,15/01/2026,completed,17/20\n"
        f"E300,Alan Turing,{SAFE_USE},,Failed,40\n",
    )
    plan = check(services, export)
    assert plan.ok, [p.message for p in plan.bad]
    assert (len(plan.rows), plan.people, plan.modules, plan.left_out) == (5, 3, 3, 1)
    assert any("not started" in remark for remark in plan.remarks)
    assert any("failed" in remark for remark in plan.remarks)
    published: list[Change] = []
    services.changes.subscribe(published.append)

    imported = services.completions.apply(plan)

    assert (imported.count, imported.people, imported.modules) == (5, 3, 3)
    assert published == [Change(frozenset({Topic.PATHS}), frozenset({org.path}))]
    progress = org.progress()
    ada, grace, alan = progress[org.ada], progress[org.grace], progress[org.alan]
    assert ada.completed_on == {
        "ai_foundations": date(2026, 2, 10),
        "prompt_basics": date(2026, 4, 3),
    }
    assert ada.scores == {"ai_foundations": 87.0, "prompt_basics": 91.5}
    assert ada.done == 2
    assert grace.statuses["safe_use_essentials"] == "in_progress"
    assert grace.statuses["ai_foundations"] == "not_started"
    assert alan.completed_on == {"ai_foundations": date(2026, 1, 15)}
    assert alan.scores == {"ai_foundations": 85.0}
    assert alan.statuses["safe_use_essentials"] == "in_progress"
    assert progress[sales0].done == progress[sales1].done == 0


def test_a_good_xlsx_import_reads_real_dates_a_title_block_and_fractional_scores(
    services, tmp_path
):
    org = Org(services)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Completions"
    sheet.append(["Course completion report"])
    sheet.append(["Exported 30/06/2026"])
    sheet.append(["User", "E-mail", "Course", "Completed on", "Score"])
    sheet.append(["Ada", "ADA@example.org", FOUNDATIONS + ".", datetime(2026, 5, 4, 14, 30), 0.9])
    sheet.append(["Grace", "grace@example.org", PROMPTING, datetime(2026, 5, 5), 0.755])
    sheet.append(["Grace", "grace@example.org", SAFE_USE, 46150, None])  # an Excel serial
    export = tmp_path / "export.xlsx"
    book.save(export)

    assert services.completions.sheets(export)[0].name == "Completions"
    plan = check(services, export)
    assert plan.ok, [p.message for p in plan.bad]
    assert any("fractions" in remark for remark in plan.remarks)
    services.completions.apply(plan)

    progress = org.progress()
    assert progress[org.ada].completed_on == {"ai_foundations": date(2026, 5, 4)}
    assert progress[org.ada].scores == {"ai_foundations": 90.0}
    assert progress[org.grace].completed_on == {
        "prompt_basics": date(2026, 5, 5),
        "safe_use_essentials": date(2026, 5, 8),
    }
    assert progress[org.grace].scores == {"prompt_basics": 75.5}


def test_dates_are_read_month_first_when_the_column_shows_it_or_the_user_says_so(
    services, tmp_path
):
    org = Org(services)
    text = (
        "Email,Course,Completion date\n"
        f"ada@example.org,{FOUNDATIONS},03/04/2026\n"
        f"grace@example.org,{FOUNDATIONS},04/23/2026\n"
    )
    export = write_csv(tmp_path / "us.csv", text)
    plan = check(services, export)
    assert [r.completed_on for r in plan.rows] == [date(2026, 3, 4), date(2026, 4, 23)]
    assert any("month first" in remark for remark in plan.remarks)

    day_first = write_csv(
        tmp_path / "eu.csv", text.splitlines(keepends=True)[0] + text.splitlines(keepends=True)[1]
    )
    assert [r.completed_on for r in check(services, day_first).rows] == [date(2026, 4, 3)]
    told = check(services, day_first, day_first=False)
    assert [r.completed_on for r in told.rows] == [date(2026, 3, 4)]
    assert org.progress()[org.ada].done == 0


def test_the_same_person_and_module_twice_keeps_the_later_date_as_a_note(services, tmp_path):
    org = Org(services)
    export = write_csv(
        tmp_path / "lms.csv",
        "Email,Course,Completion date,Status\n"
        f"ada@example.org,{FOUNDATIONS},2026-03-09,Completed\n"
        f"ada@example.org,{FOUNDATIONS},2026-02-01,Completed\n"
        f"ada@example.org,{FOUNDATIONS},,In progress\n",
    )
    plan = check(services, export)

    assert plan.ok
    assert [r.row for r in plan.rows] == [2]
    assert plan.left_out == 2
    assert not any("not started" in remark for remark in plan.remarks)
    assert [(n.row, n.severity) for n in plan.notes] == [(3, "warning"), (4, "warning")]
    assert plan.notes[0].message == (
        f"Rows 2 and 3 are both Ada Lovelace – “{FOUNDATIONS}”: row 2 (done on 2026-03-09) is kept."
    )
    services.completions.apply(plan)
    assert org.progress()[org.ada].completed_on == {"ai_foundations": date(2026, 3, 9)}


def test_a_later_completion_already_recorded_is_kept_and_in_progress_never_undoes_done(
    services, tmp_path
):
    org = Org(services)
    services.path_progress.set_progress(
        org.path, [org.ada], "ai_foundations", "completed", on=date(2026, 5, 1), score=70
    )
    services.path_progress.set_progress(
        org.path, [org.grace], "ai_foundations", "completed", on=date(2026, 1, 1)
    )
    export = write_csv(
        tmp_path / "lms.csv",
        "Email,Course,Completion date,Status,Score\n"
        f"ada@example.org,{FOUNDATIONS},2026-02-01,Completed,99\n"
        f"grace@example.org,{FOUNDATIONS},2026-02-01,Completed,80\n"
        f"ada@example.org,{SAFE_USE},2026-02-01,Completed,\n"
        f"grace@example.org,{SAFE_USE},,In progress,\n",
    )
    services.path_progress.set_progress(
        org.path, [org.grace], "safe_use_essentials", "completed", on=date(2026, 1, 2)
    )

    imported = services.completions.apply(check(services, export))

    assert (imported.count, imported.unchanged) == (2, 2)
    progress = org.progress()
    assert progress[org.ada].completed_on["ai_foundations"] == date(2026, 5, 1)
    assert progress[org.ada].scores["ai_foundations"] == 70
    assert progress[org.grace].completed_on["ai_foundations"] == date(2026, 2, 1)
    assert progress[org.grace].scores["ai_foundations"] == 80
    assert progress[org.grace].statuses["safe_use_essentials"] == "completed"


def test_a_skipped_module_done_anyway_becomes_done_without_its_skip_reason(services, tmp_path):
    org = Org(services)
    services.path_progress.set_progress(
        org.path, [org.ada], "ai_clinic", "skipped", note="Already at that level"
    )
    export = write_csv(
        tmp_path / "lms.csv",
        "Employee number,Module,Completion date\n00123,ai_clinic,2026-02-01\n",
    )
    services.completions.apply(check(services, export))
    ada = org.progress()[org.ada]
    assert ada.statuses["ai_clinic"] == "completed"
    assert "ai_clinic" not in ada.notes


def test_a_person_on_two_paths_with_the_module_gets_it_done_on_both(services, tmp_path):
    org = Org(services)
    second = services.paths.create_from_template("frontline_builder")
    services.suggestions.assign(second, [org.ada], starts_on=date(2026, 2, 1), trim_to_gaps=False)
    export = write_csv(
        tmp_path / "lms.csv",
        f"Email,Course,Completion date\nada@example.org,{FOUNDATIONS},2026-03-01\n",
    )
    imported = services.completions.apply(check(services, export))
    assert imported.count == 2
    for path in (org.path, second):
        (ada,) = [p for p in services.path_progress.progress(path) if p.person_id == org.ada]
        assert ada.statuses["ai_foundations"] == "completed"


def test_a_path_deleted_between_the_check_and_the_import_saves_no_row_of_the_file(
    services, tmp_path
):
    org = Org(services)
    second = services.paths.create_from_template("frontline_builder")
    services.suggestions.assign(second, [org.idle], starts_on=date(2026, 2, 1), trim_to_gaps=False)
    export = write_csv(
        tmp_path / "lms.csv",
        "Email,Course,Completion date\n"
        f"grace@example.org,{PROMPTING},2026-03-02\n"
        f"alan@example.org,{SAFE_USE},2026-03-03\n"
        f"idle@example.org,{FOUNDATIONS},2026-03-04\n",
    )
    plan = check(services, export)
    assert plan.ok and len(plan.rows) == 3
    services.paths.delete_path(second)  # the last row's path, after the check

    with pytest.raises(ValidationError, match="changed since the file was checked"):
        services.completions.apply(plan)
    progress = org.progress()
    assert progress[org.grace].statuses["prompt_basics"] == "not_started"
    assert progress[org.alan].statuses["safe_use_essentials"] == "not_started"
