"""Individual learning plans as one PDF: a page (or two) per person, to hand to each of them.

Every figure comes from ``LearningPlanService.plans`` (app/paths/plans.py); this module only
lays them out, on the report template of ``pdf_document`` (fonts, header, "Page N of M"
footer, atomic save). A plan opens with a band naming the person, then where they are
(their gaps), their modules in order with dates, what they skip and why, their progress,
and a note on protected learning time and who to ask (``plans_page``). A PDF of several
people has a cover and an outline entry per person, and each page's running head names the
person whose plan it is.

A department's PDF can run to a thousand pages, so the page is built from cheap parts:
plain-text table cells (``plans_look``), styles made once, the band and bars drawn straight
on the canvas (``plans_blocks``), one layout pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Paragraph, Spacer

from app.errors import Cancelled
from app.i18n import N_, _, ngettext
from app.paths.plans import PersonPlan
from app.progress import CancelToken, Progress, no_progress
from app.reports import palette
from app.reports.atomic import atomic_output
from app.reports.fonts import paragraph_markup, register_fonts
from app.reports.pdf_document import (
    MARGIN_X,
    PAGE_SIZES,
    CoverPage,
    ReportDocument,
    _numbered_canvas_class,
    format_date,
    resolve_page_size,
)
from app.reports.pdf_styles import ReportStyles, build_styles
from app.reports.plans_blocks import colour, draw_line
from app.reports.plans_look import plan_look
from app.reports.plans_page import plan_story

# -- the document -------------------------------------------------------------------------


class _PlanStarts(Flowable):  # type: ignore[misc]
    """Where the next person's plan begins (it draws nothing): the running header of every
    page after it names that person, so a plan that runs on stays identifiable."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class _PlansDocument(ReportDocument):
    """The report template with the person's name heading each page of their plan."""

    def __init__(self, filename: str, *, first_person: str, **options: Any) -> None:
        super().__init__(filename, **options)
        self.person = first_person

    def _body_page(self, canvas: Any, doc: Any) -> None:
        width, height = self.pagesize
        y = height - 13 * mm
        canvas.saveState()
        draw_line(canvas, MARGIN_X, y, self.person, size=7.5, bold=True, fill=palette.PRIMARY)
        draw_line(
            canvas,
            width - MARGIN_X,
            y,
            f"{self.cover.title} · {self.cover.organisation}",
            size=7.5,
            anchor="end",
            fill=palette.MUTED,
        )
        canvas.setStrokeColor(colour(palette.RULE))
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, y - 3 * mm, width - MARGIN_X, y - 3 * mm)
        canvas.restoreState()
        canvas.wants_footer = True

    def afterFlowable(self, flowable: Any) -> None:
        super().afterFlowable(flowable)
        if isinstance(flowable, _PlanStarts):
            self.person = flowable.name


def _cover_story(
    plans: Sequence[PersonPlan], styles: ReportStyles, organisation: str, day: date
) -> list[Flowable]:
    return [
        Paragraph(paragraph_markup(organisation, bold=True), styles.cover_org),
        Spacer(1, 3 * mm),
        Paragraph(
            paragraph_markup(_("Prepared on {date}").format(date=format_date(day))),
            styles.cover_meta,
        ),
        Spacer(1, 8 * mm),
        Paragraph(
            paragraph_markup(
                _(
                    "{count} individual learning plans, one per person, each starting on a new "
                    "page, by department and then name. Each shows the person's skill gaps, "
                    "their modules in order with dates and hours, and their progress so far."
                ).format(count=f"{len(plans):,}")
            ),
            styles.body,
        ),
        Paragraph(
            paragraph_markup(
                _(
                    "The plans name people and show their skill levels: give each person their "
                    "own plan, and keep the others between HR and the managers concerned."
                )
            ),
            styles.note,
        ),
    ]


def _people(n: int) -> str:
    return ngettext("{n:,} person", "{n:,} people", n).format(n=n)


def _scope(plans: Sequence[PersonPlan], department: str | None) -> str:
    if department:
        return department
    departments = {plan.department for plan in plans}
    if len(departments) == 1:
        only = next(iter(departments))
        if only:
            return only
    return _("All departments")


def write_plans_pdf(
    plans: Sequence[PersonPlan],
    out: Path,
    *,
    organisation_name: str,
    department: str | None = None,
    page_size: str | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    generated_on: date | None = None,
) -> None:
    """Write the plans to ``out``, one per person from a new page; a cover when there are
    several people (``department`` names them on it). A4 or Letter; None: from the locale."""
    if not plans:
        raise ValueError("write_plans_pdf needs at least one plan")
    register_fonts()
    size = resolve_page_size(page_size)
    styles = build_styles()
    look = plan_look(styles, float(PAGE_SIZES[size][0] - 2 * MARGIN_X))
    day = generated_on or date.today()
    several = len(plans) > 1
    cover = CoverPage(
        title=_("Individual learning plans") if several else _("Individual learning plan"),
        organisation=organisation_name,
        generated_on=day,
        subtitle=_("{scope} · {people}").format(
            scope=_scope(plans, department), people=_people(len(plans))
        ),
        audience=N_(
            "Personal and confidential — for HR and the managers concerned. "
            "Made with Upskill Planner."
        ),
    )
    story: list[Flowable] = []
    if several:
        story += [
            *_cover_story(plans, styles, organisation_name, day),
            NextPageTemplate("body"),
            PageBreak(),
        ]
    for index, plan in enumerate(plans):
        if cancel is not None:
            cancel.raise_if_cancelled()
        if index:
            story += [_PlanStarts(plan.display_name), PageBreak()]
        story += plan_story(plan, index, look, organisation_name)
    total = len(story)
    done = 0

    def on_flowable() -> None:
        nonlocal done
        done += 1
        if cancel is not None and cancel.cancelled:
            raise Cancelled()
        if done % 50 == 0:
            progress(min(done, total - 1), total)

    progress(0, total)
    footer = _("Prepared on {date} · Personal and confidential").format(date=format_date(day))
    with atomic_output(out, what=_("PDF report")) as temp:
        document = _PlansDocument(
            str(temp),
            first_person=plans[0].display_name,
            cover=cover,
            page_size=size,
            styles=styles,
            on_flowable=on_flowable,
        )
        if not several:
            document._firstPageTemplateIndex = 1  # no cover: the plan starts on a body page
        document.build(story, canvasmaker=_numbered_canvas_class(1 if several else 0, footer))
    progress(total, total)
