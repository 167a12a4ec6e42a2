"""Small, pure helpers for cell values: text form, header cleaning and date parsing.

Date policy (text dates, e.g. from CSV):
- ISO first: ``2021-01-31``, ``2021/01/31``, ``20210131``, with or without a time part.
- Month names in English: ``31 Jan 2021``, ``31-JAN-21``, ``Jan 31, 2021``.
- Numbers with ``/``, ``.`` or ``-``: day first (``03/04/2021`` is 3 April 2021) unless
  the column shows otherwise: when some value in the column can only be month first
  (``04/23/2021``) and none can only be day first, the whole column is read month first.
  A single value that is impossible in the chosen order is read the other way round.
- Two-digit years: up to next year's two digits mean 20xx, above that 19xx.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from app.roster.model import Cell

EXCEL_ERRORS: frozenset[str] = frozenset(
    {
        "#DIV/0!",
        "#NAME?",
        "#VALUE!",
        "#NULL!",
        "#REF!",
        "#NUM!",
        "#N/A",
        "#GETTING_DATA",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
    }
)
"""Excel error values; openpyxl gives cached formula errors as these strings."""

NULL_TOKENS: frozenset[str] = frozenset(
    {"n/a", "#n/a", "null", "none", "nil", "-", "--", "—", "–", ".", "(blank)", "(none)"}
)
"""Values that mean "nothing here" in an optional field (compared case-insensitively).
"NA" is deliberately not one of them: it is a real value too (North America, Namibia)."""

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b\u200e\u200f\u2028\u2029\ufeff]")
_SPACES = re.compile(r"\s+")


def clean_header(value: Cell) -> str:
    """Header text with control characters and runs of whitespace turned into one space."""
    text = cell_text(value) or ""
    return _SPACES.sub(" ", _CONTROL.sub(" ", text)).strip()


def collapse_spaces(text: str) -> str:
    """Runs of whitespace (including newlines) become one space; ends trimmed."""
    return _SPACES.sub(" ", text).strip()


def cell_text(value: Cell | time | timedelta) -> str | None:
    """The value as the text a person would type, or None when empty.

    Integer-valued floats print without ``.0`` ("1042", not "1042.0"), so IDs survive
    Excel storing them as numbers. Midnight datetimes print as a plain ISO date.
    """
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        return text or None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return None
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat()
    return str(value)


def is_null_token(text: str) -> bool:
    """True for placeholder values such as "N/A", "NULL", "-" (see NULL_TOKENS)."""
    return text.casefold() in NULL_TOKENS


_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)*|[.,]\d+)([eE][+-]?\d+)?%?$")


def looks_like_header_text(value: Cell) -> bool:
    """True for a non-empty text that is neither a number nor a date (header material)."""
    if not isinstance(value, str):
        return False
    text = value.strip()
    if not text:
        return False
    if _NUMBER.match(text.replace(" ", "")):
        return False
    return parse_text_date(text) is None


# ---------------------------------------------------------------- dates

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        ("jan", "january"),
        ("feb", "february"),
        ("mar", "march"),
        ("apr", "april"),
        ("may",),
        ("jun", "june"),
        ("jul", "july"),
        ("aug", "august"),
        ("sep", "sept", "september"),
        ("oct", "october"),
        ("nov", "november"),
        ("dec", "december"),
    ],
    start=1,
):
    for _name in _names:
        _MONTHS[_name] = _number

_TIME_TAIL = r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp][Mm])?(?:Z|[+-]\d{2}:?\d{2})?)?"
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})" + _TIME_TAIL + r"$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})" + _TIME_TAIL + r"$")
_DAY_MONTH_NAME = re.compile(
    r"^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]*([A-Za-z]{3,9})\.?[\s\-/.,]*(\d{4}|\d{2})"
    + _TIME_TAIL
    + r"$"
)
_MONTH_NAME_DAY = re.compile(
    r"^([A-Za-z]{3,9})\.?[\s\-/.]*(\d{1,2})(?:st|nd|rd|th)?,?[\s\-/.]*(\d{4}|\d{2})"
    + _TIME_TAIL
    + r"$"
)


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        pivot = (date.today().year + 1) % 100
        year += 2000 if year <= pivot else 1900
    return year


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def numeric_date_order(texts: Iterable[str]) -> tuple[bool, bool]:
    """Decide day-first vs month-first for a column of numeric dates like 03/04/2021.

    Returns ``(day_first, ambiguous_seen)``. Day first unless some value can only be
    month first and none can only be day first.
    """
    only_day_first = only_month_first = ambiguous = False
    for text in texts:
        match = _NUMERIC.match(text.strip())
        if not match:
            continue
        first, second = int(match.group(1)), int(match.group(2))
        if first > 12 >= second:
            only_day_first = True
        elif second > 12 >= first:
            only_month_first = True
        elif first <= 12 and second <= 12 and first != second:
            ambiguous = True
    return (not (only_month_first and not only_day_first), ambiguous)


def parse_text_date(text: str, *, day_first: bool = True) -> date | None:
    """Parse a date written as text (see the module docstring), or None."""
    text = text.strip()
    if not text or len(text) > 40:
        return None
    match = _ISO.match(text)
    if match:
        return _make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _COMPACT.match(text)
    if match:
        year = int(match.group(1))
        if 1900 <= year <= 2100:
            return _make_date(year, int(match.group(2)), int(match.group(3)))
        return None
    match = _NUMERIC.match(text)
    if match:
        first, second, year = int(match.group(1)), int(match.group(2)), _year(match.group(3))
        if day_first:
            return _make_date(year, second, first) or _make_date(year, first, second)
        return _make_date(year, first, second) or _make_date(year, second, first)
    match = _DAY_MONTH_NAME.match(text)
    if match and match.group(2).casefold() in _MONTHS:
        month = _MONTHS[match.group(2).casefold()]
        return _make_date(_year(match.group(3)), month, int(match.group(1)))
    match = _MONTH_NAME_DAY.match(text)
    if match and match.group(1).casefold() in _MONTHS:
        month = _MONTHS[match.group(1).casefold()]
        return _make_date(_year(match.group(3)), month, int(match.group(2)))
    return None


def excel_serial_to_date(serial: float, *, date_1904: bool) -> date | None:
    """A date serial number as Excel stores it, or None when it can't be a hire date.

    Only serials between 1927 and 2119 are accepted, so a year typed as 2019 or a
    small number is never mistaken for a date.
    """
    if not 10_000 <= serial <= 80_000:
        return None
    epoch = datetime(1904, 1, 1) if date_1904 else datetime(1899, 12, 30)
    return (epoch + timedelta(days=int(serial))).date()
