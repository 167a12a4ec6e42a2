"""The pilot report for leadership: what was tried, who took part, the results against the
success criteria agreed beforehand, what people said, the decision, and what scaling up
would bring.

Every figure comes from ``PilotOutcomeService.outcome`` (and the objectives from
``ObjectiveService``), gathered into a ``PilotReport``; the sections only lay them out, on
the report template of ``pdf_document`` (cover, contents, header, "Page N of M" footer,
outline). Participants are never named: the cohort is described by department, the
comments are quoted without names. The results chapters are in ``pilot_results_pdf``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.platypus import Flowable, Paragraph

from app.i18n import N_, _, ngettext
from app.progress import CancelToken, Progress, no_progress
from app.reports import palette
from app.reports.pdf_blocks import bullets, callout, coloured
from app.reports.pdf_document import CoverPage, PdfSection, format_date, write_pdf_report
from app.reports.pdf_styles import PdfKit
from app.reports.pilot_labels import (
    dates_text,
    decision_text,
    hours_text,
    progress_text,
    status_text,
)
from app.reports.pilot_report import PilotReport
from app.reports.pilot_results_pdf import measurements_story, results_story, voices_story


def _listed(names: tuple[str, ...] | list[str]) -> str:
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return _("{first} and {last}").format(first=", ".join(names[:-1]), last=names[-1])


# -- What we tried ----------------------------------------------------------------------------


def tried_story(report: PilotReport, kit: PdfKit) -> list[Flowable]:
    """The purpose, the facts of the pilot, and the objectives it serves with their metrics."""
    pilot = report.outcome.pilot
    story = kit.chapter(_("What we tried"))
    if pilot.purpose:
        story.append(kit.paragraph(pilot.purpose))
    else:
        story.append(kit.paragraph(_("No purpose was written down for this pilot.")))
    none = _("None recorded")
    facts = [
        [_("Dates"), dates_text(pilot.starts_on, pilot.ends_on)],
        [_("Where it stands"), progress_text(pilot.status, pilot.decision, report.judging)],
        [_("AI tools tried"), ", ".join(pilot.tools) or none],
        [_("Learning paths followed"), ", ".join(pilot.path_names) or none],
        [_("Objectives it serves"), "; ".join(pilot.objective_titles) or none],
        [
            _("People who took part"),
            ngettext("{n} person", "{n} people", pilot.participants).format(n=pilot.participants),
        ],
        [
            _("Success criteria"),
            ngettext(
                "{n} agreed before the start", "{n} agreed before the start", len(pilot.criteria)
            ).format(n=len(pilot.criteria))
            if pilot.criteria
            else _("None were agreed"),
        ],
    ]
    story.append(kit.table([_("About the pilot"), ""], facts, column_widths=[1.3, 3.2]))
    if report.objectives:
        story.append(kit.heading(_("The objectives it serves"), 2))
        for objective in report.objectives:
            story.append(
                Paragraph(coloured(objective.title, palette.PRIMARY, bold=True), kit.styles.body)
            )
            if objective.metrics:
                story += bullets(kit, [metric.sentence for metric in objective.metrics])
            else:
                story.append(kit.caption(_("No metric has been set for this objective yet.")))
    return story


# -- Who took part ----------------------------------------------------------------------------


def cohort_story(report: PilotReport, kit: PdfKit) -> list[Flowable]:
    """The cohort by department against the organisation, and in words how representative
    it is. Nobody is named."""
    outcome = report.outcome
    story: list[Flowable] = [kit.keep_room(90), kit.spacer(6), kit.heading(_("Who took part"))]
    enrolled = len(outcome.participants)
    if not enrolled:
        story.append(
            kit.empty_state(
                _(
                    "Nobody has joined this pilot yet. Choose its cohort in the Pilots area "
                    "(“Suggest a cohort”), then print this report again."
                )
            )
        )
        return story
    represented = [row.department for row in outcome.coverage if row.picked]
    left_out = [row.department for row in outcome.coverage if row.missing]
    story.append(
        kit.paragraph(
            ngettext(
                "{n} person took part, from {k} of the organisation's {m} departments.",
                "{n} people took part, from {k} of the organisation's {m} departments.",
                enrolled,
            ).format(n=enrolled, k=len(represented), m=len(outcome.coverage))
            + " "
            + _(
                "They were suggested for their enthusiasm (from the skills survey, or as HR "
                "entered it) and their influence, with every department in the pilot's scope "
                "represented. Participants are not named in this report."
            )
        )
    )
    if left_out:
        story.append(
            kit.paragraph(
                _("Not represented: {departments}. The results say little about them.").format(
                    departments=_listed(left_out)
                )
            )
        )
    else:
        story.append(kit.paragraph(_("Every department of the organisation is represented.")))
    story.append(
        kit.table(
            [_("Department"), _("People in the department"), _("In the pilot"), _("Of the pilot")],
            [
                [row.department, row.candidates, row.picked, f"{100 * row.share:.0f} %"]
                for row in outcome.coverage
            ],
            column_widths=[2.6, 1.4, 1.1, 1.1],
            numeric_columns=[1, 2, 3],
        )
    )
    story.append(
        kit.caption(
            _(
                "People in the department: the active people who could have joined. Of the "
                "pilot: the department's share of the cohort."
            )
        )
    )
    return story


# -- Decision and scale-up ----------------------------------------------------------------------


def decision_story(report: PilotReport, kit: PdfKit) -> list[Flowable]:
    """The decision with its date and reasons, or where the pilot stands without one."""
    pilot = report.outcome.pilot
    story = kit.chapter(_("Decision"))
    if pilot.decision is None:
        waiting = {
            "planned": _("The pilot has not started yet."),
            "running": _(
                "The pilot is still running: the results above are those so far, and the "
                "decision is taken once it has ended."
            ),
            "evaluating": _("The pilot has ended and its results are being evaluated."),
        }.get(pilot.status, status_text(pilot.status))
        if report.judging.overdue:
            waiting = _(
                "The pilot's planned end has passed: end it, evaluate the results and record "
                "the decision."
            )
        story.append(callout(kit, _("No decision yet"), waiting))
        return story
    title = decision_text(pilot.decision)
    if pilot.decided_on is not None:
        title = _("{decision}, decided on {date}").format(
            decision=title, date=format_date(pilot.decided_on)
        )
    story.append(callout(kit, title, pilot.decision_reasons or None))
    return story


def scale_up_story(report: PilotReport, kit: PdfKit) -> list[Flowable]:
    """Hours a year if the target population saved what a participant saved, with the
    interval and the assumptions."""
    outcome = report.outcome
    story: list[Flowable] = [kit.keep_room(70), kit.spacer(6), kit.heading(_("If we scale up"))]
    scale = outcome.scale_up
    saved = outcome.results.time_saved
    if scale is None:
        story.append(
            kit.empty_state(
                _(
                    "No target population was set for this pilot, so there is no estimate. "
                    "Enter how many people would follow if it is scaled up in the pilot's "
                    "details, then print this report again."
                )
            )
        )
        return story
    if scale.hours_per_year is None or saved.hours_per_week is None:
        story.append(
            kit.empty_state(
                _(
                    "No task was timed before and after the training, so there is no estimate "
                    "of the time scaling up would save. Time a few everyday tasks with the "
                    "participants, then print this report again."
                )
            )
        )
        return story
    people = ngettext("{n:,} person", "{n:,} people", scale.population).format(n=scale.population)
    figures = [
        (_("People who would follow"), f"{scale.population:,}"),
        (_("Hours saved a year"), hours_text(scale.hours_per_year)),
    ]
    if scale.interval is not None:
        figures.append(
            (
                _("95 % interval, hours a year"),
                _("{low}–{high}").format(
                    low=hours_text(scale.interval.low), high=hours_text(scale.interval.high)
                ),
            )
        )
    story.append(kit.key_figures(figures, per_row=3))
    per_week = hours_text(saved.hours_per_week)
    if saved.hours_interval is not None:
        per_week = _("{hours} hours a week (95 % interval {low} to {high})").format(
            hours=per_week,
            low=hours_text(saved.hours_interval.low),
            high=hours_text(saved.hours_interval.high),
        )
    else:
        per_week = _("{hours} hours a week").format(hours=per_week)
    story.append(
        kit.paragraph(
            _(
                "If {people} saved what a participant saved on the timed tasks, {per_week}, "
                "they would save about {hours} hours a year between them."
            ).format(people=people, per_week=per_week, hours=hours_text(scale.hours_per_year))
        )
    )
    story.append(
        kit.note(
            _(
                "Assumptions: a year has {weeks} working weeks; everyone who follows saves, on "
                "average, what a pilot participant saved, and does the timed tasks as often. "
                "Early adopters are keener than most, so treat the lower end of the interval "
                "as the safer figure."
            ).format(weeks=report.working_weeks)
        )
    )
    return story


PILOT_SECTIONS: tuple[PdfSection[PilotReport], ...] = (
    PdfSection(N_("What we tried"), tried_story),
    PdfSection(N_("Who took part"), cohort_story),
    PdfSection(N_("Results against the success criteria"), results_story),
    PdfSection(N_("What the measurements show"), measurements_story),
    PdfSection(N_("What people said"), voices_story),
    PdfSection(N_("Decision"), decision_story),
    PdfSection(N_("If we scale up"), scale_up_story),
)


def pilot_cover(report: PilotReport, generated_on: date | None = None) -> CoverPage:
    """The cover: the pilot's name, its dates and where it stands; "Interim report" while
    the pilot has not ended."""
    pilot = report.outcome.pilot
    dates = dates_text(pilot.starts_on, pilot.ends_on)
    stage = progress_text(pilot.status, pilot.decision, report.judging)
    if report.interim:
        subtitle = _("Interim report · {dates} · {stage}").format(dates=dates, stage=stage)
    else:
        subtitle = _("Pilot · {dates} · {stage}").format(dates=dates, stage=stage)
    return CoverPage(
        title=pilot.name,
        organisation=report.organisation_name,
        generated_on=generated_on or date.today(),
        subtitle=subtitle,
    )


def write_pilot_pdf(
    report: PilotReport,
    out: Path,
    *,
    page_size: str | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    generated_on: date | None = None,
) -> None:
    """Write the pilot report to ``out`` (A4 or Letter; None: from the locale)."""
    write_pdf_report(
        Path(out),
        cover=pilot_cover(report, generated_on),
        figures=report,
        sections=PILOT_SECTIONS,
        page_size=page_size,
        progress=progress,
        cancel=cancel,
    )
