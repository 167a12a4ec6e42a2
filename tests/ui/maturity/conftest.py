"""Fixtures and helpers for the Assessment area: the wizard driven by clicks and keys."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QWizard

from app.context import AppServices
from app.maturity.service import AssessmentSetup
from ui.change_bridge import ChangeBridge
from ui.maturity.wizard import MaturityWizard

SHOTS = Path("/tmp/shots")


@pytest.fixture
def bridge(services: AppServices) -> Iterator[ChangeBridge]:
    relay = ChangeBridge(services.changes)
    yield relay
    relay.detach()


@pytest.fixture
def open_wizard(qtbot, services: AppServices) -> Iterator:
    """Open a wizard (new, or for an assessment id) the way the app does: shown and active.

    Closed after the test unless the test destroyed it itself (see ``destroy``).
    """
    opened: list[MaturityWizard] = []

    def opener(assessment_id: int | None = None) -> MaturityWizard:
        wizard = MaturityWizard(services, None, assessment_id)
        opened.append(wizard)
        with qtbot.waitActive(wizard):
            wizard.show()
            wizard.activateWindow()
        return wizard

    yield opener
    for wizard in opened:
        if shiboken6.isValid(wizard):
            wizard.close()
            wizard.deleteLater()


def shot(widget, name: str) -> None:
    """Save a screenshot for a person to look at (not compared by the tests)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for _ in range(3):  # let pending layout requests settle, as a person would see it
        QCoreApplication.processEvents()
    widget.grab().save(str(SHOTS / f"maturity_{name}.png"))


def click_next(qtbot, wizard: QWizard) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isVisible() and button.isEnabled(), f"Next is not usable on {wizard.currentId()}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_back(qtbot, wizard: QWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)


def click_finish(qtbot, wizard: MaturityWizard) -> None:
    button = wizard.button(QWizard.WizardButton.FinishButton)
    assert button.isVisible() and button.isEnabled()
    with qtbot.waitSignal(wizard.finished_assessment, timeout=5000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_choice(qtbot, wizard: MaturityWizard, question_key: str, level: int) -> None:
    """Click a level (or DONT_KNOW) of a question on the current page; waits for the save."""
    button = wizard.choice_button(question_key, level)
    wizard.currentPage().questions_scroll.ensureWidgetVisible(button)  # type: ignore[attr-defined]
    with qtbot.waitSignal(wizard.answer_saved, timeout=3000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def set_up_consensus(qtbot, wizard: MaturityWizard, name: str = "Spring baseline") -> int:
    """Fill the setup page with a name and press Next; returns the new assessment's id."""
    wizard.setup_page.name_edit.clear()
    qtbot.keyClicks(wizard.setup_page.name_edit, name)
    with qtbot.waitSignal(wizard.created, timeout=3000) as created:
        click_next(qtbot, wizard)
    assert wizard.currentId() == MaturityWizard.FIRST_DIMENSION
    return int(created.args[0])


def create_assessment(services: AppServices, name: str = "Baseline", **changes) -> int:
    return services.maturity.create_assessment(
        AssessmentSetup(name=name, taken_on=changes.pop("taken_on", date(2026, 3, 2)), **changes)
    )


def answer_all(services: AppServices, assessment_id: int, levels: dict[str, int]) -> None:
    """Answer every question of each dimension (by key) with one level, through the service."""
    progress = services.maturity.progress(assessment_id)
    respondent = progress.respondents[0].id
    for dimension in progress.framework.dimensions:
        for question in dimension.questions:
            assert question.id is not None
            services.maturity.answer(
                assessment_id, respondent, question.id, level=levels.get(dimension.key, 3)
            )


def destroy(widget) -> None:
    """Close and delete a window for real, as quitting the app (or a crash) would."""
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
