"""A pilot from start to decision in the main window, the way HR runs one: open Pilots from
the sidebar, suggest a cohort and swap a person, start the pilot, type a week of check-ins
with the keyboard, end it, and record the decision from the results — checked in the data
file at each step."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.context import AppServices
from app.pilots.tracking_import_model import ImportKind
from tests.ui.conftest import message_boxes
from tests.ui.pilots.measurement_typing import press
from tests.ui.pilots.test_area_page import click, everyday_path, make_pilot
from tests.ui.pilots.test_cohort_dialog import (
    click_pick,
    open_cohort_dialog,
    organisation,
    picked_names,
    suggest,
    swap_dialog,
)
from ui.main_window import AREA_PILOTS
from ui.pilots.measurements_tab import MeasurementsTab
from ui.pilots.results_tab import ResultsTab

pytestmark = pytest.mark.database
__all__ = ["organisation"]  # a fixture used by name

KEY = Qt.Key


def test_hr_runs_a_pilot_from_cohort_to_decision_in_the_main_window(
    qtbot, main_window, services: AppServices, organisation
):
    path_id = everyday_path(services)
    start = date.today() - timedelta(days=2)
    pilot_id = make_pilot(
        services, "Writing assistant", path_id=path_id, starts_on=start, ends_on=date.today()
    )
    qtbot.waitUntil(main_window.isActiveWindow)

    sidebar = main_window.sidebar
    item = sidebar.item(AREA_PILOTS)
    qtbot.mouseClick(
        sidebar.viewport(), Qt.MouseButton.LeftButton, pos=sidebar.visualItemRect(item).center()
    )
    assert main_window.current_area() == AREA_PILOTS
    page = main_window.pilots_page
    qtbot.waitUntil(lambda: page.current_pilot() is not None)

    # Suggest a cohort of 6 and swap Support1 for Sales2.
    dialog = open_cohort_dialog(qtbot, page)
    suggest(qtbot, dialog, 6)
    assert "Support1" in picked_names(dialog)
    click_pick(qtbot, dialog, "Support1")
    click(qtbot, dialog.swap_button)
    swap = swap_dialog(qtbot, dialog)
    qtbot.keyClicks(swap.search, "sales2")
    qtbot.keyClick(swap.search, KEY.Key_Return)
    qtbot.waitUntil(lambda: not swap.isVisible())
    click(qtbot, dialog.enrol_button)
    qtbot.waitUntil(lambda: page.detail.participants_tab.dialog is None)
    _back_to(qtbot, main_window)  # the offscreen platform does not reactivate it by itself
    cohort = services.pilots.participants(pilot_id)
    assert "Sales2" in {p.display_name for p in cohort}
    assert "Support1" not in {p.display_name for p in cohort}
    assert {p.person_id for p in cohort} <= set(services.paths.people_on(path_id))

    # Start it (no question: it has a cohort and criteria).
    qtbot.waitUntil(
        lambda: page.detail.details is not None and page.detail.details.participants == 6
    )
    click(qtbot, page.detail.start_button)
    qtbot.waitUntil(lambda: services.pilots.pilot(pilot_id).status == "running")
    assert message_boxes(main_window) == []

    # A week of check-ins by keyboard: the days each person used the tool, down the column.
    tabs = page.detail.tabs
    measurements = next(
        tabs.widget(i) for i in range(tabs.count()) if isinstance(tabs.widget(i), MeasurementsTab)
    )
    bar = tabs.tabBar()
    qtbot.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(tabs.indexOf(measurements)).center()
    )
    section = measurements.show_section(ImportKind.CHECK_INS)
    qtbot.waitUntil(lambda: section.view.model().rowCount() == 6)
    first = section.view.first_cell()
    qtbot.mouseClick(
        section.view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=section.view.visualRect(first).center(),
    )
    qtbot.waitUntil(lambda: QApplication.focusWidget() is section.view)
    press(qtbot, "3", "4", "0", "5", "2", "1")
    week = services.pilots.pilot(pilot_id).week_of(date.today())
    typed = {
        row.participant_id: row.days_used
        for row in services.pilot_tracking.check_ins(pilot_id)
        if row.week == week
    }
    assert sorted(typed.values()) == [0, 1, 2, 3, 4, 5]
    assert set(typed) == {p.id for p in cohort}

    # End it, then record the decision from the results by keyboard.
    click(qtbot, page.detail.end_button)
    qtbot.waitUntil(lambda: bool(message_boxes(main_window)) or _status(services, pilot_id))
    for box in message_boxes(main_window):
        box.accept()
    qtbot.waitUntil(lambda: _status(services, pilot_id))
    _back_to(qtbot, main_window)
    results = next(
        tabs.widget(i) for i in range(tabs.count()) if isinstance(tabs.widget(i), ResultsTab)
    )
    tabs.setCurrentWidget(results)
    qtbot.waitUntil(results.is_ready, timeout=10_000)
    results.setFocus()
    qtbot.keyClick(results, KEY.Key_R, Qt.KeyboardModifier.AltModifier)  # &Record decision…
    qtbot.waitUntil(lambda: results.decision_dialog is not None)
    decision = results.decision_dialog
    assert decision is not None
    qtbot.waitUntil(decision.isActiveWindow)
    qtbot.keyClick(decision, KEY.Key_A, Qt.KeyboardModifier.AltModifier)  # &Adjust
    qtbot.waitUntil(decision.choice_buttons["adjust"].isChecked)
    qtbot.keyClick(decision, KEY.Key_R, Qt.KeyboardModifier.AltModifier)  # &Reasons
    qtbot.keyClicks(decision.reasons, "Too early to tell; run four more weeks with Support.")
    qtbot.keyClick(decision.reasons, KEY.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: results.decision_dialog is None)

    details = services.pilots.pilot(pilot_id)
    assert (details.status, details.decision, details.decided_on) == (
        "decided",
        "adjust",
        date.today(),
    )
    assert details.decision_reasons == "Too early to tell; run four more weeks with Support."


def _status(services: AppServices, pilot_id: int) -> bool:
    return services.pilots.pilot(pilot_id).status == "evaluating"


def _back_to(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
