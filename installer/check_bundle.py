#!/usr/bin/env python3
"""Prove the Linux bundle runs on a machine without Python. Standard library only.

    python3 installer/check_bundle.py [TARBALL] [--keep]

Unpacks the tar.gz (default: dist/upskill-planner-<version>-linux-<machine>.tar.gz) into a
temporary folder and runs its launcher in a clean environment: ``env -i`` with only HOME (a
fresh folder), PATH=/usr/bin:/bin and QT_QPA_PLATFORM=offscreen. As root, with a working
``unshare --mount``, it runs inside a private mount namespace where every Python is hidden
(empty folders over the Python installations, the repository and its .venv; empty files
over the python3 commands), and checks first that python3 really cannot start there.

What runs: ``--self-test`` (start Qt, demo organisation, every area, every report and the
workbook, read back), then the command line: demo, info --json, a PDF report and the
workbook. The output must name no path outside the unpacked bundle (no module came from
the repository or a Python installation). Exit 0 when all of it passed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bundle_config as bc

CLEAN_PATH = "/usr/bin:/bin"
TIMEOUT_SECONDS = 300
PYTHON_STILL_RUNS = 97
"""Exit code of the namespace script when python3 could still start: the hiding failed."""


def say(message: str) -> None:
    print(f"check_bundle: {message}", flush=True)


def default_tarball() -> Path:
    import platform

    machine = {"amd64": "x86_64", "arm64": "aarch64"}.get(
        platform.machine().lower(), platform.machine().lower()
    )
    version = bc.project_version()
    return bc.ROOT / "dist" / f"{bc.APP_NAME}-{version}-linux-{machine}.tar.gz"


def unpack(tarball: Path, into: Path) -> Path:
    """Extract ``tarball`` into ``into``; returns the one top-level folder it holds."""
    with tarfile.open(tarball) as archive:
        if hasattr(tarfile, "data_filter"):
            archive.extractall(into, filter="data")
        else:  # Python before 3.11.4
            archive.extractall(into)
    folders = [p for p in into.iterdir() if p.is_dir()]
    if len(folders) != 1:
        raise SystemExit(f"check_bundle: {tarball.name} should hold one folder, not {folders}")
    return folders[0]


# ------------------------------------------------------------------- hiding Python


def python_locations() -> tuple[list[Path], list[Path]]:
    """(folders, files) to cover so that no Python installation is reachable."""
    folders: set[Path] = set()
    for pattern in ("/usr/lib/python3*", "/usr/local/lib/python3*", "/usr/lib64/python3*"):
        folders.update(Path(p) for p in sorted(Path("/").glob(pattern.lstrip("/"))))
    home = Path.home()
    folders.update(p for p in (home / ".pyenv", home / ".local" / "lib") if p.exists())
    for prefix in {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}:
        if Path(prefix) not in (Path("/usr"), Path("/usr/local"), Path("/")):
            folders.add(Path(prefix))
    folders.add(bc.ROOT)  # the source tree and its .venv
    files: set[Path] = set()
    for folder in ("/usr/bin", "/usr/local/bin", "/bin"):
        for candidate in Path(folder).glob("python*"):
            resolved = candidate.resolve()
            if re.fullmatch(r"python[0-9.]*", candidate.name) and resolved.is_file():
                files.add(resolved)
    real_folders = sorted({f.resolve() for f in folders if f.is_dir()})
    # Covering a folder already covers what is inside it.
    outer = [f for f in real_folders if not any(o != f and o in f.parents for o in real_folders)]
    files = {f for f in files if not any(o in f.parents for o in outer)}
    return outer, sorted(files)


def hiding_script(folders: list[Path], files: list[Path], empty_dir: Path, empty_file: Path) -> str:
    """Shell lines run inside the new mount namespace before the bundle starts."""
    lines = ["set -e"]
    for folder in folders:
        lines.append(f"mount --bind {shlex.quote(str(empty_dir))} {shlex.quote(str(folder))}")
    for file in files:
        lines.append(f"mount --bind {shlex.quote(str(empty_file))} {shlex.quote(str(file))}")
    lines.append(
        f"if PATH={CLEAN_PATH} python3 -c '' >/dev/null 2>&1; then "
        f"echo 'python3 still starts inside the namespace' >&2; exit {PYTHON_STILL_RUNS}; fi"
    )
    return "\n".join(lines)


def namespace_works() -> bool:
    """Root on Linux, ``unshare`` present, and a bind mount inside a new namespace succeeds."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0 or not shutil.which("unshare"):
        return False
    with tempfile.TemporaryDirectory() as scratch:
        probe = subprocess.run(
            ["unshare", "--mount", "sh", "-c", f"mount --bind {scratch} {scratch}"],
            capture_output=True,
            check=False,
        )
    return probe.returncode == 0


@dataclass
class Runner:
    """Runs the launcher in the clean environment, hidden Python or not."""

    launcher: Path
    home: Path
    hide: str | None  # the namespace script, or None for env -i alone

    def command(self, arguments: list[str]) -> list[str]:
        clean = [
            "env",
            "-i",
            f"HOME={self.home}",
            f"PATH={CLEAN_PATH}",
            "QT_QPA_PLATFORM=offscreen",
            str(self.launcher),
            *arguments,
        ]
        if self.hide is None:
            return clean
        script = self.hide + "\nexec " + shlex.join(clean)
        return ["unshare", "--mount", "--propagation", "private", "sh", "-c", script]

    def run(self, arguments: list[str]) -> tuple[int, str]:
        started = time.monotonic()
        shown = shlex.join([str(self.launcher.name), *arguments])
        say(f"$ {shown}")
        try:
            result = subprocess.run(
                self.command(arguments),
                capture_output=True,
                text=True,
                timeout=TIMEOUT_SECONDS,
                check=False,
                cwd=self.home,
            )
        except subprocess.TimeoutExpired:
            return 124, f"timed out after {TIMEOUT_SECONDS}s"
        output = (result.stdout + result.stderr).rstrip()
        for line in output.splitlines():
            print(f"    {line}")
        say(f"  exit {result.returncode} in {time.monotonic() - started:.1f}s")
        return result.returncode, output


def outside_paths(output: str, bundle: Path, scratch: Path) -> list[str]:
    """Paths in ``output`` that point outside the unpacked bundle and its scratch folder."""
    suspicious = [str(bc.ROOT), sys.base_prefix, sys.prefix, "site-packages", ".venv"]
    found = []
    for line in output.splitlines():
        if str(bundle) in line or str(scratch) in line:
            line = line.replace(str(bundle), "<bundle>").replace(str(scratch), "<scratch>")
        for marker in suspicious:
            if marker and marker not in ("/", "/usr") and marker in line:
                found.append(line.strip())
                break
    return found


def run_checks(runner: Runner, bundle: Path, scratch: Path) -> list[str]:
    """Every run, in order; returns the failures (empty when all passed)."""
    failures: list[str] = []
    code, output = runner.run(["--self-test"])
    if code == PYTHON_STILL_RUNS:
        return ["python3 could still start inside the namespace: the hiding did not work"]
    if code != 0 or "Self-test passed" not in output:
        failures.append(f"--self-test exited {code}")
    if f"Frozen: yes (bundle: {bundle}" not in output:
        failures.append("--self-test did not report running frozen from the unpacked bundle")
    interpreter = re.search(r"^Python [\d.]+: (.+)$", output, flags=re.M)
    if interpreter is None or not interpreter.group(1).startswith(str(bundle)):
        failures.append("--self-test did not report its interpreter inside the bundle")
    data = scratch / "cli.upskill"
    report = scratch / "pilot.pdf"
    workbook = scratch / "leadership.xlsx"
    runs = [
        (["--db", str(data), "demo"], None),
        (["--db", str(data), "info", "--json"], "json"),
        (["--db", str(data), "report", "pdf", str(report), "--kind", "pilot"], report),
        (["--db", str(data), "export", "xlsx", str(workbook)], workbook),
    ]
    outputs = [output]
    for arguments, expect in runs:
        code, output = runner.run(arguments)
        outputs.append(output)
        if code != 0:
            failures.append(f"{' '.join(arguments[2:3])} exited {code}")
        elif expect == "json":
            counts = json.loads(output[output.index("{") :])
            if not counts.get("employees"):
                failures.append("info --json counted no employees after demo")
        elif isinstance(expect, Path) and (not expect.is_file() or expect.stat().st_size == 0):
            failures.append(f"{expect.name} was not written")
    for line in outside_paths("\n".join(outputs), bundle, scratch):
        failures.append(f"a path outside the bundle appeared: {line}")
    if any("Traceback (most recent call last)" in o for o in outputs):
        failures.append("a traceback was printed")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tarball", nargs="?", type=Path, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the unpacked folder")
    args = parser.parse_args(argv)
    tarball = (args.tarball or default_tarball()).resolve()
    if not tarball.is_file():
        say(f"{tarball} not found: build it first (python3 tasks.py build)")
        return 1
    say(f"{tarball.name}: {tarball.stat().st_size / 1e6:.1f} MB")
    scratch = Path(tempfile.mkdtemp(prefix="upskill-bundle-check-"))
    try:
        bundle = unpack(tarball, scratch / "unpacked")
        home = scratch / "home"
        home.mkdir()
        say(f"unpacked into {bundle}")
        hide: str | None = None
        if namespace_works():
            folders, files = python_locations()
            empty_dir = scratch / "empty-dir"
            empty_dir.mkdir()
            empty_file = scratch / "empty-file"
            empty_file.write_bytes(b"")
            hide = hiding_script(folders, files, empty_dir, empty_file)
            say("clean environment: env -i, in a private mount namespace hiding Python:")
            for path in [*folders, *files]:
                print(f"    hidden: {path}")
        else:
            say(
                "clean environment: env -i only (a private mount namespace needs root and a "
                "working 'unshare --mount'; not available here, so Python is not hidden)"
            )
        runner = Runner(bundle / bc.APP_NAME, home, hide)
        failures = run_checks(runner, bundle, scratch)
    finally:
        if args.keep:
            say(f"kept {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    if failures:
        for failure in failures:
            say(f"FAILED: {failure}")
        return 1
    hidden = "with every Python hidden" if hide else "with env -i (Python not hidden)"
    say(f"passed: the bundle ran its self-test and the command line {hidden}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
