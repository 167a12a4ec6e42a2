"""The leadership workbook: the organisation overview as Excel sheets with native charts.

Its sections (``LEADERSHIP_SECTIONS``) are a tuple of ``WorkbookSection``; a later issue
adds maturity, skills or pilot sheets by listing one more section (with ``adapt_workbook_section``
when its figures live in a larger object). Every figure comes from the OrganisationOverview.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

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

WORKBOOK_TITLE = "AI upskilling programme — leadership workbook"


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
        KeyFigure("Active people", overview.active_people),
        KeyFigure("Inactive people", overview.inactive_people),
        KeyFigure("Departments", overview.department_count),
        KeyFigure("Roles", overview.role_count),
        KeyFigure("Managers", overview.managers),
        KeyFigure("Locations", overview.location_count),
        KeyFigure("People without a department", overview.people_without_department),
        KeyFigure("People without a role", overview.people_without_role),
    ]


def overview_sheets(overview: OrganisationOverview, writer: WorkbookWriter) -> None:
    """Departments, Roles, Tracks and Locations sheets, with charts."""
    departments = writer.add_table_sheet(
        "Departments",
        [Column("Department"), Column("Active people", "integer")],
        [(row.label, row.people) for row in overview.departments],
        empty_message="No departments yet. Add departments on the People page.",
    )
    writer.add_bar_chart(departments, title="Active people by department", on_summary=True)
    writer.add_table_sheet(
        "Roles",
        [
            Column("Department"),
            Column("Role"),
            Column("Learning track"),
            Column("Active people", "integer"),
        ],
        [(r.department, r.role, r.track, r.people) for r in overview.roles],
        empty_message="No roles yet. Add roles on the People page.",
    )
    tracks = writer.add_table_sheet(
        "Tracks",
        [Column("Learning track"), Column("Active people", "integer")],
        [(row.label, row.people) for row in overview.tracks],
        empty_message=(
            "No learning tracks yet. Give each role a track in People > Departments & roles."
        ),
    )
    writer.add_pie_chart(
        tracks,
        title="Active people by learning track",
        colours=[track_colour(row.label, i) for i, row in enumerate(overview.tracks)],
    )
    writer.add_table_sheet(
        "Locations",
        [Column("Location"), Column("Active people", "integer")],
        [(row.label, row.people) for row in overview.locations],
        empty_message="No locations recorded.",
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
        "Organisation overview",
        key_figures=overview_key_figures,
        sheets=overview_sheets,
        row_count=overview_row_count,
    ),
)

PRIVACY_NOTES = (
    "Privacy: this workbook contains no names.",
    "Headcounts describe the organisation's structure and are shown in full.",
    "Survey results for groups of fewer than {threshold} people are never shown on their own.",
)


def leadership_cover(overview: OrganisationOverview) -> WorkbookCover:
    """The top of the summary sheet."""
    return WorkbookCover(
        title=WORKBOOK_TITLE,
        organisation=overview.organisation_name,
        generated_on=overview.generated_on,
        notes=(
            "Each sheet holds one table: use the filter buttons in its header row to sort "
            "and filter.",
            *(note.format(threshold=DEFAULT_THRESHOLD) for note in PRIVACY_NOTES),
            "Made with Upskill Planner.",
        ),
    )


def write_leadership_workbook(
    overview: OrganisationOverview,
    out: Path,
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> None:
    """Write the leadership workbook to ``out``: Summary first, then one sheet per table."""
    write_workbook(
        Path(out),
        cover=leadership_cover(overview),
        figures=overview,
        sections=LEADERSHIP_SECTIONS,
        progress=progress,
        cancel=cancel,
    )
