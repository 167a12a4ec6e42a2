"""GUI test fixtures: isolated settings per test, a main window on a fresh data file, no leaks.

Every GUI test gets its own QSettings files under tmp_path (never the user's real ones),
and fails if it leaves a visible window behind.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QStandardPaths, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.context import AppServices
from ui.settings import AppSettings


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, qapp: QApplication) -> Iterator[Path]:
    """QSettings and standard locations point into this test's folder."""
    folder = tmp_path / "settings"
    folder.mkdir()
    QStandardPaths.setTestModeEnabled(True)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, str(folder))
    QCoreApplication.setOrganizationName("UpskillPlannerTests")
    QCoreApplication.setApplicationName(f"Upskill Planner test {tmp_path.name}")
    yield folder


@pytest.fixture(autouse=True)
def no_leaked_windows(qapp: QApplication) -> Iterator[None]:
    """Fail a test that leaves a window (or a message box) open after its widgets are closed."""
    yield
    QThreadPool.globalInstance().waitForDone(10_000)
    for _ in range(3):
        qapp.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    leaked = [w for w in qapp.topLevelWidgets() if w.isVisible()]
    for widget in leaked:
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    names = [f"{type(w).__name__}({w.objectName()!r}, {w.windowTitle()!r})" for w in leaked]
    assert not leaked, f"windows left open after the test: {names}"


@pytest.fixture
def app_settings(tmp_path: Path) -> AppSettings:
    return AppSettings.in_file(tmp_path / "settings" / "upskill-test.ini")


@pytest.fixture
def main_window(qtbot, services: AppServices, app_settings: AppSettings):
    """The main window on a fresh, empty data file, shown and ready for input."""
    from ui.main_window import MainWindow

    window = MainWindow(services, app_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def message_boxes(parent: QWidget) -> list[QMessageBox]:
    """Visible message boxes over ``parent``, newest last."""
    return [box for box in parent.findChildren(QMessageBox) if box.isVisible()]


def close_message_boxes(parent: QWidget) -> None:
    for box in message_boxes(parent):
        box.done(0)


@pytest.fixture
def file_services(tmp_path: Path) -> Iterator[AppServices]:
    """Services over a fresh SQLite data file (File menu work needs a file, not a server)."""
    from app.context import open_services

    opened = open_services(tmp_path / "Current.upskill")
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def file_window(qtbot, file_services: AppServices, app_settings: AppSettings):
    """The main window on a fresh SQLite data file called Current.upskill."""
    from ui.main_window import MainWindow

    window = MainWindow(file_services, app_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window
