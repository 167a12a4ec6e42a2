"""The rating entry form, driven with the keyboard the way someone types in a pile of paper forms.

Every check reads the answers back through the skills service: what the database holds, not
what the widgets show.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from app.context import AppServices
from app.services.people import PersonInput
from app.skills.service import CampaignSetup
from db.models import Rater, Track
from db.schema import open_database
from tests.ui.conftest import close_message_boxes, message_boxes
from ui.change_bridge import ChangeBridge
from ui.skills.entry_form import EntryForm
from ui.skills.level_input import AnswerField
from ui.skills.participant_list import STATE_ROLE, ParticipantListModel

pytestmark = pytest.mark.database

SCREENSHOT = Path("/tmp/skills_entry.png")


@pytest.fixture
def bridge(services: AppServices) -> Iterator[ChangeBridge]:
    relay = ChangeBridge(services.changes)
    yield relay
    relay.detach()


def add_people(services: AppServices) -> dict[str, int]:
    """Two departments; in the list Finance (Ana, Bea, Zoë) comes before Sales (Cem, Dan)."""
    organisation = services.organisation
    finance = organisation.add_department("Finance")
    sales = organisation.add_department("Sales")
    analyst = organisation.add_role("Financial analyst", Track.DOMAIN_EXPERT)
    rep = organisation.add_role("Sales representative", Track.FRONTLINE)
    people = {}
    for first, last, department, role in [
        ("Zoë", "Łukasz", finance, analyst),
        ("Ana", "Silva", finance, analyst),
        ("Bea", "Moreau", finance, analyst),
        ("Dan", "Okafor", sales, rep),
        ("Cem", "Yilmaz", sales, rep),
    ]:
        people[first] = services.people.add(
            PersonInput(first_name=first, last_name=last, department_id=department, role_id=role)
        )
    return people


def create_campaign(services: AppServices, *, with_managers: bool = True) -> int:
    return services.skills.create_campaign(
        CampaignSetup(
            name="Spring skills survey", opened_on=date(2026, 3, 2), with_managers=with_managers
        )
    )


@pytest.fixture
def open_form(qtbot, services: AppServices, bridge: ChangeBridge):
    """Open the entry form of a survey as a shown, active window, ready for typing."""

    def opener(campaign_id: int) -> EntryForm:
        form = EntryForm(services, bridge, campaign_id)
        qtbot.addWidget(form)
        form.resize(1100, 760)
        form.show()
        qtbot.waitExposed(form)
        form.activateWindow()
        qtbot.waitUntil(form.isActiveWindow)
        qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), AnswerField))
        return form

    return opener


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_keys(qtbot, text: str) -> None:
    """Type each character into whatever has the keyboard focus, as a person would."""
    for character in text:
        qtbot.keyClicks(focused(), character)


def press(
    qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focused(), key, modifier)


def keys_of(services: AppServices) -> tuple[list[str], list[str]]:
    catalogue = services.skills.catalogue()
    return [s.key for s in catalogue.skills], [a.key for a in catalogue.attitudes]


def test_keyboard_alone_enters_a_whole_paper_form_then_the_next_persons(
    qtbot, services: AppServices, open_form
) -> None:
    people = add_people(services)
    campaign = create_campaign(services)
    form = open_form(campaign)
    skills, items = keys_of(services)
    assert len(skills) == 10 and len(items) == 6
    assert form.person_id == people["Ana"], "the first person in Finance, by name"
    assert focused().objectName() == f"self_{skills[0]}"

    own = [3, 2, 4, 1, 0, 2, 3, 1, 2, 0]
    manager = [2, 2, 1, 1, 0, 3, 4, 1, 2, 0]
    answers = [4, 2, 5, 1, 3, 2]
    type_keys(qtbot, "".join(map(str, own)))
    assert focused().objectName() == f"manager_{skills[0]}"
    type_keys(qtbot, "".join(map(str, manager)))
    assert focused().objectName() == f"attitude_{items[0]}"
    type_keys(qtbot, "".join(map(str, answers)))
    assert focused().objectName() == f"attitude_{items[-1]}", "the last box keeps the focus"
    press(qtbot, Qt.Key.Key_Return)
    assert form.person_id == people["Bea"]
    assert focused().objectName() == f"self_{skills[0]}"
    type_keys(qtbot, "21")
    assert focused().objectName() == f"self_{skills[2]}"

    ana = services.skills.sheet(campaign, people["Ana"])
    assert [ana.self_levels[key] for key in skills] == own
    assert [ana.manager_levels[key] for key in skills] == manager
    assert [ana.attitudes[key] for key in items] == answers
    bea = services.skills.sheet(campaign, people["Bea"])
    assert bea.self_levels == {key: {0: 2, 1: 1}.get(n) for n, key in enumerate(skills)}
    assert set(bea.manager_levels.values()) == {None}
    assert set(bea.attitudes.values()) == {None}

    states = {
        form.model.index(row, 0).data(): form.model.index(row, 0).data(STATE_ROLE)
        for row in range(form.model.rowCount())
    }
    assert states["Ana Silva"] == "done"
    assert states["Bea Moreau"] == "in_progress"
    assert states["Zoë Łukasz"] == "not_started"
    assert form.progress.text() == "1 of 5 people have rated every skill"
    assert form.panel.save_state.text() == "✓ Saved"
    press(qtbot, Qt.Key.Key_PageUp)  # back to Ana: her sheet as saved, with the flags
    flagged = [key for key in skills if form.panel.flags[key].isVisibleTo(form)]
    assert flagged == [skills[2]], "self 4 and manager 1 are the only pair 2 or more apart"


def test_a_skill_rated_two_levels_apart_is_flagged_and_the_level_is_explained(
    qtbot, services: AppServices, open_form
) -> None:
    add_people(services)
    campaign = create_campaign(services)
    form = open_form(campaign)
    skills, _items = keys_of(services)
    type_keys(qtbot, "4")  # self, first skill
    for _ in range(len(skills) - 1):
        press(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "1")
    first = services.skills.catalogue().skills[0]
    assert form.panel.flags[first.key].isVisibleTo(form)
    assert form.panel.flags[first.key].text() == "⚠ 3 apart"
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)  # back to the manager box
    meaning = form.findChild(QLabel, "level_meaning").text()
    assert f"1 – Aware: {first.levels[1]}" in meaning

    # A realistic half-entered sheet to look at.
    type_keys(qtbot, "2")
    for value in "3132":
        type_keys(qtbot, value)
    for _ in range(3):
        QCoreApplication.processEvents()
    form.grab().save(str(SCREENSHOT))


@pytest.mark.parametrize(
    ("box", "typed"),
    [
        ("self", "5"),
        ("self", "9"),
        ("self", "x"),
        ("attitude", "0"),
        ("attitude", "6"),
        ("attitude", "a"),
    ],
)
def test_a_key_outside_the_scale_is_refused_with_a_hint_and_saves_nothing(
    qtbot, services: AppServices, open_form, box: str, typed: str
) -> None:
    people = add_people(services)
    campaign = create_campaign(services)
    form = open_form(campaign)
    skills, items = keys_of(services)
    name = f"self_{skills[0]}" if box == "self" else f"attitude_{items[0]}"
    form.findChild(AnswerField, name).setFocus()
    qtbot.waitUntil(lambda: focused().objectName() == name)
    type_keys(qtbot, typed)
    assert focused().objectName() == name, "the focus stays for a second try"
    hint = form.findChild(QLabel, "entry_hint").text()
    assert f"“{typed}” is not" in hint
    sheet = services.skills.sheet(campaign, people["Ana"])
    assert set(sheet.self_levels.values()) == {None}
    assert set(sheet.attitudes.values()) == {None}
    assert form.panel.save_state.text() != "✓ Saved"


def test_backspace_clears_a_saved_rating_in_the_data_file(
    qtbot, services: AppServices, open_form
) -> None:
    people = add_people(services)
    campaign = create_campaign(services)
    form = open_form(campaign)
    skills, _items = keys_of(services)
    type_keys(qtbot, "32")
    assert services.skills.sheet(campaign, people["Ana"]).self_levels[skills[1]] == 2
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused().objectName() == f"self_{skills[1]}"
    press(qtbot, Qt.Key.Key_Backspace)
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Delete)
    sheet = services.skills.sheet(campaign, people["Ana"])
    assert sheet.self_levels[skills[0]] is None
    assert sheet.self_levels[skills[1]] is None
    assert form.model.index(form.model.row_of(people["Ana"]), 0).data(STATE_ROLE) == "not_started"


def test_enter_and_tab_move_on_without_changing_an_answer(
    qtbot, services: AppServices, open_form
) -> None:
    people = add_people(services)
    campaign = create_campaign(services)
    services.skills.rate(
        campaign, people["Ana"], keys_of(services)[0][0], rater=Rater.SELF, level=3
    )
    form = open_form(campaign)
    skills, _items = keys_of(services)
    assert focused().objectName() == f"self_{skills[1]}", "focus starts in the first empty box"
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused().objectName() == f"self_{skills[2]}"
    assert services.skills.sheet(campaign, people["Ana"]).self_levels[skills[0]] == 3
    assert form.person_id == people["Ana"]


def test_page_down_and_page_up_change_person_and_search_jumps_to_one(
    qtbot, services: AppServices, open_form
) -> None:
    people = add_people(services)
    campaign = create_campaign(services)
    form = open_form(campaign)
    order = ["Ana", "Bea", "Zoë", "Cem", "Dan"]
    for name in order[1:]:
        press(qtbot, Qt.Key.Key_PageDown)
        assert form.person_id == people[name]
        assert isinstance(focused(), AnswerField), "typing goes on in the new person's sheet"
    press(qtbot, Qt.Key.Key_PageDown)
    assert form.person_id == people["Dan"], "the last person stays"
    press(qtbot, Qt.Key.Key_PageUp)
    press(qtbot, Qt.Key.Key_PageUp)
    assert form.person_id == people["Zoë"]
    assert form.panel.name_label.text() == "Zoë Łukasz"

    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert focused() is form.search
    qtbot.keyClicks(form.search, "yil")
    assert form.person_id == people["Cem"]
    assert form.people_list.currentIndex().data() == "Cem Yilmaz"
    press(qtbot, Qt.Key.Key_Return)
    assert focused().objectName().startswith("self_")
    type_keys(qtbot, "4")
    sheet = services.skills.sheet(campaign, people["Cem"])
    assert next(iter(sheet.self_levels.values())) == 4


def test_clicking_a_person_and_a_level_button_saves_for_mouse_users(
    qtbot, services: AppServices, open_form
) -> None:
    people = add_people(services)
    campaign = create_campaign(services)
    form = open_form(campaign)
    skills, _items = keys_of(services)
    row = form.model.row_of(people["Dan"])
    rect = form.people_list.visualRect(form.model.index(row, 0))
    qtbot.mouseClick(form.people_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert form.person_id == people["Dan"]
    qtbot.mouseClick(form.panel.level_buttons[3], Qt.MouseButton.LeftButton)
    assert services.skills.sheet(campaign, people["Dan"]).self_levels[skills[0]] == 3
    assert focused().objectName() == f"self_{skills[1]}"


def test_a_survey_without_managers_has_no_manager_column(
    qtbot, services: AppServices, open_form
) -> None:
    people = add_people(services)
    campaign = create_campaign(services, with_managers=False)
    form = open_form(campaign)
    skills, items = keys_of(services)
    assert form.findChildren(AnswerField, f"manager_{skills[0]}") == []
    assert form.panel.findChild(QLabel, "column_3") is None
    type_keys(qtbot, "1234012340")
    assert focused().objectName() == f"attitude_{items[0]}", "straight on to the statements"
    sheet = services.skills.sheet(campaign, people["Ana"])
    assert [sheet.self_levels[k] for k in skills] == [1, 2, 3, 4, 0, 1, 2, 3, 4, 0]


def test_the_list_markers_follow_answers_saved_elsewhere(
    qtbot, services: AppServices, open_form
) -> None:
    people = add_people(services)
    campaign = create_campaign(services)
    form = open_form(campaign)
    skills, _items = keys_of(services)
    row = form.model.row_of(people["Dan"])
    assert form.model.index(row, 0).data(STATE_ROLE) == "not_started"
    services.skills.rate(campaign, people["Dan"], skills[0], rater=Rater.SELF, level=2)
    assert form.model.index(form.model.row_of(people["Dan"]), 0).data(STATE_ROLE) == "in_progress"
    services.skills.rate(campaign, people["Ana"], skills[0], rater=Rater.SELF, level=4)
    assert form.findChild(AnswerField, f"self_{skills[0]}").text() == "4"


def test_the_participant_list_model_passes_the_model_tester(qtmodeltester, services) -> None:
    add_people(services)
    campaign = create_campaign(services)
    model = ParticipantListModel()
    model.set_participants(services.skills.participants(campaign))
    qtmodeltester.check(model)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        "Finance",
        "Ana Silva",
        "Bea Moreau",
        "Zoë Łukasz",
        "Sales",
        "Cem Yilmaz",
        "Dan Okafor",
    ]


def test_an_answer_the_locked_file_refuses_stays_shown_as_not_saved(qtbot, tmp_path) -> None:
    path = tmp_path / "shared.upskill"
    services = AppServices.for_database(open_database(path, lock_timeout=0.2))
    bridge = ChangeBridge(services.changes)
    people = add_people(services)
    campaign = create_campaign(services)
    skills, _items = keys_of(services)
    form = EntryForm(services, bridge, campaign)
    qtbot.addWidget(form)
    other = sqlite3.connect(path, timeout=0.1)
    try:
        form.show()
        qtbot.waitExposed(form)
        form.activateWindow()
        qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), AnswerField))
        box = form.findChild(AnswerField, f"self_{skills[0]}")
        other.execute("BEGIN IMMEDIATE")  # another copy of the app is saving
        qtbot.keyClicks(box, "3")
        [message] = message_boxes(form)
        assert "in use by another program" in message.text()
        assert box.text() == "3" and box.unsaved
        assert form.panel.save_state.text() == "Not saved"
        close_message_boxes(form)
        other.rollback()
        assert services.skills.sheet(campaign, people["Ana"]).self_levels[skills[0]] is None

        box.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is box)
        qtbot.keyClicks(box, "3")  # the other program is done: typing it again saves it
        assert not box.unsaved
        assert services.skills.sheet(campaign, people["Ana"]).self_levels[skills[0]] == 3
    finally:
        other.close()
        bridge.detach()
        form.close()
        services.close()
