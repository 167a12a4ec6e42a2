"""The leadership workbook: the organisation overview as Excel sheets with native charts.

Its sections (``LEADERSHIP_SECTIONS``) are a tuple of ``WorkbookSection``; a later issue
adds maturity, skills or pilot sheets by listing one more section (with ``adapt_workbook_section``
when its figures live in a larger object). Every figure comes from the OrganisationOverview.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from app.i18n import N_, _, translate
from app.maturity.figures import MaturityHistory
from app.overview_figures import OrganisationOverview
from app.privacy import DEFAULT_THRESHOLD
from app.progress import CancelToken, Progress, no_progress
from app.reports.palette import track_colour
from app.reports.workbook import (
    Column,
    KeyFigure,
    WorkbookCover,
    WorkbookSection,
    WorkbookWriter,
    write_workbook,
)

F = TypeVar("F")
G = TypeVar("G")

WORKBOOK_TITLE = N_("AI upskilling programme — leadership workbook")


def adapt_workbook_section(
    section: WorkbookSection[G], pick: Callable[[F], G]
) -> WorkbookSection[F]:
    """Reuse a section in a workbook whose figures contain the section's figures."""
    key_figures, sheets, row_count = section.key_figures, section.sheets, section.row_count

    def adapted_key_figures(figures: F) -> Sequence[KeyFigure]:
        return key_figures(pick(figures)) if key_figures else ()

    def adapted_sheets(figures: F, writer: WorkbookWriter) -> None:
        if sheets:
            sheets(pick(figures), writer)

    def adapted_row_count(figures: F) -> int:
        return row_count(pick(figures)) if row_count else 0

    return WorkbookSection(
        title=section.title,
        key_figures=adapted_key_figures,
        sheets=adapted_sheets,
        row_count=adapted_row_count,
    )


def overview_key_figures(overview: OrganisationOverview) -> list[KeyFigure]:
    """The organisation's key figures, as on the first page of the PDF."""
    return [
        KeyFigure(_("Active people"), overview.active_people),
        KeyFigure(_("Inactive people"), overview.inactive_people),
        KeyFigure(_("Departments"), overview.department_count),
        KeyFigure(_("Roles"), overview.role_count),
        KeyFigure(_("Managers"), overview.managers),
        KeyFigure(_("Locations"), overview.location_count),
        KeyFigure(_("People without a department"), overview.people_without_department),
        KeyFigure(_("People without a role"), overview.people_without_role),
    ]


def overview_sheets(overview: OrganisationOverview, writer: WorkbookWriter) -> None:
    """Departments, Roles, Tracks and Locations sheets, with charts."""
    active_people = Column(_("Active people"), "integer")
    departments = writer.add_table_sheet(
        _("Departments"),
        [Column(_("Department")), active_people],
        [(row.label, row.people) for row in overview.departments],
        empty_message=_("No departments yet. Add departments on the People page."),
    )
    writer.add_bar_chart(departments, title=_("Active people by department"), on_summary=True)
    writer.add_table_sheet(
        _("Roles"),
        [
            Column(_("Department")),
            Column(_("Role")),
            Column(_("Learning track")),
            active_people,
        ],
        [(r.department, r.role, r.track, r.people) for r in overview.roles],
        empty_message=_("No roles yet. Add roles on the People page."),
    )
    tracks = writer.add_table_sheet(
        _("Tracks"),
        [Column(_("Learning track")), active_people],
        [(row.label, row.people) for row in overview.tracks],
        empty_message=_(
            "No learning tracks yet. Give each role a track in People > Departments & roles."
        ),
    )
    writer.add_pie_chart(
        tracks,
        title=_("Active people by learning track"),
        colours=[track_colour(row.label, i) for i, row in enumerate(overview.tracks)],
    )
    writer.add_table_sheet(
        _("Locations"),
        [Column(_("Location")), active_people],
        [(row.label, row.people) for row in overview.locations],
        empty_message=_("No locations recorded."),
    )


def overview_row_count(overview: OrganisationOverview) -> int:
    return (
        len(overview.departments)
        + len(overview.roles)
        + len(overview.tracks)
        + len(overview.locations)
    )


LEADERSHIP_SECTIONS: tuple[WorkbookSection[OrganisationOverview], ...] = (
    WorkbookSection(
        N_("Organisation overview"),
        key_figures=overview_key_figures,
        sheets=overview_sheets,
        row_count=overview_row_count,
    ),
)

PRIVACY_NOTES = (
    N_("Privacy: this workbook contains no names."),
    N_("Headcounts describe the organisation's structure and are shown in full."),
    N_("Survey results for groups of fewer than {threshold} people are never shown on their own."),
)
"""English; each is translated, then given the threshold, when the cover is made."""


NAMES_NOTE = N_(
    "Privacy: this workbook names people (the “Skills by person” and “Progress by person” "
    "sheets). Keep it confidential and share it only with those who need it."
)
"""Replaces the first privacy note when the user asked for names."""


def leadership_cover(
    overview: OrganisationOverview, *, names: bool = False, threshold: int = DEFAULT_THRESHOLD
) -> WorkbookCover:
    """The top of the summary sheet; ``names`` when a sheet lists people by name."""
    privacy = [translate(note).format(threshold=threshold) for note in PRIVACY_NOTES]
    if names:
        privacy[0] = translate(NAMES_NOTE)
    return WorkbookCover(
        title=translate(WORKBOOK_TITLE),
        organisation=overview.organisation_name,
        generated_on=overview.generated_on,
        notes=(
            _(
                "Each sheet holds one table: use the filter buttons in its header row to sort "
                "and filter."
            ),
            *privacy,
        ),
    )


@dataclass(frozen=True)
class LeadershipFigures:
    """Everything the leadership workbook shows, each part from its own service."""

    overview: OrganisationOverview
    maturity: MaturityHistory | None = None


def _pick_overview(figures: LeadershipFigures) -> OrganisationOverview:
    return figures.overview


def _pick_maturity(figures: LeadershipFigures) -> MaturityHistory:
    assert figures.maturity is not None
    return figures.maturity


def write_leadership_workbook(
    overview: OrganisationOverview,
    out: Path,
    *,
    maturity: MaturityHistory | None = None,
    extra_sections: Sequence[WorkbookSection[Any]] = (),
    names: bool = False,
    threshold: int = DEFAULT_THRESHOLD,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> None:
    """Write the leadership workbook to ``out``: Summary first, then one sheet per table.

    ``extra_sections`` are sections bound to their own figures (``skills_sheets_section``,
    ``maturity_sheets_section``), written after the overview and maturity sheets. ``names``
    says that one of them lists people by name, so the summary's privacy note says so;
    ``threshold`` is the organisation's anonymity threshold, quoted in that note.
    """
    from app.reports.maturity_workbook import MATURITY_WORKBOOK_SECTION

    sections: list[WorkbookSection[LeadershipFigures]] = [
        adapt_workbook_section(section, _pick_overview) for section in LEADERSHIP_SECTIONS
    ]
    if maturity is not None:
        sections.append(adapt_workbook_section(MATURITY_WORKBOOK_SECTION, _pick_maturity))
    sections.extend(extra_sections)
    write_workbook(
        Path(out),
        cover=leadership_cover(overview, names=names, threshold=threshold),
        figures=LeadershipFigures(overview, maturity),
        sections=sections,
        progress=progress,
        cancel=cancel,
    )
