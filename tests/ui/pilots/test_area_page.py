"""The Pilots area driven like a person: the empty state, the list following changes, Enter
opening the editor, "Start the pilot" locking the criteria, "End and evaluate", deleting a
pilot with the Delete key after a question that says what is lost, and tabs added by others.

Also the shared helpers of the pilots GUI tests (a pilot with a path and a cohort).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget

from app.context import AppServices
from app.pilots.criteria import Criterion
from app.pilots.records import CheckInEntry, PilotInput
from app.pilots.service import CohortPick
from db.models import Track
from tests.app.skills_people import add_department_people
from tests.ui.conftest import message_boxes
from ui.change_bridge import ChangeBridge
from ui.pilots.area_page import PilotsAreaPage
from ui.pilots.cohort_models import CandidateTableModel, CoverageTableModel, PickTableModel
from ui.pilots.pilot_dialog import PilotDialog
from ui.pilots.pilot_list import PILOT_ID_ROLE, STATUS_ROLE

pytestmark = pytest.mark.database

CRITERIA = (Criterion("completion", 80.0), Criterion("weekly_active", 60.0, 8))


# Shared helpers ---------------------------------------------------------------------------
def adviser_role(services: AppServices) -> int:
    return services.organisation.add_role("Adviser", Track.FRONTLINE)


def make_pilot(
    services: AppServices,
    name: str = "Copilot for sales",
    *,
    people: list[int] | None = None,
    path_id: int | None = None,
    criteria: tuple[Criterion, ...] = CRITERIA,
    starts_on: date | None = None,
    ends_on: date | None = None,
) -> int:
    """A planned pilot on ``path_id`` with ``people`` as its cohort (none when not given)."""
    start = starts_on or date.today() + timedelta(days=7)
    pilot_id = services.pilots.save_pilot(
        PilotInput(
            name=name,
            starts_on=start,
            ends_on=ends_on or start + timedelta(weeks=12),
            path_ids=(path_id,) if path_id is not None else (),
            tools=("Microsoft Copilot",),
            criteria=criteria,
            target_population=100,
        )
    )
    if people:
        services.pilots.set_cohort(pilot_id, [CohortPick(p, "Keen to try it") for p in people])
    return pilot_id


def everyday_path(services: AppServices) -> int:
    return services.paths.create_from_template("frontline_awareness", "Everyday AI")


def show_page(qtbot, services: AppServices) -> PilotsAreaPage:
    """The Pilots area as a top-level page, shown and active; closed after the test."""
    bridge = ChangeBridge(services.changes)
    page = PilotsAreaPage(services, bridge)
    page.destroyed.connect(bridge.detach)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


@pytest.fixture
def open_page(qtbot, services: AppServices) -> Callable[[], PilotsAreaPage]:
    return lambda: show_page(qtbot, services)


def click(qtbot, button: QPushButton | QWidget) -> None:
    assert button.isEnabled(), f"{getattr(button, 'text', lambda: '')()!r} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def only_box(qtbot, parent: QWidget) -> QMessageBox:
    qtbot.waitUntil(lambda: len(message_boxes(parent)) == 1)
    [box] = message_boxes(parent)
    return box


def box_button(box: QMessageBox, name: str) -> QPushButton:
    button = box.findChild(QPushButton, name)
    assert button is not None, f"no {name!r} in {box.text()!r}"
    return button


def click_pilot(qtbot, page: PilotsAreaPage, name: str) -> None:
    model = page.list.model
    rows = [r for r in range(model.rowCount()) if model.pilot_at(r).name == name]
    assert rows, f"{name!r} is not in the list"
    rect = page.list.view.visualRect(model.index(rows[0]))
    qtbot.mouseClick(page.list.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def editor(qtbot, page: PilotsAreaPage) -> PilotDialog:
    qtbot.waitUntil(lambda: isinstance(page.dialog, PilotDialog) and page.dialog.isVisible())
    dialog = page.dialog
    assert isinstance(dialog, PilotDialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


# The page ---------------------------------------------------------------------------------
def test_without_pilots_the_page_explains_them_and_offers_a_new_one(
    qtbot, open_page, services: AppServices
):
    page = open_page()
    assert page.is_empty_state_shown()
    assert "agreed before it starts" in page.empty_state.text.text()
    click(qtbot, page.start_button)
    dialog = editor(qtbot, page)
    assert dialog.windowTitle() == "New pilot"
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.dialog is None)
    assert services.pilots.pilots() == []
    assert page.is_empty_state_shown()


def test_the_list_shows_status_dates_people_and_follows_pilots_saved_elsewhere(
    qtbot, open_page, services: AppServices
):
    people = add_department_people(services, "Sales", 3, adviser_role(services))
    first = make_pilot(services, "Meeting notes", people=people, starts_on=date(2027, 3, 1))
    page = open_page()
    model = page.list.model
    assert model.rowCount() == 1
    text = model.index(0).data()
    assert text.splitlines() == [
        "Meeting notes",
        "Planned · 1 Mar 2027 – 24 May 2027",
        "3 people · 2 success criteria",
    ]
    assert model.index(0).data(STATUS_ROLE) == "planned"
    assert page.detail.pilot_id == first

    second = make_pilot(services, "Copilot for sales")
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    assert {model.index(r).data(PILOT_ID_ROLE) for r in range(2)} == {first, second}
    assert page.detail.pilot_id == first  # the pilot shown stays shown


def test_the_list_is_reached_by_tab_and_enter_opens_the_pilot_in_the_editor(
    qtbot, open_page, services: AppServices
):
    make_pilot(services, "Meeting notes")
    page = open_page()
    page.list.new_button.setFocus()
    qtbot.keyClick(page.list.new_button, Qt.Key.Key_Backtab)  # the list is in the tab order
    assert page.list.view.hasFocus()
    qtbot.keyClick(page.list.view, Qt.Key.Key_Return)
    dialog = editor(qtbot, page)
    assert dialog.windowTitle() == "Edit pilot"
    assert dialog.name.text() == "Meeting notes"
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.dialog is None)


def test_start_the_pilot_locks_its_success_criteria(qtbot, open_page, services: AppServices):
    people = add_department_people(services, "Sales", 3, adviser_role(services))
    pilot_id = make_pilot(services, people=people, path_id=everyday_path(services))
    page = open_page()
    assert page.detail.start_button.isVisible()
    assert not page.detail.end_button.isVisible()
    click(qtbot, page.detail.start_button)  # a cohort and criteria: no question needed

    assert services.pilots.pilot(pilot_id).status == "running"
    assert message_boxes(page) == []
    qtbot.waitUntil(lambda: page.detail.end_button.isVisible())
    assert not page.detail.start_button.isVisible()
    assert page.detail.status.text().startswith("Running")

    page.list.view.setFocus()
    qtbot.keyClick(page.list.view, Qt.Key.Key_Return)
    dialog = editor(qtbot, page)
    assert dialog.criteria.locked
    assert dialog.criteria.lines == []  # nothing to change them with
    assert "Completion at least 80 %" in dialog.criteria.locked_list.text()
    assert "Weekly use at least 60 % from week 8" in dialog.criteria.locked_list.text()
    assert "agreed before the pilot started" in dialog.criteria.locked_note.text()
    qtbot.keyClick(dialog.name, Qt.Key.Key_End)  # the name is selected; keep it
    qtbot.keyClicks(dialog.name, " (wave 1)")  # the name can still change
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None)

    details = services.pilots.pilot(pilot_id)
    assert details.name == "Copilot for sales (wave 1)"
    assert details.criteria == CRITERIA
    assert details.status == "running"


def test_start_without_a_cohort_asks_first_and_cancel_keeps_it_planned(
    qtbot, open_page, services: AppServices
):
    pilot_id = make_pilot(services, criteria=())
    page = open_page()
    click(qtbot, page.detail.start_button)
    box = only_box(qtbot, page)
    assert "has no cohort yet and no success criteria" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: message_boxes(page) == [])
    assert services.pilots.pilot(pilot_id).status == "planned"

    click(qtbot, page.detail.start_button)
    box = only_box(qtbot, page)
    click(qtbot, box_button(box, "confirm_status"))
    assert services.pilots.pilot(pilot_id).status == "running"


def test_end_and_evaluate_before_the_planned_end_asks_then_moves_it_to_evaluating(
    qtbot, open_page, services: AppServices
):
    people = add_department_people(services, "Sales", 2, adviser_role(services))
    start = date.today() - timedelta(weeks=4)
    pilot_id = make_pilot(services, people=people, starts_on=start)
    services.pilots.set_status(pilot_id, "running")
    page = open_page()
    assert "week 5 of 13" in page.detail.status.text()
    click(qtbot, page.detail.end_button)
    box = only_box(qtbot, page)
    assert "was planned to run until" in box.text()
    click(qtbot, box_button(box, "confirm_status"))
    assert services.pilots.pilot(pilot_id).status == "evaluating"
    qtbot.waitUntil(lambda: not page.detail.end_button.isVisible())
    assert "record the decision" in page.detail.next_step.text()


def test_delete_key_asks_says_whose_data_goes_and_deletes_only_when_confirmed(
    qtbot, open_page, services: AppServices
):
    people = add_department_people(services, "Sales", 12, adviser_role(services))
    path_id = everyday_path(services)
    pilot_id = make_pilot(services, people=people, path_id=path_id)
    participant = services.pilots.participants(pilot_id)[0]
    services.pilot_tracking.record_week(pilot_id, 1, [CheckInEntry(participant.id, 3)])
    page = open_page()
    page.list.view.setFocus()

    qtbot.keyClick(page.list.view, Qt.Key.Key_Delete)
    box = only_box(qtbot, page)
    assert "12 people's check-ins, timings and answers" in box.text()
    assert "Copilot for sales" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Cancel is the default
    qtbot.waitUntil(lambda: message_boxes(page) == [])
    assert [p.id for p in services.pilots.pilots()] == [pilot_id]

    qtbot.keyClick(page.list.view, Qt.Key.Key_Delete)
    box = only_box(qtbot, page)
    click(qtbot, box_button(box, "confirm_delete_pilot"))
    assert services.pilots.pilots() == []
    qtbot.waitUntil(page.is_empty_state_shown)
    assert set(services.paths.people_on(path_id)) == set(people)  # still on their path


class RecordingTab(QLabel):
    """A tab as the Measurements and Results tabs are: told which pilot to show."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[int | None] = []

    def set_pilot(self, pilot_id: int | None) -> None:
        self.shown.append(pilot_id)


def test_tabs_added_by_others_are_told_the_pilot_chosen(qtbot, open_page, services: AppServices):
    older = make_pilot(services, "Meeting notes", starts_on=date(2027, 1, 4))
    newer = make_pilot(services, "Copilot for sales", starts_on=date(2027, 5, 3))
    page = open_page()
    tab = RecordingTab()
    index = page.add_tab(tab, "Results")
    assert page.detail.tabs.tabText(index) == "Results"
    assert tab.shown == [newer]  # the latest start comes first and is shown
    click_pilot(qtbot, page, "Meeting notes")
    assert tab.shown == [newer, older]
    assert page.detail.name.text() == "Meeting notes"


def test_the_item_models_pass_the_model_tester(qtmodeltester, services: AppServices):
    people = add_department_people(services, "Sales", 4, adviser_role(services))
    make_pilot(services, people=people)
    from ui.pilots.pilot_list import PilotListModel

    pilots = PilotListModel()
    pilots.set_pilots(services.pilots.pilots())
    qtmodeltester.check(pilots)
    cohort = services.pilots.suggest(2)
    picks = PickTableModel()
    picks.set_rows(cohort.picks)
    qtmodeltester.check(picks)
    cover = CoverageTableModel()
    cover.set_rows(cohort.coverage)
    qtmodeltester.check(cover)
    candidates = CandidateTableModel(checkable=True)
    candidates.set_candidates(services.pilots.candidates())
    qtmodeltester.check(candidates)
