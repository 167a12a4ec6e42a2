"""The main window: areas on the left, the chosen page on the right, menus and a status bar.

The window owns the open data file's services. Switching files (``open_data_file``)
opens the new file first, and only if that works rebuilds the pages for it and closes
the old one, so a file that cannot be opened never costs the user the one they had.

The window can be shown before any file is open (``MainWindow(None, ...)`` then
``attach_services``): the start shows a window at once and loads the storage layer
(SQLAlchemy, the models) just after, so this module imports none of it at the top.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserFacingError
from app.events import Change, Topic
from app.progress import CancelToken, Progress
from ui.change_bridge import ChangeBridge
from ui.file_actions import FileActions, FileDialogs
from ui.lazy_area import LazyArea
from ui.look import make_heading, make_muted
from ui.messages import show_error, show_message
from ui.settings import AppSettings
from ui.sidebar import Sidebar
from ui.worker import BackgroundTask, run_in_background

if TYPE_CHECKING:
    from app.context import AppServices
    from ui.dashboard_page import DashboardPage
    from ui.maturity.area_page import MaturityAreaPage
    from ui.objectives.area_page import ObjectivesAreaPage
    from ui.paths.area_page import PathsAreaPage
    from ui.pilots.area_page import PilotsAreaPage
    from ui.reports_page import ReportsPage
    from ui.skills.area_page import SkillsAreaPage

log = logging.getLogger(__name__)

AREA_DASHBOARD = 0
AREA_PEOPLE = 1
AREA_OBJECTIVES = 2
AREA_ASSESSMENT = 3
AREA_SKILLS = 4
AREA_PATHS = 5
AREA_PILOTS = 6
AREA_REPORTS = 7

ServicesOpener = Callable[[str | Path], "AppServices"]


def _people_page_available() -> bool:
    """False when the People page cannot be loaded (a broken install): its commands go grey."""
    import importlib.util

    try:
        return importlib.util.find_spec("ui.people.people_page") is not None
    except ModuleNotFoundError:
        return False


def open_services_lazily(path_or_url: str | Path) -> AppServices:
    from app.context import open_services

    return open_services(path_or_url)


def is_file_path(path_or_url: str | Path) -> bool:
    return "://" not in str(path_or_url)


class PeoplePlaceholder(QWidget):
    """Shown only while the People page is not part of the build."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("peoplePlaceholder")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 28)
        layout.addWidget(make_heading(self.tr("People"), self, 1.6))
        layout.addWidget(
            make_muted(self.tr("The People page is not available in this build."), self)
        )
        layout.addStretch(1)


class OpeningPage(QWidget):
    """What the window shows for the moment between appearing and its data file being open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openingPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 28)
        layout.addWidget(make_muted(self.tr("Opening the data file…"), self))
        layout.addStretch(1)


class MainWindow(QMainWindow):
    """Built with the services of an open data file (or None, then ``attach_services``)."""

    data_file_changed = Signal(str)
    """Another data file is now open; carries its display name."""

    def __init__(
        self,
        services: AppServices | None,
        settings: AppSettings,
        *,
        opener: ServicesOpener = open_services_lazily,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.settings = settings
        self._opener = opener
        self._services: AppServices | None = None
        self._bridge: ChangeBridge | None = None
        self._closed = False
        self.last_message_box: QMessageBox | None = None
        self.about_dialog: QWidget | None = None
        self.demo_task: BackgroundTask[object] | None = None
        self.file_dialogs = FileDialogs(self)

        self.sidebar = Sidebar(self)
        self.sidebar.add_area(self.tr("Dashboard"), self.tr("Where the programme stands"))
        self.sidebar.add_area(self.tr("People"), self.tr("Everyone in the organisation"))
        self.sidebar.add_area(
            self.tr("Objectives"), self.tr("The outcomes the programme should move, measured")
        )
        self.sidebar.add_area(
            self.tr("Assessment"), self.tr("How far the organisation has come with AI")
        )
        self.sidebar.add_area(self.tr("Skills"), self.tr("Where people stand with AI skills"))
        self.sidebar.add_area(
            self.tr("Learning paths"), self.tr("What each role learns, progress and capacity")
        )
        self.sidebar.add_area(
            self.tr("Pilots"), self.tr("Early adopters, results and the decision to scale")
        )
        self.sidebar.add_area(self.tr("Reports"), self.tr("The PDF report and Excel workbook"))
        # The names stay whole when a wide page (People, Pilots) widens the window.
        self.sidebar.setMinimumWidth(self.sidebar.sizeHint().width())
        self._lazy_areas: dict[int, LazyArea] = {}
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("pages")
        self.sidebar.area_chosen.connect(self.stack.setCurrentIndex)
        self.stack.currentChanged.connect(self._on_area_changed)
        central = QWidget(self)
        central.setObjectName("central")
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.file_status = QLabel(self)
        self.file_status.setObjectName("fileStatus")
        self.file_status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.people_status = QLabel(self)
        self.people_status.setObjectName("peopleStatus")
        self.statusBar().addWidget(self.file_status, 1)
        self.statusBar().addPermanentWidget(self.people_status)

        self.file_actions = FileActions(self, self, settings, self.file_dialogs)
        self._build_menus()
        self.stack.addWidget(OpeningPage(self))
        self._set_file_commands_enabled(False)
        self.setWindowTitle(self.tr("Upskill Planner"))
        self._restore_layout()
        if services is not None:
            self.attach_services(services)

    # The open data file ---------------------------------------------------------
    @property
    def services(self) -> AppServices:
        if self._services is None:
            raise RuntimeError("No data file is open yet")
        return self._services

    @property
    def bridge(self) -> ChangeBridge:
        if self._bridge is None:
            raise RuntimeError("No data file is open yet")
        return self._bridge

    def attach_services(self, services: AppServices) -> None:
        """Show ``services``' data file: pages rebuilt for it, the previous file closed."""
        old = self._services
        if self._bridge is not None:
            self._bridge.detach()
            self._bridge.deleteLater()
        self._services = services
        self._bridge = ChangeBridge(services.changes, self)
        first = old is None
        self._build_pages()
        if old is not None:
            old.close()
        self._set_file_commands_enabled(True)
        self._after_file_opened()
        if first:
            self.sidebar.choose(AREA_DASHBOARD)
        self.data_file_changed.emit(services.database.display_name)

    def _set_file_commands_enabled(self, enabled: bool) -> None:
        self.sidebar.setEnabled(enabled)
        for action in (
            self.file_actions.save_copy_action,
            self.file_actions.backup_action,
            self.import_action,
            self.add_person_action,
            self.demo_action,
            self.assessment_action,
            self.skills_survey_action,
            self.about_action,
            *self.area_actions,
        ):
            action.setEnabled(enabled)
        has_people_page = _people_page_available()
        self.import_action.setEnabled(enabled and has_people_page)
        self.add_person_action.setEnabled(enabled and has_people_page)

    def open_data_file(self, path_or_url: str | Path) -> bool:
        """Switch to another data file; on failure keep the current one and say why."""
        target = str(path_or_url)
        if self._is_open_now(target):
            return True
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            services = self._opener(target)
        except UserFacingError as exc:
            QApplication.restoreOverrideCursor()
            self.last_message_box = show_error(self, exc, action=self.tr("Open a data file"))
            return False
        except Exception as exc:  # a bug: logged, explained, current file kept
            QApplication.restoreOverrideCursor()
            log.exception("Opening %s failed", target)
            self.last_message_box = show_error(self, exc, action=self.tr("Open a data file"))
            return False
        QApplication.restoreOverrideCursor()
        self.attach_services(services)
        return True

    def _is_open_now(self, target: str) -> bool:
        if self._services is None:
            return False
        database = self._services.database
        if not (database.is_sqlite and is_file_path(target)):
            return False
        try:
            return Path(target).expanduser().resolve() == Path(str(database.url.database)).resolve()
        except OSError:
            return False

    def _after_file_opened(self) -> None:
        database = self.services.database
        name = Path(database.display_name).name if database.is_sqlite else database.display_name
        self.setWindowTitle(self.tr("{file} — Upskill Planner").format(file=name))
        self.file_status.setText(self.tr("Data file: {path}").format(path=database.display_name))
        self.file_status.setToolTip(database.display_name)
        if database.is_sqlite:
            self.settings.add_recent_file(database.display_name)
        self._update_people_count()

    # Pages -----------------------------------------------------------------------
    def _build_pages(self) -> None:
        """(Re)build every page for the current services, keeping the area the user was in."""
        from ui.dashboard_page import DashboardPage
        from ui.reports_page import ReportsPage

        services, bridge = self.services, self.bridge
        current = max(self.stack.currentIndex(), 0)
        while self.stack.count():
            old = self.stack.widget(0)
            if old is None:
                break
            self.stack.removeWidget(old)
            old.hide()
            old.deleteLater()
        self.dashboard_page: DashboardPage = DashboardPage(services, bridge, self)
        self.dashboard_page.import_requested.connect(self.import_roster)
        self.dashboard_page.add_person_requested.connect(self.add_person)
        self.dashboard_page.load_demo_requested.connect(self.load_demo)
        self.dashboard_page.people_requested.connect(lambda: self.show_area(AREA_PEOPLE))
        self.dashboard_page.start_assessment_requested.connect(self.start_assessment)
        self.dashboard_page.assessment_results_requested.connect(
            lambda: self.show_area(AREA_ASSESSMENT)
        )
        self.dashboard_page.skills_requested.connect(lambda: self.show_area(AREA_SKILLS))
        self.dashboard_page.paths_requested.connect(lambda: self.show_area(AREA_PATHS))
        self.dashboard_page.objectives_requested.connect(lambda: self.show_area(AREA_OBJECTIVES))
        self.dashboard_page.pilots_requested.connect(lambda: self.show_area(AREA_PILOTS))
        # Areas that read much (every person, every assessment, the heatmap, the module
        # library) are built the first time they are shown, so a large file opens at once.
        self._lazy_areas = {
            AREA_PEOPLE: LazyArea(self, self._make_people_page),
            AREA_ASSESSMENT: LazyArea(self, self._make_assessment_page),
            AREA_SKILLS: LazyArea(self, self._make_skills_page),
            AREA_PATHS: LazyArea(self, self._make_paths_page),
            AREA_OBJECTIVES: LazyArea(self, self._make_objectives_page),
            AREA_PILOTS: LazyArea(self, self._make_pilots_page),
        }
        self.reports_page: ReportsPage = ReportsPage(services, self.settings, self)
        pages: dict[int, QWidget] = {
            AREA_DASHBOARD: self.dashboard_page,
            AREA_REPORTS: self.reports_page,
        }
        pages.update({index: area.slot for index, area in self._lazy_areas.items()})
        for index in sorted(pages):
            self.stack.addWidget(pages[index])
        self.stack.setCurrentIndex(current)
        self._on_area_changed(current)
        bridge.changed.connect(self._on_change)

    @property
    def people_page(self) -> QWidget:
        """The People page, built the first time it is needed."""
        return self._lazy_areas[AREA_PEOPLE].page()

    @property
    def assessment_page(self) -> MaturityAreaPage:
        """The Assessment area, built the first time it is needed."""
        return cast("MaturityAreaPage", self._lazy_areas[AREA_ASSESSMENT].page())

    @property
    def skills_page(self) -> SkillsAreaPage:
        """The Skills area, built the first time it is needed."""
        return cast("SkillsAreaPage", self._lazy_areas[AREA_SKILLS].page())

    @property
    def paths_page(self) -> PathsAreaPage:
        """The Learning paths area, built the first time it is needed."""
        return cast("PathsAreaPage", self._lazy_areas[AREA_PATHS].page())

    def area_built(self, index: int) -> bool:
        """Whether an area's page exists yet (areas are built when first shown)."""
        area = self._lazy_areas.get(index)
        return area is None or area.built

    def _on_area_changed(self, index: int) -> None:
        area = self._lazy_areas.get(index) if self._services is not None else None
        if area is not None:
            area.page()

    def _make_assessment_page(self) -> QWidget:
        from ui.maturity.area_page import MaturityAreaPage

        return MaturityAreaPage(self.services, self.bridge, self)

    def _make_skills_page(self) -> QWidget:
        from ui.skills.area_page import SkillsAreaPage

        return SkillsAreaPage(self.services, self.bridge, self)

    @property
    def objectives_page(self) -> ObjectivesAreaPage:
        """The Objectives area, built the first time it is needed."""
        return cast("ObjectivesAreaPage", self._lazy_areas[AREA_OBJECTIVES].page())

    @property
    def pilots_page(self) -> PilotsAreaPage:
        """The Pilots area, built the first time it is needed."""
        return cast("PilotsAreaPage", self._lazy_areas[AREA_PILOTS].page())

    def _make_objectives_page(self) -> QWidget:
        from ui.objectives.area_page import ObjectivesAreaPage

        return ObjectivesAreaPage(self.services, self.bridge, self)

    def _make_pilots_page(self) -> QWidget:
        from ui.pilots.area_page import PilotsAreaPage
        from ui.pilots.measurements_tab import MeasurementsTab
        from ui.pilots.results_tab import ResultsTab

        page = PilotsAreaPage(self.services, self.bridge, self)
        tabs = page.detail.tabs
        page.add_tab(MeasurementsTab(self.services, self.bridge, tabs), self.tr("&Measurements"))
        page.add_tab(ResultsTab(self.services, self.bridge, tabs), self.tr("Res&ults"))
        return page

    def _make_paths_page(self) -> QWidget:
        from ui.paths.area_page import PathsAreaPage

        return PathsAreaPage(self.services, self.bridge, self)

    def _make_people_page(self) -> QWidget:
        try:
            from ui.people.people_page import PeoplePage
        except ModuleNotFoundError as exc:
            if not (exc.name or "").startswith("ui.people"):
                raise
            log.error("The People page could not be loaded", exc_info=exc)
            return PeoplePlaceholder(self)
        page = PeoplePage(self.services, self.bridge, self)
        page.load_demo_requested.connect(self.load_demo)
        return page

    def show_area(self, index: int) -> None:
        self.sidebar.choose(index)

    def current_area(self) -> int:
        return self.stack.currentIndex()

    # Menus -------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_actions.fill_menu(bar)

        view = bar.addMenu(self.tr("&View"))
        view.setObjectName("viewMenu")
        self.area_actions: list[QAction] = []
        for index in range(self.sidebar.count()):
            action = QAction(self.sidebar.item(index).text(), self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, i=index: self.show_area(i))
            view.addAction(action)
            self.addAction(action)
            self.area_actions.append(action)

        people = bar.addMenu(self.tr("&People"))
        people.setObjectName("peopleMenu")
        self.import_action = QAction(self.tr("&Import from Excel or CSV…"), self)
        self.import_action.setShortcut(QKeySequence(self.tr("Ctrl+I")))
        self.import_action.triggered.connect(self.import_roster)
        self.add_person_action = QAction(self.tr("&Add a person…"), self)
        self.add_person_action.triggered.connect(self.add_person)
        self.demo_action = QAction(self.tr("Load the &demo organisation"), self)
        self.demo_action.triggered.connect(self.load_demo)
        for action in (self.import_action, self.add_person_action, self.demo_action):
            people.addAction(action)
            self.addAction(action)

        assessment = bar.addMenu(self.tr("&Assessment"))
        assessment.setObjectName("assessmentMenu")
        self.assessment_action = QAction(self.tr("&Start or resume the assessment…"), self)
        self.assessment_action.setShortcut(QKeySequence(self.tr("Ctrl+Shift+A")))
        self.assessment_action.triggered.connect(self.start_assessment)
        assessment.addAction(self.assessment_action)
        self.addAction(self.assessment_action)
        self.skills_survey_action = QAction(self.tr("Start a &skills survey…"), self)
        self.skills_survey_action.setShortcut(QKeySequence(self.tr("Ctrl+Shift+K")))
        self.skills_survey_action.triggered.connect(self.start_skills_survey)
        assessment.addAction(self.skills_survey_action)
        self.addAction(self.skills_survey_action)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("helpMenu")
        self.log_folder_action = QAction(self.tr("Show the &log folder"), self)
        self.log_folder_action.triggered.connect(self._show_log_folder)
        self.about_action = QAction(self.tr("&About Upskill Planner"), self)
        self.about_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.log_folder_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)
        self.addAction(self.about_action)

    # Commands --------------------------------------------------------------------
    def import_roster(self) -> None:
        page = self.people_page
        if isinstance(page, PeoplePlaceholder):
            return
        self.show_area(AREA_PEOPLE)
        page.import_roster()  # type: ignore[attr-defined]

    def start_assessment(self) -> None:
        """Show the Assessment area and start (or offer to resume) an assessment."""
        self.show_area(AREA_ASSESSMENT)
        self.assessment_page.start_assessment()

    def start_skills_survey(self) -> None:
        """Show the Skills area and ask for a new survey."""
        self.show_area(AREA_SKILLS)
        self.skills_page.new_survey()

    def add_person(self) -> None:
        page = self.people_page
        if isinstance(page, PeoplePlaceholder):
            return
        self.show_area(AREA_PEOPLE)
        page.add_person()  # type: ignore[attr-defined]

    def load_demo(self) -> None:
        """Fill the (empty) open file with the demo organisation, in the background."""
        try:
            from app.demo import create_demo_organisation
        except ModuleNotFoundError:
            self.last_message_box = show_message(
                self,
                self.tr("Load the demo organisation"),
                self.tr("The demo organisation is not part of this version."),
            )
            return
        services = self.services

        def work(progress: Progress, cancel: CancelToken) -> object:
            return create_demo_organisation(services, progress=progress, cancel=cancel)

        def done(_summary: object) -> None:
            self.demo_task = None
            self.statusBar().showMessage(self.tr("Loaded the demo organisation."), 8000)

        def failed(error: BaseException) -> None:
            self.demo_task = None
            self.last_message_box = show_error(
                self, error, action=self.tr("Load the demo organisation")
            )

        self.demo_task = run_in_background(
            self, self.tr("Creating the demo organisation…"), work, done, failed
        )

    def show_about(self) -> QWidget:
        from ui.about_dialog import AboutDialog

        if self.about_dialog is not None:
            self.about_dialog.close()
            self.about_dialog.deleteLater()
        dialog = AboutDialog(self.services, self)
        self.about_dialog = dialog
        dialog.open()
        return dialog

    def _show_log_folder(self) -> None:
        from app.services.data_file import log_directory

        folder = log_directory()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # Status bar --------------------------------------------------------------------
    def _on_change(self, change: Change) -> None:
        if Topic.PEOPLE in change.topics or Topic.DATA_FILE in change.topics or not change.topics:
            self._update_people_count()

    def _update_people_count(self) -> None:
        from app.services.people import PeopleQuery
        from db.models import EmployeeStatus
        from ui.people.labels import people_count

        count = self.services.people.count(PeopleQuery(status=EmployeeStatus.ACTIVE))
        self.people_status.setText(people_count(count))

    # Layout --------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.settings.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            height = self.fontMetrics().height()
            self.resize(max(960, height * 62), max(640, height * 42))
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed:
            self._closed = True
            self.settings.save_window(self.saveGeometry(), self.saveState())
            self.settings.sync()
            if self._bridge is not None:
                self._bridge.detach()
            if self._services is not None:
                self._services.close()
        super().closeEvent(event)
