"""The anonymity threshold: no group smaller than it is ever shown on its own in an aggregate.

DESIGN §5. Pure functions, no database and no report library, so every report, export and
screen applies the same rule and tests can prove it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from app.i18n import _, ngettext

DEFAULT_THRESHOLD = 5
"""Groups of fewer people than this are folded or suppressed unless the user chose otherwise."""

MIN_THRESHOLD = 3
"""The lowest threshold the app accepts; anything lower is raised to this."""

Combine = Literal["sum", "mean"]


@dataclass(frozen=True)
class AnonymityThreshold:
    """The threshold in force, and whether the requested one had to be raised."""

    value: int
    requested: int

    @property
    def clamped(self) -> bool:
        return self.value != self.requested

    @property
    def note(self) -> str | None:
        """A sentence for the report when the requested threshold was raised, else None."""
        if not self.clamped:
            return None
        return _(
            "The anonymity threshold was set to {requested}; it was raised to "
            "{value}, the lowest the app allows."
        ).format(requested=self.requested, value=self.value)


def anonymity_threshold(requested: int | None = None) -> AnonymityThreshold:
    """The threshold to apply: the default when none is given, never below MIN_THRESHOLD."""
    wanted = DEFAULT_THRESHOLD if requested is None else int(requested)
    return AnonymityThreshold(value=max(wanted, MIN_THRESHOLD), requested=wanted)


def other_label(threshold: int) -> str:
    """The label of the row that stands for every small group together."""
    return _("Other (groups under {threshold} people)").format(threshold=threshold)


@dataclass(frozen=True)
class GroupRow:
    """One line of an aggregate: a label, the figure shown, and how many people it covers.

    ``value`` is None when it is withheld (suppressed) or when no one in the group answered.
    """

    label: str
    value: float | None
    people: int
    is_other: bool = False
    suppressed: bool = False
    folded_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProtectedGroups:
    """An aggregate after the anonymity rule: the rows to show and the sentence that says so."""

    rows: tuple[GroupRow, ...]
    threshold: AnonymityThreshold
    affected_labels: tuple[str, ...]
    note: str | None

    @property
    def other(self) -> GroupRow | None:
        """The combined row of small groups, if folding produced one."""
        return next((row for row in self.rows if row.is_other), None)


GroupInput = Mapping[str, int] | Iterable[tuple[str, float | None, int]]


def _as_rows(groups: GroupInput) -> list[GroupRow]:
    if isinstance(groups, Mapping):
        return [GroupRow(label=str(k), value=float(n), people=int(n)) for k, n in groups.items()]
    rows = []
    for label, value, people in groups:
        rows.append(
            GroupRow(
                label=str(label),
                value=None if value is None else float(value),
                people=int(people),
            )
        )
    return rows


def _combined_value(rows: list[GroupRow], combine: Combine) -> float | None:
    if combine == "sum":
        return float(sum(row.value or 0.0 for row in rows))
    weighted = [(row.value, row.people) for row in rows if row.value is not None and row.people]
    total = sum(n for _value, n in weighted)
    if not total:
        return None
    return sum(v * n for v, n in weighted) / total


def _is_small(row: GroupRow, threshold: int) -> bool:
    # A group of nobody identifies nobody; it is shown as it is (usually an empty value).
    return 0 < row.people < threshold


def fold_small_groups(
    groups: GroupInput,
    *,
    threshold: int | None = None,
    combine: Combine = "sum",
) -> ProtectedGroups:
    """Combine every group under the threshold into one "Other (groups under N people)" row.

    ``groups`` is either ``{label: people}`` (the value shown is the count) or
    ``(label, value, people)`` triples; ``combine`` says how the Other row's value is made:
    ``"sum"`` for counts, ``"mean"`` for averages (weighted by people). If the Other row itself
    would still cover fewer people than the threshold, the smallest shown groups join it until
    it does; if even everyone together is too few, everything is withheld. The order of the
    shown rows is kept, with Other last.
    """
    limit = anonymity_threshold(threshold)
    t = limit.value
    rows = _as_rows(groups)
    folded = [row for row in rows if _is_small(row, t)]
    shown = [row for row in rows if not _is_small(row, t)]

    if folded:
        # Secondary protection: Other must itself reach the threshold.
        candidates = sorted((r for r in shown if r.people > 0), key=lambda r: r.people)
        while sum(r.people for r in folded) < t and candidates:
            extra = candidates.pop(0)
            shown.remove(extra)
            folded.append(extra)

    if folded and sum(r.people for r in folded) < t:
        # Even everyone together is too few: nothing can be shown.
        everyone = {i for i, row in enumerate(rows) if row.people > 0}
        return _withhold(rows, limit, everyone)

    result: list[GroupRow] = list(shown)
    labels = tuple(row.label for row in folded)
    note = None
    if folded:
        result.append(
            GroupRow(
                label=other_label(t),
                value=_combined_value(folded, combine),
                people=sum(row.people for row in folded),
                is_other=True,
                folded_labels=labels,
            )
        )
        note = ngettext(
            "To protect anonymity, groups of fewer than {threshold} people are not shown on "
            "their own: {n} group ({labels}) are combined into “{other}”.",
            "To protect anonymity, groups of fewer than {threshold} people are not shown on "
            "their own: {n} groups ({labels}) are combined into “{other}”.",
            len(folded),
        ).format(threshold=t, n=len(folded), labels=", ".join(labels), other=other_label(t))
    if limit.note:
        note = f"{note} {limit.note}" if note else limit.note
    return ProtectedGroups(rows=tuple(result), threshold=limit, affected_labels=labels, note=note)


def suppress_small_groups(
    groups: GroupInput,
    *,
    threshold: int | None = None,
    complementary: bool = True,
) -> ProtectedGroups:
    """Keep every row but withhold the value of groups under the threshold.

    For when folding is not meaningful (a heatmap row per department, a score per team).
    With ``complementary`` (the default), when exactly one group is withheld the next smallest
    is withheld too, so its value cannot be worked out from a total shown elsewhere.
    """
    limit = anonymity_threshold(threshold)
    t = limit.value
    rows = _as_rows(groups)
    hidden = {i for i, row in enumerate(rows) if _is_small(row, t)}
    if complementary and len(hidden) == 1:
        rest = [(row.people, i) for i, row in enumerate(rows) if i not in hidden and row.people > 0]
        if rest:
            hidden.add(min(rest)[1])
    return _withhold(rows, limit, hidden)


def _withhold(rows: list[GroupRow], limit: AnonymityThreshold, hidden: set[int]) -> ProtectedGroups:
    t = limit.value
    result = tuple(
        GroupRow(label=row.label, value=None, people=row.people, suppressed=True)
        if i in hidden
        else row
        for i, row in enumerate(rows)
    )
    labels = tuple(rows[i].label for i in sorted(hidden))
    note = None
    if hidden:
        note = ngettext(
            "To protect anonymity, results are not shown for groups of fewer than {threshold} "
            "people (or where they could be worked out from other figures): {n} group "
            "({labels}).",
            "To protect anonymity, results are not shown for groups of fewer than {threshold} "
            "people (or where they could be worked out from other figures): {n} groups "
            "({labels}).",
            len(hidden),
        ).format(threshold=t, n=len(hidden), labels=", ".join(labels))
    if limit.note:
        note = f"{note} {limit.note}" if note else limit.note
    return ProtectedGroups(rows=result, threshold=limit, affected_labels=labels, note=note)
