"""The Readiness tab: who is ready to lead, building or needs foundations per department, how
people feel about AI, and whom to ask to be an AI champion.

The first two parts are aggregates (small departments folded, small figures withheld by the
service). The champion list names people: it is marked as for the HR person only.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import UserFacingError
from ui.look import make_heading, make_muted
from ui.messages import show_error
from ui.people.naming import named
from ui.skills.figure_labels import segment_names
from ui.skills.gap_colours import paint_withheld
from ui.skills.readiness_models import (
    SEGMENT_COLOURS,
    AttitudeModel,
    CandidateModel,
    SegmentModel,
)
from ui.skills.tile_table import WrappingHeader, two_line_width

_Index = QModelIndex | QPersistentModelIndex


class SegmentBarDelegate(QStyledItemDelegate):
    """A horizontal bar split into the four segments, each as wide as its share of people."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        if index.column() != SegmentModel.BAR:
            super().paint(painter, option, index)
            return
        rect: QRect = option.rect.adjusted(6, 7, -6, -7)
        palette: QPalette = option.palette
        counts = index.data(SegmentModel.CountsRole)
        painter.save()
        if counts is None:
            paint_withheld(painter, rect, palette)
        elif sum(counts):
            total = sum(counts)
            x = float(rect.left())
            for count, colour in zip(counts, SEGMENT_COLOURS.values(), strict=True):
                width = rect.width() * count / total
                if width > 0:
                    painter.fillRect(QRectF(x, rect.top(), width, rect.height()), QColor(colour))
                x += width
        painter.restore()


def legend_row(parent: QWidget) -> QWidget:
    """Coloured squares naming the four segments."""
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    size = parent.fontMetrics().height() - 4
    for key, name in segment_names().items():
        swatch = QLabel(row)
        swatch.setFixedSize(size, size)
        swatch.setStyleSheet(f"background: {SEGMENT_COLOURS[key]}; border-radius: 2px;")
        layout.addWidget(swatch)
        layout.addWidget(QLabel(name, row))
        layout.addSpacing(12)
    layout.addStretch(1)
    return row


def fitted_table(parent: QWidget, name: str, accessible: str) -> QTableView:
    """A read-only table without its own scrolling: as tall as its rows (see ``fit_height``)."""
    table = named(QTableView(parent), name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    table.setFrameShape(QFrame.Shape.NoFrame)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setAccessibleName(accessible)
    table.verticalHeader().setDefaultSectionSize(round(parent.fontMetrics().height() * 1.9))
    table.setHorizontalHeader(WrappingHeader(table))
    return table


def fit_columns(table: QTableView, stretch: int) -> None:
    """Each column as wide as its widest word of header or its widest figure; ``stretch``
    takes the rest."""
    model = table.model()
    header = table.horizontalHeader()
    if model is None or not model.columnCount():
        return
    bold = header.fontMetrics()
    plain = table.fontMetrics()
    for column in range(model.columnCount()):
        if column == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        cells = (str(model.index(row, column).data() or "") for row in range(model.rowCount()))
        widest = max(
            [*(plain.horizontalAdvance(text) for text in cells), plain.averageCharWidth() * 6]
        )
        width = two_line_width(bold, title, widest)
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(column, width + 28)


def fit_height(table: QTableView) -> None:
    rows = table.verticalHeader().length()
    scroll = table.horizontalScrollBar()
    extra = scroll.sizeHint().height() if scroll.isVisible() else 0
    table.setFixedHeight(table.horizontalHeader().sizeHint().height() + rows + extra + 2)


class ReadinessView(QWidget):
    """The "Readiness" tab of one survey; ``show_campaign`` then ``refresh`` on changes."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("skills_readiness")
        self.services = services
        self.campaign_id: int | None = None
        content = QWidget()
        content.setObjectName("readiness_content")
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 12, 12, 12)
        column.setSpacing(8)

        column.addWidget(make_heading(self.tr("Readiness by department"), content, 1.15))
        column.addWidget(
            make_muted(
                self.tr(
                    "Each person counts in one group, from their mean level and how keen and "
                    "worried they are. Departments with fewer people than the anonymity "
                    "threshold are shown together as “Other”; a group still too small is "
                    "withheld (–)."
                ),
                content,
            )
        )
        column.addWidget(legend_row(content))
        self.segment_model = SegmentModel(self)
        self.segment_table = fitted_table(content, "segment_table", self.tr("Readiness"))
        self.segment_table.setModel(self.segment_model)
        self.segment_table.setItemDelegate(SegmentBarDelegate(self.segment_table))
        self.segment_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        column.addWidget(self.segment_table)

        column.addSpacing(10)
        column.addWidget(make_heading(self.tr("How people feel about AI"), content, 1.15))
        self.attitude_note = make_muted("", content, "attitude_note")
        column.addWidget(self.attitude_note)
        self.attitude_model = AttitudeModel(self)
        self.attitude_table = fitted_table(content, "attitude_table", self.tr("Attitudes"))
        self.attitude_table.setModel(self.attitude_model)
        self.attitude_table.setAlternatingRowColors(False)
        self.attitude_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        column.addWidget(self.attitude_table)

        column.addSpacing(10)
        column.addWidget(self._build_candidates(content))
        column.addStretch(1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _build_candidates(self, parent: QWidget) -> QWidget:
        box = named(QFrame(parent), "champion_candidates")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        column = QVBoxLayout(box)
        column.setContentsMargins(14, 12, 14, 12)
        column.setSpacing(6)
        title_row = QHBoxLayout()
        title_row.addWidget(make_heading(self.tr("Champion candidates"), box, 1.1), 1)
        private = named(QLabel(self.tr("For you only: not included in reports"), box), "private")
        private.setStyleSheet("font-weight: bold; color: #8a4b00;")
        title_row.addWidget(private)
        column.addLayout(title_row)
        column.addWidget(
            make_muted(
                self.tr(
                    "People ready to lead (high level, keen, not worried), up to three per "
                    "department: ask them to be their department's AI champion."
                ),
                box,
            )
        )
        self.candidate_model = CandidateModel(self)
        self.candidate_table = fitted_table(box, "candidate_table", self.tr("Champion candidates"))
        self.candidate_table.setModel(self.candidate_model)
        self.candidate_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.candidate_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.candidate_table.selectionModel().selectionChanged.connect(self._update_button)
        column.addWidget(self.candidate_table)
        self.no_candidates = make_muted(
            self.tr("Nobody is ready to lead yet: come back when more people have rated."),
            box,
            "no_candidates",
        )
        column.addWidget(self.no_candidates)
        row = QHBoxLayout()
        self.nominate_button = named(
            QPushButton(self.tr("Nominate as cha&mpion"), box), "nominate_champion"
        )
        self.nominate_button.setToolTip(self.tr("Mark the selected people as AI champions"))
        self.nominate_button.clicked.connect(self.nominate_selected)
        row.addWidget(self.nominate_button)
        row.addStretch(1)
        column.addLayout(row)
        return box

    # Data -------------------------------------------------------------------------------
    def show_campaign(self, campaign_id: int | None) -> None:
        self.campaign_id = campaign_id
        self.refresh()

    def refresh(self) -> None:
        if self.campaign_id is None:
            self.segment_model.set_segments([], 5)
            self.attitude_model.set_summary(None)
            self.candidate_model.set_candidates([])
            self._after_reset()
            return
        results = self.services.skills_results
        summary = results.readiness(self.campaign_id)
        self.segment_model.set_segments(summary.segments, summary.threshold)
        self.attitude_model.set_summary(summary)
        self.attitude_note.setText(
            self.tr(
                "Mean agreement from 1 (strongly disagree) to 5 (strongly agree), {answered} "
                "people answered. Statements where agreeing is a worry are reversed, so a "
                "higher figure is always better. A figure fewer than {n} people gave is "
                "withheld (–)."
            ).format(answered=summary.answered, n=summary.threshold)
        )
        self.candidate_model.set_candidates(results.champion_candidates(self.campaign_id))
        self._after_reset()

    def _after_reset(self) -> None:
        fit_columns(self.segment_table, SegmentModel.BAR)
        fit_columns(self.candidate_table, CandidateModel.NAME)
        attitudes = self.attitude_table.horizontalHeader()
        attitudes.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        if self.attitude_model.columnCount():
            attitudes.setSectionResizeMode(
                AttitudeModel.GROUP, QHeaderView.ResizeMode.ResizeToContents
            )
        for table in (self.segment_table, self.attitude_table, self.candidate_table):
            fit_height(table)
        has_candidates = self.candidate_model.rowCount() > 0
        self.candidate_table.setVisible(has_candidates)
        self.no_candidates.setVisible(not has_candidates)
        self._update_button()

    # Champions --------------------------------------------------------------------------
    def selected_people(self) -> list[int]:
        rows = sorted(i.row() for i in self.candidate_table.selectionModel().selectedRows())
        return self.candidate_model.person_ids(rows)

    def _update_button(self) -> None:
        rows = [i.row() for i in self.candidate_table.selectionModel().selectedRows()]
        self.nominate_button.setEnabled(
            any(not self.candidate_model.rows[r].champion for r in rows)
        )

    def nominate_selected(self) -> None:
        people = self.selected_people()
        if not people:
            return
        try:
            self.services.champions.nominate(people)
        except UserFacingError as exc:
            show_error(self, exc, action=self.tr("Nominate as champion"))
            return
        if self.campaign_id is not None:
            candidates = self.services.skills_results.champion_candidates(self.campaign_id)
            self.candidate_model.set_candidates(candidates)
            self._after_reset()
