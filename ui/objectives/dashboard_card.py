"""The Dashboard's view of the objectives: each objective's metrics as slim progress bars with
the sentence saying where they stand, the first few only, and a way into the Objectives area.

The dashboard hands it ``services.objectives.objectives()`` whenever Topic.OBJECTIVES changes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.objectives.model import ObjectiveView
from ui.look import make_heading, make_muted, scaled_font
from ui.objectives.labels import status_label
from ui.objectives.metric_progress_row import MetricProgressRow
from ui.people.naming import named

SHOWN = 4
"""Metric rows shown at most; the rest are summed up in "and N more"."""


class ObjectivesCard(QFrame):
    open_requested = Signal()
    """The user wants the Objectives area (to see all, or to write the first objective)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("objectivesCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "QFrame#objectivesCard { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 6px; }"
        )
        self.heading = make_heading(self.tr("Progress towards the objectives"), self, 1.1)
        self.open_button = named(QPushButton(self.tr("Open objectives"), self), "openObjectives")
        self.open_button.clicked.connect(self.open_requested)
        self.empty_text = make_muted(
            self.tr("No objectives yet — write down the outcomes the programme should move."),
            self,
            "objectivesEmpty",
        )
        self.more = make_muted("", self, "objectivesMore")
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(8)
        self.rows: list[QWidget] = []
        self.metric_rows: list[MetricProgressRow] = []

        header = QHBoxLayout()
        header.addWidget(self.heading, 1)
        header.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addWidget(self.empty_text)
        layout.addLayout(self.rows_box)
        layout.addWidget(self.more)
        layout.addStretch(1)
        self.set_objectives([])

    def set_objectives(self, objectives: list[ObjectiveView]) -> None:
        for widget in self.rows:
            widget.hide()
            widget.deleteLater()
        self.rows = []
        self.metric_rows = []
        shown = hidden = 0
        for objective in objectives:
            entries = len(objective.metrics) or 1
            if shown >= SHOWN:
                hidden += entries
                continue
            self._add(self._objective_line(objective))
            if not objective.metrics:
                self._add(make_muted(self.tr("No metric yet."), self))
                shown += 1
                continue
            for metric in objective.metrics:
                if shown >= SHOWN:
                    hidden += 1
                    continue
                row = MetricProgressRow(self)
                row.set_metric(metric)
                row.setContentsMargins(12, 0, 0, 0)
                self.metric_rows.append(row)
                self._add(row)
                shown += 1
        self.empty_text.setVisible(not objectives)
        self.open_button.setText(
            self.tr("Set the first objective…") if not objectives else self.tr("Open objectives")
        )
        self.more.setText(
            self.tr("and {count} more — open the objectives to see them all.").format(count=hidden)
        )
        self.more.setVisible(hidden > 0)

    def _objective_line(self, objective: ObjectiveView) -> QLabel:
        label = QLabel(
            self.tr("{title} · {status}").format(
                title=objective.title, status=status_label(objective.status)
            ),
            self,
        )
        label.setFont(scaled_font(self, 1.0, bold=True))
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def _add(self, widget: QWidget) -> None:
        self.rows.append(widget)
        self.rows_box.addWidget(widget)

    def shown_sentences(self) -> list[str]:
        """The sentences on the card, in order; for tests and screen readers."""
        return [row.sentence.text() for row in self.metric_rows]
