"""The gaps heatmap: departments × skills from the service, small groups folded or withheld,
kept up to date by change notifications, and screenshots of the results tabs to look at."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from app.context import AppServices
from app.demo import create_demo_organisation
from app.privacy import other_label
from app.skills.analysis import group_totals
from db.models import Rater
from tests.ui.skills.survey_data import (
    add_department,
    rate_all,
    realistic_attitudes,
    realistic_levels,
    start_survey,
)
from ui.change_bridge import ChangeBridge
from ui.skills.area_page import SkillsAreaPage
from ui.skills.gap_colours import contrast, gap_colour, luminance, text_colour_on
from ui.skills.heatmap_model import HeatmapModel
from ui.skills.heatmap_view import HeatmapView
from ui.skills.tile_table import shared_width

pytestmark = pytest.mark.database

ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
)


@pytest.fixture
def bridge(services: AppServices) -> Iterator[ChangeBridge]:
    relay = ChangeBridge(services.changes)
    yield relay
    relay.detach()


def four_departments(services: AppServices) -> dict[str, list[int]]:
    """Sales 6, Finance 6, HR 5 and Legal 3 people (threshold 5: Legal is too small)."""
    return {
        name: add_department(services, name, size)
        for name, size in (("Sales", 6), ("Finance", 6), ("HR", 5), ("Legal", 3))
    }


def every_text(model: HeatmapModel) -> list[str]:
    texts = []
    for column in range(model.columnCount()):
        for role in ROLES:
            texts.append(str(model.headerData(column, Qt.Orientation.Horizontal, role)))
        for row in range(model.rowCount()):
            for role in ROLES:
                texts.append(str(model.index(row, column).data(role)))
    return texts


def shown_view(qtbot, services: AppServices, campaign: int) -> HeatmapView:
    view = HeatmapView(services)
    qtbot.addWidget(view)
    view.resize(1100, 600)
    view.show_campaign(campaign)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_heatmap_model_passes_qtmodeltester(qtmodeltester, services):
    four_departments(services)
    campaign = start_survey(services)
    rate_all(services, campaign, lambda _p, _d, _k: 1)
    model = HeatmapModel()
    qtmodeltester.check(model)
    model.set_heatmap(services.skills_results.heatmap(campaign))
    qtmodeltester.check(model)
    model.set_heatmap(None)
    qtmodeltester.check(model)


def test_a_department_of_six_is_shown_and_one_of_three_is_folded_into_other(qtbot, services):
    four_departments(services)
    campaign = start_survey(services)
    rate_all(services, campaign, lambda _p, _d, _k: 1)

    view = shown_view(qtbot, services, campaign)
    model = view.model

    groups = [model.index(row, HeatmapModel.GROUP).data() for row in range(model.rowCount())]
    assert "Sales" in groups and "Finance" in groups
    assert groups[-1] == other_label(5)
    # Prompting's target for these roles is 3 and everyone said 1: a gap of 2 for Sales.
    assert view.cell_text("Sales", "prompting") == "2.0"
    assert not any("Legal" in text for text in every_text(model))


def test_a_cell_too_few_people_rated_shows_a_dash_and_says_why(qtbot, services):
    people = {
        name: add_department(services, name, size)
        for name, size in (("Sales", 6), ("Finance", 6), ("HR", 5))
    }
    campaign = start_survey(services)
    only_four = set(people["Sales"][:4])

    def level(person: int, department: str, key: str) -> int | None:
        if department == "Sales" and key == "prompting" and person not in only_four:
            return None
        return 1

    rate_all(services, campaign, level)
    view = shown_view(qtbot, services, campaign)

    withheld = view.model.index_of("Sales", "prompting")
    assert withheld.data() == "–"
    assert withheld.data(Qt.ItemDataRole.ToolTipRole) == (
        "Withheld: fewer than 5 people rated this"
    )
    assert withheld.data(HeatmapModel.WithheldRole) is True
    shown = view.model.index_of("Finance", "ai_literacy")
    assert shown.data(Qt.ItemDataRole.ToolTipRole) == (
        "Finance · AI literacy: mean gap 2.0 levels (n = 6, spread 0.0)"
    )
    assert view.colour_of("Finance", "ai_literacy") is not None
    assert "fewer than 5 people" in view.threshold_label.text()
    assert view.rated_label.text() == "17 of 17 people have rated themselves"


def test_the_totals_column_is_each_departments_mean_over_its_shown_cells(qtbot, services):
    four_departments(services)
    campaign = start_survey(services)
    rate_all(services, campaign, lambda person, _d, key: (person + len(key)) % 4)
    view = shown_view(qtbot, services, campaign)
    heatmap = services.skills_results.heatmap(campaign)

    model = view.model
    for total in group_totals(heatmap.cells):
        row = heatmap.groups.index(total.group)
        index = model.index(row, model.total_column)
        assert index.data() == f"{total.mean_gap:.1f}"
    assert model.headerData(model.total_column, Qt.Orientation.Horizontal) == "All skills"


def test_the_heatmap_follows_a_new_rating_without_any_click(qtbot, services, bridge):
    people = {
        name: add_department(services, name, size) for name, size in (("Sales", 6), ("IT", 6))
    }
    campaign = start_survey(services)
    rate_all(services, campaign, lambda _p, _d, _k: 1)
    page = SkillsAreaPage(services, bridge)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitExposed(page)
    assert page.tabs.currentIndex() == page.TAB_HEATMAP
    assert page.heatmap.cell_text("Sales", "prompting") == "2.0"

    # Someone in Sales now says they are proficient (3) at prompting: the mean gap falls by 1/3.
    services.skills.rate(campaign, people["Sales"][0], "prompting", rater=Rater.SELF, level=3)

    qtbot.waitUntil(lambda: page.heatmap.cell_text("Sales", "prompting") == "1.7")
    assert page.heatmap.cell_text("IT", "prompting") == "2.0"


def test_the_heatmap_of_another_survey_is_not_recomputed_for_a_rating_elsewhere(
    qtbot, services, bridge, monkeypatch
):
    people = add_department(services, "Sales", 6)
    first = start_survey(services, "First", opened_on=date(2026, 1, 5))
    rate_all(services, first, lambda _p, _d, _k: 1)
    second = start_survey(services, "Second", opened_on=date(2026, 6, 1))
    rate_all(services, second, lambda _p, _d, _k: 2)
    page = SkillsAreaPage(services, bridge)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    assert page.campaign_id == second
    computed: list[int] = []
    original = services.skills_results.heatmap
    monkeypatch.setattr(
        services.skills_results,
        "heatmap",
        lambda campaign_id: computed.append(campaign_id) or original(campaign_id),
    )

    services.skills.rate(first, people[0], "prompting", rater=Rater.SELF, level=4)
    assert page.refresh_pending()
    qtbot.waitUntil(lambda: not page.refresh_pending())
    assert computed == []

    services.skills.rate(second, people[0], "prompting", rater=Rater.SELF, level=4)
    qtbot.waitUntil(lambda: computed == [second])


def test_the_colour_ramp_darkens_steadily_and_every_figure_stays_readable_on_it():
    gaps = [step / 10 for step in range(41)]
    lightness = [luminance(gap_colour(gap)) for gap in gaps]
    assert all(a > b for a, b in pairwise(lightness))
    for gap in gaps:
        background = gap_colour(gap)
        assert contrast(text_colour_on(background), background) >= 4.5, gap


def test_figure_columns_share_the_room_evenly_without_going_under_their_minimum():
    assert shared_width([50, 50, 50], 300, 200) == 100
    assert shared_width([120, 50, 50], 300, 200) == 90  # the wide one keeps 120
    assert shared_width([50, 50], 1000, 140) == 140  # never wider than the cap
    assert shared_width([120, 120], 100, 200) == 0  # too narrow: everyone at minimum


SHOTS = {
    "heatmap": Path("/tmp/skills_heatmap.png"),
    "baseline": Path("/tmp/skills_heatmap_baseline.png"),
    "readiness": Path("/tmp/skills_readiness.png"),
    "comparison": Path("/tmp/skills_comparison.png"),
    "targets": Path("/tmp/skills_targets.png"),
}


def test_screenshots_of_the_results_tabs_for_a_person_to_look_at(qtbot, services, bridge):
    """Not compared with anything: saved for a person to look at."""
    create_demo_organisation(services, employees=160, seed=3)
    add_department(services, "Legal", 4, role="Legal counsel")
    add_department(services, "Procurement", 3, role="Buyer")
    baseline = start_survey(services, "Spring skills survey", opened_on=date(2026, 3, 2))
    rate_all(services, baseline, realistic_levels(1), attitudes=realistic_attitudes(2))
    follow_up = start_survey(
        services, "Autumn follow-up", opened_on=date(2026, 10, 5), baseline_id=baseline
    )
    rate_all(services, follow_up, realistic_levels(5, 0.45), attitudes=realistic_attitudes(6))
    page = SkillsAreaPage(services, bridge)
    qtbot.addWidget(page)
    page.resize(1180, 860)
    page.show()
    qtbot.waitExposed(page)
    page.picker.setCurrentIndex(page.picker.findData(follow_up))
    for tab, name in (
        (page.TAB_HEATMAP, "heatmap"),
        (page.TAB_READINESS, "readiness"),
        (page.TAB_CHANGE, "comparison"),
        (page.TAB_TARGETS, "targets"),
    ):
        page.tabs.setCurrentIndex(tab)
        for _ in range(3):
            QCoreApplication.processEvents()
        assert page.grab().save(str(SHOTS[name]))
    page.picker.setCurrentIndex(page.picker.findData(baseline))
    page.tabs.setCurrentIndex(page.TAB_HEATMAP)
    for _ in range(3):
        QCoreApplication.processEvents()
    assert page.grab().save(str(SHOTS["baseline"]))
    assert page.heatmap.model.rowCount() >= 8
    assert all(path.stat().st_size > 10_000 for path in SHOTS.values())
