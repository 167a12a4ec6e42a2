"""Starting the GUI: the application object, logging, the safety net for bugs, the first file.

Kept light on purpose: the window appears first, then the storage layer (SQLAlchemy, the
models) loads and the data file opens; reportlab, openpyxl and Alembic are not imported at
start at all (Alembic only when a file needs migrating).
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMessageLogContext,
    QObject,
    QSize,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import __version__
from app.errors import UserFacingError
from ui.file_actions import FileDialogs, as_data_file, documents_folder
from ui.main_window import MainWindow, is_file_path, open_services_lazily
from ui.messages import show_message
from ui.resources import read_resource_text, resources_dir
from ui.settings import APPLICATION_NAME, ORGANISATION_NAME, AppSettings

if TYPE_CHECKING:
    from app.context import AppServices

log = logging.getLogger("upskill.gui")
LOG_FILE_NAME = "upskill-planner.log"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Startup", text)


class StartupChoice(Enum):
    OPEN_ANOTHER = "open"
    START_NEW = "new"
    QUIT = "quit"


class StartupProblemBox:
    """Asks what to do when the data file cannot be opened at start (no window exists yet)."""

    @classmethod
    def ask(cls, message: str) -> StartupChoice:
        """Modal on purpose: nothing else can happen until there is a file. Tests replace this."""
        box = QMessageBox(QMessageBox.Icon.Warning, _tr("Upskill Planner"), message)
        box.setInformativeText(_tr("You can open another data file, or start a new, empty one."))
        open_other = box.addButton(_tr("Open another file…"), QMessageBox.ButtonRole.AcceptRole)
        start_new = box.addButton(_tr("Start a new file…"), QMessageBox.ButtonRole.ActionRole)
        quit_button = box.addButton(_tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(open_other)
        box.setEscapeButton(quit_button)
        box.exec()
        clicked = box.clickedButton()
        if clicked is open_other:
            return StartupChoice.OPEN_ANOTHER
        if clicked is start_new:
            return StartupChoice.START_NEW
        return StartupChoice.QUIT


def first_file_to_open(requested: str | None, settings: AppSettings, default_file: Path) -> str:
    """The file asked for; else the one open when the app was last closed; else the default."""
    if requested:
        return requested
    last = settings.last_opened_file()
    if last and Path(last).is_file():
        return last
    return str(default_file)


def open_first_services(
    requested: str | None,
    settings: AppSettings,
    *,
    default_file: Path,
    dialogs: FileDialogs,
    ask: Callable[[str], StartupChoice] | None = None,
    opener: Callable[[str | Path], AppServices] = open_services_lazily,
) -> AppServices | None:
    """Open the first data file, asking the user what to do while it cannot be opened.

    Returns None only when the user chose to quit. A first start creates the default file.
    """
    asker = ask or StartupProblemBox.ask
    candidate: str = first_file_to_open(requested, settings, default_file)
    while True:
        try:
            return opener(candidate)
        except UserFacingError as exc:
            message = exc.message
        except Exception:
            log.exception("Opening %s failed", candidate)
            message = _tr(
                "Upskill Planner could not open {file} because of a problem inside the app. "
                "The details are in the log."
            ).format(file=candidate)
        choice = asker(message)
        if choice is StartupChoice.QUIT:
            return None
        folder = (
            Path(candidate).parent
            if is_file_path(candidate) and Path(candidate).parent.is_dir()
            else documents_folder()
        )
        if choice is StartupChoice.OPEN_ANOTHER:
            chosen = dialogs.choose_file_to_open(folder)
            if chosen is not None:
                candidate = str(chosen)
        else:
            new = dialogs.choose_new_file(folder / _tr("New organisation"))
            if new is not None and not as_data_file(new).exists():
                candidate = str(as_data_file(new))


def start_main_window(
    requested: str | None,
    settings: AppSettings,
    *,
    default_file: Path | None = None,
    dialogs: FileDialogs | None = None,
    ask: Callable[[str], StartupChoice] | None = None,
    defer: bool = False,
    before_open: Callable[[], None] | None = None,
) -> MainWindow | None:
    """Show the main window and open the first data file in it.

    With ``defer`` the window appears at once and the file opens as soon as the event loop
    runs (the GUI start); without it (tests) the file is open when this returns. None means
    the user chose Quit because no file could be opened.
    """
    window = MainWindow(None, settings)
    window.show()

    def finish() -> bool:
        if before_open is not None:
            before_open()
        first_default = default_file
        if first_default is None:
            from app.services.data_file import default_data_file

            first_default = default_data_file()
        services = open_first_services(
            requested,
            settings,
            default_file=first_default,
            dialogs=dialogs or FileDialogs(window),
            ask=ask,
        )
        if services is None:
            window.close()
            window.deleteLater()
            return False
        window.attach_services(services)
        return True

    if defer:
        QTimer.singleShot(0, finish)
        return window
    return window if finish() else None


class DataFileOpenRequests(QObject):
    """Opens a data file the system hands to the running app: on macOS a double-clicked
    ``.upskill`` file (or one dropped on the Dock icon) arrives as a FileOpen event, not on
    the command line. The file opens once the event loop is free, after the first file."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = event.file()
            if path:
                QTimer.singleShot(0, self._window, lambda: self._window.open_data_file(path))
                return True
        return super().eventFilter(watched, event)


# Safety net -------------------------------------------------------------------------
def configure_logging(folder: Path) -> Path | None:
    """Log to a rotating file in the user's log folder; returns its path (None if impossible)."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            folder / LOG_FILE_NAME, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        logging.basicConfig(level=logging.INFO)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return folder / LOG_FILE_NAME


def qt_message_to_log(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(kind, logging.ERROR)
    logging.getLogger("qt").log(level, "%s", message)


class UnexpectedErrorReporter:
    """The ``sys.excepthook`` of the GUI: log the traceback, show a plain message, carry on."""

    def __init__(self, log_file: Path | None, window: Callable[[], QWidget | None]) -> None:
        self.log_file = log_file
        self._window = window
        self.box: QMessageBox | None = None

    def __call__(
        self,
        kind: type[BaseException],
        error: BaseException,
        traceback: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        if isinstance(error, UserFacingError):
            # The user's environment (a locked or full disk), not a bug: say it plainly.
            log.warning("Could not finish: %s", error.message)
            self.box = show_message(
                self._window(),
                _tr("Could not finish"),
                error.message,
                icon=QMessageBox.Icon.Warning,
            )
            return
        log.critical("Unexpected error", exc_info=(kind, error, traceback))
        if self.box is not None and self.box.isVisible():
            return  # one message is enough when a bug repeats
        where = str(self.log_file) if self.log_file else _tr("the app's log folder")
        text = _tr(
            "Something went wrong inside Upskill Planner. Nothing you did caused it, and "
            "your saved data is safe. The details were written to the log file {log}; "
            "please send that file to support."
        ).format(log=where)
        self.box = show_message(
            self._window(), _tr("Something went wrong"), text, icon=QMessageBox.Icon.Critical
        )


def load_style_sheet(application: QApplication) -> None:
    style = read_resource_text("style.qss")
    if style:
        application.setStyleSheet(style)


def app_icon() -> QIcon:
    """The app icon at every shipped size (resources/icons/hicolor), for windows and the taskbar."""
    icon = QIcon()
    folder = resources_dir() / "icons" / "hicolor"
    for size in (16, 24, 32, 48, 64, 128, 256):
        path = folder / f"{size}x{size}" / "upskill-planner.png"
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


def make_application(argv: list[str]) -> QApplication:
    QCoreApplication.setOrganizationName(ORGANISATION_NAME)
    QCoreApplication.setApplicationName(APPLICATION_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    existing = QApplication.instance()
    application = existing if isinstance(existing, QApplication) else QApplication(argv)
    application.setDesktopFileName("upskill-planner")
    application.setWindowIcon(app_icon())
    load_style_sheet(application)
    return application


def run_gui(data_file: str | None) -> int:
    """Start the desktop app on ``data_file`` (or the last/default one); returns the exit code."""
    application = make_application(sys.argv[:1])
    windows: list[MainWindow] = []
    reporter = UnexpectedErrorReporter(None, lambda: windows[0] if windows else None)
    sys.excepthook = reporter

    def start_logging() -> None:
        from app.services.data_file import log_directory

        reporter.log_file = configure_logging(log_directory())
        qInstallMessageHandler(qt_message_to_log)
        log.info("Upskill Planner %s starting", __version__)

    window = start_main_window(data_file, AppSettings(), defer=True, before_open=start_logging)
    if window is None:
        return 0
    windows.append(window)
    application.installEventFilter(DataFileOpenRequests(window))
    return application.exec()
