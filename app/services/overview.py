"""The organisation overview figures, computed once here for the GUI, the PDF and the workbook."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from app.events import ChangeBus
from app.i18n import N_, translate
from app.overview_figures import HeadcountRow, OrganisationOverview, RoleHeadcountRow
from app.services.organisation import get_or_create_organisation, track_label
from db.database import Database
from db.models import Department, Employee, EmployeeStatus, Location, Role, Track

NO_DEPARTMENT = N_("No department")
NO_ROLE = N_("No role")
NO_LOCATION = N_("No location")
"""Labels of the rows for people without one (English; translated when the figures are made)."""


class OverviewService:
    def __init__(self, database: Database, changes: ChangeBus) -> None:
        self._db = database
        self._changes = changes

    def organisation_overview(self, today: date | None = None) -> OrganisationOverview:
        active = Employee.status == EmployeeStatus.ACTIVE
        no_department_label, no_role_label, no_location_label = (
            translate(label) for label in (NO_DEPARTMENT, NO_ROLE, NO_LOCATION)
        )
        with self._db.transaction() as session:
            organisation = get_or_create_organisation(session)
            name = organisation.name
        with self._db.reading() as session:
            counts = dict(
                session.execute(
                    select(Employee.status, func.count()).group_by(Employee.status)
                ).all()
            )
            departments = [
                HeadcountRow(label or no_department_label, int(n))
                for label, n in session.execute(
                    select(Department.name, func.count(Employee.id))
                    .select_from(Employee)
                    .outerjoin(Department, Employee.department_id == Department.id)
                    .where(active)
                    .group_by(Department.name)
                    .order_by(func.count(Employee.id).desc(), Department.name)
                )
            ]
            track_counts: dict[Track | None, int] = {
                track: int(n)
                for track, n in session.execute(
                    select(Role.track, func.count(Employee.id))
                    .select_from(Employee)
                    .outerjoin(Role, Employee.role_id == Role.id)
                    .where(active)
                    .group_by(Role.track)
                )
            }
            tracks = [
                HeadcountRow(track_label(track), track_counts[track])
                for track in Track
                if track_counts.get(track)
            ]
            if track_counts.get(None):
                tracks.append(HeadcountRow(no_role_label, track_counts[None]))
            roles = [
                RoleHeadcountRow(
                    department or no_department_label,
                    role or no_role_label,
                    track_label(track) if track else "—",
                    int(n),
                )
                for department, role, track, n in session.execute(
                    select(Department.name, Role.name, Role.track, func.count(Employee.id))
                    .select_from(Employee)
                    .outerjoin(Department, Employee.department_id == Department.id)
                    .outerjoin(Role, Employee.role_id == Role.id)
                    .where(active)
                    .group_by(Department.name, Role.name, Role.track)
                    .order_by(Department.name, func.count(Employee.id).desc(), Role.name)
                )
            ]
            locations = [
                HeadcountRow(label or no_location_label, int(n))
                for label, n in session.execute(
                    select(Location.name, func.count(Employee.id))
                    .select_from(Employee)
                    .outerjoin(Location, Employee.location_id == Location.id)
                    .where(active)
                    .group_by(Location.name)
                    .order_by(func.count(Employee.id).desc(), Location.name)
                )
            ]
            managers = int(
                session.execute(
                    select(func.count(func.distinct(Employee.manager_id))).where(
                        active, Employee.manager_id.is_not(None)
                    )
                ).scalar_one()
            )
            department_count, role_count, location_count = (
                int(session.execute(select(func.count()).select_from(model)).scalar_one())
                for model in (Department, Role, Location)
            )
            no_department = int(
                session.execute(
                    select(func.count()).where(active, Employee.department_id.is_(None))
                ).scalar_one()
            )
            no_role = int(
                session.execute(
                    select(func.count()).where(active, Employee.role_id.is_(None))
                ).scalar_one()
            )
        return OrganisationOverview(
            organisation_name=name,
            generated_on=today or date.today(),
            active_people=int(counts.get(EmployeeStatus.ACTIVE, 0)),
            inactive_people=int(counts.get(EmployeeStatus.INACTIVE, 0)),
            departments=departments,
            tracks=tracks,
            roles=roles,
            locations=[
                row for row in locations if row.label != no_location_label or len(locations) > 1
            ],
            department_count=department_count,
            role_count=role_count,
            location_count=location_count,
            people_without_department=no_department,
            people_without_role=no_role,
            managers=managers,
        )
