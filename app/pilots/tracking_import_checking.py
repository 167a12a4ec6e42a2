"""Check every row of a measurements spreadsheet against one pilot, before anything is saved.

Pure: the service hands in a :class:`PilotDirectory` read from the data file. People are
found as in the completions import (employee number, e-mail or exact name); a person
who is not in the pilot's cohort, a value out of range, a text where a number belongs
or a week before the pilot makes the row bad, and every bad row is listed with its row
number and a plain reason. The same participant (and week, or task) twice keeps the
later row with a note; an application already in the log is left out.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from app.errors import ValidationError
from app.i18n import _, ngettext
from app.paths.completions_checking import KnownPerson
from app.paths.completions_checking import _People as PeopleIndex
from app.paths.completions_model import PersonKey
from app.paths.completions_values import ScoreError, is_blank, parse_score, scores_are_fractions
from app.pilots.records import ApplicationInput
from app.pilots.tracking_import_model import (
    Entry,
    GoodRow,
    ImportKind,
    ScoresEntry,
    SurveyEntry,
    TimingEntry,
    TrackingField,
    TrackingMapping,
    TrackingPlan,
    WeekEntry,
)
from app.pilots.tracking_import_rows import COHORT_WORDS, READERS, Complain, RowContext, timing
from app.progress import CancelToken, Progress, no_progress
from app.roster.model import Problem, RosterTable
from app.roster.values import collapse_spaces, numeric_date_order

F = TrackingField
_PROGRESS_EVERY = 200


@dataclass
class PilotDirectory:
    """What the check needs from the data file about one pilot."""

    pilot_id: int
    starts_on: date | None
    people: list[KnownPerson]
    participants: dict[int, int]
    """Person id -> their participant id in this pilot."""
    features: Sequence[tuple[str, str]]
    timings: dict[tuple[str, int | None], int] = field(default_factory=dict)
    """(task as compared, participant id or None for the cohort) -> recorded timing id."""
    applications: frozenset[tuple[int, date, str]] = frozenset()
    """(participant id, date, description as compared) of the applications in the log."""
    today: date = field(default_factory=date.today)


def text_key(text: str) -> str:
    """A task or a description as compared: no case, runs of spaces made one."""
    return collapse_spaces(text).casefold()


def check_measurements(
    table: RosterTable,
    mapping: TrackingMapping,
    directory: PilotDirectory,
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> TrackingPlan:
    """Check every row of ``table`` (see the module docstring); nothing is written."""
    check_mapping(table, mapping, directory)

    def header(fld: TrackingField | None) -> str | None:
        column = mapping.column(fld) if fld is not None else None
        return table.headers[column] if column is not None else None

    plan = TrackingPlan(
        pilot_id=directory.pilot_id,
        mapping=mapping,
        source=table.source_name,
        rows=[],
        bad=[],
        notes=[],
        total_rows=len(table.rows),
    )
    plan.remarks.extend(table.notes)
    for problem in table.problems:
        (plan.bad if problem.severity == "error" else plan.notes).append(problem)
    day_first = _day_first(table, mapping, plan.remarks, header(F.DATE) or "")
    fractions = _fractions(table, mapping, plan.remarks)
    people = PeopleIndex(directory.people)
    names = {person.id: person.display_name for person in directory.people}
    columns = list(mapping.columns.values())
    total = len(table.rows)
    for position, source in enumerate(table.rows):
        if position % _PROGRESS_EVERY == 0:
            if cancel is not None:
                cancel.raise_if_cancelled()
            progress(position, total)
        number = source.number
        if all(c >= len(source.cells) or is_blank(source.cells[c]) for c in columns):
            continue  # an empty line in the middle of the file
        bad_before = len(plan.bad)

        def complain(fld: TrackingField | None, message: str, value: str | None) -> None:
            plan.bad.append(Problem(number, header(fld), message, value, "error"))  # noqa: B023

        context = RowContext(
            cells=source.cells,
            mapping=mapping,
            complain=complain,
            starts_on=directory.starts_on,
            today=directory.today,
            features=directory.features,
            date_1904=table.date_1904,
            day_first=day_first,
            fractions=fractions,
        )
        written = collapse_spaces(context.shown(F.PERSON) or "")
        if mapping.kind is ImportKind.TIMINGS and (
            not written or is_blank(written) or written.casefold() in COHORT_WORDS
        ):
            entry = timing(context, None)
            if entry is not None and len(plan.bad) == bad_before:
                plan.rows.append(GoodRow(number, "", entry))
            continue
        person_id = _person(written, mapping.person_key, people, complain)
        participant_id = directory.participants.get(person_id) if person_id else None
        if person_id is not None and participant_id is None:
            complain(
                F.PERSON,
                _(
                    "{name} is not a participant of this pilot. Add them to the cohort first, "
                    "or take the row out."
                ).format(name=names[person_id]),
                written,
            )
        entry = READERS[mapping.kind](context, participant_id or 0)
        if entry is None or person_id is None or len(plan.bad) > bad_before:
            continue
        if _says_nothing(entry):
            plan.left_out += 1
            continue
        plan.rows.append(GoodRow(number, names[person_id], entry))
    progress(total, total)
    _drop_duplicates(plan, directory)
    return plan


def check_mapping(table: RosterTable, mapping: TrackingMapping, directory: PilotDirectory) -> None:
    """Refuse (ValidationError) a mapping without the columns the kind needs."""
    missing = mapping.missing()
    if missing:
        raise ValidationError(
            _(
                "Choose the column that holds: {fields}. If the file has no such column, add "
                "it in the spreadsheet and import again."
            ).format(fields=" / ".join(f.label for f in missing)),
            field=missing[0].value,
        )
    seen: dict[int, TrackingField] = {}
    for fld, column in mapping.columns.items():
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
    dated = mapping.kind is ImportKind.CHECK_INS and mapping.column(F.DATE) is not None
    if dated and directory.starts_on is None:
        raise ValidationError(
            _(
                "The pilot has no start date, so a date can't be turned into a pilot week. "
                "Set the pilot's start date, or use a column with the week number."
            ),
            field=F.DATE.value,
        )


def _person(written: str, key: PersonKey, people: PeopleIndex, complain: Complain) -> int | None:
    if not written or is_blank(written):
        complain(
            F.PERSON,
            _(
                "The person is missing. Fill in their employee number, e-mail or name, or take "
                "the row out."
            ),
            None,
        )
        return None
    found = people.find(written, key)
    if len(found) == 1:
        return found[0]
    if found:
        complain(
            F.PERSON,
            _(
                "“{person}” matches {count} people in the data file. Use the employee number "
                "or the e-mail to tell them apart."
            ).format(person=written, count=len(found)),
            written,
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
    complain(F.PERSON, message.format(person=written), written)
    return None


def _says_nothing(entry: Entry) -> bool:
    """A survey or score row with a person and nothing else changes nothing."""
    if isinstance(entry, ScoresEntry):
        return not entry.values
    if isinstance(entry, SurveyEntry):
        return entry.satisfaction is None and entry.recommend is None and entry.comment is None
    return False


def _day_first(
    table: RosterTable, mapping: TrackingMapping, remarks: list[str], column_name: str
) -> bool:
    if mapping.day_first is not None:
        return mapping.day_first
    column = mapping.column(F.DATE)
    if column is None:
        return True
    texts = [r.cells[column] for r in table.rows if column < len(r.cells)]
    day_first, ambiguous = numeric_date_order(t for t in texts if isinstance(t, str))
    if ambiguous:
        note = (
            _("Dates such as 03/04/2026 in “{column}” were read day first (3 April 2026).")
            if day_first
            else _(
                "Dates such as 03/04/2026 in “{column}” were read month first (March 4, 2026), "
                "because some dates in the column only make sense that way."
            )
        )
        remarks.append(note.format(column=column_name))
    return day_first


def _fractions(table: RosterTable, mapping: TrackingMapping, remarks: list[str]) -> bool:
    """True when every bare knowledge score of the file is between 0 and 1 (0.85 = 85 %)."""
    columns = [
        c for f in (F.KNOWLEDGE_BEFORE, F.KNOWLEDGE_AFTER) if (c := mapping.column(f)) is not None
    ]
    plain: list[float] = []
    for row in table.rows:
        for column in columns:
            try:
                parsed = parse_score(row.cells[column] if column < len(row.cells) else None)
            except ScoreError:
                continue
            if parsed is not None and not parsed[1]:
                plain.append(parsed[0])
    fractions = bool(columns) and scores_are_fractions(plain)
    if fractions:
        remarks.append(
            _(
                "The knowledge check scores are between 0 and 1, so they were read as "
                "fractions (0.85 is 85 %)."
            )
        )
    return fractions


def _key(entry: Entry) -> Hashable:
    """What makes two rows the same entry: the later one replaces the earlier."""
    if isinstance(entry, WeekEntry):
        return (entry.participant_id, entry.week)
    if isinstance(entry, TimingEntry):
        return (text_key(entry.task), entry.participant_id)
    if isinstance(entry, ApplicationInput):
        return (entry.participant_id, entry.logged_on, text_key(entry.description))
    return entry.participant_id


def _drop_duplicates(plan: TrackingPlan, directory: PilotDirectory) -> None:
    """Keep the later of two rows for the same entry (with a note); link recorded timings."""
    latest: dict[Hashable, GoodRow] = {}
    for row in plan.rows:
        key = _key(row.entry)
        earlier = latest.get(key)
        if earlier is not None:
            plan.left_out += 1
            if isinstance(row.entry, ApplicationInput):
                message = _(
                    "Rows {first} and {second} log the same use of AI by {person}: row "
                    "{first} is kept."
                ).format(first=earlier.row, second=row.row, person=row.person)
                plan.notes.append(Problem(row.row, None, message, None, "warning"))
                continue
            message = _("Rows {first} and {second} are both {what}: row {second} is kept.").format(
                first=earlier.row, second=row.row, what=_describe(row)
            )
            plan.notes.append(Problem(earlier.row, None, message, None, "warning"))
        latest[key] = row
    kept: list[GoodRow] = []
    recorded = 0
    for row in latest.values():
        entry = row.entry
        if (
            isinstance(entry, ApplicationInput)
            and (
                entry.participant_id,
                entry.logged_on or directory.today,
                text_key(entry.description),
            )
            in directory.applications
        ):
            recorded += 1
            continue
        if isinstance(entry, TimingEntry):
            timing_id = directory.timings.get((text_key(entry.task), entry.participant_id))
            if timing_id is not None:
                row = GoodRow(row.row, row.person, _with_id(entry, timing_id))
        kept.append(row)
    plan.rows = sorted(kept, key=lambda r: r.row)
    plan.left_out += recorded
    if recorded:
        plan.remarks.append(
            ngettext(
                "{n} row is already in the applications log; it was left out.",
                "{n} rows are already in the applications log; they were left out.",
                recorded,
            ).format(n=recorded)
        )
    updates = sum(1 for r in plan.rows if isinstance(r.entry, TimingEntry) and r.entry.timing_id)
    if updates:
        plan.remarks.append(
            ngettext(
                "{n} row times a task that is already recorded for the same person; it "
                "replaces the recorded times (empty cells keep what was recorded).",
                "{n} rows time tasks that are already recorded for the same people; they "
                "replace the recorded times (empty cells keep what was recorded).",
                updates,
            ).format(n=updates)
        )


def _describe(row: GoodRow) -> str:
    entry = row.entry
    if isinstance(entry, WeekEntry):
        return _("{person}, week {week}").format(person=row.person, week=entry.week)
    if isinstance(entry, TimingEntry):
        who = row.person or _("the whole cohort")
        return _("“{task}” for {person}").format(task=entry.task, person=who)
    return row.person


def _with_id(entry: TimingEntry, timing_id: int) -> TimingEntry:
    return replace(entry, timing_id=timing_id)
