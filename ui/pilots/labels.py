"""Words for pilots on screen: statuses, decisions, success-criterion measures and their units,
where a candidate's enthusiasm and influence come from, and pilot dates.

Shared by the pilot list, the pilot editor, the detail header and the cohort tables, so the
same thing reads the same way everywhere.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from app.pilots.criteria import THRESHOLD_RANGES
from ui.paths.progress_labels import day_text, number_text

_CONTEXT = "PilotLabels"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def status_label(status: str) -> str:
    """planned / running / evaluating / decided as the user reads them."""
    labels = {
        "planned": _tr("Planned"),
        "running": _tr("Running"),
        "evaluating": _tr("Ended, being evaluated"),
        "decided": _tr("Decided"),
    }
    return labels.get(status, status)


def decision_label(decision: str | None) -> str:
    """scale / adjust / stop in words; an empty string when nothing is decided yet."""
    if decision is None:
        return ""
    labels = {
        "scale": _tr("Scale up"),
        "adjust": _tr("Adjust and try again"),
        "stop": _tr("Stop"),
    }
    return labels.get(decision, decision)


def measure_label(measure: str) -> str:
    """What a success criterion measures, in a few words."""
    labels = {
        "completion": _tr("Completion of the path"),
        "satisfaction": _tr("Average satisfaction"),
        "recommend": _tr("Would recommend it"),
        "learning_gain": _tr("Learning gain (knowledge check)"),
        "time_saved": _tr("Median time saved on tasks"),
        "weekly_active": _tr("Weekly use of the AI tool"),
        "engagement": _tr("Change in job satisfaction"),
    }
    return labels.get(measure, measure)


def measure_unit(measure: str) -> str:
    """The unit a threshold is typed in, as a spin box suffix (leading space included)."""
    units = {
        "completion": _tr(" %"),
        "time_saved": _tr(" %"),
        "weekly_active": _tr(" %"),
        "satisfaction": _tr(" out of 5"),
        "recommend": _tr(" out of 10"),
        "learning_gain": _tr(" points"),
        "engagement": _tr(" points"),
    }
    return units.get(measure, "")


def measure_hint(measure: str) -> str:
    """One sentence on how the measure is taken and the range its threshold can have."""
    low, high = THRESHOLD_RANGES[measure]
    hints = {
        "completion": _tr(
            "The share of the cohort who finish the pilot's path, {low} to {high} %."
        ),
        "satisfaction": _tr("The average answer to the satisfaction survey, {low} to {high}."),
        "recommend": _tr("The average “would you recommend it?” answer, {low} to {high}."),
        "learning_gain": _tr(
            "The average rise in knowledge-check score, before to after, {low} to {high} points."
        ),
        "time_saved": _tr("The median share of time saved on the timed tasks, {low} to {high} %."),
        "weekly_active": _tr(
            "The share of the cohort using the tool in a week, {low} to {high} %, from the "
            "week chosen on."
        ),
        "engagement": _tr(
            "The average change in job satisfaction (1 to 5), before to after, {low} to {high} "
            "points."
        ),
    }
    return hints[measure].format(low=number_text(low), high=number_text(high))


DEFAULT_THRESHOLDS: dict[str, float] = {
    "completion": 80.0,
    "satisfaction": 4.0,
    "recommend": 7.0,
    "learning_gain": 10.0,
    "time_saved": 15.0,
    "weekly_active": 60.0,
    "engagement": 0.5,
}
"""The threshold a criterion starts with when its measure is chosen."""

DEFAULT_AFTER_WEEKS = 8
"""Weekly use counts from this week on unless HR says otherwise."""


def enthusiasm_text(value: float | None, source: str | None) -> str:
    """ "4.6 (survey)", "4 (entered)", "none" — a candidate's or participant's enthusiasm."""
    if value is None or source == "none":
        return _tr("none")
    figure = number_text(value)
    if source == "survey":
        return _tr("{value} (survey)").format(value=figure)
    if source == "entered":
        return _tr("{value} (entered)").format(value=figure)
    return _tr("{value} (when chosen)").format(value=figure)


def influence_text(value: float | None, source: str | None, reports: int = 0) -> str:
    """ "4 (manages 6)", "3 (entered)", "1 (manages nobody)", "none"."""
    if value is None or source == "none":
        return _tr("none")
    figure = number_text(value)
    if source == "entered":
        return _tr("{value} (entered)").format(value=figure)
    if source == "manages":
        if reports == 0:
            return _tr("{value} (manages nobody)").format(value=figure)
        return _tr("{value} (manages {n})").format(value=figure, n=reports)
    return _tr("{value} (when chosen)").format(value=figure)


def source_explanation() -> str:
    """What the figures in brackets mean, for a tooltip or a muted line."""
    return _tr(
        "Enthusiasm comes from the skills survey's “I would like to learn more about AI” "
        "answers unless you entered a figure; influence from the number of people someone "
        "manages unless you entered one. Both are 1 to 5; a missing figure counts as 3."
    )


def dates_text(starts_on: date | None, ends_on: date | None) -> str:
    """ "3 Mar 2026 – 26 May 2026", "from 3 Mar 2026", "no dates yet"."""
    if starts_on and ends_on:
        return _tr("{start} – {end}").format(start=day_text(starts_on), end=day_text(ends_on))
    if starts_on:
        return _tr("from {start}").format(start=day_text(starts_on))
    if ends_on:
        return _tr("until {end}").format(end=day_text(ends_on))
    return _tr("no dates yet")


def share_text(share: float) -> str:
    """0.25 → "25 %"."""
    return _tr("{percent} %").format(percent=number_text(round(share * 100)))


def modules_done_text(done: int, modules: int) -> str:
    """ "3 of 7", or "none to do" when the person follows no module of the path."""
    if modules == 0:
        return _tr("none to do")
    return _tr("{done} of {modules}").format(done=done, modules=modules)
