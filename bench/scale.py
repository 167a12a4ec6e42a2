"""The scale the benchmarks run at: a 10,000-person data file and a 10,000-row roster.

``python -m bench.scale [--employees N] [DIR]`` writes both and prints where they are.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

FULL_EMPLOYEES = 10_000
QUICK_EMPLOYEES = 1_000

ROSTER_HEADERS = [
    "Employee ID",
    "First Name",
    "Last Name",
    "Work Email",
    "Department",
    "Job Title",
    "Location",
    "Manager ID",
    "Hire Date",
    "Status",
]


@dataclass(frozen=True)
class Scale:
    """The files every benchmark shares, made once per run in ``folder``."""

    folder: Path
    employees: int
    data_file: Path
    roster_xlsx: Path
    make_data_seconds: float
    make_roster_seconds: float


def make_data_file(path: Path, employees: int) -> float:
    """A data file holding the demo organisation with ``employees`` people; returns seconds."""
    from app.context import open_services
    from app.demo import create_demo_organisation

    start = time.perf_counter()
    services = open_services(path)
    try:
        create_demo_organisation(services, employees=employees, seed=1)
    finally:
        services.close()
    return time.perf_counter() - start


def _mailbox(text: str, fallback: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in folded.lower() if ch.isalnum()) or fallback


def roster_rows(employees: int, seed: int = 1) -> list[list[object]]:
    """Rows of a plausible HR export: unique ids and e-mails, managers listed before their
    reports, a mix of departments, titles, locations, dates and a few inactive people."""
    from app.demo import DEPARTMENTS, FIRST_NAMES, LAST_NAMES, LOCATIONS

    rng = random.Random(seed)
    departments = list(DEPARTMENTS.items())
    locations = [name for name, _ in LOCATIONS]
    location_weights = [weight for _, weight in LOCATIONS]
    rows: list[list[object]] = []
    heads: dict[str, str] = {}
    managers: dict[str, list[str]] = {}
    used_emails: set[str] = set()
    start = date(2010, 1, 4)
    for i in range(employees):
        number = f"E{100000 + i}"
        department, (_share, roles) = departments[i % len(departments)]
        if department not in heads:
            title = roles[0][0]
            manager: str | None = None
            heads[department] = number
            managers[department] = [number]
        else:
            title = rng.choices([r[0] for r in roles[1:]], [r[2] for r in roles[1:]])[0]
            manager = rng.choice(managers[department])
            if (
                title.endswith(("Manager", "Team Leader, Customer Service"))
                and len(managers[department]) < 40
            ):
                managers[department].append(number)
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        base = f"{_mailbox(first, 'staff')}.{_mailbox(last, 'member')}"
        email = f"{base}@example.com"
        n = 2
        while email in used_emails:
            email = f"{base}{n}@example.com"
            n += 1
        used_emails.add(email)
        rows.append(
            [
                number,
                first,
                last,
                email,
                department,
                title,
                rng.choices(locations, location_weights)[0],
                manager,
                start + timedelta(days=rng.randrange(0, 5_800)),
                "Inactive" if rng.random() < 0.04 else "Active",
            ]
        )
    return rows


def make_roster_xlsx(path: Path, employees: int) -> float:
    """A roster workbook (openpyxl write-only) with ``employees`` rows; returns seconds."""
    from openpyxl import Workbook

    start = time.perf_counter()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Employees")
    sheet.append(ROSTER_HEADERS)
    for row in roster_rows(employees):
        sheet.append(row)
    workbook.save(path)
    return time.perf_counter() - start


def make_scale(folder: Path, employees: int = FULL_EMPLOYEES) -> Scale:
    folder.mkdir(parents=True, exist_ok=True)
    data_file = folder / f"scale-{employees}.upskill"
    roster = folder / f"roster-{employees}.xlsx"
    for stale in (data_file, Path(f"{data_file}-wal"), Path(f"{data_file}-shm"), roster):
        stale.unlink(missing_ok=True)
    data_seconds = make_data_file(data_file, employees)
    roster_seconds = make_roster_xlsx(roster, employees)
    return Scale(folder, employees, data_file, roster, data_seconds, roster_seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", type=Path)
    parser.add_argument("--employees", type=int, default=FULL_EMPLOYEES)
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="upskill-bench-"))
    scale = make_scale(folder, args.employees)
    print(f"data file: {scale.data_file} ({scale.make_data_seconds:.2f} s)")
    print(f"roster:    {scale.roster_xlsx} ({scale.make_roster_seconds:.2f} s)")


if __name__ == "__main__":
    main()
