"""Typing as a person does in the measurement tables: each key goes to whichever widget has
the keyboard focus, and the event loop turns between keys (Enter in an editor closes it on
the next turn, as it does when a person types)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.context import AppServices
from tests.app.pilots.tracking_pilot import TrackedPilot, build_tracked_pilot
from ui.change_bridge import ChangeBridge
from ui.pilots.measurements_tab import MeasurementsTab


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def press(qtbot, *keys: str | Qt.Key) -> None:
    """Each str is typed character by character; each Qt.Key is pressed once."""
    for key in keys:
        for one in key if isinstance(key, str) else [key]:
            widget = focused()
            assert widget is not None, "nothing has the keyboard focus"
            if isinstance(one, str):
                qtbot.keyClicks(widget, one)
            else:
                qtbot.keyClick(widget, one)
            QApplication.processEvents()


@pytest.fixture
def bridge(services: AppServices) -> Iterator[ChangeBridge]:
    relay = ChangeBridge(services.changes)
    yield relay
    relay.detach()


@pytest.fixture
def pilot(services: AppServices) -> TrackedPilot:
    return build_tracked_pilot(services)


@pytest.fixture
def tab(qtbot, services: AppServices, bridge: ChangeBridge, pilot: TrackedPilot):
    """The measurements tab of the pilot, shown and active."""
    shown = MeasurementsTab(services, bridge)
    qtbot.addWidget(shown)
    shown.set_pilot(pilot.pilot_id)
    shown.resize(1200, 700)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    return shown
