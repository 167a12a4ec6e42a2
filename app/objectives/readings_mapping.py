"""Guess which columns of a readings file hold the metric, the date, the value, the note and
the objective, from the header words people use.

Headers are compared without case, spaces or punctuation. Each header scores per field;
fields are handed out as in every import (``app.sheet_import.columns.assign_columns``).
"""

from __future__ import annotations

from app.objectives.readings_model import ReadingField, ReadingsMapping
from app.roster.mapping import normalise_header
from app.sheet_import.columns import assign_columns

F = ReadingField

_METRIC = {
    "metric": 10,
    "metricname": 10,
    "measure": 9,
    "measurename": 9,
    "kpi": 9,
    "kpiname": 9,
    "indicator": 9,
    "indicatorname": 9,
    "successmetric": 10,
    "series": 6,
    "name": 5,
    "item": 4,
    "what": 4,
}
_OBJECTIVE = {
    "objective": 10,
    "objectivename": 10,
    "objectivetitle": 10,
    "goal": 9,
    "outcome": 8,
    "businessobjective": 10,
}
_DATE = {
    "date": 10,
    "measuredon": 10,
    "datemeasured": 10,
    "measurementdate": 10,
    "measureddate": 10,
    "readingdate": 10,
    "recordedon": 9,
    "daterecorded": 9,
    "asof": 9,
    "asat": 9,
    "asofdate": 9,
    "reportingdate": 9,
    "period": 7,
    "periodending": 8,
    "weekending": 8,
    "weekof": 7,
    "week": 6,
    "month": 6,
    "day": 6,
    "when": 6,
    "on": 4,
}
_VALUE = {
    "value": 10,
    "reading": 10,
    "measuredvalue": 10,
    "actual": 9,
    "actualvalue": 9,
    "actuals": 9,
    "result": 8,
    "measurement": 8,
    "figure": 8,
    "amount": 7,
    "number": 6,
    "count": 6,
    "total": 6,
    "score": 6,
    "level": 5,
    "observed": 7,
    "val": 7,
}
_NOTE = {
    "note": 10,
    "notes": 10,
    "comment": 10,
    "comments": 10,
    "remark": 9,
    "remarks": 9,
    "memo": 8,
    "source": 6,
    "description": 6,
    "details": 6,
    "explanation": 7,
}


def score_header(header: str) -> list[tuple[int, ReadingField]]:
    """Candidate meanings of one header with their scores, best first (may be empty)."""
    key = normalise_header(header)
    if not key:
        return []
    found: list[tuple[int, ReadingField]] = []
    for table, fld in (
        (_METRIC, F.METRIC),
        (_OBJECTIVE, F.OBJECTIVE),
        (_DATE, F.DATE),
        (_VALUE, F.VALUE),
        (_NOTE, F.NOTE),
    ):
        if key in table:
            found.append((table[key], fld))
    if not any(fld is F.DATE for _s, fld in found) and "date" in key:
        found.append((5, F.DATE))
    if not any(fld is F.METRIC for _s, fld in found) and ("metric" in key or "kpi" in key):
        found.append((5, F.METRIC))
    if not any(fld is F.VALUE for _s, fld in found) and "value" in key:
        found.append((5, F.VALUE))
    if not any(fld is F.NOTE for _s, fld in found) and ("note" in key or "comment" in key):
        found.append((5, F.NOTE))
    return sorted(found, key=lambda item: -item[0])


def guess_readings_mapping(headers: list[str]) -> ReadingsMapping:
    """Guess the columns of a readings file from its headers; unknown columns are left out."""
    chosen = assign_columns(headers, lambda h: ((s, f, None) for s, f in score_header(h)))
    column = {fld: index for fld, (index, _none) in chosen.items()}
    return ReadingsMapping(
        metric=column.get(F.METRIC),
        date=column.get(F.DATE),
        value=column.get(F.VALUE),
        note=column.get(F.NOTE),
        objective=column.get(F.OBJECTIVE),
    )
