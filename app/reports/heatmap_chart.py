"""A heatmap for PDF reports: labelled rows × columns of coloured cells, and its legend.

The caller decides what each cell looks like (``GridCell``: fill, figure, hatching), so the
same grid draws the skills gaps and their change since the baseline. Column headings are
turned upright so ten skills fit across a portrait page; ``HeatGrid`` breaks a long table
between rows at the foot of a page and repeats the headings. Built from the parts of
``app.reports.charts`` (fonts with fallback, labels, the chart theme).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Group, Line, Rect
from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable

from app.reports import palette
from app.reports.charts import DEFAULT_THEME, ChartTheme, label, new_drawing, wrap_label
from app.reports.fonts import register_fonts, text_width

HEADER_SIZE = 7.5
CELL_SIZE = 8.0


@dataclass(frozen=True)
class GridCell:
    """How one cell is drawn: its fill, the figure in it, and whether it is hatched."""

    text: str
    fill: str
    text_colour: str = palette.INK
    hatched: bool = False
    hatch_colour: str = palette.RULE
    outlined: bool = False
    """A thin outline, for white cells that would otherwise vanish."""


def hatched_rect(x: float, y: float, w: float, h: float, fill: str, hatch: str) -> Group:
    """A rectangle filled with ``fill`` and crossed by diagonal lines in ``hatch``."""
    group = Group()
    group.add(Rect(x, y, w, h, fillColor=HexColor(fill), strokeColor=None))
    step = 4.0
    offset = -w
    while offset < h:
        # The line v = u + offset (u, v measured from the corner), cut to the rectangle.
        u1, u2 = max(0.0, -offset), min(w, h - offset)
        if u2 > u1:
            group.add(
                Line(
                    x + u1,
                    y + u1 + offset,
                    x + u2,
                    y + u2 + offset,
                    strokeColor=HexColor(hatch),
                    strokeWidth=0.6,
                )
            )
        offset += step
    return group


def draw_cell(x: float, y: float, w: float, h: float, cell: GridCell, *, size: float) -> Group:
    """One cell with its figure centred."""
    group = Group()
    if cell.hatched:
        group.add(hatched_rect(x, y, w, h, cell.fill, cell.hatch_colour))
    else:
        group.add(
            Rect(
                x,
                y,
                w,
                h,
                fillColor=HexColor(cell.fill),
                strokeColor=HexColor(palette.RULE) if cell.outlined else None,
                strokeWidth=0.5,
            )
        )
    if cell.text:
        group.add(
            label(
                x + w / 2,
                y + h / 2 - size * 0.35,
                cell.text,
                size=size,
                anchor="middle",
                colour=cell.text_colour,
            )
        )
    return group


def _upright_heading(
    x_centre: float, y_bottom: float, lines: Sequence[str], *, line_h: float, theme: ChartTheme
) -> Group:
    """A column heading turned to read from bottom to top, centred over its column."""
    inner = Group()
    for k, text in enumerate(lines):
        inner.add(label(0, -k * line_h, text, theme=theme, size=HEADER_SIZE))
    block = len(lines) * line_h
    inner.translate(x_centre - block / 2 + HEADER_SIZE * 0.8, y_bottom)
    inner.rotate(90)
    return inner


def heat_grid(
    rows: Sequence[str],
    columns: Sequence[str],
    cell_at: Callable[[int, int], GridCell],
    *,
    width: float,
    header_height: float | None = None,
    label_width: float | None = None,
    row_height: float | None = None,
    theme: ChartTheme = DEFAULT_THEME,
) -> Drawing:
    """One drawing: row labels on the left, upright column headings on top, a cell for each
    (row index, column index) from ``cell_at``. Pass ``header_height``, ``label_width`` and
    ``row_height`` to give several drawings of one table the same columns and rows."""
    register_fonts()
    size = theme.font_size
    labels_w = label_width if label_width is not None else row_label_width(rows, width)
    col_w = (width - labels_w) / max(len(columns), 1)
    line_h = HEADER_SIZE + 1.5
    heading_lines = 2 if col_w >= 2 * line_h + 4 else 1
    header_h = header_height or column_header_height(columns, width, label_width=labels_w)
    wrapped_rows = [wrap_label(text, labels_w - 8, size, max_lines=2) for text in rows]
    row_h = row_height or grid_row_height(rows, labels_w, size)
    height = header_h + row_h * len(rows) + 2
    drawing = new_drawing(width, height)
    grid_top = height - header_h

    for j, text in enumerate(columns):
        lines = wrap_label(text, header_h - 10, HEADER_SIZE, max_lines=heading_lines)
        x_centre = labels_w + col_w * (j + 0.5)
        drawing.add(_upright_heading(x_centre, grid_top + 5, lines, line_h=line_h, theme=theme))

    for i, lines in enumerate(wrapped_rows):
        y = grid_top - (i + 1) * row_h
        first = y + row_h / 2 + (len(lines) - 1) * (size + 1) / 2 - size * 0.35
        for k, text in enumerate(lines):
            drawing.add(
                label(labels_w - 8, first - k * (size + 1), text, theme=theme, anchor="end")
            )
        for j in range(len(columns)):
            cell = cell_at(i, j)
            x = labels_w + j * col_w
            drawing.add(draw_cell(x + 1, y + 1, col_w - 2, row_h - 2, cell, size=CELL_SIZE))
    drawing.add(Line(labels_w, grid_top + 1, width, grid_top + 1, strokeColor=HexColor(theme.rule)))
    return drawing


def row_label_width(rows: Sequence[str], width: float, *, size: float | None = None) -> float:
    """The width of the row-label column: the longest label, within a fifth to 30% of the grid."""
    font = size or DEFAULT_THEME.font_size
    widest = max((text_width(text, font) for text in rows), default=0.0)
    return min(max(widest + 12, width * 0.2), width * 0.3)


def column_header_height(
    columns: Sequence[str], width: float, *, label_width: float, cap: float = 110.0
) -> float:
    """Room for the upright headings: the longest one (wrapped onto two lines where the
    columns are wide enough), at most ``cap`` points."""
    col_w = (width - label_width) / max(len(columns), 1)
    line_h = HEADER_SIZE + 1.5
    two_lines = col_w >= 2 * line_h + 4
    longest = 0.0
    for text in columns:
        full = text_width(text, HEADER_SIZE)
        longest = max(longest, full / 2 + 12 if two_lines and full > 60 else full)
    return min(longest + 12, cap)


def grid_row_height(rows: Sequence[str], label_width: float, size: float) -> float:
    """Rows are taller when any label needs a second line."""
    two_lines = any(len(wrap_label(t, label_width - 8, size, max_lines=2)) > 1 for t in rows)
    return 24.0 if two_lines else 18.0


class HeatGrid(Flowable):  # type: ignore[misc]
    """``heat_grid`` as a flowable that breaks between rows at the foot of a page, repeating
    the headings; every part keeps the same columns and row height."""

    def __init__(
        self,
        rows: Sequence[str],
        columns: Sequence[str],
        cell_at: Callable[[int, int], GridCell],
        *,
        width: float,
        theme: ChartTheme = DEFAULT_THEME,
        layout: tuple[float, float, float] | None = None,
    ) -> None:
        super().__init__()
        register_fonts()
        self.rows = list(rows)
        self.columns = list(columns)
        self.cell_at = cell_at
        self.grid_width = width
        self.theme = theme
        if layout is None:
            label_w = row_label_width(rows, width)
            layout = (
                label_w,
                column_header_height(columns, width, label_width=label_w),
                grid_row_height(rows, label_w, theme.font_size),
            )
        self.layout = layout
        """(label column width, heading height, row height), shared by every part."""

    @property
    def _height(self) -> float:
        _label_w, header_h, row_h = self.layout
        return header_h + row_h * len(self.rows) + 2

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.grid_width, self._height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        _label_w, header_h, row_h = self.layout
        # Asked only when the whole grid does not fit: always leave at least one row over.
        fit = min(int((avail_height - header_h - 2) // row_h), len(self.rows) - 1)
        if fit < 1:
            return []  # not even one row: the whole grid moves to the next page
        return [self._part(0, fit), self._part(fit, len(self.rows))]

    def _part(self, start: int, end: int) -> HeatGrid:
        cell_at = self.cell_at

        def shifted(i: int, j: int) -> GridCell:
            return cell_at(i + start, j)

        return HeatGrid(
            self.rows[start:end],
            self.columns,
            shifted,
            width=self.grid_width,
            theme=self.theme,
            layout=self.layout,
        )

    def draw(self) -> None:
        label_w, header_h, row_h = self.layout
        drawing = heat_grid(
            self.rows,
            self.columns,
            self.cell_at,
            width=self.grid_width,
            header_height=header_h,
            label_width=label_w,
            row_height=row_h,
            theme=self.theme,
        )
        renderPDF.draw(drawing, self.canv, 0, 0)


def scale_legend(
    *,
    width: float,
    title: str,
    colour_at: Callable[[float], str],
    ticks: Sequence[tuple[float, str]],
    swatches: Sequence[tuple[GridCell, str]] = (),
    theme: ChartTheme = DEFAULT_THEME,
) -> Drawing:
    """A colour bar from the first tick to the last with the ticks' labels under it, then
    sample cells (withheld, not rated) each with what it means."""
    register_fonts()
    size = theme.font_size - 0.5
    title_w = text_width(title, size, bold=True) + 10
    low, high = ticks[0][0], ticks[-1][0]
    bar_w = min(150.0, width * 0.34)
    bar_h = 10.0
    swatch_w = 22.0
    # Sample cells follow the bar on its line while they fit, then wrap under it.
    places: list[tuple[float, int]] = []
    cursor, line = title_w + bar_w + 22, 0
    for _cell, text in swatches:
        needed = swatch_w + 5 + text_width(text, size)
        if cursor + needed > width and cursor > title_w:
            cursor, line = title_w, line + 1
        places.append((cursor, line))
        cursor += needed + 18
    lines = (places[-1][1] if places else 0) + 1
    row = 24.0
    height = 10.0 + row * lines
    drawing = new_drawing(width, height)
    bar_y = height - 6 - bar_h
    drawing.add(label(0, bar_y + 2, title, theme=theme, size=size, bold=True))
    steps = 48
    for k in range(steps):
        value = low + (high - low) * (k + 0.5) / steps
        drawing.add(
            Rect(
                title_w + bar_w * k / steps,
                bar_y,
                bar_w / steps + 0.3,
                bar_h,
                fillColor=HexColor(colour_at(value)),
                strokeColor=None,
            )
        )
    drawing.add(
        Rect(title_w, bar_y, bar_w, bar_h, fillColor=None, strokeColor=HexColor(palette.RULE))
    )
    for value, text in ticks:
        x = title_w + bar_w * (value - low) / ((high - low) or 1.0)
        drawing.add(Line(x, bar_y, x, bar_y - 3, strokeColor=HexColor(palette.MUTED)))
        drawing.add(
            label(
                x,
                bar_y - 11,
                text,
                theme=theme,
                size=size - 0.5,
                anchor="middle",
                colour=theme.muted,
            )
        )
    for (cell, text), (x, line_no) in zip(swatches, places, strict=True):
        y = bar_y - line_no * row
        drawing.add(draw_cell(x, y - 1, swatch_w, bar_h + 2, cell, size=size))
        drawing.add(label(x + swatch_w + 5, y + 2, text, theme=theme, size=size))
    return drawing
