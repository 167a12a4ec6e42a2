"""The Paths tab driven like a person: a path from a template, renamed, copied, deleted, and a
path people follow edited into a new version they move to."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QPushButton

from app.context import AppServices
from db.models import Track
from tests.app.skills_people import add_department_people
from tests.ui.conftest import message_boxes
from tests.ui.paths.test_path_editor import drag_to_stage
from ui.change_bridge import ChangeBridge
from ui.paths.path_list_model import PATH_ID_ROLE
from ui.paths.paths_tab import PathsTab
from ui.paths.template_dialog import TemplateDialog

pytestmark = pytest.mark.database

CRAWL, WALK, RUN = range(3)


@pytest.fixture
def open_tab(qtbot, services: AppServices):
    def opener() -> PathsTab:
        bridge = ChangeBridge(services.changes)
        tab = PathsTab(services, None, bridge)
        qtbot.addWidget(tab)
        tab.destroyed.connect(bridge.detach)
        tab.resize(1280, 800)
        tab.show()
        qtbot.waitExposed(tab)
        tab.activateWindow()
        qtbot.waitUntil(tab.isActiveWindow)
        return tab

    return opener


def click(qtbot, button: QPushButton) -> None:
    assert button.isEnabled(), f"{button.text()!r} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_path(qtbot, tab: PathsTab, name: str) -> None:
    """Click the path called ``name`` in the list."""
    model = tab.model
    rows = [row for row in range(model.rowCount()) if model.path_at(row).name == name]
    assert rows, f"{name!r} is not in the list"
    rect = tab.list.visualRect(model.index(rows[0]))
    qtbot.mouseClick(tab.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def box_button(box: QMessageBox, name: str) -> QPushButton:
    button = box.findChild(QPushButton, name)
    assert button is not None, f"no {name!r} in the question {box.text()!r}"
    return button


def only_box(tab: PathsTab, qtbot=None) -> QMessageBox:
    """The one question open over the tab (waited for when ``qtbot`` is given)."""
    if qtbot is not None:
        qtbot.waitUntil(lambda: len(message_boxes(tab)) == 1)
    boxes = message_boxes(tab)
    assert len(boxes) == 1, [b.text() for b in boxes]
    return boxes[0]


def choose_template(qtbot, tab: PathsTab, key: str) -> TemplateDialog:
    dialog = tab.findChild(TemplateDialog)
    qtbot.waitExposed(dialog)
    assert dialog.select_template(key)
    item = dialog.tree.currentItem()
    rect = dialog.tree.visualItemRect(item)
    qtbot.mouseClick(dialog.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return dialog


def test_the_empty_state_starts_a_path_from_a_template_with_its_modules(
    qtbot, open_tab, services: AppServices
):
    tab = open_tab()
    assert tab.is_empty_state_shown()
    click(qtbot, tab.start_button)
    dialog = choose_template(qtbot, tab, "frontline_awareness")
    assert "Everyday AI: first steps" in dialog.details.toPlainText()
    assert "A tour of our approved AI tools" in dialog.details.toPlainText()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    [row] = services.paths.paths()
    assert row.name == "Everyday AI: first steps"
    template = services.paths.library().template("frontline_awareness")
    details = services.paths.path(row.id)
    assert details.template_key == "frontline_awareness"
    assert [s.modules for s in details.layout.stages] == [s.modules for s in template.stages]
    assert not tab.is_empty_state_shown()
    assert tab.editor.path_id == row.id
    assert tab.editor.fields.name.text() == "Everyday AI: first steps"
    assert tab.current_path() == row


def test_rename_saves_the_new_name_in_place_when_nobody_follows(
    qtbot, open_tab, services: AppServices
):
    path_id = services.paths.create_from_template("executive_awareness")
    tab = open_tab()
    assert tab.editor.path_id == path_id
    click(qtbot, tab.rename_button)
    dialog = tab.findChild(QInputDialog)
    qtbot.waitExposed(dialog)
    line = dialog.findChild(QLineEdit)
    assert line.text() == "AI for leaders: the essentials"
    qtbot.keyClicks(line, "AI for our board")  # the old name is selected: typing replaces it
    qtbot.keyClick(line, Qt.Key.Key_Return)

    [row] = services.paths.paths(include_retired=True)
    assert (row.id, row.name, row.version) == (path_id, "AI for our board", 1)
    assert tab.model.index(0).data().split("\n")[0] == "AI for our board"
    assert not tab.editor.is_modified()


def test_copy_saves_a_copy_of_the_path_under_a_new_name_and_opens_it(
    qtbot, open_tab, services: AppServices
):
    path_id = services.paths.create_from_template("technical_awareness")
    tab = open_tab()
    click(qtbot, tab.copy_button)
    rows = {row.name: row for row in services.paths.paths()}
    assert set(rows) == {"AI engineering: foundations", "Copy of AI engineering: foundations"}
    copy = rows["Copy of AI engineering: foundations"]
    original = services.paths.path(path_id).layout
    assert services.paths.path(copy.id).layout.stages == original.stages
    assert tab.editor.path_id == copy.id
    click(qtbot, tab.copy_button)
    names = sorted(row.name for row in services.paths.paths())
    assert names[-1] == "Copy of Copy of AI engineering: foundations"


def test_delete_asks_says_who_follows_and_removes_the_path_only_when_confirmed(
    qtbot, open_tab, services: AppServices
):
    role = services.organisation.add_role("Sales representative", Track.FRONTLINE)
    people = add_department_people(services, "Sales", 3, role)
    path_id = services.paths.create_from_template("frontline_awareness")
    services.paths.assign(path_id, people, starts_on=date(2026, 2, 2))
    tab = open_tab()

    click(qtbot, tab.delete_button)
    box = only_box(tab)
    assert box.text() == (
        "Delete “Everyday AI: first steps” (version 1)? 3 people follow it; their progress on "
        "it is deleted too. This cannot be undone."
    )
    with qtbot.waitSignal(box.finished):
        box.button(QMessageBox.StandardButton.Cancel).click()
    assert [row.id for row in services.paths.paths()] == [path_id]

    click(qtbot, tab.delete_button)
    with qtbot.waitSignal(only_box(tab).finished):
        box_button(only_box(tab), "confirm_delete_path").click()
    assert services.paths.paths(include_retired=True) == []
    qtbot.waitUntil(tab.is_empty_state_shown)


def test_saving_a_path_people_follow_asks_and_move_them_moves_everyone_to_the_new_version(
    qtbot, open_tab, services: AppServices
):
    role = services.organisation.add_role("Claims handler", Track.FRONTLINE)
    people = add_department_people(services, "Claims", 5, role)
    old_id = services.paths.create_from_template("frontline_awareness")
    services.paths.assign(old_id, people, starts_on=date(2026, 3, 2))
    tab = open_tab()
    editor = tab.editor
    assert editor.facts.text() == "Version 1 · Frontline · Awareness · 5 people follow it"

    drag_to_stage(qtbot, editor, "Spotting tasks worth automating", RUN)
    click(qtbot, editor.save_button)
    box = only_box(tab)
    assert box.text() == (
        "5 people follow this path. Move them to the new version? Their progress is kept for "
        "the modules both versions share."
    )
    with qtbot.waitSignal(editor.saved) as saved:
        box_button(box, "move_people").click()
    new_id = saved.args[0]

    assert new_id != old_id
    assert services.paths.people_on(new_id) == sorted(people)
    assert services.paths.people_on(old_id) == []
    assert services.paths.path(old_id).retired_on is not None
    assert services.paths.path(new_id).version == 2
    assert "automation_spotting" in services.paths.path(new_id).layout.stages[RUN].modules
    assert editor.path_id == new_id
    assert tab.current_path() is not None and tab.current_path().id == new_id
    # The replaced version is hidden until asked for.
    qtbot.waitUntil(lambda: not tab.refresh_pending())
    assert [tab.model.path_at(r).id for r in range(tab.model.rowCount())] == [new_id]
    tab.show_replaced.click()
    assert {tab.model.path_at(r).id for r in range(tab.model.rowCount())} == {old_id, new_id}


def test_keep_them_on_the_old_version_leaves_the_followers_where_they_are(
    qtbot, open_tab, services: AppServices
):
    role = services.organisation.add_role("Claims handler", Track.FRONTLINE)
    people = add_department_people(services, "Claims", 2, role)
    old_id = services.paths.create_from_template("frontline_awareness")
    services.paths.assign(old_id, people, starts_on=date(2026, 3, 2))
    tab = open_tab()
    drag_to_stage(qtbot, tab.editor, "Spotting tasks worth automating", RUN)
    click(qtbot, tab.editor.save_button)
    with qtbot.waitSignal(tab.editor.saved) as saved:
        box_button(only_box(tab), "keep_people").click()
    assert services.paths.people_on(old_id) == sorted(people)
    assert services.paths.people_on(saved.args[0]) == []
    assert services.paths.path(old_id).retired_on is None


def test_choosing_another_path_with_unsaved_changes_asks_first(
    qtbot, open_tab, services: AppServices
):
    first = services.paths.create_from_template("domain_awareness")
    second = services.paths.create_from_template("executive_awareness")
    tab = open_tab()
    click_path(qtbot, tab, "AI in your field: first steps")
    assert tab.editor.path_id == first
    drag_to_stage(qtbot, tab.editor, "AI clinic: bring your question", RUN)
    assert tab.editor.is_modified()

    click_path(qtbot, tab, "AI for leaders: the essentials")
    box = only_box(tab, qtbot)
    assert box.text() == "Save your changes to “AI in your field: first steps” first?"
    with qtbot.waitSignal(box.finished):
        box.button(QMessageBox.StandardButton.Cancel).click()
    assert tab.editor.path_id == first
    assert tab.editor.is_modified()
    assert tab.current_path() is not None and tab.current_path().id == first

    click_path(qtbot, tab, "AI for leaders: the essentials")
    with qtbot.waitSignal(only_box(tab, qtbot).finished):
        box_button(only_box(tab), "discard_changes").click()
    assert tab.editor.path_id == second
    assert not tab.editor.is_modified()
    assert "ai_clinic" not in services.paths.path(first).layout.module_keys()


def test_save_from_the_question_keeps_the_changes_then_opens_the_other_path(
    qtbot, open_tab, services: AppServices
):
    first = services.paths.create_from_template("domain_awareness")
    second = services.paths.create_from_template("executive_awareness")
    tab = open_tab()
    click_path(qtbot, tab, "AI in your field: first steps")
    drag_to_stage(qtbot, tab.editor, "AI clinic: bring your question", RUN)
    click_path(qtbot, tab, "AI for leaders: the essentials")
    box_button(only_box(tab, qtbot), "save_changes").click()
    qtbot.waitUntil(lambda: tab.editor.path_id == second)
    assert "ai_clinic" in services.paths.path(first).layout.stages[RUN].modules


def test_a_new_blank_path_is_written_in_the_editor_and_appears_in_the_list_once_saved(
    qtbot, open_tab, services: AppServices
):
    tab = open_tab()
    click(qtbot, tab.start_blank_button)
    assert not tab.is_empty_state_shown()
    assert tab.editor.path_id is None
    qtbot.keyClicks(tab.editor.fields.name, "Claims desk AI")
    drag_to_stage(qtbot, tab.editor, "AI at work: the essentials", CRAWL)
    click(qtbot, tab.editor.save_button)
    [row] = services.paths.paths()
    assert row.name == "Claims desk AI"
    assert tab.current_path() == row
    assert tab.model.index(0).data(PATH_ID_ROLE) == row.id


def test_assign_asks_for_the_selected_path(qtbot, open_tab, services: AppServices):
    path_id = services.paths.create_from_template("frontline_awareness")
    tab = open_tab()
    with qtbot.waitSignal(tab.assign_requested) as requested:
        click(qtbot, tab.assign_button)
    assert requested.args == [path_id]


def test_a_path_made_elsewhere_appears_in_the_list(qtbot, open_tab, services: AppServices):
    tab = open_tab()
    assert tab.is_empty_state_shown()
    path_id = services.paths.create_from_template("technical_awareness")
    qtbot.waitUntil(lambda: not tab.is_empty_state_shown())
    assert tab.model.rowCount() == 1
    assert tab.editor.path_id == path_id


def test_the_path_list_passes_the_model_tester(qtmodeltester, open_tab, services: AppServices):
    services.paths.create_from_template("technical_awareness")
    services.paths.create_from_template("executive_awareness")
    tab = open_tab()
    qtmodeltester.check(tab.model)


def test_the_editor_shows_people_assigned_elsewhere_without_losing_its_place(
    qtbot, open_tab, services: AppServices
):
    role = services.organisation.add_role("Claims handler", Track.FRONTLINE)
    people = add_department_people(services, "Claims", 3, role)
    path_id = services.paths.create_from_template("frontline_awareness")
    tab = open_tab()
    assert tab.editor.facts.text() == "Version 1 · Frontline · Awareness · Nobody follows it yet"
    services.paths.assign(path_id, people, starts_on=date(2026, 4, 6))
    qtbot.waitUntil(lambda: "3 people follow it" in tab.editor.facts.text())
    assert tab.editor.path_id == path_id
    assert tab.model.index(0).data().split("\n")[2] == "6 modules · 11 h · 3 people"
