"""The learning module library and path templates as plain data (issue 5: role paths).

The built-in library ships as versioned JSON in ``resources/paths`` and is read into these
shapes by ``app/paths/content_loading.py``. The prerequisite rules (cycles, a path's order,
one-click fixes) are in ``app/paths/prerequisites.py``; totals, coverage, gap trimming,
capacity and dates in ``app/paths/planning.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FORMATS = ("workshop", "e_learning", "hands_on_lab", "mentoring", "office_hours", "reading")
"""How a module is delivered."""

LEVELS = ("awareness", "builder", "master")
"""How far a path (or a module) takes people: awareness → builder → master."""

STAGES = ("crawl", "walk", "run")
"""The stages of a path, in order: crawl (first steps) → walk → run."""

PATH_TRACKS = ("executive", "technical", "domain_expert", "frontline")
"""The role tracks a path template is written for (the skills catalogue's, without custom)."""


@dataclass(frozen=True)
class ModuleContent:
    """One learning module of the library."""

    key: str
    title: str
    description: str
    format: str
    """One of FORMATS."""
    hours: float
    """Learning time in hours (> 0), e.g. 1.5."""
    level: str
    """One of LEVELS: the path level the module belongs to."""
    raises: dict[str, int]
    """Skill key (of the skills catalogue) -> the level 1..4 the module brings people to."""
    prerequisites: tuple[str, ...] = ()
    """Keys of modules to finish before this one."""
    provider: str | None = None
    link: str | None = None
    cost: float | None = None
    """Cost per person in the organisation's currency, if any."""


@dataclass(frozen=True)
class StageContent:
    stage: str
    """One of STAGES."""
    title: str
    modules: tuple[str, ...]
    """Module keys in the order they are taken."""


@dataclass(frozen=True)
class PathTemplate:
    """A ready-made path for one track and level, organised in stages."""

    key: str
    name: str
    track: str
    """One of PATH_TRACKS."""
    level: str
    """One of LEVELS."""
    description: str
    stages: tuple[StageContent, ...]
    """Crawl, walk, run: each present once, in that order (a stage may be empty)."""

    def module_keys(self) -> list[str]:
        return [key for stage in self.stages for key in stage.modules]


@dataclass(frozen=True)
class ModuleLibrary:
    key: str
    version: str
    name: str
    description: str
    modules: tuple[ModuleContent, ...]
    templates: tuple[PathTemplate, ...] = field(default=())

    def module(self, key: str) -> ModuleContent:
        for module in self.modules:
            if module.key == key:
                return module
        raise KeyError(f"no module “{key}” in the library {self.key} {self.version}")

    def template(self, key: str) -> PathTemplate:
        for template in self.templates:
            if template.key == key:
                return template
        raise KeyError(f"no path template “{key}” in the library {self.key} {self.version}")
