"""A plausible demo organisation for trying the app and for benchmarks (fixed seed)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import insert, select, update

from app.context import AppServices
from app.errors import UserFacingError
from app.events import Topic
from app.i18n import _
from app.progress import CancelToken, Progress, no_progress
from db.models import AuditEntry, Department, Employee, EmployeeStatus, Location, Role, Track

DEMO_ORGANISATION = "Northwind Mutual"

# department -> (share of headcount, [(role, track, weight)]); the first role leads the department.
DEPARTMENTS: dict[str, tuple[float, list[tuple[str, Track, int]]]] = {
    "Sales": (
        0.20,
        [
            ("Head of Sales", Track.EXECUTIVE, 0),
            ("Sales Manager", Track.DOMAIN_EXPERT, 2),
            ("Account Executive", Track.DOMAIN_EXPERT, 6),
            ("Sales Representative", Track.FRONTLINE, 8),
        ],
    ),
    "Customer Service": (
        0.22,
        [
            ("Head of Customer Service", Track.EXECUTIVE, 0),
            ("Team Leader, Customer Service", Track.DOMAIN_EXPERT, 2),
            ("Customer Service Agent", Track.FRONTLINE, 12),
            ("Quality Analyst", Track.TECHNICAL, 1),
        ],
    ),
    "Marketing": (
        0.08,
        [
            ("Marketing Director", Track.EXECUTIVE, 0),
            ("Content Specialist", Track.DOMAIN_EXPERT, 3),
            ("Digital Marketing Analyst", Track.TECHNICAL, 2),
        ],
    ),
    "Finance": (
        0.10,
        [
            ("Chief Financial Officer", Track.EXECUTIVE, 0),
            ("Accountant", Track.DOMAIN_EXPERT, 5),
            ("Financial Analyst", Track.TECHNICAL, 3),
            ("Accounts Assistant", Track.FRONTLINE, 3),
        ],
    ),
    "Operations": (
        0.22,
        [
            ("Chief Operating Officer", Track.EXECUTIVE, 0),
            ("Operations Manager", Track.DOMAIN_EXPERT, 2),
            ("Operations Coordinator", Track.FRONTLINE, 8),
            ("Warehouse Associate", Track.FRONTLINE, 8),
        ],
    ),
    "IT": (
        0.11,
        [
            ("Chief Technology Officer", Track.EXECUTIVE, 0),
            ("Software Engineer", Track.TECHNICAL, 5),
            ("Data Analyst", Track.TECHNICAL, 3),
            ("IT Support Technician", Track.TECHNICAL, 3),
        ],
    ),
    "HR": (
        0.07,
        [
            ("HR Director", Track.EXECUTIVE, 0),
            ("HR Business Partner", Track.DOMAIN_EXPERT, 2),
            ("Recruiter", Track.DOMAIN_EXPERT, 2),
            ("HR Assistant", Track.FRONTLINE, 2),
        ],
    ),
}

LOCATIONS = [("Manchester", 5), ("Leeds", 3), ("Dublin", 2), ("Remote", 2)]

FIRST_NAMES = [
    "Olivia",
    "James",
    "Amelia",
    "Oliver",
    "Isla",
    "Jack",
    "Ava",
    "Harry",
    "Mia",
    "George",
    "Zoë",
    "Noah",
    "Chloé",
    "Leo",
    "Łukasz",
    "Agnieszka",
    "Søren",
    "Ingrid",
    "José",
    "María",
    "Ngọc",
    "Minh",
    "李娜",
    "王伟",
    "Aoife",
    "Siobhán",
    "Priya",
    "Arjun",
    "Fatima",
    "Omar",
    "Chiamaka",
    "Emeka",
    "Yusuf",
    "Elif",
    "Björn",
    "Anaïs",
    "François",
    "Dmitri",
    "Олена",
    "Kwame",
    "Ama",
    "Hana",
    "Kenji",
    "Sakura",
    "Mateo",
    "Lucía",
    "Grace",
    "Daniel",
    "Sophie",
    "Thomas",
    "Emily",
    "Samuel",
    "Hannah",
    "Ethan",
    "Ruth",
    "Liam",
    "Niamh",
    "Rhys",
    "Carys",
]
LAST_NAMES = [
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Wilson",
    "Johnson",
    "Davies",
    "Patel",
    "Khan",
    "Murphy",
    "O'Brien",
    "Kowalski",
    "Nowak",
    "Müller",
    "Schröder",
    "García",
    "Fernández",
    "Nguyễn",
    "Trần",
    "Chen",
    "Okafor",
    "Adeyemi",
    "Yılmaz",
    "Andersson",
    "Lefèvre",
    "Dubois",
    "Ivanova",
    "Mensah",
    "Tanaka",
    "Sato",
    "Rossi",
    "Walsh",
    "Evans",
    "Thomas",
    "Roberts",
    "Hughes",
    "Hall",
    "Green",
    "Clarke",
    "Ahmed",
    "Ali",
    "Singh",
]

CHUNK = 2_000


@dataclass(frozen=True)
class DemoSummary:
    organisation: str
    employees: int
    departments: int
    roles: int
    locations: int


def _ascii_mailbox(text: str) -> str:
    import unicodedata

    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = "".join(ch for ch in folded.lower() if ch.isalnum())
    return cleaned or "staff"


def _headcounts(total: int) -> dict[str, int]:
    counts = {name: max(2, round(share * total)) for name, (share, _roles) in DEPARTMENTS.items()}
    largest = max(counts, key=lambda name: counts[name])
    counts[largest] += total - sum(counts.values())
    return counts


def create_demo_organisation(
    services: AppServices,
    *,
    employees: int = 150,
    seed: int = 7,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> DemoSummary:
    """Fill an empty data file with a demo organisation of ``employees`` people."""
    if employees < len(DEPARTMENTS) * 2:
        raise UserFacingError(
            _("A demo organisation needs at least {n} people.").format(n=len(DEPARTMENTS) * 2)
        )
    if employees > 200_000:
        raise UserFacingError(_("A demo organisation can have at most 200,000 people."))
    rng = random.Random(seed)
    database = services.database
    with database.transaction() as session:
        if session.execute(select(Employee.id).limit(1)).first() is not None:
            raise UserFacingError(
                _(
                    "This data file already has people in it. Load the demo organisation into a "
                    "new, empty file (File > New)."
                )
            )
        from app.services.organisation import get_or_create_organisation

        get_or_create_organisation(session).name = DEMO_ORGANISATION
        location_ids = []
        for name, _weight in LOCATIONS:
            location = Location(name=name)
            session.add(location)
            session.flush()
            location_ids.append(location.id)
        location_weights = [weight for _name, weight in LOCATIONS]

        counts = _headcounts(employees)
        used_emails: set[str] = set()
        start = date(2026, 11, 1)
        number = 1000
        done = 0
        pending: list[dict[str, Any]] = []

        def person(department_id: int, role_id: int) -> dict[str, Any]:
            nonlocal number
            number += rng.randint(1, 3)
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            mailbox = f"{_ascii_mailbox(first)}.{_ascii_mailbox(last)}"
            email = f"{mailbox}@northwind.example"
            suffix = 2
            while email in used_emails:
                email = f"{mailbox}{suffix}@northwind.example"
                suffix += 1
            used_emails.add(email)
            return {
                "employee_number": f"E{number:05d}",
                "first_name": first,
                "last_name": last,
                "display_name": f"{first} {last}",
                "email": email,
                "department_id": department_id,
                "role_id": role_id,
                "location_id": rng.choices(location_ids, location_weights)[0],
                "hire_date": start - timedelta(days=rng.randint(30, 365 * 15)),
                "status": EmployeeStatus.ACTIVE if rng.random() > 0.03 else EmployeeStatus.INACTIVE,
            }

        role_count = 0
        for department_name, (_share, roles) in DEPARTMENTS.items():
            department = Department(name=department_name)
            session.add(department)
            session.flush()
            role_ids: list[tuple[int, int]] = []
            for role_name, track, weight in roles:
                role = Role(name=role_name, track=track)
                session.add(role)
                session.flush()
                role_ids.append((role.id, weight))
                role_count += 1
            leader = person(department.id, role_ids[0][0])
            leader["status"] = EmployeeStatus.ACTIVE
            rows = [leader]
            others = role_ids[1:]
            for _position in range(counts[department_name] - 1):
                role_id = rng.choices([r for r, _w in others], [w for _r, w in others])[0]
                rows.append(person(department.id, role_id))
            pending.extend(rows)
        # insert in chunks, remembering ids in order
        ids: list[int] = []
        for begin in range(0, len(pending), CHUNK):
            if cancel is not None:
                cancel.raise_if_cancelled()
            chunk = pending[begin : begin + CHUNK]
            ids.extend(
                session.execute(
                    insert(Employee).returning(Employee.id, sort_by_parameter_order=True), chunk
                ).scalars()
            )
            done += len(chunk)
            progress(done, len(pending) * 2)
        # managers: department leaders report to the first leader (the "CEO" of the demo);
        # team members report to a manager-level person of their department, else the leader.
        by_department: dict[int, list[int]] = {}
        for row, person_id in zip(pending, ids, strict=True):
            by_department.setdefault(row["department_id"], []).append(person_id)
        links: list[dict[str, Any]] = []
        top = ids[0]
        for members in by_department.values():
            leader_id, team = members[0], members[1:]
            if leader_id != top:
                links.append({"id": leader_id, "manager_id": top})
            managers = team[: max(1, len(team) // 8)]
            for manager_id in managers:
                links.append({"id": manager_id, "manager_id": leader_id})
            for member in team[len(managers) :]:
                links.append({"id": member, "manager_id": rng.choice(managers)})
        for begin in range(0, len(links), CHUNK):
            if cancel is not None:
                cancel.raise_if_cancelled()
            session.execute(update(Employee), links[begin : begin + CHUNK])
            progress(len(pending) + begin + CHUNK, len(pending) * 2)
        session.add(
            AuditEntry(action="demo", entity="organisation", summary=f"{employees} demo people")
        )
        progress(1, 1)
    services.changes.publish(Topic.PEOPLE, Topic.DEPARTMENTS, Topic.ROLES, Topic.ORGANISATION)
    from app.demo_assessments import create_demo_assessments

    create_demo_assessments(services.maturity, rng)
    from app.demo_skills import create_demo_surveys

    create_demo_surveys(services, rng)
    from app.demo_paths import create_demo_paths

    create_demo_paths(services, rng)
    from app.demo_pilots import create_demo_pilots

    create_demo_pilots(services, rng)
    return DemoSummary(
        organisation=DEMO_ORGANISATION,
        employees=len(pending),
        departments=len(DEPARTMENTS),
        roles=role_count,
        locations=len(LOCATIONS),
    )
