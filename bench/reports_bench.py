"""(d) Reports: the organisation PDF and the leadership workbook against bare reportlab and
bare openpyxl writing the same content, plus the workbook writer on a 10,000-row table.

The floors do the equivalent work with the library alone: the PDF floor replays the same
SQL with sqlite3, registers the same TrueType fonts (outside the timing, as ours are) and
lays out the same story with platypus (cover band, contents page built with multiBuild,
headings with bookmarks, key-figure tiles, a bar chart, a donut, the same tables with
Paragraph cells, "Page N of M" footers). It only skips what is ours: the per-character
font fallback, the section/kit plumbing, progress and the atomic save.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from bench.common import (
    Comparison,
    Figure,
    Report,
    capture_sql,
    fmt_seconds,
    interleave,
    replay_sql,
)

PDF_TARGET = 1.5
WORKBOOK_TARGET = 1.3

FLOOR_SANS = "FloorSans"
FLOOR_BOLD = "FloorSans-Bold"


def pdf_pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))


# -- PDF floor -------------------------------------------------------------------------------


def register_floor_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from app.reports.fonts import fonts_dir

    if FLOOR_SANS in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FLOOR_SANS, str(fonts_dir() / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FLOOR_BOLD, str(fonts_dir() / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(
        FLOOR_SANS, normal=FLOOR_SANS, bold=FLOOR_BOLD, italic=FLOOR_SANS, boldItalic=FLOOR_BOLD
    )


@dataclass
class PlainOverview:
    """The overview figures as plain tuples, as the floor's own queries would give them."""

    organisation: str
    generated_on: date
    key_figures: list[tuple[str, int]]
    departments: list[tuple[str, int]]
    tracks: list[tuple[str, int]]
    roles: list[tuple[str, str, str, int]]
    locations: list[tuple[str, int]]


def plain_overview(overview: Any) -> PlainOverview:
    return PlainOverview(
        organisation=overview.organisation_name,
        generated_on=overview.generated_on,
        key_figures=[
            ("Active people", overview.active_people),
            ("Inactive people", overview.inactive_people),
            ("Departments", len(overview.departments)),
            ("Roles", len({r.role for r in overview.roles})),
            ("Managers", overview.managers),
            ("Locations", len(overview.locations)),
            ("People without a department", overview.people_without_department),
            ("People without a role", overview.people_without_role),
        ],
        departments=[(r.label, r.people) for r in overview.departments],
        tracks=[(r.label, r.people) for r in overview.tracks],
        roles=[(r.department, r.role, r.track, r.people) for r in overview.roles],
        locations=[(r.label, r.people) for r in overview.locations],
    )


def floor_pdf(figures: PlainOverview, out: Path) -> None:
    """The organisation overview written with reportlab alone."""
    from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String, Wedge
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import (
        BaseDocTemplate,
        CondPageBreak,
        Frame,
        HRFlowable,
        KeepTogether,
        NextPageTemplate,
        PageBreak,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )
    from reportlab.platypus.tableofcontents import TableOfContents

    primary, ink, muted = (
        colors.HexColor("#1F4E79"),
        colors.HexColor("#1A1A1A"),
        colors.HexColor("#5F6B7A"),
    )
    zebra, rule = colors.HexColor("#F2F5F9"), colors.HexColor("#C9D2DC")
    series = ["#1F4E79", "#E07A1F", "#3C8D5A", "#8E44AD", "#C0392B", "#7F8C8D"]
    body = ParagraphStyle(
        "B", fontName=FLOOR_SANS, fontSize=9.5, leading=14, spaceAfter=6, textColor=ink
    )
    cell = ParagraphStyle("C", parent=body, fontSize=8.5, leading=11, spaceAfter=0)
    cell_r = ParagraphStyle("CR", parent=cell, alignment=TA_RIGHT)
    head = ParagraphStyle("TH", parent=cell, fontName=FLOOR_BOLD, textColor=colors.white)
    head_r = ParagraphStyle("THR", parent=head, alignment=TA_RIGHT)
    h1 = ParagraphStyle("H1", fontName=FLOOR_BOLD, fontSize=18, leading=23, textColor=primary)
    h2 = ParagraphStyle("H2", fontName=FLOOR_BOLD, fontSize=12, leading=16, spaceBefore=14)
    caption = ParagraphStyle("Cap", parent=body, fontSize=8, leading=11, textColor=muted)
    big = ParagraphStyle("Fig", fontName=FLOOR_BOLD, fontSize=20, leading=24, textColor=primary)
    small = ParagraphStyle("FigL", fontName=FLOOR_SANS, fontSize=8, leading=10.5)
    title = ParagraphStyle("T", fontName=FLOOR_BOLD, fontSize=30, leading=36)
    toc_styles = [
        ParagraphStyle("TOC1", fontName=FLOOR_BOLD, fontSize=11, leading=16),
        ParagraphStyle("TOC2", fontName=FLOOR_SANS, fontSize=9.5, leading=14, leftIndent=14),
    ]
    width, height = A4
    frame_w = width - 40 * mm

    class Heading(Paragraph):  # type: ignore[misc]
        def __init__(self, text: str, level: int) -> None:
            super().__init__(escape(text), h1 if level == 1 else h2)
            self.level = level
            self.plain = text

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.states: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self.states.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for state in self.states:
                self.__dict__.update(state)
                if self._pageNumber > 1:
                    self.setFont(FLOOR_SANS, 7.5)
                    self.line(20 * mm, 14 * mm, width - 20 * mm, 14 * mm)
                    self.drawString(20 * mm, 9.5 * mm, "Prepared on · Confidential")
                    self.drawRightString(
                        width - 20 * mm,
                        9.5 * mm,
                        f"Page {self._pageNumber - 1} of {len(self.states) - 1}",
                    )
                super().showPage()
            super().save()

    def cover_page(canvas: Any, doc: Any) -> None:
        band = height * 0.56
        canvas.saveState()
        canvas.setFillColor(primary)
        canvas.rect(0, band, width, height - band, stroke=0, fill=1)
        para = Paragraph("Organisation overview", title)
        para.wrap(frame_w, height)
        para.drawOn(canvas, 20 * mm, band + 30 * mm)
        sub = Paragraph("People, departments, roles and learning tracks", body)
        sub.wrap(frame_w * 0.85, height)
        sub.drawOn(canvas, 20 * mm, band + 14 * mm)
        canvas.setFont(FLOOR_BOLD, 9)
        canvas.drawString(20 * mm, band + 60 * mm, "AI UPSKILLING PROGRAMME")
        canvas.setFont(FLOOR_SANS, 7.5)
        canvas.line(20 * mm, 22 * mm, width - 20 * mm, 22 * mm)
        canvas.drawString(20 * mm, 16 * mm, "Confidential — prepared for the leadership team.")
        canvas.restoreState()

    def body_page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FLOOR_BOLD, 7.5)
        canvas.drawString(20 * mm, height - 13 * mm, "Organisation overview")
        canvas.setFont(FLOOR_SANS, 7.5)
        canvas.drawRightString(width - 20 * mm, height - 13 * mm, figures.organisation)
        canvas.line(20 * mm, height - 16 * mm, width - 20 * mm, height - 16 * mm)
        canvas.restoreState()

    class Doc(BaseDocTemplate):  # type: ignore[misc]
        def __init__(self, filename: str) -> None:
            super().__init__(filename, pagesize=A4, initialFontName=FLOOR_SANS)
            self.marks = 0
            frame = Frame(20 * mm, 20 * mm, frame_w, height - 44 * mm, id="body")
            cover = Frame(20 * mm, 30 * mm, frame_w, height * 0.56 - 46 * mm, id="cover")
            self.addPageTemplates(
                [
                    PageTemplate(id="cover", frames=[cover], onPage=cover_page),
                    PageTemplate(id="body", frames=[frame], onPage=body_page),
                ]
            )

        def beforeDocument(self) -> None:
            self.marks = 0

        def afterFlowable(self, flowable: Any) -> None:
            if isinstance(flowable, Heading):
                key = f"h{self.marks}"
                self.marks += 1
                self.canv.bookmarkPage(key)
                self.canv.addOutlineEntry(flowable.plain, key, level=flowable.level - 1)
                self.notify("TOCEntry", (flowable.level - 1, flowable.text, self.page - 1, key))

    def table(header: Sequence[str], rows: Sequence[Sequence[Any]], numeric: int) -> Table:
        data = [
            [
                Paragraph(f"<b>{escape(h)}</b>", head_r if i == numeric else head)
                for i, h in enumerate(header)
            ]
        ]
        for row in rows:
            data.append(
                [
                    Paragraph(
                        f"{v:,}" if isinstance(v, int) else escape(str(v)),
                        cell_r if i == numeric else cell,
                    )
                    for i, v in enumerate(row)
                ]
            )
        t = Table(data, colWidths=[frame_w / len(header)] * len(header), repeatRows=1)
        commands: list[tuple[Any, ...]] = [
            ("BACKGROUND", (0, 0), (-1, 0), primary),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, rule),
        ]
        commands += [("BACKGROUND", (0, r), (-1, r), zebra) for r in range(2, len(rows) + 1, 2)]
        t.setStyle(TableStyle(commands))
        return t

    def bar_chart(items: Sequence[tuple[str, int]]) -> Drawing:
        row_h = 16
        drawing = Drawing(frame_w, row_h * len(items) + 8)
        label_w = min(
            max(stringWidth(label, FLOOR_SANS, 8) for label, _ in items) + 8, frame_w * 0.38
        )
        biggest = max(v for _, v in items) or 1
        for i, (label, value) in enumerate(items):
            y = drawing.height - 4 - (i + 1) * row_h
            drawing.add(
                String(label_w - 6, y + 5, label, fontName=FLOOR_SANS, fontSize=8, textAnchor="end")
            )
            bar_w = (frame_w - label_w - 40) * value / biggest
            drawing.add(
                Rect(label_w, y + 2, bar_w, row_h * 0.7, fillColor=primary, strokeColor=None)
            )
            drawing.add(
                String(
                    label_w + bar_w + 4,
                    y + 5,
                    f"{value:,}",
                    fontName=FLOOR_SANS,
                    fontSize=7.5,
                    fillColor=muted,
                )
            )
        drawing.add(Line(label_w, 4, label_w, drawing.height - 4, strokeColor=rule))
        return drawing

    def donut(items: Sequence[tuple[str, int]]) -> Drawing:
        drawing = Drawing(frame_w, max(158, 16 * len(items) + 8))
        total = sum(v for _, v in items) or 1
        cx, cy, r = 79.0, drawing.height / 2, 75.0
        start = 90.0
        for i, (label, value) in enumerate(items):
            sweep = 360.0 * value / total
            colour = colors.HexColor(series[i % len(series)])
            drawing.add(
                Wedge(
                    cx,
                    cy,
                    r,
                    start - sweep,
                    start,
                    fillColor=colour,
                    strokeColor=colors.white,
                    strokeWidth=1.2,
                )
            )
            start -= sweep
            y = drawing.height / 2 + 8 * len(items) - (i + 1) * 16 + 4
            drawing.add(Rect(178, y, 8, 8, fillColor=colour, strokeColor=None))
            drawing.add(String(192, y + 0.5, label, fontName=FLOOR_SANS, fontSize=8))
            drawing.add(
                String(
                    frame_w - 8,
                    y + 0.5,
                    f"{value:,}   {value / total:.0%}",
                    fontName=FLOOR_SANS,
                    fontSize=8,
                    textAnchor="end",
                )
            )
        drawing.add(Circle(cx, cy, r * 0.6, fillColor=colors.white, strokeColor=None))
        drawing.add(
            String(cx, cy - 2, f"{total:,}", fontName=FLOOR_BOLD, fontSize=18, textAnchor="middle")
        )
        drawing.add(
            String(cx, cy - 15, "people", fontName=FLOOR_SANS, fontSize=7.5, textAnchor="middle")
        )
        return drawing

    tiles = [
        [Paragraph(f"<b>{value:,}</b>", big), Paragraph(escape(label), small)]
        for label, value in figures.key_figures
    ]
    tile_rows = [[c for tile in tiles[i : i + 4] for c in (tile, "")][:-1] for i in (0, 4)]
    gap = 6.0
    col = (frame_w - 3 * gap) / 4
    key_table = Table(tile_rows, colWidths=[col, gap, col, gap, col, gap, col])
    key_table.setStyle(
        TableStyle(
            [("VALIGN", (0, 0), (-1, -1), "TOP")]
            + [("BACKGROUND", (2 * c, r), (2 * c, r), zebra) for r in (0, 1) for c in range(4)]
            + [
                ("LINEBEFORE", (2 * c, r), (2 * c, r), 2.5, primary)
                for r in (0, 1)
                for c in range(4)
            ]
        )
    )
    toc = TableOfContents()
    toc.levelStyles = toc_styles
    active = figures.key_figures[0][1]
    story: list[Any] = [
        Paragraph(f"<b>{escape(figures.organisation)}</b>", h1),
        Spacer(1, 3 * mm),
        Paragraph(f"Prepared on {figures.generated_on:%d %B %Y}", body),
        NextPageTemplate("body"),
        PageBreak(),
        Paragraph("Contents", h1),
        Spacer(1, 4 * mm),
        toc,
        PageBreak(),
        Heading("Organisation overview", 1),
        HRFlowable(width="100%", thickness=1.2, color=primary, spaceAfter=10),
        Paragraph(
            escape(
                f"{figures.organisation} has {active:,} people active in "
                f"{len(figures.departments)} departments and {len(figures.roles)} roles. This "
                "overview is the starting point of the upskilling programme: it shows where "
                "people work and which learning track their role follows."
            ),
            body,
        ),
        Heading("Key figures", 2),
        key_table,
        CondPageBreak(60 * mm),
        Heading("Headcount by department", 2),
        KeepTogether(
            [
                bar_chart(sorted(figures.departments, key=lambda r: -r[1])[:20]),
                Paragraph("Active people in each department.", caption),
                Spacer(1, 4 * mm),
            ]
        ),
        table(["Department", "Active people"], figures.departments, 1),
        CondPageBreak(70 * mm),
        Heading("People by learning track", 2),
        KeepTogether(
            [
                donut(figures.tracks),
                Paragraph(
                    "Active people by the learning track of their role. Each track has its own "
                    "path: executives learn to steer, technical staff to build, domain experts "
                    "to apply AI to their field, frontline staff to use it safely day to day.",
                    caption,
                ),
                Spacer(1, 4 * mm),
            ]
        ),
        CondPageBreak(50 * mm),
        Heading("Roles by department", 2),
        table(["Department", "Role", "Learning track", "Active people"], figures.roles, 3),
        CondPageBreak(40 * mm),
        Heading("Locations", 2),
        table(["Location", "Active people"], figures.locations, 1),
    ]
    Doc(str(out)).multiBuild(story, canvasmaker=NumberedCanvas)


# -- workbook floor --------------------------------------------------------------------------


def floor_org_workbook(figures: PlainOverview, out: Path) -> None:
    """The leadership workbook with openpyxl alone: summary, four table sheets, two charts."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.chart import BarChart, PieChart, Reference
    from openpyxl.chart.series import DataPoint
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.filters import AutoFilter
    from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

    wb = Workbook(write_only=True)
    summary = wb.create_sheet("Summary")
    summary.column_dimensions["A"].width = 36

    def styled(ws: Any, value: Any, **style: Any) -> WriteOnlyCell:
        c = WriteOnlyCell(ws, value=value)
        for name, setting in style.items():
            setattr(c, name, setting)
        return c

    summary.append([styled(summary, "Leadership workbook", font=Font(bold=True, size=18))])
    summary.append([styled(summary, figures.organisation, font=Font(bold=True, size=13))])
    summary.append(
        ["Prepared on", styled(summary, figures.generated_on, number_format="d mmmm yyyy")]
    )
    summary.append([])
    fill = PatternFill("solid", fgColor="1F4E79")
    summary.append(
        [styled(summary, "Key figures", font=Font(bold=True, color="FFFFFF"), fill=fill)]
    )
    zebra = PatternFill("solid", fgColor="F2F5F9")
    for i, (label, value) in enumerate(figures.key_figures):
        extra = {"fill": zebra} if i % 2 else {}
        summary.append(
            [
                styled(summary, label, **extra),
                styled(summary, value, font=Font(bold=True), number_format="#,##0", **extra),
            ]
        )
    for note in ("Each sheet holds one table.", "Privacy: no names.", "Made with a tool."):
        summary.append([note])

    def sheet(title: str, headers: list[str], rows: Sequence[Sequence[Any]]) -> Any:
        ws = wb.create_sheet(title)
        ws.freeze_panes = "A2"
        ws.append(headers)
        for row in rows:
            ws.append(list(row))
        ref = f"A1:{chr(64 + len(headers))}{len(rows) + 1}"
        ws.add_table(
            Table(
                displayName=f"tbl_{title}",
                ref=ref,
                tableStyleInfo=TableStyleInfo(name="TableStyleMedium2", showRowStripes=True),
                autoFilter=AutoFilter(ref=ref),
                tableColumns=[TableColumn(id=i, name=h) for i, h in enumerate(headers, 1)],
            )
        )
        return ws

    departments = sheet("Departments", ["Department", "Active people"], figures.departments)
    bar = BarChart()
    bar.type = "bar"
    bar.add_data(
        Reference(departments, min_col=2, min_row=1, max_row=len(figures.departments) + 1),
        titles_from_data=True,
    )
    bar.set_categories(
        Reference(departments, min_col=1, min_row=2, max_row=len(figures.departments) + 1)
    )
    summary.add_chart(bar, "A20")
    sheet("Roles", ["Department", "Role", "Learning track", "Active people"], figures.roles)
    tracks = sheet("Tracks", ["Learning track", "Active people"], figures.tracks)
    pie = PieChart()
    pie.add_data(
        Reference(tracks, min_col=2, min_row=1, max_row=len(figures.tracks) + 1),
        titles_from_data=True,
    )
    pie.set_categories(Reference(tracks, min_col=1, min_row=2, max_row=len(figures.tracks) + 1))
    for i in range(len(figures.tracks)):
        point = DataPoint(idx=i)
        point.graphicalProperties.solidFill = "1F4E79"
        pie.series[0].dPt.append(point)
    tracks.add_chart(pie, "D2")
    sheet("Locations", ["Location", "Active people"], figures.locations)
    wb.save(out)


PEOPLE_COLUMNS = [
    ("Name", "text"),
    ("Employee number", "text"),
    ("E-mail", "text"),
    ("Department", "text"),
    ("Role", "text"),
    ("Track", "text"),
    ("Location", "text"),
    ("Manager", "text"),
    ("Hire date", "date"),
    ("Years of service", "integer"),
]


def floor_table_workbook(rows: Sequence[Sequence[Any]], out: Path) -> None:
    """One summary sheet and one 10-column table sheet of ``rows``, openpyxl write-only."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.worksheet.filters import AutoFilter
    from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

    wb = Workbook(write_only=True)
    summary = wb.create_sheet("Summary")
    summary.append(["People"])
    summary.append(["Rows", len(rows)])
    ws = wb.create_sheet("People")
    for letter in "ABCDEFGHIJ":
        ws.column_dimensions[letter].width = 20
    ws.freeze_panes = "A2"
    ws.append([header for header, _ in PEOPLE_COLUMNS])
    # One styled cell per formatted column, reused (the cheapest way openpyxl allows).
    hired, years = WriteOnlyCell(ws), WriteOnlyCell(ws)
    hired.number_format, years.number_format = "yyyy-mm-dd", "#,##0"
    for row in rows:
        hired.value, years.value = row[8], row[9]
        ws.append([*row[:8], hired if row[8] is not None else None, years])
    ref = f"A1:J{len(rows) + 1}"
    ws.add_table(
        Table(
            displayName="tbl_People",
            ref=ref,
            tableStyleInfo=TableStyleInfo(name="TableStyleMedium2", showRowStripes=True),
            autoFilter=AutoFilter(ref=ref),
            tableColumns=[TableColumn(id=i, name=h) for i, (h, _) in enumerate(PEOPLE_COLUMNS, 1)],
        )
    )
    wb.save(out)


def ours_table_workbook(rows: Sequence[Sequence[Any]], out: Path) -> None:
    from app.reports.workbook import Column, KeyFigure, WorkbookCover, WorkbookWriter

    writer = WorkbookWriter(expected_rows=len(rows))
    writer.write_summary(
        WorkbookCover("People", "Northwind Mutual", date.today()),
        [KeyFigure("Rows", len(rows))],
    )
    writer.add_table_sheet(
        "People",
        [Column(header, kind) for header, kind in PEOPLE_COLUMNS],  # type: ignore[arg-type]
        rows,
    )
    writer.save(out)


def people_rows(services: Any, limit: int) -> list[tuple[Any, ...]]:
    """Every active person as a 10-column row (text, a date and a number)."""
    from app.services.people import PeopleQuery

    today = date.today()
    return [
        (
            p.display_name,
            p.employee_number,
            p.email,
            p.department,
            p.role,
            p.track.value if p.track else None,
            p.location,
            p.manager,
            p.hire_date,
            (today - p.hire_date).days // 365 if p.hire_date else None,
        )
        for p in services.people.page(PeopleQuery(), 0, limit)
    ]


# -- running ---------------------------------------------------------------------------------


def run(data_file: Path, folder: Path, runs: int, report: Report) -> None:
    from app.context import open_services
    from app.reports.fonts import register_fonts
    from app.reports.leadership_workbook import write_leadership_workbook

    services = open_services(data_file)
    try:
        register_fonts()
        register_floor_fonts()
        out = folder / "reports"
        out.mkdir(exist_ok=True)
        ours_pdf, floor_pdf_path = out / "ours.pdf", out / "floor.pdf"
        statements = capture_sql(services.database.engine, services.overview.organisation_overview)
        figures = plain_overview(services.overview.organisation_overview())
        connection = sqlite3.connect(data_file)

        def floor_pdf_run() -> float:
            start = time.perf_counter()
            replay_sql(connection, statements)
            floor_pdf(figures, floor_pdf_path)
            return time.perf_counter() - start

        def ours_pdf_run() -> float:
            start = time.perf_counter()
            services.reports.write_pdf(ours_pdf, page_size="A4")
            return time.perf_counter() - start

        # One untimed run each: lazy imports and font subsets' first use.
        ours_pdf_run()
        floor_pdf_run()
        ours, floor = interleave(runs, ours_pdf_run, floor_pdf_run)
        pages = f"{pdf_pages(ours_pdf)} vs {pdf_pages(floor_pdf_path)} pages"
        report.comparisons.append(
            Comparison("reports", f"Organisation PDF ({pages})", ours, floor, PDF_TARGET)
        )
        query = min(_time(services.overview.organisation_overview) for _ in range(max(runs, 3)))
        report.notes.append(
            f"PDF: of ours, the overview query takes {fmt_seconds(query)}; the floor replays "
            f"the same {len(statements)} SQL statements with sqlite3"
        )
        print(f"  pdf ours:  {ours.describe()}   floor: {floor.describe()}   ({pages})")

        ours_xlsx, floor_xlsx = out / "ours.xlsx", out / "floor.xlsx"

        def ours_workbook_run() -> float:
            # The same scope as the floor: the organisation's summary and its four sheets
            # (the programme's sheets are timed on their own below, as a figure).
            start = time.perf_counter()
            write_leadership_workbook(services.overview.organisation_overview(), ours_xlsx)
            return time.perf_counter() - start

        def floor_workbook_run() -> float:
            start = time.perf_counter()
            replay_sql(connection, statements)
            floor_org_workbook(figures, floor_xlsx)
            return time.perf_counter() - start

        ours_workbook_run()
        floor_workbook_run()
        ours, floor = interleave(runs, ours_workbook_run, floor_workbook_run)
        report.comparisons.append(
            Comparison(
                "reports",
                "Leadership workbook (org summary, 4 sheets)",
                ours,
                floor,
                WORKBOOK_TARGET,
            )
        )
        print(f"  workbook ours:  {ours.describe()}   floor: {floor.describe()}")

        whole = out / "programme.xlsx"
        programme = min(
            _time(lambda: services.reports.write_workbook(whole)) for _ in range(max(runs, 3))
        )
        report.figures.append(
            Figure(
                "reports",
                "The whole programme workbook (every sheet: skills, paths, pilots, objectives)",
                f"{fmt_seconds(programme)}, {len(load_sheet_names(whole))} sheets",
            )
        )
        print(f"  programme workbook: {fmt_seconds(programme)}")

        rows = people_rows(services, 1_000_000)
        ours_big, floor_big = out / "ours-table.xlsx", out / "floor-table.xlsx"
        ours, floor = interleave(
            runs,
            lambda: _time(lambda: ours_table_workbook(rows, ours_big)),
            lambda: _time(lambda: floor_table_workbook(rows, floor_big)),
        )
        report.comparisons.append(
            Comparison(
                "reports",
                f"Workbook writer, {len(rows):,}-row table (10 columns)",
                ours,
                floor,
                WORKBOOK_TARGET,
            )
        )
        print(f"  table workbook ours:  {ours.describe()}   floor: {floor.describe()}")
        connection.close()
    finally:
        services.close()


def _time(action: Any) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def load_sheet_names(path: Path) -> list[str]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        return list(book.sheetnames)
    finally:
        book.close()
