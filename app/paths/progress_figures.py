"""How far people are along their paths, added up per department under the anonymity rule.

Pure functions over ``PathProgressService.progress`` rows, so the workbook (and any screen or
PDF later) shows the same figures and tests can prove the rule: a department with fewer
people on a path than the anonymity threshold is never shown on its own; it is combined into
"Other (groups under N people)" (``app.privacy.fold_small_groups``), and when everyone on the
path together is still too few, nothing but the headcount is shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from app.paths.progress import PersonProgress
from app.privacy import anonymity_threshold, fold_small_groups
from app.services.organisation import unassigned_department

PersonState = Literal["finished", "in_progress", "not_started"]


def person_state(person: PersonProgress) -> PersonState:
    """Finished: every module they follow done (or nothing left to follow once the modules
    they already know are skipped); in progress: something done or begun; else not started."""
    if person.done >= person.modules:
        return "finished"
    if person.done or any(s == "in_progress" for s in person.statuses.values()):
        return "in_progress"
    return "not_started"


def is_overdue(person: PersonProgress, today: date) -> bool:
    """The due date has passed and the person has not finished."""
    return (
        person.due_on is not None and person.due_on < today and person_state(person) != "finished"
    )


def last_completed(person: PersonProgress) -> date | None:
    """The day of the person's latest completed module, if any."""
    days = [
        day for key, day in person.completed_on.items() if person.statuses.get(key) == "completed"
    ]
    return max(days, default=None)


def hours_of(person: PersonProgress, hours: Mapping[str, float]) -> tuple[float, float]:
    """(hours done, hours followed): the module hours of their done and not skipped modules."""
    followed = [k for k, s in person.statuses.items() if s != "skipped"]
    done = [k for k in followed if person.statuses[k] == "completed"]
    return sum(hours.get(k, 0.0) for k in done), sum(hours.get(k, 0.0) for k in followed)


@dataclass(frozen=True)
class GroupProgress:
    """The progress of a group of people on a path (or on every path)."""

    label: str
    people: int
    modules: int
    """Modules followed, added up over everyone (skipped ones left out)."""
    done: int
    finished: int
    in_progress: int
    not_started: int
    overdue: int
    is_other: bool = False
    folded: tuple[str, ...] = ()
    """For the Other row: the departments combined into it."""

    @property
    def share_done(self) -> float:
        """Modules done out of modules followed, 0–1 (0 when nothing is left to follow)."""
        return self.done / self.modules if self.modules else 0.0


def summarise(label: str, people: Iterable[PersonProgress], today: date) -> GroupProgress:
    """One group's figures. ``people`` counts distinct persons; the rest count assignments."""
    rows = list(people)
    states = [person_state(p) for p in rows]
    return GroupProgress(
        label=label,
        people=len({p.person_id for p in rows}),
        modules=sum(p.modules for p in rows),
        done=sum(p.done for p in rows),
        finished=states.count("finished"),
        in_progress=states.count("in_progress"),
        not_started=states.count("not_started"),
        overdue=sum(1 for p in rows if is_overdue(p, today)),
    )


@dataclass(frozen=True)
class DepartmentProgress:
    """A path's (or every path's) progress per department after the anonymity rule."""

    groups: tuple[GroupProgress, ...]
    """Departments by name, then "Other …"; empty when ``withheld``."""
    people: int
    """Everyone counted, whether shown per department or not."""
    withheld: bool
    """Fewer people than the threshold in all: no figure can be shown but the headcount."""
    threshold: int
    note: str | None
    """The sentence that says which departments were combined, when some were."""


def progress_by_department(
    people: Sequence[PersonProgress], *, threshold: int, today: date
) -> DepartmentProgress:
    """Per department (by name), small departments folded into Other, as the rule above says.

    The size of a department is the number of distinct people of it in ``people``.
    """
    limit = anonymity_threshold(threshold).value
    by_department: dict[str, list[PersonProgress]] = {}
    for person in people:
        by_department.setdefault(person.department or unassigned_department(), []).append(person)
    names = sorted(by_department, key=str.casefold)
    sizes = {name: len({p.person_id for p in by_department[name]}) for name in names}
    everyone = len({p.person_id for p in people})
    protected = fold_small_groups(sizes, threshold=limit)
    if any(row.suppressed for row in protected.rows):
        return DepartmentProgress((), everyone, True, limit, protected.note)
    groups = []
    for row in protected.rows:
        if row.is_other:
            members = [p for name in row.folded_labels for p in by_department[name]]
            folded = summarise(row.label, members, today)
            groups.append(replace(folded, is_other=True, folded=row.folded_labels))
        else:
            groups.append(summarise(row.label, by_department[row.label], today))
    return DepartmentProgress(tuple(groups), everyone, False, limit, protected.note)
