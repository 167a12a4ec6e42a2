"""The schema only changes through Alembic, and opening a file is safe."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

import db.models  # noqa: F401
from app.context import open_services
from app.errors import DataFileError
from db.base import Base
from db.schema import KNOWN_REVISIONS, MIGRATIONS_PACKAGE, SCHEMA_HEAD, open_database


def _scripts() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", MIGRATIONS_PACKAGE)
    return ScriptDirectory.from_config(config)


def test_revision_chain_is_linear_and_matches_the_known_revisions():
    scripts = _scripts()
    assert len(scripts.get_heads()) == 1
    chain = [rev.revision for rev in scripts.walk_revisions()][::-1]
    assert tuple(chain) == KNOWN_REVISIONS
    assert scripts.get_current_head() == SCHEMA_HEAD


@pytest.mark.database
def test_upgrade_from_an_empty_database_equals_the_models(database_url):
    database = open_database(database_url)
    try:
        with database.engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "render_as_batch": True}
            )
            differences = compare_metadata(context, Base.metadata)
        assert differences == []
    finally:
        database.close()


def test_sqlite_files_have_foreign_keys_wal_and_full_sync(tmp_path):
    database = open_database(tmp_path / "org.upskill")
    try:
        with database.reading() as session:
            assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    finally:
        database.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_file_from_a_newer_version_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "newer.upskill"
    open_database(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '29991231_9999'")
    connection.close()
    before = _digest(path)
    with pytest.raises(DataFileError, match="newer version of Upskill Planner"):
        open_services(path)
    assert _digest(path) == before


def test_a_file_that_is_not_a_data_file_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "notes.upskill"
    path.write_text("shopping list: milk, eggs")
    with pytest.raises(DataFileError, match="not an Upskill Planner data file"):
        open_services(path)
    assert path.read_text() == "shopping list: milk, eggs"


def test_a_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    connection.close()
    with pytest.raises(DataFileError, match="did not create"):
        open_services(path)


def test_an_older_file_is_backed_up_before_it_is_upgraded(tmp_path):
    path = tmp_path / "old.upskill"
    open_database(path).close()
    # With a single revision there is no real older schema yet: declare a fake older one.
    from db import schema

    original = schema.KNOWN_REVISIONS
    try:
        schema.KNOWN_REVISIONS = ("20250101_0000", *original)
        with sqlite3.connect(path) as connection:
            connection.execute("UPDATE alembic_version SET version_num = '20250101_0000'")
        connection.close()
        # Alembic does not know the fake old revision, so the upgrade fails, after the backup
        # was taken: the message points the user at that copy.
        with pytest.raises(DataFileError, match="A copy taken just before the upgrade"):
            open_services(path)
    finally:
        schema.KNOWN_REVISIONS = original
    backups = list(tmp_path.glob("old.before-upgrade-20250101_0000-*.upskill.bak"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "20250101_0000",
        )
    copy.close()


def test_a_file_from_the_previous_version_is_backed_up_then_upgraded_with_its_people(tmp_path):
    from alembic import command

    path = tmp_path / "last-year.upskill"
    engine = open_database(path).engine
    with engine.connect() as connection:
        config = Config()
        config.set_main_option("script_location", MIGRATIONS_PACKAGE)
        config.attributes["connection"] = connection
        command.downgrade(config, KNOWN_REVISIONS[-2])
        connection.execute(
            text(
                "INSERT INTO employee (uuid, display_name, status, created_at, updated_at) "
                "VALUES ('0123456789abcdef0123456789abcdef', 'Zoë Old', 'active', "
                "'2025-01-01', '2025-01-01')"
            )
        )
        connection.commit()
    engine.dispose()

    services = open_services(path)
    try:
        from app.services.people import PeopleQuery

        assert [p.display_name for p in services.people.page(PeopleQuery(), 0, 5)] == ["Zoë Old"]
        with services.database.reading() as session:
            assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
                SCHEMA_HEAD
            )
    finally:
        services.close()
    backups = list(tmp_path.glob(f"last-year.before-upgrade-{KNOWN_REVISIONS[-2]}-*.bak"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (
            KNOWN_REVISIONS[-2],
        )
        assert copy.execute("SELECT display_name FROM employee").fetchall() == [("Zoë Old",)]
    copy.close()


def test_modules_of_the_old_formats_are_renamed_when_a_file_is_upgraded_to_role_paths(tmp_path):
    from alembic import command

    path = tmp_path / "before-paths.upskill"
    engine = open_database(path).engine
    with engine.connect() as connection:
        config = Config()
        config.set_main_option("script_location", MIGRATIONS_PACKAGE)
        config.attributes["connection"] = connection
        command.downgrade(config, "20261123_0003")
        for n, old in enumerate(("webinar", "coaching", "project", "workshop")):
            connection.execute(
                text(
                    "INSERT INTO learning_module (uuid, key, title, hours, format, level, "
                    "created_at, updated_at) VALUES (:uuid, :key, 'A module', 2, :format, "
                    "'awareness', '2025-01-01', '2025-01-01')"
                ),
                {"uuid": f"{n:032x}", "key": f"m{n}", "format": old},
            )
        connection.commit()
    engine.dispose()

    database = open_database(path)
    try:
        with database.engine.connect() as connection:
            formats = connection.execute(
                text("SELECT key, format FROM learning_module ORDER BY key")
            ).all()
            hours = connection.execute(
                text("SELECT learning_hours_per_week FROM organisation")
            ).all()
            with pytest.raises(Exception, match=r"(?i)check"):
                connection.execute(text("UPDATE learning_module SET format = 'webinar'"))
    finally:
        database.close()
    assert formats == [
        ("m0", "e_learning"),
        ("m1", "mentoring"),
        ("m2", "hands_on_lab"),
        ("m3", "workshop"),
    ]
    assert hours == []  # no organisation row yet; new rows get the default of 2 hours


def test_finished_pilots_become_evaluating_or_decided_when_a_file_is_upgraded_to_pilots(tmp_path):
    from alembic import command

    path = tmp_path / "before-pilots.upskill"
    engine = open_database(path).engine
    with engine.connect() as connection:
        config = Config()
        config.set_main_option("script_location", MIGRATIONS_PACKAGE)
        config.attributes["connection"] = connection
        command.downgrade(config, "20261124_0005")
        for n, (status, decision) in enumerate(
            (("finished", None), ("finished", "scale"), ("running", None))
        ):
            connection.execute(
                text(
                    "INSERT INTO pilot (uuid, name, status, decision, created_at, updated_at) "
                    "VALUES (:uuid, :name, :status, :decision, '2025-01-01', '2025-01-01')"
                ),
                {"uuid": f"{n:032x}", "name": f"p{n}", "status": status, "decision": decision},
            )
        connection.commit()
    engine.dispose()

    database = open_database(path)
    try:
        with database.engine.connect() as connection:
            statuses = connection.execute(
                text("SELECT name, status FROM pilot ORDER BY name")
            ).all()
            with pytest.raises(Exception, match=r"(?i)check"):
                connection.execute(text("UPDATE pilot SET status = 'finished'"))
    finally:
        database.close()
    assert statuses == [("p0", "evaluating"), ("p1", "decided"), ("p2", "running")]
