"""The File menu: New, Open, Open recent, Save a copy, Back up, Quit.

The window owns the open data file; this module asks the user which file (through
:class:`FileDialogs`, whose methods tests replace) and tells the window to switch.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMenuBar, QMessageBox, QWidget

from app.progress import CancelToken, Progress
from ui.messages import show_error, show_message
from ui.settings import AppSettings
from ui.worker import BackgroundTask, run_in_background

if TYPE_CHECKING:
    from app.context import AppServices

# The same as app.services.data_file.DATA_FILE_SUFFIX, which is not imported here so that
# the window can appear before the storage layer is loaded (a test checks they agree).
DATA_FILE_SUFFIX = ".upskill"

DATA_FILES_FOLDER = "data_files"
BACKUPS_FOLDER = "backups"


def _tr(text: str) -> str:
    return QCoreApplication.translate("FileDialogs", text)


def documents_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


def as_data_file(path: Path) -> Path:
    """The path with the data file suffix added when the user typed a bare name."""
    return path if path.suffix else path.with_name(path.name + DATA_FILE_SUFFIX)


class DataFileHost(Protocol):
    """What the File menu needs from the main window."""

    @property
    def services(self) -> AppServices: ...

    def open_data_file(self, path_or_url: str | Path) -> bool: ...


class FileDialogs:
    """Every file chooser the app shows; each method is small so tests can replace it (STYLE 8)."""

    def __init__(self, parent: QWidget | None) -> None:
        self._parent = parent

    def _data_filter(self) -> str:
        return ";;".join(
            [
                _tr("Upskill Planner data files (*{suffix})").format(suffix=DATA_FILE_SUFFIX),
                _tr("All files (*)"),
            ]
        )

    def choose_new_file(self, suggested: Path) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self._parent,
            _tr("New data file"),
            str(suggested),
            self._data_filter(),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        return Path(chosen) if chosen else None

    def choose_file_to_open(self, folder: Path) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(
            self._parent, _tr("Open a data file"), str(folder), self._data_filter()
        )
        return Path(chosen) if chosen else None

    def choose_copy_destination(self, title: str, suggested: Path) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self._parent, title, str(suggested), self._data_filter()
        )
        return Path(chosen) if chosen else None


class FileActions(QObject):
    """Builds the File menu for a window and carries out its commands."""

    copy_written = Signal(object)
    """A copy or backup was written; carries its path."""

    def __init__(
        self,
        host: DataFileHost,
        window: QWidget,
        settings: AppSettings,
        dialogs: FileDialogs,
    ) -> None:
        super().__init__(window)
        self._host = host
        self._window = window
        self._settings = settings
        self.dialogs = dialogs
        self.task: BackgroundTask[Path] | None = None
        self.pruned: list[str] = []

        self.new_action = self._action(
            self.tr("&New…"), QKeySequence.StandardKey.New, self.new_file
        )
        self.new_action.setStatusTip(self.tr("Start a new, empty data file for an organisation"))
        self.open_action = self._action(
            self.tr("&Open…"), QKeySequence.StandardKey.Open, self.open_file
        )
        self.open_action.setStatusTip(self.tr("Open another data file"))
        self.recent_menu = QMenu(self.tr("Open &recent"), window)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self.rebuild_recent_menu)
        self.save_copy_action = self._action(self.tr("Save a &copy…"), None, self.save_copy)
        self.save_copy_action.setStatusTip(
            self.tr("Write a copy of this data file elsewhere and keep working in this one")
        )
        self.backup_action = self._action(self.tr("&Back up…"), None, self.back_up)
        self.backup_action.setStatusTip(self.tr("Save a dated backup of this data file"))
        self.quit_action = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, None)
        self.quit_action.setShortcut(QKeySequence(self.tr("Ctrl+Q")))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(window.close)
        self.rebuild_recent_menu()

    def _action(
        self,
        text: str,
        shortcut: QKeySequence.StandardKey | None,
        slot: object,
    ) -> QAction:
        action = QAction(text, self._window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if callable(slot):
            action.triggered.connect(lambda _checked=False, run=slot: run())
        self._window.addAction(action)
        return action

    def fill_menu(self, menu_bar: QMenuBar) -> QMenu:
        menu = menu_bar.addMenu(self.tr("&File"))
        menu.setObjectName("fileMenu")
        menu.addAction(self.new_action)
        menu.addAction(self.open_action)
        menu.addMenu(self.recent_menu)
        menu.addSeparator()
        menu.addAction(self.save_copy_action)
        menu.addAction(self.backup_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        return menu

    # New / Open ----------------------------------------------------------------
    def _data_folder(self) -> Path:
        return self._settings.folder(DATA_FILES_FOLDER, documents_folder())

    def new_file(self) -> bool:
        chosen = self.dialogs.choose_new_file(self._data_folder() / self.tr("New organisation"))
        if chosen is None:
            return False
        path = as_data_file(chosen)
        if path.exists():
            show_message(
                self._window,
                self.tr("New data file"),
                self.tr(
                    "There is already a file called {name} in that folder. Choose another "
                    "name, or open that file with File > Open."
                ).format(name=path.name),
                icon=QMessageBox.Icon.Warning,
            )
            return False
        self._settings.remember_folder(DATA_FILES_FOLDER, path.parent)
        return self._host.open_data_file(path)

    def open_file(self) -> bool:
        chosen = self.dialogs.choose_file_to_open(self._data_folder())
        if chosen is None:
            return False
        self._settings.remember_folder(DATA_FILES_FOLDER, chosen.parent)
        return self._host.open_data_file(chosen)

    # Open recent ---------------------------------------------------------------
    def rebuild_recent_menu(self) -> None:
        """List the recent files that still exist; say which ones were dropped and why."""
        menu = self.recent_menu
        menu.clear()
        present: list[str] = []
        missing: list[str] = []
        for item in self._settings.recent_files():
            (present if Path(item).exists() else missing).append(item)
        if missing:
            self._settings.set_recent_files(present)
            self.pruned = missing
        for number, item in enumerate(present, start=1):
            label = f"&{number} {Path(item).name}" if number < 10 else Path(item).name
            action = menu.addAction(label)
            action.setToolTip(item)
            action.setStatusTip(item)
            action.setData(item)
            action.triggered.connect(lambda _checked=False, path=item: self.open_recent(path))
        if missing:
            note = menu.addAction(
                self.tr("Removed from this list, no longer found: {names}").format(
                    names=", ".join(Path(m).name for m in missing)
                )
            )
            note.setEnabled(False)
        if not present and not missing:
            empty = menu.addAction(self.tr("No recent files"))
            empty.setEnabled(False)
        if present:
            menu.addSeparator()
            clear = menu.addAction(self.tr("Clear the list"))
            clear.triggered.connect(self._clear_recent)
        menu.setEnabled(True)

    def recent_paths(self) -> list[str]:
        """The files the Open recent menu offers, in order (after pruning missing ones)."""
        self.rebuild_recent_menu()
        return [str(a.data()) for a in self.recent_menu.actions() if a.data()]

    def open_recent(self, path: str) -> bool:
        if not Path(path).exists():
            self._settings.remove_recent_file(path)
            self.rebuild_recent_menu()
            show_message(
                self._window,
                self.tr("Open recent"),
                self.tr(
                    "{path} is no longer there; it may have been moved, renamed or deleted. "
                    "It has been removed from the list. Use File > Open to find it."
                ).format(path=path),
                icon=QMessageBox.Icon.Warning,
            )
            return False
        return self._host.open_data_file(path)

    def _clear_recent(self) -> None:
        self._settings.set_recent_files([])
        self.rebuild_recent_menu()

    # Save a copy / Back up ------------------------------------------------------
    def _current_path(self) -> Path | None:
        database = self._host.services.database
        return Path(str(database.url.database)) if database.is_sqlite else None

    def save_copy(self) -> None:
        current = self._current_path()
        stem = current.stem if current else self.tr("organisation")
        folder = current.parent if current else documents_folder()
        suggested = folder / self.tr("{name} copy{suffix}").format(
            name=stem, suffix=DATA_FILE_SUFFIX
        )
        chosen = self.dialogs.choose_copy_destination(self.tr("Save a copy"), suggested)
        if chosen is None:
            return
        destination = as_data_file(chosen)
        self._copy(
            destination,
            self.tr("Saving a copy…"),
            self.tr("Save a copy"),
            self.tr(
                "Saved a copy as {copy}. You are still working in {current}; open the copy "
                "with File > Open."
            ),
        )

    def back_up(self) -> None:
        from app.services.data_file import suggested_backup_name

        database = self._host.services.database
        folder = self._settings.folder(BACKUPS_FOLDER, documents_folder())
        suggested = folder / suggested_backup_name(database)
        chosen = self.dialogs.choose_copy_destination(self.tr("Back up"), suggested)
        if chosen is None:
            return
        destination = as_data_file(chosen)
        self._settings.remember_folder(BACKUPS_FOLDER, destination.parent)
        self._copy(
            destination,
            self.tr("Backing up…"),
            self.tr("Back up"),
            self.tr("Backed up to {copy}. To restore it later, open it with File > Open."),
        )

    def _copy(self, destination: Path, label: str, action: str, done_text: str) -> None:
        from app.services.data_file import copy_data_file

        database = self._host.services.database
        current = database.display_name

        def work(_progress: Progress, _cancel: CancelToken) -> Path:
            return copy_data_file(database, destination)

        def done(path: Path) -> None:
            self.task = None
            show_message(
                self._window, action, done_text.format(copy=path, current=Path(current).name)
            )
            self.copy_written.emit(path)

        def failed(error: BaseException) -> None:
            self.task = None
            show_error(self._window, error, action=action)

        self.task = run_in_background(self._window, label, work, done, failed)
