"""The key figures of a pilot's results as the cards of the results tab say them.

Each card has a title, one headline figure and a few plain lines (interval, how many it rests
on, what it means); with fewer than ``MIN_OBSERVATIONS`` behind a figure the card says
"Not enough data yet" and why, instead of a number. The figures are the outcome's own.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from app.pilots.analysis import MIN_OBSERVATIONS, WORKING_WEEKS, PairedChange
from app.pilots.records import PilotOutcome
from app.pilots.statistics import Interval
from ui.pilots.results_format import number, percent, rounded_hours, signed, whole

_CONTEXT = "PilotFigures"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


@dataclass(frozen=True)
class FigureCard:
    key: str
    """Names the card's widget (``figure_<key>``), for tests and style sheets."""
    title: str
    value: str
    details: tuple[str, ...]
    enough: bool
    """False: the card says "not enough data" rather than a figure."""


def _not_enough(key: str, title: str, *details: str, value: str = "") -> FigureCard:
    """A card without a figure: "Not enough data yet" (or ``value``) and why."""
    shown = value or _tr("Not enough data yet")
    return FigureCard(key, title, shown, tuple(d for d in details if d), False)


def _people(n: int) -> str:
    return _tr("1 person") if n == 1 else _tr("{n} people").format(n=whole(n))


def _answers(n: int) -> str:
    return _tr("1 answer") if n == 1 else _tr("{n} answers").format(n=whole(n))


def _needed(have: str) -> str:
    return _tr("Only {have} so far; at least {needed} are needed.").format(
        have=have, needed=MIN_OBSERVATIONS
    )


def _interval(low: str, high: str) -> str:
    return _tr("95 % interval {low} to {high}").format(low=low, high=high)


def _percent_interval(interval: Interval | None) -> str:
    if interval is None:
        return ""
    return _interval(percent(interval.low), percent(interval.high))


def completion_card(outcome: PilotOutcome) -> FigureCard:
    done = outcome.results.completion
    title = _tr("Completion")
    if done.enrolled == 0:
        return _not_enough("completion", title, _tr("No one has joined the pilot yet."))
    if done.enrolled < MIN_OBSERVATIONS or done.rate is None:
        return _not_enough("completion", title, _needed(_people(done.enrolled)))
    return FigureCard(
        "completion",
        title,
        percent(done.rate),
        (
            _tr("{completed} of {enrolled} participants finished their path").format(
                completed=whole(done.completed), enrolled=whole(done.enrolled)
            ),
            _percent_interval(done.interval),
        ),
        True,
    )


def satisfaction_card(outcome: PilotOutcome) -> FigureCard:
    answers = outcome.results.satisfaction
    title = _tr("Satisfaction")
    if answers.n < MIN_OBSERVATIONS or answers.mean is None:
        if answers.n == 0:
            return _not_enough("satisfaction", title, _tr("No one has rated it yet."))
        return _not_enough("satisfaction", title, _needed(_answers(answers.n)))
    interval = answers.interval
    return FigureCard(
        "satisfaction",
        title,
        _tr("{value} out of 5").format(value=number(answers.mean)),
        (
            _tr("Average of {answers}, from 1 (very poor) to 5 (excellent)").format(
                answers=_answers(answers.n)
            ),
            _interval(number(interval.low), number(interval.high)) if interval else "",
        ),
        True,
    )


def recommend_card(outcome: PilotOutcome) -> FigureCard:
    answers = outcome.results.satisfaction
    title = _tr("Would recommend it")
    n = answers.recommend_n
    if n < MIN_OBSERVATIONS or answers.recommend_mean is None:
        if n == 0:
            return _not_enough("recommend", title, _tr("No one has answered yet."))
        return _not_enough("recommend", title, _needed(_answers(n)))
    interval = answers.recommend_interval
    details = [
        _tr("Average of {answers}, from 0 (not at all) to 10 (certainly)").format(
            answers=_answers(n)
        ),
        _interval(number(interval.low), number(interval.high)) if interval else "",
    ]
    if answers.net_promoter is not None:
        details.append(
            _tr(
                "Net promoter score {score}: the share who would recommend it warmly (9 or 10) "
                "less the share who would not (0 to 6), on a scale from −100 to +100."
            ).format(score=signed(answers.net_promoter, 0))
        )
    return FigureCard(
        "recommend",
        title,
        _tr("{value} out of 10").format(value=number(answers.recommend_mean)),
        tuple(d for d in details if d),
        True,
    )


def _missing_measurements(change: PairedChange) -> str:
    parts = []
    if change.missing_after:
        parts.append(
            _tr("{people} without the after measurement").format(
                people=_people(change.missing_after)
            )
        )
    if change.missing_before:
        parts.append(
            _tr("{people} without the before measurement").format(
                people=_people(change.missing_before)
            )
        )
    return "; ".join(parts)


def _points_interval(interval: Interval | None) -> str:
    if interval is None:
        return ""
    return _tr("95 % interval {low} to {high} points").format(
        low=signed(interval.low), high=signed(interval.high)
    )


def learning_gain_card(outcome: PilotOutcome) -> FigureCard:
    gain = outcome.results.learning_gain
    title = _tr("Learning gain")
    measured = _tr("{people} took the knowledge check before and after").format(
        people=_people(gain.n_pairs)
    )
    missing = _missing_measurements(gain)
    if gain.n_pairs < MIN_OBSERVATIONS or gain.mean_change is None:
        if gain.n_pairs == 0:
            return _not_enough(
                "learning_gain",
                title,
                _tr("No one has taken the knowledge check both before and after yet."),
                missing,
            )
        return _not_enough("learning_gain", title, _needed(_people(gain.n_pairs)), missing)
    assert gain.mean_before is not None and gain.mean_after is not None
    return FigureCard(
        "learning_gain",
        title,
        _tr("{change} points").format(change=signed(gain.mean_change)),
        tuple(
            d
            for d in (
                _tr("Knowledge check {before} % before → {after} % after").format(
                    before=number(gain.mean_before), after=number(gain.mean_after)
                ),
                _points_interval(gain.interval),
                measured,
                missing,
            )
            if d
        ),
        True,
    )


def time_saved_card(outcome: PilotOutcome) -> FigureCard:
    saved = outcome.results.time_saved
    title = _tr("Time saved on measured tasks")
    if saved.n < MIN_OBSERVATIONS or saved.median_share is None:
        if saved.n == 0:
            return _not_enough(
                "time_saved", title, _tr("No task has been timed before and after yet.")
            )
        timed = _tr("1 timed task") if saved.n == 1 else _tr("{n} timed tasks").format(n=saved.n)
        return _not_enough("time_saved", title, _needed(timed))
    details = [
        _tr("Median over {n} timed tasks").format(n=whole(saved.n)),
        _percent_interval(saved.share_interval),
    ]
    if saved.hours_per_week is not None:
        hours = _tr("{hours} hours a week per person").format(hours=number(saved.hours_per_week))
        if saved.hours_interval is not None:
            hours += " " + _tr("(95 % interval {low} to {high})").format(
                low=number(saved.hours_interval.low), high=number(saved.hours_interval.high)
            )
        details.append(hours)
    if saved.cohort_hours_per_year is not None:
        year = _tr("About {hours} hours a year for the {people} in the pilot").format(
            hours=rounded_hours(saved.cohort_hours_per_year), people=_people(saved.participants)
        )
        if saved.cohort_interval is not None:
            year += " " + _tr("(95 % interval {low} to {high})").format(
                low=rounded_hours(saved.cohort_interval.low),
                high=rounded_hours(saved.cohort_interval.high),
            )
        details.append(year)
    return FigureCard(
        "time_saved",
        title,
        percent(saved.median_share),
        tuple(d for d in details if d),
        True,
    )


def weekly_use_card(outcome: PilotOutcome) -> FigureCard:
    title = _tr("Weekly use of the AI tool")
    reported = [week for week in outcome.results.adoption if week.share is not None]
    if not reported:
        return _not_enough("weekly_use", title, _tr("No weekly check-ins yet."))
    first, last = reported[0], reported[-1]
    assert first.share is not None and last.share is not None
    if last.reporting < MIN_OBSERVATIONS:
        return _not_enough(
            "weekly_use",
            title,
            _tr("Only {people} checked in in week {week}; at least {needed} are needed.").format(
                people=_people(last.reporting), week=last.week, needed=MIN_OBSERVATIONS
            ),
        )
    if last.active == last.reporting:
        latest = _tr("In week {week}, all {reporting} who checked in used it")
    else:
        latest = _tr("In week {week}, {active} of the {reporting} who checked in used it")
    details = [
        latest.format(week=last.week, active=whole(last.active), reporting=whole(last.reporting))
    ]
    if first.week != last.week:
        details.append(
            _tr("{share} in week {week}").format(share=percent(first.share), week=first.week)
        )
    return FigureCard("weekly_use", title, percent(last.share), tuple(details), True)


def _engagement_line(name: str, change: PairedChange) -> str:
    if change.n_pairs < MIN_OBSERVATIONS or change.mean_change is None:
        if change.n_pairs == 0:
            return _tr("{name}: not measured before and after yet").format(name=name)
        return _tr("{name}: not enough data yet ({people} measured before and after)").format(
            name=name, people=_people(change.n_pairs)
        )
    assert change.mean_before is not None and change.mean_after is not None
    text = _tr("{name} {before} → {after} out of 5, {change} points").format(
        name=name,
        before=number(change.mean_before),
        after=number(change.mean_after),
        change=signed(change.mean_change),
    )
    if change.interval is not None:
        text += " " + _tr("(95 % interval {low} to {high}, {people})").format(
            low=signed(change.interval.low),
            high=signed(change.interval.high),
            people=_people(change.n_pairs),
        )
    return text


def engagement_card(outcome: PilotOutcome) -> FigureCard:
    job = outcome.results.job_satisfaction
    career = outcome.results.career_satisfaction
    title = _tr("Engagement")
    lines = (
        _engagement_line(_tr("Job satisfaction"), job),
        _engagement_line(_tr("Career development"), career),
    )
    if job.n_pairs < MIN_OBSERVATIONS or job.mean_change is None:
        return _not_enough("engagement", title, *lines)
    return FigureCard(
        "engagement",
        title,
        _tr("{change} points").format(change=signed(job.mean_change)),
        (_tr("Change in job satisfaction, out of 5"), *lines),
        True,
    )


def learning_hours_card(outcome: PilotOutcome) -> FigureCard:
    results = outcome.results
    title = _tr("Time spent learning")
    check_ins = len(results.check_ins)
    if check_ins == 0:
        return _not_enough("learning_hours", title, _tr("No weekly check-ins yet."))
    return FigureCard(
        "learning_hours",
        title,
        _tr("{hours} hours").format(hours=rounded_hours(results.learning_hours)),
        (
            _tr("In total, as reported in {n} weekly check-ins").format(n=whole(check_ins))
            if check_ins != 1
            else _tr("As reported in 1 weekly check-in"),
        ),
        True,
    )


def scale_up_card(outcome: PilotOutcome) -> FigureCard:
    title = _tr("If it is scaled up")
    estimate = outcome.scale_up
    saved = outcome.results.time_saved
    if estimate is None:
        return _not_enough(
            "scale_up",
            title,
            _tr(
                "Enter how many people would follow it (the target group) in the pilot's "
                "details to see what scaling it up could save."
            ),
            value=_tr("No target group set"),
        )
    if saved.n < MIN_OBSERVATIONS or estimate.hours_per_year is None:
        return _not_enough(
            "scale_up",
            title,
            _tr(
                "At least {needed} tasks timed before and after are needed to estimate what "
                "{people} in the target group could save."
            ).format(needed=MIN_OBSERVATIONS, people=_people(estimate.population)),
        )
    sentence = _tr(
        "If all {people} in the target group followed: about {hours} hours a year"
    ).format(people=_people(estimate.population), hours=rounded_hours(estimate.hours_per_year))
    if estimate.interval is not None:
        sentence += " " + _tr("(95 % interval {low} to {high})").format(
            low=rounded_hours(estimate.interval.low), high=rounded_hours(estimate.interval.high)
        )
    return FigureCard(
        "scale_up",
        title,
        _tr("About {hours} hours a year").format(hours=rounded_hours(estimate.hours_per_year)),
        (
            sentence + ".",
            _tr(
                "This assumes each of them saves what a pilot participant saved, over "
                "{weeks} working weeks a year."
            ).format(weeks=WORKING_WEEKS),
        ),
        True,
    )


def figure_cards(outcome: PilotOutcome) -> tuple[FigureCard, ...]:
    """The cards in reading order; the scale-up estimate is last (the tab shows it wide)."""
    return (
        completion_card(outcome),
        satisfaction_card(outcome),
        recommend_card(outcome),
        learning_gain_card(outcome),
        time_saved_card(outcome),
        weekly_use_card(outcome),
        engagement_card(outcome),
        learning_hours_card(outcome),
        scale_up_card(outcome),
    )
