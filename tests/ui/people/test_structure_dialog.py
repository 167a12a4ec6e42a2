"""Departments & roles: add, rename, remove and each role's learning track."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox

from app.services.people import PersonInput
from db.models import Track
from ui.people.structure_dialog import StructureDialog

pytestmark = pytest.mark.database


@pytest.fixture
def dialog(qtbot, services) -> StructureDialog:
    widget = StructureDialog(services)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def row_of(table, name: str) -> int:
    for row in range(table.rowCount()):
        if table.item(row, 0).text() == name:
            return row
    raise AssertionError(f"{name} is not listed")


def test_setting_a_roles_track_saves_it(qtbot, services):
    role_id = services.organisation.add_role("Payroll clerk", Track.CUSTOM)
    dialog = StructureDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(1)
    qtbot.waitExposed(dialog)

    roles = dialog.roles
    row = row_of(roles, "Payroll clerk")
    roles.setCurrentCell(row, 1)
    roles.setFocus()
    qtbot.keyClick(roles, Qt.Key.Key_F2)  # or a double-click: opens the track's drop-down
    editor = roles.findChild(QComboBox, "track_editor")
    assert editor is not None
    editor.setCurrentIndex(editor.findData(Track.FRONTLINE))

    (role,) = [r for r in services.organisation.roles() if r.id == role_id]
    assert role.track is Track.FRONTLINE
    assert dialog.roles.item(row_of(dialog.roles, "Payroll clerk"), 1).text() == "Frontline"


def test_adding_a_role_with_its_track_and_renaming_a_department(qtbot, dialog, services):
    dialog.tabs.setCurrentIndex(1)
    qtbot.keyClicks(dialog.new_role, "Data analyst")
    dialog.new_role_track.setCurrentIndex(dialog.new_role_track.findData(Track.TECHNICAL))
    qtbot.mouseClick(dialog.add_role_button, Qt.MouseButton.LeftButton)
    assert [(r.name, r.track) for r in services.organisation.roles()] == [
        ("Data analyst", Track.TECHNICAL)
    ]

    dialog.tabs.setCurrentIndex(0)
    qtbot.keyClicks(dialog.new_department, "Finanse")
    qtbot.keyClick(dialog.new_department, Qt.Key.Key_Return)
    assert [d.name for d in services.organisation.departments()] == ["Finanse"]
    dialog.departments.item(0, 0).setText("Finance")  # what finishing an in-place edit does
    assert [d.name for d in services.organisation.departments()] == ["Finance"]

    # A duplicate name is explained, not saved.
    qtbot.keyClicks(dialog.new_department, "finance")
    qtbot.keyClick(dialog.new_department, Qt.Key.Key_Return)
    assert "already a department" in dialog.error_label.text()
    assert len(services.organisation.departments()) == 1


def test_removing_a_department_asks_and_says_how_many_people_lose_it(qtbot, dialog, services):
    finance = services.organisation.add_department("Finance")
    for n in range(2):
        services.people.add(PersonInput(first_name=f"P{n}", department_id=finance))
    dialog.reload()
    dialog.departments.setCurrentCell(row_of(dialog.departments, "Finance"), 0)
    qtbot.mouseClick(dialog.remove_department_button, Qt.MouseButton.LeftButton)

    box = dialog.confirm_box
    assert box is not None
    assert "Its 2 people will have no department" in box.text()
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert len(services.organisation.departments()) == 1

    qtbot.mouseClick(dialog.remove_department_button, Qt.MouseButton.LeftButton)
    box = dialog.confirm_box
    assert box is not None
    remove = next(b for b in box.buttons() if b.text() == "Remove department")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert services.organisation.departments() == []
    assert dialog.departments.rowCount() == 0
