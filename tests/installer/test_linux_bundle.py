"""The Linux tar.gz's own parts, run for real against a stand-in for the PyInstaller output:
the launcher, install.sh, the folder layout and the archive. No PyInstaller build needed.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import tarfile
from pathlib import Path

import bundle_config as bc
import linux_bundle
import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the Linux bundle's shell scripts")

FAKE_PROGRAM = """#!/bin/sh
# Stands in for the PyInstaller executable: records its arguments, one per line.
for argument in "$@"; do printf '%s\\n' "$argument"; done > "$(dirname "$0")/arguments.txt"
"""


@pytest.fixture
def fake_output(tmp_path: Path) -> Path:
    """A PyInstaller-like folder: an executable, _internal/ with a file and a symlink."""
    output = tmp_path / "dist" / bc.APP_NAME
    internal = output / "_internal"
    (internal / "lib").mkdir(parents=True)
    (internal / "lib" / "libQt6Core.so.6").write_bytes(b"\0" * 1000)
    (internal / "libQt6Core.so.6").symlink_to("lib/libQt6Core.so.6")
    program = output / bc.APP_NAME
    program.write_text(FAKE_PROGRAM, encoding="utf-8")
    program.chmod(0o755)
    return output


@pytest.fixture
def bundle(fake_output: Path, tmp_path: Path) -> Path:
    return linux_bundle.assemble(fake_output, tmp_path / "staging", "0.1.0")


def launch(bundle: Path, *arguments: str, via: Path | None = None) -> list[str]:
    launcher = via or bundle / bc.APP_NAME
    env = {"PATH": "/usr/bin:/bin", "HOME": str(bundle), "PYTHONPATH": "/somewhere/else"}
    subprocess.run([str(launcher), *arguments], check=True, env=env, timeout=30)
    recorded = bundle / "app" / bc.APP_NAME
    return (recorded.parent / "arguments.txt").read_text(encoding="utf-8").splitlines()


def test_bundle_folder_has_the_launcher_desktop_files_icons_and_the_program(bundle: Path):
    assert bundle.name == f"{bc.APP_NAME}-0.1.0"
    for name in (
        bc.APP_NAME,
        "install.sh",
        "README.txt",
        f"{bc.APP_NAME}.desktop",
        f"{bc.APP_NAME}-mime.xml",
        f"{bc.APP_ID}.metainfo.xml",
        f"app/{bc.APP_NAME}",
        "icons/hicolor/256x256/apps/upskill-planner.png",
        "icons/hicolor/32x32/apps/upskill-planner.png",
        "icons/hicolor/scalable/apps/upskill-planner.svg",
    ):
        assert (bundle / name).is_file(), name
    for script in (bc.APP_NAME, "install.sh"):
        assert os.access(bundle / script, os.X_OK), script
    assert (bundle / "app" / "_internal" / "libQt6Core.so.6").is_symlink()
    readme = (bundle / "README.txt").read_text(encoding="utf-8")
    assert "0.1.0" in readme and "@VERSION@" not in readme
    assert 'release version="0.1.0"' in (bundle / f"{bc.APP_ID}.metainfo.xml").read_text()


def test_launcher_passes_arguments_through_from_anywhere_even_through_a_symlink(
    bundle: Path, tmp_path: Path
):
    assert launch(bundle, "--db", "my file.upskill", "info", "--json") == [
        "--db",
        "my file.upskill",
        "info",
        "--json",
    ]
    link = tmp_path / "bin" / bc.APP_NAME
    link.parent.mkdir()
    link.symlink_to(bundle / bc.APP_NAME)
    assert launch(bundle, "--self-test", via=link) == ["--self-test"]


def test_launcher_opens_a_lone_data_file_in_the_window(bundle: Path):
    """The menu entry runs ``upskill-planner %f``: the file alone becomes ``--db FILE``."""
    assert launch(bundle, "/home/a b/plan.upskill") == ["--db", "/home/a b/plan.upskill"]
    assert launch(bundle, "demo") == ["demo"]
    assert launch(bundle) == []


def test_install_script_installs_for_the_user_and_uninstall_removes_it(
    bundle: Path, tmp_path: Path
):
    home = tmp_path / "home"
    home.mkdir()
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home)}
    subprocess.run(["sh", str(bundle / "install.sh")], check=True, env=env, timeout=60)
    share = home / ".local" / "share"
    installed = share / bc.APP_NAME
    desktop = share / "applications" / f"{bc.APP_NAME}.desktop"
    assert (installed / "app" / bc.APP_NAME).is_file()
    assert (home / ".local" / "bin" / bc.APP_NAME).resolve() == (installed / bc.APP_NAME)
    exec_line = next(line for line in desktop.read_text().splitlines() if line.startswith("Exec="))
    assert exec_line == f'Exec="{installed / bc.APP_NAME}" %f'
    assert (share / "icons/hicolor/48x48/apps/upskill-planner.png").is_file()
    assert (share / "mime/packages/upskill-planner.xml").is_file()
    assert (share / "metainfo" / f"{bc.APP_ID}.metainfo.xml").is_file()
    # The installed launcher works from its new place.
    subprocess.run([str(home / ".local/bin" / bc.APP_NAME), "info"], check=True, env=env)
    assert (installed / "app" / "arguments.txt").read_text().split() == ["info"]

    subprocess.run(
        ["sh", str(installed / "install.sh"), "--uninstall"], check=True, env=env, timeout=60
    )
    assert not installed.exists()
    assert not desktop.exists()
    assert not (home / ".local" / "bin" / bc.APP_NAME).exists()
    assert not (share / "icons/hicolor/48x48/apps/upskill-planner.png").exists()
    assert not (share / "mime/packages/upskill-planner.xml").exists()


def test_tarball_keeps_one_top_folder_symlinks_and_executable_bits(bundle: Path, tmp_path: Path):
    tarball = linux_bundle.make_tarball(bundle, tmp_path / "out" / "bundle.tar.gz")
    with tarfile.open(tarball) as archive:
        members = {m.name: m for m in archive.getmembers()}
    top = {name.split("/")[0] for name in members}
    assert top == {bundle.name}
    launcher = members[f"{bundle.name}/{bc.APP_NAME}"]
    assert launcher.mode & stat.S_IXUSR and launcher.uid == 0 and launcher.uname == ""
    link = members[f"{bundle.name}/app/_internal/libQt6Core.so.6"]
    assert link.issym() and link.linkname == "lib/libQt6Core.so.6"


def test_unpacked_size_counts_files_once_and_symlinks_not_at_all(fake_output: Path):
    program = (fake_output / bc.APP_NAME).stat().st_size
    assert linux_bundle.unpacked_size(fake_output) == 1000 + program
    ranked = linux_bundle.biggest(fake_output, count=2)
    assert ranked[0] == (1000, "_internal")


def test_changelog_headings_give_the_releases_newest_first():
    text = (
        "# Changelog\n\n## [Unreleased]\n\n## 0.2.0 — 2027-01-10\n- more\n"
        "## [0.1.1] - 2026-12-01\n### Fixed\n## v0.1.0\n"
    )
    releases = linux_bundle.changelog_releases(text)
    assert [(r.version, r.date) for r in releases] == [
        ("0.2.0", "2027-01-10"),
        ("0.1.1", "2026-12-01"),
        ("0.1.0", ""),
    ]


def test_metainfo_releases_put_the_built_version_first_even_if_the_changelog_lags(
    tmp_path: Path,
):
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text("## 0.1.0 - 2026-11-24\n", encoding="utf-8")
    releases = linux_bundle.releases_for("0.2.0", changelog)
    assert [r.version for r in releases] == ["0.2.0", "0.1.0"]
    assert releases[0].date and releases[1].date == "2026-11-24"
    with pytest.raises(bc.BuildError):
        linux_bundle.render_metainfo("<component/>", releases)


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli not installed")
def test_appstream_accepts_the_rendered_metainfo(bundle: Path):
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(bundle / f"{bc.APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
