"""Writing a checked roster plan into the data file: one transaction, all or nothing."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from app.errors import UserFacingError
from app.events import ChangeBus, Topic
from app.i18n import _
from app.progress import CancelToken, Progress, no_progress
from app.roster.model import PersonRecord, Problem, RosterPlan
from app.services.organisation import (
    find_or_add_department,
    find_or_add_location,
    find_or_add_role,
    unassigned_department,
)
from db.base import utc_now
from db.database import Database
from db.models import AuditEntry, Department, Employee, EmployeeStatus, Role

CHUNK = 1_000
EMPLOYEES = cast(Table, Employee.__table__)


class OnExisting(StrEnum):
    """What to do with a person already in the data file (same employee number or e-mail)."""

    UPDATE = "update"
    SKIP = "skip"


@dataclass
class ImportSummary:
    """What an import did (or, for a dry run, would do)."""

    source: str
    imported: int = 0
    updated: int = 0
    skipped: int = 0
    departments_added: list[str] = field(default_factory=list)
    roles_added: list[str] = field(default_factory=list)
    managers_linked: int = 0
    warnings: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    dry_run: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "dry_run": self.dry_run,
            "imported": self.imported,
            "updated": self.updated,
            "skipped": self.skipped,
            "departments_added": self.departments_added,
            "roles_added": self.roles_added,
            "managers_linked": self.managers_linked,
            "warnings": [
                {"row": w.row, "column": w.column, "message": w.message, "value": w.value}
                for w in self.warnings
            ],
            "notes": self.notes,
        }


def managers_first(people: Sequence[PersonRecord]) -> list[PersonRecord]:
    """The people reordered so that a manager in the same file comes before their reports.

    Inserting in this order lets each new person get their manager's key at insert time,
    instead of a second write per person. A loop in the file's manager column is cut.
    """
    manager_of = {p.row: p.manager_row for p in people}
    depth: dict[int, int] = {}
    for person in people:
        path: list[int] = []
        row: int | None = person.row
        while row is not None and row not in depth and row not in path:
            path.append(row)
            boss = manager_of.get(row)
            row = boss if boss in manager_of else None
        base = depth.get(row, -1) if row is not None and row not in path else -1
        for level, member in enumerate(reversed(path), start=base + 1):
            depth[member] = level
    return sorted(people, key=lambda p: depth[p.row])


def _chunks(items: Sequence[PersonRecord], size: int) -> Iterator[Sequence[PersonRecord]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class RosterWriter:
    """Applies a :class:`RosterPlan` that has no errors."""

    def __init__(self, database: Database, changes: ChangeBus) -> None:
        self._db = database
        self._changes = changes

    def apply(
        self,
        plan: RosterPlan,
        *,
        source: str,
        on_existing: OnExisting = OnExisting.UPDATE,
        status_in_file: bool = False,
        dry_run: bool = False,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> ImportSummary:
        if not plan.ok:
            raise UserFacingError(
                _("The file has problems that stop the import; nothing was written."),
                details=[p.message for p in plan.errors],
            )
        summary = ImportSummary(
            source=source, warnings=list(plan.warnings), notes=list(plan.notes), dry_run=dry_run
        )
        scope: AbstractContextManager[Session] = (
            self._db.reading() if dry_run else self._db.transaction()
        )
        with scope as session:
            self._write(
                session, plan.people, summary, on_existing, status_in_file, progress, cancel
            )
            if not dry_run:
                session.add(
                    AuditEntry(
                        action="roster_import",
                        entity="employee",
                        summary=(
                            f"Imported {summary.imported}, updated {summary.updated}, "
                            f"skipped {summary.skipped} from {source}"
                        ),
                    )
                )
        if not dry_run:
            self._changes.publish(Topic.PEOPLE, Topic.DEPARTMENTS, Topic.ROLES)
        return summary

    def _write(
        self,
        session: Session,
        people: Sequence[PersonRecord],
        summary: ImportSummary,
        on_existing: OnExisting,
        status_in_file: bool,
        progress: Progress,
        cancel: CancelToken | None,
    ) -> None:
        total = len(people)
        by_number: dict[str, int] = {}
        by_email: dict[str, int] = {}
        for person_id, number, email in session.execute(
            select(Employee.id, Employee.employee_number, Employee.email)
        ):
            if number:
                by_number[number] = person_id
            if email:
                by_email[email.lower()] = person_id

        unassigned = unassigned_department()
        department_ids: dict[str, int] = {}
        role_ids: dict[str, int] = {}
        location_ids: dict[str, int] = {}

        def department_id(name: str | None) -> int:
            key = (name or unassigned).lower()
            if key not in department_ids:
                department = find_or_add_department(session, name or unassigned)
                department_ids[key] = department.id
            return department_ids[key]

        def role_id(name: str | None) -> int | None:
            if not name:
                return None
            key = name.lower()
            if key not in role_ids:
                role_ids[key] = find_or_add_role(session, name).id
            return role_ids[key]

        def location_id(name: str | None) -> int | None:
            if not name:
                return None
            key = name.lower()
            if key not in location_ids:
                location_ids[key] = find_or_add_location(session, name).id
            return location_ids[key]

        known_departments = {n.lower() for n in session.execute(select(Department.name)).scalars()}
        known_roles = {n.lower() for n in session.execute(select(Role.name)).scalars()}

        row_to_id: dict[int, int] = {}
        linked_on_insert: set[int] = set()
        done = 0
        for chunk in _chunks(managers_first(people), CHUNK):
            new_people: dict[uuid.UUID, int] = {}  # UUID given to a new person -> file row
            if cancel is not None:
                cancel.raise_if_cancelled()
            inserts: list[dict[str, Any]] = []
            updates: list[dict[str, Any]] = []
            for person in chunk:
                existing = None
                if person.employee_number:
                    existing = by_number.get(person.employee_number)
                if existing is None and person.email:
                    existing = by_email.get(person.email.lower())
                if existing is not None and on_existing is OnExisting.SKIP:
                    summary.skipped += 1
                    row_to_id[person.row] = existing
                    continue
                values: dict[str, Any] = {
                    "display_name": person.display_name,
                    "department_id": department_id(person.department),
                }
                optional = {
                    "employee_number": person.employee_number,
                    "first_name": person.first_name,
                    "last_name": person.last_name,
                    "email": person.email.lower() if person.email else None,
                    "role_id": role_id(person.job_title),
                    "location_id": location_id(person.location),
                    "hire_date": person.hire_date,
                }
                if existing is None:
                    values.update(optional)
                    values["manager_id"] = None  # every row of an executemany has every key
                    if person.manager_row is not None and person.manager_row in row_to_id:
                        values["manager_id"] = row_to_id[person.manager_row]
                        linked_on_insert.add(person.row)
                    values["status"] = (
                        EmployeeStatus.ACTIVE if person.active else EmployeeStatus.INACTIVE
                    )
                    values["uuid"] = new_uuid = uuid.uuid4()
                    inserts.append(values)
                    new_people[new_uuid] = person.row
                    if person.employee_number:
                        by_number[person.employee_number] = -1
                else:
                    values.update({k: v for k, v in optional.items() if v is not None})
                    if status_in_file:
                        values["status"] = (
                            EmployeeStatus.ACTIVE if person.active else EmployeeStatus.INACTIVE
                        )
                    values["id"] = existing
                    values["updated_at"] = utc_now()
                    updates.append(values)
                    row_to_id[person.row] = existing
            if inserts:
                # A plain executemany: SQLite runs INSERT ... RETURNING one row at a time.
                session.connection().execute(insert(EMPLOYEES), inserts)
                summary.imported += len(inserts)
                for new_uuid, new_id in session.execute(
                    select(Employee.uuid, Employee.id).where(Employee.uuid.in_(list(new_people)))
                ):
                    row_to_id[new_people[new_uuid]] = new_id
            if updates:
                session.execute(update(Employee), updates)
                summary.updated += len(updates)
            done += len(chunk)
            progress(done, total)

        if cancel is not None:
            cancel.raise_if_cancelled()
        summary.managers_linked = len(linked_on_insert) + self._link_managers(
            session, [p for p in people if p.row not in linked_on_insert], row_to_id
        )
        if cancel is not None:
            cancel.raise_if_cancelled()
        summary.departments_added = sorted(
            name
            for key, name in self._names(department_ids, people, True).items()
            if key not in known_departments
        )
        summary.roles_added = sorted(
            name
            for key, name in self._names(role_ids, people, False).items()
            if key not in known_roles
        )

    @staticmethod
    def _names(
        ids: dict[str, int], people: Sequence[PersonRecord], departments: bool
    ) -> dict[str, str]:
        """The spelling from the file for each name key that was used."""
        unassigned = unassigned_department()
        spelled: dict[str, str] = {}
        for person in people:
            name = (person.department or unassigned) if departments else person.job_title
            if name and name.lower() in ids:
                spelled.setdefault(name.lower(), name)
        return spelled

    @staticmethod
    def _link_managers(
        session: Session, people: Sequence[PersonRecord], row_to_id: dict[int, int]
    ) -> int:
        """Second pass: point each person at their manager, found by number, e-mail or name."""
        lookup: dict[str, int] = {}
        ambiguous: set[str] = set()
        for number, email, name, person_id in session.execute(
            select(Employee.employee_number, Employee.email, Employee.display_name, Employee.id)
        ):
            for key in (number, email.lower() if email else None, name.lower() if name else None):
                if not key:
                    continue
                if key in lookup and lookup[key] != person_id:
                    ambiguous.add(key)
                lookup[key] = person_id
        links: list[dict[str, Any]] = []
        for person in people:
            if not person.manager_ref or person.row not in row_to_id:
                continue
            key = person.manager_ref.strip().lower()
            if key in ambiguous:
                continue
            manager_id = lookup.get(person.manager_ref.strip()) or lookup.get(key)
            person_id = row_to_id[person.row]
            if manager_id is not None and manager_id != person_id:
                links.append({"id": person_id, "manager_id": manager_id})
        if links:
            # One executemany of a Core UPDATE, not the ORM's per-row bulk update by key.
            session.connection().execute(
                update(EMPLOYEES)
                .where(EMPLOYEES.c.id == bindparam("person_id"))
                .values(manager_id=bindparam("new_manager_id")),
                [{"person_id": ln["id"], "new_manager_id": ln["manager_id"]} for ln in links],
            )
        return len(links)
