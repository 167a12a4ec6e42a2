"""The Role targets tab: a role's target per skill, changed by keyboard and saved at once,
reset to the track per skill or for all, and the heatmap moving with it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar

from app.context import AppServices
from db.models import Track
from tests.ui.skills.survey_data import add_department, rate_all, start_survey
from ui.change_bridge import ChangeBridge
from ui.skills.area_page import SkillsAreaPage
from ui.skills.targets_editor import TargetsEditor

pytestmark = pytest.mark.database


@pytest.fixture
def bridge(services: AppServices) -> Iterator[ChangeBridge]:
    relay = ChangeBridge(services.changes)
    yield relay
    relay.detach()


def role_id(services: AppServices, name: str) -> int:
    return next(r.id for r in services.organisation.roles() if r.name == name)


def shown_editor(qtbot, services: AppServices) -> TargetsEditor:
    editor = TargetsEditor(services)
    qtbot.addWidget(editor)
    editor.resize(900, 600)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def choose_level(qtbot, editor: TargetsEditor, skill: str, level: int) -> None:
    """Type the level's digit on the skill's target, as a person picks it by keyboard."""
    combo = editor.level_combo(skill)
    combo.setFocus()
    qtbot.keyClicks(combo, str(level))
    assert combo.currentData() == level


def test_a_new_target_is_saved_at_once_and_marked_as_the_roles_own(qtbot, services):
    add_department(services, "Sales", 2, role="Account executive")
    services.organisation.add_role("Analyst", Track.TECHNICAL)
    account = role_id(services, "Account executive")
    editor = shown_editor(qtbot, services)
    editor.select_role(account)
    assert editor.role_combo.currentText() == "Account executive (Domain expert track, 2 people)"
    assert editor.level_combo("prompting").currentData() == 3  # the domain expert track's
    assert editor.source_text("prompting") == "The track"
    assert not editor.reset_button("prompting").isEnabled()

    choose_level(qtbot, editor, "prompting", 4)

    targets = services.skills.role_targets(account)
    assert targets.targets["prompting"] == 4
    assert targets.own == frozenset({"prompting"})
    assert editor.source_text("prompting") == "This role"
    assert editor.reset_button("prompting").isEnabled()
    assert editor.reset_all_button.isEnabled()
    analyst = services.skills.role_targets(role_id(services, "Analyst"))
    assert analyst.own == frozenset()


def test_reset_to_track_takes_one_skill_back_and_reset_all_the_rest(qtbot, services):
    add_department(services, "Sales", 2, role="Account executive")
    account = role_id(services, "Account executive")
    services.skills.set_role_target(account, "prompting", 4)
    services.skills.set_role_target(account, "data_privacy", 0)
    services.skills.set_role_target(account, "ai_literacy", 1)
    editor = shown_editor(qtbot, services)

    qtbot.mouseClick(editor.reset_button("prompting"), Qt.MouseButton.LeftButton)

    targets = services.skills.role_targets(account)
    assert targets.own == frozenset({"data_privacy", "ai_literacy"})
    assert targets.targets["prompting"] == 3
    assert editor.level_combo("prompting").currentData() == 3
    assert editor.source_text("prompting") == "The track"

    qtbot.mouseClick(editor.reset_all_button, Qt.MouseButton.LeftButton)

    assert services.skills.role_targets(account).own == frozenset()
    assert editor.level_combo("data_privacy").currentData() == 2
    assert not editor.reset_all_button.isEnabled()


def test_without_roles_the_editor_says_where_roles_come_from(qtbot, services):
    editor = shown_editor(qtbot, services)
    assert editor.no_roles.isVisible()
    assert not editor.grid_widget.isEnabled()
    assert editor.role_id() is None


def test_a_changed_target_moves_the_heatmap(qtbot, services, bridge):
    add_department(services, "Sales", 6, role="Account executive")
    add_department(services, "IT", 6, role="Engineer")
    campaign = start_survey(services)
    rate_all(services, campaign, lambda _p, _d, _k: 1)
    page = SkillsAreaPage(services, bridge)
    qtbot.addWidget(page)
    page.resize(1200, 780)
    page.show()
    qtbot.waitExposed(page)
    assert page.heatmap.cell_text("Sales", "prompting") == "2.0"
    bar = page.tabs.findChild(QTabBar)
    assert bar is not None

    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(page.TAB_TARGETS).center())
    page.targets.select_role(role_id(services, "Account executive"))
    choose_level(qtbot, page.targets, "prompting", 4)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(page.TAB_HEATMAP).center())

    assert page.heatmap.cell_text("Sales", "prompting") == "3.0"
    assert page.heatmap.cell_text("IT", "prompting") == "2.0"
    heatmap = services.skills_results.heatmap(campaign)
    sales = heatmap.cell("Sales", "prompting")
    assert sales is not None and sales.mean_gap == pytest.approx(3.0)
