"""Guess what each column of a roster means from its header.

Matching ignores case, spaces and punctuation ("E-mail", "email", "E mail" are the
same). Each header gets a score per field: an exact known name scores highest, a
header that merely contains a telling word scores lower. Fields are then handed out
best score first, each field to one column at most and each column to one field.

Columns about the manager ("Manager ID", "manager_email", "Reports to", "Line manager
first name", ...) are only ever candidates for MANAGER, so the manager's first and
last name never end up as the person's name. An id or e-mail column of the manager
is preferred over a name column.
"""

from __future__ import annotations

import re

from app.roster.model import ColumnMapping, RosterField

F = RosterField

_EXACT: dict[RosterField, dict[str, int]] = {
    F.EMPLOYEE_NUMBER: {
        **dict.fromkeys(
            [
                "employeenumber",
                "employeeno",
                "employeenum",
                "employeeid",
                "employeecode",
                "empno",
                "empnum",
                "empnumber",
                "empid",
                "empcode",
                "emplid",
                "staffnumber",
                "staffno",
                "staffid",
                "staffcode",
                "personnelnumber",
                "personnelno",
                "personnelid",
                "payrollnumber",
                "payrollno",
                "payrollid",
                "workerid",
                "workernumber",
                "associateid",
                "personid",
                "personnumber",
                "badgenumber",
                "badgeid",
                "employeereference",
                "employeeref",
            ],
            10,
        ),
        **dict.fromkeys(["id", "number", "no", "ref", "reference"], 4),
    },
    F.FULL_NAME: {
        **dict.fromkeys(
            [
                "name",
                "fullname",
                "employeename",
                "employeefullname",
                "staffname",
                "displayname",
                "personname",
                "workername",
                "associatename",
                "namefull",
            ],
            10,
        ),
    },
    F.FIRST_NAME: {
        **dict.fromkeys(
            [
                "firstname",
                "givenname",
                "forename",
                "forenames",
                "fname",
                "first",
                "legalfirstname",
                "employeefirstname",
                "givennames",
            ],
            10,
        ),
        **dict.fromkeys(["preferredname", "preferredfirstname", "knownas"], 6),
    },
    F.LAST_NAME: {
        **dict.fromkeys(
            [
                "lastname",
                "surname",
                "familyname",
                "lname",
                "last",
                "legallastname",
                "employeelastname",
                "employeesurname",
            ],
            10,
        ),
    },
    F.EMAIL: {
        **dict.fromkeys(
            [
                "email",
                "emailaddress",
                "workemail",
                "workemailaddress",
                "businessemail",
                "officeemail",
                "companyemail",
                "mail",
                "emailid",
                "employeeemail",
                "corporateemail",
                "primaryemail",
            ],
            10,
        ),
        **dict.fromkeys(["personalemail", "privateemail", "homeemail"], 3),
    },
    F.DEPARTMENT: {
        **dict.fromkeys(
            [
                "department",
                "dept",
                "departmentname",
                "deptname",
                "departement",
                "orgunit",
                "organisationunit",
                "organizationunit",
                "departmentdescription",
            ],
            10,
        ),
        **dict.fromkeys(["division", "team", "businessunit", "unit", "function"], 6),
        **dict.fromkeys(["departmentid", "deptid", "departmentcode", "deptno"], 3),
    },
    F.JOB_TITLE: {
        **dict.fromkeys(
            [
                "jobtitle",
                "title",
                "jobrole",
                "role",
                "position",
                "positiontitle",
                "jobname",
                "job",
                "designation",
                "occupation",
                "rolename",
                "jobdescription",
                "positionname",
                "businesstitle",
            ],
            10,
        ),
        **dict.fromkeys(["jobid", "jobcode", "positionid", "positioncode"], 3),
    },
    F.LOCATION: {
        **dict.fromkeys(
            [
                "location",
                "office",
                "worklocation",
                "officelocation",
                "site",
                "worksite",
                "workplace",
                "branch",
                "locationname",
            ],
            10,
        ),
        **dict.fromkeys(["city", "town"], 8),
        **dict.fromkeys(["country", "countryname", "region"], 4),
    },
    F.MANAGER: {},  # manager columns are scored by _manager_score
    F.HIRE_DATE: {
        **dict.fromkeys(
            [
                "hiredate",
                "startdate",
                "datejoined",
                "joindate",
                "joiningdate",
                "dateofhire",
                "dateofjoining",
                "employmentstartdate",
                "originalhiredate",
                "datehired",
                "hired",
                "joined",
                "servicedate",
                "dateofemployment",
                "startdateofemployment",
                "employmentdate",
                "senioritydate",
            ],
            10,
        ),
    },
    F.STATUS: {
        **dict.fromkeys(
            [
                "status",
                "employmentstatus",
                "employeestatus",
                "active",
                "isactive",
                "activeflag",
                "empstatus",
                "activestatus",
                "workerstatus",
                "staffstatus",
            ],
            10,
        ),
    },
}

# Header contains word -> (field, score): for headers not known exactly.
_CONTAINS: list[tuple[str, RosterField, int]] = [
    ("employeenumber", F.EMPLOYEE_NUMBER, 8),
    ("employeeid", F.EMPLOYEE_NUMBER, 8),
    ("staffnumber", F.EMPLOYEE_NUMBER, 8),
    ("email", F.EMAIL, 7),
    ("firstname", F.FIRST_NAME, 7),
    ("givenname", F.FIRST_NAME, 7),
    ("lastname", F.LAST_NAME, 7),
    ("surname", F.LAST_NAME, 7),
    ("familyname", F.LAST_NAME, 7),
    ("fullname", F.FULL_NAME, 7),
    ("employeename", F.FULL_NAME, 7),
    ("department", F.DEPARTMENT, 7),
    ("jobtitle", F.JOB_TITLE, 7),
    ("jobrole", F.JOB_TITLE, 7),
    ("hiredate", F.HIRE_DATE, 7),
    ("startdate", F.HIRE_DATE, 6),
    ("joindate", F.HIRE_DATE, 6),
    ("datejoined", F.HIRE_DATE, 6),
    ("location", F.LOCATION, 6),
]

_MANAGER_WORDS = ("manager", "supervisor", "reportsto", "reportingto", "boss", "superior")
_PARTIAL_NAME_WORDS = ("firstname", "lastname", "surname", "givenname", "familyname", "forename")
# "YearsWithCurrManager", "Is manager", "Manager rating": about the manager, not who it is.
_NOT_A_MANAGER = (
    "managerial",
    "ismanager",
    "manageryn",
    "peoplemanager",
    "years",
    "months",
    "since",
    "tenure",
    "rating",
    "score",
    "satisfaction",
    "count",
    "flag",
    "level",
    "type",
)


def normalise_header(header: str) -> str:
    """Lower case with everything but letters and digits removed ("E-mail " -> "email")."""
    return re.sub(r"[\W_]+", "", header.casefold())


def _manager_score(key: str) -> int | None:
    """Score of a header as the MANAGER column, or None when it is not about the manager."""
    if not any(word in key for word in _MANAGER_WORDS):
        return None
    if any(word in key for word in _NOT_A_MANAGER):
        return None
    if any(word in key for word in _PARTIAL_NAME_WORDS):
        return 0  # the manager's first or last name alone can't identify them
    if key.endswith(("id", "number", "no", "num", "code", "ref")):
        return 10
    if "email" in key or key.endswith("mail"):
        return 9
    if key in (
        "manager",
        "linemanager",
        "reportsto",
        "reportingto",
        "supervisor",
        "directmanager",
        "reportingmanager",
        "directsupervisor",
    ):
        return 8
    return 6  # "manager name", "line manager full name", ...


def score_header(header: str) -> list[tuple[int, RosterField]]:
    """Candidate fields for one header with their scores, best first (may be empty)."""
    key = normalise_header(header)
    if not key:
        return []
    manager = _manager_score(key)
    if manager is not None:
        return [(manager, F.MANAGER)] if manager > 0 else []
    found: dict[RosterField, int] = {}
    for fld, names in _EXACT.items():
        if key in names:
            found[fld] = max(found.get(fld, 0), names[key])
    if not found:
        for word, fld, score in _CONTAINS:
            if word in key:
                found[fld] = max(found.get(fld, 0), score)
    return sorted(((s, f) for f, s in found.items()), key=lambda item: -item[0])


def field_for_header(header: str) -> RosterField | None:
    """The best field for a header on its own, or None when it means nothing known."""
    scores = score_header(header)
    return scores[0][1] if scores else None


def guess_mapping(headers: list[str]) -> ColumnMapping:
    """Guess which column holds which field. Unknown columns are left out (ignored)."""
    candidates: list[tuple[int, int, RosterField]] = []
    for index, header in enumerate(headers):
        for score, fld in score_header(header):
            candidates.append((score, index, fld))
    # Best score first; on a tie the leftmost column wins.
    candidates.sort(key=lambda item: (-item[0], item[1]))
    mapping: ColumnMapping = {}
    used_columns: set[int] = set()
    for _score, index, fld in candidates:
        if fld in mapping or index in used_columns:
            continue
        mapping[fld] = index
        used_columns.add(index)
    return mapping
