"""Checking an imported spreadsheet row by row, before anything is saved: the plan of good rows
and problems each import fills, the row being checked (its cells by field, its complaints
with its row number), and keeping one row where the file says the same thing twice.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, TypeVar

from app.i18n import _
from app.progress import CancelToken, Progress
from app.roster.model import Cell, Problem, RosterTable, SourceRow
from app.roster.values import cell_text
from app.sheet_import.columns import ColumnChoice, F, read_day_first
from app.sheet_import.people import KnownPerson, NotIdentified, PeopleIndex, PersonKey
from app.sheet_import.values import is_blank, read_date, text_in

R = TypeVar("R")
T = TypeVar("T")


def in_chunks(
    items: Sequence[T], progress: Progress, cancel: CancelToken | None, *, every: int
) -> Iterator[T]:
    """Each item, saying how far it got and stopping when cancelled every ``every`` items."""
    total = len(items)
    for position, item in enumerate(items):
        if position % every == 0:
            if cancel is not None:
                cancel.raise_if_cancelled()
            progress(position, total)
        yield item
    progress(total, total)


@dataclass
class CheckedPlan(Generic[R]):
    """Everything an import would save, and every row that stops it, before any write."""

    source: str
    rows: list[R] = field(default_factory=list)
    bad: list[Problem] = field(default_factory=list)
    """One error per problem of a bad row, with its row number and a plain reason."""
    notes: list[Problem] = field(default_factory=list)
    """Duplicates and reading warnings: worth knowing, but they don't stop the import."""
    remarks: list[str] = field(default_factory=list)
    """Things done for the whole file ("dates read day first", "fractions read as %")."""
    total_rows: int = 0

    @property
    def ok(self) -> bool:
        """True when no row is bad: the import can run as it is."""
        return not self.bad

    @property
    def bad_rows(self) -> int:
        return len({p.row for p in self.bad})


class SheetCheck(Generic[F]):
    """The check of one table against a mapping: what the whole file says, and its rows.

    Starts the plan with what reading the file found, and decides how to read the dates of
    the ``dates`` column (``date_advice`` is added to the remark about reading them day first).
    """

    def __init__(
        self,
        table: RosterTable,
        mapping: ColumnChoice[F],
        plan: CheckedPlan[Any],
        *,
        today: date,
        dates: F | None = None,
        date_advice: str = "",
    ) -> None:
        self.table = table
        self.mapping = mapping
        self.plan = plan
        self.today = today
        plan.remarks.extend(table.notes)
        for problem in table.problems:
            (plan.bad if problem.severity == "error" else plan.notes).append(problem)
        column = mapping.column(dates) if dates is not None else None
        forced = mapping.day_first
        self.day_first = (
            forced
            if forced is not None
            else read_day_first(table, column, plan.remarks, advice=date_advice)
        )

    def header(self, fld: F | None) -> str | None:
        column = self.mapping.column(fld) if fld is not None else None
        return self.table.headers[column] if column is not None else None

    def rows(
        self, progress: Progress, cancel: CancelToken | None, *, skip_blank: Sequence[int] = ()
    ) -> Iterator[SourceRow]:
        """Every row of the table, passing over those blank in all the ``skip_blank`` columns."""
        for source in in_chunks(self.table.rows, progress, cancel, every=200):
            cells = source.cells
            if skip_blank and all(c >= len(cells) or is_blank(cells[c]) for c in skip_blank):
                continue
            yield source


class RowCheck(Generic[F]):
    """One row being checked: its cells by field, and complaints that carry its row number."""

    def __init__(self, sheet: SheetCheck[F], source: SourceRow) -> None:
        self.sheet = sheet
        self.row_number = source.number
        self.cells = source.cells
        self._bad_before = len(sheet.plan.bad)

    @property
    def ok(self) -> bool:
        """True while nothing is found wrong with the row."""
        return len(self.sheet.plan.bad) == self._bad_before

    def complain(self, fld: F | None, message: str, value: str | None) -> None:
        """Note a problem of the row in the field's column (the row's as a whole for None)."""
        problem = Problem(self.row_number, self.sheet.header(fld), message, value, "error")
        self.sheet.plan.bad.append(problem)

    def cell(self, fld: F) -> Cell:
        column = self.sheet.mapping.column(fld)
        if column is None or column >= len(self.cells):
            return None
        return self.cells[column]

    def shown(self, fld: F) -> str | None:
        """The cell as the text a person would type, None when empty."""
        return cell_text(self.cell(fld))

    def text(self, fld: F) -> str | None:
        """The cell's text with runs of spaces made one; None when blank."""
        return text_in(self.cell(fld))

    def day(
        self, fld: F, *, future: str = "", as_text: Callable[[date], str] = date.isoformat
    ) -> date | None:
        """The date in the field's cell; None when blank, or after complaining that it can't
        be read or is after today (``future`` says so, with ``{date}``)."""
        value = self.cell(fld)
        if is_blank(value):
            return None
        sheet = self.sheet
        parsed = read_date(value, date_1904=sheet.table.date_1904, day_first=sheet.day_first)
        shown = cell_text(value)
        if parsed is None:
            self.complain(
                fld,
                _(
                    "“{value}” is not a date that can be read. Write it as 2026-03-31 or "
                    "31/03/2026."
                ).format(value=shown),
                shown,
            )
        elif parsed > sheet.today:
            future = future or _("The date {date} is in the future.")
            self.complain(fld, future.format(date=as_text(parsed)), shown)
        else:
            return parsed
        return None

    def person(
        self, fld: F, key: PersonKey, people: PeopleIndex, *, missing: str, advice: str = ""
    ) -> KnownPerson | None:
        """The one person the field's cell names; None after complaining (``missing`` when the
        cell is blank; ``advice`` is added when no one has that name, number or e-mail)."""
        written = self.text(fld)
        if written is None:
            self.complain(fld, missing, None)
            return None
        try:
            return people.one(written, key)
        except NotIdentified as exc:
            unknown = not exc.ambiguous and advice
            self.complain(fld, f"{exc.message} {advice}" if unknown else exc.message, written)
            return None


def one_per_key(
    rows: Iterable[R], key: Callable[[R], Hashable], replaces: Callable[[R, R], bool]
) -> tuple[list[R], list[tuple[R, R]]]:
    """One row per key, in the order the keys first appear; a later row takes the place of
    the one kept when ``replaces(later, kept)``. Also the (dropped, kept over it) pairs."""
    kept: dict[Hashable, R] = {}
    dropped: list[tuple[R, R]] = []
    for row in rows:
        found = key(row)
        if found not in kept:
            kept[found] = row
        elif replaces(row, kept[found]):
            dropped.append((kept[found], row))
            kept[found] = row
        else:
            dropped.append((row, kept[found]))
    return list(kept.values()), dropped
