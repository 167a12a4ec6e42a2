"""Timing, memory and reporting helpers shared by the benchmarks."""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
RESULT_PREFIX = "BENCH-RESULT "
"""A child process prints one line starting with this, then JSON."""


@dataclass
class Timing:
    """Repeated measurements of one thing, in seconds."""

    samples: list[float] = field(default_factory=list)

    @property
    def best(self) -> float:
        return min(self.samples)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    def describe(self) -> str:
        return f"best {fmt_seconds(self.best)}, median {fmt_seconds(self.median)}"


@dataclass
class Comparison:
    """Our time against the floor for one benchmark, with the target ratio."""

    group: str
    what: str
    ours: Timing
    floor: Timing
    target: float
    unit_note: str = ""
    absolute_target: float | None = None
    """When set (seconds), the target is "ours ≤ this" rather than a ratio."""

    @property
    def ratio(self) -> float:
        return self.ours.best / self.floor.best if self.floor.best > 0 else float("inf")

    @property
    def met(self) -> bool:
        if self.absolute_target is not None:
            return self.ours.best <= self.absolute_target
        return self.ratio <= self.target

    def target_text(self) -> str:
        if self.absolute_target is not None:
            return f"≤ {fmt_seconds(self.absolute_target)}"
        return f"≤ {self.target:g}×"


@dataclass
class Figure:
    """A figure reported next to the comparisons (scale, memory), optionally with a target."""

    group: str
    what: str
    value: str
    target: str = ""
    met: bool | None = None


@dataclass
class Report:
    comparisons: list[Comparison] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def fmt_seconds(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    return f"{seconds * 1000:.1f} ms"


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB.

    On Linux this is VmHWM from /proc: ru_maxrss survives exec(), so a child started by a
    big parent would report the parent's size. Elsewhere ru_maxrss (KiB on Linux, bytes
    on macOS)."""
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def current_rss_mb() -> float:
    """Resident memory now (Linux /proc; falls back to the peak elsewhere)."""
    try:
        with open("/proc/self/statm") as handle:
            pages = int(handle.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)
    except (OSError, ValueError, IndexError):
        return peak_rss_mb()


def interleave(
    runs: int,
    ours: Callable[[], float],
    floor: Callable[[], float],
) -> tuple[Timing, Timing]:
    """Call ``ours`` and ``floor`` alternately ``runs`` times each (each returns its own
    elapsed seconds, so set-up stays outside the timing). Alternating means a noisy
    neighbour slows both, not just one."""
    mine, bare = Timing(), Timing()
    for i in range(runs):
        # Alternate who goes first so neither always gets the warmer cache.
        if i % 2 == 0:
            mine.samples.append(ours())
            bare.samples.append(floor())
        else:
            bare.samples.append(floor())
            mine.samples.append(ours())
    return mine, bare


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def bench_env() -> dict[str, str]:
    """Environment for child processes: offscreen Qt, the repo importable."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def run_child(args: Sequence[str], *, timeout: float = 600) -> dict[str, object]:
    """Run ``python <args>`` and return the JSON it printed after ``RESULT_PREFIX``."""
    completed = subprocess.run(
        [sys.executable, *args],
        cwd=REPO_ROOT,
        env=bench_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    for line in completed.stdout.splitlines():
        if line.startswith(RESULT_PREFIX):
            result: dict[str, object] = json.loads(line[len(RESULT_PREFIX) :])
            return result
    raise RuntimeError(
        f"benchmark child {' '.join(args)} failed (exit {completed.returncode}):\n"
        f"{completed.stdout[-2000:]}\n{completed.stderr[-4000:]}"
    )


def emit_result(result: dict[str, object]) -> None:
    """Used by child processes: print the result line ``run_child`` reads."""
    print(RESULT_PREFIX + json.dumps(result), flush=True)


def markdown_table(report: Report) -> str:
    lines = [
        "| What | Ours | Floor | Ratio | Target | Met? |",
        "|---|---:|---:|---:|---:|:---:|",
    ]
    for c in report.comparisons:
        lines.append(
            f"| {c.what} | {fmt_seconds(c.ours.best)} | {fmt_seconds(c.floor.best)} | "
            f"{c.ratio:.2f}× | {c.target_text()} | {'yes' if c.met else '**no**'} |"
        )
    for f in report.figures:
        met = "–" if f.met is None else ("yes" if f.met else "**no**")
        lines.append(f"| {f.what} | {f.value} | – | – | {f.target or '–'} | {met} |")
    return "\n".join(lines)


def capture_sql(engine: object, action: Callable[[], object]) -> list[tuple[str, object]]:
    """Run ``action`` and return every (SQL, parameters) the SQLAlchemy ``engine`` sent to
    the database driver meanwhile, so a floor can replay exactly the same SQL with sqlite3."""
    from sqlalchemy import event

    statements: list[tuple[str, object]] = []

    def record(
        conn: object,
        cursor: object,
        statement: str,
        parameters: object,
        context: object,
        executemany: bool,
    ) -> None:
        statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        action()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return statements


def replay_sql(connection: object, statements: Sequence[tuple[str, object]]) -> int:
    """Run captured SELECTs on a raw sqlite3 connection and fetch every row; returns rows."""
    rows = 0
    for statement, parameters in statements:
        if not statement.lstrip().upper().startswith(("SELECT", "WITH")):
            continue
        cursor = connection.execute(statement, parameters or ())  # type: ignore[attr-defined]
        rows += len(cursor.fetchall())
    return rows
