"""Printing learning plans from the GUI: the Reports page's card writes a department's plans
as one PDF, and the People page's context menu prints one person's plan (or says why
there is none). The PDFs are written in the background and read back with pdftotext."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.app.learning_plans_data import BASICS, SAFETY, build_plan_organisation
from tests.ui.conftest import close_message_boxes, message_boxes
from tests.ui.people.test_champions import choose, right_click_menu
from ui.change_bridge import ChangeBridge
from ui.main_window import AREA_REPORTS
from ui.people.people_model import PeopleTableModel
from ui.people.people_page import PeoplePage

pdftotext = shutil.which("pdftotext")
pytestmark = [
    pytest.mark.database,
    pytest.mark.skipif(pdftotext is None, reason="poppler-utils is not installed"),
    # A popup menu on the offscreen platform: it cannot raise the window or grab the keyboard.
    pytest.mark.qt_log_ignore(
        "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
    ),
]
BAND = "INDIVIDUAL LEARNING PLAN"


def pdf_text(path: Path) -> str:
    assert pdftotext is not None
    result = subprocess.run(
        [pdftotext, str(path), "-"], check=True, capture_output=True, text=True, timeout=60
    )
    return " ".join(result.stdout.split())


def written_by(qtbot, exporter, destination: Path, monkeypatch, click) -> Path:
    """Choose ``destination`` in the save dialog, ``click``, wait for the PDF to be written."""
    monkeypatch.setattr(exporter, "choose_destination", lambda *_args: destination)
    monkeypatch.setattr(exporter, "open_url", lambda _url: None)
    outcomes: list[tuple[str, object]] = []
    exporter.exported.connect(lambda path: outcomes.append(("written", path)))
    exporter.failed.connect(lambda error: outcomes.append(("failed", error)))
    click()
    qtbot.waitUntil(lambda: bool(outcomes), timeout=60_000)
    assert outcomes[0][0] == "written", outcomes
    box = exporter.result_box
    assert box is not None and box.isVisible()
    box.done(0)
    written = outcomes[0][1]
    assert isinstance(written, Path)
    return written


def test_the_reports_card_writes_a_departments_plans_as_one_pdf(
    qtbot, main_window, services, tmp_path, monkeypatch
):
    build_plan_organisation(services)
    main_window.show_area(AREA_REPORTS)
    page = main_window.reports_page
    assert page.plans_button.isEnabled() and not page.plans_note.isVisible()
    combo = page.plans_department
    assert [combo.itemText(i) for i in range(combo.count())] == ["All departments", "Ops", "Sales"]
    combo.setFocus()
    qtbot.keyClicks(combo, "Sa")
    assert combo.currentText() == "Sales"

    written = written_by(
        qtbot,
        page.plans_exporter,
        tmp_path / "Sales plans",
        monkeypatch,
        lambda: qtbot.mouseClick(page.plans_button, Qt.MouseButton.LeftButton),
    )

    assert written == tmp_path / "Sales plans.pdf"
    text = pdf_text(written)
    assert text.count(BAND) == 3 and "Sales · 3 people" in text
    for name in ("Zoë Martin", "Łukasz Nowak", "李娜"):
        assert name in text
    assert "Ngọc Trần" not in text
    assert BASICS in text and SAFETY in text


def test_the_reports_card_says_to_assign_a_path_first_when_nobody_follows_one(
    qtbot, main_window, services
):
    build_plan_organisation(services, assign=False)
    main_window.show_area(AREA_REPORTS)
    page = main_window.reports_page
    assert not page.plans_button.isEnabled()
    assert page.plans_note.isVisible()
    assert "Assign a path in the Learning paths area" in page.plans_note.text()


@pytest.fixture
def people_page(services, qtbot):
    bridge = ChangeBridge(services.changes)
    widget = PeoplePage(services, bridge)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    bridge.detach()


def row_of(page: PeoplePage, name: str) -> int:
    names = [
        page.model.index(row, PeopleTableModel.NAME).data() for row in range(page.model.rowCount())
    ]
    return names.index(name)


def test_the_people_menu_prints_one_persons_plan(qtbot, services, tmp_path, monkeypatch, request):
    build_plan_organisation(services)
    page = request.getfixturevalue("people_page")
    menu = right_click_menu(qtbot, page, row_of(page, "Zoë Martin"))

    written = written_by(
        qtbot,
        page.person_actions.plan_exporter,
        tmp_path / "Zoë.pdf",
        monkeypatch,
        lambda: choose(qtbot, menu, "print_learning_plan"),
    )

    text = pdf_text(written)
    assert text.count(BAND) == 1 and "Zoë Martin" in text
    assert BASICS in text and "Łukasz" not in text


def test_the_people_menu_says_why_someone_without_a_path_has_no_plan(
    qtbot, services, tmp_path, request
):
    build_plan_organisation(services)
    page = request.getfixturevalue("people_page")
    exporter = page.person_actions.plan_exporter
    menu = right_click_menu(qtbot, page, row_of(page, "Maria Keller"))
    choose(qtbot, menu, "print_learning_plan")

    (box,) = message_boxes(page)
    assert "Maria Keller does not follow a learning path yet" in box.text()
    assert exporter.task is None and list(tmp_path.glob("*.pdf")) == []
    close_message_boxes(page)
