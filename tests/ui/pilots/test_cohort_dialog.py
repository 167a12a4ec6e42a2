"""Suggest a cohort like a person would: a cohort of 6 from three departments of 20 people
(some with skills survey answers), every department represented and the reason for each
pick on screen; a swap by mouse and keyboard that moves the coverage table at once; OK enrols
the cohort on the pilot's path. Also HR's own enthusiasm figure, a cohort too large, and the
question before people with recorded data leave."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.context import AppServices
from app.pilots.records import CheckInEntry
from app.skills.service import CampaignSetup
from tests.app.skills_people import add_department_people
from tests.ui.conftest import message_boxes
from tests.ui.pilots.test_area_page import (
    adviser_role,
    box_button,
    click,
    everyday_path,
    make_pilot,
    only_box,
    show_page,
)
from ui.pilots.area_page import PilotsAreaPage
from ui.pilots.cohort_dialog import CohortDialog
from ui.pilots.cohort_models import FLAG_ROLE, CoverageTableModel, PickTableModel
from ui.pilots.rating_dialog import RatingDialog
from ui.pilots.swap_dialog import SwapDialog

pytestmark = pytest.mark.database


@pytest.fixture
def open_page(qtbot, services: AppServices) -> Callable[[], PilotsAreaPage]:
    return lambda: show_page(qtbot, services)


@pytest.fixture
def organisation(services: AppServices) -> dict[str, list[int]]:
    """Sales 9, Support 7, Finance 4 (20 people). In the spring skills survey Sales0-3 said
    they are very keen to learn AI (5), Support0 keen (4), Finance0 not keen (2)."""
    role = adviser_role(services)
    people = {
        "Sales": add_department_people(services, "Sales", 9, role),
        "Support": add_department_people(services, "Support", 7, role),
        "Finance": add_department_people(services, "Finance", 4, role),
    }
    survey = services.skills.create_campaign(CampaignSetup("Spring survey", date(2026, 3, 2)))
    answers = {people["Sales"][n]: 5 for n in range(4)}
    answers |= {people["Support"][0]: 4, people["Finance"][0]: 2}
    for person, value in answers.items():
        services.skills.answer_attitude(survey, person, "keen_to_learn", value)
    return people


def open_cohort_dialog(qtbot, page: PilotsAreaPage) -> CohortDialog:
    tab = page.detail.participants_tab
    button = tab.empty_suggest if tab.stack.currentIndex() == 0 else tab.suggest_button
    click(qtbot, button)
    qtbot.waitUntil(lambda: isinstance(tab.dialog, CohortDialog) and tab.dialog.isVisible())
    dialog = tab.dialog
    assert isinstance(dialog, CohortDialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def suggest(qtbot, dialog: CohortDialog, size: int) -> None:
    """Type the size and press Enter: Suggest is the default button."""
    dialog.cohort_size.setFocus()
    dialog.cohort_size.selectAll()
    qtbot.keyClicks(dialog.cohort_size, str(size))
    qtbot.keyClick(dialog.cohort_size, Qt.Key.Key_Return)


def coverage_row(dialog: CohortDialog, department: str) -> dict[str, str]:
    model = dialog.coverage_model
    row = model.row_of(department)
    assert row >= 0, f"{department} is not in the coverage table"
    columns = {
        "picked": CoverageTableModel.PICKED,
        "share": CoverageTableModel.SHARE,
        "limit": CoverageTableModel.LIMIT,
        "state": CoverageTableModel.STATE,
    }
    found = {key: model.index(row, column).data() for key, column in columns.items()}
    found["flag"] = model.index(row, 0).data(FLAG_ROLE)
    return found


def picked_names(dialog: CohortDialog) -> list[str]:
    model = dialog.pick_model
    return [model.index(r, PickTableModel.NAME).data() for r in range(model.rowCount())]


def click_pick(qtbot, dialog: CohortDialog, name: str) -> None:
    row = picked_names(dialog).index(name)
    index = dialog.pick_model.index(row, PickTableModel.NAME)
    dialog.picked.scrollTo(index)
    rect = dialog.picked.visualRect(index)
    qtbot.mouseClick(dialog.picked.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def swap_dialog(qtbot, dialog: CohortDialog) -> SwapDialog:
    qtbot.waitUntil(lambda: isinstance(dialog.dialog, SwapDialog) and dialog.dialog.isVisible())
    swap = dialog.dialog
    assert isinstance(swap, SwapDialog)
    qtbot.waitUntil(swap.isActiveWindow)
    return swap


def test_a_suggested_cohort_of_six_represents_every_department_and_a_swap_moves_the_coverage(
    qtbot, open_page, services: AppServices, organisation
):
    path_id = everyday_path(services)
    pilot_id = make_pilot(services, path_id=path_id)
    page = open_page()
    dialog = open_cohort_dialog(qtbot, page)
    assert dialog.result_stack.currentIndex() == 0  # nothing suggested yet
    assert dialog.cohort_size.hasFocus()
    suggest(qtbot, dialog, 6)

    assert picked_names(dialog) == [
        "Sales0",  # the best of each department first: enthusiasm 5 from the survey
        "Support0",
        "Finance1",  # Finance0 said 2: their colleagues' missing figure counts as 3
        "Sales1",
        "Finance2",
        "Support1",  # Sales2 and Sales3 score higher, but Sales is held to 40 % (2 of 6)
    ]
    reason = dialog.pick_model.index(0, PickTableModel.REASON).data()
    assert reason.startswith("The highest score in Sales: enthusiasm 5 from the skills survey")
    assert dialog.pick_model.index(0, PickTableModel.ENTHUSIASM).data() == "5 (survey)"
    assert dialog.pick_model.index(0, PickTableModel.INFLUENCE).data() == "1 (manages nobody)"
    for department in ("Finance", "Sales", "Support"):
        row = coverage_row(dialog, department)
        assert (row["picked"], row["limit"], row["state"], row["flag"]) == (
            "2",
            "2",
            "Represented",
            "",
        )
    assert "Sales is held to 40 % of the cohort (2 of 6 places)" in dialog.notes.text()
    assert "6 people will join the pilot and be enrolled on “Everyday AI”" in (
        dialog.enrol_text.text()
    )
    assert dialog.enrol_button.text() == "Enrol 6 people"

    # Swap Support1 for Sales2: by mouse on the table, then the keyboard in the search.
    click_pick(qtbot, dialog, "Support1")
    click(qtbot, dialog.swap_button)
    swap = swap_dialog(qtbot, dialog)
    assert swap.search.hasFocus()
    first = swap.model.candidate_at(0)
    assert (first.display_name, first.score) == ("Sales2", 6.0)  # best score first
    assert swap.table.current_candidate() == first  # shown first and chosen to start with
    qtbot.keyClicks(swap.search, "sales3")
    assert swap.table.current_candidate().display_name == "Sales3"
    qtbot.keyClick(swap.search, Qt.Key.Key_Backspace)
    qtbot.keyClicks(swap.search, "2")
    qtbot.keyClick(swap.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not swap.isVisible())

    assert "Sales2" in picked_names(dialog) and "Support1" not in picked_names(dialog)
    sales = coverage_row(dialog, "Sales")
    assert (sales["picked"], sales["share"], sales["flag"]) == ("3", "50 %", "over_limit")
    assert sales["state"] == "Over the limit by 1"
    assert coverage_row(dialog, "Support")["picked"] == "1"
    assert "3 people from Sales were chosen by hand" in dialog.notes.text()
    row = picked_names(dialog).index("Sales2")
    assert dialog.pick_model.index(row, PickTableModel.REASON).data() == (
        "Chosen by hand in place of Support1."
    )

    click(qtbot, dialog.enrol_button)
    qtbot.waitUntil(lambda: page.detail.participants_tab.dialog is None)
    participants = services.pilots.participants(pilot_id)
    assert sorted(p.display_name for p in participants) == sorted(
        ["Sales0", "Support0", "Finance1", "Sales1", "Finance2", "Sales2"]
    )
    by_name = {p.display_name: p for p in participants}
    assert by_name["Sales2"].reason == "Chosen by hand in place of Support1."
    assert by_name["Sales0"].enthusiasm == 5.0
    assert set(services.paths.people_on(path_id)) == {p.person_id for p in participants}
    tab = page.detail.participants_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() == 6)
    assert tab.stack.currentIndex() == 1


def test_hr_enters_enthusiasm_for_a_picked_person_and_the_figure_changes_at_once(
    qtbot, open_page, services: AppServices, organisation
):
    make_pilot(services)
    page = open_page()
    dialog = open_cohort_dialog(qtbot, page)
    suggest(qtbot, dialog, 6)
    click_pick(qtbot, dialog, "Finance1")
    click(qtbot, dialog.rate_button)
    qtbot.waitUntil(lambda: isinstance(dialog.dialog, RatingDialog) and dialog.dialog.isVisible())
    rating = dialog.dialog
    assert isinstance(rating, RatingDialog)
    qtbot.waitUntil(rating.isActiveWindow)
    assert rating.enthusiasm.text() == "Not entered"
    rating.enthusiasm.selectAll()
    qtbot.keyClicks(rating.enthusiasm, "4.5")
    qtbot.keyClick(rating.enthusiasm, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not rating.isVisible())

    finance1 = organisation["Finance"][1]
    [candidate] = [c for c in services.pilots.candidates() if c.person_id == finance1]
    assert (candidate.enthusiasm, candidate.enthusiasm_source) == (4.5, "entered")
    row = picked_names(dialog).index("Finance1")
    assert dialog.pick_model.index(row, PickTableModel.ENTHUSIASM).data() == "4.5 (entered)"
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Cancel))


def test_a_cohort_larger_than_the_candidates_is_refused_by_the_settings(
    qtbot, open_page, services: AppServices, organisation
):
    make_pilot(services)
    page = open_page()
    dialog = open_cohort_dialog(qtbot, page)
    suggest(qtbot, dialog, 30)
    assert dialog.settings_error.isVisible()
    assert dialog.settings_error.text() == (
        "Only 20 people are candidates; choose a cohort of 20 or fewer."
    )
    assert dialog.picks == ()
    assert not dialog.enrol_button.isEnabled()
    qtbot.keyClick(dialog.cohort_size, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.detail.participants_tab.dialog is None)
    assert services.pilots.participants(page.detail.pilot_id) == []


def test_replacing_a_cohort_asks_before_people_with_check_ins_leave(
    qtbot, open_page, services: AppServices, organisation
):
    sales0, support0 = organisation["Sales"][0], organisation["Support"][0]
    pilot_id = make_pilot(services, people=[sales0, support0])
    keen = next(p for p in services.pilots.participants(pilot_id) if p.person_id == sales0)
    services.pilot_tracking.record_week(pilot_id, 1, [CheckInEntry(keen.id, 4)])
    page = open_page()
    dialog = open_cohort_dialog(qtbot, page)
    assert dialog.cohort_size.value() == 2  # the current cohort's size
    for n in range(dialog.departments.count()):  # only Finance must be represented
        item = dialog.departments.item(n)
        if not item.text().startswith("Finance"):
            item.setCheckState(Qt.CheckState.Unchecked)
    qtbot.keyClick(dialog.cohort_size, Qt.Key.Key_Return)
    assert sorted(picked_names(dialog)) == ["Finance1", "Finance2"]
    assert "replaces the current cohort of 2 people; 2 of them would leave" in (
        dialog.enrol_text.text()
    )

    click(qtbot, dialog.enrol_button)
    box = only_box(qtbot, dialog)
    assert box.text().startswith("Sales0 would leave the cohort.")  # Support0 has no data
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: message_boxes(dialog) == [])
    assert {p.person_id for p in services.pilots.participants(pilot_id)} == {sales0, support0}

    click(qtbot, dialog.enrol_button)
    box = only_box(qtbot, dialog)
    click(qtbot, box_button(box, "confirm_replace_cohort"))
    qtbot.waitUntil(lambda: page.detail.participants_tab.dialog is None)
    assert sorted(p.display_name for p in services.pilots.participants(pilot_id)) == [
        "Finance1",
        "Finance2",
    ]
    assert services.pilot_tracking.check_ins(pilot_id) == []
