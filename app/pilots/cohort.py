"""Choosing a pilot cohort: the keenest and most influential people, every department represented.

Pure functions over candidates already read (``app/pilots/candidates.py`` reads them), so the
suggestion, the coverage table and a swap by hand can be worked out and tested without a
database. Every pick carries a reason in plain words, for the HR person and for leadership.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from app.errors import ValidationError
from app.i18n import _, ngettext

MIDDLE = 3.0
"""What a missing enthusiasm or influence counts as: the middle of the 1-5 scale."""


@dataclass(frozen=True)
class Candidate:
    """An active person who could join a pilot, with the figures the suggestion weighs."""

    person_id: int
    display_name: str
    department: str
    """"No department" (in the user's language) for people without one."""
    role: str | None
    enthusiasm: float | None
    """1-5, or None when neither the skills survey nor HR gave a figure."""
    enthusiasm_source: str
    """"survey", "entered" or "none"."""
    influence: float | None
    """1-5, or None without an entry or a figure derived from the people they manage."""
    influence_source: str
    """"entered", "manages" or "none"."""
    reports: int = 0
    """People they manage directly."""

    @property
    def score(self) -> float:
        """Enthusiasm + influence; a missing one counts as the middle of the scale (3).

        So nobody rises or sinks only because a figure is missing.
        """
        enthusiasm = MIDDLE if self.enthusiasm is None else self.enthusiasm
        influence = MIDDLE if self.influence is None else self.influence
        return enthusiasm + influence


@dataclass(frozen=True)
class DepartmentCoverage:
    """One line of the coverage table: how a department is represented in the cohort."""

    department: str
    candidates: int
    picked: int
    share: float
    """Of the cohort, 0-1 (0 for an empty cohort)."""
    limit: int
    """The most people this department may have at the chosen share."""
    over_limit: bool
    missing: bool
    """In scope and has candidates, but nobody was picked."""


@dataclass(frozen=True)
class Pick:
    candidate: Candidate
    reason: str
    """Why this person is in the cohort, in plain words with the actual figures."""


@dataclass(frozen=True)
class Cohort:
    picks: tuple[Pick, ...]
    """In the order they were chosen: kept by hand, one per department, then by score."""
    coverage: tuple[DepartmentCoverage, ...]
    notes: tuple[str, ...]
    """Plain sentences about what could not be met (representation, the share limit)."""

    @property
    def people(self) -> tuple[Candidate, ...]:
        return tuple(pick.candidate for pick in self.picks)


def department_limit(max_share: float, size: int) -> int:
    """The most people one department may have in a cohort of ``size``: at least 1."""
    # The small epsilon keeps 0.29 × 100 at 29 despite binary floating point.
    return max(1, math.floor(max_share * size + 1e-9))


def suggest_cohort(
    candidates: Sequence[Candidate],
    size: int,
    *,
    departments: Sequence[str] | None = None,
    max_share: float = 0.4,
    keep: Collection[int] = (),
) -> Cohort:
    """The cohort of ``size`` with the highest scores that still represents every department.

    ``departments`` is the scope that must be represented (None: every department among
    the candidates); candidates outside it may still be picked on their score. People in
    ``keep`` (chosen by hand) stay. Then the best candidate of each department in scope
    that is not yet represented, departments with the highest best score first, as long as
    places remain; then the highest scores overall while no department goes over
    ``max_share`` of the cohort. If the share limit leaves places empty, the rest are
    filled by score anyway and a note says so. Ties are broken by name, then id.
    """
    _check_size(size, len(candidates))
    _check_share(max_share)
    by_id = {c.person_id: c for c in candidates}
    if len(by_id) != len(candidates):
        raise ValueError("a person appears twice among the candidates")
    kept_ids = set(keep)
    _check_keep(kept_ids, by_id.keys(), size)
    scope = _scope(candidates, (), departments)
    limit = department_limit(max_share, size)
    ranked = sorted(candidates, key=_rank)
    picks: list[Pick] = [
        Pick(c, reason_for(c, best_in_department=False, by_hand=True))
        for c in ranked
        if c.person_id in kept_ids
    ]
    taken = set(kept_ids)
    counts = Counter(p.candidate.department for p in picks)

    best_of: dict[str, Candidate] = {}
    for candidate in ranked:
        if candidate.department in scope and candidate.department not in best_of:
            best_of[candidate.department] = candidate
    for department, best in sorted(best_of.items(), key=lambda item: _rank(item[1])):
        if len(picks) >= size:
            break
        if counts[department] == 0:
            picks.append(Pick(best, reason_for(best, best_in_department=True)))
            taken.add(best.person_id)
            counts[department] += 1

    # Who the places left would go to on score alone, to tell what the share limit cost.
    unlimited = [c for c in ranked if c.person_id not in taken][: size - len(picks)]
    for candidate in ranked:
        if len(picks) >= size:
            break
        if candidate.person_id in taken or counts[candidate.department] >= limit:
            continue
        picks.append(Pick(candidate, reason_for(candidate, best_in_department=False)))
        taken.add(candidate.person_id)
        counts[candidate.department] += 1

    filled_over_limit = len(picks) < size
    for candidate in ranked:
        if len(picks) >= size:
            break
        if candidate.person_id not in taken:
            picks.append(Pick(candidate, _reason_over_share(candidate)))
            taken.add(candidate.person_id)

    people = [p.candidate for p in picks]
    table = coverage(people, candidates, departments=departments, max_share=max_share)
    notes = _notes(
        table,
        scope=scope,
        size=size,
        max_share=max_share,
        kept=[by_id[i] for i in kept_ids],
        held_back=[c for c in unlimited if c.person_id not in taken],
        filled_over_limit=filled_over_limit,
    )
    return Cohort(tuple(picks), table, notes)


def coverage(
    picked: Sequence[Candidate],
    candidates: Sequence[Candidate],
    *,
    departments: Sequence[str] | None = None,
    max_share: float = 0.4,
) -> tuple[DepartmentCoverage, ...]:
    """The coverage table of any cohort, e.g. after a swap by hand.

    Departments in scope first, by name; then departments outside it that have people in
    the cohort. The limit is ``max_share`` of this cohort's size.
    """
    _check_share(max_share)
    scope = _scope(candidates, picked, departments)
    size = len(picked)
    limit = department_limit(max_share, size) if size else 0
    available = Counter(c.department for c in candidates)
    chosen = Counter(c.department for c in picked)
    outside = {d for d in chosen if d not in scope}
    rows = []
    for department in [*_by_name(scope), *_by_name(outside)]:
        picked_here = chosen[department]
        rows.append(
            DepartmentCoverage(
                department=department,
                candidates=available[department],
                picked=picked_here,
                share=picked_here / size if size else 0.0,
                limit=limit,
                over_limit=picked_here > limit,
                missing=department in scope and available[department] > 0 and picked_here == 0,
            )
        )
    return tuple(rows)


def swap(
    picks: Sequence[Pick], out_person_id: int, incoming: Candidate, reason: str | None = None
) -> tuple[Pick, ...]:
    """The cohort with one person replaced by another, in the same place of the order."""
    names = {p.candidate.person_id: p.candidate.display_name for p in picks}
    if out_person_id not in names:
        raise ValidationError(_("That person is not in the cohort."), field="out")
    if incoming.person_id in names:
        raise ValidationError(
            _("{name} is already in the cohort.").format(name=incoming.display_name),
            field="incoming",
        )
    if reason is None:
        reason = _("Chosen by hand in place of {name}.").format(name=names[out_person_id])
    return tuple(
        Pick(incoming, reason) if p.candidate.person_id == out_person_id else p for p in picks
    )


def reason_for(candidate: Candidate, *, best_in_department: bool, by_hand: bool = False) -> str:
    """Why a person is picked, with their figures and where each comes from."""
    figures = _figures(candidate)
    if by_hand:
        return _("Chosen by hand: {figures}.").format(figures=figures)
    if best_in_department:
        return _("The highest score in {department}: {figures}.").format(
            department=candidate.department, figures=figures
        )
    return _("Among the highest scores overall: {figures}.").format(figures=figures)


def _reason_over_share(candidate: Candidate) -> str:
    return _(
        "Added to fill the cohort although {department} goes over its share: {figures}."
    ).format(department=candidate.department, figures=_figures(candidate))


def _figures(candidate: Candidate) -> str:
    """“enthusiasm 4.6 from the skills survey, influence 4 (manages 6 people)”."""
    return _("{enthusiasm}, {influence}").format(
        enthusiasm=_enthusiasm_words(candidate), influence=_influence_words(candidate)
    )


def _enthusiasm_words(candidate: Candidate) -> str:
    value = candidate.enthusiasm
    if value is None or candidate.enthusiasm_source == "none":
        return _("no enthusiasm figure (counted as 3, the middle of the scale)")
    if candidate.enthusiasm_source == "entered":
        return _("enthusiasm {value} (entered)").format(value=_figure(value))
    return _("enthusiasm {value} from the skills survey").format(value=_figure(value))


def _influence_words(candidate: Candidate) -> str:
    value = candidate.influence
    if value is None or candidate.influence_source == "none":
        return _("no influence figure (counted as 3, the middle of the scale)")
    if candidate.influence_source == "entered":
        return _("influence {value} (entered)").format(value=_figure(value))
    if candidate.reports == 0:
        return _("influence {value} (manages nobody)").format(value=_figure(value))
    return ngettext(
        "influence {value} (manages {n} person)",
        "influence {value} (manages {n} people)",
        candidate.reports,
    ).format(value=_figure(value), n=candidate.reports)


def _figure(value: float) -> str:
    """4 for a whole number, 4.6 otherwise."""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _percent(share: float) -> str:
    return f"{share * 100:.0f} %"


def _rank(candidate: Candidate) -> tuple[float, str, str, int]:
    """Highest score first, then by name, then by id: the same order every time."""
    name = candidate.display_name
    return (-candidate.score, name.casefold(), name, candidate.person_id)


def _scope(
    candidates: Sequence[Candidate], picked: Sequence[Candidate], departments: Sequence[str] | None
) -> set[str]:
    if departments is not None:
        return set(departments)
    return {c.department for c in candidates} | {c.department for c in picked}


def _by_name(departments: Iterable[str]) -> list[str]:
    return sorted(departments, key=lambda d: (d.casefold(), d))


def _listed(names: Sequence[str]) -> str:
    """Names as a list in a sentence: “A”, “A and B”, “A, B and C”."""
    if len(names) <= 1:
        return "".join(names)
    return _("{first} and {last}").format(first=", ".join(names[:-1]), last=names[-1])


def _check_size(size: int, candidates: int) -> None:
    if size < 1:
        raise ValidationError(_("Choose a cohort of at least 1 person."), field="size")
    if size > candidates:
        if candidates == 0:
            raise ValidationError(
                _("Nobody is a candidate yet: add active people to the departments in scope."),
                field="size",
            )
        raise ValidationError(
            ngettext(
                "Only {n} person is a candidate; choose a cohort of {n}.",
                "Only {n} people are candidates; choose a cohort of {n} or fewer.",
                candidates,
            ).format(n=candidates),
            field="size",
        )


def _check_keep(kept_ids: set[int], candidate_ids: Collection[int], size: int) -> None:
    if not kept_ids <= set(candidate_ids):
        raise ValidationError(
            _("Someone chosen by hand is no longer a candidate; choose again."), field="keep"
        )
    if len(kept_ids) > size:
        raise ValidationError(
            ngettext(
                "{kept} person was chosen by hand, more than the cohort of {size}.",
                "{kept} people were chosen by hand, more than the cohort of {size}.",
                len(kept_ids),
            ).format(kept=len(kept_ids), size=size),
            field="size",
        )


def _check_share(max_share: float) -> None:
    if not 0 < max_share <= 1:
        raise ValidationError(
            _("The most from one department is a share above 0 % and up to 100 %."),
            field="max_share",
        )


def _notes(
    table: Sequence[DepartmentCoverage],
    *,
    scope: set[str],
    size: int,
    max_share: float,
    kept: Sequence[Candidate],
    held_back: Sequence[Candidate],
    filled_over_limit: bool,
) -> tuple[str, ...]:
    """Sentences about what the cohort could not meet, in the order of the coverage table."""
    notes: list[str] = []
    in_scope = [row for row in table if row.department in scope]
    for row in in_scope:
        if row.candidates == 0:
            notes.append(_("{department} has no candidates.").format(department=row.department))
    missing = [row.department for row in in_scope if row.missing]
    with_candidates = sum(1 for row in in_scope if row.candidates > 0)
    if missing and size < with_candidates:
        notes.append(
            ngettext(
                "The cohort of {size} is smaller than the {count} departments in scope: "
                "{missing} has nobody.",
                "The cohort of {size} is smaller than the {count} departments in scope: "
                "{missing} have nobody.",
                len(missing),
            ).format(size=size, count=with_candidates, missing=_listed(missing))
        )
    elif missing:
        notes.append(
            _("The people chosen by hand leave no place for {missing}.").format(
                missing=_listed(missing)
            )
        )
    share = _percent(max_share)
    kept_in = Counter(c.department for c in kept)
    for row in table:
        if not row.over_limit:
            continue
        if kept_in[row.department] > row.limit:
            notes.append(
                _(
                    "{kept} people from {department} were chosen by hand, more than the "
                    "{limit} that {share} of the cohort allows."
                ).format(
                    kept=kept_in[row.department],
                    department=row.department,
                    limit=row.limit,
                    share=share,
                )
            )
        elif filled_over_limit:
            notes.append(
                _(
                    "{department} has {picked} people in the cohort, more than the {limit} that "
                    "{share} allows: the other departments have too few candidates to fill "
                    "{size} places."
                ).format(
                    department=row.department,
                    picked=row.picked,
                    limit=row.limit,
                    share=share,
                    size=size,
                )
            )
    left_out = Counter(c.department for c in held_back)
    for row in table:
        if left_out[row.department] and row.picked == row.limit:
            notes.append(
                ngettext(
                    "{department} is held to {share} of the cohort ({limit} of {size} places), "
                    "so {n} of its high scorers was left out.",
                    "{department} is held to {share} of the cohort ({limit} of {size} places), "
                    "so {n} of its high scorers were left out.",
                    left_out[row.department],
                ).format(
                    department=row.department,
                    share=share,
                    limit=row.limit,
                    size=size,
                    n=left_out[row.department],
                )
            )
    return tuple(notes)
