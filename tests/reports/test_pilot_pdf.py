"""The pilot report for leadership: its sections in order, the figures of the pilot's outcome
(and one worked out by hand), the success criteria with intervals and verdicts, quotes
without names, the decision and the scale-up estimate; nobody named; an outline entry per
section; a pilot with nothing measured yet saying what is missing; and a running pilot's
report saying it is interim, its criteria not yet judged."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from app.pilots.criteria import Verdict
from app.pilots.records import PilotInput
from app.pilots.service import CohortPick
from app.reports.pdf_document import format_date
from app.reports.pilot_labels import hours_text, interval_text, value_text, verdict_text
from app.reports.pilot_pdf import PILOT_SECTIONS, write_pilot_pdf
from app.reports.pilot_report import PilotReport
from app.services.people import PersonInput
from db.models import Track

from .pilot_data import (
    COMMENTS,
    PILOT_NAME,
    REASONS,
    RUNNING_ENDS_ON,
    build_pilot,
    build_running_pilot,
)

pytestmark = pytest.mark.database

pdftotext = shutil.which("pdftotext")
needs_poppler = pytest.mark.skipif(pdftotext is None, reason="poppler-utils is not installed")
SECTION_TITLES = [
    "What we tried",
    "Who took part",
    "Results against the success criteria",
    "What the measurements show",
    "What people said",
    "Decision",
    "If we scale up",
]


def page_texts(path: Path) -> list[str]:
    assert pdftotext is not None
    result = subprocess.run(
        [pdftotext, str(path), "-"], check=True, capture_output=True, text=True, timeout=60
    )
    return [" ".join(page.split()) for page in result.stdout.split("\f") if page.strip()]


def report_of(services, pilot_id: int) -> PilotReport:
    outcome = services.pilot_outcomes.outcome(pilot_id)
    objectives = tuple(
        o for o in services.objectives.objectives() if o.id in outcome.pilot.objective_ids
    )
    return PilotReport(outcome, "Nordlicht & Söhne", objectives)


@pytest.fixture
def written(services, tmp_path):
    built = build_pilot(services)
    report = report_of(services, built.pilot_id)
    out = tmp_path / "pilot.pdf"
    write_pilot_pdf(report, out, page_size="A4", generated_on=date(2026, 11, 24))
    return built, report, out


@needs_poppler
def test_the_sections_come_in_order_with_the_figures_of_the_outcome(written):
    _built, report, out = written
    pages = page_texts(out)
    cover, contents, body = pages[0], pages[1], " ".join(pages[2:])
    assert PILOT_NAME in cover and "Decided: scale up" in cover
    assert "prepared for the leadership team" in cover
    assert all(title in contents for title in SECTION_TITLES)
    positions = [body.index(title) for title in SECTION_TITLES]
    assert positions == sorted(positions)

    outcome = report.outcome
    assert [r.verdict for r in outcome.criteria] == [
        Verdict.MET,
        Verdict.NOT_MET,
        Verdict.MET,
        Verdict.NOT_ENOUGH_DATA,
    ]
    results = body[body.index("Results against the success criteria") :]
    for result in outcome.criteria:
        assert result.sentence in results, result.sentence
        assert value_text(result.criterion, result.value) in results
        assert interval_text(result.criterion, result.interval) in results
        assert verdict_text(result.verdict) in results
    # Worked out by hand: 5 of the 6 participants finished their path, 83.3 %; satisfaction
    # 5, 4, 4, 3, 5 and 4 make 25 / 6 = 4.17.
    assert "83.3 %" in results and "5 of 6 participants finished" in results
    assert "4.2 out of 5" in results
    assert "Answer customers faster" in body and "Replies within a day" in body
    assert "Not represented: HR." in body

    said = body[body.index("What people said") : body.index("Decision")]
    assert len(outcome.quotes) == 3
    for quote in outcome.quotes:
        assert f"“{quote}”" in said
    assert "Short" not in said  # a word or two is not worth quoting
    assert "First drafts of complaint replies. Saves about 1.5 hours a week." in said

    decision = body[body.index("Decision", body.index("What people said")) :]
    assert "Scale up, decided on" in decision and REASONS in decision
    scale = outcome.scale_up
    assert scale is not None and scale.hours_per_year is not None and scale.interval
    assert hours_text(scale.hours_per_year) in decision
    assert f"{hours_text(scale.interval.low)}–{hours_text(scale.interval.high)}" in decision
    assert "46 working weeks" in decision


@needs_poppler
def test_no_participant_is_named_anywhere_in_the_report(services, written):
    built, report, out = written
    text = " ".join(page_texts(out))
    names = [row.display_name for row in report.outcome.participants]
    assert sorted(names) == sorted(built.names)
    for name in names:
        assert name not in text, name
        for part in name.split():
            assert part not in text, part
    assert any(comment and comment in text for comment in COMMENTS)


def test_the_report_has_a_sane_length_and_an_outline_entry_per_section(written):
    _built, _report, out = written
    data = out.read_bytes()
    titles = [t.decode("latin-1") for t in re.findall(rb"/Title \(([^)]*)\)", data)]
    assert all(title in titles for title in SECTION_TITLES), titles
    assert [t for t in titles if t in SECTION_TITLES] == SECTION_TITLES
    assert len(PILOT_SECTIONS) == len(SECTION_TITLES)
    pages = len(re.findall(rb"/Type /Page[^s]", data))
    assert 6 <= pages <= 12


@needs_poppler
def test_a_pilot_with_nothing_measured_yet_says_what_is_missing(services, tmp_path):
    role = services.organisation.add_role("Analyst", Track.TECHNICAL)
    department = services.organisation.add_department("Finance")
    people = [
        services.people.add(
            PersonInput(first_name=f"Person{n}", department_id=department, role_id=role)
        )
        for n in range(3)
    ]
    pilot_id = services.pilots.save_pilot(
        PilotInput(name="Reporting helper pilot", starts_on=date(2026, 11, 2))
    )
    services.pilots.set_cohort(pilot_id, [CohortPick(person, "Volunteered.") for person in people])
    services.pilots.set_status(pilot_id, "running")
    out = tmp_path / "running.pdf"
    write_pilot_pdf(report_of(services, pilot_id), out, page_size="Letter")
    text = " ".join(page_texts(out))
    assert "Running" in text and format_date(date(2026, 11, 2)) in text
    assert "No success criteria were agreed for this pilot" in text
    assert "No weekly check-ins yet" in text
    assert "No task has been timed before and after the training yet" in text
    assert "Nobody has answered the satisfaction survey yet" in text
    assert "No comments yet" in text
    assert "No decision yet" in text and "still running" in text
    assert "No target population was set" in text
    assert "Person0" not in text


@needs_poppler
def test_a_running_pilots_report_is_an_interim_report_with_its_criteria_not_yet_judged(
    services, tmp_path
):
    pilot_id = build_running_pilot(services)
    report = report_of(services, pilot_id)
    assert report.interim
    out = tmp_path / "interim.pdf"
    write_pilot_pdf(report, out, page_size="A4", generated_on=date.today())
    pages = page_texts(out)
    text = " ".join(pages)

    assert "Interim report" in pages[0] and "Running, week 4 of 10" in pages[0]
    ends = format_date(RUNNING_ENDS_ON)
    assert (
        f"This is an interim report. The pilot is in week 4 of 10 and ends on {ends}: its "
        "success criteria are judged then" in text
    )
    # Completion 0 of 6 and weekly use (week 8 is 4 weeks away) not yet judged;
    # satisfaction 4.33 already at its target of 4.
    assert text.count("◔ Not yet judged") == 2 and text.count("◔ On track so far") == 1
    assert "Not met" not in text and "Success criteria met" not in text
    # The key figure: 1 of the 3 on track so far (its value is printed above its label).
    assert re.search(r"1 of 3 .*On track so far", text)
    for result in report.outcome.criteria:
        assert " ".join(result.sentence.split()) in text
    assert "Judged from week 8 (in 4 weeks)" in text


@needs_poppler
def test_an_ended_pilots_report_is_not_called_interim(written):
    _built, report, out = written
    assert not report.interim
    text = " ".join(page_texts(out))
    assert "interim" not in text.lower() and "Not yet judged" not in text
