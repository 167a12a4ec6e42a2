"""Carries the services' change notifications onto the GUI thread as a Qt signal."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.events import Change, ChangeBus


class ChangeBridge(QObject):
    """Views connect to ``changed`` and refresh only the part a change touched."""

    changed = Signal(object)

    def __init__(self, bus: ChangeBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # A queued emit from a worker thread is delivered on the GUI thread.
        self._unsubscribe = bus.subscribe(self._relay)

    def _relay(self, change: Change) -> None:
        self.changed.emit(change)

    def detach(self) -> None:
        self._unsubscribe()
