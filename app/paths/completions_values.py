"""Reading the status words of an LMS export ("Passed", "In-Progress", "Enrolled").

Pure functions; scores and dates are read as in every import (``app.sheet_import.values``).
"""

from __future__ import annotations

import re

from app.roster.model import Cell
from app.roster.values import cell_text, collapse_spaces, is_null_token

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
