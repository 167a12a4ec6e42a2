"""The assign dialog: choosing a department or ticking people, the live count and preview, and
what assigning stores (each person's trimmed path, the skipped module with its reason)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QDateTimeEdit, QDialog, QPushButton, QWidget

from app.context import AppServices
from app.skills.service import CampaignSetup, RatingEntry
from db.models import Rater, Track
from tests.app.skills_people import add_department_people
from ui.paths.assign_dialog import AssignDialog
from ui.paths.assign_preview import AssignPreviewModel

pytestmark = pytest.mark.database

SCREENSHOT = Path("/tmp/shots_assign/test_assign_dialog.png")
SKIP_REASON_START = "Skips “AI at work: the essentials”: already at that level in"


@pytest.fixture
def organisation(services: AppServices) -> dict[str, list[int] | int]:
    """Support (6 frontline agents), Sales (5), the frontline awareness path, and one agent
    rated proficient in AI literacy and responsible use in a skills survey."""
    agent = services.organisation.add_role("Support agent", Track.FRONTLINE)
    support = add_department_people(services, "Support", 6, agent)
    sales = add_department_people(services, "Sales", 5, agent)
    path = services.paths.create_from_template("frontline_awareness", "Everyday AI")
    survey = services.skills.create_campaign(CampaignSetup("Spring survey", date(2026, 3, 2)))
    rated = support[3]
    services.skills.record_many(
        survey,
        [
            RatingEntry(rated, "ai_literacy", Rater.SELF, 3),
            RatingEntry(rated, "responsible_use", Rater.SELF, 3),
        ],
    )
    return {"support": support, "sales": sales, "path": path, "rated": rated}


@pytest.fixture
def open_dialog(qtbot, services: AppServices):
    parents: list[QWidget] = []

    def opener(path_id: int) -> AssignDialog:
        parent = QWidget()
        qtbot.addWidget(parent)
        parents.append(parent)
        dialog = AssignDialog(services, path_id, parent)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        qtbot.waitUntil(dialog.preview_ready)
        return dialog

    yield opener
    for parent in parents:
        parent.close()


def click(qtbot, widget: QWidget) -> None:
    """Click a button; radio buttons and check boxes on their box."""
    if isinstance(widget, QAbstractButton) and not isinstance(widget, QPushButton):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))
    else:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def preview_cell(dialog: AssignDialog, name: str, column: int) -> str:
    model = dialog.preview
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == name)
    return model.index(row, column).data()


def test_choosing_a_department_previews_each_person_and_assigning_stores_their_trimmed_path(
    qtbot, services: AppServices, organisation, open_dialog
) -> None:
    path = organisation["path"]
    support = organisation["support"]
    rated = organisation["rated"]
    services.suggestions.assign(path, support[:2], starts_on=date.today())
    dialog = open_dialog(path)
    assert dialog.due_on.date().toPython() == date.today() + timedelta(weeks=6)  # 11 h at 2 h

    click(qtbot, dialog.by_department)
    dialog.department.setFocus()
    qtbot.keyClicks(dialog.department, "Su")
    assert dialog.department.currentText() == "Support (6)"
    qtbot.waitUntil(dialog.preview_ready)
    assert dialog.chosen_count.text() == "6 people, 2 already follow this path"
    assert dialog.preview.rowCount() == 6
    assert preview_cell(dialog, "Support3", AssignPreviewModel.MODULES) == "5 of 6"
    assert preview_cell(dialog, "Support3", AssignPreviewModel.HOURS) == "9.5 h"
    assert preview_cell(dialog, "Support3", AssignPreviewModel.WHY).startswith(SKIP_REASON_START)
    assert preview_cell(dialog, "Support4", AssignPreviewModel.MODULES) == "6 of 6"
    assert preview_cell(dialog, "Support4", AssignPreviewModel.WHY) == (
        "Not rated in a skills survey yet: takes the whole path."
    )
    assert preview_cell(dialog, "Support0", AssignPreviewModel.WHY) == (
        "Already follows this path: not assigned again."
    )
    assert dialog.preview_status.text() == "1 of the 4 new people skip modules they do not need."

    row = next(r for r in range(6) if dialog.preview.rows[r].person_id == rated)
    rect = dialog.preview_table.visualRect(dialog.preview.index(row, 0))
    qtbot.mouseClick(dialog.preview_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    [reason] = dialog.plan.skipped_reasons
    assert reason.startswith(SKIP_REASON_START)
    assert reason in dialog.plan.toPlainText(), "the reason is shown, not only on hover"
    assert "AI at work: the essentials" not in dialog.plan.kept_titles
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SCREENSHOT))

    qtbot.keyClicks(dialog.reason, "Wave 1")
    click(qtbot, dialog.ok_button)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.outcome is not None and (dialog.outcome.new, dialog.outcome.trimmed) == (4, 1)
    assert dialog.outcome_text == (
        "Assigned to 4 people; 1 of them skip modules they do not need; 2 already followed it."
    )
    assert dialog.result_box is not None and dialog.result_box.text() == dialog.outcome_text
    dialog.result_box.done(0)
    assert sorted(services.paths.people_on(path)) == sorted(support)
    progress = {p.person_id: p for p in services.path_progress.progress(path)}
    mine = progress[rated]
    assert mine.statuses["ai_foundations"] == "skipped"
    assert mine.notes["ai_foundations"] == reason
    assert mine.modules == 5
    assert (mine.starts_on, mine.due_on) == (date.today(), date.today() + timedelta(weeks=6))
    assert set(progress[support[4]].statuses.values()) == {"not_started"}


def test_people_ticked_in_the_searchable_list_are_the_ones_assigned(
    qtbot, services: AppServices, organisation, open_dialog
) -> None:
    path = organisation["path"]
    dialog = open_dialog(path)
    click(qtbot, dialog.by_people)
    assert dialog.chosen_count.text() == "No one chosen yet."
    assert dialog.people_list.isEnabled()

    for name in ("Sales2", "Support5"):
        dialog.search.clear()
        qtbot.keyClicks(dialog.search, name)
        assert dialog.search_results.rowCount() == 1
        index = dialog.search_results.index(0, 0)
        assert index.data().startswith(f"{name} — ")
        rect = dialog.people_list.visualRect(index)
        box = QPoint(rect.left() + rect.height() // 2 + 2, rect.center().y())
        qtbot.mouseClick(dialog.people_list.viewport(), Qt.MouseButton.LeftButton, pos=box)
        assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked

    qtbot.waitUntil(dialog.preview_ready)
    assert dialog.chosen_count.text() == "2 people chosen"
    assert [row.name for row in dialog.preview.rows] == ["Sales2", "Support5"]
    click(qtbot, dialog.trim)  # whole path for both
    qtbot.waitUntil(dialog.preview_ready)
    assert dialog.preview_status.text() == "Everyone new takes the whole path."
    click(qtbot, dialog.due_check)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.outcome_text == "Assigned to 2 people."
    dialog.result_box.done(0)
    chosen = {organisation["sales"][2], organisation["support"][5]}
    assert set(services.paths.people_on(path)) == chosen
    assert all(p.due_on is None for p in services.path_progress.progress(path))


def test_a_due_date_before_the_start_or_no_one_chosen_is_refused_as_the_service_says(
    qtbot, services: AppServices, organisation, open_dialog
) -> None:
    path = organisation["path"]
    dialog = open_dialog(path)
    click(qtbot, dialog.by_department)
    dialog.due_on.setFocus()
    dialog.due_on.setCurrentSection(QDateTimeEdit.Section.YearSection)
    qtbot.keyClick(dialog.due_on, Qt.Key.Key_Down)  # a year earlier: before the start
    assert dialog.due_on.date().toPython() < dialog.starts_on.date().toPython()
    click(qtbot, dialog.ok_button)

    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error_text("due_on") == "The due date comes before the start."
    assert services.paths.people_on(path) == []

    click(qtbot, dialog.due_check)
    assert dialog.error_text("due_on") == ""
    click(qtbot, dialog.by_people)
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible()
    assert dialog.error_text("people") == "Choose who follows the path."
    assert services.paths.people_on(path) == []
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Cancel))
    assert dialog.result() == QDialog.DialogCode.Rejected
