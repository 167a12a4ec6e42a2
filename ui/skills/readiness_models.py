"""Table models of the Readiness tab: segments per department, attitudes, champion candidates.

Segments and attitudes are aggregates from ``SkillsResultsService.readiness`` (folded and
withheld there); champion candidates name people and are for the HR person's screen only.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPalette

from app.skills.analysis import AttitudeCell, SegmentCounts
from app.skills.catalogue import AttitudeItem
from app.skills.results import ChampionCandidate, ReadinessSummary
from ui.skills.figure_labels import WITHHELD, number_text, segment_names, short_attitude_name
from ui.skills.gap_colours import text_colour_on

_Index = QModelIndex | QPersistentModelIndex
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

SEGMENT_COLOURS = {
    "ready_to_lead": "#009E73",
    "building": "#56B4E9",
    "needs_foundations": "#E69F00",
    "unknown": "#C8C8C8",
}
"""Okabe–Ito colours, told apart with every kind of colour blindness."""

AGREE_COLOUR = "#6baed6"
"""Where people agree strongly (5): blue. Neutral (3) is white; disagreeing (1) is orange, the
colour of a concern everywhere in the Skills area. Blue and orange stay apart for every kind
of colour blindness, and both are light enough for dark text."""
DISAGREE_COLOUR = "#fdae6b"


def attitude_colour(mean: float, neutral: QColor | None = None) -> QColor:
    """``neutral`` (the table's background; white) at 3, neither agree nor disagree, moving
    towards blue at 5 and orange at 1."""
    start = neutral or QColor("#ffffff")
    share = max(-1.0, min(1.0, (mean - 3.0) / 2.0))
    end = QColor(AGREE_COLOUR if share >= 0 else DISAGREE_COLOUR)
    share = abs(share)
    return QColor(
        round(start.red() + (end.red() - start.red()) * share),
        round(start.green() + (end.green() - start.green()) * share),
        round(start.blue() + (end.blue() - start.blue()) * share),
    )


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class SegmentModel(QAbstractTableModel):
    """One row per department group; the BAR column is drawn by ``SegmentBarDelegate``."""

    GROUP, PEOPLE, BAR, READY, BUILDING, FOUNDATIONS, UNKNOWN, WORRIED = range(8)
    CountsRole = Qt.ItemDataRole.UserRole + 1
    """In the BAR column: the four segment counts in display order, or None when withheld."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[SegmentCounts] = []
        self.threshold = 5

    def set_segments(self, rows: list[SegmentCounts], threshold: int) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.threshold = threshold
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        names = segment_names()
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                self.GROUP: self.tr("Department"),
                self.PEOPLE: self.tr("People"),
                self.BAR: self.tr("Share of people"),
                self.READY: names["ready_to_lead"],
                self.BUILDING: names["building"],
                self.FOUNDATIONS: names["needs_foundations"],
                self.UNKNOWN: names["unknown"],
                self.WORRIED: self.tr("Worried"),
            }.get(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                self.READY: self.tr("Skilled (mean level 2.5 or more), keen and not worried"),
                self.BUILDING: self.tr("Mean level between 1.5 and 2.5, or not yet keen"),
                self.FOUNDATIONS: self.tr("Mean level under 1.5: start with the basics"),
                self.UNKNOWN: self.tr("Asked in the survey but not rated yet"),
                self.WORRIED: self.tr(
                    "People who agree, on average, with the worry statements (in any segment)"
                ),
            }.get(section)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if section in (self.GROUP, self.BAR) else _CENTRE
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        counts = [row.ready_to_lead, row.building, row.needs_foundations, row.unknown]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.GROUP:
                return row.group
            if column == self.PEOPLE:
                return str(row.people)
            if column == self.BAR:
                return ""
            value = [*counts, row.worried][column - self.READY]
            return WITHHELD if row.suppressed else ("" if value is None else str(value))
        if role == self.CountsRole and column == self.BAR:
            return None if row.suppressed else [c or 0 for c in counts]
        if role == Qt.ItemDataRole.ToolTipRole or role == Qt.ItemDataRole.AccessibleTextRole:
            return self._describe(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if column == self.GROUP else _CENTRE
        if role == Qt.ItemDataRole.ForegroundRole and row.suppressed and column > self.PEOPLE:
            return QBrush(QColor("#8a8a8a"))
        return None

    def _describe(self, row: SegmentCounts) -> str:
        if row.suppressed:
            return self.tr("{group}: withheld, fewer than {n} people").format(
                group=row.group, n=self.threshold
            )
        return self.tr(
            "{group}: {ready} ready to lead, {building} building, {foundations} need "
            "foundations, {unknown} not rated yet"
        ).format(
            group=row.group,
            ready=row.ready_to_lead,
            building=row.building,
            foundations=row.needs_foundations,
            unknown=row.unknown,
        )


class AttitudeModel(QAbstractTableModel):
    """Rows: everyone, then each department group; columns: the attitude statements."""

    GROUP = 0
    FIRST_ITEM = 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[AttitudeItem] = []
        self.groups: list[str] = []
        self._cells: dict[tuple[str, str], AttitudeCell] = {}
        self.threshold = 5

    def set_summary(self, summary: ReadinessSummary | None) -> None:
        self.beginResetModel()
        self.items = list(summary.items) if summary else []
        self.threshold = summary.threshold if summary else 5
        cells = [*summary.overall, *summary.attitudes] if summary else []
        self.groups = []
        for cell in cells:
            if cell.group not in self.groups:
                self.groups.append(cell.group)
        self._cells = {(c.group, c.item): c for c in cells}
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.groups)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.items else len(self.items) + 1

    def item_at(self, column: int) -> AttitudeItem | None:
        position = column - self.FIRST_ITEM
        return self.items[position] if 0 <= position < len(self.items) else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        item = self.item_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if item is None:
                return self.tr("Department")
            name = short_attitude_name(item.key, item.statement)
            return self.tr("{name} (reversed)").format(name=name) if item.reverse else name
        if role == Qt.ItemDataRole.ToolTipRole and item is not None:
            note = (
                self.tr("Reversed: agreeing is a worry, so a higher figure means less worry.")
                if item.reverse
                else self.tr("A higher figure means more people agree.")
            )
            return f"“{item.statement}”\n{note}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if item is None else _CENTRE
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.groups):
            return None
        group = self.groups[index.row()]
        item = self.item_at(index.column())
        if item is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return group
            if role == Qt.ItemDataRole.FontRole and index.row() == 0:
                return _bold()
            return None
        cell = self._cells.get((group, item.key))
        shown = cell is not None and not cell.suppressed and cell.mean is not None
        if role == Qt.ItemDataRole.DisplayRole:
            if cell is not None and cell.suppressed:
                return WITHHELD
            return number_text(cell.mean) if shown and cell and cell.mean is not None else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if cell is not None and cell.suppressed:
                return self.tr("Withheld: fewer than {n} people answered this").format(
                    n=self.threshold
                )
            if not shown or cell is None or cell.mean is None:
                return self.tr("Nobody in {group} has answered this yet").format(group=group)
            return self.tr("{group}: {mean} out of 5 (n = {n})").format(
                group=group, mean=number_text(cell.mean), n=cell.people
            )
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            if not shown or cell is None or cell.mean is None:
                return None
            neutral = QGuiApplication.palette().color(QPalette.ColorRole.Base)
            colour = attitude_colour(cell.mean, neutral)
            if role == Qt.ItemDataRole.ForegroundRole:
                colour = text_colour_on(colour)
            return QBrush(colour)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTRE
        if role == Qt.ItemDataRole.FontRole and index.row() == 0:
            return _bold()
        return None


class CandidateModel(QAbstractTableModel):
    """People to ask to be AI champions, by department (names: for the HR person only)."""

    NAME, DEPARTMENT, LEVEL, INTEREST, CHAMPION = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ChampionCandidate] = []

    def set_candidates(self, rows: list[ChampionCandidate]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                self.NAME: self.tr("Name"),
                self.DEPARTMENT: self.tr("Department"),
                self.LEVEL: self.tr("Mean level"),
                self.INTEREST: self.tr("Interest"),
                self.CHAMPION: self.tr("Champion"),
            }.get(section)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTRE if section in (self.LEVEL, self.INTEREST) else _LEFT
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                self.LEVEL: self.tr("Mean proficiency over the skills rated, 0–4"),
                self.INTEREST: self.tr("How keen they are to learn more, 1–5"),
            }.get(section)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                self.NAME: row.display_name,
                self.DEPARTMENT: row.department,
                self.LEVEL: number_text(row.mean_level),
                self.INTEREST: number_text(row.interest),
                self.CHAMPION: self.tr("✓ Champion") if row.champion else "",
            }.get(column)
        if role == Qt.ItemDataRole.UserRole:
            return row.person_id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.LEVEL, self.INTEREST):
            return _CENTRE
        return None

    def person_ids(self, rows: list[int]) -> list[int]:
        return [self.rows[r].person_id for r in rows if 0 <= r < len(self.rows)]
