"""The first Monday of a new user, end to end, the way a person does it (issue 2's "Done when"):
start the app, import the IBM roster through the dialog, see 1,470 people in 3 departments and
9 roles, filter them, edit one, and export a PDF and a workbook that open cleanly elsewhere."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from app.services.people import PeopleQuery
from db.models import Employee
from tests.conftest import shared_file
from tests.ui.people.conftest import click_next, finish_import, open_file
from tests.ui.test_main_window import NoDialogs, never_asked
from ui.app import start_main_window
from ui.main_window import AREA_PEOPLE, AREA_REPORTS
from ui.people.import_dialog import ImportDialog
from ui.people.people_model import PeopleTableModel

pytestmark = [pytest.mark.slow]


def _export(qtbot, window, button, destination: Path, monkeypatch) -> Path:
    exporter = window.reports_page.exporter
    monkeypatch.setattr(exporter, "choose_destination", lambda *_args: destination)
    monkeypatch.setattr(exporter, "open_url", lambda _url: None)
    written: list[Path] = []
    exporter.exported.connect(written.append)
    window.show_area(AREA_REPORTS)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(written), timeout=60_000)
    box = exporter.result_box
    close = [b for b in box.findChildren(QPushButton) if "Close" in b.text()]
    qtbot.mouseClick(close[0], Qt.MouseButton.LeftButton)
    return written[0]


def test_a_new_user_imports_the_ibm_roster_filters_edits_and_exports_reports_that_open(
    qtbot, tmp_path, app_settings, monkeypatch
):
    roster = shared_file("ibm-hr-attrition", "WA_Fn-UseC_-HR-Employee-Attrition.xlsx")
    default = tmp_path / "user-data" / "organisation.upskill"

    # 1. Start the app with nothing configured: the default data file is created.
    window = start_main_window(
        None, app_settings, default_file=default, dialogs=NoDialogs(), ask=never_asked
    )
    assert window is not None
    qtbot.addWidget(window)
    window.resize(1280, 800)
    qtbot.waitExposed(window)
    assert default.is_file()
    services = window.services

    # 2. Ctrl+I opens the roster import; go through the wizard with the IBM workbook.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    page = window.people_page
    assert window.current_area() == AREA_PEOPLE
    dialog = page.import_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    open_file(qtbot, dialog, roster)
    click_next(qtbot, dialog)  # reads the sheet: a preview of the first rows
    assert dialog.currentId() == ImportDialog.SHEET
    click_next(qtbot, dialog, waits_for_step=False)  # the guessed column meanings
    assert dialog.currentId() == ImportDialog.MAPPING
    click_next(qtbot, dialog)  # every row checked before anything is written
    assert dialog.currentId() == ImportDialog.CHECK
    assert dialog.plan is not None and dialog.plan.ok
    finish_import(qtbot, dialog)

    # 3. 1,470 people in 3 departments and 9 job roles, in the database and on screen.
    assert services.people.count(PeopleQuery(status=None)) == 1470
    assert len(services.organisation.departments()) == 3
    assert len(services.organisation.roles()) == 9
    qtbot.waitUntil(lambda: page.model.rowCount() == 1470)
    assert window.people_status.text() == "1,470 people"
    people_step = window.dashboard_page.step_card(0)
    assert "1,470 people in 3 departments and 9 roles" in people_step.summary_label.text()

    # 4. Filter: Sales only.
    combo = page.department_filter
    combo.setCurrentIndex(combo.findText("Sales"))
    assert page.model.rowCount() == 446
    assert page.count_label.text() == "446 of 1,470 people"

    # 5. Edit one: double-click the first row, give them an e-mail, press Enter.
    first = page.table.visualRect(page.model.index(0, PeopleTableModel.NAME)).center()
    number = page.model.index(0, PeopleTableModel.EMPLOYEE_NUMBER).data()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=first)
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(first))
    editor = page.person_dialog
    assert editor is not None
    qtbot.waitExposed(editor)
    editor.email.setFocus()
    qtbot.keyClicks(editor.email, "first.monday@example.org")
    qtbot.keyClick(editor.email, Qt.Key.Key_Return)
    with services.database.reading() as session:
        edited = session.execute(
            select(Employee).where(Employee.employee_number == number)
        ).scalar_one()
        assert edited.email == "first.monday@example.org"
        assert edited.department is not None and edited.department.name == "Sales"

    # 6. Export the PDF report and the leadership workbook from the Reports page.
    pdf = _export(
        qtbot, window, window.reports_page.pdf_button, tmp_path / "Organisation.pdf", monkeypatch
    )
    xlsx = _export(
        qtbot,
        window,
        window.reports_page.workbook_button,
        tmp_path / "Leadership.xlsx",
        monkeypatch,
    )

    # 7. The PDF renders with poppler, and says what the data says.
    if shutil.which("pdftoppm") and shutil.which("pdftotext"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "page")],
            check=True,
            timeout=120,
        )
        pages = sorted(tmp_path.glob("page-*.png"))
        assert len(pages) >= 3 and all(p.stat().st_size > 2_000 for p in pages)
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60
        ).stdout
        assert "1,470" in text and "Research & Development" in text

    # 8. The workbook reloads in openpyxl and converts in LibreOffice without complaint.
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames[0] == "Summary"
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office:
        result = subprocess.run(
            [
                office,
                "--headless",
                "--norestore",
                "--convert-to",
                "csv",
                "--outdir",
                str(tmp_path / "office"),
                str(xlsx),
            ],
            capture_output=True,
            text=True,
            timeout=180,
            env={"HOME": str(tmp_path / "office-home"), "PATH": "/usr/bin:/bin"},
        )
        converted = tmp_path / "office" / "Leadership.csv"
        assert converted.is_file(), result.stderr
        assert "1470" in converted.read_text(errors="replace").replace(",", "")
    window.close()
