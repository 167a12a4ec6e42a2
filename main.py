"""Composition root: the GUI by default, every other command to the headless CLI.

``python main.py [--db PATH|URL] [gui]`` opens the window; ``python main.py --db F info --json``
and the other commands of DESIGN §4 run without Qt (the ``ui`` package is imported only here,
only for the GUI).
"""

from __future__ import annotations

import argparse
import sys


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="upskill", add_help=False)
    parser.add_argument("--db", metavar="PATH|URL", default=None)
    parser.add_argument("command", nargs="?", default=None)
    return parser


def main(argv: list[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    args, rest = _gui_parser().parse_known_args(args_list)
    if args.command in (None, "gui") and not rest:
        from ui.app import run_gui

        return run_gui(args.db)
    from app.cli import main as cli_main

    return cli_main(args_list)


if __name__ == "__main__":
    sys.exit(main())
