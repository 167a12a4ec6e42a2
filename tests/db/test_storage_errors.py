"""A data file another program is writing to gives a plain message, not a bug report."""

from __future__ import annotations

import sqlite3

import pytest

from app.context import AppServices
from app.errors import DataFileError
from app.services.people import PeopleQuery, PersonInput
from db.schema import open_database


def test_saving_while_another_program_holds_the_file_says_so_and_changes_nothing(tmp_path):
    path = tmp_path / "shared.upskill"
    services = AppServices.for_database(open_database(path, lock_timeout=0.2))
    other = sqlite3.connect(path, timeout=0.1)
    try:
        other.execute("BEGIN IMMEDIATE")  # another copy of the app in the middle of a save
        with pytest.raises(DataFileError, match="in use by another program"):
            services.people.add(PersonInput(first_name="Ann"))
        other.rollback()
        services.people.add(PersonInput(first_name="Ann"))
        assert services.people.count(PeopleQuery()) == 1
    finally:
        other.close()
        services.close()


def test_a_bug_in_a_query_is_not_disguised_as_a_storage_problem(tmp_path):
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    database = open_database(tmp_path / "f.upskill")
    try:
        with pytest.raises(OperationalError), database.reading() as session:
            session.execute(text("SELECT no_such_column FROM employee"))
    finally:
        database.close()


def test_a_server_whose_database_driver_is_not_installed_gets_a_plain_message():
    # The installed app bundles no server drivers; MySQLdb is not installed here either.
    from app.context import open_services

    with pytest.raises(DataFileError, match=r"cannot connect to a mysql server.*MySQLdb"):
        open_services("mysql+mysqldb://someone@localhost/programme")
