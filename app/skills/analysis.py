"""Analysing the workforce skills and readiness survey: plain data in, plain data out.

No database, no I/O, no Qt. The rules, in one place:

* Proficiency is a level 0–4 per person per skill (0 none … 4 expert), rated by the person
  (self) and optionally by their manager. ``agreed_level`` makes one level of the two;
  ``rater_disagreement`` flags a pair far enough apart for the HR person to discuss.
* A gap is ``target - current``, floored at 0: exceeding the target is no gap, and it never
  offsets someone else's gap in a mean. A person with no rating has no gap (None), which is
  left out of every mean, never counted as zero. Every gap and mean gap lies within [0, 4].
* Attitude items are answered 1–5 (agreement). For a "reverse" item agreeing is a worry, so
  its answer ``v`` counts as ``6 - v``: every attitude mean reads "higher = better".
* Anonymity (DESIGN §5), applied by every aggregate here through ``app.privacy``, whose
  threshold is never below 3 (``anonymity_threshold``):

  1. Folding. Before any figure is computed, every group (department) with fewer people than
     the threshold is folded into "Other (groups under N people)", with the rule of
     ``app.privacy.fold_small_groups``: when Other would still be too small, the smallest
     shown groups join it until it is not; when even everyone together is too few, everyone
     is in Other, and all of its figures are withheld by rule 2. So a small department never
     appears on its own.
  2. Suppression. A figure (a heatmap cell, an attitude item) covering at least one but
     fewer people than the threshold is withheld: its mean (and spread) is None and
     ``suppressed`` is True. ``people`` is still given, so the screen can say "fewer than N
     people" (and why); a count of raters names no one. A figure over nobody identifies
     nobody: its mean is None and it is not suppressed.
  3. Complementary suppression. Within one skill (or attitude item) over the groups, when
     exactly one figure is withheld, the next smallest is withheld too
     (``app.privacy.suppress_small_groups``), so it cannot be worked out from an
     organisation-wide figure for that skill. No total here is ever computed from a
     withheld figure: ``group_totals`` uses shown cells only.
  4. Only aggregates leave this module, never one person's answers — except
     ``champion_candidates``, which is a list for the HR person to act on.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from app.privacy import (
    anonymity_threshold,
    fold_small_groups,
    other_label,
    suppress_small_groups,
)

MIN_PROFICIENCY = 0
MAX_PROFICIENCY = 4
MIN_AGREEMENT = 1
MAX_AGREEMENT = 5

Prefer = Literal["self", "manager", "lower", "mean"]
Segment = Literal["ready_to_lead", "building", "needs_foundations", "unknown"]
SEGMENTS: tuple[Segment, ...] = get_args(Segment)

LEAD_PROFICIENCY = 2.5
"""Mean proficiency (0–4) from which someone can be ready to lead: between "practitioner" (2)
and "proficient" (3), so most of their skills are at least at practitioner level."""

LEAD_INTEREST = 4.0
"""Interest (1–5 agreement) from which someone can be ready to lead: "agree" on average."""

HIGH_WORRY = 4.0
"""Worry (1–5 agreement, as answered) from which someone is not yet ready to lead: they agree,
on average, with the worry items; their concerns come first."""

FOUNDATIONS_BELOW = 1.5
"""Mean proficiency under which someone needs the foundations: nearer "aware" (1) than
"practitioner" (2)."""

_BAND_DIGITS = 9
"""Figures are rounded to this many decimals before the cut-offs, so float noise such as
2.4999999999999996 (a true 2.5) falls on the side it belongs to."""


# --- one person -------------------------------------------------------------------------


def _check_level(level: object, what: str) -> None:
    if isinstance(level, bool) or not isinstance(level, int):
        raise ValueError(f"{what} must be an int 0–4 or None, not {level!r}")
    if not MIN_PROFICIENCY <= level <= MAX_PROFICIENCY:
        raise ValueError(f"{what} must be between 0 and 4, not {level}")


def _check_range(value: float, low: float, high: float, what: str) -> None:
    if isinstance(value, bool) or not low <= value <= high:  # also refuses NaN
        raise ValueError(f"{what} must be between {low:g} and {high:g}, not {value!r}")


@dataclass(frozen=True)
class Rating:
    """One person's proficiency in one skill: their own level and their manager's (0–4).

    Either level may be None (not rated).
    """

    person: int
    skill: str
    self_level: int | None
    manager_level: int | None

    def __post_init__(self) -> None:
        if self.self_level is not None:
            _check_level(self.self_level, "self_level")
        if self.manager_level is not None:
            _check_level(self.manager_level, "manager_level")


def agreed_level(r: Rating, *, prefer: Prefer = "manager") -> float | None:
    """The one level to use for a rating; None when neither the person nor the manager rated.

    * ``"manager"`` (the default): the manager's level when given, else the person's own.
    * ``"self"``: the person's own level when given, else the manager's.
    * ``"lower"``: the lower of the two (conservative: plan for the skill that is certain).
    * ``"mean"``: the mean of the two (may be a half level, e.g. 2.5).

    When only one of the two rated, every choice gives that level.
    """
    given = [level for level in (r.self_level, r.manager_level) if level is not None]
    if not given:
        return None
    if r.self_level is None or r.manager_level is None:
        return float(given[0])
    if prefer == "manager":
        return float(r.manager_level)
    if prefer == "self":
        return float(r.self_level)
    if prefer == "lower":
        return float(min(r.self_level, r.manager_level))
    if prefer == "mean":
        return (r.self_level + r.manager_level) / 2
    raise ValueError(f"prefer must be one of self, manager, lower, mean, not {prefer!r}")


def gap(target: int, current: float | None) -> float | None:
    """How far a person is below the target level: ``target - current``, floored at 0.

    Exceeding the target is a gap of 0, not a negative gap, so a mean gap is never lowered by
    people who are already past it. None when there is no rating (``current`` None). The
    result lies within [0, 4]. Raises ValueError when ``target`` is not an int 0–4 or
    ``current`` is not within [0, 4].
    """
    _check_level(target, "target")
    if current is None:
        return None
    _check_range(current, MIN_PROFICIENCY, MAX_PROFICIENCY, "current level")
    return float(max(0.0, target - current))


def rater_disagreement(r: Rating, *, threshold: int = 2) -> bool:
    """True when the person and the manager both rated and differ by ``threshold`` levels or more.

    A flag for the HR person to discuss with them; nothing is changed. Raises ValueError for a
    ``threshold`` under 1 (which would flag every pair).
    """
    if threshold < 1:
        raise ValueError(f"threshold must be at least 1, not {threshold}")
    if r.self_level is None or r.manager_level is None:
        return False
    return abs(r.self_level - r.manager_level) >= threshold


# --- shared aggregate helpers -----------------------------------------------------------


def _clamp(value: float, low: float, high: float) -> float:
    return min(max(value, low), high)


def _mean(values: Sequence[float]) -> float | None:
    """Exact-sum mean (``math.fsum``, so order does not matter), clamped to the values' range."""
    if not values:
        return None
    return _clamp(math.fsum(values) / len(values), min(values), max(values))


def _fold_map(sizes: Mapping[str, int], threshold: int) -> dict[str, str]:
    """Each group's label after folding (rule 1): itself, or the Other label."""
    t = anonymity_threshold(threshold).value
    protected = fold_small_groups(dict(sizes), threshold=t)
    mapping = {label: label for label in sizes}
    for row in protected.rows:
        if row.is_other:
            for label in row.folded_labels:
                mapping[label] = row.label
        elif row.suppressed:
            # Everyone together is too few: all of them are "Other", withheld by rule 2.
            mapping[row.label] = other_label(t)
    return mapping


def _order(mapping: Mapping[str, str], seen: Iterable[str]) -> list[str]:
    """Shown labels in first-seen order, then Other."""
    shown: list[str] = []
    for label in seen:
        target = mapping[label]
        if target == label and target not in shown:
            shown.append(target)
    for target in mapping.values():
        if target not in shown:
            shown.append(target)
    return shown


def _protect_column(
    figures: Sequence[tuple[str, float | None, int]], threshold: int
) -> list[tuple[float | None, bool]]:
    """Rules 2 and 3 over one column (one skill or item across the groups)."""
    protected = suppress_small_groups(list(figures), threshold=threshold, complementary=True)
    return [(row.value, row.suppressed) for row in protected.rows]


# --- the skills heatmap -----------------------------------------------------------------

GapRow = tuple[str, str, float | None]
"""(group, skill, one person's gap for that skill or None)."""


@dataclass(frozen=True)
class HeatCell:
    """One group × skill cell of the heatmap.

    ``people`` is how many people in the group have a gap for the skill (a rating); it is
    given even when the cell is ``suppressed`` (then ``mean_gap`` and ``spread`` are None),
    so the screen can say "fewer than N people". ``spread`` is the population standard
    deviation of their gaps.
    """

    group: str
    skill: str
    mean_gap: float | None
    people: int
    spread: float | None
    suppressed: bool


def _group_sizes(rows: Sequence[GapRow]) -> dict[str, int]:
    """A group's size: its largest number of rows for any one skill (one row per person)."""
    per_skill: dict[tuple[str, str], int] = {}
    for group, skill, _gap in rows:
        per_skill[(group, skill)] = per_skill.get((group, skill), 0) + 1
    sizes: dict[str, int] = {}
    for (group, _skill), n in per_skill.items():
        sizes[group] = max(sizes.get(group, 0), n)
    return sizes


def _check_gap_rows(rows: Iterable[GapRow]) -> list[GapRow]:
    checked: list[GapRow] = []
    for group, skill, value in rows:
        if value is not None:
            _check_range(value, 0, MAX_PROFICIENCY, f"gap of {group!r} / {skill!r}")
            value = float(value)
        checked.append((group, skill, value))
    return checked


def fold_small_groups_for_heatmap(rows: Iterable[GapRow], *, threshold: int) -> list[GapRow]:
    """The rows with every group under the threshold relabelled "Other (groups under N people)".

    Each row is one person's gap for one skill, so a group's size is its largest number of
    rows for any one skill (a person must appear at most once per skill); rows with no gap
    (None) count, as the person is in the group. Folding follows rule 1 of the module
    (``app.privacy.fold_small_groups``). Rows are kept in order; only the group changes.
    Folding folded rows again changes nothing.
    """
    checked = _check_gap_rows(rows)
    mapping = _fold_map(_group_sizes(checked), threshold)
    return [(mapping[group], skill, value) for group, skill, value in checked]


def heatmap(rows: Iterable[GapRow], *, threshold: int, fold: bool = True) -> list[HeatCell]:
    """The mean gap per group × skill, with the anonymity rules of the module applied.

    ``rows`` are (group, skill, gap of one person) with the gap within [0, 4] or None (no
    rating: left out of the mean and of ``people``). By default (``fold=True``) the rows first
    go through ``fold_small_groups_for_heatmap``, so a group under the threshold never
    appears alone; ``fold=False`` is only for rows folded already. Then each cell covering
    fewer than the threshold is withheld, with complementary suppression per skill (rules 2
    and 3). A cell is given for every (group, skill) pair in the rows: groups in the order
    first seen, Other last; skills in the order first seen. Raises ValueError for a gap
    outside [0, 4].
    """
    t = anonymity_threshold(threshold).value
    data = fold_small_groups_for_heatmap(rows, threshold=t) if fold else _check_gap_rows(rows)
    groups: list[str] = []
    skills: list[str] = []
    gaps: dict[tuple[str, str], list[float]] = {}
    for group, skill, value in data:
        if group not in groups:
            groups.append(group)
        if skill not in skills:
            skills.append(skill)
        found = gaps.setdefault((group, skill), [])
        if value is not None:
            found.append(value)
    other = other_label(t)
    if other in groups:  # Other last
        groups.remove(other)
        groups.append(other)

    cells: dict[tuple[str, str], HeatCell] = {}
    for skill in skills:
        column = [g for g in groups if (g, skill) in gaps]
        figures = [(g, _mean(gaps[(g, skill)]), len(gaps[(g, skill)])) for g in column]
        for (group, _mean_gap, people), (value, suppressed) in zip(
            figures, _protect_column(figures, t), strict=True
        ):
            values = gaps[(group, skill)]
            shown = value is not None and not suppressed
            cells[(group, skill)] = HeatCell(
                group=group,
                skill=skill,
                mean_gap=value if shown else None,
                people=people,
                spread=statistics.pstdev(values) if shown else None,
                suppressed=suppressed,
            )
    return [cells[(g, s)] for g in groups for s in skills if (g, s) in cells]


@dataclass(frozen=True)
class GroupTotal:
    """A group's mean gap over its shown skills.

    ``mean_gap`` is the plain mean of the shown cells' mean gaps (each skill counts once), over
    ``skills`` cells; ``withheld`` cells were suppressed and take no part, so the total can
    never reveal them. None when no cell of the group is shown.
    """

    group: str
    mean_gap: float | None
    skills: int
    withheld: int


def group_totals(cells: Sequence[HeatCell]) -> list[GroupTotal]:
    """Each group's mean gap over its shown (unsuppressed) cells, groups in the cells' order.

    Computed from the shown cells' figures only, never from a withheld cell or from the rows,
    so it tells nothing the shown cells do not (rule 3).
    """
    order: list[str] = []
    shown: dict[str, list[float]] = {}
    withheld: dict[str, int] = {}
    for cell in cells:
        if cell.group not in order:
            order.append(cell.group)
            shown[cell.group] = []
            withheld[cell.group] = 0
        if cell.suppressed:
            withheld[cell.group] += 1
        elif cell.mean_gap is not None:
            shown[cell.group].append(cell.mean_gap)
    return [
        GroupTotal(group=g, mean_gap=_mean(shown[g]), skills=len(shown[g]), withheld=withheld[g])
        for g in order
    ]


def top_gaps(cells: Sequence[HeatCell], group: str, n: int = 3) -> list[HeatCell]:
    """The ``n`` cells of ``group`` with the largest mean gap, largest first.

    Suppressed cells, cells with no mean and cells with a mean gap of 0 (no gap) are left out;
    ties keep the order of ``cells``. Raises ValueError for a negative ``n``.
    """
    if n < 0:
        raise ValueError(f"n must not be negative, not {n}")
    found = [
        c
        for c in cells
        if c.group == group and not c.suppressed and c.mean_gap is not None and c.mean_gap > 0
    ]
    found.sort(key=lambda c: -(c.mean_gap or 0.0))  # stable: ties keep the given order
    return found[:n]


# --- attitudes --------------------------------------------------------------------------


@dataclass(frozen=True)
class AttitudeAnswer:
    """One person's agreement (1–5) with one attitude item."""

    person: int
    item: str
    value: int

    def __post_init__(self) -> None:
        if isinstance(self.value, bool) or not isinstance(self.value, int):
            raise ValueError(f"an attitude answer must be an int 1–5, not {self.value!r}")
        if not MIN_AGREEMENT <= self.value <= MAX_AGREEMENT:
            raise ValueError(f"an attitude answer must be between 1 and 5, not {self.value}")


@dataclass(frozen=True)
class AttitudeCell:
    """One group × item of the attitude summary.

    ``mean`` is on the 1–5 scale with reverse items reversed (``6 - v``), so higher is always
    better. ``people`` answered the item; it is given even when ``suppressed`` (mean None).
    """

    group: str
    item: str
    mean: float | None
    people: int
    suppressed: bool


def scored_value(answer: AttitudeAnswer, reverse_items: Iterable[str]) -> int:
    """The answer as counted: ``6 - v`` for a reverse item, else ``v``."""
    reverse = answer.item in set(reverse_items)
    return (MIN_AGREEMENT + MAX_AGREEMENT - answer.value) if reverse else answer.value


def _group_of(person: int, group_of: Mapping[int, str]) -> str:
    try:
        return group_of[person]
    except KeyError:
        raise ValueError(f"person {person} has no group") from None


def attitude_summary(
    answers: Iterable[AttitudeAnswer],
    *,
    reverse_items: set[str],
    group_of: Mapping[int, str],
    threshold: int,
) -> list[AttitudeCell]:
    """The mean answer per group × item, reverse items reversed, with the anonymity rules.

    A group's size is how many of its people answered at least one item; groups under the
    threshold are folded into Other (rule 1), and a cell covering fewer than the threshold is
    withheld, with complementary suppression per item (rules 2 and 3); so Other, when still
    too small, is withheld too. Only aggregates are returned. Groups in the order first seen,
    Other last; items in the order first seen. Raises ValueError when a person has no group
    in ``group_of`` or answers an item twice.
    """
    t = anonymity_threshold(threshold).value
    reverse = set(reverse_items)
    seen: set[tuple[int, str]] = set()
    members: dict[str, set[int]] = {}
    rows: list[tuple[str, str, int]] = []
    for answer in answers:
        key = (answer.person, answer.item)
        if key in seen:
            raise ValueError(f"person {answer.person} answered {answer.item!r} twice")
        seen.add(key)
        group = _group_of(answer.person, group_of)
        members.setdefault(group, set()).add(answer.person)
        rows.append((group, answer.item, scored_value(answer, reverse)))

    mapping = _fold_map({g: len(p) for g, p in members.items()}, t)
    groups = _order(mapping, members)
    items: list[str] = []
    values: dict[tuple[str, str], list[float]] = {}
    for group, item, value in rows:
        if item not in items:
            items.append(item)
        values.setdefault((mapping[group], item), []).append(float(value))

    cells: dict[tuple[str, str], AttitudeCell] = {}
    for item in items:
        column = [g for g in groups if (g, item) in values]
        figures = [(g, _mean(values[(g, item)]), len(values[(g, item)])) for g in column]
        for (group, _value, people), (mean, suppressed) in zip(
            figures, _protect_column(figures, t), strict=True
        ):
            cells[(group, item)] = AttitudeCell(
                group=group,
                item=item,
                mean=None if suppressed else mean,
                people=people,
                suppressed=suppressed,
            )
    return [cells[(g, i)] for g in groups for i in items if (g, i) in cells]


# --- readiness segments -----------------------------------------------------------------


def segment(mean_proficiency: float | None, interest: float | None, worry: float | None) -> Segment:
    """A person's readiness segment, from their mean proficiency (0–4) and attitudes (1–5).

    ``interest`` and ``worry`` are means of 1–5 agreement *as answered* (a higher worry is
    more worried). In this order:

    * ``"unknown"``: no mean proficiency (None).
    * ``"needs_foundations"``: mean proficiency under 1.5, whatever the attitudes.
    * ``"ready_to_lead"``: mean proficiency 2.5 or more, interest 4 or more, and worry under 4
      (or not asked). An unknown interest is never enough to lead.
    * ``"building"``: everyone else (proficiency 1.5 or more and not ready to lead).

    Figures are rounded to 9 decimals first, so float noise lands on the right side.
    Raises ValueError outside the scales or for NaN.
    """
    if mean_proficiency is None:
        if interest is not None:
            _check_range(interest, MIN_AGREEMENT, MAX_AGREEMENT, "interest")
        if worry is not None:
            _check_range(worry, MIN_AGREEMENT, MAX_AGREEMENT, "worry")
        return "unknown"
    _check_range(mean_proficiency, MIN_PROFICIENCY, MAX_PROFICIENCY, "mean proficiency")
    if interest is not None:
        _check_range(interest, MIN_AGREEMENT, MAX_AGREEMENT, "interest")
    if worry is not None:
        _check_range(worry, MIN_AGREEMENT, MAX_AGREEMENT, "worry")
    proficiency = round(mean_proficiency, _BAND_DIGITS)
    if proficiency < FOUNDATIONS_BELOW:
        return "needs_foundations"
    if (
        proficiency >= LEAD_PROFICIENCY
        and interest is not None
        and round(interest, _BAND_DIGITS) >= LEAD_INTEREST
        and (worry is None or round(worry, _BAND_DIGITS) < HIGH_WORRY)
    ):
        return "ready_to_lead"
    return "building"


@dataclass(frozen=True)
class SegmentCounts:
    """How many people of a group are in each segment.

    The counts add up to ``people``. When ``suppressed`` (only possible for Other, when
    everyone together is under the threshold) every count is None; ``people`` is still given.
    """

    group: str
    people: int
    ready_to_lead: int | None
    building: int | None
    needs_foundations: int | None
    unknown: int | None
    suppressed: bool
    worried: int | None = None
    """People of the group whose worry (1–5, as answered) is ``HIGH_WORRY`` or more; a count
    across segments, withheld with the others. None also when worry was not given."""


def segment_counts(
    segments: Mapping[int, str],
    group_of: Mapping[int, str],
    *,
    threshold: int,
    worried: Iterable[int] | None = None,
) -> list[SegmentCounts]:
    """The number of people per segment in each group, with the anonymity rules.

    ``segments`` maps each person to their segment (see ``segment``). Groups under the
    threshold are folded into Other (rule 1); a group's counts are withheld when it still has
    fewer people than the threshold (only when everyone together is too few). Counts inside
    a shown group are not withheld: the group has at least the threshold of people.
    Groups in the order first seen, Other last. ``worried`` (people whose worry is high,
    each also in ``segments``) adds a count of them per group, with the same rules. Raises
    ValueError for an unknown segment or a person with no group.
    """
    t = anonymity_threshold(threshold).value
    worried_people = None if worried is None else set(worried)
    members: dict[str, list[str]] = {}
    for person, seg in segments.items():
        if seg not in SEGMENTS:
            raise ValueError(f"person {person}: unknown segment {seg!r}")
        members.setdefault(_group_of(person, group_of), []).append(seg)
    mapping = _fold_map({g: len(s) for g, s in members.items()}, t)
    folded: dict[str, list[str]] = {}
    for group, segs in members.items():
        folded.setdefault(mapping[group], []).extend(segs)
    worried_in: dict[str, int] = {}
    if worried_people is not None:
        for person in worried_people:
            if person not in segments:
                raise ValueError(f"worried person {person} has no segment")
            label = mapping[_group_of(person, group_of)]
            worried_in[label] = worried_in.get(label, 0) + 1
    result: list[SegmentCounts] = []
    for group in _order(mapping, members):
        segs = folded[group]
        people = len(segs)
        suppressed = 0 < people < t
        counts = {s: (None if suppressed else segs.count(s)) for s in SEGMENTS}
        result.append(
            SegmentCounts(
                group=group,
                people=people,
                ready_to_lead=counts["ready_to_lead"],
                building=counts["building"],
                needs_foundations=counts["needs_foundations"],
                unknown=counts["unknown"],
                suppressed=suppressed,
                worried=(
                    None if suppressed or worried_people is None else worried_in.get(group, 0)
                ),
            )
        )
    return result


def champion_candidates(
    people: Iterable[tuple[int, str, float, float]], *, per_group: int = 2
) -> dict[str, list[int]]:
    """Up to ``per_group`` people per group to ask to be AI champions, best first.

    ``people`` are (person, group, mean proficiency 0–4, interest 1–5). Ranked by mean
    proficiency, then interest, both highest first, then by person id (lowest first) so the
    result does not depend on the input order. Groups in the order first seen. This is a
    list of names for the HR person to act on, not a report: no anonymity rule applies, and
    it must not be published. Raises ValueError for a negative ``per_group``, a person listed
    twice, or a figure outside its scale.
    """
    if per_group < 0:
        raise ValueError(f"per_group must not be negative, not {per_group}")
    ranked: dict[str, list[tuple[float, float, int]]] = {}
    seen: set[int] = set()
    for person, group, proficiency, interest in people:
        if person in seen:
            raise ValueError(f"person {person} is listed twice")
        seen.add(person)
        _check_range(proficiency, MIN_PROFICIENCY, MAX_PROFICIENCY, "mean proficiency")
        _check_range(interest, MIN_AGREEMENT, MAX_AGREEMENT, "interest")
        ranked.setdefault(group, []).append((-proficiency, -interest, person))
    return {
        group: [person for _p, _i, person in sorted(entries)[:per_group]]
        for group, entries in ranked.items()
    }
