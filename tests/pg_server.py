"""A throwaway PostgreSQL server for tests (standard library only).

    with temporary_postgres() as url:
        ...  # url == "postgresql+psycopg://upskill@127.0.0.1:<port>/postgres"

Runs ``initdb`` into a fresh temporary directory, starts the server with ``pg_ctl``
on 127.0.0.1 and a free port (unix socket inside the temporary directory,
``fsync=off``), waits until it accepts connections, yields an admin URL and, on
exit -- also after an error or Ctrl-C -- stops the server and deletes the directory.

``initdb`` refuses to run as root: as root the cluster belongs to the ``postgres``
system user (created by Debian's ``postgresql`` package) and the PostgreSQL
programs run through ``runuser -u postgres --`` (or ``su``).

Imported by ``tasks.py`` through its file path and usable from tests; it must not
import anything outside the standard library.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ADMIN_USER = "upskill"
SERVICE_USER = "postgres"
EXE = ".exe" if os.name == "nt" else ""


class PostgresError(RuntimeError):
    """The throwaway server could not be set up, started or stopped."""


def _version_key(path: str) -> tuple[int, ...]:
    """Sort key for ``/usr/lib/postgresql/<version>/bin/initdb``: highest version last."""
    return tuple(int(n) for n in re.findall(r"\d+", path)) or (0,)


def find_bindir() -> Path | None:
    """The directory holding ``initdb``, ``pg_ctl`` and ``postgres``, or None.

    Looks at PATH first, then at the usual install locations (Debian/Ubuntu,
    Homebrew, Postgres.app, the EDB installer on Windows).
    """
    candidates: list[Path] = []
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(os.path.realpath(on_path)).parent)
    patterns = [
        "/usr/lib/postgresql/*/bin/initdb",
        "/usr/pgsql-*/bin/initdb",
        "/opt/homebrew/opt/postgresql*/bin/initdb",
        "/usr/local/opt/postgresql*/bin/initdb",
        "/Applications/Postgres.app/Contents/Versions/*/bin/initdb",
        "C:/Program Files/PostgreSQL/*/bin/initdb.exe",
    ]
    for pattern in patterns:
        found = sorted(glob.glob(pattern), key=_version_key, reverse=True)
        candidates.extend(Path(p).parent for p in found)
    for bindir in candidates:
        if all((bindir / f"{name}{EXE}").is_file() for name in ("initdb", "pg_ctl", "postgres")):
            return bindir
    return None


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _as_service_user(cmd: list[str]) -> list[str]:
    """Prefix ``cmd`` so that it runs as the postgres system user."""
    runuser = shutil.which("runuser") or next(
        (p for p in ("/usr/sbin/runuser", "/sbin/runuser") if os.path.exists(p)), None
    )
    if runuser:
        return [runuser, "-u", SERVICE_USER, "--", *cmd]
    su = shutil.which("su") or "/bin/su"
    return [su, SERVICE_USER, "-s", "/bin/sh", "-c", subprocess.list2cmdline(cmd)]


def _conf_quote(value: str) -> str:
    """A postgresql.conf string literal (backslashes are escapes there)."""
    return "'" + value.replace("\\", "/").replace("'", "''") + "'"


def _port_open(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        return True
    return False


class _Server:
    """One throwaway cluster; ``start`` and ``stop`` are safe to call after failures."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.as_root = _is_root()
        # As root the directory must be reachable by the postgres user: TMPDIR may
        # point somewhere private (e.g. under /root), so use /tmp itself.
        base = "/tmp" if self.as_root and os.path.isdir("/tmp") else None
        self.tmp = Path(tempfile.mkdtemp(prefix="upskill-pg-", dir=base))
        self.data = self.tmp / "data"
        self.log = self.tmp / "server.log"
        self.port = 0
        self.started = False

    def _run(self, cmd: list[str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
        if self.as_root:
            cmd = _as_service_user(cmd)
        # A new session / process group: a Ctrl-C in the terminal must not reach
        # the server; we stop it ourselves, in order, on the way out.
        return subprocess.run(
            cmd,
            cwd=self.tmp,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            start_new_session=os.name != "nt",
            creationflags=getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0),
        )

    def _tool(self, name: str) -> str:
        return str(self.bindir / f"{name}{EXE}")

    def init(self) -> None:
        """initdb as a UTF-8 cluster; C.UTF-8 where the OS has it (Unicode case folding
        for lower()/ILIKE, as on a typical server), else the plain C locale."""
        if self.as_root:
            import pwd  # POSIX only

            try:
                entry = pwd.getpwnam(SERVICE_USER)
            except KeyError:
                raise PostgresError(
                    "running as root needs the 'postgres' system user (created by "
                    "Debian's postgresql package): initdb refuses to run as root"
                ) from None
            os.chown(self.tmp, entry.pw_uid, entry.pw_gid)
            os.chmod(self.tmp, 0o700)
        base = [
            self._tool("initdb"),
            "-D",
            str(self.data),
            "-A",
            "trust",
            "-U",
            ADMIN_USER,
            "-E",
            "UTF8",
            "--no-sync",
        ]
        result = self._run([*base, "--locale=C.UTF-8"])
        if result.returncode != 0:
            shutil.rmtree(self.data, ignore_errors=True)
            result = self._run([*base, "--no-locale"])
        if result.returncode != 0:
            raise PostgresError(f"initdb failed:\n{result.stdout}{result.stderr}")

    def configure(self, port: int) -> None:
        socket_dir = "" if os.name == "nt" else str(self.tmp)
        settings = {
            "listen_addresses": "'127.0.0.1'",
            "port": str(port),
            "unix_socket_directories": _conf_quote(socket_dir),
            "fsync": "off",
            "synchronous_commit": "off",
            "full_page_writes": "off",
            "max_connections": "200",
        }
        # postgresql.auto.conf is read last, so these settings win. Written by us
        # (root can write into the postgres-owned directory); handed back to the
        # service user so the server owns all of its files.
        auto_conf = self.data / "postgresql.auto.conf"
        with open(auto_conf, "a", encoding="utf-8") as fh:
            fh.writelines(f"{key} = {value}\n" for key, value in settings.items())
        if self.as_root:
            owner = self.tmp.stat()
            os.chown(auto_conf, owner.st_uid, owner.st_gid)

    def start(self) -> None:
        last_error = ""
        for _attempt in range(3):
            self.port = free_port()
            self.configure(self.port)
            result = self._run(
                [
                    self._tool("pg_ctl"),
                    "start",
                    "-D",
                    str(self.data),
                    "-l",
                    str(self.log),
                    "-w",
                    "-t",
                    "60",
                ],
                timeout=90,
            )
            if result.returncode == 0:
                self.started = True
                self._wait_ready()
                return
            last_error = f"{result.stdout}{result.stderr}\n{self._log_tail()}"
            self.stop()  # in case it half-started
        raise PostgresError(f"pg_ctl start failed:\n{last_error}")

    def _wait_ready(self, timeout: float = 30) -> None:
        """pg_ctl -w already waits; this double-checks the TCP port and pg_isready."""
        pg_isready = self.bindir / f"pg_isready{EXE}"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if _port_open(self.port):
                if not pg_isready.is_file():
                    return
                check = subprocess.run(
                    [str(pg_isready), "-h", "127.0.0.1", "-p", str(self.port), "-U", ADMIN_USER],
                    capture_output=True,
                    text=True,
                    check=False,
                )
                if check.returncode == 0:
                    return
            time.sleep(0.2)
        raise PostgresError(f"server did not become ready on port {self.port}\n{self._log_tail()}")

    def _log_tail(self) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-20:])
        except OSError:
            return ""

    def stop(self) -> None:
        if not (self.data / "postmaster.pid").exists():
            self.started = False
            return
        result = self._run(
            [self._tool("pg_ctl"), "stop", "-D", str(self.data), "-m", "fast", "-w", "-t", "30"],
            timeout=60,
        )
        if result.returncode != 0 and (self.data / "postmaster.pid").exists():
            self._run(
                [self._tool("pg_ctl"), "stop", "-D", str(self.data), "-m", "immediate", "-w"],
                timeout=60,
            )
        self.started = False

    def remove(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://{ADMIN_USER}@127.0.0.1:{self.port}/postgres"


@contextlib.contextmanager
def temporary_postgres(bindir: Path | None = None) -> Iterator[str]:
    """Start a throwaway PostgreSQL server; yield its admin SQLAlchemy URL.

    Raises PostgresError when no PostgreSQL installation is found or the server
    cannot be started. The data directory is always removed on exit.
    """
    bindir = bindir or find_bindir()
    if bindir is None:
        raise PostgresError("PostgreSQL not found (no initdb/pg_ctl/postgres)")
    server = _Server(bindir)
    try:
        server.init()
        server.start()
        yield server.url
    finally:
        try:
            server.stop()
        finally:
            server.remove()


if __name__ == "__main__":  # manual check: python tests/pg_server.py
    with temporary_postgres() as admin_url:
        print(admin_url, flush=True)
        if len(sys.argv) > 1:
            subprocess.run(sys.argv[1:], check=False)
