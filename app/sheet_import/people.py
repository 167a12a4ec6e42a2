"""Finding the person a row of an imported spreadsheet is about: by employee number, e-mail or
name, as the person column says (or whichever matches), and guessing that column's header.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import N_, _, translate
from app.roster.values import collapse_spaces
from db.models import Employee


class PersonKey(StrEnum):
    """How the person column names the person."""

    EMPLOYEE_NUMBER = "employee_number"
    EMAIL = "email"
    FULL_NAME = "full_name"
    ANY = "any"
    """Employee number, e-mail or full name, whichever matches ("User", "Learner")."""

    @property
    def label(self) -> str:
        return translate(_KEY_LABELS[self])


_KEY_LABELS: dict[PersonKey, str] = {
    PersonKey.EMPLOYEE_NUMBER: N_("Employee number"),
    PersonKey.EMAIL: N_("E-mail"),
    PersonKey.FULL_NAME: N_("Full name"),
    PersonKey.ANY: N_("Employee number, e-mail or name"),
}


@dataclass(frozen=True)
class KnownPerson:
    id: int
    display_name: str
    employee_number: str | None
    email: str | None
    first_name: str | None
    last_name: str | None


def load_people(session: Session) -> list[KnownPerson]:
    """Everyone in the data file, as the people index needs them."""
    return [
        KnownPerson(*row)
        for row in session.execute(
            select(
                Employee.id,
                Employee.display_name,
                Employee.employee_number,
                Employee.email,
                Employee.first_name,
                Employee.last_name,
            )
        )
    ]


class NotIdentified(ValueError):
    """The text names no one, or several people; the message says which, in plain words."""

    def __init__(self, message: str, *, ambiguous: bool) -> None:
        super().__init__(message)
        self.message = message
        self.ambiguous = ambiguous


class PeopleIndex:
    """Everyone in the data file, looked up by employee number, e-mail or name without case.

    An employee number written without its leading zeros ("42" for "0042") still matches;
    a name matches as displayed, as "First Last", "Last, First" or "Last First".
    """

    def __init__(self, people: list[KnownPerson]) -> None:
        self.by_id = {p.id: p for p in people}
        self.numbers: dict[str, list[int]] = {}
        self.unpadded: dict[str, list[int]] = {}
        self.emails: dict[str, list[int]] = {}
        self.names: dict[str, list[int]] = {}
        for person in people:
            if person.employee_number:
                number = person.employee_number.strip().casefold()
                self.numbers.setdefault(number, []).append(person.id)
                if number.isdigit():
                    self.unpadded.setdefault(number.lstrip("0"), []).append(person.id)
            if person.email:
                self.emails.setdefault(person.email.strip().casefold(), []).append(person.id)
            names = {person.display_name}
            if person.first_name and person.last_name:
                names.add(f"{person.first_name} {person.last_name}")
                names.add(f"{person.last_name}, {person.first_name}")
                names.add(f"{person.last_name} {person.first_name}")
            for name in names:
                self.names.setdefault(_name_key(name), []).append(person.id)
        for index in (self.numbers, self.unpadded, self.emails, self.names):
            for key, ids in index.items():
                index[key] = list(dict.fromkeys(ids))

    def by_number(self, text: str) -> list[int]:
        key = text.casefold()
        found = self.numbers.get(key, [])
        if not found and key.isdigit():
            found = self.unpadded.get(key.lstrip("0"), [])
        return found

    def by_email(self, text: str) -> list[int]:
        return self.emails.get(text.removeprefix("mailto:").strip().casefold(), [])

    def by_name(self, text: str) -> list[int]:
        return self.names.get(_name_key(text), [])

    def find(self, text: str, key: PersonKey) -> list[int]:
        """The ids of everyone ``text`` may name (none, one, or several)."""
        if key is PersonKey.EMPLOYEE_NUMBER:
            return self.by_number(text)
        if key is PersonKey.EMAIL:
            return self.by_email(text)
        if key is PersonKey.FULL_NAME:
            return self.by_name(text)
        if "@" in text:
            return self.by_email(text)
        return self.by_number(text) or self.by_name(text)

    def one(self, text: str, key: PersonKey) -> KnownPerson:
        """The one person ``text`` names; NotIdentified says why there is not exactly one."""
        found = self.find(text, key)
        if len(found) == 1:
            return self.by_id[found[0]]
        if found:
            raise NotIdentified(
                _(
                    "“{person}” matches {count} people in the data file. Use the employee "
                    "number or the e-mail to tell them apart."
                ).format(person=text, count=len(found)),
                ambiguous=True,
            )
        if key is PersonKey.EMPLOYEE_NUMBER:
            message = _("No one in the data file has the employee number “{person}”.")
        elif key is PersonKey.EMAIL:
            message = _("No one in the data file has the e-mail “{person}”.")
        elif key is PersonKey.FULL_NAME:
            message = _("No one in the data file is called “{person}”.")
        else:
            message = _(
                "No one in the data file has “{person}” as employee number, e-mail or name."
            )
        raise NotIdentified(message.format(person=text), ambiguous=False)


def _name_key(text: str) -> str:
    return collapse_spaces(text).casefold()


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


def person_header_scores(key: str) -> list[tuple[int, PersonKey]]:
    """How well a header (as normalised by ``normalise_header``) names the person column, and
    how it names the person; the best guesses score 10, none when it is not about a person.
    """
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
