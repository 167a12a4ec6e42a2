"""The organisation overview figures, as plain data for the PDF, the workbook and the GUI."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class HeadcountRow:
    """How many active people fall under one label (a department, a track, a location)."""

    label: str
    people: int


@dataclass(frozen=True)
class RoleHeadcountRow:
    """Active people in one role of one department, with the role's learning track."""

    department: str
    role: str
    track: str
    people: int


@dataclass(frozen=True)
class OrganisationOverview:
    """Everything the organisation overview report shows. Filled by OverviewService only."""

    organisation_name: str
    generated_on: date
    active_people: int
    inactive_people: int
    departments: list[HeadcountRow] = field(default_factory=list)
    tracks: list[HeadcountRow] = field(default_factory=list)
    roles: list[RoleHeadcountRow] = field(default_factory=list)
    locations: list[HeadcountRow] = field(default_factory=list)
    department_count: int = 0
    role_count: int = 0
    location_count: int = 0
    people_without_department: int = 0
    people_without_role: int = 0
    managers: int = 0
