"""The progress grid: a whole workshop of 25 people marked done at once through Mark…, the
D / I keys on selected cells, a skipped module's reason in its tooltip, and the grid following
changes made elsewhere."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDateTimeEdit

from app.context import AppServices
from app.skills.service import CampaignSetup, RatingEntry
from db.models import Rater, Track
from tests.app.skills_people import add_department_people
from ui.change_bridge import ChangeBridge
from ui.paths.progress_model import STATUS_ROLE, ProgressModel
from ui.paths.progress_tab import ProgressTab

pytestmark = pytest.mark.database

SCREENSHOT = Path("/tmp/shots_assign/test_progress_tab.png")


@pytest.fixture
def bridge(services: AppServices) -> Iterator[ChangeBridge]:
    relay = ChangeBridge(services.changes)
    yield relay
    relay.detach()


@pytest.fixture
def workshop(services: AppServices) -> dict:
    """25 people in Claims and 5 in Sales on the frontline awareness path; Sales0 was rated
    proficient in AI literacy and responsible use, so they skip the essentials module."""
    agent = services.organisation.add_role("Agent", Track.FRONTLINE)
    claims = add_department_people(services, "Claims", 25, agent)
    sales = add_department_people(services, "Sales", 5, agent)
    survey = services.skills.create_campaign(CampaignSetup("Spring survey", date(2026, 3, 2)))
    services.skills.record_many(
        survey,
        [
            RatingEntry(sales[0], "ai_literacy", Rater.SELF, 3),
            RatingEntry(sales[0], "responsible_use", Rater.SELF, 3),
        ],
    )
    path = services.paths.create_from_template("frontline_awareness", "Everyday AI")
    services.suggestions.assign(path, claims + sales, starts_on=date(2026, 1, 5))
    return {"claims": claims, "sales": sales, "path": path}


@pytest.fixture
def shown_tab(qtbot, services: AppServices, bridge: ChangeBridge):
    def opener() -> ProgressTab:
        tab = ProgressTab(services, None, bridge)
        qtbot.addWidget(tab)
        tab.resize(1300, 900)
        tab.show()
        qtbot.waitExposed(tab)
        return tab

    return opener


def cell(tab: ProgressTab, person: int, key: str) -> QModelIndex:
    row = tab.model.row_of(person)
    assert row is not None
    return tab.model.index(row, tab.model.module_column(key))


def click_cell(qtbot, tab: ProgressTab, index: QModelIndex, *, shift: bool = False) -> None:
    """Click a cell (scrolled into view), with Shift held to extend the selection."""
    tab.table.scrollTo(index)
    rect = tab.table.visualRect(index)
    held = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, held, rect.center())


def choose_department(qtbot, tab: ProgressTab, name: str) -> None:
    tab.department.setFocus()
    qtbot.keyClicks(tab.department, name)
    assert tab.department.currentText() == name


def test_a_workshop_of_25_people_is_marked_done_at_once_with_its_date_and_score(
    qtbot, services: AppServices, workshop, shown_tab
) -> None:
    path, claims, sales = workshop["path"], workshop["claims"], workshop["sales"]
    tab = shown_tab()
    assert tab.picker.currentText() == "Everyday AI (30 people)"
    assert tab.summary.text() == "30 people · 0 % of modules done · 0 overdue"
    choose_department(qtbot, tab, "Claims")
    assert tab.model.rowCount() == 25

    first = tab.model.index(0, tab.model.module_column("prompt_basics"))
    last = tab.model.index(24, tab.model.module_column("prompt_basics"))
    click_cell(qtbot, tab, first)
    click_cell(qtbot, tab, last, shift=True)
    people, module = tab.chosen()
    assert sorted(people) == sorted(claims) and module == "prompt_basics"
    assert tab.hint.text().startswith(
        "25 people chosen in “Prompting basics: asking for what you need”"
    )
    qtbot.mouseClick(tab.mark_button, Qt.MouseButton.LeftButton)

    dialog = tab.mark_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.chosen_status() == "completed"
    dialog.done_on.setFocus()
    dialog.done_on.setCurrentSection(QDateTimeEdit.Section.YearSection)
    qtbot.keyClick(dialog.done_on, Qt.Key.Key_Down)  # the workshop was last year
    held_on = dialog.chosen_date()
    assert held_on is not None and held_on.year == date.today().year - 1
    dialog.score.setFocus()
    dialog.score.selectAll()
    qtbot.keyClicks(dialog.score, "85")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    progress = {p.person_id: p for p in services.path_progress.progress(path)}
    for person in claims:
        assert progress[person].statuses["prompt_basics"] == "completed"
        assert progress[person].completed_on["prompt_basics"] == held_on
        assert progress[person].scores["prompt_basics"] == 85
    for person in sales:
        assert progress[person].statuses["prompt_basics"] == "not_started"
    assert tab.summary.text() == "25 people · 17 % of modules done · 0 overdue"
    assert tab.feedback.text() == (
        "“Prompting basics: asking for what you need”: 25 people marked done (25 changed)."
    )
    assert len(tab.chosen()[0]) == 25, "the cells stay selected after marking"
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    tab.grab().save(str(SCREENSHOT))


def test_typing_d_marks_the_selected_cells_done_today_and_i_in_progress(
    qtbot, services: AppServices, workshop, shown_tab
) -> None:
    path, sales = workshop["path"], workshop["sales"]
    tab = shown_tab()
    choose_department(qtbot, tab, "Sales")
    assert "type D for done today, I for in progress, N for not started" in tab.hint.text()
    click_cell(qtbot, tab, cell(tab, sales[1], "ai_clinic"))
    click_cell(qtbot, tab, cell(tab, sales[4], "ai_clinic"), shift=True)
    qtbot.keyClick(tab.table, Qt.Key.Key_D)

    progress = {p.person_id: p for p in services.path_progress.progress(path)}
    for person in sales[1:]:
        assert progress[person].statuses["ai_clinic"] == "completed"
        assert progress[person].completed_on["ai_clinic"] == date.today()
    assert progress[sales[0]].statuses["ai_clinic"] == "not_started"
    assert cell(tab, sales[2], "ai_clinic").data(STATUS_ROLE) == "completed"

    click_cell(qtbot, tab, cell(tab, sales[2], "ai_clinic"))
    qtbot.keyClick(tab.table, Qt.Key.Key_I)
    progress = {p.person_id: p for p in services.path_progress.progress(path)}
    assert progress[sales[2]].statuses["ai_clinic"] == "in_progress"
    assert "ai_clinic" not in progress[sales[2]].completed_on


def test_a_skipped_cell_says_why_and_the_grid_follows_changes_made_elsewhere(
    qtbot, services: AppServices, workshop, shown_tab
) -> None:
    path, sales = workshop["path"], workshop["sales"]
    tab = shown_tab()
    skipped = cell(tab, sales[0], "ai_foundations")
    assert skipped.data(STATUS_ROLE) == "skipped"
    assert skipped.data() == "skipped"
    [reason] = [s.reason for s in services.suggestions.suggestion(sales[0], path).skipped]
    assert reason.startswith("Skips “AI at work: the essentials”: already at that level in")
    assert skipped.data(Qt.ItemDataRole.ToolTipRole) == f"Skipped. {reason}"
    header = tab.model.headerData(
        tab.model.module_column("ai_foundations"),
        Qt.Orientation.Horizontal,
        Qt.ItemDataRole.ToolTipRole,
    )
    assert header == "AI at work: the essentials\nE-learning, 1.5 h"

    services.path_progress.set_progress(
        path, [sales[3]], "how_ai_answers", "completed", on=date(2026, 2, 2), score=70
    )
    qtbot.waitUntil(lambda: not tab.refresh_pending())
    done = cell(tab, sales[3], "how_ai_answers")
    assert done.data(STATUS_ROLE) == "completed"
    assert done.data(Qt.ItemDataRole.ToolTipRole) == "Done on 2 Feb 2026, score 70 %"


def test_the_progress_model_passes_qtmodeltester(qtmodeltester, services, workshop) -> None:
    modules = {m.key: m for m in services.paths.modules()}
    keys = services.paths.path(workshop["path"]).layout.module_keys()
    model = ProgressModel()
    model.set_progress(
        [modules[k] for k in keys], services.path_progress.progress(workshop["path"])
    )
    qtmodeltester.check(model)
    model.set_filter("Sales", "sales1")
    qtmodeltester.check(model)
    assert model.rowCount() == 1


def test_with_no_one_on_a_path_the_tab_says_what_to_do_first(qtbot, services, shown_tab) -> None:
    services.paths.create_from_template("frontline_awareness")
    tab = shown_tab()
    assert tab.stack.currentWidget() is tab.empty_state
    assert tab.empty_state.title.text() == "No one follows a learning path yet"
