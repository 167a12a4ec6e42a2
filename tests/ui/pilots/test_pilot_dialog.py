"""The pilot editor driven from the keyboard: a new pilot typed in with its dates, path,
tools and a criterion's threshold changed, saved with Enter; mistakes shown next to the field
with nothing saved; criteria added and removed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateEdit, QListWidget

from app.context import AppServices
from app.pilots.criteria import Criterion
from tests.app.skills_people import add_department_people
from tests.ui.pilots.test_area_page import (
    adviser_role,
    click,
    editor,
    everyday_path,
    make_pilot,
    show_page,
)
from ui.pilots.area_page import PilotsAreaPage
from ui.pilots.pilot_dialog import PilotDialog

pytestmark = pytest.mark.database


@pytest.fixture
def open_page(qtbot, services: AppServices) -> Callable[[], PilotsAreaPage]:
    return lambda: show_page(qtbot, services)


def type_date(qtbot, edit: QDateEdit, text: str) -> None:
    """Type a date such as "2 Mar 2027" into its day, month and year, one after the other."""
    edit.setFocus()
    sections = (
        QDateEdit.Section.DaySection,
        QDateEdit.Section.MonthSection,
        QDateEdit.Section.YearSection,
    )
    for section, part in zip(sections, text.split(), strict=True):
        edit.setSelectedSection(section)
        qtbot.keyClicks(edit, part)


def tick(qtbot, view: QListWidget, text: str) -> None:
    """Move to the item called ``text`` with the keyboard and tick it with Space."""
    view.setFocus()
    items = view.findItems(text, Qt.MatchFlag.MatchExactly)
    assert items, f"{text!r} is not in the list"
    view.setCurrentItem(items[0])
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert items[0].checkState() == Qt.CheckState.Checked


def open_new(qtbot, open_page) -> tuple[PilotsAreaPage, PilotDialog]:
    page = open_page()
    click(qtbot, page.start_button if page.is_empty_state_shown() else page.list.new_button)
    return page, editor(qtbot, page)


def test_a_new_pilot_typed_in_is_saved_with_enter_and_its_criteria(
    qtbot, open_page, services: AppServices
):
    add_department_people(services, "Sales", 7, adviser_role(services))
    path_id = everyday_path(services)
    page, dialog = open_new(qtbot, open_page)
    assert dialog.target_population.value() == 7  # everyone active, by default
    assert [line.criterion() for line in dialog.criteria.lines] == [
        Criterion("completion", 80.0),
        Criterion("satisfaction", 4.0),
        Criterion("time_saved", 15.0),
        Criterion("weekly_active", 60.0, 8),
    ]

    qtbot.keyClicks(dialog.name, "Copilot for sales")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    assert dialog.purpose.hasFocus()
    qtbot.keyClicks(dialog.purpose, "Show the time saved on proposals")
    type_date(qtbot, dialog.starts_on, "2 Mar 2027")
    type_date(qtbot, dialog.ends_on, "25 May 2027")
    tick(qtbot, dialog.paths, "Everyday AI")
    dialog.tools.setFocus()
    qtbot.keyClicks(dialog.tools, "Microsoft Copilot")
    qtbot.keyClick(dialog.tools, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.tools, "ChatGPT Enterprise")
    completion = dialog.criteria.line_for("completion")
    assert completion is not None
    assert completion.threshold.suffix() == " %"
    assert completion.threshold.maximum() == 100
    completion.threshold.setFocus()
    completion.threshold.selectAll()
    qtbot.keyClicks(completion.threshold, "90")
    satisfaction = dialog.criteria.line_for("satisfaction")
    assert satisfaction is not None and satisfaction.threshold.suffix() == " out of 5"
    qtbot.keyClick(satisfaction.threshold, Qt.Key.Key_Up)  # 4.0 → 4.1, a step of 0.1
    qtbot.keyClick(completion.threshold, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None)

    [row] = services.pilots.pilots()
    details = services.pilots.pilot(row.id)
    assert details.name == "Copilot for sales"
    assert details.purpose == "Show the time saved on proposals"
    assert (details.starts_on, details.ends_on) == (date(2027, 3, 2), date(2027, 5, 25))
    assert details.path_ids == (path_id,)
    assert details.tools == ("Microsoft Copilot", "ChatGPT Enterprise")
    assert details.target_population == 7
    assert details.criteria == (
        Criterion("completion", 90.0),
        Criterion("satisfaction", 4.1),
        Criterion("time_saved", 15.0),
        Criterion("weekly_active", 60.0, 8),
    )
    assert page.detail.pilot_id == row.id
    assert page.focusWidget() is page.list.view  # back on the list, ready for the keyboard


def test_a_pilot_without_a_name_is_refused_next_to_the_name_and_nothing_is_saved(
    qtbot, open_page, services: AppServices
):
    page, dialog = open_new(qtbot, open_page)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.error_text("name") == "Give the pilot a name."
    assert dialog.name.hasFocus()
    assert services.pilots.pilots() == []
    qtbot.keyClicks(dialog.name, "M")
    assert dialog.error_text("name") == ""  # typing clears the message
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.dialog is None)
    assert services.pilots.pilots() == []


def test_an_end_before_the_start_is_shown_by_the_dates(qtbot, open_page, services: AppServices):
    _page, dialog = open_new(qtbot, open_page)
    qtbot.keyClicks(dialog.name, "Meeting notes")
    type_date(qtbot, dialog.starts_on, "2 Mar 2027")
    type_date(qtbot, dialog.ends_on, "1 Feb 2027")
    qtbot.keyClick(dialog.ends_on, Qt.Key.Key_Return)
    assert dialog.error_text("ends_on") == "The pilot must end after it starts."
    assert dialog.ends_on.hasFocus()
    assert services.pilots.pilots() == []
    type_date(qtbot, dialog.ends_on, "4 May 2027")
    assert dialog.error_text("ends_on") == ""
    qtbot.keyClick(dialog.ends_on, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    [row] = services.pilots.pilots()
    assert row.ends_on == date(2027, 5, 4)


def test_a_criterion_added_from_the_menu_and_one_removed_are_saved(
    qtbot, open_page, services: AppServices
):
    pilot_id = make_pilot(services, "Meeting notes", criteria=(Criterion("completion", 80.0),))
    page = open_page()
    page.list.view.setFocus()
    qtbot.keyClick(page.list.view, Qt.Key.Key_Return)
    dialog = editor(qtbot, page)
    assert not dialog.criteria.locked
    measures = [a.data() for a in _menu_actions(dialog)]
    assert "completion" not in measures  # a measure has one criterion at most
    line = dialog.criteria.add_measure("recommend")
    assert line.threshold.hasFocus()
    assert line.threshold.suffix() == " out of 10"
    assert (line.threshold.minimum(), line.threshold.maximum()) == (0, 10)
    qtbot.keyClicks(line.threshold, "8")
    weekly = dialog.criteria.add_measure("weekly_active")
    assert weekly.from_week.isVisible()
    weekly.from_week.setFocus()
    weekly.from_week.selectAll()
    qtbot.keyClicks(weekly.from_week, "6")
    completion = dialog.criteria.line_for("completion")
    assert completion is not None
    click(qtbot, completion.remove_button)
    qtbot.keyClick(weekly.from_week, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None)
    assert services.pilots.pilot(pilot_id).criteria == (
        Criterion("recommend", 8.0),
        Criterion("weekly_active", 60.0, 6),
    )


def test_changing_a_lines_measure_brings_its_unit_and_usual_threshold(
    qtbot, open_page, services: AppServices
):
    _page, dialog = open_new(qtbot, open_page)
    line = dialog.criteria.line_for("time_saved")
    assert line is not None
    line.measure.setFocus()
    index = line.measure.findData("learning_gain")
    line.measure.setCurrentIndex(index)
    assert line.threshold.suffix() == " points"
    assert (line.threshold.minimum(), line.threshold.maximum()) == (-100, 100)
    assert line.criterion() == Criterion("learning_gain", 10.0)
    assert "knowledge-check" in line.hint.text()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)


def test_a_repeated_measure_is_refused_under_the_criteria(qtbot, open_page, services: AppServices):
    _page, dialog = open_new(qtbot, open_page)
    qtbot.keyClicks(dialog.name, "Meeting notes")
    line = dialog.criteria.line_for("time_saved")
    assert line is not None
    line.measure.setCurrentIndex(line.measure.findData("completion"))
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.error_text("criteria") == (
        "Each measure can have one success criterion; remove the repeated one."
    )
    assert services.pilots.pilots() == []
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)


def test_the_objectives_ticked_are_saved_with_the_pilot(qtbot, open_page, services: AppServices):
    from app.objectives.model import ObjectiveInput

    services.objectives.save_objective(ObjectiveInput("Faster customer replies"))
    wanted = services.objectives.save_objective(ObjectiveInput("Fewer errors in claims"))
    _page, dialog = open_new(qtbot, open_page)
    assert dialog.objectives.isVisible()
    qtbot.keyClicks(dialog.name, "Claims assistant")
    tick(qtbot, dialog.objectives, "Fewer errors in claims")
    qtbot.keyClick(dialog.objectives, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    [row] = services.pilots.pilots()
    details = services.pilots.pilot(row.id)
    assert details.objective_ids == (wanted,)
    assert details.objective_titles == ("Fewer errors in claims",)


def _menu_actions(dialog: PilotDialog) -> list:
    dialog.criteria._fill_menu()
    return dialog.criteria.add_menu.actions()
