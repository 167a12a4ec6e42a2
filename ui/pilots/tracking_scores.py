"""Scores taken before and after the pilot, per participant: the knowledge check (%) and
engagement (job and career-development satisfaction, 1–5).

Each value saves itself when it is typed; Delete clears it. The knowledge check shows the
change in points beside the two scores.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtWidgets import QApplication, QHeaderView, QStyledItemDelegate, QWidget

from app.pilots.records import ParticipantRow, ScoreRow
from app.pilots.tracking import PilotTrackingService
from app.pilots.tracking_import_model import ImportKind
from app.pilots.tracking_import_values import NotANumber
from ui.pilots.tracking_section import MeasurementSection
from ui.pilots.tracking_table import (
    DISPLAY,
    EDIT,
    EntryModel,
    ModelIndex,
    TextDelegate,
    number_text,
    parse_typed_number,
)


@dataclass(frozen=True)
class ScoreColumn:
    """A column of scores: which score kind, before or after, and its header."""

    kind: str
    phase: str
    header: str


class ScoresModel(EntryModel):
    """Participants down; each ScoreColumn across, then the change for a single kind."""

    PERSON = 0

    def __init__(
        self,
        tracking: PilotTrackingService,
        columns: Sequence[ScoreColumn],
        *,
        show_change: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tracking = tracking
        self.columns = list(columns)
        self.show_change = show_change
        self.pilot_id: int | None = None
        self._people: list[ParticipantRow] = []
        self._scores: dict[tuple[int, str, str], float] = {}

    def load(
        self,
        pilot_id: int,
        people: Sequence[ParticipantRow],
        scores: Mapping[str, Sequence[ScoreRow]],
    ) -> None:
        self.beginResetModel()
        self.pilot_id = pilot_id
        self._people = list(people)
        self._scores = {}
        for kind, rows in scores.items():
            for row in rows:
                for phase, value in (("before", row.before), ("after", row.after)):
                    if value is not None:
                        self._scores[(row.participant_id, kind, phase)] = value
        self.endResetModel()

    def filled(self) -> int:
        """How many participants have at least one score here."""
        return len({pid for pid, _k, _p in self._scores})

    @property
    def change_column(self) -> int | None:
        return len(self.columns) + 1 if self.show_change else None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._people)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns) + 1 + int(self.show_change)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != DISPLAY:
            return None
        if section == self.PERSON:
            return self.tr("Participant")
        if section == self.change_column:
            return self.tr("Change")
        if 1 <= section <= len(self.columns):
            return self.columns[section - 1].header
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if 1 <= index.column() <= len(self.columns):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: ModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._people):
            return None
        person = self._people[index.row()]
        column = index.column()
        if column == self.PERSON:
            return person.display_name if role == DISPLAY else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if column == self.change_column:
            kind = self.columns[0].kind
            before = self._scores.get((person.id, kind, "before"))
            after = self._scores.get((person.id, kind, "after"))
            if role == DISPLAY and before is not None and after is not None:
                change = after - before
                return self.tr("{sign}{value} points").format(
                    sign="+" if change > 0 else "", value=number_text(round(change, 1))
                )
            return None
        spec = self.columns[column - 1]
        value = self._scores.get((person.id, spec.kind, spec.phase))
        if role in (DISPLAY, EDIT):
            return number_text(value)
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = EDIT) -> bool:
        if role != EDIT or not index.isValid() or self.pilot_id is None:
            return False
        if not 1 <= index.column() <= len(self.columns):
            return False
        spec = self.columns[index.column() - 1]
        person = self._people[index.row()]
        text = str(value or "").strip().rstrip("%").strip()
        try:
            number = parse_typed_number(text)
        except NotANumber:
            return self.refuse(self.tr("“{value}” is not a number.").format(value=value))
        low, high = (0.0, 100.0) if spec.kind == "knowledge" else (1.0, 5.0)
        if number is not None and not low <= number <= high:
            return self.refuse(
                self.tr("A knowledge check score is from 0 to 100 (%).")
                if spec.kind == "knowledge"
                else self.tr("Satisfaction scores are from 1 to 5.")
            )
        pilot_id = self.pilot_id
        if not self.run_saving(
            lambda: self._tracking.save_scores(pilot_id, spec.kind, spec.phase, {person.id: number})
        ):
            return False
        key = (person.id, spec.kind, spec.phase)
        if number is None:
            self._scores.pop(key, None)
        else:
            self._scores[key] = number
        self.row_changed(index.row())
        return self.accepted(self.tr("Saved {name}'s score.").format(name=person.display_name))

    def clear_cell(self, index: QModelIndex) -> bool:
        if not 1 <= index.column() <= len(self.columns):
            return False
        if self.data(index, EDIT):
            self.setData(index, "", EDIT)
        return True


def _tr(context: str, text: str) -> str:
    return QApplication.translate(context, text)


class ScoresSection(MeasurementSection):
    def __init__(
        self,
        kind: ImportKind,
        title: str,
        hint: str,
        model: ScoresModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(kind, title, hint, model, parent)
        model.setParent(self)
        self.scores = model
        text = TextDelegate(self.view)
        for column in range(1, model.columnCount()):
            self.view.setItemDelegateForColumn(column, text)
            self.view.setColumnWidth(column, 150)
        self.view.setItemDelegateForColumn(ScoresModel.PERSON, QStyledItemDelegate(self.view))
        self.view.horizontalHeader().setSectionResizeMode(
            ScoresModel.PERSON, QHeaderView.ResizeMode.Stretch
        )


def knowledge_section(
    tracking: PilotTrackingService, parent: QWidget | None = None
) -> ScoresSection:
    context = "KnowledgeSection"
    model = ScoresModel(
        tracking,
        [
            ScoreColumn("knowledge", "before", _tr(context, "Score before (%)")),
            ScoreColumn("knowledge", "after", _tr(context, "Score after (%)")),
        ],
        show_change=True,
    )
    return ScoresSection(
        ImportKind.KNOWLEDGE,
        _tr(context, "Knowledge check"),
        _tr(
            context,
            "The score of the same knowledge check taken before the training and after it, "
            "in %. Type a score and press Enter; it is saved and the cursor moves down.",
        ),
        model,
        parent,
    )


def engagement_section(
    tracking: PilotTrackingService, parent: QWidget | None = None
) -> ScoresSection:
    context = "EngagementSection"
    model = ScoresModel(
        tracking,
        [
            ScoreColumn("job_satisfaction", "before", _tr(context, "Job satisfaction\nbefore")),
            ScoreColumn("job_satisfaction", "after", _tr(context, "Job satisfaction\nafter")),
            ScoreColumn(
                "career_satisfaction", "before", _tr(context, "Career development\nbefore")
            ),
            ScoreColumn("career_satisfaction", "after", _tr(context, "Career development\nafter")),
        ],
    )
    return ScoresSection(
        ImportKind.ENGAGEMENT,
        _tr(context, "Engagement"),
        _tr(
            context,
            "How satisfied each participant is with their job and with their career "
            "development, from 1 to 5, before the pilot and after it.",
        ),
        model,
        parent,
    )
