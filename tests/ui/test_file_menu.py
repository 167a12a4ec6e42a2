"""File menu: New, Open, Open recent, Save a copy, Back up, Quit; switching files safely."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.context import open_services
from app.services.people import PeopleQuery, PersonInput
from tests.ui.conftest import close_message_boxes, message_boxes
from ui.settings import MAX_RECENT_FILES


def make_data_file(path: Path, *people: str, organisation: str | None = None) -> Path:
    services = open_services(path)
    try:
        for name in people:
            first, last = name.split()
            services.people.add(PersonInput(first_name=first, last_name=last))
        if organisation:
            services.organisation.update_settings(organisation, 5)
    finally:
        services.close()
    return path


def people_in(path: Path) -> list[str]:
    services = open_services(path)
    try:
        return sorted(r.display_name for r in services.people.page(PeopleQuery(), 0, 100))
    finally:
        services.close()


def wait_for_copy(qtbot, window, action) -> Path:
    with qtbot.waitSignal(window.file_actions.copy_written, timeout=30_000) as blocker:
        action.trigger()
    return Path(blocker.args[0])


def test_new_creates_an_empty_data_file_and_switches_to_it(qtbot, file_window, tmp_path):
    file_window.services.people.add(PersonInput(first_name="Zoë", last_name="Martin"))
    old_file = Path(file_window.services.database.display_name)
    file_window.file_dialogs.choose_new_file = lambda suggested: tmp_path / "Acme"

    qtbot.keyClick(file_window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)

    new_file = tmp_path / "Acme.upskill"
    assert new_file.is_file()
    assert file_window.windowTitle() == "Acme.upskill — Upskill Planner"
    assert file_window.services.people.count(PeopleQuery()) == 0
    assert file_window.people_status.text() == "0 people"
    assert file_window.dashboard_page.empty_state.isVisible()
    assert people_in(old_file) == ["Zoë Martin"]  # the old file is untouched


def test_new_refuses_to_overwrite_an_existing_file(qtbot, file_window, tmp_path):
    existing = make_data_file(tmp_path / "Precious.upskill", "Ngọc Tran")
    file_window.file_dialogs.choose_new_file = lambda suggested: existing

    file_window.file_actions.new_action.trigger()

    boxes = message_boxes(file_window)
    assert len(boxes) == 1 and "already a file called Precious.upskill" in boxes[0].text()
    close_message_boxes(file_window)
    assert file_window.windowTitle() == "Current.upskill — Upskill Planner"
    assert people_in(existing) == ["Ngọc Tran"]


def test_open_switches_to_the_chosen_file_and_shows_its_people(qtbot, file_window, tmp_path):
    other = make_data_file(
        tmp_path / "Workshop.upskill", "Łukasz Nowak", "李 娜", organisation="Acme Ltd"
    )
    file_window.file_dialogs.choose_file_to_open = lambda folder: other

    qtbot.keyClick(file_window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)

    assert file_window.windowTitle() == "Workshop.upskill — Upskill Planner"
    assert str(other) in file_window.file_status.text()
    assert file_window.people_status.text() == "2 people"
    assert file_window.dashboard_page.name_label.text() == "Acme Ltd"
    # the pages now work on the new file: a change there reaches the dashboard
    file_window.services.people.add(PersonInput(first_name="Zoë", last_name="Martin"))
    qtbot.waitUntil(lambda: file_window.people_status.text() == "3 people")
    assert people_in(other) == sorted(["Łukasz Nowak", "Zoë Martin", "李 娜"])


def test_opening_a_file_from_a_newer_version_shows_a_message_and_keeps_the_current_file(
    qtbot, file_window, tmp_path
):
    newer = make_data_file(tmp_path / "FromTheFuture.upskill", "Zoë Martin")
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '20991231_9999'")
    file_window.services.people.add(PersonInput(first_name="Ngọc", last_name="Tran"))
    file_window.file_dialogs.choose_file_to_open = lambda folder: newer

    file_window.file_actions.open_action.trigger()

    boxes = message_boxes(file_window)
    assert len(boxes) == 1
    assert "newer version of Upskill Planner" in boxes[0].text()
    assert boxes[0].icon() == QMessageBox.Icon.Warning
    close_message_boxes(file_window)
    assert file_window.windowTitle() == "Current.upskill — Upskill Planner"
    assert file_window.services.people.count(PeopleQuery()) == 1  # still usable
    with sqlite3.connect(newer) as connection:  # and the newer file was not touched
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "20991231_9999",
        )


def test_opening_a_damaged_file_shows_a_message_and_keeps_the_current_file(
    qtbot, file_window, tmp_path
):
    damaged = tmp_path / "Damaged.upskill"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)

    assert not file_window.open_data_file(damaged)

    boxes = message_boxes(file_window)
    assert len(boxes) == 1
    assert "Traceback" not in boxes[0].text()
    close_message_boxes(file_window)
    assert file_window.windowTitle() == "Current.upskill — Upskill Planner"
    assert file_window.services.people.count(PeopleQuery()) == 0


def test_open_recent_lists_the_last_files(qtbot, file_window, tmp_path):
    files = [make_data_file(tmp_path / f"Team {n}.upskill") for n in range(1, 11)]
    for path in files:
        assert file_window.open_data_file(path)

    recent = file_window.file_actions.recent_paths()
    assert recent == [str(p) for p in reversed(files)][:MAX_RECENT_FILES]
    labels = [a.text() for a in file_window.file_actions.recent_menu.actions() if a.data()]
    assert labels[0] == "&1 Team 10.upskill"

    # choosing one from the menu opens it and moves it to the top
    target = next(
        a for a in file_window.file_actions.recent_menu.actions() if a.data() == recent[3]
    )
    target.trigger()
    assert file_window.windowTitle() == f"{Path(recent[3]).name} — Upskill Planner"
    assert file_window.file_actions.recent_paths()[0] == recent[3]


def test_open_recent_drops_files_that_no_longer_exist_and_says_so(qtbot, file_window, tmp_path):
    kept = make_data_file(tmp_path / "Kept.upskill")
    gone = make_data_file(tmp_path / "Gone.upskill")
    assert file_window.open_data_file(gone)
    assert file_window.open_data_file(kept)
    gone.unlink()

    recent = file_window.file_actions.recent_paths()
    assert str(gone) not in recent and str(kept) in recent
    notes = [a.text() for a in file_window.file_actions.recent_menu.actions() if not a.isEnabled()]
    assert any("Gone.upskill" in note for note in notes)

    # a file that disappears while the menu is open: a message, and it leaves the list
    vanishing = make_data_file(tmp_path / "Vanishing.upskill")
    file_window.settings.add_recent_file(str(vanishing))
    vanishing.unlink()
    assert not file_window.file_actions.open_recent(str(vanishing))
    boxes = message_boxes(file_window)
    assert len(boxes) == 1 and "no longer there" in boxes[0].text()
    close_message_boxes(file_window)
    assert str(vanishing) not in file_window.settings.recent_files()
    assert file_window.windowTitle() == "Kept.upskill — Upskill Planner"


def test_save_a_copy_writes_a_file_that_opens_with_the_same_people(qtbot, file_window, tmp_path):
    for first, last in (("Łukasz", "Nowak"), ("Zoë", "Martin")):
        file_window.services.people.add(PersonInput(first_name=first, last_name=last))
    suggestions: list[Path] = []

    def choose(title: str, suggested: Path) -> Path:
        suggestions.append(suggested)
        return tmp_path / "copies" / "Board meeting"

    file_window.file_dialogs.choose_copy_destination = choose
    written = wait_for_copy(qtbot, file_window, file_window.file_actions.save_copy_action)

    assert written == (tmp_path / "copies" / "Board meeting.upskill").resolve()
    assert suggestions[0].name == "Current copy.upskill"
    assert people_in(written) == ["Zoë Martin", "Łukasz Nowak"]
    assert file_window.windowTitle() == "Current.upskill — Upskill Planner"  # still working here
    boxes = message_boxes(file_window)
    assert len(boxes) == 1 and "still working in Current.upskill" in boxes[0].text()
    close_message_boxes(file_window)


def test_save_a_copy_over_the_open_file_is_refused(qtbot, file_window):
    current = Path(file_window.services.database.display_name)
    file_window.file_dialogs.choose_copy_destination = lambda title, suggested: current
    file_window.file_actions.save_copy_action.trigger()
    task = file_window.file_actions.task
    assert task is not None
    qtbot.waitUntil(lambda: task.done, timeout=30_000)
    qtbot.waitUntil(lambda: bool(message_boxes(file_window)))
    assert "different file" in message_boxes(file_window)[0].text()
    close_message_boxes(file_window)


def test_back_up_suggests_a_dated_name_and_writes_the_backup(qtbot, file_window, tmp_path):
    file_window.services.people.add(PersonInput(first_name="Ngọc", last_name="Tran"))
    suggestions: list[Path] = []

    def choose(title: str, suggested: Path) -> Path:
        suggestions.append(suggested)
        return tmp_path / "backups" / suggested.name

    file_window.file_dialogs.choose_copy_destination = choose
    written = wait_for_copy(qtbot, file_window, file_window.file_actions.backup_action)

    assert re.fullmatch(r"Current-backup-\d{4}-\d{2}-\d{2}-\d{4}\.upskill", suggestions[0].name)
    assert written.parent == (tmp_path / "backups").resolve()
    assert people_in(written) == ["Ngọc Tran"]
    close_message_boxes(file_window)


def test_quit_closes_the_window_and_remembers_the_file(qtbot, file_window):
    qtbot.waitActive(file_window)
    qtbot.keyClick(file_window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not file_window.isVisible()
    assert file_window.settings.last_opened_file() == file_window.services.database.display_name


def test_a_data_file_the_system_hands_over_opens_in_the_window(qtbot, file_window, tmp_path):
    # macOS sends a double-clicked .upskill file to the running app as a FileOpen event.
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QFileOpenEvent
    from PySide6.QtWidgets import QApplication

    from ui.app import DataFileOpenRequests

    handed_over = make_data_file(tmp_path / "Programme 2027.upskill")
    requests = DataFileOpenRequests(file_window)
    application = QApplication.instance()
    application.installEventFilter(requests)
    try:
        QCoreApplication.sendEvent(application, QFileOpenEvent(str(handed_over)))
        qtbot.waitUntil(
            lambda: file_window.windowTitle() == "Programme 2027.upskill — Upskill Planner"
        )
    finally:
        application.removeEventFilter(requests)
    assert file_window.file_actions.recent_paths()[0] == str(handed_over)
