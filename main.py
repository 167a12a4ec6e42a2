"""Composition root: the GUI by default, every other command to the headless CLI.

``python main.py [--db PATH|URL] [gui]`` opens the window; ``python main.py --db F info --json``
and the other commands of DESIGN §4 run without Qt (the ``ui`` package is imported only here,
only for the GUI). ``python main.py --self-test [--keep]`` runs the offscreen self-test
(ui/self_test.py) in a temporary folder and exits 0 or 1.
"""

from __future__ import annotations

import argparse
import sys


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="upskill", add_help=False, allow_abbrev=False)
    parser.add_argument("--db", metavar="PATH|URL", default=None)
    parser.add_argument("--self-test", action="store_true")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("command", nargs="?", default=None)
    return parser


def _is_data_file(argument: str | None) -> bool:
    return argument is not None and argument.lower().endswith(".upskill")


def main(argv: list[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    args, rest = _gui_parser().parse_known_args(args_list)
    if args.self_test:
        if args.db or args.command or rest:
            print("upskill: --self-test takes no other arguments than --keep", file=sys.stderr)
            return 2
        from ui.self_test import run_self_test

        return run_self_test(keep=args.keep)
    if args.command in (None, "gui") and not rest and not args.keep:
        from ui.app import run_gui

        return run_gui(args.db)
    if _is_data_file(args.command) and not (rest or args.db or args.keep):
        # "Open with" and a double-click hand the file over alone: open it in the window.
        from ui.app import run_gui

        return run_gui(args.command)
    from app.cli import main as cli_main

    return cli_main(args_list)


if __name__ == "__main__":
    sys.exit(main())
