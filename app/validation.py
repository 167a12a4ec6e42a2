"""Checks on what a person types or a file holds, shared by the forms, the importer and the CLI."""

from __future__ import annotations

import re
from datetime import date, datetime

from app.i18n import _

_EMAIL = re.compile(r"^[^@\s<>(),;:\"]+@[^@\s<>(),;:\"]+\.[A-Za-z0-9-]{2,}$")


def clean_text(value: str | None) -> str | None:
    """Trimmed text, or None for an empty or whitespace-only value."""
    if value is None:
        return None
    cleaned = " ".join(str(value).split())
    return cleaned or None


def is_valid_email(value: str) -> bool:
    return bool(_EMAIL.match(value)) and ".." not in value


def normalise_email(value: str | None) -> str | None:
    """E-mail addresses are compared and stored in lower case, without spaces."""
    cleaned = clean_text(value)
    return cleaned.lower() if cleaned else None


def make_display_name(
    first_name: str | None, last_name: str | None, employee_number: str | None = None
) -> str:
    """ "First Last", or "Employee 1042" when the file holds no name at all."""
    name = " ".join(part for part in (first_name, last_name) if part)
    if name:
        return name
    if employee_number:
        return _("Employee {number}").format(number=employee_number)
    return _("Unnamed person")


def parse_iso_date(value: str) -> date | None:
    try:
        return datetime.strptime(value.strip(), "%Y-%m-%d").date()
    except ValueError:
        return None
