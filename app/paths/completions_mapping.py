"""Guess which columns of an LMS export hold the person, the module, the date, the status
and the score, from the header words common LMS exports use.

Headers are compared without case, spaces or punctuation ("Completion date", "completion_date"
and "COMPLETION-DATE" are the same). Each header scores per field; fields are handed out best
score first, each field to one column and each column to one field, the leftmost on a tie.
"""

from __future__ import annotations

from app.paths.completions_model import CompletionField, CompletionMapping, PersonKey
from app.roster.mapping import normalise_header

F = CompletionField

_EMPLOYEE_NUMBER = frozenset(
    {
        "employeeid",
        "employeenumber",
        "employeeno",
        "employeecode",
        "empid",
        "empno",
        "staffid",
        "staffnumber",
        "staffno",
        "personnelnumber",
        "payrollnumber",
        "workerid",
        "personnumber",
    }
)
_LMS_ID = frozenset({"userid", "learnerid", "useridnumber", "idnumber", "participantid"})
"""Often the LMS's own number rather than the employee number: a weak guess."""
_FULL_NAME = frozenset(
    {
        "name",
        "fullname",
        "employeename",
        "learnername",
        "displayname",
        "participantname",
        "studentname",
        "traineename",
        "attendeename",
        "userfullname",
        "personname",
        "staffname",
    }
)
_ANY_PERSON = frozenset(
    {
        "user",
        "learner",
        "username",
        "employee",
        "participant",
        "student",
        "trainee",
        "attendee",
        "person",
        "login",
        "userlogin",
        "account",
        "who",
    }
)
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


def _person_scores(key: str) -> list[tuple[int, PersonKey]]:
    found: list[tuple[int, PersonKey]] = []
    if key in _EMPLOYEE_NUMBER or "employeeid" in key or "employeenumber" in key:
        found.append((10, PersonKey.EMPLOYEE_NUMBER))
    elif key in _LMS_ID:
        found.append((6, PersonKey.EMPLOYEE_NUMBER))
    if "email" in key or key.endswith("mail"):
        found.append((9, PersonKey.EMAIL))
    if key in _FULL_NAME or key.endswith("fullname"):
        found.append((8, PersonKey.FULL_NAME))
    if key in _ANY_PERSON:
        found.append((7, PersonKey.ANY))
    return found


def score_header(header: str) -> list[tuple[int, CompletionField, PersonKey | None]]:
    """Candidate meanings of one header with their scores, best first (may be empty)."""
    key = normalise_header(header)
    if not key:
        return []
    found: list[tuple[int, CompletionField, PersonKey | None]] = [
        (score, F.PERSON, person_key) for score, person_key in _person_scores(key)
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
    candidates: list[tuple[int, int, CompletionField, PersonKey | None]] = []
    for index, header in enumerate(headers):
        for score, fld, person_key in score_header(header):
            candidates.append((score, index, fld, person_key))
    candidates.sort(key=lambda item: (-item[0], item[1]))
    chosen: dict[CompletionField, tuple[int, PersonKey | None]] = {}
    used: set[int] = set()
    for _score, index, fld, person_key in candidates:
        if fld in chosen or index in used:
            continue
        chosen[fld] = (index, person_key)
        used.add(index)

    def column(fld: CompletionField) -> int | None:
        return chosen[fld][0] if fld in chosen else None

    person_key = chosen[F.PERSON][1] if F.PERSON in chosen else None
    return CompletionMapping(
        person=column(F.PERSON),
        person_key=person_key or PersonKey.ANY,
        module=column(F.MODULE),
        date=column(F.DATE),
        status=column(F.STATUS),
        score=column(F.SCORE),
    )
