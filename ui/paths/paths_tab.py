"""The Paths tab: the saved learning paths on the left, the one chosen open in the editor on
the right, and the commands on paths (from a template, blank, copy, rename, delete, assign).

Until there is a path it explains what a path is and offers to start from a template. It
follows changes through the change bridge: the list, the module library and the roles are
re-read when paths or roles change elsewhere, never what is being edited.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QInputDialog,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import UserFacingError
from app.events import Change, Topic
from app.paths.service import PathRow
from ui.change_bridge import ChangeBridge
from ui.look import make_heading, make_muted
from ui.messages import show_error
from ui.paths.builder_labels import TRACKS
from ui.paths.path_editor import PathEditor
from ui.paths.path_list_model import PATH_ID_ROLE, PathListModel
from ui.paths.two_line_delegate import TwoLineDelegate
from ui.people.empty_state import EmptyStatePanel
from ui.people.labels import people_count, track_label
from ui.people.naming import named

REFRESH_TOPICS = frozenset({Topic.PATHS, Topic.ROLES, Topic.ORGANISATION, Topic.DATA_FILE})
DEFAULT_TRACK = "frontline"
"""The track a blank path starts on when none was chosen."""


class PathsTab(QWidget):
    """The list of paths beside the path editor."""

    assign_requested = Signal(int)
    """The id of the path to assign (another dialog asks to whom)."""

    def __init__(
        self,
        services: AppServices,
        parent: QWidget | None = None,
        bridge: ChangeBridge | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("paths_tab")
        self.services = services
        self.paths: list[PathRow] = []
        self.dialog: QWidget | None = None
        """The dialog or question the tab is waiting on, if any."""
        self._selecting = False
        self._writing_new = False
        """A new path the user started is in the editor (kept even before anything is typed)."""
        self._pending: set[Topic] = set()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self._apply_changes)
        if bridge is None:
            bridge = ChangeBridge(services.changes, self)
            self.destroyed.connect(bridge.detach)
        self.bridge = bridge
        self._build()
        bridge.changed.connect(self._on_change)
        self.reload()

    # Building -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.stack = QStackedWidget(self)
        self.empty_state = EmptyStatePanel(
            self.tr("Build learning paths for your roles"),
            self.tr(
                "A learning path is a short programme for one role track: modules in three "
                "stages (crawl, walk, run) that take people from where they are to the skills "
                "their role needs. Start from a ready-made template for executives, technical "
                "staff, domain experts or frontline staff and adapt it, or build one from "
                "the module library."
            ),
            self.stack,
        )
        self.empty_state.setObjectName("paths_empty_state")
        style = self.style()
        self.start_button = self.empty_state.add_action(
            self.tr("Start from a template"),
            self.tr("Pick a ready-made path by track and level"),
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView),
            "start_from_template",
        )
        self.start_button.clicked.connect(self.new_from_template)
        self.start_blank_button = self.empty_state.add_action(
            self.tr("Start a blank path"),
            self.tr("Drag modules from the library into the stages"),
            style.standardIcon(QStyle.StandardPixmap.SP_FileIcon),
            "start_blank_path",
        )
        self.start_blank_button.clicked.connect(lambda: self.new_blank_path(DEFAULT_TRACK))
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self._build_main())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def _build_main(self) -> QWidget:
        self.model = PathListModel(self)
        self.list = named(QListView(self), "path_list")
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Learning paths"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAlternatingRowColors(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.show_replaced = named(
            QCheckBox(self.tr("Show replaced versions"), self), "show_replaced"
        )
        self.show_replaced.setToolTip(
            self.tr("Versions people were moved off when the path was changed")
        )
        self.show_replaced.toggled.connect(lambda _on: self.reload())

        self.template_button = named(
            QPushButton(self.tr("New from &template…"), self), "new_from_template"
        )
        self.template_button.clicked.connect(self.new_from_template)
        self.blank_button = named(QPushButton(self.tr("New &blank path"), self), "new_blank")
        blank_menu = QMenu(self.blank_button)
        for track in TRACKS:
            action = blank_menu.addAction(
                self.tr("For the {track} track").format(track=track_label(track))
            )
            action.setData(track.value)
            action.triggered.connect(lambda _checked=False, t=track.value: self.new_blank_path(t))
        self.blank_button.setMenu(blank_menu)
        self.copy_button = named(QPushButton(self.tr("&Copy"), self), "copy_path")
        self.copy_button.setToolTip(self.tr("Save a copy of the path under a new name"))
        self.copy_button.clicked.connect(self.copy_path)
        self.rename_button = named(QPushButton(self.tr("&Rename…"), self), "rename_path")
        self.rename_button.clicked.connect(self.rename_path)
        self.delete_button = named(QPushButton(self.tr("&Delete…"), self), "delete_path")
        self.delete_button.clicked.connect(self.delete_path)
        self.assign_button = named(QPushButton(self.tr("&Assign…"), self), "assign_path")
        self.assign_button.setToolTip(self.tr("Give this path to a role, a department or people"))
        self.assign_button.clicked.connect(self._assign)

        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addWidget(make_heading(self.tr("Learning paths"), left, 1.1))
        column.addWidget(self.list, 1)
        column.addWidget(self.show_replaced)
        buttons = QGridLayout()
        buttons.addWidget(self.template_button, 0, 0, 1, 2)
        buttons.addWidget(self.blank_button, 1, 0, 1, 2)
        buttons.addWidget(self.copy_button, 2, 0)
        buttons.addWidget(self.rename_button, 2, 1)
        buttons.addWidget(self.delete_button, 3, 0)
        buttons.addWidget(self.assign_button, 3, 1)
        column.addLayout(buttons)
        column.addWidget(
            make_muted(self.tr("Changes to a path people follow are saved as a new version."), left)
        )

        self.editor = PathEditor(self.services, self)
        self.editor.saved.connect(self._saved)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([270, 1010])
        left.setMinimumWidth(220)
        self.splitter = splitter
        main = QWidget(self.stack)
        margins = QVBoxLayout(main)
        margins.setContentsMargins(8, 8, 8, 8)
        margins.addWidget(splitter)
        return main

    # Reading ------------------------------------------------------------------------------
    def is_empty_state_shown(self) -> bool:
        return self.stack.currentWidget() is self.empty_state

    def current_path(self) -> PathRow | None:
        """The path selected in the list (None while a new path is being written)."""
        index = self.list.currentIndex()
        if not index.isValid() or not self.list.selectionModel().isSelected(index):
            return None
        return self.model.path_at(index.row())

    def reload(self, select: int | None = None) -> None:
        """Re-read the list; select ``select``, else keep what the editor shows (a new path
        being written stays; a path that is gone gives way to the first one)."""
        self.paths = self.services.paths.paths(include_retired=self.show_replaced.isChecked())
        self.model.set_paths(self.paths)
        ids = [p.id for p in self.paths]
        editor = self.editor
        drafting = editor.path_id is None and (self._writing_new or editor.is_modified())
        wanted: int | None
        if select is not None and select in ids:
            wanted = select
        elif editor.path_id in ids:
            wanted = editor.path_id
        elif drafting or editor.is_modified():
            wanted = None  # keep the user's unsaved work on screen
        else:
            wanted = ids[0] if ids else None
        self._select_row(self.model.row_of(wanted) if wanted is not None else -1)
        if wanted is not None and wanted != editor.path_id:
            self._writing_new = False
            editor.open_path(wanted)
        elif wanted is not None and not editor.is_modified():
            editor.refresh_path()  # followers or the path itself may have changed elsewhere
        elif wanted is None and not drafting and not editor.is_modified():
            editor.new_path(DEFAULT_TRACK)
        if wanted is not None:
            self._writing_new = False
        self.stack.setCurrentIndex(0 if not self.paths and not drafting else 1)
        self._update_buttons()

    def _select_row(self, row: int) -> None:
        self._selecting = True
        try:
            selection = self.list.selectionModel()
            if row < 0:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
            else:
                index = self.model.index(row)
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                self.list.scrollTo(index)
        finally:
            self._selecting = False

    def _update_buttons(self) -> None:
        path = self.current_path()
        chosen = path is not None and path.id == self.editor.path_id
        for button in (self.copy_button, self.delete_button):
            button.setEnabled(chosen)
        live = chosen and path is not None and not path.retired
        self.rename_button.setEnabled(live)
        self.assign_button.setEnabled(live)

    # Choosing a path ----------------------------------------------------------------------
    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._selecting or not current.isValid():
            self._update_buttons()
            return
        path_id = int(current.data(PATH_ID_ROLE))
        if path_id == self.editor.path_id:
            self._update_buttons()
            return
        if not self.editor.is_modified():
            self._open(path_id)
            return
        # Once the click is over, go back to the path shown and ask about its changes.
        QTimer.singleShot(0, self, lambda: self._ask_before_leaving(path_id))

    def _ask_before_leaving(self, path_id: int) -> None:
        editing = self.editor.path_id
        self._select_row(self.model.row_of(editing) if editing is not None else -1)
        self._leave_editor(lambda: self._open(path_id))

    def _open(self, path_id: int) -> None:
        self.reload(select=path_id)
        if self.editor.path_id != path_id:
            self.editor.open_path(path_id)
        self._update_buttons()

    def _leave_editor(self, proceed: Callable[[], None]) -> None:
        self.editor.maybe_discard(proceed)
        if self.editor.question is not None and self.editor.question.isVisible():
            self.dialog = self.editor.question

    # Commands -----------------------------------------------------------------------------
    def new_from_template(self) -> None:
        """Pick a template; the new path is created from it and opened in the editor."""
        from ui.paths.template_dialog import TemplateDialog

        dialog = TemplateDialog(self.services.paths.library(), self)
        dialog.accepted.connect(lambda: self._template_chosen(dialog.chosen_key))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _template_chosen(self, key: str | None) -> None:
        if key is None:
            return

        def create() -> None:
            try:
                new_id = self.services.paths.create_from_template(key)
            except UserFacingError as error:
                show_error(self, error, action=self.tr("New path from a template"))
                return
            self.editor.open_path(new_id)
            self.reload(select=new_id)

        self._leave_editor(create)

    def new_blank_path(self, track: str) -> None:
        """Start an empty path on ``track`` in the editor (saved when the user saves it)."""

        def start() -> None:
            self.editor.new_path(track)
            self._writing_new = True
            self._select_row(-1)
            self.stack.setCurrentIndex(1)
            self._update_buttons()
            self.editor.fields.name.setFocus()

        self._leave_editor(start)

    def copy_path(self) -> None:
        """Save a copy of the selected path as "Copy of …" and open it."""
        path = self.current_path()
        if path is None:
            return

        def copy() -> None:
            try:
                details = self.services.paths.path(path.id)
                taken = {p.name.casefold() for p in self.services.paths.paths(include_retired=True)}
                base = self.tr("Copy of {name}").format(name=details.layout.name)
                name, n = base, 2
                while name.casefold() in taken:
                    name, n = f"{base} ({n})", n + 1
                layout = replace(details.layout, name=name)
                new_id = self.services.paths.create_path(layout, template_key=details.template_key)
            except UserFacingError as error:
                show_error(self, error, action=self.tr("Copy the path"))
                return
            self.editor.open_path(new_id)
            self.reload(select=new_id)

        self._leave_editor(copy)

    def rename_path(self) -> None:
        """Ask for a new name; it is saved at once, in place, whoever follows the path."""
        path = self.current_path()
        if path is None or path.retired:
            return
        self._leave_editor(lambda: self._ask_name(path.id))

    def _ask_name(self, path_id: int) -> None:
        if self.editor.path_id != path_id:
            self._open(path_id)
        dialog = QInputDialog(self)
        dialog.setObjectName("rename_dialog")
        dialog.setWindowTitle(self.tr("Rename the path"))
        dialog.setLabelText(self.tr("New name:"))
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.setTextValue(self.editor.fields.name.text())
        dialog.setOkButtonText(self.tr("Rename"))
        dialog.textValueSelected.connect(lambda text: self._rename(path_id, text))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        line = dialog.findChild(QLineEdit)
        if line is not None:
            line.selectAll()

    def _rename(self, path_id: int, name: str) -> None:
        """A new name is saved at once, in place: the people following keep their version."""
        try:
            self.services.paths.rename_path(path_id, name)
        except UserFacingError as error:
            show_error(self, error, action=self.tr("Rename the path"))
            return
        self.reload(select=path_id)
        if self.editor.path_id == path_id:
            if self.editor.is_modified():
                self.editor.fields.name.setText(self.services.paths.path(path_id).layout.name)
            else:
                self.editor.open_path(path_id)

    def delete_path(self) -> None:
        """Ask first: the people following it lose the path and their progress on it."""
        path = self.current_path()
        if path is None:
            return
        if path.people:
            followers = self.tr("{people} follow it; their progress on it is deleted too.").format(
                people=people_count(path.people)
            )
        else:
            followers = self.tr("Nobody follows it yet.")
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Delete the path"),
            self.tr(
                "Delete “{name}” (version {version})? {followers} This cannot be undone."
            ).format(name=path.name, version=path.version, followers=followers),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("delete_path_box")
        confirm = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        confirm.setObjectName("confirm_delete_path")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        confirm.clicked.connect(lambda: self._delete(path.id))
        self.dialog = box
        box.open()

    def _delete(self, path_id: int) -> None:
        try:
            self.services.paths.delete_path(path_id)
        except UserFacingError as error:
            show_error(self, error, action=self.tr("Delete the path"))
        if self.editor.path_id == path_id:
            self.editor.new_path(DEFAULT_TRACK)
        self.reload()

    def _assign(self) -> None:
        path = self.current_path()
        if path is not None and not path.retired:
            self.assign_requested.emit(path.id)

    def _saved(self, path_id: int) -> None:
        self.reload(select=path_id)

    # Changes ------------------------------------------------------------------------------
    def _on_change(self, change: Change) -> None:
        if change.topics and not change.topics & REFRESH_TOPICS:
            return
        self._pending |= set(change.topics) or set(REFRESH_TOPICS)
        self._refresh_timer.start()

    def _apply_changes(self) -> None:
        topics, self._pending = self._pending, set()
        if topics & {Topic.PATHS, Topic.DATA_FILE}:
            self.editor.reload_modules()
            self.reload()
        if topics & {Topic.ROLES, Topic.DATA_FILE}:
            self.editor.reload_roles()
        if topics & {Topic.ORGANISATION, Topic.DATA_FILE}:
            self.editor.reload_capacity()

    def refresh_pending(self) -> bool:
        """True while changes have arrived that the tab has not caught up with yet."""
        return self._refresh_timer.isActive() or bool(self._pending)
