"""The skills survey PDF: the heatmap and its chapters print from a real data file, and a
department under the anonymity threshold, or a person's name, never appears in it."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from app.errors import UserFacingError
from app.privacy import other_label
from app.reports.skills_pdf import headline_findings, write_skills_pdf
from app.services.reports import ReportKind
from tests.reports.skills_survey_data import (
    DEPARTMENTS,
    SMALL_DEPARTMENT,
    build_skills_survey,
    build_tiny_survey,
)

pytestmark = pytest.mark.database

pdftotext = shutil.which("pdftotext")
pdftoppm = shutil.which("pdftoppm")
needs_poppler = pytest.mark.skipif(
    pdftotext is None or pdftoppm is None, reason="poppler-utils (pdftotext) is not installed"
)


def pdf_text(path: Path) -> str:
    """The PDF's text with every run of white space made one space (headings may wrap)."""
    assert pdftotext is not None
    result = subprocess.run(
        [pdftotext, str(path), "-"], check=True, capture_output=True, text=True, timeout=60
    )
    return " ".join(result.stdout.split())


def render_pages(path: Path, folder: Path) -> list[Path]:
    assert pdftoppm is not None
    folder.mkdir(exist_ok=True)
    subprocess.run(
        [pdftoppm, "-r", "30", "-png", str(path), str(folder / "page")],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return sorted(folder.glob("page-*.png"))


@pytest.fixture
def survey(services):
    return build_skills_survey(services)


@needs_poppler
def test_the_pdf_prints_the_heatmap_every_skill_and_the_departments_shown(
    services, survey, tmp_path
):
    report = services.skills_results.report(survey.follow_up)
    out = tmp_path / "skills.pdf"
    write_skills_pdf(report, out, page_size="A4")

    text = pdf_text(out)
    assert "Skills gaps by department" in text
    assert "Top gaps per department" in text
    assert "Readiness" in text and "Attitudes" in text
    assert "Change since “Spring check”" in text
    assert "About these figures" in text
    for _key, name in report.heatmap.skills:
        assert name in text, name
    assert "Sales" in text and "Engineering" in text
    assert other_label(5) in text
    assert "fewer than 5 people" in text
    pages = render_pages(out, tmp_path / "pages")
    assert len(pages) >= 7
    assert all(page.stat().st_size > 1000 for page in pages)


@needs_poppler
def test_a_department_under_the_threshold_and_the_names_of_people_never_print(
    services, survey, tmp_path
):
    for number, survey_id in enumerate((survey.baseline, survey.follow_up)):
        out = tmp_path / f"skills-{number}.pdf"
        write_skills_pdf(services.skills_results.report(survey_id), out)
        text = pdf_text(out)
        # Legal (3 people) is folded into Other; so is Operations (5), the smallest shown
        # department, because Other on its own would still be under 5 people.
        assert not re.search(rf"\b{SMALL_DEPARTMENT}\b", text, re.IGNORECASE)
        assert "Operations" not in text
        for name in survey.names:
            for part in name.split():
                assert not re.search(rf"\b{re.escape(part)}\b", text), part


@needs_poppler
def test_a_survey_where_every_department_is_too_small_prints_withheld_cells_and_says_why(
    services, tmp_path
):
    survey = build_tiny_survey(services)
    out = tmp_path / "tiny.pdf"
    write_skills_pdf(services.skills_results.report(survey), out)

    text = pdf_text(out)
    assert "Every figure of this survey is withheld" in text
    assert "fewer than 5 people" in text
    assert "–" in text
    assert "All figures withheld" in text
    assert "Front desk" not in text and "Back office" not in text
    assert render_pages(out, tmp_path / "pages")


@needs_poppler
def test_the_report_service_prints_the_latest_survey_or_the_one_asked_for(
    services, survey, tmp_path
):
    latest = services.reports.write_pdf(tmp_path / "latest.pdf", ReportKind.SKILLS)
    text = pdf_text(latest)
    assert "Autumn check" in text and "Change since “Spring check”" in text

    chosen = services.reports.write_pdf(
        tmp_path / "baseline.pdf", ReportKind.SKILLS, survey_id=survey.baseline, page_size="Letter"
    )
    text = pdf_text(chosen)
    assert "Spring check" in text and "Change since" not in text

    missing = tmp_path / "missing.pdf"
    with pytest.raises(UserFacingError, match="no skills survey number 999"):
        services.reports.write_pdf(missing, ReportKind.SKILLS, survey_id=999)
    assert not missing.exists()


def test_without_any_survey_the_skills_report_says_what_to_do_first(services, tmp_path):
    out = tmp_path / "none.pdf"
    with pytest.raises(UserFacingError, match="no skills survey"):
        services.reports.write_pdf(out, ReportKind.SKILLS)
    assert not out.exists()


def test_the_headline_findings_name_the_largest_gap_and_the_change_since_the_baseline(
    services, survey
):
    report = services.skills_results.report(survey.follow_up)
    findings = headline_findings(report)
    assert len(findings) == 3
    shown = [c for c in report.heatmap.cells if c.mean_gap is not None and not c.suppressed]
    largest = max(shown, key=lambda c: c.mean_gap or 0.0)
    names = dict(report.heatmap.skills)
    assert names[largest.skill] in findings[0] and largest.group in findings[0]
    assert f"{largest.mean_gap:.1f}" in findings[0]
    rated = sum(s.people - (s.unknown or 0) for s in report.readiness.segments)
    assert f"Of {rated} people rated" in findings[1]
    assert findings[2].startswith("Since the baseline “Spring check”")
    assert all(name not in " ".join(findings) for name in DEPARTMENTS[SMALL_DEPARTMENT])


@needs_poppler
def test_many_departments_with_long_names_split_the_heatmap_over_pages(services, survey, tmp_path):
    report = services.skills_results.report(survey.follow_up)
    template = [c for c in report.heatmap.cells if c.group == "Sales"]
    groups = [f"Kundenbetreuung und Vertrieb {n} (研发部)" for n in range(45)]
    cells = [replace(c, group=group) for group in groups for c in template]
    heatmap = replace(report.heatmap, groups=groups, cells=cells)
    big = replace(report, heatmap=heatmap, totals=[], top_gaps={})
    out = tmp_path / "many.pdf"
    write_skills_pdf(big, out, page_size="Letter")

    text = pdf_text(out)
    for n in (0, 22, 44):
        assert f"Kundenbetreuung und Vertrieb {n}" in text
    assert len(render_pages(out, tmp_path / "pages")) >= 9
