"""The look of a learning plan page: styles and column widths made once per document, and
the formatting of hours, dates and table cells that every plan shares.

Cells are plain text wherever the text fits one line in the main font: reportlab lays those
out far faster than Paragraphs, and a department's PDF has thousands of them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, TableStyle

from app.i18n import ngettext
from app.reports import palette
from app.reports.fonts import SANS, SANS_BOLD, font_runs, paragraph_markup
from app.reports.pdf_styles import ReportStyles
from app.reports.plans_blocks import LATE, colour
from app.services.organisation import track_label
from db.models import Track

MAX_GAPS = 8
"""At most this many gaps drawn; the rest are counted in a line under the bars."""
CELL_SIZE = 8.0
CELL_LEADING = 10.0
CELL_PADDING = 5.0
COLUMNS = (0.385, 0.13, 0.065, 0.22, 0.20)
"""Module, format, hours, planned, status: shares of the frame width."""


@dataclass(frozen=True)
class PlanLook:
    """Styles and widths built once per document and shared by every plan in it."""

    styles: ReportStyles
    width: float
    heading: ParagraphStyle
    intro: ParagraphStyle
    intro_tight: ParagraphStyle
    caption: ParagraphStyle
    bullet: ParagraphStyle
    note: ParagraphStyle
    late: ParagraphStyle
    title_cell: ParagraphStyle
    table_style: TableStyle
    columns: tuple[float, ...]


def plan_look(styles: ReportStyles, width: float) -> PlanLook:
    heading = ParagraphStyle(
        "PlanHeading",
        fontName=SANS_BOLD,
        fontSize=11,
        leading=14,
        textColor=colors.HexColor(palette.PRIMARY),
        spaceBefore=9,
        spaceAfter=4,
    )
    body = styles.body
    return PlanLook(
        styles=styles,
        width=width,
        heading=heading,
        intro=ParagraphStyle("PlanIntro", parent=body, spaceBefore=6, spaceAfter=2),
        intro_tight=ParagraphStyle("PlanIntroTight", parent=body, spaceBefore=0, spaceAfter=2),
        caption=ParagraphStyle("PlanCaption", parent=styles.caption, spaceBefore=3, spaceAfter=0),
        bullet=ParagraphStyle(
            "PlanBullet",
            parent=body,
            fontSize=8,
            leading=10.5,
            leftIndent=12,
            bulletIndent=2,
            bulletFontName=SANS,
            spaceAfter=2,
        ),
        note=ParagraphStyle(
            "PlanNote", parent=styles.note, spaceBefore=10, spaceAfter=0, fontSize=8.5
        ),
        late=ParagraphStyle(
            "PlanLate", parent=body, textColor=colors.HexColor(LATE), spaceBefore=2
        ),
        title_cell=ParagraphStyle(
            "PlanTitleCell", parent=styles.table_cell, fontSize=CELL_SIZE, leading=CELL_LEADING
        ),
        table_style=TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS, CELL_SIZE, CELL_LEADING),
                ("FONT", (0, 0), (-1, 0), SANS_BOLD, CELL_SIZE, CELL_LEADING),
                ("TEXTCOLOR", (0, 0), (-1, -1), colour(palette.INK)),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("BACKGROUND", (0, 0), (-1, 0), colour(palette.PRIMARY)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (2, 0), (2, -1), "RIGHT"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, colour(palette.RULE)),
            ]
        ),
        columns=tuple(share * width for share in COLUMNS),
    )


# -- formatting ---------------------------------------------------------------------------


def hours_number(hours: float) -> str:
    return f"{hours:,.1f}".removesuffix(".0")


def hours_text(hours: float) -> str:
    """ "1 hour", "2 hours", "1.5 hours"."""
    return ngettext("{h} hour", "{h} hours", 1 if hours == 1 else 2).format(h=hours_number(hours))


def short_date(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def planned_dates(start: date, end: date) -> str:
    """Planned dates: "3 Nov – 17 Nov 2026", across a year "28 Dec 2026 – 9 Jan 2027"."""
    if start == end:
        return short_date(start)
    if start.year == end.year:
        return f"{start.day} {start:%b} – {short_date(end)}"
    return f"{short_date(start)} – {short_date(end)}"


@functools.lru_cache(maxsize=8192)
def _fits(text: str, width: float, *, bold: bool = False) -> bool:
    """Whether ``text`` prints as one plain line in the main font within ``width``
    (remembered: module titles and dates come back on every page)."""
    runs = font_runs(text, bold=bold)
    main = SANS_BOLD if bold else SANS
    if len(runs) != 1 or runs[0][0] != main or "\n" in text:
        return False
    return float(stringWidth(text, main, CELL_SIZE)) <= width - 2 * CELL_PADDING


def cell(text: str, width: float, look: PlanLook, *, two_lines_at: str | None = None) -> Any:
    """A table cell: plain text when it fits one line (cheap), else broken in two at
    ``two_lines_at``, else a wrapping Paragraph with the font fallback."""
    if _fits(text, width):
        return text
    if two_lines_at and two_lines_at in text:
        first, second = text.split(two_lines_at, 1)
        if _fits(first.rstrip(), width) and _fits(second.lstrip(), width):
            return f"{first.rstrip()}{two_lines_at.rstrip()}\n{second.lstrip()}"
    return Paragraph(paragraph_markup(text), look.title_cell)


def track_name(track: str) -> str:
    try:
        return track_label(Track(track))
    except ValueError:
        return track
