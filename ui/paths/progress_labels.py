"""Words for following learning paths on screen: statuses, module formats, hours, months.

Shared by the assign dialog, the progress grid and the capacity table, so the same thing
reads the same way everywhere.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale

_CONTEXT = "PathLabels"

SHORT_TITLE_LENGTH = 22
"""The most characters a module's title takes as a column header."""


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def status_label(status: str) -> str:
    """not_started / in_progress / completed / skipped as the user reads them."""
    labels = {
        "not_started": _tr("Not started"),
        "in_progress": _tr("In progress"),
        "completed": _tr("Done"),
        "skipped": _tr("Skipped"),
    }
    return labels.get(status, status)


def format_label(module_format: str) -> str:
    """How a module is delivered, in words ("Hands-on lab")."""
    labels = {
        "workshop": _tr("Workshop"),
        "e_learning": _tr("E-learning"),
        "hands_on_lab": _tr("Hands-on lab"),
        "mentoring": _tr("Mentoring"),
        "office_hours": _tr("Office hours"),
        "reading": _tr("Reading"),
    }
    return labels.get(module_format, module_format)


def short_title(title: str, limit: int = SHORT_TITLE_LENGTH) -> str:
    """A column-sized title: the part before a colon, else the title cut at a word, with "…"."""
    head = title.split(":", 1)[0].strip()
    text = head if len(head) >= 6 else title
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;–-")
    return (cut or text[: limit - 1]) + "…"


def number_text(value: float) -> str:
    """1.5 → "1.5", 12.0 → "12", with the locale's separators."""
    rounded = round(float(value), 1)
    locale = QLocale()
    if rounded.is_integer():
        return locale.toString(int(rounded))
    return locale.toString(rounded, "f", 1)


def hours_text(hours: float) -> str:
    """ "1.5 h", "12 h"."""
    return _tr("{hours} h").format(hours=number_text(hours))


def whole_hours_text(hours: float) -> str:
    """Hours rounded to a whole number, with thousands separators: "1,851 h"."""
    return _tr("{hours} h").format(hours=QLocale().toString(round(hours)))


def day_text(value: date) -> str:
    """A date as people read it: "12 Mar 2027"."""
    return QLocale().toString(QDate(value.year, value.month, value.day), "d MMM yyyy")


def short_day_text(value: date) -> str:
    """A date in a narrow cell: "12 Mar", with the year ("12 Mar 25") when not this year's."""
    pattern = "d MMM" if value.year == date.today().year else "d MMM yy"
    return QLocale().toString(QDate(value.year, value.month, value.day), pattern)


def modules_text(count: int) -> str:
    """ "1 module", "7 modules"."""
    if count == 1:
        return _tr("1 module")
    return _tr("{count} modules").format(count=count)


def month_text(value: date) -> str:
    """A month in full: "March 2027"."""
    return QLocale().toString(QDate(value.year, value.month, 1), "MMMM yyyy")


def short_month_text(value: date) -> str:
    """A month as a column header: "Mar 2027"."""
    return QLocale().toString(QDate(value.year, value.month, 1), "MMM yyyy")


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)
