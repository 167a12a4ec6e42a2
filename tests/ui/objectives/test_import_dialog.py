"""Import readings from the Objectives page: the file is checked first (bad rows listed with
their numbers, nothing saved), columns can be re-chosen, and Import records the good rows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.context import AppServices
from app.objectives.readings_model import ReadingField
from tests.ui.objectives.objectives_data import START, add_hours_objective
from ui.change_bridge import ChangeBridge
from ui.objectives.area_page import ObjectivesAreaPage
from ui.objectives.readings_import_dialog import ReadingsImportDialog
from ui.worker import BackgroundTask

pytestmark = pytest.mark.database

STEP_TIMEOUT_MS = 30_000


@pytest.fixture
def bridge(services: AppServices) -> Iterator[ChangeBridge]:
    relay = ChangeBridge(services.changes)
    yield relay
    relay.detach()


def day(offset: int) -> datetime:
    return datetime.combine(START + timedelta(days=offset), datetime.min.time())


def messy_file(folder: Path) -> Path:
    book = Workbook()
    sheet = book.active
    for row in (
        ["KPI", "As of", "Actual", "Comments"],
        ["Hours saved per week", day(30), 80, "first survey"],
        ["Hours saved per week", "31/02/2026", 100, None],
        [None, None, None, None],
        ["Hours saved per week", day(90), "about a hundred", None],
        ["Hours saved per wek", day(120), 130, None],
        ["hours saved PER week", day(150), "150", "after the workshops"],
    ):
        sheet.append(row)
    path = folder / "readings.xlsx"
    book.save(path)
    return path


def import_and_settle(qtbot, dialog: ReadingsImportDialog) -> None:
    """Press Import and wait until the import is shown and its background task is gone."""
    with qtbot.waitSignal(dialog.step_finished, timeout=STEP_TIMEOUT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.findChildren(BackgroundTask))


def open_import(qtbot, page: ObjectivesAreaPage, path: Path) -> ReadingsImportDialog:
    """Press Import readings… and choose ``path`` (the file dialog itself is replaced)."""
    page.choose_file_path = lambda: str(path)  # type: ignore[method-assign]
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, ReadingsImportDialog)
    qtbot.waitUntil(
        lambda: dialog.busy is None and (dialog.plan is not None or bool(dialog.error.text())),
        timeout=STEP_TIMEOUT_MS,
    )
    qtbot.waitUntil(lambda: not dialog.findChildren(BackgroundTask))  # its clean-up is queued
    return dialog


def test_a_messy_file_is_checked_first_and_only_the_good_rows_are_imported_when_chosen(
    qtbot, services: AppServices, bridge: ChangeBridge, tmp_path: Path
):
    _objective, metric = add_hours_objective(services)
    page = ObjectivesAreaPage(services, bridge)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)

    dialog = open_import(qtbot, page, messy_file(tmp_path))

    assert dialog.columns[ReadingField.METRIC].currentText() == "KPI"
    assert dialog.columns[ReadingField.DATE].currentText() == "As of"
    assert dialog.headline.text() == (
        "3 rows have problems; nothing will be saved until they are fixed."
    )
    model = dialog.problems_model
    listed = [(model.problem(r).row, model.problem(r).column) for r in range(model.rowCount())]
    assert listed == [(3, "As of"), (5, "Actual"), (6, "KPI")]
    assert "Did you mean “Hours saved per week”?" in model.problem(2).message
    assert dialog.rows_model.rowCount() == 2
    assert not dialog.import_button.isEnabled()
    assert services.objectives.metric(metric).readings == ()

    dialog.skip_bad.setFocus()
    qtbot.keyClick(dialog.skip_bad, Qt.Key.Key_Space)
    assert dialog.import_button.isEnabled()
    import_and_settle(qtbot, dialog)
    assert dialog.headline.text() == ("Imported: 2 new readings, 0 corrected, 0 already recorded.")
    assert dialog.counts.text() == "3 rows with problems were left out."
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    assert dialog.result() == QDialog.DialogCode.Accepted
    readings = services.objectives.metric(metric).readings
    assert [(r.measured_on, r.value, r.note) for r in readings] == [
        (START + timedelta(days=30), 80, "first survey"),
        (START + timedelta(days=150), 150, "after the workshops"),
    ]
    assert page.notice.text() == (
        "Imported from readings.xlsx: 2 new readings, 0 corrected, 0 already recorded."
    )
    qtbot.waitUntil(lambda: not page.refresh_pending())
    page.choose(("metric", metric))
    assert page.metric_panel.sentence.startswith("Hours saved per week: 150 of 400 hours")


def test_choosing_another_column_checks_the_file_again(
    qtbot, services: AppServices, bridge: ChangeBridge, tmp_path: Path
):
    _objective, metric = add_hours_objective(services)
    book = Workbook()
    sheet = book.active
    sheet.append(["Metric", "Date", "Score", "Team"])
    sheet.append(["Hours saved per week", day(10), 12, "Finance"])
    path = tmp_path / "odd.xlsx"
    book.save(path)
    page = ObjectivesAreaPage(services, bridge)
    qtbot.addWidget(page)
    page.show()

    dialog = open_import(qtbot, page, path)
    value_box = dialog.columns[ReadingField.VALUE]
    assert value_box.currentText() == "Score"  # a weak guess, but a guess
    with qtbot.waitSignal(dialog.step_finished, timeout=STEP_TIMEOUT_MS):
        value_box.setCurrentIndex(value_box.findText("Choose…"))
    assert "Choose the column that holds: Value" in dialog.error.text()
    assert not dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.step_finished, timeout=STEP_TIMEOUT_MS):
        value_box.setCurrentIndex(value_box.findText("Score"))
    assert dialog.headline.text() == "All 1 rows can be imported."
    import_and_settle(qtbot, dialog)
    assert [r.value for r in services.objectives.metric(metric).readings] == [12]
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.cancel_button.text() == "Close"


def test_a_file_that_is_not_a_spreadsheet_gets_a_message_on_the_dialog(
    qtbot, services: AppServices, bridge: ChangeBridge, tmp_path: Path
):
    add_hours_objective(services)
    path = tmp_path / "readings.xlsx"
    path.write_text("this is not a workbook", encoding="utf-8")
    page = ObjectivesAreaPage(services, bridge)
    qtbot.addWidget(page)
    page.show()
    dialog = open_import(qtbot, page, path)
    assert "is not an Excel workbook" in dialog.error.text()
    assert not dialog.import_button.isEnabled()
    dialog.reject()
