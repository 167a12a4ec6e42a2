"""The Dashboard's objectives card: each objective's metrics with their progress and sentence,
the first four only, and the empty state that leads to the Objectives area."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.context import AppServices
from app.objectives.model import ObjectiveInput
from tests.ui.objectives.objectives_data import add_adoption_objective, add_hours_objective
from ui.objectives.dashboard_card import ObjectivesCard

pytestmark = pytest.mark.database


def test_the_card_shows_the_progress_of_two_objectives_and_counts_the_rest(
    qtbot, services: AppServices
):
    add_hours_objective(services, (40, 120))
    add_adoption_objective(services)
    services.objectives.save_objective(ObjectiveInput("Happier teams"))
    card = ObjectivesCard()
    qtbot.addWidget(card)
    card.set_objectives(services.objectives.objectives())
    card.show()

    assert [row.name.text() for row in card.metric_rows] == [
        "Hours saved per week",
        "Weekly active users",
        "Report turnaround",
        "Prompts shared in the library",
    ]
    # 120 of the way from 0 to 400; 35 is half way from 10 to 60; the others not measured
    assert [row.bar.value() for row in card.metric_rows] == [300, 500, 0, 0]
    sentences = card.shown_sentences()
    assert sentences[0].startswith("120 of 400 hours (30 % of the way), measured")
    assert sentences[1].startswith("35 of 60 % (50 % of the way), measured")
    assert sentences[2].startswith("Not measured yet (baseline 10 days, target 4 days by")
    assert [row.share.text() for row in card.metric_rows][:3] == ["30 %", "50 %", "No reading yet"]
    objective_lines = [w.text() for w in card.rows if isinstance(w, QLabel)]
    assert objective_lines[:2] == ["Save time on reporting · Planned", "Everyday AI use · At risk"]
    assert card.more.isVisible()
    assert card.more.text() == "and 1 more — open the objectives to see them all."  # Happier teams
    assert not card.empty_text.isVisible()


def test_the_empty_card_says_what_to_do_and_its_button_asks_for_the_objectives(qtbot):
    card = ObjectivesCard()
    qtbot.addWidget(card)
    card.set_objectives([])
    card.show()
    assert card.empty_text.isVisible()
    assert card.empty_text.text() == (
        "No objectives yet — write down the outcomes the programme should move."
    )
    assert card.metric_rows == [] and not card.more.isVisible()
    with qtbot.waitSignal(card.open_requested):
        qtbot.mouseClick(card.open_button, Qt.MouseButton.LeftButton)
