"""The Linux tar.gz: the PyInstaller folder plus a launcher, menu entry, AppStream data,
file type, icons, a per-user install script and a README. Standard library only.

    upskill-planner-<version>/
        upskill-planner            launcher (resolves its folder, runs app/upskill-planner)
        install.sh  README.txt
        upskill-planner.desktop  upskill-planner-mime.xml
        io.github.upskillplanner.UpskillPlanner.metainfo.xml
        icons/hicolor/<n>x<n>/apps/upskill-planner.png, icons/hicolor/scalable/apps/….svg
        app/                       the PyInstaller output (upskill-planner + _internal/)
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tarfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import bundle_config as bc

LINUX_FILES = bc.ROOT / "installer" / "linux"
LAUNCHER = LINUX_FILES / bc.APP_NAME
DESKTOP_FILE = LINUX_FILES / f"{bc.APP_NAME}.desktop"
MIME_FILE = LINUX_FILES / f"{bc.APP_NAME}-mime.xml"
METAINFO_FILE = LINUX_FILES / f"{bc.APP_ID}.metainfo.xml"
INSTALL_SCRIPT = LINUX_FILES / "install.sh"
README_FILE = LINUX_FILES / "README.txt"
PLAIN_FILES = (DESKTOP_FILE, MIME_FILE)
EXECUTABLES = (LAUNCHER, INSTALL_SCRIPT)
MB = 1_000_000
"""Sizes are printed and limited in megabytes of 10^6 bytes (stricter than MiB)."""


@dataclass(frozen=True)
class Release:
    version: str
    date: str  # ISO date, YYYY-MM-DD


_HEADING = re.compile(
    r"^#{1,3}\s*\[?v?(?P<version>\d+\.\d+(?:\.\d+)?[^\]\s]*)\]?"
    r"(?:.*?(?P<date>\d{4}-\d{2}-\d{2}))?"
)


def changelog_releases(text: str) -> list[Release]:
    """Versions in CHANGELOG.md, newest first, from headings like ``## [0.1.0] - 2026-11-24``.

    Headings without a version (``## [Unreleased]``) are skipped; a version without a date
    gets an empty date.
    """
    releases: list[Release] = []
    for line in text.splitlines():
        match = _HEADING.match(line.strip())
        if match:
            releases.append(Release(match.group("version"), match.group("date") or ""))
    return releases


def releases_for(version: str, changelog: Path = bc.ROOT / "CHANGELOG.md") -> list[Release]:
    """The releases for the metainfo: the CHANGELOG's, with ``version`` first and dated."""
    found = changelog_releases(changelog.read_text(encoding="utf-8")) if changelog.is_file() else []
    if not found or found[0].version != version:
        print(
            f"build: warning: CHANGELOG.md has no entry for {version} at the top; "
            "the metainfo dates this release today"
        )
        found = [Release(version, date.today().isoformat())] + [
            r for r in found if r.version != version
        ]
    return [r if r.date else Release(r.version, date.today().isoformat()) for r in found]


def render_metainfo(template: str, releases: list[Release]) -> str:
    """The metainfo XML with ``<releases>`` holding one ``<release>`` per version."""
    items = "".join(f'\n    <release version="{r.version}" date="{r.date}"/>' for r in releases)
    rendered, count = re.subn(
        r"<releases>.*?</releases>", f"<releases>{items}\n  </releases>", template, flags=re.S
    )
    if count != 1:
        raise bc.BuildError(f"{METAINFO_FILE.name} must hold exactly one <releases> element")
    ET.fromstring(rendered.encode("utf-8"))  # refuses to write XML that does not parse
    return rendered


def assemble(pyinstaller_output: Path, staging: Path, version: str) -> Path:
    """Lay out ``upskill-planner-<version>/`` under ``staging``; returns that folder."""
    folder = staging / f"{bc.APP_NAME}-{version}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    shutil.copytree(pyinstaller_output, folder / "app", symlinks=True)
    for source in EXECUTABLES:
        shutil.copy2(source, folder / source.name)
        (folder / source.name).chmod(0o755)
    for source in PLAIN_FILES:
        shutil.copy2(source, folder / source.name)
    readme = README_FILE.read_text(encoding="utf-8").replace("@VERSION@", version)
    (folder / README_FILE.name).write_text(readme, encoding="utf-8")
    metainfo = render_metainfo(METAINFO_FILE.read_text(encoding="utf-8"), releases_for(version))
    (folder / METAINFO_FILE.name).write_text(metainfo, encoding="utf-8")
    for sized in sorted((bc.ICON_DIR / "hicolor").glob(f"*/{bc.APP_NAME}.png")):
        target = folder / "icons" / "hicolor" / sized.parent.name / "apps"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(sized, target / sized.name)
    scalable = folder / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(bc.ICON_SVG, scalable / bc.ICON_SVG.name)
    return folder


def make_tarball(folder: Path, tarball: Path) -> Path:
    """``folder`` as a .tar.gz (symbolic links kept, owner neutral)."""

    def neutral(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    tarball.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(tarball, "w:gz", compresslevel=6) as archive:
        archive.add(folder, arcname=folder.name, filter=neutral)
    return tarball


def unpacked_size(folder: Path) -> int:
    """Bytes of every regular file (symbolic links count as nothing)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def biggest(folder: Path, count: int = 15) -> list[tuple[int, str]]:
    """The ``count`` biggest files and folders (sizes of everything under each), biggest first."""
    sizes: dict[Path, int] = {}
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            size = path.stat().st_size
            relative = path.relative_to(folder)
            for part in [relative, *relative.parents][:-1]:  # the last is "." (the whole)
                sizes[part] = sizes.get(part, 0) + size
    # Biggest first; of equal sizes the folder before what it holds.
    ranked = sorted(sizes.items(), key=lambda item: (-item[1], str(item[0])))
    return [(size, str(path)) for path, size in ranked[:count]]


def validate(folder: Path) -> list[str]:
    """Run desktop-file-validate and appstreamcli where installed; returns what ran."""
    checks = (
        ("desktop-file-validate", [str(folder / DESKTOP_FILE.name)]),
        (
            "appstreamcli",
            ["validate", "--no-net", "--explain", str(folder / METAINFO_FILE.name)],
        ),
    )
    ran: list[str] = []
    for tool, arguments in checks:
        found = shutil.which(tool)
        if found is None:
            print(f"build: {tool} is not installed; skipped that check")
            continue
        result = subprocess.run([found, *arguments], capture_output=True, text=True, check=False)
        output = (result.stdout + result.stderr).strip()
        if output:
            print(output)
        if result.returncode != 0:
            raise bc.BuildError(f"{tool} found errors in {Path(arguments[-1]).name}")
        ran.append(tool)
    return ran


GLIBC_FLOOR = (2, 35)
"""The oldest glibc the bundle may need: 2.35 is Ubuntu 22.04 LTS (Debian 12 has 2.36)."""


def _is_elf(path: Path) -> bool:
    if not path.is_file() or path.is_symlink():
        return False
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def required_glibc(folder: Path) -> tuple[int, int]:
    """The newest glibc symbol version any program or library in ``folder`` needs."""
    objdump = shutil.which("objdump")
    if objdump is None:
        raise bc.BuildError("objdump (binutils) is needed to check the glibc the bundle needs")
    binaries = [str(p) for p in folder.rglob("*") if _is_elf(p)]
    newest = (0, 0)
    for start in range(0, len(binaries), 50):
        result = subprocess.run(
            [objdump, "-T", *binaries[start : start + 50]],
            capture_output=True,
            text=True,
            check=False,
        )
        for major, minor in re.findall(r"\bGLIBC_(\d+)\.(\d+)", result.stdout):
            newest = max(newest, (int(major), int(minor)))
    return newest
