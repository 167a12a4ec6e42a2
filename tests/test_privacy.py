"""No group under the anonymity threshold is ever shown on its own (DESIGN §5)."""

from __future__ import annotations

import pytest

from app.privacy import (
    DEFAULT_THRESHOLD,
    anonymity_threshold,
    fold_small_groups,
    other_label,
    suppress_small_groups,
)


def test_groups_under_the_threshold_are_folded_into_other():
    result = fold_small_groups({"Sales": 12, "Legal": 2, "Finance": 8, "Facilities": 3})
    assert [(r.label, r.value, r.people) for r in result.rows] == [
        ("Sales", 12, 12),
        ("Finance", 8, 8),
        ("Other (groups under 5 people)", 5, 5),
    ]
    assert result.other is not None and result.other.folded_labels == ("Legal", "Facilities")
    assert result.note is not None and "fewer than 5 people" in result.note
    assert "Legal" in result.note


def test_a_threshold_of_two_is_raised_to_three_and_the_note_says_so():
    limit = anonymity_threshold(2)
    assert (limit.value, limit.clamped) == (3, True)
    result = fold_small_groups({"A": 2, "B": 2, "C": 10}, threshold=2)
    assert result.threshold.value == 3
    assert result.rows[-1].label == other_label(3) == "Other (groups under 3 people)"
    assert result.rows[-1].people == 4
    assert result.note is not None and "raised to 3" in result.note


def test_default_threshold_is_five_and_nothing_changes_when_every_group_is_big_enough():
    assert anonymity_threshold().value == DEFAULT_THRESHOLD == 5
    result = fold_small_groups({"A": 5, "B": 9})
    assert [r.label for r in result.rows] == ["A", "B"]
    assert result.note is None and result.other is None


def test_other_too_small_on_its_own_takes_in_the_next_smallest_group():
    result = fold_small_groups({"Big": 40, "Mid": 6, "Tiny": 2})
    assert [r.label for r in result.rows] == ["Big", other_label(5)]
    assert result.other is not None and result.other.people == 8


def test_when_everyone_together_is_too_few_everything_is_withheld():
    result = fold_small_groups({"A": 2, "B": 1})
    assert all(r.suppressed and r.value is None for r in result.rows)
    assert result.note is not None


def test_means_are_folded_weighted_by_people():
    result = fold_small_groups(
        [("Sales", 3.0, 10), ("Legal", 4.0, 2), ("HR", 2.0, 3)], combine="mean"
    )
    other = result.other
    assert other is not None and other.people == 5
    assert other.value == pytest.approx((4.0 * 2 + 2.0 * 3) / 5)


def test_suppress_withholds_small_groups_and_one_more_so_it_cannot_be_worked_out():
    result = suppress_small_groups([("Sales", 3.1, 10), ("Legal", 4.0, 2), ("IT", 3.5, 7)])
    shown = {r.label: r.value for r in result.rows}
    assert shown == {"Sales": 3.1, "Legal": None, "IT": None}
    assert result.affected_labels == ("Legal", "IT")
    assert result.note is not None and "fewer than 5 people" in result.note


def test_empty_groups_identify_nobody_and_are_left_alone():
    result = fold_small_groups({"A": 0, "B": 10})
    assert [r.label for r in result.rows] == ["A", "B"]
