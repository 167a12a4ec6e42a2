"""The Objectives area driven by keyboard and mouse: the first objective and metric through
their dialogs, readings typed into the bottom row, corrected, deleted and put back, and
everything checked in the data file afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from app.context import AppServices
from app.objectives.model import MetricInput
from tests.ui.objectives.objectives_data import (
    END,
    START,
    TODAY,
    add_adoption_objective,
    add_hours_objective,
)
from ui.change_bridge import ChangeBridge
from ui.objectives.area_page import ObjectivesAreaPage
from ui.objectives.labels import day_text
from ui.objectives.metric_dialog import MetricDialog
from ui.objectives.objective_dialog import ObjectiveDialog
from ui.objectives.readings_model import ReadingsTableModel

pytestmark = pytest.mark.database


@pytest.fixture
def bridge(services: AppServices) -> Iterator[ChangeBridge]:
    relay = ChangeBridge(services.changes)
    yield relay
    relay.detach()


@pytest.fixture
def open_page(qtbot, services: AppServices, bridge: ChangeBridge):
    def opener() -> ObjectivesAreaPage:
        page = ObjectivesAreaPage(services, bridge)
        qtbot.addWidget(page)
        page.resize(1400, 900)
        page.show()
        qtbot.waitExposed(page)
        page.activateWindow()
        qtbot.waitUntil(page.isActiveWindow)
        return page

    return opener


def settle(qtbot, page: ObjectivesAreaPage) -> None:
    """Wait until the page has caught up with the changes just made."""
    qtbot.waitUntil(lambda: not page.refresh_pending())


def type_reading(qtbot, page: ObjectivesAreaPage, day: str, value: str) -> None:
    entry = page.metric_panel.entry
    entry.focus_date()
    qtbot.keyClicks(entry.date_edit, day)
    qtbot.keyClick(entry.date_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is entry.value_edit
    qtbot.keyClicks(entry.value_edit, value)
    qtbot.keyClick(entry.value_edit, Qt.Key.Key_Return)
    settle(qtbot, page)


def test_the_first_objective_metric_and_readings_are_entered_from_the_keyboard(
    qtbot, services: AppServices, open_page
):
    page = open_page()
    assert page.is_empty_state_shown()
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, ObjectiveDialog) and dialog.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert QApplication.focusWidget() is dialog.title
    qtbot.keyClicks(dialog.title, "Save time on reporting")
    qtbot.keyClick(dialog.title, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Head of Finance")
    qtbot.keyClick(dialog.owner, Qt.Key.Key_Return)

    [objective] = services.objectives.objectives()
    assert (objective.title, objective.owner) == ("Save time on reporting", "Head of Finance")
    assert not page.is_empty_state_shown()
    assert page.current_key() == ("objective", objective.id)
    assert page.objective_panel.no_metrics.isVisible()

    qtbot.mouseClick(page.objective_panel.add_metric_button, Qt.MouseButton.LeftButton)
    metric_dialog = page.dialog
    assert isinstance(metric_dialog, MetricDialog)
    qtbot.waitUntil(metric_dialog.isActiveWindow)
    qtbot.keyClicks(metric_dialog.name, "Hours saved per week")
    qtbot.keyClick(metric_dialog.name, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "hours")
    qtbot.keyClicks(metric_dialog.baseline_value, "0")
    metric_dialog.baseline_on.setDate(QDate(START.year, START.month, START.day))
    qtbot.keyClicks(metric_dialog.target_value, "400")
    metric_dialog.target_date.setDate(QDate(END.year, END.month, END.day))
    assert metric_dialog.direction.text() == "Higher is better: the target is above the baseline."
    qtbot.keyClick(metric_dialog.target_value, Qt.Key.Key_Return)

    [metric] = services.objectives.objective(objective.id).metrics
    assert (metric.name, metric.unit, metric.baseline_value, metric.target_value) == (
        "Hours saved per week",
        "hours",
        0,
        400,
    )
    assert page.current_key() == ("metric", metric.id)
    assert page.metric_panel.isVisible()
    page.activateWindow()  # the window manager's part when a dialog closes
    qtbot.waitUntil(page.isActiveWindow)
    assert "not measured yet" in page.metric_panel.sentence

    first, second = START + timedelta(days=30), TODAY - timedelta(days=1)
    type_reading(qtbot, page, first.isoformat(), "80")
    type_reading(qtbot, page, second.strftime("%d/%m/%Y"), "120")

    readings = services.objectives.metric(metric.id).readings
    assert [(r.measured_on, r.value) for r in readings] == [(first, 80), (second, 120)]
    assert page.metric_panel.model.rowCount() == 2
    assert page.metric_panel.sentence.startswith(
        f"Hours saved per week: 120 of 400 hours (30 % of the way), measured {day_text(second)}"
    )
    assert page.metric_panel.progress_row.bar.value() == 300
    assert page.metric_panel.chart.point_count() == 3  # the baseline, then two readings
    assert QApplication.focusWidget() is page.metric_panel.entry.date_edit, "ready for the next"


def test_a_reading_the_service_refuses_keeps_what_was_typed_and_says_why(
    qtbot, services: AppServices, open_page
):
    _objective, metric = add_hours_objective(services, (50,))
    page = open_page()
    page.choose(("metric", metric))
    recorded = START + timedelta(days=30)
    type_reading(qtbot, page, recorded.isoformat(), "60")
    panel = page.metric_panel
    assert panel.problem.isVisible()
    assert panel.problem.text().startswith(f"There is already a reading on {recorded.day}")
    assert panel.entry.value_edit.text() == "60"
    before = START - timedelta(days=1)
    panel.entry.date_edit.clear()
    type_reading(qtbot, page, before.isoformat(), "")
    assert "is before the baseline date of this metric" in panel.problem.text()
    panel.entry.value_edit.clear()
    qtbot.keyClick(panel.entry.value_edit, Qt.Key.Key_Return)
    assert panel.problem.text() == "Enter the value that was measured."
    assert [r.value for r in services.objectives.metric(metric).readings] == [50]


def test_delete_removes_a_reading_and_undo_puts_it_back(qtbot, services: AppServices, open_page):
    _objective, metric = add_hours_objective(services, (50, 90, 130))
    page = open_page()
    page.choose(("metric", metric))
    table = page.metric_panel.table
    rect = table.visualRect(page.metric_panel.model.index(1, ReadingsTableModel.VALUE))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    settle(qtbot, page)

    assert [r.value for r in services.objectives.metric(metric).readings] == [50, 130]
    assert page.metric_panel.undo_bar.isVisible()
    assert "Deleted the reading of" in page.metric_panel.undo_text.text()

    qtbot.mouseClick(page.metric_panel.undo_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    assert [r.value for r in services.objectives.metric(metric).readings] == [50, 90, 130]
    assert not page.metric_panel.undo_bar.isVisible()


def test_a_reading_is_corrected_in_place_with_f2(qtbot, services: AppServices, open_page):
    _objective, metric = add_hours_objective(services, (50, 90))
    page = open_page()
    page.choose(("metric", metric))
    table = page.metric_panel.table
    table.setFocus()
    table.setCurrentIndex(page.metric_panel.model.index(1, ReadingsTableModel.VALUE))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not table
    editor.selectAll()
    qtbot.keyClicks(editor, "95,5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn

    def values() -> list[float]:
        return [r.value for r in services.objectives.metric(metric).readings]

    qtbot.waitUntil(lambda: values() == [50, 95.5])
    settle(qtbot, page)
    assert page.metric_panel.model.index(1, ReadingsTableModel.VALUE).data() == "95.5"


def test_deleting_an_objective_asks_first_and_says_what_is_lost(
    qtbot, services: AppServices, open_page
):
    objective, _metric = add_hours_objective(services, (50, 90))
    page = open_page()
    page.choose(("objective", objective))
    qtbot.mouseClick(page.objective_panel.delete_button, Qt.MouseButton.LeftButton)
    box = page.delete_box
    assert box is not None and box.isVisible()
    assert box.text() == (
        "Delete “Save time on reporting” with its 1 metric and their 2 readings? This cannot "
        "be undone."
    )
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert len(services.objectives.objectives()) == 1

    qtbot.mouseClick(page.objective_panel.delete_button, Qt.MouseButton.LeftButton)
    confirm = page.delete_box.findChild(type(page.new_button), "confirm_delete")
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    assert services.objectives.objectives() == []
    assert page.is_empty_state_shown()


def test_deleting_a_metric_with_the_delete_key_in_the_tree_keeps_its_objective_chosen(
    qtbot, services: AppServices, open_page
):
    objective, metrics = add_adoption_objective(services)
    page = open_page()
    page.choose(("metric", metrics[0]))
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Delete)
    box = page.delete_box
    assert box is not None
    assert box.text().startswith("Delete the metric “Weekly active users” and its 1 reading?")
    confirm = box.findChild(type(page.new_button), "confirm_delete")
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    assert [m.name for m in services.objectives.objective(objective).metrics] == [
        "Report turnaround",
        "Prompts shared in the library",
    ]
    assert page.current_key() == ("objective", objective)


def test_editing_a_metric_opens_the_dialog_filled_in_and_saves_the_change(
    qtbot, services: AppServices, open_page
):
    _objective, metric = add_hours_objective(services, (50,))
    page = open_page()
    page.choose(("metric", metric))
    qtbot.mouseClick(page.metric_panel.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, MetricDialog)
    assert (dialog.name.text(), dialog.target_value.text()) == ("Hours saved per week", "400")
    dialog.target_value.selectAll()
    qtbot.keyClicks(dialog.target_value, "200")
    qtbot.keyClick(dialog.target_value, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    settle(qtbot, page)
    assert services.objectives.metric(metric).target_value == 200
    assert "of 200 hours (25 % of the way)" in page.metric_panel.sentence


def test_a_change_made_elsewhere_shows_without_reopening_the_page(
    qtbot, services: AppServices, open_page
):
    objective, metric = add_hours_objective(services)
    page = open_page()
    page.choose(("metric", metric))
    services.objectives.add_reading(metric, 200, TODAY)
    settle(qtbot, page)
    assert page.metric_panel.model.rowCount() == 1
    assert "200 of 400 hours (50 % of the way)" in page.metric_panel.sentence
    services.objectives.save_metric(
        objective, MetricInput("Reports automated", None, 0, START, 10, END)
    )
    settle(qtbot, page)
    assert page.model.rowCount(page.model.index(0, 0)) == 2
    assert page.current_key() == ("metric", metric)
