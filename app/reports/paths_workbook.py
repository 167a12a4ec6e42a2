"""Learning paths in the leadership workbook: the paths and their modules, then progress.

``paths_sheets_section(figures)`` is a ``WorkbookSection`` to list beside the workbook's other
sections (as ``skills_sheets_section`` is). Its figures are gathered once from the path
services by ``paths_workbook_figures``: the current paths with their modules in order, and
each path's progress rows. The "Learning paths" sheet is written here; "Progress" (per path
and department, small departments folded) and, only when names were asked for, "Progress by
person" are in ``paths_progress_sheet``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from openpyxl.styles import Alignment

from app.i18n import N_, _, translate
from app.paths.labels import FORMAT_LABELS, LEVEL_LABELS, STAGE_LABELS, label
from app.paths.planning import weeks_needed
from app.paths.progress import PathProgressService, PersonProgress
from app.paths.progress_figures import summarise
from app.paths.service import ModuleRow, PathRow, PathService
from app.reports import palette
from app.reports.sheet_rows import (
    LINE_HEIGHT,
    SheetRows,
    solid_fill,
    styled_cell,
    workbook_font,
)
from app.reports.workbook import (
    CellValue,
    KeyFigure,
    WorkbookSection,
    WorkbookWriter,
    unique_headers,
)
from app.services.organisation import track_label
from db.models import Track

PATHS_SHEET = N_("Learning paths")
SECTION_TITLE = N_("Learning paths")


RolesOf = Callable[[Sequence[int]], Mapping[int, str | None]]
"""Person ids -> each person's role name (for the named sheet)."""


@dataclass(frozen=True)
class PathModuleLine:
    """One module of a path, where it sits."""

    stage: str
    stage_title: str
    module: ModuleRow


@dataclass(frozen=True)
class PathEntry:
    """One current path: its row, its modules in order, and everyone's progress on it."""

    row: PathRow
    modules: tuple[PathModuleLine, ...]
    progress: tuple[PersonProgress, ...]


@dataclass(frozen=True)
class PathsWorkbookFigures:
    """Everything the paths sheets show, gathered from the services."""

    paths: tuple[PathEntry, ...]
    threshold: int
    """The organisation's anonymity threshold."""
    today: date
    hours_per_week: float | None = None
    """The protected learning time; None leaves out the weeks each path takes."""
    skill_names: Mapping[str, str] = field(default_factory=dict)
    module_titles: Mapping[str, str] = field(default_factory=dict)
    names: bool = False
    """Add the "Progress by person" sheet (it names people)."""
    roles: Mapping[int, str | None] | None = None
    """Person id -> role name for the named sheet; None leaves the role column out."""


def paths_workbook_figures(
    paths: PathService,
    path_progress: PathProgressService,
    *,
    threshold: int,
    hours_per_week: float | None = None,
    names: bool = False,
    roles_of: RolesOf | None = None,
    today: date | None = None,
) -> PathsWorkbookFigures:
    """Read the current paths, their modules and progress (roles only when ``names``)."""
    modules = {m.key: m for m in paths.modules()}
    entries = []
    for row in paths.paths():
        layout = paths.path(row.id).layout
        lines = tuple(
            PathModuleLine(stage.stage, stage.title, modules[key])
            for stage in layout.stages
            for key in stage.modules
            if key in modules
        )
        entries.append(PathEntry(row, lines, tuple(path_progress.progress(row.id))))
    roles: Mapping[int, str | None] | None = None
    if names and roles_of is not None:
        roles = roles_of(sorted({p.person_id for e in entries for p in e.progress}))
    return PathsWorkbookFigures(
        paths=tuple(entries),
        threshold=threshold,
        today=today or date.today(),
        hours_per_week=hours_per_week,
        skill_names={s.key: s.name for s in paths.skills.catalogue().skills},
        module_titles={k: m.title for k, m in modules.items()},
        names=names,
        roles=roles,
    )


def track_text(value: str) -> str:
    try:
        return track_label(Track(value))
    except ValueError:
        return value.replace("_", " ").capitalize()


# -- Summary ---------------------------------------------------------------------------------


def paths_key_figures(figures: PathsWorkbookFigures) -> list[KeyFigure]:
    """Paths in use, people following one, modules completed and the share done."""
    everyone = [p for entry in figures.paths for p in entry.progress]
    total = summarise("", everyone, figures.today)
    in_use = sum(1 for entry in figures.paths if entry.progress)
    shown = total.people >= figures.threshold
    withheld = "–"
    return [
        KeyFigure(_("Learning paths in use"), in_use),
        KeyFigure(_("People following a learning path"), total.people),
        KeyFigure(_("Modules completed"), total.done if shown else withheld),
        KeyFigure(
            _("Modules completed of those followed"),
            total.share_done if shown else withheld,
            "percent" if shown else "text",
        ),
        KeyFigure(_("People past their due date"), total.overdue if shown else withheld),
    ]


# -- Learning paths --------------------------------------------------------------------------


def _skills_text(module: ModuleRow, names: Mapping[str, str]) -> str:
    raised = sorted(module.raises.items(), key=lambda item: names.get(item[0], item[0]))
    return "; ".join(f"{names.get(key, key)} → {level}" for key, level in raised)


ModuleCell = Literal["text", "wrap", "count", "hours"]


def _module_columns() -> list[tuple[str, float, ModuleCell]]:
    """Header, width and kind of each column of the modules table (long texts wrap)."""
    return [
        (_("Path"), 30.0, "wrap"),
        (_("Version"), 9.0, "count"),
        (_("Learning track"), 15.0, "text"),
        (_("Level"), 11.0, "text"),
        (_("Stage"), 28.0, "wrap"),
        (_("Order"), 8.0, "count"),
        (_("Module"), 38.0, "wrap"),
        (_("Format"), 13.0, "text"),
        (_("Hours"), 8.0, "hours"),
        (_("Skills raised (to level)"), 40.0, "wrap"),
        (_("Prerequisites"), 34.0, "wrap"),
    ]


def _module_rows(figures: PathsWorkbookFigures) -> list[list[CellValue]]:
    rows: list[list[CellValue]] = []
    for entry in figures.paths:
        path = entry.row
        for order, line in enumerate(entry.modules, 1):
            module = line.module
            stage = label(STAGE_LABELS, line.stage)
            rows.append(
                [
                    path.name,
                    path.version,
                    track_text(path.track),
                    label(LEVEL_LABELS, path.level),
                    f"{stage}: {line.stage_title}" if line.stage_title else stage,
                    order,
                    module.title,
                    label(FORMAT_LABELS, module.format),
                    module.hours,
                    _skills_text(module, figures.skill_names) or None,
                    "; ".join(figures.module_titles.get(k, k) for k in module.prerequisites)
                    or None,
                ]
            )
    return rows


def _header_row(
    sheet: SheetRows,
    headers: Sequence[str],
    numeric: AbstractSet[int],
    centred: AbstractSet[int] = frozenset(),
) -> int:
    """A heading row in white on the primary colour, aligned like the values under it."""
    band = solid_fill(palette.PRIMARY)
    white = workbook_font(bold=True, color="FFFFFF")
    cells = [
        styled_cell(
            sheet.ws,
            text,
            fill=band,
            font=white,
            alignment=Alignment(
                horizontal="center" if i in centred else "right" if i in numeric else "left",
                vertical="bottom",
                wrap_text=True,
            ),
        )
        for i, text in enumerate(headers)
    ]
    return sheet.append(cells, height=LINE_HEIGHT * 2)


def _totals_block(sheet: SheetRows, figures: PathsWorkbookFigures) -> None:
    """One line per path: its modules, hours, weeks at the protected time, people on it."""
    sheet.blank()
    sheet.title_row(_("Each path in all"))
    headers = [
        _("Path"),
        _("Version"),
        _("Learning track"),
        _("Level"),
        _("Modules"),
        _("Hours"),
    ]
    if figures.hours_per_week:
        headers.append(_("Weeks at {hours:g} h a week").format(hours=figures.hours_per_week))
    headers.append(_("People following"))
    numeric = set(range(4, len(headers)))
    first = _header_row(sheet, unique_headers(headers), numeric, centred={1})
    last = first
    for entry in figures.paths:
        path = entry.row
        row: list[Any] = [
            path.name,
            styled_cell(sheet.ws, path.version, alignment=Alignment(horizontal="center")),
            track_text(path.track),
            label(LEVEL_LABELS, path.level),
            len(entry.modules),
            styled_cell(sheet.ws, path.hours, number_format="#,##0.0"),
        ]
        if figures.hours_per_week:
            row.append(weeks_needed(path.hours, figures.hours_per_week))
        row.append(path.people)
        last = sheet.append(row)
    sheet.add_table(headers, first, last)


def _modules_table(sheet: SheetRows, figures: PathsWorkbookFigures) -> None:
    """Every module of every path in order, long texts wrapped so that nothing is cut."""
    columns = _module_columns()
    headers = unique_headers([header for header, _width, _kind in columns])
    centred = {i for i, (_h, _w, kind) in enumerate(columns) if kind in ("count", "hours")}
    first = _header_row(sheet, headers, set(), centred)
    top = Alignment(vertical="top")
    wrapped = Alignment(vertical="top", wrap_text=True)
    middle = Alignment(vertical="top", horizontal="center")
    last = first
    for values in _module_rows(figures):
        cells: list[Any] = []
        lines = 1
        for value, (_header, width, kind) in zip(values, columns, strict=True):
            if kind == "wrap" and isinstance(value, str):
                lines = max(lines, _wrapped_lines(value, width))
                cells.append(styled_cell(sheet.ws, value, alignment=wrapped))
            elif kind == "count":
                cells.append(styled_cell(sheet.ws, value, alignment=middle))
            elif kind == "hours":
                cells.append(styled_cell(sheet.ws, value, alignment=middle, number_format="0.0"))
            else:
                cells.append(styled_cell(sheet.ws, value, alignment=top))
        last = sheet.append(cells, height=LINE_HEIGHT * lines)
    sheet.add_table(headers, first, last)


def _wrapped_lines(text: str, width: float) -> int:
    """About how many lines ``text`` takes in a column ``width`` characters wide."""
    lines, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > width - 1:
            lines, used = lines + 1, len(word)
        else:
            used += len(word) + (1 if used else 0)
    return lines


def learning_paths_sheet(figures: PathsWorkbookFigures, writer: WorkbookWriter) -> None:
    """Every module of every current path in order, then each path's totals."""
    widths = [width for _header, width, _kind in _module_columns()]
    sheet = SheetRows.new_sheet(writer, translate(PATHS_SHEET), widths=widths)
    sheet.ws.freeze_panes = "A2"
    sheet.ws.print_title_rows = "1:1"
    if not figures.paths:
        _header_row(sheet, [header for header, _w, _k in _module_columns()], set())
        sheet.note(
            _("No learning paths yet. Make one from a template in the Learning paths area."),
            muted=True,
        )
        return
    _modules_table(sheet, figures)
    _totals_block(sheet, figures)
    if figures.hours_per_week:
        sheet.blank()
        sheet.note(
            _(
                "Weeks: how long each path takes at the protected learning time of {hours:g} "
                "hours a week, if a person follows every module."
            ).format(hours=figures.hours_per_week),
            muted=True,
        )


# -- The section -----------------------------------------------------------------------------


def _row_count(figures: PathsWorkbookFigures) -> int:
    modules = sum(len(entry.modules) for entry in figures.paths)
    people = sum(len(entry.progress) for entry in figures.paths) if figures.names else 0
    return modules + len(figures.paths) * 4 + people


def paths_sheets(figures: PathsWorkbookFigures, writer: WorkbookWriter) -> None:
    """Learning paths, Progress and, only with names, Progress by person."""
    from app.reports.paths_progress_sheet import people_progress_sheet, progress_sheet

    learning_paths_sheet(figures, writer)
    progress_sheet(figures, writer)
    if figures.names:
        people_progress_sheet(figures, writer)


def paths_sheets_section(figures: PathsWorkbookFigures) -> WorkbookSection[Any]:
    """The paths section bound to its figures, to list beside any workbook's sections."""

    def key_figures(_figures: Any) -> list[KeyFigure]:
        return paths_key_figures(figures)

    def sheets(_figures: Any, writer: WorkbookWriter) -> None:
        paths_sheets(figures, writer)

    def row_count(_figures: Any) -> int:
        return _row_count(figures)

    return WorkbookSection(
        SECTION_TITLE, key_figures=key_figures, sheets=sheets, row_count=row_count
    )
