"""The pilot report's vector charts: weekly use against the target, the timed tasks before
and after, the satisfaction answers, and what people used the tool for.

Built from the shared chart parts (``app.reports.charts``); the weekly-use curve is drawn
here because its scale runs from 0 to 100 % with a target line, which the score charts do
not need. The figures come from ``PilotResults`` as they are: nothing is computed here.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Circle, Drawing, Line
from reportlab.lib.colors import HexColor

from app.i18n import N_, _, translate
from app.pilots.analysis import AdoptionWeek, FeatureUse, TaskSaving
from app.reports import palette
from app.reports.charts import (
    DEFAULT_THEME,
    ChartTheme,
    horizontal_bar_chart,
    label,
    new_drawing,
    stacked_bar_chart,
)
from app.reports.fonts import register_fonts, text_width

GRID_STEPS = (0, 20, 40, 60, 80, 100)
SATISFACTION_WORDS = (N_("Very poor"), N_("Poor"), N_("Fair"), N_("Good"), N_("Excellent"))
"""The 1–5 answers in words."""


def _legend_sample(drawing: Drawing, x: float, y: float, colour: str, dashed: bool) -> None:
    drawing.add(
        Line(
            x,
            y + 3,
            x + 18,
            y + 3,
            strokeColor=HexColor(colour),
            strokeWidth=1.8,
            strokeDashArray=[4, 3] if dashed else None,
        )
    )
    if not dashed:
        drawing.add(
            Circle(x + 9, y + 3, 2.6, fillColor=HexColor("#FFFFFF"), strokeColor=HexColor(colour))
        )


def adoption_chart(
    weeks: Sequence[AdoptionWeek],
    *,
    width: float,
    target: float | None = None,
    from_week: int | None = None,
    height: float = 190.0,
    theme: ChartTheme = DEFAULT_THEME,
) -> Drawing:
    """The share of participants who used the tool each week (0–100 %), a marker per week
    with its value, the line broken where nobody checked in, and the target (a percentage)
    as a dashed line from the week it applies."""
    register_fonts()
    size = theme.font_size
    axis_w = text_width("100 %", size) + 10
    legend_h = 18.0
    label_h = 2 * (size + 2) + 6
    plot_x, plot_y = axis_w, label_h
    plot_w = width - axis_w - 6
    plot_h = height - label_h - legend_h - 12
    drawing = new_drawing(width, height)
    rule = HexColor(theme.rule)
    count = max((w.week for w in weeks), default=0) or 1
    slot = plot_w / count

    def x_of(week: float) -> float:
        return plot_x + slot * (week - 0.5)

    def y_of(percent: float) -> float:
        return plot_y + plot_h * min(max(percent, 0.0), 100.0) / 100.0

    for step in GRID_STEPS:
        y = y_of(step)
        drawing.add(
            Line(
                plot_x,
                y,
                plot_x + plot_w,
                y,
                strokeColor=rule,
                strokeWidth=0.8 if not step else 0.4,
            )
        )
        drawing.add(
            label(
                plot_x - 6,
                y - size * 0.35,
                _("{value} %").format(value=step),
                theme=theme,
                anchor="end",
                colour=theme.muted,
            )
        )
    for week in range(1, count + 1):
        if count <= 16 or week % 2 == 1:
            drawing.add(
                label(x_of(week), plot_y - size - 5, str(week), theme=theme, anchor="middle")
            )
    drawing.add(
        label(
            plot_x + plot_w / 2,
            plot_y - 2 * size - 9,
            _("Week of the pilot"),
            theme=theme,
            anchor="middle",
            colour=theme.muted,
        )
    )

    accent = palette.ACCENT
    if target is not None:
        start = x_of(from_week or 1) - slot / 2 if (from_week or 1) <= count else plot_x + plot_w
        y = y_of(target)
        drawing.add(
            Line(
                start,
                y,
                plot_x + plot_w,
                y,
                strokeColor=HexColor(accent),
                strokeWidth=1.6,
                strokeDashArray=[5, 3],
            )
        )

    colour = HexColor(palette.PRIMARY)
    previous: tuple[float, float] | None = None
    points: list[tuple[float, float, float]] = []
    for point in weeks:
        if point.share is None:
            previous = None  # nobody checked in: the line breaks here
            continue
        percent = 100 * point.share
        here = (x_of(point.week), y_of(percent))
        if previous is not None:
            drawing.add(Line(*previous, *here, strokeColor=colour, strokeWidth=2.0))
        previous = here
        points.append((here[0], here[1], percent))
    for x, y, percent in points:
        drawing.add(
            Circle(x, y, 3.2, fillColor=HexColor("#FFFFFF"), strokeColor=colour, strokeWidth=1.8)
        )
        if len(points) <= 16:
            drawing.add(
                label(
                    x,
                    y + 7,
                    f"{percent:.0f}",
                    theme=theme,
                    size=theme.value_font_size - 0.5,
                    bold=True,
                    anchor="middle",
                )
            )

    legend_y = height - legend_h + 4
    cursor = plot_x
    _legend_sample(drawing, cursor, legend_y, palette.PRIMARY, dashed=False)
    used = _("Used the tool that week (% of those who checked in)")
    drawing.add(label(cursor + 24, legend_y, used, theme=theme))
    cursor += 24 + text_width(used, size) + 18
    if target is not None:
        _legend_sample(drawing, cursor, legend_y, accent, dashed=True)
        if from_week and from_week > 1:
            text = _("Target: {value} % from week {week}").format(
                value=f"{target:g}", week=from_week
            )
        else:
            text = _("Target: {value} %").format(value=f"{target:g}")
        drawing.add(label(cursor + 24, legend_y, text, theme=theme))
    return drawing


def task_chart(tasks: Sequence[tuple[str, TaskSaving]], *, width: float) -> Drawing:
    """Minutes before and after the training for each timed task, side by side."""
    return stacked_bar_chart(
        [text for text, _task in tasks],
        [
            (_("Before the training"), [task.minutes_before for _text, task in tasks]),
            (_("After the training"), [task.minutes_after for _text, task in tasks]),
        ],
        width=width,
        mode="grouped",
        value_format=lambda minutes: _("{minutes} min").format(minutes=f"{minutes:.0f}"),
        colours=[palette.OTHER, palette.PRIMARY],
    )


def satisfaction_chart(distribution: Sequence[int], *, width: float) -> Drawing:
    """How many people gave each answer, from 5 (excellent) down to 1 (very poor)."""
    items = [
        (f"{score} · {translate(SATISFACTION_WORDS[score - 1])}", float(distribution[score - 1]))
        for score in range(len(distribution), 0, -1)
    ]
    colours = [palette.SERIES[2], palette.SERIES[2], palette.OTHER, palette.SERIES[3]]
    colours.append(palette.SERIES[3])
    return horizontal_bar_chart(items, width=width, colours=colours)


def feature_chart(
    features: Sequence[FeatureUse], labels: dict[str, str], *, width: float
) -> Drawing:
    """How many participants used the tool for each kind of work, most used first."""
    return horizontal_bar_chart(
        [(labels.get(f.feature, f.feature), float(f.participants)) for f in features],
        width=width,
        value_format=lambda n: _("{n} people").format(n=f"{n:.0f}"),
    )
