"""Reading the app's content files (frameworks, skills catalogues) strictly.

Content ships as versioned JSON in resources/. A broken file must be refused with a
message that names the problem, never half-read: a field written twice, a missing or
unknown field, empty text. The loaders of each kind of content share these checks.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

VERSION = re.compile(r"[0-9]+(\.[0-9]+)*")
KEY = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
SNAKE = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)*")


def resources_dir() -> Path:
    """``resources``: beside the code, or inside a PyInstaller bundle (as i18n.locale_dir)."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parents[1]
    return root / "resources"


def version_tuple(version: str) -> tuple[int, ...]:
    """``"1.10"`` -> ``(1, 10)``, so that 1.10 sorts after 1.9."""
    if not VERSION.fullmatch(version):
        raise ValueError(f"“{version}” is not a version number like 1.0 or 1.2.3")
    return tuple(int(part) for part in version.split("."))


def newest_versioned_file(folder: Path, key: str, what: str) -> Path:
    """The newest ``<key>-<version>.json`` in ``folder`` (1.10 is newer than 1.9)."""
    prefix = f"{key}-"
    candidates: list[tuple[tuple[int, ...], Path]] = []
    for path in folder.glob(f"{prefix}*.json"):
        version = path.stem[len(prefix) :]
        if VERSION.fullmatch(version):
            candidates.append((version_tuple(version), path))
    if not candidates:
        raise FileNotFoundError(f"No {prefix}<version>.json {what} in {folder}")
    return max(candidates)[1]


def check_named_as(path: Path, key: str, version: str, expected_key: str) -> None:
    """A built-in file must say inside the key and version its name says."""
    expected_version = path.stem[len(expected_key) + 1 :]
    if key != expected_key or version != expected_version:
        raise ValueError(
            f"{path.name}: the file says key “{key}”, version “{version}”, "
            f"but its name says key “{expected_key}”, version “{expected_version}”"
        )


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


def read_json_file(path: Path) -> object:
    """The parsed file; ValueError (starting with the file name) if it is not clean JSON."""
    text = Path(path).read_text(encoding="utf-8")
    try:
        return json.loads(text, object_pairs_hook=_object_without_duplicates)
    except json.JSONDecodeError as error:
        raise ValueError(f"{path.name}: not valid JSON ({error})") from error
    except _DuplicateFieldError as error:
        raise ValueError(f"{path.name}: {error}") from None


def fields(data: object, names: tuple[str, ...], where: str) -> Mapping[str, Any]:
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


def as_list(data: object, where: str) -> list[object]:
    if not isinstance(data, list):
        raise ValueError(f"{where} must be a list")
    return data


def text(fields: Mapping[str, Any], name: str, where: str) -> str:
    value = fields[name]
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where}: “{name}” must be non-empty text")
    return value.strip()


def whole_number(value: object) -> int | None:
    """``value`` if it is a JSON whole number (not true/false, not 2.0), else None."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value


def named_scale(
    data: object,
    *,
    numbers: tuple[int, ...],
    listing: str,
    entry: str,
    label: str,
    meaning_field: str,
) -> list[tuple[int, str, str]]:
    """A list of ``{"level": n, "name": …, <meaning_field>: …}`` covering ``numbers`` once each.

    Returns (number, name, meaning) in number order. ``listing`` names the list in messages
    ("the scale", "the levels"), ``entry`` an item before its number is known ("scale
    entry"), ``label`` an item by its number ("scale level"). Names must be unique.
    """
    low, high = numbers[0], numbers[-1]
    found: list[tuple[int, str, str]] = []
    seen_names: set[str] = set()
    for index, item in enumerate(as_list(data, f"“{listing.split()[-1]}”"), start=1):
        where = f"{entry} {index}"
        given = fields(item, ("level", "name", meaning_field), where)
        number = whole_number(given["level"])
        if number is None:
            raise ValueError(
                f"{where}: “level” must be a whole number {low} to {high}, not {given['level']!r}"
            )
        where = f"{label} {number}"
        if number not in numbers:
            raise ValueError(f"{where}: {listing} must be numbered {low} to {high}")
        if any(n == number for n, _name, _meaning in found):
            raise ValueError(f"{where} appears more than once")
        name = text(given, "name", where)
        if name.casefold() in seen_names:
            raise ValueError(f"{where}: the name “{name}” is used by another level")
        seen_names.add(name.casefold())
        found.append((number, name, text(given, meaning_field, where)))
    missing = [n for n in numbers if all(f[0] != n for f in found)]
    if missing:
        raise ValueError(
            f"{listing} must be exactly {low} to {high}; missing {', '.join(map(str, missing))}"
        )
    return sorted(found)
