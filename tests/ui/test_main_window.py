"""The main window: first start, navigation, status bar, layout, About, reports, safety net."""

from __future__ import annotations

import logging
import subprocess
import sys
import zipfile
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from app.context import open_services
from app.services.people import PersonInput
from db.schema import SCHEMA_HEAD
from tests.ui.conftest import close_message_boxes, message_boxes
from ui.app import StartupChoice, UnexpectedErrorReporter, start_main_window
from ui.file_actions import FileDialogs
from ui.main_window import (
    AREA_ASSESSMENT,
    AREA_DASHBOARD,
    AREA_OBJECTIVES,
    AREA_PEOPLE,
    AREA_PILOTS,
    AREA_REPORTS,
    MainWindow,
)

ROOT = Path(__file__).resolve().parents[2]


class NoDialogs(FileDialogs):
    """File choosers that fail the test if the code asks the user for a file unexpectedly."""

    def __init__(self, open_answer: Path | None = None) -> None:
        super().__init__(None)
        self.open_answer = open_answer

    def choose_file_to_open(self, folder: Path) -> Path | None:
        if self.open_answer is None:
            raise AssertionError("asked for a file to open")
        return self.open_answer

    def choose_new_file(self, suggested: Path) -> Path | None:
        raise AssertionError("asked for a new file")


def never_asked(message: str) -> StartupChoice:
    raise AssertionError(f"the startup problem box appeared: {message}")


# First start ---------------------------------------------------------------------
def test_first_start_creates_the_default_data_file_and_shows_its_name_in_the_title(
    qtbot, tmp_path, app_settings
):
    default = tmp_path / "user-data" / "organisation.upskill"
    window = start_main_window(
        None, app_settings, default_file=default, dialogs=NoDialogs(), ask=never_asked
    )
    assert window is not None
    qtbot.addWidget(window)

    assert default.is_file()
    assert window.windowTitle() == "organisation.upskill — Upskill Planner"
    assert str(default) in window.file_status.text()
    assert window.people_status.text() == "0 people"
    assert window.dashboard_page.empty_state.isVisible()


def test_the_file_given_at_start_is_opened_instead_of_the_default(qtbot, tmp_path, app_settings):
    given = tmp_path / "Workshop.upskill"
    default = tmp_path / "user-data" / "organisation.upskill"
    window = start_main_window(
        str(given), app_settings, default_file=default, dialogs=NoDialogs(), ask=never_asked
    )
    assert window is not None
    qtbot.addWidget(window)
    assert window.windowTitle() == "Workshop.upskill — Upskill Planner"
    assert not default.exists()


def test_the_next_start_reopens_the_file_that_was_open_last(qtbot, tmp_path, app_settings):
    default = tmp_path / "user-data" / "organisation.upskill"
    other = tmp_path / "Acme.upskill"
    open_services(other).close()
    first = start_main_window(None, app_settings, default_file=default, ask=never_asked)
    assert first is not None
    qtbot.addWidget(first)
    assert first.open_data_file(other)
    first.close()

    second = start_main_window(None, app_settings, default_file=default, ask=never_asked)
    assert second is not None
    qtbot.addWidget(second)
    assert second.windowTitle() == "Acme.upskill — Upskill Planner"


def test_a_file_that_cannot_be_opened_at_start_offers_to_open_another(
    qtbot, tmp_path, app_settings
):
    broken = tmp_path / "notes.upskill"
    broken.write_text("these are not the droids you are looking for", encoding="utf-8")
    good = tmp_path / "Good.upskill"
    open_services(good).close()
    questions: list[str] = []

    def ask(message: str) -> StartupChoice:
        questions.append(message)
        return StartupChoice.OPEN_ANOTHER

    window = start_main_window(
        str(broken),
        app_settings,
        default_file=tmp_path / "d.upskill",
        dialogs=NoDialogs(open_answer=good),
        ask=ask,
    )
    assert window is not None
    qtbot.addWidget(window)
    assert len(questions) == 1
    assert "not an Upskill Planner data file" in questions[0]
    assert "Traceback" not in questions[0]
    assert window.windowTitle() == "Good.upskill — Upskill Planner"
    assert broken.read_text(encoding="utf-8").startswith("these are not")


def test_choosing_quit_when_the_file_cannot_be_opened_starts_no_window(tmp_path, app_settings):
    broken = tmp_path / "broken.upskill"
    broken.write_bytes(b"\x00garbage")
    window = start_main_window(
        str(broken),
        app_settings,
        default_file=tmp_path / "d.upskill",
        dialogs=NoDialogs(),
        ask=lambda _message: StartupChoice.QUIT,
    )
    assert window is None


def test_the_window_appears_first_and_the_data_file_opens_just_after(qtbot, tmp_path, app_settings):
    given = tmp_path / "Large.upskill"
    window = start_main_window(str(given), app_settings, defer=True, ask=never_asked)
    assert window is not None
    qtbot.addWidget(window)
    assert window.isVisible()
    assert window.windowTitle() == "Upskill Planner"
    assert not window.sidebar.isEnabled()
    assert not window.file_actions.save_copy_action.isEnabled()

    qtbot.waitUntil(lambda: window.windowTitle() == "Large.upskill — Upskill Planner")
    assert window.sidebar.isEnabled() and window.file_actions.save_copy_action.isEnabled()
    assert window.stack.currentWidget() is window.dashboard_page


def test_the_file_menu_uses_the_data_file_suffix_of_the_app():
    from app.services import data_file
    from ui import file_actions

    assert file_actions.DATA_FILE_SUFFIX == data_file.DATA_FILE_SUFFIX


def test_starting_the_window_loads_no_report_or_migration_library(tmp_path):
    data = tmp_path / "ready.upskill"
    open_services(data).close()  # created and migrated here, so the start below only opens it
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from ui.app import make_application, start_main_window\n"
        "from ui.settings import AppSettings\n"
        "app = make_application(['upskill'])\n"
        f"settings = AppSettings.in_file(Path({str(tmp_path / 's.ini')!r}))\n"
        f"window = start_main_window({str(data)!r}, settings)\n"
        "app.processEvents()\n"
        "heavy = sorted(m for m in ('reportlab', 'openpyxl', 'alembic') if m in sys.modules)\n"
        "window.close()\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert "HEAVY []" in result.stdout


# Navigation ---------------------------------------------------------------------
def test_clicking_an_area_in_the_sidebar_shows_its_page(qtbot, main_window):
    sidebar = main_window.sidebar
    item = sidebar.item(AREA_REPORTS)
    qtbot.mouseClick(
        sidebar.viewport(), Qt.MouseButton.LeftButton, pos=sidebar.visualItemRect(item).center()
    )
    assert main_window.current_area() == AREA_REPORTS
    assert main_window.stack.currentWidget() is main_window.reports_page


def test_ctrl_number_shortcuts_switch_areas(qtbot, main_window):
    qtbot.waitActive(main_window)
    qtbot.keyClick(main_window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_area() == AREA_REPORTS
    qtbot.keyClick(main_window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_area() == AREA_PILOTS
    qtbot.keyClick(main_window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_area() == AREA_OBJECTIVES
    qtbot.keyClick(main_window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_area() == AREA_ASSESSMENT
    qtbot.keyClick(main_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_area() == AREA_PEOPLE
    qtbot.keyClick(main_window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_area() == AREA_DASHBOARD
    assert main_window.sidebar.currentRow() == AREA_DASHBOARD


def test_ctrl_i_opens_the_roster_import_of_the_people_page(qtbot, main_window, monkeypatch):
    page = main_window.people_page
    assert callable(getattr(page, "import_roster", None)), "the People page imports rosters"
    opened: list[bool] = []
    monkeypatch.setattr(page, "import_roster", lambda: opened.append(True))
    qtbot.waitActive(main_window)
    qtbot.keyClick(main_window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert opened == [True]
    assert main_window.current_area() == AREA_PEOPLE


def test_status_bar_shows_the_data_file_and_follows_the_people_count(qtbot, main_window, services):
    assert services.database.display_name in main_window.file_status.text()
    assert main_window.people_status.text() == "0 people"
    services.people.add(PersonInput(first_name="Zoë", last_name="Martin"))
    qtbot.waitUntil(lambda: main_window.people_status.text() == "1 person")
    services.people.add(PersonInput(first_name="李", last_name="娜"))
    qtbot.waitUntil(lambda: main_window.people_status.text() == "2 people")


def test_window_geometry_is_remembered(qtbot, services, app_settings):
    first = MainWindow(services, app_settings)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    # A size the user might drag to: above the window's minimum, within the screen.
    screen = first.screen().availableGeometry()
    smallest = first.minimumSizeHint()
    width = min(screen.width() - 7, max(smallest.width() + 3, 701))
    height = min(screen.height() - 9, max(smallest.height() + 5, 477))
    first.resize(width, height)
    first.move(QPoint(4, 6))
    qtbot.waitUntil(lambda: (first.width(), first.height()) == (width, height))
    first.close()

    second = MainWindow(open_services(services.database.display_name), app_settings)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == (width, height)


# About ----------------------------------------------------------------------------
def test_about_dialog_lists_font_licences(qtbot, main_window, services):
    qtbot.waitActive(main_window)
    qtbot.keyClick(main_window, Qt.Key.Key_F1)
    dialog = main_window.about_dialog
    assert dialog is not None and dialog.isVisible()

    licences = dialog.licences.toPlainText()
    for expected in (
        "DejaVu Sans",
        "Bitstream Vera",
        "Droid Sans Fallback",
        "Apache License 2.0",
        "PySide6",
        "GNU LGPL v3",
        "SQLAlchemy",
        "Alembic",
        "ReportLab",
        "BSD",
        "openpyxl",
        "platformdirs",
        "MIT",
    ):
        assert expected in licences
    texts = dialog.font_licence_texts.toPlainText()
    assert "Bitstream Vera Fonts Copyright" in texts
    assert "Apache License" in texts and "Version 2.0" in texts
    assert dialog.version_label.text() == __import__("app").__version__
    assert dialog.schema_label.text() == SCHEMA_HEAD
    assert dialog.file_label.text() == services.database.display_name

    close = [b for b in dialog.findChildren(QPushButton) if b.text() == "&Close"]
    close = close or [b for b in dialog.findChildren(QPushButton) if "Close" in b.text()]
    qtbot.mouseClick(close[0], Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


# Reports ----------------------------------------------------------------------------
def _export(qtbot, main_window, button, destination: Path, monkeypatch) -> tuple[Path, list[QUrl]]:
    exporter = main_window.reports_page.exporter
    suggestions: list[Path] = []
    opened: list[QUrl] = []

    def choose(_title: str, suggested: Path, _filter: str) -> Path:
        suggestions.append(suggested)
        return destination

    monkeypatch.setattr(exporter, "choose_destination", choose)
    monkeypatch.setattr(exporter, "open_url", opened.append)
    outcomes: list[tuple[str, object]] = []
    exporter.exported.connect(lambda path: outcomes.append(("written", path)))
    exporter.failed.connect(lambda error: outcomes.append(("failed", error)))
    main_window.show_area(AREA_REPORTS)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=60_000)
    assert outcomes[0][0] == "written", outcomes
    written = outcomes[0][1]
    assert isinstance(written, Path)
    box = exporter.result_box
    assert box is not None and box.isVisible()
    assert suggestions[0].name.endswith(
        (
            f"{__import__('datetime').date.today().isoformat()}.pdf",
            f"{__import__('datetime').date.today().isoformat()}.xlsx",
        )
    )
    open_file = box.findChild(QPushButton, "openFileButton")
    qtbot.mouseClick(open_file, Qt.MouseButton.LeftButton)
    return written, opened


def test_exporting_the_pdf_writes_a_pdf_file(qtbot, main_window, services, tmp_path, monkeypatch):
    services.people.add(PersonInput(first_name="Łukasz", last_name="Nowak"))
    written, opened = _export(
        qtbot,
        main_window,
        main_window.reports_page.pdf_button,
        tmp_path / "report",
        monkeypatch,
    )
    assert written == tmp_path / "report.pdf"
    assert written.read_bytes()[:5] == b"%PDF-"
    assert opened == [QUrl.fromLocalFile(str(written))]


def test_exporting_the_workbook_writes_an_excel_file(
    qtbot, main_window, services, tmp_path, monkeypatch
):
    services.people.add(PersonInput(first_name="Zoë", last_name="Martin"))
    written, opened = _export(
        qtbot,
        main_window,
        main_window.reports_page.workbook_button,
        tmp_path / "Leadership.xlsx",
        monkeypatch,
    )
    assert written == tmp_path / "Leadership.xlsx"
    with zipfile.ZipFile(written) as workbook:
        assert "xl/workbook.xml" in workbook.namelist()
    assert opened == [QUrl.fromLocalFile(str(written))]


def test_cancelling_the_save_dialog_writes_nothing(qtbot, main_window, tmp_path, monkeypatch):
    exporter = main_window.reports_page.exporter
    monkeypatch.setattr(exporter, "choose_destination", lambda *_args: None)
    main_window.show_area(AREA_REPORTS)
    qtbot.mouseClick(main_window.reports_page.pdf_button, Qt.MouseButton.LeftButton)
    assert exporter.task is None
    assert list(tmp_path.glob("*.pdf")) == []


# Safety net ---------------------------------------------------------------------------
def test_an_unexpected_error_is_logged_and_shown_without_a_traceback(main_window, tmp_path, caplog):
    log_file = tmp_path / "logs" / "upskill-planner.log"
    reporter = UnexpectedErrorReporter(log_file, lambda: main_window)
    try:
        raise ZeroDivisionError("division by zero in a slot")
    except ZeroDivisionError as exc:
        with caplog.at_level(logging.CRITICAL):
            reporter(type(exc), exc, exc.__traceback__)

    assert any(r.exc_info and r.exc_info[0] is ZeroDivisionError for r in caplog.records)
    boxes = message_boxes(main_window)
    assert len(boxes) == 1
    text = boxes[0].text()
    assert str(log_file) in text
    assert "your saved data is safe" in text
    assert "Traceback" not in text and "ZeroDivisionError" not in text
    assert boxes[0].icon() == QMessageBox.Icon.Critical
    close_message_boxes(main_window)


# main.py ------------------------------------------------------------------------------
def test_main_starts_the_gui_by_default_and_hands_other_commands_to_the_cli(monkeypatch):
    import app.cli
    import main
    import ui.app

    started: list[str | None] = []
    delegated: list[list[str]] = []
    monkeypatch.setattr(ui.app, "run_gui", lambda db: started.append(db) or 0)
    monkeypatch.setattr(app.cli, "main", lambda argv: delegated.append(list(argv)) or 0)

    assert main.main([]) == 0
    assert main.main(["--db", "x.upskill", "gui"]) == 0
    assert main.main(["--db", "x.upskill", "info", "--json"]) == 0
    assert main.main(["--db", "x.upskill", "roster", "import", "people.csv", "--dry-run"]) == 0
    assert main.main(["/home/hr/Programme 2026.UPSKILL"]) == 0  # "Open with", a double-click
    assert started == [None, "x.upskill", "/home/hr/Programme 2026.UPSKILL"]
    assert delegated == [
        ["--db", "x.upskill", "info", "--json"],
        ["--db", "x.upskill", "roster", "import", "people.csv", "--dry-run"],
    ]


def test_the_command_line_runs_without_loading_qt(tmp_path):
    data = tmp_path / "cli.upskill"
    script = (
        "import sys, main\n"
        f"code = main.main(['--db', {str(data)!r}, 'info', '--json'])\n"
        "print('QT', any(m.startswith(('PySide6', 'shiboken6', 'ui')) for m in sys.modules))\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert '"schema_version"' in result.stdout
    assert "QT False" in result.stdout


def test_no_window_is_left_behind_by_the_main_window(qtbot, main_window):
    main_window.close()
    QApplication.processEvents()
    assert not main_window.isVisible()
