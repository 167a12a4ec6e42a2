"""Reading the AI skills catalogue from its versioned JSON file, checked strictly.

The built-in catalogue lives in ``resources/skills`` as ``<key>-<version>.json``; a change
of wording, skills, targets or attitude items ships as a new file, so a skills survey can
always be read with the version it was taken with. The schema is described in that
folder's README.

A file that does not match the schema exactly is refused with a ValueError that says
where the problem is (``ai-skills-1.0.json: skill “prompting”: …``): a catalogue
half-read would give gaps nobody could reproduce.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

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
from app.content_files import whole_number as _whole_number
from app.skills.catalogue import (
    AGREEMENT,
    ATTITUDE_THEMES,
    CATEGORIES,
    SCALE,
    TRACKS,
    AttitudeItem,
    ProficiencyLevel,
    SkillCatalogue,
    SkillContent,
)

BUILTIN_KEY = "ai-skills"
"""The key of the AI skills catalogue that ships with the app."""

_CATALOGUE_FIELDS = (
    "key",
    "version",
    "name",
    "description",
    "scale",
    "skills",
    "track_targets",
    "attitudes",
    "agreement_labels",
)
_SKILL_FIELDS = ("key", "name", "category", "description", "levels")
_ATTITUDE_FIELDS = ("key", "statement", "reverse", "theme")

_CATALOGUE_KEY = KEY
_VERSION = VERSION
_SNAKE = SNAKE


def skills_dir() -> Path:
    return resources_dir() / "skills"


def builtin_catalogue_path() -> Path:
    """The newest ``ai-skills-<version>.json`` in resources/skills."""
    return newest_versioned_file(skills_dir(), BUILTIN_KEY, "skills catalogue")


def builtin_catalogue() -> SkillCatalogue:
    """The newest built-in AI skills catalogue, checked."""
    path = builtin_catalogue_path()
    catalogue = load_catalogue_file(path)
    check_named_as(path, catalogue.key, catalogue.version, BUILTIN_KEY)
    return catalogue


def load_catalogue_file(path: Path) -> SkillCatalogue:
    """Read and check one catalogue file; ValueError names the first problem found."""
    data = read_json_file(Path(path))
    try:
        return catalogue_from_data(data)
    except ValueError as error:
        raise ValueError(f"{Path(path).name}: {error}") from None


def catalogue_from_data(data: object) -> SkillCatalogue:
    """A catalogue from already-parsed JSON, with the same checks as a file."""
    top = _fields(data, _CATALOGUE_FIELDS, "the catalogue")
    key = _text(top, "key", "the catalogue")
    if not _CATALOGUE_KEY.fullmatch(key):
        raise ValueError(f"the catalogue key “{key}” must be lower-case words joined by “-”")
    version = _text(top, "version", "the catalogue")
    if not _VERSION.fullmatch(version):
        raise ValueError(f"the catalogue version “{version}” must look like 1.0 or 1.2.3")
    skills = _skills(top["skills"])
    return SkillCatalogue(
        key=key,
        version=version,
        name=_text(top, "name", "the catalogue"),
        description=_text(top, "description", "the catalogue"),
        scale=_scale(top["scale"]),
        skills=skills,
        track_targets=_track_targets(top["track_targets"], [skill.key for skill in skills]),
        attitudes=_attitudes(top["attitudes"]),
        agreement_labels=_agreement_labels(top["agreement_labels"]),
    )


def _scale(data: object) -> list[ProficiencyLevel]:
    found = named_scale(
        data,
        numbers=SCALE,
        listing="the scale",
        entry="scale entry",
        label="scale level",
        meaning_field="meaning",
    )
    return [ProficiencyLevel(number, name, meaning) for number, name, meaning in found]


def _skills(data: object) -> list[SkillContent]:
    items = _list(data, "“skills”")
    if not items:
        raise ValueError("the catalogue has no skills")
    skills: list[SkillContent] = []
    for index, item in enumerate(items, start=1):
        fields = _fields(item, _SKILL_FIELDS, f"skill {index}")
        key = _text(fields, "key", f"skill {index}")
        where = f"skill “{key}”"
        if not _SNAKE.fullmatch(key):
            raise ValueError(f"{where}: the key must be lower-case words joined by “_”")
        if any(skill.key == key for skill in skills):
            raise ValueError(f"{where}: the key “{key}” is used by another skill")
        name = _text(fields, "name", where)
        if any(skill.name.casefold() == name.casefold() for skill in skills):
            raise ValueError(f"{where}: the name “{name}” is used by another skill")
        category = _text(fields, "category", where)
        if category not in CATEGORIES:
            raise ValueError(
                f"{where}: the category “{category}” is not one of {', '.join(CATEGORIES)}"
            )
        skills.append(
            SkillContent(
                key=key,
                name=name,
                category=category,
                description=_text(fields, "description", where),
                levels=_skill_levels(fields["levels"], where),
            )
        )
    return skills


def _skill_levels(data: object, where: str) -> dict[int, str]:
    here = f"{where}: “levels”"
    keys = tuple(str(level) for level in SCALE)
    if not isinstance(data, Mapping):
        raise ValueError(f"{here} must be an object keyed by level “0” to “4”")
    unknown = [str(k) for k in data if k not in keys]
    if unknown:
        raise ValueError(f"{here} has level {', '.join(unknown)}; levels must be numbered 0 to 4")
    missing = [k for k in keys if k not in data]
    if missing:
        raise ValueError(f"{here} lacks level {', '.join(missing)}; all five are needed")
    levels: dict[int, str] = {}
    for key in keys:
        text = data[key]
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"{where}: the sentence for level {key} is empty")
        if any(text.strip().casefold() == other.casefold() for other in levels.values()):
            raise ValueError(f"{where}: the sentence for level {key} repeats another level's")
        levels[int(key)] = text.strip()
    return levels


def _track_targets(data: object, skill_keys: list[str]) -> dict[str, dict[str, int]]:
    tracks = _fields(data, TRACKS, "“track_targets”")
    targets: dict[str, dict[str, int]] = {}
    for track in TRACKS:
        where = f"track “{track}”"
        by_skill = tracks[track]
        if not isinstance(by_skill, Mapping):
            raise ValueError(f"{where} must be an object keyed by skill")
        unknown = [str(k) for k in by_skill if k not in skill_keys]
        if unknown:
            listed = ", ".join(f"“{k}”" for k in unknown)
            raise ValueError(
                f"{where} names unknown skill{'s' if len(unknown) > 1 else ''} {listed}"
            )
        missing = [k for k in skill_keys if k not in by_skill]
        if missing:
            listed = ", ".join(f"“{k}”" for k in missing)
            raise ValueError(f"{where} lacks a target for {listed}; every skill needs one")
        track_targets: dict[str, int] = {}
        for skill_key in skill_keys:
            value = by_skill[skill_key]
            number = _whole_number(value)
            if number is None or number not in SCALE:
                raise ValueError(
                    f"{where}: the target for “{skill_key}” must be a whole number 0 to 4, "
                    f"not {value!r}"
                )
            track_targets[skill_key] = number
        targets[track] = track_targets
    return targets


def _attitudes(data: object) -> list[AttitudeItem]:
    items = _list(data, "“attitudes”")
    if not items:
        raise ValueError("the catalogue has no attitude items")
    attitudes: list[AttitudeItem] = []
    for index, item in enumerate(items, start=1):
        fields = _fields(item, _ATTITUDE_FIELDS, f"attitude {index}")
        key = _text(fields, "key", f"attitude {index}")
        where = f"attitude “{key}”"
        if not _SNAKE.fullmatch(key):
            raise ValueError(f"{where}: the key must be lower-case words joined by “_”")
        if any(attitude.key == key for attitude in attitudes):
            raise ValueError(f"{where}: the key “{key}” is used by another attitude")
        statement = _text(fields, "statement", where)
        if any(a.statement.casefold() == statement.casefold() for a in attitudes):
            raise ValueError(f"{where}: the statement is the same as another attitude's")
        reverse = fields["reverse"]
        if not isinstance(reverse, bool):
            raise ValueError(f"{where}: “reverse” must be true or false, not {reverse!r}")
        theme = _text(fields, "theme", where)
        if theme not in ATTITUDE_THEMES:
            raise ValueError(
                f"{where}: the theme “{theme}” is not one of {', '.join(ATTITUDE_THEMES)}"
            )
        attitudes.append(AttitudeItem(key=key, statement=statement, theme=theme, reverse=reverse))
    return attitudes


def _agreement_labels(data: object) -> dict[int, str]:
    where = "“agreement_labels”"
    keys = tuple(str(point) for point in AGREEMENT)
    if not isinstance(data, Mapping):
        raise ValueError(f"{where} must be an object keyed by “1” to “5”")
    unknown = [str(k) for k in data if k not in keys]
    if unknown:
        raise ValueError(f"{where} has point {', '.join(unknown)}; points must be numbered 1 to 5")
    missing = [k for k in keys if k not in data]
    if missing:
        raise ValueError(f"{where} lacks point {', '.join(missing)}; all five are needed")
    labels: dict[int, str] = {}
    for key in keys:
        label = data[key]
        if not isinstance(label, str) or not label.strip():
            raise ValueError(f"{where}: the label for point {key} is empty")
        if any(label.strip().casefold() == other.casefold() for other in labels.values()):
            raise ValueError(f"{where}: the label for point {key} repeats another point's")
        labels[int(key)] = label.strip()
    return labels
