"""The readiness and attitudes chapters of the skills survey PDF.

Every count and mean comes from the ``ReadinessSummary`` of ``SkillsResultsService``, already
folded and withheld under the anonymity threshold; a withheld figure prints as "–" with the
reason next to it. No one is named.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from app.i18n import N_, _, ngettext, translate
from app.reports import palette
from app.reports.charts import stacked_bar_chart
from app.reports.fonts import paragraph_markup
from app.reports.pdf_blocks import coloured, markup_table
from app.reports.pdf_styles import Cell, PdfKit
from app.skills.results import ReadinessSummary, SkillsReport

SEGMENT_LABELS = (
    N_("Ready to lead"),
    N_("Building"),
    N_("Needs foundations"),
    N_("Not rated yet"),
)
SEGMENT_COLOURS = (palette.SERIES[2], palette.PRIMARY, palette.ACCENT, palette.OTHER)
REVERSE_MARK = "†"


def withheld_sentence(threshold: int) -> str:
    """What "–" means, in one sentence."""
    return _(
        "“–” marks a figure withheld because it would describe fewer than {threshold} people."
    ).format(threshold=threshold)


def share(part: int, whole: int) -> str:
    """ "40%" (or "–" of nothing)."""
    return f"{part / whole:.0%}" if whole else "–"


def readiness_story(report: SkillsReport, kit: PdfKit) -> list[Flowable]:
    """Segment counts per department as a stacked bar chart and a table, worry in aggregate."""
    readiness = report.readiness
    if not readiness.segments or report.heatmap.rated == 0:
        return []
    story = kit.chapter(_("Readiness"))
    story.append(
        kit.paragraph(
            _(
                "Each person asked is placed in one readiness group from their skill levels "
                "and their answers to the attitude statements: ready to lead (skilled, keen to "
                "learn more and not worried), building (on the way), or needs foundations "
                "(most skills still below practitioner level). The last section of this report "
                "gives the exact rules."
            )
        )
    )
    shown = [s for s in readiness.segments if not s.suppressed]
    if shown:
        series = [
            (translate(SEGMENT_LABELS[0]), [float(s.ready_to_lead or 0) for s in shown]),
            (translate(SEGMENT_LABELS[1]), [float(s.building or 0) for s in shown]),
            (translate(SEGMENT_LABELS[2]), [float(s.needs_foundations or 0) for s in shown]),
            (translate(SEGMENT_LABELS[3]), [float(s.unknown or 0) for s in shown]),
        ]
        chart = stacked_bar_chart(
            [s.group for s in shown],
            series,
            width=kit.frame_width,
            colours=SEGMENT_COLOURS,
        )
        story.append(kit.figure(chart, _("People in each readiness group, by department.")))
    header = [
        _("Department"),
        _("People"),
        *(translate(text) for text in SEGMENT_LABELS),
        _("Worried about AI"),
    ]
    rows: list[list[Cell]] = [
        [
            s.group,
            s.people,
            s.ready_to_lead,
            s.building,
            s.needs_foundations,
            s.unknown,
            s.worried,
        ]
        for s in readiness.segments
    ]
    total: list[Cell] | None = None
    if len(shown) > 1:
        total = [
            _("All shown"),
            sum(s.people for s in shown),
            sum(s.ready_to_lead or 0 for s in shown),
            sum(s.building or 0 for s in shown),
            sum(s.needs_foundations or 0 for s in shown),
            sum(s.unknown or 0 for s in shown),
            sum(s.worried or 0 for s in shown),
        ]
    story.append(kit.keep_room(40))
    story.append(
        kit.table(
            header,
            rows,
            column_widths=[2.4, 1.1, 1.1, 1.1, 1.8, 1.2, 1.3],
            numeric_columns=range(1, 7),
            total_row=total,
        )
    )
    people = sum(s.people for s in shown)
    worried = sum(s.worried or 0 for s in shown)
    notes: list[str] = []
    if people:
        notes.append(
            ngettext(
                "{worried:,} of {people:,} person agrees, on average, with the statements about "
                "worry ({share}); their concerns come first, before they are asked to lead.",
                "{worried:,} of {people:,} people agree, on average, with the statements about "
                "worry ({share}); their concerns come first, before they are asked to lead.",
                people,
            ).format(worried=worried, people=people, share=share(worried, people))
        )
    if len(shown) < len(readiness.segments):
        notes.append(
            _(
                "Fewer than {threshold} people were asked in all, so the readiness counts are "
                "withheld (“–”)."
            ).format(threshold=readiness.threshold)
        )
    story.append(kit.caption(" ".join(notes)))
    return story


def _mean_markup(mean: float | None, suppressed: bool) -> str:
    if suppressed:
        return coloured("–", palette.MUTED)
    if mean is None:
        return coloured(_("no answers"), palette.MUTED)
    return paragraph_markup(f"{mean:.1f}")


def _statement(readiness: ReadinessSummary, index: int) -> str:
    item = readiness.items[index]
    return f"{item.statement} {REVERSE_MARK}" if item.reverse else item.statement


def attitudes_story(report: SkillsReport, kit: PdfKit) -> list[Flowable]:
    """Each statement's mean for everyone and per department (1–5, higher = better)."""
    readiness = report.readiness
    if not readiness.items:
        return []
    story = kit.chapter(_("Attitudes"))
    if readiness.answered == 0:
        story.append(
            kit.empty_state(
                _(
                    "No one has answered the attitude statements of this survey yet. Enter "
                    "their answers in the Skills area, then make this report again."
                )
            )
        )
        return story
    story.append(
        kit.paragraph(
            _(
                "People said how far they agree with each statement, from 1 (strongly "
                "disagree) to 5 (strongly agree). For the statements marked {mark}, agreeing "
                "is a worry, so their answers are turned round (5 counts as 1): every figure "
                "here reads higher = better. {answered:,} of {people:,} people answered."
            ).format(mark=REVERSE_MARK, answered=readiness.answered, people=report.heatmap.people)
        )
    )
    overall = {c.item: c for c in readiness.overall}
    rows: list[list[str]] = []
    for i, item in enumerate(readiness.items):
        cell = overall.get(item.key)
        rows.append(
            [
                paragraph_markup(str(i + 1)),
                paragraph_markup(_statement(readiness, i)),
                _mean_markup(cell.mean if cell else None, cell.suppressed if cell else False),
                paragraph_markup(f"{cell.people:,}" if cell else "0"),
            ]
        )
    story.append(
        markup_table(
            kit,
            ["#", _("Statement"), _("Mean of 5, everyone"), _("People who answered")],
            rows,
            column_widths=[0.4, 5.2, 1.4, 1.4],
            numeric_columns=(2, 3),
        )
    )
    story.append(
        kit.caption(
            _("{mark} Agreeing is a worry: answers turned round, so higher = better.").format(
                mark=REVERSE_MARK
            )
        )
    )
    groups: list[str] = []
    for cell in readiness.attitudes:
        if cell.group not in groups:
            groups.append(cell.group)
    if groups:
        by_cell = {(c.group, c.item): c for c in readiness.attitudes}
        group_rows: list[list[str]] = []
        for group in groups:
            row = [paragraph_markup(group)]
            for item in readiness.items:
                found = by_cell.get((group, item.key))
                row.append(
                    _mean_markup(found.mean, found.suppressed)
                    if found
                    else coloured("·", palette.MUTED)
                )
            group_rows.append(row)
        story += [kit.keep_room(45), kit.heading(_("By department"), 2)]
        story.append(
            markup_table(
                kit,
                [_("Department"), *(str(i + 1) for i in range(len(readiness.items)))],
                group_rows,
                column_widths=[3.0] + [0.8] * len(readiness.items),
                numeric_columns=range(1, len(readiness.items) + 1),
            )
        )
        caption = _(
            "Mean of 5 per statement (numbered as above), higher = better; “·” no answers. "
            "{withheld}"
        ).format(withheld=withheld_sentence(readiness.threshold))
        story.append(kit.caption(caption))
    return story
