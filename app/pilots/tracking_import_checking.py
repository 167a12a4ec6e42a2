"""Check every row of a measurements spreadsheet against one pilot, before anything is saved.

Pure: the service hands in a :class:`PilotDirectory` read from the data file. People are
found as in every import (employee number, e-mail or exact name); a person
who is not in the pilot's cohort, a value out of range, a text where a number belongs
or a week before the pilot makes the row bad, and every bad row is listed with its row
number and a plain reason. The same participant (and week, or task) twice keeps the
later row with a note; an application already in the log is left out.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import replace

from app.errors import ValidationError
from app.i18n import _, ngettext
from app.pilots.records import ApplicationInput
from app.pilots.tracking_import_model import (
    Entry,
    GoodRow,
    ImportKind,
    PilotDirectory,
    ScoresEntry,
    SurveyEntry,
    TimingEntry,
    TrackingField,
    TrackingMapping,
    TrackingPlan,
    WeekEntry,
)
from app.pilots.tracking_import_rows import COHORT_WORDS, READERS, RowContext, timing
from app.progress import CancelToken, Progress, no_progress
from app.roster.model import Problem, RosterTable
from app.roster.values import collapse_spaces
from app.sheet_import.checking import SheetCheck, one_per_key
from app.sheet_import.columns import bare_fractions, check_columns
from app.sheet_import.people import PeopleIndex

F = TrackingField


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
    plan = TrackingPlan(
        source=table.source_name,
        total_rows=len(table.rows),
        pilot_id=directory.pilot_id,
        mapping=mapping,
    )
    sheet = SheetCheck(table, mapping, plan, today=directory.today, dates=F.DATE)
    knowledge = [mapping.column(F.KNOWLEDGE_BEFORE), mapping.column(F.KNOWLEDGE_AFTER)]
    fractions = bare_fractions(table, [c for c in knowledge if c is not None])
    if fractions:
        plan.remarks.append(
            _(
                "The knowledge check scores are between 0 and 1, so they were read as "
                "fractions (0.85 is 85 %)."
            )
        )
    people = PeopleIndex(directory.people)
    for source in sheet.rows(progress, cancel, skip_blank=list(mapping.columns.values())):
        row = RowContext(
            sheet,
            source,
            starts_on=directory.starts_on,
            features=directory.features,
            fractions=fractions,
        )
        written = row.text(F.PERSON)
        if mapping.kind is ImportKind.TIMINGS and (
            written is None or written.casefold() in COHORT_WORDS
        ):
            entry = timing(row, None)
            if entry is not None and row.ok:
                plan.rows.append(GoodRow(row.row_number, "", entry))
            continue
        person = row.person(
            F.PERSON,
            mapping.person_key,
            people,
            missing=_(
                "The person is missing. Fill in their employee number, e-mail or name, or take "
                "the row out."
            ),
        )
        participant_id = directory.participants.get(person.id) if person else None
        if person is not None and participant_id is None:
            row.complain(
                F.PERSON,
                _(
                    "{name} is not a participant of this pilot. Add them to the cohort first, "
                    "or take the row out."
                ).format(name=person.display_name),
                written,
            )
        entry = READERS[mapping.kind](row, participant_id or 0)
        if entry is None or person is None or not row.ok:
            continue
        if _says_nothing(entry):
            plan.left_out += 1
            continue
        plan.rows.append(GoodRow(row.row_number, person.display_name, entry))
    _drop_duplicates(plan, directory)
    return plan


def check_mapping(table: RosterTable, mapping: TrackingMapping, directory: PilotDirectory) -> None:
    """Refuse (ValidationError) a mapping without the columns the kind needs."""
    check_columns(
        table,
        mapping.columns.items(),
        missing=mapping.missing(),
        message=_(
            "Choose the column that holds: {fields}. If the file has no such column, add "
            "it in the spreadsheet and import again."
        ),
        joiner=" / ",
    )
    dated = mapping.kind is ImportKind.CHECK_INS and mapping.column(F.DATE) is not None
    if dated and directory.starts_on is None:
        raise ValidationError(
            _(
                "The pilot has no start date, so a date can't be turned into a pilot week. "
                "Set the pilot's start date, or use a column with the week number."
            ),
            field=F.DATE.value,
        )


def _says_nothing(entry: Entry) -> bool:
    """A survey or score row with a person and nothing else changes nothing."""
    if isinstance(entry, ScoresEntry):
        return not entry.values
    if isinstance(entry, SurveyEntry):
        return entry.satisfaction is None and entry.recommend is None and entry.comment is None
    return False


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
    latest, dropped = one_per_key(
        plan.rows,
        lambda row: _key(row.entry),
        lambda row, _kept: not isinstance(row.entry, ApplicationInput),
    )
    plan.left_out += len(dropped)
    for loser, winner in dropped:
        earlier, later = sorted((loser, winner), key=lambda r: r.row)
        if isinstance(loser.entry, ApplicationInput):
            message = _(
                "Rows {first} and {second} log the same use of AI by {person}: row {first} is kept."
            ).format(first=earlier.row, second=later.row, person=later.person)
        else:
            message = _("Rows {first} and {second} are both {what}: row {second} is kept.").format(
                first=earlier.row, second=later.row, what=_describe(later)
            )
        plan.notes.append(Problem(loser.row, None, message, None, "warning"))
    kept: list[GoodRow] = []
    recorded = 0
    for row in latest:
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
