"""Writing the leadership PDF and workbook from service figures (reportlab/openpyxl load lazily)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from app.errors import UserFacingError
from app.i18n import _
from app.maturity.service import MaturityService
from app.progress import Progress, no_progress
from app.services.overview import OverviewService
from app.skills.results import SkillsResultsService


class ReportKind(StrEnum):
    """The PDF reports of DESIGN §4. Those not built yet say so instead of printing a stub."""

    EXECUTIVE = "executive"
    MATURITY = "maturity"
    SKILLS = "skills"
    PILOT = "pilot"
    PLANS = "plans"
    LITERACY = "literacy"


AVAILABLE_KINDS: frozenset[ReportKind] = frozenset({ReportKind.EXECUTIVE, ReportKind.MATURITY})


class ReportService:
    def __init__(
        self,
        overview: OverviewService,
        maturity: MaturityService,
        skills: SkillsResultsService,
    ) -> None:
        self._overview = overview
        self._maturity = maturity
        self._skills = skills

    def write_pdf(
        self,
        out: Path,
        kind: ReportKind = ReportKind.EXECUTIVE,
        *,
        assessment_id: int | None = None,
        page_size: str | None = None,
        progress: Progress = no_progress,
    ) -> Path:
        """Write a PDF report; for ``maturity``, of ``assessment_id`` or the latest one."""
        if kind not in AVAILABLE_KINDS:
            raise UserFacingError(
                _(
                    "The {kind} report is not available yet in this version. "
                    "Available: {available}."
                ).format(
                    kind=kind.value, available=", ".join(sorted(k.value for k in AVAILABLE_KINDS))
                )
            )
        if kind is ReportKind.MATURITY:
            from app.reports.maturity_pdf import write_maturity_pdf

            results = self._maturity.results(assessment_id or self._latest_assessment())
            write_maturity_pdf(results, out, page_size=page_size, progress=progress)
            return out
        from app.reports.organisation_pdf import write_organisation_pdf

        figures = self._overview.organisation_overview()
        write_organisation_pdf(figures, out, page_size=page_size, progress=progress)
        return out

    def write_workbook(
        self, out: Path, *, names: bool = False, progress: Progress = no_progress
    ) -> Path:
        """The leadership workbook. ``names`` is for sections that list people (later issues)."""
        from app.reports.leadership_workbook import write_leadership_workbook

        figures = self._overview.organisation_overview()
        maturity = self._maturity.history()
        write_leadership_workbook(figures, out, maturity=maturity, progress=progress)
        return out

    def _latest_assessment(self) -> int:
        """The newest completed assessment, else the newest one; a clear error if none."""
        assessments = self._maturity.history().assessments
        if not assessments:
            raise UserFacingError(
                _(
                    "There is no maturity assessment in this data file yet. Run one first "
                    "(the Assessment area), then print its report."
                )
            )
        complete = [a for a in assessments if a.status == "complete"]
        return (complete or assessments)[-1].id
