"""Every kind of built-in content (maturity framework, skills catalogue, learning library) is
found and read the same way: the newest ``<key>-<version>.json`` of its folder in resources/, also
inside an installed bundle, refused when its inside says another version than its name,
and refused whole when it is not JSON or gives a field twice."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

from app.maturity import content_loading as framework_loading
from app.paths import content_loading as library_loading
from app.skills import catalogue_loading


@dataclass(frozen=True)
class ContentKind:
    module: ModuleType
    folder_function: str
    folder: str
    key: str
    newest_path: Callable[[], Path]
    load_builtin: Callable[[], object]
    load_file: Callable[[Path], object]

    def __str__(self) -> str:
        return self.folder


KINDS = [
    ContentKind(
        framework_loading,
        "frameworks_dir",
        "frameworks",
        "ai-maturity",
        framework_loading.builtin_framework_path,
        framework_loading.builtin_framework,
        framework_loading.load_framework_file,
    ),
    ContentKind(
        catalogue_loading,
        "skills_dir",
        "skills",
        "ai-skills",
        catalogue_loading.builtin_catalogue_path,
        catalogue_loading.builtin_catalogue,
        catalogue_loading.load_catalogue_file,
    ),
    ContentKind(
        library_loading,
        "library_dir",
        "paths",
        "ai-learning",
        library_loading.builtin_library_path,
        library_loading.builtin_library,
        library_loading.read_library,
    ),
]


@pytest.fixture(params=KINDS, ids=str)
def kind(request: pytest.FixtureRequest) -> ContentKind:
    return request.param  # type: ignore[no-any-return]


def test_the_newest_version_is_found_by_number_not_by_alphabet(tmp_path, monkeypatch, kind):
    for version in ("1.0", "1.9", "1.10"):
        (tmp_path / f"{kind.key}-{version}.json").write_text("{}", encoding="utf-8")
    (tmp_path / f"{kind.key}-2.0-draft.json").write_text("{}", encoding="utf-8")
    (tmp_path / "other-9.0.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(kind.module, kind.folder_function, lambda: tmp_path)
    assert kind.newest_path().name == f"{kind.key}-1.10.json"


def test_a_missing_content_folder_is_reported_as_a_missing_file(tmp_path, monkeypatch, kind):
    monkeypatch.setattr(kind.module, kind.folder_function, lambda: tmp_path / "nothing")
    with pytest.raises(FileNotFoundError, match=kind.key):
        kind.newest_path()


def test_the_content_folder_is_found_inside_a_pyinstaller_bundle(tmp_path, monkeypatch, kind):
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    assert getattr(kind.module, kind.folder_function)() == tmp_path / "resources" / kind.folder


def test_a_builtin_file_whose_version_differs_from_its_name_is_refused(tmp_path, monkeypatch, kind):
    shipped = json.loads(kind.newest_path().read_text(encoding="utf-8"))
    shipped["version"] = "1.1"
    (tmp_path / f"{kind.key}-1.0.json").write_text(json.dumps(shipped), encoding="utf-8")
    monkeypatch.setattr(kind.module, kind.folder_function, lambda: tmp_path)
    with pytest.raises(ValueError, match=r"version “1\.1”.*version “1\.0”"):
        kind.load_builtin()


def test_a_field_given_twice_in_one_object_is_refused_not_silently_overwritten(tmp_path, kind):
    path = tmp_path / "twice.json"
    path.write_text(f'{{"key": "{kind.key}", "key": "other"}}', encoding="utf-8")
    with pytest.raises(ValueError, match=r"twice\.json: the field “key” appears twice"):
        kind.load_file(path)


def test_a_file_that_is_not_json_is_refused(tmp_path, kind):
    path = tmp_path / "notes.json"
    path.write_text("levels: 1 to 5", encoding="utf-8")
    with pytest.raises(ValueError, match=r"notes\.json: not valid JSON"):
        kind.load_file(path)
