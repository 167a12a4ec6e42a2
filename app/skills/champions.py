"""AI champions: people nominated per department to help colleagues (DESIGN §1 step 6)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app.errors import ValidationError
from app.events import ChangeBus, Topic
from app.i18n import _
from db.database import Database
from db.models import Champion, Department, Employee, EmployeeStatus


@dataclass(frozen=True)
class ChampionRow:
    person_id: int
    display_name: str
    department: str | None
    since: date | None


class ChampionService:
    def __init__(self, database: Database, changes: ChangeBus) -> None:
        self._db = database
        self._changes = changes

    def nominate(self, person_ids: list[int], since: date | None = None) -> int:
        """Mark these people as champions of their department; returns how many are new."""
        added = 0
        with self._db.transaction() as session:
            taken = set(
                session.execute(
                    select(Champion.employee_id).where(Champion.employee_id.in_(person_ids))
                ).scalars()
            )
            for person_id in person_ids:
                person = session.get(Employee, person_id)
                if person is None:
                    raise ValidationError(_("That person no longer exists in this data file."))
                if person.status is not EmployeeStatus.ACTIVE:
                    raise ValidationError(
                        _("{name} is inactive and cannot be a champion.").format(
                            name=person.display_name
                        )
                    )
                if person_id in taken:
                    continue
                session.add(
                    Champion(
                        employee_id=person_id,
                        department_id=person.department_id,
                        since=since or date.today(),
                    )
                )
                taken.add(person_id)
                added += 1
        self._changes.publish(Topic.PEOPLE, ids=frozenset(person_ids))
        return added

    def withdraw(self, person_ids: list[int]) -> int:
        """These people are champions no more; returns how many were."""
        with self._db.transaction() as session:
            rows = list(
                session.execute(
                    select(Champion).where(Champion.employee_id.in_(person_ids))
                ).scalars()
            )
            for row in rows:
                session.delete(row)
        self._changes.publish(Topic.PEOPLE, ids=frozenset(person_ids))
        return len(rows)

    def champions(self) -> list[ChampionRow]:
        """Every champion, by department then name."""
        with self._db.reading() as session:
            rows = [
                ChampionRow(pid, name, department, since)
                for pid, name, department, since in session.execute(
                    select(Employee.id, Employee.display_name, Department.name, Champion.since)
                    .join(Champion, Champion.employee_id == Employee.id)
                    .outerjoin(Department, Department.id == Employee.department_id)
                )
            ]
        rows.sort(key=lambda r: ((r.department or "").casefold(), r.display_name.casefold()))
        return rows
