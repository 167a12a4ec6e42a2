"""The installer's platform files agree with each other and with the repository, without a build.

The Windows and macOS packages cannot be built here; these tests are what stands between a
renamed icon or a moved folder and a broken release.
"""

from __future__ import annotations

import ast
import configparser
import re
import shutil
import subprocess
import time
import xml.etree.ElementTree as ET
from pathlib import Path, PureWindowsPath

import bundle_config as bc
import linux_bundle
import pytest

from app import __version__

ROOT = bc.ROOT
ISS = ROOT / "installer" / "windows" / "upskill-planner.iss"
SPEC = ROOT / "installer" / "upskill-planner.spec"


# ------------------------------------------------------------------ the Inno Setup script


def iss_defines(text: str) -> dict[str, str]:
    return dict(re.findall(r'^\s*#define\s+(\w+)\s+"([^"]*)"', text, flags=re.M))


def iss_sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = header.group(1)
            sections[current] = []
        else:
            sections.setdefault(current, []).append(line)
    return sections


def iss_entry(line: str) -> dict[str, str]:
    """``Source: "a b"; DestDir: "{app}"; Flags: x y`` -> {"Source": "a b", ...}."""
    fields: dict[str, str] = {}
    for match in re.finditer(r'(\w+):\s*("(?:[^"]|"")*"|[^;]*)\s*(?:;|$)', line):
        value = match.group(2).strip()
        if value.startswith('"') and value.endswith('"'):
            value = value[1:-1].replace('""', '"')
        fields[match.group(1)] = value
    return fields


def expand(value: str, defines: dict[str, str]) -> str:
    return re.sub(r"\{#(\w+)\}", lambda m: defines[m.group(1)], value)


@pytest.fixture(scope="module")
def iss() -> tuple[dict[str, str], dict[str, list[str]]]:
    text = ISS.read_text(encoding="utf-8")
    return iss_defines(text), iss_sections(text)


def setup_value(sections: dict[str, list[str]], key: str) -> str:
    for line in sections["Setup"]:
        name, _, value = line.partition("=")
        if name.strip() == key:
            return value.strip()
    raise AssertionError(f"[Setup] has no {key}")


def test_every_file_the_windows_installer_reads_exists_or_is_the_pyinstaller_output(iss):
    defines, sections = iss
    folder = ISS.parent
    sources = [expand(iss_entry(line)["Source"], defines) for line in sections["Files"]] + [
        setup_value(sections, key) for key in ("SetupIconFile", "InfoBeforeFile")
    ]
    built = (ROOT / "dist" / bc.APP_NAME).resolve()
    checked = 0
    for source in sources:
        path = (folder / Path(*PureWindowsPath(source).parts)).resolve()
        if path.name == "*":
            # The PyInstaller output: must be the folder the spec writes (dist/<APP_NAME>).
            assert path.parent == built, f"{source} is not the spec's output folder {built}"
            continue
        assert path.is_file(), f"{source} (from {ISS.name}) does not exist at {path}"
        checked += 1
    assert checked >= 2
    assert defines["AppExeName"] == f"{bc.APP_NAME}.exe"
    assert Path(*PureWindowsPath(setup_value(sections, "SetupIconFile")).parts).name == (
        bc.ICON_ICO.name
    )


def test_windows_installer_is_per_user_and_its_version_is_the_projects(iss):
    defines, sections = iss
    assert defines["AppVersion"] == bc.project_version()
    assert setup_value(sections, "PrivilegesRequired") == "lowest"
    assert setup_value(sections, "DefaultDirName").startswith(("{localappdata}", "{autopf}"))
    assert setup_value(sections, "ChangesAssociations") == "yes"
    assert re.fullmatch(r"\{\{[0-9A-F-]{36}\}", setup_value(sections, "AppId"))
    assert "{#AppVersion}" in setup_value(sections, "OutputBaseFilename")
    start_menu = [iss_entry(line) for line in sections["Icons"]]
    assert any(e["Name"].startswith("{autoprograms}") for e in start_menu)
    desktop = [e for e in start_menu if e["Name"].startswith("{autodesktop}")]
    assert desktop and all(e.get("Tasks") == "desktopicon" for e in desktop)


def test_windows_file_type_opens_the_file_and_every_registry_key_goes_on_uninstall(iss):
    defines, sections = iss
    entries = [iss_entry(line) for line in sections["Registry"]]
    assert entries
    deleted_keys = [e["Subkey"] for e in entries if "uninsdeletekey" in e.get("Flags", "").split()]
    for entry in entries:
        assert entry["Root"] == "HKCU"
        assert entry["Subkey"].startswith("Software\\Classes\\")
        flags = entry.get("Flags", "").split()
        covered = any(
            entry["Subkey"] == key or entry["Subkey"].startswith(key + "\\") for key in deleted_keys
        )
        assert covered or "uninsdeletevalue" in flags, f"{entry['Subkey']} stays after uninstall"
    extension = f"Software\\Classes\\.{bc.DATA_EXTENSION}"
    assert any(expand(e["Subkey"], defines) == extension for e in entries)
    command = next(e for e in entries if e["Subkey"].endswith("shell\\open\\command"))
    assert expand(command["ValueData"], defines) == (f'"{{app}}\\{bc.APP_NAME}.exe" --db "%1"')


# ----------------------------------------------------------------------- the PyInstaller spec


def spec_calls() -> dict[str, ast.Call]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    calls: dict[str, ast.Call] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            calls.setdefault(node.func.id, node)
    return calls


def keyword(call: ast.Call, name: str) -> ast.expr:
    return next(k.value for k in call.keywords if k.arg == name)


def test_spec_builds_a_windowed_one_folder_app_named_as_the_installers_expect():
    calls = spec_calls()
    exe, collect, bundle = calls["EXE"], calls["COLLECT"], calls["BUNDLE"]
    assert isinstance(keyword(exe, "console"), ast.Constant)
    assert keyword(exe, "console").value is False
    assert keyword(exe, "exclude_binaries").value is True  # one folder, not one file
    assert ast.unparse(keyword(exe, "name")) == "bc.APP_NAME"
    assert ast.unparse(keyword(collect, "name")) == "bc.APP_NAME"
    assert ast.unparse(keyword(bundle, "icon")) == "str(bc.ICON_ICNS)"
    assert ast.unparse(keyword(bundle, "bundle_identifier")) == "bc.APP_ID"
    assert "excludes=bc.excluded_modules()" in ast.unparse(calls["Analysis"])
    plist = ast.unparse(keyword(bundle, "info_plist"))
    for key in ("CFBundleDocumentTypes", "NSHighResolutionCapable", "CFBundleShortVersionString"):
        assert key in plist
    for icon in (bc.ICON_ICO, bc.ICON_ICNS, bc.ICON_PNG, bc.ICON_SVG):
        assert icon.is_file() and icon.stat().st_size > 0, icon


def test_spec_data_files_exist_and_carry_the_migrations_alembic_loads_by_path():
    datas = bc.data_files(ROOT)
    for source, _dest in datas:
        assert Path(source).is_file(), source
    in_bundle = {f"{dest}/{Path(source).name}" for source, dest in datas}
    versions = sorted((ROOT / "db" / "migrations" / "versions").glob("*.py"))
    assert versions
    for name in ("env.py", "script.py.mako", *(f"versions/{p.name}" for p in versions)):
        assert f"db/migrations/{name}" in in_bundle, name
    for wanted in ("resources/style.qss", f"resources/icons/{bc.ICON_PNG.name}"):
        assert wanted in in_bundle, wanted
    fonts = [p for p in in_bundle if p.startswith("resources/fonts/")]
    assert any(p.endswith(".ttf") for p in fonts) and any("LICENSE" in p for p in fonts)
    assert not any("__pycache__" in p or p.endswith(".pyc") for p in in_bundle)


# ---------------------------------------------------------------------- Linux desktop files


def read_desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(linux_bundle.DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_starts_the_launcher_with_the_icon_and_data_file_type():
    entry = read_desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Terminal"] == "false"
    assert entry["Name"] == bc.DISPLAY_NAME
    assert entry["Exec"].split()[0] == linux_bundle.LAUNCHER.name
    assert entry["Icon"] == bc.APP_NAME
    assert (bc.ICON_DIR / "hicolor" / "256x256" / f"{bc.APP_NAME}.png").is_file()
    assert bc.MIME_TYPE in entry["MimeType"].split(";")
    assert entry["Categories"].endswith(";")
    validator = shutil.which("desktop-file-validate")
    if validator:
        result = subprocess.run(
            [validator, str(linux_bundle.DESKTOP_FILE)], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_has_what_appstream_requires_and_this_version_as_latest_release():
    rendered = linux_bundle.render_metainfo(
        linux_bundle.METAINFO_FILE.read_text(encoding="utf-8"),
        linux_bundle.releases_for(bc.project_version()),
    )
    component = ET.fromstring(rendered)
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == bc.APP_ID
    assert component.findtext("name") == bc.DISPLAY_NAME
    assert component.findtext("summary")
    assert component.find("description/p") is not None
    assert component.findtext("metadata_license")
    assert component.findtext("project_license")
    launchable = component.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == linux_bundle.DESKTOP_FILE.name
    assert component.findtext("provides/mediatype") == bc.MIME_TYPE
    assert component.find("content_rating") is not None
    releases = component.findall("releases/release")
    assert releases[0].get("version") == bc.project_version()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", releases[0].get("date", ""))
    assert linux_bundle.METAINFO_FILE.name == f"{bc.APP_ID}.metainfo.xml"


def test_mime_type_claims_upskill_files_and_names_the_app_icon():
    namespace = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(linux_bundle.MIME_FILE).getroot()
    mime = root.find("m:mime-type", namespace)
    assert mime is not None and mime.get("type") == bc.MIME_TYPE
    globs = [g.get("pattern") for g in mime.findall("m:glob", namespace)]
    assert f"*.{bc.DATA_EXTENSION}" in globs
    icon = mime.find("m:icon", namespace)
    assert icon is not None and icon.get("name") == bc.APP_NAME


# --------------------------------------------------------------------------------- version


def test_pyproject_version_is_the_apps_version():
    assert bc.project_version() == __version__
    assert bc.checked_version() == __version__


def test_build_refuses_when_pyproject_and_the_app_disagree_on_the_version(tmp_path: Path):
    (tmp_path / "app").mkdir()
    (tmp_path / "pyproject.toml").write_text('[project]\nversion = "9.9.9"\n', encoding="utf-8")
    (tmp_path / "app" / "__init__.py").write_text('__version__ = "0.1.0"\n', encoding="utf-8")
    with pytest.raises(bc.BuildError, match=r"9\.9\.9.*0\.1\.0"):
        bc.checked_version(tmp_path)


def test_changelog_top_entry_is_the_version_being_built():
    changelog = ROOT / "CHANGELOG.md"
    assert changelog.is_file(), "CHANGELOG.md is missing: the bundle and the metainfo need it"
    releases = linux_bundle.changelog_releases(changelog.read_text(encoding="utf-8"))
    assert releases, "CHANGELOG.md has no '## [x.y.z] - YYYY-MM-DD' heading"
    assert releases[0].version == bc.project_version()


# ------------------------------------------------------------------- what the bundle leaves out


IMPORT = re.compile(r"^[ \t]*import[ \t]+([\w., \t]+)", re.M)
FROM_IMPORT = re.compile(r"^[ \t]*from[ \t]+(\w[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n]+)", re.M)


def imported_modules() -> set[str]:
    """Every module app/, ui/, db/ and main.py import (``from X import Y`` gives X and X.Y).

    A regular expression rather than ast: as strict for this purpose, and five times faster.
    """
    files = [ROOT / "main.py"]
    for package in ("app", "ui", "db"):
        files += sorted((ROOT / package).rglob("*.py"))
    modules: set[str] = set()
    for file in files:
        text = file.read_text(encoding="utf-8")
        for match in IMPORT.finditer(text):
            modules.update(part.split()[0] for part in match.group(1).split(",") if part.strip())
        for match in FROM_IMPORT.finditer(text):
            module = match.group(1)
            modules.add(module)
            names = re.sub(r"#[^\n]*", "", match.group(2)).strip("()")
            for name in names.split(","):
                if name.split():
                    modules.add(f"{module}.{name.split()[0]}")
    return modules


def test_no_module_the_app_imports_is_excluded_from_the_bundle():
    started = time.monotonic()
    modules = imported_modules()
    excluded = bc.excluded_modules()
    clashes = sorted(
        module
        for module in modules
        for name in excluded
        if module == name or module.startswith(name + ".")
    )
    assert not clashes, f"imported by the app but excluded from the bundle: {clashes}"
    qt_used = {m.split(".")[1] for m in modules if m.startswith("PySide6.Qt")}
    assert qt_used <= set(bc.QT_MODULES_USED), qt_used - set(bc.QT_MODULES_USED)
    assert not set(bc.QT_MODULES_USED) & set(bc.QT_MODULES_EXCLUDED)
    assert time.monotonic() - started < 1
