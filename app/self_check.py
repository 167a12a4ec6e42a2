"""The parts of ``--self-test`` that need no Qt: the check runner and the data, schema,
report and workbook checks.

The self-test proves that an installed copy of the app really works where it runs (CI runs
it from the built bundle). Its output is for engineers and CI, who read it in English and
grep its last line, so it is not translated; what it checks, it checks through the same
services the app uses. The Qt side (the window, every area, the About box) is
``ui/self_test.py``.
"""

from __future__ import annotations

import io
import re
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

from app import __version__
from app.errors import UserFacingError
from app.i18n import _

if TYPE_CHECKING:
    from app.context import AppServices
    from app.demo import DemoSummary
    from app.services.reports import ReportKind
    from db.database import Database

T = TypeVar("T")

PASSED_PREFIX = "Self-test passed"
FAILED_PREFIX = "Self-test FAILED"


class CheckFailed(Exception):
    """A check found something wrong; the message is the plain reason."""


class StepFailed(Exception):
    """The check called ``check`` could not finish; ``cause`` is why."""

    def __init__(self, check: str, cause: BaseException) -> None:
        super().__init__(f"{check}: {plain_reason(cause)}")
        self.check = check
        self.cause = cause


def plain_reason(error: BaseException) -> str:
    """One line saying what went wrong, without the traceback."""
    if isinstance(error, UserFacingError):
        return error.message
    if isinstance(error, CheckFailed):
        return str(error)
    if isinstance(error, OSError) and error.strerror:
        return f"{error.strerror}: {error.filename}" if error.filename else error.strerror
    text = str(error)
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _text_detail(result: object) -> str:
    """A check that returns text has said what it found; other results say nothing."""
    return result if isinstance(result, str) else ""


class SelfTestRun:
    """Runs checks in order, one printed line each (what, how long, result); stops at the
    first failure, which ``failed`` prints with its traceback."""

    def __init__(self, out: TextIO, clock: Callable[[], float] = time.perf_counter) -> None:
        self._out = out
        self._clock = clock
        self._started = clock()
        self.passed_checks: list[str] = []

    def say(self, line: str) -> None:
        self._out.write(line + "\n")
        self._out.flush()

    def check(
        self, name: str, step: Callable[[], T], describe: Callable[[T], str] = _text_detail
    ) -> T:
        """Run ``step``; print ``ok`` with its time and ``describe(result)``, or raise
        :class:`StepFailed` naming this check."""
        start = self._clock()
        try:
            result = step()
            detail = describe(result)
        except Exception as exc:
            raise StepFailed(name, exc) from exc
        self.passed_checks.append(name)
        self.say(
            f"ok    {self._clock() - start:6.2f} s  {name}" + (f": {detail}" if detail else "")
        )
        return result

    def skip(self, name: str, reason: str) -> None:
        self.say(f"skip            {name}: {reason}")

    def elapsed(self) -> float:
        return self._clock() - self._started

    def passed(self) -> int:
        count = len(self.passed_checks)
        self.say(f"{PASSED_PREFIX}: {count} checks in {self.elapsed():.1f} s")
        return 0

    def failed(self, failure: StepFailed) -> int:
        self.say(f"{FAILED_PREFIX}: {failure.check}: {plain_reason(failure.cause)}")
        self.say("".join(traceback.format_exception(failure.cause)).rstrip())
        return 1


def environment_lines() -> list[str]:
    """Where the self-test runs: CI reads these to prove the bundle ran on its own."""
    bundle = getattr(sys, "_MEIPASS", None)
    frozen = bool(getattr(sys, "frozen", False))
    return [
        f"Upskill Planner {__version__} self-test",
        f"Python {sys.version.split()[0]}: {sys.executable}",
        "Frozen: "
        + (f"yes (bundle: {bundle})" if frozen or bundle else "no (running from source)"),
    ]


# The data file ---------------------------------------------------------------------------
def load_demo(services: AppServices) -> DemoSummary:
    """The demo organisation, exactly as ``upskill demo`` makes it (its default size)."""
    from app.demo import create_demo_organisation

    return create_demo_organisation(services)


def describe_demo(summary: DemoSummary) -> str:
    return (
        f"{summary.organisation}, {summary.employees} people in {summary.departments} "
        f"departments and {summary.roles} roles"
    )


def check_schema_at_head(database: Database) -> str:
    """The shipped migrations end at the revision this version expects, the file is at it,
    and Alembic's own check finds no difference between the tables and the models."""
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from alembic.util import AutogenerateDiffsDetected

    from db.schema import MIGRATIONS_PACKAGE, SCHEMA_HEAD, current_revision

    config = Config(stdout=io.StringIO())
    config.set_main_option("script_location", MIGRATIONS_PACKAGE)
    heads = [str(head) for head in ScriptDirectory.from_config(config).get_heads()]
    if heads != [SCHEMA_HEAD]:
        raise CheckFailed(
            f"the migrations shipped with the app end at {', '.join(heads) or 'nothing'}, "
            f"but this version expects {SCHEMA_HEAD}"
        )
    with database.engine.connect() as connection:
        revision = current_revision(connection)
        if revision != SCHEMA_HEAD:
            raise CheckFailed(f"the data file is at schema {revision}, not at {SCHEMA_HEAD}")
        config.attributes["connection"] = connection
        try:
            command.check(config)
        except AutogenerateDiffsDetected as exc:
            raise CheckFailed(f"the tables differ from the models: {exc}") from exc
    return f"{revision}, tables match the models"


def check_reopened(services: AppServices, demo: DemoSummary) -> str:
    """A data file opened afresh holds what the demo wrote."""
    from app.services.info import data_file_info

    info = data_file_info(services.database)
    for key, made in (("employees", demo.employees), ("departments", demo.departments)):
        if info[key] != made:
            raise CheckFailed(f"the reopened data file has {info[key]} {key}; the demo made {made}")
    if not info["pilots"]:
        raise CheckFailed("the reopened data file has no pilots; the demo makes two")
    return f"{info['employees']} people and {info['pilots']} pilots, as the demo made"


# PDF reports ------------------------------------------------------------------------------
@dataclass(frozen=True)
class PdfFacts:
    pages: int
    embedded_fonts: int
    size: int


def write_pdf_report(services: AppServices, kind: ReportKind, folder: Path) -> PdfFacts:
    """Write one report of ``kind`` for the open data file, then read it back."""
    folder.mkdir(parents=True, exist_ok=True)
    out = services.reports.write_pdf(folder / f"{kind.value}.pdf", kind)
    return read_pdf_facts(out)


def describe_pdf(facts: PdfFacts) -> str:
    return f"{facts.pages} pages, {facts.embedded_fonts} embedded fonts, {facts.size // 1024} kB"


_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_OBJECT_START = re.compile(rb"\s*(\d+)\s+(\d+)\s+obj\b")
_KIDS = re.compile(rb"/Kids\s*\[([^\]]*)\]")
_COUNT = re.compile(rb"/Count\s+(\d+)")
_REFERENCE = re.compile(rb"(\d+)\s+(\d+)\s+R\b")
_EMBEDDED_FONT = re.compile(rb"/FontFile[23]?\s+\d+\s+\d+\s+R")


def read_pdf_facts(path: Path) -> PdfFacts:
    """Check a PDF's structure the way a reader would find its pages: the header, the end
    marker, the cross-reference table (every entry points at its object), then the page
    tree from the trailer's /Root. Classic cross-reference tables only (what reportlab
    writes). Raises :class:`CheckFailed` saying what is wrong."""
    data = path.read_bytes()
    name = path.name
    if not data.startswith(b"%PDF-"):
        raise CheckFailed(f"{name} does not start with %PDF-: it is not a PDF file")
    tail_at = max(0, len(data) - 1024)
    end = _STARTXREF.search(data, tail_at)
    if end is None:
        raise CheckFailed(f"{name} does not end with startxref and %%EOF: the file is incomplete")
    table_at = int(end.group(1))
    offsets = _cross_references(data, table_at, name)
    trailer_at = data.find(b"trailer", table_at)
    trailer = data[trailer_at : end.start()]
    catalog = _pdf_object(data, offsets, _reference(trailer, b"/Root", name), name)
    root = _reference(catalog, b"/Pages", name)
    found = _COUNT.search(_pdf_object(data, offsets, root, name))
    declared = int(found.group(1)) if found else None
    pages = _count_pages(data, offsets, root, name, set())
    if declared != pages:
        raise CheckFailed(f"{name}: the page tree says {declared} pages but holds {pages}")
    if pages == 0:
        raise CheckFailed(f"{name} has no pages")
    return PdfFacts(pages=pages, embedded_fonts=len(_EMBEDDED_FONT.findall(data)), size=len(data))


def _cross_references(data: bytes, table_at: int, name: str) -> dict[int, int]:
    """Object number -> byte offset, each checked to point at that object."""
    if data[table_at : table_at + 4] != b"xref":
        raise CheckFailed(f"{name}: startxref does not point at a cross-reference table")
    trailer_at = data.find(b"trailer", table_at)
    if trailer_at < 0:
        raise CheckFailed(f"{name} has no trailer after its cross-reference table")
    tokens = data[table_at + 4 : trailer_at].split()
    offsets: dict[int, int] = {}
    index = 0
    try:
        while index < len(tokens):
            first, count = int(tokens[index]), int(tokens[index + 1])
            index += 2
            for number in range(first, first + count):
                offset, kind = int(tokens[index]), tokens[index + 2]
                index += 3
                if kind == b"n":
                    offsets[number] = offset
    except (IndexError, ValueError) as exc:
        raise CheckFailed(f"{name}: the cross-reference table is damaged") from exc
    for number, offset in offsets.items():
        found = _OBJECT_START.match(data, offset)
        if found is None or int(found.group(1)) != number:
            raise CheckFailed(f"{name}: the cross-reference entry of object {number} is wrong")
    return offsets


def _pdf_object(data: bytes, offsets: dict[int, int], number: int, name: str) -> bytes:
    """An object's dictionary (its stream, if any, left out)."""
    if number not in offsets:
        raise CheckFailed(f"{name}: object {number} is referenced but missing")
    start = offsets[number]
    end = data.find(b"endobj", start)
    stream = data.find(b"stream", start, end)
    return data[start : stream if stream >= 0 else end]


def _reference(dictionary: bytes, key: bytes, name: str) -> int:
    found = re.search(re.escape(key) + rb"\s+(\d+)\s+\d+\s+R\b", dictionary)
    if found is None:
        raise CheckFailed(f"{name}: no {key.decode()} entry where one is needed")
    return int(found.group(1))


def _count_pages(
    data: bytes, offsets: dict[int, int], number: int, name: str, seen: set[int]
) -> int:
    """The leaf pages under page tree node ``number``."""
    if number in seen:
        raise CheckFailed(f"{name}: the page tree loops back to object {number}")
    seen.add(number)
    node = _pdf_object(data, offsets, number, name)
    kids = _KIDS.search(node)
    if kids is None:
        if not re.search(rb"/Type\s*/Page\b", node):
            raise CheckFailed(f"{name}: object {number} in the page tree is not a page")
        return 1
    children = [int(found.group(1)) for found in _REFERENCE.finditer(kids.group(1))]
    return sum(_count_pages(data, offsets, child, name, seen) for child in children)


# The workbook -----------------------------------------------------------------------------
@dataclass(frozen=True)
class WorkbookFacts:
    sheets: tuple[str, ...]
    tables: int
    rows: int


def expected_sheets() -> tuple[str, ...]:
    """The sheets the demo organisation's workbook has, in the user's language."""
    return (
        _("Summary"),
        _("Departments"),
        _("Roles"),
        _("Tracks"),
        _("Locations"),
        _("Maturity"),
        _("Skills gaps"),
        _("Readiness"),
        _("Learning paths"),
        _("Progress"),
        _("Pilots"),
        _("Objectives"),
    )


def named_sheets() -> tuple[str, ...]:
    """The sheets that list people by name: only in the workbook written with names."""
    return (_("Skills by person"), _("Progress by person"))


def write_workbook(services: AppServices, folder: Path, *, names: bool) -> WorkbookFacts:
    """Write the leadership workbook, with or without names, then read it back."""
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / ("workbook-with-names.xlsx" if names else "workbook.xlsx")
    services.reports.write_workbook(out, names=names)
    return read_workbook_facts(out, names=names)


def describe_workbook(facts: WorkbookFacts) -> str:
    return f"{len(facts.sheets)} sheets, {facts.tables} tables, {facts.rows} rows"


def read_workbook_facts(path: Path, *, names: bool) -> WorkbookFacts:
    """openpyxl reads the workbook; every expected sheet is there with rows in it, and the
    sheets that name people are there only when names were asked for."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path)
    except Exception as exc:
        raise CheckFailed(f"openpyxl cannot read {path.name}: {plain_reason(exc)}") from exc
    try:
        titles = tuple(str(sheet.title) for sheet in book.worksheets)
        named = named_sheets()
        wanted = expected_sheets() + (named if names else ())
        missing = [title for title in wanted if title not in titles]
        if missing:
            raise CheckFailed(f"{path.name} lacks the sheets {', '.join(missing)}")
        if not names and (leaked := [title for title in named if title in titles]):
            raise CheckFailed(f"{path.name} was written without names but has {leaked[0]}")
        tables = rows = 0
        for sheet in book.worksheets:
            filled = sum(
                1 for row in sheet.iter_rows(values_only=True) if any(v is not None for v in row)
            )
            if filled < 2:
                raise CheckFailed(f"{path.name}: the sheet {sheet.title} is empty")
            rows += filled
            tables += len(sheet.tables)
    finally:
        book.close()
    return WorkbookFacts(sheets=titles, tables=tables, rows=rows)
