"""The module editor, filled in by typing and clicking, checked in the database and in the
path editor's library."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QListWidget, QListWidgetItem

from app.context import AppServices
from app.paths.service import ModuleInput
from tests.ui.paths.test_path_editor import find_in_library
from ui.paths.module_dialog import ModuleDialog
from ui.paths.path_editor import PathEditor

pytestmark = pytest.mark.database


@pytest.fixture
def editor(qtbot, services: AppServices) -> PathEditor:
    widget = PathEditor(services)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def open_dialog(qtbot, services: AppServices, module_id: int | None) -> ModuleDialog:
    dialog = ModuleDialog(services, module_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def tick(qtbot, box: QCheckBox) -> None:
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def tick_item(qtbot, view: QListWidget, item: QListWidgetItem) -> None:
    rect = view.visualItemRect(item)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 10, rect.center().y())
    )


def test_a_module_typed_into_the_editor_is_saved_and_appears_in_the_library(
    qtbot, editor: PathEditor, services: AppServices
):
    qtbot.mouseClick(editor.library.new_button, Qt.MouseButton.LeftButton)
    dialog = editor.findChild(ModuleDialog)
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "New module"
    qtbot.keyClicks(dialog.title, "Writing customer replies with AI")
    qtbot.keyClicks(dialog.description, "Draft, check and send replies with our approved tool.")
    dialog.format.setFocus()
    qtbot.keyClicks(dialog.format, "Hands")  # type-ahead picks "Hands-on lab"
    assert dialog.format.currentData() == "hands_on_lab"
    dialog.hours.selectAll()
    qtbot.keyClicks(dialog.hours, "2.5")
    qtbot.keyClicks(dialog.provider, "Customer care academy")
    tick(qtbot, dialog.raises.ticks["prompting"])
    level = dialog.raises.levels["prompting"]
    assert level.isEnabled()
    level.setFocus()
    qtbot.keyClick(level, Qt.Key.Key_Down)  # 2 Practitioner -> 3 Proficient
    tick(qtbot, dialog.raises.ticks["output_judgement"])
    qtbot.keyClicks(dialog.prerequisites.search, "prompting basics")
    item = dialog.prerequisites.item_for("Prompting basics: asking for what you need")
    assert item is not None and not item.isHidden()
    tick_item(qtbot, dialog.prerequisites.list, item)

    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    saved = next(m for m in services.paths.modules() if m.id == dialog.saved_id)
    assert saved.title == "Writing customer replies with AI"
    assert saved.description == "Draft, check and send replies with our approved tool."
    assert saved.format == "hands_on_lab"
    assert saved.hours == 2.5
    assert saved.level == "awareness"
    assert saved.provider == "Customer care academy"
    assert saved.cost is None
    assert saved.raises == {"prompting": 3, "output_judgement": 2}
    assert saved.prerequisites == ("prompt_basics",)
    assert saved.custom
    # The library lists it, selected, ready to be added to the path.
    assert editor.library.selected_keys() == [saved.key]
    find_in_library(qtbot, editor, "Writing customer replies with AI")


def test_a_prerequisite_cycle_is_refused_with_the_services_message_and_nothing_is_saved(
    qtbot, services: AppServices
):
    basics = services.paths.save_module(
        ModuleInput("Claims AI basics", "", "workshop", 2.0, "awareness", {"ai_literacy": 1})
    )
    services.paths.save_module(
        ModuleInput(
            "Claims AI in practice",
            "",
            "hands_on_lab",
            4.0,
            "builder",
            {"domain_application": 2},
            prerequisites=("custom_claims_ai_basics",),
        )
    )
    dialog = open_dialog(qtbot, services, basics)
    assert dialog.windowTitle() == "Edit module"
    qtbot.keyClicks(dialog.description, "Changed but never saved")
    item = dialog.prerequisites.item_for("Claims AI in practice")
    tick_item(qtbot, dialog.prerequisites.list, item)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert dialog.result() == 0
    assert dialog.error_text("prerequisites") == (
        "These prerequisites would go round in a circle: Claims AI basics → Claims AI in "
        "practice → Claims AI basics. Remove one of them."
    )
    stored = next(m for m in services.paths.modules() if m.id == basics)
    assert stored.prerequisites == ()
    assert stored.description == ""
    # Unticking it lets the rest of the change through.
    tick_item(qtbot, dialog.prerequisites.list, item)
    assert dialog.error_text("prerequisites") == ""
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = next(m for m in services.paths.modules() if m.id == basics)
    assert stored.description == "Changed but never saved"


def test_a_module_without_a_title_is_refused_next_to_the_title(qtbot, services: AppServices):
    dialog = open_dialog(qtbot, services, None)
    before = len(services.paths.modules())
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error_text("title") == "Give the module a title."
    assert dialog.title.hasFocus()
    assert len(services.paths.modules()) == before
    qtbot.keyClicks(dialog.title, "Now with a title")
    assert dialog.error_text("title") == ""
    dialog.reject()


def test_a_built_in_module_is_read_only_and_copy_as_custom_makes_a_new_one(
    qtbot, services: AppServices
):
    original = next(m for m in services.paths.modules() if m.key == "prompt_basics")
    dialog = open_dialog(qtbot, services, original.id)
    assert dialog.windowTitle() == "Module from the library"
    assert dialog.title.isReadOnly()
    assert not dialog.save_button.isVisible()
    assert not dialog.raises.ticks["prompting"].isEnabled()
    first_prerequisite = dialog.prerequisites.list.item(0)
    assert first_prerequisite.text() == "AI at work: the essentials (Awareness)"
    assert first_prerequisite.checkState() == Qt.CheckState.Checked

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert dialog.windowTitle() == "New module"
    assert dialog.title.text() == "Prompting basics: asking for what you need (our version)"
    assert not dialog.title.isReadOnly()
    assert dialog.title.hasFocus()
    qtbot.keyClick(dialog.title, Qt.Key.Key_End)
    qtbot.keyClicks(dialog.title, " for claims")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    modules = {m.id: m for m in services.paths.modules()}
    copy = modules[dialog.saved_id]
    assert copy.custom
    assert copy.title == "Prompting basics: asking for what you need (our version) for claims"
    assert copy.raises == original.raises
    assert copy.prerequisites == original.prerequisites
    assert copy.hours == original.hours
    assert modules[original.id] == original
