"""Enthusiasm and influence from the answers and the reports, without a data file."""

from __future__ import annotations

import pytest

from app.pilots.candidates import enthusiasm_from_answers, enthusiasm_items, influence_from_reports
from app.skills.catalogue import AttitudeItem
from app.skills.catalogue_loading import builtin_catalogue


def test_only_the_interest_in_learning_statement_makes_up_enthusiasm():
    items = enthusiasm_items(builtin_catalogue())
    assert [item.key for item in items] == ["keen_to_learn"]


def test_enthusiasm_turns_reverse_worded_answers_round_and_rounds_half_up():
    keen = AttitudeItem("keen", "I want to learn.", "interest_in_learning", reverse=False)
    bored = AttitudeItem("bored", "AI bores me.", "interest_in_learning", reverse=True)
    eager = AttitudeItem("eager", "I'd start tomorrow.", "interest_in_learning", reverse=False)
    curious = AttitudeItem("curious", "I read about AI.", "interest_in_learning", reverse=False)
    items = [keen, bored, eager, curious]

    assert enthusiasm_from_answers({"keen": 4, "bored": 2}, items) == 4.0
    assert enthusiasm_from_answers({"bored": 5}, items) == 1.0
    # (3 + 3 + 3 + 4) / 4 = 3.25: half up gives 3.3 where round() would give 3.2.
    assert enthusiasm_from_answers({"keen": 3, "bored": 3, "eager": 3, "curious": 4}, items) == 3.3
    assert enthusiasm_from_answers({"keen": 4, "eager": 4, "curious": 5}, items) == 4.3
    assert enthusiasm_from_answers({"other": 5}, items) is None


@pytest.mark.parametrize(
    ("reports", "influence"),
    [(0, 1), (1, 2), (2, 2), (3, 3), (5, 3), (6, 4), (10, 4), (11, 5), (250, 5)],
)
def test_influence_follows_the_bands_of_people_managed(reports, influence):
    assert influence_from_reports(reports) == influence


def test_a_negative_number_of_reports_is_a_bug():
    with pytest.raises(ValueError):
        influence_from_reports(-1)
