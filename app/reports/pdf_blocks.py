"""Building blocks several PDF reports share beyond ``PdfKit``: coloured text, tables of ready
markup, bullets, call-out panels and headings left out of the contents.

They keep one look across reports (the maturity and the skills survey PDF use them) without
each report repeating fonts, colours and escaping.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from app.reports import palette
from app.reports.fonts import SANS, paragraph_markup
from app.reports.pdf_styles import PdfKit, data_table_style


def coloured(text: str, colour: str | None, *, bold: bool = False) -> str:
    """Plain text as Paragraph markup in ``colour`` (None: the style's colour)."""
    markup = paragraph_markup(text, bold=bold)
    if bold:
        markup = f"<b>{markup}</b>"
    return f'<font color="{colour}">{markup}</font>' if colour else markup


def markup_table(
    kit: PdfKit,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    column_widths: Sequence[float],
    numeric_columns: Sequence[int] = (),
) -> Table:
    """Like ``PdfKit.table`` but the body cells are ready markup (coloured arrows); the
    header is plain text. Widths are fractions of the frame."""
    s = kit.styles
    numeric = set(numeric_columns)
    data: list[list[Any]] = [
        [
            Paragraph(
                f"<b>{paragraph_markup(text, bold=True)}</b>",
                s.table_header_right if i in numeric else s.table_header,
            )
            for i, text in enumerate(header)
        ]
    ]
    data += [
        [
            Paragraph(markup, s.table_cell_right if i in numeric else s.table_cell)
            for i, markup in enumerate(row)
        ]
        for row in rows
    ]
    scale = kit.frame_width / sum(column_widths)
    table = Table(data, colWidths=[w * scale for w in column_widths], repeatRows=1, hAlign="LEFT")
    table.setStyle(data_table_style(rows=len(rows), numeric_columns=sorted(numeric)))
    return table


def subheading(kit: PdfKit, text: str) -> Flowable:
    """A level-2 heading left out of the contents (for headings repeated per item)."""
    return Paragraph(paragraph_markup(text, bold=True), kit.styles.heading2)


def bullet_style(kit: PdfKit) -> ParagraphStyle:
    return ParagraphStyle(
        "MaturityBullet",
        parent=kit.styles.body,
        leftIndent=14,
        bulletIndent=3,
        bulletFontName=SANS,
        spaceAfter=3,
    )


def bullets(kit: PdfKit, items: Sequence[str]) -> list[Flowable]:
    """Plain-text items as a bulleted list."""
    style = bullet_style(kit)
    return [Paragraph(paragraph_markup(item), style, bulletText="•") for item in items]


def callout(kit: PdfKit, title: str, text: str | None) -> Flowable:
    """A shaded panel with an accent bar: a headline and what it means."""
    title_style = ParagraphStyle(
        "CalloutTitle",
        parent=kit.styles.heading2,
        textColor=colors.HexColor(palette.PRIMARY),
        spaceBefore=0,
        spaceAfter=3,
    )
    body_style = ParagraphStyle("CalloutBody", parent=kit.styles.body, spaceAfter=0)
    cell: list[Flowable] = [Paragraph(paragraph_markup(title, bold=True), title_style)]
    if text:
        cell.append(Paragraph(paragraph_markup(text), body_style))
    table = Table([[cell]], colWidths=[kit.frame_width], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SANS),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(palette.PRIMARY_LIGHT)),
                ("LINEBEFORE", (0, 0), (0, -1), 3, colors.HexColor(palette.PRIMARY)),
                ("LEFTPADDING", (0, 0), (-1, -1), 12),
                ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                ("TOPPADDING", (0, 0), (-1, -1), 9),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
            ]
        )
    )
    return table
