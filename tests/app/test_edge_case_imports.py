"""Every shared edge-case file is either imported or rejected with a clear message, fast,
and a rejected file leaves the data file exactly as it was."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from app.errors import UserFacingError
from app.roster.model import RosterField
from app.services.people import PeopleQuery
from tests.conftest import SHARED_DATA

EDGE_CASE_FILES = sorted(
    path
    for folder in ("csv-import-edge-cases", "xlsx-import-edge-cases")
    for path in (SHARED_DATA / folder).glob("*")
    if path.suffix in {".csv", ".xlsx"}
)


@pytest.mark.skipif(not EDGE_CASE_FILES, reason="../shared/data is not present")
@pytest.mark.parametrize("path", EDGE_CASE_FILES, ids=lambda p: p.name)
def test_edge_case_file_is_imported_or_rejected_cleanly(services, path: Path):
    started = time.monotonic()
    try:
        plan, summary = services.roster.import_file(path)
    except UserFacingError as refused:
        assert len(refused.message) > 20
        assert "Traceback" not in refused.message
        assert services.people.count(PeopleQuery()) == 0
    else:
        if summary is None:
            assert plan.errors
            assert all(problem.message for problem in plan.errors)
            assert services.people.count(PeopleQuery()) == 0
        else:
            assert services.people.count(PeopleQuery()) == summary.imported == len(plan.people)
    assert time.monotonic() - started < 10


@pytest.mark.skipif(not EDGE_CASE_FILES, reason="../shared/data is not present")
@pytest.mark.parametrize("path", EDGE_CASE_FILES, ids=lambda p: p.name)
def test_a_readable_edge_case_file_imports_once_a_name_column_is_chosen(services, path: Path):
    """What a user does in the dialog when no column was recognised: pick the name column."""
    try:
        table = services.roster.read(path)
    except UserFacingError as refused:
        # A file refused when read offers no column to choose: the user is told why and
        # nothing is stored (the previous test checks the wording of each refusal).
        assert refused.message.strip() and "Traceback" not in refused.message
        assert services.people.count(PeopleQuery()) == 0
        return
    mapping = {RosterField.FULL_NAME: 0}
    plan = services.roster.check(table, mapping)
    if not plan.ok:
        assert all(problem.row is not None or problem.message for problem in plan.errors)
        assert services.people.count(PeopleQuery()) == 0
        return
    summary = services.roster.apply(plan, mapping, source=path.name)
    assert summary.imported == len(plan.people) > 0
    assert services.people.count(PeopleQuery()) == summary.imported
