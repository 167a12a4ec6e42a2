"""The organisation and its people: departments, locations, roles with their track, employees."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Row
from db.models.enums import EmployeeStatus, Track, enum_column


class Organisation(Row):
    """One organisation per data file; this row holds its name and settings."""

    __tablename__ = "organisation"

    name: Mapped[str] = mapped_column(String(200))
    anonymity_threshold: Mapped[int] = mapped_column(default=5)
    learning_hours_per_week: Mapped[float] = mapped_column(default=2.0, server_default="2")
    """Protected learning time per person and week, for path durations and capacity."""
    notes: Mapped[str | None] = mapped_column(Text)


class Department(Row):
    __tablename__ = "department"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    people: Mapped[list[Employee]] = relationship(back_populates="department")


class Location(Row):
    __tablename__ = "location"

    name: Mapped[str] = mapped_column(String(200), unique=True)


class Role(Row):
    """A job role (e.g. "Sales Executive"), organisation-wide, with its learning track."""

    __tablename__ = "role"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    track: Mapped[Track] = mapped_column(enum_column(Track), default=Track.CUSTOM)
    people: Mapped[list[Employee]] = relationship(back_populates="role")


class Employee(Row):
    __tablename__ = "employee"
    __table_args__ = (
        Index("ix_employee_sort_name", "last_name", "first_name"),
        Index("ix_employee_display_name", "display_name"),
    )

    employee_number: Mapped[str | None] = mapped_column(String(64), unique=True)
    first_name: Mapped[str | None] = mapped_column(String(200))
    last_name: Mapped[str | None] = mapped_column(String(200))
    display_name: Mapped[str] = mapped_column(String(400))
    email: Mapped[str | None] = mapped_column(String(320), unique=True)
    department_id: Mapped[int | None] = mapped_column(
        ForeignKey("department.id", ondelete="SET NULL"), index=True
    )
    role_id: Mapped[int | None] = mapped_column(
        ForeignKey("role.id", ondelete="SET NULL"), index=True
    )
    location_id: Mapped[int | None] = mapped_column(
        ForeignKey("location.id", ondelete="SET NULL"), index=True
    )
    manager_id: Mapped[int | None] = mapped_column(
        ForeignKey("employee.id", ondelete="SET NULL"), index=True
    )
    hire_date: Mapped[date | None]
    status: Mapped[EmployeeStatus] = mapped_column(
        enum_column(EmployeeStatus), default=EmployeeStatus.ACTIVE, index=True
    )

    department: Mapped[Department | None] = relationship(back_populates="people")
    role: Mapped[Role | None] = relationship(back_populates="people")
    location: Mapped[Location | None] = relationship()
    manager: Mapped[Employee | None] = relationship(remote_side="Employee.id")
