"""The capacity tab: a month with more learning planned than the protected time is flagged in
words, changing the protected time is saved and clears it, small departments only appear
folded into "Other", and an empty data file says what comes first."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.context import AppServices
from db.models import Track
from tests.app.skills_people import add_department_people
from ui.change_bridge import ChangeBridge
from ui.paths.capacity_model import OVERLOADED_ROLE, CapacityModel
from ui.paths.capacity_tab import CapacityTab

pytestmark = pytest.mark.database

SCREENSHOT = Path("/tmp/shots_assign/test_capacity_tab.png")
MARCH = date(2027, 3, 1)


@pytest.fixture
def bridge(services: AppServices) -> Iterator[ChangeBridge]:
    relay = ChangeBridge(services.changes)
    yield relay
    relay.detach()


@pytest.fixture
def crammed(services: AppServices) -> int:
    """Claims (6 people) and Legal (2) on a 22-hour path squeezed into two weeks of March."""
    agent = services.organisation.add_role("Agent", Track.FRONTLINE)
    people = add_department_people(services, "Claims", 6, agent)
    people += add_department_people(services, "Legal", 2, agent)
    path = services.paths.create_from_template("frontline_builder", "Everyday AI")
    services.suggestions.assign(
        path, people, starts_on=date(2027, 3, 1), due_on=date(2027, 3, 14), trim_to_gaps=False
    )
    return path


@pytest.fixture
def shown_tab(qtbot, services: AppServices, bridge: ChangeBridge):
    def opener() -> CapacityTab:
        tab = CapacityTab(services, None, bridge)
        qtbot.addWidget(tab)
        tab.resize(1000, 600)
        tab.show()
        qtbot.waitExposed(tab)
        return tab

    return opener


def type_hours(qtbot, tab: CapacityTab, text: str) -> None:
    tab.hours.setFocus()
    tab.hours.selectAll()
    qtbot.keyClicks(tab.hours, text)
    qtbot.keyClick(tab.hours, Qt.Key.Key_Return)


def test_an_overloaded_month_is_flagged_and_more_protected_time_clears_it(
    qtbot, services: AppServices, crammed, shown_tab
) -> None:
    tab = shown_tab()
    assert tab.hours.value() == 2.0
    model = tab.model
    assert model.departments == ["Claims", "Other (groups under 5 people)"]
    claims = model.index(0, model.month_column(MARCH))
    assert claims.data() == "132 / 53 h · over"  # 6 × 22 h; 6 people × 2 h × 31/7 weeks
    assert claims.data(OVERLOADED_ROLE) is True
    assert claims.data(Qt.ItemDataRole.DecorationRole) is not None
    assert tab.summary.text() == "2 months over the protected time, in 2 departments"
    assert tab.overload_lines()[0] == (
        "Claims, March 2027: 132 h planned, 53 h of protected time — move some due dates or "
        "spread the path"
    )
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    tab.grab().save(str(SCREENSHOT))

    type_hours(qtbot, tab, "20")

    assert services.capacity.hours_per_week() == 20.0
    assert services.capacity.capacity().overloads == []
    claims = tab.model.index(0, tab.model.month_column(MARCH))
    assert claims.data() == "132 / 531 h"
    assert claims.data(OVERLOADED_ROLE) is False
    assert tab.overload_lines() == []
    assert tab.no_overloads.isVisible()
    assert tab.summary.text() == "Every month fits within the protected time"


def test_no_protected_time_at_all_is_refused_with_the_services_message(
    qtbot, services: AppServices, crammed, shown_tab
) -> None:
    tab = shown_tab()
    type_hours(qtbot, tab, "0")
    assert tab.hours_error.isVisible()
    assert tab.hours_error.text() == (
        "Protected learning time is more than 0 and at most 40 hours a week."
    )
    assert services.capacity.hours_per_week() == 2.0


def test_the_table_follows_assignments_made_elsewhere_and_starts_with_an_empty_state(
    qtbot, services: AppServices, shown_tab
) -> None:
    tab = shown_tab()
    assert tab.stack.currentWidget() is tab.empty_state
    assert tab.hours.isEnabled()

    agent = services.organisation.add_role("Agent", Track.FRONTLINE)
    people = add_department_people(services, "Claims", 5, agent)
    path = services.paths.create_from_template("frontline_awareness")
    services.suggestions.assign(path, people, starts_on=date(2027, 3, 1), trim_to_gaps=False)
    qtbot.waitUntil(lambda: not tab.refresh_pending())

    assert tab.stack.currentWidget() is not tab.empty_state
    assert tab.model.departments == ["Claims"]
    assert tab.overload_lines() == []


def test_the_capacity_model_passes_qtmodeltester(qtmodeltester, services, crammed) -> None:
    model = CapacityModel()
    model.set_view(services.capacity.capacity())
    qtmodeltester.check(model)
