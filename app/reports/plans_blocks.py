"""The drawn parts of a learning plan page: the name band, the gap bars and the progress bar.

They draw straight on the canvas (rectangles and single lines of text with the report's
font fallback) rather than through Paragraphs or charts: a department's PDF has a page per
person, so each part must cost next to nothing to lay out. The band also bookmarks the
page in the PDF's outline, one entry per person.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from app.reports import palette
from app.reports.fonts import Anchor, fit_text, font_runs

DONE = "#2E8B57"
"""A finished module: green that prints dark enough on white."""
LATE = "#C8553D"
"""Overdue: the report's warm red."""
SOFT = "#BFD3E6"
"""Small text on the primary band."""
TO_LEARN = "#F6D7B8"
"""The part of a skill bar between a person's level and their target."""

_colours: dict[str, Color] = {}


@functools.lru_cache(maxsize=8192)
def _runs(text: str, size: float, bold: bool) -> tuple[tuple[tuple[str, str, float], ...], float]:
    """``text`` as (font, run, width) pieces and its whole width: the same labels (skill and
    level names, headings) come back on every page, so each is measured once."""
    pieces = tuple(
        (font, run, float(pdfmetrics.stringWidth(run, font, size)))
        for font, run in font_runs(text, bold=bold)
    )
    return pieces, sum(piece[2] for piece in pieces)


@functools.lru_cache(maxsize=8192)
def fitted(text: str, width: float, size: float, *, bold: bool = False) -> str:
    """``fonts.fit_text``, remembered: skill names come back on every page."""
    return fit_text(text, width, size, bold=bold)


def draw_line(
    canvas: Any,
    x: float,
    y: float,
    text: str,
    *,
    size: float,
    bold: bool = False,
    anchor: Anchor = "start",
    fill: str | None = None,
) -> None:
    """``fonts.draw_text`` with the measuring remembered (see ``_runs``)."""
    pieces, width = _runs(text, size, bold)
    if anchor == "end":
        x -= width
    elif anchor == "middle":
        x -= width / 2
    if fill:
        canvas.setFillColor(colour(fill))
    for font, run, run_width in pieces:
        canvas.setFont(font, size)
        canvas.drawString(x, y, run)
        x += run_width


def colour(hex_colour: str) -> Color:
    """A reportlab colour, made once per hex string (pages draw the same few thousands of
    times)."""
    found = _colours.get(hex_colour)
    if found is None:
        found = _colours[hex_colour] = HexColor(hex_colour)
    return found


class PlanBand(Flowable):  # type: ignore[misc]
    """The coloured head of a plan: the person's name, who they are, the path dates on the
    right; bookmarked as one outline entry named after the person."""

    def __init__(
        self,
        *,
        kicker: str,
        name: str,
        lines: Sequence[str],
        facts: Sequence[tuple[str, str]],
        bookmark: str,
        width: float,
    ) -> None:
        super().__init__()
        self.kicker = kicker
        self.name = name
        self.lines = list(lines)
        self.facts = list(facts)
        self.bookmark = bookmark
        self.band_width = width
        self.band_height = (17 + 5.2 * max(len(self.lines), len(self.facts), 1)) * mm

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.band_width, self.band_height + 2.5 * mm

    def draw(self) -> None:
        canvas = self.canv
        width, height = self.band_width, self.band_height
        accent = 2.5 * mm
        canvas.saveState()
        canvas.setFillColor(colour(palette.PRIMARY))
        canvas.rect(0, accent, width, height, stroke=0, fill=1)
        canvas.setFillColor(colour(palette.ACCENT))
        canvas.rect(0, 0, width, accent, stroke=0, fill=1)
        left = 6 * mm
        facts_width = 52 * mm if self.facts else 0.0
        text_width = width - 2 * left - facts_width
        top = accent + height
        draw_line(canvas, left, top - 6.5 * mm, self.kicker.upper(), size=7.5, bold=True, fill=SOFT)
        draw_line(
            canvas,
            left,
            top - 14.5 * mm,
            fitted(self.name, text_width, 19, bold=True),
            size=19,
            bold=True,
            fill="#FFFFFF",
        )
        y = top - 20.5 * mm
        for text in self.lines:
            draw_line(
                canvas, left, y, fitted(text, text_width, 9), size=9, fill=palette.PRIMARY_LIGHT
            )
            y -= 5.2 * mm
        if self.facts:
            x = width - left
            y = top - 7 * mm
            for label, value in self.facts:
                draw_line(canvas, x, y, label.upper(), size=6.5, bold=True, anchor="end", fill=SOFT)
                draw_line(
                    canvas,
                    x,
                    y - 4.2 * mm,
                    value,
                    size=9.5,
                    bold=True,
                    anchor="end",
                    fill="#FFFFFF",
                )
                y -= 10.5 * mm
        canvas.restoreState()
        canvas.bookmarkPage(self.bookmark)
        canvas.addOutlineEntry(self.name, self.bookmark, level=0)


@dataclass(frozen=True)
class GapBar:
    skill: str
    level: int
    target: int
    levels_text: str
    """E.g. "Aware → Proficient"."""
    gap_text: str


class GapBars(Flowable):  # type: ignore[misc]
    """One row per skill below target: the skill, four level boxes (filled to the person's
    level, shaded on to the target) and the level names."""

    ROW = 5.4 * mm
    BOX = 7.5 * mm
    BOX_GAP = 0.9 * mm
    SIZE = 8.5

    def __init__(self, bars: Sequence[GapBar], *, width: float, top_level: int = 4) -> None:
        super().__init__()
        self.bars = list(bars)
        self.chart_width = width
        self.top_level = top_level

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.chart_width, self.ROW * len(self.bars)

    def draw(self) -> None:
        canvas = self.canv
        name_width = 0.36 * self.chart_width
        boxes_x = name_width + 2 * mm
        text_x = boxes_x + self.top_level * (self.BOX + self.BOX_GAP) + 3 * mm
        canvas.saveState()
        canvas.setLineWidth(0.6)
        y = self.ROW * len(self.bars)
        for bar in self.bars:
            y -= self.ROW
            baseline = y + 1.6 * mm
            draw_line(
                canvas,
                0,
                baseline,
                fitted(bar.skill, name_width, self.SIZE),
                size=self.SIZE,
                fill=palette.INK,
            )
            for step in range(1, self.top_level + 1):
                x = boxes_x + (step - 1) * (self.BOX + self.BOX_GAP)
                if step <= bar.level:
                    canvas.setFillColor(colour(palette.PRIMARY))
                    canvas.setStrokeColor(colour(palette.PRIMARY))
                elif step <= bar.target:
                    canvas.setFillColor(colour(TO_LEARN))
                    canvas.setStrokeColor(colour(palette.ACCENT))
                else:
                    canvas.setFillColor(colour(palette.ZEBRA))
                    canvas.setStrokeColor(colour(palette.RULE))
                canvas.rect(x, y + 1.1 * mm, self.BOX, 3.0 * mm, stroke=1, fill=1)
            draw_line(canvas, text_x, baseline, bar.levels_text, size=self.SIZE, fill=palette.INK)
            draw_line(
                canvas,
                self.chart_width,
                baseline,
                bar.gap_text,
                size=self.SIZE - 0.5,
                anchor="end",
                fill=palette.MUTED,
            )
        canvas.restoreState()


class ProgressBar(Flowable):  # type: ignore[misc]
    """A line of text over a bar filled to ``share`` (0–1), with the percentage at its end."""

    def __init__(
        self, text: str, share: float, *, width: float, fill: str = palette.PRIMARY
    ) -> None:
        super().__init__()
        self.text = text
        self.share = min(max(share, 0.0), 1.0)
        self.bar_width = width
        self.fill = fill

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.bar_width, 11 * mm

    def draw(self) -> None:
        canvas = self.canv
        width = self.bar_width
        canvas.saveState()
        draw_line(
            canvas,
            0,
            6.5 * mm,
            fitted(self.text, width - 20 * mm, 9.5),
            size=9.5,
            fill=palette.INK,
        )
        draw_line(
            canvas,
            width,
            6.5 * mm,
            f"{self.share:.0%}",
            size=11,
            bold=True,
            anchor="end",
            fill=self.fill,
        )
        canvas.setFillColor(colour(palette.ZEBRA))
        canvas.setStrokeColor(colour(palette.RULE))
        canvas.setLineWidth(0.5)
        canvas.roundRect(0, 0.8 * mm, width, 3.6 * mm, 1.8 * mm, stroke=1, fill=1)
        if self.share > 0:
            canvas.setFillColor(colour(self.fill))
            canvas.roundRect(
                0, 0.8 * mm, max(width * self.share, 3.6 * mm), 3.6 * mm, 1.8 * mm, stroke=0, fill=1
            )
        canvas.restoreState()
