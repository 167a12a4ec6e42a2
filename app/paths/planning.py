"""Planning learning paths: totals, skills coverage, the gap-trimming suggestion, capacity, dates.

Plain data in, plain data out: no database, no I/O, no Qt. The prerequisite rules (cycles,
a path's order, one-click fixes) live in ``app.paths.prerequisites`` and are re-exported here.
The rules, in one place:

* Levels are the skills catalogue's 0–4 (0 none … 4 expert). A module raises each skill it
  names to a level 1–4; a role target is 0–4, and a target of 0 asks for nothing.
* Totals: a path's hours are the sum of its modules' hours; the weeks it takes at a protected
  learning time of ``hours_per_week`` are ``ceil(hours / hours_per_week)``. Quotients are
  rounded to 9 decimals first, so float noise (0.1 + 0.2 hours at 0.1 h/week) does not add
  a week.
* Coverage: the level a path reaches in a skill is the highest level any of its modules raises
  it to (0 when none does); the skill is covered when that reaches the target.
* The gap-trimming suggestion (``suggest_for_person``): the path of a person's track, trimmed
  to what closes their gaps. Not rated (None, or a skill not given) counts as level 0, so a
  person without a survey keeps the whole path. For each module of the path:

  1. *needed*: it raises a skill the person is below both the module's level and the
     target in (``current < raises_to`` and ``current < target``): kept;
  2. *general*: it raises no skill at all: kept;
  3. a prerequisite (in the path, directly or through others) of a kept module is kept too,
     unless the person already knows what it teaches: at or above every level it raises
     skills to. Such a known prerequisite does not hold its dependant back, and its own
     prerequisites are not pulled in through it;
  4. everything else is skipped with a reason code: ``"already_proficient"`` with the skills
     the person already has to the module's level or the role's target, or, when the role
     targets none of its skills, ``"not_in_targets"`` with all of them.

  Kept modules keep the path's order. Raising a person's level never brings back a skipped
  module, and trimming a trimmed path changes nothing.
* Capacity: an assignment's hours are spread evenly over the days from start to due (both
  included) and summed per department per calendar month. A month's capacity is people ×
  protected hours per week × days in the month / 7; the month is overloaded when its hours
  exceed that (after rounding both to 9 decimals).
* Schedule: modules are taken back to back at ``hours_per_week``, spread evenly over the days
  of the week (7 per week): a module runs from the day its first hour falls on to the day its
  last hour does, so neighbours may share a day, and the last one ends on the last day of
  week ``weeks_needed(total hours)``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal, NamedTuple, Protocol

from app.paths.prerequisites import (
    FixAction,
    OrderFix,
    OrderProblem,
    ProblemKind,
    RequiresModules,
    Slot,
    apply_fix,
    check_order,
    find_cycle,
    fix_all,
    prerequisite_map,
    would_create_cycle,
)

__all__ = [
    "FixAction",
    "MonthLoad",
    "OrderFix",
    "OrderProblem",
    "PlannedModule",
    "ProblemKind",
    "RequiresModules",
    "ScheduledModule",
    "SkillCoverage",
    "SkipReason",
    "SkippedModule",
    "Slot",
    "Suggestion",
    "apply_fix",
    "check_order",
    "coverage",
    "find_cycle",
    "fix_all",
    "monthly_load",
    "path_hours",
    "prerequisite_map",
    "schedule",
    "suggest_for_person",
    "uncovered",
    "weeks_needed",
    "would_create_cycle",
]

SkipReason = Literal["already_proficient", "not_in_targets"]

_DIGITS = 9
"""Quotients and loads are rounded to this many decimals before ceil, floor or a comparison."""


class PlannedModule(Protocol):
    """What planning needs of a module, e.g. ``ModuleContent``."""

    @property
    def key(self) -> str: ...

    @property
    def hours(self) -> float: ...

    @property
    def raises(self) -> Mapping[str, int]: ...


def _check_number(value: float, what: str, *, positive: bool = False) -> float:
    """``value`` as a float; ValueError unless it is a finite number at least 0 (over 0)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"{what} must be a finite number, not {value!r}")
    if value < 0 or (positive and value == 0):
        raise ValueError(f"{what} must be {'over' if positive else 'at least'} 0, not {value}")
    return float(value)


def _check_level(level: int, what: str, low: int) -> int:
    if isinstance(level, bool) or not isinstance(level, int) or not low <= level <= 4:
        raise ValueError(f"{what} must be an int {low}–4, not {level!r}")
    return level


def _checked_raises(raises: Mapping[str, int], what: str) -> dict[str, int]:
    return {
        skill: _check_level(level, f"{what} raising {skill!r}", 1)
        for skill, level in raises.items()
    }


def _checked_targets(targets: Mapping[str, int]) -> dict[str, int]:
    return {
        skill: _check_level(level, f"the target for {skill!r}", 0)
        for skill, level in targets.items()
    }


# --- totals and coverage ----------------------------------------------------------------


def path_hours(modules: Iterable[PlannedModule]) -> float:
    """The hours of all the modules together. Raises ValueError for negative hours."""
    return math.fsum(_check_number(m.hours, f"the hours of {m.key!r}") for m in modules)


def weeks_needed(hours: float, hours_per_week: float) -> int:
    """Whole weeks to learn ``hours`` at ``hours_per_week``: ``ceil(hours / hours_per_week)``.

    Raises ValueError for negative hours or a pace that is not over 0.
    """
    total = _check_number(hours, "hours")
    pace = _check_number(hours_per_week, "hours per week", positive=True)
    return math.ceil(round(total / pace, _DIGITS))


@dataclass(frozen=True)
class SkillCoverage:
    """How far a path takes one skill: ``reached`` is 0 when no module raises it."""

    skill: str
    target: int
    reached: int
    covered: bool


def coverage(
    module_raises: Iterable[Mapping[str, int]], targets: Mapping[str, int]
) -> list[SkillCoverage]:
    """Each target skill, in the order of ``targets``, with the level the modules reach in it.

    Skills the modules raise without a target are not listed. Raises ValueError for a target
    outside 0–4 or a raised level outside 1–4.
    """
    wanted = _checked_targets(targets)
    reached: dict[str, int] = {}
    for n, raises in enumerate(module_raises):
        for skill, level in _checked_raises(raises, f"module {n}").items():
            reached[skill] = max(reached.get(skill, 0), level)
    return [
        SkillCoverage(skill, target, reached.get(skill, 0), reached.get(skill, 0) >= target)
        for skill, target in wanted.items()
    ]


def uncovered(
    module_raises: Iterable[Mapping[str, int]], targets: Mapping[str, int]
) -> list[SkillCoverage]:
    """The target skills the modules leave short of their target (see ``coverage``)."""
    return [line for line in coverage(module_raises, targets) if not line.covered]


# --- the gap-trimming suggestion --------------------------------------------------------


@dataclass(frozen=True)
class SkippedModule:
    """A module the suggestion leaves out, why (a reason code), and the skills that says so."""

    key: str
    reason_code: SkipReason
    skills: tuple[str, ...]


@dataclass(frozen=True)
class Suggestion:
    """A person's share of a path: the modules kept, in the path's order, and those skipped.

    ``required_by`` names, for each module kept only as a prerequisite (rule 3), the kept
    modules that require it directly, in the path's order.
    """

    modules_kept: list[str]
    skipped: list[SkippedModule]
    required_by: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _current_levels(current_levels: Mapping[str, float | None]) -> dict[str, float]:
    levels: dict[str, float] = {}
    for skill, level in current_levels.items():
        if level is not None:
            value = _check_number(level, f"the current level in {skill!r}")
            if value > 4:
                raise ValueError(f"the current level in {skill!r} must be 0–4, not {level}")
            levels[skill] = value
    return levels


def suggest_for_person(
    path_modules: Sequence[PlannedModule],
    current_levels: Mapping[str, float | None],
    targets: Mapping[str, int],
    prerequisites: Mapping[str, Iterable[str]],
) -> Suggestion:
    """The path trimmed to the modules that close this person's gaps (rules in the module).

    ``current_levels`` are the person's levels 0–4 per skill (e.g. the agreed level of the
    skills survey), None or absent when not rated; ``targets`` their role's targets;
    ``prerequisites`` the library's (module key -> prerequisite keys). Raises ValueError for a
    module twice in the path or a level outside its scale.
    """
    order = [m.key for m in path_modules]
    if len(set(order)) != len(order):
        raise ValueError("a module appears twice in the path")
    level = _current_levels(current_levels)
    wanted = _checked_targets(targets)
    raises = {m.key: _checked_raises(m.raises, f"module {m.key!r}") for m in path_modules}
    graph = {key: tuple(required) for key, required in prerequisites.items()}

    def current(skill: str) -> float:
        return level.get(skill, 0.0)

    def needed(key: str) -> bool:
        return any(
            current(s) < to and current(s) < wanted.get(s, 0) for s, to in raises[key].items()
        )

    def meets_target(skill: str) -> bool:
        return 0 < wanted.get(skill, 0) <= current(skill)

    def known(key: str) -> bool:
        return all(current(s) >= to for s, to in raises[key].items())

    kept = {key for key in order if not raises[key] or needed(key)}
    required_by: dict[str, list[str]] = {}
    waiting = [key for key in order if key in kept]
    while waiting:
        key = waiting.pop()
        for required in graph.get(key, ()):
            if required in raises and required not in kept and not known(required):
                kept.add(required)
                required_by[required] = []
                waiting.append(required)
    for key in order:
        for required in dict.fromkeys(graph.get(key, ())):
            if key in kept and required in required_by:
                required_by[required].append(key)

    skipped: list[SkippedModule] = []
    for key in order:
        if key in kept:
            continue
        has = tuple(s for s, to in raises[key].items() if current(s) >= to or meets_target(s))
        if has:
            skipped.append(SkippedModule(key, "already_proficient", has))
        else:
            skipped.append(SkippedModule(key, "not_in_targets", tuple(raises[key])))
    return Suggestion(
        modules_kept=[key for key in order if key in kept],
        skipped=skipped,
        required_by={key: tuple(by) for key, by in required_by.items()},
    )


# --- capacity ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthLoad:
    """One department's learning hours in one calendar month against its protected time."""

    department: str
    month: date
    """The first day of the month."""
    hours: float
    capacity_hours: float
    overloaded: bool


def _next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def monthly_load(
    assignments: Iterable[tuple[str, date, date, float]],
    protected_hours_per_week: float,
    people_per_department: Mapping[str, int],
) -> list[MonthLoad]:
    """Learning hours per department per month against capacity (rules in the module).

    ``assignments`` are (department, start, due, hours), one per person and path. Every
    department with an assignment gets a line for every month from the earliest start to the
    latest due of all assignments (0 hours where it has none), departments sorted by name,
    then months in order. A department missing from ``people_per_department`` has no people,
    so no capacity. Raises ValueError for a due date before the start, negative hours, a
    negative protected time or a negative number of people.
    """
    pace = _check_number(protected_hours_per_week, "protected hours per week")
    shares: dict[tuple[str, date], list[float]] = {}
    first: date | None = None
    last: date | None = None
    for department, start, due, hours in assignments:
        total = _check_number(hours, f"the hours of an assignment in {department!r}")
        if due < start:
            raise ValueError(
                f"an assignment in {department!r} is due {due} before it starts {start}"
            )
        days = (due - start).days + 1
        month = start.replace(day=1)
        while month <= due:
            following = _next_month(month)
            overlap = (min(due, following - timedelta(days=1)) - max(start, month)).days + 1
            shares.setdefault((department, month), []).append(total * overlap / days)
            month = following
        first = start if first is None or start < first else first
        last = due if last is None or due > last else last
    if first is None or last is None:
        return []
    loads: list[MonthLoad] = []
    for department in sorted({d for d, _month in shares}):
        people = people_per_department.get(department, 0)
        if isinstance(people, bool) or not isinstance(people, int) or people < 0:
            raise ValueError(f"the people in {department!r} must be a whole number, not {people!r}")
        month = first.replace(day=1)
        while month <= last:
            following = _next_month(month)
            hours = math.fsum(shares.get((department, month), ()))
            capacity = people * pace * (following - month).days / 7
            loads.append(
                MonthLoad(
                    department=department,
                    month=month,
                    hours=hours,
                    capacity_hours=capacity,
                    overloaded=round(hours, _DIGITS) > round(capacity, _DIGITS),
                )
            )
            month = following
    return loads


# --- a person's schedule ----------------------------------------------------------------


def _days(weeks: float) -> float:
    """Weeks as days, noise removed the way ``weeks_needed`` removes it, so they agree."""
    whole = round(weeks, _DIGITS)
    return 7 * whole if whole.is_integer() else round(weeks * 7, _DIGITS)


class ScheduledModule(NamedTuple):
    """A module of a person's plan with the first and last day it is learned on."""

    key: str
    starts_on: date
    ends_on: date


def schedule(
    module_hours: Sequence[tuple[str, float]], start: date, hours_per_week: float
) -> list[ScheduledModule]:
    """The modules in order, back to back from ``start`` at ``hours_per_week`` (see the module).

    Raises ValueError for a module of no hours (it has no days) or a pace that is not over 0.
    """
    pace = _check_number(hours_per_week, "hours per week", positive=True)
    planned: list[ScheduledModule] = []
    lengths: list[float] = []
    for key, hours in module_hours:
        first_day = math.floor(_days(math.fsum(lengths) / pace))
        lengths.append(_check_number(hours, f"the hours of {key!r}", positive=True))
        done = math.fsum(lengths)  # exact, so the last day agrees with weeks_needed(total)
        last_day = max(first_day, math.ceil(_days(done / pace)) - 1)
        planned.append(
            ScheduledModule(
                key, start + timedelta(days=first_day), start + timedelta(days=last_day)
            )
        )
    return planned
