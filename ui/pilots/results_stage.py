"""The top of a pilot's results in words, for where the pilot stands: "Running, week 4 of 13:
1 criterion on track so far, 2 judged when the pilot ends on 22 Jan 2027." while it runs,
the verdicts once it has ended, a note when its planned end has passed, and the decision
line (no decision is asked for while the pilot still runs).

Whether the pilot is judged yet comes from the outcome (app/pilots/judging.py); these
functions only word it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from app.pilots.criteria import CriterionResult, Judging, Verdict
from app.pilots.records import PilotDetails
from ui.pilots.results_format import date_text, decision_summary, verdict_summary

_CONTEXT = "PilotResults"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def _ends_on(judging: Judging) -> str | None:
    """The planned end as a date, where it is still to come."""
    ends_on = judging.end_to_come
    return None if ends_on is None else date_text(ends_on)


def stage_text(judging: Judging) -> str:
    """ "Running, week 4 of 13", "Running, week 4", "Not started yet"."""
    if judging.status == "planned":
        return _tr("Not started yet")
    week, weeks = judging.week, judging.weeks
    if week is not None and weeks is not None and week <= weeks:
        return _tr("Running, week {week} of {weeks}").format(week=week, weeks=weeks)
    if week is not None:
        return _tr("Running, week {week}").format(week=week)
    return _tr("Running")


def _judged_when(judging: Judging) -> str:
    day = _ends_on(judging)
    if day is None:
        return _tr("when the pilot ends")
    return _tr("when the pilot ends on {day}").format(day=day)


def interim_summary(results: Sequence[CriterionResult], judging: Judging) -> str:
    """The criteria of a pilot that has not ended: how many are on track so far, and when
    they are judged."""
    total = len(results)
    stage = stage_text(judging)
    if total == 0:
        return _tr("{stage}: no success criteria were agreed for this pilot.").format(stage=stage)
    on_track = sum(1 for r in results if r.verdict is Verdict.IN_PROGRESS and r.on_track)
    too_few = sum(1 for r in results if r.verdict is Verdict.NOT_ENOUGH_DATA)
    waiting = total - on_track - too_few
    when = _judged_when(judging)
    if too_few == total:
        return _tr(
            "{stage}: with so few people in the cohort none of the success criteria can be "
            "judged; add people while it runs."
        ).format(stage=stage)
    clauses = []
    if on_track and waiting:
        clauses.append(
            _tr("1 criterion on track so far")
            if on_track == 1
            else _tr("{n} criteria on track so far").format(n=on_track)
        )
        clauses.append(_tr("{n} judged {when}").format(n=waiting, when=when))
    elif on_track:
        clauses.append(
            _tr("the success criterion is on track so far, judged {when}").format(when=when)
            if total == 1
            else _tr("all {n} criteria on track so far, judged {when}").format(
                n=on_track, when=when
            )
        )
    elif waiting == 1 and total == 1:
        clauses.append(_tr("the success criterion is judged {when}").format(when=when))
    elif waiting == total:
        clauses.append(_tr("the {n} success criteria are judged {when}").format(n=total, when=when))
    else:
        clauses.append(
            _tr("1 criterion is judged {when}").format(when=when)
            if waiting == 1
            else _tr("{n} criteria are judged {when}").format(n=waiting, when=when)
        )
    if too_few:
        clauses.append(
            _tr("1 cannot be judged with so few people")
            if too_few == 1
            else _tr("{n} cannot be judged with so few people").format(n=too_few)
        )
    return _tr("{stage}: {clauses}.").format(stage=stage, clauses=", ".join(clauses))


def summary_line(results: Sequence[CriterionResult], judging: Judging) -> str:
    """The one line at the top of the results: so far while the pilot runs, the verdicts
    once it has ended."""
    if judging.interim:
        return interim_summary(results, judging)
    return verdict_summary(results)


def stage_note(judging: Judging) -> str:
    """Why the criteria are (or are not yet) judged, where that needs saying; else empty."""
    if judging.interim:
        return _tr(
            "Nothing is judged before the pilot ends: the figures are those so far and can "
            "still change."
        )
    if judging.overdue and judging.ends_on is not None:
        return _tr(
            "Its planned end, {day}, has passed, so the criteria are judged as the figures "
            "stand. End the pilot to evaluate the results, then record the decision."
        ).format(day=date_text(judging.ends_on))
    return ""


def decision_line(pilot: PilotDetails, judging: Judging) -> str:
    """The decision taken, or, with none, what comes first."""
    if pilot.decision is None and judging.interim:
        if judging.status == "planned":
            return _tr("No decision yet: the pilot has not started.")
        day = _ends_on(judging)
        if day is None:
            return _tr("No decision yet: it is taken once the pilot has ended.")
        return _tr("No decision yet: it is taken once the pilot has ended, on {day}.").format(
            day=day
        )
    return decision_summary(pilot.decision, pilot.decided_on, pilot.decision_reasons)


def decision_expected(pilot: PilotDetails, judging: Judging) -> bool:
    """A decision makes sense once the criteria are judged, or to correct one taken; not on
    figures so far."""
    return judging.final or pilot.decision is not None
