#!/usr/bin/env python3
"""Build Upskill Planner for the platform this runs on. Standard library only at import.

    python3 tasks.py build [--self-test]        (sets up .venv, then runs this)
    .venv/bin/python installer/build.py [--self-test] [--skip-pyinstaller]

Runs PyInstaller on installer/upskill-planner.spec (output: dist/upskill-planner/), then:
- Linux: packs dist/upskill-planner-<version>-linux-x86_64.tar.gz (see linux_bundle.py),
  validates the menu entry and AppStream file where the tools exist, prints the unpacked
  and packed sizes and fails when the unpacked bundle is SIZE_LIMIT_MB or more;
  ``--self-test`` then runs installer/check_bundle.py on it.
- Windows: next step is ``iscc installer\\windows\\upskill-planner.iss``.
- macOS: dist/Upskill Planner.app; sign and notarise it as installer/macos/SIGNING.md says.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bundle_config as bc

SPEC = bc.ROOT / "installer" / "upskill-planner.spec"
DIST = bc.ROOT / "dist"
WORK = bc.ROOT / "build" / "pyinstaller"
STAGING = bc.ROOT / "build" / "linux"


def say(message: str) -> None:
    print(f"build: {message}", flush=True)


def builder_python() -> Path:
    """The interpreter with PyInstaller: this one, else the project's .venv."""
    candidates = [Path(sys.executable)]
    venv = bc.ROOT / ".venv"
    candidates.append(venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python"))
    for python in candidates:
        probe = subprocess.run(
            [str(python), "-c", "import PyInstaller"], capture_output=True, check=False
        )
        if python.exists() and probe.returncode == 0:
            return python
    raise bc.BuildError(
        "PyInstaller is not installed. Run 'python3 tasks.py build' (it sets up .venv with "
        "requirements-build.txt), or 'pip install -r requirements-build.txt'."
    )


def run_pyinstaller(python: Path) -> Path:
    """Build dist/upskill-planner/ from the spec; returns that folder."""
    output = DIST / bc.APP_NAME
    command = [
        str(python),
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
        str(SPEC),
    ]
    say("running PyInstaller: " + " ".join(command))
    started = time.monotonic()
    environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(command, cwd=bc.ROOT, env=environment, check=False)
    if result.returncode != 0:
        raise bc.BuildError(f"PyInstaller failed (exit {result.returncode})")
    executable = output / (f"{bc.APP_NAME}.exe" if os.name == "nt" else bc.APP_NAME)
    if not executable.is_file():
        raise bc.BuildError(f"PyInstaller finished but {executable} is missing")
    say(f"PyInstaller built {output.relative_to(bc.ROOT)} in {time.monotonic() - started:.0f}s")
    return output


def linux_machine() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "arm64": "aarch64"}.get(machine, machine)


def tarball_path(version: str) -> Path:
    return DIST / f"{bc.APP_NAME}-{version}-linux-{linux_machine()}.tar.gz"


def package_linux(output: Path, version: str) -> Path:
    import linux_bundle

    folder = linux_bundle.assemble(output, STAGING, version)
    linux_bundle.validate(folder)
    tarball = tarball_path(version)
    say(f"packing {tarball.relative_to(bc.ROOT)}")
    linux_bundle.make_tarball(folder, tarball)
    unpacked = linux_bundle.unpacked_size(folder)
    packed = tarball.stat().st_size
    mb = linux_bundle.MB
    say("biggest files and folders in the bundle:")
    for size, name in linux_bundle.biggest(folder):
        print(f"    {size / mb:7.1f} MB  {name}")
    glibc = linux_bundle.required_glibc(folder)
    floor = linux_bundle.GLIBC_FLOOR
    say(f"needs glibc {glibc[0]}.{glibc[1]} or newer (allowed: {floor[0]}.{floor[1]})")
    if glibc > floor:
        raise bc.BuildError(
            f"the bundle needs glibc {glibc[0]}.{glibc[1]}, newer than {floor[0]}.{floor[1]} "
            "(Ubuntu 22.04): a library the build machine added, or a newer Qt; see "
            "bundle_pruning.LINUX_SYSTEM_LIBRARIES"
        )
    say(f"unpacked size: {unpacked / mb:.1f} MB (limit {bc.SIZE_LIMIT_MB} MB)")
    say(f"tar.gz size:   {packed / mb:.1f} MB  {tarball}")
    if unpacked >= bc.SIZE_LIMIT_MB * mb:
        raise bc.BuildError(
            f"the unpacked bundle is {unpacked / mb:.1f} MB, over the {bc.SIZE_LIMIT_MB} MB "
            "limit: see what grew in the list above (a new Qt module? a plugin?)"
        )
    shutil.rmtree(folder)
    return tarball


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="Linux: after building, unpack the tar.gz and run it in a clean environment",
    )
    parser.add_argument(
        "--skip-pyinstaller",
        action="store_true",
        help="package the existing dist/upskill-planner/ again without rebuilding it",
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        version = bc.checked_version()
        say(f"Upskill Planner {version} for {sys.platform} ({linux_machine()})")
        if args.skip_pyinstaller:
            output = DIST / bc.APP_NAME
            if not output.is_dir():
                raise bc.BuildError(f"{output} does not exist; build without --skip-pyinstaller")
        else:
            output = run_pyinstaller(builder_python())
        if sys.platform.startswith("linux"):
            tarball = package_linux(output, version)
            say(f"done in {time.monotonic() - started:.0f}s")
            if args.self_test:
                import check_bundle

                return check_bundle.main([str(tarball)])
        elif sys.platform == "win32":
            say(f"done in {time.monotonic() - started:.0f}s: {output}")
            say(f"next: iscc /DAppVersion={version} installer\\windows\\upskill-planner.iss")
        elif sys.platform == "darwin":
            say(f"done in {time.monotonic() - started:.0f}s: {DIST / (bc.DISPLAY_NAME + '.app')}")
            say("next: sign, notarise and staple it (installer/macos/SIGNING.md)")
        return 0
    except bc.BuildError as error:
        print(f"build: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
