"""The Objectives area (programme steps 1 and 5): the business outcomes the programme should
move, each measured by metrics with a baseline and a dated target, and the readings taken
over time, typed in or imported from a spreadsheet.

The tree on the left lists the objectives with their metrics; the panel on the right shows
the chosen objective, or the chosen metric with its readings and chart. Changes arrive
through the bridge (Topic.OBJECTIVES) and the page reloads once per burst of them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import UserFacingError
from app.events import Change, Topic
from app.objectives.model import MetricView, ObjectiveView
from ui.change_bridge import ChangeBridge
from ui.look import make_heading, make_muted
from ui.messages import show_error
from ui.objectives.labels import metrics_count, readings_count
from ui.objectives.metric_dialog import MetricDialog
from ui.objectives.metric_panel import MetricPanel
from ui.objectives.objective_dialog import ObjectiveDialog
from ui.objectives.objective_panel import ObjectivePanel
from ui.objectives.objective_tree_model import KEY_ROLE, Key, ObjectiveTreeModel
from ui.objectives.readings_import_dialog import ReadingsImportDialog
from ui.people.empty_state import EmptyStatePanel
from ui.people.naming import named

REFRESH_TOPICS = frozenset({Topic.OBJECTIVES, Topic.DATA_FILE})


class ObjectivesAreaPage(QWidget):
    """Objectives and their metrics on the left, the chosen one in detail on the right."""

    reloaded = Signal()
    """The page shows the data file as it is now (after a change or a reload)."""

    def __init__(
        self, services: AppServices, bridge: ChangeBridge, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("objectives_area")
        self.services = services
        self.bridge = bridge
        self.dialog: QDialog | None = None
        """The dialog open over the page, if any."""
        self._last_dialog: QDialog | None = None
        self.delete_box: QMessageBox | None = None
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.reload)
        self._build()
        bridge.changed.connect(self._on_change)
        self.reload()

    # Building -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.stack = QStackedWidget(self)
        self.empty_state = EmptyStatePanel(
            self.tr("What should the programme change?"),
            self.tr(
                "Write down the business outcomes the AI programme should move: time saved, "
                "people using AI every week, faster or better work. Give each a metric with "
                "where it stands now (the baseline) and where it should be by a date (the "
                "target). Then record readings as they come in, typed or from a spreadsheet, "
                "and see here and on the Dashboard whether each is on track."
            ),
            self.stack,
        )
        self.empty_state.setObjectName("objectives_empty_state")
        self.start_button = self.empty_state.add_action(
            self.tr("New objective…"),
            self.tr("Write down the first outcome the programme should move"),
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder),
            "first_objective",
        )
        self.start_button.clicked.connect(self.new_objective)
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self._build_main())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def _build_main(self) -> QWidget:
        main = QWidget(self.stack)
        main.setObjectName("objectives_main")
        column = QVBoxLayout(main)
        column.setContentsMargins(28, 20, 28, 16)
        column.setSpacing(10)
        header = QHBoxLayout()
        header.addWidget(make_heading(self.tr("Objectives"), main, 1.6), 1)
        self.import_button = named(QPushButton(self.tr("Import readings…"), main), "import")
        self.import_button.setToolTip(
            self.tr("Bring in readings from an Excel or CSV file: metric, date, value, note")
        )
        self.import_button.clicked.connect(self.import_readings)
        header.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignBottom)
        column.addLayout(header)
        column.addWidget(
            make_muted(
                self.tr(
                    "What the programme should change for the business, how each change is "
                    "measured, and the readings taken over time. A metric is on track when it "
                    "has come at least as far from its baseline towards its target as the "
                    "time has come from the baseline date to the target date."
                ),
                main,
            )
        )
        self.notice = make_muted("", main, "notice")
        self.notice.hide()
        column.addWidget(self.notice)

        self.model = ObjectiveTreeModel(self)
        self.tree = named(QTreeView(main), "objectives_tree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAccessibleName(self.tr("Objectives and their metrics"))
        tree_header = self.tree.header()
        tree_header.setStretchLastSection(False)
        tree_header.setSectionResizeMode(ObjectiveTreeModel.NAME, QHeaderView.ResizeMode.Stretch)
        tree_header.setSectionResizeMode(
            ObjectiveTreeModel.PROGRESS, QHeaderView.ResizeMode.ResizeToContents
        )
        selection = self.tree.selectionModel()
        selection.currentChanged.connect(self._current_changed)
        self.tree.activated.connect(self._activated)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.tree)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_current)

        self.new_button = named(QPushButton(self.tr("New objective…"), main), "new_objective")
        self.new_button.clicked.connect(self.new_objective)
        self.add_metric_button = named(QPushButton(self.tr("Add metric…"), main), "add_metric")
        self.add_metric_button.clicked.connect(self.add_metric)
        left = QWidget(main)
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.add_metric_button)
        buttons.addStretch(1)
        left_column.addLayout(buttons)

        self.objective_panel = ObjectivePanel(main)
        self.objective_panel.edit_requested.connect(self.edit_objective)
        self.objective_panel.delete_requested.connect(self.delete_objective)
        self.objective_panel.add_metric_requested.connect(self.add_metric_to)
        self.metric_panel = MetricPanel(self.services, main)
        self.metric_panel.edit_requested.connect(self.edit_metric)
        self.metric_panel.delete_requested.connect(self.delete_metric)
        self.detail = QStackedWidget(main)
        self.detail.addWidget(self.objective_panel)
        self.detail.addWidget(self.metric_panel)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, main)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        char = self.fontMetrics().averageCharWidth()
        self.splitter.setSizes([char * 64, char * 136])
        column.addWidget(self.splitter, 1)
        return main

    # Reading ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the objectives again and keep the same objective or metric chosen."""
        self._refresh_timer.stop()
        chosen = self.current_key()
        fallback = self.current_objective()
        objectives = self.services.objectives.objectives()
        self.model.set_objectives(objectives)
        self.tree.expandAll()
        self.stack.setCurrentIndex(1 if objectives else 0)
        if objectives:
            index = self.model.index_of(chosen) if chosen else QModelIndex()
            if not index.isValid() and fallback is not None:
                index = self.model.index_of(("objective", fallback.id))  # its metric is gone
            if not index.isValid():
                index = self.model.index(0, ObjectiveTreeModel.NAME)
            self.choose_index(index)
        self.reloaded.emit()

    def is_empty_state_shown(self) -> bool:
        return self.stack.currentIndex() == 0

    def current_key(self) -> Key | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        key = self.model.data(index.siblingAtColumn(0), KEY_ROLE)
        return tuple(key) if key else None

    def current_objective(self) -> ObjectiveView | None:
        """The chosen objective, or the objective of the chosen metric."""
        index = self.tree.currentIndex()
        item = self.model.item(index)
        if isinstance(item, ObjectiveView):
            return item
        if isinstance(item, MetricView):
            return self._objective_of(item)
        return None

    def _objective_of(self, metric: MetricView) -> ObjectiveView | None:
        for objective in self.model.objectives():
            if objective.id == metric.objective_id:
                return objective
        return None

    def choose(self, key: Key) -> None:
        """Choose an objective or metric in the tree (and show it)."""
        self.choose_index(self.model.index_of(key))

    def choose_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        self.tree.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._show(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(current)

    def _show(self, index: QModelIndex) -> None:
        item = self.model.item(index)
        if isinstance(item, ObjectiveView):
            self.objective_panel.set_objective(item)
            self.detail.setCurrentWidget(self.objective_panel)
        elif isinstance(item, MetricView):
            objective = self._objective_of(item)
            if objective is not None:
                self.metric_panel.set_metric(item, objective)
                self.detail.setCurrentWidget(self.metric_panel)

    def _activated(self, index: QModelIndex) -> None:
        """Enter (or a double-click) on a metric goes to its new-reading row."""
        if isinstance(self.model.item(index), MetricView):
            self.metric_panel.entry.focus_date()

    def _on_change(self, change: Change) -> None:
        if change.topics & REFRESH_TOPICS:
            self._refresh_timer.start()

    def refresh_pending(self) -> bool:
        return self._refresh_timer.isActive()

    # Objectives ---------------------------------------------------------------------------
    def new_objective(self) -> None:
        self._open(ObjectiveDialog(self.services, None, self))

    def edit_objective(self, objective_id: int) -> None:
        objective = next((o for o in self.model.objectives() if o.id == objective_id), None)
        if objective is not None:
            self._open(ObjectiveDialog(self.services, objective, self))

    def delete_objective(self, objective_id: int) -> None:
        objective = next((o for o in self.model.objectives() if o.id == objective_id), None)
        if objective is None:
            return
        readings = sum(len(m.readings) for m in objective.metrics)
        if objective.metrics:
            text = self.tr(
                "Delete “{title}” with its {metrics} and their {readings}? This cannot be undone."
            ).format(
                title=objective.title,
                metrics=metrics_count(len(objective.metrics)),
                readings=readings_count(readings),
            )
        else:
            text = self.tr("Delete “{title}”? It has no metrics yet.").format(title=objective.title)
        self._confirm(
            self.tr("Delete the objective"),
            text,
            lambda: self.services.objectives.delete_objective(objective_id),
        )

    # Metrics ------------------------------------------------------------------------------
    def add_metric(self) -> None:
        """Add a metric to the chosen objective (or the first one)."""
        objective = self.current_objective()
        if objective is None and self.model.objectives():
            objective = self.model.objectives()[0]
        if objective is not None:
            self.add_metric_to(objective.id)

    def add_metric_to(self, objective_id: int) -> None:
        self._open(MetricDialog(self.services, objective_id, None, self))

    def edit_metric(self, metric_id: int) -> None:
        for objective in self.model.objectives():
            for metric in objective.metrics:
                if metric.id == metric_id:
                    self._open(MetricDialog(self.services, objective.id, metric, self))
                    return

    def delete_metric(self, metric_id: int) -> None:
        metric = next(
            (m for o in self.model.objectives() for m in o.metrics if m.id == metric_id), None
        )
        if metric is None:
            return
        self._confirm(
            self.tr("Delete the metric"),
            self.tr(
                "Delete the metric “{name}” and its {readings}? The objective stays. This "
                "cannot be undone."
            ).format(name=metric.name, readings=readings_count(len(metric.readings))),
            lambda: self.services.objectives.delete_metric(metric_id),
        )

    def delete_current(self) -> None:
        """Delete (after asking) whatever is chosen in the tree."""
        key = self.current_key()
        if key is None:
            return
        if key[0] == "objective":
            self.delete_objective(key[1])
        else:
            self.delete_metric(key[1])

    # Readings import ----------------------------------------------------------------------
    def choose_file_path(self) -> str | None:
        """Ask for the readings file; tests replace this method."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the readings file"),
            "",
            self.tr("Spreadsheets and text files (*.xlsx *.xlsm *.csv *.txt);;All files (*)"),
        )
        return path or None

    def import_readings(self) -> None:
        chosen = self.choose_file_path()
        if not chosen:
            return
        dialog = ReadingsImportDialog(self.services, Path(chosen), self)
        self._open(dialog)
        dialog.start()

    # Dialogs ------------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> None:
        """Open a dialog window-modally (not exec'd, so tests can drive it)."""
        if self._last_dialog is not None:
            self._last_dialog.deleteLater()
            self._last_dialog = None
        self.dialog = dialog
        dialog.finished.connect(self._closed)
        dialog.open()

    def _closed(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        # Kept (hidden) until the next dialog opens, not deleted on closing: the import's
        # background task, a child of the dialog, may still have its own clean-up queued.
        self._last_dialog = dialog
        if result != QDialog.DialogCode.Accepted:
            return
        self.reload()
        if isinstance(dialog, ObjectiveDialog) and dialog.saved_id is not None:
            self.choose(("objective", dialog.saved_id))
        elif isinstance(dialog, MetricDialog) and dialog.saved_id is not None:
            self.choose(("metric", dialog.saved_id))
            self.metric_panel.entry.focus_date()
        elif isinstance(dialog, ReadingsImportDialog) and dialog.result_ is not None:
            done = dialog.result_
            self.notice.setText(
                self.tr(
                    "Imported from {file}: {added} new readings, {replaced} corrected, "
                    "{same} already recorded."
                ).format(
                    file=dialog.path.name,
                    added=done.added,
                    replaced=done.replaced,
                    same=done.unchanged,
                )
            )
            self.notice.show()

    def _confirm(self, title: str, text: str, action: Callable[[], None]) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Cancel, self
        )
        box.setObjectName("delete_box")
        confirm = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        confirm.setObjectName("confirm_delete")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def run() -> None:
            try:
                action()
            except UserFacingError as error:
                show_error(self, error, action=title)

        confirm.clicked.connect(run)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.delete_box = box
        box.open()
