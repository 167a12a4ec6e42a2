"""An area of the main window whose page is built the first time it is shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyArea:
    """A slot in the page stack now, the real page (from ``factory``) when first needed."""

    def __init__(self, parent: QWidget, factory: Callable[[], QWidget]) -> None:
        self.slot = QWidget(parent)
        layout = QVBoxLayout(self.slot)
        layout.setContentsMargins(0, 0, 0, 0)
        self._factory = factory
        self._page: QWidget | None = None

    @property
    def built(self) -> bool:
        return self._page is not None

    def page(self) -> QWidget:
        if self._page is None:
            self._page = self._factory()
            layout = self.slot.layout()
            assert layout is not None
            layout.addWidget(self._page)
        return self._page
