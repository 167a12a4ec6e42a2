"""The roster import as the GUI and the CLI use it: read, map, check, then write."""

from __future__ import annotations

from pathlib import Path

from app.events import ChangeBus
from app.progress import CancelToken, Progress, no_progress
from app.roster.applying import ImportSummary, OnExisting, RosterWriter
from app.roster.model import ColumnMapping, RosterField, RosterPlan, RosterTable, SheetChoice
from db.database import Database


class RosterImportService:
    """Each step is separate so the dialog can show the preview and problems in between."""

    def __init__(self, database: Database, changes: ChangeBus) -> None:
        self._writer = RosterWriter(database, changes)

    @staticmethod
    def sheets(path: Path) -> list[SheetChoice]:
        from app.roster.reading import list_sheets

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
        from app.roster.reading import read_table

        return read_table(path, sheet, progress=progress, cancel=cancel)

    @staticmethod
    def guess_mapping(table: RosterTable) -> ColumnMapping:
        from app.roster.mapping import guess_mapping

        return guess_mapping(table.headers)

    @staticmethod
    def check(
        table: RosterTable,
        mapping: ColumnMapping,
        *,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> RosterPlan:
        from app.roster.checking import check_rows

        return check_rows(table, mapping, progress=progress, cancel=cancel)

    def apply(
        self,
        plan: RosterPlan,
        mapping: ColumnMapping,
        *,
        source: str,
        on_existing: OnExisting = OnExisting.UPDATE,
        dry_run: bool = False,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> ImportSummary:
        return self._writer.apply(
            plan,
            source=source,
            on_existing=on_existing,
            status_in_file=RosterField.STATUS in mapping,
            dry_run=dry_run,
            progress=progress,
            cancel=cancel,
        )

    def import_file(
        self,
        path: Path,
        *,
        sheet: str | None = None,
        on_existing: OnExisting = OnExisting.UPDATE,
        dry_run: bool = False,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> tuple[RosterPlan, ImportSummary | None]:
        """Read, guess the mapping, check and (if there are no errors) write, in one go."""
        table = self.read(path, sheet, progress=progress, cancel=cancel)
        mapping = self.guess_mapping(table)
        plan = self.check(table, mapping, cancel=cancel)
        if not plan.ok:
            return plan, None
        summary = self.apply(
            plan,
            mapping,
            source=path.name,
            on_existing=on_existing,
            dry_run=dry_run,
            progress=progress,
            cancel=cancel,
        )
        return plan, summary
