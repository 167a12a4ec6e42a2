"""Reading a metric's value as a person types it or a spreadsheet holds it.

"1,200", "1 200", "12.5", "12,5", "45 %" and "1.234,5" are all numbers; the last separator of
two kinds is the decimal one, and a lone comma followed by exactly three digits groups
thousands ("1,200" is one thousand two hundred). Anything else is not a number.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime

from app.roster.model import Cell
from app.roster.values import collapse_spaces, is_null_token

_PLAIN = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_GROUPED_DOTS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")
_SPACES = re.compile(r"[\s\u00a0\u202f']")


class NotANumber(ValueError):
    """A value that cannot be read as a number."""


def parse_number(value: Cell) -> float | None:
    """The number in ``value``; None when it is empty (or "N/A", "-").

    Raises NotANumber for text that is not a number, a date, or a true/false value.
    """
    if value is None:
        return None
    if isinstance(value, bool | date | datetime):
        raise NotANumber(str(value))
    if isinstance(value, int | float):
        number = float(value)
        if math.isnan(number):
            return None
        if math.isinf(number):
            raise NotANumber(str(value))
        return number
    text = collapse_spaces(value)
    if not text or is_null_token(text):
        return None
    body = _SPACES.sub("", text).removesuffix("%")
    body = body.replace("\u2212", "-")
    if _PLAIN.match(body):
        number = float(body)
    elif _GROUPED.match(body):
        number = float(body.replace(",", ""))
    elif _GROUPED_DOTS.match(body):
        number = float(body.replace(".", "").replace(",", "."))
    elif "," in body and "." not in body and _PLAIN.match(body.replace(",", ".")):
        number = float(body.replace(",", "."))
    elif "," in body and "." in body and body.rfind(",") < body.rfind("."):
        cleaned = body.replace(",", "")
        if not _PLAIN.match(cleaned):
            raise NotANumber(value)
        number = float(cleaned)
    else:
        raise NotANumber(value)
    if not math.isfinite(number):
        raise NotANumber(value)
    return number
