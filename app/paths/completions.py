"""Import completions from an LMS export (xlsx or csv: person, module, date): read, map,
check, then record them all in one transaction, or nothing.

Reading and the shape of the steps are every import's (``app.sheet_import``). The check
(``app.paths.completions_checking``) lists every bad row with its row number and a plain
reason; nothing is saved while one is left, unless the user explicitly chooses to import only
the good rows. Recording sets "done" with the date and score (or "in progress"); it never
replaces a later completion date already recorded, and "in progress" never undoes "done".
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.events import ChangeBus, Topic
from app.i18n import N_, _
from app.paths.completions_checking import (
    Directory,
    FollowedPath,
    KnownModule,
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
from app.roster.model import RosterTable
from app.sheet_import.checking import in_chunks
from app.sheet_import.people import load_people
from app.sheet_import.service import SpreadsheetImport
from db.database import Database
from db.models import (
    AuditEntry,
    LearningModule,
    LearningPath,
    ModuleProgress,
    PathAssignment,
    PathStage,
    ProgressStatus,
    StageModule,
)

CHUNK = 500


class CompletionImportService(SpreadsheetImport[CompletionPlan, ImportedCompletions]):
    """Each step is separate so the dialog can show the mapping and the bad rows in between."""

    EMPTY_FILE = N_(
        "The file is empty (0 bytes). Export the completions again from your learning system "
        "(LMS) and choose the new file."
    )
    NOTHING_TO_SAVE = N_("No row of the file records a completion or progress; nothing was saved.")

    def __init__(self, database: Database, changes: ChangeBus, paths: PathService) -> None:
        self._db = database
        self._changes = changes
        self._paths = paths

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
            people = load_people(session)
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
    def _save(
        self, plan: CompletionPlan, progress: Progress, cancel: CancelToken | None
    ) -> ImportedCompletions:
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
            for row, assignment_id, module_id in in_chunks(targets, progress, cancel, every=CHUNK):
                record = stored.get((assignment_id, module_id))
                if record is None:
                    record = ModuleProgress(assignment_id=assignment_id, module_id=module_id)
                    session.add(record)
                    stored[(assignment_id, module_id)] = record
                if _record(record, row):
                    written += 1
                else:
                    unchanged += 1
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
            skipped_bad_rows=plan.bad_rows,
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
