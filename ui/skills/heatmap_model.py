"""The gaps heatmap as a Qt table model: departments down, skills across, a total at the end.

Every figure comes from ``SkillsResultsService.heatmap`` (small departments already folded
into Other, small cells already withheld); the totals column is
``app.skills.analysis.group_totals`` over the shown cells. The model computes nothing of its
own from people's ratings, so it can never show what the service withheld.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from app.skills.analysis import GroupTotal, HeatCell, group_totals
from app.skills.results import SkillsHeatmap
from ui.skills.figure_labels import (
    WITHHELD,
    gap_text,
    number_text,
    short_skill_name,
    withheld_tip,
)
from ui.skills.gap_colours import gap_colour, text_colour_on

_Index = QModelIndex | QPersistentModelIndex


class HeatmapModel(QAbstractTableModel):
    """Rows: department groups as the service gives them (Other last). Columns: the group's
    name, one column per skill, then the group's mean over its shown skills."""

    GROUP = 0
    FIRST_SKILL = 1

    GapRole = Qt.ItemDataRole.UserRole + 1
    """float | None: the figure that colours the cell (None: nothing to colour)."""
    WithheldRole = Qt.ItemDataRole.UserRole + 2
    """bool: the figure is withheld to protect a small group."""
    KindRole = Qt.ItemDataRole.UserRole + 3
    """"group", "skill" or "total": how the delegate paints the cell."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.heatmap: SkillsHeatmap | None = None
        self._cells: dict[tuple[str, str], HeatCell] = {}
        self._totals: dict[str, GroupTotal] = {}
        self._descriptions: dict[str, str] = {}

    # Filling ----------------------------------------------------------------------------
    def set_heatmap(
        self, heatmap: SkillsHeatmap | None, descriptions: dict[str, str] | None = None
    ) -> None:
        """Show ``heatmap`` (None: nothing); ``descriptions`` are skill key -> what it is."""
        self.beginResetModel()
        self.heatmap = heatmap
        self._descriptions = dict(descriptions or {})
        cells = heatmap.cells if heatmap is not None else []
        self._cells = {(c.group, c.skill): c for c in cells}
        self._totals = {t.group: t for t in group_totals(cells)}
        self.endResetModel()

    # Reading ----------------------------------------------------------------------------
    @property
    def total_column(self) -> int:
        return self.FIRST_SKILL + len(self.heatmap.skills) if self.heatmap is not None else -1

    @property
    def groups(self) -> list[str]:
        return list(self.heatmap.groups) if self.heatmap is not None else []

    def skill_key(self, column: int) -> str | None:
        if self.heatmap is None:
            return None
        position = column - self.FIRST_SKILL
        return (
            self.heatmap.skills[position][0] if 0 <= position < len(self.heatmap.skills) else None
        )

    def cell_at(self, row: int, column: int) -> HeatCell | None:
        key = self.skill_key(column)
        if key is None or not 0 <= row < len(self.groups):
            return None
        return self._cells.get((self.groups[row], key))

    def total_at(self, row: int) -> GroupTotal | None:
        return self._totals.get(self.groups[row]) if 0 <= row < len(self.groups) else None

    def index_of(self, group: str, skill_key: str) -> QModelIndex:
        if self.heatmap is None or group not in self.heatmap.groups:
            return QModelIndex()
        keys = [key for key, _name in self.heatmap.skills]
        if skill_key not in keys:
            return QModelIndex()
        return self.index(
            self.heatmap.groups.index(group), self.FIRST_SKILL + keys.index(skill_key)
        )

    # Qt -----------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.heatmap is None else len(self.heatmap.groups)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.heatmap is None:
            return 0
        return len(self.heatmap.skills) + 2

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or self.heatmap is None:
            return None
        if not 0 <= section < self.columnCount():
            return None
        key = self.skill_key(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == self.GROUP:
                return self.tr("Department")
            if key is None:
                return self.tr("All skills")
            return short_skill_name(key, self._name(key))
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == self.GROUP:
                return self.tr("Departments with fewer than {n} people are shown together").format(
                    n=self.heatmap.threshold
                )
            if key is None:
                return self.tr(
                    "Each department's mean gap over the skills shown for it (withheld cells "
                    "take no part)"
                )
            description = self._descriptions.get(key, "")
            name = self._name(key)
            return f"{name}\n{description}" if description else name
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if section == self.GROUP:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self.heatmap is None:
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < self.rowCount() and 0 <= column < self.columnCount()):
            return None
        group = self.heatmap.groups[row]
        if column == self.GROUP:
            return self._group_data(group, role)
        if column == self.total_column:
            return self._total_data(group, role)
        cell = self.cell_at(row, column)
        return self._cell_data(group, column, cell, role)

    # Roles per kind of column -------------------------------------------------------------
    def _group_data(self, group: str, role: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return group
        if role == Qt.ItemDataRole.ToolTipRole:
            return group
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == self.KindRole:
            return "group"
        if role == self.WithheldRole:
            return False
        return None

    def _cell_data(self, group: str, column: int, cell: HeatCell | None, role: int) -> object:
        assert self.heatmap is not None
        withheld = cell is not None and cell.suppressed
        value = None if cell is None or withheld else cell.mean_gap
        if role == Qt.ItemDataRole.DisplayRole:
            return WITHHELD if withheld else gap_text(value)
        if role == self.GapRole:
            return value
        if role == self.WithheldRole:
            return withheld
        if role == self.KindRole:
            return "skill"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        key = self.skill_key(column)
        assert key is not None
        name = short_skill_name(key, self._name(key))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._cell_tip(group, name, cell)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{group}, {name}: {self._cell_tip(group, name, cell)}"
        if role == Qt.ItemDataRole.BackgroundRole and value is not None:
            return QBrush(gap_colour(value))
        if role == Qt.ItemDataRole.ForegroundRole and value is not None:
            return QBrush(text_colour_on(gap_colour(value)))
        return None

    def _cell_tip(self, group: str, name: str, cell: HeatCell | None) -> str:
        assert self.heatmap is not None
        if cell is not None and cell.suppressed:
            return withheld_tip(self.heatmap.threshold)
        if cell is None or cell.mean_gap is None:
            return self.tr("{group} · {skill}: nobody has rated this yet").format(
                group=group, skill=name
            )
        return self.tr(
            "{group} · {skill}: mean gap {gap} levels (n = {n}, spread {spread})"
        ).format(
            group=group,
            skill=name,
            gap=number_text(cell.mean_gap),
            n=cell.people,
            spread=number_text(cell.spread or 0.0),
        )

    def _total_data(self, group: str, role: int) -> object:
        total = self._totals.get(group)
        value = total.mean_gap if total is not None else None
        withheld = total is not None and value is None and total.withheld > 0
        if role == Qt.ItemDataRole.DisplayRole:
            return WITHHELD if withheld else gap_text(value)
        if role == self.GapRole:
            return value
        if role == self.WithheldRole:
            return withheld
        if role == self.KindRole:
            return "total"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._total_tip(group, total)
        if role == Qt.ItemDataRole.BackgroundRole and value is not None:
            return QBrush(gap_colour(value))
        if role == Qt.ItemDataRole.ForegroundRole and value is not None:
            return QBrush(text_colour_on(gap_colour(value)))
        return None

    def _total_tip(self, group: str, total: GroupTotal | None) -> str:
        assert self.heatmap is not None
        if total is None or total.mean_gap is None:
            if total is not None and total.withheld:
                return withheld_tip(self.heatmap.threshold)
            return self.tr("{group}: nobody has rated any skill yet").format(group=group)
        tip = self.tr("{group}: mean gap {gap} levels over {skills} skills").format(
            group=group, gap=number_text(total.mean_gap), skills=total.skills
        )
        if total.withheld:
            tip += " " + self.tr("({n} withheld, not counted)").format(n=total.withheld)
        return tip

    def _name(self, key: str) -> str:
        assert self.heatmap is not None
        return next((name for k, name in self.heatmap.skills if k == key), key)
