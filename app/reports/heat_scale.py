"""The colour scales of the skills heatmaps, shared by the PDF and the workbook.

A mean gap runs from 0 (no gap) to 4 (four levels below target) on a sequential scale from
pale to deep orange; the workbook's colour-scale rule uses the same three stops, so a cell
looks the same on paper and in Excel. A change in the gap runs on a diverging scale: green
where the gap shrank, red where it grew.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from app.reports import palette

GAP_MAX = 4.0
"""The largest possible gap: a target of 4 (expert) and a level of 0 (none)."""

GAP_STOPS: tuple[tuple[float, str], ...] = (
    (0.0, "#FFF5EB"),
    (2.0, "#FD8D3C"),
    (4.0, "#8C2D04"),
)
"""(gap, colour) from no gap to the largest gap; the Excel rule uses the same stops."""

WITHHELD_FILL = "#E6E9EC"
"""Cells withheld to protect anonymity: neutral grey (hatched in the PDF)."""
WITHHELD_HATCH = "#B4BCC4"
NO_DATA_FILL = "#FFFFFF"
"""Cells no one has rated yet."""

BETTER = palette.SERIES[2]
"""A gap that shrank (the same green as 'improved' in the maturity report)."""
WORSE = palette.SERIES[3]
"""A gap that grew."""
CHANGE_RANGE = 2.0
"""A change of this many levels or more gets the strongest colour."""

DARK_TEXT_FROM = 2.3
"""From this gap on, the cell is dark enough that its figure is printed in white."""


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _hex(rgb: Sequence[float]) -> str:
    return "#" + "".join(f"{round(min(max(c, 0), 255)):02X}" for c in rgb)


def mix(start: str, end: str, share: float) -> str:
    """The colour ``share`` (0–1) of the way from ``start`` to ``end``."""
    share = min(max(share, 0.0), 1.0)
    a, b = _rgb(start), _rgb(end)
    return _hex([x + (y - x) * share for x, y in zip(a, b, strict=True)])


def gap_colour(gap: float) -> str:
    """The fill of a cell with this mean gap, interpolated between the stops."""
    value = min(max(gap, GAP_STOPS[0][0]), GAP_STOPS[-1][0])
    for (low, low_colour), (high, high_colour) in pairwise(GAP_STOPS):
        if value <= high:
            return mix(low_colour, high_colour, (value - low) / (high - low))
    return GAP_STOPS[-1][1]


def gap_text_colour(gap: float) -> str:
    """Ink on pale cells, white on dark ones, so the figure always reads."""
    return "#FFFFFF" if gap >= DARK_TEXT_FROM else palette.INK


def change_colour(change: float) -> str:
    """Green for a gap that shrank, red for one that grew, white for no change."""
    share = min(abs(change) / CHANGE_RANGE, 1.0) * 0.85
    if round(change, 1) < 0:
        return mix("#FFFFFF", BETTER, share)
    if round(change, 1) > 0:
        return mix("#FFFFFF", WORSE, share)
    return "#FFFFFF"


def change_text_colour(change: float) -> str:
    return "#FFFFFF" if abs(change) >= CHANGE_RANGE * 0.6 else palette.INK
