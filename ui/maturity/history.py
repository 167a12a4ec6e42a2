"""The list of assessments over time and the line chart of their overall scores."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QDateTime,
    QMargins,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTime,
)
from PySide6.QtGui import QBrush, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from app.maturity.figures import AssessmentSummary
from ui.maturity.labels import date_text, kind_text, score_text, status_text

_Index = QModelIndex | QPersistentModelIndex


class AssessmentListModel(QAbstractTableModel):
    """Every assessment, newest first: name, date, kind, status, overall score and level."""

    NAME, DATE, KIND, STATUS, OVERALL, LEVEL = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[AssessmentSummary] = []

    def set_assessments(self, assessments: list[AssessmentSummary]) -> None:
        self.beginResetModel()
        self.rows = sorted(assessments, key=lambda a: (a.taken_on, a.id), reverse=True)
        self.endResetModel()

    def row_of(self, assessment_id: int) -> int:
        return next((i for i, a in enumerate(self.rows) if a.id == assessment_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            self.NAME: self.tr("Assessment"),
            self.DATE: self.tr("Date"),
            self.KIND: self.tr("Kind"),
            self.STATUS: self.tr("Status"),
            self.OVERALL: self.tr("Overall"),
            self.LEVEL: self.tr("Level"),
        }.get(section)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return row.name
            if column == self.DATE:
                return date_text(row.taken_on)
            if column == self.KIND:
                return kind_text(row.kind)
            if column == self.STATUS:
                return status_text(row.status)
            if column == self.OVERALL:
                return score_text(row.overall)
            if column == self.LEVEL:
                return row.level_name or "—"
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NAME:
            return row.scope_label
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.OVERALL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None


def _at(day: date, hour: int) -> QDateTime:
    return QDateTime(QDate(day.year, day.month, day.day), QTime(hour, 0))


def _msecs(day: date) -> float:
    return float(_at(day, 12).toMSecsSinceEpoch())


class OverallHistoryChart(QChartView):
    """Overall maturity (1–5) of each scored assessment, by date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history_chart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        chart = QChart()
        chart.legend().hide()
        chart.setBackgroundVisible(False)
        chart.setMargins(QMargins(4, 4, 4, 4))
        self.setChart(chart)
        self.series = QLineSeries()
        self.series.setName(self.tr("Overall maturity"))
        self.series.setPointsVisible(True)
        self.series.setPointLabelsVisible(True)
        self.series.setPointLabelsFormat("@yPoint")
        self.series.setPointLabelsClipping(False)
        chart.addSeries(self.series)
        self.x_axis = QDateTimeAxis()
        self.x_axis.setFormat("MMM yyyy")
        self.x_axis.setTickCount(3)
        self.y_axis = QValueAxis()
        self.y_axis.setRange(1.0, 5.0)
        self.y_axis.setTickCount(5)
        self.y_axis.setLabelFormat("%.0f")
        self.y_axis.setTitleText(self.tr("Level"))
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.x_axis)
        self.series.attachAxis(self.y_axis)
        self._apply_palette()
        self.setMinimumHeight(self.fontMetrics().height() * 11)

    def _apply_palette(self) -> None:
        palette = self.palette()
        text = QBrush(palette.color(QPalette.ColorRole.WindowText))
        grid = QPen(palette.color(QPalette.ColorRole.Mid))
        for axis in (self.x_axis, self.y_axis):
            axis.setLabelsBrush(text)
            axis.setTitleBrush(text)
            axis.setGridLinePen(grid)
        pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2.5)
        self.series.setPen(pen)
        self.series.setPointLabelsColor(palette.color(QPalette.ColorRole.WindowText))

    def set_assessments(self, assessments: list[AssessmentSummary]) -> None:
        scored = sorted(
            (a for a in assessments if a.overall is not None), key=lambda a: (a.taken_on, a.id)
        )
        self.series.clear()
        for summary in scored:
            assert summary.overall is not None
            self.series.append(_msecs(summary.taken_on), round(summary.overall, 1))
        if scored:
            first, last = scored[0].taken_on, scored[-1].taken_on
            margin = max(timedelta(days=30), (last - first) / 8)
            self.x_axis.setRange(
                _at(first - margin, 0),
                _at(last + margin, 0),
            )
        self.setAccessibleName(
            self.tr("Overall maturity over time: {points}").format(
                points=", ".join(f"{date_text(a.taken_on)} {score_text(a.overall)}" for a in scored)
            )
        )

    def point_count(self) -> int:
        return self.series.count()
