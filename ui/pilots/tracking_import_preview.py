"""The good rows of a measurements file as the import dialog previews them, before saving."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from app.pilots.records import ApplicationInput
from app.pilots.tracking import check_in_features
from app.pilots.tracking_import_model import (
    FIELDS,
    SCORE_FIELDS,
    GoodRow,
    ImportKind,
    ScoresEntry,
    SurveyEntry,
    TimingEntry,
    TrackingField,
    TrackingPlan,
    WeekEntry,
)
from ui.pilots.tracking_labels import field_label
from ui.pilots.tracking_table import DISPLAY, ModelIndex, number_text

F = TrackingField
PREVIEW_ROWS = 500


def _value(entry: object, fld: TrackingField) -> object:
    """What a good row says for one field (None where the file says nothing)."""
    if isinstance(entry, WeekEntry):
        values: dict[TrackingField, object] = {
            F.WEEK: entry.week,
            F.DAYS_USED: entry.days_used,
            F.FEATURES: entry.features,
            F.LEARNING_HOURS: entry.learning_hours,
        }
        return values.get(fld)
    if isinstance(entry, TimingEntry):
        return getattr(entry, fld.value, None)  # the fields are named as the entry's values
    if isinstance(entry, SurveyEntry):
        values = {
            F.SATISFACTION: entry.satisfaction,
            F.RECOMMEND: entry.recommend,
            F.COMMENT: entry.comment,
            F.DATE: entry.answered_on,
        }
        return values.get(fld)
    if isinstance(entry, ScoresEntry):
        wanted = SCORE_FIELDS.get(fld)
        for kind, phase, value in entry.values:
            if (kind, phase) == wanted:
                return value
        return None
    if isinstance(entry, ApplicationInput):
        values = {
            F.DATE: entry.logged_on,
            F.DESCRIPTION: entry.description,
            F.HOURS_SAVED: entry.hours_saved_per_week,
        }
        return values.get(fld)
    return None


class GoodRowsModel(QAbstractTableModel):
    """Row number in the file, the person, then the kind's values."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[GoodRow] = []
        self._fields: list[TrackingField] = []
        self._kind: ImportKind | None = None
        self._labels = dict(check_in_features())

    def set_plan(self, plan: TrackingPlan | None) -> None:
        self.beginResetModel()
        self._rows = list(plan.rows[:PREVIEW_ROWS]) if plan else []
        self._kind = plan.kind if plan else None
        self._fields = (
            [
                f
                for f in FIELDS[plan.kind]
                if f is not F.PERSON and plan.mapping.column(f) is not None
            ]
            if plan
            else []
        )
        if plan is not None and plan.kind is ImportKind.CHECK_INS and F.WEEK not in self._fields:
            self._fields.insert(0, F.WEEK)  # dates are shown as the week they fall in
            if F.DATE in self._fields:
                self._fields.remove(F.DATE)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._kind is None else len(self._fields) + 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != DISPLAY:
            return None
        if section == 0:
            return self.tr("Row")
        if section == 1:
            return field_label(F.PERSON)
        if 2 <= section < len(self._fields) + 2:
            return field_label(self._fields[section - 2])
        return None

    def data(self, index: ModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        good = self._rows[index.row()]
        column = index.column()
        value = _value(good.entry, self._fields[column - 2]) if column >= 2 else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            numeric = column == 0 or (
                isinstance(value, int | float) and not isinstance(value, bool)
            )
            if numeric:
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            return None
        if role not in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == 0:
            return str(good.row)
        if column == 1:
            return good.person or self.tr("Whole cohort")
        if value is None:
            return ""
        if isinstance(value, tuple):
            return ", ".join(self._labels.get(str(key), str(key)) for key in value)
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, int | float) and not isinstance(value, bool):
            return number_text(value)
        return str(value)
