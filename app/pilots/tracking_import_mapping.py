"""Guess which columns of a measurements spreadsheet hold what, from common header words.

"Days used", "Hours learning", "Satisfaction", "Recommend (0-10)", "Score before" and the
like are recognised without case, spaces or punctuation; before/after is read from whole
words ("Pre-test score", "Score (after)", "Baseline minutes"). The person column is
guessed as in every import (employee number, e-mail, full name), and fields are handed out
to columns as in every import (``app.sheet_import.columns.assign_columns``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from app.pilots.tracking_import_model import FIELDS, ImportKind, TrackingField, TrackingMapping
from app.roster.mapping import normalise_header
from app.sheet_import.columns import assign_columns
from app.sheet_import.people import PersonKey, person_header_scores

F = TrackingField

_BEFORE = frozenset(
    {"before", "pre", "baseline", "initial", "prior", "start", "first", "t0", "pretest"}
)
_AFTER = frozenset(
    {"after", "post", "final", "end", "followup", "later", "second", "t1", "posttest"}
)


def _words(header: str) -> set[str]:
    words = set(re.findall(r"[a-z0-9]+", header.casefold()))
    if "follow" in words and "up" in words:
        words.add("followup")
    return words


def phase_of(header: str) -> str | None:
    """ "before" or "after" when the header says which (and not both), else None."""
    words = _words(header)
    key = normalise_header(header)
    before = bool(words & _BEFORE) or key.startswith(("pre", "baseline"))
    after = bool(words & _AFTER) or key.startswith("post")
    if before == after:
        return None
    return "before" if before else "after"


def _any(key: str, *parts: str) -> bool:
    return any(part in key for part in parts)


def _week(key: str, header: str) -> int:
    if _any(key, "start", "begin", "commenc", "ending", "weekof", "date"):
        return 0  # "Week starting", "Week of": a date, not a number
    if key in ("week", "weekno", "weeknumber", "weeknum", "pilotweek", "wk", "weeknr"):
        return 10
    return 7 if key.startswith("week") and not _any(key, "day", "hour") else 0


def _date(key: str, header: str) -> int:
    if key in ("date", "weekof", "weekstarting", "weekbeginning", "weekcommencing", "when"):
        return 10
    if _any(key, "date", "loggedon", "answeredon", "submitted", "weekstart", "weekbegin"):
        return 8
    return 6 if key in ("timestamp", "day", "completedon", "on") else 0


def _days(key: str, header: str) -> int:
    if key in ("daysused", "daysusedai", "daysofuse", "daysactive", "activedays", "days"):
        return 10
    return 8 if "days" in key and not _any(key, "hour", "learn") else 0


def _features(key: str, header: str) -> int:
    if "feature" in key:
        return 10
    return 6 if _any(key, "usedfor", "usedit", "whatfor", "usecases") else 0


def _learning_hours(key: str, header: str) -> int:
    if _any(key, "hour", "hrs", "time") and _any(key, "learn", "train", "study", "course"):
        return 10
    return 5 if key in ("hours", "hrs") else 0


def _task(key: str, header: str) -> int:
    if key in ("task", "taskname", "tasktimed", "activity", "process", "job", "work"):
        return 10
    if "task" in key and not _any(key, "min", "time", "error", "week", "observ"):
        return 8
    return 0


def _minutes(phase: str) -> Callable[[str, str], int]:
    def score(key: str, header: str) -> int:
        if phase_of(header) != phase or _any(key, "error", "mistake", "observ", "sample"):
            return 0
        if _any(key, "minute", "min", "duration", "time", "took", "mins"):
            return 10
        return 0

    return score


def _observations(phase: str) -> Callable[[str, str], int]:
    def score(key: str, header: str) -> int:
        if phase_of(header) != phase:
            return 0
        if _any(key, "observ", "sample", "measurement", "timings", "count", "runs"):
            return 10
        return 0

    return score


def _times_per_week(key: str, header: str) -> int:
    if _any(key, "timesaweek", "timesperweek", "perweek", "aweek", "weekly", "frequency"):
        return 10 if not _any(key, "hour", "saved", "minute") else 0
    return 6 if _any(key, "howoften", "volume") else 0


def _errors(phase: str) -> Callable[[str, str], int]:
    def score(key: str, header: str) -> int:
        if phase_of(header) == phase and _any(key, "error", "mistake", "defect", "rework"):
            return 10
        return 0

    return score


def _satisfaction(key: str, header: str) -> int:
    if _any(key, "job", "career", "develop") or phase_of(header) is not None:
        return 0
    if "satisf" in key or key in ("csat", "rating", "overallrating", "score15"):
        return 10
    return 6 if _any(key, "rating", "howsatisfied", "overall") else 0


def _recommend(key: str, header: str) -> int:
    if "recommend" in key or key in ("nps", "netpromoter", "netpromoterscore"):
        return 10
    return 7 if _any(key, "likely", "nps", "promoter") else 0


def _comment(key: str, header: str) -> int:
    if _any(key, "comment", "feedback", "remark"):
        return 10
    return 7 if _any(key, "notes", "suggest", "anythingelse", "why", "freetext") else 0


def _score(kind: str, phase: str) -> Callable[[str, str], int]:
    def score(key: str, header: str) -> int:
        if phase_of(header) != phase:
            return 0
        if kind == "knowledge":
            if _any(key, "job", "career", "satisf"):
                return 0
            if _any(key, "score", "knowledge", "test", "quiz", "check", "result", "percent"):
                return 10
            return 0
        if kind == "job":
            return 10 if "job" in key or ("satisf" in key and "career" not in key) else 0
        return 10 if _any(key, "career", "develop", "growth", "progression") else 0

    return score


def _description(key: str, header: str) -> int:
    if _any(key, "aifor", "useai", "usedfor", "whatfor", "usecase", "description", "application"):
        return 10
    return 6 if key in ("what", "task", "activity", "use", "example", "details") else 0


def _hours_saved(key: str, header: str) -> int:
    if _any(key, "hour", "hrs", "time") and "sav" in key:
        return 10
    return 7 if "saved" in key else 0


_SCORERS: dict[TrackingField, Callable[[str, str], int]] = {
    F.WEEK: _week,
    F.DATE: _date,
    F.DAYS_USED: _days,
    F.FEATURES: _features,
    F.LEARNING_HOURS: _learning_hours,
    F.TASK: _task,
    F.MINUTES_BEFORE: _minutes("before"),
    F.MINUTES_AFTER: _minutes("after"),
    F.OBSERVATIONS_BEFORE: _observations("before"),
    F.OBSERVATIONS_AFTER: _observations("after"),
    F.TIMES_PER_WEEK: _times_per_week,
    F.ERRORS_BEFORE: _errors("before"),
    F.ERRORS_AFTER: _errors("after"),
    F.SATISFACTION: _satisfaction,
    F.RECOMMEND: _recommend,
    F.COMMENT: _comment,
    F.KNOWLEDGE_BEFORE: _score("knowledge", "before"),
    F.KNOWLEDGE_AFTER: _score("knowledge", "after"),
    F.JOB_BEFORE: _score("job", "before"),
    F.JOB_AFTER: _score("job", "after"),
    F.CAREER_BEFORE: _score("career", "before"),
    F.CAREER_AFTER: _score("career", "after"),
    F.DESCRIPTION: _description,
    F.HOURS_SAVED: _hours_saved,
}


def score_header(
    kind: ImportKind, header: str
) -> list[tuple[int, TrackingField, PersonKey | None]]:
    """Candidate meanings of one header for this kind of import, best first."""
    key = normalise_header(header)
    if not key:
        return []
    found: list[tuple[int, TrackingField, PersonKey | None]] = []
    wanted = FIELDS[kind]
    if F.PERSON in wanted:
        found.extend((score, F.PERSON, how) for score, how in person_header_scores(key))
    for wanted_field in wanted:
        scorer = _SCORERS.get(wanted_field)
        points = scorer(key, header) if scorer else 0
        if points:
            found.append((points, wanted_field, None))
    return sorted(found, key=lambda item: -item[0])


def guess_tracking_mapping(kind: ImportKind, headers: list[str]) -> TrackingMapping:
    """Guess the columns of a measurements file from its headers; unknown ones are left out."""
    chosen = assign_columns(headers, lambda header: score_header(kind, header))
    how = chosen[F.PERSON][1] if F.PERSON in chosen else None
    ordered = {fld: chosen[fld][0] for fld in FIELDS[kind] if fld in chosen}
    return TrackingMapping(kind=kind, columns=ordered, person_key=how or PersonKey.ANY)
