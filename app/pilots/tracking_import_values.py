"""Reading one cell of a measurements spreadsheet: numbers, whole numbers, weeks, features.

Pure and forgiving about how people type: "2,5", "3 days", "1.5 h" and "45 min" are
numbers, "Week 3" and "W3" are weeks, and features may be written by their label, their
key or the start of their label ("Drafting" for "Drafting text").
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from datetime import date, datetime

from app.roster.model import Cell
from app.roster.values import collapse_spaces
from app.sheet_import.values import is_blank, normalise_title

_NUMBER = re.compile(r"^([+-]?\d+(?:[.,]\d+)?|[+-]?[.,]\d+)\s*([^\d\s]*)$")
_UNITS = frozenset(
    {
        "",
        "h",
        "hr",
        "hrs",
        "hour",
        "hours",
        "min",
        "mins",
        "minute",
        "minutes",
        "m",
        "day",
        "days",
        "d",
        "x",
        "times",
        "pts",
        "points",
    }
)
_WEEK = re.compile(r"^(?:week|wk|w)\.?\s*#?\s*(-?\d+)$", re.IGNORECASE)
_SPLIT = re.compile(r"[,;|/\n]+")


class NotANumber(ValueError):
    """A cell that should hold a number but holds something else."""


class UnknownFeatures(ValueError):
    """Feature names in a cell that match none of the features of a check-in."""

    def __init__(self, names: list[str]) -> None:
        super().__init__(", ".join(names))
        self.names = names


def read_number(value: Cell) -> float | None:
    """The number in a cell, None when it is empty; NotANumber for anything else."""
    if is_blank(value):
        return None
    if isinstance(value, bool | date | datetime):
        raise NotANumber(str(value))
    if isinstance(value, int | float):
        number = float(value)
        if number != number:  # NaN
            return None
        return number
    assert isinstance(value, str)
    text = collapse_spaces(value).casefold()
    match = _NUMBER.match(text)
    if not match or match.group(2).rstrip(".") not in _UNITS:
        raise NotANumber(value)
    return float(match.group(1).replace(",", "."))


def read_whole(value: Cell) -> int | None:
    """A whole number; NotANumber for text, ValueError for a number with a fraction."""
    number = read_number(value)
    if number is None:
        return None
    if not number.is_integer():
        raise ValueError(str(number))
    return int(number)


def read_week(value: Cell) -> int | None:
    """The pilot week in a cell ("3", 3, "Week 3", "W3"); NotANumber for anything else."""
    if isinstance(value, str):
        match = _WEEK.match(collapse_spaces(value))
        if match:
            return int(match.group(1))
    try:
        return read_whole(value)
    except ValueError as exc:
        raise NotANumber(str(value)) from exc


def read_features(value: Cell, features: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    """The feature keys named in a cell, in the order of ``features``.

    ``features`` are the (key, label) pairs of a check-in. Raises UnknownFeatures naming
    the parts of the cell that match no feature, or match several.
    """
    if is_blank(value):
        return ()
    written = value if isinstance(value, str) else str(value)
    names = {normalise_title(key): key for key, _label in features}
    labels = {normalise_title(label): key for key, label in features}
    chosen: set[str] = set()
    unknown: list[str] = []
    for part in _SPLIT.split(written):
        text = collapse_spaces(part)
        if not text:
            continue
        key = normalise_title(text)
        found = names.get(key) or labels.get(key)
        if found is None and len(key) >= 4:
            starting = {k for label, k in labels.items() if label.startswith(key)}
            if len(starting) == 1:
                found = starting.pop()
        if found is None:
            close = difflib.get_close_matches(key, list(labels), n=2, cutoff=0.8)
            if len(close) == 1:
                found = labels[close[0]]
        if found is None:
            unknown.append(text)
        else:
            chosen.add(found)
    if unknown:
        raise UnknownFeatures(unknown)
    return tuple(key for key, _label in features if key in chosen)
