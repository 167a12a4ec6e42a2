#!/usr/bin/env python3
"""Developer tasks for Upskill Planner -- standard library only, any OS.

    python3 tasks.py run [-- ARGS]                   set up, then start the app (main.py ARGS)
    python3 tasks.py test [--no-postgres] [--keep-going] [-- PYTEST ARGS]
                                                     set up, then lint + pytest (+ PostgreSQL)
    python3 tasks.py lint                            ruff, mypy, import-linter
    python3 tasks.py bench [-- ARGS]                 python -m bench
    python3 tasks.py build [--self-test]             build the app for this OS (installer/)
    python3 tasks.py help                            this list

On Windows use ``py tasks.py ...``. The first run creates ``.venv`` with the
interpreter that runs this file and installs the pinned requirements; later runs
reinstall only when a requirements file changed.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP_NAME = ".requirements.sha256"
RUNTIME_REQUIREMENTS = ROOT / "requirements.txt"
DEV_REQUIREMENTS = ROOT / "requirements-dev.txt"
BUILD_REQUIREMENTS = ROOT / "requirements-build.txt"
MIN_PYTHON = (3, 11)

# Debian/Ubuntu package -> the shared library it provides. Presence is checked by
# library name (ldconfig cache), which survives package renames such as Ubuntu
# 24.04's libglib2.0-0t64; apt-get resolves the old name to the new package.
QT_OFFSCREEN_LIBS: dict[str, str] = {
    "libgl1": "libGL.so.1",
    "libegl1": "libEGL.so.1",
    "libxkbcommon0": "libxkbcommon.so.0",
    "libglib2.0-0": "libglib-2.0.so.0",
    "libfontconfig1": "libfontconfig.so.1",
    "libdbus-1-3": "libdbus-1.so.3",
}
QT_DISPLAY_LIBS: dict[str, str] = {
    "libxcb-cursor0": "libxcb-cursor.so.0",
    "libxkbcommon-x11-0": "libxkbcommon-x11.so.0",
    "libxcb-icccm4": "libxcb-icccm.so.4",
    "libxcb-keysyms1": "libxcb-keysyms.so.1",
    "libxcb-shape0": "libxcb-shape.so.0",
}

TARGETS: dict[str, str] = {
    "run": "set up .venv (runtime requirements), then start the app: main.py ARGS "
    "(e.g. run -- --db my.db info --json)",
    "test": "set up .venv (dev requirements), then ruff, mypy, lint-imports, pytest "
    "[-- PYTEST ARGS], then pytest -m database against a throwaway PostgreSQL "
    "(--no-postgres skips it; --keep-going runs every phase even after a failure)",
    "lint": "set up .venv (dev requirements), then ruff, mypy, lint-imports",
    "bench": "set up .venv (runtime requirements), then python -m bench [-- ARGS]",
    "build": "set up .venv (build requirements: runtime + PyInstaller), then "
    "installer/build.py: the app for this OS in dist/ (Linux: a tar.gz, size checked); "
    "--self-test then runs the unpacked bundle in a clean environment",
    "help": "this list",
}


class TaskError(Exception):
    """A problem the user can fix; printed as one message, exit code 1."""


# --------------------------------------------------------------------------- output


def say(message: str) -> None:
    print(f"tasks.py: {message}", flush=True)


def warn(message: str) -> None:
    print(f"tasks.py: {message}", file=sys.stderr, flush=True)


def shown(cmd: Sequence[str | os.PathLike[str]]) -> str:
    parts = [str(c) for c in cmd]
    if os.name == "nt":
        return subprocess.list2cmdline(parts)
    return shlex.join(parts)


# ---------------------------------------------------------------- requirements stamp


def requirements_files(path: Path) -> list[Path]:
    """``path`` and every file it includes with -r/-c (recursively), in order."""
    seen: list[Path] = []
    pending = [path.resolve()]
    pattern = re.compile(r"^\s*(?:-r|-c|--requirement|--constraint)(?:\s*=\s*|\s+)(\S+)")
    while pending:
        current = pending.pop(0)
        if current in seen:
            continue
        seen.append(current)
        for line in current.read_text(encoding="utf-8").splitlines():
            match = pattern.match(line)
            if match:
                pending.append((current.parent / match.group(1)).resolve())
    return seen


def requirements_digest(path: Path) -> str:
    """SHA-256 over the requirements file and everything it includes."""
    digest = hashlib.sha256()
    for file in requirements_files(path):
        digest.update(file.name.encode())
        digest.update(b"\0")
        # Normalise line endings so a Windows checkout hashes like a Linux one.
        digest.update(file.read_bytes().replace(b"\r\n", b"\n"))
        digest.update(b"\0")
    return digest.hexdigest()


def read_stamp(venv: Path) -> dict[str, str]:
    """The stamp: requirements file name -> digest installed into ``venv``."""
    try:
        text = (venv / STAMP_NAME).read_text(encoding="utf-8")
    except OSError:
        return {}
    stamp: dict[str, str] = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 2:
            stamp[parts[1]] = parts[0]
    return stamp


def write_stamp(venv: Path, requirements: Path) -> None:
    """Record that ``requirements`` (and every file it includes) is installed."""
    stamp = read_stamp(venv)
    for file in requirements_files(requirements):
        stamp[file.name] = requirements_digest(file)
    lines = "".join(f"{digest}  {name}\n" for name, digest in sorted(stamp.items()))
    (venv / STAMP_NAME).write_text(lines, encoding="utf-8")


def needs_install(venv: Path, requirements: Path) -> bool:
    """True when ``requirements`` changed (or was never installed) since the stamp."""
    return read_stamp(venv).get(requirements.name) != requirements_digest(requirements)


# ------------------------------------------------------------- system (Debian/Ubuntu)


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def has_apt() -> bool:
    return sys.platform.startswith("linux") and shutil.which("apt-get") is not None


def apt_install_line(packages: Iterable[str], *, sudo: bool = True) -> str:
    """The one command line that installs ``packages``."""
    prefix = "sudo " if sudo else ""
    return f"{prefix}apt-get install -y {' '.join(packages)}"


def apt_install(packages: Sequence[str]) -> None:
    """As root: apt-get update, then install ``packages`` non-interactively."""
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    started = time.monotonic()
    say(f"installing system packages: {' '.join(packages)}")
    for cmd in (
        ["apt-get", "update", "-q"],
        ["apt-get", "install", "-y", "-q", "--no-install-recommends", *packages],
    ):
        result = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL, check=False)
        if result.returncode != 0:
            raise TaskError(f"'{shown(cmd)}' failed (exit {result.returncode})")
    say(f"system packages installed in {time.monotonic() - started:.0f}s")


def ensure_system_packages(packages: Sequence[str], why: str) -> None:
    """Install ``packages`` when root; otherwise print the apt line and stop."""
    if not packages:
        return
    if is_root():
        apt_install(packages)
        return
    raise TaskError(
        f"{why} needs system packages that are missing. Install them with:\n\n"
        f"    {apt_install_line(packages)}\n"
    )


def find_ldconfig() -> str | None:
    found = shutil.which("ldconfig")
    if found:
        return found
    return next((p for p in ("/sbin/ldconfig", "/usr/sbin/ldconfig") if os.path.exists(p)), None)


def parse_ldconfig(output: str) -> set[str]:
    """Library names (``libGL.so.1``) listed by ``ldconfig -p``."""
    names: set[str] = set()
    for line in output.splitlines():
        line = line.strip()
        if " => " in line:
            names.add(line.split(None, 1)[0])
    return names


def installed_libraries() -> set[str] | None:
    """Shared libraries the dynamic loader knows, or None when that cannot be read."""
    ldconfig = find_ldconfig()
    if ldconfig is None:
        return None
    result = subprocess.run(
        [ldconfig, "-p"], capture_output=True, text=True, check=False, env={"LC_ALL": "C"}
    )
    if result.returncode != 0:
        return None
    return parse_ldconfig(result.stdout)


def has_display(env: Mapping[str, str]) -> bool:
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def qt_packages(env: Mapping[str, str]) -> dict[str, str]:
    """Packages Qt needs here: offscreen always, the xcb set for a real display."""
    wanted = dict(QT_OFFSCREEN_LIBS)
    platform = env.get("QT_QPA_PLATFORM", "")
    if has_display(env) and not platform.startswith(("offscreen", "minimal")):
        wanted.update(QT_DISPLAY_LIBS)
    return wanted


def missing_packages(wanted: Mapping[str, str], libraries: set[str]) -> list[str]:
    """Packages in ``wanted`` (package -> library) whose library is not in ``libraries``."""
    return [package for package, library in wanted.items() if library not in libraries]


def check_qt_libraries(env: Mapping[str, str]) -> None:
    """On Debian/Ubuntu, make sure the system libraries Qt loads are present."""
    if not has_apt():
        return
    libraries = installed_libraries()
    if libraries is None:
        return
    missing = missing_packages(qt_packages(env), libraries)
    ensure_system_packages(missing, "Qt (PySide6)")
    if missing and is_root():
        still = missing_packages(qt_packages(env), installed_libraries() or set())
        if still:
            raise TaskError(f"still missing after apt-get install: {' '.join(still)}")


# ------------------------------------------------------------------------ the venv


def venv_python(venv: Path = VENV) -> Path:
    if os.name == "nt":
        return venv / "Scripts" / "python.exe"
    return venv / "bin" / "python"


def venv_script(name: str, venv: Path = VENV) -> Path:
    if os.name == "nt":
        return venv / "Scripts" / f"{name}.exe"
    return venv / "bin" / name


def venv_env(venv: Path = VENV, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """Environment with the venv activated (its scripts first on PATH)."""
    env = dict(os.environ if base is None else base)
    env["VIRTUAL_ENV"] = str(venv)
    env["PATH"] = os.pathsep.join([str(venv_python(venv).parent), env.get("PATH", "")])
    env.pop("PYTHONHOME", None)
    return env


def venv_works(venv: Path) -> bool:
    python = venv_python(venv)
    if not python.exists():
        return False
    try:
        result = subprocess.run(
            [str(python), "-c", "import sys"], capture_output=True, timeout=60, check=False
        )
    except OSError:
        return False
    return result.returncode == 0


def debian_venv_package() -> str:
    return f"python3.{sys.version_info.minor}-venv"


def is_system_python() -> bool:
    """The interpreter comes from the OS packages (so apt can add its venv module)."""
    return sys.base_prefix in ("/usr", "/usr/local") and sys.base_prefix == sys.base_exec_prefix


def create_venv(venv: Path) -> None:
    """``python -m venv`` with the running interpreter; installs python3.X-venv if needed."""
    cmd = [sys.executable, "-m", "venv", str(venv)]
    for attempt in (1, 2):
        say(f"creating {venv.name} with Python {sys.version.split()[0]} ({sys.executable})")
        started = time.monotonic()
        result = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if result.returncode == 0 and venv_works(venv):
            say(f"created {venv.name} in {time.monotonic() - started:.1f}s")
            return
        shutil.rmtree(venv, ignore_errors=True)  # never leave a half-made venv behind
        output = (result.stdout + result.stderr).strip()
        no_ensurepip = importlib.util.find_spec("ensurepip") is None or "ensurepip" in output
        if attempt == 1 and no_ensurepip and has_apt() and is_system_python():
            ensure_system_packages([debian_venv_package()], "Creating the virtual environment")
            continue
        hint = ""
        if no_ensurepip and has_apt() and is_system_python():
            line = apt_install_line([debian_venv_package()])
            hint = f"\nInstall the venv module with:\n\n    {line}\n"
        elif no_ensurepip:
            hint = f"\n{sys.executable} lacks a working venv/ensurepip; install a full Python."
        raise TaskError(f"could not create {venv}:\n{output}{hint}")


def pip_install(venv: Path, requirements: Path, *, first_time: bool) -> None:
    python = str(venv_python(venv))
    pip = [python, "-m", "pip", "--disable-pip-version-check"]
    if first_time:
        upgrade = subprocess.run(
            [*pip, "install", "--quiet", "--upgrade", "pip"], check=False, env=venv_env(venv)
        )
        if upgrade.returncode != 0:
            warn("could not upgrade pip (offline?); going on with the bundled one")
    say(f"installing {requirements.name} into {venv.name} (only when it changes)")
    started = time.monotonic()
    cmd = [*pip, "install", "-r", str(requirements)]
    result = subprocess.run(cmd, check=False, env=venv_env(venv), cwd=ROOT)
    if result.returncode != 0:
        raise TaskError(f"'{shown(cmd)}' failed (exit {result.returncode})")
    write_stamp(venv, requirements)
    say(f"installed {requirements.name} in {time.monotonic() - started:.0f}s")


def ensure_venv(requirements: Path, venv: Path = VENV) -> Path:
    """Create ``venv`` if needed, install ``requirements`` if changed; return its python."""
    if not requirements.is_file():
        raise TaskError(f"{requirements} not found")
    first_time = False
    if not venv_works(venv):
        if venv.exists():
            warn(f"{venv} is broken (no working python); recreating it")
            shutil.rmtree(venv)
        create_venv(venv)
        first_time = True
    if first_time or needs_install(venv, requirements):
        pip_install(venv, requirements, first_time=first_time)
    return venv_python(venv)


# ----------------------------------------------------------------- running commands


def exit_code(returncode: int) -> int:
    """A process's return code as a shell would report it (signal N -> 128 + N)."""
    return 128 - returncode if returncode < 0 else returncode


_terminated: list[bool] = []  # set by the SIGTERM handler


def on_sigterm(signum: int, frame: object) -> None:
    """``kill`` gets the same clean-up (e.g. stopping PostgreSQL) as Ctrl-C."""
    _terminated.append(True)
    raise KeyboardInterrupt


def passthrough(cmd: Sequence[str | os.PathLike[str]], env: Mapping[str, str]) -> int:
    """Run ``cmd`` in the foreground; Ctrl-C goes to it, its exit code comes back."""
    process = subprocess.Popen([str(c) for c in cmd], env=dict(env), cwd=ROOT)
    try:
        return exit_code(process.wait())
    except KeyboardInterrupt:
        # A terminal Ctrl-C reached the child too: give it time to finish its way,
        # then make sure it is gone before our own clean-up runs. A SIGTERM sent to
        # us alone is passed on at once.
        first = process.terminate if _terminated else None
        for stop in (first, process.terminate, process.kill):
            if stop is not None:
                stop()
            try:
                process.wait(timeout=10)
                break
            except subprocess.TimeoutExpired:
                continue
            except KeyboardInterrupt:
                continue
        raise


class Phases:
    """Runs phases in order, stops at the first failure, prints a summary."""

    def __init__(self, keep_going: bool = False) -> None:
        self.results: list[tuple[str, str, float]] = []
        self.failures: list[str] = []
        self.keep_going = keep_going

    @property
    def failed(self) -> str | None:
        """The first failed phase, unless --keep-going asked to run on regardless."""
        return self.failures[0] if self.failures and not self.keep_going else None

    def run(
        self,
        name: str,
        cmd: Sequence[str | os.PathLike[str]],
        env: Mapping[str, str],
        ok: Callable[[int], bool] = lambda code: code == 0,
        explain: Callable[[int], str] = lambda code: f"exit {code}",
    ) -> bool:
        if self.failed:
            return False
        say(f"── {name}: {shown(cmd)}")
        started = time.monotonic()
        code = passthrough(cmd, env)
        elapsed = time.monotonic() - started
        if ok(code):
            self.results.append((name, "passed", elapsed))
            return True
        self.results.append((name, f"FAILED ({explain(code)})", elapsed))
        self.failures.append(name)
        return False

    def fail(self, name: str, why: str) -> None:
        self.results.append((name, f"FAILED ({why})", 0.0))
        self.failures.append(name)

    def skip(self, name: str, why: str) -> None:
        self.results.append((name, f"skipped ({why})", 0.0))

    def summary(self) -> int:
        print("\n" + "=" * 72)
        width = max((len(n) for n, _, _ in self.results), default=10)
        for name, status, elapsed in self.results:
            print(f"  {name:<{width}}  {elapsed:6.1f}s  {status}")
        print("=" * 72)
        if self.failures:
            print(f"FAILED at: {', '.join(self.failures)}")
            return 1
        print("All phases passed.")
        return 0


def pytest_explain(code: int) -> str:
    return {
        1: "exit 1: tests failed",
        2: "exit 2: interrupted or collection errors",
        3: "exit 3: internal error",
        4: "exit 4: usage error",
        5: "exit 5: no tests collected",
    }.get(code, f"exit {code}")


def is_ci(env: Mapping[str, str]) -> bool:
    return env.get("CI", "").strip().lower() in ("1", "true", "yes", "on")


def load_pg_server() -> ModuleType:
    """tests/pg_server.py, imported by path (tests/ is not a package we depend on)."""
    path = ROOT / "tests" / "pg_server.py"
    spec = importlib.util.spec_from_file_location("upskill_pg_server", path)
    if spec is None or spec.loader is None:
        raise TaskError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def lint_phases(phases: Phases, python: Path, env: Mapping[str, str]) -> None:
    phases.run("ruff", [python, "-m", "ruff", "check", "."], env)
    names = ("app", "db", "ui", "installer", "main.py", "tasks.py")
    targets = [t for t in names if (ROOT / t).exists()]
    phases.run("mypy", [python, "-m", "mypy", *targets], env)
    phases.run("lint-imports", [venv_script("lint-imports")], env)


def postgres_phase(
    phases: Phases, python: Path, env: Mapping[str, str], pytest_args: Sequence[str]
) -> None:
    name = "pytest -m database (PostgreSQL)"
    if phases.failed:
        return
    pg_server = load_pg_server()
    bindir = pg_server.find_bindir()
    if bindir is None:
        if is_ci(env):
            phases.fail(name, "PostgreSQL not found, and CI must run this pass")
            warn("PostgreSQL not found, and CI=true requires the server pass: install postgresql")
            return
        say("PostgreSQL not found: skipped the server pass (install postgresql to run it)")
        phases.skip(name, "PostgreSQL not found")
        return
    say(f"starting a throwaway PostgreSQL from {bindir}")
    try:
        with pg_server.temporary_postgres(bindir) as url:
            say(f"PostgreSQL ready: {url}")
            pg_env = {**env, "UPSKILL_TEST_DATABASE_URL": url}
            phases.run(
                name,
                [python, "-m", "pytest", "-m", "database", *pytest_args],
                pg_env,
                explain=pytest_explain,
            )
        say("PostgreSQL stopped and its data directory removed")
    except pg_server.PostgresError as error:
        phases.fail(name, "could not start PostgreSQL")
        warn(str(error))


# -------------------------------------------------------------------------- targets


def split_args(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """Split at the first ``--``: (our options, arguments passed through)."""
    args = list(argv)
    if "--" in args:
        at = args.index("--")
        return args[:at], args[at + 1 :]
    return args, []


def target_run(argv: Sequence[str]) -> int:
    own, extra = split_args(argv)
    extra = own + extra  # `run --db F` works as well as `run -- --db F`
    python = ensure_venv(RUNTIME_REQUIREMENTS)
    check_qt_libraries(os.environ)
    if sys.platform.startswith("linux") and not has_display(os.environ):
        if not os.environ.get("QT_QPA_PLATFORM"):
            warn(
                "no display (DISPLAY/WAYLAND_DISPLAY unset): the GUI cannot open a window. "
                "Use QT_QPA_PLATFORM=offscreen for a headless run, or "
                "'xvfb-run -a python3 tasks.py run'. CLI commands (run -- --db F info) work."
            )
    if not (ROOT / "main.py").is_file():
        raise TaskError(f"{ROOT / 'main.py'} not found")
    return passthrough([python, ROOT / "main.py", *extra], venv_env())


def target_test(argv: Sequence[str]) -> int:
    own, pytest_args = split_args(argv)
    unknown = [a for a in own if a not in ("--no-postgres", "--keep-going")]
    if unknown:
        raise TaskError(
            f"unknown option(s) for test: {' '.join(unknown)} "
            "(pytest arguments go after '--': tasks.py test -- -k name)"
        )
    env = venv_env()
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    python = ensure_venv(DEV_REQUIREMENTS)
    check_qt_libraries(env)
    phases = Phases(keep_going="--keep-going" in own)
    lint_phases(phases, python, env)
    phases.run("pytest", [python, "-m", "pytest", *pytest_args], env, explain=pytest_explain)
    if "--no-postgres" in own:
        phases.skip("pytest -m database (PostgreSQL)", "--no-postgres")
    else:
        postgres_phase(phases, python, env, pytest_args)
    return phases.summary()


def target_lint(argv: Sequence[str]) -> int:
    if argv:
        raise TaskError(f"lint takes no arguments (got: {' '.join(argv)})")
    python = ensure_venv(DEV_REQUIREMENTS)
    phases = Phases()
    lint_phases(phases, python, venv_env())
    return phases.summary()


def target_bench(argv: Sequence[str]) -> int:
    own, extra = split_args(argv)
    python = ensure_venv(RUNTIME_REQUIREMENTS)
    env = venv_env()
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return passthrough([python, "-m", "bench", *own, *extra], env)


def build_packages(libraries: set[str], has_objdump: bool, system_python: bool) -> list[str]:
    """System packages a Linux build needs: binutils (PyInstaller reads library
    dependencies with objdump); Debian's shared libpython, which PyInstaller bundles and
    Debian's python3 does not install; and every library Qt's platform plugins link, so
    that the bundle carries them (a library missing here is missing from the bundle)."""
    packages = [] if has_objdump else ["binutils"]
    minor = sys.version_info.minor
    if system_python and f"libpython3.{minor}.so.1.0" not in libraries:
        packages.append(f"libpython3.{minor}")
    wanted = {**QT_OFFSCREEN_LIBS, **QT_DISPLAY_LIBS}
    return packages + missing_packages(wanted, libraries)


def target_build(argv: Sequence[str]) -> int:
    own, extra = split_args(argv)
    unknown = [a for a in own + extra if a not in ("--self-test", "--skip-pyinstaller")]
    if unknown:
        raise TaskError(f"unknown option(s) for build: {' '.join(unknown)}")
    python = ensure_venv(BUILD_REQUIREMENTS)
    if has_apt():
        libraries = installed_libraries()
        if libraries is not None:
            packages = build_packages(
                libraries, shutil.which("objdump") is not None, is_system_python()
            )
            ensure_system_packages(packages, "Building the Linux bundle")
    return passthrough([python, ROOT / "installer" / "build.py", *own, *extra], venv_env())


def target_help(argv: Sequence[str]) -> int:
    launcher = "py" if os.name == "nt" else "python3"
    print(f"usage: {launcher} tasks.py TARGET [OPTIONS] [-- ARGS]\n\ntargets:")
    for name, text in TARGETS.items():
        lines = textwrap.wrap(text, width=70)
        print(f"  {name:<6} {lines[0]}")
        for line in lines[1:]:
            print(f"         {line}")
    print(
        "\nThe first run creates .venv with this Python and installs the pinned"
        "\nrequirements; later runs reinstall only when a requirements file changed."
    )
    return 0


def main(argv: Sequence[str]) -> int:
    if sys.version_info < MIN_PYTHON:
        need = ".".join(map(str, MIN_PYTHON))
        warn(
            f"needs Python {need} or newer, this is {sys.version.split()[0]} "
            f"({sys.executable}). Try 'python{need} tasks.py ...' (Windows: 'py -{need} tasks.py')."
        )
        return 1
    handlers: dict[str, Callable[[Sequence[str]], int]] = {
        "run": target_run,
        "test": target_test,
        "lint": target_lint,
        "bench": target_bench,
        "build": target_build,
        "help": target_help,
    }
    target, rest = (argv[0], argv[1:]) if argv else ("help", [])
    if target in ("-h", "--help"):
        target = "help"
    handler = handlers.get(target)
    if handler is None:
        warn(f"unknown target {target!r}")
        target_help([])
        return 2
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, on_sigterm)
    try:
        return handler(rest)
    except TaskError as error:
        warn(str(error))
        return 1
    except KeyboardInterrupt:
        warn("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
