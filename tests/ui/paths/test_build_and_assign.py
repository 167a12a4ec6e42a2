"""The issue's whole gesture, from the main window: a path built by dragging modules from the
library, stopped by a prerequisite in the wrong place, fixed with one click, saved, assigned
to a department in the assign dialog, and the assignments checked in the database."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton

from app.context import AppServices
from db.models import Track
from tests.app.skills_people import add_department_people
from tests.ui.conftest import message_boxes
from tests.ui.paths.test_path_editor import CRAWL, WALK, click, drag_to_stage, stage_titles
from ui.main_window import AREA_PATHS
from ui.paths.assign_dialog import AssignDialog

pytestmark = pytest.mark.database


def test_a_path_dragged_together_fixed_saved_and_assigned_to_a_department(
    qtbot, services: AppServices, main_window
):
    role = services.organisation.add_role("Sales adviser", Track.FRONTLINE)
    sales = add_department_people(services, "Sales", 6, role)
    support = add_department_people(services, "Support", 4, role)

    # The sidebar's Learning paths area starts empty: begin a blank path.
    sidebar = main_window.sidebar
    qtbot.mouseClick(
        sidebar.viewport(),
        Qt.MouseButton.LeftButton,
        pos=sidebar.visualItemRect(sidebar.item(AREA_PATHS)).center(),
    )
    assert main_window.current_area() == AREA_PATHS
    area = main_window.paths_page
    tab = area.paths_tab
    assert tab.is_empty_state_shown()
    click(qtbot, tab.start_blank_button)
    editor = tab.editor
    qtbot.keyClicks(editor.fields.name, "Everyday AI for Sales")

    # Dragged in the wrong order: the prerequisite comes after the module that needs it.
    drag_to_stage(qtbot, editor, "Prompting basics: asking for what you need", CRAWL)
    drag_to_stage(qtbot, editor, "AI at work: the essentials", WALK)
    click(qtbot, editor.save_button)
    [refusal] = message_boxes(editor)
    assert refusal.text().startswith("Fix the order first")
    refusal.done(0)
    assert services.paths.paths() == []

    click(qtbot, editor.problems.findChild(QPushButton, "fix_0"))
    assert stage_titles(editor, CRAWL) == [
        "AI at work: the essentials",
        "Prompting basics: asking for what you need",
    ]
    with qtbot.waitSignal(editor.saved) as saved:
        click(qtbot, editor.save_button)
    path_id = saved.args[0]
    assert services.paths.path(path_id).layout.module_keys() == [
        "ai_foundations",
        "prompt_basics",
    ]

    # Assign it to the Sales department.
    qtbot.waitUntil(tab.assign_button.isEnabled)
    click(qtbot, tab.assign_button)
    dialog = area.findChild(AssignDialog)
    assert dialog is not None and dialog.isVisible()
    click(qtbot, dialog.by_department)
    dialog.department.setFocus()
    qtbot.keyClicks(dialog.department, "Sa")
    assert dialog.department.currentText() == "Sales (6)"
    qtbot.waitUntil(dialog.preview_ready)
    assert dialog.preview.rowCount() == 6
    click(qtbot, dialog.ok_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    dialog.result_box.done(0)

    assert sorted(services.paths.people_on(path_id)) == sorted(sales)
    assert not set(services.paths.people_on(path_id)) & set(support)
    rows = services.path_progress.progress(path_id)
    assert {row.department for row in rows} == {"Sales"}
    assert all(row.starts_on == date.today() for row in rows)
    assert all(set(row.statuses.values()) == {"not_started"} for row in rows)
    # The area shows the path's progress next.
    assert area.tabs.currentIndex() == area.TAB_PROGRESS
    qtbot.waitUntil(lambda: area.progress_tab.picker.currentData() == path_id)
