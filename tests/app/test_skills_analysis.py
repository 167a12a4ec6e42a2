"""The skills survey analysis: hand-computed examples, the anonymity proof, then properties."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.privacy import anonymity_threshold, other_label
from app.skills.analysis import (
    AttitudeAnswer,
    AttitudeCell,
    GroupTotal,
    HeatCell,
    Rating,
    SegmentCounts,
    agreed_level,
    attitude_summary,
    champion_candidates,
    fold_small_groups_for_heatmap,
    gap,
    group_totals,
    heatmap,
    rater_disagreement,
    scored_value,
    segment,
    segment_counts,
    top_gaps,
)

PROPERTY = settings(max_examples=150, deadline=None)
OTHER5 = other_label(5)


# --- one person ---------------------------------------------------------------------------


def test_the_agreed_level_is_the_managers_by_default_else_self():
    assert agreed_level(Rating(1, "s", 1, 3)) == 3.0
    assert agreed_level(Rating(1, "s", 1, None)) == 1.0
    assert agreed_level(Rating(1, "s", None, 2)) == 2.0
    assert agreed_level(Rating(1, "s", None, None)) is None


def test_the_agreed_level_can_be_self_lower_or_mean():
    r = Rating(1, "s", 3, 0)
    assert agreed_level(r, prefer="self") == 3.0
    assert agreed_level(r, prefer="lower") == 0.0
    assert agreed_level(r, prefer="mean") == 1.5
    assert agreed_level(r, prefer="manager") == 0.0
    # With one rating only, every choice gives it.
    for prefer in ("self", "manager", "lower", "mean"):
        assert agreed_level(Rating(1, "s", None, 4), prefer=prefer) == 4.0
        assert agreed_level(Rating(1, "s", 2, None), prefer=prefer) == 2.0


def test_an_impossible_rating_is_refused():
    for bad in (-1, 5, True, 2.5):
        with pytest.raises(ValueError):
            Rating(1, "s", bad, None)
        with pytest.raises(ValueError):
            Rating(1, "s", None, bad)


def test_the_gap_is_target_minus_current_floored_at_zero():
    assert gap(3, 1.0) == 2.0
    assert gap(3, 1.5) == 1.5
    assert gap(3, 3.0) == 0.0
    assert gap(2, 4.0) == 0.0  # exceeding the target is no gap, not -2
    assert gap(4, 0.0) == 4.0
    assert gap(3, None) is None
    with pytest.raises(ValueError):
        gap(5, 1.0)
    with pytest.raises(ValueError):
        gap(3, 4.5)
    with pytest.raises(ValueError):
        gap(3, math.nan)


def test_rater_disagreement_flags_two_levels_apart_by_default():
    assert rater_disagreement(Rating(1, "s", 4, 2))
    assert rater_disagreement(Rating(1, "s", 0, 3))
    assert not rater_disagreement(Rating(1, "s", 3, 2))
    assert not rater_disagreement(Rating(1, "s", 4, None))
    assert rater_disagreement(Rating(1, "s", 3, 2), threshold=1)
    assert not rater_disagreement(Rating(1, "s", 4, 1), threshold=4)
    with pytest.raises(ValueError):
        rater_disagreement(Rating(1, "s", 3, 2), threshold=0)


# --- the heatmap --------------------------------------------------------------------------


def example_rows():
    rows = [("Sales", "prompting", g) for g in (0, 1, 2, 1, 0, 2)]
    rows += [("Ops", "prompting", 2.0)] * 5
    rows += [("Legal", "prompting", g) for g in (3, 3, 4)]
    rows += [("HR", "prompting", g) for g in (0, 1)]
    rows += [("Sales", "data", g) for g in (1, 2, 3, None, None, None)]
    rows += [("Ops", "data", g) for g in (0, 0, 1, 1, 3)]
    rows += [("Legal", "data", g) for g in (2, 2, 2)]
    rows += [("HR", "data", g) for g in (4, 4)]
    return rows


def test_the_heatmap_folds_small_groups_and_withholds_small_cells_and_their_complement():
    cells = heatmap(example_rows(), threshold=5)
    assert cells == [
        # Sales prompting: mean 6/6 = 1; population sd sqrt((1+0+1+0+1+1)/6) = sqrt(2/3).
        HeatCell("Sales", "prompting", 1.0, 6, pytest.approx(math.sqrt(2 / 3)), False),
        # Only 3 of Sales have a data rating: withheld, people kept.
        HeatCell("Sales", "data", None, 3, None, True),
        HeatCell("Ops", "prompting", 2.0, 5, 0.0, False),
        # Complementary: the smallest other data cell (Ops, 5; before Other on ties).
        HeatCell("Ops", "data", None, 5, None, True),
        # Legal (3) and HR (2) fold into Other (5): gaps 3,3,4,0,1 -> 11/5 = 2.2,
        # sd sqrt((0.64+0.64+3.24+4.84+1.44)/5) = sqrt(2.16).
        HeatCell(OTHER5, "prompting", pytest.approx(2.2), 5, pytest.approx(math.sqrt(2.16)), False),
        # 2,2,2,4,4 -> 14/5 = 2.8, sd sqrt((3*0.64 + 2*1.44)/5) = sqrt(0.96).
        HeatCell(OTHER5, "data", pytest.approx(2.8), 5, pytest.approx(math.sqrt(0.96)), False),
    ]


def test_group_totals_use_shown_cells_only():
    totals = group_totals(heatmap(example_rows(), threshold=5))
    assert totals == [
        GroupTotal("Sales", 1.0, skills=1, withheld=1),
        GroupTotal("Ops", 2.0, skills=1, withheld=1),
        GroupTotal(OTHER5, pytest.approx(2.5), skills=2, withheld=0),
    ]


def test_top_gaps_lists_the_largest_shown_gaps_first():
    cells = [
        HeatCell("D", "a", 1.0, 6, 0.5, False),
        HeatCell("D", "b", 3.0, 6, 0.5, False),
        HeatCell("D", "c", None, 3, None, True),
        HeatCell("D", "d", 0.0, 6, 0.0, False),
        HeatCell("D", "e", 1.0, 6, 0.5, False),
        HeatCell("E", "a", 4.0, 6, 0.0, False),
    ]
    assert [c.skill for c in top_gaps(cells, "D")] == ["b", "a", "e"]
    assert [c.skill for c in top_gaps(cells, "D", n=10)] == ["b", "a", "e"]  # no 0, no c
    assert top_gaps(cells, "D", n=0) == []
    assert top_gaps(cells, "nobody") == []
    with pytest.raises(ValueError):
        top_gaps(cells, "D", n=-1)


def test_a_cell_with_nobody_rated_is_shown_empty_not_suppressed():
    rows = [("Sales", "a", 1.0)] * 5 + [("Sales", "b", None)] * 5
    assert heatmap(rows, threshold=5)[1] == HeatCell("Sales", "b", None, 0, None, False)


def test_a_group_size_is_its_people_not_its_rows():
    # 3 people × 4 skills is 12 rows but 3 people: folded, never shown alone.
    rows = [("Tiny", s, 1.0) for s in "abcd" for _person in range(3)]
    rows += [("Big", s, 2.0) for s in "abcd" for _person in range(9)]
    folded = fold_small_groups_for_heatmap(rows, threshold=5)
    assert {g for g, _s, _v in folded} == {OTHER5}  # Other (3) too small: Big joins it
    assert fold_small_groups_for_heatmap(folded, threshold=5) == folded


def test_a_gap_outside_the_scale_is_refused():
    with pytest.raises(ValueError):
        heatmap([("D", "s", 4.5)], threshold=5)
    with pytest.raises(ValueError):
        heatmap([("D", "s", -0.5)], threshold=5)


# --- attitudes ----------------------------------------------------------------------------


def test_attitudes_are_averaged_per_group_with_reverse_items_reversed():
    group_of = {p: "Sales" for p in range(1, 6)} | {6: "HR", 7: "HR"}
    answers = [AttitudeAnswer(p, "interest", v) for p, v in enumerate((5, 4, 4, 3, 5), start=1)]
    answers += [AttitudeAnswer(p, "worry", v) for p, v in enumerate((1, 2, 5, 4, 2), start=1)]
    answers += [AttitudeAnswer(6, "interest", 2), AttitudeAnswer(7, "worry", 5)]
    cells = attitude_summary(answers, reverse_items={"worry"}, group_of=group_of, threshold=5)
    # HR (2 people) is folded into Other; Other (2) would still be too small, so the smallest
    # shown group (Sales) joins it, as in app.privacy.fold_small_groups.
    assert [(c.group, c.item) for c in cells] == [(OTHER5, "interest"), (OTHER5, "worry")]
    # 5,4,4,3,5 and HR's 2: 23/6.
    assert cells[0] == AttitudeCell(OTHER5, "interest", pytest.approx(23 / 6), 6, False)
    # Reversed (v -> 6 - v): 5,4,1,2,4 and HR's 5 -> 1: 17/6.
    assert cells[1] == AttitudeCell(OTHER5, "worry", pytest.approx(17 / 6), 6, False)


def test_attitudes_of_two_large_groups_are_shown_per_group():
    group_of = {p: ("Sales" if p <= 5 else "Ops") for p in range(1, 11)}
    answers = [AttitudeAnswer(p, "interest", 1 + p % 5) for p in range(1, 11)]
    answers += [AttitudeAnswer(p, "worry", 5) for p in range(1, 4)]
    cells = attitude_summary(answers, reverse_items={"worry"}, group_of=group_of, threshold=5)
    assert cells == [
        # 2,3,4,5,1 -> 3.0
        AttitudeCell("Sales", "interest", 3.0, 5, False),
        # Only 3 answered worry: withheld.
        AttitudeCell("Sales", "worry", None, 3, True),
        AttitudeCell("Ops", "interest", 3.0, 5, False),
    ]


def test_impossible_attitude_data_is_refused():
    with pytest.raises(ValueError):
        AttitudeAnswer(1, "i", 0)
    with pytest.raises(ValueError):
        AttitudeAnswer(1, "i", 6)
    with pytest.raises(ValueError, match="twice"):
        attitude_summary(
            [AttitudeAnswer(1, "i", 3), AttitudeAnswer(1, "i", 4)],
            reverse_items=set(),
            group_of={1: "A"},
            threshold=5,
        )
    with pytest.raises(ValueError, match="no group"):
        attitude_summary([AttitudeAnswer(1, "i", 3)], reverse_items=set(), group_of={}, threshold=5)


# --- segments -----------------------------------------------------------------------------


def test_segments_follow_the_documented_cut_offs():
    assert segment(None, 5.0, 1.0) == "unknown"
    assert segment(1.49, 5.0, 1.0) == "needs_foundations"
    assert segment(0.0, None, None) == "needs_foundations"
    assert segment(1.5, 1.0, 5.0) == "building"
    assert segment(2.5, 4.0, 3.9) == "ready_to_lead"
    assert segment(2.5, 4.0, None) == "ready_to_lead"
    assert segment(2.4, 5.0, 1.0) == "building"
    assert segment(3.0, 3.9, 1.0) == "building"
    assert segment(3.0, None, 1.0) == "building"  # unknown interest is never enough
    assert segment(4.0, 5.0, 4.0) == "building"  # worried: concerns come first
    # Float noise just under a cut-off lands on the side of the value it stands for.
    assert segment(2.5 - 1e-12, 4.0, 1.0) == "ready_to_lead"
    with pytest.raises(ValueError):
        segment(4.5, 4.0, 1.0)
    with pytest.raises(ValueError):
        segment(2.0, 0.5, 1.0)
    with pytest.raises(ValueError):
        segment(math.nan, 4.0, 1.0)


def test_segment_counts_fold_small_groups_and_add_up():
    group_of = {p: "Sales" for p in range(1, 7)} | {p: "Ops" for p in range(7, 12)}
    group_of |= {12: "HR", 13: "HR", 14: "Legal", 15: "Legal", 16: "Legal"}
    segments = dict.fromkeys(range(1, 17), "building")
    segments |= {1: "ready_to_lead", 2: "needs_foundations", 7: "unknown", 12: "ready_to_lead"}
    assert segment_counts(segments, group_of, threshold=5) == [
        SegmentCounts("Sales", 6, 1, 4, 1, 0, False),
        SegmentCounts("Ops", 5, 0, 4, 0, 1, False),
        SegmentCounts(OTHER5, 5, 1, 4, 0, 0, False),
    ]
    with pytest.raises(ValueError):
        segment_counts({1: "expert"}, {1: "A"}, threshold=5)
    with pytest.raises(ValueError):
        segment_counts({1: "building"}, {}, threshold=5)


def test_champion_candidates_are_the_top_per_group_by_proficiency_then_interest():
    people = [
        (1, "Sales", 3.0, 4.0),
        (2, "Sales", 3.5, 2.0),
        (3, "Sales", 3.0, 5.0),
        (4, "Sales", 1.0, 5.0),
        (5, "Ops", 2.0, 3.0),
        (7, "Ops", 2.0, 3.0),
        (6, "Ops", 2.0, 3.0),
    ]
    assert champion_candidates(people) == {"Sales": [2, 3], "Ops": [5, 6]}
    assert champion_candidates(people, per_group=1) == {"Sales": [2], "Ops": [5]}
    assert champion_candidates(reversed(people), per_group=3)["Ops"] == [5, 6, 7]
    with pytest.raises(ValueError):
        champion_candidates(people, per_group=-1)
    with pytest.raises(ValueError):
        champion_candidates([(1, "A", 3.0, 4.0), (1, "B", 3.0, 4.0)])


# --- the threshold proof ------------------------------------------------------------------


def departments(**sizes: int) -> dict[int, str]:
    group_of: dict[int, str] = {}
    for name, size in sizes.items():
        for _ in range(size):
            group_of[len(group_of) + 1] = name
    return group_of


def all_outputs(group_of: dict[int, str]):
    rows = [(g, s, float(p % 5)) for p, g in group_of.items() for s in ("a", "b")]
    answers = [AttitudeAnswer(p, i, 1 + p % 5) for p in group_of for i in ("x", "y")]
    cells = heatmap(rows, threshold=5)
    attitudes = attitude_summary(answers, reverse_items={"y"}, group_of=group_of, threshold=5)
    counts = segment_counts(dict.fromkeys(group_of, "building"), group_of, threshold=5)
    return cells, attitudes, counts


@pytest.mark.parametrize(
    "sizes",
    [
        {"Three": 3, "Two": 2, "Five": 5, "Big": 9},
        {"Three": 3, "Big": 9},
        {"Three": 3, "Five": 5},
        {"Three": 3},
    ],
)
def test_a_department_of_3_never_appears_on_its_own(sizes):
    for output in all_outputs(departments(**sizes)):
        groups = {row.group for row in output}
        assert "Three" not in groups
        assert OTHER5 in groups
        for row in output:
            # Other is shown only when it reaches the threshold; else it is withheld.
            assert row.suppressed == (row.people < 5)


def test_when_other_is_still_too_small_everything_is_withheld():
    cells, attitudes, counts = all_outputs(departments(Three=3))
    assert all(c.suppressed and c.mean_gap is None and c.spread is None for c in cells)
    assert all(c.suppressed and c.mean is None for c in attitudes)
    assert counts == [SegmentCounts(OTHER5, 3, None, None, None, None, True)]


def test_a_department_of_exactly_5_appears_on_its_own():
    for output in all_outputs(departments(Three=3, Two=2, Five=5, Big=9)):
        five = [row for row in output if row.group == "Five"]
        assert five
        assert all(row.people == 5 and not row.suppressed for row in five)
        assert {row.group for row in output} == {"Five", "Big", OTHER5}
    cells, _attitudes, _counts = all_outputs(departments(Five=5, Big=9))
    assert {c.group for c in cells} == {"Five", "Big"}


def test_the_threshold_is_never_below_3():
    rows = [("Two", "a", 1.0)] * 2 + [("Big", "a", 2.0)] * 9
    cells = heatmap(rows, threshold=1)
    assert [c.group for c in cells] == [other_label(3)]  # Two (2) folded; Big joins Other


# --- properties ---------------------------------------------------------------------------

GROUPS = ("A", "B", "C", "D", "E")
SKILLS = ("s1", "s2", "s3")


@st.composite
def surveys(draw):
    people = draw(st.integers(0, 40))
    group_of = {p: draw(st.sampled_from(GROUPS)) for p in range(people)}
    gaps = {
        (p, s): draw(st.one_of(st.none(), st.floats(0, 4, allow_nan=False)))
        for p in range(people)
        for s in SKILLS
    }
    threshold = draw(st.integers(1, 8))
    return group_of, gaps, threshold


def small_groups(group_of, threshold):
    t = anonymity_threshold(threshold).value
    sizes = {g: list(group_of.values()).count(g) for g in set(group_of.values())}
    return {g for g, n in sizes.items() if n < t}, t


@PROPERTY
@given(
    st.integers(0, 4),
    st.one_of(st.none(), st.floats(0, 4, allow_nan=False)),
    st.one_of(st.none(), st.integers(0, 4)),
    st.one_of(st.none(), st.integers(0, 4)),
    st.sampled_from(["self", "manager", "lower", "mean"]),
)
def test_gaps_and_agreed_levels_are_within_0_and_4(target, current, mine, manager, prefer):
    g = gap(target, current)
    assert g is None if current is None else 0 <= g <= 4
    level = agreed_level(Rating(1, "s", mine, manager), prefer=prefer)
    assert (level is None) == (mine is None and manager is None)
    if level is not None:
        assert 0 <= level <= 4
        assert 0 <= gap(target, level) <= 4


@PROPERTY
@given(surveys())
def test_heatmap_cells_are_protected_and_add_up(survey):
    group_of, gaps, threshold = survey
    rows = [(group_of[p], s, g) for (p, s), g in gaps.items()]
    cells = heatmap(rows, threshold=threshold)
    small, t = small_groups(group_of, threshold)
    for cell in cells:
        assert cell.group not in small
        if cell.mean_gap is not None:
            assert 0 <= cell.mean_gap <= 4
            assert cell.people >= t and not cell.suppressed
            assert cell.spread is not None and cell.spread >= 0
        if 0 < cell.people < t:
            assert cell.suppressed and cell.mean_gap is None and cell.spread is None
    for skill in SKILLS:
        rated = sum(1 for (_p, s), g in gaps.items() if s == skill and g is not None)
        assert sum(c.people for c in cells if c.skill == skill) == rated
    folded = fold_small_groups_for_heatmap(rows, threshold=threshold)
    assert len(folded) == len(rows)
    assert fold_small_groups_for_heatmap(folded, threshold=threshold) == folded
    for total in group_totals(cells):
        assert total.mean_gap is None or 0 <= total.mean_gap <= 4


@PROPERTY
@given(surveys(), st.data())
def test_attitude_cells_are_protected_add_up_and_reverse_exactly(survey, data):
    group_of, _gaps, threshold = survey
    answers = [
        AttitudeAnswer(p, item, data.draw(st.integers(1, 5)))
        for p in group_of
        for item in ("x", "y")
        if data.draw(st.booleans())
    ]
    plain = attitude_summary(answers, reverse_items=set(), group_of=group_of, threshold=threshold)
    flipped = attitude_summary(answers, reverse_items={"y"}, group_of=group_of, threshold=threshold)
    respondents = {a.person for a in answers}
    small, t = small_groups({p: g for p, g in group_of.items() if p in respondents}, threshold)
    for cell in plain:
        assert cell.group not in small
        if cell.mean is not None:
            assert cell.mean is not None and 1 <= cell.mean <= 5
            assert cell.people >= t and not cell.suppressed
        if 0 < cell.people < t:
            assert cell.suppressed and cell.mean is None
    for item in ("x", "y"):
        answered = sum(1 for a in answers if a.item == item)
        assert sum(c.people for c in plain if c.item == item) == answered
    for a in answers:
        assert scored_value(a, {"y"}) == (6 - a.value if a.item == "y" else a.value)
    assert len(plain) == len(flipped)
    for before, after in zip(plain, flipped, strict=True):
        assert (before.group, before.item, before.people) == (after.group, after.item, after.people)
        assert before.suppressed == after.suppressed
        if after.item == "y" and after.mean is not None:
            assert after.mean == pytest.approx(6 - before.mean)
        else:
            assert after.mean == before.mean


@PROPERTY
@given(surveys(), st.data())
def test_segment_counts_are_protected_and_add_up(survey, data):
    group_of, _gaps, threshold = survey
    segments = {p: data.draw(st.sampled_from(SEGMENT_NAMES)) for p in group_of}
    counts = segment_counts(segments, group_of, threshold=threshold)
    small, t = small_groups(group_of, threshold)
    assert sum(row.people for row in counts) == len(segments)
    for row in counts:
        assert row.group not in small
        parts = (row.ready_to_lead, row.building, row.needs_foundations, row.unknown)
        if row.suppressed:
            assert row.people < t and parts == (None, None, None, None)
        else:
            assert row.people >= t
            assert sum(parts) == row.people


SEGMENT_NAMES = ("ready_to_lead", "building", "needs_foundations", "unknown")
