"""AI champions on the People page: nominated and withdrawn from the table's context menu,
shown in their own column, filtered with "Champions only"; the skills profile opens from the
same menu. Everything is checked in the data file afterwards."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from app.demo import create_demo_organisation
from app.services.people import PersonInput
from db.models import EmployeeStatus
from tests.ui.conftest import close_message_boxes, message_boxes
from tests.ui.people.conftest import add_people
from ui.people.people_model import PeopleTableModel
from ui.people.people_page import PeoplePage

pytestmark = [
    pytest.mark.database,
    # A popup menu on the offscreen platform: it cannot raise the window or grab the keyboard.
    pytest.mark.qt_log_ignore(
        "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
    ),
]


def row_centre(page: PeoplePage, row: int) -> QPoint:
    return page.table.visualRect(page.model.index(row, PeopleTableModel.NAME)).center()


def click_rows(qtbot, page: PeoplePage, *rows: int) -> None:
    """Click the first row, then Ctrl+click the others, as a person selects several."""
    viewport = page.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=row_centre(page, rows[0]))
    for row in rows[1:]:
        qtbot.mouseClick(
            viewport,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.ControlModifier,
            pos=row_centre(page, row),
        )


def right_click_menu(qtbot, page: PeoplePage, row: int) -> QMenu:
    """Right-click ``row``: the context menu pops up over it."""
    position = row_centre(page, row)
    viewport = page.table.viewport()
    # What the platform sends for a right-click: the press and release, then the menu event.
    qtbot.mouseClick(viewport, Qt.MouseButton.RightButton, pos=position)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, position, viewport.mapToGlobal(position)
    )
    QApplication.sendEvent(viewport, event)
    menu = page.person_actions.context_menu
    assert menu is not None
    qtbot.waitUntil(menu.isVisible)
    return menu


def choose(qtbot, menu: QMenu, object_name: str) -> None:
    """Click the menu entry with this object name (it must be enabled)."""
    (action,) = [a for a in menu.actions() if a.objectName() == object_name]
    assert action.isEnabled(), f"{action.text()} is disabled"
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible())


def names_shown(page: PeoplePage) -> list[str]:
    return [
        page.model.index(row, PeopleTableModel.NAME).data() for row in range(page.model.rowCount())
    ]


def champion_column(page: PeoplePage) -> list[str]:
    return [
        page.model.index(row, PeopleTableModel.CHAMPION).data()
        for row in range(page.model.rowCount())
    ]


def test_nominating_two_selected_people_from_the_context_menu_makes_them_champions(
    qtbot, page, services
):
    ids = add_people(services, 3)
    click_rows(qtbot, page, 0, 2)
    menu = right_click_menu(qtbot, page, 2)
    texts = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    assert texts == [
        "Edit…",
        "Skills profile…",
        "Print learning plan…",
        "Nominate as AI champion",
        "Withdraw as champion",
    ]
    menu.grab().save("/tmp/people_context_menu.png")
    choose(qtbot, menu, "nominate_champion")

    champions = services.champions.champions()
    assert [c.person_id for c in champions] == [ids[0], ids[2]]
    assert all(c.department == "Finance" and c.since == date.today() for c in champions)
    assert champion_column(page) == ["Champion", "", "Champion"]
    index = page.model.index(0, PeopleTableModel.CHAMPION)
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    assert page.notice.isVisible()
    assert page.notice_label.text() == "2 people are now AI champions of their departments."

    # Both are champions now: the menu offers to withdraw them, not to nominate them again.
    menu = right_click_menu(qtbot, page, 0)
    assert not page.person_actions.nominate.isEnabled()
    assert page.person_actions.withdraw.isEnabled()
    menu.close()


def test_the_champion_column_sits_next_to_the_name_and_cannot_be_sorted(qtbot, page, services):
    add_people(services, 3)
    header = page.table.horizontalHeader()
    assert header.visualIndex(PeopleTableModel.CHAMPION) == 1
    assert page.model.headerData(PeopleTableModel.CHAMPION, Qt.Orientation.Horizontal) == (
        "Champion"
    )
    position = QPoint(header.sectionViewportPosition(PeopleTableModel.CHAMPION) + 10, 5)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert header.sortIndicatorSection() == PeopleTableModel.NAME
    assert names_shown(page) == ["Person1 Example", "Person2 Example", "Person3 Example"]


def test_champions_only_shows_exactly_the_champions_and_survives_a_new_order(qtbot, page, services):
    ids = add_people(services, 4)
    services.champions.nominate([ids[1], ids[3]])
    qtbot.mouseClick(page.champions_filter, Qt.MouseButton.LeftButton)
    assert page.champions_filter.isChecked()
    assert names_shown(page) == ["Person2 Example", "Person4 Example"]
    assert page.count_label.text() == "2 of 4 people"

    # Sorting by e-mail, descending, keeps the filter.
    header = page.table.horizontalHeader()
    email = QPoint(header.sectionViewportPosition(PeopleTableModel.EMAIL) + 10, 5)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=email)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=email)
    assert names_shown(page) == ["Person4 Example", "Person2 Example"]

    qtbot.mouseClick(page.champions_filter, Qt.MouseButton.LeftButton)
    assert len(names_shown(page)) == 4


def test_withdrawing_a_champion_can_be_undone_with_the_same_start_date(qtbot, page, services):
    ids = add_people(services, 3)
    services.champions.nominate([ids[1]], since=date(2026, 1, 5))
    click_rows(qtbot, page, 1)
    menu = right_click_menu(qtbot, page, 1)
    assert not page.person_actions.nominate.isEnabled()
    choose(qtbot, menu, "withdraw_champion")

    assert services.champions.champions() == []
    assert champion_column(page) == ["", "", ""]
    assert page.notice_label.text() == "Person2 Example is no longer an AI champion."

    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    (again,) = services.champions.champions()
    assert (again.person_id, again.since) == (ids[1], date(2026, 1, 5))
    assert champion_column(page) == ["", "Champion", ""]


def test_an_inactive_person_is_refused_as_champion_with_a_message(qtbot, page, services):
    add_people(services, 1)
    services.people.add(
        PersonInput(first_name="Gone", last_name="Away", status=EmployeeStatus.INACTIVE)
    )
    page.status_filter.setCurrentIndex(page.status_filter.findText("Everyone"))
    assert names_shown(page) == ["Gone Away", "Person1 Example"]
    click_rows(qtbot, page, 0, 1)
    choose(qtbot, right_click_menu(qtbot, page, 0), "nominate_champion")

    qtbot.waitUntil(lambda: len(message_boxes(page)) == 1)
    (box,) = message_boxes(page)
    assert box.windowTitle() == "Nominate as AI champion"
    assert box.text() == "Gone Away is inactive and cannot be a champion."
    close_message_boxes(page)
    assert services.champions.champions() == []  # nobody: all or nothing
    assert not page.notice.isVisible()


def test_the_context_menu_opens_the_skills_profile_of_the_person_clicked(qtbot, page, services):
    ids = add_people(services, 2)
    services.champions.nominate([ids[1]])
    choose(qtbot, right_click_menu(qtbot, page, 1), "skills_profile_action")
    dialog = page.profile_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Skills profile: Person2 Example"
    assert dialog.champion_badge.isVisible()
    assert dialog.empty_label.isVisible()  # never asked in a survey
    dialog.reject()
    qtbot.waitUntil(lambda: page.profile_dialog is None)


def test_the_demo_organisation_shows_its_champions_next_to_their_names(qtbot, page, services):
    create_demo_organisation(services, employees=150, seed=7)
    champions = services.champions.champions()
    assert champions
    column = champion_column(page)
    assert column.count("Champion") == len(champions)
    # Bring a champion into view for the screenshot.
    first = column.index("Champion")
    page.table.scrollTo(page.model.index(first, 0))
    click_rows(qtbot, page, first)
    qtbot.wait(50)  # let the layout take in the new count before the screenshot
    page.grab().save("/tmp/people_champions.png")

    qtbot.mouseClick(page.champions_filter, Qt.MouseButton.LeftButton)
    assert sorted(names_shown(page)) == sorted(c.display_name for c in champions)
    qtbot.wait(50)
    page.grab().save("/tmp/people_champions_only.png")
