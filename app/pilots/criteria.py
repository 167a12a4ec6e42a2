"""A pilot's success criteria, agreed before it starts, judged against what it achieved.

Every criterion reads "measure at least threshold", in the unit HR set it in (completion as a
percentage, satisfaction out of 5, ...). The verdict is honest about small pilots: with fewer
than ``MIN_OBSERVATIONS`` people (or timed tasks) behind a figure it is "not enough data",
whatever the figure says; otherwise the point estimate decides met or not met, and the
sentence says so when the 95 % interval straddles the target, because then the result is not
certain either way.

``evaluate`` judges a criterion for good, as at the end of a pilot. While a pilot runs its
criteria are "not yet judged" instead (app/pilots/judging.py says when, and
app/pilots/criteria_so_far.py words the figures so far).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from app.errors import ValidationError
from app.i18n import N_, _, ngettext, translate
from app.pilots.analysis import MIN_OBSERVATIONS, PilotResults, weekly_active
from app.pilots.statistics import Interval

MEASURES = (
    "completion",
    "satisfaction",
    "recommend",
    "learning_gain",
    "time_saved",
    "weekly_active",
    "engagement",
)
"""What a criterion can measure; these strings are stored in the database."""

PERCENT_MEASURES = frozenset({"completion", "time_saved", "weekly_active"})
"""Measures whose threshold and value are percentages (0–100)."""

THRESHOLD_RANGES: dict[str, tuple[float, float]] = {
    "completion": (0.0, 100.0),
    "satisfaction": (1.0, 5.0),
    "recommend": (0.0, 10.0),
    "learning_gain": (-100.0, 100.0),
    "time_saved": (0.0, 100.0),
    "weekly_active": (0.0, 100.0),
    "engagement": (-4.0, 4.0),
}
"""The thresholds each measure can have, in its unit."""

AFTER_WEEKS_RANGE = (1, 104)

_DECIMALS = 1
"""Figures in sentences are shown with one decimal ("4.3 out of 5", "72.5 %")."""

_COMPARE_DIGITS = 9
"""Values are rounded to this many decimals before they meet the threshold, so float noise
(56.99999999999999 for a true 57) falls on the side it belongs to."""

_THRESHOLD_MESSAGES = {
    "completion": N_("Enter the completion target as a percentage from 0 to 100."),
    "satisfaction": N_("Enter the satisfaction target as an average from 1 to 5."),
    "recommend": N_("Enter the “would recommend” target as an average from 0 to 10."),
    "learning_gain": N_(
        "Enter the learning gain target in points of knowledge-check score, from -100 to 100."
    ),
    "time_saved": N_("Enter the time saved target as a percentage from 0 to 100."),
    "weekly_active": N_("Enter the weekly use target as a percentage from 0 to 100."),
    "engagement": N_(
        "Enter the engagement target as a change in job satisfaction, from -4 to 4 points."
    ),
}


@dataclass(frozen=True)
class Criterion:
    """Success means ``measure`` is at least ``threshold`` (from week ``after_weeks`` on,
    for weekly use)."""

    measure: str
    threshold: float
    after_weeks: int | None = None


class Verdict(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    NOT_ENOUGH_DATA = "not_enough_data"
    IN_PROGRESS = "in_progress"
    """Not yet judged: the pilot is still running and the figure is the one so far."""


@dataclass(frozen=True)
class Judging:
    """Where a pilot stands on the day its criteria are judged (app/pilots/judging.py)."""

    final: bool = True
    """The criteria are judged met or not met; False: only "so far"."""
    status: str = "evaluating"
    week: int | None = None
    """The pilot's week on that day (1 = its first), None before it starts or undated."""
    weeks: int | None = None
    """How many weeks it was planned to run, None without both dates."""
    ends_on: date | None = None
    """Its planned last day."""
    overdue: bool = False
    """Still marked running after its planned end: judged, and it should be ended."""
    judged_on: date | None = None
    """The day it was judged."""

    @property
    def interim(self) -> bool:
        """Only figures so far: the pilot has not ended."""
        return not self.final

    @property
    def end_to_come(self) -> date | None:
        """The planned end where it is still to come (a pilot never started may be past it)."""
        if self.ends_on is None or (self.judged_on is not None and self.ends_on < self.judged_on):
            return None
        return self.ends_on


FINAL = Judging()
"""Judged for good, with nothing known of the pilot's dates (pure evaluations, tests)."""


@dataclass(frozen=True)
class CriterionResult:
    criterion: Criterion
    value: float | None
    """In the threshold's unit (percent for shares)."""
    interval: Interval | None
    """95 % interval, same unit."""
    n: int
    """Observations behind the value: participants, answers, or timed tasks."""
    verdict: Verdict
    sentence: str
    """A plain sentence for HR and leadership: the finding, the target and the verdict."""
    uncertain: bool = False
    """The interval reaches across the threshold, so the verdict could go the other way."""
    on_track: bool | None = None
    """Not yet judged, but the figure so far already reaches the target (True) or, for a
    measure that can still go either way, falls short of it (False); None when there is
    nothing to compare yet. Always None once judged."""
    judging: Judging = FINAL
    """When and how it was judged."""


def _number(value: float) -> str:
    """A threshold as typed: 80, 4, 0.3, 4.25."""
    return f"{value:g}"


def fixed(value: float, decimals: int = _DECIMALS) -> str:
    """A figure for a sentence: "72.5", never "-0.0". A half rounds up, as by hand and as
    the results tab rounds it (4.25 → "4.3"; Python's own format would say "4.2")."""
    exact = Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{exact:f}"
    return text if text.strip("-0.") else f"{0:.{decimals}f}"  # never "-0.0"


def before_and_after(
    before: float, after: float, change: str, decimals: int = _DECIMALS
) -> tuple[str, str]:
    """Two means for "went from {before} to {after}, a change of {change}", with one more
    decimal when the rounded means would disagree with the change shown (3.54 → 3.66 reads
    "3.54 to 3.66, +0.1", not "3.5 to 3.7, +0.1")."""
    shown_before, shown_after = fixed(before, decimals), fixed(after, decimals)
    if signed(float(shown_after) - float(shown_before), decimals).lstrip("+") != change.lstrip("+"):
        return fixed(before, decimals + 1), fixed(after, decimals + 1)
    return shown_before, shown_after


def signed(value: float, decimals: int = _DECIMALS) -> str:
    """A change with its sign: "+26.4", "-0.3", "0.0"."""
    text = fixed(value, decimals)
    return text if text.startswith("-") or not text.strip("0.") else f"+{text}"


def criterion_label(criterion: Criterion) -> str:
    """The criterion in a few words: "Completion at least 80 %"."""
    threshold = _number(criterion.threshold)
    match criterion.measure:
        case "completion":
            return _("Completion at least {threshold} %").format(threshold=threshold)
        case "satisfaction":
            return _("Satisfaction at least {threshold} out of 5").format(threshold=threshold)
        case "recommend":
            return _("Would recommend at least {threshold} out of 10").format(threshold=threshold)
        case "learning_gain":
            return _("Learning gain at least {threshold} points").format(threshold=threshold)
        case "time_saved":
            return _("Median time saved at least {threshold} %").format(threshold=threshold)
        case "weekly_active":
            if criterion.after_weeks is None:
                return _("Weekly use at least {threshold} %").format(threshold=threshold)
            return _("Weekly use at least {threshold} % from week {week}").format(
                threshold=threshold, week=criterion.after_weeks
            )
        case "engagement":
            return _("Job satisfaction change at least {threshold} points").format(
                threshold=threshold
            )
    raise ValueError(f"unknown measure {criterion.measure!r}")


def validate_criterion(measure: str, threshold: float, after_weeks: int | None) -> Criterion:
    """The criterion as it will be stored, or a ValidationError saying what to correct.

    ``after_weeks`` only belongs to weekly use; it is dropped for the other measures.
    """
    if measure not in MEASURES:
        if not str(measure).strip():
            raise ValidationError(_("Choose what the success criterion measures."), field="measure")
        raise ValidationError(
            _("“{measure}” is not something a success criterion can measure.").format(
                measure=measure
            ),
            field="measure",
        )
    low, high = THRESHOLD_RANGES[measure]
    if not (math.isfinite(threshold) and low <= threshold <= high):
        raise ValidationError(translate(_THRESHOLD_MESSAGES[measure]), field="threshold")
    if measure != "weekly_active":
        return Criterion(str(measure), float(threshold))
    if after_weeks is None or not AFTER_WEEKS_RANGE[0] <= after_weeks <= AFTER_WEEKS_RANGE[1]:
        raise ValidationError(
            _("Say from which week on weekly use counts: a week from 1 to 104."),
            field="after_weeks",
        )
    return Criterion(str(measure), float(threshold), after_weeks)


# --- the figure behind each measure ---------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """The figure a criterion is judged on, in the threshold's unit, and what it rests on."""

    value: float | None
    interval: Interval | None
    n: int


def _percent(share: float | None, interval: Interval | None, n: int) -> Figure:
    return Figure(
        None if share is None else 100 * share, interval.scaled(100) if interval else None, n
    )


def figure_of(criterion: Criterion, results: PilotResults) -> Figure:
    """The criterion's figure from the pilot's results (weekly use from its week on)."""
    match criterion.measure:
        case "completion":
            done = results.completion
            value = 100 * done.completed / done.enrolled if done.enrolled else None
            interval = done.interval.scaled(100) if done.interval else None
            return Figure(value, interval, done.enrolled)
        case "satisfaction":
            answers = results.satisfaction
            return Figure(answers.mean, answers.interval, answers.n)
        case "recommend":
            answers = results.satisfaction
            return Figure(answers.recommend_mean, answers.recommend_interval, answers.recommend_n)
        case "learning_gain":
            gain = results.learning_gain
            return Figure(gain.mean_change, gain.interval, gain.n_pairs)
        case "time_saved":
            saved = results.time_saved
            return _percent(saved.median_share, saved.share_interval, saved.n)
        case "weekly_active":
            use = weekly_active(results.check_ins, from_week(criterion))
            return _percent(use.share, use.interval, use.participants)
        case "engagement":
            change = results.job_satisfaction
            return Figure(change.mean_change, change.interval, change.n_pairs)
    raise ValueError(f"unknown measure {criterion.measure!r}")


def from_week(criterion: Criterion) -> int:
    """The pilot week from which the criterion's figure counts (1 for all but weekly use)."""
    return criterion.after_weeks if criterion.after_weeks is not None else 1


# --- the sentence -------------------------------------------------------------------------


def _too_few(criterion: Criterion, n: int) -> str:
    """Why there is no verdict: how many observations there are and how many are needed."""
    match criterion.measure:
        case "completion":
            if n == 0:
                text = _(
                    "No one has joined the pilot yet; "
                    "at least {needed} are needed to judge completion."
                )
            else:
                text = ngettext(
                    "Only {n} person took part; at least {needed} are needed to judge completion.",
                    "Only {n} people took part; at least {needed} are needed to judge completion.",
                    n,
                )
        case "satisfaction":
            if n == 0:
                text = _(
                    "No one has rated their satisfaction yet; "
                    "at least {needed} answers are needed to judge it."
                )
            else:
                text = ngettext(
                    "Only {n} person rated their satisfaction; "
                    "at least {needed} answers are needed to judge it.",
                    "Only {n} people rated their satisfaction; "
                    "at least {needed} answers are needed to judge it.",
                    n,
                )
        case "recommend":
            if n == 0:
                text = _(
                    "No one has said yet whether they would recommend it; "
                    "at least {needed} answers are needed to judge it."
                )
            else:
                text = ngettext(
                    "Only {n} person said whether they would recommend it; "
                    "at least {needed} answers are needed to judge it.",
                    "Only {n} people said whether they would recommend it; "
                    "at least {needed} answers are needed to judge it.",
                    n,
                )
        case "learning_gain":
            if n == 0:
                text = _(
                    "No one has taken the knowledge check both before and after yet; "
                    "at least {needed} are needed to judge the learning gain."
                )
            else:
                text = ngettext(
                    "Only {n} person answered the knowledge check before and after; "
                    "at least {needed} are needed to judge the learning gain.",
                    "Only {n} people answered the knowledge check before and after; "
                    "at least {needed} are needed to judge the learning gain.",
                    n,
                )
        case "time_saved":
            if n == 0:
                text = _(
                    "No task has been timed before and after yet; "
                    "at least {needed} timed tasks are needed to judge the time saved."
                )
            else:
                text = ngettext(
                    "Only {n} task was timed before and after; "
                    "at least {needed} are needed to judge the time saved.",
                    "Only {n} tasks were timed before and after; "
                    "at least {needed} are needed to judge the time saved.",
                    n,
                )
        case "weekly_active":
            if n == 0:
                text = _(
                    "No one has checked in from week {week} on yet; "
                    "at least {needed} people are needed to judge weekly use."
                )
            else:
                text = ngettext(
                    "Only {n} person checked in from week {week} on; "
                    "at least {needed} are needed to judge weekly use.",
                    "Only {n} people checked in from week {week} on; "
                    "at least {needed} are needed to judge weekly use.",
                    n,
                )
        case _:
            if n == 0:
                text = _(
                    "No one has rated their job satisfaction both before and after yet; "
                    "at least {needed} are needed to judge the change in engagement."
                )
            else:
                text = ngettext(
                    "Only {n} person rated their job satisfaction before and after; "
                    "at least {needed} are needed to judge the change in engagement.",
                    "Only {n} people rated their job satisfaction before and after; "
                    "at least {needed} are needed to judge the change in engagement.",
                    n,
                )
    return text.format(n=n, needed=MIN_OBSERVATIONS, week=from_week(criterion))


def decimals_for(value: float, threshold: float, base: int = _DECIMALS) -> int:
    """``base`` decimals, or as many more (up to three) as it takes for a value just under the
    target not to be shown equal to it ("79.96 %" rather than "80.0 %", which was not met)."""
    decimals = base
    while (
        decimals < 3
        and round(value, _COMPARE_DIGITS) != round(threshold, _COMPARE_DIGITS)
        and fixed(value, decimals) == fixed(threshold, decimals)
    ):
        decimals += 1
    return decimals


def in_unit(measure: str, text: str) -> str:
    """A number written in the measure's unit: "80.0 %", "4.0", "15.0 points"."""
    if measure in PERCENT_MEASURES:
        return _("{value} %").format(value=text)
    if measure in ("learning_gain", "engagement"):
        return _("{value} points").format(value=text)
    return text


def _finding(criterion: Criterion, results: PilotResults, figure: Figure, decimals: int) -> str:
    """What was found, in one clause, with its interval and how many it rests on."""
    measure = criterion.measure
    assert figure.value is not None
    value = fixed(figure.value, decimals)
    change = signed(figure.value, decimals)
    details = []
    if figure.interval is not None:
        low = fixed(figure.interval.low, decimals)
        high = fixed(figure.interval.high, decimals)
        if measure in PERCENT_MEASURES:
            details.append(_("95 % interval {low} % to {high} %").format(low=low, high=high))
        else:
            details.append(_("95 % interval {low} to {high}").format(low=low, high=high))
    n = figure.n
    match measure:
        case "completion":
            main = _("{completed} of {enrolled} participants finished the pilot, {value} %").format(
                completed=results.completion.completed,
                enrolled=results.completion.enrolled,
                value=value,
            )
        case "satisfaction":
            main = _("Average satisfaction was {value} out of 5").format(value=value)
            details.append(ngettext("{n} answer", "{n} answers", n).format(n=n))
        case "recommend":
            main = _("The average “would recommend” score was {value} out of 10").format(
                value=value
            )
            details.append(ngettext("{n} answer", "{n} answers", n).format(n=n))
        case "learning_gain":
            gain = results.learning_gain
            before, after = before_and_after(
                gain.mean_before or 0.0, gain.mean_after or 0.0, change
            )
            main = _(
                "The average knowledge-check score went from {before} % to {after} %, "
                "a change of {change} points"
            ).format(before=before, after=after, change=change)
            details.append(
                ngettext(
                    "{n} person measured before and after",
                    "{n} people measured before and after",
                    n,
                ).format(n=n)
            )
        case "time_saved":
            main = ngettext(
                "The median time saved on the {n} timed task was {value} %",
                "The median time saved on the {n} timed tasks was {value} %",
                n,
            ).format(n=n, value=value)
        case "weekly_active":
            main = _(
                "From week {week} on, participants used the tool in {value} % of the weeks "
                "they reported on"
            ).format(week=from_week(criterion), value=value)
            details.append(ngettext("{n} participant", "{n} participants", n).format(n=n))
        case _:
            change_in = results.job_satisfaction
            before, after = before_and_after(
                change_in.mean_before or 0.0, change_in.mean_after or 0.0, change
            )
            main = _(
                "Average job satisfaction went from {before} to {after} out of 5, "
                "a change of {change} points"
            ).format(before=before, after=after, change=change)
            details.append(
                ngettext(
                    "{n} person measured before and after",
                    "{n} people measured before and after",
                    n,
                ).format(n=n)
            )
    if not details:
        return main
    return _("{finding} ({details})").format(finding=main, details=", ".join(details))


def _verdict_text(verdict: Verdict, uncertain: bool) -> str:
    if verdict is Verdict.MET:
        if uncertain:
            return _(
                "met, though the interval reaches below the target, so the result is not certain"
            )
        return _("met")
    if uncertain:
        return _("not met, though the interval reaches the target, so the result is not certain")
    return _("not met")


def at_least(value: float, threshold: float) -> bool:
    """Whether ``value`` reaches ``threshold``, float noise aside."""
    return round(value, _COMPARE_DIGITS) >= round(threshold, _COMPARE_DIGITS)


def evaluate(criterion: Criterion, results: PilotResults) -> CriterionResult:
    """The criterion's value, interval and verdict, and the sentence that explains them, as
    judged for good (app/pilots/judging.py decides whether a pilot is judged yet)."""
    if criterion.measure not in MEASURES:
        raise ValueError(f"unknown measure {criterion.measure!r}")
    figure = figure_of(criterion, results)
    if figure.value is None or figure.n < MIN_OBSERVATIONS:
        return CriterionResult(
            criterion,
            figure.value,
            figure.interval,
            figure.n,
            Verdict.NOT_ENOUGH_DATA,
            _too_few(criterion, figure.n),
        )
    threshold = criterion.threshold
    met = at_least(figure.value, threshold)
    interval = figure.interval
    if interval is None:
        uncertain = False
    elif met:
        uncertain = not at_least(interval.low, threshold)
    else:
        uncertain = at_least(interval.high, threshold)
    verdict = Verdict.MET if met else Verdict.NOT_MET
    decimals = decimals_for(figure.value, threshold)
    sentence = _("{finding}; the target was at least {target}: {verdict}.").format(
        finding=_finding(criterion, results, figure, decimals),
        target=in_unit(criterion.measure, fixed(threshold, decimals)),
        verdict=_verdict_text(verdict, uncertain),
    )
    return CriterionResult(
        criterion, figure.value, figure.interval, figure.n, verdict, sentence, uncertain
    )


def evaluate_all(
    criteria: Sequence[Criterion], results: PilotResults
) -> tuple[CriterionResult, ...]:
    """Every criterion's result, in the order given."""
    return tuple(evaluate(criterion, results) for criterion in criteria)
