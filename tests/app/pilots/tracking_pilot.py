"""A running pilot with four participants (and one person outside it), for the tracking tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.context import AppServices
from app.pilots.records import PilotInput
from app.pilots.service import CohortPick
from app.services.people import PersonInput
from db.models import Track

START = date.today() - timedelta(weeks=6, days=2)
"""The pilot began six weeks and two days ago: it is in its seventh week."""

PEOPLE = (
    ("Ana", "Lima", "E-001", "ana.lima@example.org"),
    ("Björn", "Ek", "E-002", "bjorn.ek@example.org"),
    ("Chloé", "Martin", "E-003", "chloe.martin@example.org"),
    ("Dev", "Patel", "E-004", "dev.patel@example.org"),
    ("Omar", "Haddad", "E-099", "omar.haddad@example.org"),
)
"""The first four are in the cohort; Omar is in the data file but not in the pilot."""


@dataclass(frozen=True)
class TrackedPilot:
    pilot_id: int
    person_ids: list[int]
    participant_ids: list[int]
    """Participant ids in the order of PEOPLE (the first four)."""
    outsider: int


def build_tracked_pilot(services: AppServices, *, starts_on: date | None = START) -> TrackedPilot:
    role = services.organisation.add_role("Adviser", Track.FRONTLINE)
    department = services.organisation.add_department("Customer care")
    person_ids = [
        services.people.add(
            PersonInput(
                first_name=first,
                last_name=last,
                employee_number=number,
                email=email,
                department_id=department,
                role_id=role,
            )
        )
        for first, last, number, email in PEOPLE
    ]
    pilot_id = services.pilots.save_pilot(
        PilotInput(name="Writing assistant", starts_on=starts_on, target_population=120)
    )
    services.pilots.set_cohort(pilot_id, [CohortPick(p, "keen") for p in person_ids[:4]])
    by_person = {row.person_id: row.id for row in services.pilots.participants(pilot_id)}
    return TrackedPilot(
        pilot_id=pilot_id,
        person_ids=person_ids,
        participant_ids=[by_person[p] for p in person_ids[:4]],
        outsider=person_ids[4],
    )
