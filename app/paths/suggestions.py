"""What each person needs of a path: the path of their track trimmed to their measured gaps.

The rules are the pure ``app.paths.planning.suggest_for_person``; this service feeds it each
person's latest rated skills survey (the agreed level per skill and their role's targets)
and turns the reason codes into sentences for the HR person. Assigning "trimmed to the
gaps" stores the modules a person skips, with the reason, so their plan stays what it was
when assigned even after a later survey.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app.errors import ValidationError
from app.i18n import _
from app.paths.content import LEVELS
from app.paths.planning import Suggestion, suggest_for_person
from app.paths.service import ModuleRow, PathService
from app.skills.results import PersonSkills, SkillsResultsService
from db.database import Database
from db.models import Employee, PathAssignment, Role, Track


@dataclass(frozen=True)
class SkippedWithReason:
    module: ModuleRow
    reason: str
    """A sentence for the HR person, e.g. “Skips “AI basics”: already at that level in …”."""


@dataclass(frozen=True)
class PersonSuggestion:
    person_id: int
    display_name: str
    path_id: int
    path_name: str
    kept: list[ModuleRow]
    skipped: list[SkippedWithReason]
    survey_name: str | None
    """The survey the levels come from; None when the person has not been rated."""

    @property
    def hours(self) -> float:
        return sum(m.hours for m in self.kept)


@dataclass(frozen=True)
class Assigned:
    """What an assignment did: people new to the path, and how many got a trimmed plan."""

    new: int
    trimmed: int
    skipped_modules: int


@dataclass(frozen=True)
class _Person:
    id: int
    name: str
    role_id: int | None
    track: str


class PathSuggestionService:
    def __init__(
        self, database: Database, paths: PathService, skills_results: SkillsResultsService
    ) -> None:
        self._db = database
        self._paths = paths
        self._skills_results = skills_results

    def suggestion(self, person_id: int, path_id: int | None = None) -> PersonSuggestion:
        """The path (given, or the one of the person's track) trimmed to their gaps."""
        people = self._people([person_id])
        if not people:
            raise ValidationError(_("That person no longer exists in this data file."))
        chosen = path_id if path_id is not None else self._path_for(people[0])
        return self.suggestions(chosen, [person_id])[person_id]

    def suggestions(
        self,
        path_id: int,
        person_ids: Iterable[int],
        *,
        rated: Mapping[int, PersonSkills] | None = None,
    ) -> dict[int, PersonSuggestion]:
        """Each person's share of this path, from their latest rated survey (in bulk).

        ``rated`` is ``latest_ratings`` read once when several paths are worked out in a row.
        """
        people = self._people(person_ids)
        details = self._paths.path(path_id)
        modules = {m.key: m for m in self._paths.modules()}
        path_modules = [modules[k] for k in details.layout.module_keys()]
        prerequisites = {k: m.prerequisites for k, m in modules.items()}
        names = {s.key: s.name for s in self._paths.skills.catalogue().skills}
        if rated is None:
            rated = self.latest_ratings({p.id for p in people})
        targets_by_role: dict[tuple[int | None, str], dict[str, int]] = {}
        result: dict[int, PersonSuggestion] = {}
        with self._db.reading() as session:
            for person in people:
                latest = rated.get(person.id)
                if latest is not None:
                    current = {line.key: line.agreed for line in latest.skills}
                    targets = {line.key: line.target for line in latest.skills}
                else:
                    current = {}
                    wanted = (person.role_id, person.track)
                    if wanted not in targets_by_role:
                        targets_by_role[wanted] = self._paths.skills.targets_for(
                            session, person.role_id, person.track
                        )
                    targets = targets_by_role[wanted]
                trimmed = suggest_for_person(path_modules, current, targets, prerequisites)
                result[person.id] = self._explained(
                    person, path_id, details.layout.name, trimmed, modules, names, latest
                )
        return result

    def assign(
        self,
        path_id: int,
        person_ids: Iterable[int],
        *,
        starts_on: date,
        due_on: date | None = None,
        reason: str | None = None,
        trim_to_gaps: bool = True,
        rated: Mapping[int, PersonSkills] | None = None,
    ) -> Assigned:
        """Assign the path; with ``trim_to_gaps`` each new person skips what they know."""
        wanted = list(dict.fromkeys(person_ids))
        skips: dict[int, dict[str, str]] = {}
        if trim_to_gaps and wanted:
            for person, suggestion in self.suggestions(path_id, wanted, rated=rated).items():
                if suggestion.skipped:
                    skips[person] = {s.module.key: s.reason for s in suggestion.skipped}
        new = self._paths.assign(
            path_id, wanted, starts_on=starts_on, due_on=due_on, reason=reason, skips=skips
        )
        trimmed = [skips[p] for p in new if p in skips]
        return Assigned(
            new=len(new), trimmed=len(trimmed), skipped_modules=sum(len(s) for s in trimmed)
        )

    # Helpers -------------------------------------------------------------------------
    def _people(self, person_ids: Iterable[int]) -> list[_Person]:
        wanted = list(dict.fromkeys(person_ids))
        with self._db.reading() as session:
            rows = {
                person_id: _Person(person_id, name, role_id, (track or Track.CUSTOM).value)
                for person_id, name, role_id, track in session.execute(
                    select(Employee.id, Employee.display_name, Employee.role_id, Role.track)
                    .outerjoin(Role, Role.id == Employee.role_id)
                    .where(Employee.id.in_(wanted))
                )
            }
        return [rows[p] for p in wanted if p in rows]

    def latest_ratings(self, person_ids: set[int]) -> dict[int, PersonSkills]:
        """Each person's newest survey in which they have at least one agreed level."""
        found: dict[int, PersonSkills] = {}
        campaigns = sorted(
            self._paths.skills.campaigns(), key=lambda c: (c.opened_on, c.id), reverse=True
        )
        for campaign in campaigns:
            if not campaign.rated or len(found) == len(person_ids):
                continue
            for row in self._skills_results.person_rows(campaign.id):
                if (
                    row.person_id in person_ids
                    and row.person_id not in found
                    and any(line.agreed is not None for line in row.skills)
                ):
                    found[row.person_id] = row
        return found

    def _path_for(self, person: _Person) -> int:
        rows = [p for p in self._paths.paths() if p.track == person.track]
        if not rows:
            raise ValidationError(
                _("There is no path for this person's track yet. Make one from a template first.")
            )
        order = {level: i for i, level in enumerate(LEVELS)}
        with self._db.reading() as session:
            mine = set(
                session.execute(
                    select(PathAssignment.path_id).where(PathAssignment.employee_id == person.id)
                ).scalars()
            )
        rows.sort(key=lambda p: (p.id not in mine, order.get(p.level, 9), p.name.casefold()))
        return rows[0].id

    @staticmethod
    def _explained(
        person: _Person,
        path_id: int,
        path_name: str,
        trimmed: Suggestion,
        modules: Mapping[str, ModuleRow],
        names: Mapping[str, str],
        latest: PersonSkills | None,
    ) -> PersonSuggestion:
        skipped = []
        for skip in trimmed.skipped:
            skills = _listed(names.get(s, s) for s in skip.skills)
            module = modules[skip.key]
            if skip.reason_code == "already_proficient":
                reason = _("Skips “{module}”: already at that level in {skills}.")
            else:
                reason = _("Skips “{module}”: the role does not aim for {skills}.")
            skipped.append(
                SkippedWithReason(module, reason.format(module=module.title, skills=skills))
            )
        return PersonSuggestion(
            person_id=person.id,
            display_name=person.name,
            path_id=path_id,
            path_name=path_name,
            kept=[modules[k] for k in trimmed.modules_kept],
            skipped=skipped,
            survey_name=latest.campaign_name if latest else None,
        )


def _listed(names: Iterable[str]) -> str:
    """Names as a list in a sentence: “A”, “A and B”, “A, B and C”."""
    items: Sequence[str] = list(names)
    if len(items) <= 1:
        return "".join(items)
    return _("{first} and {last}").format(first=", ".join(items[:-1]), last=items[-1])
