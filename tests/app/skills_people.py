"""People for the skills survey tests: whole departments added through the services."""

from __future__ import annotations

from app.context import AppServices
from app.services.people import PersonInput


def add_department_people(
    services: AppServices, department: str, count: int, role: int
) -> list[int]:
    """Add ``department`` with ``count`` active people in ``role``; their ids in order."""
    department_id = services.organisation.add_department(department)
    return [
        services.people.add(
            PersonInput(first_name=f"{department}{n}", department_id=department_id, role_id=role)
        )
        for n in range(count)
    ]
