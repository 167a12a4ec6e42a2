"""The searchable module library beside the path's stages: drag a module into a stage, or
select it and press Enter (or "Add to …") to add it to the stage chosen last."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.paths.content import FORMATS, LEVELS
from app.paths.service import ModuleRow
from ui.look import make_heading, make_muted
from ui.paths.builder_labels import level_label
from ui.paths.module_library_model import ID_ROLE, KEY_ROLE, ModuleFilter, ModuleLibraryModel
from ui.paths.progress_labels import format_label
from ui.paths.two_line_delegate import TwoLineDelegate
from ui.people.naming import named


class ModuleListView(QListView):
    """The library's list: rows are dragged out, never dropped in; Enter adds the selection."""

    add_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(TwoLineDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.doubleClicked.connect(lambda _index: self.add_requested.emit())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.add_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ModuleLibraryPanel(QWidget):
    """Search box, level and format filters, the list, and the buttons that act on it."""

    add_requested = Signal(list)
    """Module keys to add to the stage chosen last."""
    new_requested = Signal()
    edit_requested = Signal(int)
    """The id of the module to open in the module editor."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("module_library")
        self.model = ModuleLibraryModel(self)
        self.filter = ModuleFilter(self)
        self.filter.setSourceModel(self.model)

        self.search = named(QLineEdit(self), "module_search")
        self.search.setPlaceholderText(self.tr("Search titles, descriptions, skills"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search the module library"))
        self.search.textChanged.connect(self._search_changed)
        self.level = named(QComboBox(self), "module_level_filter")
        self.level.setAccessibleName(self.tr("Level"))
        self.level.addItem(self.tr("All levels"), None)
        for level in LEVELS:
            self.level.addItem(level_label(level), level)
        self.level.currentIndexChanged.connect(
            lambda _i: self._filter_changed(lambda: self.filter.set_level(self.level.currentData()))
        )
        self.format = named(QComboBox(self), "module_format_filter")
        self.format.setAccessibleName(self.tr("Format"))
        self.format.addItem(self.tr("All formats"), None)
        for module_format in FORMATS:
            self.format.addItem(format_label(module_format), module_format)
        self.format.currentIndexChanged.connect(
            lambda _i: self._filter_changed(
                lambda: self.filter.set_format(self.format.currentData())
            )
        )

        self.view = named(ModuleListView(self), "module_list")
        self.view.setModel(self.filter)
        self.view.setAccessibleName(self.tr("Module library"))
        self.view.add_requested.connect(self._add_selected)
        self.count = named(make_muted("", self), "module_count")

        self.add_button = named(QPushButton(self), "add_to_stage")
        self.add_button.clicked.connect(self._add_selected)
        self.new_button = named(QPushButton(self.tr("&New module…"), self), "new_module")
        self.new_button.setToolTip(self.tr("Write a module of your own for this library"))
        self.new_button.clicked.connect(self.new_requested.emit)
        self.edit_button = named(QPushButton(self.tr("Edit module…"), self), "edit_module")
        self.edit_button.clicked.connect(self._edit_selected)
        selection = self.view.selectionModel()
        selection.selectionChanged.connect(lambda *_args: self._update_buttons())

        self._editable = True
        self.set_stage_name("")
        self._lay_out()
        self._update_buttons()

    def _lay_out(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addWidget(make_heading(self.tr("Module library"), self, 1.1))
        column.addWidget(self.search)
        filters = QHBoxLayout()
        filters.addWidget(self.level, 1)
        filters.addWidget(self.format, 1)
        column.addLayout(filters)
        column.addWidget(self.view, 1)
        column.addWidget(self.count)
        column.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        column.addLayout(buttons)
        hint = make_muted(
            self.tr("Drag modules into a stage, or select one and press Enter."), self
        )
        column.addWidget(hint)
        self.setTabOrder(self.search, self.level)
        self.setTabOrder(self.level, self.format)
        self.setTabOrder(self.format, self.view)
        self.setTabOrder(self.view, self.add_button)

    # Showing ------------------------------------------------------------------------------
    def set_modules(
        self,
        rows: Sequence[ModuleRow],
        skill_names: Mapping[str, str],
        level_names: Mapping[int, str],
    ) -> None:
        keys = self.selected_keys()
        self.model.set_modules(rows, skill_names, level_names)
        for key in keys:
            self.select_key(key, clear=False)
        self._update_count()

    def set_in_path(self, keys: Iterable[str]) -> None:
        self.model.set_in_path(keys)

    def set_stage_name(self, stage: str) -> None:
        """Name the stage Enter and the Add button put modules into."""
        text = self.tr("Add to {stage} ▸").format(stage=stage) if stage else self.tr("Add ▸")
        self.add_button.setText(text)
        self.add_button.setToolTip(
            self.tr("Add the selected modules at the end of the {stage} stage").format(stage=stage)
        )

    def set_editable(self, editable: bool) -> None:
        """A replaced version is shown read-only: no dragging out, no adding."""
        self._editable = editable
        self.view.setDragEnabled(editable)
        self._update_buttons()

    # Selection ----------------------------------------------------------------------------
    def selected_keys(self) -> list[str]:
        indexes = sorted(self.view.selectionModel().selectedIndexes(), key=lambda i: i.row())
        return [str(index.data(KEY_ROLE)) for index in indexes]

    def select_key(self, key: str, *, clear: bool = True) -> bool:
        """Select and show one module (the search is cleared if it hides it)."""
        row = self.model.row_of(key)
        if row < 0:
            return False
        index = self.filter.mapFromSource(self.model.index(row))
        if not index.isValid():
            self.search.clear()
            self.level.setCurrentIndex(0)
            self.format.setCurrentIndex(0)
            index = self.filter.mapFromSource(self.model.index(row))
        flags = QItemSelectionModel.SelectionFlag.Select
        if clear:
            flags |= QItemSelectionModel.SelectionFlag.Clear
            self.view.setCurrentIndex(index)
        self.view.selectionModel().select(index, flags)
        self.view.scrollTo(index)
        return True

    def _current_module_id(self) -> int | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isSelected(index):
            selected = self.view.selectionModel().selectedIndexes()
            index = selected[0] if selected else QModelIndex()
        value = index.data(ID_ROLE) if index.isValid() else None
        return int(value) if value is not None else None

    # Reacting -----------------------------------------------------------------------------
    def _search_changed(self, text: str) -> None:
        self._filter_changed(lambda: self.filter.set_search(text))

    def _filter_changed(self, apply: Callable[[], None]) -> None:
        apply()
        self._update_count()
        self._update_buttons()

    def _update_count(self) -> None:
        shown, total = self.filter.rowCount(), self.model.rowCount()
        if shown == total:
            self.count.setText(self.tr("{count} modules").format(count=total))
        else:
            self.count.setText(
                self.tr("{shown} of {count} modules").format(shown=shown, count=total)
            )

    def _update_buttons(self) -> None:
        selected = bool(self.view.selectionModel().selectedIndexes())
        self.add_button.setEnabled(selected and self._editable)
        self.edit_button.setEnabled(selected)
        self.new_button.setEnabled(True)

    def _add_selected(self) -> None:
        keys = self.selected_keys()
        if keys and self._editable:
            self.add_requested.emit(keys)

    def _edit_selected(self) -> None:
        module_id = self._current_module_id()
        if module_id is not None:
            self.edit_requested.emit(module_id)
