"""Reading the cells of a spreadsheet of measurements: blanks, text, dates, titles and scores.

Pure functions; the rules for dates are the roster import's (``app.roster.values``).
"""

from __future__ import annotations

import re
from datetime import date, datetime

from app.roster.model import Cell
from app.roster.values import (
    cell_text,
    collapse_spaces,
    excel_serial_to_date,
    is_null_token,
    parse_text_date,
)


def is_blank(value: Cell) -> bool:
    """True for an empty cell or a placeholder such as "N/A" or "-"."""
    text = cell_text(value)
    return text is None or not collapse_spaces(text) or is_null_token(collapse_spaces(text))


def text_in(value: Cell) -> str | None:
    """The cell's text with runs of spaces made one; None when it is blank."""
    text = cell_text(value)
    text = collapse_spaces(text) if text else None
    return None if not text or is_blank(text) else text


def normalise_title(text: str) -> str:
    """A title, name or key as compared: no case, spaces or punctuation."""
    return re.sub(r"[\W_]+", "", text.casefold())


def read_date(value: Cell, *, date_1904: bool, day_first: bool) -> date | None:
    """A date from a cell (a date, an Excel serial number or text); None when the cell is
    empty or can't be read. Use :func:`is_blank` to tell the two apart."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return excel_serial_to_date(float(value), date_1904=date_1904)
    text = collapse_spaces(value)
    if not text or is_null_token(text):
        return None
    return parse_text_date(text, day_first=day_first)


_FRACTION = re.compile(r"^(\d+(?:[.,]\d+)?)\s*/\s*(\d+(?:[.,]\d+)?)$")
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


class ScoreError(ValueError):
    """A score value that is not a number."""


class ScoreOutOfRange(ScoreError):
    """A score that is a number, but not from 0 to 100 %."""


def parse_score(value: Cell) -> tuple[float, bool] | None:
    """A score as ``(number, already_percent)``; None when empty.

    "85%" and "17/20" are percentages already (85.0); a bare number (0.85, 85) is returned
    as written, and the column decides whether it is a fraction (see
    :func:`scores_are_fractions`). Raises ScoreError for anything else (letter grades, words).
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ScoreError(str(value))
    if isinstance(value, int | float):
        number = float(value)
        if number != number:  # NaN
            return None
        return number, False
    if isinstance(value, date | datetime):
        raise ScoreError(cell_text(value) or "")
    text = collapse_spaces(value).replace(" ", "")
    if not text or is_null_token(text):
        return None
    if text.endswith("%"):
        body = text[:-1].replace(",", ".")
        if _NUMBER.match(body):
            return float(body), True
        raise ScoreError(value)
    fraction = _FRACTION.match(text)
    if fraction:
        top = float(fraction.group(1).replace(",", "."))
        bottom = float(fraction.group(2).replace(",", "."))
        if bottom == 0:
            raise ScoreError(value)
        return top * 100 / bottom, True
    body = text.replace(",", ".")
    if _NUMBER.match(body):
        return float(body), False
    raise ScoreError(value)


def scores_are_fractions(plain: list[float]) -> bool:
    """True when a column's bare numbers are all between 0 and 1 (0.85 meaning 85%)."""
    return bool(plain) and all(0 <= n <= 1 for n in plain) and any(n > 0 for n in plain)


def percent_score(value: Cell, fractions: bool) -> float | None:
    """A score from 0 to 100 %, rounded to 2 places; None when the cell is empty.

    ``fractions`` says the column's bare numbers are fractions (0.85 is 85 %). Raises
    ScoreOutOfRange for a number outside 0–100 %, ScoreError for anything else.
    """
    parsed = parse_score(value)
    if parsed is None:
        return None
    number, percent = parsed
    if fractions and not percent:
        number *= 100
    if not 0 <= number <= 100:
        raise ScoreOutOfRange(str(value))
    return round(number, 2)
