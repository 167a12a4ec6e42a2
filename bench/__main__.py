"""``python -m bench``: run the benchmarks and print ours against the floor, then a table.

Options: ``--quick`` (1,000 people, fewer repeats: a fast smoke run), ``--only
start,import,people,reports,skills,plans``, ``--runs N`` (repeats per measurement), ``--keep``
(keep the generated files and print where they are), ``--strict`` (exit 1 when a target is
missed).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import warnings
from collections.abc import Sequence
from pathlib import Path

# Before anything can import Qt: the benchmarks never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import (
    Figure,
    Report,
    fmt_seconds,
    markdown_table,
    peak_rss_mb,
)
from bench.scale import FULL_EMPLOYEES, QUICK_EMPLOYEES, make_scale

BENCHMARKS = ("start", "import", "people", "reports", "skills", "plans")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small and fast (smoke test)")
    parser.add_argument(
        "--only",
        default=",".join(BENCHMARKS),
        help=f"comma-separated subset of {','.join(BENCHMARKS)}",
    )
    parser.add_argument("--runs", type=int, default=None, help="repeats per measurement")
    parser.add_argument("--employees", type=int, default=None, help="scale (people)")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    chosen = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = sorted(set(chosen) - set(BENCHMARKS))
    if unknown:
        parser.error(f"unknown benchmark(s) {', '.join(unknown)}; choose from {BENCHMARKS}")
    args.only = [name for name in BENCHMARKS if name in chosen]
    if args.runs is None:
        args.runs = 2 if args.quick else 5
    if args.employees is None:
        args.employees = QUICK_EMPLOYEES if args.quick else FULL_EMPLOYEES
    return args


def _size_mb(path: Path) -> float:
    return path.stat().st_size / (1024 * 1024)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    # openpyxl warns on every table added in write-only mode, even with its columns given.
    warnings.filterwarnings("ignore", message="In write-only mode you must add table columns")
    report = Report()
    folder = Path(tempfile.mkdtemp(prefix="upskill-bench-"))
    started = time.perf_counter()
    print(
        f"Upskill Planner benchmarks — {', '.join(args.only)}; {args.employees:,} people; "
        f"best of {args.runs} (ours and floor interleaved); Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPUs, QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}"
    )
    try:
        scale = make_scale(folder, args.employees)
        print(
            f"\n## scale\n  data file: {scale.employees:,} people, {_size_mb(scale.data_file):.1f} "
            f"MB, made in {fmt_seconds(scale.make_data_seconds)} (demo generator)\n"
            f"  roster:    {scale.employees:,} rows × 10 columns .xlsx, "
            f"{_size_mb(scale.roster_xlsx):.1f} MB, made in "
            f"{fmt_seconds(scale.make_roster_seconds)}"
        )
        report.figures.append(
            Figure(
                "scale",
                "Scale",
                f"{scale.employees:,} people ({_size_mb(scale.data_file):.1f} MB data file), "
                f"{scale.employees:,}-row roster",
            )
        )
        for name in args.only:
            print(f"\n## {name}")
            section = time.perf_counter()
            if name == "start":
                from bench import start_bench

                start_bench.run(scale.data_file, folder, args.runs, report)
            elif name == "import":
                from bench import import_bench

                import_bench.run(scale.roster_xlsx, folder, args.runs, report)
            elif name == "people":
                from bench import people_bench

                people_bench.run(scale.data_file, args.runs, report, show_sql=True)
            elif name == "reports":
                from bench import reports_bench

                reports_bench.run(scale.data_file, folder, args.runs, report)
            elif name == "skills":
                from bench import skills_heatmap

                skills_heatmap.run(folder, args.runs, report)
            elif name == "plans":
                from bench import plans_bench

                plans_bench.run(
                    folder, args.runs, report, employees=min(plans_bench.EMPLOYEES, args.employees)
                )
            print(f"  ({name} took {fmt_seconds(time.perf_counter() - section)})")
    finally:
        if args.keep:
            print(f"\nfiles kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)

    print("\n## results (best of each; ratio = ours / floor)")
    for c in report.comparisons:
        verdict = "met" if c.met else "MISSED"
        print(
            f"RATIO {c.group}: {c.what}: ours {fmt_seconds(c.ours.best)} (median "
            f"{fmt_seconds(c.ours.median)}), floor {fmt_seconds(c.floor.best)} (median "
            f"{fmt_seconds(c.floor.median)}), ratio {c.ratio:.2f}×, target "
            f"{c.target_text()}: {verdict}"
        )
    for f in report.figures:
        target = f", target {f.target}: {'met' if f.met else 'MISSED'}" if f.target else ""
        print(f"FIGURE {f.group}: {f.what}: {f.value}{target}")
    for note in report.notes:
        print(f"NOTE {note}")
    print(
        f"FIGURE bench: peak memory of the bench process itself: {peak_rss_mb():.0f} MB; "
        f"whole run {fmt_seconds(time.perf_counter() - started)}"
    )
    print("\n" + markdown_table(report))
    missed = [c for c in report.comparisons if not c.met] + [
        f for f in report.figures if f.met is False
    ]
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
