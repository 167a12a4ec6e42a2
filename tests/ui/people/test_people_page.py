"""The People page and its person form, driven with clicks and keys; the database is checked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog

from app.services.people import PeopleQuery
from db.models import EmployeeStatus
from tests.ui.people.conftest import add_people
from ui.people.people_model import PeopleTableModel
from ui.people.people_page import PeoplePage
from ui.people.person_dialog import PersonDialog

pytestmark = pytest.mark.database


def row_centre(page: PeoplePage, row: int) -> QPoint:
    return page.table.visualRect(page.model.index(row, PeopleTableModel.NAME)).center()


def double_click_row(qtbot, page: PeoplePage, row: int) -> PersonDialog:
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=row_centre(page, row))
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=row_centre(page, row))
    dialog = page.person_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def replace_text(qtbot, line_edit, text: str) -> None:
    line_edit.setFocus()
    line_edit.selectAll()
    qtbot.keyClick(line_edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(line_edit, text)


def test_the_empty_state_offers_three_actions_and_disappears_after_adding_a_person(
    qtbot, page, services
):
    assert page.is_empty_state_shown()
    for button in (page.empty_import, page.empty_add, page.empty_demo):
        assert button.isVisible() and button.isEnabled()
    assert page.empty_import.text() == "Import from Excel/CSV"
    assert page.empty_add.text() == "Add a person"
    assert page.empty_demo.text() == "Load the demo organisation"

    qtbot.mouseClick(page.empty_add, Qt.MouseButton.LeftButton)
    dialog = page.person_dialog
    assert dialog is not None and dialog.windowTitle() == "Add a person"
    qtbot.keyClicks(dialog.first_name, "Ada")
    qtbot.keyClicks(dialog.last_name, "Lovelace")
    qtbot.keyClicks(dialog.employee_number, "E001")
    qtbot.keyClicks(dialog.email, "ada@example.org")
    qtbot.keyClick(dialog.email, Qt.Key.Key_Return)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert page.person_dialog is None
    assert not page.is_empty_state_shown()
    assert page.model.rowCount() == 1
    assert page.model.index(0, PeopleTableModel.NAME).data() == "Ada Lovelace"
    assert page.count_label.text() == "1 person"
    (row,) = services.people.page(PeopleQuery(), 0, 10)
    assert (row.display_name, row.employee_number, row.email) == (
        "Ada Lovelace",
        "E001",
        "ada@example.org",
    )


def test_editing_a_person_by_double_clicking_and_pressing_enter_saves_the_new_email(
    qtbot, page, services
):
    ids = add_people(services, 3)
    assert page.model.rowCount() == 3
    dialog = double_click_row(qtbot, page, 1)
    assert dialog.windowTitle() == "Edit person"
    assert dialog.email.text() == "person2@example.org"

    replace_text(qtbot, dialog.email, "new.address@example.org")
    qtbot.keyClick(dialog.email, Qt.Key.Key_Return)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert services.people.get(ids[1]).email == "new.address@example.org"
    assert page.model.index(1, PeopleTableModel.EMAIL).data() == "new.address@example.org"


def test_an_invalid_email_is_shown_next_to_the_field_and_nothing_is_saved(qtbot, page, services):
    ids = add_people(services, 2)
    dialog = double_click_row(qtbot, page, 0)
    replace_text(qtbot, dialog.email, "not-an-address")
    qtbot.keyClick(dialog.email, Qt.Key.Key_Return)

    assert dialog.isVisible()
    assert "not a valid e-mail address" in dialog.error_text("email")
    assert dialog.focusWidget() is dialog.email
    assert services.people.get(ids[0]).email == "person1@example.org"

    # Typing again clears the message; Esc cancels and nothing changes.
    qtbot.keyClicks(dialog.email, "x")
    assert dialog.error_text("email") == ""
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert services.people.get(ids[0]).email == "person1@example.org"


def test_a_duplicate_employee_number_is_refused_next_to_the_field(qtbot, page, services):
    add_people(services, 2)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.person_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.first_name, "Grace")
    qtbot.keyClicks(dialog.employee_number, "E002")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert "E002 already belongs to someone else" in dialog.error_text("employee_number")
    assert services.people.count(PeopleQuery(status=None)) == 2


def test_choosing_a_manager_by_typing_their_name(qtbot, page, services):
    ids = add_people(services, 2)
    dialog = double_click_row(qtbot, page, 1)
    qtbot.keyClicks(dialog.manager, "Person1 Example")
    qtbot.keyClick(dialog.manager, Qt.Key.Key_Return)
    if dialog.isVisible():  # the Return may have closed the completer popup only
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert services.people.get(ids[1]).manager_id == ids[0]


def test_deactivating_a_person_hides_them_from_the_active_filter_and_stores_inactive(
    qtbot, page, services
):
    ids = add_people(services, 3)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=row_centre(page, 0))
    assert page.status_button.text() == "Deactivate"
    qtbot.mouseClick(page.status_button, Qt.MouseButton.LeftButton)

    assert services.people.get(ids[0]).status is EmployeeStatus.INACTIVE
    assert page.model.rowCount() == 2
    assert "Person1" not in [
        page.model.index(r, PeopleTableModel.NAME).data() for r in range(page.model.rowCount())
    ]
    assert page.notice.isVisible()
    assert page.notice_label.text().startswith("1 person deactivated")

    # Everyone shows them again, greyed; Undo brings them back.
    page.status_filter.setCurrentIndex(page.status_filter.findText("Everyone"))
    assert page.model.rowCount() == 3
    greyed = page.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole)
    assert greyed is not None
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert services.people.get(ids[0]).status is EmployeeStatus.ACTIVE


def test_filters_that_hide_everyone_show_no_one_matches_with_clear_filters(qtbot, page, services):
    add_people(services, 2)
    qtbot.keyClicks(page.search, "nobody-has-this-name")
    qtbot.waitUntil(page.is_no_match_shown, timeout=3000)
    assert page.clear_filters_button.isVisible()
    qtbot.mouseClick(page.clear_filters_button, Qt.MouseButton.LeftButton)
    assert page.search.text() == ""
    assert page.model.rowCount() == 2
    assert not page.is_no_match_shown()


def test_load_demo_button_is_offered_to_the_main_window(qtbot, page):
    with qtbot.waitSignal(page.load_demo_requested, timeout=1000):
        qtbot.mouseClick(page.empty_demo, Qt.MouseButton.LeftButton)


@pytest.mark.slow
def test_load_demo_fills_the_page_in_the_background(qtbot, page, services):
    with qtbot.waitSignal(page.demo_loaded, timeout=60_000):
        page.load_demo()
    assert services.people.count(PeopleQuery(status=None)) >= 150
    qtbot.waitUntil(lambda: not page.is_empty_state_shown())
    assert page.model.rowCount() > 0
