"""Fixtures for the People page tests: the page over a fresh database, and helpers to drive it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from app.context import AppServices
from app.services.people import PersonInput
from ui.change_bridge import ChangeBridge
from ui.people.import_dialog import ImportDialog
from ui.people.people_page import PeoplePage

STEP_TIMEOUT_MS = 60_000


@pytest.fixture
def bridge(services: AppServices) -> Iterator[ChangeBridge]:
    relay = ChangeBridge(services.changes)
    yield relay
    relay.detach()


@pytest.fixture
def page(services: AppServices, bridge: ChangeBridge, qtbot) -> PeoplePage:
    widget = PeoplePage(services, bridge)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def add_people(services: AppServices, count: int = 3) -> list[int]:
    department = services.organisation.add_department("Finance")
    return [
        services.people.add(
            PersonInput(
                first_name=f"Person{n}",
                last_name="Example",
                employee_number=f"E{n:03}",
                email=f"person{n}@example.org",
                department_id=department,
            )
        )
        for n in range(1, count + 1)
    ]


def click_next(qtbot, dialog: ImportDialog, *, waits_for_step: bool = True) -> None:
    """Press the wizard's Next button; wait for the background step that page starts."""
    button = dialog.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), f"Next is disabled on page {dialog.currentId()}"
    if waits_for_step:
        with qtbot.waitSignal(dialog.step_finished, timeout=STEP_TIMEOUT_MS):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    else:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_file(qtbot, dialog: ImportDialog, path: Path) -> None:
    """Choose ``path`` through the Choose file… button (the file dialog itself is replaced)."""
    dialog.choose_file_path = lambda: str(path)  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.step_finished, timeout=STEP_TIMEOUT_MS):
        qtbot.mouseClick(dialog.file_page.browse_button, Qt.MouseButton.LeftButton)


def start_import(qtbot, page: PeoplePage, path: Path) -> ImportDialog:
    """Open the wizard from the page's button and go as far as the check page."""
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    dialog = page.import_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    open_file(qtbot, dialog, path)
    click_next(qtbot, dialog)  # reads the sheet
    assert dialog.currentId() == ImportDialog.SHEET
    click_next(qtbot, dialog, waits_for_step=False)  # mapping page (no background work)
    assert dialog.currentId() == ImportDialog.MAPPING
    click_next(qtbot, dialog)  # checks every row
    assert dialog.currentId() == ImportDialog.CHECK
    return dialog


def finish_import(qtbot, dialog: ImportDialog) -> None:
    click_next(qtbot, dialog)  # imports
    qtbot.waitUntil(lambda: dialog.currentId() == ImportDialog.SUMMARY, timeout=STEP_TIMEOUT_MS)
    qtbot.mouseClick(dialog.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
