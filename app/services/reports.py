"""Writing the leadership PDF and workbook from service figures (reportlab/openpyxl load lazily)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from app.errors import UserFacingError
from app.i18n import _
from app.progress import Progress, no_progress
from app.services.overview import OverviewService


class ReportKind(StrEnum):
    """The PDF reports of DESIGN §4. Those not built yet say so instead of printing a stub."""

    EXECUTIVE = "executive"
    MATURITY = "maturity"
    SKILLS = "skills"
    PILOT = "pilot"
    PLANS = "plans"
    LITERACY = "literacy"


AVAILABLE_KINDS: frozenset[ReportKind] = frozenset({ReportKind.EXECUTIVE})


class ReportService:
    def __init__(self, overview: OverviewService) -> None:
        self._overview = overview

    def write_pdf(
        self,
        out: Path,
        kind: ReportKind = ReportKind.EXECUTIVE,
        *,
        page_size: str | None = None,
        progress: Progress = no_progress,
    ) -> Path:
        if kind not in AVAILABLE_KINDS:
            raise UserFacingError(
                _(
                    "The {kind} report is not available yet in this version. "
                    "Available: {available}."
                ).format(
                    kind=kind.value, available=", ".join(sorted(k.value for k in AVAILABLE_KINDS))
                )
            )
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
        write_leadership_workbook(figures, out, progress=progress)
        return out
