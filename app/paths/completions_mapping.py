"""Guess which columns of an LMS export hold the person, the module, the date, the status
and the score, from the header words common LMS exports use.

Headers are compared without case, spaces or punctuation ("Completion date", "completion_date"
and "COMPLETION-DATE" are the same). Each header scores per field; fields are handed out as
in every import (``app.sheet_import.columns.assign_columns``).
"""

from __future__ import annotations

from app.paths.completions_model import CompletionField, CompletionMapping
from app.roster.mapping import normalise_header
from app.sheet_import.columns import assign_columns
from app.sheet_import.people import PersonKey, person_header_scores

F = CompletionField

_MODULE_TITLE = frozenset(
    {
        "course",
        "coursetitle",
        "coursename",
        "module",
        "moduletitle",
        "modulename",
        "training",
        "trainingtitle",
        "trainingname",
        "learningitem",
        "itemtitle",
        "itemname",
        "activity",
        "activityname",
        "activitytitle",
        "content",
        "contenttitle",
        "contentname",
        "lesson",
        "lessontitle",
        "session",
        "sessiontitle",
        "learningobject",
        "title",
    }
)
_MODULE_KEY = frozenset(
    {
        "modulekey",
        "moduleid",
        "modulecode",
        "courseid",
        "coursecode",
        "courseshortname",
        "shortname",
        "itemid",
        "contentid",
        "activityid",
        "key",
    }
)
_DATE = frozenset(
    {
        "completiondate",
        "completedon",
        "completeddate",
        "datecompleted",
        "completedat",
        "completiontime",
        "timecompleted",
        "datetimecompleted",
        "completiondatetime",
        "dateofcompletion",
        "finishdate",
        "finishedon",
        "datefinished",
        "passdate",
        "passedon",
        "datepassed",
        "attendedon",
        "dateattended",
        "achieveddate",
    }
)
_NOT_A_COMPLETION_DATE = (
    "start",
    "enrol",
    "enroll",
    "due",
    "assign",
    "hire",
    "birth",
    "regist",
    "expir",
    "lastaccess",
    "lastlogin",
    "created",
    "modified",
    "updated",
)
_STATUS = frozenset(
    {
        "status",
        "completionstatus",
        "coursestatus",
        "modulestatus",
        "trainingstatus",
        "learnerstatus",
        "completionstate",
        "state",
        "progress",
        "passfail",
        "passed",
        "completed",
        "iscompleted",
        "complete",
    }
)
_SCORE = frozenset(
    {
        "score",
        "grade",
        "finalscore",
        "finalgrade",
        "quizscore",
        "testscore",
        "examscore",
        "assessmentscore",
        "mark",
        "marks",
        "percent",
        "percentage",
        "scorepercent",
        "result",
        "points",
    }
)


def score_header(header: str) -> list[tuple[int, CompletionField, PersonKey | None]]:
    """Candidate meanings of one header with their scores, best first (may be empty)."""
    key = normalise_header(header)
    if not key:
        return []
    found: list[tuple[int, CompletionField, PersonKey | None]] = [
        (score, F.PERSON, person_key) for score, person_key in person_header_scores(key)
    ]
    if key in _MODULE_TITLE:
        found.append((10 if key != "title" else 6, F.MODULE, None))
    elif key in _MODULE_KEY:
        found.append((5, F.MODULE, None))
    elif any(word in key for word in ("course", "module", "training")) and not any(
        word in key for word in ("date", "status", "score", "grade", "hours", "type", "category")
    ):
        found.append((4, F.MODULE, None))
    if key in _DATE:
        found.append((10, F.DATE, None))
    elif ("date" in key or key.endswith(("time", "on"))) and not any(
        word in key for word in _NOT_A_COMPLETION_DATE
    ):
        if "complet" in key or "finish" in key or "pass" in key:
            found.append((9, F.DATE, None))
        elif key in ("date", "datetime", "when"):
            found.append((7, F.DATE, None))
        elif "date" in key:
            found.append((3, F.DATE, None))
    if key in _STATUS:
        # "Completed" is a date in some exports and yes/no in others: a weak status guess.
        found.append((9 if key not in ("completed", "complete", "passed") else 5, F.STATUS, None))
    elif key.endswith("status"):
        found.append((7, F.STATUS, None))
    if key in _SCORE:
        found.append((9 if key != "result" else 4, F.SCORE, None))
    elif "score" in key or "grade" in key or "percent" in key:
        found.append((7, F.SCORE, None))
    return sorted(found, key=lambda item: -item[0])


def guess_completion_mapping(headers: list[str]) -> CompletionMapping:
    """Guess the columns of an LMS export from its headers; unknown columns are left out.

    The person column prefers an employee number, then an e-mail, then a full name, then a
    column such as "User" or "Learner" that may hold any of them.
    """
    chosen = assign_columns(headers, score_header)

    def column(fld: CompletionField) -> int | None:
        return chosen[fld][0] if fld in chosen else None

    return CompletionMapping(
        person=column(F.PERSON),
        person_key=chosen.get(F.PERSON, (0, None))[1] or PersonKey.ANY,
        module=column(F.MODULE),
        date=column(F.DATE),
        status=column(F.STATUS),
        score=column(F.SCORE),
    )
