"""The organisation overview PDF prints every name, embeds its fonts and numbers its pages."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from app.reports.organisation_pdf import write_organisation_pdf
from tests.reports.conftest import NAMES

pdftotext = shutil.which("pdftotext")
pdffonts = shutil.which("pdffonts")
needs_poppler = pytest.mark.skipif(
    pdftotext is None or pdffonts is None, reason="poppler-utils (pdftotext) is not installed"
)


def text_of(pdf: Path) -> str:
    assert pdftotext is not None
    return subprocess.run(
        [pdftotext, "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def page_count(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


@needs_poppler
def test_names_in_polish_german_chinese_vietnamese_and_more_print_as_text(tmp_path, overview):
    out = tmp_path / "overview.pdf"
    write_organisation_pdf(overview, out, page_size="A4")
    text = text_of(out)
    for name in (*NAMES, "Nordlicht & Söhne GmbH", "研发部", "上海", "Hà Nội", "Obsługa"):
        assert name in text, f"{name!r} is missing from the PDF text"
    assert "Sales <EMEA> & Partners" in text  # escaped, not swallowed as markup


@needs_poppler
def test_every_font_in_the_pdf_is_embedded(tmp_path, overview):
    out = tmp_path / "overview.pdf"
    write_organisation_pdf(overview, out, page_size="A4")
    assert pdffonts is not None
    listing = subprocess.run(
        [pdffonts, str(out)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    assert listing, "the PDF uses no fonts at all"
    for line in listing:
        embedded = line.split()[-5]  # columns end with: emb sub uni object-id generation
        assert embedded == "yes", line
        assert "Helvetica" not in line
    names = " ".join(listing)
    assert "DejaVuSans" in names and "DroidSansFallback" in names


@needs_poppler
def test_pages_are_numbered_after_the_cover_with_a_total(tmp_path, overview):
    out = tmp_path / "overview.pdf"
    write_organisation_pdf(overview, out, page_size="A4")
    text = text_of(out)
    pages = page_count(out)
    assert pages > 2  # more than a cover and a contents page
    numbered = pages - 1  # the cover carries no number
    assert f"Page 1 of {numbered}" in text
    assert f"Page {numbered} of {numbered}" in text
    assert "Contents" in text and "Roles by department" in text


def test_letter_page_size_is_used_when_asked(tmp_path, overview):
    out = tmp_path / "overview.pdf"
    write_organisation_pdf(overview, out, page_size="Letter")
    assert b"/MediaBox [ 0 0 612 792 ]" in out.read_bytes()


def test_an_organisation_with_nothing_yet_still_gets_a_report(tmp_path, empty_overview):
    out = tmp_path / "empty.pdf"
    write_organisation_pdf(empty_overview, out, page_size="A4")
    assert out.read_bytes().startswith(b"%PDF")


def test_progress_reaches_its_total(tmp_path, overview):
    calls: list[tuple[int, int]] = []
    write_organisation_pdf(
        overview, tmp_path / "o.pdf", page_size="A4", progress=lambda d, t: calls.append((d, t))
    )
    assert calls[0][0] == 0
    assert calls[-1][0] == calls[-1][1] > 0
    assert all(d <= t for d, t in calls)


def test_a_large_organisation_lays_out(tmp_path, overview):
    from dataclasses import replace

    from app.overview_figures import HeadcountRow, RoleHeadcountRow

    big = replace(
        overview,
        departments=[HeadcountRow(f"Department {i}", i) for i in range(1, 80)],
        roles=[
            RoleHeadcountRow(f"Department {i % 79}", f"Role {i}", "Technical", 3)
            for i in range(800)
        ],
    )
    out = tmp_path / "big.pdf"
    write_organisation_pdf(big, out, page_size="A4")
    assert page_count(out) > 10


@needs_poppler
def test_every_numbered_page_footer_names_the_app_version(tmp_path, overview):
    from app import __version__

    out = tmp_path / "overview.pdf"
    write_organisation_pdf(overview, out, page_size="A4")
    assert pdftotext is not None
    pages = page_count(out)
    for page in range(2, pages + 1):  # the cover (page 1) has no footer
        text = subprocess.run(
            [pdftotext, "-f", str(page), "-l", str(page), "-enc", "UTF-8", str(out), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        assert f"Upskill Planner {__version__}" in text, f"page {page} has no version"
