"""The data that flows through a roster import: a table read from a file, a column
mapping, and the checked plan of people and problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from app.errors import UserFacingError
from app.i18n import N_, translate

Cell = str | date | datetime | int | float | bool | None
"""One value as read from the file. CSV values are always ``str`` (or ``None`` when empty)."""

Severity = Literal["error", "warning"]


class RosterFileError(UserFacingError):
    """The file cannot be read as a roster: says what is wrong and what to do."""


class RosterField(StrEnum):
    """What a column of the file can mean."""

    EMPLOYEE_NUMBER = "employee_number"
    FULL_NAME = "full_name"
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    EMAIL = "email"
    DEPARTMENT = "department"
    JOB_TITLE = "job_title"
    LOCATION = "location"
    MANAGER = "manager"
    """Employee number, e-mail or full name of the person's manager."""
    HIRE_DATE = "hire_date"
    STATUS = "status"
    """Active / inactive / leaver words (or yes/no, true/false)."""
    IGNORE = "ignore"

    @property
    def label(self) -> str:
        """A human label for the mapping dialog, in the user's language."""
        return translate(_LABELS[self])

    @property
    def identifies_person(self) -> bool:
        """True for the columns that can tell one person from another."""
        return self in IDENTIFYING_FIELDS


_LABELS: dict[RosterField, str] = {
    RosterField.EMPLOYEE_NUMBER: N_("Employee number"),
    RosterField.FULL_NAME: N_("Full name"),
    RosterField.FIRST_NAME: N_("First name"),
    RosterField.LAST_NAME: N_("Last name"),
    RosterField.EMAIL: N_("E-mail"),
    RosterField.DEPARTMENT: N_("Department"),
    RosterField.JOB_TITLE: N_("Job title / role"),
    RosterField.LOCATION: N_("Location / office"),
    RosterField.MANAGER: N_("Manager (employee number, e-mail or name)"),
    RosterField.HIRE_DATE: N_("Hire date"),
    RosterField.STATUS: N_("Status (active / leaver)"),
    RosterField.IGNORE: N_("Don't import"),
}

IDENTIFYING_FIELDS: frozenset[RosterField] = frozenset(
    {
        RosterField.EMPLOYEE_NUMBER,
        RosterField.FULL_NAME,
        RosterField.FIRST_NAME,
        RosterField.LAST_NAME,
        RosterField.EMAIL,
    }
)

ColumnMapping = dict[RosterField, int]
"""Field -> index of the column in ``RosterTable.headers``. IGNORE is never a key."""


@dataclass(frozen=True)
class SheetChoice:
    """One sheet of a workbook as offered in the sheet picker."""

    name: str
    visible: bool
    looks_like_roster: bool
    note: str
    """Why it is (not) a good choice, e.g. "hidden sheet", "empty", "chart sheet"."""


@dataclass(frozen=True)
class SourceRow:
    """One data row of the file."""

    number: int
    """Row number in Excel, or line number in a text editor (where the record starts)."""
    cells: list[Cell]
    """One value per header, in header order (padded with ``None``)."""


@dataclass(frozen=True)
class Problem:
    """Something wrong in the file. Errors stop the import; warnings don't."""

    row: int | None
    column: str | None
    message: str
    value: str | None
    severity: Severity


@dataclass(frozen=True)
class RosterTable:
    """A file read into a header and rows, before any checking."""

    source_name: str
    sheet: str | None
    header_row: int
    """1-based row (xlsx) or line (csv) number of the header in the file; 0 when no row
    looked like a header and the columns got generated names ("Column A", ...)."""
    headers: list[str]
    rows: list[SourceRow]
    notes: list[str]
    """Plain-English things done while reading ("3 hidden rows were skipped", ...)."""
    problems: list[Problem] = field(default_factory=list)
    """Per-row problems found while reading (ragged lines, Excel error values)."""
    date_1904: bool = False
    """True when the workbook uses the 1904 date system (for date serial numbers)."""


@dataclass(frozen=True)
class PersonRecord:
    """One person as the file describes them, checked and cleaned."""

    row: int
    employee_number: str | None
    first_name: str | None
    last_name: str | None
    display_name: str
    email: str | None
    department: str | None
    """``None`` means "put them in Unassigned"."""
    job_title: str | None
    location: str | None
    manager_ref: str | None
    """The manager as written in the file (employee number, e-mail or full name)."""
    hire_date: date | None
    active: bool
    name_was_made_up: bool
    manager_row: int | None = None
    """Row of the manager in the same file when ``manager_ref`` matched someone."""


@dataclass
class RosterPlan:
    """Everything the import would do, and every problem found, before any write."""

    people: list[PersonRecord]
    errors: list[Problem]
    warnings: list[Problem]
    notes: list[str]

    @property
    def ok(self) -> bool:
        """True when nothing stops the import (warnings are allowed)."""
        return not self.errors
