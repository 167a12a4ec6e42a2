"""The New skills survey dialog, filled in by typing and clicking, checked in the database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QListWidget,
    QPushButton,
)

from app.context import AppServices
from app.services.people import PersonInput
from app.skills.service import CampaignSetup
from db.models import EmployeeStatus, Track
from ui.skills.campaign_dialog import CampaignDialog

pytestmark = pytest.mark.database

SCREENSHOT = Path("/tmp/skills_campaign_dialog.png")


def add_organisation(services: AppServices) -> dict[str, int]:
    """Finance: 3 active analysts and 1 who left, 1 manager; Sales: 2 representatives."""
    organisation = services.organisation
    ids = {
        "Finance": organisation.add_department("Finance"),
        "Sales": organisation.add_department("Sales"),
        "Analyst": organisation.add_role("Financial analyst", Track.DOMAIN_EXPERT),
        "Manager": organisation.add_role("Team manager", Track.EXECUTIVE),
        "Rep": organisation.add_role("Sales representative", Track.FRONTLINE),
    }
    for first, department, role in [
        ("Ana", "Finance", "Analyst"),
        ("Bea", "Finance", "Analyst"),
        ("Zoë", "Finance", "Analyst"),
        ("Ivo", "Finance", "Analyst"),
        ("Max", "Finance", "Manager"),
        ("Cem", "Sales", "Rep"),
        ("Dan", "Sales", "Rep"),
    ]:
        ids[first] = services.people.add(
            PersonInput(
                first_name=first,
                last_name="Example",
                department_id=ids[department],
                role_id=ids[role],
            )
        )
    services.people.set_status([ids["Ivo"]], EmployeeStatus.INACTIVE)
    return ids


@pytest.fixture
def open_dialog(qtbot, services: AppServices):
    def opener() -> CampaignDialog:
        dialog = CampaignDialog(services)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        return dialog

    return opener


def click(qtbot, widget) -> None:
    """Click a button; radio buttons and check boxes on their box, not in the empty space."""
    if isinstance(widget, QAbstractButton) and not isinstance(widget, QPushButton):
        position = QPoint(8, widget.height() // 2)
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=position)
    else:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def tick(qtbot, box: QListWidget, text: str) -> None:
    """Tick the item whose text starts with ``text`` by clicking its check box."""
    item = next(box.item(r) for r in range(box.count()) if box.item(r).text().startswith(text))
    rect = box.visualItemRect(item)
    position = QPoint(rect.left() + rect.height() // 2 + 2, rect.center().y())
    qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert item.checkState() == Qt.CheckState.Checked


def test_an_empty_name_keeps_the_dialog_open_with_a_message_and_keeps_what_was_chosen(
    qtbot, services: AppServices, open_dialog
) -> None:
    add_organisation(services)
    dialog = open_dialog()
    assert dialog.opened_on.date() == QDate.currentDate()
    assert dialog.with_managers.isChecked()
    click(qtbot, dialog.with_managers)
    qtbot.keyClicks(dialog.name, "   ")
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error_text("name") == "Give the survey a name."
    assert QApplication.focusWidget() is dialog.name
    assert services.skills.campaigns() == []
    assert not dialog.with_managers.isChecked(), "what was chosen stays"

    qtbot.keyClicks(dialog.name, "Spring skills survey")
    assert dialog.error_text("name") == ""
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    [row] = services.skills.campaigns()
    assert (row.id, row.name, row.kind, row.people) == (
        dialog.created_id,
        "Spring skills survey",
        "baseline",
        6,
    )
    assert row.opened_on == date.today()


def test_a_survey_of_one_department_asks_exactly_its_active_people(
    qtbot, services: AppServices, open_dialog
) -> None:
    ids = add_organisation(services)
    dialog = open_dialog()
    assert dialog.scope_count.text() == "6 people will be asked."
    assert not dialog.departments.isEnabled()
    qtbot.keyClicks(dialog.name, "Finance pilot survey")
    click(qtbot, dialog.chosen)
    assert dialog.scope_count.text() == "Tick at least one department or role."
    tick(qtbot, dialog.departments, "Finance")
    assert dialog.scope_count.text() == "4 people will be asked."
    for _ in range(3):
        QCoreApplication.processEvents()
    dialog.grab().save(str(SCREENSHOT))
    click(qtbot, dialog.ok_button)
    assert dialog.result() == QDialog.DialogCode.Accepted

    [row] = services.skills.campaigns()
    assert row.people == 4
    asked = {p.person_id for p in services.skills.participants(row.id)}
    assert asked == {ids["Ana"], ids["Bea"], ids["Zoë"], ids["Max"]}


def test_departments_and_roles_ticked_together_ask_the_people_in_both(
    qtbot, services: AppServices, open_dialog
) -> None:
    ids = add_organisation(services)
    dialog = open_dialog()
    qtbot.keyClicks(dialog.name, "Analysts")
    click(qtbot, dialog.chosen)
    tick(qtbot, dialog.roles, "Financial analyst")
    assert dialog.scope_count.text() == "3 people will be asked."
    tick(qtbot, dialog.roles, "Sales representative")
    assert dialog.scope_count.text() == "5 people will be asked."
    tick(qtbot, dialog.departments, "Finance")
    assert dialog.scope_count.text() == "3 people will be asked."
    click(qtbot, dialog.ok_button)
    [row] = services.skills.campaigns()
    asked = {p.person_id for p in services.skills.participants(row.id)}
    assert asked == {ids["Ana"], ids["Bea"], ids["Zoë"]}


def test_chosen_scope_with_nothing_ticked_is_refused_next_to_the_lists(
    qtbot, services: AppServices, open_dialog
) -> None:
    add_organisation(services)
    dialog = open_dialog()
    qtbot.keyClicks(dialog.name, "Nobody")
    click(qtbot, dialog.chosen)
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible()
    assert "Tick at least one department or role" in dialog.error_text("scope")
    assert services.skills.campaigns() == []


def test_a_follow_up_requires_the_earlier_survey_it_is_compared_with(
    qtbot, services: AppServices, open_dialog
) -> None:
    add_organisation(services)
    dialog = open_dialog()
    assert not dialog.follow_up_kind.isEnabled(), "nothing to follow up yet"
    dialog.close()

    baseline = services.skills.create_campaign(
        CampaignSetup(name="Baseline 2025", opened_on=date(2025, 9, 1))
    )
    dialog = open_dialog()
    qtbot.keyClicks(dialog.name, "Follow-up 2026")
    assert not dialog.baseline.isEnabled()
    click(qtbot, dialog.follow_up_kind)
    assert dialog.baseline.isEnabled()
    assert dialog.baseline.currentData() == baseline, "the latest survey is offered first"
    dialog.baseline.setFocus()
    qtbot.keyClick(dialog.baseline, Qt.Key.Key_Home)
    assert dialog.baseline.currentData() is None
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible()
    assert dialog.error_text("baseline") == (
        "Choose the earlier survey this follow-up is compared with."
    )
    assert len(services.skills.campaigns()) == 1

    qtbot.keyClick(dialog.baseline, Qt.Key.Key_Down)
    assert dialog.error_text("baseline") == ""
    click(qtbot, dialog.ok_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    rows = {row.id: row for row in services.skills.campaigns()}
    assert rows[dialog.created_id].kind == "follow_up"
    assert rows[dialog.created_id].name == "Follow-up 2026"


def test_ask_returns_the_new_surveys_id_or_none_when_cancelled(
    qtbot, services: AppServices
) -> None:
    add_organisation(services)

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CampaignDialog)
        qtbot.keyClicks(dialog.name, "Asked survey")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill_in)
    created = CampaignDialog.ask(services)
    assert [row.id for row in services.skills.campaigns()] == [created]

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CampaignDialog)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, cancel)
    assert CampaignDialog.ask(services) is None
    assert len(services.skills.campaigns()) == 1
