"""(b) Roster import: ``services.roster.import_file`` of the scale roster into a fresh data
file, against openpyxl reading every value of the same sheet (read-only, data_only).

Each run is a fresh child process, so the peak memory (peak RSS: VmHWM on Linux, else
ru_maxrss) is the import's own and no run warms the next one's caches; ours and the floor
alternate.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from bench.common import (
    Comparison,
    Figure,
    Report,
    Timing,
    current_rss_mb,
    emit_result,
    fmt_seconds,
    peak_rss_mb,
    run_child,
)

TARGET_RATIO = 2.0
TARGET_PEAK_MB = 400.0


def _ours_child(roster: Path, data_file: Path) -> None:
    # Everything the import needs is imported first, as in the running app; the floor
    # does the same with openpyxl.
    import openpyxl  # noqa: F401

    import app.roster.applying
    import app.roster.checking
    import app.roster.mapping
    import app.roster.reading  # noqa: F401
    from app.context import open_services

    services = open_services(data_file)
    baseline = current_rss_mb()
    phases: dict[str, float] = {}
    start = time.perf_counter()
    table = services.roster.read(roster)
    phases["read"] = time.perf_counter() - start
    mark = time.perf_counter()
    mapping = services.roster.guess_mapping(table)
    plan = services.roster.check(table, mapping)
    phases["check"] = time.perf_counter() - mark
    mark = time.perf_counter()
    if not plan.ok:
        raise SystemExit(f"the scale roster has errors: {plan.errors[:3]}")
    summary = services.roster.apply(plan, mapping, source=roster.name)
    phases["write"] = time.perf_counter() - mark
    elapsed = time.perf_counter() - start
    services.close()
    emit_result(
        {
            "seconds": elapsed,
            "phases": phases,
            "imported": summary.imported,
            "peak_mb": peak_rss_mb(),
            "baseline_mb": baseline,
        }
    )


def _ours_import_file_child(roster: Path, data_file: Path) -> None:
    """The one-call entry the brief names (``import_file``), timed whole."""
    import openpyxl  # noqa: F401

    import app.roster.applying
    import app.roster.checking
    import app.roster.mapping
    import app.roster.reading  # noqa: F401
    from app.context import open_services

    services = open_services(data_file)
    baseline = current_rss_mb()
    start = time.perf_counter()
    plan, summary = services.roster.import_file(roster)
    elapsed = time.perf_counter() - start
    if summary is None:
        raise SystemExit(f"the scale roster has errors: {plan.errors[:3]}")
    services.close()
    emit_result(
        {
            "seconds": elapsed,
            "imported": summary.imported,
            "peak_mb": peak_rss_mb(),
            "baseline_mb": baseline,
        }
    )


def _floor_child(roster: Path) -> None:
    from openpyxl import load_workbook

    baseline = current_rss_mb()
    start = time.perf_counter()
    workbook = load_workbook(roster, read_only=True, data_only=True)
    cells = 0
    for row in workbook.worksheets[0].iter_rows(values_only=True):
        for value in row:
            if value is not None:
                cells += 1
    workbook.close()
    elapsed = time.perf_counter() - start
    emit_result(
        {"seconds": elapsed, "cells": cells, "peak_mb": peak_rss_mb(), "baseline_mb": baseline}
    )


def run(roster: Path, folder: Path, runs: int, report: Report) -> None:
    ours, floor = Timing(), Timing()
    ours_results: list[dict[str, object]] = []
    floor_results: list[dict[str, object]] = []
    for i in range(runs):
        target = folder / f"import-{i}.upskill"
        ours_args = ["-m", "bench.import_bench", "ours-file", str(roster), str(target)]
        floor_args = ["-m", "bench.import_bench", "floor", str(roster)]
        order = [(ours_args, ours_results), (floor_args, floor_results)]
        for args, results in order if i % 2 == 0 else reversed(order):
            results.append(run_child(args))
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
    ours.samples = [float(str(r["seconds"])) for r in ours_results]
    floor.samples = [float(str(r["seconds"])) for r in floor_results]
    rows = int(str(ours_results[0]["imported"]))
    report.comparisons.append(
        Comparison("import", f"Roster import, {rows:,} rows (.xlsx)", ours, floor, TARGET_RATIO)
    )
    # One more run split into read / check / write, to see where the time goes.
    target = folder / "import-phases.upskill"
    phases_result = run_child(["-m", "bench.import_bench", "ours", str(roster), str(target)])
    phases = phases_result["phases"]
    assert isinstance(phases, dict)
    report.notes.append(
        "import phases (one run): "
        + ", ".join(f"{name} {fmt_seconds(float(sec))}" for name, sec in phases.items())
        + f"; floor cells read: {int(str(floor_results[0]['cells'])):,}"
    )
    peak = max(float(str(r["peak_mb"])) for r in ours_results)
    base = min(float(str(r["baseline_mb"])) for r in ours_results)
    floor_peak = max(float(str(r["peak_mb"])) for r in floor_results)
    report.figures.append(
        Figure(
            "import",
            f"Roster import peak memory, {rows:,} rows (process peak RSS)",
            f"{peak:.0f} MB (before import {base:.0f} MB; floor process {floor_peak:.0f} MB)",
            f"≤ {TARGET_PEAK_MB:.0f} MB",
            peak <= TARGET_PEAK_MB,
        )
    )
    print(f"  import ours:  {ours.describe()}  (samples: {_samples(ours)})")
    print(f"  import floor: {floor.describe()}  (samples: {_samples(floor)})")
    print(f"  {report.notes[-1]}")
    print(f"  peak memory: ours {peak:.0f} MB, floor {floor_peak:.0f} MB")


def _samples(timing: Timing) -> str:
    return ", ".join(fmt_seconds(s) for s in timing.samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["ours", "ours-file", "floor"])
    parser.add_argument("roster", type=Path)
    parser.add_argument("data_file", type=Path, nargs="?")
    args = parser.parse_args()
    if args.mode == "floor":
        _floor_child(args.roster)
    elif args.data_file is None:
        parser.error("ours needs a data file")
    elif args.mode == "ours":
        _ours_child(args.roster, args.data_file)
    else:
        _ours_import_file_child(args.roster, args.data_file)


if __name__ == "__main__":
    main()
