"""The Participants and Progress tabs: the cohort with where each figure comes from and how
far along the path each person is; removing someone (a question only when data would go);
adding people by hand; who has finished and who is behind."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt

from app.context import AppServices
from app.pilots.records import FeedbackInput
from app.pilots.service import CohortPick
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
from ui.pilots.add_people_dialog import AddPeopleDialog
from ui.pilots.area_page import PilotsAreaPage
from ui.pilots.participants_model import ParticipantsModel
from ui.pilots.progress_tab import PilotProgressModel

pytestmark = pytest.mark.database


@pytest.fixture
def open_page(qtbot, services: AppServices) -> Callable[[], PilotsAreaPage]:
    return lambda: show_page(qtbot, services)


@pytest.fixture
def cohort(services: AppServices) -> dict:
    """Three Sales people on a pilot of the Everyday AI path; Sales0 answered the skills
    survey (keen 5) and manages Sales1 and Sales2."""
    role = adviser_role(services)
    people = add_department_people(services, "Sales", 3, role) + add_department_people(
        services, "Support", 2, role
    )
    lead = people[0]
    for report in people[1:3]:
        details = services.people.get(report)
        services.people.update(report, _with_manager(details, lead))
    survey = services.skills.create_campaign(CampaignSetup("Spring survey", date(2026, 3, 2)))
    services.skills.answer_attitude(survey, lead, "keen_to_learn", 5)
    path_id = everyday_path(services)
    pilot_id = make_pilot(services, path_id=path_id)
    picks = [
        CohortPick(c.person_id, f"Picked: {c.display_name}", c.enthusiasm, c.influence)
        for c in services.pilots.candidates()
        if c.person_id in people[:3]
    ]
    services.pilots.set_cohort(pilot_id, picks)
    return {"people": people, "path": path_id, "pilot": pilot_id}


def _with_manager(details, manager_id: int):
    from dataclasses import fields

    from app.services.people import PersonInput

    values = {f.name: getattr(details, f.name) for f in fields(PersonInput)}
    values["manager_id"] = manager_id
    return PersonInput(**values)


def row_texts(model: ParticipantsModel, name: str) -> dict[str, str]:
    rows = [r for r in range(model.rowCount()) if model.row_at(r).display_name == name]
    assert rows, f"{name} is not in the table"
    columns = {
        "department": ParticipantsModel.DEPARTMENT,
        "enthusiasm": ParticipantsModel.ENTHUSIASM,
        "influence": ParticipantsModel.INFLUENCE,
        "reason": ParticipantsModel.REASON,
        "progress": ParticipantsModel.PROGRESS,
    }
    return {key: model.index(rows[0], column).data() for key, column in columns.items()}


def select_people(qtbot, page: PilotsAreaPage, *names: str) -> None:
    """Click the first name, Ctrl+click the others."""
    tab = page.detail.participants_tab
    for n, name in enumerate(names):
        row = next(
            r for r in range(tab.model.rowCount()) if tab.model.row_at(r).display_name == name
        )
        rect = tab.table.visualRect(tab.model.index(row, ParticipantsModel.NAME))
        held = Qt.KeyboardModifier.ControlModifier if n else Qt.KeyboardModifier.NoModifier
        qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, held, rect.center())


def test_the_cohort_table_says_where_each_figure_comes_from_and_the_path_progress(
    qtbot, open_page, services: AppServices, cohort, qtmodeltester
):
    page = open_page()
    tab = page.detail.participants_tab
    assert tab.stack.currentIndex() == 1
    assert tab.model.rowCount() == 3
    qtmodeltester.check(tab.model)
    modules = services.pilots.participants(cohort["pilot"])[0].modules
    lead = row_texts(tab.model, "Sales0")
    assert lead == {
        "department": "Sales",
        "enthusiasm": "5 (survey)",
        "influence": "2 (manages 2)",
        "reason": "Picked: Sales0",
        "progress": f"0 of {modules}",
    }
    assert row_texts(tab.model, "Sales1")["enthusiasm"] == "none"
    assert row_texts(tab.model, "Sales1")["influence"] == "1 (manages nobody)"
    assert tab.summary.text() == "3 people from 1 department; 0 finished the pilot's path."

    # HR enters a different figure later: the table keeps what the person was chosen on.
    services.pilots.set_rating(cohort["people"][0], enthusiasm=2, influence=None)
    tab.reload()
    assert row_texts(tab.model, "Sales0")["enthusiasm"] == "5 (when chosen)"


def test_removing_someone_without_recorded_data_needs_no_question(
    qtbot, open_page, services: AppServices, cohort
):
    page = open_page()
    tab = page.detail.participants_tab
    select_people(qtbot, page, "Sales2")
    click(qtbot, tab.remove_button)
    assert message_boxes(page) == []
    names = sorted(p.display_name for p in services.pilots.participants(cohort["pilot"]))
    assert names == ["Sales0", "Sales1"]
    assert tab.model.rowCount() == 2


def test_removing_someone_with_answers_asks_and_deletes_them_only_when_confirmed(
    qtbot, open_page, services: AppServices, cohort
):
    pilot_id = cohort["pilot"]
    sales1 = next(p for p in services.pilots.participants(pilot_id) if p.display_name == "Sales1")
    services.pilot_tracking.save_feedback(pilot_id, [FeedbackInput(sales1.id, 4, 8, "Useful")])
    page = open_page()
    tab = page.detail.participants_tab
    select_people(qtbot, page, "Sales1", "Sales2")
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    box = only_box(qtbot, page)
    assert "were recorded for Sales1 in this pilot" in box.text()  # Sales2 has nothing
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: message_boxes(page) == [])
    assert len(services.pilots.participants(pilot_id)) == 3

    click(qtbot, tab.remove_button)
    box = only_box(qtbot, page)
    click(qtbot, box_button(box, "confirm_remove_participants"))
    assert [p.display_name for p in services.pilots.participants(pilot_id)] == ["Sales0"]
    assert services.pilot_tracking.feedback(pilot_id) == {}
    assert sales1.person_id in services.paths.people_on(cohort["path"])  # still on the path


def test_people_added_by_hand_join_the_cohort_and_the_path(
    qtbot, open_page, services: AppServices, cohort
):
    page = open_page()
    tab = page.detail.participants_tab
    click(qtbot, tab.add_button)
    qtbot.waitUntil(lambda: isinstance(tab.dialog, AddPeopleDialog) and tab.dialog.isVisible())
    dialog = tab.dialog
    assert isinstance(dialog, AddPeopleDialog)
    assert [c.display_name for c in dialog.model.rows] == ["Support0", "Support1"]
    assert not dialog.add_button.isEnabled()
    qtbot.keyClicks(dialog.search, "support1")
    assert dialog.table.proxy.rowCount() == 1
    index = dialog.table.proxy.index(0, 0)
    rect = dialog.table.visualRect(index)
    checkbox = rect.topLeft() + QPoint(10, rect.height() // 2)  # the tick box
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=checkbox)
    assert dialog.add_button.text() == "Add 1 person"
    click(qtbot, dialog.add_button)
    qtbot.waitUntil(lambda: tab.dialog is None)

    rows = services.pilots.participants(cohort["pilot"])
    added = next(p for p in rows if p.display_name == "Support1")
    assert added.reason.startswith("Chosen by hand:")
    assert len(rows) == 4
    assert added.person_id in services.paths.people_on(cohort["path"])
    assert tab.model.rowCount() == 4


def test_the_progress_tab_says_who_finished_and_who_is_behind(
    qtbot, open_page, services: AppServices
):
    role = adviser_role(services)
    people = add_department_people(services, "Sales", 3, role)
    path_id = everyday_path(services)
    start = date.today() - timedelta(weeks=10)
    pilot_id = make_pilot(
        services,
        path_id=path_id,
        people=people,
        starts_on=start,
        ends_on=date.today() - timedelta(days=1),  # due yesterday
    )
    keys = services.paths.path(path_id).layout.module_keys()
    for key in keys:
        services.path_progress.set_progress(path_id, [people[0]], key, "completed")
    services.path_progress.set_progress(path_id, [people[1]], keys[0], "completed")
    page = open_page()
    assert page.detail.pilot_id == pilot_id
    page.detail.tabs.setCurrentIndex(page.detail.TAB_PROGRESS)
    tab = page.detail.progress_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3)
    assert tab.summary.text() == "1 of 3 has finished their path; 2 are behind."
    model: PilotProgressModel = tab.model
    texts = {
        model.index(r, model.NAME).data(): (
            model.index(r, model.FIRST_PATH).data(),
            model.index(r, model.state_column).data(),
        )
        for r in range(3)
    }
    yesterday = (date.today() - timedelta(days=1)).strftime("%-d %b %Y")
    assert texts["Sales0"] == (f"{len(keys)} of {len(keys)}", "Finished")
    assert texts["Sales1"] == (f"1 of {len(keys)}", f"Behind: was due {yesterday}")
    assert model.headerData(model.FIRST_PATH, Qt.Orientation.Horizontal) == "Everyday AI"

    # Progress recorded elsewhere shows up while the tab is on screen.
    for key in keys[1:]:
        services.path_progress.set_progress(path_id, [people[1]], key, "completed")
    qtbot.waitUntil(lambda: tab.summary.text() == "2 of 3 have finished their path; 1 is behind.")
