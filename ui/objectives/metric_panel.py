"""The chosen metric in detail: baseline and target, progress in words, its readings (typed in
at the bottom row, corrected in place, deleted with undo) and a chart of them over time."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import UserFacingError
from app.objectives.model import MetricView, ObjectiveView, Reading
from ui.look import make_heading, make_muted, scaled_font
from ui.objectives.labels import baseline_target_text, day_text, number_text
from ui.objectives.metric_progress_row import MetricProgressRow
from ui.objectives.reading_entry import ReadingEntry
from ui.objectives.readings_chart import ReadingsChart
from ui.objectives.readings_model import ReadingsTableModel
from ui.people.naming import named


class ReadingsTable(QTableView):
    """The readings; Delete (or Backspace) asks the panel to delete the selected ones."""

    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.state() != QAbstractItemView.State.EditingState
        ):
            self.delete_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class MetricPanel(QWidget):
    edit_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metric_panel")
        self._services = services
        self.shown_metric: MetricView | None = None
        self.deleted: list[tuple[int, Reading]] = []
        """(metric id, reading) of the last deletion, for Undo."""

        self.title = make_heading("", self, 1.35, "metric_title")
        self.title.setWordWrap(True)
        self.edit_button = named(QPushButton(self.tr("Edit metric…"), self), "edit_metric")
        self.edit_button.clicked.connect(self._edit)
        self.delete_button = named(QPushButton(self.tr("Delete metric…"), self), "delete_metric")
        self.delete_button.clicked.connect(self._delete_metric)
        self.objective_line = make_muted("", self, "metric_objective")
        self.range_line = named(QLabel(self), "metric_range")
        self.range_line.setWordWrap(True)
        self.progress_row = MetricProgressRow(self, show_name=False)

        self.model = ReadingsTableModel(self)
        self.model.save = self._save_correction
        self.model.edit_refused.connect(self._show_problem)
        self.table = named(ReadingsTable(self), "readings_table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setAlternatingRowColors(True)
        self.table.setAccessibleName(self.tr("Readings"))
        header = self.table.horizontalHeader()
        char = self.fontMetrics().averageCharWidth()
        header.resizeSection(ReadingsTableModel.DATE, char * 15)
        header.resizeSection(ReadingsTableModel.VALUE, char * 16)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + 10)
        header.setSectionResizeMode(ReadingsTableModel.NOTE, QHeaderView.ResizeMode.Stretch)
        self.table.delete_pressed.connect(self.delete_selected)
        self.entry = named(ReadingEntry(self), "reading_entry")
        self.entry.align_to(header)
        self.entry.add_requested.connect(self._add)
        self.entry.problem.connect(self._show_problem)
        self.problem = named(QLabel(self), "reading_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.hide()
        self.undo_bar = QWidget(self)
        self.undo_bar.setObjectName("undo_bar")
        self.undo_text = named(QLabel(self.undo_bar), "undo_text")
        self.undo_button = named(QPushButton(self.tr("&Undo"), self.undo_bar), "undo_delete")
        self.undo_button.setToolTip(self.tr("Put the deleted reading back (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.undo_delete)
        undo_row = QHBoxLayout(self.undo_bar)
        undo_row.setContentsMargins(0, 0, 0, 0)
        undo_row.addWidget(self.undo_text, 1)
        undo_row.addWidget(self.undo_button)
        self.undo_bar.hide()
        undo = QShortcut(QKeySequence.StandardKey.Undo, self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo_delete)
        self.chart = named(ReadingsChart(self), "readings_chart")
        self._lay_out()

    def _lay_out(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignTop)
        readings = QWidget(self)
        column = QVBoxLayout(readings)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        heading = QLabel(self.tr("Readings"), readings)
        heading.setFont(scaled_font(self, 1.05, bold=True))
        column.addWidget(heading)
        column.addWidget(
            make_muted(
                self.tr(
                    "Type a new reading in the bottom row and press Enter. Double-click a "
                    "reading to correct it; Delete removes it (Ctrl+Z puts it back)."
                ),
                readings,
            )
        )
        column.addWidget(self.table, 1)
        column.addWidget(self.entry)
        column.addWidget(self.problem)
        column.addWidget(self.undo_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(readings)
        self.splitter.addWidget(self.chart)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        char = self.fontMetrics().averageCharWidth()
        self.splitter.setSizes([char * 60, char * 72])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.objective_line)
        layout.addWidget(self.range_line)
        layout.addSpacing(4)
        layout.addWidget(self.progress_row)
        layout.addSpacing(8)
        layout.addWidget(self.splitter, 1)

    # Showing ------------------------------------------------------------------------------
    def set_metric(self, metric: MetricView, objective: ObjectiveView) -> None:
        same = self.shown_metric is not None and self.shown_metric.id == metric.id
        self.shown_metric = metric
        self.title.setText(metric.name)
        self.title.setAccessibleName(metric.name)
        self.objective_line.setText(self.tr("Objective: {title}").format(title=objective.title))
        self.range_line.setText(baseline_target_text(metric))
        self.progress_row.set_metric(metric)
        self.model.set_readings(metric.readings, metric.unit)
        self.table.scrollToBottom()
        self.chart.set_metric(metric)
        if not same:
            self.problem.hide()
            self.undo_bar.hide()
            self.deleted = []
            self.entry.reset(date.today())

    @property
    def sentence(self) -> str:
        return self.progress_row.sentence.text()

    # Commands -----------------------------------------------------------------------------
    def _edit(self) -> None:
        if self.shown_metric is not None:
            self.edit_requested.emit(self.shown_metric.id)

    def _delete_metric(self) -> None:
        if self.shown_metric is not None:
            self.delete_requested.emit(self.shown_metric.id)

    def _show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()

    def _add(self, day: date, value: float, note: str | None) -> None:
        if self.shown_metric is None:
            return
        try:
            self._services.objectives.add_reading(self.shown_metric.id, value, day, note)
        except UserFacingError as error:
            self._show_problem(error.message)
            if getattr(error, "field", None) == "measured_on":
                self.entry.focus_date()
            return
        self.problem.hide()
        self.entry.reset(date.today())
        self.entry.focus_date()

    def _save_correction(
        self, reading: Reading, value: float, day: date, note: str | None
    ) -> str | None:
        try:
            self._services.objectives.update_reading(reading.id, value, day, note)
        except UserFacingError as error:
            return error.message
        self.problem.hide()
        return None

    def delete_selected(self) -> None:
        """Delete the selected readings at once; Undo (or Ctrl+Z) puts them back."""
        if self.shown_metric is None:
            return
        selection = self.table.selectionModel()
        rows = sorted({index.row() for index in selection.selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        if not rows:
            return
        readings = [self.model.reading(row) for row in rows]
        deleted: list[tuple[int, Reading]] = []
        try:
            for reading in readings:
                deleted.append(
                    (self.shown_metric.id, self._services.objectives.delete_reading(reading.id))
                )
        except UserFacingError as error:
            self._show_problem(error.message)
        if not deleted:
            return
        self.deleted = deleted
        if len(deleted) == 1:
            gone = deleted[0][1]
            text = self.tr("Deleted the reading of {date} ({value}).").format(
                date=day_text(gone.measured_on), value=number_text(gone.value)
            )
        else:
            text = self.tr("Deleted {count} readings.").format(count=len(deleted))
        self.undo_text.setText(text)
        self.undo_bar.show()
        self.problem.hide()

    def undo_delete(self) -> None:
        """Put back the readings deleted last."""
        if not self.deleted:
            return
        deleted, self.deleted = self.deleted, []
        try:
            for metric_id, reading in deleted:
                self._services.objectives.add_reading(
                    metric_id, reading.value, reading.measured_on, reading.note
                )
        except UserFacingError as error:
            self._show_problem(error.message)
        self.undo_bar.hide()
