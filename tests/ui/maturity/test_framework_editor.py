"""The framework editor, driven as an HR generalist would: click the tree, type, Save."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QWidget,
)

from app.maturity.service import AssessmentSetup
from ui.maturity.framework_editor import FrameworkEditor
from ui.maturity.framework_list import FrameworkListDialog

pytestmark = pytest.mark.database

SHOTS = Path("/tmp/shots")


def shot(widget: QWidget, name: str) -> None:
    """Save a screenshot for a person to look at (not compared by the tests)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"maturity_framework_{name}.png"))


@pytest.fixture
def open_editor(qtbot, services):
    def opener(framework_id: int) -> FrameworkEditor:
        editor = FrameworkEditor(services, framework_id)
        qtbot.addWidget(editor)
        with qtbot.waitActive(editor):
            editor.show()
            editor.activateWindow()
        return editor

    return opener


@pytest.fixture
def builtin_id(services) -> int:
    framework_id = services.maturity.builtin_framework().id
    assert framework_id is not None
    return framework_id


@pytest.fixture
def copy_id(services, builtin_id) -> int:
    return services.maturity.copy_framework(builtin_id, "Our AI maturity")


def used(services, framework_id: int) -> int:
    """An assessment taken with the framework, with its first question answered at level 4."""
    assessment_id = services.maturity.create_assessment(
        AssessmentSetup(name="Spring baseline", taken_on=date.today(), framework_id=framework_id)
    )
    progress = services.maturity.progress(assessment_id)
    first = progress.framework.dimensions[0].questions[0]
    assert first.id is not None
    services.maturity.answer(assessment_id, progress.respondents[0].id, first.id, level=4)
    return assessment_id


# Driving the editor ------------------------------------------------------------------------
def tree_item(editor: FrameworkEditor, text: str) -> QTreeWidgetItem:
    iterator = QTreeWidgetItemIterator(editor.tree)
    while (item := iterator.value()) is not None:
        if item.text(0) == text:
            return item
        iterator += 1
    raise AssertionError(f"nothing called {text!r} in the tree")


def click_item(qtbot, editor: FrameworkEditor, text: str) -> None:
    item = tree_item(editor, text)
    editor.tree.scrollToItem(item)
    rect = editor.tree.visualItemRect(item)
    qtbot.mouseClick(editor.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.tree.currentItem() is item


def retype(qtbot, field: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Click into a field, select everything and type over it (an empty text just deletes)."""
    qtbot.mouseClick(
        field.viewport() if isinstance(field, QPlainTextEdit) else field, Qt.MouseButton.LeftButton
    )
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        qtbot.keyClicks(field, text)
    else:
        qtbot.keyClick(field, Qt.Key.Key_Delete)


def click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def answer_box(qtbot, box: QMessageBox | None, button_text: str) -> None:
    assert box is not None and box.isVisible()
    (button,) = [b for b in box.buttons() if b.text() == button_text]
    with qtbot.waitSignal(box.finished, timeout=3000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def save_as_new_version(qtbot, editor: FrameworkEditor) -> tuple[int, str]:
    """Click Save on a used framework: returns the new id and the notice the user read."""
    with qtbot.waitSignal(editor.saved, timeout=3000) as saved:
        click(qtbot, editor.save_button)
    qtbot.waitUntil(lambda: editor.notice_box is not None and editor.notice_box.isVisible())
    assert editor.notice_box is not None
    notice = editor.notice_box.text()
    with qtbot.waitSignal(editor.finished, timeout=3000):
        answer_box(qtbot, editor.notice_box, "OK")
    assert editor.result() == QDialog.DialogCode.Accepted
    return int(saved.args[0]), notice


# The tests ---------------------------------------------------------------------------------
def test_the_built_in_framework_opens_read_only(qtbot, open_editor, services, builtin_id):
    editor = open_editor(builtin_id)
    assert editor.read_only
    assert editor.read_only_banner.isVisible()
    assert editor.make_copy_button.isVisible()
    assert not editor.save_button.isVisible()
    assert not editor.add_dimension_button.isVisible()
    assert editor.cancel_button.text() == "Close"

    question = services.maturity.framework(builtin_id).dimensions[0].questions[0]
    click_item(qtbot, editor, question.text)
    assert editor.question_text.isReadOnly()
    assert all(edit.isReadOnly() for edit in editor.descriptor_edits.values())
    assert editor.question_weight.isReadOnly()
    assert editor.descriptor_edits[2].toPlainText() == question.descriptors[2]
    assert "Experimenting" in editor.descriptor_labels[2].text()
    qtbot.keyClicks(editor.descriptor_edits[2], "typed in vain")
    assert editor.descriptor_edits[2].toPlainText() == question.descriptors[2]
    shot(editor, "builtin_read_only")

    click(qtbot, editor.cancel_button)  # "Close": nothing to lose, closes at once
    assert not editor.isVisible()
    assert services.maturity.framework(builtin_id).dimensions[0].questions[0] == question


def test_copying_the_built_in_one_and_editing_the_copy_saves_in_place(
    qtbot, open_editor, services, builtin_id
):
    editor = open_editor(builtin_id)
    click(qtbot, editor.make_copy_button)
    prompt = editor.name_prompt
    assert prompt is not None and prompt.isVisible()
    retype(qtbot, prompt.findChild(QLineEdit), "Our AI maturity")
    ok = prompt.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(editor.copied, timeout=3000) as copied:
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    copy_id = int(copied.args[0])
    assert copy_id != builtin_id
    assert not editor.read_only and not editor.read_only_banner.isVisible()
    assert editor.save_button.isVisible()
    assert "Not used by any assessment" in editor.status_line.text()

    click_item(qtbot, editor, "Strategy and business alignment")
    retype(qtbot, editor.dimension_name, "AI strategy")
    assert tree_item(editor, "AI strategy").childCount() == 4  # the tree follows the typing

    click_item(qtbot, editor, "Has the organisation written down what it wants to achieve with AI?")
    retype(qtbot, editor.question_text, "Have we written down what we want from AI?")
    fifth = editor.descriptor_edits[5]
    qtbot.mouseClick(fifth.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(fifth, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(fifth, " Reviewed every spring.")
    shot(editor, "editing_question")

    with qtbot.waitSignal(editor.saved, timeout=3000) as saved:
        click(qtbot, editor.save_button)
    assert saved.args == [copy_id]  # nothing was taken with it yet: changed in place
    assert editor.result() == QDialog.DialogCode.Accepted and not editor.isVisible()

    stored = services.maturity.framework(copy_id)
    assert stored.name == "Our AI maturity" and not stored.built_in
    assert stored.dimensions[0].name == "AI strategy"
    first = stored.dimensions[0].questions[0]
    assert first.text == "Have we written down what we want from AI?"
    assert first.descriptors[5].endswith("Reviewed every spring.")
    assert first.key == "strategy.aims"  # an edited question keeps its identity
    builtin = services.maturity.framework(builtin_id)
    assert builtin.dimensions[0].name == "Strategy and business alignment"
    assert [r.id for r in services.maturity.frameworks()] == [builtin_id, copy_id]


def test_editing_a_used_framework_saves_a_new_version_and_keeps_the_old_results(
    qtbot, open_editor, services, copy_id
):
    assessment_id = used(services, copy_id)
    before = services.maturity.framework(copy_id)
    old_text = before.dimensions[0].questions[0].text
    editor = open_editor(copy_id)
    assert "Used by 1 assessment" in editor.status_line.text()

    click_item(qtbot, editor, old_text)
    retype(qtbot, editor.question_text, "Have we agreed in writing what AI is for?")
    new_id, notice = save_as_new_version(qtbot, editor)

    assert new_id != copy_id
    assert notice == (
        "Assessments were already taken with this framework, so your changes were saved "
        "as version 2; earlier results are unchanged."
    )
    assert services.maturity.framework(copy_id) == before
    newer = services.maturity.framework(new_id)
    assert newer.version == "2"
    assert newer.dimensions[0].questions[0].text == "Have we agreed in writing what AI is for?"
    rows = {r.id: r for r in services.maturity.frameworks()}
    assert rows[copy_id].superseded_by == new_id and rows[new_id].superseded_by is None

    results = services.maturity.results(assessment_id)
    assert results.framework_version == "1"
    answered = [q for q in results.questions if q.level is not None]
    assert [(q.text, q.level) for q in answered] == [(old_text, 4)]


def test_removing_a_question_from_a_used_framework_keeps_it_in_the_old_results(
    qtbot, open_editor, services, copy_id
):
    assessment_id = used(services, copy_id)
    before = services.maturity.framework(copy_id)
    gone = before.dimensions[0].questions[0]
    editor = open_editor(copy_id)

    click_item(qtbot, editor, gone.text)
    click(qtbot, editor.remove_button)
    box = editor.confirm_box
    assert box is not None
    assert "assessments already taken keep it" in box.text()
    answer_box(qtbot, box, "Remove")
    with pytest.raises(AssertionError):
        tree_item(editor, gone.text)
    assert editor.tree.currentItem().text(0) == before.dimensions[0].questions[1].text

    new_id, _notice = save_as_new_version(qtbot, editor)
    newer = services.maturity.framework(new_id)
    assert gone.key not in {q.key for q in newer.dimensions[0].questions}
    assert len(newer.dimensions[0].questions) == 3
    assert newer.question_count == before.question_count - 1

    assert services.maturity.framework(copy_id) == before
    results = services.maturity.results(assessment_id)
    kept = [q for q in results.questions if q.question_key == gone.key]
    assert [(q.text, q.level) for q in kept] == [(gone.text, 4)]


def test_an_empty_level_description_is_refused_inline_and_nothing_is_saved(
    qtbot, open_editor, services, copy_id
):
    before = services.maturity.framework(copy_id)
    question = before.dimensions[1].questions[2]
    editor = open_editor(copy_id)

    click_item(qtbot, editor, question.text)
    retype(qtbot, editor.question_text, "Reworded, but not saved")
    retype(qtbot, editor.descriptor_edits[3], "")
    click(qtbot, editor.save_button)

    assert editor.isVisible()
    assert "level 3" in editor.error_text()
    assert editor.tree.currentItem().text(0) == "Reworded, but not saved"
    assert editor.descriptor_edits[3].property("invalid")
    assert editor.descriptor_edits[3].hasFocus()
    shot(editor, "empty_descriptor")
    assert services.maturity.framework(copy_id) == before

    # Leaving with the edits asks first; "Discard changes" closes without saving.
    click(qtbot, editor.cancel_button)
    assert editor.isVisible()
    answer_box(qtbot, editor.confirm_box, "Discard changes")
    assert not editor.isVisible() and editor.result() == QDialog.DialogCode.Rejected
    assert services.maturity.framework(copy_id) == before


def test_a_new_dimension_with_a_new_question_is_saved(qtbot, open_editor, services, copy_id):
    editor = open_editor(copy_id)
    click(qtbot, editor.add_dimension_button)
    assert editor.dimension_name.hasFocus()
    qtbot.keyClicks(editor.dimension_name, "Vendors")  # the suggested name is selected
    editor.dimension_weight.setFocus()
    qtbot.keyClick(editor.dimension_weight, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.dimension_weight, "2")

    click(qtbot, editor.save_button)  # a dimension without a question is refused
    assert "no question" in editor.error_text()
    assert editor.tree.currentItem().text(0) == "Vendors"

    click(qtbot, editor.add_question_button)
    assert editor.question_text.hasFocus()
    qtbot.keyClicks(editor.question_text, "Do we check what AI our suppliers use?")
    for level in (1, 2, 3, 4, 5):
        qtbot.keyClicks(editor.descriptor_edits[level], f"What level {level} looks like.")
    with qtbot.waitSignal(editor.saved, timeout=3000):
        click(qtbot, editor.save_button)

    vendors = services.maturity.framework(copy_id).dimensions[-1]
    assert (vendors.name, vendors.weight) == ("Vendors", 2.0)
    assert vendors.key  # the service names new parts
    (question,) = vendors.questions
    assert question.text == "Do we check what AI our suppliers use?"
    assert question.descriptors[4] == "What level 4 looks like."


def test_the_framework_list_opens_copies_and_deletes(qtbot, services, builtin_id):
    dialog = FrameworkListDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    assert table.rowCount() == 1
    assert table.item(0, dialog.KIND).text() == "Built-in"
    assert not dialog.delete_button.isEnabled()

    click(qtbot, dialog.copy_button)
    prompt = dialog.name_prompt
    assert prompt is not None
    retype(qtbot, prompt.findChild(QLineEdit), "Our AI maturity")
    ok = prompt.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(dialog.changed, timeout=3000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert table.rowCount() == 2
    copy_id = dialog.selected_id()
    assert copy_id is not None and copy_id != builtin_id
    assert table.item(table.currentRow(), dialog.KIND).text() == "Your own"

    # A used framework cannot be deleted; editing it leaves a note on the old version.
    used(services, copy_id)
    dialog.reload()
    assert table.item(dialog.row_of(copy_id), dialog.USED).text() == "1"
    assert not dialog.delete_button.isEnabled()
    click(qtbot, dialog.open_button)
    editor = dialog.editor
    assert editor is not None and editor.framework_id == copy_id
    qtbot.waitExposed(editor)
    click_item(qtbot, editor, "Our AI maturity")
    retype(qtbot, editor.framework_name, "Our AI maturity, 2026")
    new_id, _notice = save_as_new_version(qtbot, editor)
    assert table.item(dialog.row_of(copy_id), dialog.NOTE).text() == "A newer version exists"
    assert dialog.selected_id() == new_id
    shot(dialog, "list")

    assert dialog.delete_button.isEnabled()
    click(qtbot, dialog.delete_button)
    answer_box(qtbot, dialog.confirm_box, "Delete")
    assert new_id not in {r.id for r in services.maturity.frameworks()}
    assert dialog.row_of(new_id) == -1
    dialog.close()
