"""The "Change since baseline" tab: per department and skill, the mean gap before and after.

Figures come from ``SkillsResultsService.comparison`` (departments shown in both surveys,
withheld figures left out). A change is told by an arrow and a sign as well as by colour:
green where the gap shrank, red where it grew.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QBrush, QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.skills.results import HeatmapChange, SkillsComparison
from ui.look import make_heading, make_muted
from ui.people.naming import named
from ui.skills.figure_labels import (
    WITHHELD,
    date_text,
    gap_text,
    number_text,
    short_skill_name,
)
from ui.skills.gap_colours import (
    BETTER,
    UNCHANGED,
    WORSE,
    change_colour,
    paint_withheld,
    text_colour_on,
)
from ui.skills.tile_table import TILE_GAP, TileTable

_Index = QModelIndex | QPersistentModelIndex


def arrow_text(change: float) -> str:
    """▼ 0.4 (the gap shrank), ▲ 0.3 (it grew), = 0.0."""
    if round(change, 1) < 0:
        return "▼ " + number_text(abs(change))
    if round(change, 1) > 0:
        return "▲ " + number_text(change)
    return "= " + number_text(0.0)


class ComparisonModel(QAbstractTableModel):
    """Rows: departments in both surveys; columns: the department, then one per skill."""

    GROUP = 0
    FIRST_SKILL = 1
    ChangeRole = Qt.ItemDataRole.UserRole + 1
    """float | None: after minus before (negative: the gap shrank)."""
    BeforeAfterRole = Qt.ItemDataRole.UserRole + 2
    """str: "1.8 → 1.2", the second line of a cell."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.comparison: SkillsComparison | None = None
        self._changes: dict[tuple[str, str], HeatmapChange] = {}

    def set_comparison(self, comparison: SkillsComparison | None) -> None:
        self.beginResetModel()
        self.comparison = comparison
        changes = comparison.changes if comparison else []
        self._changes = {(c.group, c.skill): c for c in changes}
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.comparison else len(self.comparison.groups)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.comparison else len(self.comparison.skills) + 1

    def change_at(self, row: int, column: int) -> HeatmapChange | None:
        if self.comparison is None or not 0 <= row < len(self.comparison.groups):
            return None
        position = column - self.FIRST_SKILL
        if not 0 <= position < len(self.comparison.skills):
            return None
        key = self.comparison.skills[position][0]
        return self._changes.get((self.comparison.groups[row], key))

    def index_of(self, group: str, skill_key: str) -> QModelIndex:
        if self.comparison is None or group not in self.comparison.groups:
            return QModelIndex()
        keys = [k for k, _n in self.comparison.skills]
        if skill_key not in keys:
            return QModelIndex()
        row = self.comparison.groups.index(group)
        return self.index(row, self.FIRST_SKILL + keys.index(skill_key))

    def counts(self) -> tuple[int, int, int]:
        """How many figures shrank, grew and stayed the same (comparable ones only)."""
        shrank = grew = same = 0
        for change in self._changes.values():
            if change.change is None:
                continue
            value = round(change.change, 1)
            shrank += value < 0
            grew += value > 0
            same += value == 0
        return shrank, grew, same

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or self.comparison is None:
            return None
        if not 0 <= section < self.columnCount():
            return None
        if section == self.GROUP:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("Department")
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return None
        key, name = self.comparison.skills[section - self.FIRST_SKILL]
        if role == Qt.ItemDataRole.DisplayRole:
            return short_skill_name(key, name)
        if role == Qt.ItemDataRole.ToolTipRole:
            return name
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self.comparison is None:
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < self.rowCount() and 0 <= column < self.columnCount()):
            return None
        group = self.comparison.groups[row]
        if column == self.GROUP:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return group
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return None
        found = self.change_at(row, column)
        change = found.change if found else None
        if role == Qt.ItemDataRole.DisplayRole:
            return WITHHELD if change is None else arrow_text(change)
        if role == self.ChangeRole:
            return change
        if role == self.BeforeAfterRole:
            if found is None or change is None:
                return ""
            return f"{gap_text(found.before)} → {gap_text(found.after)}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._tip(group, column, found)
        if role == Qt.ItemDataRole.BackgroundRole and change is not None:
            return QBrush(change_colour(change))
        return None

    def _tip(self, group: str, column: int, found: HeatmapChange | None) -> str:
        assert self.comparison is not None
        key, name = self.comparison.skills[column - self.FIRST_SKILL]
        skill = short_skill_name(key, name)
        if found is None or found.change is None:
            return self.tr(
                "{group} · {skill}: not comparable, withheld or not rated in one of the surveys"
            ).format(group=group, skill=skill)
        value = round(found.change, 1)
        if value < 0:
            verdict = self.tr("the gap shrank")
        elif value > 0:
            verdict = self.tr("the gap grew")
        else:
            verdict = self.tr("no change")
        return self.tr(
            "{group} · {skill}: mean gap {before} → {after} ({change}: {verdict})"
        ).format(
            group=group,
            skill=skill,
            before=gap_text(found.before),
            after=gap_text(found.after),
            change=arrow_text(found.change),
            verdict=verdict,
        )


class ChangeCellDelegate(QStyledItemDelegate):
    """A tinted tile: the change with its arrow on top, before → after underneath."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        if index.column() == ComparisonModel.GROUP:
            super().paint(painter, option, index)
            return
        rect: QRect = option.rect
        palette: QPalette = option.palette
        tile = rect.adjusted(TILE_GAP, TILE_GAP, -TILE_GAP, -TILE_GAP)
        change = index.data(ComparisonModel.ChangeRole)
        painter.save()
        if change is None:
            paint_withheld(painter, tile, palette)
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(tile, int(Qt.AlignmentFlag.AlignCenter), WITHHELD)
            painter.restore()
            return
        colour = change_colour(float(change))
        painter.fillRect(tile, colour)
        ink = text_colour_on(colour)
        font = QFont(option.font)
        font.setBold(True)
        top, bottom = (
            tile.adjusted(0, 3, 0, -tile.height() // 2),
            tile.adjusted(0, tile.height() // 2, 0, -3),
        )
        painter.setFont(font)
        painter.setPen(ink)
        painter.drawText(
            top,
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
            str(index.data()),
        )
        small = QFont(option.font)
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.85))
        painter.setFont(small)
        painter.drawText(
            bottom,
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
            str(index.data(ComparisonModel.BeforeAfterRole) or ""),
        )
        painter.restore()


def _swatch(colour: str, text: str, parent: QWidget) -> list[QWidget]:
    size = parent.fontMetrics().height() - 4
    square = QLabel(parent)
    square.setFixedSize(size, size)
    square.setStyleSheet(f"background: {colour}; border: 1px solid #b0b0b0;")
    return [square, QLabel(text, parent)]


class ComparisonView(QWidget):
    """The follow-up against its baseline; empty (with a sentence) for a baseline survey."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("skills_comparison")
        self.services = services
        self.campaign_id: int | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 12, 0, 0)
        column.setSpacing(8)
        column.addWidget(make_heading(self.tr("Change since the baseline"), self, 1.15))
        self.summary = make_muted("", self, "comparison_summary")
        column.addWidget(self.summary)
        self.model = ComparisonModel(self)
        self.table = named(
            TileTable(self, row_lines=2.9, cell_sample="0.0 → 0.0"), "comparison_table"
        )
        self.table.setModel(self.model)
        self.table.setItemDelegate(ChangeCellDelegate(self.table))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setAccessibleName(self.tr("Change in the mean gap since the baseline"))
        column.addWidget(self.table, 10)
        legend = QHBoxLayout()
        legend.setSpacing(6)
        for colour, text in (
            (BETTER[1], self.tr("▼ the gap shrank")),
            (WORSE[1], self.tr("▲ the gap grew")),
            (UNCHANGED, self.tr("= no change")),
            (
                "#e0e0e0",
                self.tr("{dash} not comparable (withheld or not rated)").format(dash=WITHHELD),
            ),
        ):
            for widget in _swatch(colour, text, self):
                legend.addWidget(widget)
            legend.addSpacing(12)
        legend.addStretch(1)
        column.addLayout(legend)
        column.addStretch(1)

    def show_campaign(self, campaign_id: int | None) -> None:
        self.campaign_id = campaign_id
        self.refresh()

    def refresh(self) -> None:
        comparison = (
            self.services.skills_results.comparison(self.campaign_id)
            if self.campaign_id is not None
            else None
        )
        self.model.set_comparison(comparison)
        if comparison is None:
            self.summary.setText(
                self.tr(
                    "Nothing to compare: this survey is a baseline, or the baseline it was "
                    "compared with has been deleted. A follow-up survey shows what changed."
                )
            )
        else:
            shrank, grew, _same = self.model.counts()
            self.summary.setText(
                self.tr(
                    "{baseline} ({baseline_on}) → {follow_up} ({follow_up_on}). The mean gap "
                    "shrank in {shrank} and grew in {grew} of {total} department × skill "
                    "figures. Only departments shown in both surveys are compared."
                ).format(
                    baseline=comparison.baseline_name,
                    baseline_on=date_text(comparison.baseline_on),
                    follow_up=comparison.follow_up_name,
                    follow_up_on=date_text(comparison.follow_up_on),
                    shrank=shrank,
                    grew=grew,
                    total=len(comparison.changes),
                )
            )

    def cell_text(self, group: str, skill_key: str) -> str:
        index = self.model.index_of(group, skill_key)
        return str(index.data()) if index.isValid() else ""
