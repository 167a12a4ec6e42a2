"""Reading a maturity framework from its versioned JSON file, checked strictly.

The built-in frameworks live in ``resources/frameworks`` as ``<key>-<version>.json``; a
change of wording or weights ships as a new file, so an assessment can always be read with
the version it was taken with. The schema is described in that folder's README.

A file that does not match the schema exactly is refused with a ValueError that says
where the problem is (``ai-maturity-1.0.json: dimension “data”, question “data.access”:
…``): a framework half-read would give scores nobody could reproduce.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from app.content_files import (
    KEY,
    SNAKE,
    VERSION,
    check_named_as,
    named_scale,
    newest_versioned_file,
    read_json_file,
    resources_dir,
)
from app.content_files import as_list as _list
from app.content_files import fields as _fields
from app.content_files import text as _text
from app.maturity.content import (
    LEVELS,
    DimensionContent,
    FrameworkContent,
    MaturityLevelText,
    QuestionContent,
)

BUILTIN_KEY = "ai-maturity"
"""The key of the AI maturity framework that ships with the app."""

QUESTIONS_PER_DIMENSION = range(3, 6)
RECOMMENDATIONS_PER_LEVEL = range(2, 4)

_FRAMEWORK_FIELDS = ("key", "version", "name", "description", "levels", "dimensions")
_DIMENSION_FIELDS = ("key", "name", "description", "weight", "questions", "recommendations")
_QUESTION_FIELDS = ("key", "text", "weight", "descriptors")
_LEVEL_KEYS = tuple(str(level) for level in LEVELS)

_FRAMEWORK_KEY = KEY
_VERSION = VERSION
_SNAKE = SNAKE


def frameworks_dir() -> Path:
    return resources_dir() / "frameworks"


def builtin_framework_path() -> Path:
    """The newest ``ai-maturity-<version>.json`` in resources/frameworks."""
    return newest_versioned_file(frameworks_dir(), BUILTIN_KEY, "framework file")


def builtin_framework() -> FrameworkContent:
    """The newest built-in AI maturity framework, checked, marked ``built_in``."""
    path = builtin_framework_path()
    framework = load_framework_file(path, built_in=True)
    check_named_as(path, framework.key, framework.version, BUILTIN_KEY)
    return framework


def load_framework_file(path: Path, *, built_in: bool = False) -> FrameworkContent:
    """Read and check one framework file; ValueError names the first problem found."""
    data = read_json_file(Path(path))
    try:
        return framework_from_data(data, built_in=built_in)
    except ValueError as error:
        raise ValueError(f"{Path(path).name}: {error}") from None


def framework_from_data(data: object, *, built_in: bool = False) -> FrameworkContent:
    """A framework from already-parsed JSON, with the same checks as a file."""
    top = _fields(data, _FRAMEWORK_FIELDS, "the framework")
    key = _text(top, "key", "the framework")
    if not _FRAMEWORK_KEY.fullmatch(key):
        raise ValueError(f"the framework key “{key}” must be lower-case words joined by “-”")
    version = _text(top, "version", "the framework")
    if not _VERSION.fullmatch(version):
        raise ValueError(f"the framework version “{version}” must look like 1.0 or 1.2.3")
    levels = _levels(top["levels"])
    dimensions = _dimensions(top["dimensions"])
    return FrameworkContent(
        key=key,
        version=version,
        name=_text(top, "name", "the framework"),
        description=_text(top, "description", "the framework"),
        levels=levels,
        dimensions=dimensions,
        built_in=built_in,
    )


def _levels(data: object) -> list[MaturityLevelText]:
    found = named_scale(
        data,
        numbers=LEVELS,
        listing="levels",
        entry="level entry",
        label="level",
        meaning_field="description",
    )
    return [MaturityLevelText(number, name, description) for number, name, description in found]


def _dimensions(data: object) -> list[DimensionContent]:
    items = _list(data, "“dimensions”")
    if not items:
        raise ValueError("the framework has no dimensions")
    dimensions: list[DimensionContent] = []
    question_keys: set[str] = set()
    for index, item in enumerate(items, start=1):
        fields = _fields(item, _DIMENSION_FIELDS, f"dimension {index}")
        key = _text(fields, "key", f"dimension {index}")
        where = f"dimension “{key}”"
        if not _SNAKE.fullmatch(key):
            raise ValueError(f"{where}: the key must be lower-case words joined by “_”")
        if any(d.key == key for d in dimensions):
            raise ValueError(f"{where}: the key “{key}” is used by another dimension")
        name = _text(fields, "name", where)
        if any(d.name.casefold() == name.casefold() for d in dimensions):
            raise ValueError(f"{where}: the name “{name}” is used by another dimension")
        questions = _questions(fields["questions"], key, question_keys)
        dimensions.append(
            DimensionContent(
                key=key,
                name=name,
                description=_text(fields, "description", where),
                questions=questions,
                recommendations=_recommendations(fields["recommendations"], where),
                weight=_weight(fields, where),
            )
        )
    return dimensions


def _questions(data: object, dimension: str, seen_keys: set[str]) -> list[QuestionContent]:
    where = f"dimension “{dimension}”"
    items = _list(data, f"{where}: “questions”")
    if len(items) not in QUESTIONS_PER_DIMENSION:
        raise ValueError(f"{where} has {len(items)} questions; a dimension needs 3 to 5 questions")
    questions: list[QuestionContent] = []
    for index, item in enumerate(items, start=1):
        fields = _fields(item, _QUESTION_FIELDS, f"{where}, question {index}")
        key = _text(fields, "key", f"{where}, question {index}")
        here = f"{where}, question “{key}”"
        short = key.removeprefix(f"{dimension}.")
        if short == key or not _SNAKE.fullmatch(short):
            raise ValueError(
                f"{here}: the key must be “{dimension}.<name>” with a lower-case, “_”-joined name"
            )
        if key in seen_keys:
            raise ValueError(f"{here}: the key “{key}” is used by another question")
        seen_keys.add(key)
        questions.append(
            QuestionContent(
                key=key,
                text=_text(fields, "text", here),
                descriptors=_descriptors(fields["descriptors"], here),
                weight=_weight(fields, here),
            )
        )
    return questions


def _descriptors(data: object, where: str) -> dict[int, str]:
    by_level = _by_level(data, f"{where}: “descriptors”")
    descriptors: dict[int, str] = {}
    for level, text in by_level.items():
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"{where}: the descriptor for level {level} is empty")
        descriptors[level] = text.strip()
    return descriptors


def _recommendations(data: object, where: str) -> dict[int, list[str]]:
    by_level = _by_level(data, f"{where}: “recommendations”")
    recommendations: dict[int, list[str]] = {}
    for level, actions in by_level.items():
        here = f"{where}: the recommendations for level {level}"
        items = _list(actions, here)
        if len(items) not in RECOMMENDATIONS_PER_LEVEL:
            raise ValueError(f"{here} are {len(items)}; there must be 2 or 3")
        texts: list[str] = []
        for item in items:
            if not isinstance(item, str) or not item.strip():
                raise ValueError(f"{here} include an empty one")
            if item.strip() in texts:
                raise ValueError(f"{here} include “{item.strip()}” twice")
            texts.append(item.strip())
        recommendations[level] = texts
    return recommendations


def _by_level(data: object, where: str) -> dict[int, object]:
    """An object keyed "1".."5" (all five, nothing else), as a dict keyed 1..5."""
    if not isinstance(data, Mapping):
        raise ValueError(f"{where} must be an object keyed by level “1” to “5”")
    unknown = [str(k) for k in data if k not in _LEVEL_KEYS]
    if unknown:
        raise ValueError(f"{where} has level {', '.join(unknown)}; levels must be numbered 1 to 5")
    missing = [k for k in _LEVEL_KEYS if k not in data]
    if missing:
        raise ValueError(f"{where} lacks level {', '.join(missing)}; all five are needed")
    return {int(k): data[k] for k in _LEVEL_KEYS}


def _weight(fields: Mapping[str, Any], where: str) -> float:
    value = fields["weight"]
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{where}: “weight” must be a number, not {value!r}")
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{where}: “weight” must be greater than 0, not {value}")
    return float(value)
