"""(a) Start: from process start to the main window shown on the 10,000-person file, against
a bare QApplication + QMainWindow shown, each in a fresh process.

Both children run the same scaffold: a 0 ms timer is queued on a QApplication made first
(``ui.app.make_application`` reuses an existing instance), then ours calls the real entry
``main.main(["--db", file])`` (→ ``ui.app.run_gui``) and the floor shows a QMainWindow and
enters the event loop. When the timer fires, pending events are processed, a visible
QMainWindow is required, and the process exits at once (``os._exit``: teardown is not start).
The parent times the whole child, interpreter start-up included; the child also reports
the time from the top of its script.

Settings and logs of the children go to a temporary XDG profile, never the user's.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bench.common import (
    REPO_ROOT,
    RESULT_PREFIX,
    Comparison,
    Figure,
    Report,
    Timing,
    bench_env,
    fmt_seconds,
)

TARGET_RATIO = 3.0

_SCAFFOLD = """
import time
_t0 = time.perf_counter()
import json, os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])

_shown_at = []

def _done():
    # Record "shown" before processing events: processEvents() may run the app's own
    # queued work (opening the file) inside this call.
    shown = [w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
    if shown and not _shown_at:
        _shown_at.append(time.perf_counter() - _t0)
    app.processEvents()
    shown = [w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
    if not shown:
        print("no main window is visible", file=sys.stderr, flush=True)
        os._exit(3)
    if not _shown_at:
        _shown_at.append(time.perf_counter() - _t0)
    # Ours shows the window first, then opens the file: wait until the file's people are
    # on screen (services attached and the first paint done), the moment a user can work.
    if getattr(shown[0], "_services", "floor") is None:
        QTimer.singleShot(1, _done)
        return
    app.processEvents()
    try:  # VmHWM: ru_maxrss survives exec(), so it would include the parent's size
        with open("/proc/self/status") as status:
            peak = [int(l.split()[1]) for l in status if l.startswith("VmHWM:")]
    except OSError:
        import resource
        peak = [resource.getrusage(resource.RUSAGE_SELF).ru_maxrss]
    result = {
        "in_process": time.perf_counter() - _t0,
        "shown": _shown_at[0],
        "title": shown[0].windowTitle(),
        "peak_kib": peak[0] if peak else 0,
    }
    print(PREFIX + json.dumps(result), flush=True)
    os._exit(0)

QTimer.singleShot(0, _done)
"""

OURS = (
    _SCAFFOLD
    + """
import main
main.main(["--db", DATA_FILE])
print("the GUI returned without showing a window", file=sys.stderr, flush=True)
os._exit(4)
"""
)

FLOOR = (
    _SCAFFOLD
    + """
window = QMainWindow()
window.setWindowTitle("Floor")
window.resize(1200, 800)
window.show()
app.exec()
"""
)


def _child_script(template: str, data_file: Path) -> str:
    return template.replace("PREFIX", repr(RESULT_PREFIX)).replace(
        "DATA_FILE", repr(str(data_file))
    )


def _run_once(script: str, env: dict[str, str]) -> tuple[float, dict[str, object]]:
    import json

    start = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    wall = time.perf_counter() - start
    for line in completed.stdout.splitlines():
        if line.startswith(RESULT_PREFIX):
            return wall, json.loads(line[len(RESULT_PREFIX) :])
    raise RuntimeError(
        f"start child failed (exit {completed.returncode}):\n{completed.stderr[-4000:]}"
    )


def run(data_file: Path, folder: Path, runs: int, report: Report) -> None:
    profile = folder / "start-profile"
    env = bench_env()
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        env[name] = str(profile / name.lower())
    ours_script = _child_script(OURS, data_file)
    floor_script = _child_script(FLOOR, data_file)
    # One untimed run of each: the OS file cache and Python's bytecode cache get filled
    # once, as they are on a user's machine after the first start.
    _run_once(ours_script, env)
    _run_once(floor_script, env)
    ours, floor = Timing(), Timing()
    ours_in, floor_in = Timing(), Timing()
    ours_shown, floor_shown = Timing(), Timing()
    title = ""
    peak_kib = 0
    for i in range(runs):
        order = [("ours", ours_script), ("floor", floor_script)]
        for who, script in order if i % 2 == 0 else reversed(order):
            wall, result = _run_once(script, env)
            inside = float(str(result["in_process"]))
            (ours_shown if who == "ours" else floor_shown).samples.append(
                float(str(result["shown"]))
            )
            if who == "ours":
                ours.samples.append(wall)
                ours_in.samples.append(inside)
                title = str(result["title"])
                peak_kib = max(peak_kib, int(str(result["peak_kib"])))
            else:
                floor.samples.append(wall)
                floor_in.samples.append(inside)
    report.comparisons.append(
        Comparison(
            "start",
            "Start to the window showing the 10,000-person file (whole process)",
            ours,
            floor,
            TARGET_RATIO,
        )
    )
    report.comparisons.append(
        Comparison(
            "start",
            "Start to the first window on screen, file still opening (in process)",
            ours_shown,
            floor_shown,
            TARGET_RATIO,
        )
    )
    report.figures.append(
        Figure(
            "start",
            "Start peak memory (VmHWM of the started process)",
            f"{peak_kib / 1024:.0f} MB",
        )
    )
    report.notes.append(
        f"start, from the top of the child script: ours {ours_in.describe()}, floor "
        f"{floor_in.describe()} (ratio {ours_in.best / floor_in.best:.2f}×); window "
        f"title {title!r}"
    )
    print(f"  start ours:  {ours.describe()}  (samples {_samples(ours)})")
    print(f"  start floor: {floor.describe()}  (samples {_samples(floor)})")
    print(f"  {report.notes[-1]}")


def _samples(timing: Timing) -> str:
    return ", ".join(fmt_seconds(s) for s in timing.samples)


if __name__ == "__main__":  # pragma: no cover - manual use
    folder = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(os.getcwd())
    result = Report()
    run(Path(sys.argv[1]), folder, 3, result)
