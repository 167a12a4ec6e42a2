"""The rules that decide what goes into the bundle and how it is checked: plugin and library
pruning, Qt translations, licences, the hiding of Python, and the build's system packages."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import bundle_config as bc
import bundle_licences
import bundle_pruning
import check_bundle
import linux_bundle
import pytest

ROOT = bc.ROOT


def _load_tasks():
    spec = importlib.util.spec_from_file_location("upskill_tasks_for_build", ROOT / "tasks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


tasks = _load_tasks()

QT = "PySide6/Qt"
BINARIES = [
    ("PySide6/QtWidgets.abi3.so", "/src/QtWidgets.abi3.so", "EXTENSION"),
    (f"{QT}/lib/libQt6Widgets.so.6", "/src/libQt6Widgets.so.6", "BINARY"),
    (f"{QT}/lib/libQt6Core.so.6", "/src/libQt6Core.so.6", "BINARY"),
    (f"{QT}/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
    (f"{QT}/lib/libQt6XcbQpa.so.6", "/src/libQt6XcbQpa.so.6", "BINARY"),
    (f"{QT}/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", "/src/vk.so", "BINARY"),
    (f"{QT}/lib/libQt6VirtualKeyboard.so.6", "/src/libQt6VirtualKeyboard.so.6", "BINARY"),
    (f"{QT}/lib/libQt6Quick.so.6", "/src/libQt6Quick.so.6", "BINARY"),
    (f"{QT}/plugins/generic/libqtuiotouchplugin.so", "/src/tuio.so", "BINARY"),
    (f"{QT}/lib/libQt6Network.so.6", "/src/libQt6Network.so.6", "BINARY"),
    ("libpython3.11.so.1.0", "/src/libpython3.11.so.1.0", "BINARY"),
]
NEEDED = {
    "/src/QtWidgets.abi3.so": ["libQt6Widgets.so.6"],
    "/src/libQt6Widgets.so.6": ["libQt6Core.so.6"],
    "/src/libqxcb.so": ["libQt6XcbQpa.so.6"],
    "/src/libQt6XcbQpa.so.6": ["libQt6Core.so.6"],
    "/src/vk.so": ["libQt6VirtualKeyboard.so.6"],
    "/src/libQt6VirtualKeyboard.so.6": ["libQt6Quick.so.6", "libQt6Core.so.6"],
    "/src/libQt6Quick.so.6": ["libQt6Core.so.6"],
    "/src/tuio.so": ["libQt6Network.so.6"],
}


def test_dropping_a_plugin_drops_the_libraries_only_it_needed_and_keeps_shared_ones():
    kept, dropped = bundle_pruning.prune_binaries(BINARIES, lambda src: NEEDED.get(src, []))
    kept_names = {dest.rsplit("/", 1)[-1] for dest, _src, _kind in kept}
    dropped_names = {dest.rsplit("/", 1)[-1] for dest, _src, _kind in dropped}
    assert dropped_names == {
        "libqtvirtualkeyboardplugin.so",
        "libQt6VirtualKeyboard.so.6",
        "libQt6Quick.so.6",
        "libqtuiotouchplugin.so",
        "libQt6Network.so.6",
    }
    # libQt6Core is still needed by what stays; libpython is loaded by the bootloader.
    assert {"libQt6Core.so.6", "libqxcb.so", "libQt6XcbQpa.so.6", "libpython3.11.so.1.0"} <= (
        kept_names
    )
    assert len(kept) + len(dropped) == len(BINARIES)


def test_links_to_dropped_libraries_go_with_them():
    dropped = [(f"{QT}/lib/libQt6Quick.so.6", "/src/libQt6Quick.so.6", "BINARY")]
    datas = [
        ("libQt6Quick.so.6", f"{QT}/lib/libQt6Quick.so.6", "SYMLINK"),
        ("libQt6Core.so.6", f"{QT}/lib/libQt6Core.so.6", "SYMLINK"),
        ("resources/style.qss", "/src/style.qss", "DATA"),
    ]
    assert [d[0] for d in bundle_pruning.without_links_to(datas, dropped)] == [
        "libQt6Core.so.6",
        "resources/style.qss",
    ]


def test_plugins_are_recognised_on_every_platform_and_only_listed_ones_dropped():
    dropped = bundle_pruning.is_dropped_plugin
    assert dropped(f"{QT}/plugins/imageformats/libqpdf.so")
    assert dropped("PySide6\\plugins\\imageformats\\qpdf.dll")
    assert dropped(f"{QT}/plugins/egldeviceintegrations/libqeglfs-kms-integration.so")
    assert not dropped(f"{QT}/plugins/platforms/libqxcb.so")
    assert not dropped(f"{QT}/plugins/platforms/libqoffscreen.so")
    assert not dropped(f"{QT}/plugins/platforms/libqwayland.so")
    assert not dropped("PySide6\\plugins\\platforms\\qwindows.dll")
    assert not dropped(f"{QT}/plugins/imageformats/libqsvg.so")
    assert not dropped("some/other/plugins/generic/libthing.so")


def test_qt_translations_are_kept_only_for_languages_the_app_ships():
    keep = bc.keep_qt_translation
    assert keep("resources/locale/de/LC_MESSAGES/upskill.mo", set())
    assert not keep(f"{QT}/translations/qtbase_de.qm", set())
    assert keep(f"{QT}/translations/qtbase_de.qm", {"de"})
    assert keep(f"{QT}/translations/qtbase_pt_BR.qm", {"pt"})
    assert not keep(f"{QT}/translations/qtbase_fr.qm", {"de"})
    assert bc.shipped_languages(ROOT) == {
        p.parent.parent.name for p in (ROOT / "resources" / "locale").glob("*/LC_MESSAGES/*.mo")
    }


def test_every_runtime_dependency_brings_its_licence_and_qt_the_lgpl(tmp_path: Path):
    names = {n.lower() for n in bundle_licences.runtime_distributions(ROOT / "requirements.txt")}
    for expected in (
        "pyside6-essentials",
        "pyside6-addons",
        "shiboken6",
        "sqlalchemy",
        "alembic",
        "mako",
        "markupsafe",
        "typing_extensions",
        "reportlab",
        "pillow",
        "openpyxl",
        "et_xmlfile",
        "defusedxml",
        "platformdirs",
    ):
        assert expected.replace("_", "-") in {n.replace("_", "-") for n in names}, expected
    assert not {"pytest", "mypy", "psycopg", "pyinstaller"} & names
    covered = bundle_licences.collect_licences(tmp_path / "licences")
    assert len(covered) == len(names)
    for folder in (tmp_path / "licences").iterdir():
        if folder.is_dir():
            texts = [p for p in folder.iterdir() if p.stat().st_size > 200]
            assert texts, f"{folder.name} has no licence text"
    qt = next((tmp_path / "licences").glob("PySide6[-_]Essentials-*"))
    assert "LESSER GENERAL PUBLIC LICENSE" in (qt / "LGPL-3.0.txt").read_text()
    assert "replace them" in (qt / "NOTICE-Qt.txt").read_text()
    assert any((tmp_path / "licences").glob("Python-*/LICENSE.txt"))


def test_namespace_script_hides_each_python_and_refuses_to_go_on_if_python3_still_runs():
    folders, files = check_bundle.python_locations()
    assert ROOT in folders or any(f in ROOT.parents for f in folders)
    base = Path(sys.base_prefix)
    if base not in (Path("/usr"), Path("/usr/local")):
        assert any(f == base or f in base.parents for f in folders)
    for file in files:
        assert not any(f in file.parents for f in folders)
    script = check_bundle.hiding_script(
        [Path("/opt/py")], [Path("/usr/bin/python3.11")], Path("/e d"), Path("/e f")
    )
    assert "mount --bind '/e d' /opt/py" in script
    assert "mount --bind '/e f' /usr/bin/python3.11" in script
    assert f"exit {check_bundle.PYTHON_STILL_RUNS}" in script


def test_output_naming_the_repository_or_a_python_installation_is_caught(tmp_path: Path):
    bundle = tmp_path / "unpacked" / "upskill-planner-0.1.0"
    output = "\n".join(
        [
            f"Python 3.11.7: {bundle}/app/upskill-planner",
            f"Frozen: yes (bundle: {bundle}/app/_internal)",
            f'  File "{ROOT}/app/cli.py", line 3',
            '  File "/usr/lib/python3/dist-packages/x.py", line 1 (site-packages)',
        ]
    )
    found = check_bundle.outside_paths(output, bundle, tmp_path)
    assert len(found) == 2
    assert str(ROOT) in found[0]


def test_build_installs_binutils_libpython_and_the_qt_display_libraries_it_lacks():
    minor = sys.version_info.minor
    everything = set(tasks.QT_OFFSCREEN_LIBS.values()) | set(tasks.QT_DISPLAY_LIBS.values())
    assert tasks.build_packages(everything, True, False) == []
    assert tasks.build_packages(everything, False, False) == ["binutils"]
    assert tasks.build_packages(everything, True, True) == [f"libpython3.{minor}"]
    assert tasks.build_packages(everything | {f"libpython3.{minor}.so.1.0"}, True, True) == []
    missing = tasks.build_packages(everything - {"libxcb-cursor.so.0"}, True, False)
    assert missing == ["libxcb-cursor0"]


def test_build_target_refuses_unknown_options():
    with pytest.raises(tasks.TaskError, match="--fast"):
        tasks.target_build(["--fast"])


@pytest.mark.skipif(
    not Path("/usr/share/doc/zlib1g/copyright").is_file(), reason="not a Debian system"
)
def test_bundled_system_libraries_bring_their_debian_copyright_files():
    binaries = [
        ("libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1", "BINARY"),  # merged-/usr name
        ("PySide6/QtCore.abi3.so", "/work/.venv/PySide6/QtCore.abi3.so", "EXTENSION"),
    ]
    notices = bundle_licences.system_library_notices(binaries)
    assert notices == [
        ("licences/system-libraries/zlib1g.txt", "/usr/share/doc/zlib1g/copyright", "DATA")
    ]


def test_libraries_every_desktop_has_are_left_to_the_system():
    binaries = [
        ("libstdc++.so.6", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "BINARY"),
        ("libexpat.so.1", "/usr/lib/x86_64-linux-gnu/libexpat.so.1", "BINARY"),
        ("libfontconfig.so.1", "/usr/lib/x86_64-linux-gnu/libfontconfig.so.1", "BINARY"),
    ]
    kept, dropped = bundle_pruning.without_system_libraries(binaries)
    assert [e[0] for e in kept] == ["libfontconfig.so.1"]
    assert [e[0] for e in dropped] == ["libstdc++.so.6", "libexpat.so.1"]


@pytest.mark.skipif(shutil.which("objdump") is None, reason="objdump (binutils) not installed")
def test_required_glibc_reads_the_newest_symbol_version_of_the_programs(tmp_path: Path):
    program = Path(shutil.which("ls") or "/bin/ls").resolve()
    shutil.copy2(program, tmp_path / "ls")
    (tmp_path / "notes.txt").write_text("GLIBC_9.99 is not a binary", encoding="utf-8")
    needed = linux_bundle.required_glibc(tmp_path)
    assert (2, 2) <= needed < (9, 99)
