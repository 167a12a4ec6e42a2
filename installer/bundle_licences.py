"""The third-party licence texts that travel in the bundle (``licences/`` inside it).

Collected from the installed distributions' metadata at build time, so a new dependency
brings its licence along (or stops the build). Standard library only.
"""

from __future__ import annotations

import importlib.metadata
import re
import shutil
import subprocess
import sys
from pathlib import Path

import bundle_config as bc

LICENCE_FILE = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)

QT_NOTICE = """\
Qt for Python (PySide6, shiboken6) and the Qt libraries
=======================================================

This application uses Qt {version} through Qt for Python (PySide6 {version}),
licensed under the GNU Lesser General Public License version 3 (LGPL-3.0-only;
the text is in LGPL-3.0.txt, and the GPL-3.0 it builds on in GPL-3.0.txt).

The Qt libraries are shipped as separate shared libraries, unmodified, in the
application folder (_internal/PySide6/Qt/lib on Linux, _internal/PySide6 on Windows,
Contents/Frameworks on macOS); you may replace them with your own build of the same
Qt version. The source code of Qt and Qt for Python is available from
https://download.qt.io/official_releases/ and https://code.qt.io/.

Qt itself contains third-party components (among them ICU, in libicu*); they and
their licences are listed at https://doc.qt.io/qt-6/licenses-used-in-qt.html.
"""


def runtime_distributions(requirements: Path) -> list[str]:
    """The distributions named in requirements.txt and everything they need at run time.

    Requirements that only apply to an extra are skipped; other environment markers are
    not evaluated, so a licence too many is possible, a licence too few is not.
    """
    names: list[str] = []
    for line in requirements.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            names.append(re.split(r"[\s\[<>=!~;]", line, maxsplit=1)[0])
    seen: dict[str, str] = {}
    pending = list(names)
    while pending:
        name = pending.pop(0)
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        seen[key] = dist.metadata["Name"]
        for requirement in dist.requires or []:
            if "extra ==" in requirement.replace("extra==", "extra =="):
                continue
            pending.append(re.split(r"[\s\[<>=!~;(]", requirement, maxsplit=1)[0])
    return sorted(seen.values(), key=str.lower)


def _licence_files(dist: importlib.metadata.Distribution) -> list[Path]:
    files: list[Path] = []
    for entry in dist.files or []:
        parts = Path(str(entry)).parts
        in_metadata = parts[0].endswith(".dist-info")
        if LICENCE_FILE.match(parts[-1]) and (in_metadata or len(parts) <= 2):
            located = Path(str(dist.locate_file(entry)))
            if located.is_file():
                files.append(located)
    return files


def collect_licences(dest: Path, requirements: Path = bc.ROOT / "requirements.txt") -> list[str]:
    """Copy every runtime distribution's licence files (and Python's) into ``dest``.

    Returns the distributions covered. Raises BuildError when one has no licence text,
    so a new dependency cannot ship without its licence.
    """
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    covered: list[str] = []
    missing: list[str] = []
    summary: list[str] = []
    for name in runtime_distributions(requirements):
        dist = importlib.metadata.distribution(name)
        version = dist.version
        metadata = dist.metadata
        licence = (metadata.get_all("License-Expression") or metadata.get_all("License") or [""])[0]
        files = _licence_files(dist)
        if name.lower().startswith(("pyside6", "shiboken6")):
            files += _qt_licence_texts()
            licence = "LGPL-3.0-only (the option this app uses; see LGPL-3.0.txt)"
        if not files:
            missing.append(name)
            continue
        folder = dest / f"{name}-{version}"
        folder.mkdir()
        for file in files:
            shutil.copy2(file, folder / file.name)
        if name.lower().startswith("pyside6"):
            (folder / "NOTICE-Qt.txt").write_text(
                QT_NOTICE.format(version=version), encoding="utf-8"
            )
        covered.append(name)
        summary.append(f"{name} {version}: {licence.splitlines()[0] if licence else 'see files'}")
    python_version = sys.version.split()[0]
    folder = dest / f"Python-{python_version}"
    folder.mkdir()
    shutil.copy2(_python_licence(), folder / "LICENSE.txt")
    summary.append(f"Python {python_version}: PSF-2.0")
    if missing:
        raise bc.BuildError(
            "no licence text found for: " + ", ".join(missing) + ". Add the text under "
            "installer/licences/ and teach bundle_licences.collect_licences where it is."
        )
    (dest / "README.txt").write_text(
        "Third-party software in Upskill Planner, and its licences\n\n"
        + "\n".join(summary)
        + "\n\nEach folder holds the licence files shipped with that package.\n",
        encoding="utf-8",
    )
    return covered


def _python_licence() -> Path:
    """The running Python's licence text (the bundle carries its interpreter)."""
    base = Path(sys.base_prefix)
    for candidate in (
        base / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" / "LICENSE.txt",
        base / "LICENSE.txt",  # Windows
        base / "share" / "doc" / f"python{sys.version_info[0]}.{sys.version_info[1]}" / "copyright",
    ):
        if candidate.is_file():
            return candidate
    raise bc.BuildError(f"cannot find the licence text of the Python in {base}")


def _qt_licence_texts() -> list[Path]:
    """LGPL-3.0 and GPL-3.0 texts (installer/licences): the PySide6 wheels carry none."""
    texts = [bc.ROOT / "installer" / "licences" / name for name in ("LGPL-3.0.txt", "GPL-3.0.txt")]
    for path in texts:
        if not path.is_file():
            raise bc.BuildError(f"{path} is missing: the Qt libraries cannot ship without it")
    return texts


def system_library_notices(
    binaries: list[tuple[str, str, str]], dest_folder: str = "licences/system-libraries"
) -> list[tuple[str, str, str]]:
    """Linux with dpkg: the copyright file of each Debian package a bundled library came from.

    PyInstaller copies libraries of the build machine (libxcb, fontconfig, glib, ...) into
    the bundle; their licences (LGPL, MIT, ...) travel with them as ``DATA`` entries for
    the spec's ``a.datas``. Empty where there is no dpkg (then say so in the report).
    """
    dpkg = shutil.which("dpkg")
    sources: set[str] = set()
    for _dest, src, _kind in binaries:
        if src.startswith(("/usr/lib/", "/lib")):
            # Merged /usr: dpkg may know the file under either name.
            sources.add(src)
            sources.add(src[4:] if src.startswith("/usr/lib/") else "/usr" + src)
    if dpkg is None or not sources:
        return []
    result = subprocess.run([dpkg, "-S", *sources], capture_output=True, text=True, check=False)
    packages = set()
    for line in result.stdout.splitlines():
        owner = line.split(": ", 1)[0]
        for package in owner.split(", "):
            packages.add(package.split(":")[0])  # drop ":amd64"
    notices = []
    for package in sorted(packages):
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        if copyright_file.is_file():
            notices.append((f"{dest_folder}/{package}.txt", str(copyright_file), "DATA"))
    return notices
