"""Recording the decision after a pilot, by keyboard: the choice by its mnemonic, the reasons
typed, Ctrl+Enter; the database holds it and the results tab says it. Empty reasons are
refused with the reason, and the criteria are shown as a reminder."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.context import AppServices
from app.pilots.criteria import criterion_label
from tests.ui.pilots.test_results_tab import build_pilot
from ui.change_bridge import ChangeBridge
from ui.pilots.decision_dialog import DecisionDialog
from ui.pilots.results_format import date_text
from ui.pilots.results_tab import ResultsTab

pytestmark = pytest.mark.database

REASONS = "Weekly use fell short; add a second lab on our own cases and run it again."


@pytest.fixture
def bridge(services: AppServices) -> Iterator[ChangeBridge]:
    relay = ChangeBridge(services.changes)
    yield relay
    relay.detach()


def open_dialog(qtbot, services: AppServices, pilot_id: int) -> DecisionDialog:
    dialog = DecisionDialog(services, services.pilot_outcomes.outcome(pilot_id))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def ctrl_enter(qtbot, widget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_a_decision_typed_on_the_keyboard_is_saved_and_shown(
    qtbot, services: AppServices, bridge: ChangeBridge
):
    pilot = build_pilot(services)
    services.pilots.set_status(pilot.id, "evaluating")
    tab = ResultsTab(services, bridge)
    qtbot.addWidget(tab)
    tab.resize(1400, 900)
    tab.show()
    qtbot.waitExposed(tab)
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    tab.set_pilot(pilot.id)
    qtbot.waitUntil(tab.is_ready, timeout=10_000)
    assert tab.decision_text() == "No decision recorded yet: scale up, adjust or stop."

    qtbot.keyClick(tab, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # &Record decision…
    qtbot.waitUntil(lambda: tab.decision_dialog is not None)
    dialog = tab.decision_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # &Adjust
    qtbot.waitUntil(dialog.choice_buttons["adjust"].isChecked)  # a mnemonic animates the click
    qtbot.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # &Reasons
    assert dialog.reasons.hasFocus()
    qtbot.keyClicks(dialog.reasons, REASONS)
    ctrl_enter(qtbot, dialog.reasons)

    qtbot.waitUntil(lambda: tab.decision_dialog is None)
    details = services.pilots.pilot(pilot.id)
    assert (details.decision, details.decision_reasons, details.decided_on, details.status) == (
        "adjust",
        REASONS,
        date.today(),
        "decided",
    )
    expected = f"Decided on {date_text(date.today())}: adjust — {REASONS}"
    qtbot.waitUntil(lambda: tab.decision_text() == expected)
    qtbot.waitUntil(tab.is_ready)
    tab.grab().save("/tmp/results_shots/test_results_decided.png")


def test_empty_reasons_are_refused_with_the_reason(qtbot, services: AppServices):
    pilot = build_pilot(services)
    dialog = open_dialog(qtbot, services, pilot.id)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # &Scale up
    qtbot.waitUntil(lambda: dialog.chosen_decision() == "scale")
    dialog.reasons.setFocus()
    qtbot.keyClicks(dialog.reasons, "   ")
    ctrl_enter(qtbot, dialog.reasons)

    assert dialog.isVisible()
    assert dialog.error_text("reasons") == (
        "Write down why: leadership will read the reasons with the results."
    )
    assert dialog.reasons.hasFocus()
    details = services.pilots.pilot(pilot.id)
    assert (details.decision, details.status) == (None, "running")

    qtbot.keyClicks(dialog.reasons, "Everyone wants it.")
    assert dialog.error_text("reasons") == ""  # typing clears the message
    ctrl_enter(qtbot, dialog.reasons)
    assert dialog.result() == DecisionDialog.DialogCode.Accepted
    assert services.pilots.pilot(pilot.id).decision == "scale"


def test_no_choice_is_refused_and_enter_alone_starts_a_new_line(qtbot, services: AppServices):
    pilot = build_pilot(services)
    dialog = open_dialog(qtbot, services, pilot.id)
    assert dialog.reasons.hasFocus()
    qtbot.keyClicks(dialog.reasons, "First line")
    qtbot.keyClick(dialog.reasons, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.reasons, "second line")
    assert dialog.reasons.toPlainText() == "First line\nsecond line"
    ctrl_enter(qtbot, dialog.reasons)

    assert dialog.isVisible()
    assert dialog.error_text("decision") == "Choose scale up, adjust or stop."
    assert services.pilots.pilot(pilot.id).decision is None
    qtbot.keyClick(dialog, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # S&top
    qtbot.waitUntil(lambda: dialog.chosen_decision() == "stop")
    assert dialog.error_text("decision") == ""


def test_the_dialog_reminds_of_the_criteria_and_keeps_the_date_in_the_past(
    qtbot, services: AppServices
):
    pilot = build_pilot(services)
    dialog = open_dialog(qtbot, services, pilot.id)
    outcome = dialog.outcome

    assert dialog.summary.text() == "4 of 5 success criteria met, 1 not met."
    lines = [label.text() for label in dialog.findChildren(QLabel, "reminder_line")]
    assert lines == [
        f"{criterion_label(result.criterion)}: "
        + {"met": "met", "not_met": "not met", "not_enough_data": "not enough data"}[
            result.verdict.value
        ]
        for result in outcome.criteria
    ]
    assert "Weekly use at least 60 % from week 2: not met" in lines
    assert dialog.decided_on.date().toPython() == date.today()
    assert dialog.decided_on.maximumDate().toPython() == date.today()
    assert dialog.decided_on.minimumDate().toPython() == outcome.pilot.starts_on
    dialog.grab().save("/tmp/results_shots/test_decision_dialog.png")


def test_an_earlier_decision_opens_ready_to_correct(qtbot, services: AppServices):
    from app.pilots.records import Decision

    pilot = build_pilot(services)
    earlier = date.today() - timedelta(days=3)
    services.pilots.record_decision(pilot.id, Decision("stop", "Too few used it.", earlier))
    dialog = open_dialog(qtbot, services, pilot.id)

    assert dialog.chosen_decision() == "stop"
    assert dialog.reasons.toPlainText() == "Too few used it."
    assert dialog.decided_on.date().toPython() == earlier
