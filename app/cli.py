"""The headless command line (DESIGN §4). Shares the services with the GUI; never imports Qt."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from app import __version__
from app.context import AppServices, open_services
from app.errors import Cancelled, UserFacingError
from app.i18n import _

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2
EXIT_BUG = 70

log = logging.getLogger("upskill.cli")


class UsageError(Exception):
    """The command line itself is wrong (exit 2)."""


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so main() owns every exit code."""

    def error(self, message: str) -> Any:
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="upskill",
        description=_("Upskill Planner: plan, run and prove an AI upskilling programme."),
        epilog=_(
            "upskill --self-test [--keep] checks this copy of the app: offscreen, in a "
            "temporary folder, it builds the demo organisation, opens every area, writes every "
            "report and workbook and reads them back; it exits 0 when all is well."
        ),
    )
    parser.add_argument("--version", action="version", version=f"Upskill Planner {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        help=_(
            "the data file (or a SQLAlchemy URL such as postgresql://...); "
            "default: the file in your user data folder"
        ),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.add_parser("gui", help=_("open the desktop app (the default)"))

    demo = commands.add_parser("demo", help=_("fill an empty data file with a demo organisation"))
    demo.add_argument("--employees", type=int, default=150, metavar="N")
    demo.add_argument("--seed", type=int, default=7, metavar="S")

    info = commands.add_parser("info", help=_("counts of everything in the data file"))
    info.add_argument("--json", action="store_true", help=_("print one JSON object"))

    roster = commands.add_parser("roster", help=_("the organisation's people"))
    roster_commands = roster.add_subparsers(
        dest="roster_command", metavar="ACTION", required=True, parser_class=_Parser
    )
    importing = roster_commands.add_parser("import", help=_("import an .xlsx or .csv HR export"))
    importing.add_argument("file", type=Path, metavar="FILE")
    importing.add_argument("--sheet", metavar="S", help=_("the worksheet to read (xlsx)"))
    importing.add_argument("--dry-run", action="store_true", help=_("check only; write nothing"))
    importing.add_argument(
        "--on-existing",
        choices=["update", "skip"],
        default="update",
        help=_("a person already in the data file (same employee number or e-mail)"),
    )

    report = commands.add_parser("report", help=_("printable reports"))
    report_commands = report.add_subparsers(
        dest="report_command", metavar="FORMAT", required=True, parser_class=_Parser
    )
    pdf = report_commands.add_parser("pdf", help=_("write a PDF report"))
    pdf.add_argument("out", type=Path, metavar="OUT.pdf")
    pdf.add_argument(
        "--kind",
        default="executive",
        choices=["executive", "maturity", "skills", "pilot", "plans", "literacy"],
        help=_(
            "which report: executive (the organisation overview, the default), maturity (the "
            "AI maturity assessment), skills (the skills survey: gaps by department, "
            "readiness, attitudes; no names), pilot (a pilot's story: cohort, results against "
            "its success criteria, quotes, the decision; no names) or plans (an individual "
            "learning plan per person who follows a path, each from a new page; names people)"
        ),
    )
    pdf.add_argument("--page-size", choices=["A4", "Letter"], help=_("default: from your locale"))
    pdf.add_argument(
        "--assessment",
        type=int,
        metavar="ID",
        help=_("for --kind maturity: the assessment (default: the latest completed one)"),
    )
    pdf.add_argument(
        "--survey",
        type=int,
        metavar="ID",
        help=_("for --kind skills: the skills survey (default: the latest one with ratings)"),
    )
    pdf.add_argument(
        "--pilot",
        metavar="ID|NAME",
        help=_(
            "for --kind pilot: the pilot, by id or name (default: the most recently decided "
            "pilot, else the most recent one)"
        ),
    )
    plans_for = pdf.add_mutually_exclusive_group()
    plans_for.add_argument(
        "--department",
        metavar="NAME",
        help=_("for --kind plans: only the people of this department (default: everyone)"),
    )
    plans_for.add_argument(
        "--person",
        metavar="ID_OR_NUMBER",
        help=_("for --kind plans: one person, by employee number or id"),
    )

    export = commands.add_parser("export", help=_("the leadership workbook"))
    export_commands = export.add_subparsers(
        dest="export_command", metavar="FORMAT", required=True, parser_class=_Parser
    )
    xlsx = export_commands.add_parser("xlsx", help=_("write the Excel workbook"))
    xlsx.add_argument("out", type=Path, metavar="OUT.xlsx")
    xlsx.add_argument(
        "--names",
        action="store_true",
        help=_(
            "include people's names: adds the “Skills by person” sheet with everyone's ratings "
            "and the “Progress by person” sheet with everyone's learning path progress (keep "
            "that workbook confidential)"
        ),
    )

    backup = commands.add_parser("backup", help=_("write a consistent copy of the data file"))
    backup.add_argument("out", type=Path, metavar="OUT_FILE")
    return parser


def _data_file(argument: str | None) -> str:
    if argument:
        return argument
    from app.services.data_file import default_data_file

    return str(default_data_file())


def _cmd_demo(services: AppServices, args: argparse.Namespace, out: TextIO) -> int:
    from app.demo import create_demo_organisation

    summary = create_demo_organisation(services, employees=args.employees, seed=args.seed)
    message = _(
        "Created the demo organisation {organisation}: {people:,} people in "
        "{departments} departments and {roles} roles."
    ).format(
        organisation=summary.organisation,
        people=summary.employees,
        departments=summary.departments,
        roles=summary.roles,
    )
    out.write(message + "\n")
    return EXIT_OK


def _cmd_info(services: AppServices, args: argparse.Namespace, out: TextIO) -> int:
    from app.services.info import data_file_info

    info = data_file_info(services.database)
    if args.json:
        out.write(json.dumps(info, indent=2, ensure_ascii=False) + "\n")
    else:
        width = max(len(key) for key in info)
        for key, value in info.items():
            out.write(f"{key.replace('_', ' '):<{width}}  {value}\n")
    return EXIT_OK


def _cmd_roster(services: AppServices, args: argparse.Namespace, out: TextIO) -> int:
    from app.roster.applying import OnExisting

    path: Path = args.file
    if not path.exists():
        raise UserFacingError(
            _("{file}: no such file. Check the name and folder.").format(file=path)
        )
    plan, summary = services.roster.import_file(
        path,
        sheet=args.sheet,
        on_existing=OnExisting(args.on_existing),
        dry_run=args.dry_run,
    )
    if summary is None:
        for problem in plan.errors:
            if problem.row is not None:
                line = _("{file}: row {row}: {message}").format(
                    file=path.name, row=problem.row, message=problem.message
                )
            else:
                line = f"{path.name}: {problem.message}"
            sys.stderr.write(line + "\n")
        rejected = {
            "source": path.name,
            "imported": 0,
            "rejected": True,
            "errors": [
                {"row": p.row, "column": p.column, "message": p.message, "value": p.value}
                for p in plan.errors
            ],
        }
        out.write(json.dumps(rejected, indent=2, ensure_ascii=False) + "\n")
        return EXIT_REJECTED
    result = summary.as_json()
    result["people_in_file"] = len(plan.people)
    result["names_made_up"] = sum(1 for p in plan.people if p.name_was_made_up)
    out.write(json.dumps(result, indent=2, ensure_ascii=False, default=str) + "\n")
    return EXIT_OK


def _cmd_report(services: AppServices, args: argparse.Namespace, out: TextIO) -> int:
    from app.services.reports import ReportKind

    kind = ReportKind(args.kind)
    department_id = person_ids = None
    if args.department is not None or args.person is not None:
        if kind is not ReportKind.PLANS:
            sys.stderr.write(_("upskill: --department and --person are for --kind plans.") + "\n")
            return EXIT_USAGE
        if args.department is not None:
            department_id = services.plans.department_named(args.department)
        else:
            person_ids = [services.plans.person_called(args.person)]
    pilot_id = None
    if args.pilot is not None:
        if kind is not ReportKind.PILOT:
            sys.stderr.write(_("upskill: --pilot is for --kind pilot.") + "\n")
            return EXIT_USAGE
        pilot_id = services.reports.pilot_called(args.pilot)
    written = services.reports.write_pdf(
        args.out,
        kind,
        assessment_id=args.assessment,
        survey_id=args.survey,
        department_id=department_id,
        person_ids=person_ids,
        pilot_id=pilot_id,
        page_size=args.page_size,
    )
    out.write(_("Wrote {file}").format(file=written) + "\n")
    return EXIT_OK


def _cmd_export(services: AppServices, args: argparse.Namespace, out: TextIO) -> int:
    written = services.reports.write_workbook(args.out, names=args.names)
    out.write(_("Wrote {file}").format(file=written) + "\n")
    return EXIT_OK


def _cmd_backup(services: AppServices, args: argparse.Namespace, out: TextIO) -> int:
    from app.services.data_file import copy_data_file

    written = copy_data_file(services.database, args.out)
    out.write(_("Backed up to {file}").format(file=written) + "\n")
    return EXIT_OK


COMMANDS: dict[str, Callable[[AppServices, argparse.Namespace, TextIO], int]] = {
    "demo": _cmd_demo,
    "info": _cmd_info,
    "roster": _cmd_roster,
    "report": _cmd_report,
    "export": _cmd_export,
    "backup": _cmd_backup,
}


def _log_bug(error: BaseException) -> Path | None:
    """Write a bug's traceback to the log file; return where, if it could be written."""
    try:
        from app.services.data_file import log_directory

        folder = log_directory()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "upskill.log"
        handler = logging.FileHandler(path, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
        log.error("Unexpected error in the command line", exc_info=error)
        handler.close()
        log.removeHandler(handler)
        return path
    except OSError:
        return None


def main(argv: Sequence[str], out: TextIO | None = None) -> int:
    """Run one command; returns the exit code (0 done, 1 rejected input, 2 usage)."""
    stdout = out or sys.stdout
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv))
    except UsageError as exc:
        sys.stderr.write(f"{exc}\n" + _("Try 'upskill --help'.") + "\n")
        return EXIT_USAGE
    if args.command in (None, "gui"):
        sys.stderr.write(_("The GUI is started by main.py, not by the command line module.") + "\n")
        return EXIT_USAGE
    services: AppServices | None = None
    try:
        services = open_services(_data_file(args.db))
        return COMMANDS[args.command](services, args, stdout)
    except UserFacingError as exc:
        sys.stderr.write(f"upskill: {exc.message}\n")
        for detail in exc.details:
            sys.stderr.write(f"  {detail}\n")
        return EXIT_REJECTED
    except Cancelled:
        sys.stderr.write(_("upskill: stopped; nothing was changed.") + "\n")
        return EXIT_REJECTED
    except KeyboardInterrupt:
        sys.stderr.write(_("upskill: interrupted; nothing was changed.") + "\n")
        return 130
    except Exception as exc:
        where = _log_bug(exc)
        if where:
            message = _(
                "upskill: an unexpected problem stopped the command (a bug, not your data). "
                "Details are in {file}."
            ).format(file=where)
        else:
            # The space before the line end is as it always was; the message itself is whole.
            message = (
                _("upskill: an unexpected problem stopped the command (a bug, not your data).")
                + " "
            )
        sys.stderr.write(message + "\n")
        return EXIT_BUG
    finally:
        if services is not None:
            services.close()
