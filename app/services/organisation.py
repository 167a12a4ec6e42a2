"""The organisation's structure: name, settings, departments, roles with tracks, locations."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.events import ChangeBus, Topic
from app.i18n import N_, _, translate
from app.privacy import anonymity_threshold
from app.validation import clean_text
from db.database import Database
from db.models import Department, Employee, EmployeeStatus, Location, Organisation, Role, Track

DEFAULT_ORGANISATION_NAME = N_("My organisation")
"""The name a new data file's organisation gets (translated when it is stored)."""
UNASSIGNED_DEPARTMENT = N_("Unassigned")
"""The department of imported people whose row names none (translated when it is stored)."""

TRACK_LABELS: dict[Track, str] = {
    Track.EXECUTIVE: N_("Executive"),
    Track.TECHNICAL: N_("Technical"),
    Track.DOMAIN_EXPERT: N_("Domain expert"),
    Track.FRONTLINE: N_("Frontline"),
    Track.CUSTOM: N_("Custom"),
}
"""Each track's label in English; show ``track_label(track)``, which translates it."""

_NEEDS_A_NAME = {
    "department": N_("The department needs a name."),
    "role": N_("The role needs a name."),
    "location": N_("The location needs a name."),
}
_ALREADY_EXISTS = {
    "department": N_("There is already a department called “{name}”."),
    "role": N_("There is already a role called “{name}”."),
    "location": N_("There is already a location called “{name}”."),
}


def track_label(track: Track) -> str:
    """The name of a learning track as the user reads it."""
    return translate(TRACK_LABELS[track])


def unassigned_department() -> str:
    """The name of the department for people without one, in the user's language."""
    return translate(UNASSIGNED_DEPARTMENT)


@dataclass(frozen=True)
class DepartmentRow:
    id: int
    name: str
    active_people: int


@dataclass(frozen=True)
class RoleRow:
    id: int
    name: str
    track: Track
    active_people: int


@dataclass(frozen=True)
class LocationRow:
    id: int
    name: str


@dataclass(frozen=True)
class OrganisationSettings:
    name: str
    anonymity_threshold: int


def get_or_create_organisation(session: Session) -> Organisation:
    organisation = session.execute(select(Organisation).limit(1)).scalar_one_or_none()
    if organisation is None:
        organisation = Organisation(
            name=translate(DEFAULT_ORGANISATION_NAME), anonymity_threshold=5
        )
        session.add(organisation)
        session.flush()
    return organisation


def find_or_add_department(session: Session, name: str) -> Department:
    """The department of that name (case-insensitive), added if it does not exist yet."""
    found = session.execute(
        select(Department).where(func.lower(Department.name) == name.lower())
    ).scalar_one_or_none()
    if found is None:
        found = Department(name=name)
        session.add(found)
        session.flush()
    return found


def find_or_add_role(session: Session, name: str, track: Track | None = None) -> Role:
    found = session.execute(
        select(Role).where(func.lower(Role.name) == name.lower())
    ).scalar_one_or_none()
    if found is None:
        found = Role(name=name, track=track or guess_track(name))
        session.add(found)
        session.flush()
    return found


def find_or_add_location(session: Session, name: str) -> Location:
    found = session.execute(
        select(Location).where(func.lower(Location.name) == name.lower())
    ).scalar_one_or_none()
    if found is None:
        found = Location(name=name)
        session.add(found)
        session.flush()
    return found


_TRACK_WORDS: list[tuple[Track, tuple[str, ...]]] = [
    (
        Track.EXECUTIVE,
        ("chief", "director", "president", "head of", "vp", "vice president", "executive officer"),
    ),
    (
        Track.TECHNICAL,
        (
            "engineer",
            "developer",
            "programmer",
            "scientist",
            "analyst",
            "it ",
            "data",
            "technician",
            "architect",
            "administrator",
            "devops",
        ),
    ),
    (
        Track.FRONTLINE,
        (
            "clerk",
            "representative",
            "agent",
            "assistant",
            "shipping",
            "stock",
            "cashier",
            "operator",
            "associate",
            "support",
        ),
    ),
    (
        Track.DOMAIN_EXPERT,
        (
            "manager",
            "accountant",
            "specialist",
            "consultant",
            "executive",
            "purchas",
            "marketing",
            "sales",
            "human resources",
            "recruit",
            "lawyer",
            "counsel",
            "buyer",
        ),
    ),
]


def guess_track(role_name: str) -> Track:
    """A first guess at a role's learning track from its title; the user can change it."""
    title = f" {role_name.lower()} "
    for track, words in _TRACK_WORDS:
        if any(word in title for word in words):
            return track
    return Track.CUSTOM


class OrganisationService:
    def __init__(self, database: Database, changes: ChangeBus) -> None:
        self._db = database
        self._changes = changes

    # Organisation -------------------------------------------------------------
    def settings(self) -> OrganisationSettings:
        with self._db.transaction() as session:
            organisation = get_or_create_organisation(session)
            return OrganisationSettings(organisation.name, organisation.anonymity_threshold)

    def update_settings(self, name: str, threshold: int) -> None:
        cleaned = clean_text(name)
        if not cleaned:
            raise ValidationError(_("The organisation needs a name."), field="name")
        with self._db.transaction() as session:
            organisation = get_or_create_organisation(session)
            organisation.name = cleaned
            organisation.anonymity_threshold = anonymity_threshold(threshold).value
        self._changes.publish(Topic.ORGANISATION)

    # Departments ---------------------------------------------------------------
    def departments(self) -> list[DepartmentRow]:
        active = func.count(Employee.id).filter(Employee.status == EmployeeStatus.ACTIVE)
        statement = (
            select(Department.id, Department.name, active)
            .outerjoin(Employee, Employee.department_id == Department.id)
            .group_by(Department.id, Department.name)
            .order_by(func.lower(Department.name))
        )
        with self._db.reading() as session:
            return [DepartmentRow(i, n, int(c)) for i, n, c in session.execute(statement)]

    def add_department(self, name: str) -> int:
        cleaned = self._required_name(name, "department")
        with self._db.transaction() as session:
            self._ensure_unique(session, Department, cleaned, None, "department")
            department = Department(name=cleaned)
            session.add(department)
            session.flush()
            new_id = department.id
        self._changes.publish(Topic.DEPARTMENTS)
        return new_id

    def rename_department(self, department_id: int, name: str) -> None:
        cleaned = self._required_name(name, "department")
        with self._db.transaction() as session:
            self._ensure_unique(session, Department, cleaned, department_id, "department")
            department = session.get(Department, department_id)
            if department is None:
                raise ValidationError(_("That department no longer exists."))
            department.name = cleaned
        self._changes.publish(Topic.DEPARTMENTS, Topic.PEOPLE)

    def remove_department(self, department_id: int) -> None:
        """Remove a department; its people stay, without a department."""
        with self._db.transaction() as session:
            department = session.get(Department, department_id)
            if department is not None:
                session.delete(department)
        self._changes.publish(Topic.DEPARTMENTS, Topic.PEOPLE)

    # Roles ---------------------------------------------------------------------
    def roles(self) -> list[RoleRow]:
        active = func.count(Employee.id).filter(Employee.status == EmployeeStatus.ACTIVE)
        statement = (
            select(Role.id, Role.name, Role.track, active)
            .outerjoin(Employee, Employee.role_id == Role.id)
            .group_by(Role.id, Role.name, Role.track)
            .order_by(func.lower(Role.name))
        )
        with self._db.reading() as session:
            return [RoleRow(i, n, t, int(c)) for i, n, t, c in session.execute(statement)]

    def add_role(self, name: str, track: Track) -> int:
        cleaned = self._required_name(name, "role")
        with self._db.transaction() as session:
            self._ensure_unique(session, Role, cleaned, None, "role")
            role = Role(name=cleaned, track=track)
            session.add(role)
            session.flush()
            new_id = role.id
        self._changes.publish(Topic.ROLES)
        return new_id

    def update_role(self, role_id: int, name: str, track: Track) -> None:
        cleaned = self._required_name(name, "role")
        with self._db.transaction() as session:
            self._ensure_unique(session, Role, cleaned, role_id, "role")
            role = session.get(Role, role_id)
            if role is None:
                raise ValidationError(_("That role no longer exists."))
            role.name = cleaned
            role.track = track
        self._changes.publish(Topic.ROLES, Topic.PEOPLE)

    def remove_role(self, role_id: int) -> None:
        """Remove a role; its people stay, without a role."""
        with self._db.transaction() as session:
            role = session.get(Role, role_id)
            if role is not None:
                session.delete(role)
        self._changes.publish(Topic.ROLES, Topic.PEOPLE)

    # Locations -----------------------------------------------------------------
    def locations(self) -> list[LocationRow]:
        with self._db.reading() as session:
            rows = session.execute(
                select(Location.id, Location.name).order_by(func.lower(Location.name))
            )
            return [LocationRow(i, n) for i, n in rows]

    def add_location(self, name: str) -> int:
        cleaned = self._required_name(name, "location")
        with self._db.transaction() as session:
            self._ensure_unique(session, Location, cleaned, None, "location")
            location = Location(name=cleaned)
            session.add(location)
            session.flush()
            new_id = location.id
        self._changes.publish(Topic.ORGANISATION)
        return new_id

    # Helpers -------------------------------------------------------------------
    @staticmethod
    def _required_name(name: str, what: str) -> str:
        cleaned = clean_text(name)
        if not cleaned:
            raise ValidationError(translate(_NEEDS_A_NAME[what]), field="name")
        return cleaned

    @staticmethod
    def _ensure_unique(
        session: Session,
        model: type[Department] | type[Role] | type[Location],
        name: str,
        own_id: int | None,
        what: str,
    ) -> None:
        statement = select(model.id).where(func.lower(model.name) == name.lower())
        if own_id is not None:
            statement = statement.where(model.id != own_id)
        if session.execute(statement.limit(1)).first() is not None:
            raise ValidationError(translate(_ALREADY_EXISTS[what]).format(name=name), field="name")
