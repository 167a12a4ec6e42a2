"""The learning plans PDF: a department's plans in one document, each person from a new page
behind a cover (and no cover for one person), with their gaps, modules, skips and progress."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from app.reports.plans_pdf import write_plans_pdf
from app.services.reports import ReportKind
from tests.app.learning_plans_data import BASICS, PRACTICE, SAFETY, build_plan_organisation

pytestmark = pytest.mark.database

pdftotext = shutil.which("pdftotext")
needs_poppler = pytest.mark.skipif(pdftotext is None, reason="poppler-utils is not installed")
BAND = "INDIVIDUAL LEARNING PLAN"


def page_texts(path: Path) -> list[str]:
    """Each page's text, white space made single spaces."""
    assert pdftotext is not None
    result = subprocess.run(
        [pdftotext, str(path), "-"], check=True, capture_output=True, text=True, timeout=60
    )
    pages = result.stdout.split("\f")
    return [" ".join(page.split()) for page in pages if page.strip()]


@pytest.fixture
def org(services):
    return build_plan_organisation(services)


@needs_poppler
def test_a_department_prints_as_one_pdf_with_a_cover_and_each_plan_on_a_new_page(
    services, org, tmp_path
):
    out = tmp_path / "sales.pdf"
    steps: list[tuple[int, int]] = []
    services.reports.write_pdf(
        out,
        ReportKind.PLANS,
        department_id=org.sales,
        page_size="A4",
        progress=lambda done, total: steps.append((done, total)),
    )

    pages = page_texts(out)
    cover = pages[0]
    assert "Individual learning plans" in cover and "Sales · 3 people" in cover
    assert BAND not in cover
    assert "Personal and confidential" in cover and "leadership team" not in cover
    starts = [i for i, text in enumerate(pages) if BAND in text]
    assert len(starts) == 3 and starts[0] == 1
    names = ["Zoë Martin", "Łukasz Nowak", "李娜"]
    for start, name in zip(starts, names, strict=True):
        assert name in pages[start], name
        assert "Ngọc" not in pages[start]  # Ops is not in the Sales PDF
    lukasz = pages[starts[1]]
    assert "Employee number E101" in lukasz and "Frontline track" in lukasz
    assert "Data privacy and security with AI" in lukasz and "None → Practitioner" in lukasz
    assert SAFETY in lukasz and PRACTICE in lukasz
    assert "Already covered" in lukasz and f"Skips “{BASICS}”" in lukasz
    assert "7 December 2026" in lukasz and "29 January 2027" in lukasz
    assert "Ask your manager, Maria Keller" in lukasz
    li = pages[starts[2]]
    assert BASICS in li and "not been rated in a skills survey yet" in li
    assert "Already covered" not in li
    assert steps[-1][0] == steps[-1][1] == 100


@needs_poppler
def test_one_persons_plan_has_no_cover_and_shows_progress_so_far(services, org, tmp_path):
    services.path_progress.set_progress(
        org.path, [org.zoe], org.keys[BASICS], "completed", on=date(2026, 12, 10), score=85
    )
    plans = services.plans.plans(person_ids=[org.zoe], today=date(2027, 2, 15))
    out = tmp_path / "zoe.pdf"
    write_plans_pdf(plans, out, organisation_name="Nordlicht & Söhne GmbH", page_size="Letter")

    (page,) = page_texts(out)
    assert page.startswith("Zoë Martin") and BAND in page  # the running head names her
    assert "Individual learning plans" not in page
    assert "✓ Done 10 Dec 2026" in page and "Score 85%" in page
    assert "1 of 3 modules done · 2 of 9 hours" in page
    assert "The due date, 29 January 2027, has passed with 2 modules still to do" in page
    assert "2 hours a week of protected learning time" in page
    assert "Nordlicht & Söhne GmbH" in page
    assert "Page 1 of 1" in page


@needs_poppler
def test_each_plan_is_an_outline_entry_that_opens_that_persons_page(services, org, tmp_path):
    out = tmp_path / "all.pdf"
    plans = services.plans.plans()
    write_plans_pdf(plans, out, organisation_name="Northwind")
    data = out.read_bytes()
    kids = re.search(rb"/Kids \[([^\]]*)\]", data)
    assert kids is not None
    page_objects = [int(n) for n in re.findall(rb"(\d+) 0 R", kids[1])]
    targets = [int(n) for n in re.findall(rb"/Dest \[ (\d+) 0 R", data)]
    assert len(targets) == len(plans) == 4
    pages = page_texts(out)
    for plan, target in zip(plans, targets, strict=True):
        page = pages[page_objects.index(target)]
        assert page.startswith(plan.display_name) and BAND in page, plan.display_name
