"""The completions import wizard, driven page by page the way an HR generalist would, with
the data file checked at the end."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWizard

from app.context import AppServices
from app.paths.completions_model import CompletionField, PersonKey
from app.paths.progress import PersonProgress
from app.services.people import PersonInput
from db.models import Track
from tests.app.skills_people import add_department_people
from ui.paths.completions_dialog import CompletionsImportDialog

pytestmark = pytest.mark.database

STEP_TIMEOUT_MS = 60_000
FOUNDATIONS = "AI at work: the essentials"
PROMPTING = "Prompting basics: asking for what you need"


class Org:
    """Two named people and a department of three on the frontline awareness path."""

    def __init__(self, services: AppServices) -> None:
        role = services.organisation.add_role("Adviser", Track.FRONTLINE)
        self.sales = add_department_people(services, "Sales", 3, role)
        self.ada = services.people.add(
            PersonInput(
                first_name="Ada", last_name="Lovelace", email="ada@example.org", role_id=role
            )
        )
        self.grace = services.people.add(
            PersonInput(
                first_name="Grace", last_name="Hopper", email="grace@example.org", role_id=role
            )
        )
        self.path = services.paths.create_from_template("frontline_awareness")
        services.suggestions.assign(
            self.path,
            [self.ada, self.grace, *self.sales],
            starts_on=date(2026, 1, 5),
            trim_to_gaps=False,
        )
        self.services = services

    def progress(self, person: int) -> PersonProgress:
        (found,) = [
            p for p in self.services.path_progress.progress(self.path) if p.person_id == person
        ]
        return found


@pytest.fixture
def org(services: AppServices) -> Org:
    return Org(services)


@pytest.fixture
def dialog(qtbot, services: AppServices) -> CompletionsImportDialog:
    wizard = CompletionsImportDialog(services)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def choose_file(qtbot, dialog: CompletionsImportDialog, path: Path) -> None:
    """Choose ``path`` through the Choose file… button (the file dialog itself is replaced)."""
    dialog.choose_file_path = lambda: str(path)  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.step_finished, timeout=STEP_TIMEOUT_MS):
        qtbot.mouseClick(dialog.file_page.browse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.busy is None, timeout=STEP_TIMEOUT_MS)


def click_next(qtbot, dialog: CompletionsImportDialog, *, waits_for_step: bool = True) -> None:
    button = dialog.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), f"Next is disabled on page {dialog.currentId()}"
    if waits_for_step:
        with qtbot.waitSignal(dialog.step_finished, timeout=STEP_TIMEOUT_MS):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    else:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def problem_rows(dialog: CompletionsImportDialog) -> dict[str, str]:
    model = dialog.check_page.problems_model
    return {model.index(r, 0).data(): model.index(r, 2).data() for r in range(model.rowCount())}


def test_a_bad_row_stops_the_import_until_the_user_explicitly_leaves_it_out(
    qtbot, dialog, org, services, tmp_path
):
    export = tmp_path / "lms_export.csv"
    export.write_text(
        "Learner,Course,Completed on,Score\n"
        f"ada@example.org,{FOUNDATIONS},2026-03-02,0.9\n"
        f"someone.else@example.org,{FOUNDATIONS},2026-03-02,0.8\n"
        f"Grace Hopper,{PROMPTING},2026-03-05,0.75\n",
        encoding="utf-8",
    )
    choose_file(qtbot, dialog, export)
    assert dialog.file_page.preview_model.rowCount() == 3

    click_next(qtbot, dialog, waits_for_step=False)
    mapping = dialog.mapping_page
    assert dialog.currentId() == CompletionsImportDialog.MAPPING
    assert mapping.combos[CompletionField.PERSON].currentText() == "Learner"
    assert mapping.person_key.currentData() == PersonKey.ANY
    assert mapping.combos[CompletionField.MODULE].currentText() == "Course"
    assert mapping.combos[CompletionField.DATE].currentText() == "Completed on"
    assert mapping.combos[CompletionField.SCORE].currentText() == "Score"

    click_next(qtbot, dialog)
    check = dialog.check_page
    assert dialog.currentId() == CompletionsImportDialog.CHECK
    assert check.headline.text() == "1 row has a problem; nothing will be saved until it is fixed."
    assert problem_rows(dialog) == {
        "3": "No one in the data file has “someone.else@example.org” as employee number, "
        "e-mail or name. Check the spelling, or add the person on the People page first."
    }
    assert "2 good rows: 2 people and 2 modules" in check.counts.text()
    import_button = dialog.button(QWizard.WizardButton.NextButton)
    assert not import_button.isEnabled()
    assert org.progress(org.ada).done == 0

    # Leaving the bad row out is an explicit choice, and the result says so.
    assert check.skip_bad.text() == (
        "Import the 2 good rows and leave out the 1 row with a problem"
    )
    box = check.skip_bad
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert import_button.isEnabled()
    click_next(qtbot, dialog)
    result = dialog.result_page
    assert dialog.currentId() == CompletionsImportDialog.RESULT
    assert result.values["count"].text() == "2"
    assert result.values["skipped"].isVisible()
    assert result.values["skipped"].text().startswith("1 (as you chose")
    qtbot.mouseClick(dialog.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    ada, grace = org.progress(org.ada), org.progress(org.grace)
    assert ada.completed_on == {"ai_foundations": date(2026, 3, 2)}
    assert ada.scores == {"ai_foundations": 90.0}
    assert grace.completed_on == {"prompt_basics": date(2026, 3, 5)}
    assert grace.scores == {"prompt_basics": 75.0}
    assert all(org.progress(p).done == 0 for p in org.sales)


def test_a_workbook_sheet_and_a_month_first_date_order_chosen_by_the_user_are_used(
    qtbot, dialog, org, services, tmp_path
):
    book = openpyxl.Workbook()
    summary = book.active
    summary.title = "Summary"
    summary.append(["Report", "Completions Q1"])
    summary.append(["Rows", 2])
    sheet = book.create_sheet("Completions")
    sheet.append(["Name", "Module", "Date", "Status"])
    sheet.append(["Ada Lovelace", "ai_foundations", "04/03/2026", "Completed"])
    sheet.append(["Grace Hopper", "safe_use_essentials", "04/01/2026", "In progress"])
    sheet.append(["Sales0", "prompt_basics", "", "Enrolled"])
    export = tmp_path / "lms.xlsx"
    book.save(export)

    choose_file(qtbot, dialog, export)
    sheets = dialog.file_page.sheet_combo
    assert sheets.isVisible()
    sheets.setCurrentIndex(sheets.findText("Summary"))
    qtbot.waitUntil(lambda: dialog.busy is None, timeout=STEP_TIMEOUT_MS)
    assert dialog.table is not None and dialog.table.sheet == "Summary"
    with qtbot.waitSignal(dialog.step_finished, timeout=STEP_TIMEOUT_MS):
        sheets.setCurrentIndex(sheets.findText("Completions"))
    assert dialog.table is not None and dialog.table.sheet == "Completions"

    click_next(qtbot, dialog, waits_for_step=False)
    mapping = dialog.mapping_page
    assert mapping.person_key.currentData() == PersonKey.FULL_NAME
    order = mapping.date_order
    order.setCurrentIndex(order.findData(False))  # month first: 04/03/2026 is April 3

    click_next(qtbot, dialog)
    check = dialog.check_page
    assert check.headline.text() == "All 2 rows can be imported."
    assert "1 row says the module was not started" in check.remarks.text()
    assert not check.skip_bad.isVisible()
    click_next(qtbot, dialog)
    assert dialog.result_page.values["count"].text() == "2"
    assert not dialog.result_page.values["skipped"].isVisible()
    qtbot.mouseClick(dialog.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    assert org.progress(org.ada).completed_on == {"ai_foundations": date(2026, 4, 3)}
    assert org.progress(org.grace).statuses["safe_use_essentials"] == "in_progress"
    assert org.progress(org.sales[0]).statuses["prompt_basics"] == "not_started"


def test_a_file_that_is_not_a_spreadsheet_is_explained_on_the_first_page(
    qtbot, dialog, org, tmp_path
):
    report = tmp_path / "transcript.pdf"
    report.write_bytes(b"%PDF-1.7 not a table")
    choose_file(qtbot, dialog, report)

    error = dialog.file_page.error
    assert error.isVisible()
    assert "can't be imported" in error.text() and "CSV" in error.text()
    assert not dialog.button(QWizard.WizardButton.NextButton).isEnabled()


def test_an_export_without_a_date_column_cannot_go_past_the_mapping(
    qtbot, dialog, org, services, tmp_path
):
    export = tmp_path / "no_dates.csv"
    export.write_text(f"Email,Course\nada@example.org,{FOUNDATIONS}\n", encoding="utf-8")
    choose_file(qtbot, dialog, export)
    click_next(qtbot, dialog, waits_for_step=False)

    mapping = dialog.mapping_page
    assert mapping.combos[CompletionField.DATE].currentText() == "(no column)"
    assert mapping.error.text().startswith("Choose the column with the completion date.")
    assert "export it again" in mapping.error.text()
    assert not dialog.button(QWizard.WizardButton.NextButton).isEnabled()

    # Choosing a column twice is explained too.
    date_combo = mapping.combos[CompletionField.DATE]
    date_combo.setCurrentIndex(date_combo.findText("Course"))
    assert "is chosen for both" in mapping.error.text()
    assert not dialog.button(QWizard.WizardButton.NextButton).isEnabled()
    assert org.progress(org.ada).done == 0
