"""The gaps heatmap page: departments × skills coloured by mean gap, with its legend and notes.

The table is drawn as tiles: each figure on its colour from the sequential ramp, a withheld
figure as a dash on a grey hatch, a cell nobody rated left blank. The headers wrap, so short
skill names fit narrow columns; the full name is in each header's tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from ui.look import make_heading, make_muted, scaled_font
from ui.people.naming import named
from ui.skills.gap_colours import empty_colour, gap_colour, paint_withheld, text_colour_on
from ui.skills.heatmap_legend import HeatmapLegend
from ui.skills.heatmap_model import HeatmapModel
from ui.skills.tile_table import TILE_GAP, TileTable

_Index = QModelIndex | QPersistentModelIndex


class HeatCellDelegate(QStyledItemDelegate):
    """Paints figures as coloured tiles and department names as plain text."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        kind = index.data(HeatmapModel.KindRole)
        if kind not in ("skill", "total"):
            plain = QStyleOptionViewItem(option)
            plain.state &= ~QStyle.StateFlag.State_Selected
            plain.state &= ~QStyle.StateFlag.State_HasFocus
            super().paint(painter, plain, index)
            return
        palette = option.palette
        rect: QRect = option.rect
        left = TILE_GAP * 4 if kind == "total" else TILE_GAP
        tile = rect.adjusted(left, TILE_GAP, -TILE_GAP, -TILE_GAP)
        painter.save()
        value = index.data(HeatmapModel.GapRole)
        text_colour = palette.color(QPalette.ColorRole.PlaceholderText)
        if index.data(HeatmapModel.WithheldRole):
            paint_withheld(painter, tile, palette)
            text_colour = palette.color(QPalette.ColorRole.Text)
        elif value is not None:
            colour = gap_colour(float(value))
            painter.fillRect(tile, colour)
            text_colour = text_colour_on(colour)
        else:
            painter.fillRect(tile, empty_colour(palette))
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Midlight), 1))
            painter.drawRect(tile.adjusted(0, 0, -1, -1))
        state = option.state
        if state & QStyle.StateFlag.State_HasFocus or state & QStyle.StateFlag.State_Selected:
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2)
            painter.setPen(pen)
            painter.drawRect(tile.adjusted(1, 1, -1, -1))
        font = QFont(option.font)
        font.setBold(kind == "total")
        painter.setFont(font)
        painter.setPen(text_colour)
        painter.drawText(tile, int(Qt.AlignmentFlag.AlignCenter), str(index.data() or ""))
        painter.restore()


class HeatmapView(QWidget):
    """The "Gaps heatmap" tab for one survey; ``show_campaign`` then ``refresh`` on changes."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("skills_heatmap")
        self.services = services
        self.campaign_id: int | None = None
        self._descriptions: dict[str, str] | None = None

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 12, 0, 0)
        column.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(make_heading(self.tr("Gap to target by department"), self, 1.15), 1)
        self.rated_label = named(QLabel(self), "heatmap_rated")
        self.rated_label.setFont(scaled_font(self, 1.0, bold=True))
        top.addWidget(self.rated_label, 0, Qt.AlignmentFlag.AlignBottom)
        column.addLayout(top)
        column.addWidget(
            make_muted(
                self.tr(
                    "How many levels, on average, people are below the target for their "
                    "role: 0 means on target, 4 means four levels short. Point at a cell to "
                    "see how many people it covers."
                ),
                self,
            )
        )

        self.model = HeatmapModel(self)
        self.table = named(TileTable(self), "heatmap_table")
        self.table.setModel(self.model)
        self.table.setItemDelegate(HeatCellDelegate(self.table))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setAccessibleName(self.tr("Gaps heatmap"))
        column.addWidget(self.table, 10)

        self.legend = HeatmapLegend(self)
        column.addWidget(self.legend)
        self.threshold_label = make_muted("", self, "heatmap_threshold")
        column.addWidget(self.threshold_label)
        column.addStretch(1)

    # Data -------------------------------------------------------------------------------
    def show_campaign(self, campaign_id: int | None) -> None:
        self.campaign_id = campaign_id
        self.refresh()

    def refresh(self) -> None:
        """Re-read the heatmap of the shown survey (one service call, one model reset)."""
        if self.campaign_id is None:
            self.model.set_heatmap(None)
            self.rated_label.clear()
            self.threshold_label.clear()
            return
        heatmap = self.services.skills_results.heatmap(self.campaign_id)
        self.model.set_heatmap(heatmap, self._skill_descriptions())
        if heatmap.rated:
            rated = self.tr("{rated} of {people} people have rated themselves").format(
                rated=heatmap.rated, people=heatmap.people
            )
        else:
            rated = self.tr("Nobody has rated themselves yet: enter answers under Enter ratings")
        self.rated_label.setText(rated)
        self.legend.set_threshold(heatmap.threshold)
        self.threshold_label.setText(
            self.tr(
                "To protect privacy, departments with fewer than {n} people are shown together "
                "as “Other”, and a figure that fewer than {n} people rated is withheld (–)."
            ).format(n=heatmap.threshold)
        )

    def _skill_descriptions(self) -> dict[str, str]:
        if self._descriptions is None:
            catalogue = self.services.skills.catalogue()
            self._descriptions = {s.key: s.description for s in catalogue.skills}
        return self._descriptions

    def cell_text(self, group: str, skill_key: str) -> str:
        index = self.model.index_of(group, skill_key)
        return str(index.data()) if index.isValid() else ""

    def colour_of(self, group: str, skill_key: str) -> QColor | None:
        index = self.model.index_of(group, skill_key)
        value = index.data(HeatmapModel.GapRole) if index.isValid() else None
        return gap_colour(float(value)) if value is not None else None
