"""Writing the leadership PDF and workbook from service figures (reportlab/openpyxl load lazily)."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

from app.errors import UserFacingError, ValidationError
from app.i18n import _
from app.maturity.service import MaturityService
from app.paths.capacity import CapacityService
from app.paths.plans import LearningPlanService
from app.paths.progress import PathProgressService
from app.paths.service import PathService
from app.privacy import DEFAULT_THRESHOLD
from app.progress import Progress, no_progress
from app.services.organisation import OrganisationService
from app.services.overview import OverviewService
from app.services.people import PeopleService
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
    {ReportKind.EXECUTIVE, ReportKind.MATURITY, ReportKind.SKILLS, ReportKind.PLANS}
)


class ReportService:
    def __init__(
        self,
        overview: OverviewService,
        maturity: MaturityService,
        skills: SkillsResultsService,
        paths: PathService,
        path_progress: PathProgressService,
        plans: LearningPlanService,
        *,
        capacity: CapacityService,
        people: PeopleService,
        organisation: OrganisationService,
    ) -> None:
        self._overview = overview
        self._maturity = maturity
        self._skills = skills
        self._paths = paths
        self._path_progress = path_progress
        self._plans = plans
        self._capacity = capacity
        self._people = people
        self._organisation = organisation

    def write_pdf(
        self,
        out: Path,
        kind: ReportKind = ReportKind.EXECUTIVE,
        *,
        assessment_id: int | None = None,
        survey_id: int | None = None,
        department_id: int | None = None,
        person_ids: Sequence[int] | None = None,
        page_size: str | None = None,
        progress: Progress = no_progress,
    ) -> Path:
        """Write a PDF report; for ``maturity``, of ``assessment_id`` or the latest one; for
        ``skills``, of the skills survey ``survey_id`` or the latest one with ratings; for
        ``plans``, the learning plans of ``person_ids``, of a department, or of everyone
        who follows a path."""
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
        if kind is ReportKind.PLANS:
            self._write_plans(out, department_id, person_ids, page_size, progress)
            return out
        from app.reports.organisation_pdf import write_organisation_pdf

        figures = self._overview.organisation_overview()
        write_organisation_pdf(figures, out, page_size=page_size, progress=progress)
        return out

    def write_workbook(
        self, out: Path, *, names: bool = False, progress: Progress = no_progress
    ) -> Path:
        """The leadership workbook, with the latest skills survey that has ratings and the
        learning paths. ``names`` adds the sheets that list people by name ("Skills by
        person", "Progress by person")."""
        from app.reports.leadership_workbook import write_leadership_workbook
        from app.reports.paths_workbook import paths_sheets_section, paths_workbook_figures
        from app.reports.skills_workbook import skills_sheets_section

        figures = self._overview.organisation_overview()
        maturity = self._maturity.history()
        extra = []
        threshold = self._organisation.settings().anonymity_threshold or DEFAULT_THRESHOLD
        named = False
        survey = self._rated_survey()
        if survey is not None:
            report = self._skills.report(survey)
            threshold = report.heatmap.threshold
            people = self._skills.person_rows(survey) if names else None
            named = people is not None
            extra.append(skills_sheets_section(report, people))
        if self._paths.paths():
            paths = paths_workbook_figures(
                self._paths,
                self._path_progress,
                threshold=threshold,
                hours_per_week=self._capacity.hours_per_week(),
                names=names,
                roles_of=lambda ids: {row.id: row.role for row in self._people.rows(ids)},
            )
            named = named or (names and any(entry.progress for entry in paths.paths))
            extra.append(paths_sheets_section(paths))
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

    def _write_plans(
        self,
        out: Path,
        department_id: int | None,
        person_ids: Sequence[int] | None,
        page_size: str | None,
        progress: Progress,
    ) -> None:
        """One plan per person in one PDF; reading the plans is the first tenth of the work."""
        from app.reports.plans_pdf import write_plans_pdf

        def reading(done: int, total: int) -> None:
            progress(done * 10 // total if total else 0, 100)

        def writing(done: int, total: int) -> None:
            progress(10 + done * 90 // total if total else 10, 100)

        plans = self._plans.plans(
            person_ids=person_ids, department_id=department_id, progress=reading
        )
        department = plans[0].department if department_id is not None else None
        write_plans_pdf(
            plans,
            out,
            organisation_name=self._plans.organisation_name(),
            department=department,
            page_size=page_size,
            progress=writing,
        )

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
