"""Every service for one open data file, built together so the GUI and the CLI share them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.errors import DataFileError
from app.events import ChangeBus
from app.maturity.service import MaturityService
from app.objectives.service import ObjectiveService
from app.paths.capacity import CapacityService
from app.paths.completions import CompletionImportService
from app.paths.plans import LearningPlanService
from app.paths.progress import PathProgressService
from app.paths.service import PathService
from app.paths.suggestions import PathSuggestionService
from app.pilots.outcome import PilotOutcomeService
from app.pilots.service import PilotService
from app.pilots.tracking import PilotTrackingService
from app.pilots.tracking_import import TrackingImportService
from app.roster.service import RosterImportService
from app.services.organisation import OrganisationService
from app.services.overview import OverviewService
from app.services.people import PeopleService
from app.services.programme import ProgrammeService
from app.services.reports import ReportService
from app.skills.champions import ChampionService
from app.skills.results import SkillsResultsService
from app.skills.service import SkillsService
from db.database import Database


@dataclass
class AppServices:
    database: Database
    changes: ChangeBus
    people: PeopleService
    organisation: OrganisationService
    overview: OverviewService
    programme: ProgrammeService
    roster: RosterImportService
    reports: ReportService
    maturity: MaturityService
    skills: SkillsService
    skills_results: SkillsResultsService
    champions: ChampionService
    paths: PathService
    path_progress: PathProgressService
    suggestions: PathSuggestionService
    capacity: CapacityService
    completions: CompletionImportService
    plans: LearningPlanService
    objectives: ObjectiveService
    pilots: PilotService
    pilot_tracking: PilotTrackingService
    pilot_outcomes: PilotOutcomeService
    pilot_import: TrackingImportService

    @classmethod
    def for_database(cls, database: Database, changes: ChangeBus | None = None) -> AppServices:
        bus = changes or ChangeBus()
        database.storage_error = DataFileError
        overview = OverviewService(database, bus)
        maturity = MaturityService(database, bus)
        skills = SkillsService(database, bus)
        skills_results = SkillsResultsService(database, skills)
        paths = PathService(database, bus, skills)
        people = PeopleService(database, bus)
        organisation = OrganisationService(database, bus)
        path_progress = PathProgressService(database, bus, paths)
        suggestions = PathSuggestionService(database, paths, skills_results)
        capacity = CapacityService(database, bus)
        champions = ChampionService(database, bus)
        plans = LearningPlanService(
            database, paths, path_progress, suggestions, capacity, champions
        )
        pilots = PilotService(database, bus, suggestions, path_progress)
        pilot_tracking = PilotTrackingService(database, bus)
        pilot_outcomes = PilotOutcomeService(pilots, pilot_tracking)
        objectives = ObjectiveService(database, bus)
        return cls(
            database=database,
            changes=bus,
            people=people,
            organisation=organisation,
            overview=overview,
            programme=ProgrammeService(database),
            roster=RosterImportService(database, bus),
            reports=ReportService(
                overview,
                maturity,
                skills_results,
                paths,
                path_progress,
                plans,
                capacity=capacity,
                people=people,
                organisation=organisation,
                pilots=pilots,
                pilot_outcomes=pilot_outcomes,
                objectives=objectives,
            ),
            maturity=maturity,
            skills=skills,
            skills_results=skills_results,
            champions=champions,
            paths=paths,
            path_progress=path_progress,
            suggestions=suggestions,
            capacity=capacity,
            completions=CompletionImportService(database, bus, paths),
            plans=plans,
            objectives=objectives,
            pilots=pilots,
            pilot_tracking=pilot_tracking,
            pilot_outcomes=pilot_outcomes,
            pilot_import=TrackingImportService(database, pilots, pilot_tracking),
        )

    def close(self) -> None:
        self.database.close()


def open_services(path_or_url: str | Path, changes: ChangeBus | None = None) -> AppServices:
    """Open a data file (creating, backing up and migrating as needed) with all its services."""
    from db.schema import SchemaError, open_database

    try:
        database = open_database(path_or_url)
    except SchemaError as exc:
        raise DataFileError(str(exc)) from exc
    except ValueError as exc:
        raise DataFileError(str(exc)) from exc
    return AppServices.for_database(database, changes)
