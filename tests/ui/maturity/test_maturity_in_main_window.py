"""The Assessment area in the main window: its place in the sidebar, its shortcuts, the
Dashboard's step 2 button."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.maturity.conftest import answer_all, create_assessment, shot
from ui.dashboard_page import ASSESSMENT_STEP
from ui.main_window import AREA_ASSESSMENT, AREA_PEOPLE, AREA_REPORTS
from ui.maturity.area_page import MaturityAreaPage
from ui.maturity.wizard import MaturityWizard

pytestmark = pytest.mark.database


def close_wizard(area: MaturityAreaPage) -> None:
    if area.wizard is not None:
        area.wizard.close()


def test_assessment_sits_between_people_and_reports_and_is_built_when_first_shown(
    qtbot, main_window
):
    sidebar = main_window.sidebar
    assert [sidebar.item(i).text() for i in range(sidebar.count())] == [
        "Dashboard",
        "People",
        "Objectives",
        "Assessment",
        "Skills",
        "Learning paths",
        "Pilots",
        "Reports",
    ]
    assert not main_window.area_built(AREA_ASSESSMENT)  # nothing read until the user goes there
    item = sidebar.item(AREA_ASSESSMENT)
    qtbot.mouseClick(
        sidebar.viewport(), Qt.MouseButton.LeftButton, pos=sidebar.visualItemRect(item).center()
    )
    assert main_window.current_area() == AREA_ASSESSMENT
    page = main_window.assessment_page
    assert isinstance(page, MaturityAreaPage)
    qtbot.waitUntil(page.isVisible)
    assert page.is_empty_state_shown()


def test_ctrl_4_shows_the_assessment_and_ctrl_8_the_reports(qtbot, main_window):
    with qtbot.waitActive(main_window):
        main_window.activateWindow()
    qtbot.keyClick(main_window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_area() == AREA_ASSESSMENT
    qtbot.keyClick(main_window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_area() == AREA_REPORTS
    qtbot.keyClick(main_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_area() == AREA_PEOPLE


def test_ctrl_shift_a_starts_the_assessment_from_anywhere(qtbot, main_window):
    with qtbot.waitActive(main_window):
        main_window.activateWindow()
    qtbot.keyClick(
        main_window,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert main_window.current_area() == AREA_ASSESSMENT
    wizard = main_window.assessment_page.wizard
    assert isinstance(wizard, MaturityWizard)
    qtbot.waitUntil(wizard.isVisible)
    close_wizard(main_window.assessment_page)


def test_the_dashboards_assessment_step_starts_it_then_shows_the_results(
    qtbot, main_window, services
):
    card = main_window.dashboard_page.step_card(ASSESSMENT_STEP)
    start = card.findChild(type(main_window.dashboard_page.import_button), "startAssessmentButton")
    assert start is not None and start.text() == "Start the assessment"
    qtbot.mouseClick(start, Qt.MouseButton.LeftButton)
    assert main_window.current_area() == AREA_ASSESSMENT
    area = main_window.assessment_page
    assert area.wizard is not None
    qtbot.waitUntil(area.wizard.isVisible)
    close_wizard(area)

    assessment_id = create_assessment(services, "Done one")
    answer_all(services, assessment_id, {})
    services.maturity.finish(assessment_id)
    qtbot.waitUntil(lambda: card.findChild(type(start), "seeAssessmentResultsButton") is not None)
    main_window.show_area(0)
    see = card.findChild(type(start), "seeAssessmentResultsButton")
    assert see.text() == "See results"
    qtbot.mouseClick(see, Qt.MouseButton.LeftButton)
    assert main_window.current_area() == AREA_ASSESSMENT
    qtbot.waitUntil(lambda: area.results_page.title.text() == "Done one")
    main_window.resize(1400, 950)
    shot(main_window, "9_main_window")
