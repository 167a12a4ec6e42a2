"""The module library as a Qt item model, and the filter behind its search box.

One row per module (built-in and custom): its title with how, how long and what level on a
second line, a tooltip with everything else, dimmed and ticked when the path already has
it. Dragging rows out carries their keys (``ui.paths.module_drag``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from app.paths.service import ModuleRow
from ui.paths.builder_labels import module_facts, skill_level_text
from ui.paths.module_drag import MODULE_KEYS_MIME, modules_mime
from ui.paths.progress_labels import number_text

ModelIndex = QModelIndex | QPersistentModelIndex

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
"""``data(index, KEY_ROLE)``: the module's key."""
ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""``data(index, ID_ROLE)``: the module's row id."""

_CONTEXT = "ModuleLibraryModel"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def module_tooltip(
    module: ModuleRow,
    titles: Mapping[str, str],
    skill_names: Mapping[str, str],
    level_names: Mapping[int, str],
) -> str:
    """Rich text: the description, what the module raises, what comes first, where from."""
    parts = [f"<b>{escape(module.title)}</b><br>{escape(module_facts(module))}"]
    if module.description:
        parts.append(escape(module.description))
    if module.raises:
        raised = "; ".join(
            _tr("{skill} to {level}").format(
                skill=skill_names.get(skill, skill),
                level=skill_level_text(level, dict(level_names)),
            )
            for skill, level in sorted(module.raises.items(), key=lambda item: -item[1])
        )
        parts.append(escape(_tr("Raises: {skills}").format(skills=raised)))
    if module.prerequisites:
        first = ", ".join(f"“{titles.get(k, k)}”" for k in module.prerequisites)
        parts.append(escape(_tr("Finish first: {modules}").format(modules=first)))
    source = []
    if module.provider:
        source.append(_tr("Provider: {provider}").format(provider=module.provider))
    if module.cost:
        source.append(_tr("Cost per person: {cost}").format(cost=number_text(module.cost)))
    if module.link:
        source.append(module.link)
    if module.custom:
        source.append(_tr("Made in this data file"))
    if source:
        parts.append(escape(" · ".join(source)))
    return "<qt>" + "<br><br>".join(parts) + "</qt>"


class ModuleLibraryModel(QAbstractListModel):
    """Every module of the library, in the service's order (level, then title)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ModuleRow] = []
        self._titles: dict[str, str] = {}
        self._search: list[str] = []
        self._in_path: set[str] = set()
        self._skill_names: dict[str, str] = {}
        self._level_names: dict[int, str] = {}

    def set_modules(
        self,
        rows: Sequence[ModuleRow],
        skill_names: Mapping[str, str],
        level_names: Mapping[int, str],
    ) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._titles = {row.key: row.title for row in rows}
        self._skill_names = dict(skill_names)
        self._level_names = dict(level_names)
        self._search = [
            " ".join(
                [row.title, row.description]
                + [self._skill_names.get(skill, skill) for skill in row.raises]
            ).casefold()
            for row in rows
        ]
        self.endResetModel()

    def set_in_path(self, keys: Iterable[str]) -> None:
        """Mark the modules the path has (dimmed and ticked)."""
        keys = set(keys)
        if keys == self._in_path:
            return
        self._in_path = keys
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def module_at(self, row: int) -> ModuleRow:
        return self._rows[row]

    def row_of(self, key: str) -> int:
        return next((n for n, row in enumerate(self._rows) if row.key == key), -1)

    def search_text(self, row: int) -> str:
        """Title, description and skill names in lower case, for the search box."""
        return self._search[row]

    # QAbstractItemModel --------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        module = self._rows[index.row()]
        in_path = module.key in self._in_path
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{module.title}\n{module_facts(module)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = _tr("already in the path") if in_path else ""
            return ", ".join(p for p in (module.title, module_facts(module), state) if p)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = module_tooltip(module, self._titles, self._skill_names, self._level_names)
            if in_path:
                tip = tip.replace(
                    "</qt>", "<br><br><i>" + escape(_tr("Already in this path.")) + "</i></qt>"
                )
            return tip
        if role == Qt.ItemDataRole.DecorationRole and in_path:
            style = QApplication.style()
            return style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        if role == Qt.ItemDataRole.ForegroundRole and in_path:
            return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == KEY_ROLE:
            return module.key
        if role == ID_ROLE:
            return module.id
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def mimeTypes(self) -> list[str]:
        return [MODULE_KEYS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return modules_mime([self._rows[row].key for row in rows])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


class ModuleFilter(QSortFilterProxyModel):
    """The library as the search box, level and format choices narrow it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._level: str | None = None
        self._format: str | None = None

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_level(self, level: str | None) -> None:
        self.beginFilterChange()
        self._level = level
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_format(self, module_format: str | None) -> None:
        self.beginFilterChange()
        self._format = module_format
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        source = self.sourceModel()
        if not isinstance(source, ModuleLibraryModel) or source_parent.isValid():
            return False
        module = source.module_at(source_row)
        if self._level is not None and module.level != self._level:
            return False
        if self._format is not None and module.format != self._format:
            return False
        text = source.search_text(source_row)
        return all(word in text for word in self._words)
