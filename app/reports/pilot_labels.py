"""The words and number formats a pilot's report and workbook sheet share.

Statuses, decisions and verdicts in plain words, and a criterion's value and 95 % interval
written in the criterion's own unit ("84.6 %", "4.2 out of 5", "+26.4 points"). Only
formatting: every figure comes from ``PilotOutcomeService.outcome``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from app.i18n import N_, _, translate
from app.pilots.analysis import TaskSaving
from app.pilots.criteria import (
    PERCENT_MEASURES,
    Criterion,
    CriterionResult,
    Judging,
    Verdict,
    fixed,
    signed,
)
from app.pilots.statistics import Interval
from app.reports.pdf_document import format_date

STATUS_LABELS = {
    "planned": N_("Planned"),
    "running": N_("Running"),
    "evaluating": N_("Being evaluated"),
    "decided": N_("Decided"),
}
DECISION_LABELS = {
    "scale": N_("Scale up"),
    "adjust": N_("Adjust and try again"),
    "stop": N_("Stop"),
}
VERDICT_LABELS = {
    Verdict.MET: N_("Met"),
    Verdict.NOT_MET: N_("Not met"),
    Verdict.NOT_ENOUGH_DATA: N_("Not enough data"),
    Verdict.IN_PROGRESS: N_("Not yet judged"),
}
CHANGE_MEASURES = frozenset({"learning_gain", "engagement"})
"""Measures whose value is a change in points, written with its sign."""


def status_text(status: str) -> str:
    known = STATUS_LABELS.get(status)
    return translate(known) if known else status


def decision_text(decision: str | None) -> str:
    if decision is None:
        return _("No decision yet")
    known = DECISION_LABELS.get(decision)
    return translate(known) if known else decision


def verdict_text(verdict: Verdict) -> str:
    return translate(VERDICT_LABELS[verdict])


def result_verdict_text(result: CriterionResult) -> str:
    """The verdict in words; "On track so far" for a criterion not yet judged whose figure so
    far already reaches its target."""
    if result.verdict is Verdict.IN_PROGRESS and result.on_track:
        return _("On track so far")
    return verdict_text(result.verdict)


def progress_text(status: str, decision: str | None, judging: Judging) -> str:
    """Where the pilot stands with its week while it runs: "Running, week 4 of 13";
    "Running, past its planned end"; otherwise as ``stage_text``."""
    if status == "running" and judging.overdue:
        return _("Running, past its planned end")
    week, weeks = judging.week, judging.weeks
    if status == "running" and week is not None:
        if weeks is not None and week <= weeks:
            return _("Running, week {week} of {weeks}").format(week=week, weeks=weeks)
        return _("Running, week {week}").format(week=week)
    return stage_text(status, decision)


def stage_text(status: str, decision: str | None) -> str:
    """Where the pilot stands in one phrase: "Decided: scale up", "Running"."""
    if status == "decided" and decision is not None:
        return _("Decided: {decision}").format(decision=decision_text(decision).lower())
    return status_text(status)


def dates_text(starts_on: date | None, ends_on: date | None) -> str:
    """ "26 August 2026 to 4 November 2026", or what is known of it."""
    if starts_on and ends_on:
        return _("{start} to {end}").format(start=format_date(starts_on), end=format_date(ends_on))
    if starts_on:
        return _("from {start}").format(start=format_date(starts_on))
    if ends_on:
        return _("until {end}").format(end=format_date(ends_on))
    return _("dates not set")


def unit_text(measure: str) -> str:
    """The unit a criterion's value is in, for a column of its own."""
    if measure in PERCENT_MEASURES:
        return "%"
    if measure == "satisfaction":
        return _("out of 5")
    if measure == "recommend":
        return _("out of 10")
    return _("points")


def number_text(measure: str, value: float) -> str:
    """A value in the measure's unit, one decimal (a half rounds up, as in the sentences); a
    change keeps its sign."""
    return signed(value, 1) if measure in CHANGE_MEASURES else fixed(value, 1)


def value_text(criterion: Criterion, value: float | None) -> str:
    """ "84.6 %", "4.2 out of 5", "+26.4 points"; "–" without a value."""
    if value is None:
        return "–"
    number = number_text(criterion.measure, value)
    if criterion.measure in PERCENT_MEASURES:
        return _("{value} %").format(value=number)
    if criterion.measure == "satisfaction":
        return _("{value} out of 5").format(value=number)
    if criterion.measure == "recommend":
        return _("{value} out of 10").format(value=number)
    return _("{value} points").format(value=number)


def interval_text(criterion: Criterion, interval: Interval | None) -> str:
    """ "57.8 to 95.7 %"; "–" without an interval."""
    if interval is None:
        return "–"
    low = number_text(criterion.measure, interval.low)
    high = number_text(criterion.measure, interval.high)
    if criterion.measure in PERCENT_MEASURES:
        return _("{low} to {high} %").format(low=low, high=high)
    return _("{low} to {high}").format(low=low, high=high)


def percent_text(share: float | None) -> str:
    """A 0–1 share as "38 %"; "–" when unknown."""
    return "–" if share is None else _("{value} %").format(value=f"{100 * share:.0f}")


def hours_text(hours: float) -> str:
    """Hours rounded for reading: "4,100", "620", "1.0"."""
    if abs(hours) >= 1000:
        return f"{round(hours, -2):,.0f}"
    if abs(hours) >= 100:
        return f"{round(hours, -1):,.0f}"
    if abs(hours) >= 10:
        return f"{hours:,.0f}"
    return f"{hours:.1f}"


def task_labels(tasks: Sequence[TaskSaving]) -> list[tuple[str, TaskSaving]]:
    """Each timing with its task's name, numbered where a task was timed more than once."""
    totals: dict[str, int] = {}
    for task in tasks:
        totals[task.task] = totals.get(task.task, 0) + 1
    seen: dict[str, int] = {}
    labelled = []
    for task in sorted(tasks, key=lambda t: t.task.casefold()):
        seen[task.task] = seen.get(task.task, 0) + 1
        text = task.task if totals[task.task] == 1 else f"{task.task} ({seen[task.task]})"
        labelled.append((text, task))
    return labelled
