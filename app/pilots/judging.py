"""When a pilot's success criteria are judged for good and when only "so far": the one rule
the results tab, the pilot PDF, the workbook and the pilot's header all follow.

* A pilot being evaluated, or decided, has ended: its criteria are judged met or not met.
* A pilot still marked running after its planned end date (the date is its last day) is
  judged too, on its figures as they stand: the time it was given is up, and leaving it
  "not yet judged" would hide a result leadership is waiting for. It is *overdue*: the
  header asks HR to end and evaluate it.
* Otherwise (planned, or running within its dates) the figures are still moving, and every
  criterion is "not yet judged" with its figure so far (app/pilots/criteria_so_far.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from app.pilots.analysis import PilotResults
from app.pilots.criteria import Criterion, CriterionResult, Judging, evaluate
from app.pilots.criteria_so_far import so_far

ENDED_STATUSES = frozenset({"evaluating", "decided"})
"""The statuses of a pilot that has ended (app/pilots/records.py STATUSES)."""


def week_number(starts_on: date | None, on: date) -> int | None:
    """The pilot week ``on`` falls in (1 = the seven days from ``starts_on``); None before."""
    if starts_on is None or on < starts_on:
        return None
    return (on - starts_on).days // 7 + 1


def judging_on(status: str, starts_on: date | None, ends_on: date | None, today: date) -> Judging:
    """How a pilot with this status and these dates is judged ``today`` (see the module)."""
    overdue = status == "running" and ends_on is not None and today > ends_on
    return Judging(
        final=status in ENDED_STATUSES or overdue,
        status=status,
        week=week_number(starts_on, today),
        weeks=week_number(starts_on, ends_on) if ends_on is not None else None,
        ends_on=ends_on,
        overdue=overdue,
        judged_on=today,
    )


def judge(criterion: Criterion, results: PilotResults, judging: Judging) -> CriterionResult:
    """The criterion judged for good, or "not yet judged" with its figure so far."""
    if judging.final:
        return replace(evaluate(criterion, results), judging=judging)
    return so_far(criterion, results, judging)


def judge_all(
    criteria: Sequence[Criterion], results: PilotResults, judging: Judging
) -> tuple[CriterionResult, ...]:
    """Every criterion's result, in the order given."""
    return tuple(judge(criterion, results, judging) for criterion in criteria)
