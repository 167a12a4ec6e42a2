"""tasks.py's own logic: the requirements stamp, the Qt library check, phases, PostgreSQL."""

from __future__ import annotations

import importlib.util
import socket
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


tasks = _load("upskill_tasks", ROOT / "tasks.py")
pg_server = _load("upskill_pg_server_under_test", ROOT / "tests" / "pg_server.py")


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path, Path]:
    runtime = tmp_path / "requirements.txt"
    runtime.write_text("SQLAlchemy==2.1.9\nopenpyxl==3.1.5\n", encoding="utf-8")
    dev = tmp_path / "requirements-dev.txt"
    dev.write_text("-r requirements.txt\npytest==9.2.0\n", encoding="utf-8")
    venv = tmp_path / ".venv"
    venv.mkdir()
    return venv, runtime, dev


def test_stamp_decides_when_to_reinstall(project: tuple[Path, Path, Path]) -> None:
    venv, runtime, dev = project
    assert tasks.needs_install(venv, runtime)
    assert tasks.needs_install(venv, dev)

    tasks.write_stamp(venv, dev)  # installing the dev set installs the runtime set too
    assert (venv / tasks.STAMP_NAME).is_file()
    assert not tasks.needs_install(venv, dev)
    assert not tasks.needs_install(venv, runtime)

    # A pin changes in the included file: both sets are stale.
    runtime.write_text("SQLAlchemy==2.1.10\nopenpyxl==3.1.5\n", encoding="utf-8")
    assert tasks.needs_install(venv, runtime)
    assert tasks.needs_install(venv, dev)

    tasks.write_stamp(venv, runtime)  # `run` installs only the runtime set
    assert not tasks.needs_install(venv, runtime)
    assert tasks.needs_install(venv, dev)

    tasks.write_stamp(venv, dev)
    assert not tasks.needs_install(venv, dev)

    # Only a dev pin changes: `run` has nothing to do, `test` reinstalls.
    dev.write_text("-r requirements.txt\npytest==9.2.1\n", encoding="utf-8")
    assert not tasks.needs_install(venv, runtime)
    assert tasks.needs_install(venv, dev)


def test_digest_ignores_line_endings_but_not_content(project: tuple[Path, Path, Path]) -> None:
    _venv, runtime, dev = project
    before = tasks.requirements_digest(dev)
    runtime.write_bytes(runtime.read_bytes().replace(b"\n", b"\r\n"))
    assert tasks.requirements_digest(dev) == before
    runtime.write_text("SQLAlchemy==2.1.9\n", encoding="utf-8")
    assert tasks.requirements_digest(dev) != before


def test_includes_are_followed_once(project: tuple[Path, Path, Path]) -> None:
    _venv, runtime, dev = project
    (runtime.parent / "constraints.txt").write_text("-r requirements-dev.txt\n", encoding="utf-8")
    runtime.write_text("-c constraints.txt\nopenpyxl==3.1.5\n", encoding="utf-8")
    names = [p.name for p in tasks.requirements_files(dev)]
    assert names == ["requirements-dev.txt", "requirements.txt", "constraints.txt"]


def test_missing_library_gives_the_apt_line() -> None:
    ldconfig_output = (
        "3 libs found in cache `/etc/ld.so.cache'\n"
        "\tlibGL.so.1 (libc6,x86-64) => /lib/x86_64-linux-gnu/libGL.so.1\n"
        "\tlibEGL.so.1 (libc6,x86-64) => /lib/x86_64-linux-gnu/libEGL.so.1\n"
        "\tlibglib-2.0.so.0 (libc6,x86-64) => /lib/x86_64-linux-gnu/libglib-2.0.so.0\n"
    )
    libraries = tasks.parse_ldconfig(ldconfig_output)
    assert libraries == {"libGL.so.1", "libEGL.so.1", "libglib-2.0.so.0"}
    missing = tasks.missing_packages(tasks.QT_OFFSCREEN_LIBS, libraries)
    assert missing == ["libxkbcommon0", "libfontconfig1", "libdbus-1-3"]
    assert tasks.apt_install_line(missing) == (
        "sudo apt-get install -y libxkbcommon0 libfontconfig1 libdbus-1-3"
    )
    assert tasks.apt_install_line(missing, sudo=False).startswith("apt-get install -y ")


def test_display_adds_the_xcb_libraries_unless_offscreen() -> None:
    headless = tasks.qt_packages({})
    assert "libxcb-cursor0" not in headless and "libgl1" in headless
    desktop = tasks.qt_packages({"DISPLAY": ":0"})
    assert {"libxcb-cursor0", "libxkbcommon-x11-0", "libxcb-shape0"} <= set(desktop)
    assert "libxcb-cursor0" in tasks.qt_packages({"WAYLAND_DISPLAY": "wayland-0"})
    forced = tasks.qt_packages({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"})
    assert forced == tasks.QT_OFFSCREEN_LIBS


@pytest.mark.skipif(tasks.find_ldconfig() is None, reason="no ldconfig (not Linux)")
def test_real_ldconfig_sees_libc_and_reports_an_absent_package() -> None:
    libraries = tasks.installed_libraries()
    assert libraries is not None and "libc.so.6" in libraries
    wanted = {"libc6": "libc.so.6", "libnot-a-real-lib7": "libnot-a-real-lib.so.7"}
    missing = tasks.missing_packages(wanted, libraries)
    assert tasks.apt_install_line(missing) == "sudo apt-get install -y libnot-a-real-lib7"


def test_arguments_after_double_dash_pass_through() -> None:
    assert tasks.split_args(["--no-postgres", "--", "-k", "x", "--"]) == (
        ["--no-postgres"],
        ["-k", "x", "--"],
    )
    assert tasks.split_args(["-x"]) == (["-x"], [])
    assert tasks.exit_code(-2) == 130
    assert tasks.exit_code(5) == 5


def test_phases_stop_at_first_failure_and_no_tests_collected_fails(
    capsys: pytest.CaptureFixture[str],
) -> None:
    phases = tasks.Phases()
    env = dict(tasks.os.environ)
    assert phases.run("ok", [sys.executable, "-c", "pass"], env)
    assert not phases.run(
        "pytest", [sys.executable, "-c", "raise SystemExit(5)"], env, explain=tasks.pytest_explain
    )
    assert not phases.run("never", [sys.executable, "-c", "pass"], env)
    assert phases.summary() == 1
    out = capsys.readouterr().out
    assert "no tests collected" in out and "FAILED at: pytest" in out
    assert "never" not in out.split("=" * 72)[1]


def test_unknown_test_option_is_refused() -> None:
    with pytest.raises(tasks.TaskError, match="pytest arguments go after '--'"):
        tasks.target_test(["--no-such-option"])


def _scratch_dirs() -> set[Path]:
    bases = {Path(tempfile.gettempdir())}
    if sys.platform != "win32":
        bases.add(Path("/tmp"))
    return {p for base in bases for p in base.glob("upskill-pg-*")}


@pytest.mark.slow
@pytest.mark.skipif(pg_server.find_bindir() is None, reason="PostgreSQL is not installed")
def test_temporary_postgres_starts_a_real_server_and_cleans_up() -> None:
    psycopg = pytest.importorskip("psycopg")
    before = _scratch_dirs()
    with pg_server.temporary_postgres() as url:
        assert url.startswith("postgresql+psycopg://upskill@127.0.0.1:")
        assert url.endswith("/postgres")
        port = int(url.rsplit(":", 1)[1].split("/")[0])
        with psycopg.connect(
            host="127.0.0.1", port=port, user="upskill", dbname="postgres", autocommit=True
        ) as conn:
            assert conn.execute("select 6 * 7").fetchone() == (42,)
            assert conn.execute("show fsync").fetchone() == ("off",)
            conn.execute("create database scratch_db")  # the fixtures' way of working
        during = _scratch_dirs() - before
        assert len(during) == 1
    assert not any(d.exists() for d in during)
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
        pass
