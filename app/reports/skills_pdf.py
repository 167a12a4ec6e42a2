"""The skills survey PDF for leadership: where the AI skills gaps are, how ready people are,
how they feel about AI, and what changed since the baseline.

Its sections (``SKILLS_SECTIONS``) work on a ``SkillsReport`` from ``SkillsResultsService``:
every figure is already folded and withheld under the anonymity threshold (DESIGN §5), and
the report formats them, never computing a mean of its own and never naming anyone. The
heatmap chapters are in ``skills_heatmap_pdf``, readiness and attitudes in
``skills_readiness_pdf``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.platypus import Flowable

from app.i18n import N_, _, ngettext, translate
from app.privacy import other_label
from app.progress import CancelToken, Progress, no_progress
from app.reports.pdf_blocks import bullets
from app.reports.pdf_document import CoverPage, PdfSection, format_date, write_pdf_report
from app.reports.pdf_styles import PdfKit
from app.reports.skills_heatmap_pdf import (
    change_counts,
    change_story,
    gap_text,
    heatmap_story,
    rated,
    skill_names,
    top_gaps_story,
)
from app.reports.skills_readiness_pdf import (
    attitudes_story,
    readiness_story,
    share,
    withheld_sentence,
)
from app.skills.analysis import FOUNDATIONS_BELOW, HIGH_WORRY, LEAD_INTEREST, LEAD_PROFICIENCY
from app.skills.results import SkillsReport

REPORT_TITLE = N_("AI skills survey")
KIND_LABELS = {"baseline": N_("baseline"), "follow_up": N_("follow-up")}


# -- formatting -------------------------------------------------------------------------------


def _kind(report: SkillsReport) -> str:
    known = KIND_LABELS.get(report.kind)
    return translate(known) if known else report.kind.replace("_", " ")


def _threshold_sentence(threshold: int) -> str:
    return _(
        "To protect anonymity, no figure in this report describes fewer than {threshold} "
        "people: smaller departments are combined into “Other”, and a figure that would still "
        "rest on fewer people is withheld and shown as “–”."
    ).format(threshold=threshold)


# -- summary ----------------------------------------------------------------------------------


def _largest_gap_finding(report: SkillsReport) -> str | None:
    shown = [c for c in report.heatmap.cells if c.mean_gap is not None and not c.suppressed]
    if not shown:
        return None
    biggest = max(shown, key=lambda c: c.mean_gap or 0.0)
    if (biggest.mean_gap or 0.0) <= 0:
        return _("Every department shown has reached the target level in every skill.")
    return _(
        "The largest gap is in “{skill}” in {group}: on average {gap} levels below the target "
        "for their roles."
    ).format(
        skill=skill_names(report).get(biggest.skill, biggest.skill),
        group=biggest.group,
        gap=gap_text(biggest.mean_gap),
    )


def _readiness_finding(report: SkillsReport) -> str | None:
    shown = [s for s in report.readiness.segments if not s.suppressed]
    people = sum(s.people - (s.unknown or 0) for s in shown)
    if not people:
        return None
    ready = sum(s.ready_to_lead or 0 for s in shown)
    needs = sum(s.needs_foundations or 0 for s in shown)
    return ngettext(
        "Of {rated:,} person rated, {ready:,} ({ready_share}) is ready to lead AI adoption "
        "and {needs:,} ({needs_share}) needs the foundations first.",
        "Of {rated:,} people rated, {ready:,} ({ready_share}) are ready to lead AI adoption "
        "and {needs:,} ({needs_share}) need the foundations first.",
        people,
    ).format(
        rated=people,
        ready=ready,
        ready_share=share(ready, people),
        needs=needs,
        needs_share=share(needs, people),
    )


def _change_finding(report: SkillsReport) -> str | None:
    comparison = report.comparison
    if comparison is None:
        return None
    shrank, grew, total = change_counts(comparison)
    if not total:
        return None
    return ngettext(
        "Since the baseline “{baseline}”, the gap shrank in {shrank:,} of {total:,} "
        "department-and-skill figure and grew in {grew:,}.",
        "Since the baseline “{baseline}”, the gap shrank in {shrank:,} of {total:,} "
        "department-and-skill figures and grew in {grew:,}.",
        total,
    ).format(baseline=comparison.baseline_name, shrank=shrank, total=total, grew=grew)


def _attitude_finding(report: SkillsReport) -> str | None:
    readiness = report.readiness
    shown = [c for c in readiness.overall if c.mean is not None and not c.suppressed]
    if not shown:
        return None
    lowest = min(shown, key=lambda c: c.mean or 0.0)
    statement = next((i.statement for i in readiness.items if i.key == lowest.item), lowest.item)
    statement = statement.rstrip(".")
    return _(
        "The least favourable answers were to “{statement}”: {mean} of 5, where higher is better."
    ).format(statement=statement, mean=gap_text(lowest.mean))


def _common_gap_finding(report: SkillsReport) -> str | None:
    counts: dict[str, int] = {}
    for cells in report.top_gaps.values():
        for cell in cells:
            counts[cell.skill] = counts.get(cell.skill, 0) + 1
    if not counts:
        return None
    skill = max(counts, key=lambda key: counts[key])
    groups = len(report.top_gaps)
    return ngettext(
        "“{skill}” is among the three largest gaps in {count:,} of {groups:,} department.",
        "“{skill}” is among the three largest gaps in {count:,} of {groups:,} departments.",
        groups,
    ).format(skill=skill_names(report).get(skill, skill), count=counts[skill], groups=groups)


def headline_findings(report: SkillsReport) -> list[str]:
    """Up to three sentences drawn from the report's figures: the largest gap, readiness,
    and the change since the baseline (or, without one, attitudes or the commonest gap)."""
    candidates = [
        _largest_gap_finding(report),
        _readiness_finding(report),
        _change_finding(report),
        _attitude_finding(report),
        _common_gap_finding(report),
    ]
    return [text for text in candidates if text][:3]


def summary_story(report: SkillsReport, kit: PdfKit) -> list[Flowable]:
    """Who was asked and rated, the anonymity rule in a sentence, three headline findings."""
    heatmap = report.heatmap
    story = kit.chapter(_("The skills survey at a glance"))
    story.append(
        kit.paragraph(
            _(
                "This report sets out the results of the skills survey “{survey}” at "
                "{organisation}, opened on {date} ({kind}). It shows, per department, how far "
                "people's AI skills are from the level their role needs, how ready they are to "
                "take AI up and how they feel about it. No one is named: every figure describes "
                "a group."
            ).format(
                survey=heatmap.campaign_name,
                organisation=report.organisation_name,
                date=format_date(heatmap.opened_on),
                kind=_kind(report),
            )
        )
    )
    story.append(
        kit.key_figures(
            [
                (_("People asked"), f"{heatmap.people:,}"),
                (_("People rated"), f"{heatmap.rated:,}"),
                (_("Rated"), share(heatmap.rated, heatmap.people)),
                (_("Smallest group shown"), _("{n} people").format(n=heatmap.threshold)),
            ]
        )
    )
    story.append(kit.note(_threshold_sentence(heatmap.threshold)))
    if not rated(report):
        story.append(
            kit.empty_state(
                _(
                    "No one has been rated in this survey yet, so there are no gaps to report. "
                    "Enter the ratings in the Skills area, then make this report again."
                )
            )
        )
        return story
    findings = headline_findings(report)
    if findings:
        story.append(kit.heading(_("Headline findings"), 2))
        story += bullets(kit, findings)
    else:
        story.append(
            kit.empty_state(
                _(
                    "Every figure of this survey is withheld: even with the small departments "
                    "combined, fewer than {threshold} people were rated. The figures will show "
                    "once at least {threshold} people have been rated."
                ).format(threshold=heatmap.threshold)
            )
        )
    return story


# -- about ------------------------------------------------------------------------------------


def about_story(report: SkillsReport, kit: PdfKit) -> list[Flowable]:
    """The anonymity rule in plain words, how gaps and readiness groups are worked out."""
    threshold = report.heatmap.threshold
    catalogue = report.catalogue
    story = kit.chapter(_("About these figures"))
    story.append(kit.heading(_("Protecting anonymity"), 2))
    story.append(
        kit.paragraph(
            _(
                "No figure in this report describes fewer than {threshold} people, and no one "
                "is named. Departments with fewer than {threshold} people are combined into "
                "one group, “{other}”; if that group would still be too small, the next "
                "smallest department joins it. A figure that would still rest on fewer than "
                "{threshold} people is withheld and printed as “–”; where only one figure for a "
                "skill would be withheld, a second is withheld too, so that it cannot be worked "
                "out from the others."
            ).format(threshold=threshold, other=other_label(threshold))
        )
    )
    story.append(kit.heading(_("How a gap is measured"), 2))
    story.append(
        kit.paragraph(
            _(
                "Each person is rated on every skill from 0 to 4, by themselves and, where "
                "given, by their manager; the manager's rating counts when there are both. The "
                "gap is the target level for the person's role minus their level, and never "
                "less than 0: someone past the target has no gap, and does not make up for a "
                "colleague's. People not rated yet are left out of every mean."
            )
        )
    )
    story.append(
        kit.table(
            [_("Level"), _("Name"), _("What it means")],
            [[level.level, level.name, level.meaning] for level in catalogue.scale],
            column_widths=[0.7, 1.5, 6.0],
            numeric_columns=[0],
        )
    )
    story.append(kit.heading(_("Readiness groups"), 2))
    story += bullets(
        kit,
        [
            _(
                "Ready to lead: a mean skill level of {level} or more, agreeing (on average "
                "{interest} or more) that they want to learn more, and not worried (under "
                "{worry})."
            ).format(level=LEAD_PROFICIENCY, interest=LEAD_INTEREST, worry=HIGH_WORRY),
            _("Needs foundations: a mean skill level under {level}.").format(
                level=FOUNDATIONS_BELOW
            ),
            _("Building: everyone else who has been rated."),
            _(
                "Worried about AI: agreeing, on average {worry} or more, with the statements "
                "about worry."
            ).format(worry=HIGH_WORRY),
        ],
    )
    story.append(kit.heading(_("The skills catalogue"), 2))
    story.append(
        kit.paragraph(
            _(
                "Skills, levels and the target for each role track come from the catalogue "
                "“{name}”, version {version}. Where a role has targets of its own, they are "
                "used instead."
            ).format(name=catalogue.name, version=catalogue.version)
        )
    )
    story.append(kit.caption(withheld_sentence(threshold)))
    return story


SKILLS_SECTIONS: tuple[PdfSection[SkillsReport], ...] = (
    PdfSection(N_("The skills survey at a glance"), summary_story),
    PdfSection(N_("Skills gaps by department"), heatmap_story),
    PdfSection(N_("Top gaps per department"), top_gaps_story),
    PdfSection(N_("Readiness"), readiness_story),
    PdfSection(N_("Attitudes"), attitudes_story),
    PdfSection(N_("Change since the baseline"), change_story),
    PdfSection(N_("About these figures"), about_story),
)


def skills_cover(report: SkillsReport, generated_on: date | None = None) -> CoverPage:
    """The cover: the survey's name, kind and date under the report title."""
    return CoverPage(
        title=translate(REPORT_TITLE),
        organisation=report.organisation_name,
        generated_on=generated_on or date.today(),
        subtitle=_("{survey} · {kind} · opened on {date}").format(
            survey=report.heatmap.campaign_name,
            kind=_kind(report),
            date=format_date(report.heatmap.opened_on),
        ),
    )


def write_skills_pdf(
    report: SkillsReport,
    out: Path,
    *,
    page_size: str | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    generated_on: date | None = None,
) -> None:
    """Write the skills survey PDF to ``out`` (A4 or Letter; None: from the locale)."""
    write_pdf_report(
        Path(out),
        cover=skills_cover(report, generated_on),
        figures=report,
        sections=SKILLS_SECTIONS,
        page_size=page_size,
        progress=progress,
        cancel=cancel,
    )
