"""Reading the values of an LMS export: status words, scores and completion dates.

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

COMPLETED = "completed"
IN_PROGRESS = "in_progress"
NOT_STARTED = "not_started"

_COMPLETED_WORDS = frozenset(
    {
        "completed",
        "complete",
        "completed successfully",
        "passed",
        "pass",
        "done",
        "finished",
        "attended",
        "satisfied",
        "certified",
        "achieved",
        "successful",
        "success",
        "yes",
        "y",
        "true",
        "c",
        "p",
        "completed passed",
        "passed completed",
        "complete passed",
        "100%",
    }
)
_IN_PROGRESS_WORDS = frozenset(
    {
        "in progress",
        "inprogress",
        "started",
        "ongoing",
        "incomplete",
        "not complete",
        "not completed",
        "attempted",
        "in process",
        "partially completed",
        "partial",
        "pending",
        "pending approval",
        "awaiting grading",
        "submitted",
        "failed",
        "fail",
        "not passed",
        "did not pass",
        "completed failed",
        "f",
        "i",
    }
)
_NOT_STARTED_WORDS = frozenset(
    {
        "not started",
        "notstarted",
        "not attempted",
        "enrolled",
        "enrollled",
        "registered",
        "assigned",
        "not yet started",
        "no",
        "n",
        "false",
        "waitlisted",
        "wait listed",
        "cancelled",
        "canceled",
        "withdrawn",
        "no show",
        "did not attend",
        "absent",
        "expired",
        "open",
        "new",
    }
)
FAILED_WORDS = frozenset({"failed", "fail", "not passed", "did not pass", "completed failed", "f"})
"""Status words that mean an attempt without success: recorded as in progress."""


def status_word(value: Cell) -> str | None:
    """The status as a comparable word ("In-Progress" -> "in progress"), None when empty."""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = cell_text(value)
    if text is None:
        return None
    text = collapse_spaces(re.sub(r"[_\-–—/:,.]+", " ", text)).casefold()
    if not text or is_null_token(text):
        return None
    return text


def parse_status(word: str) -> str | None:
    """completed, in_progress or not_started for a status word; None when not understood."""
    if word in _COMPLETED_WORDS:
        return COMPLETED
    if word in _IN_PROGRESS_WORDS:
        return IN_PROGRESS
    if word in _NOT_STARTED_WORDS:
        return NOT_STARTED
    return None


_FRACTION = re.compile(r"^(\d+(?:[.,]\d+)?)\s*/\s*(\d+(?:[.,]\d+)?)$")
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


class ScoreError(ValueError):
    """A score value that is not a number."""


def parse_score(value: Cell) -> tuple[float, bool] | None:
    """A score as ``(number, already_percent)``; None when empty.

    "85%" and "17/20" are percentages already (85.0); a bare number (0.85, 85) is returned
    as written, and the column decides whether it is a fraction (see :func:`scale_scores`).
    Raises ScoreError for anything else (letter grades, words).
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


def read_date(value: Cell, *, date_1904: bool, day_first: bool) -> date | None:
    """A completion date from a cell (a date, an Excel serial number or text); None when the
    cell is empty or can't be read. Use :func:`is_blank` to tell the two apart."""
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


def is_blank(value: Cell) -> bool:
    """True for an empty cell or a placeholder such as "N/A" or "-"."""
    text = cell_text(value)
    return text is None or not collapse_spaces(text) or is_null_token(collapse_spaces(text))


def normalise_title(text: str) -> str:
    """A module title or key as compared: no case, spaces or punctuation."""
    return re.sub(r"[\W_]+", "", text.casefold())
