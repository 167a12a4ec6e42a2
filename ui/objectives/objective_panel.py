"""The chosen objective: who answers for it, by when, how it stands, and each of its metrics
at a glance (or what to add when it has none)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.objectives.model import ObjectiveView
from ui.look import make_heading, make_muted, scaled_font
from ui.objectives.labels import day_text, status_label
from ui.objectives.metric_progress_row import MetricProgressRow
from ui.people.naming import named


class ObjectivePanel(QWidget):
    edit_requested = Signal(int)
    delete_requested = Signal(int)
    add_metric_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("objective_panel")
        self.objective: ObjectiveView | None = None
        self.title = make_heading("", self, 1.35, "objective_title")
        self.title.setWordWrap(True)
        self.edit_button = named(QPushButton(self.tr("Edit objective…"), self), "edit_objective")
        self.edit_button.clicked.connect(lambda: self._emit(self.edit_requested))
        self.delete_button = named(
            QPushButton(self.tr("Delete objective…"), self), "delete_objective"
        )
        self.delete_button.clicked.connect(lambda: self._emit(self.delete_requested))
        self.meta = make_muted("", self, "objective_meta")
        self.description = named(QLabel(self), "objective_description")
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        metrics_heading = QLabel(self.tr("Metrics"), self)
        metrics_heading.setFont(scaled_font(self, 1.05, bold=True))
        self.add_metric_button = named(QPushButton(self.tr("Add metric…"), self), "add_metric")
        self.add_metric_button.clicked.connect(lambda: self._emit(self.add_metric_requested))
        self.no_metrics = make_muted(
            self.tr(
                "No metric yet. Add the number that would show this objective moved, such as "
                "hours saved per week, the share of people using AI every week, or the "
                "days a report takes — with where it stands now and where it should be."
            ),
            self,
            "no_metrics",
        )
        self.hint = make_muted(
            self.tr("Choose a metric in the list to see its readings and enter new ones."),
            self,
            "metrics_hint",
        )
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(14)
        self.rows: list[MetricProgressRow] = []

        content = QWidget()
        content_column = QVBoxLayout(content)
        content_column.setContentsMargins(0, 0, 8, 0)
        content_column.addWidget(self.no_metrics)
        content_column.addLayout(self.rows_box)
        content_column.addSpacing(6)
        content_column.addWidget(self.hint)
        content_column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignTop)
        metrics_row = QHBoxLayout()
        metrics_row.addWidget(metrics_heading, 1)
        metrics_row.addWidget(self.add_metric_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.meta)
        layout.addWidget(self.description)
        layout.addSpacing(10)
        layout.addLayout(metrics_row)
        layout.addWidget(scroll, 1)

    def _emit(self, signal: SignalInstance) -> None:
        if self.objective is not None:
            signal.emit(self.objective.id)

    def set_objective(self, objective: ObjectiveView) -> None:
        self.objective = objective
        self.title.setText(objective.title)
        self.title.setAccessibleName(objective.title)
        parts = [status_label(objective.status)]
        if objective.owner:
            parts.append(self.tr("Owner: {owner}").format(owner=objective.owner))
        if objective.due_on:
            parts.append(self.tr("Due {date}").format(date=day_text(objective.due_on)))
        self.meta.setText(" · ".join(parts))
        self.description.setText(objective.description or "")
        self.description.setVisible(bool(objective.description))
        while len(self.rows) < len(objective.metrics):
            row = MetricProgressRow(self)
            self.rows.append(row)
            self.rows_box.addWidget(row)
        for row, metric in zip(self.rows, objective.metrics, strict=False):
            row.set_metric(metric)
            row.show()
        for row in self.rows[len(objective.metrics) :]:
            row.hide()
        self.no_metrics.setVisible(not objective.metrics)
        self.hint.setVisible(bool(objective.metrics))
