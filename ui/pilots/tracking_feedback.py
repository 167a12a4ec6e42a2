"""The satisfaction survey: per participant 1–5, would recommend 0–10, and a comment.

A digit typed in Satisfaction sets it and moves down; the recommend score and the comment
are typed in a small editor (Enter keeps it and moves down). Each participant's answer
saves itself as one; Delete clears the value the cursor is on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.pilots.records import FeedbackInput, ParticipantRow
from app.pilots.tracking import PilotTrackingService
from app.pilots.tracking_import_model import ImportKind
from app.pilots.tracking_import_values import NotANumber
from ui.pilots.tracking_section import MeasurementSection
from ui.pilots.tracking_table import (
    DISPLAY,
    EDIT,
    Digit,
    EntryModel,
    ModelIndex,
    TextDelegate,
    number_text,
    parse_typed_number,
)


class SurveyModel(EntryModel):
    PERSON, SATISFACTION, RECOMMEND, COMMENT = range(4)

    def __init__(self, tracking: PilotTrackingService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tracking = tracking
        self.pilot_id: int | None = None
        self._people: list[ParticipantRow] = []
        self._answers: dict[int, FeedbackInput] = {}
        self._headers = [
            self.tr("Participant"),
            self.tr("Satisfaction (1–5)"),
            self.tr("Would recommend (0–10)"),
            self.tr("Comment"),
        ]

    def load(
        self,
        pilot_id: int,
        people: Sequence[ParticipantRow],
        answers: Mapping[int, FeedbackInput],
    ) -> None:
        self.beginResetModel()
        self.pilot_id = pilot_id
        self._people = list(people)
        self._answers = dict(answers)
        self.endResetModel()

    def answered(self) -> int:
        return len(self._answers)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._people)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() != self.PERSON:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: ModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._people):
            return None
        person = self._people[index.row()]
        answer = self._answers.get(person.id)
        column = index.column()
        if column == self.PERSON:
            return person.display_name if role == DISPLAY else None
        if column == self.COMMENT:
            if role in (DISPLAY, EDIT, Qt.ItemDataRole.ToolTipRole):
                return answer.comment if answer else ""
            return None
        value = None
        if answer is not None:
            value = answer.satisfaction if column == self.SATISFACTION else answer.recommend
        if role in (DISPLAY, EDIT):
            return number_text(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def type_digit(self, index: QModelIndex, digit: int) -> Digit:
        if index.column() != self.SATISFACTION:
            return Digit.NOT_HANDLED
        self.setData(index, digit, EDIT)
        return Digit.STAY if self.refused else Digit.MOVE_DOWN

    def setData(self, index: ModelIndex, value: Any, role: int = EDIT) -> bool:
        if role != EDIT or not index.isValid() or self.pilot_id is None:
            return False
        person = self._people[index.row()]
        answer = self._answers.get(person.id) or FeedbackInput(person.id, None, None)
        column = index.column()
        if column == self.COMMENT:
            changed = replace(answer, comment=str(value or "").strip())
        elif column in (self.SATISFACTION, self.RECOMMEND):
            low, high = (1, 5) if column == self.SATISFACTION else (0, 10)
            try:
                number = parse_typed_number(value)
            except NotANumber:
                number = -1.0
            if number is not None and (not number.is_integer() or not low <= number <= high):
                return self.refuse(
                    self.tr("Satisfaction is a whole number from 1 to 5.")
                    if column == self.SATISFACTION
                    else self.tr("Would recommend is a whole number from 0 to 10.")
                )
            whole = None if number is None else int(number)
            changed = (
                replace(answer, satisfaction=whole)
                if column == self.SATISFACTION
                else replace(answer, recommend=whole)
            )
        else:
            return False
        return self._save(index.row(), changed)

    def _save(self, row: int, answer: FeedbackInput) -> bool:
        assert self.pilot_id is not None
        pilot_id = self.pilot_id
        if not self.run_saving(lambda: self._tracking.save_feedback(pilot_id, [answer])):
            return False
        empty = answer.satisfaction is None and answer.recommend is None and not answer.comment
        if empty:
            self._answers.pop(answer.participant_id, None)
        else:
            self._answers[answer.participant_id] = answer
        self.row_changed(row)
        return self.accepted(
            self.tr("Saved {name}'s answers.").format(name=self._people[row].display_name)
        )

    def clear_cell(self, index: QModelIndex) -> bool:
        if index.column() == self.PERSON:
            return False
        if self.data(index, EDIT):
            self.setData(index, "", EDIT)
        return True


class SurveySection(MeasurementSection):
    def __init__(self, tracking: PilotTrackingService, parent: QWidget | None = None) -> None:
        model = SurveyModel(tracking)
        super().__init__(
            ImportKind.SATISFACTION,
            QApplication.translate("SurveySection", "Satisfaction survey"),
            QApplication.translate(
                "SurveySection",
                "Each participant's answers at the end of the pilot: satisfaction from 1 (very "
                "poor) to 5 (excellent), how likely they are to recommend it to a colleague "
                "from 0 to 10, and a comment. A digit in Satisfaction is saved at once.",
            ),
            model,
            parent,
        )
        model.setParent(self)
        self.survey = model
        text = TextDelegate(self.view)
        for column in (SurveyModel.SATISFACTION, SurveyModel.RECOMMEND, SurveyModel.COMMENT):
            self.view.setItemDelegateForColumn(column, text)
        self.view.setColumnWidth(SurveyModel.PERSON, 190)
        self.view.setColumnWidth(SurveyModel.SATISFACTION, 140)
        self.view.setColumnWidth(SurveyModel.RECOMMEND, 180)
        self.view.horizontalHeader().setStretchLastSection(True)
