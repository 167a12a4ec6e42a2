"""The path being edited, before it is saved: its modules in three stages and their problems.

Every way of changing the order — a drop from the library, a drag within or between stages,
the keyboard, a one-click fix — goes through ``place``, ``remove`` or ``apply_fix`` here, so
the stage lists, the summary and the problem list all follow one layout. The prerequisite
rules themselves are the pure functions of ``app.paths.planning``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QObject, Signal

from app.paths.content import STAGES
from app.paths.planning import OrderProblem, apply_fix, check_order, fix_all
from app.paths.service import ModuleRow, PathLayout, StageLayout


class PathDraft(QObject):
    """Module keys per stage (crawl, walk, run), stage titles, and the library they come from."""

    about_to_change = Signal()
    """The layout or the library is about to change (item models begin their reset)."""
    changed = Signal()
    """The modules, their order or the library changed (not the stage titles)."""
    title_changed = Signal()
    """A stage title was edited."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stages: list[list[str]] = [[] for _ in STAGES]
        self.titles: list[str] = ["" for _ in STAGES]
        self.modules: dict[str, ModuleRow] = {}
        self.problems: list[OrderProblem] = []
        self.last_placed = -1
        """The row the last ``place`` put its first module on (-1 when it placed nothing)."""

    # Reading ------------------------------------------------------------------------------
    def keys(self) -> list[str]:
        """Every module key in reading order."""
        return [key for stage in self.stages for key in stage]

    def module(self, key: str) -> ModuleRow | None:
        return self.modules.get(key)

    def rows(self) -> list[ModuleRow]:
        """The modules of the path that are still in the library, in reading order."""
        return [self.modules[key] for key in self.keys() if key in self.modules]

    def contains(self, key: str) -> bool:
        return any(key in stage for stage in self.stages)

    def problems_at(self, stage: int, index: int) -> list[OrderProblem]:
        """The problems shown on the module at this place."""
        return [p for p in self.problems if p.place.stage == stage and p.place.index == index]

    def has_cycle(self) -> bool:
        return any(p.kind == "cycle" for p in self.problems)

    def prerequisites(self) -> dict[str, tuple[str, ...]]:
        return {key: row.prerequisites for key, row in self.modules.items()}

    def layout(self, name: str, track: str, level: str, description: str) -> PathLayout:
        """The draft as the service saves it."""
        return PathLayout(
            name=name,
            track=track,
            level=level,
            description=description,
            stages=tuple(
                StageLayout(stage, self.titles[n], tuple(self.stages[n]))
                for n, stage in enumerate(STAGES)
            ),
        )

    # Changing -----------------------------------------------------------------------------
    def set_modules(self, modules: Iterable[ModuleRow]) -> None:
        """The library the draft's modules come from (after a module was added or edited)."""
        self.about_to_change.emit()
        self.modules = {row.key: row for row in modules}
        self._changed()

    def set_layout(self, layout: PathLayout | None) -> None:
        """Start from a saved layout, or (None) from three empty stages."""
        self.about_to_change.emit()
        self.stages = [[] for _ in STAGES]
        self.titles = ["" for _ in STAGES]
        if layout is not None:
            for stage in layout.stages:
                if stage.stage in STAGES:
                    n = STAGES.index(stage.stage)
                    self.stages[n] = list(stage.modules)
                    self.titles[n] = stage.title
        self._changed()

    def set_title(self, stage: int, title: str) -> None:
        self.titles[stage] = title
        self.title_changed.emit()

    def place(self, keys: Sequence[str], stage: int, row: int) -> int:
        """Put ``keys`` at ``row`` of ``stage`` (-1: at the end), taking them from where they
        were if the path had them already; returns the row the first one landed on."""
        wanted = list(dict.fromkeys(k for k in keys if k in self.modules or self.contains(k)))
        if not wanted:
            self.last_placed = -1
            return -1
        target = self.stages[stage]
        row = len(target) if row < 0 or row > len(target) else row
        self.about_to_change.emit()
        for n, keys_in_stage in enumerate(self.stages):
            kept = []
            for index, key in enumerate(keys_in_stage):
                if key in wanted:
                    if n == stage and index < row:
                        row -= 1
                else:
                    kept.append(key)
            self.stages[n] = kept
        self.stages[stage][row:row] = wanted
        self.last_placed = row
        self._changed()
        return row

    def remove(self, stage: int, rows: Iterable[int]) -> None:
        gone = set(rows)
        self.about_to_change.emit()
        self.stages[stage] = [k for i, k in enumerate(self.stages[stage]) if i not in gone]
        self._changed()

    def step(self, stage: int, row: int, delta: int) -> tuple[int, int]:
        """Move one module ``delta`` (-1 or 1) places in reading order, across stages at the
        ends; returns its new (stage, row)."""
        key = self.stages[stage][row]
        if delta < 0:
            if row > 0:
                return stage, self.place([key], stage, row - 1)
            if stage > 0:
                return stage - 1, self.place([key], stage - 1, -1)
        else:
            if row < len(self.stages[stage]) - 1:
                return stage, self.place([key], stage, row + 2)
            if stage < len(self.stages) - 1:
                return stage + 1, self.place([key], stage + 1, 0)
        return stage, row

    def apply_fix(self, problem: OrderProblem) -> None:
        fixed = apply_fix(self.stages, problem)
        self.about_to_change.emit()
        self.stages = fixed
        self._changed()

    def fix_all(self) -> None:
        fixed = fix_all(self.stages, self.prerequisites())
        self.about_to_change.emit()
        self.stages = fixed
        self._changed()

    def _changed(self) -> None:
        self._recheck()
        self.changed.emit()

    def _recheck(self) -> None:
        self.problems = check_order(self.stages, self.prerequisites())
