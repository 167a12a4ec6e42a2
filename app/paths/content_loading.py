"""Reading the learning module library and path templates from versioned JSON, checked strictly.

The built-in library lives in ``resources/paths`` as ``<key>-<version>.json``; a change of
modules, wording or templates ships as a new file. The schema is described in that
folder's README.

A file that does not match the schema exactly is refused with a ValueError that says where
the problem is (``ai-learning-1.0.json: module “prompt_basics”: …``): a library half-read,
or with a prerequisite cycle, would give paths nobody could follow.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

from app.content_files import (
    KEY,
    SNAKE,
    VERSION,
    check_named_as,
    newest_versioned_file,
    read_json_file,
    resources_dir,
)
from app.content_files import as_list as _list
from app.content_files import fields as _fields
from app.content_files import text as _text
from app.content_files import whole_number as _whole_number
from app.paths.content import (
    FORMATS,
    LEVELS,
    PATH_TRACKS,
    STAGES,
    ModuleContent,
    ModuleLibrary,
    PathTemplate,
    StageContent,
)
from app.paths.prerequisites import check_order, find_cycle, prerequisite_map
from app.skills.catalogue_loading import builtin_catalogue

BUILTIN_KEY = "ai-learning"
"""The key of the learning library that ships with the app."""

MODULE_HOURS = (0.5, 16.0)
"""The shortest and longest module of a content file, in hours."""

RAISE_LEVELS = range(1, 5)
"""The skill levels a module can bring people to."""

_LIBRARY_FIELDS = ("key", "version", "name", "description", "modules", "templates")
_MODULE_FIELDS = (
    "key",
    "title",
    "description",
    "format",
    "hours",
    "level",
    "raises",
    "prerequisites",
)
_OPTIONAL_MODULE_FIELDS = ("provider", "link", "cost")
_TEMPLATE_FIELDS = ("key", "name", "track", "level", "description", "stages")
_STAGE_FIELDS = ("stage", "title", "modules")
_LINK_SCHEMES = ("https://", "http://")


def library_dir() -> Path:
    return resources_dir() / "paths"


def builtin_library_path() -> Path:
    """The newest ``ai-learning-<version>.json`` in resources/paths."""
    return newest_versioned_file(library_dir(), BUILTIN_KEY, "learning library")


def builtin_library() -> ModuleLibrary:
    """The newest built-in learning library, checked against the built-in skills catalogue."""
    path = builtin_library_path()
    library = read_library(path)
    check_named_as(path, library.key, library.version, BUILTIN_KEY)
    return library


def read_library(path: Path) -> ModuleLibrary:
    """Read and check one library file; ValueError names the first problem found."""
    data = read_json_file(Path(path))
    skill_keys = [skill.key for skill in builtin_catalogue().skills]
    try:
        return library_from_data(data, skill_keys)
    except ValueError as error:
        raise ValueError(f"{Path(path).name}: {error}") from None


def library_from_data(data: object, skill_keys: Collection[str]) -> ModuleLibrary:
    """A library from already-parsed JSON, with the same checks as a file.

    ``skill_keys`` are the skills a module may raise (the skills catalogue's).
    """
    top = _fields(data, _LIBRARY_FIELDS, "the library")
    key = _text(top, "key", "the library")
    if not KEY.fullmatch(key):
        raise ValueError(f"the library key “{key}” must be lower-case words joined by “-”")
    version = _text(top, "version", "the library")
    if not VERSION.fullmatch(version):
        raise ValueError(f"the library version “{version}” must look like 1.0 or 1.2.3")
    modules = _modules(top["modules"], skill_keys)
    return ModuleLibrary(
        key=key,
        version=version,
        name=_text(top, "name", "the library"),
        description=_text(top, "description", "the library"),
        modules=modules,
        templates=_templates(top["templates"], {module.key: module for module in modules}),
    )


# Modules


def _modules(data: object, skill_keys: Collection[str]) -> tuple[ModuleContent, ...]:
    items = _list(data, "“modules”")
    if not items:
        raise ValueError("the library has no modules")
    modules: list[ModuleContent] = []
    for index, item in enumerate(items, start=1):
        modules.append(_module(item, index, skill_keys, modules))
    by_key = {module.key: module for module in modules}
    for module in modules:
        _check_prerequisites(module, by_key)
    cycle = find_cycle(prerequisite_map(modules))
    if cycle:
        path = " → ".join(f"“{key}”" for key in cycle)
        raise ValueError(
            f"module “{cycle[0]}”: the prerequisites go round in a circle: {path} "
            "(each module needs the next one first)"
        )
    return tuple(modules)


def _module(
    item: object, index: int, skill_keys: Collection[str], earlier: Sequence[ModuleContent]
) -> ModuleContent:
    present = tuple(
        name for name in _OPTIONAL_MODULE_FIELDS if isinstance(item, Mapping) and name in item
    )
    fields = _fields(item, _MODULE_FIELDS + present, f"module {index}")
    key = _text(fields, "key", f"module {index}")
    where = f"module “{key}”"
    if not SNAKE.fullmatch(key):
        raise ValueError(f"{where}: the key must be lower-case words joined by “_”")
    if any(module.key == key for module in earlier):
        raise ValueError(f"{where}: the key “{key}” is used by another module")
    title = _text(fields, "title", where)
    if any(module.title.casefold() == title.casefold() for module in earlier):
        raise ValueError(f"{where}: the title “{title}” is used by another module")
    description = _text(fields, "description", where)
    for module in earlier:
        if module.description.casefold() == description.casefold():
            raise ValueError(f"{where}: the description is the same as module “{module.key}”'s")
    return ModuleContent(
        key=key,
        title=title,
        description=description,
        format=_one_of(fields, "format", FORMATS, where),
        hours=_hours(fields["hours"], where),
        level=_one_of(fields, "level", LEVELS, where),
        raises=_raises(fields["raises"], skill_keys, where),
        prerequisites=_prerequisite_keys(fields["prerequisites"], key, where),
        provider=_provider(fields.get("provider"), where),
        link=_link(fields.get("link"), where),
        cost=_cost(fields.get("cost"), where),
    )


def _hours(value: object, where: str) -> float:
    low, high = MODULE_HOURS
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"{where}: “hours” must be a number, not {value!r}")
    if not low <= value <= high:
        raise ValueError(f"{where}: “hours” must be between {low:g} and {high:g}, not {value}")
    if value * 4 != int(value * 4):
        raise ValueError(f"{where}: “hours” must be whole quarter hours, such as 1.75, not {value}")
    return float(value)


def _raises(data: object, skill_keys: Collection[str], where: str) -> dict[str, int]:
    if not isinstance(data, Mapping):
        raise ValueError(f"{where}: “raises” must be an object keyed by skill")
    if not data:
        raise ValueError(f"{where}: “raises” is empty; a module must raise at least one skill")
    unknown = [str(key) for key in data if key not in skill_keys]
    if unknown:
        listed = ", ".join(f"“{key}”" for key in unknown)
        raise ValueError(
            f"{where}: “raises” names unknown skill{'s' if len(unknown) > 1 else ''} {listed}"
        )
    raises: dict[str, int] = {}
    for skill_key, value in data.items():
        level = _whole_number(value)
        if level is None or level not in RAISE_LEVELS:
            raise ValueError(
                f"{where}: the level for “{skill_key}” must be a whole number 1 to 4, not {value!r}"
            )
        raises[skill_key] = level
    return raises


def _prerequisite_keys(data: object, key: str, where: str) -> tuple[str, ...]:
    keys: list[str] = []
    for index, item in enumerate(_list(data, f"{where}: “prerequisites”"), start=1):
        if not isinstance(item, str) or not item.strip():
            raise ValueError(f"{where}: prerequisite {index} must be a module key")
        prerequisite = item.strip()
        if prerequisite == key:
            raise ValueError(f"{where}: the module lists itself as a prerequisite")
        if prerequisite in keys:
            raise ValueError(f"{where}: the prerequisite “{prerequisite}” is listed twice")
        keys.append(prerequisite)
    return tuple(keys)


def _check_prerequisites(module: ModuleContent, by_key: Mapping[str, ModuleContent]) -> None:
    where = f"module “{module.key}”"
    for key in module.prerequisites:
        prerequisite = by_key.get(key)
        if prerequisite is None:
            raise ValueError(f"{where}: the prerequisite “{key}” is not a module of the library")
        if LEVELS.index(prerequisite.level) > LEVELS.index(module.level):
            raise ValueError(
                f"{where}: the prerequisite “{key}” is at {prerequisite.level} level, but a "
                f"module at {module.level} level can only need modules at its own or an "
                "earlier level"
            )


def _provider(value: object, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where}: “provider” must be non-empty text or null")
    return value.strip()


def _link(value: object, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip().startswith(_LINK_SCHEMES):
        raise ValueError(
            f"{where}: “link” must be a web address starting with https:// or http://, "
            f"or null, not {value!r}"
        )
    return value.strip()


def _cost(value: object, where: str) -> float | None:
    if value is None:
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or value < 0
    ):
        raise ValueError(f"{where}: “cost” must be a number of 0 or more, or null, not {value!r}")
    return float(value)


# Path templates


def _templates(data: object, modules: Mapping[str, ModuleContent]) -> tuple[PathTemplate, ...]:
    templates: list[PathTemplate] = []
    for index, item in enumerate(_list(data, "“templates”"), start=1):
        fields = _fields(item, _TEMPLATE_FIELDS, f"template {index}")
        key = _text(fields, "key", f"template {index}")
        where = f"template “{key}”"
        if not SNAKE.fullmatch(key):
            raise ValueError(f"{where}: the key must be lower-case words joined by “_”")
        if any(template.key == key for template in templates):
            raise ValueError(f"{where}: the key “{key}” is used by another template")
        name = _text(fields, "name", where)
        if any(template.name.casefold() == name.casefold() for template in templates):
            raise ValueError(f"{where}: the name “{name}” is used by another template")
        template = PathTemplate(
            key=key,
            name=name,
            track=_one_of(fields, "track", PATH_TRACKS, where),
            level=_one_of(fields, "level", LEVELS, where),
            description=_text(fields, "description", where),
            stages=_stages(fields["stages"], where),
        )
        _check_template_modules(template, modules)
        templates.append(template)
    return tuple(templates)


def _stages(data: object, where: str) -> tuple[StageContent, ...]:
    stages: list[StageContent] = []
    for index, item in enumerate(_list(data, f"{where}: “stages”"), start=1):
        fields = _fields(item, _STAGE_FIELDS, f"{where}, stage {index}")
        stage = _one_of(fields, "stage", STAGES, f"{where}, stage {index}")
        here = f"{where}, stage “{stage}”"
        modules: list[str] = []
        for number, key in enumerate(_list(fields["modules"], f"{here}: “modules”"), start=1):
            if not isinstance(key, str) or not key.strip():
                raise ValueError(f"{here}: entry {number} of “modules” must be a module key")
            modules.append(key.strip())
        stages.append(StageContent(stage, _text(fields, "title", here), tuple(modules)))
    found = tuple(stage.stage for stage in stages)
    if found != STAGES:
        raise ValueError(
            f"{where}: “stages” must be {', '.join(STAGES)}, each once and in that order, "
            f"not {', '.join(found) or 'none'}"
        )
    return tuple(stages)


def _check_template_modules(template: PathTemplate, modules: Mapping[str, ModuleContent]) -> None:
    """Every module known, not above the path's level, listed once, after its prerequisites."""
    where = f"template “{template.key}”"
    for stage in template.stages:
        here = f"{where}, stage “{stage.stage}”"
        for key in stage.modules:
            module = modules.get(key)
            if module is None:
                raise ValueError(f"{here}: “{key}” is not a module of the library")
            if LEVELS.index(module.level) > LEVELS.index(template.level):
                raise ValueError(
                    f"{here}: “{key}” is a {module.level} module, above this {template.level} path"
                )
    if not template.module_keys():
        raise ValueError(f"{where}: the path has no modules")
    layout = [stage.modules for stage in template.stages]
    # The modules have no prerequisite cycle by now, so check_order finds no "cycle" problem.
    for problem in check_order(layout, prerequisite_map(modules.values())):
        here = f"{where}, stage “{STAGES[problem.place.stage]}”"
        key, prerequisite = problem.module, problem.prerequisite
        if problem.kind == "duplicate":
            raise ValueError(f"{here}: “{key}” is already earlier in the path")
        if problem.kind == "missing":
            raise ValueError(
                f"{here}: “{key}” needs “{prerequisite}” first, but the path does not include it"
            )
        if problem.kind == "after":
            raise ValueError(
                f"{here}: “{key}” needs “{prerequisite}” first, "
                f"but “{prerequisite}” comes later in the path"
            )


# Shared checks


def _one_of(fields: Mapping[str, Any], name: str, allowed: tuple[str, ...], where: str) -> str:
    value = _text(fields, name, where)
    if value not in allowed:
        raise ValueError(f"{where}: the {name} “{value}” is not one of {', '.join(allowed)}")
    return value
