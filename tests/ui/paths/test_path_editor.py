"""The path editor driven like a person: modules dragged from the library into the stages,
reordered by dragging, a prerequisite problem fixed with one click, and the saved path checked
in the database.

Drags are real Qt drag events sent to the stage list's viewport (enter, move, drop) carrying
the MIME data the library's view puts on a drag of its selected rows, so a test drop runs the
same code as a drop made with the mouse.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QListView, QMessageBox, QPushButton

from app.context import AppServices
from app.paths.service import ModuleInput
from app.services.people import PersonInput
from db.models import Track
from tests.ui.conftest import message_boxes
from ui.paths.module_library_model import KEY_ROLE
from ui.paths.path_editor import PathEditor
from ui.paths.stage_model import PROBLEM_ROLE, StageModel

pytestmark = pytest.mark.database

CRAWL, WALK, RUN = range(3)


# Gestures -------------------------------------------------------------------------------------
@pytest.fixture
def editor(qtbot, services: AppServices) -> PathEditor:
    widget = PathEditor(services)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def find_in_library(qtbot, editor: PathEditor, title: str) -> QModelIndex:
    """Type the title into the library's search box and click the module found."""
    library = editor.library
    library.search.clear()
    qtbot.keyClicks(library.search, title)
    view = library.view
    matches = [
        view.model().index(row, 0)
        for row in range(view.model().rowCount())
        if str(view.model().index(row, 0).data()).split("\n")[0] == title
    ]
    assert len(matches) == 1, f"{title!r} is not in the library's list"
    index = matches[0]
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    assert library.selected_keys() == [index.data(KEY_ROLE)]
    return index


def drag_payload(view: QListView) -> QMimeData:
    """What a drag started on ``view`` carries: its model's MIME data for the selected rows."""
    indexes = sorted(view.selectionModel().selectedIndexes(), key=lambda i: i.row())
    assert indexes, "nothing is selected to drag"
    return view.model().mimeData(indexes)


def drop_point(view: QListView, before_row: int | None) -> QPoint:
    """A point in ``view``'s viewport: the top half of row ``before_row``, or below the rows."""
    model = view.model()
    if before_row is None or before_row >= model.rowCount():
        if model.rowCount() == 0:
            return QPoint(20, 10)
        last = view.visualRect(model.index(model.rowCount() - 1, 0))
        return QPoint(last.center().x(), last.bottom() + 6)
    rect = view.visualRect(model.index(before_row, 0))
    return QPoint(rect.center().x(), rect.top() + 3)


def drop_on(view: QListView, data: QMimeData, point: QPoint) -> None:
    """Enter, move over and drop on ``view`` at ``point`` as the window system would."""
    viewport = view.viewport()
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, actions, data, left, none)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted(), "the stage does not accept the dragged modules"
    move = QDragMoveEvent(point, actions, data, left, none)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted(), "the stage refuses the drop at that place"
    drop = QDropEvent(QPointF(point), actions, data, left, none)
    QApplication.sendEvent(viewport, drop)
    assert drop.isAccepted()


def drag_to_stage(
    qtbot, editor: PathEditor, title: str, stage: int, before_row: int | None = None
) -> None:
    """Find a module in the library, then drag it into ``stage`` (before ``before_row``)."""
    find_in_library(qtbot, editor, title)
    target = editor.stages[stage].view
    drop_on(target, drag_payload(editor.library.view), drop_point(target, before_row))


def drag_within(
    qtbot, editor: PathEditor, stage: int, row: int, to_stage: int, before_row: int | None
) -> None:
    """Click a module in a stage, then drag it to another place (same or other stage)."""
    source = editor.stages[stage].view
    index = source.model().index(row, 0)
    qtbot.mouseClick(
        source.viewport(), Qt.MouseButton.LeftButton, pos=source.visualRect(index).center()
    )
    target = editor.stages[to_stage].view
    drop_on(target, drag_payload(source), drop_point(target, before_row))


def stage_titles(editor: PathEditor, stage: int) -> list[str]:
    model = editor.stage_models[stage]
    return [str(model.index(row).data()).split("\n")[0] for row in range(model.rowCount())]


def saved_stages(services: AppServices, path_id: int) -> list[tuple[str, ...]]:
    return [stage.modules for stage in services.paths.path(path_id).layout.stages]


def click(qtbot, button: QPushButton) -> None:
    assert button.isEnabled(), f"{button.text()!r} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_name(qtbot, editor: PathEditor, name: str) -> None:
    editor.fields.name.clear()
    qtbot.keyClicks(editor.fields.name, name)


# Building a path ----------------------------------------------------------------------------
def test_a_path_built_by_dragging_is_stopped_by_a_prerequisite_fixed_in_one_click_and_saved(
    qtbot, editor: PathEditor, services: AppServices
):
    type_name(qtbot, editor, "Everyday AI for the sales floor")
    drag_to_stage(qtbot, editor, "Prompting basics: asking for what you need", CRAWL)
    drag_to_stage(qtbot, editor, "AI at work: the essentials", WALK)
    assert stage_titles(editor, CRAWL) == ["Prompting basics: asking for what you need"]
    assert stage_titles(editor, WALK) == ["AI at work: the essentials"]

    # The problem shows on the module that comes too early, and in the list of problems.
    crawl = editor.stage_models[CRAWL]
    marker = crawl.index(0).data(PROBLEM_ROLE)
    assert "comes before “AI at work: the essentials”" in marker
    assert crawl.index(0).data(Qt.ItemDataRole.DecorationRole) is not None
    assert "which it needs first" in crawl.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert editor.stage_models[WALK].index(0).data(PROBLEM_ROLE) == ""
    assert editor.problems.sentences() == [
        "“Prompting basics: asking for what you need” comes before “AI at work: the "
        "essentials”, which it needs first."
    ]
    assert editor.save_state.text() == "1 order problem to fix before saving"

    # Save is refused with the way out, and nothing reaches the database.
    click(qtbot, editor.save_button)
    boxes = message_boxes(editor)
    assert len(boxes) == 1
    assert boxes[0].text() == (
        "Fix the order first (Fix all puts every prerequisite before the module that needs it)."
    )
    boxes[0].done(0)
    assert services.paths.paths() == []

    # One click on the problem's Fix puts the prerequisite just before the module.
    fix = editor.problems.findChild(QPushButton, "fix_0")
    assert fix.toolTip() == (
        "Move “AI at work: the essentials” to just before “Prompting basics: asking for what "
        "you need”"
    )
    click(qtbot, fix)
    assert stage_titles(editor, CRAWL) == [
        "AI at work: the essentials",
        "Prompting basics: asking for what you need",
    ]
    assert stage_titles(editor, WALK) == []
    assert editor.problems.sentences() == []
    assert crawl.index(1).data(PROBLEM_ROLE) == ""

    # A drop lands where it is let go: between the two modules of the crawl stage.
    drag_to_stage(qtbot, editor, "Safe and fair use: our house rules for AI", CRAWL, 1)
    drag_to_stage(qtbot, editor, "A tour of our approved AI tools", RUN)
    assert editor.problems.sentences() == []

    with qtbot.waitSignal(editor.saved) as saved:
        click(qtbot, editor.save_button)
    path_id = saved.args[0]
    assert saved_stages(services, path_id) == [
        ("ai_foundations", "safe_use_essentials", "prompt_basics"),
        (),
        ("approved_tools_tour",),
    ]
    details = services.paths.path(path_id)
    assert details.layout.name == "Everyday AI for the sales floor"
    assert details.layout.track == "frontline"
    assert not editor.is_modified()
    assert editor.save_state.text() == "Saved"


def test_fix_all_puts_every_prerequisite_before_the_modules_that_need_it(
    qtbot, editor: PathEditor, services: AppServices
):
    type_name(qtbot, editor, "Checking AI output")
    drag_to_stage(qtbot, editor, "Reviewing AI output when the stakes are high", CRAWL)
    drag_to_stage(qtbot, editor, "Spotting mistakes, made-up facts and bias", WALK)
    assert len(editor.problems.sentences()) == 2  # one after it, one not in the path at all

    click(qtbot, editor.problems.fix_all_button)
    assert editor.problems.sentences() == []
    order = stage_titles(editor, CRAWL) + stage_titles(editor, WALK)
    assert order.index("How AI tools come up with their answers") < order.index(
        "Spotting mistakes, made-up facts and bias"
    )
    assert order.index("Spotting mistakes, made-up facts and bias") < order.index(
        "Reviewing AI output when the stakes are high"
    )
    with qtbot.waitSignal(editor.saved) as saved:
        click(qtbot, editor.save_button)
    assert [key for stage in saved_stages(services, saved.args[0]) for key in stage] == [
        "ai_foundations",
        "how_ai_answers",
        "spotting_errors_lab",
        "high_stakes_review",
    ]


def test_modules_are_reordered_and_moved_between_stages_by_dragging(
    qtbot, editor: PathEditor, services: AppServices
):
    path_id = services.paths.create_from_template("frontline_awareness")
    editor.open_path(path_id)
    assert stage_titles(editor, WALK) == [
        "How AI tools come up with their answers",
        "Prompting basics: asking for what you need",
    ]
    drag_within(qtbot, editor, WALK, 1, WALK, 0)  # Prompting basics to the top of Walk
    assert stage_titles(editor, WALK) == [
        "Prompting basics: asking for what you need",
        "How AI tools come up with their answers",
    ]
    drag_within(qtbot, editor, RUN, 1, WALK, None)  # AI clinic from Run to the end of Walk
    assert stage_titles(editor, RUN) == ["A tour of our approved AI tools"]
    assert stage_titles(editor, WALK)[-1] == "AI clinic: bring your question"
    assert editor.is_modified()
    assert editor.problems.sentences() == []

    with qtbot.waitSignal(editor.saved) as saved:
        click(qtbot, editor.save_button)
    assert saved.args[0] == path_id  # nobody follows it: changed in place
    assert saved_stages(services, path_id) == [
        ("ai_foundations", "safe_use_essentials"),
        ("prompt_basics", "how_ai_answers", "ai_clinic"),
        ("approved_tools_tour",),
    ]


def test_the_keyboard_adds_removes_and_moves_modules_without_dragging(
    qtbot, editor: PathEditor, services: AppServices
):
    type_name(qtbot, editor, "Keyboard path")
    walk = editor.stages[WALK].view
    walk.setFocus()  # the stage worked in last is where Enter adds
    assert editor.library.add_button.text() == "Add to Walk ▸"
    find_in_library(qtbot, editor, "AI at work: the essentials")
    editor.library.view.setFocus()
    qtbot.keyClick(editor.library.view, Qt.Key.Key_Return)
    find_in_library(qtbot, editor, "AI clinic: bring your question")
    click(qtbot, editor.library.add_button)
    assert stage_titles(editor, WALK) == [
        "AI at work: the essentials",
        "AI clinic: bring your question",
    ]
    # The library shows what the path has already.
    library = editor.library.model
    in_path = library.index(library.row_of("ai_foundations"))
    assert in_path.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "Already in this path." in in_path.data(Qt.ItemDataRole.ToolTipRole)

    # Ctrl+Up at the top of a stage moves the module to the end of the stage before.
    walk.setFocus()
    walk.setCurrentIndex(editor.stage_models[WALK].index(0))
    qtbot.keyClick(walk, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert stage_titles(editor, CRAWL) == ["AI at work: the essentials"]
    assert stage_titles(editor, WALK) == ["AI clinic: bring your question"]

    # Delete takes the selected module out of the path.
    walk.setFocus()
    walk.setCurrentIndex(editor.stage_models[WALK].index(0))
    qtbot.keyClick(walk, Qt.Key.Key_Delete)
    assert stage_titles(editor, WALK) == []
    assert library.index(library.row_of("ai_clinic")).data(Qt.ItemDataRole.DecorationRole) is None

    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert [p.name for p in services.paths.paths()] == ["Keyboard path"]
    assert saved_stages(services, services.paths.paths()[0].id) == [("ai_foundations",), (), ()]


# Live figures ---------------------------------------------------------------------------------
def test_totals_weeks_and_coverage_follow_every_module_added(
    qtbot, editor: PathEditor, services: AppServices
):
    editor.fields.track.setCurrentIndex(editor.fields.track.findData("frontline"))
    pace = editor.summary.pace
    pace.selectAll()
    qtbot.keyClicks(pace, "2")
    qtbot.keyClick(pace, Qt.Key.Key_Tab)
    assert pace.value() == 2.0
    assert editor.summary.total.text() == "0 h in 0 modules"

    drag_to_stage(qtbot, editor, "AI at work: the essentials", CRAWL)
    assert editor.summary.total.text() == "1.5 h in 1 module"
    assert editor.summary.weeks.text() == "Takes 1 week at 2 h a week."
    drag_to_stage(qtbot, editor, "Prompting basics: asking for what you need", WALK)
    assert editor.summary.total.text() == "4.5 h in 2 modules"
    assert editor.summary.weeks.text() == "Takes 3 weeks at 2 h a week."
    assert editor.stages[WALK].totals.text() == "1 module · 3 h"

    # Measured against the frontline track: literacy and prompting reach 1 and 2 of 2.
    coverage = editor.summary.coverage_model
    rows = {
        coverage.index(row, coverage.SKILL).data(): (
            coverage.index(row, coverage.TARGET).data(),
            coverage.index(row, coverage.REACHED).data(),
            coverage.index(row, coverage.STATE).data(),
        )
        for row in range(coverage.rowCount())
    }
    assert rows["Prompting and working with AI tools"] == ("2", "2", "✓")
    assert rows["AI literacy"] == ("2", "1", "✗ short")
    assert "Building automations" not in rows  # a target of 0 asks for nothing
    uncovered = editor.summary.uncovered.text()
    assert uncovered.startswith("Leaves uncovered: AI literacy (target 2, path reaches 1); ")
    assert "Data privacy and security with AI (target 2, path reaches 0)" in uncovered

    drag_to_stage(qtbot, editor, "Safe and fair use: our house rules for AI", CRAWL)
    assert "Data privacy" not in editor.summary.uncovered.text()


def test_coverage_is_measured_against_the_highest_target_of_the_roles_ticked(
    qtbot, services: AppServices
):
    analyst = services.organisation.add_role("Claims analyst", Track.FRONTLINE)
    services.skills.set_role_target(analyst, "data_privacy", 4)
    editor = PathEditor(services)
    qtbot.addWidget(editor)
    editor.resize(1280, 800)
    editor.show()
    qtbot.waitExposed(editor)
    drag_to_stage(qtbot, editor, "Safe and fair use: our house rules for AI", CRAWL)
    assert "Data privacy" not in editor.summary.uncovered.text()

    roles = editor.fields.roles
    item = roles.item(0)
    assert item.text() == "Claims analyst (Frontline)"
    rect = roles.visualItemRect(item)
    qtbot.mouseClick(
        roles.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 10, rect.center().y())
    )
    assert item.checkState() == Qt.CheckState.Checked
    assert editor.summary.measured.text() == ("Measured against the targets of: Claims analyst")
    assert "Data privacy and security with AI (target 4, path reaches 2)" in (
        editor.summary.uncovered.text()
    )


# Saving -----------------------------------------------------------------------------------
def test_a_name_the_service_refuses_is_shown_under_the_name_and_nothing_is_saved(
    qtbot, editor: PathEditor, services: AppServices
):
    drag_to_stage(qtbot, editor, "AI at work: the essentials", CRAWL)
    type_name(qtbot, editor, "   ")
    click(qtbot, editor.save_button)
    assert editor.fields.name_error.text() == "Give the path a name."
    assert editor.fields.name_error.isVisible()
    assert services.paths.paths() == []
    qtbot.keyClicks(editor.fields.name, "Named at last")
    assert not editor.fields.name_error.isVisible()


def test_save_is_disabled_while_the_library_has_a_prerequisite_cycle_in_the_path(
    qtbot, editor: PathEditor, services: AppServices
):
    """The service never stores a cycle, so the library is given one here the way a merged
    data file could: the editor must then refuse to save and say why."""
    type_name(qtbot, editor, "Circular")
    drag_to_stage(qtbot, editor, "AI at work: the essentials", CRAWL)
    drag_to_stage(qtbot, editor, "Prompting basics: asking for what you need", WALK)
    rows = [
        replace(row, prerequisites=("prompt_basics",)) if row.key == "ai_foundations" else row
        for row in services.paths.modules()
    ]
    editor.draft.set_modules(rows)
    assert not editor.save_button.isEnabled()
    assert editor.save_state.text() == "Can't save: some prerequisites go round in a circle."
    sentences = editor.problems.sentences()
    assert any("each need the other first" in s for s in sentences)
    assert not editor.problems.fix_all_button.isEnabled()


def test_a_cycle_made_in_the_module_editor_is_refused_and_the_library_is_unchanged(
    qtbot, editor: PathEditor, services: AppServices
):
    first = services.paths.save_module(
        ModuleInput("Team AI rules", "", "workshop", 2.0, "awareness", {"responsible_use": 1})
    )
    services.paths.save_module(
        ModuleInput(
            "Team AI practice",
            "",
            "hands_on_lab",
            3.0,
            "builder",
            {"prompting": 2},
            prerequisites=("custom_team_ai_rules",),
        )
    )
    editor.reload_modules()
    find_in_library(qtbot, editor, "Team AI rules")
    click(qtbot, editor.library.edit_button)
    from ui.paths.module_dialog import ModuleDialog

    dialog = editor.findChild(ModuleDialog)
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.prerequisites.search, "Team AI practice")
    item = dialog.prerequisites.item_for("Team AI practice")
    rect = dialog.prerequisites.list.visualItemRect(item)
    qtbot.mouseClick(
        dialog.prerequisites.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(rect.left() + 10, rect.center().y()),
    )
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert dialog.error_text("prerequisites") == (
        "These prerequisites would go round in a circle: Team AI practice → Team AI rules → "
        "Team AI practice. Remove one of them."
    )
    saved = next(m for m in services.paths.modules() if m.id == first)
    assert saved.prerequisites == ()
    dialog.reject()


def test_open_path_shows_a_replaced_version_read_only(
    qtbot, editor: PathEditor, services: AppServices
):
    path_id = services.paths.create_from_template("frontline_awareness")
    person = services.people.add(PersonInput(first_name="Ada"))
    services.paths.assign(path_id, [person], starts_on=date(2026, 1, 5))
    layout = services.paths.path(path_id).layout
    services.paths.save_path(path_id, replace(layout, name="Renamed"), move_people=True)
    editor.open_path(path_id)
    assert editor.is_read_only()
    assert editor.banner.isVisible()
    assert not editor.save_button.isEnabled()
    assert editor.stage_models[CRAWL].flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
    assert not editor.library.add_button.isEnabled()


def test_stage_and_library_models_pass_the_model_tester(
    qtmodeltester, editor: PathEditor, services: AppServices
):
    editor.open_path(services.paths.create_from_template("technical_builder"))
    for model in editor.stage_models:
        assert isinstance(model, StageModel)
        qtmodeltester.check(model)
    qtmodeltester.check(editor.library.model)
    qtmodeltester.check(editor.library.filter)
    qtmodeltester.check(editor.summary.coverage_model)


def test_unsaved_changes_are_known_and_undo_goes_back_to_what_was_saved(
    qtbot, editor: PathEditor, services: AppServices
):
    path_id = services.paths.create_from_template("frontline_awareness")
    editor.open_path(path_id)
    assert not editor.is_modified()
    assert not editor.revert_button.isEnabled()
    title = editor.stages[WALK].title
    title.selectAll()
    qtbot.keyClicks(title, "Practise together")
    assert editor.is_modified()
    assert editor.save_state.text() == "Unsaved changes"
    click(qtbot, editor.revert_button)
    assert not editor.is_modified()
    assert title.text() == "Try it with support"
    assert [box for box in message_boxes(editor) if box.icon() == QMessageBox.Icon.Warning] == []
