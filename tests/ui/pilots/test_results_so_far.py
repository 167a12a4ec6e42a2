"""A running pilot's Results tab reads "so far": its week, how many criteria are on track and
when they are judged, "not yet judged" badges, and no decision asked for; ending it from the
header judges the same figures. A pilot past its planned end says so in the list and the
header."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from app.context import AppServices
from app.pilots.criteria import Criterion
from app.pilots.records import CheckInEntry, FeedbackInput, PilotInput
from tests.app.skills_people import add_department_people
from tests.ui.pilots.test_area_page import (
    adviser_role,
    box_button,
    click,
    click_pilot,
    everyday_path,
    make_pilot,
    only_box,
    show_page,
)
from ui.pilots.area_page import PilotsAreaPage
from ui.pilots.results_criteria import VERDICT_ROLE, CriteriaModel
from ui.pilots.results_format import date_text
from ui.pilots.results_tab import ResultsTab

pytestmark = pytest.mark.database

CRITERIA = (
    Criterion("completion", 80),
    Criterion("satisfaction", 4),
    Criterion("weekly_active", 60, 8),
)
STARTS_ON = date.today() - timedelta(days=24)  # 24 // 7 + 1: week 4
ENDS_ON = STARTS_ON + timedelta(weeks=10, days=-1)  # ten weeks


def running_pilot(services: AppServices) -> int:
    """Six people in week 4 of ten, nobody finished yet; four weeks of check-ins, and six
    satisfaction answers 5, 4, 4, 5, 4, 4 (mean 26 / 6 = 4.33, at least 4 so far)."""
    people = add_department_people(services, "Sales", 6, adviser_role(services))
    pilot_id = make_pilot(
        services,
        "Meeting notes pilot",
        people=people,
        path_id=everyday_path(services),
        criteria=CRITERIA,
        starts_on=STARTS_ON,
        ends_on=ENDS_ON,
    )
    services.pilots.set_status(pilot_id, "running")
    ids = [row.id for row in services.pilots.participants(pilot_id)]
    for week in range(1, 5):
        services.pilot_tracking.record_week(
            pilot_id, week, [CheckInEntry(i, 2 if n < 3 else 0) for n, i in enumerate(ids)]
        )
    services.pilot_tracking.save_feedback(
        pilot_id,
        [FeedbackInput(i, s, None) for i, s in zip(ids, (5, 4, 4, 5, 4, 4), strict=True)],
    )
    return pilot_id


def open_results(qtbot, page: PilotsAreaPage) -> ResultsTab:
    """Add the Results tab as the main window does and click it."""
    tabs = page.detail.tabs
    results = ResultsTab(page.services, page.bridge, tabs)
    index = page.add_tab(results, "Res&ults")
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    qtbot.waitUntil(lambda: results.isVisible() and results.is_ready(), timeout=10_000)
    return results


def verdicts(results: ResultsTab) -> list[tuple[str, str]]:
    model = results.criteria.criteria_model
    return [
        (
            model.index(row, CriteriaModel.VERDICT).data(),
            model.index(row, CriteriaModel.VERDICT).data(VERDICT_ROLE),
        )
        for row in range(model.rowCount())
    ]


def test_a_running_pilot_shows_its_results_so_far_and_ending_it_judges_them(
    qtbot, services: AppServices
):
    pilot_id = running_pilot(services)
    page = show_page(qtbot, services)
    click_pilot(qtbot, page, "Meeting notes pilot")
    results = open_results(qtbot, page)

    ends = date_text(ENDS_ON)
    assert results.verdict_text() == (
        f"Running, week 4 of 10: 1 criterion on track so far, 2 judged when the pilot ends "
        f"on {ends}."
    )
    assert verdicts(results) == [
        ("not yet judged", "in_progress"),
        ("on track so far", "in_progress"),
        ("not yet judged", "in_progress"),
    ]
    model = results.criteria.criteria_model
    assert model.index(0, CriteriaModel.RESULT).data() == "0 % so far"
    assert (
        model.index(2, CriteriaModel.SENTENCE)
        .data()
        .startswith("Judged from week 8 (in 4 weeks) until the pilot ends on")
    )
    assert results.stage_note.isVisible()
    assert "Nothing is judged before the pilot ends" in results.stage_note.text()
    assert not results.decide_button.isVisible()
    assert (
        results.decision_text()
        == f"No decision yet: it is taken once the pilot has ended, on {ends}."
    )

    # End it early from the header: the same figures are now judged.
    click(qtbot, page.detail.end_button)
    click(qtbot, box_button(only_box(qtbot, page), "confirm_status"))
    assert services.pilots.pilot(pilot_id).status == "evaluating"
    # 0 of 6 finished < 80 %: not met; 4.33 >= 4: met; nobody from week 8 on: not enough data.
    qtbot.waitUntil(
        lambda: (
            results.verdict_text() == "1 of 3 success criteria met, 1 not met; "
            "1 has not enough data yet."
        ),
        timeout=10_000,
    )
    assert [role for _word, role in verdicts(results)] == ["not_met", "met", "not_enough_data"]
    assert results.decide_button.isVisible() and results.stage_note.isHidden()
    assert results.decision_text() == "No decision recorded yet: scale up, adjust or stop."


def test_a_pilot_running_past_its_planned_end_is_judged_and_asks_to_be_ended(
    qtbot, services: AppServices
):
    pilot_id = running_pilot(services)
    services.pilots.save_pilot(
        _with_end(services, pilot_id, date.today() - timedelta(days=1)), pilot_id
    )
    page = show_page(qtbot, services)
    click_pilot(qtbot, page, "Meeting notes pilot")
    model = page.list.model
    assert "Running, past its planned end" in model.facts(model.pilot_at(0))
    assert "past its planned end" in page.detail.status.text()
    assert page.detail.next_step.text().startswith("Its planned end has passed")
    assert page.detail.end_button.isVisible()

    results = open_results(qtbot, page)
    assert (
        results.verdict_text()
        == "1 of 3 success criteria met, 1 not met; 1 has not enough data yet."
    )
    assert "has passed, so the criteria are judged as the figures stand" in (
        results.stage_note.text()
    )
    assert results.decide_button.isVisible()


def _with_end(services: AppServices, pilot_id: int, ends_on: date) -> PilotInput:
    """The pilot's saved form with another planned end date."""
    details = services.pilots.pilot(pilot_id)
    return PilotInput(
        name=details.name,
        purpose=details.purpose,
        starts_on=details.starts_on,
        ends_on=ends_on,
        objective_ids=details.objective_ids,
        path_ids=details.path_ids,
        tools=details.tools,
        criteria=details.criteria,
        target_population=details.target_population,
    )
