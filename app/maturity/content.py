"""A maturity framework as plain data: what the wizard shows and what scoring weighs.

Built-in frameworks ship as versioned JSON in resources/frameworks; copies edited by the
user live in the data file. Both are read into these shapes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

LEVELS = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class MaturityLevelText:
    """A named maturity level, e.g. 2 "Experimenting", with what it means."""

    level: int
    name: str
    description: str


@dataclass(frozen=True)
class QuestionContent:
    key: str
    text: str
    descriptors: dict[int, str]
    """What levels 1..5 look like in practice for this question (all five present)."""
    weight: float = 1.0
    id: int | None = None
    """The question's row id once the framework is in a data file."""


@dataclass(frozen=True)
class DimensionContent:
    key: str
    name: str
    description: str
    questions: list[QuestionContent]
    recommendations: dict[int, list[str]] = field(default_factory=dict)
    """Level 1..5 -> 2 or 3 next actions for an organisation at that level."""
    weight: float = 1.0
    id: int | None = None


@dataclass(frozen=True)
class FrameworkContent:
    key: str
    version: str
    name: str
    description: str
    levels: list[MaturityLevelText]
    dimensions: list[DimensionContent]
    id: int | None = None
    built_in: bool = False

    def level(self, number: int) -> MaturityLevelText:
        return next(level for level in self.levels if level.level == number)

    @property
    def question_count(self) -> int:
        return sum(len(d.questions) for d in self.dimensions)
