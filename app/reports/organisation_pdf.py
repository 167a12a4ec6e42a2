"""The organisation overview PDF: who is in the organisation, where, and on which track.

Its sections (``ORGANISATION_SECTIONS``) can be reused in later reports with
``pdf_document.adapt_section``; every figure comes from the OrganisationOverview given.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable

from app.i18n import N_, _, ngettext, translate
from app.overview_figures import HeadcountRow, OrganisationOverview
from app.progress import CancelToken, Progress, no_progress
from app.reports.charts import donut_chart, horizontal_bar_chart
from app.reports.palette import track_colour
from app.reports.pdf_document import CoverPage, PdfSection, write_pdf_report
from app.reports.pdf_styles import PdfKit

REPORT_TITLE = N_("Organisation overview")
CHART_LIMIT = 20
"""At most this many bars in a chart; the table next to it lists every row."""


def _people(n: int) -> str:
    return ngettext("{n:,} person", "{n:,} people", n).format(n=n)


def key_figures_story(overview: OrganisationOverview, kit: PdfKit) -> list[Flowable]:
    """The chapter opening: a sentence and the key figures as tiles."""
    story = kit.chapter(_("Organisation overview"))
    if overview.active_people:
        intro = _(
            "{organisation} has {people} active in {departments:,} departments and {roles:,} "
            "roles. This overview is the starting point of the upskilling programme: it shows "
            "where people work and which learning track their role follows."
        ).format(
            organisation=overview.organisation_name,
            people=_people(overview.active_people),
            departments=overview.department_count,
            roles=overview.role_count,
        )
    else:
        intro = _(
            "No active people are recorded for {organisation} yet. Import your roster on the "
            "People page, then make this report again to see the organisation."
        ).format(organisation=overview.organisation_name)
    story.append(kit.paragraph(intro))
    story.append(kit.heading(_("Key figures"), 2))
    story.append(
        kit.key_figures(
            [
                (_("Active people"), f"{overview.active_people:,}"),
                (_("Inactive people"), f"{overview.inactive_people:,}"),
                (_("Departments"), f"{overview.department_count:,}"),
                (_("Roles"), f"{overview.role_count:,}"),
                (_("Managers"), f"{overview.managers:,}"),
                (_("Locations"), f"{overview.location_count:,}"),
                (_("People without a department"), f"{overview.people_without_department:,}"),
                (_("People without a role"), f"{overview.people_without_role:,}"),
            ]
        )
    )
    missing = overview.people_without_department + overview.people_without_role
    if missing:
        story.append(
            kit.note(
                _(
                    "Some active people have no department or no role yet. They are counted in "
                    "the totals but cannot be given a learning path until they have a role: "
                    "complete their records on the People page."
                )
            )
        )
    return story


def _sorted_for_chart(rows: list[HeadcountRow]) -> list[HeadcountRow]:
    return sorted(rows, key=lambda row: (-row.people, row.label.casefold()))[:CHART_LIMIT]


def departments_story(overview: OrganisationOverview, kit: PdfKit) -> list[Flowable]:
    """Headcount by department: a bar chart and the table."""
    story: list[Flowable] = [kit.keep_room(60), kit.heading(_("Headcount by department"), 2)]
    if not overview.departments:
        story.append(
            kit.empty_state(
                _(
                    "No departments yet. Add departments and assign people to them on the People "
                    "page, then make this report again."
                )
            )
        )
        return story
    shown = _sorted_for_chart(overview.departments)
    if len(shown) < len(overview.departments):
        caption = _(
            "Active people in each department. The chart shows the {shown} largest of {total} "
            "departments; the table lists them all."
        ).format(shown=len(shown), total=len(overview.departments))
    else:
        caption = _("Active people in each department.")
    chart = horizontal_bar_chart([(r.label, r.people) for r in shown], width=kit.frame_width)
    story.append(kit.figure(chart, caption))
    story.append(
        kit.table(
            [_("Department"), _("Active people")],
            [[row.label, row.people] for row in overview.departments],
            column_widths=[3, 1],
            numeric_columns=[1],
        )
    )
    return story


def tracks_story(overview: OrganisationOverview, kit: PdfKit) -> list[Flowable]:
    """People by learning track, as a donut."""
    story: list[Flowable] = [kit.keep_room(70), kit.heading(_("People by learning track"), 2)]
    if not overview.tracks:
        story.append(
            kit.empty_state(
                _(
                    "No learning tracks yet. Give each role a track (executive, technical, domain "
                    "expert, frontline or custom) in People > Departments & roles."
                )
            )
        )
        return story
    total = sum(row.people for row in overview.tracks)
    chart = donut_chart(
        [(row.label, row.people) for row in overview.tracks],
        width=kit.frame_width,
        centre_value=f"{total:,}",
        centre_caption=_("people"),
        colours=[track_colour(row.label, i) for i, row in enumerate(overview.tracks)],
    )
    story.append(
        kit.figure(
            chart,
            _(
                "Active people by the learning track of their role. Each track has its own path: "
                "executives learn to steer, technical staff to build, domain experts to apply AI "
                "to their field, frontline staff to use it safely day to day."
            ),
        )
    )
    return story


def roles_story(overview: OrganisationOverview, kit: PdfKit) -> list[Flowable]:
    """Every role in every department with its track and headcount."""
    story: list[Flowable] = [kit.keep_room(50), kit.heading(_("Roles by department"), 2)]
    if not overview.roles:
        story.append(
            kit.empty_state(
                _("No roles yet. Add roles on the People page and give each person a role.")
            )
        )
        return story
    story.append(
        kit.table(
            [_("Department"), _("Role"), _("Learning track"), _("Active people")],
            [[r.department, r.role, r.track, r.people] for r in overview.roles],
            column_widths=[3, 3.4, 2.2, 1.6],
            numeric_columns=[3],
        )
    )
    return story


def locations_story(overview: OrganisationOverview, kit: PdfKit) -> list[Flowable]:
    """Headcount by location."""
    story: list[Flowable] = [kit.keep_room(40), kit.heading(_("Locations"), 2)]
    if not overview.locations:
        story.append(
            kit.empty_state(
                _("No locations recorded. Add a location to people on the People page.")
            )
        )
        return story
    story.append(
        kit.table(
            [_("Location"), _("Active people")],
            [[row.label, row.people] for row in overview.locations],
            column_widths=[3, 1],
            numeric_columns=[1],
        )
    )
    return story


ORGANISATION_SECTIONS: tuple[PdfSection[OrganisationOverview], ...] = (
    PdfSection(N_("Organisation overview"), key_figures_story),
    PdfSection(N_("Headcount by department"), departments_story),
    PdfSection(N_("People by learning track"), tracks_story),
    PdfSection(N_("Roles by department"), roles_story),
    PdfSection(N_("Locations"), locations_story),
)


def organisation_cover(overview: OrganisationOverview) -> CoverPage:
    """The cover of the organisation overview."""
    return CoverPage(
        title=translate(REPORT_TITLE),
        organisation=overview.organisation_name,
        generated_on=overview.generated_on,
        subtitle=_(
            "People, departments, roles and learning tracks at the start of the "
            "AI upskilling programme"
        ),
    )


def write_organisation_pdf(
    overview: OrganisationOverview,
    out: Path,
    *,
    page_size: str | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> None:
    """Write the organisation overview PDF to ``out`` (A4 or Letter; None: from the locale)."""
    write_pdf_report(
        Path(out),
        cover=organisation_cover(overview),
        figures=overview,
        sections=ORGANISATION_SECTIONS,
        page_size=page_size,
        progress=progress,
        cancel=cancel,
    )
