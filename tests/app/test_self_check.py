"""The Qt-free half of ``--self-test``: the check runner, the PDF structure reader, the
schema, workbook and reopen checks, each shown to pass on good input and to fail, saying
why, on a real broken file or database."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import text

from app.errors import UserFacingError
from app.self_check import (
    CheckFailed,
    SelfTestRun,
    StepFailed,
    check_reopened,
    check_schema_at_head,
    expected_sheets,
    load_demo,
    named_sheets,
    plain_reason,
    read_pdf_facts,
    read_workbook_facts,
    write_pdf_report,
    write_workbook,
)
from app.services.reports import AVAILABLE_KINDS, ReportKind
from db.schema import KNOWN_REVISIONS, SCHEMA_HEAD


# The runner ------------------------------------------------------------------------------
class Ticks:
    """A clock that moves half a second each time it is read."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 0.5
        return self.now


def test_a_run_prints_each_check_with_its_time_and_result_then_the_passed_line():
    out = io.StringIO()
    run = SelfTestRun(out, clock=Ticks())
    assert run.check("first", lambda: 41, lambda value: f"got {value + 1}") == 41
    run.check("second", lambda: None)
    run.skip("third", "not in this version")

    assert run.passed() == 0
    assert out.getvalue().splitlines() == [
        "ok      0.50 s  first: got 42",
        "ok      0.50 s  second",
        "skip            third: not in this version",
        "Self-test passed: 2 checks in 2.5 s",
    ]


def test_a_failing_check_is_reported_with_its_name_plain_reason_and_traceback():
    out = io.StringIO()
    run = SelfTestRun(out, clock=Ticks())

    def write_into_a_missing_folder() -> None:
        Path("/nonexistent-self-test-folder/report.pdf").write_bytes(b"%PDF-")

    with pytest.raises(StepFailed) as failure:
        run.check("executive PDF report", write_into_a_missing_folder)
    assert run.failed(failure.value) == 1

    lines = out.getvalue().splitlines()
    assert lines[0] == (
        "Self-test FAILED: executive PDF report: No such file or directory: "
        "/nonexistent-self-test-folder/report.pdf"
    )
    assert lines[1] == "Traceback (most recent call last):"
    assert "write_into_a_missing_folder" in out.getvalue()
    assert run.passed_checks == []


def test_a_user_facing_error_is_reported_in_its_own_words():
    error = UserFacingError("There is no pilot in this data file yet.")
    assert plain_reason(error) == "There is no pilot in this data file yet."
    assert plain_reason(KeyError("in_progress")) == "KeyError: 'in_progress'"


# The PDF reader ----------------------------------------------------------------------------
def reportlab_pdf(path: Path, pages: int) -> Path:
    canvas = Canvas(str(path))
    for page in range(pages):
        canvas.drawString(72, 720, f"Page {page + 1}")
        canvas.showPage()
    canvas.save()
    return path


def hand_made_pdf(objects: list[bytes]) -> bytes:
    """A PDF with a correct cross-reference table for ``objects`` (numbered from 1)."""
    body = b"%PDF-1.4\n"
    offsets = []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    table_at = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Root 1 0 R /Size %d >>\n" % (len(objects) + 1)
    return body + b"startxref\n%d\n%%%%EOF\n" % table_at


NESTED_PAGE_TREE = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [ 3 0 R 4 0 R ] /Count 3 >>",
    b"<< /Type /Pages /Kids [ 5 0 R 6 0 R ] /Count 2 /Parent 2 0 R >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [ 0 0 595 842 ] >>",
    b"<< /Type /Page /Parent 3 0 R /MediaBox [ 0 0 595 842 ] >>",
    b"<< /Type /Page /Parent 3 0 R /MediaBox [ 0 0 595 842 ] >>",
]


def test_the_page_count_of_a_reportlab_pdf_is_the_number_of_pages_drawn(tmp_path):
    facts = read_pdf_facts(reportlab_pdf(tmp_path / "three.pdf", 3))
    assert facts.pages == 3
    assert facts.size == (tmp_path / "three.pdf").stat().st_size


def test_pages_in_a_nested_page_tree_are_counted_once_each(tmp_path):
    path = tmp_path / "nested.pdf"
    path.write_bytes(hand_made_pdf(NESTED_PAGE_TREE))
    assert read_pdf_facts(path).pages == 3


def test_a_page_tree_whose_count_disagrees_with_its_pages_fails(tmp_path):
    objects = list(NESTED_PAGE_TREE)
    objects[1] = objects[1].replace(b"/Count 3", b"/Count 4")
    path = tmp_path / "miscounted.pdf"
    path.write_bytes(hand_made_pdf(objects))
    with pytest.raises(CheckFailed, match="says 4 pages but holds 3"):
        read_pdf_facts(path)


def test_a_pdf_cut_short_fails_as_incomplete(tmp_path):
    whole = reportlab_pdf(tmp_path / "whole.pdf", 2).read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(CheckFailed, match="incomplete"):
        read_pdf_facts(path)


def test_a_file_that_is_not_a_pdf_fails(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"PK\x03\x04 a zip file really")
    with pytest.raises(CheckFailed, match="not a PDF file"):
        read_pdf_facts(path)


def test_a_pdf_whose_objects_moved_after_the_table_was_written_fails(tmp_path):
    whole = reportlab_pdf(tmp_path / "whole.pdf", 2).read_bytes()
    first_object = whole.index(b"1 0 obj")
    path = tmp_path / "shifted.pdf"
    path.write_bytes(whole[:first_object] + b"% inserted\n" + whole[first_object:])
    with pytest.raises(CheckFailed, match="cross-reference"):
        read_pdf_facts(path)


# Checks on a real data file ------------------------------------------------------------------
@pytest.mark.database
def test_the_schema_check_passes_on_a_new_data_file(services):
    assert check_schema_at_head(services.database) == f"{SCHEMA_HEAD}, tables match the models"


@pytest.mark.database
def test_the_schema_check_fails_on_a_data_file_behind_the_shipped_migrations(services):
    with services.database.transaction() as session:
        session.execute(
            text("UPDATE alembic_version SET version_num = :old"), {"old": KNOWN_REVISIONS[-2]}
        )
    with pytest.raises(CheckFailed, match=f"at schema {KNOWN_REVISIONS[-2]}, not at"):
        check_schema_at_head(services.database)


@pytest.mark.database
def test_alembics_check_fails_when_the_tables_differ_from_the_models(services):
    with services.database.transaction() as session:
        session.execute(text("ALTER TABLE location ADD COLUMN stray_note VARCHAR(20)"))
    with pytest.raises(CheckFailed, match=r"tables differ from the models.*stray_note"):
        check_schema_at_head(services.database)


@pytest.fixture
def demo(services):
    return load_demo(services)


@pytest.mark.database
@pytest.mark.slow
def test_the_workbook_without_names_has_every_sheet_with_rows_and_no_named_sheet(
    services, demo, tmp_path
):
    facts = write_workbook(services, tmp_path, names=False)
    assert set(expected_sheets()) <= set(facts.sheets)
    assert not set(named_sheets()) & set(facts.sheets)
    assert facts.tables >= len(expected_sheets()) - 1  # every sheet but the summary
    assert facts.sheets[0] == "Summary"


@pytest.mark.database
@pytest.mark.slow
def test_a_workbook_that_lacks_a_sheet_or_has_an_empty_one_fails_naming_it(
    services, demo, tmp_path
):
    path = services.reports.write_workbook(tmp_path / "book.xlsx", names=True)
    assert set(named_sheets()) <= set(read_workbook_facts(path, names=True).sheets)
    with pytest.raises(CheckFailed, match="written without names but has Skills by person"):
        read_workbook_facts(path, names=False)

    book = load_workbook(path)
    del book["Pilots"]
    book["Tracks"].delete_rows(1, book["Tracks"].max_row)
    book.save(path)
    with pytest.raises(CheckFailed, match="lacks the sheets Pilots"):
        read_workbook_facts(path, names=True)

    book = load_workbook(path)
    book.create_sheet("Pilots")
    book["Pilots"].append(["Pilot"])
    book["Pilots"].append(["Meeting notes pilot"])
    book.save(path)
    with pytest.raises(CheckFailed, match="the sheet Tracks is empty"):
        read_workbook_facts(path, names=True)


@pytest.mark.database
@pytest.mark.slow
def test_every_available_pdf_report_of_the_demo_has_the_pages_pdfinfo_counts(
    services, demo, tmp_path
):
    pdfinfo = shutil.which("pdfinfo")
    for kind in ReportKind:
        if kind not in AVAILABLE_KINDS:
            continue
        facts = write_pdf_report(services, kind, tmp_path)
        assert facts.embedded_fonts >= 2  # DejaVu Sans and its bold, from resources/fonts
        if pdfinfo is not None:
            info = subprocess.run(
                [pdfinfo, str(tmp_path / f"{kind.value}.pdf")],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            pages = re.search(r"^Pages:\s+(\d+)$", info, re.MULTILINE)
            assert pages is not None
            assert facts.pages == int(pages.group(1)), kind


@pytest.mark.database
@pytest.mark.slow
def test_the_reopen_check_compares_the_file_with_what_the_demo_made(services, demo):
    assert check_reopened(services, demo) == (
        f"{demo.employees} people and 2 pilots, as the demo made"
    )
    with pytest.raises(CheckFailed, match=f"has {demo.employees} employees; the demo made"):
        check_reopened(services, dataclasses.replace(demo, employees=demo.employees + 1))
