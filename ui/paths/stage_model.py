"""One stage of the path being edited as a Qt list model over the shared ``PathDraft``.

Rows are module keys in order. A drop of module keys (from the library or any stage) is
handed to the draft, which takes the modules from wherever they were; so the model never
removes rows itself after a drag, and the views always show the draft's one layout.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QApplication, QStyle

from ui.paths.builder_labels import module_facts
from ui.paths.module_drag import MODULE_KEYS_MIME, dragged_keys, modules_mime
from ui.paths.module_library_model import KEY_ROLE, module_tooltip
from ui.paths.order_problems import problem_sentence
from ui.paths.path_draft import PathDraft

ModelIndex = QModelIndex | QPersistentModelIndex

PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 3
"""``data(index, PROBLEM_ROLE)``: the sentences of the module's order problems ("" if none)."""

_CONTEXT = "StageModel"


class StageModel(QAbstractListModel):
    """The modules of stage ``stage`` (0 crawl, 1 walk, 2 run) of the draft."""

    def __init__(
        self,
        draft: PathDraft,
        stage: int,
        names: tuple[Mapping[str, str], Mapping[int, str]] = ({}, {}),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.draft = draft
        self.stage = stage
        self.editable = True
        self._skill_names, self._level_names = names
        draft.about_to_change.connect(self.beginResetModel)
        draft.changed.connect(self.endResetModel)

    def set_names(self, skill_names: Mapping[str, str], level_names: Mapping[int, str]) -> None:
        """Skill and level names for the tooltips."""
        self._skill_names, self._level_names = dict(skill_names), dict(level_names)

    def key_at(self, row: int) -> str:
        return self.draft.stages[self.stage][row]

    def row_of(self, key: str) -> int:
        keys = self.draft.stages[self.stage]
        return keys.index(key) if key in keys else -1

    # QAbstractItemModel -------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.draft.stages[self.stage])

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        keys = self.draft.stages[self.stage]
        if not index.isValid() or not 0 <= index.row() < len(keys):
            return None
        key = keys[index.row()]
        module = self.draft.module(key)
        if role == KEY_ROLE:
            return key
        problems = self.draft.problems_at(self.stage, index.row())
        titles = {k: m.title for k, m in self.draft.modules.items()}
        sentences = [problem_sentence(p, titles) for p in problems]
        if role == PROBLEM_ROLE:
            return " ".join(sentences)
        if role == Qt.ItemDataRole.DisplayRole:
            if module is None:
                return QCoreApplication.translate(
                    _CONTEXT, "{key} (no longer in the library)"
                ).format(key=key)
            return f"{module.title}\n{module_facts(module)}"
        if role == Qt.ItemDataRole.DecorationRole and sentences:
            style = QApplication.style()
            return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.ToolTipRole:
            warning = "".join(f"<p><b>⚠ {escape(s)}</b></p>" for s in sentences)
            if module is None:
                return f"<qt>{warning}</qt>" if warning else None
            tip = module_tooltip(module, titles, self._skill_names, self._level_names)
            return tip.replace("<qt>", "<qt>" + warning, 1)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [module.title, module_facts(module)] if module is not None else [key]
            return ", ".join(parts + sentences)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if self.editable else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return [MODULE_KEYS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return modules_mime([self.key_at(row) for row in rows])

    def supportedDragActions(self) -> Qt.DropAction:
        # A copy as far as Qt knows: the draft moves the module, the view removes nothing.
        return Qt.DropAction.CopyAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: ModelIndex,
    ) -> bool:
        return self.editable and bool(dragged_keys(data))

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: ModelIndex,
    ) -> bool:
        """Place the dragged modules before ``row`` (or before ``parent``; at the end if -1)."""
        keys = dragged_keys(data)
        if not self.editable or not keys or action == Qt.DropAction.IgnoreAction:
            return False
        if row < 0 and parent.isValid():
            row = parent.row()
        return self.draft.place(keys, self.stage, row) >= 0
