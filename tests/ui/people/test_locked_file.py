"""Saving a person while another program writes to the data file: a plain message, the form
stays open with what was typed, and nothing is saved until the file is free again."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt

from app.context import AppServices
from app.services.people import PeopleQuery
from db.schema import open_database
from ui.change_bridge import ChangeBridge
from ui.people.people_page import PeoplePage


def test_adding_a_person_while_the_file_is_locked_keeps_the_form_and_saves_nothing(qtbot, tmp_path):
    path = tmp_path / "shared.upskill"
    services = AppServices.for_database(open_database(path, lock_timeout=0.2))
    bridge = ChangeBridge(services.changes)
    page = PeoplePage(services, bridge)
    qtbot.addWidget(page)
    page.show()
    other = sqlite3.connect(path, timeout=0.1)
    try:
        qtbot.mouseClick(page.empty_add, Qt.MouseButton.LeftButton)
        dialog = page.person_dialog
        assert dialog is not None
        # QTest can only type ASCII keys; an input method inserts the rest as text.
        dialog.first_name.insert("Ngọc")
        dialog.last_name.setFocus()
        dialog.last_name.insert("Trần")
        other.execute("BEGIN IMMEDIATE")  # another copy of the app is saving
        qtbot.keyClick(dialog.last_name, Qt.Key.Key_Return)
        assert dialog.isVisible()
        assert "in use by another program" in dialog.general_error.text()
        assert dialog.first_name.text() == "Ngọc"
        other.rollback()
        assert services.people.count(PeopleQuery()) == 0

        qtbot.keyClick(dialog.last_name, Qt.Key.Key_Return)  # the other program is done
        assert not dialog.isVisible()
        assert [row.display_name for row in services.people.page(PeopleQuery(), 0, 5)] == [
            "Ngọc Trần"
        ]
    finally:
        other.close()
        bridge.detach()
        page.close()
        services.close()
