"""The assign dialog's item models pass Qt's model checks, full and filtered."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.context import AppServices
from app.services.people import PeopleQuery
from db.models import EmployeeStatus, Track
from tests.app.skills_people import add_department_people
from ui.paths.assign_people import PeopleChecklistModel, PeopleSearch
from ui.paths.assign_preview import AssignPreviewModel, preview_rows

pytestmark = pytest.mark.database


def test_the_people_checklist_and_the_preview_pass_qtmodeltester(
    qtmodeltester, services: AppServices
) -> None:
    role = services.organisation.add_role("Agent", Track.FRONTLINE)
    people = add_department_people(services, "Support", 7, role)
    rows = services.people.rows(
        services.people.ordered_ids(PeopleQuery(status=EmployeeStatus.ACTIVE))
    )
    checklist = PeopleChecklistModel(rows)
    qtmodeltester.check(checklist)
    checklist.setData(checklist.index(2), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert checklist.ticked_ids() == [rows[2].id]
    search = PeopleSearch(checklist)
    search.search("support3")
    qtmodeltester.check(search)
    assert search.rowCount() == 1

    path = services.paths.create_from_template("frontline_awareness")
    services.suggestions.assign(path, people[:1], starts_on=date.today())
    modules = {m.key: m for m in services.paths.modules()}
    path_modules = [modules[k] for k in services.paths.path(path).layout.module_keys()]
    found = services.suggestions.suggestions(path, people)
    preview = AssignPreviewModel()
    preview.set_rows(
        preview_rows(people, {r.id: r for r in rows}, path_modules, found, {people[0]})
    )
    qtmodeltester.check(preview)
    assert preview.rowCount() == 7
    assert preview.trimmed_count() == 0
