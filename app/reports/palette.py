"""The colours every report uses, as hex strings, shared by the PDF, its charts and the workbook."""

from __future__ import annotations

from app.i18n import _, translate

INK = "#1B2A41"
"""Body text and headings."""
PRIMARY = "#1F4E79"
"""Cover band, table headers, the first series."""
PRIMARY_LIGHT = "#DCE6F0"
MUTED = "#5C6B73"
"""Secondary text: captions, header and footer."""
RULE = "#C9D3DD"
ZEBRA = "#F3F6F9"
ACCENT = "#E07A1F"
OTHER = "#A7B1BA"
"""The "Other" slice or bar: folded small groups, unassigned people."""

SERIES = (
    "#1F4E79",
    "#E07A1F",
    "#3A9D8F",
    "#C8553D",
    "#7B6CA8",
    "#8AA339",
    "#D4A017",
    "#4F8FC0",
    "#B5657D",
    "#5C6B73",
)
"""Series colours in order; distinguishable in print and for most colour-vision deficiencies."""


def series_colour(index: int) -> str:
    """The colour of the ``index``-th series, cycling when there are more series than colours."""
    return SERIES[index % len(SERIES)]


def excel_colour(hex_colour: str) -> str:
    """The same colour as openpyxl wants it: RRGGBB without '#'."""
    return hex_colour.lstrip("#").upper()


TRACK_COLOURS = {
    "executive": SERIES[0],
    "technical": SERIES[2],
    "domain expert": SERIES[1],
    "frontline": SERIES[4],
    "custom": SERIES[5],
}
"""Each learning track keeps its colour in every chart of every report."""

_NO_TRACK = {"no track", "no role", "unassigned", "none", "not assigned"}


def track_colour(label: str, index: int) -> str:
    """The colour of a learning track by its name; grey for no track, others after these."""
    key = label.strip().lower()
    if key in TRACK_COLOURS:
        return TRACK_COLOURS[key]
    if key in _NO_TRACK:
        return OTHER
    # Labels come translated ("Executive" is track_label(Track.EXECUTIVE)): match those too.
    for name, colour in TRACK_COLOURS.items():
        if key == translate(name.capitalize()).strip().lower():
            return colour
    if key == _("No role").strip().lower():
        return OTHER
    return series_colour(len(TRACK_COLOURS) + index)
