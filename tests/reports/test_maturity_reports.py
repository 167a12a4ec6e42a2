"""The maturity PDF and workbook show every dimension, the baseline, privacy and empty states."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from reportlab.graphics.shapes import Drawing

from app.maturity.figures import (
    AssessmentResults,
    AssessmentSummary,
    DimensionResult,
    MaturityHistory,
    QuestionResult,
)
from app.reports.charts import line_chart, radar_chart, wrap_label
from app.reports.maturity_pdf import MATURITY_SECTIONS, write_maturity_pdf
from app.reports.maturity_workbook import maturity_sheets_section, write_maturity_workbook
from app.reports.pdf_document import CoverPage, adapt_section, write_pdf_report

pdftotext = shutil.which("pdftotext")
pdffonts = shutil.which("pdffonts")
soffice = shutil.which("soffice") or shutil.which("libreoffice")
needs_poppler = pytest.mark.skipif(
    pdftotext is None or pdffonts is None, reason="poppler-utils (pdftotext) is not installed"
)

LEVEL_NAMES = {
    1: "Exploring",
    2: "Experimenting",
    3: "Operationalising",
    4: "Scaling",
    5: "Leading",
}

# key, name, score, target, baseline, respondents, suppressed
DIMENSIONS = (
    ("strategy", "Strategy & leadership", 3.2, 4.0, 2.4, 7, False),
    ("data", "Data & infrastructure", 1.8, 3.5, 1.6, 7, False),
    ("skills", "Skills & talent", 2.4, 3.5, 2.0, 7, False),
    ("governance", "Governance, risk & ethics", 2.9, 4.0, 2.9, 6, False),
    ("culture", "Culture & change readiness", 2.6, 3.5, 2.8, 7, False),
    ("use_cases", "Use cases & value", 2.1, 3.5, 1.5, 7, False),
    ("technology", "Technology & tools", 3.4, 4.0, 2.8, 7, False),
    ("processes", "Processes & operations", 2.2, 3.0, 2.0, 5, False),
    ("legal", "Legal & works council (Zoë's team, 李娜)", 1.7, 3.0, 1.4, 3, True),
)
RECOMMENDATIONS = {
    "data": [
        "Name an owner for each core data set and write down who may use it for AI.",
        "Start a catalogue of the data sets pilots need, with their quality and access.",
    ],
    "legal": [
        "Agree an AI use policy with the works council before the first pilot goes live.",
        "Keep a register of AI systems in use, as the EU AI Act expects of deployers.",
    ],
    "use_cases": [
        "Collect use cases from every department and score them on value and effort.",
        "Pick two or three pilots with a clear owner and a baseline to measure against.",
    ],
}


def _level(score: float | None) -> int | None:
    return None if score is None else min(max(round(score), 1), 5)


def _questions(key: str, name: str, score: float) -> list[QuestionResult]:
    first = QuestionResult(
        dimension_key=key,
        question_key=f"{key}.1",
        text=f"How far does {name.lower()} support the use of AI in daily work?",
        level=round(score + 0.2, 1),
        answers=3 if key == "legal" else 6,
        dont_know=1 if key == "data" else 0,
        chosen_descriptor="A few teams try AI on their own; nothing is shared or written down.",
        notes=["Zoë's team, 李娜: pilots in customer service since May."]
        if key in ("legal", "data")
        else [],
    )
    second = QuestionResult(
        dimension_key=key,
        question_key=f"{key}.2",
        text="Is there a named person who is accountable for this area?",
        level=3.0 if key != "data" else None,
        answers=0 if key == "data" else 3 if key == "legal" else 5,
        dont_know=2 if key == "data" else 0,
        chosen_descriptor="An owner is named and reports to the leadership team each quarter."
        if key != "data"
        else None,
    )
    return [first, second]


def _dimension(key, name, score, target, baseline, respondents, suppressed) -> DimensionResult:
    level = _level(score)
    return DimensionResult(
        key=key,
        name=name,
        score=score,
        level=level,
        level_name=LEVEL_NAMES[level] if level else None,
        target=target,
        baseline=baseline,
        change=round(score - baseline, 1),
        answered=2 if key != "data" else 1,
        dont_know=2 if key == "data" else 0,
        unanswered=0,
        respondents=respondents,
        minimum=None if suppressed else round(score - 1.0, 1),
        maximum=None if suppressed else round(score + 1.2, 1),
        spread_sd=None if suppressed else 0.8,
        suppressed=suppressed,
        recommendations=RECOMMENDATIONS.get(
            key,
            [
                f"Hold a one-hour session on {name.lower()} with each department head.",
                "Write down one measurable goal for the next two quarters.",
            ],
        ),
    )


@pytest.fixture
def results() -> AssessmentResults:
    dimensions = [_dimension(*row) for row in DIMENSIONS]
    weakest = [dimensions[8], dimensions[1], dimensions[5]]
    questions = [q for k, n, s, *_rest in DIMENSIONS for q in _questions(k, n, s)]
    return AssessmentResults(
        assessment_id=2,
        name="Follow-up spring 2025",
        organisation="Nordlicht & Söhne GmbH",
        scope_label="Whole organisation",
        taken_on=date(2025, 3, 7),
        kind="follow_up",
        mode="respondents",
        status="complete",
        framework_name="AI maturity framework",
        framework_version="1.0",
        overall=2.8,
        overall_level=3,
        overall_level_name="Operationalising",
        overall_level_description=(
            "AI is used in several teams with agreed tools and rules; results are measured "
            "in some places but not yet across the organisation."
        ),
        coverage=0.89,
        dimensions=dimensions,
        weakest=weakest,
        questions=questions,
        respondent_count=7,
        anonymity_threshold=5,
        baseline_name="Baseline autumn 2024",
        baseline_taken_on=date(2024, 10, 1),
        baseline_overall=2.2,
        notes=["Workshop held with the leadership team in München."],
    )


@pytest.fixture
def empty_results() -> AssessmentResults:
    dimensions = [
        DimensionResult(
            key=key,
            name=name,
            score=None,
            level=None,
            level_name=None,
            target=target,
            baseline=None,
            change=None,
            answered=0,
            dont_know=0,
            unanswered=2,
        )
        for key, name, _s, target, *_rest in DIMENSIONS
    ]
    return AssessmentResults(
        assessment_id=3,
        name="Baseline 2025",
        organisation="Brand-new Ltd",
        scope_label="Whole organisation",
        taken_on=date(2025, 1, 2),
        kind="baseline",
        mode="consensus",
        status="in_progress",
        framework_name="AI maturity framework",
        framework_version="1.0",
        overall=None,
        overall_level=None,
        overall_level_name=None,
        overall_level_description=None,
        coverage=0.0,
        dimensions=dimensions,
        weakest=[],
        questions=[],
        respondent_count=0,
        anonymity_threshold=5,
    )


@pytest.fixture
def history() -> MaturityHistory:
    names = [name for _k, name, *_rest in DIMENSIONS]
    return MaturityHistory(
        organisation="Nordlicht & Söhne GmbH",
        assessments=[
            AssessmentSummary(
                1,
                "Baseline autumn 2024",
                "Whole organisation",
                date(2024, 10, 1),
                "baseline",
                "complete",
                2.2,
                "Experimenting",
                0.95,
            ),
            AssessmentSummary(
                2,
                "=Follow-up spring 2025",
                "Whole organisation",
                date(2025, 3, 7),
                "follow_up",
                "complete",
                2.8,
                "Operationalising",
                0.89,
            ),
        ],
        dimension_names=names,
        scores={
            1: {name: baseline for _k, name, _s, _t, baseline, *_rest in DIMENSIONS},
            2: {name: score for _k, name, score, *_rest in DIMENSIONS} | {names[4]: None},
        },
    )


def text_of(pdf: Path) -> str:
    assert pdftotext is not None
    return subprocess.run(
        [pdftotext, "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def pages_of(pdf: Path) -> list[str]:
    return text_of(pdf).split("\f")


# -- charts ----------------------------------------------------------------------------------


def test_radar_chart_draws_three_series_with_missing_values():
    drawing = radar_chart(
        ["Strategy", "A very long dimension name that has to wrap over lines", "数据", "Skills"],
        [("Current", [2.0, None, 3.1, 4.0]), ("Target", [4, 4, 4, 4]), ("Baseline", [1, 1, 2, 3])],
        width=400,
    )
    assert isinstance(drawing, Drawing)
    assert drawing.width == 400 and drawing.height > 200


def test_radar_chart_without_axes_or_series_still_draws():
    assert radar_chart([], [], width=300).height > 0
    assert radar_chart(["One", "Two"], [("Now", [1.0, 2.0])], width=300).height > 0


def test_line_chart_draws_points_and_skips_missing_ones():
    drawing = line_chart(
        [("Baseline\nOct 2024", 2.2), ("Pulse", None), ("Follow-up", 2.8)], width=400
    )
    assert drawing.width == 400


def test_long_labels_wrap_into_at_most_three_lines():
    lines = wrap_label("Governance, risk, ethics, compliance and works council relations", 60, 8.5)
    assert len(lines) in (2, 3)
    assert wrap_label("数据与基础设施数据与基础设施数据与基础设施", 40, 8.5)


# -- PDF -------------------------------------------------------------------------------------


@needs_poppler
def test_pdf_shows_summary_baseline_and_a_page_per_dimension(tmp_path, results):
    out = tmp_path / "maturity.pdf"
    write_maturity_pdf(results, out, page_size="A4", generated_on=date(2025, 3, 10))
    pages = pages_of(out)
    text = "\f".join(pages)
    assert "AI maturity assessment" in pages[0]
    assert "Follow-up spring 2025" in pages[0] and "Whole organisation" in pages[0]
    assert "Operationalising" in text
    assert "2.8 of 5" in text
    assert "Since the baseline" in text and "Baseline autumn 2024" in text
    assert "▲ 0.8" in text and "▼ 0.2" in text  # strategy up, culture down
    assert RECOMMENDATIONS["data"][0] in text.replace("\n", " ")
    headings = [[line for line in page.splitlines() if line.strip()][2:3] for page in pages]
    for _key, name, *_rest in DIMENSIONS:
        assert [name] in headings, f"{name!r} does not head a page of its own"
    assert "Zoë's team, 李娜" in text
    flat = " ".join(text.split())
    assert "Fewer than 5 people answered this dimension" in flat
    assert "don't know" in flat


@needs_poppler
def test_every_font_in_the_maturity_pdf_is_embedded(tmp_path, results):
    out = tmp_path / "maturity.pdf"
    write_maturity_pdf(results, out, page_size="Letter")
    assert pdffonts is not None
    listing = subprocess.run(
        [pdffonts, str(out)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    assert listing
    for line in listing:
        assert line.split()[-5] == "yes", line
        assert "Helvetica" not in line


@needs_poppler
def test_an_assessment_without_answers_says_so(tmp_path, empty_results):
    out = tmp_path / "empty.pdf"
    write_maturity_pdf(empty_results, out, page_size="A4")
    flat = " ".join(text_of(out).split())
    assert "No answers have been recorded for this assessment yet" in flat
    assert "Since the baseline" not in flat
    assert "Data & infrastructure" in flat


def test_a_pdf_without_baseline_or_respondents_renders(tmp_path, results):
    plain = replace(
        results,
        mode="consensus",
        baseline_name=None,
        baseline_taken_on=None,
        baseline_overall=None,
        dimensions=[
            replace(d, baseline=None, change=None, respondents=None, suppressed=False)
            for d in results.dimensions
        ],
    )
    out = tmp_path / "plain.pdf"
    write_maturity_pdf(plain, out, page_size="A4")
    assert out.read_bytes().startswith(b"%PDF")


def test_the_summary_can_be_reused_by_another_report(tmp_path, results):
    summary = MATURITY_SECTIONS[0]
    assert summary.title == "AI maturity at a glance"
    executive = {"maturity": results}
    out = tmp_path / "executive.pdf"
    write_pdf_report(
        out,
        cover=CoverPage("Executive report", results.organisation, date(2025, 3, 10)),
        figures=executive,
        sections=[adapt_section(summary, lambda figures: figures["maturity"])],
        page_size="A4",
    )
    assert out.read_bytes().startswith(b"%PDF")


# -- workbook --------------------------------------------------------------------------------


def test_workbook_has_a_maturity_table_with_every_dimension_and_a_chart(tmp_path, history):
    out = tmp_path / "maturity.xlsx"
    write_maturity_workbook(history, out)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Summary", "Maturity"]
    ws = wb["Maturity"]
    assert ws.freeze_panes == "A2"
    (table,) = ws.tables.values()
    header = [c.value for c in ws[1]]
    assert [col.name for col in table.tableColumns] == header
    for name in history.dimension_names:
        assert name in header
    assert table.autoFilter is not None and table.autoFilter.ref == table.ref
    overall = header.index("Overall score") + 1
    assert ws.cell(row=2, column=overall).value == 2.2
    assert ws.cell(row=2, column=overall).number_format == "#,##0.0"
    first_dimension = header.index(history.dimension_names[0]) + 1
    assert ws.cell(row=3, column=first_dimension).number_format == "#,##0.0"
    assert ws.cell(row=3, column=1).value == "=Follow-up spring 2025"  # text, not a formula
    assert ws.cell(row=3, column=1).data_type == "s"
    assert ws._charts, "no native chart on the Maturity sheet"
    summary = {row[0].value: row[1].value for row in wb["Summary"].iter_rows() if row[0].value}
    assert summary["Latest overall score"] == 2.8
    assert summary["Latest maturity level"] == "Operationalising"
    assert summary["Assessments"] == 2


def test_workbook_without_assessments_says_so(tmp_path):
    out = tmp_path / "none.xlsx"
    write_maturity_workbook(MaturityHistory("Brand-new Ltd", [], ["Data"], {}), out)
    wb = openpyxl.load_workbook(out)
    ws = wb["Maturity"]
    assert not ws.tables
    assert "No maturity assessment" in str(ws["A2"].value)


def test_the_section_adds_key_figures_to_the_summary(history):
    section = maturity_sheets_section(history)
    assert section.key_figures is not None and section.sheets is not None
    labels = [figure.label for figure in section.key_figures(history)]
    assert "Assessments" in labels


@pytest.mark.skipif(soffice is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_workbook(tmp_path, history):
    out = tmp_path / "maturity.xlsx"
    write_maturity_workbook(history, out)
    assert soffice is not None
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "csv",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    assert (tmp_path / "maturity.csv").read_text(encoding="utf-8", errors="replace").strip()


def test_a_radar_compares_the_latest_with_its_baseline_else_bars(tmp_path, history):
    out = tmp_path / "radar.xlsx"
    write_maturity_workbook(history, out)
    with zipfile.ZipFile(out) as archive:
        (chart,) = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        assert b"<radarChart>" in archive.read(chart)
    only_baseline = replace(history, assessments=history.assessments[:1])
    out = tmp_path / "bars.xlsx"
    write_maturity_workbook(only_baseline, out)
    with zipfile.ZipFile(out) as archive:
        (chart,) = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        assert b"<barChart>" in archive.read(chart)
