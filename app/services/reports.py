"""Writing the leadership PDF and workbook from service figures (reportlab/openpyxl load lazily)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import UserFacingError, ValidationError
from app.i18n import _
from app.maturity.service import MaturityService
from app.objectives.service import ObjectiveService
from app.paths.capacity import CapacityService
from app.paths.plans import LearningPlanService
from app.paths.progress import PathProgressService
from app.paths.service import PathService
from app.pilots.outcome import PilotOutcomeService
from app.pilots.service import PilotService
from app.privacy import DEFAULT_THRESHOLD
from app.progress import Progress, no_progress
from app.services.organisation import OrganisationService
from app.services.overview import OverviewService
from app.services.people import PeopleService
from app.skills.results import SkillsReport, SkillsResultsService

if TYPE_CHECKING:
    from app.reports.pilot_report import PilotReport
    from app.reports.workbook import WorkbookSection


class ReportKind(StrEnum):
    """The PDF reports of DESIGN §4. Those not built yet say so instead of printing a stub."""

    EXECUTIVE = "executive"
    MATURITY = "maturity"
    SKILLS = "skills"
    PILOT = "pilot"
    PLANS = "plans"
    LITERACY = "literacy"


AVAILABLE_KINDS: frozenset[ReportKind] = frozenset(
    {
        ReportKind.EXECUTIVE,
        ReportKind.MATURITY,
        ReportKind.SKILLS,
        ReportKind.PILOT,
        ReportKind.PLANS,
    }
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
        pilots: PilotService,
        pilot_outcomes: PilotOutcomeService,
        objectives: ObjectiveService,
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
        self._pilots = pilots
        self._pilot_outcomes = pilot_outcomes
        self._objectives = objectives

    def write_pdf(
        self,
        out: Path,
        kind: ReportKind = ReportKind.EXECUTIVE,
        *,
        assessment_id: int | None = None,
        survey_id: int | None = None,
        department_id: int | None = None,
        person_ids: Sequence[int] | None = None,
        pilot_id: int | None = None,
        page_size: str | None = None,
        progress: Progress = no_progress,
    ) -> Path:
        """Write a PDF report; for ``maturity``, of ``assessment_id`` or the latest one; for
        ``skills``, of the skills survey ``survey_id`` or the latest one with ratings; for
        ``plans``, the learning plans of ``person_ids``, of a department, or of everyone
        who follows a path; for ``pilot``, of ``pilot_id`` or the most recent decided pilot
        (else the most recent one)."""
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
        if kind is ReportKind.PILOT:
            from app.reports.pilot_pdf import write_pilot_pdf

            pilot = self.pilot_report(pilot_id or self.default_pilot())
            write_pilot_pdf(pilot, out, page_size=page_size, progress=progress)
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
        extra += self._programme_sections()
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

    # -- pilots and objectives (DESIGN §1 steps 1, 4 and 5) ------------------------------------

    def default_pilot(self) -> int:
        """The pilot a report is about when none is named: the most recently decided one,
        else the one that started last (a pilot not yet dated counts as the newest)."""
        pilots = self._pilots
        rows = pilots.pilots()
        if not rows:
            raise UserFacingError(
                _(
                    "There is no pilot in this data file yet. Plan one in the Pilots area, "
                    "then print its report."
                )
            )
        decided = [row for row in rows if row.decision is not None]
        if decided:
            details = {row.id: pilots.pilot(row.id).decided_on for row in decided}
            return max(decided, key=lambda row: (details[row.id] or date.min, row.id)).id
        return max(rows, key=lambda row: (row.starts_on or date.max, row.id)).id

    def pilot_called(self, text: str) -> int:
        """The id of the pilot with this id or name (any case); a clear error if none."""
        pilots = self._pilots
        wanted = text.strip()
        rows = pilots.pilots()
        for row in rows:
            if row.name.casefold() == wanted.casefold():
                return row.id
        if wanted.isdigit() and any(row.id == int(wanted) for row in rows):
            return int(wanted)
        names = ", ".join(sorted((f"“{row.name}”" for row in rows), key=str.casefold))
        raise UserFacingError(
            _("There is no pilot “{name}” in this data file. The pilots are: {names}.").format(
                name=wanted, names=names or _("none yet")
            )
        )

    def pilot_report(self, pilot_id: int) -> PilotReport:
        """Everything the pilot PDF shows, from the pilot and objective services."""
        from app.reports.pilot_report import PilotReport

        outcomes = self._pilot_outcomes
        try:
            outcome = outcomes.outcome(pilot_id)
        except ValidationError:
            raise UserFacingError(
                _(
                    "There is no pilot number {id} in this data file. Check the number, or "
                    "leave it out to report on the most recent pilot."
                ).format(id=pilot_id)
            ) from None
        served = set(outcome.pilot.objective_ids)
        objectives = tuple(
            objective for objective in self._objectives.objectives() if objective.id in served
        )
        return PilotReport(
            outcome=outcome,
            organisation_name=self._organisation.settings().name,
            objectives=objectives,
        )

    def _programme_sections(self) -> list[WorkbookSection[Any]]:
        """The "Pilots" and "Objectives" sheets, where there is something to show."""
        from app.reports.objectives_sheet import objectives_sheets_section
        from app.reports.pilots_sheet import pilots_sheets_section

        sections: list[WorkbookSection[Any]] = []
        rows = self._pilots.pilots()
        if rows:
            outcomes = [self._pilot_outcomes.outcome(row.id) for row in reversed(rows)]
            sections.append(pilots_sheets_section(outcomes))
        objectives = self._objectives.objectives()
        if objectives:
            sections.append(objectives_sheets_section(objectives))
        return sections

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
        return self._skills.latest_rated_campaign()

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
