"""What the app remembers between runs: recent files, window layout, last folders (QSettings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION_NAME = "UpskillPlanner"
APPLICATION_NAME = "Upskill Planner"
MAX_RECENT_FILES = 8

_RECENT = "files/recent"
_LAST_FILE = "files/last_opened"
_GEOMETRY = "window/geometry"
_STATE = "window/state"
_FOLDER = "folders/"


class AppSettings:
    """A thin typed layer over one QSettings store; tests pass a per-test ini file."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings(ORGANISATION_NAME, APPLICATION_NAME)

    @classmethod
    def in_file(cls, path: Path) -> AppSettings:
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    # Recent files --------------------------------------------------------------
    def recent_files(self) -> list[str]:
        value = self.store.value(_RECENT, [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list
            value = [value]
        if not isinstance(value, list | tuple):
            return []
        return [str(item) for item in value if str(item)]

    def set_recent_files(self, files: list[str]) -> None:
        self.store.setValue(_RECENT, files[:MAX_RECENT_FILES])

    def add_recent_file(self, path: str) -> None:
        """Put ``path`` first, without duplicates, keeping the last MAX_RECENT_FILES."""
        key = _same_file_key(path)
        others = [item for item in self.recent_files() if _same_file_key(item) != key]
        self.set_recent_files([path, *others])
        self.store.setValue(_LAST_FILE, path)

    def remove_recent_file(self, path: str) -> None:
        key = _same_file_key(path)
        self.set_recent_files([i for i in self.recent_files() if _same_file_key(i) != key])

    def last_opened_file(self) -> str | None:
        value = self.store.value(_LAST_FILE, "")
        return str(value) if value else None

    # Window --------------------------------------------------------------------
    def window_geometry(self) -> QByteArray | None:
        return _bytes(self.store.value(_GEOMETRY))

    def window_state(self) -> QByteArray | None:
        return _bytes(self.store.value(_STATE))

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.store.setValue(_GEOMETRY, geometry)
        self.store.setValue(_STATE, state)

    # Folders -------------------------------------------------------------------
    def folder(self, purpose: str, fallback: Path) -> Path:
        """The folder last used for ``purpose`` (e.g. "reports"), if it still exists."""
        value = self.store.value(_FOLDER + purpose, "")
        if value and Path(str(value)).is_dir():
            return Path(str(value))
        return fallback

    def remember_folder(self, purpose: str, folder: Path) -> None:
        self.store.setValue(_FOLDER + purpose, str(folder))

    def sync(self) -> None:
        self.store.sync()


def _same_file_key(path: str) -> str:
    try:
        return str(Path(path).expanduser().resolve())
    except (OSError, RuntimeError):
        return path


def _bytes(value: object) -> QByteArray | None:
    if isinstance(value, QByteArray) and not value.isEmpty():
        return value
    if isinstance(value, bytes | bytearray) and value:
        return QByteArray(bytes(value))
    return None
