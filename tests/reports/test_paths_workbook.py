"""The learning paths in the leadership workbook: "Learning paths" (paths, modules, hours),
"Progress" (per path and department, small departments folded, no names) and, only with
names, "Progress by person" — checked against figures worked out by hand for a small
organisation built through the services."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from app.context import AppServices
from app.privacy import other_label
from app.reports.paths_workbook import paths_sheets_section, paths_workbook_figures
from app.reports.workbook import WorkbookCover, write_workbook
from app.services.people import PersonInput
from db.models import Track
from tests.app.test_cli import assert_no_traceback, upskill

pytestmark = pytest.mark.database

TODAY = date.today()
STARTED = TODAY - timedelta(days=60)
PASSED = TODAY - timedelta(days=10)
COMING = TODAY + timedelta(days=30)
OTHER = other_label(5)
FRONTLINE = "Everyday AI: first steps"
EXECUTIVE = "AI for leaders: the essentials"
FRONTLINE_MODULES = (
    "ai_foundations",
    "safe_use_essentials",
    "how_ai_answers",
    "prompt_basics",
    "approved_tools_tour",
    "ai_clinic",
)


@dataclass
class Organisation:
    frontline: int
    executive: int
    people: dict[str, list[int]]
    names: dict[int, str]


def _add(services: AppServices, department: str, role: int, names: list[str]) -> list[int]:
    department_id = services.organisation.add_department(department)
    return [
        services.people.add(
            PersonInput(
                first_name=name.split()[0],
                last_name=name.split()[1],
                department_id=department_id,
                role_id=role,
            )
        )
        for name in names
    ]


def build_organisation(services: AppServices) -> Organisation:
    """Sales 6 and Support 5 agents; Legal 2 and Finance 3 (folded together); a Board of 2
    directors on a second path (too few for any figure)."""
    agent = services.organisation.add_role("Agent", Track.FRONTLINE)
    director = services.organisation.add_role("Director", Track.EXECUTIVE)
    people = {
        "Sales": _add(
            services,
            "Sales",
            agent,
            ["Łukasz Nowak", "Zoë Martin", "Ngọc Trần", "Ama Mensah", "Liam Walsh", "Grace Hall"],
        ),
        "Support": _add(
            services,
            "Support",
            agent,
            ["Omar Ali", "Hana Sato", "Ruth Evans", "Leo Rossi", "Mia Green"],
        ),
        "Legal": _add(services, "Legal", agent, ["Søren Berg", "Aoife Byrne"]),
        "Finance": _add(services, "Finance", agent, ["Kwame Owusu", "Elif Kaya", "José Ruiz"]),
        "Board": _add(services, "Board", director, ["Ingrid Holm", "Arjun Rao"]),
    }
    names = {
        person.id: person.display_name
        for person in services.people.rows([p for ids in people.values() for p in ids])
    }
    frontline = services.paths.create_from_template("frontline_awareness")
    executive = services.paths.create_from_template("executive_awareness")
    sales, support, legal, finance = (people[d] for d in ("Sales", "Support", "Legal", "Finance"))
    # Sales: the first person skips the clinic; the due date has passed.
    skips = {sales[0]: {"ai_clinic": "Skips “AI clinic”: already there."}}
    services.paths.assign(frontline, sales, starts_on=STARTED, due_on=PASSED, skips=skips)
    services.paths.assign(frontline, finance, starts_on=STARTED, due_on=PASSED)
    services.paths.assign(frontline, support + legal, starts_on=STARTED, due_on=COMING)
    services.paths.assign(executive, people["Board"], starts_on=STARTED)

    def done(ids: list[int], key: str, score: float | None = None) -> None:
        on = TODAY - timedelta(days=5)
        services.path_progress.set_progress(frontline, ids, key, "completed", on=on, score=score)

    done(sales[:5], "ai_foundations", score=90)
    services.path_progress.set_progress(frontline, sales[5:], "ai_foundations", "in_progress")
    done(sales[:3], "safe_use_essentials")
    for key in ("how_ai_answers", "prompt_basics", "approved_tools_tour"):
        done(sales[:1], key)
    done(support[:1], "ai_foundations")
    for key in FRONTLINE_MODULES:
        done(legal[:1], key)
    return Organisation(frontline, executive, people, names)


@pytest.fixture
def organisation(services: AppServices) -> Organisation:
    return build_organisation(services)


def table_rows(ws: Any, first: int = 1) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The header at row ``first`` and the rows under it, up to the first empty row."""
    rows = list(ws.iter_rows(min_row=first, values_only=True))
    header = [h for h in rows[0] if h is not None]
    body = []
    for row in rows[1:]:
        if row[0] is None:
            break
        body.append(tuple(row[: len(header)]))
    return header, body


def row_after(ws: Any, title: str) -> int:
    """The row number just after the block title ``title`` in column A."""
    for row in ws.iter_rows(min_col=1, max_col=1):
        if row[0].value == title:
            return int(row[0].row) + 1
    raise AssertionError(f"no block “{title}” on {ws.title}")


def texts_of(book: openpyxl.Workbook) -> dict[str, str]:
    return {
        ws.title: "\n".join(
            str(value) for row in ws.iter_rows(values_only=True) for value in row if value
        )
        for ws in book.worksheets
    }


def test_the_learning_paths_sheet_lists_every_module_of_every_path_in_order(
    services, organisation, tmp_path
):
    book = openpyxl.load_workbook(services.reports.write_workbook(tmp_path / "book.xlsx"))
    ws = book["Learning paths"]
    assert ws.freeze_panes == "A2"
    header, rows = table_rows(ws)
    assert header == [
        "Path",
        "Version",
        "Learning track",
        "Level",
        "Stage",
        "Order",
        "Module",
        "Format",
        "Hours",
        "Skills raised (to level)",
        "Prerequisites",
    ]
    modules = {m.key: m for m in services.paths.modules()}
    skills = {s.key: s.name for s in services.skills.catalogue().skills}
    expected = []
    for path_id, name, track in (
        (organisation.executive, EXECUTIVE, "Executive"),
        (organisation.frontline, FRONTLINE, "Frontline"),
    ):
        layout = services.paths.path(path_id).layout
        order = 0
        for stage in layout.stages:
            for key in stage.modules:
                order += 1
                module = modules[key]
                raised = sorted((skills[s], level) for s, level in module.raises.items())
                expected.append(
                    (
                        name,
                        1,
                        track,
                        "Awareness",
                        f"{stage.stage.capitalize()}: {stage.title}",
                        order,
                        module.title,
                        {"e_learning": "E-learning", "hands_on_lab": "Hands-on lab"}.get(
                            module.format, module.format.replace("_", " ").capitalize()
                        ),
                        module.hours,
                        "; ".join(f"{s} → {level}" for s, level in raised),
                        "; ".join(modules[p].title for p in module.prerequisites) or None,
                    )
                )
    assert rows == expected
    assert [r[6] for r in rows if r[0] == FRONTLINE] == [
        modules[k].title for k in FRONTLINE_MODULES
    ]
    modules_table, totals_table = ws.tables.values()
    assert modules_table.ref == f"A1:K{len(expected) + 1}"

    header, totals = table_rows(ws, row_after(ws, "Each path in all"))
    assert header[:6] == ["Path", "Version", "Learning track", "Level", "Modules", "Hours"]
    assert header[-1] == "People following"
    assert [(r[0], r[4], r[5], r[len(header) - 1]) for r in totals] == [
        (EXECUTIVE, 7, 11.5, 2),
        (FRONTLINE, 6, 11.0, 16),
    ]
    first = row_after(ws, "Each path in all")
    assert totals_table.ref == f"A{first}:{get_column_letter(len(header))}{first + 2}"


def test_progress_per_path_and_department_folds_small_departments_and_names_none(
    services, organisation, tmp_path
):
    book = openpyxl.load_workbook(services.reports.write_workbook(tmp_path / "book.xlsx"))
    ws = book["Progress"]
    header, rows = table_rows(ws)
    assert header == [
        "Path",
        "Department",
        "People",
        "Modules done",
        "Finished",
        "In progress",
        "Not started",
        "Past due date",
    ]
    # Worked out by hand from build_organisation:
    # Sales: 6 people follow 5 + 5×6 = 35 modules, 5 + 2×2 + 2×1 = 11 done; one finished,
    #   five begun (one only in progress), all five unfinished are past the due date.
    # Support: 5 people, 30 modules, 1 done. Legal (2) and Finance (3) together: 30 modules,
    #   the 6 one person in Legal did; Finance's 3 are past their due date.
    # The Board's 2 directors are too few for any figure.
    assert rows == [
        (EXECUTIVE, "All departments", 2, "–", "–", "–", "–", "–"),
        (FRONTLINE, "Sales", 6, pytest.approx(11 / 35), 1, 5, 0, 5),
        (FRONTLINE, "Support", 5, pytest.approx(1 / 30), 0, 1, 4, 0),
        (FRONTLINE, OTHER, 5, pytest.approx(6 / 30), 1, 0, 4, 3),
    ]
    assert ws.cell(row=3, column=4).number_format == "0%"

    header, departments = table_rows(
        ws, row_after(ws, "Modules done per department, all paths together")
    )
    assert header == [
        "Department",
        "People following a path",
        "Modules followed",
        "Modules done",
        "Share of modules done",
    ]
    assert departments == [
        ("Sales", 6, 35, 11, pytest.approx(11 / 35)),
        ("Support", 5, 30, 1, pytest.approx(1 / 30)),
        (OTHER, 7, 14 + 18 + 12, 6, pytest.approx(6 / 44)),
    ]
    assert len(ws._charts) == 1

    texts = texts_of(book)
    for small in ("Legal", "Finance", "Board"):
        assert small not in texts["Progress"]
        assert small not in texts["Learning paths"]
    for name in organisation.names.values():
        assert not any(name in cells for cells in texts.values()), name
    assert "Progress by person" not in book.sheetnames

    summary = {r[0]: r[1] for r in book["Summary"].iter_rows(values_only=True) if r[0]}
    assert summary["Learning paths in use"] == 2
    assert summary["People following a learning path"] == 18
    assert summary["Modules completed"] == 18
    assert summary["Modules completed of those followed"] == pytest.approx(18 / (35 + 60 + 14))
    assert summary["People past their due date"] == 8


def test_progress_by_person_is_added_only_when_names_are_asked_for(
    services, organisation, tmp_path
):
    book = openpyxl.load_workbook(
        services.reports.write_workbook(tmp_path / "named.xlsx", names=True)
    )
    assert "Progress by person" in book.sheetnames
    ws = book["Progress by person"]
    header, rows = table_rows(ws)
    column = {h: i for i, h in enumerate(header)}
    assert len(rows) == 18
    by_name = {r[column["Name"]]: r for r in rows}
    assert set(by_name) == set(organisation.names.values())
    first = by_name["Łukasz Nowak"]  # every module but the skipped clinic done
    assert first[column["Department"]] == "Sales"
    assert first[column["Path"]] == FRONTLINE
    assert (first[column["Modules done"]], first[column["Modules followed"]]) == (5, 5)
    assert (first[column["Hours done"]], first[column["Hours followed"]]) == (9.5, 9.5)
    assert first[column["Started on"]].date() == STARTED
    assert first[column["Due on"]].date() == PASSED
    assert first[column["Past due date"]] is None
    assert first[column["Last module done on"]].date() == TODAY - timedelta(days=5)
    late = by_name["Grace Hall"]  # only begun, and the due date has passed
    assert (late[column["Modules done"]], late[column["Modules followed"]]) == (0, 6)
    assert late[column["Past due date"]] == "Yes"
    assert late[column["Last module done on"]] is None
    director = by_name["Ingrid Holm"]
    assert director[column["Path"]] == EXECUTIVE and director[column["Due on"]] is None
    summary = "\n".join(str(r[0]) for r in book["Summary"].iter_rows(values_only=True) if r[0])
    assert "names people" in summary

    plain = openpyxl.load_workbook(services.reports.write_workbook(tmp_path / "plain.xlsx"))
    assert "Progress by person" not in plain.sheetnames


def test_the_section_shows_weeks_at_the_protected_time_and_roles_when_given(
    services, organisation, tmp_path
):
    hours_per_week = services.capacity.hours_per_week()
    figures = paths_workbook_figures(
        services.paths,
        services.path_progress,
        threshold=services.organisation.settings().anonymity_threshold,
        hours_per_week=hours_per_week,
        names=True,
        roles_of=lambda ids: {row.id: row.role for row in services.people.rows(ids)},
    )
    out = tmp_path / "paths.xlsx"
    write_workbook(
        out,
        cover=WorkbookCover("Paths", "Test", TODAY),
        figures=None,
        sections=[paths_sheets_section(figures)],
    )
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Summary", "Learning paths", "Progress", "Progress by person"]
    ws = book["Learning paths"]
    header, totals = table_rows(ws, row_after(ws, "Each path in all"))
    weeks = header.index(f"Weeks at {hours_per_week:g} h a week")
    assert [r[weeks] for r in totals] == [
        math.ceil(11.5 / hours_per_week),
        math.ceil(11.0 / hours_per_week),
    ]
    header, rows = table_rows(book["Progress by person"])
    role = header.index("Role")
    assert {r[role] for r in rows} == {"Agent", "Director"}


def test_export_xlsx_names_people_on_progress_only_with_names(
    services, organisation, database_url, tmp_path
):
    plain = tmp_path / "book.xlsx"
    result = upskill("export", "xlsx", str(plain), db=database_url)
    assert result.returncode == 0, result.stderr
    assert_no_traceback(result)
    book = openpyxl.load_workbook(plain)
    assert {"Learning paths", "Progress"} <= set(book.sheetnames)
    assert "Progress by person" not in book.sheetnames
    texts = texts_of(book)
    assert not any(
        name in cells for name in organisation.names.values() for cells in texts.values()
    )

    named = tmp_path / "named.xlsx"
    result = upskill("export", "xlsx", str(named), "--names", db=database_url)
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(named)
    _header, rows = table_rows(book["Progress by person"])
    assert sorted(r[0] for r in rows) == sorted(organisation.names.values())
    texts = texts_of(book)
    assert {t for t, cells in texts.items() if "Søren Berg" in cells} == {"Progress by person"}
    assert "Legal" not in texts["Progress"]
