"""The pilot report's results: each success criterion with its 95 % interval and verdict,
the measurements behind them as charts, and what people said.

Sections of ``pilot_pdf``; they format the figures of ``PilotOutcome`` and compute none.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from app.i18n import _, ngettext
from app.pilots.analysis import MIN_OBSERVATIONS, PairedChange, TaskSaving
from app.pilots.criteria import CriterionResult, Verdict, criterion_label, fixed, signed
from app.pilots.tracking import check_in_features
from app.reports import palette
from app.reports.fonts import SANS, paragraph_markup
from app.reports.pdf_blocks import bullets, coloured, markup_table
from app.reports.pdf_document import format_date
from app.reports.pdf_styles import PdfKit
from app.reports.pilot_charts import (
    adoption_chart,
    feature_chart,
    satisfaction_chart,
    task_chart,
)
from app.reports.pilot_labels import (
    interval_text,
    percent_text,
    result_verdict_text,
    task_labels,
    value_text,
)
from app.reports.pilot_report import PilotReport

MET_COLOUR = "#2E7D5B"
NOT_MET_COLOUR = "#B23A2B"
SO_FAR_COLOUR = "#1565C0"
VERDICT_SHAPES = {
    Verdict.MET: ("●", MET_COLOUR),
    Verdict.NOT_MET: ("✕", NOT_MET_COLOUR),
    Verdict.NOT_ENOUGH_DATA: ("○", palette.MUTED),
    Verdict.IN_PROGRESS: ("◔", SO_FAR_COLOUR),
}
"""A verdict reads by its shape as well as its colour, so it survives a grey printer."""
APPLICATIONS_SHOWN = 6


def verdict_markup(result: CriterionResult) -> str:
    """The verdict as a coloured shape and word, "not certain" under it where it is."""
    shape, colour = VERDICT_SHAPES[result.verdict]
    markup = coloured(f"{shape} {result_verdict_text(result)}", colour, bold=True)
    if result.uncertain:
        markup += "<br/>" + coloured(_("not certain"), palette.MUTED)
    return markup


# -- Results against the success criteria -------------------------------------------------------


def _key_figures(report: PilotReport) -> list[tuple[str, str]]:
    results = report.outcome.results
    criteria = report.outcome.criteria
    satisfaction = results.satisfaction
    if report.interim:
        on_track = sum(
            1 for result in criteria if result.verdict is Verdict.IN_PROGRESS and result.on_track
        )
        judged = (_("On track so far"), _("{n} of {all}").format(n=on_track, all=len(criteria)))
        finished = _("Finished their path so far")
    else:
        met = sum(1 for result in criteria if result.verdict is Verdict.MET)
        judged = (_("Success criteria met"), _("{met} of {all}").format(met=met, all=len(criteria)))
        finished = _("Finished their path")
    return [
        (_("People who took part"), f"{results.completion.enrolled:,}"),
        (finished, percent_text(results.completion.rate)),
        (
            _("Average satisfaction, out of 5"),
            "–" if satisfaction.mean is None else fixed(satisfaction.mean, 1),
        ),
        judged,
    ]


def stage_note(report: PilotReport) -> str | None:
    """Why the criteria are, or are not yet, judged: an interim report, or a pilot past its
    planned end; None for a pilot that has ended."""
    judging = report.judging
    pilot = report.outcome.pilot
    if judging.interim:
        if pilot.status == "planned":
            return _(
                "This is an interim report: the pilot has not started yet. Its success "
                "criteria are judged when it ends."
            )
        when = _("The pilot is still running")
        if judging.week is not None and judging.weeks is not None:
            when = _("The pilot is in week {week} of {weeks}").format(
                week=judging.week, weeks=judging.weeks
            )
        if pilot.ends_on is not None:
            when = _("{when} and ends on {day}").format(when=when, day=format_date(pilot.ends_on))
        return _(
            "This is an interim report. {when}: its success criteria are judged then, and "
            "until then each shows its figure so far, marked “Not yet judged”, which can still "
            "change."
        ).format(when=when)
    if judging.overdue and pilot.ends_on is not None:
        return _(
            "The pilot's planned end, {day}, has passed and it is still marked as running, so "
            "its success criteria are judged as the figures stand. End it to evaluate the "
            "results and record the decision."
        ).format(day=format_date(pilot.ends_on))
    return None


def _result_value(result: CriterionResult) -> str:
    """ "84.6 %", or "23.1 % so far" while the pilot runs."""
    text = value_text(result.criterion, result.value)
    if result.verdict is Verdict.IN_PROGRESS and result.value is not None:
        return _("{value} so far").format(value=text)
    return text


def results_story(report: PilotReport, kit: PdfKit) -> list[Flowable]:
    """Key figures, then a row per success criterion and the sentence that explains it."""
    outcome = report.outcome
    story = kit.chapter(_("Results against the success criteria"))
    story.append(kit.key_figures(_key_figures(report)))
    story.append(kit.spacer(2))
    note = stage_note(report)
    if note:
        story.append(kit.note(note))
    if not outcome.criteria:
        story.append(
            kit.empty_state(
                _(
                    "No success criteria were agreed for this pilot, so nothing can be judged "
                    "met or not met. Agree them before the next pilot starts."
                )
            )
        )
        return story
    story.append(
        kit.paragraph(
            _(
                "The success criteria were agreed before the pilot started. The 95 % interval "
                "is the range the true figure most likely lies in, given how few people took "
                "part; where it reaches across the target, the verdict is marked “not "
                "certain”. A figure resting on fewer than {n} people (or timed tasks) is “not "
                "enough data”, whatever it says."
            ).format(n=MIN_OBSERVATIONS)
        )
    )
    rows = [
        [
            paragraph_markup(criterion_label(result.criterion)),
            paragraph_markup(_result_value(result)),
            paragraph_markup(interval_text(result.criterion, result.interval)),
            f"{result.n:,}",
            verdict_markup(result),
        ]
        for result in outcome.criteria
    ]
    story.append(
        markup_table(
            kit,
            [_("Success criterion"), _("Result"), _("95 % interval"), _("Based on"), _("Verdict")],
            rows,
            column_widths=[2.8, 1.5, 1.6, 0.8, 2.0],
            numeric_columns=[1, 2, 3],
        )
    )
    story.append(kit.caption(_("Based on: the people, answers or timed tasks behind each figure.")))
    story.append(kit.heading(_("What each result means"), 2))
    story += bullets(kit, [result.sentence for result in outcome.criteria])
    return story


# -- What the measurements show -----------------------------------------------------------------


def _weekly_target(report: PilotReport) -> tuple[float | None, int | None]:
    for criterion in report.outcome.pilot.criteria:
        if criterion.measure == "weekly_active":
            return criterion.threshold, criterion.after_weeks
    return None, None


def _adoption_part(report: PilotReport, kit: PdfKit) -> list[Flowable]:
    results = report.outcome.results
    story: list[Flowable] = [kit.heading(_("Weekly use"), 2)]
    if not results.adoption:
        story.append(
            kit.empty_state(
                _("No weekly check-ins yet: the curve shows once participants check in.")
            )
        )
        return story
    target, from_week = _weekly_target(report)
    chart = adoption_chart(
        results.adoption, width=kit.frame_width, target=target, from_week=from_week
    )
    missed = [week.week for week in results.adoption if week.share is None]
    caption = _(
        "Each week, the share of the participants checking in who had used the AI tool on at "
        "least one day that week."
    )
    if missed:
        caption += " " + _("Nobody checked in in week {weeks}: the line breaks there.").format(
            weeks=", ".join(str(week) for week in missed)
        )
    story.append(kit.figure(chart, caption))
    return story


def _errors(task: TaskSaving) -> str:
    if task.errors_before is None and task.errors_after is None:
        return "–"
    before = "–" if task.errors_before is None else str(task.errors_before)
    after = "–" if task.errors_after is None else str(task.errors_after)
    return f"{before} → {after}"


def _tasks_part(report: PilotReport, kit: PdfKit) -> list[Flowable]:
    saved = report.outcome.results.time_saved
    story: list[Flowable] = [kit.keep_room(70), kit.heading(_("Time on the timed tasks"), 2)]
    if not saved.tasks:
        story.append(
            kit.empty_state(
                _(
                    "No task has been timed before and after the training yet. Time a few "
                    "everyday tasks to show the time saved."
                )
            )
        )
        return story
    labelled = task_labels(saved.tasks)
    caption = ngettext(
        "Minutes the task took before and after the training.",
        "Minutes each task took before and after the training; a task timed with several "
        "people is shown once for each.",
        len(labelled),
    )
    if saved.median_share is not None:
        caption += " " + _("Median time saved: {share}").format(
            share=percent_text(saved.median_share)
        )
        if saved.share_interval is not None:
            caption += " " + _("(95 % interval {low} to {high})").format(
                low=percent_text(saved.share_interval.low),
                high=percent_text(saved.share_interval.high),
            )
        caption += "."
    story.append(kit.figure(task_chart(labelled, width=kit.frame_width), caption))
    story.append(
        kit.table(
            [
                _("Task"),
                _("Before, min"),
                _("After, min"),
                _("Time saved"),
                _("Observations"),
                _("Errors before → after"),
            ],
            [
                [
                    text,
                    f"{task.minutes_before:.0f}",
                    f"{task.minutes_after:.0f}",
                    percent_text(task.saved_share),
                    task.observations,
                    _errors(task),
                ]
                for text, task in labelled
            ],
            column_widths=[2.7, 0.9, 0.9, 0.9, 1.3, 1.4],
            numeric_columns=[1, 2, 3, 4, 5],
        )
    )
    return story


def _satisfaction_part(report: PilotReport, kit: PdfKit) -> list[Flowable]:
    answers = report.outcome.results.satisfaction
    story: list[Flowable] = [kit.keep_room(60), kit.heading(_("Satisfaction"), 2)]
    if not answers.n:
        story.append(
            kit.empty_state(
                _("Nobody has answered the satisfaction survey yet; ask at the end of the pilot.")
            )
        )
        return story
    caption = ngettext(
        "How the {n} participant who answered rated the pilot, from 1 (very poor) to 5 "
        "(excellent).",
        "How the {n} participants who answered rated the pilot, from 1 (very poor) to 5 "
        "(excellent).",
        answers.n,
    ).format(n=answers.n)
    if answers.mean is not None:
        caption += " " + _("Average {mean} out of 5").format(mean=fixed(answers.mean, 1))
        if answers.interval is not None:
            caption += " " + _("(95 % interval {low} to {high})").format(
                low=fixed(answers.interval.low, 1), high=fixed(answers.interval.high, 1)
            )
        caption += "."
    if answers.recommend_mean is not None and answers.net_promoter is not None:
        caption += " " + _(
            "Would recommend it to a colleague: {mean} out of 10 on average; net promoter "
            "score {nps}."
        ).format(mean=fixed(answers.recommend_mean, 1), nps=f"{answers.net_promoter:+.0f}")
    story.append(
        kit.figure(satisfaction_chart(answers.distribution, width=kit.frame_width), caption)
    )
    return story


def _change_row(name: str, change: PairedChange, decimals: int) -> list[Any]:
    def shown(value: float | None, with_sign: bool = False) -> str:
        if value is None:
            return "–"
        return signed(value, decimals) if with_sign else fixed(value, decimals)

    interval = "–"
    if change.interval is not None:
        interval = _("{low} to {high}").format(
            low=shown(change.interval.low, True), high=shown(change.interval.high, True)
        )
    return [
        name,
        change.n_pairs,
        shown(change.mean_before),
        shown(change.mean_after),
        shown(change.mean_change, True),
        interval,
    ]


def _before_after_part(report: PilotReport, kit: PdfKit) -> list[Flowable]:
    results = report.outcome.results
    measured = [
        (_("Knowledge check, %"), results.learning_gain, 1),
        (_("Job satisfaction, out of 5"), results.job_satisfaction, 2),
        (_("Career-development satisfaction, out of 5"), results.career_satisfaction, 2),
    ]
    story: list[Flowable] = [kit.keep_room(50), kit.heading(_("Before and after"), 2)]
    if not any(change.n_pairs for _n, change, _d in measured):
        waiting = sum(change.missing_after for _n, change, _d in measured)
        text = _(
            "Nobody has been measured both before and after yet: the knowledge check and the "
            "engagement questions are asked again at the end of the pilot."
        )
        if waiting:
            text += " " + ngettext(
                "{n} measurement taken before the start is waiting for its pair.",
                "{n} measurements taken before the start are waiting for their pair.",
                waiting,
            ).format(n=waiting)
        story.append(kit.empty_state(text))
        return story
    story.append(
        kit.table(
            [_("Measure"), _("People"), _("Before"), _("After"), _("Change"), _("95 % interval")],
            [_change_row(name, change, decimals) for name, change, decimals in measured],
            column_widths=[3.0, 0.9, 0.9, 0.9, 0.9, 1.5],
            numeric_columns=[1, 2, 3, 4, 5],
        )
    )
    notes = [
        ngettext(
            "{what}: {n} person measured before has no measurement after and is left out.",
            "{what}: {n} people measured before have no measurement after and are left out.",
            change.missing_after,
        ).format(what=name, n=change.missing_after)
        for name, change, _d in measured
        if change.missing_after
    ]
    caption = _(
        "Only people measured both before and after count, so that before and after describe "
        "the same people."
    )
    story.append(kit.caption(" ".join([caption, *notes])))
    return story


def _features_part(report: PilotReport, kit: PdfKit) -> list[Flowable]:
    results = report.outcome.results
    if not results.features:
        return []
    labels = {key: text for key, text in check_in_features()}
    caption = _(
        "How many participants used the tool at least once for each kind of work, from their "
        "weekly check-ins. They spent {hours} hours learning in all."
    ).format(hours=f"{results.learning_hours:,.0f}")
    return [
        kit.keep_room(50),
        kit.heading(_("What they used it for"), 2),
        kit.figure(feature_chart(results.features, labels, width=kit.frame_width), caption),
    ]


def measurements_story(report: PilotReport, kit: PdfKit) -> list[Flowable]:
    """The charts: weekly use against the target, timed tasks, satisfaction, before and
    after, and the kinds of work the tool was used for."""
    story = kit.chapter(_("What the measurements show"))
    story += _adoption_part(report, kit)
    story += _tasks_part(report, kit)
    story += _satisfaction_part(report, kit)
    story += _before_after_part(report, kit)
    story += _features_part(report, kit)
    return story


# -- What people said ---------------------------------------------------------------------------


def _quote(kit: PdfKit, text: str) -> Flowable:
    paragraph = Paragraph(paragraph_markup(f"“{text}”"), kit.styles.body)
    table = Table([[paragraph]], colWidths=[kit.frame_width * 0.92], hAlign="RIGHT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SANS),
                ("LINEBEFORE", (0, 0), (0, -1), 2.5, colors.HexColor(palette.ACCENT)),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def voices_story(report: PilotReport, kit: PdfKit) -> list[Flowable]:
    """Anonymous comments from the satisfaction survey and the uses participants logged."""
    outcome = report.outcome
    story: list[Flowable] = [kit.keep_room(110), kit.spacer(6), kit.heading(_("What people said"))]
    if outcome.quotes:
        story.append(
            kit.paragraph(
                _(
                    "Comments from the satisfaction survey, without names; the fuller ones "
                    "first, {shown} of {all}."
                ).format(shown=len(outcome.quotes), all=len(outcome.results.satisfaction.comments))
            )
        )
        for quote in outcome.quotes:
            story += [_quote(kit, quote), kit.spacer(3)]
    else:
        story.append(
            kit.empty_state(
                _("No comments yet: they come with the satisfaction survey at the end.")
            )
        )
    if outcome.applications:
        shown = outcome.applications[:APPLICATIONS_SHOWN]
        story.append(kit.heading(_("How they used it at work"), 2))
        story += bullets(
            kit,
            [
                _("{what} Saves about {hours} hours a week.").format(
                    what=application.description.strip(),
                    hours=f"{application.hours_saved_per_week:g}",
                )
                if application.hours_saved_per_week is not None
                else application.description.strip()
                for application in shown
            ],
        )
        if len(outcome.applications) > len(shown):
            story.append(
                kit.caption(
                    _("The {shown} most recent of {all} uses logged.").format(
                        shown=len(shown), all=len(outcome.applications)
                    )
                )
            )
    return story
