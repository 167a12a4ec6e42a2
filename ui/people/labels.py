"""Translated words for the people domain's enums, shared by the People page and its dialogs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from db.models import EmployeeStatus, Track

_CONTEXT = "PeopleLabels"


def track_label(track: Track | None) -> str:
    """The track as the user reads it ("Domain expert"), or an empty string."""
    if track is None:
        return ""
    labels = {
        Track.EXECUTIVE: QCoreApplication.translate(_CONTEXT, "Executive"),
        Track.TECHNICAL: QCoreApplication.translate(_CONTEXT, "Technical"),
        Track.DOMAIN_EXPERT: QCoreApplication.translate(_CONTEXT, "Domain expert"),
        Track.FRONTLINE: QCoreApplication.translate(_CONTEXT, "Frontline"),
        Track.CUSTOM: QCoreApplication.translate(_CONTEXT, "Custom"),
    }
    return labels[track]


def status_label(status: EmployeeStatus) -> str:
    if status is EmployeeStatus.ACTIVE:
        return QCoreApplication.translate(_CONTEXT, "Active")
    return QCoreApplication.translate(_CONTEXT, "Inactive")


def format_count(value: int) -> str:
    """A whole number with the locale's thousands separator ("1,470")."""
    locale = QLocale()
    locale.setNumberOptions(QLocale.NumberOption.DefaultNumberOptions)
    return locale.toString(value)


def people_count(value: int) -> str:
    """ "1 person", "1,470 people"."""
    if value == 1:
        return QCoreApplication.translate(_CONTEXT, "1 person")
    return QCoreApplication.translate(_CONTEXT, "{count} people").format(count=format_count(value))
