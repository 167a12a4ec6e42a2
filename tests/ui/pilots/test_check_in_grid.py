"""A week of check-ins typed with the keyboard alone (digits, arrows, Tab, Enter, Space),
features ticked by keyboard, a refused value explained with nothing saved, earlier weeks
shown with who has not checked in, and Delete with undo."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.pilots.records import CheckInEntry
from app.pilots.tracking_import_model import ImportKind
from tests.ui.pilots.measurement_typing import bridge, focused, pilot, press, tab
from ui.pilots.check_in_grid import CheckInModel
from ui.pilots.tracking_features import FeatureChecklist

pytestmark = pytest.mark.database

KEY = Qt.Key
__all__ = ["bridge", "pilot", "tab"]  # fixtures used by name


def this_week(services, pilot) -> dict[int, tuple]:
    week = services.pilots.pilot(pilot.pilot_id).week_of(date.today())
    return {
        row.participant_id: (row.days_used, row.features, row.learning_hours)
        for row in services.pilot_tracking.check_ins(pilot.pilot_id)
        if row.week == week
    }


def test_a_week_of_check_ins_is_entered_with_the_keyboard_only(qtbot, services, tab, pilot):
    section = tab.show_section(ImportKind.CHECK_INS)
    view = section.view
    assert section.week_picker.currentText().startswith("Week 7 · ")
    assert focused() is view

    # Days used, down the column: each digit is saved and the cursor moves down.
    press(qtbot, "3", "4", "5", "2")
    assert [day for day, _f, _h in this_week(services, pilot).values()] == [3, 4, 5, 2]

    # Features: digits tick them on Ana's row; Space opens the list for Björn's.
    press(qtbot, KEY.Key_Up, KEY.Key_Up, KEY.Key_Up, KEY.Key_Right, "1", "2", KEY.Key_Down)
    press(qtbot, KEY.Key_Space)
    checklist = focused()
    assert isinstance(checklist, FeatureChecklist)
    press(qtbot, KEY.Key_Down, KEY.Key_Down, KEY.Key_Space, KEY.Key_Return)
    qtbot.waitUntil(lambda: focused() is view)

    # Hours learning: typed into an editor; Enter keeps it and moves down, Tab moves on.
    assert view.currentIndex().row() == 2
    press(qtbot, KEY.Key_Right, "2", KEY.Key_Return)
    press(qtbot, "1.5")
    press(qtbot, KEY.Key_Tab)

    ana, bjorn, chloe, dev = pilot.participant_ids
    assert this_week(services, pilot) == {
        ana: (3, ("drafting", "summarising"), 0.0),
        bjorn: (4, ("meeting_notes",), 0.0),
        chloe: (5, (), 2.0),
        dev: (2, (), 1.5),
    }
    grid = section.grid
    assert [grid.data(grid.index(r, CheckInModel.STATUS)) for r in range(4)] == ["Saved"] * 4
    assert section.summary.text() == "4 of 4 checked in for week 7."
    assert grid.data(grid.index(0, CheckInModel.FEATURES)) == (
        "Drafting text, Summarising documents"
    )


def test_tab_runs_along_a_row_and_on_to_the_next_participant(qtbot, services, tab, pilot):
    section = tab.show_section(ImportKind.CHECK_INS)
    view = section.view
    press(qtbot, "6", KEY.Key_Up, KEY.Key_Tab, KEY.Key_Tab, "3", KEY.Key_Tab)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (1, CheckInModel.DAYS)
    assert this_week(services, pilot) == {pilot.participant_ids[0]: (6, (), 3.0)}


def test_an_invalid_value_is_refused_with_the_reason_and_nothing_is_saved(
    qtbot, services, tab, pilot
):
    section = tab.show_section(ImportKind.CHECK_INS)
    view = section.view
    press(qtbot, "9")
    assert section.error.text() == (
        "Days used is a number from 0 to 7. Nothing was saved; type the value again."
    )
    assert view.currentIndex().row() == 0  # the cursor stays on the refused value
    grid = section.grid
    assert grid.data(grid.index(0, CheckInModel.STATUS)) == "Days used is a number from 0 to 7."

    press(qtbot, KEY.Key_Right, KEY.Key_Right, "75", KEY.Key_Return)
    assert section.error.text().startswith("Hours spent learning in a week is from 0 to 60.")
    assert services.pilot_tracking.check_ins(pilot.pilot_id) == []

    press(qtbot, KEY.Key_Left, KEY.Key_Left, "4")
    assert section.error.text() == ""
    assert this_week(services, pilot) == {pilot.participant_ids[0]: (4, (), 0.0)}


def test_hours_typed_before_the_days_wait_for_the_days_to_save_the_row(qtbot, services, tab, pilot):
    section = tab.show_section(ImportKind.CHECK_INS)
    press(qtbot, KEY.Key_Right, KEY.Key_Right, "2", KEY.Key_Return)
    grid = section.grid
    assert grid.data(grid.index(0, CheckInModel.STATUS)) == "Not saved yet: type the days used"
    assert services.pilot_tracking.check_ins(pilot.pilot_id) == []
    press(qtbot, KEY.Key_Up, KEY.Key_Left, KEY.Key_Left, "5")
    assert this_week(services, pilot) == {pilot.participant_ids[0]: (5, (), 2.0)}


def test_an_earlier_week_shows_its_values_and_who_has_not_checked_in(qtbot, services, tab, pilot):
    ana, bjorn, _chloe, _dev = pilot.participant_ids
    services.pilot_tracking.record_week(
        pilot.pilot_id, 6, [CheckInEntry(ana, 5, ("research",), 1.0), CheckInEntry(bjorn, 2)]
    )
    section = tab.show_section(ImportKind.CHECK_INS)
    qtbot.waitUntil(lambda: len(section.grid.weeks_with_data()) == 1)
    qtbot.keyClick(tab, KEY.Key_W, Qt.KeyboardModifier.AltModifier)
    assert focused() is section.week_picker
    press(qtbot, KEY.Key_Up)
    assert section.grid.week == 6
    grid = section.grid
    assert [grid.data(grid.index(r, CheckInModel.DAYS)) for r in range(4)] == ["5", "2", "", ""]
    assert grid.data(grid.index(0, CheckInModel.FEATURES)) == "Research and questions"
    assert grid.data(grid.index(2, CheckInModel.STATUS)) == "Not checked in"
    assert section.summary.text() == (
        "2 of 4 checked in for week 6. Not checked in yet: Chloé Martin, Dev Patel."
    )
    press(qtbot, KEY.Key_Tab)
    assert focused() is section.view


def test_delete_clears_a_check_in_and_undo_puts_it_back(qtbot, services, tab, pilot):
    section = tab.show_section(ImportKind.CHECK_INS)
    view = section.view
    press(qtbot, "3", KEY.Key_Up, KEY.Key_Delete)
    assert services.pilot_tracking.check_ins(pilot.pilot_id) == []
    assert section.undo_label.text() == "Cleared Ana Lima's check-in for week 7."
    qtbot.keyClick(view, KEY.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert this_week(services, pilot) == {pilot.participant_ids[0]: (3, (), 0.0)}
    assert section.undo_bar.isHidden()


def test_the_grid_follows_check_ins_recorded_elsewhere(qtbot, services, tab, pilot):
    section = tab.show_section(ImportKind.CHECK_INS)
    week = section.grid.week
    services.pilot_tracking.record_week(
        pilot.pilot_id, week, [CheckInEntry(pilot.participant_ids[3], 7)]
    )
    grid = section.grid
    qtbot.waitUntil(lambda: grid.data(grid.index(3, CheckInModel.DAYS)) == "7")
    assert section.summary.text().startswith("1 of 4 checked in")


def test_the_check_in_model_passes_the_model_tester(qtmodeltester, services, tab, pilot):
    services.pilot_tracking.record_week(
        pilot.pilot_id, 7, [CheckInEntry(pilot.participant_ids[0], 2, ("code",), 1.0)]
    )
    tab.reload()
    qtmodeltester.check(tab.check_ins.grid)
