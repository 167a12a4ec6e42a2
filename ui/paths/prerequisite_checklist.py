"""The modules to finish before this one: a searchable checklist of the rest of the library."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.paths.service import ModuleRow
from ui.paths.builder_labels import level_label
from ui.people.naming import named

_KEY = int(Qt.ItemDataRole.UserRole) + 1


class PrerequisiteChecklist(QWidget):
    """Every other module with a tick box; the search narrows the list, never the ticks."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = named(QLineEdit(self), "prerequisite_search")
        self.search.setPlaceholderText(self.tr("Search modules"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search the modules to finish first"))
        self.search.textChanged.connect(self._filter)
        self.list = named(QListWidget(self), "prerequisite_list")
        self.list.setAccessibleName(self.tr("Modules to finish first"))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.search)
        column.addWidget(self.list, 1)

    def set_modules(self, modules: Sequence[ModuleRow], exclude: str | None) -> None:
        """Offer every module but ``exclude`` (the module being edited)."""
        self.list.blockSignals(True)
        self.list.clear()
        for module in modules:
            if module.key == exclude:
                continue
            item = QListWidgetItem(
                self.tr("{title} ({level})").format(
                    title=module.title, level=level_label(module.level)
                ),
                self.list,
            )
            item.setData(_KEY, module.key)
            item.setToolTip(module.description)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._filter(self.search.text())

    def set_checked(self, keys: Iterable[str]) -> None:
        """Tick these modules, and list them first so they are seen without scrolling."""
        wanted = set(keys)
        self.list.blockSignals(True)
        items = [self.list.takeItem(0) for _ in range(self.list.count())]
        items.sort(key=lambda item: item.data(_KEY) not in wanted)
        for item in items:
            state = Qt.CheckState.Checked if item.data(_KEY) in wanted else Qt.CheckState.Unchecked
            item.setCheckState(state)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._filter(self.search.text())

    def checked(self) -> tuple[str, ...]:
        """The ticked modules' keys, in the list's order."""
        return tuple(
            str(self.list.item(row).data(_KEY))
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        )

    def item_for(self, title: str) -> QListWidgetItem | None:
        """The row of the module with this title (for keyboard users and tests)."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.text().startswith(title + " ("):
                return item
        return None

    def set_read_only(self, read_only: bool) -> None:
        flags = Qt.ItemFlag.ItemIsEnabled
        if not read_only:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        for row in range(self.list.count()):
            self.list.item(row).setFlags(flags)

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        for row in range(self.list.count()):
            item = self.list.item(row)
            haystack = f"{item.text()} {item.toolTip()}".casefold()
            item.setHidden(not all(word in haystack for word in words))
