"""The other measurements typed from the keyboard (a task timing, survey answers, knowledge
and engagement scores, an application), deleting with undo, the empty states, and every
item model through the model tester."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from app.pilots.records import ApplicationInput, FeedbackInput, PilotInput, TimingInput
from app.pilots.tracking_import_model import ImportKind
from tests.ui.pilots.measurement_typing import bridge, focused, pilot, press, tab
from ui.pilots.measurements_tab import MeasurementsTab
from ui.pilots.tracking_timings import TimingsModel

pytestmark = pytest.mark.database

KEY = Qt.Key
__all__ = ["bridge", "pilot", "tab"]  # fixtures used by name


def test_a_task_timing_is_typed_in_the_new_row_and_added_at_its_end(qtbot, services, tab, pilot):
    section = tab.show_section(ImportKind.TIMINGS)
    assert section.view.currentIndex().row() == 0  # the new row: no timing yet
    press(qtbot, "Monthly report", KEY.Key_Return)
    press(qtbot, "A")  # opens the person list on "Ana Lima"
    assert isinstance(focused(), QComboBox)
    press(qtbot, KEY.Key_Return)
    press(qtbot, "90", KEY.Key_Return, "45", KEY.Key_Return, "3", KEY.Key_Tab, "3", KEY.Key_Tab)
    assert services.pilot_tracking.timings(pilot.pilot_id) == []  # not complete yet: not added
    press(qtbot, "4", KEY.Key_Return, "2", KEY.Key_Return, "1", KEY.Key_Return)

    [saved] = services.pilot_tracking.timings(pilot.pilot_id)
    assert saved.timing == TimingInput(
        "Monthly report", 90, 45, 3, 3, 4.0, 2, 1, pilot.participant_ids[0]
    )
    model = section.timings
    assert model.data(model.index(0, TimingsModel.SAVED)) == "50 %"
    view = section.view
    assert (view.currentIndex().row(), view.currentIndex().column()) == (1, TimingsModel.TASK)

    # A recorded timing saves a changed value at once.
    press(qtbot, KEY.Key_Up, KEY.Key_Right, KEY.Key_Right, KEY.Key_Right, "40", KEY.Key_Return)
    [changed] = services.pilot_tracking.timings(pilot.pilot_id)
    assert changed.timing.minutes_after == 40


def test_a_new_timing_without_its_minutes_is_not_added_and_says_what_is_missing(
    qtbot, services, tab, pilot
):
    section = tab.show_section(ImportKind.TIMINGS)
    press(qtbot, "Customer reply", KEY.Key_Return, KEY.Key_Return, "0", KEY.Key_Return)
    assert section.error.text().startswith("Minutes before training must be more than 0.")
    press(qtbot, "12", KEY.Key_Return)
    for _column in range(6):
        press(qtbot, KEY.Key_Return)
    assert section.error.text().startswith(
        "To add the timing, type the task, the minutes before and the minutes after."
    )
    assert services.pilot_tracking.timings(pilot.pilot_id) == []


def test_delete_removes_a_timing_and_undo_brings_it_back(qtbot, services, tab, pilot):
    services.pilot_tracking.save_timing(pilot.pilot_id, TimingInput("Invoice check", 20, 8))
    tab.reload()
    section = tab.show_section(ImportKind.TIMINGS)
    press(qtbot, KEY.Key_Delete)
    assert services.pilot_tracking.timings(pilot.pilot_id) == []
    assert section.undo_label.text() == "Deleted the timing of “Invoice check”."
    qtbot.mouseClick(section.undo_button, Qt.MouseButton.LeftButton)
    [back] = services.pilot_tracking.timings(pilot.pilot_id)
    assert (back.timing.task, back.timing.minutes_before, back.timing.minutes_after) == (
        "Invoice check",
        20,
        8,
    )


def test_survey_answers_are_typed_for_each_participant(qtbot, services, tab, pilot):
    section = tab.show_section(ImportKind.SATISFACTION)
    press(qtbot, "4", "5", "3", "9")
    assert section.error.text().startswith("Satisfaction is a whole number from 1 to 5.")
    press(qtbot, "2", KEY.Key_Up, KEY.Key_Up, KEY.Key_Up, KEY.Key_Right)
    press(qtbot, "9", KEY.Key_Return, "10", KEY.Key_Return, "11", KEY.Key_Return)
    assert section.error.text().startswith("Would recommend is a whole number from 0 to 10.")
    press(qtbot, KEY.Key_Escape, KEY.Key_Up, KEY.Key_Up, KEY.Key_Right)
    press(qtbot, "Saved me an hour a day", KEY.Key_Return)

    answers = services.pilot_tracking.feedback(pilot.pilot_id)
    ana, bjorn, chloe, dev = pilot.participant_ids
    assert {pid: (a.satisfaction, a.recommend, a.comment) for pid, a in answers.items()} == {
        ana: (4, 9, "Saved me an hour a day"),
        bjorn: (5, 10, ""),
        chloe: (3, None, ""),
        dev: (2, None, ""),
    }


def test_knowledge_and_engagement_scores_are_typed_before_and_after(qtbot, services, tab, pilot):
    section = tab.show_section(ImportKind.KNOWLEDGE)
    press(qtbot, "55", KEY.Key_Return, "60%", KEY.Key_Return, "120", KEY.Key_Return)
    assert section.error.text().startswith("A knowledge check score is from 0 to 100 (%).")
    press(qtbot, KEY.Key_Escape, KEY.Key_Up, KEY.Key_Up, KEY.Key_Right)
    press(qtbot, "80", KEY.Key_Return, "72.5", KEY.Key_Return)
    ana, bjorn, _chloe, _dev = pilot.participant_ids
    knowledge = services.pilot_tracking.scores(pilot.pilot_id, "knowledge")
    assert [(r.participant_id, r.before, r.after) for r in knowledge] == [
        (ana, 55.0, 80.0),
        (bjorn, 60.0, 72.5),
    ]
    model = section.scores
    assert model.data(model.index(0, 3)) == "+25 points"

    tab.show_section(ImportKind.ENGAGEMENT)
    press(qtbot, "3", KEY.Key_Tab, "4", KEY.Key_Tab, "2", KEY.Key_Tab, "3.5", KEY.Key_Return)
    job = services.pilot_tracking.scores(pilot.pilot_id, "job_satisfaction")
    career = services.pilot_tracking.scores(pilot.pilot_id, "career_satisfaction")
    assert [(r.participant_id, r.before, r.after) for r in job] == [(ana, 3.0, 4.0)]
    assert [(r.participant_id, r.before, r.after) for r in career] == [(ana, 2.0, 3.5)]


def test_delete_clears_a_score(qtbot, services, tab, pilot):
    ana = pilot.participant_ids[0]
    services.pilot_tracking.save_scores(pilot.pilot_id, "knowledge", "before", {ana: 40.0})
    tab.reload()
    tab.show_section(ImportKind.KNOWLEDGE)
    press(qtbot, KEY.Key_Delete)
    assert services.pilot_tracking.scores(pilot.pilot_id, "knowledge") == []


def test_an_application_is_added_to_the_log_and_can_be_deleted_with_undo(
    qtbot, services, tab, pilot
):
    section = tab.show_section(ImportKind.APPLICATIONS)
    press(qtbot, KEY.Key_Return, "D", KEY.Key_Return)  # today; Dev Patel
    press(qtbot, "Summarising claim files", KEY.Key_Return, "1.5", KEY.Key_Return)
    [logged] = services.pilot_tracking.applications(pilot.pilot_id)
    assert (logged.display_name, logged.description, logged.hours_saved_per_week) == (
        "Dev Patel",
        "Summarising claim files",
        1.5,
    )
    assert logged.logged_on == date.today()
    assert section.log.recorded() == 1

    press(qtbot, KEY.Key_Up, KEY.Key_Delete)
    assert services.pilot_tracking.applications(pilot.pilot_id) == []
    qtbot.mouseClick(section.undo_button, Qt.MouseButton.LeftButton)
    assert [a.description for a in services.pilot_tracking.applications(pilot.pilot_id)] == [
        "Summarising claim files"
    ]


def test_the_side_list_counts_what_is_recorded(qtbot, services, tab, pilot):
    ana = pilot.participant_ids[0]
    services.pilot_tracking.save_feedback(pilot.pilot_id, [FeedbackInput(ana, 4, 8)])
    services.pilot_tracking.add_application(
        pilot.pilot_id, ApplicationInput(ana, "Drafting replies", 1.0)
    )
    qtbot.waitUntil(lambda: "1 of 4 answered" in tab.nav.item(2).text())
    assert tab.nav.item(5).text() == "Applications\n1 entry"
    tab.nav.setFocus()
    press(qtbot, KEY.Key_Down, KEY.Key_Down)
    assert tab.pages.currentWidget() is tab.survey


def test_without_a_pilot_or_a_cohort_the_tab_says_what_to_do_first(qtbot, services, bridge):
    shown = MeasurementsTab(services, bridge)
    qtbot.addWidget(shown)
    assert shown.stack.currentWidget() is shown.empty
    assert shown.empty.title.text() == "No pilot chosen"
    pilot_id = services.pilots.save_pilot(PilotInput(name="Copilot for sales"))
    shown.set_pilot(pilot_id)
    assert shown.empty.title.text() == "Choose the cohort first"


def test_every_measurement_model_passes_the_model_tester(qtmodeltester, services, tab, pilot):
    ana, bjorn, _chloe, _dev = pilot.participant_ids
    tracking = services.pilot_tracking
    tracking.save_timing(pilot.pilot_id, TimingInput("Invoice check", 20, 8, participant_id=ana))
    tracking.save_feedback(pilot.pilot_id, [FeedbackInput(bjorn, 5, 9, "Great")])
    tracking.save_scores(pilot.pilot_id, "knowledge", "before", {ana: 50.0})
    tracking.save_scores(pilot.pilot_id, "job_satisfaction", "after", {bjorn: 4.0})
    tracking.add_application(pilot.pilot_id, ApplicationInput(ana, "Drafting", 2.0))
    tab.reload()
    for section in tab.sections.values():
        qtmodeltester.check(section.model)
