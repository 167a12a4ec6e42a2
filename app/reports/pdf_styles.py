"""The look of every PDF report, and the building blocks a report's story is made of.

``PdfKit`` is what a section gets: it turns plain user text and figures into styled
flowables (headings that feed the contents, paragraphs, key-figure tiles, tables, charts),
so sections say *what* to show and never repeat fonts, colours or escaping.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.reports import palette
from app.reports.fonts import SANS, SANS_BOLD, paragraph_markup, register_fonts

Cell = str | int | float | None


def _hex(colour: str) -> colors.Color:
    return colors.HexColor(colour)


@dataclass(frozen=True)
class ReportStyles:
    """Paragraph styles of a report, built once per document."""

    title: ParagraphStyle
    cover_org: ParagraphStyle
    cover_subtitle: ParagraphStyle
    cover_meta: ParagraphStyle
    heading1: ParagraphStyle
    heading2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    caption: ParagraphStyle
    note: ParagraphStyle
    table_header: ParagraphStyle
    table_header_right: ParagraphStyle
    table_cell: ParagraphStyle
    table_cell_right: ParagraphStyle
    figure_value: ParagraphStyle
    figure_label: ParagraphStyle
    toc_levels: list[ParagraphStyle] = field(default_factory=list)


def build_styles() -> ReportStyles:
    """The report styles: DejaVu Sans throughout, ink text, blue headings."""
    register_fonts()
    ink, muted, primary = _hex(palette.INK), _hex(palette.MUTED), _hex(palette.PRIMARY)
    body = ParagraphStyle(
        "Body", fontName=SANS, fontSize=9.5, leading=14, textColor=ink, spaceAfter=6
    )
    cell = ParagraphStyle(
        "TableCell", parent=body, fontSize=8.5, leading=11, spaceAfter=0, spaceBefore=0
    )
    header = ParagraphStyle("TableHeader", parent=cell, fontName=SANS_BOLD, textColor=colors.white)
    return ReportStyles(
        title=ParagraphStyle(
            "CoverTitle", fontName=SANS_BOLD, fontSize=30, leading=36, textColor=colors.white
        ),
        cover_org=ParagraphStyle(
            "CoverOrganisation", fontName=SANS_BOLD, fontSize=20, leading=26, textColor=ink
        ),
        cover_subtitle=ParagraphStyle(
            "CoverSubtitle", fontName=SANS, fontSize=12.5, leading=18, textColor=_hex("#DCE6F0")
        ),
        cover_meta=ParagraphStyle(
            "CoverMeta", fontName=SANS, fontSize=10, leading=15, textColor=muted
        ),
        heading1=ParagraphStyle(
            "Heading1",
            fontName=SANS_BOLD,
            fontSize=18,
            leading=23,
            textColor=primary,
            spaceBefore=0,
            spaceAfter=10,
        ),
        heading2=ParagraphStyle(
            "Heading2",
            fontName=SANS_BOLD,
            fontSize=12,
            leading=16,
            textColor=ink,
            spaceBefore=14,
            spaceAfter=6,
        ),
        body=body,
        small=ParagraphStyle("Small", parent=body, fontSize=7.5, leading=10, textColor=muted),
        caption=ParagraphStyle(
            "Caption", parent=body, fontSize=8, leading=11, textColor=muted, spaceBefore=2
        ),
        note=ParagraphStyle(
            "Note",
            parent=body,
            fontSize=8.5,
            leading=12,
            textColor=ink,
            backColor=_hex(palette.PRIMARY_LIGHT),
            borderPadding=(6, 8, 6, 8),
            leftIndent=8,
            rightIndent=8,
            spaceBefore=12,
            spaceAfter=14,
        ),
        table_header=header,
        table_header_right=ParagraphStyle("TableHeaderRight", parent=header, alignment=TA_RIGHT),
        table_cell=cell,
        table_cell_right=ParagraphStyle("TableCellRight", parent=cell, alignment=TA_RIGHT),
        figure_value=ParagraphStyle(
            "FigureValue",
            fontName=SANS_BOLD,
            fontSize=20,
            leading=24,
            textColor=primary,
            alignment=TA_LEFT,
        ),
        figure_label=ParagraphStyle(
            "FigureLabel", fontName=SANS, fontSize=8, leading=10.5, textColor=muted
        ),
        toc_levels=[
            ParagraphStyle(
                "TOC1",
                fontName=SANS_BOLD,
                fontSize=11,
                leading=16,
                textColor=ink,
                leftIndent=0,
                firstLineIndent=0,
                spaceBefore=8,
            ),
            ParagraphStyle(
                "TOC2",
                fontName=SANS,
                fontSize=9.5,
                leading=14,
                textColor=ink,
                leftIndent=14,
                firstLineIndent=0,
            ),
        ],
    )


def data_table_style(*, rows: int, numeric_columns: Sequence[int] = ()) -> TableStyle:
    """Header shaded in the primary colour, zebra rows, hairlines, numbers on the right."""
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), SANS),
        ("BACKGROUND", (0, 0), (-1, 0), _hex(palette.PRIMARY)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, _hex(palette.RULE)),
    ]
    for row in range(2, rows + 1, 2):
        commands.append(("BACKGROUND", (0, row), (-1, row), _hex(palette.ZEBRA)))
    for column in numeric_columns:
        commands.append(("ALIGN", (column, 0), (column, -1), "RIGHT"))
    return TableStyle(commands)


class Heading(Paragraph):  # type: ignore[misc]
    """A heading that the document lists in its contents and bookmarks."""

    def __init__(self, text: str, style: ParagraphStyle, level: int) -> None:
        self.markup = paragraph_markup(text, bold=True)
        super().__init__(self.markup, style)
        self.level = level
        self.plain_text = text


@dataclass
class PdfKit:
    """What a report section uses to build its part of the story."""

    styles: ReportStyles
    frame_width: float

    def heading(self, text: str, level: int = 1) -> Flowable:
        """A numbered-free heading (level 1 or 2) that appears in the contents."""
        style = self.styles.heading1 if level <= 1 else self.styles.heading2
        return Heading(text, style, level=min(max(level, 1), 2))

    def chapter(self, text: str) -> list[Flowable]:
        """A level-1 heading with a rule under it; chapters start on a new page."""
        from reportlab.platypus import HRFlowable, PageBreak

        return [
            PageBreak(),
            self.heading(text, 1),
            HRFlowable(
                width="100%",
                thickness=1.2,
                color=_hex(palette.ACCENT),
                spaceAfter=10,
                hAlign="LEFT",
            ),
        ]

    def paragraph(self, text: str, style: ParagraphStyle | None = None) -> Flowable:
        """Plain text (escaped, with script fallback) as a paragraph."""
        chosen = style or self.styles.body
        return Paragraph(paragraph_markup(text, bold=chosen.fontName == SANS_BOLD), chosen)

    def caption(self, text: str) -> Flowable:
        return self.paragraph(text, self.styles.caption)

    def note(self, text: str) -> Flowable:
        """A shaded call-out, for privacy notes and how to read a figure."""
        return self.paragraph(text, self.styles.note)

    def empty_state(self, text: str) -> Flowable:
        """What to show when there is nothing to show yet, saying what to do first."""
        return self.paragraph(text, self.styles.note)

    def spacer(self, height_mm: float = 4) -> Flowable:
        return Spacer(1, height_mm * mm)

    def key_figures(self, figures: Sequence[tuple[str, str]], *, per_row: int = 4) -> Flowable:
        """Tiles of big numbers with a label under each, ``(label, formatted value)``."""
        tiles = [
            [
                Paragraph(paragraph_markup(value, bold=True), self.styles.figure_value),
                Paragraph(paragraph_markup(text), self.styles.figure_label),
            ]
            for text, value in figures
        ]
        rows: list[list[Any]] = [tiles[i : i + per_row] for i in range(0, len(tiles), per_row)]
        if rows and len(rows[-1]) < per_row:
            rows[-1] = rows[-1] + [""] * (per_row - len(rows[-1]))
        gap = 6.0
        column = (self.frame_width - gap * (per_row - 1)) / per_row
        widths: list[float] = []
        for i in range(per_row):
            widths.append(column)
            if i < per_row - 1:
                widths.append(gap)
        spaced = [[c for cell in row for c in (cell, "")][:-1] for row in rows]
        table = Table(spaced, colWidths=widths, hAlign="LEFT")
        commands: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), SANS),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 8),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
            ("LEFTPADDING", (0, 0), (-1, -1), 9),
        ]
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if cell != "":
                    commands.append(("BACKGROUND", (2 * c, r), (2 * c, r), _hex(palette.ZEBRA)))
                    commands.append(
                        ("LINEBEFORE", (2 * c, r), (2 * c, r), 2.5, _hex(palette.PRIMARY))
                    )
        for r in range(len(rows) - 1):
            commands.append(("LINEBELOW", (0, r), (-1, r), gap, colors.white))
        table.setStyle(TableStyle(commands))
        return table

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        *,
        column_widths: Sequence[float] | None = None,
        numeric_columns: Sequence[int] = (),
        total_row: Sequence[Cell] | None = None,
    ) -> Flowable:
        """A data table whose header repeats on every page; widths are fractions of the
        frame (they need not add up to 1) or None for equal columns."""
        numeric = set(numeric_columns)

        def cell(
            value: Cell,
            column: int,
            style_left: ParagraphStyle,
            style_right: ParagraphStyle,
            bold: bool = False,
        ) -> Paragraph:
            if value is None:
                text = "–"
            elif isinstance(value, int):
                text = f"{value:,}"
            elif isinstance(value, float):
                text = f"{value:,.1f}"
            else:
                text = value
            style = style_right if column in numeric else style_left
            markup = paragraph_markup(text, bold=bold)
            return Paragraph(f"<b>{markup}</b>" if bold else markup, style)

        s = self.styles
        data = [
            [cell(h, i, s.table_header, s.table_header_right, True) for i, h in enumerate(header)]
        ]
        data += [
            [cell(v, i, s.table_cell, s.table_cell_right) for i, v in enumerate(row)]
            for row in rows
        ]
        if total_row is not None:
            data.append(
                [
                    cell(v, i, s.table_cell, s.table_cell_right, True)
                    for i, v in enumerate(total_row)
                ]
            )
        if column_widths:
            scale = self.frame_width / sum(column_widths)
            widths = [w * scale for w in column_widths]
        else:
            widths = [self.frame_width / len(header)] * len(header)
        table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
        style = data_table_style(rows=len(rows), numeric_columns=sorted(numeric))
        if total_row is not None:
            style.add("LINEABOVE", (0, -1), (-1, -1), 1.0, _hex(palette.INK))
            style.add("BACKGROUND", (0, -1), (-1, -1), colors.white)
        table.setStyle(style)
        return table

    def figure(self, drawing: Flowable, caption: str | None = None) -> Flowable:
        """A chart kept together with its caption, moved to the next page if it does not fit."""
        parts: list[Flowable] = [drawing]
        if caption:
            parts.append(self.caption(caption))
        parts.append(Spacer(1, 4 * mm))
        return KeepTogether(parts)

    def keep_room(self, height_mm: float) -> Flowable:
        """Start a new page unless this much room is left (so a heading never ends a page)."""
        return CondPageBreak(height_mm * mm)
