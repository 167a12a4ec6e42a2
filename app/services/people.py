"""Reading and changing the people of the organisation, a page at a time."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from app.errors import ValidationError
from app.events import ChangeBus, Topic
from app.i18n import _
from app.services.organisation import find_or_add_location
from app.validation import clean_text, is_valid_email, make_display_name, normalise_email
from db.database import Database
from db.models import Champion, Department, Employee, EmployeeStatus, Location, Role, Track


class PeopleSort(StrEnum):
    NAME = "name"
    EMPLOYEE_NUMBER = "employee_number"
    EMAIL = "email"
    DEPARTMENT = "department"
    ROLE = "role"
    TRACK = "track"
    LOCATION = "location"
    MANAGER = "manager"
    HIRE_DATE = "hire_date"
    STATUS = "status"


@dataclass(frozen=True)
class PeopleQuery:
    """What the People page asks for: a search, filters and an order."""

    search: str = ""
    department_id: int | None = None
    role_id: int | None = None
    status: EmployeeStatus | None = None
    sort: PeopleSort = PeopleSort.NAME
    descending: bool = False
    champions_only: bool = False


@dataclass(frozen=True)
class PersonRow:
    """One line of the People table."""

    id: int
    display_name: str
    employee_number: str | None
    email: str | None
    department: str | None
    role: str | None
    track: Track | None
    location: str | None
    manager: str | None
    hire_date: date | None
    status: EmployeeStatus
    champion: bool = False
    """Nominated as an AI champion of their department."""


@dataclass(frozen=True)
class PersonInput:
    """What the Add/Edit person form collects."""

    first_name: str | None = None
    last_name: str | None = None
    display_name: str | None = None
    employee_number: str | None = None
    email: str | None = None
    department_id: int | None = None
    role_id: int | None = None
    location_id: int | None = None
    new_location: str | None = None
    """A location typed in the form that does not exist yet; added in the same save."""
    manager_id: int | None = None
    hire_date: date | None = None
    status: EmployeeStatus = EmployeeStatus.ACTIVE


@dataclass(frozen=True)
class PersonDetails(PersonInput):
    id: int = 0
    manager_name: str | None = None


_Manager = aliased(Employee, name="manager")


def _filters(query: PeopleQuery) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if query.status is not None:
        conditions.append(Employee.status == query.status)
    if query.department_id is not None:
        conditions.append(Employee.department_id == query.department_id)
    if query.role_id is not None:
        conditions.append(Employee.role_id == query.role_id)
    if query.champions_only:
        conditions.append(Employee.id.in_(select(Champion.employee_id)))
    for word in query.search.split():
        pattern = f"%{word.lower()}%"
        conditions.append(
            or_(
                func.lower(Employee.display_name).like(pattern),
                func.lower(Employee.email).like(pattern),
                func.lower(Employee.employee_number).like(pattern),
            )
        )
    return conditions


_SORT_COLUMNS = {
    PeopleSort.NAME: func.lower(Employee.display_name),
    PeopleSort.EMPLOYEE_NUMBER: Employee.employee_number,
    PeopleSort.EMAIL: Employee.email,
    PeopleSort.DEPARTMENT: Department.name,
    PeopleSort.ROLE: Role.name,
    PeopleSort.TRACK: Role.track,
    PeopleSort.LOCATION: Location.name,
    PeopleSort.MANAGER: _Manager.display_name,
    PeopleSort.HIRE_DATE: Employee.hire_date,
    PeopleSort.STATUS: Employee.status,
}


class PeopleService:
    """The People page's use cases: list, count, add, edit, deactivate."""

    def __init__(self, database: Database, changes: ChangeBus) -> None:
        self._db = database
        self._changes = changes

    def count(self, query: PeopleQuery) -> int:
        statement = select(func.count()).select_from(Employee).where(*_filters(query))
        with self._db.reading() as session:
            return int(session.execute(statement).scalar_one())

    def page(self, query: PeopleQuery, offset: int, limit: int) -> list[PersonRow]:
        """Rows ``offset`` .. ``offset + limit`` of the filtered, sorted list."""
        return self.rows(self.ordered_ids(query)[offset : offset + limit])

    def ordered_ids(self, query: PeopleQuery) -> list[int]:
        """Every matching person's id in display order; its length is the count.

        The People table asks for this once per search, filter or sort, then fetches the
        rows it shows with :meth:`rows`, so scrolling anywhere costs a key lookup, not an
        OFFSET walk over the sorted list.
        """
        column = _SORT_COLUMNS[query.sort]
        ordered = column.desc() if query.descending else column.asc()
        tie = Employee.id.desc() if query.descending else Employee.id.asc()
        statement = select(Employee.id).where(*_filters(query))
        joins: dict[PeopleSort, tuple[Any, ColumnElement[bool]]] = {
            PeopleSort.DEPARTMENT: (Department, Employee.department_id == Department.id),
            PeopleSort.ROLE: (Role, Employee.role_id == Role.id),
            PeopleSort.TRACK: (Role, Employee.role_id == Role.id),
            PeopleSort.LOCATION: (Location, Employee.location_id == Location.id),
            PeopleSort.MANAGER: (_Manager, Employee.manager_id == _Manager.id),
        }
        if query.sort in joins:
            target, on = joins[query.sort]
            statement = statement.outerjoin(target, on)
        statement = statement.order_by(ordered.nulls_last(), tie)
        with self._db.reading() as session:
            return list(session.execute(statement).scalars())

    def rows(self, person_ids: Sequence[int]) -> list[PersonRow]:
        """The table rows of these people, in the order given (missing ids are left out)."""
        if not person_ids:
            return []
        statement = select(
            Employee.id,
            Employee.display_name,
            Employee.employee_number,
            Employee.email,
            Department.name,
            Role.name,
            Role.track,
            Location.name,
            _Manager.display_name,
            Employee.hire_date,
            Employee.status,
            Champion.id.is_not(None),
        ).select_from(Employee)
        statement = (
            statement.outerjoin(Department, Employee.department_id == Department.id)
            .outerjoin(Role, Employee.role_id == Role.id)
            .outerjoin(Location, Employee.location_id == Location.id)
            .outerjoin(_Manager, Employee.manager_id == _Manager.id)
            .outerjoin(Champion, Champion.employee_id == Employee.id)
            .where(Employee.id.in_(list(person_ids)))
        )
        with self._db.reading() as session:
            found = {row[0]: PersonRow(*row) for row in session.execute(statement)}
        return [found[i] for i in person_ids if i in found]

    def get(self, person_id: int) -> PersonDetails:
        with self._db.reading() as session:
            person = session.get(Employee, person_id)
            if person is None:
                raise ValidationError(_("That person no longer exists in this data file."))
            manager = session.get(Employee, person.manager_id) if person.manager_id else None
            return PersonDetails(
                id=person.id,
                first_name=person.first_name,
                last_name=person.last_name,
                display_name=person.display_name,
                employee_number=person.employee_number,
                email=person.email,
                department_id=person.department_id,
                role_id=person.role_id,
                location_id=person.location_id,
                manager_id=person.manager_id,
                manager_name=manager.display_name if manager else None,
                hire_date=person.hire_date,
                status=person.status,
            )

    def manager_choices(self, search: str = "", limit: int = 50) -> list[tuple[int, str]]:
        """Active people whose name matches, to pick as someone's manager."""
        query = PeopleQuery(search=search, status=EmployeeStatus.ACTIVE)
        return [(row.id, row.display_name) for row in self.page(query, 0, limit)]

    def add(self, details: PersonInput) -> int:
        with self._db.transaction() as session:
            person = Employee()
            self._apply(session, person, details)
            session.add(person)
            session.flush()
            new_id = person.id
        self._changes.publish(Topic.PEOPLE, ids=frozenset({new_id}))
        return new_id

    def update(self, person_id: int, details: PersonInput) -> None:
        with self._db.transaction() as session:
            person = session.get(Employee, person_id)
            if person is None:
                raise ValidationError(_("That person no longer exists in this data file."))
            self._apply(session, person, details)
        self._changes.publish(Topic.PEOPLE, ids=frozenset({person_id}))

    def set_status(self, person_ids: Iterable[int], status: EmployeeStatus) -> int:
        """Deactivate (or reactivate) people; their history stays. Returns how many changed."""
        ids = list(person_ids)
        if not ids:
            return 0
        with self._db.transaction() as session:
            result = session.execute(
                update(Employee)
                .where(Employee.id.in_(ids), Employee.status != status)
                .values(status=status)
            )
            changed = int(getattr(result, "rowcount", 0) or 0)
        self._changes.publish(Topic.PEOPLE, ids=frozenset(ids))
        return changed

    def _apply(self, session: Session, person: Employee, details: PersonInput) -> None:
        first = clean_text(details.first_name)
        last = clean_text(details.last_name)
        number = clean_text(details.employee_number)
        email = normalise_email(details.email)
        display = clean_text(details.display_name) or make_display_name(first, last, number)
        if not (first or last or clean_text(details.display_name) or number or email):
            raise ValidationError(
                _("Give the person a name, an employee number or an e-mail address."),
                field="first_name",
            )
        if email and not is_valid_email(email):
            raise ValidationError(
                _(
                    "“{email}” is not a valid e-mail address "
                    "(it should look like name@example.org)."
                ).format(email=email),
                field="email",
            )
        if number and self._taken(session, Employee.employee_number, number, person.id):
            raise ValidationError(
                _("Employee number {number} already belongs to someone else.").format(
                    number=number
                ),
                field="employee_number",
            )
        if email and self._taken(session, Employee.email, email, person.id):
            raise ValidationError(
                _("The e-mail address {email} already belongs to someone else.").format(
                    email=email
                ),
                field="email",
            )
        if details.manager_id is not None and person.id is not None:
            if details.manager_id == person.id:
                raise ValidationError(_("A person cannot be their own manager."), field="manager")
            if self._reports_to(session, details.manager_id, person.id):
                raise ValidationError(
                    _("That manager already reports to this person; choose someone else."),
                    field="manager",
                )
        person.first_name = first
        person.last_name = last
        person.display_name = display
        person.employee_number = number
        person.email = email
        person.department_id = details.department_id
        person.role_id = details.role_id
        person.location_id = details.location_id
        new_location = clean_text(details.new_location)
        if new_location:
            person.location_id = find_or_add_location(session, new_location).id
        person.manager_id = details.manager_id
        person.hire_date = details.hire_date
        person.status = details.status

    @staticmethod
    def _taken(
        session: Session, column: InstrumentedAttribute[str | None], value: str, own_id: int | None
    ) -> bool:
        statement = select(Employee.id).where(column == value)
        if own_id is not None:
            statement = statement.where(Employee.id != own_id)
        return session.execute(statement.limit(1)).first() is not None

    @staticmethod
    def _reports_to(session: Session, manager_id: int, person_id: int) -> bool:
        """True when ``manager_id`` sits somewhere below ``person_id`` in the tree."""
        current: int | None = manager_id
        seen: set[int] = set()
        while current is not None and current not in seen:
            if current == person_id:
                return True
            seen.add(current)
            current = session.execute(
                select(Employee.manager_id).where(Employee.id == current)
            ).scalar_one_or_none()
        return False
