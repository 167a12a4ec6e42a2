"""One stage of the path on screen: its name, its title, and the list of its modules.

Modules are dropped in from the library or another stage at any position, reordered by
dragging, removed with Delete or the context menu, and moved with Ctrl+Up / Ctrl+Down (to
the neighbouring stage at either end), so the keyboard can do whatever the mouse does.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDropEvent,
    QFocusEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from app.paths.content import STAGES
from app.paths.planning import path_hours
from ui.look import scaled_font
from ui.paths.builder_labels import stage_hint, stage_label
from ui.paths.progress_labels import hours_text
from ui.paths.stage_model import StageModel
from ui.paths.two_line_delegate import TwoLineDelegate
from ui.people.naming import named


class StageView(QListView):
    """The modules of one stage; accepts module drops anywhere in it."""

    focused = Signal(int)
    """The stage (0 crawl, 1 walk, 2 run) the user is working in."""
    edit_requested = Signal(str)
    """The key of a module to open in the module editor."""

    def __init__(self, model: StageModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage_model = model
        self.setModel(model)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(TwoLineDelegate(self))
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)

    # Reading ------------------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.selectionModel().selectedIndexes()})

    def select_row(self, row: int) -> None:
        index = self.stage_model.index(row)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def drop_row(self, position: QPoint) -> int:
        """The row a drop at ``position`` (viewport coordinates) goes before; -1: the end."""
        index = self.indexAt(position)
        if not index.isValid():
            return -1
        rect = self.visualRect(index)
        return index.row() + (1 if position.y() > rect.center().y() else 0)

    # Dropping -----------------------------------------------------------------------------
    def dropEvent(self, event: QDropEvent) -> None:
        """Hand the modules to the draft at the row under the pointer, then select them."""
        model = self.stage_model
        data = event.mimeData()
        row = self.drop_row(event.position().toPoint())
        if model.dropMimeData(data, Qt.DropAction.CopyAction, row, 0, QModelIndex()):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            landed = model.draft.last_placed
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            self.select_row(landed)
        else:
            event.ignore()
        self.stopAutoScroll()
        self.setState(QAbstractItemView.State.NoState)
        self.viewport().update()

    # Keyboard and menu --------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.stage_model.editable:
            self.remove_selected()
            event.accept()
            return
        if modifiers & Qt.KeyboardModifier.ControlModifier and key in (
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
        ):
            self.step_current(-1 if key == Qt.Key.Key_Up else 1)
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        if not index.isValid():
            return
        if not self.selectionModel().isSelected(index):
            self.setCurrentIndex(index)
        menu = QMenu(self)
        editable = self.stage_model.editable
        remove = menu.addAction(self.tr("Remove from the path"), self.remove_selected)
        remove.setShortcut(Qt.Key.Key_Delete)
        remove.setEnabled(editable)
        earlier = menu.addAction(self.tr("Move earlier"), lambda: self.step_current(-1))
        earlier.setShortcut("Ctrl+Up")
        earlier.setEnabled(editable)
        later = menu.addAction(self.tr("Move later"), lambda: self.step_current(1))
        later.setShortcut("Ctrl+Down")
        later.setEnabled(editable)
        menu.addSeparator()
        key = self.stage_model.key_at(index.row())
        menu.addAction(self.tr("Module details…"), lambda: self.edit_requested.emit(key))
        menu.exec(event.globalPos())
        menu.deleteLater()

    def remove_selected(self) -> None:
        rows = self.selected_rows()
        if not rows or not self.stage_model.editable:
            return
        self.stage_model.draft.remove(self.stage_model.stage, rows)
        self.select_row(min(rows[0], self.stage_model.rowCount() - 1))

    def step_current(self, delta: int) -> None:
        """Move the current module one place earlier (-1) or later (1) in the path."""
        row = self.currentIndex().row()
        if row < 0 or not self.stage_model.editable:
            return
        self.stage_model.draft.step(self.stage_model.stage, row, delta)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit(self.stage_model.stage)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.stage_model.rowCount() or not self.stage_model.editable:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        area = QRect(self.viewport().rect()).adjusted(8, 8, -8, -8)
        painter.drawText(
            area,
            int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap),
            self.tr("Drag modules here from the library"),
        )
        painter.end()


class StageColumn(QWidget):
    """The stage's name and totals, its title field and its list of modules."""

    def __init__(self, model: StageModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        stage = STAGES[model.stage]
        self.setObjectName(f"stage_{stage}")
        self.stage_model = model
        self.name = QLabel(stage_label(stage), self)
        self.name.setFont(scaled_font(self, 1.05, bold=True))
        self.totals = named(QLabel(self), f"{stage}_totals")
        self.totals.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.title = named(QLineEdit(self), f"{stage}_title")
        self.title.setPlaceholderText(stage_hint(stage))
        self.title.setAccessibleName(
            self.tr("Title of the {stage} stage").format(stage=stage_label(stage))
        )
        self.view = named(StageView(model, self), f"{stage}_modules")
        self.view.setAccessibleName(
            self.tr("Modules of the {stage} stage").format(stage=stage_label(stage))
        )
        self.name.setBuddy(self.title)
        header = QHBoxLayout()
        header.setSpacing(8)
        header.addWidget(self.name)
        header.addWidget(self.title, 1)
        header.addWidget(self.totals)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addLayout(header)
        column.addWidget(self.view, 1)
        self.title.textEdited.connect(lambda text: model.draft.set_title(model.stage, text))
        model.modelReset.connect(self.update_totals)
        self.update_totals()

    def show_title(self) -> None:
        """Show the draft's title for this stage (after a path was opened)."""
        self.title.setText(self.stage_model.draft.titles[self.stage_model.stage])

    def update_totals(self) -> None:
        draft, stage = self.stage_model.draft, self.stage_model.stage
        modules = [draft.modules[k] for k in draft.stages[stage] if k in draft.modules]
        count = len(draft.stages[stage])
        text = self.tr("1 module") if count == 1 else self.tr("{count} modules").format(count=count)
        if count:
            text = self.tr("{modules} · {hours}").format(
                modules=text, hours=hours_text(path_hours(modules))
            )
        self.totals.setText(text)

    def set_editable(self, editable: bool) -> None:
        self.title.setReadOnly(not editable)
        self.view.setAcceptDrops(editable)
        self.view.setDragEnabled(editable)
