"""The AI maturity assessment PDF: where the organisation stands, what moved, what to do next.

Its sections (``MATURITY_SECTIONS``) can be reused in an executive report with
``pdf_document.adapt_section``. Every number comes from the ``AssessmentResults`` given: the
report formats scores, levels, gaps and changes and computes none of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Paragraph, Table, TableStyle

from app.i18n import N_, _, ngettext, translate
from app.maturity.figures import AssessmentResults, DimensionResult, QuestionResult
from app.progress import CancelToken, Progress, no_progress
from app.reports import palette
from app.reports.charts import radar_chart, stacked_bar_chart
from app.reports.fonts import SANS, SANS_BOLD, paragraph_markup
from app.reports.pdf_blocks import bullets, callout, coloured, markup_table, subheading
from app.reports.pdf_document import CoverPage, PdfSection, format_date, write_pdf_report
from app.reports.pdf_styles import PdfKit

REPORT_TITLE = N_("AI maturity assessment")
SCALE_TOP = 5
"""The top of the maturity scale; scores run from 1 to 5."""
UP = palette.SERIES[2]
DOWN = palette.SERIES[3]
BASELINE_COLOUR = palette.SERIES[2]


# -- formatting -------------------------------------------------------------------------------


def _score(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _out_of_five(value: float | None) -> str:
    if value is None:
        return "–"
    return _("{score} of {top}").format(score=f"{value:.1f}", top=SCALE_TOP)


def _level_value(value: float | None, mode: str) -> str:
    """A question's level: "3" for a consensus answer, "2.6" for a mean of respondents."""
    if value is None:
        return "–"
    if mode == "respondents" or not float(value).is_integer():
        return f"{value:.1f}"
    return f"{value:.0f}"


def _level_label(level: int | None, name: str | None) -> str:
    if level is None:
        return "–"
    if name:
        return _("{level} · {name}").format(level=level, name=name)
    return str(level)


def _change_text(change: float | None) -> str:
    """ "▲ 0.6", "▼ 0.3" or "0.0": the arrow says which way, the number how far."""
    if change is None:
        return "–"
    shown = round(change, 1)
    if shown > 0:
        return f"▲ {shown:.1f}"
    if shown < 0:
        return f"▼ {abs(shown):.1f}"
    return "0.0"


def _change_markup(change: float | None) -> str:
    text = _change_text(change)
    colour = UP if text.startswith("▲") else DOWN if text.startswith("▼") else palette.MUTED
    return coloured(text, colour, bold=text[0] in "▲▼")


def _gap_markup(gap: float | None) -> str:
    if gap is None:
        return coloured("–", palette.MUTED)
    if round(gap, 1) <= 0:
        return coloured(_("Target met"), UP, bold=True)
    return paragraph_markup(f"{gap:.1f}")


def _baseline_label(results: AssessmentResults) -> str:
    """The baseline in a chart legend: "Baseline, 1 October 2024"."""
    if results.baseline_taken_on is not None:
        return _("Baseline, {date}").format(date=format_date(results.baseline_taken_on))
    return _("Baseline")


def _answered_anything(results: AssessmentResults) -> bool:
    return results.overall is not None or any(d.score is not None for d in results.dimensions)


def _has_baseline(results: AssessmentResults) -> bool:
    return results.baseline_name is not None or any(
        d.baseline is not None for d in results.dimensions
    )


# -- building blocks --------------------------------------------------------------------------


def _radar(results: AssessmentResults, kit: PdfKit) -> list[Flowable]:
    """The radar and its caption (not yet kept together, so a heading can join them)."""
    dimensions = results.dimensions
    series: list[tuple[str, Sequence[float | None]]] = [
        (_("Current score"), [d.score for d in dimensions]),
    ]
    if any(d.target is not None for d in dimensions):
        series.append((_("Target"), [d.target for d in dimensions]))
    if any(d.baseline is not None for d in dimensions):
        series.append((_baseline_label(results), [d.baseline for d in dimensions]))
    chart = radar_chart([d.name for d in dimensions], series, width=kit.frame_width, max_radius=104)
    caption = _(
        "The score of each dimension on the scale from 1 (the inner ring) to {top} (the outer "
        "ring). The filled shape is where the organisation stands now."
    ).format(top=SCALE_TOP)
    if len(series) == 3:
        caption += " " + _("The dashed line is the target, the dotted line the baseline.")
    elif len(series) == 2 and series[1][0] == _("Target"):
        caption += " " + _("The dashed line is the target.")
    elif len(series) == 2:
        caption += " " + _("The dotted line is the baseline.")
    return [chart, kit.caption(caption), kit.spacer(4)]


# -- sections ---------------------------------------------------------------------------------


def _intro(results: AssessmentResults) -> str:
    scope = _(
        "This report sets out the results of the assessment “{assessment}” at {organisation} "
        "(scope: {scope}), taken on {date} with the framework “{framework}” (version "
        "{version})."
    ).format(
        assessment=results.name,
        scope=results.scope_label,
        organisation=results.organisation,
        date=format_date(results.taken_on),
        framework=results.framework_name,
        version=results.framework_version,
    )
    if results.mode == "respondents":
        how = ngettext(
            "{n:,} person answered the questions on their own.",
            "{n:,} people answered the questions, each on their own; scores are the mean of "
            "their answers.",
            results.respondent_count,
        ).format(n=results.respondent_count)
    else:
        how = _("The answers were agreed together by the team taking the assessment.")
    return f"{scope} {how}"


def _key_figures(results: AssessmentResults) -> list[tuple[str, str]]:
    level = results.overall_level
    figures = [
        (_("Overall maturity score"), _out_of_five(results.overall)),
        (
            _("Maturity level: {name}").format(name=results.overall_level_name)
            if results.overall_level_name
            else _("Maturity level"),
            "–" if level is None else _("Level {level}").format(level=level),
        ),
        (_("Questions answered"), f"{results.coverage:.0%}"),
    ]
    if results.baseline_overall is not None:
        figures.append(
            (
                _("Overall score at the baseline ({date})").format(
                    date=format_date(results.baseline_taken_on)
                )
                if results.baseline_taken_on
                else _("Overall score at the baseline"),
                _out_of_five(results.baseline_overall),
            )
        )
    elif results.mode == "respondents":
        figures.append((_("People who answered"), f"{results.respondent_count:,}"))
    else:
        figures.append((_("Dimensions assessed"), f"{len(results.dimensions):,}"))
    return figures


def _gap_table(results: AssessmentResults, kit: PdfKit) -> Flowable:
    with_change = _has_baseline(results)
    # Largest gap first; dimensions without a gap keep the framework's order after them.
    ordered = sorted(
        results.dimensions, key=lambda d: (d.gap is None, -(d.gap if d.gap is not None else 0.0))
    )
    header = [_("Dimension"), _("Level"), _("Score"), _("Target"), _("Gap")]
    widths = [3.2, 2.4, 0.9, 0.9, 1.3]
    if with_change:
        header.append(_("Change"))
        widths.append(1.1)
    rows: list[list[str]] = []
    for d in ordered:
        row = [
            paragraph_markup(d.name),
            paragraph_markup(_level_label(d.level, d.level_name)),
            paragraph_markup(_score(d.score)),
            paragraph_markup(_score(d.target)),
            _gap_markup(d.gap),
        ]
        if with_change:
            row.append(_change_markup(d.change))
        rows.append(row)
    return markup_table(
        kit, header, rows, column_widths=widths, numeric_columns=range(2, len(header))
    )


def _weakest(results: AssessmentResults, kit: PdfKit) -> list[Flowable]:
    title_style = ParagraphStyle(
        "WeakestTitle", parent=kit.styles.body, spaceBefore=6, spaceAfter=2
    )
    story: list[Flowable] = []
    for rank, d in enumerate(results.weakest, 1):
        facts = _("{score} · level {level}").format(
            score=_out_of_five(d.score), level=_level_label(d.level, d.level_name)
        )
        title = (
            f"<b>{paragraph_markup(f'{rank}. {d.name}', bold=True)}</b>"
            f"&nbsp;&nbsp;{coloured(facts, palette.MUTED)}"
        )
        block: list[Flowable] = [Paragraph(title, title_style)]
        if d.recommendations:
            block += bullets(kit, d.recommendations)
        else:
            block.append(
                kit.paragraph(_("The framework has no recommendations for this level yet."))
            )
        story.append(KeepTogether(block))
    return story


def summary_story(results: AssessmentResults, kit: PdfKit) -> list[Flowable]:
    """Overall level and score, key figures, the radar, the gap table and where to start."""
    story = kit.chapter(_("AI maturity at a glance"))
    story.append(kit.paragraph(_intro(results)))
    if not _answered_anything(results):
        story.append(
            kit.empty_state(
                _(
                    "No answers have been recorded for this assessment yet, so there are no "
                    "scores to report. Answer its questions in the assessment wizard, then make "
                    "this report again."
                )
            )
        )
        if results.dimensions:
            story.append(
                kit.paragraph(
                    _("The assessment covers these dimensions: {dimensions}.").format(
                        dimensions=", ".join(d.name for d in results.dimensions)
                    )
                )
            )
        return story
    if results.overall_level is not None:
        story.append(
            callout(
                kit,
                _("Level {level} of {top}: {name}").format(
                    level=results.overall_level, top=SCALE_TOP, name=results.overall_level_name
                )
                if results.overall_level_name
                else _("Level {level} of {top}").format(level=results.overall_level, top=SCALE_TOP),
                results.overall_level_description,
            )
        )
        story.append(kit.spacer(3))
    story.append(kit.key_figures(_key_figures(results)))
    if results.status == "in_progress":
        story.append(
            kit.note(
                _(
                    "This assessment is still in progress: its answers may change before it "
                    "is complete."
                )
            )
        )
    if results.mode == "respondents":
        story.append(
            kit.note(
                _(
                    "To protect anonymity, the spread of answers in a dimension is shown only "
                    "where at least {threshold} people answered it."
                ).format(threshold=results.anonymity_threshold)
            )
        )
    if results.dimensions:
        # The heading travels with the chart: a heading never ends a page on its own.
        story.append(
            KeepTogether([kit.heading(_("Scores by dimension"), 2), *_radar(results, kit)])
        )
        story += [kit.keep_room(50), kit.heading(_("Gap to target"), 2)]
        story.append(
            kit.paragraph(
                _(
                    "Dimensions in order of how far they are from their target, the largest gap "
                    "first. Scores run from 1 to {top}."
                ).format(top=SCALE_TOP)
            )
        )
        story.append(_gap_table(results, kit))
    if results.weakest:
        story += [kit.keep_room(50), kit.heading(_("Where to focus first"), 2)]
        story.append(
            kit.paragraph(
                _("The three weakest dimensions and the next steps recommended at their level.")
            )
        )
        story += _weakest(results, kit)
    if results.notes:
        story += [kit.keep_room(30), kit.heading(_("Notes from the assessment"), 2)]
        story += [kit.paragraph(note) for note in results.notes]
    return story


def baseline_story(results: AssessmentResults, kit: PdfKit) -> list[Flowable]:
    """What changed per dimension since the baseline; nothing when there is no baseline."""
    if not _has_baseline(results) or not _answered_anything(results):
        return []
    story = kit.chapter(_("Since the baseline"))
    name = results.baseline_name or _("the baseline")
    if results.baseline_taken_on is not None:
        intro = _(
            "Compared with the baseline assessment “{name}”, taken on {date}. The overall "
            "score was {before} then and is {now} now."
        ).format(
            name=name,
            date=format_date(results.baseline_taken_on),
            before=_out_of_five(results.baseline_overall),
            now=_out_of_five(results.overall),
        )
    else:
        intro = _(
            "Compared with the baseline assessment “{name}”. The overall score was {before} "
            "then and is {now} now."
        ).format(
            name=name,
            before=_out_of_five(results.baseline_overall),
            now=_out_of_five(results.overall),
        )
    story.append(kit.paragraph(intro))
    complete = all(d.score is not None and d.baseline is not None for d in results.dimensions)
    if results.dimensions and complete:
        chart = stacked_bar_chart(
            [d.name for d in results.dimensions],
            [
                (_baseline_label(results), [d.baseline or 0.0 for d in results.dimensions]),
                (_("Now"), [d.score or 0.0 for d in results.dimensions]),
            ],
            width=kit.frame_width,
            mode="grouped",
            value_format=lambda value: f"{value:.1f}",
            colours=[BASELINE_COLOUR, palette.PRIMARY],
        )
        story.append(kit.figure(chart, _("Score of each dimension at the baseline and now.")))
    rows = [
        [
            paragraph_markup(d.name),
            paragraph_markup(_score(d.baseline)),
            paragraph_markup(_score(d.score)),
            _change_markup(d.change),
        ]
        for d in results.dimensions
    ]
    story.append(kit.keep_room(40))
    story.append(
        markup_table(
            kit,
            [_("Dimension"), _("Baseline"), _("Now"), _("Change")],
            rows,
            column_widths=[4.2, 1.1, 1.1, 1.2],
            numeric_columns=(1, 2, 3),
        )
    )
    story.append(
        kit.caption(
            _(
                "▲ higher than at the baseline, ▼ lower; “–” where the dimension was not "
                "answered in one of the two assessments."
            )
        )
    )
    return story


def _question_meta(results: AssessmentResults, q: QuestionResult) -> str:
    if results.mode == "respondents":
        parts = [
            ngettext("{n:,} answer", "{n:,} answers", q.answers).format(n=q.answers),
        ]
        if q.dont_know:
            parts.append(
                ngettext(
                    "{n:,} person answered “don't know”",
                    "{n:,} people answered “don't know”",
                    q.dont_know,
                ).format(n=q.dont_know)
            )
        return " · ".join(parts)
    if q.dont_know:
        return _("The team answered “don't know”.")
    if q.level is None:
        return _("Not answered yet.")
    return ""


def _question_block(results: AssessmentResults, q: QuestionResult, kit: PdfKit) -> list[Flowable]:
    s = kit.styles
    badge_w = 17 * mm
    badge_value = ParagraphStyle(
        "Badge", parent=s.figure_value, fontSize=17, leading=19, alignment=1
    )
    badge_label = ParagraphStyle("BadgeLabel", parent=s.figure_label, fontSize=7, alignment=1)
    question_style = ParagraphStyle(
        "Question", parent=s.body, fontName=SANS_BOLD, spaceAfter=2, leading=13
    )
    answer_style = ParagraphStyle("Answer", parent=s.body, spaceAfter=1, leading=13)
    meta_style = ParagraphStyle("Meta", parent=s.small, spaceAfter=0)

    if q.level is None:
        badge = [
            Paragraph(coloured("–", palette.MUTED, bold=True), badge_value),
            Paragraph(paragraph_markup(_("no level")), badge_label),
        ]
    else:
        badge = [
            Paragraph(
                paragraph_markup(_level_value(q.level, results.mode), bold=True), badge_value
            ),
            Paragraph(paragraph_markup(_("of {top}").format(top=SCALE_TOP)), badge_label),
        ]
    content: list[Flowable] = [Paragraph(paragraph_markup(q.text, bold=True), question_style)]
    if q.chosen_descriptor:
        if results.mode == "respondents" and q.level is not None:
            lead = _("Closest to level {level}:").format(level=round(q.level))
        else:
            lead = _("Level {level}:").format(level=_level_value(q.level, results.mode))
        content.append(
            Paragraph(
                f"{coloured(lead, palette.PRIMARY, bold=True)} "
                f"{paragraph_markup(q.chosen_descriptor)}",
                answer_style,
            )
        )
    meta = _question_meta(results, q)
    if meta:
        content.append(Paragraph(paragraph_markup(meta), meta_style))
    table = Table([[badge, content]], colWidths=[badge_w, kit.frame_width - badge_w])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SANS),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (0, 0), colors.HexColor(palette.ZEBRA)),
                ("LEFTPADDING", (0, 0), (0, 0), 2),
                ("RIGHTPADDING", (0, 0), (0, 0), 2),
                ("TOPPADDING", (0, 0), (0, 0), 6),
                ("BOTTOMPADDING", (0, 0), (0, 0), 6),
                ("LEFTPADDING", (1, 0), (1, 0), 10),
                ("TOPPADDING", (1, 0), (1, 0), 3),
                ("BOTTOMPADDING", (1, 0), (1, 0), 2),
            ]
        )
    )
    story: list[Flowable] = [table]
    if q.notes:
        note_style = ParagraphStyle(
            "QuestionNote",
            parent=s.body,
            fontSize=8.5,
            leading=12,
            textColor=colors.HexColor(palette.MUTED),
            leftIndent=badge_w + 10,
            spaceBefore=1,
            spaceAfter=1,
        )
        label = coloured(_("Notes and evidence:"), palette.INK, bold=True)
        story.append(Paragraph(label, note_style))
        story += [Paragraph(paragraph_markup(note), note_style) for note in q.notes]
    story.append(
        HRFlowable(
            width="100%",
            thickness=0.4,
            color=colors.HexColor(palette.RULE),
            spaceBefore=5,
            spaceAfter=6,
        )
    )
    return story


def _dimension_figures(results: AssessmentResults, d: DimensionResult) -> list[tuple[str, str]]:
    figures = [
        (_("Score"), _out_of_five(d.score)),
        (
            _("Maturity level: {name}").format(name=d.level_name)
            if d.level_name
            else _("Maturity level"),
            "–" if d.level is None else _("Level {level}").format(level=d.level),
        ),
        (_("Target"), _score(d.target)),
    ]
    if _has_baseline(results):
        figures.append((_("Change since the baseline"), _change_text(d.change)))
    elif d.respondents is not None:
        figures.append((_("People who answered"), f"{d.respondents:,}"))
    return figures


def _spread(results: AssessmentResults, d: DimensionResult, kit: PdfKit) -> list[Flowable]:
    if results.mode != "respondents" or d.respondents is None:
        return []
    if d.suppressed:
        return [
            kit.note(
                _(
                    "Fewer than {threshold} people answered this dimension, so how far their "
                    "answers differ is withheld to protect their anonymity."
                ).format(threshold=results.anonymity_threshold)
            )
        ]
    text = ngettext(
        "{n:,} person answered this dimension.",
        "{n:,} people answered this dimension.",
        d.respondents,
    ).format(n=d.respondents)
    if d.minimum is not None and d.maximum is not None:
        text += " " + _("Their scores ranged from {low} to {high}.").format(
            low=_score(d.minimum), high=_score(d.maximum)
        )
    if d.spread_sd is not None:
        text += " " + _("Standard deviation: {sd}.").format(sd=f"{d.spread_sd:.1f}")
    return [kit.paragraph(text)]


def dimension_story(results: AssessmentResults, d: DimensionResult, kit: PdfKit) -> list[Flowable]:
    """One dimension on its own page: score, level, every question and the next steps."""
    story = kit.chapter(d.name)
    story += [kit.key_figures(_dimension_figures(results, d)), kit.spacer(4)]
    story += _spread(results, d, kit)
    if d.score is None:
        story.append(
            kit.empty_state(_("No question in this dimension has been answered with a level yet."))
        )
    questions = [q for q in results.questions if q.dimension_key == d.key]
    if questions:
        story += [kit.keep_room(40), subheading(kit, _("Questions and answers"))]
        for q in questions:
            story += _question_block(results, q, kit)
    if d.recommendations:
        block: list[Flowable] = [subheading(kit, _("Recommended next steps"))]
        block += bullets(kit, d.recommendations)
        story.append(KeepTogether(block))
    return story


def dimensions_story(results: AssessmentResults, kit: PdfKit) -> list[Flowable]:
    """A chapter per dimension; none when nothing has been answered at all."""
    if not _answered_anything(results):
        return []
    story: list[Flowable] = []
    for d in results.dimensions:
        story += dimension_story(results, d, kit)
    return story


MATURITY_SECTIONS: tuple[PdfSection[AssessmentResults], ...] = (
    PdfSection(N_("AI maturity at a glance"), summary_story),
    PdfSection(N_("Since the baseline"), baseline_story),
    PdfSection(N_("Dimensions in detail"), dimensions_story),
)


def maturity_cover(results: AssessmentResults, generated_on: date | None = None) -> CoverPage:
    """The cover: the assessment's name, scope and date under the report title."""
    return CoverPage(
        title=translate(REPORT_TITLE),
        organisation=results.organisation,
        generated_on=generated_on or date.today(),
        subtitle=_("{assessment} · {scope} · assessed on {date}").format(
            assessment=results.name,
            scope=results.scope_label,
            date=format_date(results.taken_on),
        ),
    )


def write_maturity_pdf(
    results: AssessmentResults,
    out: Path,
    *,
    page_size: str | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    generated_on: date | None = None,
) -> None:
    """Write the maturity assessment PDF to ``out`` (A4 or Letter; None: from the locale)."""
    write_pdf_report(
        Path(out),
        cover=maturity_cover(results, generated_on),
        figures=results,
        sections=MATURITY_SECTIONS,
        page_size=page_size,
        progress=progress,
        cancel=cancel,
    )
