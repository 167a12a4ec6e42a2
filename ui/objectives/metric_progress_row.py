"""One metric at a glance: its name, a slim progress bar coloured by the verdict, the share,
and the sentence saying where it stands. Used by the objective panel and the dashboard card."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QWidget

from app.objectives.model import MetricView
from ui.look import make_muted, scaled_font
from ui.objectives.labels import percent_text, progress_text, verdict_colour
from ui.people.naming import named


class MetricProgressRow(QWidget):
    def __init__(self, parent: QWidget | None = None, *, show_name: bool = True) -> None:
        super().__init__(parent)
        self.name = named(QLabel(self), "metric_name")
        self.name.setFont(scaled_font(self, 1.0, bold=True))
        self.name.setVisible(show_name)
        self.name.setWordWrap(True)
        self.bar = named(QProgressBar(self), "metric_progress")
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(max(8, self.fontMetrics().height() // 2))
        self.share = named(QLabel(self), "metric_share")
        self.share.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.share.setMinimumWidth(self.fontMetrics().horizontalAdvance("Reached 100 %"))
        self.sentence = make_muted("", self, "metric_sentence")
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(3)
        grid.addWidget(self.name, 0, 0, 1, 2)
        grid.addWidget(self.bar, 1, 0, Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(self.share, 1, 1)
        grid.addWidget(self.sentence, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        self.shown_metric: MetricView | None = None

    def set_metric(self, metric: MetricView) -> None:
        self.shown_metric = metric
        self.name.setText(metric.name)
        self.bar.setValue(round((metric.progress or 0.0) * 1000))
        own = self.palette()
        palette = self.bar.palette()
        palette.setColor(QPalette.ColorRole.Highlight, verdict_colour(metric, own))
        base, mid = own.color(QPalette.ColorRole.Base), own.color(QPalette.ColorRole.Mid)
        groove = QColor(
            (base.red() * 2 + mid.red()) // 3,
            (base.green() * 2 + mid.green()) // 3,
            (base.blue() * 2 + mid.blue()) // 3,
        )
        palette.setColor(QPalette.ColorRole.Base, groove)  # the unfilled part shows on any card
        palette.setColor(QPalette.ColorRole.Window, groove)
        self.bar.setPalette(palette)
        self.share.setText(
            progress_text(metric) if metric.progress is None else self._share_text(metric)
        )
        self.sentence.setText(self._sentence(metric))
        self.bar.setAccessibleName(self.tr("Progress of {name}").format(name=metric.name))
        self.bar.setAccessibleDescription(metric.sentence)

    def _sentence(self, metric: MetricView) -> str:
        """The sentence, without the metric's name in front when the name is shown above."""
        if self.name.isHidden():
            return metric.sentence
        rest = metric.sentence.removeprefix(f"{metric.name}: ")
        return rest[:1].upper() + rest[1:]

    def _share_text(self, metric: MetricView) -> str:
        assert metric.progress is not None
        if metric.reached:
            return self.tr("Reached")
        return percent_text(metric.progress)
