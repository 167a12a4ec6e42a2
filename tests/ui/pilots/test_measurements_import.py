"""Importing check-ins through the dialog: the columns guessed, every bad row listed with its
row number, Import refused until the good rows are chosen, the result said in a sentence,
and the tab showing what was imported."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt

from app.pilots.tracking_import_model import ImportKind, TrackingField
from tests.ui.pilots.measurement_typing import bridge, pilot, tab
from ui.pilots.check_in_grid import CheckInModel
from ui.pilots.tracking_import_dialog import TrackingImportDialog

pytestmark = pytest.mark.database

__all__ = ["bridge", "pilot", "tab"]  # fixtures used by name


def check_in_file(folder: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Check-ins"
    for row in (
        ["Weekly check-ins, customer care pilot"],
        [],
        ["Employee number", "Week", "Days used", "Features used", "Hours learning"],
        ["E-001", 7, 4, "Drafting text, Meeting notes", 1],
        ["E-002", 7, 9, "", ""],
        ["E-099", 7, 3, "", ""],
        ["E-003", 7, 2, "Summarising", 0.5],
    ):
        sheet.append(row)
    path = folder / "check-ins.xlsx"
    book.save(path)
    return path


def open_dialog(qtbot, tab, kind: ImportKind) -> TrackingImportDialog:
    section = tab.show_section(kind)
    qtbot.mouseClick(section.import_button, Qt.MouseButton.LeftButton)
    dialog = tab.import_dialog
    assert isinstance(dialog, TrackingImportDialog)
    return dialog


def test_check_ins_are_imported_through_the_dialog_after_choosing_the_good_rows(
    qtbot, services, tab, pilot, tmp_path
):
    dialog = open_dialog(qtbot, tab, ImportKind.CHECK_INS)
    path = check_in_file(tmp_path)
    dialog.choose_file_path = lambda: str(path)
    with qtbot.waitSignal(
        dialog.step_finished, check_params_cb=lambda step: step == "check", timeout=10_000
    ):
        qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)

    assert dialog.combos[TrackingField.DAYS_USED].currentText() == "Days used"
    assert dialog.combos[TrackingField.PERSON].currentText() == "Employee number"
    assert dialog.headline.text() == (
        "2 rows have problems; nothing will be saved until they are fixed."
    )
    problems = dialog.problems_model
    listed = [
        (problems.problem(r).row, problems.problem(r).message) for r in range(problems.rowCount())
    ]
    assert listed == [
        (5, "Days used is a whole number from 0 to 7, not 9."),
        (
            6,
            "Omar Haddad is not a participant of this pilot. Add them to the cohort first, "
            "or take the row out.",
        ),
    ]
    assert dialog.good_model.rowCount() == 2
    assert not dialog.import_button.isEnabled()
    assert dialog.skip_bad.text() == (
        "Import the 2 good rows and leave out the 2 rows with problems"
    )

    box = dialog.skip_bad
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(
        dialog.step_finished, check_params_cb=lambda step: step == "import", timeout=10_000
    ):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.result_label.text() == (
        "Imported 2 check-ins for 2 participants (week 7). "
        "2 rows with problems were left out, as you chose."
    )
    ana, _bjorn, chloe, _dev = pilot.participant_ids
    saved = {
        row.participant_id: (row.week, row.days_used, row.features, row.learning_hours)
        for row in services.pilot_tracking.check_ins(pilot.pilot_id)
    }
    assert saved == {
        ana: (7, 4, ("drafting", "meeting_notes"), 1.0),
        chloe: (7, 2, ("summarising",), 0.5),
    }

    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    grid = tab.check_ins.grid
    qtbot.waitUntil(lambda: grid.data(grid.index(0, CheckInModel.DAYS)) == "4")
    assert tab.import_dialog is None


def test_nothing_is_imported_while_a_row_is_bad_and_the_good_rows_are_not_chosen(
    qtbot, services, tab, pilot, tmp_path
):
    dialog = open_dialog(qtbot, tab, ImportKind.CHECK_INS)
    dialog.choose_file_path = lambda: str(check_in_file(tmp_path))
    with qtbot.waitSignal(
        dialog.step_finished, check_params_cb=lambda step: step == "check", timeout=10_000
    ):
        dialog.browse()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter does not import a file with bad rows
    qtbot.wait(50)
    assert dialog.result_ is None
    assert services.pilot_tracking.check_ins(pilot.pilot_id) == []
    dialog.reject()


def test_choosing_another_column_checks_the_file_again(qtbot, services, tab, pilot, tmp_path):
    csv = tmp_path / "quiz.csv"
    csv.write_text("Who,First try,Second try\nE-001,55,80\nE-002,60,\n", encoding="utf-8")
    dialog = open_dialog(qtbot, tab, ImportKind.KNOWLEDGE)
    dialog.choose_file_path = lambda: str(csv)
    with qtbot.waitSignal(
        dialog.step_finished, check_params_cb=lambda step: step == "check", timeout=10_000
    ):
        dialog.browse()
    assert "Choose the column that holds" in dialog.error.text()
    assert not dialog.import_button.isEnabled()

    assert dialog.combos[TrackingField.PERSON].currentText() == "Who"
    before = dialog.combos[TrackingField.KNOWLEDGE_BEFORE]
    with qtbot.waitSignal(dialog.step_finished, timeout=10_000):
        qtbot.keyClicks(before, "F")  # a letter picks the first column starting with it
    assert before.currentText() == "First try"
    after = dialog.combos[TrackingField.KNOWLEDGE_AFTER]
    with qtbot.waitSignal(dialog.step_finished, timeout=10_000):
        qtbot.keyClicks(after, "S")
    assert dialog.headline.text() == "All 2 rows can be imported."
    with qtbot.waitSignal(
        dialog.step_finished, check_params_cb=lambda step: step == "import", timeout=10_000
    ):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.result_label.text() == "Imported knowledge check scores for 2 participants."
    scores = services.pilot_tracking.scores(pilot.pilot_id, "knowledge")
    assert [(r.before, r.after) for r in scores] == [(55.0, 80.0), (60.0, None)]
    dialog.reject()
