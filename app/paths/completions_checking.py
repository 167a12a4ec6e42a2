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
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from app.errors import ValidationError
from app.i18n import _, ngettext
from app.paths.completions_model import (
    CompletionField,
    CompletionMapping,
    CompletionPlan,
    CompletionRow,
    PersonKey,
)
from app.paths.completions_values import (
    COMPLETED,
    FAILED_WORDS,
    IN_PROGRESS,
    NOT_STARTED,
    ScoreError,
    is_blank,
    normalise_title,
    parse_score,
    parse_status,
    read_date,
    scores_are_fractions,
    status_word,
)
from app.progress import CancelToken, Progress, no_progress
from app.roster.model import Cell, Problem, RosterTable
from app.roster.values import cell_text, collapse_spaces, numeric_date_order

_PROGRESS_EVERY = 200


@dataclass(frozen=True)
class KnownPerson:
    id: int
    display_name: str
    employee_number: str | None
    email: str | None
    first_name: str | None
    last_name: str | None


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


class _People:
    """Look people up by employee number, e-mail or name, without case."""

    def __init__(self, people: list[KnownPerson]) -> None:
        self.by_id = {p.id: p for p in people}
        self.numbers: dict[str, list[int]] = {}
        self.unpadded: dict[str, list[int]] = {}
        self.emails: dict[str, list[int]] = {}
        self.names: dict[str, list[int]] = {}
        for person in people:
            if person.employee_number:
                number = person.employee_number.strip().casefold()
                self.numbers.setdefault(number, []).append(person.id)
                if number.isdigit():
                    self.unpadded.setdefault(number.lstrip("0"), []).append(person.id)
            if person.email:
                self.emails.setdefault(person.email.strip().casefold(), []).append(person.id)
            names = {person.display_name}
            if person.first_name and person.last_name:
                names.add(f"{person.first_name} {person.last_name}")
                names.add(f"{person.last_name}, {person.first_name}")
                names.add(f"{person.last_name} {person.first_name}")
            for name in names:
                self.names.setdefault(_name_key(name), []).append(person.id)
        for index in (self.numbers, self.unpadded, self.emails, self.names):
            for key, ids in index.items():
                index[key] = list(dict.fromkeys(ids))

    def by_number(self, text: str) -> list[int]:
        key = text.casefold()
        found = self.numbers.get(key, [])
        if not found and key.isdigit():
            found = self.unpadded.get(key.lstrip("0"), [])
        return found

    def by_email(self, text: str) -> list[int]:
        return self.emails.get(text.removeprefix("mailto:").strip().casefold(), [])

    def by_name(self, text: str) -> list[int]:
        return self.names.get(_name_key(text), [])

    def find(self, text: str, key: PersonKey) -> list[int]:
        if key is PersonKey.EMPLOYEE_NUMBER:
            return self.by_number(text)
        if key is PersonKey.EMAIL:
            return self.by_email(text)
        if key is PersonKey.FULL_NAME:
            return self.by_name(text)
        if "@" in text:
            return self.by_email(text)
        return self.by_number(text) or self.by_name(text)


def _name_key(text: str) -> str:
    return collapse_spaces(text).casefold()


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


Complain = Callable[[CompletionField | None, str, str | None], None]


def check_completions(
    table: RosterTable,
    mapping: CompletionMapping,
    directory: Directory,
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> CompletionPlan:
    """Check every row of ``table`` (see the module docstring); nothing is written."""
    _check_mapping(table, mapping)
    assert mapping.person is not None and mapping.module is not None and mapping.date is not None

    def header(fld: CompletionField | None) -> str | None:
        column = mapping.column(fld) if fld is not None else None
        return table.headers[column] if column is not None else None

    plan = CompletionPlan(
        source=table.source_name, rows=[], bad=[], notes=[], total_rows=len(table.rows)
    )
    plan.remarks.extend(table.notes)
    for problem in table.problems:
        (plan.bad if problem.severity == "error" else plan.notes).append(problem)

    day_first = _day_first(table, mapping, plan.remarks, header(CompletionField.DATE) or "")
    fractions = _score_scale(table, mapping, plan.remarks, header(CompletionField.SCORE) or "")
    people = _People(directory.people)
    modules = _Modules(directory.modules)
    failed = not_started = 0
    total = len(table.rows)
    for position, source in enumerate(table.rows):
        if position % _PROGRESS_EVERY == 0:
            if cancel is not None:
                cancel.raise_if_cancelled()
            progress(position, total)
        cells = source.cells
        number = source.number
        bad_before = len(plan.bad)

        def complain(fld: CompletionField | None, message: str, value: str | None) -> None:
            plan.bad.append(Problem(number, header(fld), message, value, "error"))  # noqa: B023

        status = _status(cells, mapping, complain)
        if status == NOT_STARTED:
            not_started += 1
            continue
        if mapping.status is not None and status_word(cells[mapping.status]) in FAILED_WORDS:
            failed += 1
        person = _person(cells[mapping.person], mapping.person_key, people, complain)
        module = _module(cells[mapping.module], modules, complain)
        done_on: date | None = None
        score: float | None = None
        if status != IN_PROGRESS:
            done_on = _date(cells[mapping.date], table.date_1904, day_first, directory, complain)
            if mapping.score is not None:
                score = _score(cells[mapping.score], fractions, complain)
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
            complain(
                None,
                message.format(person=person.display_name, module=module.title),
                None,
            )
            continue
        if len(plan.bad) > bad_before:
            continue
        plan.rows.append(
            CompletionRow(
                row=number,
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
    progress(total, total)
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


def _check_mapping(table: RosterTable, mapping: CompletionMapping) -> None:
    missing = mapping.missing()
    if missing:
        names = ", ".join(f.label for f in missing)
        raise ValidationError(
            _(
                "Choose the column that holds: {fields}. An LMS export needs at least the "
                "person, the module and the completion date; if your export has no such "
                "column, export it again with that column."
            ).format(fields=names),
            field=missing[0].value,
        )
    seen: dict[int, CompletionField] = {}
    for fld in CompletionField:
        column = mapping.column(fld)
        if column is None:
            continue
        if not 0 <= column < len(table.headers):
            raise ValueError(f"{fld.value} is mapped to column {column}, which doesn't exist")
        if column in seen:
            raise ValidationError(
                _("The column “{column}” is chosen for both {first} and {second}.").format(
                    column=table.headers[column], first=seen[column].label, second=fld.label
                ),
                field=fld.value,
            )
        seen[column] = fld


def _day_first(
    table: RosterTable, mapping: CompletionMapping, remarks: list[str], column_name: str
) -> bool:
    if mapping.day_first is not None:
        return mapping.day_first
    assert mapping.date is not None
    texts = [r.cells[mapping.date] for r in table.rows]
    day_first, ambiguous = numeric_date_order(t for t in texts if isinstance(t, str))
    if ambiguous:
        if day_first:
            note = _(
                "Dates such as 03/04/2026 in “{column}” were read day first (3 April 2026). "
                "If your LMS writes the month first, choose that on the mapping page."
            )
        else:
            note = _(
                "Dates such as 03/04/2026 in “{column}” were read month first (March 4, "
                "2026), because some dates in the column only make sense that way."
            )
        remarks.append(note.format(column=column_name))
    return day_first


def _score_scale(
    table: RosterTable, mapping: CompletionMapping, remarks: list[str], column_name: str
) -> bool:
    """True when the bare numbers of the score column are fractions (0.85 = 85%)."""
    if mapping.score is None:
        return False
    plain: list[float] = []
    for row in table.rows:
        try:
            parsed = parse_score(row.cells[mapping.score])
        except ScoreError:
            continue
        if parsed is not None and not parsed[1]:
            plain.append(parsed[0])
    fractions = scores_are_fractions(plain)
    if fractions:
        remarks.append(
            _(
                "The scores in “{column}” are between 0 and 1, so they were read as "
                "fractions (0.85 is 85%)."
            ).format(column=column_name)
        )
    return fractions


def _status(cells: list[Cell], mapping: CompletionMapping, complain: Complain) -> str | None:
    """completed / in_progress / not_started, or None when the file gives no status."""
    if mapping.status is None:
        return None
    value = cells[mapping.status]
    word = status_word(value)
    if word is None:
        return None
    status = parse_status(word)
    if status is None:
        shown = cell_text(value)
        complain(
            CompletionField.STATUS,
            _(
                "The status “{status}” is not understood. Use Completed, In progress or Not "
                "started (Passed, Failed and Enrolled are understood too)."
            ).format(status=shown),
            shown,
        )
        return IN_PROGRESS  # keep checking the rest of the row; the row is bad anyway
    return status


def _person(value: Cell, key: PersonKey, people: _People, complain: Complain) -> KnownPerson | None:
    text = cell_text(value)
    text = collapse_spaces(text) if text else None
    if not text or is_blank(text):
        complain(
            CompletionField.PERSON,
            _("The person is missing. Fill it in, or take the row out."),
            None,
        )
        return None
    found = people.find(text, key)
    if len(found) == 1:
        return people.by_id[found[0]]
    if found:
        complain(
            CompletionField.PERSON,
            _(
                "“{person}” matches {count} people in the data file. Use the employee "
                "number or the e-mail to tell them apart."
            ).format(person=text, count=len(found)),
            text,
        )
        return None
    if key is PersonKey.EMPLOYEE_NUMBER:
        message = _("No one in the data file has the employee number “{person}”.")
    elif key is PersonKey.EMAIL:
        message = _("No one in the data file has the e-mail “{person}”.")
    elif key is PersonKey.FULL_NAME:
        message = _("No one in the data file is called “{person}”.")
    else:
        message = _("No one in the data file has “{person}” as employee number, e-mail or name.")
    complain(
        CompletionField.PERSON,
        message.format(person=text)
        + " "
        + _("Check the spelling, or add the person on the People page first."),
        text,
    )
    return None


def _module(value: Cell, modules: _Modules, complain: Complain) -> KnownModule | None:
    text = cell_text(value)
    text = collapse_spaces(text) if text else None
    if not text or is_blank(text):
        complain(
            CompletionField.MODULE,
            _("The module is missing. Fill it in, or take the row out."),
            None,
        )
        return None
    found = modules.find(text)
    if len(found) == 1:
        return found[0]
    if found:
        complain(
            CompletionField.MODULE,
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
    complain(CompletionField.MODULE, message, text)
    return None


def _date(
    value: Cell, date_1904: bool, day_first: bool, directory: Directory, complain: Complain
) -> date | None:
    if is_blank(value):
        complain(
            CompletionField.DATE,
            _(
                "The completion date is missing. Fill it in, or set the status to In progress "
                "if the module is not done yet."
            ),
            None,
        )
        return None
    parsed = read_date(value, date_1904=date_1904, day_first=day_first)
    shown = cell_text(value)
    if parsed is None:
        complain(
            CompletionField.DATE,
            _(
                "“{value}” is not a date that can be read. Write it as 2026-03-31 or 31/03/2026."
            ).format(value=shown),
            shown,
        )
        return None
    if parsed > directory.today:
        complain(
            CompletionField.DATE,
            _("The completion date {date} is in the future.").format(date=parsed.isoformat()),
            shown,
        )
        return None
    return parsed


def _score(value: Cell, fractions: bool, complain: Complain) -> float | None:
    shown = cell_text(value)
    try:
        parsed = parse_score(value)
    except ScoreError:
        complain(
            CompletionField.SCORE,
            _(
                "“{value}” is not a score. A score is a number from 0 to 100 (or 85%, or 0.85); "
                "if the column holds letter grades, choose no score column on the mapping page."
            ).format(value=shown),
            shown,
        )
        return None
    if parsed is None:
        return None
    number, percent = parsed
    if fractions and not percent:
        number *= 100
    if not 0 <= number <= 100:
        complain(
            CompletionField.SCORE,
            _("The score {value} is out of range: a score is from 0 to 100 %.").format(value=shown),
            shown,
        )
        return None
    return round(number, 2)


def _drop_duplicates(plan: CompletionPlan) -> None:
    """Keep one row per person and module: done beats in progress, then the later date."""
    best: dict[tuple[int, str], CompletionRow] = {}
    order: list[tuple[int, str]] = []
    losers: list[tuple[CompletionRow, CompletionRow]] = []
    for row in plan.rows:
        key = (row.person_id, row.module_key)
        kept = best.get(key)
        if kept is None:
            best[key] = row
            order.append(key)
            continue
        if _rank(row) >= _rank(kept):
            losers.append((kept, row))
            best[key] = row
        else:
            losers.append((row, kept))
    if not losers:
        return
    plan.rows = [best[key] for key in order]
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
