"""Check every row of a roster table into a plan of people and problems.

Nothing is written here; :mod:`app.roster.applying` writes an ``ok`` plan.

Errors (the import stops, nothing is written):
- no mapped column identifies a person (name, employee number or e-mail);
- a row with none of them (an e-mail that is not a valid address doesn't count);
- the same employee number, or the same e-mail, on two rows (both rows are named).

Warnings (the import goes on): a malformed e-mail or date (the field is left empty and
the original value is shown), no department (the person goes to "Unassigned"), a
manager who matches nobody in the file, a status word that isn't understood, and the
reading problems of the table (ragged CSV lines, Excel error values, values with no
header).

Values: whitespace is trimmed and inner runs of spaces/newlines become one space.
"N/A", "NULL", "None", "-", "." and similar placeholders count as empty (see
``NULL_TOKENS``; "NA" does not, it can be a real value). Employee numbers stay text
exactly as written ("00123" stays "00123"; a number cell 1042.0 gives "1042").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime

from app.i18n import N_, _, ngettext, translate
from app.progress import CancelToken, Progress, no_progress
from app.roster.model import (
    Cell,
    ColumnMapping,
    PersonRecord,
    Problem,
    RosterField,
    RosterPlan,
    RosterTable,
)
from app.roster.values import (
    cell_text,
    collapse_spaces,
    excel_serial_to_date,
    is_null_token,
    numeric_date_order,
    parse_text_date,
)

F = RosterField
UNASSIGNED = N_("Unassigned")
"""Where people without a department go (the same name as UNASSIGNED_DEPARTMENT)."""

_EMAIL = re.compile(r"^[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[A-Za-z0-9-]{2,}$")

ACTIVE_WORDS: frozenset[str] = frozenset(
    {
        "active",
        "yes",
        "y",
        "true",
        "1",
        "current",
        "employed",
        "a",
        "act",
        "on leave",
        "leave",
        "probation",
        "full time",
        "full-time",
        "part time",
        "part-time",
        "permanent",
        "temporary",
        "contractor",
        "fixed term",
        "suspended",
        "on notice",
    }
)
INACTIVE_WORDS: frozenset[str] = frozenset(
    {
        "inactive",
        "no",
        "n",
        "false",
        "0",
        "leaver",
        "left",
        "terminated",
        "term",
        "resigned",
        "retired",
        "former",
        "ex-employee",
        "ex employee",
        "i",
        "t",
        "deceased",
        "dismissed",
        "redundant",
        "withdrawn",
        "inact",
        "departed",
        "exited",
        "separated",
        "not active",
        "ended",
    }
)

_PROGRESS_EVERY = 200

HeaderOf = Callable[[RosterField], str | None]
"""The header of the column a field is mapped to (None when unmapped)."""
Warn = Callable[[RosterField, str, str | None], None]


@dataclass
class _Draft:
    record: PersonRecord
    email_key: str | None
    number_key: str | None


def _is_valid_email(text: str) -> bool:
    return bool(_EMAIL.match(text))


def check_rows(
    table: RosterTable,
    mapping: ColumnMapping,
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> RosterPlan:
    """Check every row against the rules in the module docstring."""
    mapping = {f: i for f, i in mapping.items() if f is not F.IGNORE}
    for fld, index in mapping.items():
        if not 0 <= index < len(table.headers):
            raise ValueError(f"{fld.value} is mapped to column {index}, which doesn't exist")
    errors: list[Problem] = []
    warnings: list[Problem] = []
    notes = list(table.notes)
    for problem in table.problems:
        (errors if problem.severity == "error" else warnings).append(problem)

    if not any(f.identifies_person for f in mapping):
        errors.append(
            Problem(
                row=None,
                column=None,
                message=_(
                    "No column identifies a person. Choose which column holds the name "
                    "(full name, or first and last name), the employee number or the e-mail."
                ),
                value=None,
                severity="error",
            )
        )
        return RosterPlan(people=[], errors=errors, warnings=warnings, notes=notes)
    if not table.rows:
        errors.append(
            Problem(None, None, _("The file has no rows of people to import."), None, "error")
        )
        return RosterPlan(people=[], errors=errors, warnings=warnings, notes=notes)

    def header(fld: RosterField) -> str | None:
        return table.headers[mapping[fld]] if fld in mapping else None

    day_first = True
    if F.HIRE_DATE in mapping:
        column = mapping[F.HIRE_DATE]
        texts = [r.cells[column] for r in table.rows]
        day_first, ambiguous = numeric_date_order(t for t in texts if isinstance(t, str))
        if ambiguous:
            if day_first:
                note = _(
                    "Dates such as 03/04/2021 in '{column}' were read day first (03/04/2021 as "
                    "3 April 2021). If your file writes the month first, check the hire dates."
                )
            else:
                note = _(
                    "Dates such as 03/04/2021 in '{column}' were read month first (03/04/2021 "
                    "as March 4, 2021), because some dates in the column only make sense that "
                    "way."
                )
            notes.append(note.format(column=header(F.HIRE_DATE)))
    if F.DEPARTMENT not in mapping:
        notes.append(
            _("No department column was chosen: everyone will be put in '{department}'.").format(
                department=translate(UNASSIGNED)
            )
        )

    drafts: list[_Draft] = []
    total = len(table.rows)
    made_up = 0
    example = ""
    for position, row in enumerate(table.rows):
        if position % _PROGRESS_EVERY == 0:
            if cancel is not None:
                cancel.raise_if_cancelled()
            progress(position, total)
        draft = _check_row(
            table, row.number, row.cells, mapping, header, day_first, errors, warnings
        )
        if draft is not None:
            drafts.append(draft)
            if draft.record.name_was_made_up:
                made_up += 1
                example = example or draft.record.display_name
    progress(total, total)

    _find_duplicates(drafts, header, errors)
    people = _resolve_managers(drafts, header, warnings)

    if made_up:
        has_name_column = any(f in mapping for f in (F.FULL_NAME, F.FIRST_NAME, F.LAST_NAME))
        if not has_name_column:
            notes.append(
                _(
                    "The file has no name column, so names were made up from the employee "
                    "number or the e-mail (e.g. '{example}'). You can rename people later."
                ).format(example=example)
            )
        else:
            notes.append(
                ngettext(
                    "{n} person has no name in the file; their names were made up from the "
                    "employee number or e-mail.",
                    "{n} people have no name in the file; their names were made up from the "
                    "employee number or e-mail.",
                    made_up,
                ).format(n=made_up)
            )
    return RosterPlan(people=people, errors=errors, warnings=warnings, notes=notes)


def _text(cells: list[Cell], mapping: ColumnMapping, fld: RosterField) -> str | None:
    if fld not in mapping:
        return None
    text = cell_text(cells[mapping[fld]])
    if text is None:
        return None
    text = collapse_spaces(text)
    if not text or is_null_token(text):
        return None
    return text


def _check_row(
    table: RosterTable,
    number: int,
    cells: list[Cell],
    mapping: ColumnMapping,
    header: HeaderOf,
    day_first: bool,
    errors: list[Problem],
    warnings: list[Problem],
) -> _Draft | None:
    def warn(fld: RosterField, message: str, value: str | None) -> None:
        warnings.append(Problem(number, header(fld), message, value, "warning"))

    employee_number = _text(cells, mapping, F.EMPLOYEE_NUMBER)
    first = _text(cells, mapping, F.FIRST_NAME)
    last = _text(cells, mapping, F.LAST_NAME)
    full = _text(cells, mapping, F.FULL_NAME)
    raw_email = _text(cells, mapping, F.EMAIL)
    email: str | None = None
    if raw_email is not None:
        candidate = raw_email.removeprefix("mailto:").strip()
        if _is_valid_email(candidate):
            email = candidate
        else:
            warn(
                F.EMAIL,
                _(
                    "Row {row}: '{email}' is not a valid e-mail address; the e-mail was left empty."
                ).format(row=number, email=raw_email),
                raw_email,
            )

    if not (employee_number or first or last or full or email):
        if raw_email is not None:
            message = _(
                "Row {row} has no name or employee number, and its e-mail '{email}' "
                "is not a valid address, so the person can't be identified."
            ).format(row=number, email=raw_email)
        else:
            message = _(
                "Row {row} has no name, employee number or e-mail, so the person can't "
                "be identified. Fill one in, or delete the row."
            ).format(row=number)
        errors.append(Problem(number, None, message, raw_email, "error"))
        return None

    department = _text(cells, mapping, F.DEPARTMENT)
    if department is None and F.DEPARTMENT in mapping:
        warn(
            F.DEPARTMENT,
            _("Row {row} has no department; the person will be put in '{department}'.").format(
                row=number, department=translate(UNASSIGNED)
            ),
            None,
        )

    hire_date = _hire_date(cells, mapping, table.date_1904, day_first, number, warn)
    active = _active(cells, mapping, number, warn)

    made_up = False
    if full:
        display = full
    elif first or last:
        display = " ".join(p for p in (first, last) if p)
    elif employee_number:
        display, made_up = _("Employee {number}").format(number=employee_number), True
    else:
        assert email is not None
        display, made_up = email, True

    record = PersonRecord(
        row=number,
        employee_number=employee_number,
        first_name=first,
        last_name=last,
        display_name=display,
        email=email,
        department=department,
        job_title=_text(cells, mapping, F.JOB_TITLE),
        location=_text(cells, mapping, F.LOCATION),
        manager_ref=_text(cells, mapping, F.MANAGER),
        hire_date=hire_date,
        active=active,
        name_was_made_up=made_up,
    )
    return _Draft(
        record=record,
        email_key=email.casefold() if email else None,
        number_key=employee_number.casefold() if employee_number else None,
    )


def _hire_date(
    cells: list[Cell],
    mapping: ColumnMapping,
    date_1904: bool,
    day_first: bool,
    number: int,
    warn: Warn,
) -> date | None:
    if F.HIRE_DATE not in mapping:
        return None
    value = cells[mapping[F.HIRE_DATE]]
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    parsed: date | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        parsed = excel_serial_to_date(float(value), date_1904=date_1904)
    elif isinstance(value, str):
        text = collapse_spaces(value)
        if not text or is_null_token(text):
            return None
        parsed = parse_text_date(text, day_first=day_first)
    if parsed is None:
        shown = cell_text(value)
        warn(
            F.HIRE_DATE,
            _(
                "Row {row}: '{value}' is not a date that can be read; the hire date was "
                "left empty. Write it as 2021-01-31 or 31/01/2021."
            ).format(row=number, value=shown),
            shown,
        )
    return parsed


def _active(cells: list[Cell], mapping: ColumnMapping, number: int, warn: Warn) -> bool:
    if F.STATUS not in mapping:
        return True
    value = cells[mapping[F.STATUS]]
    if value is None:
        return True
    if isinstance(value, bool):
        return value
    text = cell_text(value)
    if text is None:
        return True
    word = collapse_spaces(text).casefold()
    if word in ACTIVE_WORDS or is_null_token(word):
        return True
    if word in INACTIVE_WORDS:
        return False
    warn(
        F.STATUS,
        _(
            "Row {row}: the status '{status}' is not understood; the person was "
            "counted as active. Use words like Active, Inactive or Leaver."
        ).format(row=number, status=text),
        text,
    )
    return True


def _find_duplicates(drafts: list[_Draft], name_of: HeaderOf, errors: list[Problem]) -> None:
    seen_numbers: dict[str, int] = {}
    seen_emails: dict[str, int] = {}
    for draft in drafts:
        record = draft.record
        if draft.number_key is not None:
            first_row = seen_numbers.setdefault(draft.number_key, record.row)
            if first_row != record.row:
                errors.append(
                    Problem(
                        row=record.row,
                        column=name_of(F.EMPLOYEE_NUMBER),
                        message=_(
                            "The employee number '{number}' appears on rows {first_row} and "
                            "{row}. Each person needs their own number: fix or remove one of "
                            "the rows."
                        ).format(
                            number=record.employee_number, first_row=first_row, row=record.row
                        ),
                        value=record.employee_number,
                        severity="error",
                    )
                )
        if draft.email_key is not None:
            first_row = seen_emails.setdefault(draft.email_key, record.row)
            if first_row != record.row:
                errors.append(
                    Problem(
                        row=record.row,
                        column=name_of(F.EMAIL),
                        message=_(
                            "The e-mail '{email}' appears on rows {first_row} and {row}. Each "
                            "person needs their own e-mail: fix or remove one of the rows."
                        ).format(email=record.email, first_row=first_row, row=record.row),
                        value=record.email,
                        severity="error",
                    )
                )


def _resolve_managers(
    drafts: list[_Draft], name_of: HeaderOf, warnings: list[Problem]
) -> list[PersonRecord]:
    by_number: dict[str, int] = {}
    by_email: dict[str, int] = {}
    by_name: dict[str, list[int]] = {}
    for draft in drafts:
        record = draft.record
        if draft.number_key:
            by_number.setdefault(draft.number_key, record.row)
        if draft.email_key:
            by_email.setdefault(draft.email_key, record.row)
        if not record.name_was_made_up:
            by_name.setdefault(record.display_name.casefold(), []).append(record.row)
    people: list[PersonRecord] = []
    for draft in drafts:
        record = draft.record
        ref = record.manager_ref
        if ref is None:
            people.append(record)
            continue
        key = ref.casefold()
        manager_row = by_number.get(key) or by_email.get(key.removeprefix("mailto:"))
        if manager_row is None:
            rows = by_name.get(key, [])
            if len(rows) > 1:
                warnings.append(
                    Problem(
                        record.row,
                        name_of(F.MANAGER),
                        _(
                            "Row {row}: the manager '{manager}' matches several people in the "
                            "file (rows {rows}); no manager was set. Use the manager's employee "
                            "number or e-mail instead."
                        ).format(row=record.row, manager=ref, rows=", ".join(map(str, rows[:5]))),
                        ref,
                        "warning",
                    )
                )
                people.append(replace(record, manager_ref=None))
                continue
            manager_row = rows[0] if rows else None
        if manager_row is None:
            warnings.append(
                Problem(
                    record.row,
                    name_of(F.MANAGER),
                    _(
                        "Row {row}: the manager '{manager}' matches nobody in the file (by "
                        "employee number, e-mail or full name); the person will have no manager "
                        "unless that manager is already in the app."
                    ).format(row=record.row, manager=ref),
                    ref,
                    "warning",
                )
            )
            people.append(record)
        elif manager_row == record.row:
            warnings.append(
                Problem(
                    record.row,
                    name_of(F.MANAGER),
                    _(
                        "Row {row}: the person is listed as their own manager; no manager was set."
                    ).format(row=record.row),
                    ref,
                    "warning",
                )
            )
            people.append(replace(record, manager_ref=None))
        else:
            people.append(replace(record, manager_row=manager_row))
    return people
