"""The roster import wizard, driven page by page the way an HR generalist would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWizard

from app.roster.model import RosterField
from app.services.people import PeopleQuery
from tests.conftest import shared_file
from tests.ui.people.conftest import click_next, finish_import, open_file, start_import
from ui.people.import_dialog import ImportDialog
from ui.people.people_model import PeopleTableModel

IBM = ("ibm-hr-attrition", "WA_Fn-UseC_-HR-Employee-Attrition")

pytestmark = pytest.mark.database


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_importing_the_ibm_roster_through_the_dialog_gives_1470_people_in_3_departments_and_9_roles(
    qtbot, page, services, suffix
):
    path = shared_file(IBM[0], IBM[1] + suffix)
    assert page.is_empty_state_shown()

    dialog = start_import(qtbot, page, path)
    assert dialog.sheet_page.preview_model.rowCount() == 20
    assert "EmployeeNumber" in [
        dialog.sheet_page.preview_model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(dialog.sheet_page.preview_model.columnCount())
    ]
    assert dialog.mapping[RosterField.EMPLOYEE_NUMBER] == dialog.table.headers.index(
        "EmployeeNumber"
    )
    assert dialog.plan is not None and dialog.plan.ok
    assert "1,470 people ready to import" in dialog.check_page.headline.text()
    finish_import(qtbot, dialog)

    assert dialog.summary is not None and dialog.summary.imported == 1470
    assert "employee number" in dialog.summary_page.notes.text().lower()
    assert services.people.count(PeopleQuery(status=None)) == 1470
    assert len(services.organisation.departments()) == 3
    assert len(services.organisation.roles()) == 9

    # The page refreshed from the change notification.
    qtbot.waitUntil(lambda: page.model.rowCount() == 1470)
    assert not page.is_empty_state_shown()
    assert page.count_label.text() == "1,470 people"

    # Filter by department.
    combo = page.department_filter
    combo.setCurrentIndex(combo.findText("Research & Development"))
    assert page.model.rowCount() == 961
    assert page.count_label.text() == "961 of 1,470 people"
    assert {
        page.model.index(row, PeopleTableModel.DEPARTMENT).data() for row in range(0, 961, 97)
    } == {"Research & Development"}

    # Typing in the search box narrows the list (after a short pause).
    qtbot.keyClicks(page.search, "Employee 20")
    qtbot.waitUntil(lambda: page.model.rowCount() < 961, timeout=3000)
    shown = page.model.rowCount()
    assert 0 < shown < 961
    assert all("20" in page.model.index(row, PeopleTableModel.NAME).data() for row in range(shown))

    # Clicking a column header sorts by that column, again to reverse.
    page.clear_filters()
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(PeopleTableModel.EMPLOYEE_NUMBER) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    numbers = [page.model.index(row, PeopleTableModel.EMPLOYEE_NUMBER).data() for row in range(50)]
    assert numbers == sorted(numbers)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    reversed_numbers = [
        page.model.index(row, PeopleTableModel.EMPLOYEE_NUMBER).data() for row in range(50)
    ]
    assert reversed_numbers == sorted(reversed_numbers, reverse=True)
    assert reversed_numbers[0] != numbers[0]


def test_a_csv_with_a_duplicate_employee_number_shows_the_problems_with_row_numbers_and_writes_nothing(  # noqa: E501
    qtbot, page, services, tmp_path: Path
):
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "Employee number,First name,Last name,E-mail,Department\n"
        "100,Ada,Lovelace,ada@example.org,Research\n"
        "101,Grace,Hopper,grace@example.org,Research\n"
        "100,Alan,Turing,alan@example.org,Research\n",
        encoding="utf-8",
    )
    dialog = start_import(qtbot, page, roster)

    check = dialog.check_page
    assert dialog.plan is not None and not dialog.plan.ok
    assert check.headline.text() == (
        "1 error stops the import; nothing will be written until it is fixed in the file."
    )
    rows = {check.problems_model.index(r, 0).data() for r in range(check.problems_model.rowCount())}
    assert "4" in rows  # the second "100" is on line 4 of the file
    messages = " ".join(
        check.problems_model.index(r, 2).data() for r in range(check.problems_model.rowCount())
    )
    assert "100" in messages or "duplicate" in messages.lower() or "twice" in messages.lower()
    assert not dialog.button(QWizard.WizardButton.NextButton).isEnabled()

    # Back goes to the mapping to fix it; still nothing was written.
    qtbot.mouseClick(dialog.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    assert dialog.currentId() == ImportDialog.MAPPING
    assert services.people.count(PeopleQuery(status=None)) == 0
    assert services.organisation.departments() == []


def test_a_password_protected_workbook_shows_the_password_message(qtbot, page, services):
    path = shared_file("xlsx-import-edge-cases", "calamine__pass_protected.xlsx")
    dialog = page.import_roster()
    qtbot.waitExposed(dialog)
    open_file(qtbot, dialog, path)

    error = dialog.file_page.error
    assert error.isVisible()
    assert "password" in error.text().lower()
    assert "Traceback" not in error.text()
    assert not dialog.button(QWizard.WizardButton.NextButton).isEnabled()
    assert services.people.count(PeopleQuery(status=None)) == 0


def test_a_wrong_column_meaning_can_be_fixed_on_the_mapping_page(qtbot, page, services, tmp_path):
    roster = tmp_path / "staff.csv"
    roster.write_text(
        "Staff ref,Who,Team\nA1,Ada Lovelace,Research\nA2,Grace Hopper,Research\n",
        encoding="utf-8",
    )
    dialog = page.import_roster()
    open_file(qtbot, dialog, roster)
    click_next(qtbot, dialog)
    click_next(qtbot, dialog, waits_for_step=False)
    mapping = dialog.mapping_page
    for header, field in (
        ("Staff ref", RosterField.EMPLOYEE_NUMBER),
        ("Who", RosterField.FULL_NAME),
        ("Team", RosterField.DEPARTMENT),
    ):
        combo = mapping.combo_for(header)
        combo.setCurrentIndex(combo.findData(field))
    # Choosing the same meaning twice is explained and blocks Next.
    combo = mapping.combo_for("Team")
    combo.setCurrentIndex(combo.findData(RosterField.FULL_NAME))
    assert "more than one column" in mapping.error.text()
    assert not dialog.button(QWizard.WizardButton.NextButton).isEnabled()
    combo.setCurrentIndex(combo.findData(RosterField.DEPARTMENT))
    assert mapping.error.isHidden()

    click_next(qtbot, dialog)
    assert dialog.plan is not None and dialog.plan.ok
    finish_import(qtbot, dialog)
    assert services.people.count(PeopleQuery(status=None)) == 2
    assert [d.name for d in services.organisation.departments()] == ["Research"]
