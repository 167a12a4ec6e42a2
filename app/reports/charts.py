"""Vector charts for PDF reports, drawn with reportlab.graphics shapes.

Each chart is a function from labelled figures to a ``Drawing`` that a report places like any
flowable. They share one look (``ChartTheme``) and a few parts (``legend``, ``label``), and
draw their own text so names in any script print (see ``fonts.text_shapes``). A new kind of
chart (radar, line) is one more function here built from the same parts.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, Rect, Wedge
from reportlab.lib.colors import HexColor

from app.reports import palette
from app.reports.fonts import SANS, Anchor, fit_text, register_fonts, text_shapes, text_width

ValueFormat = Callable[[float], str]


def whole_number(value: float) -> str:
    """1234 → "1,234"."""
    return f"{value:,.0f}"


@dataclass(frozen=True)
class ChartTheme:
    """Sizes and colours shared by every chart."""

    font_size: float = 8.5
    value_font_size: float = 8.0
    ink: str = palette.INK
    muted: str = palette.MUTED
    rule: str = palette.RULE
    bar_colour: str = palette.PRIMARY
    row_height: float = 17.0
    bar_fraction: float = 0.64
    legend_swatch: float = 8.0


DEFAULT_THEME = ChartTheme()


def new_drawing(width: float, height: float) -> Drawing:
    """An empty drawing whose default font is the embedded one (never unembedded Helvetica)."""
    drawing = Drawing(width, height)
    drawing.initialFontName = SANS
    return drawing


def label(
    x: float,
    y: float,
    text: str,
    *,
    theme: ChartTheme = DEFAULT_THEME,
    size: float | None = None,
    bold: bool = False,
    anchor: Anchor = "start",
    colour: str | None = None,
) -> Group:
    """A text label in the chart font, with CJK fallback."""
    return text_shapes(
        x,
        y,
        text,
        size=size or theme.font_size,
        bold=bold,
        anchor=anchor,
        colour=colour or theme.ink,
    )


def legend(
    x: float,
    y_top: float,
    entries: Sequence[tuple[str, str]],
    *,
    max_width: float,
    theme: ChartTheme = DEFAULT_THEME,
    line_height: float = 14.0,
) -> tuple[Group, float]:
    """A vertical legend of ``(colour, text)`` entries; returns the group and its height."""
    group = Group()
    s = theme.legend_swatch
    for i, (colour, text) in enumerate(entries):
        y = y_top - (i + 1) * line_height + 3
        group.add(Rect(x, y, s, s, fillColor=HexColor(colour), strokeColor=None))
        shown = fit_text(text, max_width - s - 6, theme.font_size)
        group.add(label(x + s + 6, y + 0.5, shown, theme=theme))
    return group, len(entries) * line_height


def inline_legend(
    x: float,
    y: float,
    entries: Sequence[tuple[str, str]],
    *,
    max_width: float,
    theme: ChartTheme = DEFAULT_THEME,
) -> tuple[Group, float]:
    """A legend laid out left to right, wrapping onto more lines; returns group and height."""
    group = Group()
    s = theme.legend_swatch
    cursor, line = x, 0
    for colour, text in entries:
        shown = fit_text(text, max_width / 2, theme.font_size)
        needed = s + 5 + text_width(shown, theme.font_size) + 14
        if cursor > x and cursor + needed > x + max_width:
            cursor, line = x, line + 1
        yy = y - line * 14
        group.add(Rect(cursor, yy, s, s, fillColor=HexColor(colour), strokeColor=None))
        group.add(label(cursor + s + 5, yy + 0.5, shown, theme=theme))
        cursor += needed
    return group, (line + 1) * 14


def _label_column(labels: Sequence[str], width: float, theme: ChartTheme) -> float:
    widest = max((text_width(t, theme.font_size) for t in labels), default=0.0)
    return min(widest + 8, width * 0.38)


def horizontal_bar_chart(
    items: Sequence[tuple[str, float]],
    *,
    width: float,
    value_format: ValueFormat = whole_number,
    colours: Sequence[str] | None = None,
    theme: ChartTheme = DEFAULT_THEME,
) -> Drawing:
    """One bar per labelled value, largest where the caller put it, value at the bar's end."""
    register_fonts()
    labels = [text for text, _ in items]
    label_w = _label_column(labels, width, theme)
    values = [max(float(v), 0.0) for _, v in items]
    value_w = max((text_width(value_format(v), theme.value_font_size) for v in values), default=0)
    plot_x = label_w
    plot_w = max(width - label_w - value_w - 10, 20)
    top_pad, bottom_pad = 4.0, 4.0
    height = top_pad + bottom_pad + theme.row_height * max(len(items), 1)
    drawing = new_drawing(width, height)
    biggest = max(values, default=0.0) or 1.0
    bar_h = theme.row_height * theme.bar_fraction
    for i, (text, value) in enumerate(zip(labels, values, strict=True)):
        row_y = height - top_pad - (i + 1) * theme.row_height
        bar_y = row_y + (theme.row_height - bar_h) / 2
        text_y = bar_y + bar_h / 2 - theme.font_size * 0.35
        shown = fit_text(text, label_w - 8, theme.font_size)
        drawing.add(label(plot_x - 6, text_y, shown, theme=theme, anchor="end"))
        bar_w = plot_w * value / biggest
        colour = colours[i % len(colours)] if colours else theme.bar_colour
        if bar_w > 0:
            drawing.add(
                Rect(plot_x, bar_y, bar_w, bar_h, fillColor=HexColor(colour), strokeColor=None)
            )
        drawing.add(
            label(
                plot_x + bar_w + 4,
                text_y,
                value_format(value),
                theme=theme,
                size=theme.value_font_size,
                colour=theme.muted,
            )
        )
    drawing.add(
        Line(plot_x, bottom_pad, plot_x, height - top_pad, strokeColor=HexColor(theme.rule))
    )
    return drawing


def stacked_bar_chart(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    *,
    width: float,
    mode: Literal["stacked", "grouped"] = "stacked",
    value_format: ValueFormat = whole_number,
    colours: Sequence[str] | None = None,
    theme: ChartTheme = DEFAULT_THEME,
) -> Drawing:
    """Horizontal bars per category with one segment (stacked) or one bar (grouped) per
    series, and a legend above. ``series`` is ``(name, one value per category)``."""
    register_fonts()
    palette_for = colours or [palette.series_colour(i) for i in range(len(series))]
    entries = [(palette_for[i % len(palette_for)], name) for i, (name, _) in enumerate(series)]
    legend_group, legend_h = inline_legend(0, 0, entries, max_width=width, theme=theme)
    label_w = _label_column(categories, width, theme)
    plot_x = label_w
    value_room = 34.0
    plot_w = max(width - label_w - value_room, 20)
    per_row = theme.row_height if mode == "stacked" else theme.row_height * 0.55 * len(series) + 6
    rows_h = per_row * max(len(categories), 1)
    height = rows_h + legend_h + 14
    drawing = new_drawing(width, height)
    legend_group.translate(plot_x, height - 10)
    drawing.add(legend_group)
    top = height - legend_h - 8

    def total(i: int) -> float:
        return sum(max(float(values[i]), 0.0) for _, values in series)

    if mode == "stacked":
        biggest = max((total(i) for i in range(len(categories))), default=0.0) or 1.0
    else:
        biggest = max((max(float(v), 0.0) for _, vs in series for v in vs), default=0.0) or 1.0

    for i, category in enumerate(categories):
        row_y = top - (i + 1) * per_row
        shown = fit_text(category, label_w - 8, theme.font_size)
        mid = row_y + per_row / 2
        drawing.add(label(plot_x - 6, mid - theme.font_size * 0.35, shown, anchor="end"))
        if mode == "stacked":
            bar_h = per_row * theme.bar_fraction
            y = row_y + (per_row - bar_h) / 2
            cursor = plot_x
            for j, (_, values) in enumerate(series):
                w = plot_w * max(float(values[i]), 0.0) / biggest
                if w <= 0:
                    continue
                colour = HexColor(entries[j][0])
                drawing.add(Rect(cursor, y, w, bar_h, fillColor=colour, strokeColor=None))
                text = value_format(float(values[i]))
                if text_width(text, theme.value_font_size) + 4 < w:
                    drawing.add(
                        label(
                            cursor + w / 2,
                            y + bar_h / 2 - theme.value_font_size * 0.35,
                            text,
                            size=theme.value_font_size,
                            anchor="middle",
                            colour="#FFFFFF",
                        )
                    )
                cursor += w
            drawing.add(
                label(
                    cursor + 4,
                    mid - theme.value_font_size * 0.35,
                    value_format(total(i)),
                    size=theme.value_font_size,
                    colour=theme.muted,
                )
            )
        else:
            bar_h = theme.row_height * 0.55 - 1.5
            for j, (_, values) in enumerate(series):
                y = row_y + per_row - 3 - (j + 1) * (bar_h + 1.5)
                w = plot_w * max(float(values[i]), 0.0) / biggest
                drawing.add(
                    Rect(plot_x, y, w, bar_h, fillColor=HexColor(entries[j][0]), strokeColor=None)
                )
                drawing.add(
                    label(
                        plot_x + w + 3,
                        y + bar_h / 2 - theme.value_font_size * 0.35,
                        value_format(float(values[i])),
                        size=theme.value_font_size - 1,
                        colour=theme.muted,
                    )
                )
    drawing.add(Line(plot_x, 2, plot_x, top, strokeColor=HexColor(theme.rule)))
    return drawing


def donut_chart(
    items: Sequence[tuple[str, float]],
    *,
    width: float,
    diameter: float = 150.0,
    centre_value: str | None = None,
    centre_caption: str | None = None,
    colours: Sequence[str] | None = None,
    value_format: ValueFormat = whole_number,
    theme: ChartTheme = DEFAULT_THEME,
) -> Drawing:
    """A ring of slices with the total in the middle and a legend with values and shares."""
    register_fonts()
    values = [max(float(v), 0.0) for _, v in items]
    total = sum(values)
    palette_for = colours or [palette.series_colour(i) for i in range(len(items))]
    line_h = 16.0
    height = max(diameter + 8, line_h * len(items) + 8)
    drawing = new_drawing(width, height)
    r = diameter / 2
    cx, cy = r + 4, height / 2
    inner = r * 0.6
    if total <= 0:
        drawing.add(Circle(cx, cy, r, fillColor=HexColor(palette.ZEBRA), strokeColor=None))
    else:
        start = 90.0
        for i, value in enumerate(values):
            if value <= 0:
                continue
            sweep = 360.0 * value / total
            colour = HexColor(palette_for[i % len(palette_for)])
            if sweep >= 359.99:
                drawing.add(Circle(cx, cy, r, fillColor=colour, strokeColor=None))
            else:
                drawing.add(
                    Wedge(
                        cx,
                        cy,
                        r,
                        start - sweep,
                        start,
                        fillColor=colour,
                        strokeColor=HexColor("#FFFFFF"),
                        strokeWidth=1.2,
                    )
                )
            start -= sweep
    drawing.add(Circle(cx, cy, inner, fillColor=HexColor("#FFFFFF"), strokeColor=None))
    if centre_value:
        drawing.add(label(cx, cy - 2, centre_value, size=18, bold=True, anchor="middle"))
    if centre_caption:
        drawing.add(
            label(cx, cy - 15, centre_caption, size=7.5, anchor="middle", colour=theme.muted)
        )

    legend_x = diameter + 28
    legend_w = width - legend_x
    value_col = legend_x + legend_w - 8
    legend_top = height / 2 + line_h * len(items) / 2
    for i, (text, value) in enumerate(zip((t for t, _ in items), values, strict=True)):
        y = legend_top - (i + 1) * line_h + 4
        s = theme.legend_swatch
        drawing.add(
            Rect(
                legend_x,
                y,
                s,
                s,
                fillColor=HexColor(palette_for[i % len(palette_for)]),
                strokeColor=None,
            )
        )
        share = f"{value / total:.0%}" if total else "–"
        figures = f"{value_format(value)}   {share:>4}"
        figures_w = text_width(figures, theme.font_size)
        shown = fit_text(text, value_col - figures_w - (legend_x + s + 6) - 8, theme.font_size)
        drawing.add(label(legend_x + s + 6, y + 0.5, shown))
        drawing.add(label(value_col, y + 0.5, figures, anchor="end", colour=theme.muted))
    return drawing


def nice_ceiling(value: float) -> float:
    """The next round number at or above ``value`` (1, 2, 2.5, 5 × 10ⁿ), for axis scales."""
    if value <= 0:
        return 1.0
    exponent = math.floor(math.log10(value))
    for step in (1.0, 2.0, 2.5, 5.0, 10.0):
        candidate = step * 10.0**exponent
        if candidate >= value:
            return candidate
    return float(10.0 ** (exponent + 1))


def one_decimal(value: float) -> str:
    """2.75 → "2.8": scores on a 1–5 scale."""
    return f"{value:.1f}"


def wrap_label(text: str, max_width: float, size: float, *, max_lines: int = 3) -> list[str]:
    """``text`` broken into lines of at most ``max_width`` points (words kept whole where they
    fit; a word longer than a line, or text without spaces such as Chinese, is broken by
    character), at most ``max_lines`` lines with an ellipsis on the last when cut."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}" if current else word
            if text_width(candidate, size) <= max_width:
                current = candidate
                continue
            if current:
                lines.append(current)
            current = ""
            while text_width(word, size) > max_width and len(word) > 1:
                cut = len(word) - 1
                while cut > 1 and text_width(word[:cut], size) > max_width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            current = word
        lines.append(current)
    lines = [line for line in lines if line] or [""]
    if len(lines) > max_lines:
        kept = lines[: max_lines - 1]
        rest = " ".join(lines[max_lines - 1 :])
        lines = [*kept, fit_text(rest + "…", max_width, size)]
    return lines


@dataclass(frozen=True)
class SeriesStyle:
    """How one series of a radar or line chart is drawn: colour, dashes, fill, markers."""

    colour: str
    dash: tuple[float, ...] | None = None
    width: float = 1.6
    fill_opacity: float = 0.0
    markers: bool = False


RADAR_STYLES = (
    SeriesStyle(palette.PRIMARY, width=2.0, fill_opacity=0.16, markers=True),
    SeriesStyle(palette.ACCENT, dash=(5.0, 3.0), width=1.5),
    SeriesStyle(palette.SERIES[2], dash=(1.2, 2.6), width=1.8),
)
"""Current, target and baseline: different colours *and* line styles, so they read in grey."""


def _line_legend(
    entries: Sequence[tuple[SeriesStyle, str]], *, max_width: float, theme: ChartTheme
) -> tuple[Group, float, float]:
    """A one-row legend of line samples; returns the group, its width and height."""
    group = Group()
    sample = 20.0
    cursor, line = 0.0, 0
    widths: list[float] = []
    for style, text in entries:
        shown = fit_text(text, max_width / 2, theme.font_size)
        needed = sample + 5 + text_width(shown, theme.font_size) + 16
        if cursor > 0 and cursor + needed > max_width:
            widths.append(cursor - 16)
            cursor, line = 0.0, line + 1
        y = -line * 14.0
        group.add(
            Line(
                cursor,
                y + 3,
                cursor + sample,
                y + 3,
                strokeColor=HexColor(style.colour),
                strokeWidth=style.width,
                strokeDashArray=list(style.dash) if style.dash else None,
                strokeLineCap=1 if style.dash else 0,
            )
        )
        if style.markers:
            group.add(
                Circle(
                    cursor + sample / 2,
                    y + 3,
                    2.4,
                    fillColor=HexColor(style.colour),
                    strokeColor=None,
                )
            )
        group.add(label(cursor + sample + 5, y, shown, theme=theme))
        cursor += needed
    widths.append(cursor - 16)
    return group, max(widths), (line + 1) * 14.0


def radar_chart(
    axes: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    *,
    width: float,
    maximum: float = 5.0,
    rings: Sequence[float] = (1, 2, 3, 4, 5),
    max_radius: float = 118.0,
    styles: Sequence[SeriesStyle] = RADAR_STYLES,
    theme: ChartTheme = DEFAULT_THEME,
) -> Drawing:
    """A spider chart: one spoke per axis (clockwise from the top), rings at ``rings`` with
    their values, and up to three series ``(name, one value per axis)`` drawn in ``styles``
    (the first filled, on top), with a legend above. A missing value (None) is left out: the
    outline breaks there rather than pretending the score is zero."""
    register_fonts()
    n = len(axes)
    size = theme.font_size
    line_h = size + 2.0
    label_w = min(max(width * 0.2, 60.0), 112.0)
    wrapped = [wrap_label(text, label_w, size) for text in axes]
    most_lines = max((len(lines) for lines in wrapped), default=1)
    legend_entries = [(styles[i % len(styles)], name) for i, (name, _values) in enumerate(series)]
    legend_group, legend_w, legend_h = _line_legend(legend_entries, max_width=width, theme=theme)
    radius = max(min((width - 2 * (label_w + 14)) / 2, max_radius), 30.0)
    room = most_lines * line_h + 10
    bottom = room + 4
    cy = bottom + radius
    height = cy + radius + room + (legend_h + 12 if series else 0)
    cx = width / 2
    drawing = new_drawing(width, height)
    rule = HexColor(theme.rule)

    def angle(i: int) -> float:
        return math.pi / 2 - 2 * math.pi * i / max(n, 1)

    def point(i: int, value: float) -> tuple[float, float]:
        r = radius * max(min(value, maximum), 0.0) / maximum
        return cx + r * math.cos(angle(i)), cy + r * math.sin(angle(i))

    # Rings, outermost first, shaded alternately so levels read at a glance.
    for k, ring in enumerate(sorted(rings, reverse=True)):
        fill = HexColor(palette.ZEBRA) if k % 2 == 0 else HexColor("#FFFFFF")
        if n >= 3:
            coords = [c for i in range(n) for c in point(i, ring)]
            drawing.add(Polygon(coords, fillColor=fill, strokeColor=rule, strokeWidth=0.6))
        else:
            drawing.add(
                Circle(
                    cx,
                    cy,
                    radius * ring / maximum,
                    fillColor=fill,
                    strokeColor=rule,
                    strokeWidth=0.6,
                )
            )
    for i in range(n):
        x, y = point(i, maximum)
        drawing.add(Line(cx, cy, x, y, strokeColor=rule, strokeWidth=0.6))

    for j in reversed(range(len(series))):
        _name, values = series[j]
        style = styles[j % len(styles)]
        colour = HexColor(style.colour)
        dash = list(style.dash) if style.dash else None
        known = [
            (i, float(v)) for i, v in enumerate(values[:n]) if v is not None and not math.isnan(v)
        ]
        if n >= 3 and len(known) == n:
            coords = [c for i, v in known for c in point(i, v)]
            drawing.add(
                Polygon(
                    coords,
                    fillColor=colour if style.fill_opacity else None,
                    fillOpacity=style.fill_opacity,
                    strokeColor=colour,
                    strokeWidth=style.width,
                    strokeDashArray=dash,
                    strokeLineJoin=1,
                    strokeLineCap=1 if dash else 0,
                )
            )
        else:
            present = dict(known)
            for i in range(n if n >= 3 else n - 1):
                following = (i + 1) % n
                if i in present and following in present:
                    (x1, y1), (x2, y2) = point(i, present[i]), point(following, present[following])
                    drawing.add(
                        Line(
                            x1,
                            y1,
                            x2,
                            y2,
                            strokeColor=colour,
                            strokeWidth=style.width,
                            strokeDashArray=dash,
                            strokeLineCap=1,
                        )
                    )
        if style.markers or n < 3 or len(known) < n:
            for i, v in known:
                x, y = point(i, v)
                drawing.add(
                    Circle(
                        x,
                        y,
                        2.4,
                        fillColor=colour,
                        strokeColor=HexColor("#FFFFFF"),
                        strokeWidth=0.6,
                    )
                )

    # Ring values along the top spoke, on a white patch so the lines do not run through them.
    for ring in rings:
        x, y = point(0, ring)
        text = f"{ring:g}"
        w = text_width(text, 6.5)
        drawing.add(
            Rect(
                x + 2,
                y - 3.2,
                w + 3,
                7.5,
                fillColor=HexColor("#FFFFFF"),
                strokeColor=None,
                fillOpacity=0.85,
            )
        )
        drawing.add(label(x + 3.5, y - 2.2, text, size=6.5, colour=theme.muted))

    for i, lines in enumerate(wrapped):
        a = angle(i)
        cos, sin = math.cos(a), math.sin(a)
        px, py = cx + (radius + 9) * cos, cy + (radius + 9) * sin
        anchor: Anchor = "start" if cos > 0.2 else "end" if cos < -0.2 else "middle"
        block = len(lines) * line_h
        if sin > 0.5:
            first = py + block - line_h + 1
        elif sin < -0.5:
            first = py - size
        else:
            first = py + block / 2 - size * 0.85
        for k, text in enumerate(lines):
            drawing.add(label(px, first - k * line_h, text, theme=theme, anchor=anchor))

    if series:
        legend_group.translate(max((width - legend_w) / 2, 0), height - 10)
        drawing.add(legend_group)
    return drawing


def line_chart(
    points: Sequence[tuple[str, float | None]],
    *,
    width: float,
    minimum: float = 1,
    maximum: float = 5,
    height: float = 170.0,
    value_format: ValueFormat = one_decimal,
    style: SeriesStyle = RADAR_STYLES[0],
    theme: ChartTheme = DEFAULT_THEME,
) -> Drawing:
    """One value per labelled point in order (e.g. the overall score of each assessment),
    joined by a line, each value written above its marker; gridlines at every whole number
    from ``minimum`` to ``maximum``. Labels may hold a line break ("Baseline\\nMarch 2024").
    A missing value (None) gets a "–" and no marker; the line joins the values either side."""
    register_fonts()
    size = theme.font_size
    line_h = size + 2.0
    axis_w = text_width(f"{maximum:g}", size) + 10
    count = max(len(points), 1)
    slot = (width - axis_w) / count
    # (text, is the first line of the label): a second line such as a date is muted.
    wrapped: list[list[tuple[str, bool]]] = []
    for text, _value in points:
        head, _newline, tail = text.partition("\n")
        lines = [(line, True) for line in wrap_label(head, max(slot - 8, 20), size, max_lines=2)]
        if tail:
            lines += [
                (line, False) for line in wrap_label(tail, max(slot - 8, 20), size, max_lines=1)
            ]
        wrapped.append(lines)
    label_h = max((len(lines) for lines in wrapped), default=1) * line_h + 6
    top_pad = 14.0
    plot_y = label_h
    plot_h = max(height - label_h - top_pad, 40.0)
    total_h = plot_y + plot_h + top_pad
    drawing = new_drawing(width, total_h)
    span = (maximum - minimum) or 1.0

    def y_of(value: float) -> float:
        return plot_y + plot_h * (min(max(value, minimum), maximum) - minimum) / span

    rule = HexColor(theme.rule)
    tick = math.ceil(minimum)
    while tick <= maximum + 1e-9:
        y = y_of(tick)
        drawing.add(
            Line(axis_w, y, width, y, strokeColor=rule, strokeWidth=0.8 if tick == minimum else 0.4)
        )
        drawing.add(
            label(
                axis_w - 6,
                y - size * 0.35,
                f"{tick:g}",
                theme=theme,
                anchor="end",
                colour=theme.muted,
            )
        )
        tick += 1

    xs = [axis_w + slot * (i + 0.5) for i in range(len(points))]
    colour = HexColor(style.colour)
    previous: tuple[float, float] | None = None
    for x, (_text, value) in zip(xs, points, strict=True):
        if value is None or math.isnan(value):
            continue  # the line runs on to the next known value; "–" marks the missing one
        here = (x, y_of(value))
        if previous is not None:
            drawing.add(
                Line(
                    *previous,
                    *here,
                    strokeColor=colour,
                    strokeWidth=style.width,
                    strokeDashArray=list(style.dash) if style.dash else None,
                )
            )
        previous = here
    for x, (_text, value) in zip(xs, points, strict=True):
        if value is None or math.isnan(value):
            drawing.add(
                label(x, y_of(minimum) + 4, "–", theme=theme, anchor="middle", colour=theme.muted)
            )
            continue
        y = y_of(value)
        drawing.add(
            Circle(x, y, 3.4, fillColor=HexColor("#FFFFFF"), strokeColor=colour, strokeWidth=1.8)
        )
        drawing.add(
            label(
                x,
                y + 7,
                value_format(value),
                theme=theme,
                size=theme.value_font_size,
                bold=True,
                anchor="middle",
            )
        )
    for x, lines in zip(xs, wrapped, strict=True):
        for k, (text, main) in enumerate(lines):
            drawing.add(
                label(
                    x,
                    plot_y - 6 - size - k * line_h,
                    text,
                    theme=theme,
                    anchor="middle",
                    colour=theme.ink if main else theme.muted,
                )
            )
    return drawing
