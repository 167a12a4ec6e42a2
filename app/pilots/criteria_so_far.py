"""A success criterion while its pilot is still running: "not yet judged", with the figure so
far and when it will be judged.

In week 4 of a twelve-week pilot few people have finished their path and nobody has filled
in the end-of-pilot survey; judging the criteria then would read as failure and might stop a
pilot that is on track. So every criterion is ``Verdict.IN_PROGRESS`` with a sentence such as
"So far 3 of 13 people (23 %) have completed their path; this is judged when the pilot ends
on 12 December 2026 (target: at least 80 %)." A weekly-use criterion that counts from week 8
says, before week 8, from when it counts and how use looks so far.

``on_track`` adds what can honestly be said early: the figure so far already reaches the
target (True), or an average that can still go either way falls short of it (False). A
completion rate below target says nothing before the end, since it only rises as people
finish, so it stays None, as it does with fewer than ``MIN_OBSERVATIONS`` behind a figure.

One early verdict is honest: a measure counted per person (everything but the timed tasks)
can never rest on more people than the cohort has, so a cohort of one to four people gets
"not enough data" now, while there is still time to add people. An empty cohort is simply
not chosen yet: "not yet judged".
"""

from __future__ import annotations

from datetime import date

from app.i18n import _, ngettext
from app.pilots.analysis import MIN_OBSERVATIONS, PilotResults, weekly_active
from app.pilots.criteria import (
    PERCENT_MEASURES,
    Criterion,
    CriterionResult,
    Figure,
    Judging,
    Verdict,
    at_least,
    before_and_after,
    decimals_for,
    figure_of,
    fixed,
    from_week,
    in_unit,
    signed,
)

PER_PERSON_MEASURES = frozenset(
    {"completion", "satisfaction", "recommend", "learning_gain", "weekly_active", "engagement"}
)
"""Measures with at most one observation per participant."""

CUMULATIVE_MEASURES = frozenset({"completion"})
"""Measures that only rise while the pilot runs: falling short of the target so far is no
sign of how they end."""


def day_text(day: date) -> str:
    """ "12 December 2026", as the reports write dates."""
    return f"{day.day} {day:%B %Y}"


def _shown(criterion: Criterion, value: float) -> str:
    """A figure so far: whole percentages, one decimal otherwise, more where rounding would
    show a value just short of the target as the target."""
    base = 0 if criterion.measure in PERCENT_MEASURES else 1
    decimals = decimals_for(value, criterion.threshold, base)
    return in_unit(criterion.measure, fixed(value, decimals))


def _target(criterion: Criterion) -> str:
    """The target as agreed: "80 %", "4 out of 5", "15 points"."""
    threshold = f"{criterion.threshold:g}"
    if criterion.measure == "satisfaction":
        return _("{value} out of 5").format(value=threshold)
    if criterion.measure == "recommend":
        return _("{value} out of 10").format(value=threshold)
    return in_unit(criterion.measure, threshold)


def _when(judging: Judging) -> str:
    """ "this is judged when the pilot ends on 12 December 2026"."""
    ends_on = judging.end_to_come
    if ends_on is not None:
        return _("this is judged when the pilot ends on {day}").format(day=day_text(ends_on))
    return _("this is judged when the pilot ends")


def _nothing_yet(criterion: Criterion, results: PilotResults) -> str:
    """What has not been measured yet, as the opening of the sentence."""
    match criterion.measure:
        case "completion":
            return _("No one has joined the pilot yet")
        case "satisfaction":
            return _("No one has rated their satisfaction yet")
        case "recommend":
            return _("No one has said yet whether they would recommend it")
        case "learning_gain":
            waiting = results.learning_gain.missing_after
            if waiting:
                return ngettext(
                    "{n} person has taken the knowledge check before the pilot; "
                    "no one has taken it after yet",
                    "{n} people have taken the knowledge check before the pilot; "
                    "no one has taken it after yet",
                    waiting,
                ).format(n=waiting)
            return _("No one has taken the knowledge check both before and after yet")
        case "time_saved":
            return _("No task has been timed before and after yet")
        case "weekly_active":
            return _("No one has checked in from week {week} on yet").format(
                week=from_week(criterion)
            )
    return _("No one has rated their job satisfaction both before and after yet")


def _measured(criterion: Criterion, results: PilotResults, figure: Figure) -> str:
    """The figure so far, as the opening of the sentence."""
    assert figure.value is not None
    value = _shown(criterion, figure.value)
    n = figure.n
    match criterion.measure:
        case "completion":
            done = results.completion
            return ngettext(
                "So far {completed} of {enrolled} person ({value}) has completed their path",
                "So far {completed} of {enrolled} people ({value}) have completed their path",
                done.enrolled,
            ).format(completed=done.completed, enrolled=done.enrolled, value=value)
        case "satisfaction":
            return ngettext(
                "So far the average satisfaction is {value} out of 5 ({n} answer)",
                "So far the average satisfaction is {value} out of 5 ({n} answers)",
                n,
            ).format(value=value, n=n)
        case "recommend":
            return ngettext(
                "So far the average “would recommend” score is {value} out of 10 ({n} answer)",
                "So far the average “would recommend” score is {value} out of 10 ({n} answers)",
                n,
            ).format(value=value, n=n)
        case "learning_gain":
            gain = results.learning_gain
            return ngettext(
                "So far the knowledge-check score of the {n} person measured before and after "
                "went from {before} % to {after} %, a change of {change} points",
                "So far the knowledge-check score of the {n} people measured before and after "
                "went from {before} % to {after} %, a change of {change} points",
                n,
            ).format(n=n, **_before_and_after(gain.mean_before, gain.mean_after, figure.value))
        case "time_saved":
            return ngettext(
                "So far the median time saved on the {n} timed task is {value}",
                "So far the median time saved on the {n} timed tasks is {value}",
                n,
            ).format(n=n, value=value)
        case "weekly_active":
            return ngettext(
                "So far, from week {week} on, participants used the tool in {value} of the "
                "weeks they reported on ({n} participant)",
                "So far, from week {week} on, participants used the tool in {value} of the "
                "weeks they reported on ({n} participants)",
                n,
            ).format(week=from_week(criterion), value=value, n=n)
    change = results.job_satisfaction
    return ngettext(
        "So far average job satisfaction went from {before} to {after} out of 5 for the {n} "
        "person measured before and after, a change of {change} points",
        "So far average job satisfaction went from {before} to {after} out of 5 for the {n} "
        "people measured before and after, a change of {change} points",
        n,
    ).format(n=n, **_before_and_after(change.mean_before, change.mean_after, figure.value))


def _before_and_after(before: float | None, after: float | None, change: float) -> dict[str, str]:
    """The means and the change of a before/after sentence, their digits in agreement."""
    shown = signed(change)
    before_text, after_text = before_and_after(before or 0.0, after or 0.0, shown)
    return {"before": before_text, "after": after_text, "change": shown}


def _on_track(criterion: Criterion, figure: Figure) -> bool | None:
    if figure.value is None or figure.n < MIN_OBSERVATIONS:
        return None
    if at_least(figure.value, criterion.threshold):
        return True
    return None if criterion.measure in CUMULATIVE_MEASURES else False


def _cohort_too_small(results: PilotResults, judging: Judging) -> str:
    enrolled = results.completion.enrolled
    if judging.status == "planned":
        text = ngettext(
            "Only {n} person is in the cohort, so this could not be judged however it goes: "
            "at least {needed} people are needed. Add people before the pilot starts.",
            "Only {n} people are in the cohort, so this could not be judged however it goes: "
            "at least {needed} people are needed. Add people before the pilot starts.",
            enrolled,
        )
    else:
        text = ngettext(
            "Only {n} person takes part, so this cannot be judged however it goes: at least "
            "{needed} people are needed. Add people to the cohort while the pilot runs.",
            "Only {n} people take part, so this cannot be judged however it goes: at least "
            "{needed} people are needed. Add people to the cohort while the pilot runs.",
            enrolled,
        )
    return text.format(n=enrolled, needed=MIN_OBSERVATIONS)


def _counts_yet(criterion: Criterion, results: PilotResults, judging: Judging) -> bool:
    """Has the week from which the criterion counts come (or been reported on already)?"""
    start = from_week(criterion)
    if judging.week is not None and judging.week >= start:
        return True
    return any(check_in.week >= start for check_in in results.check_ins)


def _before_its_week(criterion: Criterion, results: PilotResults, judging: Judging) -> str:
    """ "Judged from week 8 (in 4 weeks) until the pilot ends on …; weekly use so far 62 %"."""
    start = from_week(criterion)
    ends_on = judging.end_to_come
    if judging.week is not None:
        wait = start - judging.week
        weeks = ngettext("in {n} week", "in {n} weeks", wait).format(n=wait)
        if ends_on is not None:
            when = _("Judged from week {week} ({wait}) until the pilot ends on {day}").format(
                week=start, wait=weeks, day=day_text(ends_on)
            )
        else:
            when = _("Judged from week {week} ({wait}) until the pilot ends").format(
                week=start, wait=weeks
            )
    elif ends_on is not None:
        when = _("Judged from week {week} of the pilot until it ends on {day}").format(
            week=start, day=day_text(ends_on)
        )
    else:
        when = _("Judged from week {week} of the pilot until it ends").format(week=start)
    share = weekly_active(results.check_ins, 1).share
    latest = next((week for week in reversed(results.adoption) if week.share is not None), None)
    if share is None or latest is None or latest.share is None:
        so_far = _("no one has checked in yet")
    else:
        so_far = _("weekly use so far {value}, {latest} in week {week}").format(
            value=in_unit(criterion.measure, fixed(100 * share, 0)),
            latest=in_unit(criterion.measure, fixed(100 * latest.share, 0)),
            week=latest.week,
        )
    return _("{when}; {so_far} (target: at least {target}).").format(
        when=when, so_far=so_far, target=_target(criterion)
    )


def so_far(criterion: Criterion, results: PilotResults, judging: Judging) -> CriterionResult:
    """The criterion of a pilot that has not ended: not yet judged, with the figure so far."""
    figure = figure_of(criterion, results)
    enrolled = results.completion.enrolled
    if criterion.measure in PER_PERSON_MEASURES and 0 < enrolled < MIN_OBSERVATIONS:
        return CriterionResult(
            criterion,
            figure.value,
            figure.interval,
            figure.n,
            Verdict.NOT_ENOUGH_DATA,
            _cohort_too_small(results, judging),
            judging=judging,
        )
    if criterion.measure == "weekly_active" and not _counts_yet(criterion, results, judging):
        # The table shows the use so far (every week reported), as the sentence does; it
        # is never compared with the target, which counts only from its week.
        use = weekly_active(results.check_ins, 1)
        return CriterionResult(
            criterion,
            None if use.share is None else 100 * use.share,
            None,
            use.participants,
            Verdict.IN_PROGRESS,
            _before_its_week(criterion, results, judging),
            judging=judging,
        )
    if figure.value is None or figure.n == 0:
        sentence = _("{so_far}; {when} (target: at least {target}).").format(
            so_far=_nothing_yet(criterion, results),
            when=_when(judging),
            target=_target(criterion),
        )
        return CriterionResult(
            criterion, None, None, figure.n, Verdict.IN_PROGRESS, sentence, judging=judging
        )
    on_track = _on_track(criterion, figure)
    if on_track:
        sentence = _("{so_far}, already at the target of at least {target}; {when}.").format(
            so_far=_measured(criterion, results, figure),
            target=_target(criterion),
            when=_when(judging),
        )
    else:
        sentence = _("{so_far}; {when} (target: at least {target}).").format(
            so_far=_measured(criterion, results, figure),
            when=_when(judging),
            target=_target(criterion),
        )
    # A share of people finished so far has no interval worth reading: it only rises.
    cumulative = criterion.measure in CUMULATIVE_MEASURES
    return CriterionResult(
        criterion,
        figure.value,
        None if cumulative else figure.interval,
        figure.n,
        Verdict.IN_PROGRESS,
        sentence,
        on_track=on_track,
        judging=judging,
    )
