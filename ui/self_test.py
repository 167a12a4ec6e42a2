"""``upskill-planner --self-test``: the app proves it works from wherever it runs.

Offscreen and in a temporary folder (never the user's settings, data file or log): start Qt
as the app does, create a data file as a first start does, load the demo organisation,
check the schema with Alembic, show the main window and every area (and every tab of an
area) with a screenshot of each, open the About box, then reopen the data file and write
every PDF report and the workbook and read them back. One line per check; the last line
says ``Self-test passed`` (exit 0) or ``Self-test FAILED: <check>: <reason>`` followed by
the traceback (exit 1). CI runs it from the built bundle, so the bundle is proved to work
(the Qt platform plugin, fonts, style sheet, QtCharts, migrations, report fonts), not only
to build. The output is for engineers and CI: English, not translated.
"""

from __future__ import annotations

import io
import logging
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

import PySide6
from PySide6.QtCharts import QChartView
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMessageLogContext,
    QSettings,
    QThreadPool,
    QtMsgType,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtGui import QFontDatabase, QGuiApplication, QPixmap
from PySide6.QtWidgets import QApplication, QMessageBox, QTabWidget, QWidget

from app.errors import UserFacingError
from app.self_check import (
    CheckFailed,
    SelfTestRun,
    StepFailed,
    check_reopened,
    check_schema_at_head,
    describe_demo,
    describe_pdf,
    describe_workbook,
    environment_lines,
    load_demo,
    plain_reason,
    write_pdf_report,
    write_workbook,
)
from ui.about_dialog import FONTS, AboutDialog
from ui.app import StartupChoice, make_application, open_first_services, qt_message_to_log
from ui.file_actions import FileDialogs
from ui.main_window import MainWindow, open_services_lazily
from ui.resources import resources_dir
from ui.settings import AppSettings

if TYPE_CHECKING:
    from app.context import AppServices

DATA_FILE_NAME = "organisation.upskill"
SETTINGS_FILE_NAME = "settings.ini"
LOG_FILE_NAME = "self-test.log"
IGNORED_QT_MESSAGES = ("This plugin does not support propagateSizeHints",)
"""What the offscreen platform always says; not a sign of trouble."""


def run_self_test(
    *, keep: bool = False, folder: Path | None = None, out: TextIO | None = None
) -> int:
    """Run every check and return the exit code (0 passed, 1 failed).

    ``folder`` is where the data file, settings, log, screenshots and reports go; without
    it a temporary folder is made and removed at the end (kept with ``keep``). A running
    QApplication (pytest-qt's) is reused and its look and names are put back afterwards.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists
    stream = out if out is not None else (sys.stdout or io.StringIO())  # none when windowed
    work = Path(tempfile.mkdtemp(prefix="upskill-self-test-")) if folder is None else folder
    work.mkdir(parents=True, exist_ok=True)
    run = SelfTestRun(stream)
    for line in environment_lines():
        run.say(line)
    run.say(f"Working folder: {work}")
    session = SelfTestSession(run, work)
    try:
        failure = session.run_and_clean_up()
    finally:  # even when printing fails (a closed pipe), the temporary folder goes
        if folder is None and not keep:
            shutil.rmtree(work, ignore_errors=True)
    for message in session.qt_warnings:
        run.say(f"note            Qt warned: {message}")
    if folder is None and work.exists():
        run.say(("Kept the working folder: " if keep else "Could not remove ") + str(work))
    return run.failed(failure) if failure is not None else run.passed()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.replace("&", "").lower()).strip("-") or "page"


class SelfTestSession:
    """The checks in order, and everything they open, so that ``clean_up`` can close it
    whether they passed or not."""

    def __init__(self, run: SelfTestRun, folder: Path) -> None:
        self.run = run
        self.folder = folder
        self.screenshots = folder / "screenshots"
        self.reports = folder / "reports"
        self.data_file = folder / DATA_FILE_NAME
        self.settings_file = folder / SETTINGS_FILE_NAME
        self.qt_warnings: list[str] = []
        self.errors: list[BaseException] = []
        self.window: MainWindow | None = None
        self.about: QWidget | None = None
        self.opened: list[AppServices] = []
        self._undo: list[Callable[[], None]] = []
        self._open_error: BaseException | None = None

    # The sequence --------------------------------------------------------------------------
    def run_and_clean_up(self) -> StepFailed | None:
        """Run the checks, then close everything; the first failure, or None."""
        failure: StepFailed | None = None
        try:
            self.run_checks()
        except StepFailed as exc:
            failure = exc
        except Exception as exc:  # a bug of the self-test itself: still one FAILED line
            failure = StepFailed("self-test", exc)
        try:
            self.clean_up()
        except Exception as exc:
            failure = failure or StepFailed("clean up", exc)
        return failure

    def run_checks(self) -> None:
        check = self.run.check
        check("start Qt", self._start_qt)
        check("style sheet", self._style_sheet)
        check("fonts", self._fonts)
        check("resources", self._resources)
        if (resources_dir() / "icons").is_dir():
            check("icons", self._icons)
        else:
            self.run.skip("icons", f"no {resources_dir() / 'icons'} in this version")
        settings = AppSettings.in_file(self.settings_file)
        services = check(
            "create the data file",
            lambda: self._create_data_file(settings),
            lambda created: created.database.display_name,
        )
        demo = check("load the demo organisation", lambda: load_demo(services), describe_demo)
        check("schema at head (Alembic check)", lambda: check_schema_at_head(services.database))
        window = check(
            "main window",
            lambda: self._main_window(services, settings),
            lambda shown: f"“{shown.windowTitle()}”, {shown.width()}×{shown.height()}",
        )
        for index in range(window.sidebar.count()):
            name = window.sidebar.item(index).text()
            check(f"area {name}", partial(self._show_area, window, index, name))
        check("charts (QtCharts)", lambda: self._charts(window))
        check("About dialog", lambda: self._about(window))
        check("close the main window", lambda: self._close_window(window))
        reopened = check(
            "reopen the data file", self._reopen, lambda services: check_reopened(services, demo)
        )
        self._reports(reopened)

    def _reports(self, services: AppServices) -> None:
        from app.services.reports import AVAILABLE_KINDS, ReportKind

        for kind in ReportKind:
            name = f"{kind.value} PDF report"
            if kind not in AVAILABLE_KINDS:
                self.run.skip(name, "not available in this version")
                continue
            self.run.check(
                name, partial(write_pdf_report, services, kind, self.reports), describe_pdf
            )
        for names in (False, True):
            self.run.check(
                "workbook with names" if names else "workbook without names",
                partial(write_workbook, services, self.reports, names=names),
                describe_workbook,
            )

    # Qt ------------------------------------------------------------------------------------
    def _start_qt(self) -> str:
        existing = QApplication.instance()
        if isinstance(existing, QApplication):
            self._remember_application(existing)
        else:
            # Our own application: settings that bypass AppSettings land in the folder too,
            # and Qt's messages go to the self-test's log and are listed at the end.
            for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
                QSettings.setPath(fmt, QSettings.Scope.UserScope, str(self.folder / "qsettings"))
            previous_handler = qInstallMessageHandler(self._qt_message)

            def restore_handler() -> None:
                qInstallMessageHandler(previous_handler)

            self._undo.append(restore_handler)
        make_application(sys.argv[:1])
        self._start_logging()
        previous_hook = sys.excepthook
        sys.excepthook = self._collect_error
        self._undo.append(lambda: setattr(sys, "excepthook", previous_hook))
        return (
            f"platform plugin {QGuiApplication.platformName()}, Qt {qVersion()}, "
            f"PySide6 {PySide6.__version__}"
        )

    def _remember_application(self, application: QApplication) -> None:
        """Put back what make_application changes on an application we did not make."""
        style = application.styleSheet()
        names = (
            QCoreApplication.organizationName(),
            QCoreApplication.applicationName(),
            QCoreApplication.applicationVersion(),
            QGuiApplication.desktopFileName(),
        )

        def restore() -> None:
            application.setStyleSheet(style)
            QCoreApplication.setOrganizationName(names[0])
            QCoreApplication.setApplicationName(names[1])
            QCoreApplication.setApplicationVersion(names[2])
            QGuiApplication.setDesktopFileName(names[3])

        self._undo.append(restore)

    def _start_logging(self) -> None:
        root = logging.getLogger()
        handler = logging.FileHandler(self.folder / LOG_FILE_NAME, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        level = root.level
        root.addHandler(handler)
        root.setLevel(logging.INFO)

        def stop() -> None:
            root.removeHandler(handler)
            root.setLevel(level)
            handler.close()

        self._undo.append(stop)

    def _qt_message(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        qt_message_to_log(kind, context, message)
        noted = kind not in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg) and not message.startswith(
            IGNORED_QT_MESSAGES
        )
        if noted and message not in self.qt_warnings:
            self.qt_warnings.append(message)

    def _collect_error(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        """An exception raised inside a Qt callback: the check under way fails with it."""
        logging.getLogger("upskill.self_test").error("Error in a Qt callback", exc_info=error)
        self.errors.append(error)

    def _settle(self) -> None:
        """Let the window catch up: queued events, background work and its results."""
        pool = QThreadPool.globalInstance()
        for _round in range(200):
            QApplication.processEvents()
            if pool.activeThreadCount() == 0:
                break
            pool.waitForDone(50)
        QApplication.processEvents()
        if self.errors:
            raise self.errors.pop(0)
        boxes = [
            box
            for box in QApplication.topLevelWidgets()
            if isinstance(box, QMessageBox) and box.isVisible()
        ]
        for box in boxes:
            box.done(0)
        if boxes:
            raise CheckFailed(f"a message appeared: {boxes[0].text()}")

    def _screenshot(self, widget: QWidget, name: str) -> str:
        pixmap = widget.grab()
        if pixmap.isNull():
            raise CheckFailed(f"{name} could not be drawn")
        image = pixmap.toImage()
        width, height = image.width(), image.height()
        colours = {
            image.pixel(x, y)
            for x in range(0, width, max(1, width // 48))
            for y in range(0, height, max(1, height // 32))
        }
        if len(colours) < 8:
            raise CheckFailed(f"the screenshot {name} is blank ({len(colours)} colours)")
        self.screenshots.mkdir(parents=True, exist_ok=True)
        if not pixmap.save(str(self.screenshots / name), "PNG"):
            raise CheckFailed(f"could not save the screenshot {self.screenshots / name}")
        return f"{name} ({width}×{height})"

    def _style_sheet(self) -> str:
        application = QApplication.instance()
        style = application.styleSheet() if isinstance(application, QApplication) else ""
        if not style.strip():
            raise CheckFailed(f"no style sheet: {resources_dir() / 'style.qss'} is missing")
        return f"{len(style):,} characters from style.qss"

    def _fonts(self) -> str:
        families = QFontDatabase.families()
        if not families:
            raise CheckFailed("Qt found no fonts: no text would show")
        return f"{len(families)} font families, interface font {QApplication.font().family()}"

    def _resources(self) -> str:
        folder = resources_dir()
        wanted = [folder / "style.qss"]
        for font in FONTS:
            wanted += [folder / "fonts" / name.strip() for name in font.files.split(",")]
            wanted.append(folder / "fonts" / font.licence_file)
        missing = [str(path) for path in wanted if not path.is_file()]
        for content in ("frameworks", "paths", "skills", "pilots"):
            if not any((folder / content).glob("*.json")):
                missing.append(str(folder / content / "*.json"))
        if missing:
            raise CheckFailed(f"missing from {folder}: {', '.join(missing)}")
        return f"{len(wanted)} files and 4 content folders in {folder}"

    def _icons(self) -> str:
        folder = resources_dir() / "icons"
        icons = sorted(folder.rglob("*.png"))
        if not icons:
            raise CheckFailed(f"no PNG icon in {folder}")
        unreadable = [str(path) for path in icons if QPixmap(str(path)).isNull()]
        if unreadable:
            raise CheckFailed(f"Qt cannot read {', '.join(unreadable)}")
        if QApplication.windowIcon().isNull():
            raise CheckFailed("the application has no window icon (ui/app.py make_application)")
        return f"{len(icons)} PNG icons read; the window icon is set"

    # The data file and the window ----------------------------------------------------------
    def _create_data_file(self, settings: AppSettings) -> AppServices:
        """As a first start does: no file asked for, none remembered, so the default one."""

        def opener(path: str | Path) -> AppServices:
            try:
                return open_services_lazily(path)
            except Exception as exc:
                self._open_error = exc
                raise

        def refuse(message: str) -> StartupChoice:
            error = self._open_error
            if error is not None and not isinstance(error, UserFacingError):
                message = plain_reason(error)  # a bug: its own words, not "see the log"
            raise CheckFailed(message) from error

        services = open_first_services(
            None,
            settings,
            default_file=self.data_file,
            dialogs=FileDialogs(None),
            ask=refuse,
            opener=opener,
        )
        if services is None:  # only when the user chose Quit, which refuse never does
            raise CheckFailed("no data file was opened")
        self.opened.append(services)
        if not self.data_file.is_file():
            raise CheckFailed(f"{self.data_file} was not created")
        return services

    def _main_window(self, services: AppServices, settings: AppSettings) -> MainWindow:
        """As the app starts: the window first, then the open file attached to it."""
        window = MainWindow(None, settings)
        self.window = window
        window.show()
        window.attach_services(services)
        self._settle()
        if not window.isVisible():
            raise CheckFailed("the main window did not appear")
        return window

    def _show_area(self, window: MainWindow, index: int, name: str) -> str:
        window.show_area(index)
        self._settle()
        if window.current_area() != index or not window.area_built(index):
            raise CheckFailed(f"the {name} area did not open")
        if window.findChild(QWidget, "peoplePlaceholder") is not None:
            raise CheckFailed("the People page is not part of this build")
        stem = f"{index + 1:02d}-{_slug(name)}"
        shots = [self._screenshot(window, f"{stem}.png")]
        page = window.stack.currentWidget()
        tab_widgets = [] if page is None else page.findChildren(QTabWidget)
        tab_widgets = [tabs for tabs in tab_widgets if tabs.isVisible()]
        for tabs in tab_widgets:  # the area as it opens is shot already: now its other tabs
            opened = tabs.currentIndex()
            for tab in range(tabs.count()):
                if tab == opened:
                    continue
                tabs.setCurrentIndex(tab)
                self._settle()
                label = _slug(tabs.tabText(tab))
                shots.append(self._screenshot(window, f"{stem}-{tab + 1}-{label}.png"))
            tabs.setCurrentIndex(opened)
        return shots[0] if len(shots) == 1 else f"{len(shots)} screenshots ({stem}*.png)"

    def _charts(self, window: MainWindow) -> str:
        charts = window.findChildren(QChartView)
        if not charts:
            raise CheckFailed("no chart was drawn in any area")
        return f"{len(charts)} charts in the areas"

    def _about(self, window: MainWindow) -> str:
        from app import __version__

        dialog = window.show_about()
        self.about = dialog
        self._settle()
        if not isinstance(dialog, AboutDialog) or not dialog.isVisible():
            raise CheckFailed("the About dialog did not open")
        if dialog.version_label.text() != __version__:
            raise CheckFailed(f"the About dialog shows version {dialog.version_label.text()}")
        shot = self._screenshot(dialog, "about.png")
        dialog.close()
        self._settle()
        if dialog.isVisible():
            raise CheckFailed("the About dialog did not close")
        return f"version {__version__}, {shot}"

    def _close_window(self, window: MainWindow) -> str:
        """Closing saves the window and the recent files to the self-test's settings."""
        self._dispose_window()
        self._settle()
        remembered = AppSettings.in_file(self.settings_file).last_opened_file()
        if remembered is None or Path(remembered).resolve() != self.data_file.resolve():
            raise CheckFailed(f"the settings file remembers {remembered}, not the data file")
        return f"settings saved in {self.settings_file.name}"

    def _dispose_window(self) -> None:
        window, self.window = self.window, None
        if self.about is not None:
            self.about.close()
            self.about = None
        if window is None:
            return
        window.close()
        window.deleteLater()
        QThreadPool.globalInstance().waitForDone(10_000)
        QApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def _reopen(self) -> AppServices:
        """A fresh services object on the file, as the next start of the app opens it."""
        services = open_services_lazily(self.data_file)
        self.opened.append(services)
        return services

    # The end ------------------------------------------------------------------------------
    def clean_up(self) -> None:
        """Close what the checks opened and put back what they changed, in reverse order;
        every step runs even if one fails, and the first failure is raised at the end."""
        steps: list[Callable[[], None]] = [self._dispose_window]
        steps += [services.close for services in self.opened]
        steps += reversed(self._undo)
        first: Exception | None = None
        for step in steps:
            try:
                step()
            except Exception as exc:
                first = first or exc
        if first is not None:
            raise first
