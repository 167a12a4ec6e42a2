"""Catching up with changes lazily: a page re-reads its figures when a change it cares about
arrives while it is on screen (once per burst of changes), or when it is next shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from app.events import Change, Topic
from ui.change_bridge import ChangeBridge


class RefreshWhenShown(QObject):
    """Calls ``reload`` for ``page`` after changes on ``topics``, only while it is shown."""

    def __init__(
        self,
        page: QWidget,
        bridge: ChangeBridge | None,
        topics: frozenset[Topic],
        reload: Callable[[], None],
    ) -> None:
        super().__init__(page)
        self._page = page
        self._topics = topics
        self._reload = reload
        self.stale = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._catch_up)
        page.installEventFilter(self)
        if bridge is not None:
            bridge.changed.connect(self._on_change)

    def pending(self) -> bool:
        """True while a change has arrived that the page has not caught up with."""
        return self._timer.isActive()

    def done(self) -> None:
        """The page has just re-read everything: nothing left to catch up with."""
        self.stale = False
        self._timer.stop()

    def _on_change(self, change: Change) -> None:
        if change.topics and not change.topics & self._topics:
            return
        self.stale = True
        self._timer.start()

    def _catch_up(self) -> None:
        if self.stale and self._page.isVisible():
            self._reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._page and event.type() == QEvent.Type.Show and self.stale:
            self._reload()
        return False
