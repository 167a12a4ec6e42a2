"""Counts of everything in a data file, for `upskill info --json` and the About box."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from db.database import Database
from db.models import (
    Assessment,
    Department,
    Employee,
    EmployeeStatus,
    LearningModule,
    LearningPath,
    Location,
    PathAssignment,
    Pilot,
    Response,
    Role,
)
from db.schema import SCHEMA_HEAD, current_revision

_COUNTED: dict[str, type[Any]] = {
    "employees": Employee,
    "departments": Department,
    "roles": Role,
    "locations": Location,
    "assessments": Assessment,
    "responses": Response,
    "paths": LearningPath,
    "modules": LearningModule,
    "assignments": PathAssignment,
    "pilots": Pilot,
}


def data_file_info(database: Database) -> dict[str, Any]:
    """The stable keys of `info --json` (DESIGN §4); more may be added, none renamed."""
    with database.reading() as session:
        info: dict[str, Any] = {
            "schema_version": current_revision(session.connection()) or SCHEMA_HEAD,
            "database": database.display_name,
        }
        for key, model in _COUNTED.items():
            info[key] = int(session.execute(select(func.count()).select_from(model)).scalar_one())
        info["active_employees"] = int(
            session.execute(
                select(func.count()).where(Employee.status == EmployeeStatus.ACTIVE)
            ).scalar_one()
        )
    return info
