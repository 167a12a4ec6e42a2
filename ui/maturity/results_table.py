"""The table of topics on the results page, largest gap to target first."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.maturity.figures import DimensionResult
from ui.maturity.labels import change_text, gap_text, score_text

_Index = QModelIndex | QPersistentModelIndex


def by_gap(dimensions: list[DimensionResult]) -> list[DimensionResult]:
    """Largest gap first; topics without a score (nothing answered, or withheld) last."""
    return sorted(
        dimensions,
        key=lambda d: (d.gap is None, -(d.gap or 0.0), d.score if d.score is not None else 9),
    )


class DimensionResultsModel(QAbstractTableModel):
    """One row per topic: score, level, target, gap, change, and spread for several people."""

    TOPIC, SCORE, LEVEL, TARGET, GAP, CHANGE, RESPONDENTS, SPREAD = range(8)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[DimensionResult] = []
        self.several = False
        self.threshold = 0
        self.has_baseline = False

    def set_results(
        self, dimensions: list[DimensionResult], *, several: bool, threshold: int
    ) -> None:
        self.beginResetModel()
        self.rows = by_gap(dimensions)
        self.several = several
        self.threshold = threshold
        self.has_baseline = any(d.baseline is not None for d in dimensions)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            self.TOPIC: self.tr("Topic"),
            self.SCORE: self.tr("Score"),
            self.LEVEL: self.tr("Level"),
            self.TARGET: self.tr("Target"),
            self.GAP: self.tr("Gap to target"),
            self.CHANGE: self.tr("Change since baseline"),
            self.RESPONDENTS: self.tr("Answered by"),
            self.SPREAD: self.tr("Spread of answers"),
        }.get(section)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.SCORE,
            self.TARGET,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TOPIC:
            return self.tr(
                "{answered} answered, {dont_know} don't know, {open} not answered"
            ).format(answered=row.answered, dont_know=row.dont_know, open=row.unanswered)
        if role == Qt.ItemDataRole.UserRole:
            return row.key
        return None

    def _text(self, row: DimensionResult, column: int) -> str:
        if column == self.TOPIC:
            return row.name
        if column == self.SCORE:
            if row.suppressed and row.score is None:
                return self.tr("withheld")
            return score_text(row.score)
        if column == self.LEVEL:
            return row.level_name or "—"
        if column == self.TARGET:
            return score_text(row.target)
        if column == self.GAP:
            return gap_text(row.gap)
        if column == self.CHANGE:
            return change_text(row.change) if row.change is not None else "—"
        if column == self.RESPONDENTS:
            return str(row.respondents) if row.respondents is not None else "—"
        if column == self.SPREAD:
            if row.suppressed:
                return self.tr("withheld: fewer than {n} answered").format(n=self.threshold)
            if row.minimum is None or row.maximum is None:
                return "—"
            return self.tr("{low} to {high}").format(
                low=score_text(row.minimum), high=score_text(row.maximum)
            )
        return ""
