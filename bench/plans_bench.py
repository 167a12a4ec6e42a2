"""(f) Learning plans: everyone's individual plan as one PDF, 1,000+ pages, under 10 s.

Ours is the real path: ``LearningPlanService.plans`` (the plans read in bulk from the data
file) and ``write_plans_pdf`` (band, gap bars, the modules table, what is skipped and why,
progress, the note; page numbers, outline, atomic save). The floor is bare reportlab
laying out the same pages from the same plan data, with the same TrueType fonts registered
outside the timing: per person a heading paragraph, the same facts as paragraphs, the gaps
and the modules as plain tables with a header row, the skipped modules as paragraphs, a
page break; a "Page N of M" footer. It skips what is ours: reading the plans, the font
fallback, the drawn band and bars, colours per status, progress and the atomic save.

``python -m bench.plans_bench [--employees N] [--runs N]`` runs it alone.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from bench.common import Comparison, Figure, Report, fmt_seconds, interleave

TARGET_SECONDS = 10.0
EMPLOYEES = 1_000
"""The size the target is set at (the issue's done-when), whatever the scale of the run."""

PATH_TEMPLATES = {
    "executive": ("executive_builder", date(2026, 6, 1), date(2026, 10, 30)),
    "technical": ("technical_builder", date(2026, 9, 7), date(2027, 3, 26)),
    "domain_expert": ("domain_builder", date(2026, 9, 14), date(2027, 2, 26)),
    "frontline": ("frontline_awareness", date(2026, 10, 5), date(2027, 1, 29)),
}
"""Track -> (template, start, due) of the path everyone on the track follows."""


# -- the data -----------------------------------------------------------------------------


def make_data_file(folder: Path, employees: int = EMPLOYEES) -> Path:
    """The demo organisation, everyone active following their track's path with progress."""
    from app.context import open_services
    from app.demo import create_demo_organisation

    path = folder / f"plans-{employees}.upskill"
    for stale in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        stale.unlink(missing_ok=True)
    services = open_services(path)
    try:
        create_demo_organisation(services, employees=employees, seed=1)
        if not any(p.people for p in services.paths.paths()):
            assign_paths(services)
    finally:
        services.close()
    return path


def assign_paths(services: Any, seed: int = 1) -> None:
    """A path per track from the templates, assigned to everyone active on the track
    (trimmed to their gaps), then progress: earlier modules done by more people."""
    from app.services.people import PeopleQuery
    from db.models import EmployeeStatus

    rng = random.Random(seed)
    people = services.people.rows(
        services.people.ordered_ids(PeopleQuery(status=EmployeeStatus.ACTIVE))
    )
    by_track: dict[str, list[int]] = {}
    for person in people:
        track = person.track.value if person.track is not None else "frontline"
        by_track.setdefault(track if track in PATH_TEMPLATES else "frontline", []).append(person.id)
    for track, (template, starts_on, due_on) in PATH_TEMPLATES.items():
        followers = by_track.get(track, [])
        if not followers:
            continue
        path_id = services.paths.create_from_template(template)
        services.suggestions.assign(
            path_id,
            followers,
            starts_on=starts_on,
            due_on=due_on,
            reason="Everyone on the track",
        )
        _progress(services, path_id, starts_on, rng)


def _progress(services: Any, path_id: int, starts_on: date, rng: random.Random) -> None:
    keys = services.paths.path(path_id).layout.module_keys()
    rows = services.path_progress.progress(path_id)
    today = date.today()
    for position, key in enumerate(keys):
        open_people = [r.person_id for r in rows if r.statuses[key] != "skipped"]
        rng.shuffle(open_people)
        share_done = max(0.0, 0.85 - 0.2 * position)
        done = open_people[: int(len(open_people) * share_done)]
        started = open_people[len(done) : len(done) + len(open_people) // 8]
        day = min(starts_on + timedelta(days=10 + 12 * position), today)
        for begin in range(0, len(done), 40):
            group = done[begin : begin + 40]
            score = rng.choice((None, 72.0, 85.0, 93.0))
            services.path_progress.set_progress(
                path_id,
                group,
                key,
                "completed",
                on=min(day + timedelta(days=begin // 40), today),
                score=score,
            )
        if started:
            services.path_progress.set_progress(path_id, started, key, "in_progress")


# -- the floor ----------------------------------------------------------------------------


def floor_pdf(plans: Sequence[Any], out: Path, organisation: str) -> None:
    """The same pages with reportlab alone: paragraphs, plain tables, page breaks."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    from bench.reports_bench import FLOOR_BOLD, FLOOR_SANS

    body = ParagraphStyle("B", fontName=FLOOR_SANS, fontSize=9.5, leading=14, spaceAfter=4)
    small = ParagraphStyle("S", parent=body, fontSize=8, leading=11)
    name_style = ParagraphStyle("N", fontName=FLOOR_BOLD, fontSize=19, leading=24)
    heading = ParagraphStyle("H", fontName=FLOOR_BOLD, fontSize=11, leading=14, spaceBefore=9)
    style = TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), FLOOR_SANS, 8, 10),
            ("FONT", (0, 0), (-1, 0), FLOOR_BOLD, 8, 10),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1F4E79")),
            ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#C9D3DD")),
        ]
    )
    width, _height = A4

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
                self.setFont(FLOOR_SANS, 7.5)
                self.drawRightString(
                    width - 20 * mm, 9.5 * mm, f"Page {self._pageNumber} of {len(self.states)}"
                )
                super().showPage()
            super().save()

    def text(value: str, chosen: ParagraphStyle = body) -> Paragraph:
        return Paragraph(escape(value), chosen)

    story: list[Any] = []
    for index, plan in enumerate(plans):
        if index:
            story.append(PageBreak())
        story.append(text(plan.display_name, name_style))
        story.append(
            text(f"{plan.role} · {plan.department} · {plan.employee_number} · {plan.track}")
        )
        story.append(text(organisation, small))
        story.append(text("Where you are", heading))
        if plan.gaps:
            story.append(
                Table(
                    [["Skill", "Level", "Target", "Gap"]]
                    + [[g.skill, g.level_name, g.target_name, f"{g.gap:g}"] for g in plan.gaps[:8]],
                    colWidths=[200, 100, 100, 50],
                    style=style,
                )
            )
        else:
            story.append(text("Not rated yet."))
        for path in plan.paths:
            story.append(text(f"Your modules: {path.name}", heading))
            story.append(
                Table(
                    [["Module", "Format", "Hours", "Planned", "Status"]]
                    + [
                        [
                            m.title,
                            m.format,
                            f"{m.hours:g}",
                            f"{m.starts_on} – {m.ends_on}",
                            m.status if m.completed_on is None else f"done {m.completed_on}",
                        ]
                        for m in path.modules
                    ]
                    + [["Total", "", f"{path.hours:g}", f"{path.weeks} weeks", ""]],
                    colWidths=[185, 60, 35, 100, 80],
                    style=style,
                )
            )
            story.append(text(f"from {path.starts_on}, due {path.due_on}", small))
            if path.covered:
                story.append(text("Already covered", heading))
                story += [text(f"• {c.reason}") for c in path.covered]
            story.append(text("Progress so far", heading))
            story.append(
                text(f"{path.done} of {path.total} modules done · {path.hours_done:g} hours")
            )
        story.append(
            text(
                f"You have {plan.paths[0].hours_per_week:g} hours a week of protected learning "
                f"time. Questions? Ask your manager, {plan.manager}.",
                small,
            )
        )
    document = SimpleDocTemplate(str(out), pagesize=A4, initialFontName=FLOOR_SANS)
    document.build(story, canvasmaker=NumberedCanvas)


# -- running ------------------------------------------------------------------------------


def run(folder: Path, runs: int, report: Report, *, employees: int = EMPLOYEES) -> None:
    from app.context import open_services
    from app.reports.fonts import register_fonts
    from app.reports.plans_pdf import write_plans_pdf
    from bench.reports_bench import pdf_pages, register_floor_fonts

    made = time.perf_counter()
    data_file = make_data_file(folder, employees)
    print(
        f"  data file: {employees:,} people following paths with progress, made in "
        f"{fmt_seconds(time.perf_counter() - made)}"
    )
    services = open_services(data_file)
    try:
        register_fonts()
        register_floor_fonts()
        organisation = services.plans.organisation_name()
        plans = services.plans.plans()
        ours_pdf = folder / "plans-ours.pdf"
        floor_path = folder / "plans-floor.pdf"
        read_times: list[float] = []

        def ours() -> float:
            start = time.perf_counter()
            everyone = services.plans.plans()
            read = time.perf_counter()
            write_plans_pdf(everyone, ours_pdf, organisation_name=organisation, page_size="A4")
            read_times.append(read - start)
            return time.perf_counter() - start

        def floor() -> float:
            start = time.perf_counter()
            floor_pdf(plans, floor_path, organisation)
            return time.perf_counter() - start

        mine, bare = interleave(runs, ours, floor)
        pages = f"{pdf_pages(ours_pdf):,} vs {pdf_pages(floor_path):,} pages"
        report.comparisons.append(
            Comparison(
                "plans",
                f"Learning plans PDF, {len(plans):,} people ({pages})",
                mine,
                bare,
                target=0,
                absolute_target=TARGET_SECONDS,
            )
        )
        met = mine.best <= TARGET_SECONDS
        print(
            f"  plans pdf: ours {mine.describe()} (reading the plans: best "
            f"{fmt_seconds(min(read_times))}), floor {bare.describe()}, ratio "
            f"{mine.best / bare.best:.2f}× ({pages}); under 10 s: {'yes' if met else 'NO'}"
        )
        report.figures.append(
            Figure(
                "plans",
                f"Learning plans of {len(plans):,} people as one PDF",
                fmt_seconds(mine.best),
                target="< 10 s",
                met=met,
            )
        )
        report.notes.append(
            "plans: ours = LearningPlanService.plans (bulk read) + write_plans_pdf (band, gap "
            "bars, module tables, skipped modules, progress bars, note, outline, atomic save); "
            "floor = the same plan data laid out by bare platypus (paragraphs, plain tables, "
            "page breaks, page numbers), fonts registered outside the timing"
        )
    finally:
        services.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=EMPLOYEES)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    report = Report()
    with tempfile.TemporaryDirectory(prefix="upskill-plans-") as folder:
        run(Path(folder), args.runs, report, employees=args.employees)
    for c in report.comparisons:
        print(f"RATIO {c.group}: {c.what}: ratio {c.ratio:.2f}×, target {c.target_text()}")


if __name__ == "__main__":
    main()
