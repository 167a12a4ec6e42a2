"""Printing individual learning plans: a department's (or everyone's) as one PDF from the
Reports page, or one person's from the People page; written off the GUI thread."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.progress import CancelToken, Progress
from ui.report_actions import ReportExporter, with_suffix

_NOT_IN_FILE_NAMES = set('<>:"/\\|?*')


def file_name_part(text: str) -> str:
    """``text`` made safe inside a file name on every system (at most 60 characters)."""
    kept = "".join(" " if c in _NOT_IN_FILE_NAMES or ord(c) < 32 else c for c in text)
    return " ".join(kept.split())[:60].strip(" .")


class LearningPlanExporter(ReportExporter):
    """Asks where, writes the plans PDF in the background, offers to open it
    (``exported``/``failed`` as for every report; ``choose_destination`` replaced in tests)."""

    def export_plans(self, department_id: int | None = None, department: str | None = None) -> None:
        """The plans of everyone in ``department_id`` (None: everyone who follows a path)."""
        today = date.today().isoformat()
        if department_id is None:
            name = self.tr("Learning plans {date}.pdf").format(date=today)
        else:
            name = self.tr("Learning plans {department} {date}.pdf").format(
                department=file_name_part(department or ""), date=today
            )
        self._export(
            name,
            self.tr("Save the learning plans"),
            self.tr("Writing the learning plans…"),
            department_id=department_id,
        )

    def export_person_plan(self, person_id: int, display_name: str) -> None:
        """One person's plan."""
        name = self.tr("Learning plan {name} {date}.pdf").format(
            name=file_name_part(display_name), date=date.today().isoformat()
        )
        self._export(
            name,
            self.tr("Save the learning plan"),
            self.tr("Writing the learning plan…"),
            person_ids=[person_id],
        )

    def _export(
        self,
        name: str,
        title: str,
        label: str,
        *,
        department_id: int | None = None,
        person_ids: list[int] | None = None,
    ) -> None:
        from app.services.reports import ReportKind

        destination = self.choose_destination(
            title,
            self._folder() / name,
            self.tr("PDF documents (*.pdf)"),
        )
        if destination is None:
            return
        out = with_suffix(destination, ".pdf")
        reports = self._services.reports

        def work(progress: Progress, _cancel: CancelToken) -> Path:
            return reports.write_pdf(
                out,
                ReportKind.PLANS,
                department_id=department_id,
                person_ids=person_ids,
                progress=progress,
            )

        self._run(label, work, title)
