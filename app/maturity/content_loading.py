"""Reading a maturity framework from its versioned JSON file, checked strictly.

The built-in frameworks live in ``resources/frameworks`` as ``<key>-<version>.json``; a
change of wording or weights ships as a new file, so an assessment can always be read with
the version it was taken with. The schema is described in that folder's README.

A file that does not match the schema exactly is refused with a ValueError that says
where the problem is (``ai-maturity-1.0.json: dimension “data”, question “data.access”:
…``): a framework half-read would give scores nobody could reproduce.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

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
_LEVEL_FIELDS = ("level", "name", "description")
_DIMENSION_FIELDS = ("key", "name", "description", "weight", "questions", "recommendations")
_QUESTION_FIELDS = ("key", "text", "weight", "descriptors")
_LEVEL_KEYS = tuple(str(level) for level in LEVELS)

_FRAMEWORK_KEY = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
_VERSION = re.compile(r"[0-9]+(\.[0-9]+)*")
_SNAKE = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)*")


def resources_dir() -> Path:
    """``resources``: beside the code, or inside a PyInstaller bundle (as i18n.locale_dir)."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parents[2]
    return root / "resources"


def frameworks_dir() -> Path:
    return resources_dir() / "frameworks"


def version_tuple(version: str) -> tuple[int, ...]:
    """``"1.10"`` -> ``(1, 10)``, so that 1.10 sorts after 1.9."""
    if not _VERSION.fullmatch(version):
        raise ValueError(f"“{version}” is not a version number like 1.0 or 1.2.3")
    return tuple(int(part) for part in version.split("."))


def builtin_framework_path() -> Path:
    """The newest ``ai-maturity-<version>.json`` in resources/frameworks."""
    folder = frameworks_dir()
    prefix = f"{BUILTIN_KEY}-"
    candidates: list[tuple[tuple[int, ...], Path]] = []
    for path in folder.glob(f"{prefix}*.json"):
        version = path.stem[len(prefix) :]
        if _VERSION.fullmatch(version):
            candidates.append((version_tuple(version), path))
    if not candidates:
        raise FileNotFoundError(f"No {prefix}<version>.json framework file in {folder}")
    return max(candidates)[1]


def builtin_framework() -> FrameworkContent:
    """The newest built-in AI maturity framework, checked, marked ``built_in``."""
    path = builtin_framework_path()
    framework = load_framework_file(path, built_in=True)
    expected = path.stem[len(BUILTIN_KEY) + 1 :]
    if framework.key != BUILTIN_KEY or framework.version != expected:
        raise ValueError(
            f"{path.name}: the file says key “{framework.key}”, version “{framework.version}”, "
            f"but its name says key “{BUILTIN_KEY}”, version “{expected}”"
        )
    return framework


def load_framework_file(path: Path, *, built_in: bool = False) -> FrameworkContent:
    """Read and check one framework file; ValueError names the first problem found."""
    text = Path(path).read_text(encoding="utf-8")
    try:
        data = json.loads(text, object_pairs_hook=_object_without_duplicates)
    except json.JSONDecodeError as error:
        raise ValueError(f"{path.name}: not valid JSON ({error})") from error
    except _DuplicateFieldError as error:
        raise ValueError(f"{path.name}: {error}") from None
    try:
        return framework_from_data(data, built_in=built_in)
    except ValueError as error:
        raise ValueError(f"{path.name}: {error}") from None


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
    items = _list(data, "“levels”")
    levels: list[MaturityLevelText] = []
    seen_names: set[str] = set()
    for index, item in enumerate(items, start=1):
        where = f"level entry {index}"
        fields = _fields(item, _LEVEL_FIELDS, where)
        number = fields["level"]
        if isinstance(number, bool) or not isinstance(number, int):
            raise ValueError(f"{where}: “level” must be a whole number 1 to 5, not {number!r}")
        where = f"level {number}"
        if number not in LEVELS:
            raise ValueError(f"{where}: levels must be numbered 1 to 5")
        if any(level.level == number for level in levels):
            raise ValueError(f"{where} appears more than once")
        name = _text(fields, "name", where)
        if name.casefold() in seen_names:
            raise ValueError(f"{where}: the name “{name}” is used by another level")
        seen_names.add(name.casefold())
        levels.append(MaturityLevelText(number, name, _text(fields, "description", where)))
    missing = [n for n in LEVELS if all(level.level != n for level in levels)]
    if missing:
        raise ValueError(
            f"the levels must be exactly 1 to 5; missing {', '.join(map(str, missing))}"
        )
    return sorted(levels, key=lambda level: level.level)


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


def _fields(data: object, names: tuple[str, ...], where: str) -> Mapping[str, Any]:
    """``data`` as an object with exactly the fields ``names``."""
    if not isinstance(data, Mapping):
        raise ValueError(f"{where} must be a JSON object, not {type(data).__name__}")
    missing = [name for name in names if name not in data]
    if missing:
        listed = ", ".join(f"“{name}”" for name in missing)
        raise ValueError(f"{where} lacks the field{'s' if len(missing) > 1 else ''} {listed}")
    unknown = [str(name) for name in data if name not in names]
    if unknown:
        listed = ", ".join(f"“{name}”" for name in unknown)
        raise ValueError(f"{where} has unknown field{'s' if len(unknown) > 1 else ''} {listed}")
    return data


def _list(data: object, where: str) -> list[object]:
    if not isinstance(data, list):
        raise ValueError(f"{where} must be a list")
    return data


def _text(fields: Mapping[str, Any], name: str, where: str) -> str:
    value = fields[name]
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where}: “{name}” must be non-empty text")
    return value.strip()


def _weight(fields: Mapping[str, Any], where: str) -> float:
    value = fields["weight"]
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{where}: “weight” must be a number, not {value!r}")
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{where}: “weight” must be greater than 0, not {value}")
    return float(value)


class _DuplicateFieldError(Exception):
    pass


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """json's object hook: a field given twice in one object is an error, not "last wins"."""
    result: dict[str, Any] = {}
    for name, value in pairs:
        if name in result:
            raise _DuplicateFieldError(
                f"the field “{name}” appears twice in the same object "
                f"(fields: {', '.join(name for name, _ in pairs)})"
            )
        result[name] = value
    return result
