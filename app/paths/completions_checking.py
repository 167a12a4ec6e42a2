"""Check every row of an LMS export against the people, modules and paths of the data file.

Pure: the service hands in a :class:`Directory` read from the data file. A row is bad (and
stops the import) when its person is not found or not unique, its module is unknown, the
person follows no path with that module, its date is missing, unreadable or in the future,
its score is not a number from 0 to 100 %, or its status is not understood. A row whose
status says nothing happened yet ("Not started", "Enrolled") changes nothing and is left
out. The same person and module twice is a note, not an error: the completion wins over
"in progress", and the later date wins.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date

from app.i18n import _, ngettext
from app.paths.completions_model import (
    CompletionField,
    CompletionMapping,
    CompletionPlan,
    CompletionRow,
)
from app.paths.completions_values import (
    COMPLETED,
    FAILED_WORDS,
    IN_PROGRESS,
    NOT_STARTED,
    parse_status,
    status_word,
)
from app.progress import CancelToken, Progress, no_progress
from app.roster.model import Problem, RosterTable
from app.sheet_import.checking import RowCheck, SheetCheck, one_per_key
from app.sheet_import.columns import bare_fractions, check_columns
from app.sheet_import.people import KnownPerson, PeopleIndex
from app.sheet_import.values import ScoreError, ScoreOutOfRange, normalise_title, percent_score

F = CompletionField
Row = RowCheck[CompletionField]


@dataclass(frozen=True)
class KnownModule:
    key: str
    title: str


@dataclass(frozen=True)
class FollowedPath:
    path_id: int
    name: str
    module_keys: frozenset[str]


@dataclass
class Directory:
    """What the check needs from the data file."""

    people: list[KnownPerson]
    modules: list[KnownModule]
    paths_of: dict[int, list[FollowedPath]]
    """Person id -> the paths they follow (retired versions included)."""
    today: date = field(default_factory=date.today)


class _Modules:
    """Look modules up by key or title, ignoring case, spaces and punctuation."""

    def __init__(self, modules: list[KnownModule]) -> None:
        self.by_key = {m.key.casefold(): m for m in modules}
        self.by_title: dict[str, list[KnownModule]] = {}
        for module in modules:
            for text in (module.title, module.key):
                found = self.by_title.setdefault(normalise_title(text), [])
                if module not in found:
                    found.append(module)
        self.titles = {normalise_title(m.title): m.title for m in modules}

    def find(self, text: str) -> list[KnownModule]:
        exact = self.by_key.get(text.strip().casefold())
        if exact is not None:
            return [exact]
        return self.by_title.get(normalise_title(text), [])

    def close_to(self, text: str) -> str | None:
        """The title of the one module the text is probably about, for a "did you mean"."""
        key = normalise_title(text)
        starting = [title for norm, title in self.titles.items() if norm.startswith(key)]
        if len(key) >= 6 and len(starting) == 1:
            return starting[0]
        match = difflib.get_close_matches(
            normalise_title(text), list(self.titles), n=1, cutoff=0.75
        )
        return self.titles[match[0]] if match else None


def check_completions(
    table: RosterTable,
    mapping: CompletionMapping,
    directory: Directory,
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> CompletionPlan:
    """Check every row of ``table`` (see the module docstring); nothing is written."""
    check_columns(
        table,
        ((f, mapping.column(f)) for f in CompletionField),
        missing=mapping.missing(),
        message=_(
            "Choose the column that holds: {fields}. An LMS export needs at least the "
            "person, the module and the completion date; if your export has no such "
            "column, export it again with that column."
        ),
    )
    assert mapping.person is not None and mapping.module is not None and mapping.date is not None
    plan = CompletionPlan(source=table.source_name, total_rows=len(table.rows))
    sheet = SheetCheck(
        table,
        mapping,
        plan,
        today=directory.today,
        dates=F.DATE,
        date_advice=_("If your LMS writes the month first, choose that on the mapping page."),
    )
    fractions = mapping.score is not None and bare_fractions(table, [mapping.score])
    if fractions:
        plan.remarks.append(
            _(
                "The scores in “{column}” are between 0 and 1, so they were read as "
                "fractions (0.85 is 85%)."
            ).format(column=sheet.header(F.SCORE))
        )
    people = PeopleIndex(directory.people)
    modules = _Modules(directory.modules)
    failed = not_started = 0
    for source in sheet.rows(progress, cancel):
        row = RowCheck(sheet, source)
        status = _status(row)
        if status == NOT_STARTED:
            not_started += 1
            continue
        if status_word(row.cell(F.STATUS)) in FAILED_WORDS:
            failed += 1
        person = row.person(
            F.PERSON,
            mapping.person_key,
            people,
            missing=_("The person is missing. Fill it in, or take the row out."),
            advice=_("Check the spelling, or add the person on the People page first."),
        )
        module = _module(row, modules)
        done_on: date | None = None
        score: float | None = None
        if status != IN_PROGRESS:
            done_on = _date(row)
            if mapping.score is not None:
                score = _score(row, fractions)
        if person is None or module is None:
            continue
        followed = directory.paths_of.get(person.id, [])
        path_ids = tuple(p.path_id for p in followed if module.key in p.module_keys)
        if not path_ids:
            if followed:
                message = _(
                    "{person} does not follow a learning path with “{module}”. Assign them a "
                    "path that has it, or take the row out."
                )
            else:
                message = _(
                    "{person} does not follow any learning path yet. Assign them a path "
                    "first, or take the row out."
                )
            message = message.format(person=person.display_name, module=module.title)
            row.complain(None, message, None)
            continue
        if not row.ok:
            continue
        plan.rows.append(
            CompletionRow(
                row=row.row_number,
                person_id=person.id,
                person_name=person.display_name,
                path_ids=path_ids,
                module_key=module.key,
                module_title=module.title,
                status=status or COMPLETED,
                completed_on=done_on,
                score=score,
            )
        )
    plan.left_out = not_started
    _drop_duplicates(plan)
    if not_started:
        plan.remarks.append(
            ngettext(
                "{n} row says the module was not started (or only enrolled); it changes "
                "nothing and was left out.",
                "{n} rows say the module was not started (or only enrolled); they change "
                "nothing and were left out.",
                not_started,
            ).format(n=not_started)
        )
    if failed:
        plan.remarks.append(
            ngettext(
                "{n} row says the module was failed; it is recorded as in progress, not done.",
                "{n} rows say the module was failed; they are recorded as in progress, not done.",
                failed,
            ).format(n=failed)
        )
    return plan


def _status(row: Row) -> str | None:
    """completed / in_progress / not_started, or None when the file gives no status."""
    word = status_word(row.cell(F.STATUS))
    if word is None:
        return None
    status = parse_status(word)
    if status is None:
        shown = row.shown(F.STATUS)
        row.complain(
            F.STATUS,
            _(
                "The status “{status}” is not understood. Use Completed, In progress or Not "
                "started (Passed, Failed and Enrolled are understood too)."
            ).format(status=shown),
            shown,
        )
        return IN_PROGRESS  # keep checking the rest of the row; the row is bad anyway
    return status


def _module(row: Row, modules: _Modules) -> KnownModule | None:
    text = row.text(F.MODULE)
    if text is None:
        row.complain(F.MODULE, _("The module is missing. Fill it in, or take the row out."), None)
        return None
    found = modules.find(text)
    if len(found) == 1:
        return found[0]
    if found:
        row.complain(
            F.MODULE,
            _("“{module}” matches {count} modules; use the module's key instead.").format(
                module=text, count=len(found)
            ),
            text,
        )
        return None
    message = _(
        "No module is called “{module}” (titles and keys are compared without case or punctuation)."
    ).format(module=text)
    close = modules.close_to(text)
    if close:
        message += " " + _("Did you mean “{title}”?").format(title=close)
    else:
        message += " " + _("Add it to the module library first, or take the row out.")
    row.complain(F.MODULE, message, text)
    return None


def _date(row: Row) -> date | None:
    if row.text(F.DATE) is None:
        row.complain(
            F.DATE,
            _(
                "The completion date is missing. Fill it in, or set the status to In progress "
                "if the module is not done yet."
            ),
            None,
        )
        return None
    return row.day(F.DATE, future=_("The completion date {date} is in the future."))


def _score(row: Row, fractions: bool) -> float | None:
    shown = row.shown(F.SCORE)
    try:
        return percent_score(row.cell(F.SCORE), fractions)
    except ScoreOutOfRange:
        message = _("The score {value} is out of range: a score is from 0 to 100 %.")
    except ScoreError:
        message = _(
            "“{value}” is not a score. A score is a number from 0 to 100 (or 85%, or 0.85); "
            "if the column holds letter grades, choose no score column on the mapping page."
        )
    row.complain(F.SCORE, message.format(value=shown), shown)
    return None


def _drop_duplicates(plan: CompletionPlan) -> None:
    """Keep one row per person and module: done beats in progress, then the later date."""
    plan.rows, losers = one_per_key(
        plan.rows, lambda r: (r.person_id, r.module_key), lambda r, kept: _rank(r) >= _rank(kept)
    )
    plan.left_out += len(losers)
    for dropped, kept in sorted(losers, key=lambda pair: pair[0].row):
        first, second = sorted((dropped.row, kept.row))
        if kept.completed_on is not None:
            message = _(
                "Rows {first} and {second} are both {person} – “{module}”: row {kept} "
                "(done on {date}) is kept."
            )
        else:
            message = _(
                "Rows {first} and {second} are both {person} – “{module}”: row {kept} "
                "(in progress) is kept."
            )
        text = message.format(
            first=first,
            second=second,
            kept=kept.row,
            person=kept.person_name,
            module=kept.module_title,
            date=kept.completed_on.isoformat() if kept.completed_on else "",
        )
        plan.notes.append(Problem(dropped.row, None, text, None, "warning"))


def _rank(row: CompletionRow) -> tuple[int, date]:
    return (1 if row.status == COMPLETED else 0, row.completed_on or date.min)
