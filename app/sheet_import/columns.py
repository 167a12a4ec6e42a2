"""Columns of an imported spreadsheet: what each import's fields look like, guessing which
column holds which field from the headers, refusing a mapping that can't work, and what a
whole column says about how to read it (dates day or month first, scores as fractions).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol, TypeVar

from app.errors import ValidationError
from app.i18n import _
from app.roster.model import RosterTable
from app.roster.values import numeric_date_order
from app.sheet_import.values import ScoreError, parse_score, scores_are_fractions


class ImportField(Protocol):
    """A field an import can map a column to: a StrEnum member with a label for people."""

    @property
    def value(self) -> str: ...

    @property
    def label(self) -> str: ...


F = TypeVar("F", bound=ImportField)
F_contra = TypeVar("F_contra", bound=ImportField, contravariant=True)
K = TypeVar("K")


class ColumnChoice(Protocol[F_contra]):
    """An import's column mapping as the shared checking reads it."""

    def column(self, fld: F_contra, /) -> int | None:
        """The index into ``RosterTable.headers`` of the field's column; None when none."""
        ...

    @property
    def day_first(self) -> bool | None:
        """How to read dates like 03/04/2026; None decides from the column."""
        ...


def assign_columns(
    headers: Sequence[str], score: Callable[[str], Iterable[tuple[int, F, K]]]
) -> dict[F, tuple[int, K]]:
    """Hand fields to columns, best score first: each field to one column and each column to
    one field, the leftmost column on a tie. ``score`` gives a header's candidate fields,
    each with a score and whatever else the import keeps with its choice (or None).
    """
    candidates = [
        (points, index, fld, extra)
        for index, header in enumerate(headers)
        for points, fld, extra in score(header)
    ]
    candidates.sort(key=lambda item: (-item[0], item[1]))
    chosen: dict[F, tuple[int, K]] = {}
    used: set[int] = set()
    for _points, index, fld, extra in candidates:
        if fld in chosen or index in used:
            continue
        chosen[fld] = (index, extra)
        used.add(index)
    return chosen


def check_columns(
    table: RosterTable,
    chosen: Iterable[tuple[F, int | None]],
    *,
    missing: Sequence[F],
    message: str,
    joiner: str = ", ",
) -> None:
    """Refuse (ValidationError) a mapping that misses a field or uses a column twice.

    ``message`` says what to choose, with ``{fields}`` for the labels of ``missing``.
    """
    if missing:
        raise ValidationError(
            message.format(fields=joiner.join(f.label for f in missing)),
            field=missing[0].value,
        )
    seen: dict[int, F] = {}
    for fld, column in chosen:
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


def read_day_first(
    table: RosterTable, column: int | None, remarks: list[str], *, advice: str = ""
) -> bool:
    """Whether the dates of a column are written day first (unless some date only makes
    sense month first); says so in ``remarks`` when the column has dates like 03/04/2026.
    ``advice`` is added to the remark about reading them day first."""
    if column is None:
        return True
    texts = [r.cells[column] for r in table.rows if column < len(r.cells)]
    day_first, ambiguous = numeric_date_order(t for t in texts if isinstance(t, str))
    if ambiguous:
        if day_first:
            note = _("Dates such as 03/04/2026 in “{column}” were read day first (3 April 2026).")
        else:
            note = _(
                "Dates such as 03/04/2026 in “{column}” were read month first (March 4, "
                "2026), because some dates in the column only make sense that way."
            )
        note = note.format(column=table.headers[column])
        remarks.append(f"{note} {advice}" if day_first and advice else note)
    return day_first


def bare_fractions(table: RosterTable, columns: Sequence[int]) -> bool:
    """True when every bare number in these score columns is from 0 to 1 (0.85 is 85 %)."""
    plain: list[float] = []
    for row in table.rows:
        for column in columns:
            try:
                parsed = parse_score(row.cells[column] if column < len(row.cells) else None)
            except ScoreError:
                continue
            if parsed is not None and not parsed[1]:
                plain.append(parsed[0])
    return bool(columns) and scores_are_fractions(plain)
