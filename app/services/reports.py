"""Writing the leadership PDF and workbook from service figures (reportlab/openpyxl load lazily)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from app.errors import UserFacingError, ValidationError
from app.i18n import _
from app.maturity.service import MaturityService
from app.privacy import DEFAULT_THRESHOLD
from app.progress import Progress, no_progress
from app.services.overview import OverviewService
from app.skills.results import SkillsReport, SkillsResultsService


class ReportKind(StrEnum):
    """The PDF reports of DESIGN §4. Those not built yet say so instead of printing a stub."""

    EXECUTIVE = "executive"
    MATURITY = "maturity"
    SKILLS = "skills"
    PILOT = "pilot"
    PLANS = "plans"
    LITERACY = "literacy"


AVAILABLE_KINDS: frozenset[ReportKind] = frozenset(
    {ReportKind.EXECUTIVE, ReportKind.MATURITY, ReportKind.SKILLS}
)


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
        survey_id: int | None = None,
        page_size: str | None = None,
        progress: Progress = no_progress,
    ) -> Path:
        """Write a PDF report; for ``maturity``, of ``assessment_id`` or the latest one; for
        ``skills``, of the skills survey ``survey_id`` or the latest one with ratings."""
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
        if kind is ReportKind.SKILLS:
            from app.reports.skills_pdf import write_skills_pdf

            report = self._skills_report(survey_id)
            write_skills_pdf(report, out, page_size=page_size, progress=progress)
            return out
        from app.reports.organisation_pdf import write_organisation_pdf

        figures = self._overview.organisation_overview()
        write_organisation_pdf(figures, out, page_size=page_size, progress=progress)
        return out

    def write_workbook(
        self, out: Path, *, names: bool = False, progress: Progress = no_progress
    ) -> Path:
        """The leadership workbook, with the latest skills survey that has ratings. ``names``
        adds the sheets that list people by name ("Skills by person")."""
        from app.reports.leadership_workbook import write_leadership_workbook
        from app.reports.skills_workbook import skills_sheets_section

        figures = self._overview.organisation_overview()
        maturity = self._maturity.history()
        extra = []
        threshold = DEFAULT_THRESHOLD
        named = False
        survey = self._rated_survey()
        if survey is not None:
            report = self._skills.report(survey)
            threshold = report.heatmap.threshold
            people = self._skills.person_rows(survey) if names else None
            named = people is not None
            extra.append(skills_sheets_section(report, people))
        write_leadership_workbook(
            figures,
            out,
            maturity=maturity,
            extra_sections=extra,
            names=named,
            threshold=threshold,
            progress=progress,
        )
        return out

    def _skills_report(self, survey_id: int | None) -> SkillsReport:
        """The given skills survey's report, or the latest survey's; a clear error if none."""
        if survey_id is None:
            return self._skills.report(self._skills.latest_campaign())
        try:
            return self._skills.report(survey_id)
        except ValidationError:
            raise UserFacingError(
                _(
                    "There is no skills survey number {id} in this data file. Check the "
                    "number, or leave it out to report on the latest survey."
                ).format(id=survey_id)
            ) from None

    def _rated_survey(self) -> int | None:
        """The latest skills survey if it has ratings; None when there is none."""
        try:
            survey = self._skills.latest_campaign()
        except UserFacingError:
            return None
        return survey if self._skills.heatmap(survey).rated else None

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
