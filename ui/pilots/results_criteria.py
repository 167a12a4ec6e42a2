"""The success criteria table of a pilot's results: each criterion with its result, 95 %
interval, observations, verdict badge and the sentence that explains it.

The table is as tall as its rows (the results tab scrolls as a whole) and the sentences wrap
to the width left for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from app.pilots.criteria import CriterionResult, Verdict, criterion_label
from ui.list_table_model import ListTableModel, ModelIndex
from ui.pilots.results_badges import verdict_pixmap
from ui.pilots.results_format import (
    criterion_interval_text,
    criterion_value_text,
    observations_text,
    result_word,
)


def result_words(result: CriterionResult) -> str:
    """The result and its interval as one phrase, for screen readers."""
    interval = criterion_interval_text(result)
    value = criterion_value_text(result)
    if interval == "—":
        return value
    return QCoreApplication.translate("PilotResults", "{value}, 95 % interval {interval}").format(
        value=value, interval=interval
    )


VERDICT_ROLE = Qt.ItemDataRole.UserRole + 1
"""The row's :class:`Verdict`, as its string value."""

_VERDICTS = {verdict.value: verdict for verdict in Verdict}


class CriteriaModel(ListTableModel[CriterionResult]):
    """One row per success criterion, in the order they were agreed."""

    CRITERION = 0
    RESULT = 1
    OBSERVATIONS = 2
    VERDICT = 3
    SENTENCE = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = [
            self.tr("Success criterion"),
            self.tr("Result (95 % interval)"),
            self.tr("Based on"),
            self.tr("Verdict"),
            self.tr("What it means"),
        ]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        result = self.row_for(index)
        if result is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(result, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == self.RESULT:
                return result_words(result)
            return self._text(result, column)
        if role == VERDICT_ROLE and column == self.VERDICT:
            return result.verdict.value
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.VERDICT, self.RESULT):
            return result.sentence
        if role == Qt.ItemDataRole.TextAlignmentRole:
            vertical = Qt.AlignmentFlag.AlignTop
            if column == self.OBSERVATIONS:
                return int(vertical | Qt.AlignmentFlag.AlignRight)
            return int(vertical | Qt.AlignmentFlag.AlignLeft)
        return None

    def _text(self, result: CriterionResult, column: int) -> str | None:
        match column:
            case self.CRITERION:
                return criterion_label(result.criterion)
            case self.RESULT:
                interval = criterion_interval_text(result)
                value = criterion_value_text(result)
                return value if interval == "—" else f"{value}\n({interval})"
            case self.OBSERVATIONS:
                return observations_text(result.criterion.measure, result.n)
            case self.VERDICT:
                return result_word(result)
            case self.SENTENCE:
                return result.sentence
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class VerdictDelegate(QStyledItemDelegate):
    """The verdict cell: its badge, then the word, at the top of the row."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        verdict = _VERDICTS.get(str(index.data(VERDICT_ROLE)))
        base = QStyleOptionViewItem(option)
        self.initStyleOption(base, index)
        text = base.text
        base.text = ""
        widget = option.widget
        style = widget.style() if isinstance(widget, QWidget) else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, base, painter, widget)
        if verdict is None:
            return
        rect: QRect = option.rect
        palette: QPalette = option.palette
        size = max(12, option.fontMetrics.height())
        margin = 6
        top = rect.top() + 3
        painter.save()
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        painter.drawPixmap(rect.left() + margin, top, verdict_pixmap(verdict, size, palette, ratio))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(role))
        font = painter.font()
        font.setBold(verdict in (Verdict.MET, Verdict.NOT_MET))
        painter.setFont(font)
        left = rect.left() + margin + size + 6
        box = QRect(left, top, rect.right() - left - margin, size)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        metrics = option.fontMetrics
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        width = round(metrics.horizontalAdvance(text) * 1.1) + metrics.height() + 24
        return QSize(width, metrics.height() + 12)


class CriteriaTable(QTableView):
    """The criteria as a table that is exactly as tall as its (wrapped) rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("criteria_table")
        self.criteria_model = CriteriaModel(self)
        self.setModel(self.criteria_model)
        self.setAccessibleName(self.tr("Success criteria and their verdicts"))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setAlternatingRowColors(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.verticalHeader().hide()
        self.verdict_delegate = VerdictDelegate(self)
        self.setItemDelegateForColumn(CriteriaModel.VERDICT, self.verdict_delegate)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_rows)
        header.sectionResized.connect(lambda *_args: self._fit_timer.start())
        self._set_widths()

    def _set_widths(self) -> None:
        """The criterion wraps in a column of fixed characters; the figures and the verdict
        take the width of their text; the sentence takes the rest and wraps."""
        chars = self.fontMetrics().averageCharWidth()
        header = self.horizontalHeader()
        header.setMinimumSectionSize(chars * 8)
        header.setSectionResizeMode(CriteriaModel.CRITERION, QHeaderView.ResizeMode.Fixed)
        self._fit_criterion_column()
        for column in (CriteriaModel.RESULT, CriteriaModel.OBSERVATIONS, CriteriaModel.VERDICT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CriteriaModel.SENTENCE, QHeaderView.ResizeMode.Stretch)

    def _fit_criterion_column(self) -> None:
        """A fifth of the width, from 16 to 30 characters, so that on a narrow screen or
        with large text the sentences keep room to be read."""
        chars = self.fontMetrics().averageCharWidth()
        width = round(min(chars * 30, max(chars * 16, self.viewport().width() * 0.2)))
        if width != self.columnWidth(CriteriaModel.CRITERION):
            self.setColumnWidth(CriteriaModel.CRITERION, width)

    def set_results(self, results: Sequence[CriterionResult]) -> None:
        self.criteria_model.set_rows(results)
        self.fit_rows()
        self._fit_timer.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_criterion_column()
        self._fit_timer.start()

    def fit_rows(self) -> None:
        """Rows as tall as their wrapped text, and the table as tall as its rows."""
        self.resizeRowsToContents()
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        for row in range(self.criteria_model.rowCount()):
            height += self.rowHeight(row)
        self.setFixedHeight(height + 2)

    def sizeHintForRow(self, row: int) -> int:
        return super().sizeHintForRow(row) + 6

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._set_widths()
            self.fit_rows()
