"""The heatmap chapters of the skills survey PDF: the gaps by department, the top gaps of each
department, and the change since the baseline.

Every figure comes from the ``SkillsReport`` given, already folded and withheld under the
anonymity threshold; a withheld figure is a hatched grey "–" with the reason under the grid.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from app.i18n import _, ngettext
from app.privacy import other_label
from app.reports import palette
from app.reports.charts import horizontal_bar_chart, one_decimal, stacked_bar_chart
from app.reports.fonts import paragraph_markup
from app.reports.heat_scale import (
    BETTER,
    GAP_MAX,
    NO_DATA_FILL,
    WITHHELD_FILL,
    WITHHELD_HATCH,
    WORSE,
    change_colour,
    change_text_colour,
    gap_colour,
    gap_text_colour,
)
from app.reports.heatmap_chart import GridCell, HeatGrid, scale_legend
from app.reports.pdf_blocks import coloured, markup_table
from app.reports.pdf_document import format_date
from app.reports.pdf_styles import PdfKit
from app.skills.results import HeatmapChange, SkillsComparison, SkillsReport

SMALL_CHANGE = 0.05
"""A change in a mean gap smaller than this is "no change" (it prints as 0.0)."""


# -- formatting -------------------------------------------------------------------------------


def gap_text(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _signed(change: float) -> str:
    """ "−0.8", "+0.3" or "0.0", with a true minus sign."""
    shown = round(change, 1)
    if shown == 0:
        return "0.0"
    return f"{shown:+.1f}".replace("-", "−")


def skill_names(report: SkillsReport) -> dict[str, str]:
    return dict(report.heatmap.skills)


def withheld_cell() -> GridCell:
    return GridCell("–", WITHHELD_FILL, palette.MUTED, hatched=True, hatch_colour=WITHHELD_HATCH)


def no_data_cell() -> GridCell:
    return GridCell("", NO_DATA_FILL, outlined=True)


def rated(report: SkillsReport) -> bool:
    return report.heatmap.rated > 0


# -- the heatmap ------------------------------------------------------------------------------


def _gap_cell(report: SkillsReport, group: str, key: str) -> GridCell:
    cell = report.heatmap.cell(group, key)
    if cell is None or (cell.mean_gap is None and not cell.suppressed):
        return no_data_cell()
    if cell.suppressed or cell.mean_gap is None:
        return withheld_cell()
    return GridCell(
        gap_text(cell.mean_gap), gap_colour(cell.mean_gap), gap_text_colour(cell.mean_gap)
    )


def _gap_legend(report: SkillsReport, kit: PdfKit) -> Flowable:
    return scale_legend(
        width=kit.frame_width,
        title=_("Mean gap"),
        colour_at=gap_colour,
        ticks=[(float(level), str(level)) for level in range(int(GAP_MAX) + 1)],
        swatches=[
            (withheld_cell(), _("fewer than {n} people").format(n=report.heatmap.threshold)),
            (no_data_cell(), _("not rated yet")),
        ],
    )


def heatmap_story(report: SkillsReport, kit: PdfKit) -> list[Flowable]:
    """Department × skill, the mean gap in each cell on a colour scale, withheld cells hatched."""
    heatmap = report.heatmap
    if not rated(report):
        return []
    story = kit.chapter(_("Skills gaps by department"))
    story.append(
        kit.paragraph(
            _(
                "Each cell is the mean gap between the level people in a department have "
                "reached in a skill and the target level for their role, from 0 (at or above "
                "the target) to 4 (four levels below it). The darker the cell, the larger "
                "the gap."
            )
        )
    )
    keys = [key for key, _name in heatmap.skills]
    groups = heatmap.groups

    def cell_at(i: int, j: int) -> GridCell:
        return _gap_cell(report, groups[i], keys[j])

    grid = HeatGrid(groups, [name for _key, name in heatmap.skills], cell_at, width=kit.frame_width)
    story += [kit.keep_room(90), _gap_legend(report, kit), kit.spacer(3), grid]
    notes = [
        _(
            "– Withheld: fewer than {threshold} people in the group were rated on the skill, or "
            "a second figure was withheld so that the first cannot be worked out from the rest."
        ).format(threshold=heatmap.threshold),
        _("A blank cell: no one in the group has been rated on the skill yet."),
    ]
    if other_label(heatmap.threshold) in groups:
        notes.append(
            _(
                "“{other}” combines the departments of fewer than {threshold} people (and, "
                "where that is still too few, the next smallest)."
            ).format(other=other_label(heatmap.threshold), threshold=heatmap.threshold)
        )
    story.append(kit.caption(" ".join(notes)))
    return story


# -- top gaps ---------------------------------------------------------------------------------


def top_gaps_story(report: SkillsReport, kit: PdfKit) -> list[Flowable]:
    """The three largest gaps of each department, and its mean gap over the skills shown."""
    if not rated(report):
        return []
    names = skill_names(report)
    story = kit.chapter(_("Top gaps per department"))
    story.append(
        kit.paragraph(
            _(
                "The skills with the largest mean gap in each department, where to focus its "
                "learning first, and the department's mean gap over all the skills shown."
            )
        )
    )
    with_total = [t for t in report.totals if t.mean_gap is not None]
    if with_total:
        chart = horizontal_bar_chart(
            [(t.group, t.mean_gap or 0.0) for t in with_total],
            width=kit.frame_width,
            value_format=one_decimal,
            colours=[palette.ACCENT],
        )
        story.append(
            kit.figure(chart, _("Mean gap over the skills shown, by department (0 to 4)."))
        )
    rows: list[list[str]] = []
    for total in report.totals:
        cells = report.top_gaps.get(total.group, [])
        if cells:
            gaps = "<br/>".join(
                f"{k}. {paragraph_markup(names.get(c.skill, c.skill))} "
                + coloured(gap_text(c.mean_gap), palette.MUTED)
                for k, c in enumerate(cells, 1)
            )
        elif total.mean_gap is not None:
            gaps = coloured(_("At or above the target in every skill shown"), BETTER)
        else:
            gaps = coloured(_("All figures withheld"), palette.MUTED)
        overall = paragraph_markup(gap_text(total.mean_gap))
        if total.withheld:
            overall += "<br/>" + coloured(
                ngettext("{n} skill withheld", "{n} skills withheld", total.withheld).format(
                    n=total.withheld
                ),
                palette.MUTED,
            )
        rows.append([paragraph_markup(total.group), gaps, overall])
    story.append(kit.keep_room(40))
    story.append(
        markup_table(
            kit,
            [_("Department"), _("Largest gaps (mean gap)"), _("Mean gap, all skills")],
            rows,
            column_widths=[2.4, 5.0, 1.6],
            numeric_columns=(2,),
        )
    )
    story.append(
        kit.caption(
            _("The mean over all skills leaves out withheld skills, so it never reveals them.")
        )
    )
    return story


def change_counts(comparison: SkillsComparison) -> tuple[int, int, int]:
    """How many department × skill figures shrank, grew, and could be compared at all."""
    known = [c.change for c in comparison.changes if c.change is not None]
    shrank = sum(1 for c in known if c <= -SMALL_CHANGE)
    grew = sum(1 for c in known if c >= SMALL_CHANGE)
    return shrank, grew, len(known)


# -- change since the baseline ----------------------------------------------------------------


def _change_cell(change: HeatmapChange | None) -> GridCell:
    if change is None or change.change is None:
        return withheld_cell()
    value = change.change
    text = _signed(value)
    return GridCell(text, change_colour(value), change_text_colour(value), outlined=text == "0.0")


def change_story(report: SkillsReport, kit: PdfKit) -> list[Flowable]:
    """Per department and skill, how the mean gap changed since the baseline survey."""
    comparison = report.comparison
    if comparison is None:
        return []
    story = kit.chapter(_("Change since “{baseline}”").format(baseline=comparison.baseline_name))
    story.append(
        kit.paragraph(
            _(
                "This follow-up survey “{follow_up}” ({follow_up_on}) compared with the baseline "
                "“{baseline}” ({baseline_on}). Each cell is the change in the department's mean "
                "gap: a negative figure (green) means the gap shrank and people moved closer to "
                "their target; a positive one (red) means it grew."
            ).format(
                follow_up=comparison.follow_up_name,
                follow_up_on=format_date(comparison.follow_up_on),
                baseline=comparison.baseline_name,
                baseline_on=format_date(comparison.baseline_on),
            )
        )
    )
    if not comparison.groups:
        story.append(
            kit.empty_state(
                _(
                    "No department is shown in both surveys, so no change can be reported "
                    "without describing fewer than {threshold} people."
                ).format(threshold=report.heatmap.threshold)
            )
        )
        return story
    changes = {(c.group, c.skill): c for c in comparison.changes}
    keys = [key for key, _name in comparison.skills]
    groups = comparison.groups

    def cell_at(i: int, j: int) -> GridCell:
        return _change_cell(changes.get((groups[i], keys[j])))

    legend = scale_legend(
        width=kit.frame_width,
        title=_("Change in gap"),
        colour_at=change_colour,
        ticks=[(-2.0, "−2"), (-1.0, "−1"), (0.0, "0"), (1.0, "+1"), (2.0, "+2")],
        swatches=[(withheld_cell(), _("not comparable"))],
    )
    grid = HeatGrid(
        groups, [name for _key, name in comparison.skills], cell_at, width=kit.frame_width
    )
    story += [kit.keep_room(90), legend, kit.spacer(3), grid]
    story.append(
        kit.caption(
            _(
                "– Not comparable: the figure was withheld (fewer than {threshold} people) or "
                "not rated in one of the two surveys."
            ).format(threshold=report.heatmap.threshold)
        )
    )
    story += _change_chart(comparison, kit)
    return story


def _change_chart(comparison: SkillsComparison, kit: PdfKit) -> list[Flowable]:
    """Per skill: in how many departments its gap shrank, stayed the same, or grew."""
    shrank: list[float] = []
    same: list[float] = []
    grew: list[float] = []
    for key, _name in comparison.skills:
        known = [c.change for c in comparison.changes if c.skill == key and c.change is not None]
        shrank.append(float(sum(1 for c in known if c <= -SMALL_CHANGE)))
        grew.append(float(sum(1 for c in known if c >= SMALL_CHANGE)))
        same.append(float(len(known)) - shrank[-1] - grew[-1])
    if not any(shrank + same + grew):
        return []
    chart = stacked_bar_chart(
        [name for _key, name in comparison.skills],
        [(_("Gap shrank"), shrank), (_("No change"), same), (_("Gap grew"), grew)],
        width=kit.frame_width,
        colours=[BETTER, palette.OTHER, WORSE],
    )
    return [
        kit.keep_room(60),
        kit.heading(_("Departments where each gap moved"), 2),
        kit.figure(chart, _("For each skill, the number of departments by how its gap changed.")),
    ]
