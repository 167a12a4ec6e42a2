"""Import completions from an LMS export (xlsx or csv: person, module, date): read, map,
check, then record them all in one transaction, or nothing.

Reading reuses the roster import's reader (sheets, encodings, delimiters, title blocks).
The check (``app.paths.completions_checking``) lists every bad row with its row number and
a plain reason; nothing is saved while one is left, unless the user explicitly chooses to
import only the good rows. Recording sets "done" with the date and score (or "in
progress"); it never replaces a later completion date already recorded, and "in progress"
never undoes "done".
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.events import ChangeBus, Topic
from app.i18n import _, ngettext
from app.paths.completions_checking import (
    Directory,
    FollowedPath,
    KnownModule,
    KnownPerson,
    check_completions,
)
from app.paths.completions_mapping import guess_completion_mapping
from app.paths.completions_model import (
    CompletionMapping,
    CompletionPlan,
    CompletionRow,
    ImportedCompletions,
)
from app.paths.service import PathService
from app.progress import CancelToken, Progress, no_progress
from app.roster.model import RosterFileError, RosterTable, SheetChoice
from db.database import Database
from db.models import (
    AuditEntry,
    Employee,
    LearningModule,
    LearningPath,
    ModuleProgress,
    PathAssignment,
    PathStage,
    ProgressStatus,
    StageModule,
)

CHUNK = 500


class CompletionImportService:
    """Each step is separate so the dialog can show the mapping and the bad rows in between."""

    def __init__(self, database: Database, changes: ChangeBus, paths: PathService) -> None:
        self._db = database
        self._changes = changes
        self._paths = paths

    # Reading -----------------------------------------------------------------------------
    @staticmethod
    def sheets(path: Path) -> list[SheetChoice]:
        from app.roster.reading import list_sheets

        _refuse_empty(path)
        return list_sheets(path)

    @staticmethod
    def default_sheet(path: Path) -> str | None:
        from app.roster.reading import default_sheet

        return default_sheet(path)

    @staticmethod
    def read(
        path: Path,
        sheet: str | None = None,
        *,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> RosterTable:
        """The table of the export; RosterFileError says what is wrong with a bad file."""
        from app.roster.reading import read_table

        _refuse_empty(path)
        return read_table(path, sheet, progress=progress, cancel=cancel)

    @staticmethod
    def guess_mapping(table: RosterTable) -> CompletionMapping:
        return guess_completion_mapping(table.headers)

    # Checking ----------------------------------------------------------------------------
    def check(
        self,
        table: RosterTable,
        mapping: CompletionMapping,
        *,
        today: date | None = None,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> CompletionPlan:
        """Every row resolved or listed as bad; raises ValidationError for a bad mapping."""
        directory = self._directory(today or date.today())
        return check_completions(table, mapping, directory, progress=progress, cancel=cancel)

    def _directory(self, today: date) -> Directory:
        modules = [KnownModule(m.key, m.title) for m in self._paths.modules()]
        with self._db.reading() as session:
            people = [
                KnownPerson(*row)
                for row in session.execute(
                    select(
                        Employee.id,
                        Employee.display_name,
                        Employee.employee_number,
                        Employee.email,
                        Employee.first_name,
                        Employee.last_name,
                    )
                )
            ]
            keys_of: dict[int, set[str]] = {}
            names: dict[int, str] = {}
            for path_id, name, key in session.execute(
                select(LearningPath.id, LearningPath.name, LearningModule.key)
                .join(PathStage, PathStage.path_id == LearningPath.id)
                .join(StageModule, StageModule.stage_id == PathStage.id)
                .join(LearningModule, LearningModule.id == StageModule.module_id)
            ):
                keys_of.setdefault(path_id, set()).add(key)
                names[path_id] = name
            followed = {
                path_id: FollowedPath(path_id, names[path_id], frozenset(keys))
                for path_id, keys in keys_of.items()
            }
            paths_of: dict[int, list[FollowedPath]] = {}
            for person_id, path_id in session.execute(
                select(PathAssignment.employee_id, PathAssignment.path_id).order_by(
                    PathAssignment.id
                )
            ):
                if path_id in followed:
                    paths_of.setdefault(person_id, []).append(followed[path_id])
        return Directory(people=people, modules=modules, paths_of=paths_of, today=today)

    # Recording ---------------------------------------------------------------------------
    def apply(
        self,
        plan: CompletionPlan,
        *,
        skip_bad_rows: bool = False,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> ImportedCompletions:
        """Record every good row in one transaction.

        Refuses (ValidationError, nothing saved) while the plan has bad rows, unless
        ``skip_bad_rows`` says the user chose to import the good rows and leave the bad out.
        """
        if not plan.ok and not skip_bad_rows:
            raise ValidationError(
                ngettext(
                    "{n} row of the file has a problem; nothing was saved. Fix it in the "
                    "file and import again.",
                    "{n} rows of the file have problems; nothing was saved. Fix them in the "
                    "file and import again.",
                    plan.bad_rows,
                ).format(n=plan.bad_rows),
                field="rows",
            )
        if not plan.rows:
            raise ValidationError(
                _("No row of the file records a completion or progress; nothing was saved."),
                field="rows",
            )
        written = unchanged = 0
        path_ids = sorted({p for row in plan.rows for p in row.path_ids})
        with self._db.transaction() as session:
            module_ids = {
                key: module_id
                for key, module_id in session.execute(select(LearningModule.key, LearningModule.id))
            }
            assignments = {
                (path_id, person_id): assignment_id
                for assignment_id, path_id, person_id in session.execute(
                    select(
                        PathAssignment.id, PathAssignment.path_id, PathAssignment.employee_id
                    ).where(PathAssignment.path_id.in_(path_ids))
                )
            }
            targets: list[tuple[CompletionRow, int, int]] = []
            for row in plan.rows:
                if row.module_key not in module_ids:
                    raise _changed_since_check()
                for path_id in row.path_ids:
                    assignment_id = assignments.get((path_id, row.person_id))
                    if assignment_id is None:
                        raise _changed_since_check()
                    targets.append((row, assignment_id, module_ids[row.module_key]))
            stored = _stored_progress(session, {a for _r, a, _m in targets})
            total = len(targets)
            for position, (row, assignment_id, module_id) in enumerate(targets):
                if position % CHUNK == 0:
                    if cancel is not None:
                        cancel.raise_if_cancelled()
                    progress(position, total)
                record = stored.get((assignment_id, module_id))
                if record is None:
                    record = ModuleProgress(assignment_id=assignment_id, module_id=module_id)
                    session.add(record)
                    stored[(assignment_id, module_id)] = record
                if _record(record, row):
                    written += 1
                else:
                    unchanged += 1
            progress(total, total)
            session.add(
                AuditEntry(
                    action="completions_import",
                    entity="module_progress",
                    summary=(
                        f"Recorded {written} module results from {plan.source} "
                        f"({len(plan.rows)} rows, {plan.bad_rows} bad rows left out)"
                    ),
                )
            )
        self._changes.publish(Topic.PATHS, ids=frozenset(path_ids))
        return ImportedCompletions(
            count=written,
            people=plan.people,
            modules=plan.modules,
            unchanged=unchanged,
            skipped_bad_rows=plan.bad_rows if not plan.ok else 0,
        )


def _refuse_empty(path: Path) -> None:
    """An empty file gets a message about LMS exports (the roster reader's speaks of rosters)."""
    try:
        empty = path.is_file() and path.stat().st_size == 0
    except OSError:
        return  # the reader explains it
    if empty:
        raise RosterFileError(
            _(
                "The file is empty (0 bytes). Export the completions again from your "
                "learning system (LMS) and choose the new file."
            )
        )


def _changed_since_check() -> ValidationError:
    return ValidationError(
        _(
            "The data file changed since the file was checked (a person, module or path "
            "assignment is gone). Nothing was saved; check the file again."
        ),
        field="rows",
    )


def _stored_progress(
    session: Session, assignment_ids: Iterable[int]
) -> dict[tuple[int, int], ModuleProgress]:
    ids = sorted(assignment_ids)
    found: dict[tuple[int, int], ModuleProgress] = {}
    for start in range(0, len(ids), CHUNK):
        for record in session.execute(
            select(ModuleProgress).where(
                ModuleProgress.assignment_id.in_(ids[start : start + CHUNK])
            )
        ).scalars():
            found[(record.assignment_id, record.module_id)] = record
    return found


def _record(record: ModuleProgress, row: CompletionRow) -> bool:
    """Put the row's result on the record; False when it changes nothing.

    A later completion date already recorded is kept, and "in progress" never undoes "done".
    """
    current = record.status
    if row.status == "in_progress":
        if current in (ProgressStatus.COMPLETED, ProgressStatus.IN_PROGRESS):
            return False
        record.status = ProgressStatus.IN_PROGRESS
        record.completed_on = None
        record.score = None
        record.note = None
        return True
    assert row.completed_on is not None
    if current is ProgressStatus.COMPLETED and record.completed_on is not None:
        if record.completed_on > row.completed_on:
            return False
        score = row.score if row.score is not None else record.score
        if record.completed_on == row.completed_on and record.score == score:
            return False
    else:
        score = row.score
    if current is ProgressStatus.SKIPPED:
        record.note = None  # the reason for skipping no longer holds: they did it
    record.status = ProgressStatus.COMPLETED
    record.completed_on = row.completed_on
    record.score = score
    return True
