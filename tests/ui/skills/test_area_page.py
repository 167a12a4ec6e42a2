"""The Skills area: its place in the main window, the empty state, the survey picker, the tabs
and what they recompute, and nominating champions from the Readiness tab."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar

from app.context import AppServices
from app.skills.service import CampaignSetup
from db.models import Rater
from tests.ui.conftest import close_message_boxes, message_boxes
from tests.ui.skills.survey_data import add_department, rate_all, start_survey
from ui.change_bridge import ChangeBridge
from ui.main_window import AREA_ASSESSMENT, AREA_REPORTS, AREA_SKILLS
from ui.skills.area_page import SkillsAreaPage

pytestmark = pytest.mark.database


@pytest.fixture
def bridge(services: AppServices) -> Iterator[ChangeBridge]:
    relay = ChangeBridge(services.changes)
    yield relay
    relay.detach()


@pytest.fixture
def open_page(qtbot, services: AppServices, bridge: ChangeBridge):
    def opener() -> SkillsAreaPage:
        page = SkillsAreaPage(services, bridge)
        qtbot.addWidget(page)
        page.resize(1200, 780)
        page.show()
        qtbot.waitExposed(page)
        return page

    return opener


def click_tab(qtbot, page: SkillsAreaPage, index: int) -> None:
    bar = page.tabs.findChild(QTabBar)
    assert bar is not None
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert page.tabs.currentIndex() == index


def answer_with_a_new_survey(monkeypatch, services: AppServices, asked: list[bool]) -> None:
    """Stand in for the person filling in the New survey dialog (STYLE 8): it creates one."""
    from ui.skills.campaign_dialog import CampaignDialog

    def ask(cls, dialog_services, parent=None) -> int:
        asked.append(True)
        return dialog_services.skills.create_campaign(
            CampaignSetup(name="Workshop survey", opened_on=date(2026, 5, 4))
        )

    monkeypatch.setattr(CampaignDialog, "ask", classmethod(ask))


# The main window ---------------------------------------------------------------------------
def test_the_sidebar_shows_the_skills_area_between_assessment_and_reports(qtbot, main_window):
    sidebar = main_window.sidebar
    assert AREA_ASSESSMENT < AREA_SKILLS < AREA_REPORTS
    item = sidebar.item(AREA_SKILLS)
    assert item.text() == "Skills"
    assert item.toolTip() == "Where people stand with AI skills"
    assert not main_window.area_built(AREA_SKILLS)  # nothing read until the user goes there

    qtbot.mouseClick(
        sidebar.viewport(), Qt.MouseButton.LeftButton, pos=sidebar.visualItemRect(item).center()
    )

    assert main_window.current_area() == AREA_SKILLS
    page = main_window.skills_page
    assert isinstance(page, SkillsAreaPage)
    qtbot.waitUntil(page.isVisible)
    assert page.is_empty_state_shown()


def test_the_dashboards_assessment_step_leads_to_the_skills_survey(qtbot, main_window):
    from ui.dashboard_page import ASSESSMENT_STEP

    card = main_window.dashboard_page.step_card(ASSESSMENT_STEP)
    button = card.findChild(type(main_window.dashboard_page.import_button), "skillsSurveyButton")
    assert button is not None and button.text() == "Skills survey"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert main_window.current_area() == AREA_SKILLS
    qtbot.waitUntil(main_window.skills_page.isVisible)


def test_ctrl_5_shows_the_skills_area(qtbot, main_window):
    with qtbot.waitActive(main_window):
        main_window.activateWindow()
    qtbot.keyClick(main_window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_area() == AREA_SKILLS
    assert main_window.stack.currentWidget().isAncestorOf(main_window.skills_page)


def test_ctrl_shift_k_starts_a_skills_survey_from_anywhere(qtbot, main_window, monkeypatch):
    add_department(main_window.services, "Sales", 2)
    asked: list[bool] = []
    answer_with_a_new_survey(monkeypatch, main_window.services, asked)
    with qtbot.waitActive(main_window):
        main_window.activateWindow()

    qtbot.keyClick(
        main_window,
        Qt.Key.Key_K,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )

    assert asked == [True]
    assert main_window.current_area() == AREA_SKILLS
    page = main_window.skills_page
    assert [c.name for c in main_window.services.skills.campaigns()] == ["Workshop survey"]
    assert not page.is_empty_state_shown()
    assert page.tabs.currentIndex() == page.TAB_ENTRY


# Empty state and the picker ----------------------------------------------------------------
def test_start_a_skills_survey_from_the_empty_state_opens_it_for_entry(
    qtbot, services, open_page, monkeypatch
):
    add_department(services, "Sales", 3)
    asked: list[bool] = []
    answer_with_a_new_survey(monkeypatch, services, asked)
    page = open_page()
    assert page.is_empty_state_shown()
    assert "skills survey" in page.empty_state.text.text()

    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)

    assert asked == [True]
    assert not page.is_empty_state_shown()
    campaign = services.skills.campaigns()[0]
    assert page.campaign_id == campaign.id
    assert page.picker.currentText() == "Workshop survey · 4 May 2026 · baseline · 0 of 3 rated"
    assert page.tabs.currentIndex() == page.TAB_ENTRY
    assert page.entry_form is not None
    assert page.entry_form.campaign_id == campaign.id  # type: ignore[attr-defined]


def test_the_picker_lists_surveys_newest_first_and_opens_on_the_heatmap_of_the_rated_one(
    qtbot, services, open_page
):
    add_department(services, "Sales", 6)
    baseline = start_survey(services, "Spring", opened_on=date(2026, 3, 2))
    rate_all(services, baseline, lambda _p, _d, _k: 1)
    follow_up = start_survey(services, "Autumn", opened_on=date(2026, 10, 5), baseline_id=baseline)

    page = open_page()

    assert [page.picker.itemText(i) for i in range(page.picker.count())] == [
        "Autumn · 5 Oct 2026 · follow-up · 0 of 6 rated",
        "Spring · 2 Mar 2026 · baseline · 6 of 6 rated",
    ]
    assert page.campaign_id == baseline  # nobody has rated the follow-up yet
    assert page.tabs.currentIndex() == page.TAB_HEATMAP
    assert page.picker.findData(follow_up) == 0


def test_change_since_baseline_is_disabled_for_a_baseline_and_enabled_for_a_follow_up(
    qtbot, services, open_page
):
    add_department(services, "Sales", 6)
    baseline = start_survey(services, "Spring", opened_on=date(2026, 3, 2))
    rate_all(services, baseline, lambda _p, _d, _k: 1)
    follow_up = start_survey(services, "Autumn", opened_on=date(2026, 10, 5), baseline_id=baseline)
    rate_all(services, follow_up, lambda _p, _d, _k: 2)
    page = open_page()
    page.picker.setCurrentIndex(page.picker.findData(baseline))
    assert not page.tabs.isTabEnabled(page.TAB_CHANGE)
    assert "follow-up" in page.tabs.tabToolTip(page.TAB_CHANGE)

    page.picker.setCurrentIndex(page.picker.findData(follow_up))
    assert page.tabs.isTabEnabled(page.TAB_CHANGE)
    click_tab(qtbot, page, page.TAB_CHANGE)
    # Prompting: target 3, everyone at 1 then at 2: the gap shrank from 2.0 to 1.0.
    index = page.comparison.model.index_of("Sales", "prompting")
    assert index.data() == "▼ 1.0"
    assert "2.0 → 1.0" in index.data(Qt.ItemDataRole.ToolTipRole)

    # Back to the baseline while on that tab: the page moves to the heatmap.
    page.picker.setCurrentIndex(page.picker.findData(baseline))
    assert page.tabs.currentIndex() == page.TAB_HEATMAP


def test_only_the_tab_on_screen_recomputes_after_a_rating(qtbot, services, open_page, monkeypatch):
    people = add_department(services, "Sales", 6)
    campaign = start_survey(services)
    rate_all(services, campaign, lambda _p, _d, _k: 1)
    page = open_page()
    click_tab(qtbot, page, page.TAB_READINESS)
    click_tab(qtbot, page, page.TAB_HEATMAP)
    calls: list[str] = []
    results = services.skills_results
    for name in ("heatmap", "readiness"):
        original = getattr(results, name)
        monkeypatch.setattr(
            results,
            name,
            lambda campaign_id, _o=original, _n=name: calls.append(_n) or _o(campaign_id),
        )

    services.skills.rate(campaign, people[0], "prompting", rater=Rater.SELF, level=3)
    qtbot.waitUntil(lambda: not page.refresh_pending())
    assert calls == ["heatmap"]

    click_tab(qtbot, page, page.TAB_READINESS)
    assert calls == ["heatmap", "readiness"]
    click_tab(qtbot, page, page.TAB_HEATMAP)
    assert calls == ["heatmap", "readiness"]  # nothing changed since: nothing recomputed


def test_a_survey_added_elsewhere_appears_in_the_picker(qtbot, services, open_page):
    add_department(services, "Sales", 6)
    start_survey(services, "Spring", opened_on=date(2026, 3, 2))
    page = open_page()
    assert page.picker.count() == 1

    start_survey(services, "Summer", opened_on=date(2026, 7, 1))

    qtbot.waitUntil(lambda: page.picker.count() == 2)
    assert page.picker.itemText(0).startswith("Summer")


def test_deleting_a_survey_asks_first_then_removes_it_and_shows_the_one_left(
    qtbot, services, open_page
):
    add_department(services, "Sales", 6)
    spring = start_survey(services, "Spring", opened_on=date(2026, 3, 2))
    rate_all(services, spring, lambda _p, _d, _k: 1)
    summer = start_survey(services, "Summer", opened_on=date(2026, 7, 1))
    page = open_page()
    page.picker.setCurrentIndex(page.picker.findData(summer))

    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    box = page.delete_box
    assert box is not None and "Summer" in box.text() and "0 of 6" in box.text()
    qtbot.mouseClick(box.button(box.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert [c.name for c in services.skills.campaigns()] == ["Spring", "Summer"]

    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    confirm = page.delete_box.findChild(type(page.delete_button), "confirm_delete_survey")
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)

    assert [c.name for c in services.skills.campaigns()] == ["Spring"]
    qtbot.waitUntil(lambda: page.picker.count() == 1)
    assert page.campaign_id == spring


# Readiness -----------------------------------------------------------------------------------
def test_nominating_a_champion_candidate_from_the_readiness_tab_saves_the_champion(
    qtbot, services, open_page
):
    people = add_department(services, "Sales", 6)
    campaign = start_survey(services)
    keen = people[2]

    def level(person: int, _department: str, _key: str) -> int:
        return 3 if person == keen else 1

    def attitude(person: int, item: str) -> int:
        if item == "keen_to_learn":
            return 5 if person == keen else 3
        return 1 if item == "worried_about_job" else 3

    rate_all(services, campaign, level, attitudes=attitude)
    page = open_page()
    click_tab(qtbot, page, page.TAB_READINESS)
    view = page.readiness
    assert view.candidate_model.rowCount() == 1
    assert view.findChild(type(view.no_candidates), "private").text() == (
        "For you only: not included in reports"
    )
    assert not view.nominate_button.isEnabled()
    table = view.candidate_table
    row_rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row_rect.center())
    assert view.nominate_button.isEnabled()

    qtbot.mouseClick(view.nominate_button, Qt.MouseButton.LeftButton)

    assert [c.person_id for c in services.champions.champions()] == [keen]
    assert view.candidate_model.index(0, view.candidate_model.CHAMPION).data() == "✓ Champion"
    assert not view.nominate_button.isEnabled()


def test_readiness_shows_segments_and_withholds_what_too_few_people_answered(
    qtbot, services, open_page
):
    sales = add_department(services, "Sales", 6)
    add_department(services, "IT", 6)
    campaign = start_survey(services)
    answered = set(sales[:4])

    def attitude(person: int, _item: str) -> int | None:
        return 4 if person in answered else None

    rate_all(services, campaign, lambda _p, _d, _k: 1, attitudes=attitude)
    page = open_page()
    click_tab(qtbot, page, page.TAB_READINESS)
    segments = page.readiness.segment_model
    sales_row = next(r for r, row in enumerate(segments.rows) if row.group == "Sales")
    assert segments.index(sales_row, segments.FOUNDATIONS).data() == "6"
    assert segments.index(sales_row, segments.PEOPLE).data() == "6"

    attitudes = page.readiness.attitude_model
    assert "Sales" not in attitudes.groups  # four answers: the whole group is folded away
    everyone = attitudes.index(0, attitudes.FIRST_ITEM)
    assert attitudes.index(0, 0).data() == "Everyone"
    assert everyone.data() == "–"
    assert "fewer than 5 people" in everyone.data(Qt.ItemDataRole.ToolTipRole)
    headers = [
        attitudes.headerData(c, Qt.Orientation.Horizontal) for c in range(attitudes.columnCount())
    ]
    assert "Job worries (reversed)" in headers


# The report -----------------------------------------------------------------------------------
def export_report(
    qtbot, main_window, destination, monkeypatch, button: str = "skills_button"
) -> list[tuple[str, object]]:
    exporter = main_window.reports_page.exporter
    monkeypatch.setattr(exporter, "choose_destination", lambda *_args: destination)
    monkeypatch.setattr(exporter, "open_url", lambda _url: None)
    outcomes: list[tuple[str, object]] = []
    exporter.exported.connect(lambda path: outcomes.append(("written", path)))
    exporter.failed.connect(lambda error: outcomes.append(("failed", error)))
    main_window.show_area(AREA_REPORTS)
    qtbot.mouseClick(getattr(main_window.reports_page, button), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=60_000)
    return outcomes


def test_the_reports_page_writes_the_skills_survey_report(
    qtbot, main_window, services, tmp_path, monkeypatch
):
    add_department(services, "Sales", 6)
    campaign = start_survey(services)
    rate_all(services, campaign, lambda _p, _d, _k: 2)

    outcomes = export_report(qtbot, main_window, tmp_path / "Skills", monkeypatch)

    assert outcomes == [("written", tmp_path / "Skills.pdf")]
    assert (tmp_path / "Skills.pdf").read_bytes()[:5] == b"%PDF-"
    close_message_boxes(main_window)


def test_without_a_survey_the_skills_report_says_to_start_one(
    qtbot, main_window, tmp_path, monkeypatch
):
    outcomes = export_report(qtbot, main_window, tmp_path / "Skills.pdf", monkeypatch)

    assert outcomes[0][0] == "failed"
    boxes = message_boxes(main_window)
    assert boxes and "no skills survey" in boxes[-1].text()
    assert not (tmp_path / "Skills.pdf").exists()
    close_message_boxes(main_window)


def test_the_reports_page_writes_the_latest_finished_maturity_report_or_says_to_run_one(
    qtbot, main_window, services, tmp_path, monkeypatch
):
    from tests.ui.maturity.conftest import answer_all, create_assessment

    outcomes = export_report(
        qtbot, main_window, tmp_path / "None.pdf", monkeypatch, "maturity_button"
    )
    assert outcomes[0][0] == "failed" and not (tmp_path / "None.pdf").exists()
    assert "no maturity assessment" in message_boxes(main_window)[-1].text()
    close_message_boxes(main_window)

    assessment = create_assessment(services, "Spring check")
    answer_all(services, assessment, {})
    services.maturity.finish(assessment)
    outcomes = export_report(
        qtbot, main_window, tmp_path / "Maturity", monkeypatch, "maturity_button"
    )
    assert outcomes == [("written", tmp_path / "Maturity.pdf")]
    assert (tmp_path / "Maturity.pdf").read_bytes()[:5] == b"%PDF-"
    close_message_boxes(main_window)
