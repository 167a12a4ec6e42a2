"""The Dashboard: the programme checklist with real states, the empty state, renaming."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.events import Topic
from app.services.people import PersonInput
from db.models import Track
from tests.ui.conftest import close_message_boxes, message_boxes
from ui.change_bridge import ChangeBridge
from ui.dashboard_page import PEOPLE_STEP, DashboardPage
from ui.main_window import AREA_PEOPLE


@pytest.fixture
def dashboard(qtbot, services):
    bridge = ChangeBridge(services.changes)
    page = DashboardPage(services, bridge)
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    qtbot.waitExposed(page)
    yield page
    bridge.detach()


def add_people(services, *names: str) -> None:
    department = services.organisation.add_department("Finance")
    role = services.organisation.add_role("Accountant", Track.DOMAIN_EXPERT)
    for name in names:
        first, last = name.split()
        services.people.add(
            PersonInput(first_name=first, last_name=last, department_id=department, role_id=role)
        )


def test_a_new_file_says_what_to_do_first(dashboard):
    assert dashboard.empty_state.isVisible()
    for button in (dashboard.import_button, dashboard.add_person_button, dashboard.demo_button):
        assert button.isVisible() and button.isEnabled()
    assert "Excel or CSV" in dashboard.import_button.text()
    people = dashboard.step_card(PEOPLE_STEP)
    assert people.summary_label.text() == "No one yet"
    assert people.state_label.text() == "Not started"
    assert dashboard.progress_label.text() == "0 of 7 steps done"


def test_dashboard_shows_people_counts_after_people_are_added(qtbot, dashboard, services):
    add_people(services, "Łukasz Nowak", "Zoë Martin")

    people = dashboard.step_card(PEOPLE_STEP)
    qtbot.waitUntil(lambda: people.state_label.text() == "Done")
    assert people.summary_label.text() == "2 people in 1 department and 1 role"
    assert not dashboard.empty_state.isVisible()
    assert dashboard.progress_label.text() == "1 of 7 steps done"


def test_each_step_shows_its_state_in_words_and_a_shaped_icon(dashboard, services):
    steps = services.programme.checklist()
    assert len(steps) == 7
    for step in steps:
        card = dashboard.step_card(step.number)
        assert card.state_label.text() in {"Done", "In progress", "Not started"}
        assert not card.state_icon.pixmap().isNull()
        assert card.title_label.text().endswith(step.title)


def test_renaming_the_organisation_saves_the_new_name(qtbot, dashboard, services):
    qtbot.mouseClick(dashboard.rename_button, Qt.MouseButton.LeftButton)
    assert dashboard.name_editor.isVisible()
    dashboard.name_editor.selectAll()
    qtbot.keyClicks(dashboard.name_editor, "Acme Housing Association")
    qtbot.keyClick(dashboard.name_editor, Qt.Key.Key_Return)

    assert services.organisation.settings().name == "Acme Housing Association"
    assert dashboard.name_label.isVisible()
    assert dashboard.name_label.text() == "Acme Housing Association"


def test_escape_cancels_renaming_and_keeps_the_old_name(qtbot, dashboard, services):
    before = services.organisation.settings().name
    qtbot.mouseClick(dashboard.rename_button, Qt.MouseButton.LeftButton)
    dashboard.name_editor.selectAll()
    qtbot.keyClicks(dashboard.name_editor, "Not this")
    qtbot.keyClick(dashboard.name_editor, Qt.Key.Key_Escape)

    assert services.organisation.settings().name == before
    assert dashboard.name_label.text() == before
    assert not dashboard.name_editor.isVisible()


def test_an_empty_organisation_name_is_refused_with_a_message(qtbot, dashboard, services):
    before = services.organisation.settings().name
    qtbot.mouseClick(dashboard.rename_button, Qt.MouseButton.LeftButton)
    dashboard.name_editor.clear()
    qtbot.mouseClick(dashboard.save_name_button, Qt.MouseButton.LeftButton)

    boxes = message_boxes(dashboard)
    assert len(boxes) == 1
    assert "needs a name" in boxes[0].text()
    close_message_boxes(dashboard)
    assert services.organisation.settings().name == before


def test_the_dashboard_refreshes_on_change_notifications_and_never_polls(
    qtbot, dashboard, services, monkeypatch
):
    calls: list[int] = []
    real = services.programme.checklist
    monkeypatch.setattr(
        services.programme,
        "checklist",
        lambda: calls.append(1) or real(),  # type: ignore[func-returns-value]
    )
    qtbot.wait(300)
    assert calls == []  # nothing changed, nothing re-read

    for _ in range(5):  # a burst of notifications (an import) makes one refresh
        services.changes.publish(Topic.PEOPLE)
    qtbot.waitUntil(lambda: len(calls) == 1)
    qtbot.wait(50)
    assert len(calls) == 1


def test_the_empty_state_buttons_ask_for_import_add_and_demo(qtbot, dashboard):
    for button, signal in (
        (dashboard.import_button, dashboard.import_requested),
        (dashboard.add_person_button, dashboard.add_person_requested),
        (dashboard.demo_button, dashboard.load_demo_requested),
    ):
        with qtbot.waitSignal(signal, timeout=1000):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_go_to_people_on_the_checklist_opens_the_people_area(qtbot, main_window, services):
    add_people(services, "Ngọc Tran")
    page = main_window.dashboard_page
    card = page.step_card(PEOPLE_STEP)
    qtbot.waitUntil(lambda: card.state_label.text() == "Done")
    go = card.findChild(type(page.rename_button), "goToPeopleButton")
    assert go is not None
    qtbot.mouseClick(go, Qt.MouseButton.LeftButton)
    assert main_window.current_area() == AREA_PEOPLE


def test_step_3_builds_a_path_then_opens_the_learning_paths_area(qtbot, main_window, services):
    from ui.dashboard_page import PATHS_STEP
    from ui.main_window import AREA_PATHS

    page = main_window.dashboard_page
    card = page.step_card(PATHS_STEP)
    button = card.findChild(type(page.rename_button), "openStep3Button")
    assert button is not None and button.text() == "Build a path"
    services.paths.create_from_template("frontline_awareness")
    qtbot.waitUntil(lambda: card.state_label.text() == "In progress")
    button = card.findChild(type(page.rename_button), "openStep3Button")
    assert button.text() == "Open learning paths"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert main_window.current_area() == AREA_PATHS
    assert main_window.paths_page.paths_tab.current_path() is not None


def test_loading_the_demo_from_the_dashboard_fills_the_empty_file(qtbot, main_window, services):
    page = main_window.dashboard_page
    qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    assert main_window.demo_task is not None
    with qtbot.waitSignal(main_window.demo_task.finished, timeout=30_000):
        pass

    from app.services.info import data_file_info

    assert data_file_info(services.database)["employees"] == 150
    card = page.step_card(PEOPLE_STEP)
    qtbot.waitUntil(lambda: card.state_label.text() == "Done")
    assert not page.empty_state.isVisible()
    assert page.name_label.text() == services.organisation.settings().name != "My organisation"
    assert main_window.people_status.text().endswith("people")
